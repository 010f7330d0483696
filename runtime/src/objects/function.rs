//! `function`: a code object with its globals, builtins, defaults and closure; and the argument
//! binding that turns a call's positional and keyword arguments into the callee's slots.

use crate::errors;
use crate::frame::{self, Frame};
use crate::object::{alloc_object, none, types, Kind};
use crate::objects::code::{self, CodeObject, CO_VARARGS, CO_VARKEYWORDS};
use crate::objects::{dict, str as pystr, tuple};
use crate::value::{Header, Value};

#[repr(C)]
pub struct FunctionObject {
    pub header: Header,
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    pub name: Value,
    pub qualname: Value,
    pub defaults: Value,
    pub kwdefaults: Value,
    pub closure: Value,
    pub annotations: Value,
    pub dict: Value,
    pub module: Value,
    pub doc: Value,
}

/// A function of `code_v` with its globals and builtins (a builtins module means its dict:
/// compiled code reads the builtins as a dict).
pub fn new(code_v: Value, globals: Value, builtins: Value) -> Value {
    let builtins = crate::cache::builtins_dict(builtins);
    let f = alloc_object(types().function, std::mem::size_of::<FunctionObject>());
    if f.is_null() {
        return f;
    }
    let c = code::get(code_v);
    unsafe {
        let o = f.ptr::<FunctionObject>();
        (*o).code = code_v;
        (*o).globals = globals;
        (*o).builtins = builtins;
        (*o).name = c.name;
        (*o).qualname = c.qualname;
        (*o).defaults = Value::NULL;
        (*o).kwdefaults = Value::NULL;
        (*o).closure = Value::NULL;
        (*o).annotations = Value::NULL;
        (*o).dict = Value::NULL;
        let m = dict::get_by_name(globals, "__name__");
        (*o).module = if m.is_null() { none() } else { m };
        (*o).doc = if c.doc.is_null() { none() } else { c.doc };
    }
    f
}

#[inline]
pub fn get(f: Value) -> &'static mut FunctionObject {
    unsafe { &mut *f.ptr::<FunctionObject>() }
}

pub fn is_function(v: Value) -> bool {
    !v.is_small() && crate::object::kind_of(v) == Kind::Function
}

/// Calls a Python function: binds the arguments, pushes a frame, runs the compiled body.
pub fn call(f: Value, args: &[Value], kwnames: Value) -> Value {
    let fo = get(f);
    let c = code::get(fo.code);
    let n = c.total_args();
    let mut small = [Value::NULL; 12];
    let mut big;
    let slots: &mut [Value] = if n <= small.len() {
        &mut small[..n]
    } else {
        big = vec![Value::NULL; n];
        &mut big[..]
    };
    let simple = kwnames.is_null() && args.len() == c.argcount as usize && n == args.len();
    if simple {
        slots.copy_from_slice(args);
    } else if !bind(fo, c, args, kwnames, slots) {
        return Value::NULL;
    }
    if c.flags & (code::CO_GENERATOR | code::CO_COROUTINE | code::CO_ASYNC_GENERATOR) != 0 {
        return crate::objects::generator::new(f, fo, c, slots);
    }
    run(f, fo, c, slots.as_ptr(), Value::NULL)
}

/// Runs the body of `f` with already-bound argument slots and an optional locals dict.
pub fn run(
    f: Value,
    fo: &FunctionObject,
    c: &CodeObject,
    slots: *const Value,
    locals: Value,
) -> Value {
    let Some(entry) = c.entry else {
        return errors::runtime_error("code object has no compiled body");
    };
    let mut fr = Frame {
        back: std::ptr::null_mut(),
        func: f,
        globals: fo.globals,
        builtins: fo.builtins,
        locals,
        args: slots,
        code: c,
        line: 0,
        gen: std::ptr::null_mut(),
        obj: Value::NULL,
    };
    frame::with_frame(&mut fr, |p| unsafe { entry(p) })
}

/// The name argument-binding errors give the function: its `__qualname__` from 3.10 on, its
/// code's name before (CPython 3.8 and 3.9 say `f()`, not `C.f()`).
fn qualname(fo: &FunctionObject) -> &'static str {
    if crate::sys::bytecode_version() < (3, 10) {
        return pystr::as_str(code::get(fo.code).name);
    }
    pystr::as_str(fo.qualname)
}

fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        k => format!("{}, and {}", quoted[..k - 1].join(", "), quoted[k - 1]),
    }
}

