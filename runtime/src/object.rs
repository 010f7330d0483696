//! Type objects, the layouts they describe, and the registry of built-in types and singletons.
//!
//! A type's `kind` names the memory layout of its instances, so the generic protocols in `ops`
//! can dispatch on it with one load. Behaviour that Python code can see or override lives in the
//! type's `dict` and is found along its `mro`.

use crate::gc;
use crate::value::{Header, Value};

/// The layout of a type's instances.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
pub enum Kind {
    Object,
    Type,
    None,
    NotImplemented,
    Ellipsis,
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Code,
    Module,
    Cell,
    Exception,
    Set,
    FrozenSet,
    SetIter,
    ByteArray,
    Complex,
    Property,
    ClassMethod,
    StaticMethod,
    MemberDescr,
    Super,
    File,
    CallIter,
    SeqIter,
    RangeIter,
    DictIter,
    DictView,
    Enumerate,
    Zip,
    Reversed,
    Map,
    Filter,
    Stream,
    Traceback,
    Generator,
    Frame,
}

#[repr(C)]
pub struct TypeObject {
    pub header: Header,
    pub kind: Kind,
    pub name: Value,
    pub base: *mut TypeObject,
    pub bases: Value,
    pub mro: Value,
    pub dict: Value,
    pub module: Value,
    /// `TF_*` flags (heap type, no instance dict, ...).
    pub flags: u32,
    /// Number of `__slots__` words after the instance dict word (classes only).
    pub nslots: u32,
    /// A class's `__qualname__` (kept out of its dict, as CPython does); null for the
    /// built-in types, whose qualified name is their name.
    pub qualname: Value,
}

/// The type was created at run time (a `class` statement or `type(name, bases, ns)`).
pub const TF_HEAP: u32 = 1;
/// Instances have no `__dict__` (every class in the MRO declares `__slots__`).
pub const TF_NO_DICT: u32 = 2;
/// The type may not be subclassed (`bool`, `NoneType`, ...).
pub const TF_FINAL: u32 = 4;

/// Allocates a built-in type. Its dict is filled in by the type's own file.
pub fn new_builtin_type(name: &str, kind: Kind, base: *mut TypeObject) -> *mut TypeObject {
    let t = gc::alloc_root(std::mem::size_of::<TypeObject>()) as *mut TypeObject;
    unsafe {
        (*t).header.ty = types().type_;
        (*t).kind = kind;
        (*t).name = crate::objects::str::intern(name);
        (*t).base = base;
        (*t).bases = if base.is_null() {
            crate::objects::tuple::new(&[])
        } else {
            crate::objects::tuple::new(&[Value::from_ptr(base)])
        };
        (*t).dict = crate::objects::dict::new();
        (*t).module = crate::objects::str::intern("builtins");
        let mut mro = vec![Value::from_ptr(t)];
        if !base.is_null() {
            mro.extend_from_slice(crate::objects::tuple::items((*base).mro));
        }
        (*t).mro = crate::objects::tuple::new(&mro);
    }
    crate::objects::subclasses::register(t);
    t
}

