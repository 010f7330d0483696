//! Descriptors: `property`, `classmethod`, `staticmethod`, the member descriptors that
//! `__slots__` creates, and the descriptor protocol itself (`get`, `set`, `delete`): what an
//! attribute found on a type becomes when it is read through an instance or the class.

use crate::errors;
use crate::object::{
    alloc_object, kind_of, none, type_lookup, type_name_of, type_of, types, Kind, TypeObject,
};
use crate::objects::builtin_function::{self, add_method, NativeFn, CLASSMETHOD, METHOD};
use crate::objects::{dict, method, str as pystr, tuple, type_};
use crate::ops;
use crate::value::{Header, Value};

#[repr(C)]
pub struct PropertyObject {
    pub header: Header,
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// Set by `__set_name__`; null until then.
    pub name: Value,
    /// For an attribute of a built-in type (`int.real`): that type.
    pub owner: *mut TypeObject,
}

/// `classmethod(f)` and `staticmethod(f)` share this layout.
#[repr(C)]
pub struct WrapperObject {
    pub header: Header,
    pub func: Value,
    pub dict: Value,
}

/// A `__slots__` entry: reads and writes word `index` after the instance dict.
#[repr(C)]
pub struct MemberObject {
    pub header: Header,
    pub name: Value,
    pub owner: *mut TypeObject,
    pub index: usize,
}

fn or_null(v: Value) -> Value {
    if v == none() {
        Value::NULL
    } else {
        v
    }
}

fn or_none(v: Value) -> Value {
    if v.is_null() {
        none()
    } else {
        v
    }
}

pub fn new_property(
    ty: *mut TypeObject,
    fget: Value,
    fset: Value,
    fdel: Value,
    doc: Value,
) -> Value {
    let v = alloc_object(ty, std::mem::size_of::<PropertyObject>());
    if v.is_null() {
        return v;
    }
    unsafe {
        let p = v.ptr::<PropertyObject>();
        (*p).fget = or_null(fget);
        (*p).fset = or_null(fset);
        (*p).fdel = or_null(fdel);
        let mut d = or_null(doc);
        if d.is_null() && !(*p).fget.is_null() {
            let fd = ops::getattr_opt((*p).fget, pystr::intern("__doc__"));
            if fd.is_null() && errors::occurred() {
                return Value::NULL;
            }
            d = or_null(fd);
        }
        (*p).doc = d;
    }
    v
}

fn prop(v: Value) -> &'static mut PropertyObject {
    unsafe { &mut *v.ptr::<PropertyObject>() }
}

/// A read-only attribute of a built-in type computed by `f(obj)`.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn add_getter(t: *mut TypeObject, name: &str, f: NativeFn) {
    let g = builtin_function::new(name, f, builtin_function::PLAIN);
    let p = new_property(types().property, g, Value::NULL, Value::NULL, Value::NULL);
    prop(p).name = pystr::intern(name);
    prop(p).owner = t;
    unsafe { dict::set_by_name((*t).dict, name, p) };
}

/// An attribute of a built-in type read by `get(obj)` and written by `set(obj, value)`.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn add_getset(t: *mut TypeObject, name: &str, get: NativeFn, set: NativeFn) {
    let g = builtin_function::new(name, get, builtin_function::PLAIN);
    let s = builtin_function::new(name, set, builtin_function::PLAIN);
    let p = new_property(types().property, g, s, Value::NULL, Value::NULL);
    prop(p).name = pystr::intern(name);
    prop(p).owner = t;
    unsafe { dict::set_by_name((*t).dict, name, p) };
}

pub fn new_wrapper(ty: *mut TypeObject, func: Value) -> Value {
    let v = alloc_object(ty, std::mem::size_of::<WrapperObject>());
    if !v.is_null() {
        unsafe { (*v.ptr::<WrapperObject>()).func = func };
    }
    v
}

pub fn wrapped(v: Value) -> Value {
    unsafe { (*v.ptr::<WrapperObject>()).func }
}

pub fn new_member(name: Value, owner: *mut TypeObject, index: usize) -> Value {
    let v = alloc_object(types().member_descr, std::mem::size_of::<MemberObject>());
    if !v.is_null() {
        unsafe {
            let m = v.ptr::<MemberObject>();
            (*m).name = name;
            (*m).owner = owner;
            (*m).index = index;
        }
    }
    v
}

fn member(v: Value) -> &'static MemberObject {
    unsafe { &*v.ptr::<MemberObject>() }
}

