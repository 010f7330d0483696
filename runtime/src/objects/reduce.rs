//! `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`: the default
//! reduction `copy` and `pickle` use. As CPython's, `__reduce_ex__` defers to a
//! `__reduce__` the class overrides (a built-in type's as well as a Python class's), and
//! otherwise rebuilds the object through `copyreg.__newobj__` with its `__getnewargs__`, its
//! instance dict and slots, and a list's or dict's items. An object whose built-in base keeps
//! state the default cannot see (and that has no `__getnewargs__`) cannot be pickled.

use crate::errors;
use crate::object::{none, type_lookup, type_name_of, type_of, TypeObject};
use crate::objects::builtin_function;
use crate::objects::type_::{dict_slot, is_heap_type};
use crate::objects::{dict, int, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

/// `object.__dict__['__reduce__']` and `['__getstate__']`, to tell an override from them.
static mut OBJECT_REDUCE: Value = Value::NULL;
static mut OBJECT_GETSTATE: Value = Value::NULL;

/// Adds the three methods to `object`.
pub fn install(object: *mut TypeObject) {
    builtin_function::add_method(object, "__reduce_ex__", reduce_ex);
    builtin_function::add_method(object, "__reduce__", reduce);
    builtin_function::add_method(object, "__getstate__", getstate);
    unsafe {
        OBJECT_REDUCE = dict::get_by_name((*object).dict, "__reduce__");
        OBJECT_GETSTATE = dict::get_by_name((*object).dict, "__getstate__");
    }
}

fn cannot_pickle(obj: Value) -> Value {
    let name = crate::objects::type_::tp_name(type_of(obj));
    errors::type_error(&format!("cannot pickle '{name}' object"))
}

fn copyreg(name: &str) -> Value {
    let m = crate::import::import_absolute("copyreg");
    if m.is_null() {
        return m;
    }
    ops::getattr(m, pystr::intern(name))
}

/// `object.__reduce_ex__(protocol)`.
fn reduce_ex(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__reduce_ex__", a, k, 1, 1) {
        return Value::NULL;
    }
    let obj = a[0];
    let Some(proto) = int::as_i64(a[1]).filter(|_| int::is_int(a[1])) else {
        return errors::type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            type_name_of(a[1])
        ));
    };
    if type_lookup(type_of(obj), pystr::intern("__reduce__")) != unsafe { OBJECT_REDUCE } {
        let r = ops::getattr(obj, pystr::intern("__reduce__"));
        if r.is_null() {
            return r;
        }
        return ops::call(r, &[], Value::NULL);
    }
    common_reduce(obj, proto)
}

/// `object.__reduce__()`: the reduction of protocol 0.
fn reduce(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__reduce__", a, k, 0, 0) {
        return Value::NULL;
    }
    common_reduce(a[0], 0)
}

fn common_reduce(obj: Value, proto: i64) -> Value {
    if proto >= 2 {
        return reduce_newobj(obj);
    }
    let f = copyreg("_reduce_ex");
    if f.is_null() {
        return f;
    }
    ops::call(f, &[obj, int::from_i64(proto)], Value::NULL)
}

fn is_of(v: Value, t: *mut TypeObject) -> bool {
    !v.is_small() && crate::object::isinstance(v, t)
}

/// The `(args, kwargs)` to rebuild `obj` with: from `__getnewargs_ex__` or `__getnewargs__`;
/// `None` (with no exception) when it has neither.
fn new_args(obj: Value) -> Result<Option<(Value, Value)>, ()> {
    let types = crate::object::types();
    let ex = ops::getattr_opt(obj, pystr::intern("__getnewargs_ex__"));
    if !ex.is_null() {
        let r = ops::call(ex, &[], Value::NULL);
        if r.is_null() {
            return Err(());
        }
        if !is_of(r, types.tuple) {
            errors::type_error(&format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                type_name_of(r)
            ));
            return Err(());
        }
        if tuple::len(r) != 2 {
            errors::type_error(&format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                tuple::len(r)
            ));
            return Err(());
        }
        let (args, kwargs) = (tuple::items(r)[0], tuple::items(r)[1]);
        if !is_of(args, types.tuple) {
            errors::type_error(&format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                type_name_of(args)
            ));
            return Err(());
        }
        if !is_of(kwargs, types.dict) {
            errors::type_error(&format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                type_name_of(kwargs)
            ));
            return Err(());
        }
        return Ok(Some((args, kwargs)));
    }
    if errors::occurred() {
        return Err(());
    }
    let plain = ops::getattr_opt(obj, pystr::intern("__getnewargs__"));
    if !plain.is_null() {
        let r = ops::call(plain, &[], Value::NULL);
        if r.is_null() {
            return Err(());
        }
        if !is_of(r, types.tuple) {
            errors::type_error(&format!(
                "__getnewargs__ should return a tuple, not '{}'",
                type_name_of(r)
            ));
            return Err(());
        }
        return Ok(Some((r, Value::NULL)));
    }
    if errors::occurred() {
        return Err(());
    }
    Ok(None)
}

