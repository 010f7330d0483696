//! `type` and `object`: creating classes (`class` statements, `type(name, bases, ns)`,
//! metaclasses, `__slots__`, `__set_name__`, `__init_subclass__`), calling a type
//! (`__new__` then `__init__`), attribute access on classes and on instances (the descriptor
//! protocol, `__getattribute__`, `__getattr__`, `__setattr__`, `__delattr__`), and the methods
//! of `object` and `type` that Python code calls directly (`object.__new__(cls)`,
//! `object.__setattr__(self, name, value)`, `type.__new__(mcs, name, bases, ns)` ...).
//!
//! Instance layout. An instance of a class whose built-in base is `object` is an
//! [`InstanceObject`]: the header, the instance dict, then one word per `__slots__` entry. An
//! instance of a subclass of another built-in type (`list`, `int`, `str`, ...) is that type's
//! own layout followed, at the next 8-byte boundary, by the dict word and the slot words; so
//! every function that reads the built-in layout works on it unchanged (see [`retype`]).

// Type objects are passed around as raw pointers, as everywhere in the runtime.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

use crate::errors;
use crate::object::{
    alloc_object, exc_types, is_subtype, kind_of, none, type_lookup, type_name, type_name_of,
    type_of, types, Kind, TypeObject, TF_FINAL, TF_HEAP, TF_NO_DICT,
};
use crate::objects::builtin_function::{self, check_count, NativeFn};
use crate::objects::iter::{self as it};
use crate::objects::{
    cell, descriptor, dict, exception, float, int, list, range, set, slice, str as pystr, tuple,
};
use crate::ops;
use crate::value::{Header, Value};

/// An instance of a class defined in Python (with `object` as its built-in base).
#[repr(C)]
pub struct InstanceObject {
    pub header: Header,
    pub dict: Value,
    pub slots: [Value; 0],
}

/// The class (or a class in its MRO) overrides `__getattribute__`.
pub const TF_HOOK_GETATTRIBUTE: u32 = 1 << 8;
/// ... defines `__getattr__`.
pub const TF_HOOK_GETATTR: u32 = 1 << 9;
/// ... overrides `__setattr__`.
pub const TF_HOOK_SETATTR: u32 = 1 << 10;
/// ... overrides `__delattr__`.
pub const TF_HOOK_DELATTR: u32 = 1 << 11;
/// An instance dict of this class may hold a name the class also has (a method shadowed by
/// an instance attribute), or was handed out as `__dict__`: LOAD_METHOD must then look in the
/// instance dict before taking a method from the class. Sticky.
pub const TF_DICT_SHADOWS: u32 = 1 << 12;

/// Marks `t` (and every class below it) as `TF_DICT_SHADOWS`.
pub fn mark_dict_shadows(t: *mut TypeObject) {
    unsafe {
        if (*t).flags & TF_DICT_SHADOWS != 0 {
            return;
        }
        (*t).flags |= TF_DICT_SHADOWS;
    }
    for sub in crate::objects::subclasses::of(t) {
        mark_dict_shadows(sub.ptr());
    }
}
const HOOKS: [(&str, u32); 4] = [
    ("__getattribute__", TF_HOOK_GETATTRIBUTE),
    ("__getattr__", TF_HOOK_GETATTR),
    ("__setattr__", TF_HOOK_SETATTR),
    ("__delattr__", TF_HOOK_DELATTR),
];
/// Set once a hook method is assigned to a class after its creation: from then on the hook
/// flags are not trusted and every access looks the hooks up.
static mut HOOKS_DIRTY: bool = false;

// ---- the method cache --------------------------------------------------------------------------

const CACHE_SIZE: usize = 4096;

/// One remembered MRO lookup. The type and name are kept as values so the collector keeps
/// them alive (and their addresses unique) while the entry exists.
#[derive(Clone, Copy)]
struct CacheEntry {
    t: Value,
    name: Value,
    found: Value,
    epoch: u64,
}

static mut METHOD_CACHE: [CacheEntry; CACHE_SIZE] = [CacheEntry {
    t: Value::NULL,
    name: Value::NULL,
    found: Value::NULL,
    epoch: 0,
}; CACHE_SIZE];
/// Changes whenever any type's namespace may have changed; older entries are stale.
static mut EPOCH: u64 = 1;

/// Forgets every cached lookup (a class attribute was set or deleted, a type was created).
pub fn invalidate_lookups() {
    unsafe { EPOCH += 1 };
}

/// The current type epoch: inline caches made in an older one are stale.
#[inline(always)]
pub fn lookup_epoch() -> u64 {
    unsafe { EPOCH }
}

/// `type_lookup` through a direct-mapped cache keyed by (type, name), as CPython's method
/// cache is.
#[inline]
pub fn cached_lookup(t: *mut TypeObject, name: Value) -> Value {
    let h = (((t as usize) >> 4) ^ (name.0 >> 3) ^ (name.0 >> 12)) & (CACHE_SIZE - 1);
    unsafe {
        let e = &mut (*std::ptr::addr_of_mut!(METHOD_CACHE))[h];
        if e.t.0 == t as usize && e.name == name && e.epoch == EPOCH {
            return e.found;
        }
        let found = crate::object::type_lookup_uncached(t, name);
        *e = CacheEntry {
            t: Value::from_ptr(t),
            name,
            found,
            epoch: EPOCH,
        };
        found
    }
}

/// Calls a special method `f` found on the type of `obj` with `obj` and `rest`, as CPython's
/// slots do: functions and method descriptors get `obj` first; anything else is bound through
/// its `__get__` (a staticmethod is called with `rest` only).
pub fn call_bound(f: Value, obj: Value, rest: &[Value]) -> Value {
    call_bound_kw(f, obj, rest, Value::NULL)
}

/// [`call_bound`] with keyword arguments (`kwnames` names the last of `rest`): what calling
/// `obj` does through its type's `__call__`, which need not be a function (typing's
/// `_TypedDictMeta.__call__ = dict` is a class, called without `obj`).
pub fn call_bound_kw(f: Value, obj: Value, rest: &[Value], kwnames: Value) -> Value {
    let unbound = !f.is_small()
        && match kind_of(f) {
            Kind::Function => true,
            Kind::BuiltinFunction => {
                let b = builtin_function::get(f);
                b.bound.is_null() && b.flags & builtin_function::METHOD != 0
            }
            _ => false,
        };
    if unbound {
        return ops::with_first(obj, rest, |all| ops::call(f, all, kwnames));
    }
    let g = descriptor::get(f, obj, Value::from_ptr(type_of(obj)));
    if g.is_null() {
        return g;
    }
    ops::call(g, rest, kwnames)
}

/// Heap types are classes created at run time (by `class` statements).
#[inline]
pub fn is_heap_type(t: *mut TypeObject) -> bool {
    unsafe { (*t).flags & TF_HEAP != 0 }
}

/// The attribute hooks (`TF_HOOK_*`) that apply to instances of `t`.
#[inline]
pub fn hooks(t: *mut TypeObject) -> u32 {
    unsafe {
        if (*t).flags & TF_HEAP == 0 {
            return 0;
        }
        if !HOOKS_DIRTY {
            return (*t).flags;
        }
    }
    compute_hooks(t)
}

fn compute_hooks(t: *mut TypeObject) -> u32 {
    let mut f = 0;
    for (name, bit) in HOOKS {
        if !user_override(t, name).is_null() {
            f |= bit;
        }
    }
    f
}

/// The attribute `name` as a class defined in Python provides it for instances of `t`: the
/// first class of the MRO that has `name` in its dict, when that class is a heap type; null
/// when a built-in type provides it first or nobody does.
pub fn user_override(t: *mut TypeObject, name: &str) -> Value {
    let n = pystr::intern(name);
    unsafe {
        for m in tuple::items((*t).mro) {
            let mt = m.ptr::<TypeObject>();
            let v = dict::get_str((*mt).dict, n);
            if !v.is_null() {
                return if is_heap_type(mt) { v } else { Value::NULL };
            }
        }
    }
    Value::NULL
}

/// For an instance of a Python subclass of a built-in type other than `object`: the method
/// `name` that a class defined in Python overrides; null otherwise (the built-in behaviour
/// applies). The protocols in `ops` call this before their built-in fast paths.
#[inline]
pub fn heap_override(v: Value, name: &str) -> Value {
    if v.is_small() {
        return Value::NULL;
    }
    let t = type_of(v);
    if !is_heap_type(t) || unsafe { (*t).kind } == Kind::Object {
        return Value::NULL;
    }
    user_override(t, name)
}

pub fn qualified_name(t: *mut TypeObject) -> String {
    unsafe {
        let m = (*t).module;
        let q = qualname_of(t);
        if pystr::is_str(m) && pystr::as_str(m) != "builtins" {
            format!("{}.{}", pystr::as_str(m), q)
        } else {
            q
        }
    }
}

/// CPython's `tp_name`, which error messages use: a class's name, or a built-in type's
/// dotted C name (`functools.KeyWrapper`; plain for the `builtins`).
pub fn tp_name(t: *mut TypeObject) -> String {
    if is_heap_type(t) {
        type_name(t).to_string()
    } else {
        qualified_name(t)
    }
}