/// Does `found`'s type define `__set__` or `__delete__` (a data descriptor)?
pub fn is_data(found: Value) -> bool {
    if found.is_null() || found.is_small() {
        return false;
    }
    let t = type_of(found);
    match unsafe { (*t).kind } {
        Kind::Property | Kind::MemberDescr => true,
        _ if type_::is_heap_type(t) => {
            !type_lookup(t, pystr::intern("__set__")).is_null()
                || !type_lookup(t, pystr::intern("__delete__")).is_null()
        }
        _ => false,
    }
}

/// Is `found` a descriptor whose `__get__` does something (so that a class attribute is
/// transformed when read)?
pub fn has_get(found: Value) -> bool {
    if found.is_small() {
        return false;
    }
    match kind_of(found) {
        Kind::Function
        | Kind::BuiltinFunction
        | Kind::ClassMethod
        | Kind::StaticMethod
        | Kind::Property
        | Kind::MemberDescr => true,
        _ => {
            type_::is_heap_type(type_of(found))
                && !type_lookup(type_of(found), pystr::intern("__get__")).is_null()
        }
    }
}

/// Reads the attribute `found` (found on `owner`'s MRO) for `obj`, applying the descriptor
/// protocol; `obj` is null for a read through the class itself. Null with an exception on error.
pub fn get(found: Value, obj: Value, owner: Value) -> Value {
    if found.is_null() || found.is_small() {
        return found;
    }
    let ft = type_of(found);
    if type_::is_heap_type(ft) {
        let g = type_::user_override(ft, "__get__");
        if !g.is_null() {
            return ops::call(g, &[found, or_none(obj), or_none(owner)], Value::NULL);
        }
    }
    match unsafe { (*ft).kind } {
        Kind::Function => {
            if obj.is_null() {
                found
            } else {
                method::new(found, obj)
            }
        }
        Kind::BuiltinFunction => {
            let f = builtin_function::get(found);
            if !f.bound.is_null() {
                return found;
            }
            if f.flags & METHOD != 0 {
                if obj.is_null() {
                    found
                } else {
                    builtin_function::bind(found, obj)
                }
            } else if f.flags & CLASSMETHOD != 0 {
                let o = if owner.is_null() {
                    Value::from_ptr(type_of(obj))
                } else {
                    owner
                };
                builtin_function::bind(found, o)
            } else {
                found
            }
        }
        Kind::ClassMethod => {
            let o = if owner.is_null() || owner == none() {
                Value::from_ptr(type_of(obj))
            } else {
                owner
            };
            method::new(wrapped(found), o)
        }
        Kind::StaticMethod => wrapped(found),
        Kind::Property => {
            if obj.is_null() {
                return found;
            }
            let p = prop(found);
            if p.fget.is_null() {
                return prop_error(found, obj, "getter", "unreadable attribute");
            }
            ops::call(p.fget, &[obj], Value::NULL)
        }
        Kind::MemberDescr => {
            if obj.is_null() {
                return found;
            }
            match member_slot(found, obj) {
                Some(p) => {
                    let v = unsafe { *p };
                    if v.is_null() {
                        let name = member(found).name;
                        if crate::sys::bytecode_version() < (3, 10) {
                            // Up to 3.9 the message is the bare slot name.
                            return errors::raise_args(
                                crate::object::exc_types().attribute_error,
                                &[name],
                            );
                        }
                        return errors::attribute_error(&format!(
                            "'{}' object has no attribute '{}'",
                            type_name_of(obj),
                            pystr::as_str(name)
                        ));
                    }
                    v
                }
                None => Value::NULL,
            }
        }
        _ => found,
    }
}

fn prop_error(p: Value, obj: Value, what: &str, fallback: &str) -> Value {
    let name = prop(p).name;
    if !prop(p).owner.is_null() && what != "getter" {
        return errors::attribute_error(&format!(
            "attribute '{}' of '{}' objects is not writable",
            pystr::as_str(name),
            crate::object::type_name(prop(p).owner)
        ));
    }
    let v = crate::sys::bytecode_version();
    if name.is_null() || v < (3, 10) {
        return errors::attribute_error(fallback);
    }
    if v < (3, 11) {
        return errors::attribute_error(&format!("{fallback} '{}'", pystr::as_str(name)));
    }
    let nr = ops::repr(name);
    if nr.is_null() {
        return nr;
    }
    errors::attribute_error(&format!(
        "property {} of '{}' object has no {what}",
        pystr::as_str(nr),
        type_::qualname_of(type_of(obj))
    ))
}

