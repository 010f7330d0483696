//! `builtin_function_or_method`: a function written in Rust, optionally bound to an object, and
//! the argument-checking helpers those functions share.

use crate::errors;
use crate::object::{alloc_object, alloc_object as _alloc, types, TypeObject};
use crate::objects::{dict, str as pystr, tuple};
use crate::value::{Header, Value};

/// A native function: positional arguments then keyword values (`kwnames` names the last ones;
/// null when there are none). Bound methods receive their object as `args[0]`.
pub type NativeFn = fn(&[Value], Value) -> Value;

pub const PLAIN: u32 = 0;
/// Binds the instance when looked up on one (a method descriptor).
pub const METHOD: u32 = 1;
/// Binds the class (a classmethod).
pub const CLASSMETHOD: u32 = 2;
/// Never binds (a staticmethod, such as `__new__`).
pub const STATIC: u32 = 4;

#[repr(C)]
pub struct BuiltinFunctionObject {
    pub header: Header,
    pub func: NativeFn,
    pub name: Value,
    pub bound: Value,
    pub flags: u32,
    /// An entry for exactly one positional argument and no keywords, skipping the argument
    /// checks (`len(x)`): compiled calls with one argument use it when present.
    pub fast1: Option<fn(Value) -> Value>,
    /// For a method of a built-in type: that type (calls through the type check `self`).
    pub owner: *mut TypeObject,
}

pub fn new(name: &str, func: NativeFn, flags: u32) -> Value {
    let v = alloc_object(
        types().builtin_function,
        std::mem::size_of::<BuiltinFunctionObject>(),
    );
    if !v.is_null() {
        unsafe {
            let o = v.ptr::<BuiltinFunctionObject>();
            (*o).func = func;
            (*o).name = pystr::intern(name);
            (*o).bound = Value::NULL;
            (*o).flags = flags;
            (*o).fast1 = None;
            (*o).owner = std::ptr::null_mut();
        }
    }
    v
}

/// A method of the built-in type `owner`.
fn new_method(owner: *mut TypeObject, name: &str, func: NativeFn, flags: u32) -> Value {
    let v = new(name, func, flags);
    if !v.is_null() {
        unsafe { (*v.ptr::<BuiltinFunctionObject>()).owner = owner };
    }
    v
}

pub fn get(v: Value) -> &'static BuiltinFunctionObject {
    unsafe { &*v.ptr::<BuiltinFunctionObject>() }
}

/// A copy of a method descriptor bound to `obj`.
pub fn bind(f: Value, obj: Value) -> Value {
    let o = get(f);
    let v = _alloc(
        types().builtin_function,
        std::mem::size_of::<BuiltinFunctionObject>(),
    );
    if !v.is_null() {
        unsafe {
            let n = v.ptr::<BuiltinFunctionObject>();
            (*n).func = o.func;
            (*n).name = o.name;
            (*n).bound = obj;
            (*n).flags = PLAIN;
            (*n).fast1 = None;
            (*n).owner = std::ptr::null_mut();
        }
    }
    v
}

/// `repr()` of a built-in function or method, as CPython names each kind.
pub fn repr(v: Value) -> Value {
    let b = get(v);
    let name = pystr::as_str(b.name);
    let slot = name.starts_with("__") && name.ends_with("__");
    let text = if !b.bound.is_null() {
        let at = crate::ops::address(b.bound);
        let tn = crate::object::type_name_of(b.bound);
        if slot
            && (b.bound.is_small() || crate::object::kind_of(b.bound) != crate::object::Kind::Type)
        {
            format!("<method-wrapper '{name}' of {tn} object at {at}>")
        } else {
            format!("<built-in method {name} of {tn} object at {at}>")
        }
    } else if !b.owner.is_null() && b.flags & METHOD != 0 {
        let owner = crate::object::type_name(b.owner);
        if slot {
            format!("<slot wrapper '{name}' of '{owner}' objects>")
        } else {
            format!("<method '{name}' of '{owner}' objects>")
        }
    } else if !b.owner.is_null() && b.flags & STATIC != 0 && name == "__new__" {
        format!(
            "<built-in method __new__ of type object at {}>",
            crate::ops::address(Value::from_ptr(b.owner))
        )
    } else {
        format!("<built-in function {name}>")
    };
    pystr::new(&text)
}

/// The TypeError for an unbound method of a built-in type called without a fitting `self`.
#[cold]
fn bad_self(o: &BuiltinFunctionObject, args: &[Value]) -> Value {
    let owner = crate::object::type_name(o.owner);
    let name = pystr::as_str(o.name);
    let slot = name.starts_with("__") && name.ends_with("__");
    match args.first() {
        None if slot => errors::type_error(&format!(
            "descriptor '{name}' of '{owner}' object needs an argument"
        )),
        None => errors::type_error(&format!(
            "unbound method {owner}.{name}() needs an argument"
        )),
        Some(a) if slot => errors::type_error(&format!(
            "descriptor '{name}' requires a '{owner}' object but received a '{}'",
            crate::object::type_name_of(*a)
        )),
        Some(a) => errors::type_error(&format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            crate::object::type_name_of(*a)
        )),
    }
}