/// `T.__qualname__`.
pub fn qualname_of(t: *mut TypeObject) -> String {
    unsafe {
        let q = (*t).qualname;
        if is_heap_type(t) && !q.is_null() && pystr::is_str(q) {
            return pystr::as_str(q).to_string();
        }
        type_name(t).to_string()
    }
}

pub fn repr(v: Value) -> Value {
    let m = user_override(type_of(v), "__repr__");
    if !m.is_null() {
        return ops::call(m, &[v], Value::NULL);
    }
    default_type_repr(v)
}

fn default_type_repr(v: Value) -> Value {
    let t = v.ptr::<TypeObject>();
    unsafe {
        let m = if is_heap_type(t) {
            dict::get_by_name((*t).dict, "__module__")
        } else {
            (*t).module
        };
        if !m.is_null() && pystr::is_str(m) && pystr::as_str(m) != "builtins" {
            return pystr::new(&format!(
                "<class '{}.{}'>",
                pystr::as_str(m),
                qualname_of(t)
            ));
        }
    }
    pystr::new(&format!("<class '{}'>", qualname_of(t)))
}

// ---- layouts -----------------------------------------------------------------------------------

#[inline]
fn round8(n: usize) -> usize {
    (n + 7) & !7
}

/// The size in bytes of the built-in part of `v` (the layout its built-in base defines).
pub fn layout_size(v: Value) -> usize {
    use std::mem::size_of;
    match kind_of(v) {
        Kind::Object => size_of::<Header>(),
        Kind::List => size_of::<list::ListObject>(),
        Kind::Dict => size_of::<dict::DictObject>(),
        Kind::Set | Kind::FrozenSet => size_of::<set::SetObject>(),
        Kind::Int => int::layout_size(v),
        Kind::Float => size_of::<float::FloatObject>(),
        Kind::Complex => size_of::<crate::objects::complex::ComplexObject>(),
        Kind::Str => size_of::<pystr::StrObject>() + pystr::as_str(v).len(),
        Kind::Tuple => size_of::<tuple::TupleObject>() + 8 * tuple::len(v),
        Kind::Bytes => crate::objects::bytes::layout_size(v),
        Kind::ByteArray => size_of::<crate::objects::bytes::ByteArrayObject>(),
        Kind::Exception => size_of::<exception::ExceptionObject>(),
        Kind::Type => size_of::<TypeObject>(),
        Kind::Property => size_of::<descriptor::PropertyObject>(),
        Kind::ClassMethod | Kind::StaticMethod => size_of::<descriptor::WrapperObject>(),
        Kind::Super => size_of::<crate::objects::super_::SuperObject>(),
        Kind::Enumerate | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed => {
            size_of::<it::Combinator>()
        }
        _ => size_of::<Header>(),
    }
}

/// Where the instance dict of `v` lives; None when `v` has none.
pub fn dict_slot(v: Value) -> Option<*mut Value> {
    if v.is_small() {
        return None;
    }
    let t = type_of(v);
    let k = unsafe { (*t).kind };
    if k == Kind::Exception {
        return Some(unsafe {
            std::ptr::addr_of_mut!((*v.ptr::<exception::ExceptionObject>()).dict)
        });
    }
    if k == Kind::Type {
        return None;
    }
    if unsafe { (*t).flags } & TF_NO_DICT != 0 {
        return None;
    }
    if k == Kind::Object {
        return Some(unsafe { std::ptr::addr_of_mut!((*v.ptr::<InstanceObject>()).dict) });
    }
    if !is_heap_type(t) {
        return None;
    }
    Some(unsafe { (v.0 as *mut u8).add(round8(layout_size(v))) as *mut Value })
}

/// The word of `__slots__` entry `index` of `v`.
pub fn slot_ptr(v: Value, index: usize) -> *mut Value {
    unsafe { (v.0 as *mut u8).add(round8(layout_size(v)) + 8 + 8 * index) as *mut Value }
}

/// The instance dict of `v`, created on first use; null when `v` cannot have one.
pub fn instance_dict(v: Value) -> Value {
    match dict_slot(v) {
        Some(p) => unsafe {
            if (*p).is_null() {
                *p = dict::new();
            }
            *p
        },
        None => Value::NULL,
    }
}

fn extra_words(tp: *mut TypeObject) -> usize {
    8 + 8 * unsafe { (*tp).nslots } as usize
}

/// `v` (a fresh value of a built-in type) as an instance of the subclass `tp`: the same
/// built-in layout with room for the instance dict and slots. `v` itself when `tp` is built in.
pub fn retype(v: Value, tp: *mut TypeObject) -> Value {
    if v.is_null() || !is_heap_type(tp) {
        return v;
    }
    if int::is_int(v) {
        return int::alloc_big(tp, &int::to_big(v), extra_words(tp));
    }
    let size = round8(layout_size(v));
    let n = alloc_object(tp, size + extra_words(tp));
    if n.is_null() {
        return n;
    }
    unsafe {
        std::ptr::copy_nonoverlapping((v.0 as *const u8).add(8), (n.0 as *mut u8).add(8), size - 8);
        if kind_of(n) == Kind::Exception {
            (*n.ptr::<exception::ExceptionObject>()).dict = Value::NULL;
        }
    }
    n
}

/// `object.__new__(tp)` for any layout: an empty instance of `tp`.
pub fn alloc_instance_of(tp: *mut TypeObject) -> Value {
    let k = unsafe { (*tp).kind };
    let base = match k {
        Kind::Object => {
            return alloc_object(
                tp,
                std::mem::size_of::<InstanceObject>() + 8 * unsafe { (*tp).nslots } as usize,
            )
        }
        Kind::Exception => return exception::new(tp, &[]),
        Kind::List => list::with_capacity(0),
        Kind::Dict => dict::new(),
        Kind::Set => set::new_set(),
        Kind::FrozenSet => set::new_frozenset(),
        Kind::Int => Value::from_small(0),
        Kind::Float => float::new(0.0),
        Kind::Str => pystr::intern(""),
        Kind::Tuple => tuple::new(&[]),
        Kind::Bytes => crate::objects::bytes::new(&[]),
        Kind::ByteArray => crate::objects::bytes::new_bytearray(&[]),
        Kind::Complex => crate::objects::complex::new(0.0, 0.0),
        Kind::Property => descriptor::new_property(
            types().property,
            Value::NULL,
            Value::NULL,
            Value::NULL,
            Value::NULL,
        ),
        Kind::ClassMethod => descriptor::new_wrapper(types().classmethod, none()),
        Kind::StaticMethod => descriptor::new_wrapper(types().staticmethod, none()),
        _ => {
            return errors::type_error(&format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                type_name(tp),
                type_name(tp)
            ))
        }
    };
    retype(base, tp)
}

// ---- class attributes ----------------------------------------------------------------------

/// `cls.name`: the metatype's data descriptors, then the class's MRO (through `__get__` with no
/// instance), then the metatype's other attributes (bound to the class).
/// A 3.14 class's annotate function (the class body stores it as `__annotate_func__`).
fn annotate_of(tp: *mut TypeObject) -> Value {
    let d = unsafe { (*tp).dict };
    let f = dict::get_by_name(d, "__annotate_func__");
    if f.is_null() {
        dict::get_by_name(d, "__annotate__")
    } else {
        f
    }
}

pub fn getattr(t: Value, name: Value) -> Value {
    let tp = t.ptr::<TypeObject>();
    let n = pystr::as_str(name);
    unsafe {
        match n {
            "__name__" => return (*tp).name,
            "__qualname__" => return pystr::new(&qualname_of(tp)),
            // 3.12 (PEP 695): a class's own type parameters (`class C[T]`), else none.
            "__type_params__" if crate::sys::bytecode_version() >= (3, 12) => {
                let own = if is_heap_type(tp) {
                    dict::get_by_name((*tp).dict, "__type_params__")
                } else {
                    Value::NULL
                };
                return if own.is_null() { tuple::new(&[]) } else { own };
            }
            "__mro__" => return (*tp).mro,
            "__bases__" => return (*tp).bases,
            "__base__" => {
                return if (*tp).base.is_null() {
                    none()
                } else {
                    Value::from_ptr((*tp).base)
                }
            }
            "__dict__" => return crate::objects::slots::mapping_proxy((*tp).dict),
            "__module__" => {
                let m = dict::get_by_name((*tp).dict, "__module__");
                return if m.is_null() { (*tp).module } else { m };
            }
            "__class__" => return Value::from_ptr(type_of(t)),
            "__annotations__"
                if dict::get_by_name((*tp).dict, "__annotations__").is_null()
                    && !annotate_of(tp).is_null() =>
            {
                // 3.14 (PEP 649): a class body leaves its `__annotate__` function; the
                // annotations are made on first access and kept.
                let f = annotate_of(tp);
                let a = crate::ops::call(f, &[Value::from_small(1)], Value::NULL);
                if !a.is_null() {
                    dict::set_by_name((*tp).dict, "__annotations__", a);
                }
                return a;
            }
            "__doc__" => {
                let d = dict::get_by_name((*tp).dict, "__doc__");
                return if d.is_null() {
                    none()
                } else {
                    descriptor::get(d, Value::NULL, t)
                };
            }
            _ => {}
        }
    }
    let meta = type_of(t);
    let meta_attr = type_lookup(meta, name);
    if !meta_attr.is_null() && descriptor::is_data(meta_attr) {
        return descriptor::get(meta_attr, t, Value::from_ptr(meta));
    }
    let found = type_lookup(tp, name);
    if !found.is_null() {
        return descriptor::get(found, Value::NULL, t);
    }
    if !meta_attr.is_null() {
        return descriptor::get(meta_attr, t, Value::from_ptr(meta));
    }
    if is_heap_type(meta) {
        let ga = user_override(meta, "__getattr__");
        if !ga.is_null() {
            return ops::call(ga, &[t, name], Value::NULL);
        }
    }
    errors::attribute_error(&format!(
        "type object '{}' has no attribute '{n}'",
        type_name(tp)
    ))
}