macro_rules! registry {
    ($(#[$m:meta])* $name:ident { $($field:ident),* $(,)? }) => {
        $(#[$m])*
        pub struct $name { $(pub $field: *mut TypeObject,)* }
        impl $name {
            const EMPTY: $name = $name { $($field: std::ptr::null_mut(),)* };
        }
    };
}

registry!(
    /// The built-in types the runtime itself refers to.
    Types {
        object, type_, none, notimplemented, ellipsis, int, bool, float, str, bytes, tuple, list,
        dict, range, slice, function, builtin_function, method, code, module, cell,
        set, frozenset, set_iter, bytearray, complex, property, classmethod, staticmethod,
        member_descr, super_, text_file, buffered_reader, buffered_writer, call_iter,
        seq_iter, range_iter, dict_iter, dict_keys, dict_values, dict_items, enumerate, zip,
        reversed, map, filter, stream, traceback, generator, coroutine, async_generator,
    }
);

registry!(
    /// The built-in exception types the runtime raises itself.
    ExcTypes {
        base_exception, exception, system_exit, keyboard_interrupt, generator_exit,
        stop_iteration, stop_async_iteration, arithmetic_error, overflow_error,
        zero_division_error, assertion_error, attribute_error, lookup_error, index_error, key_error, name_error, unbound_local_error,
        type_error, value_error, unicode_error, runtime_error, recursion_error,
        not_implemented_error, memory_error, import_error, module_not_found_error, os_error,
        eof_error,
    }
);

pub static mut TYPES: Types = Types::EMPTY;
pub static mut EXC: ExcTypes = ExcTypes::EMPTY;

/// Objects that exist once: `None`, `True`, `False`, `NotImplemented`, `Ellipsis`.
pub struct Singletons {
    pub none: Value,
    pub true_: Value,
    pub false_: Value,
    pub notimplemented: Value,
    pub ellipsis: Value,
}

pub static mut SINGLETONS: Singletons = Singletons {
    none: Value::NULL,
    true_: Value::NULL,
    false_: Value::NULL,
    notimplemented: Value::NULL,
    ellipsis: Value::NULL,
};

#[inline(always)]
pub fn types() -> &'static Types {
    unsafe { &*std::ptr::addr_of!(TYPES) }
}
#[inline(always)]
pub fn exc_types() -> &'static ExcTypes {
    unsafe { &*std::ptr::addr_of!(EXC) }
}
#[inline(always)]
pub fn none() -> Value {
    unsafe { (*std::ptr::addr_of!(SINGLETONS)).none }
}
#[inline(always)]
pub fn true_() -> Value {
    unsafe { (*std::ptr::addr_of!(SINGLETONS)).true_ }
}
#[inline(always)]
pub fn false_() -> Value {
    unsafe { (*std::ptr::addr_of!(SINGLETONS)).false_ }
}
#[inline(always)]
pub fn bool_value(b: bool) -> Value {
    if b {
        true_()
    } else {
        false_()
    }
}
#[inline(always)]
pub fn notimplemented() -> Value {
    unsafe { (*std::ptr::addr_of!(SINGLETONS)).notimplemented }
}
#[inline(always)]
pub fn ellipsis() -> Value {
    unsafe { (*std::ptr::addr_of!(SINGLETONS)).ellipsis }
}

/// The type of any value.
#[inline(always)]
pub fn type_of(v: Value) -> *mut TypeObject {
    if v.is_small() {
        types().int
    } else {
        unsafe { (*v.header()).ty }
    }
}

/// The instance layout of any value.
#[inline(always)]
pub fn kind_of(v: Value) -> Kind {
    unsafe { (*type_of(v)).kind }
}

/// Allocates a scanned object of type `ty` with `size` bytes (header included).
#[inline]
pub fn alloc_object(ty: *mut TypeObject, size: usize) -> Value {
    let p = gc::alloc(size) as *mut Header;
    if p.is_null() {
        return crate::errors::no_memory();
    }
    unsafe { (*p).ty = ty };
    Value::from_ptr(p)
}

/// Allocates an unscanned object (numbers, text) of type `ty` with `size` bytes.
#[inline]
pub fn alloc_atomic_object(ty: *mut TypeObject, size: usize) -> Value {
    let p = gc::alloc_atomic(size) as *mut Header;
    if p.is_null() {
        return crate::errors::no_memory();
    }
    unsafe { (*p).ty = ty };
    Value::from_ptr(p)
}

/// Is `t` the type `base` or derived from it?
pub fn is_subtype(t: *mut TypeObject, base: *mut TypeObject) -> bool {
    if t == base {
        return true;
    }
    unsafe {
        crate::objects::tuple::items((*t).mro)
            .iter()
            .any(|m| m.ptr::<TypeObject>() == base)
    }
}

pub fn isinstance(v: Value, base: *mut TypeObject) -> bool {
    is_subtype(type_of(v), base)
}

pub fn type_name(t: *mut TypeObject) -> &'static str {
    unsafe { crate::objects::str::as_str((*t).name) }
}

pub fn type_name_of(v: Value) -> &'static str {
    type_name(type_of(v))
}

/// Finds `name` along the MRO of `t`; null if absent (no exception set).
pub fn type_lookup(t: *mut TypeObject, name: Value) -> Value {
    crate::objects::type_::cached_lookup(t, name)
}

/// `type_lookup` without the method cache.
pub fn type_lookup_uncached(t: *mut TypeObject, name: Value) -> Value {
    unsafe {
        for m in crate::objects::tuple::items((*t).mro) {
            let d = (*m.ptr::<TypeObject>()).dict;
            let v = crate::objects::dict::get_str(d, name);
            if !v.is_null() {
                return v;
            }
        }
    }
    Value::NULL
}