/// The slot index of a `__slots__` member descriptor; None for anything else.
pub fn member_index(found: Value) -> Option<usize> {
    (!found.is_null() && !found.is_small() && kind_of(found) == Kind::MemberDescr)
        .then(|| member(found).index)
}

fn member_slot(m: Value, obj: Value) -> Option<*mut Value> {
    let mo = member(m);
    if !crate::object::isinstance(obj, mo.owner) {
        errors::type_error(&format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            pystr::as_str(mo.name),
            crate::object::type_name(mo.owner),
            type_name_of(obj)
        ));
        return None;
    }
    Some(type_::slot_ptr(obj, mo.index))
}

/// Stores through a data descriptor: Some(ok) when `found` is one, None otherwise.
/// `value` null means delete.
pub fn set(found: Value, obj: Value, value: Value) -> Option<bool> {
    if found.is_null() || found.is_small() {
        return None;
    }
    let ft = type_of(found);
    if type_::is_heap_type(ft) {
        let name = if value.is_null() {
            "__delete__"
        } else {
            "__set__"
        };
        let f = type_::user_override(ft, name);
        if !f.is_null() {
            let r = if value.is_null() {
                ops::call(f, &[found, obj], Value::NULL)
            } else {
                ops::call(f, &[found, obj, value], Value::NULL)
            };
            return Some(!r.is_null());
        }
        let other = if value.is_null() {
            "__set__"
        } else {
            "__delete__"
        };
        if !type_::user_override(ft, other).is_null() {
            errors::attribute_error(name);
            return Some(false);
        }
    }
    match unsafe { (*ft).kind } {
        Kind::Property => {
            let p = prop(found);
            let f = if value.is_null() { p.fdel } else { p.fset };
            if f.is_null() {
                if value.is_null() {
                    prop_error(found, obj, "deleter", "can't delete attribute");
                } else {
                    prop_error(found, obj, "setter", "can't set attribute");
                }
                return Some(false);
            }
            let r = if value.is_null() {
                ops::call(f, &[obj], Value::NULL)
            } else {
                ops::call(f, &[obj, value], Value::NULL)
            };
            Some(!r.is_null())
        }
        Kind::MemberDescr => {
            let Some(p) = member_slot(found, obj) else {
                return Some(false);
            };
            unsafe {
                if value.is_null() && (*p).is_null() {
                    errors::attribute_error(pystr::as_str(member(found).name));
                    return Some(false);
                }
                *p = value;
            }
            Some(true)
        }
        _ => None,
    }
}

// ---- Python-visible methods ------------------------------------------------------------------

fn m_property_new(a: &[Value], _k: Value) -> Value {
    if a.is_empty() || a[0].is_small() || kind_of(a[0]) != Kind::Type {
        return errors::type_error("property.__new__(X): X is not a type object");
    }
    let ty = a[0].ptr::<TypeObject>();
    let v = new_property(
        types().property,
        Value::NULL,
        Value::NULL,
        Value::NULL,
        Value::NULL,
    );
    if v.is_null() {
        return v;
    }
    type_::retype(v, ty)
}

fn m_property_init(a: &[Value], k: Value) -> Value {
    let Some(p) =
        builtin_function::parse_kw("property", &a[1..], k, &["fget", "fset", "fdel", "doc"], 0)
    else {
        return Value::NULL;
    };
    let n = new_property(
        types().property,
        or_none(p[0]),
        or_none(p[1]),
        or_none(p[2]),
        or_none(p[3]),
    );
    if n.is_null() {
        return n;
    }
    let (dst, src) = (prop(a[0]), prop(n));
    dst.fget = src.fget;
    dst.fset = src.fset;
    dst.fdel = src.fdel;
    dst.doc = src.doc;
    none()
}

fn copy_with(a: &[Value], k: Value, name: &str, which: usize) -> Value {
    if !builtin_function::check_args(name, a, k, 1, 1) {
        return Value::NULL;
    }
    let p = prop(a[0]);
    let mut parts = [p.fget, p.fset, p.fdel];
    parts[which] = or_null(a[1]);
    let t = type_of(a[0]);
    let n = if t == types().property {
        new_property(t, parts[0], parts[1], parts[2], p.doc)
    } else {
        ops::call(
            Value::from_ptr(t),
            &[
                or_none(parts[0]),
                or_none(parts[1]),
                or_none(parts[2]),
                or_none(p.doc),
            ],
            Value::NULL,
        )
    };
    if !n.is_null() && kind_of(n) == Kind::Property {
        prop(n).name = p.name;
    }
    n
}