fn note_hook_change(name: Value) {
    let n = pystr::as_str(name);
    if HOOKS.iter().any(|(h, _)| *h == n) {
        unsafe { HOOKS_DIRTY = true };
    }
}

pub fn setattr(t: Value, name: Value, value: Value) -> bool {
    let tp = t.ptr::<TypeObject>();
    let meta = type_of(t);
    if is_heap_type(meta) {
        let sa = user_override(meta, "__setattr__");
        if !sa.is_null() {
            return !ops::call(sa, &[t, name, value], Value::NULL).is_null();
        }
        let found = type_lookup(meta, name);
        if !found.is_null() {
            if let Some(ok) = descriptor::set(found, t, value) {
                return ok;
            }
        }
    }
    type_setattr_plain(tp, name, value)
}

fn type_setattr_plain(tp: *mut TypeObject, name: Value, value: Value) -> bool {
    if !is_heap_type(tp) {
        errors::type_error(&format!(
            "cannot set '{}' attribute of immutable type '{}'",
            pystr::as_str(name),
            type_name(tp)
        ));
        return false;
    }
    note_hook_change(name);
    invalidate_lookups();
    mark_dict_shadows(tp);
    let n = pystr::as_str(name);
    if n == "__name__" && pystr::is_str(value) {
        unsafe { (*tp).name = value };
    }
    if n == "__qualname__" {
        if !pystr::is_str(value) {
            errors::type_error(&format!(
                "can only assign string to {}.__qualname__, not '{}'",
                type_name(tp),
                type_name_of(value)
            ));
            return false;
        }
        unsafe { (*tp).qualname = value };
        return true;
    }
    unsafe { dict::set_str((*tp).dict, name, value) };
    true
}

pub fn delattr(t: Value, name: Value) -> bool {
    let tp = t.ptr::<TypeObject>();
    if !is_heap_type(tp) {
        errors::type_error(&format!(
            "cannot delete '{}' attribute of immutable type '{}'",
            pystr::as_str(name),
            type_name(tp)
        ));
        return false;
    }
    note_hook_change(name);
    invalidate_lookups();
    mark_dict_shadows(tp);
    unsafe {
        match dict::pop_item((*tp).dict, name) {
            Ok(v) if !v.is_null() => true,
            Ok(_) => {
                errors::attribute_error(&format!(
                    "type object '{}' has no attribute '{}'",
                    type_name(tp),
                    pystr::as_str(name)
                ));
                false
            }
            Err(()) => false,
        }
    }
}

pub fn class_getitem(t: Value, k: Value) -> Value {
    let f = type_lookup(t.ptr(), pystr::intern("__class_getitem__"));
    if !f.is_null() {
        let g = descriptor::get(f, Value::NULL, t);
        if g.is_null() {
            return g;
        }
        return ops::call(g, &[k], Value::NULL);
    }
    if t.ptr::<TypeObject>() == types().type_ {
        return crate::objects::slots::generic_alias(t, k);
    }
    errors::type_error(&format!(
        "type '{}' is not subscriptable",
        type_name(t.ptr())
    ))
}

// ---- instance attributes -------------------------------------------------------------------

fn no_attribute(v: Value, name: Value) -> Value {
    errors::attribute_error(&format!(
        "'{}' object has no attribute '{}'",
        type_name_of(v),
        pystr::as_str(name)
    ))
}

fn dict_get(d: Value, name: Value) -> Result<Value, ()> {
    if type_of(name) == types().str {
        Ok(dict::get_str(d, name))
    } else {
        dict::get_item(d, name)
    }
}

/// `object.__getattribute__(v, name)`: data descriptors on the type, the instance dict, then
/// the other attributes of the type. Null with AttributeError when absent.
pub fn generic_getattr(v: Value, name: Value) -> Value {
    let t = type_of(v);
    let n = pystr::as_str(name);
    if n == "__class__" {
        return Value::from_ptr(t);
    }
    let found = type_lookup(t, name);
    if !found.is_null() && descriptor::is_data(found) {
        return descriptor::get(found, v, Value::from_ptr(t));
    }
    if kind_of(v) == Kind::Exception {
        let r = exception::getattr(v, n);
        if !r.is_null() {
            return r;
        }
    }
    if let Some(p) = dict_slot(v) {
        if n == "__dict__" {
            mark_dict_shadows(t);
            return instance_dict(v);
        }
        let d = unsafe { *p };
        if !d.is_null() {
            match dict_get(d, name) {
                Ok(r) if !r.is_null() => return r,
                Ok(_) => {}
                Err(()) => return Value::NULL,
            }
        }
    }
    if !found.is_null() {
        return descriptor::get(found, v, Value::from_ptr(t));
    }
    no_attribute(v, name)
}

/// `v.name` for instances of classes defined in Python, with their `__getattribute__` and
/// `__getattr__` hooks. Null with an exception when absent.
pub fn instance_getattr(v: Value, name: Value) -> Value {
    let t = type_of(v);
    let h = hooks(t);
    let r = if h & TF_HOOK_GETATTRIBUTE != 0 {
        let ga = user_override(t, "__getattribute__");
        if ga.is_null() {
            generic_getattr(v, name)
        } else {
            ops::call(ga, &[v, name], Value::NULL)
        }
    } else {
        generic_getattr(v, name)
    };
    if r.is_null()
        && h & TF_HOOK_GETATTR != 0
        && errors::current_matches(exc_types().attribute_error)
    {
        let g = user_override(t, "__getattr__");
        if !g.is_null() {
            errors::fetch();
            return ops::call(g, &[v, name], Value::NULL);
        }
    }
    r
}

/// `object.__setattr__(v, name, value)`; `value` null deletes (`object.__delattr__`).
pub fn generic_setattr(v: Value, name: Value, value: Value) -> bool {
    let t = type_of(v);
    let found = type_lookup(t, name);
    if !found.is_null() {
        if let Some(ok) = descriptor::set(found, v, value) {
            return ok;
        }
    }
    let n = pystr::as_str(name);
    if kind_of(v) == Kind::Exception && !value.is_null() && exception::setattr(v, n, value) {
        return true;
    }
    match dict_slot(v) {
        Some(p) => unsafe {
            if n == "__dict__" {
                if value.is_null() || value.is_small() || kind_of(value) != Kind::Dict {
                    errors::type_error(&format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        if value.is_null() {
                            "NoneType"
                        } else {
                            type_name_of(value)
                        }
                    ));
                    return false;
                }
                mark_dict_shadows(t);
                *p = value;
                return true;
            }
            if value.is_null() {
                let d = *p;
                if !d.is_null() {
                    match dict::pop_item(d, name) {
                        Ok(x) if !x.is_null() => return true,
                        Ok(_) => {}
                        Err(()) => return false,
                    }
                }
                if crate::sys::bytecode_version() < (3, 11) {
                    // Up to 3.10 the message is the bare name.
                    errors::raise_args(exc_types().attribute_error, &[name]);
                } else {
                    no_attribute(v, name);
                }
                return false;
            }
            if (*p).is_null() {
                *p = dict::new();
            }
            if !found.is_null() {
                mark_dict_shadows(t);
            }
            dict::set_item(*p, name, value)
        },
        None => {
            if !found.is_null() {
                errors::attribute_error(&format!(
                    "'{}' object attribute '{n}' is read-only",
                    type_name_of(v)
                ));
            } else if value.is_null() {
                no_attribute(v, name);
            } else {
                crate::ops::no_attribute_for_setting(v, name);
            }
            false
        }
    }
}

pub fn instance_setattr(v: Value, name: Value, value: Value) -> bool {
    let t = type_of(v);
    if hooks(t) & TF_HOOK_SETATTR != 0 {
        let sa = user_override(t, "__setattr__");
        if !sa.is_null() {
            return !ops::call(sa, &[v, name, value], Value::NULL).is_null();
        }
    }
    generic_setattr(v, name, value)
}

/// Stores into the instance dict (object.__setattr__).
pub fn instance_store(v: Value, name: Value, value: Value) -> bool {
    generic_setattr(v, name, value)
}

pub fn instance_delattr(v: Value, name: Value) -> bool {
    let t = type_of(v);
    if hooks(t) & TF_HOOK_DELATTR != 0 {
        let da = user_override(t, "__delattr__");
        if !da.is_null() {
            return !ops::call(da, &[v, name], Value::NULL).is_null();
        }
    }
    generic_setattr(v, name, Value::NULL)
}

