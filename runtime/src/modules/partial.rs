//! `functools.partial`: a callable that calls a function with arguments fixed in advance,
//! the type `_functools` gives `functools.py`. Subclassable and with an instance `__dict__`,
//! as CPython's; `func`, `args` and `keywords` are read-only; a partial of an exact partial
//! (with no instance attributes) is flattened into one; the repr names the module from 3.13
//! for a subclass as CPython's does; `__reduce__` and `__setstate__` let `copy` and `pickle`
//! rebuild one.

use crate::errors;
use crate::object::{new_builtin_type, none, type_of, Kind, TypeObject};
use crate::objects::builtin_function::{add_method, add_static};
use crate::objects::type_::{alloc_instance_of, instance_dict, is_heap_type, slot_ptr};
use crate::objects::{dict, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

static mut PARTIAL: *mut TypeObject = std::ptr::null_mut();

/// The slot words: the function, the tuple of positional arguments, the dict of keywords.
const FUNC: usize = 0;
const ARGS: usize = 1;
const KEYWORDS: usize = 2;

fn slot(v: Value, i: usize) -> Value {
    unsafe { *slot_ptr(v, i) }
}

fn set_slot(v: Value, i: usize, x: Value) {
    unsafe { *slot_ptr(v, i) = x }
}

fn kw_count(k: Value) -> usize {
    if k.is_null() {
        0
    } else {
        tuple::len(k)
    }
}

/// Whether `v` has had an instance dict made (an attribute set, or `__dict__` read), even if
/// it is empty now: CPython then keeps a partial of it unflattened.
fn has_dict(v: Value) -> bool {
    match crate::objects::type_::dict_slot(v) {
        Some(p) => !unsafe { *p }.is_null(),
        None => false,
    }
}

/// Whether `partial(func, ...)` made as a `tp` takes over `func`'s function and arguments.
/// 3.8 and 3.9 flatten only an exact partial into an exact partial; 3.10 to 3.12 any object
/// called as a partial is (one whose class does not override `__call__`); from 3.13 any
/// instance of partial. Never one with an instance dict.
fn flattens(func: Value, tp: *mut TypeObject) -> bool {
    let partial = unsafe { PARTIAL };
    if func.is_small() || has_dict(func) {
        return false;
    }
    let ft = type_of(func);
    let version = crate::sys::bytecode_version();
    if version < (3, 10) {
        ft == partial && tp == partial
    } else if version < (3, 13) {
        let call = pystr::intern("__call__");
        crate::object::is_subtype(ft, partial)
            && crate::object::type_lookup(ft, call)
                == dict::get_by_name(unsafe { (*partial).dict }, "__call__")
    } else {
        crate::object::is_subtype(ft, partial)
    }
}

/// `partial.__new__(cls, func, /, *args, **keywords)`.
fn p_new(a: &[Value], k: Value) -> Value {
    let cls = a[0];
    let nkw = kw_count(k);
    let npos = a.len() - 1 - nkw;
    if npos < 1 {
        return errors::type_error("type 'partial' takes at least one argument");
    }
    let mut func = a[1];
    if !ops::is_callable(func) {
        return errors::type_error("the first argument must be callable");
    }
    let tp = cls.ptr::<TypeObject>();
    let mut args: Vec<Value> = Vec::new();
    let keywords = dict::new();
    if flattens(func, tp) {
        args.extend_from_slice(tuple::items(slot(func, ARGS)));
        if !dict::update(keywords, slot(func, KEYWORDS)) {
            return Value::NULL;
        }
        func = slot(func, FUNC);
    }
    args.extend_from_slice(&a[2..1 + npos]);
    for i in 0..nkw {
        if !dict::set_item(keywords, tuple::items(k)[i], a[1 + npos + i]) {
            return Value::NULL;
        }
    }
    let v = alloc_instance_of(tp);
    if v.is_null() {
        return v;
    }
    set_slot(v, FUNC, func);
    set_slot(v, ARGS, tuple::new(&args));
    set_slot(v, KEYWORDS, keywords);
    v
}

fn p_call(a: &[Value], k: Value) -> Value {
    let p = a[0];
    let nkw = kw_count(k);
    let npos = a.len() - 1 - nkw;
    let mut args: Vec<Value> = tuple::items(slot(p, ARGS)).to_vec();
    args.extend_from_slice(&a[1..1 + npos]);
    let stored = slot(p, KEYWORDS);
    if dict::len(stored) == 0 {
        args.extend_from_slice(&a[1 + npos..]);
        return ops::call(slot(p, FUNC), &args, if nkw == 0 { Value::NULL } else { k });
    }
    // The stored keywords, updated by the call's.
    let merged = dict::copy(stored);
    for i in 0..nkw {
        if !dict::set_item(merged, tuple::items(k)[i], a[1 + npos + i]) {
            return Value::NULL;
        }
    }
    let items = dict::items(merged);
    let names: Vec<Value> = items.iter().map(|(n, _)| *n).collect();
    args.extend(items.iter().map(|(_, v)| *v));
    ops::call(slot(p, FUNC), &args, tuple::new(&names))
}

fn p_repr(a: &[Value], _k: Value) -> Value {
    let p = a[0];
    let mut parts = Vec::new();
    for v in std::iter::once(slot(p, FUNC)).chain(tuple::items(slot(p, ARGS)).iter().copied()) {
        let r = ops::repr(v);
        if r.is_null() {
            return r;
        }
        parts.push(pystr::as_str(r).to_string());
    }
    for (n, v) in dict::items(slot(p, KEYWORDS)) {
        let r = ops::repr(v);
        if r.is_null() {
            return r;
        }
        let n = ops::str_(n);
        if n.is_null() {
            return n;
        }
        parts.push(format!("{}={}", pystr::as_str(n), pystr::as_str(r)));
    }
    let t = type_of(p);
    // CPython names the type by its C name (`functools.partial`), a subclass by its name, or
    // from 3.13 by its module and qualified name.
    let name = if !is_heap_type(t) {
        String::from("functools.partial")
    } else if crate::sys::bytecode_version() >= (3, 13) {
        crate::objects::type_::qualified_name(t)
    } else {
        crate::object::type_name(t).to_string()
    };
    pystr::new(&format!("{name}({})", parts.join(", ")))
}

fn p_reduce(a: &[Value], _k: Value) -> Value {
    let p = a[0];
    let d = crate::objects::type_::dict_slot(p)
        .map(|s| unsafe { *s })
        .filter(|d| !d.is_null())
        .unwrap_or_else(none);
    let state = tuple::new(&[slot(p, FUNC), slot(p, ARGS), slot(p, KEYWORDS), d]);
    tuple::new(&[
        Value::from_ptr(type_of(p)),
        tuple::new(&[slot(p, FUNC)]),
        state,
    ])
}

fn p_setstate(a: &[Value], k: Value) -> Value {
    if !crate::objects::builtin_function::check_args("__setstate__", a, k, 1, 1) {
        return Value::NULL;
    }
    let (p, state) = (a[0], a[1]);
    if state.is_small() || !crate::object::isinstance(state, crate::object::types().tuple) {
        return errors::type_error("invalid partial state");
    }
    let s = tuple::items(state);
    let tuple_t = crate::object::types().tuple;
    let dict_t = crate::object::types().dict;
    let is = |v: Value, t| !v.is_small() && crate::object::isinstance(v, t);
    if s.len() != 4
        || !ops::is_callable(s[0])
        || !is(s[1], tuple_t)
        || (s[2] != none() && !is(s[2], dict_t))
    {
        return errors::type_error("invalid partial state");
    }
    let args = if type_of(s[1]) == tuple_t {
        s[1]
    } else {
        tuple::new(tuple::items(s[1]))
    };
    let keywords = dict::new();
    if s[2] != none() && !dict::update(keywords, s[2]) {
        return Value::NULL;
    }
    set_slot(p, FUNC, s[0]);
    set_slot(p, ARGS, args);
    set_slot(p, KEYWORDS, keywords);
    if s[3] != none() {
        let d = instance_dict(p);
        if d.is_null() || !dict::update(d, s[3]) {
            return Value::NULL;
        }
    }
    none()
}

/// `partial.__get__` (3.13+): 3.13 gives the partial itself, as before (CPython also warns
/// that this will change); from 3.14 a partial is a method descriptor, bound as a function is.
fn p_get(a: &[Value], _k: Value) -> Value {
    let obj = a.get(1).copied().unwrap_or_else(none);
    if obj == none() || crate::sys::bytecode_version() < (3, 14) {
        return a[0];
    }
    crate::objects::method::new(a[0], obj)
}

fn p_class_getitem(a: &[Value], k: Value) -> Value {
    if !crate::objects::builtin_function::check_args("__class_getitem__", a, k, 1, 1) {
        return Value::NULL;
    }
    crate::objects::slots::generic_alias(a[0], a[1])
}

/// `func`, `args` and `keywords` are read-only members, as CPython's.
fn read_only(_a: &[Value], _k: Value) -> Value {
    errors::attribute_error("readonly attribute")
}

fn g_func(a: &[Value], _k: Value) -> Value {
    slot(a[0], FUNC)
}
fn g_args(a: &[Value], _k: Value) -> Value {
    slot(a[0], ARGS)
}
fn g_keywords(a: &[Value], _k: Value) -> Value {
    slot(a[0], KEYWORDS)
}

/// The partial type (made on first use).
pub fn type_object() -> *mut TypeObject {
    unsafe {
        if PARTIAL.is_null() {
            let t = new_builtin_type("partial", Kind::Object, crate::object::types().object);
            (*t).nslots = 3;
            (*t).module = pystr::intern("functools");
            add_static(t, "__new__", p_new);
            add_method(t, "__call__", p_call);
            add_method(t, "__repr__", p_repr);
            add_method(t, "__reduce__", p_reduce);
            add_method(t, "__setstate__", p_setstate);
            let version = crate::sys::bytecode_version();
            if version >= (3, 9) {
                crate::objects::builtin_function::add_classmethod(
                    t,
                    "__class_getitem__",
                    p_class_getitem,
                );
            }
            if version >= (3, 13) {
                add_method(t, "__get__", p_get);
            }
            crate::objects::descriptor::add_getset(t, "func", g_func, read_only);
            crate::objects::descriptor::add_getset(t, "args", g_args, read_only);
            crate::objects::descriptor::add_getset(t, "keywords", g_keywords, read_only);
            PARTIAL = t;
        }
        PARTIAL
    }
}
