//! `_abc`: the C half of `abc.ABCMeta` (CPython's `Modules/_abc.c`), which `abc.py` imports
//! over `_py_abc`. Each ABC keeps an `_abc_impl` (an `_abc_data`) with its registry of
//! virtual subclasses, its cache of known subclasses and its negative cache with the
//! invalidation counter's value it was filled at; `register` bumps that counter.
//!
//! The three sets hold their classes weakly, as CPython's sets of weak references do: an
//! entry is a weak cell (a disappearing link of the collector) keyed by the class's address,
//! and counts only while the cell still gives that class back. `_get_dump` hands out sets of
//! `_weakref.ref`s to the live classes, as CPython's does (so it needs `_weakref` in the
//! program: `weakref` or `_weakref` imported somewhere).

use crate::errors;
use crate::object::{
    exc_types, kind_of, new_builtin_type, none, notimplemented, type_of, Kind, TypeObject,
    TF_FINAL, TF_NO_DICT,
};
use crate::objects::type_::{alloc_instance_of, slot_ptr};
use crate::objects::{dict, int, list, module, set, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

static mut ABC_DATA: *mut TypeObject = std::ptr::null_mut();
/// CPython's `abc_invalidation_counter`: bumped by every `register`.
static mut INVALIDATION_COUNTER: i64 = 0;

/// The slot words of an `_abc_data`: the three weak sets, and the negative cache's version.
const REGISTRY: usize = 0;
const CACHE: usize = 1;
const NEGATIVE: usize = 2;
const NEGATIVE_VERSION: usize = 3;

fn slot(v: Value, i: usize) -> Value {
    unsafe { *slot_ptr(v, i) }
}

fn set_slot(v: Value, i: usize, x: Value) {
    unsafe { *slot_ptr(v, i) = x }
}

fn counter() -> i64 {
    unsafe { INVALIDATION_COUNTER }
}

// ---- weak sets: dicts from a class's address to a weak cell for it ------------------------

fn address(v: Value) -> Value {
    int::from_i64(v.0 as i64)
}

fn weak_add(ws: Value, v: Value) -> bool {
    let c = super::kiln::weak_cell(v);
    !c.is_null() && dict::set_item(ws, address(v), c)
}

fn weak_contains(ws: Value, v: Value) -> bool {
    match dict::get_item(ws, address(v)) {
        Ok(c) if !c.is_null() => super::kiln::weak_target(c) == v,
        _ => false,
    }
}

/// The live members, dropping the entries of classes that have died.
fn weak_members(ws: Value) -> Vec<Value> {
    let mut out = Vec::new();
    for (k, c) in dict::items(ws) {
        let v = super::kiln::weak_target(c);
        if v == none() {
            let _ = dict::pop_item(ws, k);
        } else {
            out.push(v);
        }
    }
    out
}

// ---- _abc_data -----------------------------------------------------------------------------

fn abc_data_type() -> *mut TypeObject {
    unsafe {
        if ABC_DATA.is_null() {
            let t = new_builtin_type("_abc_data", Kind::Object, crate::object::types().object);
            (*t).flags |= TF_FINAL | TF_NO_DICT;
            (*t).nslots = 4;
            (*t).module = pystr::intern("_abc");
            ABC_DATA = t;
        }
        ABC_DATA
    }
}

fn new_data() -> Value {
    let v = alloc_instance_of(abc_data_type());
    if !v.is_null() {
        set_slot(v, REGISTRY, dict::new());
        set_slot(v, CACHE, dict::new());
        set_slot(v, NEGATIVE, dict::new());
        set_slot(v, NEGATIVE_VERSION, int::from_i64(counter()));
    }
    v
}

/// `self._abc_impl`, checked to be an `_abc_data`.
fn impl_of(cls: Value) -> Value {
    let d = ops::getattr(cls, pystr::intern("_abc_impl"));
    if d.is_null() {
        return d;
    }
    if d.is_small() || type_of(d) != abc_data_type() {
        return errors::type_error("_abc_impl is set to a wrong type");
    }
    d
}

fn is_class(v: Value) -> bool {
    !v.is_small() && kind_of(v) == Kind::Type
}

fn is_true(v: Value) -> Option<bool> {
    match ops::truthy(v) {
        -1 => None,
        t => Some(t == 1),
    }
}

/// `getattr(v, "__isabstractmethod__", False)` as a truth value.
fn is_abstract(v: Value) -> Option<bool> {
    let a = ops::getattr_opt(v, pystr::intern("__isabstractmethod__"));
    if a.is_null() {
        return if errors::occurred() {
            None
        } else {
            Some(false)
        };
    }
    is_true(a)
}

// ---- the functions ------------------------------------------------------------------------

fn f_get_cache_token(a: &[Value], k: Value) -> Value {
    if !super::check_plain("get_cache_token", a, k, 0, 0) {
        return Value::NULL;
    }
    int::from_i64(counter())
}

/// The names of `cls`'s abstract methods: those of its namespace marked abstract, and those
/// of its bases' `__abstractmethods__` it still resolves to something abstract.
fn compute_abstract_methods(cls: Value) -> bool {
    let abstracts = set::new_set();
    let ns = ops::getattr(cls, pystr::intern("__dict__"));
    if ns.is_null() {
        return false;
    }
    let items = ops::call_dunder(ns, "items", &[]);
    if items.is_null() {
        return false;
    }
    let Some(items) = ops::collect(items) else {
        return false;
    };
    for item in items {
        let Some(kv) = ops::collect(item) else {
            return false;
        };
        if kv.len() != 2 {
            errors::type_error("items() returned item which size is not 2");
            return false;
        }
        match is_abstract(kv[1]) {
            None => return false,
            Some(true) if !set::add(abstracts, kv[0]) => return false,
            _ => {}
        }
    }
    let bases = ops::getattr(cls, pystr::intern("__bases__"));
    if bases.is_null() {
        return false;
    }
    if bases.is_small() || kind_of(bases) != Kind::Tuple {
        errors::type_error("__bases__ is not tuple");
        return false;
    }
    for base in tuple::items(bases).to_vec() {
        let names = ops::getattr_opt(base, pystr::intern("__abstractmethods__"));
        if names.is_null() {
            if errors::occurred() {
                return false;
            }
            continue;
        }
        let Some(names) = ops::collect(names) else {
            return false;
        };
        for name in names {
            let v = ops::getattr_opt(cls, name);
            if v.is_null() {
                if errors::occurred() {
                    return false;
                }
                continue;
            }
            match is_abstract(v) {
                None => return false,
                Some(true) if !set::add(abstracts, name) => return false,
                _ => {}
            }
        }
    }
    let frozen = set::make_new(crate::object::types().frozenset, abstracts);
    !frozen.is_null() && ops::setattr(cls, pystr::intern("__abstractmethods__"), frozen)
}

/// `_abc_init(cls)`: computes `__abstractmethods__` and gives the class its `_abc_impl`.
fn f_abc_init(a: &[Value], k: Value) -> Value {
    if !super::check_plain("_abc_init", a, k, 1, 1) {
        return Value::NULL;
    }
    let cls = a[0];
    if !compute_abstract_methods(cls) {
        return Value::NULL;
    }
    let data = new_data();
    if data.is_null() || !ops::setattr(cls, pystr::intern("_abc_impl"), data) {
        return Value::NULL;
    }
    // From 3.10 the class's `__abc_tpflags__` (pattern matching's sequence/mapping flags) are
    // taken out of its namespace.
    if is_class(cls) && crate::sys::bytecode_version() >= (3, 10) {
        let d = unsafe { (*cls.ptr::<TypeObject>()).dict };
        if !dict::get_by_name(d, "__abc_tpflags__").is_null() {
            let _ = dict::pop_item(d, pystr::intern("__abc_tpflags__"));
            crate::objects::type_::invalidate_lookups();
        }
    }
    none()
}

/// `_abc_register(cls, subclass)`.
fn f_abc_register(a: &[Value], k: Value) -> Value {
    if !super::check_plain("_abc_register", a, k, 2, 2) {
        return Value::NULL;
    }
    let (cls, sub) = (a[0], a[1]);
    if !is_class(sub) {
        return errors::type_error("Can only register classes");
    }
    match crate::builtins::extra::is_subclass(sub, cls) {
        None => return Value::NULL,
        Some(true) => return sub,
        Some(false) => {}
    }
    // Checked after "already a subclass", as CPython does.
    if is_class(cls) {
        match crate::builtins::extra::is_subclass(cls, sub) {
            None => return Value::NULL,
            Some(true) => {
                return errors::runtime_error("Refusing to create an inheritance cycle");
            }
            Some(false) => {}
        }
    }
    let data = impl_of(cls);
    if data.is_null() || !weak_add(slot(data, REGISTRY), sub) {
        return Value::NULL;
    }
    unsafe { INVALIDATION_COUNTER += 1 };
    sub
}

/// Calls `cls.__subclasscheck__(sub)`; its result, and its truth.
fn subclasscheck(cls: Value, sub: Value) -> Option<(Value, bool)> {
    let r = call_method(cls, "__subclasscheck__", &[sub]);
    if r.is_null() {
        return None;
    }
    Some((r, is_true(r)?))
}

/// `_abc_instancecheck(cls, instance)`.
fn f_abc_instancecheck(a: &[Value], k: Value) -> Value {
    if !super::check_plain("_abc_instancecheck", a, k, 2, 2) {
        return Value::NULL;
    }
    let (cls, inst) = (a[0], a[1]);
    let data = impl_of(cls);
    if data.is_null() {
        return data;
    }
    let sub = ops::getattr(inst, pystr::intern("__class__"));
    if sub.is_null() {
        return sub;
    }
    if weak_contains(slot(data, CACHE), sub) {
        return crate::object::bool_value(true);
    }
    let subtype = Value::from_ptr(type_of(inst));
    if subtype == sub {
        if int::as_i64(slot(data, NEGATIVE_VERSION)) == Some(counter())
            && weak_contains(slot(data, NEGATIVE), sub)
        {
            return crate::object::bool_value(false);
        }
        return call_method(cls, "__subclasscheck__", &[sub]);
    }
    match subclasscheck(cls, sub) {
        None => Value::NULL,
        Some((r, true)) => r,
        Some((_, false)) => call_method(cls, "__subclasscheck__", &[subtype]),
    }
}

/// `_abc_subclasscheck(cls, subclass)`.
fn f_abc_subclasscheck(a: &[Value], k: Value) -> Value {
    if !super::check_plain("_abc_subclasscheck", a, k, 2, 2) {
        return Value::NULL;
    }
    let (cls, sub) = (a[0], a[1]);
    if !is_class(sub) {
        return errors::type_error("issubclass() arg 1 must be a class");
    }
    let data = impl_of(cls);
    if data.is_null() {
        return data;
    }
    let (cache, negative) = (slot(data, CACHE), slot(data, NEGATIVE));
    // 1. The cache.
    if weak_contains(cache, sub) {
        return crate::object::bool_value(true);
    }
    // 2. The negative cache, emptied when a registration has happened since it was filled.
    if int::as_i64(slot(data, NEGATIVE_VERSION)).unwrap_or(-1) < counter() {
        dict::clear(negative);
        set_slot(data, NEGATIVE_VERSION, int::from_i64(counter()));
    } else if weak_contains(negative, sub) {
        return crate::object::bool_value(false);
    }
    let yes = |d: Value| -> Value {
        if weak_add(d, sub) {
            crate::object::bool_value(true)
        } else {
            Value::NULL
        }
    };
    // 3. The subclass hook.
    let ok = call_method(cls, "__subclasshook__", &[sub]);
    if ok.is_null() {
        return ok;
    }
    if ok == crate::object::bool_value(true) {
        return yes(cache);
    }
    if ok == crate::object::bool_value(false) {
        if !weak_add(negative, sub) {
            return Value::NULL;
        }
        return ok;
    }
    if ok != notimplemented() {
        return errors::raise_msg(
            exc_types().assertion_error,
            "__subclasshook__ must return either False, True, or NotImplemented",
        );
    }
    // 4. A real subclass.
    let mro = unsafe { (*sub.ptr::<TypeObject>()).mro };
    if tuple::items(mro).contains(&cls) {
        return yes(cache);
    }
    // 5. A subclass of a registered class.
    for r in weak_members(slot(data, REGISTRY)) {
        match crate::builtins::extra::is_subclass(sub, r) {
            None => return Value::NULL,
            Some(true) => return yes(cache),
            Some(false) => {}
        }
    }
    // 6. A subclass of a subclass.
    let subclasses = call_method(cls, "__subclasses__", &[]);
    if subclasses.is_null() {
        return subclasses;
    }
    if subclasses.is_small() || kind_of(subclasses) != Kind::List {
        return errors::type_error("__subclasses__() must return a list");
    }
    for s in list::items(subclasses).to_vec() {
        match crate::builtins::extra::is_subclass(sub, s) {
            None => return Value::NULL,
            Some(true) => return yes(cache),
            Some(false) => {}
        }
    }
    if !weak_add(negative, sub) {
        return Value::NULL;
    }
    crate::object::bool_value(false)
}

/// `cls.name(*args)`, the method found as an attribute of the class (CPython's
/// `PyObject_CallMethod`): a classmethod `__subclasshook__` of the ABC, or the metaclass's
/// `__subclasscheck__`.
fn call_method(cls: Value, name: &str, args: &[Value]) -> Value {
    let f = ops::getattr(cls, pystr::intern(name));
    if f.is_null() {
        return f;
    }
    ops::call(f, args, Value::NULL)
}

/// A set of weak references (`_weakref.ref`) to the live members of `ws`.
fn live_set(ws: Value) -> Value {
    let weakref = crate::import::import_absolute("_weakref");
    if weakref.is_null() {
        return weakref;
    }
    let make = ops::getattr(weakref, pystr::intern("ref"));
    if make.is_null() {
        return make;
    }
    let s = set::new_set();
    for v in weak_members(ws) {
        let r = ops::call(make, &[v], Value::NULL);
        if r.is_null() || !set::add(s, r) {
            return Value::NULL;
        }
    }
    s
}

/// `_get_dump(cls)`: (registry, cache, negative cache, negative cache version).
fn f_get_dump(a: &[Value], k: Value) -> Value {
    if !super::check_plain("_get_dump", a, k, 1, 1) {
        return Value::NULL;
    }
    let data = impl_of(a[0]);
    if data.is_null() {
        return data;
    }
    let mut items = Vec::new();
    for i in [REGISTRY, CACHE, NEGATIVE] {
        let s = live_set(slot(data, i));
        if s.is_null() {
            return s;
        }
        items.push(s);
    }
    items.push(slot(data, NEGATIVE_VERSION));
    tuple::new(&items)
}

fn clear_slots(a: &[Value], k: Value, name: &str, which: &[usize]) -> Value {
    if !super::check_plain(name, a, k, 1, 1) {
        return Value::NULL;
    }
    let data = impl_of(a[0]);
    if data.is_null() {
        return data;
    }
    for i in which {
        dict::clear(slot(data, *i));
    }
    none()
}

fn f_reset_registry(a: &[Value], k: Value) -> Value {
    clear_slots(a, k, "_reset_registry", &[REGISTRY])
}

fn f_reset_caches(a: &[Value], k: Value) -> Value {
    clear_slots(a, k, "_reset_caches", &[CACHE, NEGATIVE])
}

pub fn create() -> Value {
    abc_data_type();
    let m = super::with_functions(
        "_abc",
        &[
            ("get_cache_token", f_get_cache_token),
            ("_abc_init", f_abc_init),
            ("_abc_register", f_abc_register),
            ("_abc_instancecheck", f_abc_instancecheck),
            ("_abc_subclasscheck", f_abc_subclasscheck),
            ("_get_dump", f_get_dump),
            ("_reset_registry", f_reset_registry),
            ("_reset_caches", f_reset_caches),
        ],
    );
    if m.is_null() {
        return m;
    }
    dict::set_by_name(
        module::dict_of(m),
        "_abc_data",
        Value::from_ptr(abc_data_type()),
    );
    m
}