/// LOAD_METHOD's fast path may take a method straight from the type of `v` unless the
/// instance dict shadows it or the class hooks attribute access.
#[inline]
pub fn method_lookup_is_plain(v: Value, name: Value) -> bool {
    let t = type_of(v);
    if !is_heap_type(t) {
        return true;
    }
    if hooks(t) & TF_HOOK_GETATTRIBUTE != 0 {
        return false;
    }
    if unsafe { (*t).flags } & TF_DICT_SHADOWS == 0 {
        return true;
    }
    match dict_slot(v) {
        Some(p) => {
            let d = unsafe { *p };
            d.is_null() || dict::get_str(d, name).is_null()
        }
        None => true,
    }
}

// ---- calling a type ------------------------------------------------------------------------

fn kw_count(kwnames: Value) -> usize {
    if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    }
}

fn no_kwargs(name: &str, kwnames: Value) -> bool {
    if kw_count(kwnames) > 0 {
        errors::type_error(&format!("{name}() takes no keyword arguments"));
        return false;
    }
    true
}

/// `T(args...)`: the metatype's `__call__` (normally `type.__call__`).
pub fn call(t: Value, args: &[Value], kwnames: Value) -> Value {
    let meta = type_of(t);
    if is_heap_type(meta) {
        let c = user_override(meta, "__call__");
        if !c.is_null() {
            return call_bound_kw(c, t, args, kwnames);
        }
    }
    type_call(t.ptr(), args, kwnames)
}

/// `type.__call__(T, *args, **kwargs)`: `T.__new__` then, when it returned an instance of `T`,
/// `__init__`.
pub fn type_call(tp: *mut TypeObject, args: &[Value], kwnames: Value) -> Value {
    if !is_heap_type(tp) {
        if let Some(r) = builtin_construct(tp, args, kwnames) {
            return r;
        }
    }
    let t = Value::from_ptr(tp);
    let new_f = type_lookup(tp, crate::interned!("__new__"));
    if new_f.is_null() {
        return errors::type_error(&format!("cannot create '{}' instances", type_name(tp)));
    }
    if new_f == unsafe { OBJECT_NEW } {
        if !check_not_abstract(tp) {
            return Value::NULL;
        }
        // object.__new__: allocate directly (its argument check, without the call).
        let init = type_lookup(tp, crate::interned!("__init__"));
        if init == unsafe { OBJECT_INIT } {
            if !args.is_empty() {
                return errors::type_error(&format!("{}() takes no arguments", type_name(tp)));
            }
            return alloc_instance_of(tp);
        }
        let obj = alloc_instance_of(tp);
        if obj.is_null() {
            return obj;
        }
        let r = ops::with_first(obj, args, |all| ops::call(init, all, kwnames));
        if r.is_null() {
            return r;
        }
        if r != none() {
            return errors::type_error(&format!(
                "__init__() should return None, not '{}'",
                type_name_of(r)
            ));
        }
        return obj;
    }
    let new_f = if !new_f.is_small() && kind_of(new_f) == Kind::StaticMethod {
        descriptor::wrapped(new_f)
    } else {
        new_f
    };
    let obj = ops::with_first(t, args, |all| ops::call(new_f, all, kwnames));
    if obj.is_null() || !crate::object::isinstance(obj, tp) {
        return obj;
    }
    let init = type_lookup(type_of(obj), crate::interned!("__init__"));
    if init.is_null() {
        return obj;
    }
    let r = ops::with_first(obj, args, |all| ops::call(init, all, kwnames));
    if r.is_null() {
        return r;
    }
    if r != none() {
        return errors::type_error(&format!(
            "__init__() should return None, not '{}'",
            type_name_of(r)
        ));
    }
    obj
}

/// The built-in types' own constructors (fast paths); None when the type is built through its
/// `__new__` and `__init__` methods instead.
fn builtin_construct(tp: *mut TypeObject, args: &[Value], kwnames: Value) -> Option<Value> {
    let kind = unsafe { (*tp).kind };
    let name = type_name(tp);
    Some(match kind {
        Kind::Exception => return None,
        Kind::Type => {
            if tp != types().type_ {
                return None;
            }
            let nkw = kw_count(kwnames);
            let npos = args.len() - nkw;
            if npos == 1 && nkw == 0 {
                return Some(Value::from_ptr(type_of(args[0])));
            }
            if npos != 3 {
                return Some(errors::type_error("type() takes 1 or 3 arguments"));
            }
            type_new(tp, args, kwnames)
        }
        Kind::Object => {
            if tp != types().object {
                return None;
            }
            if kw_count(kwnames) > 0 || !args.is_empty() {
                return Some(errors::type_error("object() takes no arguments"));
            }
            alloc_object(tp, std::mem::size_of::<InstanceObject>())
        }
        Kind::Int => int_new(args, kwnames),
        Kind::Bool => {
            if !no_kwargs(name, kwnames) || !check_count("bool", args.len(), 0, 1) {
                return Some(Value::NULL);
            }
            if args.is_empty() {
                return Some(crate::object::false_());
            }
            match ops::truthy(args[0]) {
                -1 => Value::NULL,
                b => crate::object::bool_value(b == 1),
            }
        }
        Kind::Float => {
            if !no_kwargs(name, kwnames) {
                return Some(Value::NULL);
            }
            float_new(args)
        }
        Kind::Str => pystr::construct(args, kwnames),
        Kind::Tuple => {
            if !no_kwargs(name, kwnames) || !check_count("tuple", args.len(), 0, 1) {
                return Some(Value::NULL);
            }
            if args.is_empty() {
                return Some(tuple::new(&[]));
            }
            if !args[0].is_small() && type_of(args[0]) == types().tuple {
                return Some(args[0]);
            }
            match ops::collect(args[0]) {
                Some(v) => tuple::new(&v),
                None => Value::NULL,
            }
        }
        Kind::List => {
            if !no_kwargs("list", kwnames) || !check_count("list", args.len(), 0, 1) {
                return Some(Value::NULL);
            }
            let l = list::with_capacity(0);
            if !args.is_empty() && !list::extend(l, args[0]) {
                return Some(Value::NULL);
            }
            l
        }
        Kind::Dict => {
            let d = dict::new();
            if !dict_init(d, args, kwnames) {
                return Some(Value::NULL);
            }
            d
        }
        Kind::Set | Kind::FrozenSet => set::construct(tp, args, kwnames),
        Kind::Range => {
            if !no_kwargs(name, kwnames) {
                return Some(Value::NULL);
            }
            range::construct(args)
        }
        Kind::Slice => {
            if !no_kwargs(name, kwnames) {
                return Some(Value::NULL);
            }
            match args.len() {
                1 => slice::new(none(), args[0], none()),
                2 => slice::new(args[0], args[1], none()),
                3 => slice::new(args[0], args[1], args[2]),
                0 => errors::type_error("slice expected at least 1 argument, got 0"),
                n => errors::type_error(&format!("slice expected at most 3 arguments, got {n}")),
            }
        }
        Kind::Enumerate => {
            if args.is_empty() {
                return Some(errors::type_error(
                    if crate::sys::bytecode_version() < (3, 11) {
                        "enumerate() missing required argument 'iterable' (pos 1)"
                    } else {
                        "enumerate() missing required argument 'iterable'"
                    },
                ));
            }
            let Some(p) =
                builtin_function::parse_kw("enumerate", args, kwnames, &["iterable", "start"], 1)
            else {
                return Some(Value::NULL);
            };
            let i = ops::iter(p[0]);
            if i.is_null() {
                return Some(i);
            }
            let start = if p[1].is_null() {
                Value::from_small(0)
            } else {
                p[1]
            };
            if !int::is_int(start) {
                return Some(errors::type_error(&format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name_of(start)
                )));
            }
            it::combinator(tp, i, start, 0)
        }
        Kind::Zip => {
            let nkw = kw_count(kwnames);
            let npos = args.len() - nkw;
            let mut strict = false;
            if nkw > 0 && crate::sys::bytecode_version() < (3, 10) {
                return Some(errors::type_error("zip() takes no keyword arguments"));
            }
            for i in 0..nkw {
                let k = pystr::as_str(tuple::items(kwnames)[i]);
                if k != "strict" {
                    return Some(errors::type_error(&format!(
                        "zip() got an unexpected keyword argument '{k}'"
                    )));
                }
                match ops::truthy(args[npos + i]) {
                    -1 => return Some(Value::NULL),
                    b => strict = b == 1,
                }
            }
            let mut iters = Vec::new();
            for a in &args[..npos] {
                let i = ops::iter(*a);
                if i.is_null() {
                    return Some(i);
                }
                iters.push(i);
            }
            it::combinator(tp, tuple::new(&iters), Value::NULL, strict as i64)
        }
        Kind::Map => {
            if !no_kwargs("map", kwnames) {
                return Some(Value::NULL);
            }
            if args.len() < 2 {
                return Some(errors::type_error(
                    "map() must have at least two arguments.",
                ));
            }
            let mut iters = Vec::new();
            for a in &args[1..] {
                let i = ops::iter(*a);
                if i.is_null() {
                    return Some(i);
                }
                iters.push(i);
            }
            it::combinator(tp, args[0], tuple::new(&iters), 0)
        }
        Kind::Filter => {
            if !no_kwargs("filter", kwnames) || !check_count("filter", args.len(), 2, 2) {
                return Some(Value::NULL);
            }
            let i = ops::iter(args[1]);
            if i.is_null() {
                return Some(i);
            }
            it::combinator(tp, args[0], i, 0)
        }
        Kind::Reversed => {
            if !no_kwargs("reversed", kwnames) || !check_count("reversed", args.len(), 1, 1) {
                return Some(Value::NULL);
            }
            reversed(tp, args[0])
        }
        Kind::Method => crate::objects::method::construct(args, kwnames),
        _ => return None,
    })
}