/// CPython's `reduce_newobj`: `(copyreg.__newobj__, (cls, *args), state, listitems,
/// dictitems)`, or `__newobj_ex__` with keyword arguments.
fn reduce_newobj(obj: Value) -> Value {
    let Ok(args) = new_args(obj) else {
        return Value::NULL;
    };
    let cls = Value::from_ptr(type_of(obj));
    let (newobj, newargs) = match args {
        Some((a, kw)) if !kw.is_null() && dict::len(kw) > 0 => {
            (copyreg("__newobj_ex__"), tuple::new(&[cls, a, kw]))
        }
        _ => {
            let mut items = vec![cls];
            if let Some((a, _)) = args {
                items.extend_from_slice(tuple::items(a));
            }
            (copyreg("__newobj__"), tuple::new(&items))
        }
    };
    if newobj.is_null() {
        return newobj;
    }
    let types = crate::object::types();
    let is_list = is_of(obj, types.list);
    let is_dict = is_of(obj, types.dict);
    let state = object_state(obj, !(args.is_some() || is_list || is_dict));
    if state.is_null() {
        return state;
    }
    let listitems = if is_list { ops::iter(obj) } else { none() };
    if listitems.is_null() {
        return listitems;
    }
    let dictitems = if is_dict {
        let items = ops::call_dunder(obj, "items", &[]);
        if items.is_null() {
            return items;
        }
        ops::iter(items)
    } else {
        none()
    };
    if dictitems.is_null() {
        return dictitems;
    }
    tuple::new(&[newobj, newargs, state, listitems, dictitems])
}

/// The state `obj.__getstate__()` gives, with the default one when it is not overridden.
fn object_state(obj: Value, required: bool) -> Value {
    if type_lookup(type_of(obj), pystr::intern("__getstate__")) == unsafe { OBJECT_GETSTATE } {
        return default_state(obj, required);
    }
    let f = ops::getattr(obj, pystr::intern("__getstate__"));
    if f.is_null() {
        return f;
    }
    ops::call(f, &[], Value::NULL)
}

/// Whether the built-in base of `obj`'s class keeps state of its own (anything but `object`).
fn has_native_state(obj: Value) -> bool {
    let mro = unsafe { (*type_of(obj)).mro };
    for m in tuple::items(mro) {
        let t = m.ptr::<TypeObject>();
        if !is_heap_type(t) {
            return t != crate::object::types().object;
        }
    }
    false
}

/// `object.__getstate__()`'s state: the instance dict (None when empty), paired with a dict of
/// the slots that are set when the class has any. `required`: the object is to be rebuilt
/// from this state alone, so a built-in base with hidden state makes it unpicklable.
fn default_state(obj: Value, required: bool) -> Value {
    if required && has_native_state(obj) {
        return cannot_pickle(obj);
    }
    crate::objects::type_::mark_dict_shadows(type_of(obj));
    let mut state = match dict_slot(obj) {
        Some(p) if !unsafe { *p }.is_null() && dict::len(unsafe { *p }) > 0 => unsafe { *p },
        _ => none(),
    };
    if unsafe { (*type_of(obj)).nslots } > 0 {
        let f = copyreg("_slotnames");
        if f.is_null() {
            return f;
        }
        let names = ops::call(f, &[Value::from_ptr(type_of(obj))], Value::NULL);
        if names.is_null() {
            return names;
        }
        let Some(names) = ops::collect(names) else {
            return Value::NULL;
        };
        let slots = dict::new();
        for n in names {
            let v = ops::getattr_opt(obj, n);
            if v.is_null() {
                if errors::occurred() {
                    return v;
                }
                continue;
            }
            if !dict::set_item(slots, n, v) {
                return Value::NULL;
            }
        }
        if dict::len(slots) > 0 {
            state = tuple::new(&[state, slots]);
        }
    }
    state
}

/// `object.__getstate__()`.
fn getstate(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__getstate__", a, k, 0, 0) {
        return Value::NULL;
    }
    default_state(a[0], false)
}