fn m_getter(a: &[Value], k: Value) -> Value {
    copy_with(a, k, "getter", 0)
}
fn m_setter(a: &[Value], k: Value) -> Value {
    copy_with(a, k, "setter", 1)
}
fn m_deleter(a: &[Value], k: Value) -> Value {
    copy_with(a, k, "deleter", 2)
}

fn m_prop_get(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__get__", a, k, 1, 2) {
        return Value::NULL;
    }
    let obj = if a[1] == none() { Value::NULL } else { a[1] };
    let owner = if a.len() > 2 { a[2] } else { Value::NULL };
    get(a[0], obj, owner)
}

fn m_prop_set(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__set__", a, k, 2, 2) {
        return Value::NULL;
    }
    match set(a[0], a[1], a[2]) {
        Some(true) => none(),
        _ => Value::NULL,
    }
}

fn m_prop_delete(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__delete__", a, k, 1, 1) {
        return Value::NULL;
    }
    match set(a[0], a[1], Value::NULL) {
        Some(true) => none(),
        _ => Value::NULL,
    }
}

fn m_prop_set_name(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__set_name__", a, k, 2, 2) {
        return Value::NULL;
    }
    prop(a[0]).name = a[2];
    none()
}

fn g_fget(a: &[Value], _k: Value) -> Value {
    or_none(prop(a[0]).fget)
}
fn g_fset(a: &[Value], _k: Value) -> Value {
    or_none(prop(a[0]).fset)
}
fn g_fdel(a: &[Value], _k: Value) -> Value {
    or_none(prop(a[0]).fdel)
}
/// `property.__name__` (3.13): the name it was set under, or its getter's.
fn g_name(a: &[Value], _k: Value) -> Value {
    let p = prop(a[0]);
    if crate::sys::bytecode_version() < (3, 13) {
        return errors::attribute_error("'property' object has no attribute '__name__'");
    }
    if !p.name.is_null() {
        return p.name;
    }
    if !p.fget.is_null() {
        return ops::getattr(p.fget, pystr::intern("__name__"));
    }
    errors::attribute_error("'property' object has no attribute '__name__'")
}

/// `__objclass__` of the runtime's attribute descriptors: the type that defines them.
fn g_objclass(a: &[Value], _k: Value) -> Value {
    let p = prop(a[0]);
    if p.owner.is_null() {
        return errors::attribute_error("'property' object has no attribute '__objclass__'");
    }
    Value::from_ptr(p.owner)
}

fn g_doc(a: &[Value], _k: Value) -> Value {
    or_none(prop(a[0]).doc)
}

/// `property.__doc__` is writable, as CPython's (namedtuple documents its fields so).
fn s_doc(a: &[Value], _k: Value) -> Value {
    prop(a[0]).doc = a[1];
    none()
}

fn wrapper_new(a: &[Value], k: Value, kind: Kind) -> Value {
    let name = if kind == Kind::ClassMethod {
        "classmethod"
    } else {
        "staticmethod"
    };
    if !k.is_null() && tuple::len(k) > 0 {
        return errors::type_error(&format!("{name}() takes no keyword arguments"));
    }
    if a.len() != 2 {
        return errors::type_error(&format!(
            "{name} expected 1 argument, got {}",
            a.len().saturating_sub(1)
        ));
    }
    let ty = a[0].ptr::<TypeObject>();
    let base = if kind == Kind::ClassMethod {
        types().classmethod
    } else {
        types().staticmethod
    };
    let v = new_wrapper(base, a[1]);
    if v.is_null() {
        return v;
    }
    type_::retype(v, ty)
}

fn m_classmethod_new(a: &[Value], k: Value) -> Value {
    wrapper_new(a, k, Kind::ClassMethod)
}
fn m_staticmethod_new(a: &[Value], k: Value) -> Value {
    wrapper_new(a, k, Kind::StaticMethod)
}
fn m_wrapper_init(_a: &[Value], _k: Value) -> Value {
    none()
}
fn g_func(a: &[Value], _k: Value) -> Value {
    wrapped(a[0])
}
fn m_wrapper_get(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__get__", a, k, 1, 2) {
        return Value::NULL;
    }
    let obj = if a[1] == none() { Value::NULL } else { a[1] };
    let owner = if a.len() > 2 && a[2] != none() {
        a[2]
    } else {
        Value::NULL
    };
    if obj.is_null() && owner.is_null() {
        return errors::type_error("__get__(None, None) is invalid");
    }
    get(a[0], obj, owner)
}
fn m_staticmethod_call(a: &[Value], k: Value) -> Value {
    ops::call(wrapped(a[0]), &a[1..], k)
}