/// `int(x, base)`, also from bytes and bytearray (read as ASCII text).
pub fn int_new(args: &[Value], kwnames: Value) -> Value {
    let r = int_new_inner(args, kwnames);
    if !r.is_null() && !int::is_int(r) {
        return errors::type_error(&format!(
            "__int__ returned non-int (type {})",
            type_name_of(r)
        ));
    }
    if !r.is_null() && kind_of(r) == Kind::Bool {
        return Value::from_small(crate::objects::bool::value(r) as i64);
    }
    r
}

fn int_new_inner(args: &[Value], kwnames: Value) -> Value {
    if let Some(&x) = args.first() {
        if crate::objects::memoryview::is_memoryview(x) {
            let mut a = args.to_vec();
            a[0] = crate::objects::bytes::new(crate::objects::memoryview::data(x));
            return int_new_inner(&a, kwnames);
        }
        if crate::objects::bytes::is_bytes_like(x) {
            let text = pystr::new(&String::from_utf8_lossy(crate::objects::bytes::data(x)));
            let mut a = args.to_vec();
            a[0] = text;
            let r = crate::builtins::int_new(&a, kwnames);
            if r.is_null() && errors::current_matches(exc_types().value_error) {
                errors::fetch();
                let base = if a.len() > 1 {
                    int::to_decimal(a[1])
                } else {
                    "10".into()
                };
                return errors::value_error(&format!(
                    "invalid literal for int() with base {base}: {}",
                    crate::objects::bytes::repr_text(crate::objects::bytes::data(x))
                ));
            }
            return r;
        }
    }
    crate::builtins::int_new(args, kwnames)
}

/// `float(x)`, also from bytes and bytearray.
pub fn float_new(args: &[Value]) -> Value {
    let r = float_new_inner(args);
    if !r.is_null() && !float::is_float(r) {
        return errors::type_error(&format!(
            "__float__ returned non-float (type {})",
            type_name_of(r)
        ));
    }
    r
}

fn float_new_inner(args: &[Value]) -> Value {
    if let Some(&x) = args.first() {
        if crate::objects::bytes::is_bytes_like(x) {
            let text = pystr::new(&String::from_utf8_lossy(crate::objects::bytes::data(x)));
            let r = crate::builtins::float_new(&[text]);
            if r.is_null() && errors::current_matches(exc_types().value_error) {
                errors::fetch();
                return errors::value_error(&format!(
                    "could not convert string to float: {}",
                    crate::objects::bytes::repr_text(crate::objects::bytes::data(x))
                ));
            }
            return r;
        }
    }
    crate::builtins::float_new(args)
}

/// `T.__new__(cls, *args)` for the built-in iterator types (`map`, `zip`, ...): the built-in
/// constructor of the nearest built-in base, as an instance of `cls`.
pub fn construct_as(cls: *mut TypeObject, args: &[Value], kwnames: Value) -> Value {
    let mut base = cls;
    while is_heap_type(base) && unsafe { !(*base).base.is_null() } {
        base = unsafe { (*base).base };
    }
    let v = match builtin_construct(base, args, kwnames) {
        Some(v) => v,
        None => {
            return errors::type_error(&format!("cannot create '{}' instances", type_name(base)))
        }
    };
    if v.is_null() {
        return v;
    }
    retype(v, cls)
}

fn reversed(tp: *mut TypeObject, s: Value) -> Value {
    let over = heap_override(s, "__reversed__");
    if !over.is_null() {
        return ops::call(over, &[s], Value::NULL);
    }
    if !s.is_small() {
        match kind_of(s) {
            Kind::List | Kind::Tuple | Kind::Str | Kind::Range | Kind::Bytes | Kind::ByteArray
                if kind_of(s) != Kind::Range || heap_override(s, "__len__").is_null() =>
            {
                let Some(n) = ops::len(s) else {
                    return Value::NULL;
                };
                return it::combinator(tp, s, Value::NULL, n);
            }
            Kind::Dict => {
                let keys: Vec<Value> = dict::keys(s).into_iter().rev().collect();
                return it::seq_iter(tuple::new(&keys));
            }
            Kind::DictView => {
                let (d, part) = it::view_parts(s);
                let items: Vec<Value> = dict::items(d)
                    .into_iter()
                    .rev()
                    .map(|(k, x)| match part {
                        it::DictPart::Keys => k,
                        it::DictPart::Values => x,
                        it::DictPart::Items => tuple::new(&[k, x]),
                    })
                    .collect();
                return it::seq_iter(tuple::new(&items));
            }
            _ => {}
        }
    }
    let r = ops::call_dunder(s, "__reversed__", &[]);
    if !r.is_null() || errors::occurred() {
        return r;
    }
    let t = type_of(s);
    if !type_lookup(t, pystr::intern("__getitem__")).is_null()
        && !type_lookup(t, pystr::intern("__len__")).is_null()
    {
        let Some(n) = ops::len(s) else {
            return Value::NULL;
        };
        return it::combinator(tp, s, Value::NULL, n);
    }
    errors::type_error(&format!("'{}' object is not reversible", type_name_of(s)))
}

/// `dict.__init__(d, *args, **kwargs)`.
pub fn dict_init(d: Value, args: &[Value], kwnames: Value) -> bool {
    let nkw = kw_count(kwnames);
    let npos = args.len() - nkw;
    if npos > 1 {
        errors::type_error(&format!("dict expected at most 1 argument, got {npos}"));
        return false;
    }
    if npos == 1 && !dict::update(d, args[0]) {
        return false;
    }
    for i in 0..nkw {
        if !dict::set_item(d, tuple::items(kwnames)[i], args[npos + i]) {
            return false;
        }
    }
    true
}

// ---- creating classes ----------------------------------------------------------------------

/// The metaclass of a class with metaclass `meta` and bases `bases`: the most derived of
/// `meta` and the bases' metaclasses.
pub fn calculate_metaclass(meta: *mut TypeObject, bases: &[Value]) -> Option<*mut TypeObject> {
    let mut winner = meta;
    for b in bases {
        let tmp = type_of(*b);
        if is_subtype(winner, tmp) {
            continue;
        }
        if is_subtype(tmp, winner) {
            winner = tmp;
            continue;
        }
        errors::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        );
        return None;
    }
    Some(winner)
}

/// `type.__new__(meta, name, bases, ns, **kwargs)` with `args` = [name, bases, ns, kw values...].
fn type_new(meta: *mut TypeObject, args: &[Value], kwnames: Value) -> Value {
    let nkw = kw_count(kwnames);
    let npos = args.len() - nkw;
    if npos != 3 {
        return errors::type_error(&format!(
            "type.__new__() takes exactly 3 arguments ({npos} given)"
        ));
    }
    let (name, bases, ns) = (args[0], args[1], args[2]);
    if !pystr::is_str(name) {
        return errors::type_error(&format!(
            "type.__new__() argument 1 must be str, not {}",
            type_name_of(name)
        ));
    }
    if bases.is_small() || kind_of(bases) != Kind::Tuple {
        return errors::type_error(&format!(
            "type.__new__() argument 2 must be tuple, not {}",
            type_name_of(bases)
        ));
    }
    if ns.is_small() || kind_of(ns) != Kind::Dict {
        return errors::type_error(&format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_name_of(ns)
        ));
    }
    let b = tuple::items(bases).to_vec();
    for x in &b {
        if x.is_small() || kind_of(*x) != Kind::Type {
            return errors::type_error(&format!(
                "type.__new__() argument 2 must be tuple of types, not {}",
                type_name_of(*x)
            ));
        }
    }
    let Some(winner) = calculate_metaclass(meta, &b) else {
        return Value::NULL;
    };
    if winner != meta {
        // `type(name, bases, ns)` with a base of another metaclass: that metaclass's own
        // `__new__` makes the class, as CPython's type_new hands over to the winner.
        let new_f = type_lookup(winner, pystr::intern("__new__"));
        if !new_f.is_null() && user_override(winner, "__new__") == new_f {
            let new_f = if !new_f.is_small() && kind_of(new_f) == Kind::StaticMethod {
                descriptor::wrapped(new_f)
            } else {
                new_f
            };
            return ops::with_first(Value::from_ptr(winner), args, |all| {
                ops::call(new_f, all, kwnames)
            });
        }
    }
    let kw: Vec<(Value, Value)> = (0..nkw)
        .map(|i| (tuple::items(kwnames)[i], args[npos + i]))
        .collect();
    new_class(winner, name, &b, ns, &kw)
}

fn mangle(class_name: &str, n: &str) -> String {
    if !n.starts_with("__") || n.ends_with("__") || n.contains('.') {
        return n.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return n.to_string();
    }
    format!("_{stripped}{n}")
}