pub fn call(f: Value, args: &[Value], kwnames: Value) -> Value {
    let o = get(f);
    if o.bound.is_null() {
        if o.flags & METHOD != 0
            && !o.owner.is_null()
            && (args.is_empty()
                || (crate::object::type_of(args[0]) != o.owner
                    && !crate::object::isinstance(args[0], o.owner)))
        {
            return bad_self(o, args);
        }
        (o.func)(args, kwnames)
    } else {
        crate::ops::with_first(o.bound, args, |all| (o.func)(all, kwnames))
    }
}

pub fn add_method(t: *mut TypeObject, name: &str, f: NativeFn) {
    unsafe { dict::set_by_name((*t).dict, name, new_method(t, name, f, METHOD)) }
    crate::objects::type_::invalidate_lookups();
}

pub fn add_classmethod(t: *mut TypeObject, name: &str, f: NativeFn) {
    unsafe { dict::set_by_name((*t).dict, name, new_method(t, name, f, CLASSMETHOD)) }
    crate::objects::type_::invalidate_lookups();
}

#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn add_static(t: *mut TypeObject, name: &str, f: NativeFn) {
    unsafe { dict::set_by_name((*t).dict, name, new_method(t, name, f, STATIC)) }
    crate::objects::type_::invalidate_lookups();
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Checks a method's positional argument count (excluding `args[0]`, the object) and that no
/// keywords were given. False with a TypeError set otherwise.
#[inline]
pub fn check_args(name: &str, args: &[Value], kwnames: Value, min: usize, max: usize) -> bool {
    if !kwnames.is_null() && tuple::len(kwnames) > 0 {
        return no_keywords(name);
    }
    check_count(name, args.len().saturating_sub(1), min, max)
}

#[cold]
#[inline(never)]
fn no_keywords(name: &str) -> bool {
    errors::type_error(&format!("{name}() takes no keyword arguments"));
    false
}

/// Checks a plain function's positional argument count.
#[inline]
pub fn check_count(name: &str, n: usize, min: usize, max: usize) -> bool {
    n >= min && n <= max || bad_count(name, n, min, max)
}

/// The TypeError of a wrong argument count (the out-of-line half of [`check_count`]).
#[cold]
#[inline(never)]
fn bad_count(name: &str, n: usize, min: usize, max: usize) -> bool {
    if min == max {
        match min {
            0 => errors::type_error(&format!("{name}() takes no arguments ({n} given)")),
            1 => errors::type_error(&format!("{name}() takes exactly one argument ({n} given)")),
            _ => errors::type_error(&format!(
                "{name} expected {min} argument{}, got {n}",
                plural(min)
            )),
        };
    } else if n > max {
        errors::type_error(&format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        ));
    } else {
        errors::type_error(&format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        ));
    }
    false
}

/// Binds positional-or-keyword parameters `names` from `args` (object excluded) and `kwnames`.
/// Missing ones are null; at least `required` must be present.
pub fn parse_kw(
    name: &str,
    args: &[Value],
    kwnames: Value,
    names: &[&str],
    required: usize,
) -> Option<Vec<Value>> {
    let nkw = if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    };
    let npos = args.len() - nkw;
    if npos > names.len() {
        errors::type_error(&format!(
            "{name}() takes at most {} argument{} ({npos} given)",
            names.len(),
            plural(names.len())
        ));
        return None;
    }
    let mut out = vec![Value::NULL; names.len()];
    out[..npos].copy_from_slice(&args[..npos]);
    for i in 0..nkw {
        let k = pystr::as_str(tuple::items(kwnames)[i]);
        match names.iter().position(|n| *n == k) {
            Some(j) => {
                if !out[j].is_null() {
                    errors::type_error(&format!(
                        "argument for {name}() given by name ('{k}') and position ({})",
                        j + 1
                    ));
                    return None;
                }
                out[j] = args[npos + i];
            }
            None => {
                errors::type_error(&format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                ));
                return None;
            }
        }
    }
    if let Some(j) = out[..required].iter().position(|v| v.is_null()) {
        errors::type_error(&format!(
            "{name}() missing required argument '{}' (pos {})",
            names[j],
            j + 1
        ));
        return None;
    }
    Some(out)
}

/// Binds keyword-only parameters (as `list.sort(*, key, reverse)`).
pub fn parse_kw_only(
    name: &str,
    args: &[Value],
    kwnames: Value,
    names: &[&str],
) -> Option<Vec<Value>> {
    let nkw = if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    };
    if args.len() > nkw {
        errors::type_error(&format!("{name}() takes no positional arguments"));
        return None;
    }
    parse_kw(name, args, kwnames, names, 0)
}

/// Raises the clear error for a feature the runtime does not have yet.
pub fn not_yet(what: &str) -> Value {
    errors::not_implemented(&format!("kiln: {what} is not supported yet"))
}