fn m_member_get(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__get__", a, k, 1, 2) {
        return Value::NULL;
    }
    let obj = if a[1] == none() { Value::NULL } else { a[1] };
    get(a[0], obj, Value::NULL)
}

pub fn repr(v: Value) -> Value {
    match kind_of(v) {
        Kind::ClassMethod | Kind::StaticMethod => {
            let r = ops::repr(wrapped(v));
            if r.is_null() {
                return r;
            }
            pystr::new(&format!("<{}({})>", type_name_of(v), pystr::as_str(r)))
        }
        Kind::MemberDescr => {
            let m = member(v);
            pystr::new(&format!(
                "<member '{}' of '{}' objects>",
                pystr::as_str(m.name),
                crate::object::type_name(m.owner)
            ))
        }
        _ => pystr::new(&format!(
            "<{} object at {}>",
            type_name_of(v),
            ops::address(v)
        )),
    }
}

fn m_repr(a: &[Value], _k: Value) -> Value {
    repr(a[0])
}

/// CPython's `_PyObject_IsAbstract`: `getattr(v, "__isabstractmethod__", False)` as a truth
/// value (false for a missing part of a property); None with the error set.
fn is_abstract(v: Value) -> Option<bool> {
    if v.is_null() || v == crate::object::none() {
        return Some(false);
    }
    let a = crate::ops::getattr_opt(v, pystr::intern("__isabstractmethod__"));
    if a.is_null() {
        return if crate::errors::occurred() {
            None
        } else {
            Some(false)
        };
    }
    match crate::ops::truthy(a) {
        -1 => None,
        t => Some(t == 1),
    }
}

/// `property.__isabstractmethod__`: whether any of its accessors is abstract.
fn g_prop_abstract(a: &[Value], _k: Value) -> Value {
    let p = prop(a[0]);
    for f in [p.fget, p.fset, p.fdel] {
        match is_abstract(f) {
            None => return Value::NULL,
            Some(true) => return crate::object::bool_value(true),
            Some(false) => {}
        }
    }
    crate::object::bool_value(false)
}

/// `classmethod.__isabstractmethod__` / `staticmethod`'s: whether the wrapped callable is.
fn g_wrapper_abstract(a: &[Value], _k: Value) -> Value {
    match is_abstract(wrapped(a[0])) {
        None => Value::NULL,
        Some(b) => crate::object::bool_value(b),
    }
}

pub fn init_methods() {
    let t = types();
    builtin_function::add_static(t.property, "__new__", m_property_new);
    add_method(t.property, "__init__", m_property_init);
    add_method(t.property, "getter", m_getter);
    add_method(t.property, "setter", m_setter);
    add_method(t.property, "deleter", m_deleter);
    add_method(t.property, "__get__", m_prop_get);
    add_method(t.property, "__set__", m_prop_set);
    add_method(t.property, "__delete__", m_prop_delete);
    add_method(t.property, "__set_name__", m_prop_set_name);
    add_getter(t.property, "fget", g_fget);
    add_getter(t.property, "fset", g_fset);
    add_getter(t.property, "fdel", g_fdel);
    add_getset(t.property, "__doc__", g_doc, s_doc);
    add_getter(t.property, "__objclass__", g_objclass);
    add_getter(t.property, "__name__", g_name);
    add_getter(t.property, "__isabstractmethod__", g_prop_abstract);
    builtin_function::add_static(t.classmethod, "__new__", m_classmethod_new);
    builtin_function::add_static(t.staticmethod, "__new__", m_staticmethod_new);
    for ty in [t.classmethod, t.staticmethod] {
        add_method(ty, "__init__", m_wrapper_init);
        add_method(ty, "__get__", m_wrapper_get);
        add_method(ty, "__repr__", m_repr);
        add_getter(ty, "__func__", g_func);
        add_getter(ty, "__wrapped__", g_func);
        add_getter(ty, "__isabstractmethod__", g_wrapper_abstract);
    }
    add_method(t.staticmethod, "__call__", m_staticmethod_call);
    add_method(t.member_descr, "__get__", m_member_get);
    add_method(t.member_descr, "__repr__", m_repr);
    add_method(t.property, "__repr__", m_repr);
}