fn subclassable(k: Kind) -> bool {
    matches!(
        k,
        Kind::Enumerate
            | Kind::Zip
            | Kind::Map
            | Kind::Filter
            | Kind::Reversed
            | Kind::Object
            | Kind::Int
            | Kind::Float
            | Kind::Complex
            | Kind::Str
            | Kind::Bytes
            | Kind::ByteArray
            | Kind::Tuple
            | Kind::List
            | Kind::Dict
            | Kind::Set
            | Kind::FrozenSet
            | Kind::Exception
            | Kind::Type
            | Kind::Property
            | Kind::ClassMethod
            | Kind::StaticMethod
    )
}

/// Do instances of the class `b` carry an instance dict?
fn provides_dict(b: *mut TypeObject) -> bool {
    unsafe {
        if is_heap_type(b) {
            return (*b).flags & TF_NO_DICT == 0;
        }
        matches!((*b).kind, Kind::Exception | Kind::Type)
    }
}

/// Creates a class: `meta(name, bases, ns, **kwargs)` once the metaclass is known.
pub fn new_class(
    meta: *mut TypeObject,
    name: Value,
    bases_in: &[Value],
    ns: Value,
    kw: &[(Value, Value)],
) -> Value {
    for b in bases_in {
        if b.is_small() || kind_of(*b) != Kind::Type {
            return errors::type_error("bases must be types");
        }
        let bt = b.ptr::<TypeObject>();
        if unsafe { (*bt).flags } & TF_FINAL != 0 {
            return errors::type_error(&format!(
                "type '{}' is not an acceptable base type",
                // A built-in type's C name, which names its module (`operator.itemgetter`).
                qualified_name(bt)
            ));
        }
    }
    let object_v = Value::from_ptr(types().object);
    let bases: Vec<Value> = if bases_in.is_empty() {
        vec![object_v]
    } else {
        bases_in.to_vec()
    };
    // The solid base decides the instance layout.
    let mut kind = Kind::Object;
    let mut best = bases[0].ptr::<TypeObject>();
    for b in &bases {
        let bt = b.ptr::<TypeObject>();
        let bk = unsafe { (*bt).kind };
        if bk == Kind::Object {
            if kind == Kind::Object && unsafe { (*bt).nslots } > unsafe { (*best).nslots } {
                best = bt;
            }
            continue;
        }
        if kind != Kind::Object && kind != bk {
            return errors::type_error("multiple bases have instance lay-out conflict");
        }
        if kind == Kind::Object {
            best = bt;
        }
        kind = bk;
    }
    if !subclassable(kind) {
        return errors::type_error(&format!(
            "kiln: subclassing the built-in type '{}' is not supported yet",
            type_name(best)
        ));
    }
    let class_name = pystr::as_str(name).to_string();
    // The class dict: a copy of the namespace with CPython's implicit conversions.
    let d = dict::new();
    if !dict::update(d, ns) {
        return Value::NULL;
    }
    let cell_v = dict::get_by_name(d, "__classcell__");
    if !cell_v.is_null() {
        let _ = dict::pop_item(d, pystr::intern("__classcell__"));
    }
    if dict::get_by_name(d, "__module__").is_null() {
        let f = crate::frame::current();
        if !f.is_null() {
            let m = dict::get_by_name(unsafe { (*f).globals }, "__name__");
            if !m.is_null() {
                dict::set_by_name(d, "__module__", m);
            }
        }
    }
    let q = dict::get_by_name(d, "__qualname__");
    if !q.is_null() && !pystr::is_str(q) {
        return errors::type_error(&format!(
            "type __qualname__ must be a str, not {}",
            type_name_of(q)
        ));
    }
    if !q.is_null() {
        let _ = dict::pop_item(d, pystr::intern("__qualname__"));
    }
    for (n, wrap) in [
        ("__new__", types().staticmethod),
        ("__init_subclass__", types().classmethod),
        ("__class_getitem__", types().classmethod),
    ] {
        let f = dict::get_by_name(d, n);
        if !f.is_null() && crate::objects::function::is_function(f) {
            let w = descriptor::new_wrapper(wrap, f);
            if w.is_null() {
                return w;
            }
            dict::set_by_name(d, n, w);
        }
    }
    if !dict::get_by_name(d, "__eq__").is_null() && dict::get_by_name(d, "__hash__").is_null() {
        dict::set_by_name(d, "__hash__", none());
    }
    // __slots__
    let mut flags = TF_HEAP;
    let base_slots = unsafe { (*best).nslots };
    let mut nslots = base_slots;
    let mut members: Vec<(Value, usize)> = Vec::new();
    let slots_v = dict::get_by_name(d, "__slots__");
    if !slots_v.is_null() {
        let names = if pystr::is_str(slots_v) {
            vec![slots_v]
        } else {
            match ops::collect(slots_v) {
                Some(v) => v,
                None => return Value::NULL,
            }
        };
        let mut has_dict = false;
        for s in &names {
            if !pystr::is_str(*s) {
                return errors::type_error(&format!(
                    "__slots__ items must be strings, not '{}'",
                    type_name_of(*s)
                ));
            }
            let sn = pystr::as_str(*s);
            if sn == "__dict__" {
                if has_dict {
                    return errors::type_error("__dict__ slot disallowed: we already got one");
                }
                has_dict = true;
                continue;
            }
            if sn == "__weakref__" {
                continue;
            }
            let m = pystr::intern(&mangle(&class_name, sn));
            if !dict::get_str(d, m).is_null() {
                return errors::value_error(&format!(
                    "{} in __slots__ conflicts with class variable",
                    pystr::repr_text(sn)
                ));
            }
            members.push((m, nslots as usize));
            nslots += 1;
        }
        if !has_dict && !bases.iter().any(|b| provides_dict(b.ptr())) {
            flags |= TF_NO_DICT;
        }
    }
    let t = alloc_object(meta, std::mem::size_of::<TypeObject>());
    if t.is_null() {
        return t;
    }
    let tp = t.ptr::<TypeObject>();
    unsafe {
        (*tp).kind = kind;
        (*tp).name = pystr::intern(&class_name);
        (*tp).base = best;
        (*tp).bases = tuple::new(&bases);
        (*tp).dict = d;
        let m = dict::get_by_name(d, "__module__");
        (*tp).module = if m.is_null() {
            pystr::intern("builtins")
        } else {
            m
        };
        (*tp).flags = flags;
        (*tp).nslots = nslots;
        (*tp).qualname = if q.is_null() { (*tp).name } else { q };
        let Some(mro) = c3_mro(tp, &bases) else {
            return Value::NULL;
        };
        (*tp).mro = tuple::new(&mro);
        crate::objects::subclasses::register(tp);
    }
    for (m, idx) in members {
        let md = descriptor::new_member(m, tp, idx);
        dict::set_str(d, m, md);
    }
    // After the slots, as CPython: a `__doc__` slot is the class's `__doc__`.
    if dict::get_by_name(d, "__doc__").is_null() {
        dict::set_by_name(d, "__doc__", none());
    }
    invalidate_lookups();
    unsafe { (*tp).flags |= compute_hooks(tp) };
    if !cell_v.is_null() && !cell_v.is_small() && kind_of(cell_v) == Kind::Cell {
        cell::set(cell_v, t);
    }
    // __set_name__ on the attributes, then the parent's __init_subclass__.
    for (k, v) in dict::items(d) {
        if v.is_small() {
            continue;
        }
        let sn = type_lookup(type_of(v), pystr::intern("__set_name__"));
        if sn.is_null() {
            continue;
        }
        if ops::call(sn, &[v, t, k], Value::NULL).is_null() {
            let cause = errors::fetch();
            let e = exception::new(
                exc_types().runtime_error,
                &[pystr::new(&format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    type_name_of(v),
                    pystr::repr_text(pystr::as_str(k)),
                    class_name
                ))],
            );
            let eo = exception::get(e);
            eo.cause = cause;
            eo.suppress_context = true;
            eo.context = cause;
            return errors::reraise(e);
        }
    }
    if !init_subclass(t, kw) {
        return Value::NULL;
    }
    t
}

/// `super(cls, cls).__init_subclass__(**kw)`.
fn init_subclass(t: Value, kw: &[(Value, Value)]) -> bool {
    let tp = t.ptr::<TypeObject>();
    let mro = unsafe { tuple::items((*tp).mro) };
    let key = pystr::intern("__init_subclass__");
    for m in &mro[1..] {
        let f = unsafe { dict::get_str((*m.ptr::<TypeObject>()).dict, key) };
        if f.is_null() {
            continue;
        }
        let g = descriptor::get(f, Value::NULL, t);
        if g.is_null() {
            return false;
        }
        let names: Vec<Value> = kw.iter().map(|(k, _)| *k).collect();
        let vals: Vec<Value> = kw.iter().map(|(_, v)| *v).collect();
        let kn = if names.is_empty() {
            Value::NULL
        } else {
            tuple::new(&names)
        };
        return !ops::call(g, &vals, kn).is_null();
    }
    true
}