/// CPython's argument binding, with its error messages.
fn bind(
    fo: &FunctionObject,
    c: &CodeObject,
    args: &[Value],
    kwnames: Value,
    slots: &mut [Value],
) -> bool {
    let nkw = if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    };
    let npos = args.len() - nkw;
    let argcount = c.argcount as usize;
    let kwonly = c.kwonlyargcount as usize;
    let posonly = c.posonlyargcount as usize;
    let total_named = argcount + kwonly;
    let mut next_slot = total_named;
    let varargs_slot = if c.flags & CO_VARARGS != 0 {
        next_slot += 1;
        Some(next_slot - 1)
    } else {
        None
    };
    let kwargs_slot = if c.flags & CO_VARKEYWORDS != 0 {
        Some(next_slot)
    } else {
        None
    };
    let kwdict = if let Some(s) = kwargs_slot {
        let d = dict::new();
        slots[s] = d;
        d
    } else {
        Value::NULL
    };
    let ncopy = npos.min(argcount);
    slots[..ncopy].copy_from_slice(&args[..ncopy]);
    if let Some(s) = varargs_slot {
        slots[s] = tuple::new(if npos > argcount {
            &args[argcount..npos]
        } else {
            &[]
        });
    } else if npos > argcount {
        let defaults = if fo.defaults.is_null() {
            0
        } else {
            tuple::len(fo.defaults)
        };
        let kw_given = (0..nkw)
            .filter(|i| {
                let k = pystr::as_str(tuple::items(kwnames)[*i]);
                (argcount..total_named).any(|j| c.varname(j) == k)
            })
            .count();
        let takes = if defaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - defaults,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let given = if kw_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{})",
                npos,
                if npos == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{npos}")
        };
        let were = if npos == 1 && kw_given == 0 {
            "was"
        } else {
            "were"
        };
        errors::type_error(&format!(
            "{}() takes {takes} but {given} {were} given",
            qualname(fo)
        ));
        return false;
    }
    let mut posonly_as_kw: Vec<&str> = Vec::new();
    for i in 0..nkw {
        let key = tuple::items(kwnames)[i];
        let k = pystr::as_str(key);
        let val = args[npos + i];
        match (posonly..total_named).find(|j| c.varname(*j) == k) {
            Some(j) => {
                if !slots[j].is_null() {
                    errors::type_error(&format!(
                        "{}() got multiple values for argument '{k}'",
                        qualname(fo)
                    ));
                    return false;
                }
                slots[j] = val;
            }
            None => {
                if !kwdict.is_null() {
                    if !dict::set_item(kwdict, key, val) {
                        return false;
                    }
                } else if (0..posonly).any(|j| c.varname(j) == k) {
                    posonly_as_kw.push(k);
                } else {
                    errors::type_error(&format!(
                        "{}() got an unexpected keyword argument '{k}'",
                        qualname(fo)
                    ));
                    return false;
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        errors::type_error(&format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(fo),
            posonly_as_kw.join(", ")
        ));
        return false;
    }
    if npos < argcount {
        let defaults = if fo.defaults.is_null() {
            &[][..]
        } else {
            tuple::items(fo.defaults)
        };
        let first_default = argcount - defaults.len();
        let mut missing = Vec::new();
        for j in npos..argcount {
            if slots[j].is_null() {
                if j >= first_default {
                    slots[j] = defaults[j - first_default];
                } else {
                    missing.push(c.varname(j));
                }
            }
        }
        if !missing.is_empty() {
            errors::type_error(&format!(
                "{}() missing {} required positional argument{}: {}",
                qualname(fo),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            ));
            return false;
        }
    }
    if kwonly > 0 {
        let mut missing = Vec::new();
        for (j, slot) in slots
            .iter_mut()
            .enumerate()
            .take(total_named)
            .skip(argcount)
        {
            if slot.is_null() {
                let name = c.varname(j);
                let d = if fo.kwdefaults.is_null() || fo.kwdefaults == none() {
                    Value::NULL
                } else {
                    dict::get_by_name(fo.kwdefaults, name)
                };
                if d.is_null() {
                    missing.push(name);
                } else {
                    *slot = d;
                }
            }
        }
        if !missing.is_empty() {
            errors::type_error(&format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qualname(fo),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            ));
            return false;
        }
    }
    true
}

/// `function(code, globals, name=None, argdefs=None, closure=None)` (`types.FunctionType`):
/// the builtins come from `globals` as for any new function (decision 5).
pub fn function_new(args: &[Value], kwnames: Value) -> Value {
    let Some(p) = crate::objects::builtin_function::parse_kw(
        "function",
        &args[1..],
        kwnames,
        &["code", "globals", "name", "argdefs", "closure"],
        2,
    ) else {
        return Value::NULL;
    };
    if p[0].is_small() || crate::object::kind_of(p[0]) != Kind::Code {
        return errors::type_error(&format!(
            "function() argument 'code' must be code, not {}",
            crate::object::type_name_of(p[0])
        ));
    }
    if p[1].is_small() || crate::object::kind_of(p[1]) != Kind::Dict {
        return errors::type_error(&format!(
            "function() argument 'globals' must be dict, not {}",
            crate::object::type_name_of(p[1])
        ));
    }
    let caller_builtins = {
        let f = frame::current();
        if f.is_null() {
            crate::builtins::dict()
        } else {
            unsafe { (*f).builtins }
        }
    };
    let f = new(p[0], p[1], crate::abi::builtins_for(p[1], caller_builtins));
    if f.is_null() {
        return f;
    }
    let fo = get(f);
    if !p[2].is_null() && p[2] != none() {
        fo.name = p[2];
    }
    if !p[3].is_null() && p[3] != none() {
        fo.defaults = p[3];
    }
    if !p[4].is_null() && p[4] != none() {
        fo.closure = p[4];
    }
    f
}