fn c3_mro(t: *mut TypeObject, bases: &[Value]) -> Option<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .map(|b| unsafe { tuple::items((*b.ptr::<TypeObject>()).mro).to_vec() })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![Value::from_ptr(t)];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let cand = seqs
            .iter()
            .map(|s| s[0])
            .find(|c| !seqs.iter().any(|s| s[1..].contains(c)));
        let Some(c) = cand else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = type_name(s[0].ptr()).to_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            errors::type_error(&format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
            return None;
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

/// PEP 560: the bases of a `class` statement after each non-class base's `__mro_entries__`
/// (given the original bases) has replaced it; None when no base has one.
fn resolve_mro_entries(bases: &[Value]) -> Option<Option<Vec<Value>>> {
    let mut out: Option<Vec<Value>> = None;
    for (i, &b) in bases.iter().enumerate() {
        let is_type = !b.is_small() && kind_of(b) == Kind::Type;
        let meth = if is_type {
            Value::NULL
        } else {
            ops::getattr_opt(b, pystr::intern("__mro_entries__"))
        };
        if meth.is_null() {
            if errors::occurred() {
                return None;
            }
            if let Some(v) = out.as_mut() {
                v.push(b);
            }
            continue;
        }
        let entries = ops::call(meth, &[tuple::new(bases)], Value::NULL);
        if entries.is_null() {
            return None;
        }
        if entries.is_small() || kind_of(entries) != Kind::Tuple {
            errors::type_error("__mro_entries__ must return a tuple");
            return None;
        }
        let v = out.get_or_insert_with(|| bases[..i].to_vec());
        v.extend_from_slice(tuple::items(entries));
    }
    Some(out)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`: the `class` statement.
pub fn build_class(args: &[Value], kwnames: Value) -> Value {
    let nkw = kw_count(kwnames);
    let npos = args.len() - nkw;
    if npos < 2 {
        return errors::type_error("__build_class__: not enough arguments");
    }
    let (func, name) = (args[0], args[1]);
    if !crate::objects::function::is_function(func) {
        return errors::type_error("__build_class__: func must be a function");
    }
    if !pystr::is_str(name) {
        return errors::type_error("__build_class__: name is not a string");
    }
    let orig_bases = &args[2..npos];
    let Some(resolved) = resolve_mro_entries(orig_bases) else {
        return Value::NULL;
    };
    let bases: &[Value] = resolved.as_deref().unwrap_or(orig_bases);
    let mut meta = Value::NULL;
    let mut kw_names = Vec::new();
    let mut kw_vals = Vec::new();
    for i in 0..nkw {
        let k = tuple::items(kwnames)[i];
        if pystr::as_str(k) == "metaclass" {
            meta = args[npos + i];
        } else {
            kw_names.push(k);
            kw_vals.push(args[npos + i]);
        }
    }
    let is_class;
    if meta.is_null() {
        meta = if bases.is_empty() {
            Value::from_ptr(types().type_)
        } else {
            Value::from_ptr(type_of(bases[0]))
        };
        is_class = true;
    } else {
        is_class = !meta.is_small() && kind_of(meta) == Kind::Type;
    }
    if is_class {
        let Some(w) = calculate_metaclass(meta.ptr(), bases) else {
            return Value::NULL;
        };
        meta = Value::from_ptr(w);
    }
    let bases_t = tuple::new(bases);
    let kwn = if kw_names.is_empty() {
        Value::NULL
    } else {
        tuple::new(&kw_names)
    };
    let ns = {
        let prep = ops::getattr_opt(meta, pystr::intern("__prepare__"));
        if prep.is_null() {
            if errors::occurred() {
                return Value::NULL;
            }
            dict::new()
        } else {
            let mut a = vec![name, bases_t];
            a.extend_from_slice(&kw_vals);
            let r = ops::call(prep, &a, kwn);
            if r.is_null() {
                return r;
            }
            r
        }
    };
    let fo = crate::objects::function::get(func);
    let c = crate::objects::code::get(fo.code);
    let r = crate::objects::function::run(func, fo, c, std::ptr::null(), ns);
    if r.is_null() {
        return r;
    }
    if resolved.is_some()
        && !ops::setitem(ns, pystr::intern("__orig_bases__"), tuple::new(orig_bases))
    {
        return Value::NULL;
    }
    let mut a = vec![name, bases_t, ns];
    a.extend_from_slice(&kw_vals);
    let cls = ops::call(meta, &a, kwn);
    if cls.is_null() {
        return cls;
    }
    if !r.is_small() && kind_of(r) == Kind::Cell && !cls.is_small() && kind_of(cls) == Kind::Type {
        let cur = cell::get(r);
        if cur.is_null() {
            cell::set(r, cls);
        } else if cur != cls {
            return errors::type_error(&format!(
                "__class__ set to {} defining {} as {}",
                pystr::as_str(ops::repr(cur)),
                pystr::repr_text(pystr::as_str(name)),
                pystr::as_str(ops::repr(cls))
            ));
        }
    }
    cls
}

// ---- methods of object and type -----------------------------------------------------------

static mut OBJECT_NEW: Value = Value::NULL;
static mut OBJECT_INIT: Value = Value::NULL;

fn excess_args(a: &[Value], k: Value) -> bool {
    a.len() > 1 || kw_count(k) > 0
}

/// CPython's check in `object.__new__`: a class with abstract methods left (its
/// `__abstractmethods__`, which `abc.ABCMeta` sets) cannot be instantiated. False with the
/// TypeError set, worded as the bytecode's version words it.
fn check_not_abstract(tp: *mut TypeObject) -> bool {
    if !is_heap_type(tp) {
        return true;
    }
    let am = type_lookup(tp, pystr::intern("__abstractmethods__"));
    if am.is_null() || am.is_small() {
        return true;
    }
    let Some(items) = ops::collect(am) else {
        return false;
    };
    if items.is_empty() {
        return true;
    }
    let mut names: Vec<String> = items
        .iter()
        .filter(|v| pystr::is_str(**v))
        .map(|v| pystr::as_str(*v).to_string())
        .collect();
    names.sort();
    let name = type_name(tp);
    let (_, minor) = crate::sys::bytecode_version();
    let plural = if names.len() == 1 { "" } else { "s" };
    let msg = if minor >= 12 {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        format!(
            "Can't instantiate abstract class {name} without an implementation for abstract method{plural} {}",
            quoted.join(", ")
        )
    } else if minor >= 9 {
        format!(
            "Can't instantiate abstract class {name} with abstract method{plural} {}",
            names.join(", ")
        )
    } else {
        format!(
            "Can't instantiate abstract class {name} with abstract methods {}",
            names.join(", ")
        )
    };
    errors::type_error(&msg);
    false
}

fn o_new(a: &[Value], k: Value) -> Value {
    if a.is_empty() {
        return errors::type_error("object.__new__(): not enough arguments");
    }
    if a[0].is_small() || kind_of(a[0]) != Kind::Type {
        return errors::type_error(&format!(
            "object.__new__(X): X is not a type object ({})",
            type_name_of(a[0])
        ));
    }
    let tp = a[0].ptr::<TypeObject>();
    if !check_not_abstract(tp) {
        return Value::NULL;
    }
    let kind = unsafe { (*tp).kind };
    if kind != Kind::Object {
        // The layout belongs to a built-in type with its own __new__.
        let mut base = tp;
        while is_heap_type(base) && unsafe { !(*base).base.is_null() } {
            base = unsafe { (*base).base };
        }
        return errors::type_error(&format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            type_name(tp),
            type_name(base)
        ));
    }
    if excess_args(a, k) {
        let new_f = type_lookup(tp, crate::interned!("__new__"));
        let init_f = type_lookup(tp, crate::interned!("__init__"));
        if new_f != unsafe { OBJECT_NEW } {
            return errors::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            );
        }
        if init_f == unsafe { OBJECT_INIT } {
            return errors::type_error(&format!("{}() takes no arguments", type_name(tp)));
        }
    }
    alloc_instance_of(tp)
}

fn o_init(a: &[Value], k: Value) -> Value {
    if a.is_empty() {
        return errors::type_error("descriptor '__init__' of 'object' object needs an argument");
    }
    if excess_args(a, k) {
        let tp = type_of(a[0]);
        let new_f = type_lookup(tp, crate::interned!("__new__"));
        let init_f = type_lookup(tp, crate::interned!("__init__"));
        if init_f != unsafe { OBJECT_INIT } {
            return errors::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            );
        }
        if new_f == unsafe { OBJECT_NEW } {
            return errors::type_error(&format!("{}() takes no arguments", type_name(tp)));
        }
    }
    none()
}

/// The default `repr` of an instance: `<module.Class object at 0x...>`.
pub fn default_repr(v: Value) -> Value {
    pystr::new(&format!(
        "<{} object at {}>",
        qualified_name(type_of(v)),
        ops::address(v)
    ))
}

fn o_repr(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__repr__", a, k, 0, 0) {
        return Value::NULL;
    }
    default_repr(a[0])
}

fn o_str(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__str__", a, k, 0, 0) {
        return Value::NULL;
    }
    ops::repr(a[0])
}

/// The identity hash that `object.__hash__` gives.
pub fn identity_hash(v: Value) -> i64 {
    ((v.0 >> 4) | (v.0 << 60)) as i64
}

fn o_hash(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__hash__", a, k, 0, 0) {
        return Value::NULL;
    }
    int::from_i64(identity_hash(a[0]))
}

fn o_eq(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__eq__", a, k, 1, 1) {
        return Value::NULL;
    }
    if a[0] == a[1] {
        crate::object::true_()
    } else {
        crate::object::notimplemented()
    }
}

fn o_ne(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__ne__", a, k, 1, 1) {
        return Value::NULL;
    }
    let eq = type_lookup(type_of(a[0]), pystr::intern("__eq__"));
    let r = if eq.is_null() {
        crate::object::notimplemented()
    } else {
        ops::call(eq, &[a[0], a[1]], Value::NULL)
    };
    if r.is_null() || r == crate::object::notimplemented() {
        return r;
    }
    match ops::truthy(r) {
        -1 => Value::NULL,
        t => crate::object::bool_value(t == 0),
    }
}

fn o_notimpl(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("comparison", a, k, 1, 1) {
        return Value::NULL;
    }
    crate::object::notimplemented()
}

fn name_arg(v: Value) -> Option<Value> {
    if !pystr::is_str(v) {
        errors::type_error(&format!(
            "attribute name must be string, not '{}'",
            type_name_of(v)
        ));
        return None;
    }
    Some(v)
}

fn o_getattribute(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__getattribute__", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(n) = name_arg(a[1]) else {
        return Value::NULL;
    };
    let v = a[0];
    if kind_of(v) == Kind::Type {
        return getattr(v, n);
    }
    if is_heap_type(type_of(v)) {
        return generic_getattr(v, n);
    }
    ops::getattr(v, n)
}

fn o_setattr(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__setattr__", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(n) = name_arg(a[1]) else {
        return Value::NULL;
    };
    let v = a[0];
    let ok = if kind_of(v) == Kind::Type {
        type_setattr_plain(v.ptr(), n, a[2])
    } else if is_heap_type(type_of(v)) || kind_of(v) == Kind::Object {
        generic_setattr(v, n, a[2])
    } else {
        ops::setattr(v, n, a[2])
    };
    if ok {
        none()
    } else {
        Value::NULL
    }
}

fn o_delattr(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__delattr__", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(n) = name_arg(a[1]) else {
        return Value::NULL;
    };
    let v = a[0];
    let ok = if is_heap_type(type_of(v)) || kind_of(v) == Kind::Object {
        generic_setattr(v, n, Value::NULL)
    } else {
        ops::delattr(v, n)
    };
    if ok {
        none()
    } else {
        Value::NULL
    }
}

fn o_format(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__format__", a, k, 1, 1) {
        return Value::NULL;
    }
    if !pystr::is_str(a[1]) {
        return errors::type_error(&format!(
            "__format__() argument must be str, not {}",
            type_name_of(a[1])
        ));
    }
    if !pystr::as_str(a[1]).is_empty() {
        return errors::type_error(&format!(
            "unsupported format string passed to {}.__format__",
            type_name_of(a[0])
        ));
    }
    ops::str_(a[0])
}

fn o_init_subclass(a: &[Value], k: Value) -> Value {
    if kw_count(k) > 0 {
        let q = if a.is_empty() || kind_of(a[0]) != Kind::Type {
            "object".to_string()
        } else {
            qualname_of(a[0].ptr())
        };
        return errors::type_error(&format!(
            "{q}.__init_subclass__() takes no keyword arguments"
        ));
    }
    if a.len() > 1 {
        return errors::type_error("__init_subclass__() takes no positional arguments");
    }
    none()
}

fn o_subclasshook(_a: &[Value], _k: Value) -> Value {
    crate::object::notimplemented()
}

fn o_dir(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__dir__", a, k, 0, 0) {
        return Value::NULL;
    }
    crate::builtins::extra::dir_of(a[0])
}

fn o_class(a: &[Value], _k: Value) -> Value {
    Value::from_ptr(type_of(a[0]))
}

fn o_sizeof(a: &[Value], _k: Value) -> Value {
    int::from_i64(layout_size(a[0]) as i64 + if dict_slot(a[0]).is_some() { 8 } else { 0 })
}

fn t_new(a: &[Value], k: Value) -> Value {
    if a.is_empty() || a[0].is_small() || kind_of(a[0]) != Kind::Type {
        return errors::type_error("type.__new__(X): X is not a type object");
    }
    let meta = a[0].ptr::<TypeObject>();
    if !is_subtype(meta, types().type_) {
        return errors::type_error(&format!(
            "type.__new__({}): {} is not a subtype of type",
            type_name(meta),
            type_name(meta)
        ));
    }
    let nkw = kw_count(k);
    if a.len() - 1 - nkw == 1 && nkw == 0 && meta == types().type_ {
        return Value::from_ptr(type_of(a[1]));
    }
    type_new(meta, &a[1..], k)
}

fn t_init(a: &[Value], k: Value) -> Value {
    let npos = a.len() - kw_count(k);
    if npos != 2 && npos != 4 {
        return errors::type_error("type.__init__() takes 1 or 3 arguments");
    }
    none()
}

fn t_call(a: &[Value], k: Value) -> Value {
    if a.is_empty() || a[0].is_small() || kind_of(a[0]) != Kind::Type {
        return errors::type_error("descriptor '__call__' requires a 'type' object");
    }
    type_call(a[0].ptr(), &a[1..], k)
}

fn t_repr(a: &[Value], _k: Value) -> Value {
    default_type_repr(a[0])
}

fn t_mro(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("mro", a, k, 0, 0) {
        return Value::NULL;
    }
    unsafe { list::from_slice(tuple::items((*a[0].ptr::<TypeObject>()).mro)) }
}

/// `type.__dict__['__mro__']` and `['__dict__']`: descriptors whose `__get__` reads a class's
/// (what `inspect` reads classes by without running their own attribute hooks).
fn t_mro_attr(a: &[Value], _k: Value) -> Value {
    if a[0].is_small() || kind_of(a[0]) != Kind::Type {
        return errors::type_error("descriptor '__mro__' for 'type' objects doesn't apply");
    }
    unsafe { (*a[0].ptr::<TypeObject>()).mro }
}

fn t_dict_attr(a: &[Value], _k: Value) -> Value {
    if a[0].is_small() || kind_of(a[0]) != Kind::Type {
        return errors::type_error("descriptor '__dict__' for 'type' objects doesn't apply");
    }
    unsafe { crate::objects::slots::mapping_proxy((*a[0].ptr::<TypeObject>()).dict) }
}

fn t_prepare(_a: &[Value], _k: Value) -> Value {
    dict::new()
}

fn t_subclasscheck(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__subclasscheck__", a, k, 1, 1) {
        return Value::NULL;
    }
    if a[1].is_small() || kind_of(a[1]) != Kind::Type {
        return errors::type_error("issubclass() arg 1 must be a class");
    }
    crate::object::bool_value(is_subtype(a[1].ptr(), a[0].ptr()))
}

fn t_instancecheck(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__instancecheck__", a, k, 1, 1) {
        return Value::NULL;
    }
    crate::object::bool_value(crate::object::isinstance(a[1], a[0].ptr()))
}

fn t_subclasses(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__subclasses__", a, k, 0, 0) {
        return Value::NULL;
    }
    crate::objects::list::from_vec(crate::objects::subclasses::of(a[0].ptr()))
}

pub fn init_methods() {
    let t = types();
    let obj: &[(&str, NativeFn)] = &[
        ("__init__", o_init),
        ("__repr__", o_repr),
        ("__str__", o_str),
        ("__hash__", o_hash),
        ("__eq__", o_eq),
        ("__ne__", o_ne),
        ("__lt__", o_notimpl),
        ("__le__", o_notimpl),
        ("__gt__", o_notimpl),
        ("__ge__", o_notimpl),
        ("__getattribute__", o_getattribute),
        ("__setattr__", o_setattr),
        ("__delattr__", o_delattr),
        ("__format__", o_format),
        ("__dir__", o_dir),
        ("__sizeof__", o_sizeof),
    ];
    for (n, f) in obj {
        builtin_function::add_method(t.object, n, *f);
    }
    crate::objects::reduce::install(t.object);
    builtin_function::add_static(t.object, "__new__", o_new);
    builtin_function::add_classmethod(t.object, "__init_subclass__", o_init_subclass);
    builtin_function::add_classmethod(t.object, "__subclasshook__", o_subclasshook);
    descriptor::add_getter(t.object, "__class__", o_class);
    unsafe {
        OBJECT_NEW = dict::get_by_name((*t.object).dict, "__new__");
        OBJECT_INIT = dict::get_by_name((*t.object).dict, "__init__");
        dict::set_by_name(
            (*t.object).dict,
            "__doc__",
            pystr::intern("The base class of the class hierarchy."),
        );
    }
    builtin_function::add_static(t.type_, "__new__", t_new);
    builtin_function::add_method(t.type_, "__init__", t_init);
    builtin_function::add_method(t.type_, "__call__", t_call);
    builtin_function::add_method(t.type_, "__repr__", t_repr);
    builtin_function::add_method(t.type_, "mro", t_mro);
    builtin_function::add_method(t.type_, "__subclasscheck__", t_subclasscheck);
    builtin_function::add_method(t.type_, "__instancecheck__", t_instancecheck);
    builtin_function::add_method(t.type_, "__subclasses__", t_subclasses);
    builtin_function::add_classmethod(t.type_, "__prepare__", t_prepare);
    descriptor::add_getter(t.type_, "__mro__", t_mro_attr);
    descriptor::add_getter(t.type_, "__dict__", t_dict_attr);
}

pub fn float_value_of(v: Value) -> Option<f64> {
    float::coerce(v)
}

pub fn int_of(v: Value) -> Value {
    int::from_big(int::to_big(v))
}
