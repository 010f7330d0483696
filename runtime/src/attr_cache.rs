//! Inline caches for attribute access on instances (LOAD_ATTR, STORE_ATTR, LOAD_METHOD), in the
//! spirit of CPython's `LOAD_ATTR_WITH_HINT`, `STORE_ATTR_WITH_HINT` and `LOAD_METHOD_WITH_*`.
//!
//! A site owns `WAYS` consecutive slots, one per type it meets (a polymorphic cache: the
//! methods of a base class see the instances of every subclass). A slot remembers the type and
//! where the attribute lives for it: a `__slots__` member's word, or the position of the name
//! in the instance dict (instances of one class usually insert their attributes in the same
//! order, so the position fits them all); for a method, the function found on the type.
//!
//! Every entry is tagged with the type epoch (`type_::lookup_epoch`), which moves whenever any
//! class namespace changes or a class is made, so a descriptor or a `__getattribute__` added
//! later can never be bypassed. A dict hit also checks that the entry still holds that very
//! name, so dicts that differ in shape just miss.

use crate::object::{kind_of, type_lookup, type_of, Kind, TypeObject};
use crate::objects::builtin_function;
use crate::objects::dict::DictObject;
use crate::objects::type_::{self, InstanceObject};
use crate::objects::{descriptor, dict};
use crate::ops;
use crate::value::Value;

#[repr(C)]
pub struct AttrCache {
    /// The type of the objects the entry is for (0: empty).
    pub ty: usize,
    pub epoch: u64,
    /// Data attributes: the entry position in the instance dict, or `IN_SLOT` plus the byte
    /// offset of a `__slots__` member's word in the object.
    pub index: u64,
    /// Methods: the function found on the type.
    pub method: Value,
}

/// Slots per site: `ATTR_CACHE_WAYS` in the compiler's lifter.
const WAYS: usize = 4;

/// Marks an `index` that is a `__slots__` member's offset rather than a dict position.
const IN_SLOT: u64 = 1 << 63;

/// The word an entry names in `v`: a `__slots__` member's word, or the value of the instance
/// dict entry when that entry still holds `name`.
#[inline(always)]
unsafe fn cached_word(v: Value, c: &AttrCache, name: Value) -> Option<*mut Value> {
    if c.index & IN_SLOT != 0 {
        return Some((v.0 as *mut u8).add((c.index & !IN_SLOT) as usize) as *mut Value);
    }
    entry_value(plain_dict(v), c.index, name)
}

/// The slot of the site's cache for type `t`, if one is current.
#[inline(always)]
unsafe fn lookup(cache: *mut AttrCache, t: *mut TypeObject) -> Option<&'static mut AttrCache> {
    let epoch = type_::lookup_epoch();
    for i in 0..WAYS {
        let c = &mut *cache.add(i);
        if c.ty == t as usize && c.epoch == epoch {
            return Some(c);
        }
    }
    None
}

/// The slot to fill for type `t`: its own stale one, an empty or stale one, else the first
/// (the others move up, so the newest types stay).
unsafe fn victim(cache: *mut AttrCache, t: *mut TypeObject) -> &'static mut AttrCache {
    let epoch = type_::lookup_epoch();
    for i in 0..WAYS {
        let c = &mut *cache.add(i);
        if c.ty == t as usize || c.ty == 0 || c.epoch != epoch {
            return c;
        }
    }
    std::ptr::copy(cache.add(1), cache, WAYS - 1);
    &mut *cache.add(WAYS - 1)
}

/// The instance dict of a plain instance (`Kind::Object` with a dict), if it has one yet.
unsafe fn plain_dict(v: Value) -> Value {
    (*v.ptr::<InstanceObject>()).dict
}

/// The value slot of the entry at `index` of `d` when that entry's key is `name`.
unsafe fn entry_value(d: Value, index: u64, name: Value) -> Option<*mut Value> {
    if d.is_null() {
        return None;
    }
    let o = d.ptr::<DictObject>();
    if index as usize >= (*o).used {
        return None;
    }
    let e = (*o).entries.add(index as usize);
    ((*e).key == name).then(|| std::ptr::addr_of_mut!((*e).value))
}

/// Whether `v` is an instance whose attribute `name` lives in its own dict as CPython's generic
/// lookup finds it: a class defined in Python, no `__getattribute__`/`__setattr__` hook (per
/// `hook`), no data descriptor of that name on the type.
fn cacheable_instance(v: Value, name: Value, hook: u32) -> bool {
    if v.is_small() || kind_of(v) != Kind::Object {
        return false;
    }
    let t = type_of(v);
    if !type_::is_heap_type(t) || type_::hooks(t) & hook != 0 || type_::dict_slot(v).is_none() {
        return false;
    }
    let found = type_lookup(t, name);
    found.is_null() || !descriptor::is_data(found)
}

/// Remembers where `name` sits in `v` (a `__slots__` member's word, or a position in the
/// instance dict), when that is safe to reuse for every instance of its type.
unsafe fn fill_data(v: Value, name: Value, cache: *mut AttrCache, hook: u32) {
    if v.is_small() || kind_of(v) != Kind::Object {
        return;
    }
    let t = type_of(v);
    if !type_::is_heap_type(t) || type_::hooks(t) & hook != 0 {
        return;
    }
    if let Some(i) = descriptor::member_index(type_lookup(t, name)) {
        let offset = type_::slot_ptr(v, i) as usize - v.0;
        *victim(cache, t) = AttrCache {
            ty: t as usize,
            epoch: type_::lookup_epoch(),
            index: IN_SLOT | offset as u64,
            method: Value::NULL,
        };
        return;
    }
    if !cacheable_instance(v, name, hook) {
        return;
    }
    let d = unsafe { plain_dict(v) };
    if d.is_null() {
        return;
    }
    if let Some((i, _)) = dict::get_str_at(d, name) {
        *victim(cache, type_of(v)) = AttrCache {
            ty: type_of(v) as usize,
            epoch: type_::lookup_epoch(),
            index: i as u64,
            method: Value::NULL,
        };
    }
}

/// LOAD_ATTR with an inline cache.
///
/// # Safety
/// `cache` is a slot of the module's cache table.
#[no_mangle]
pub unsafe extern "C" fn kiln_getattr_cached(
    v: Value,
    name: Value,
    cache: *mut AttrCache,
) -> Value {
    if !v.is_small() {
        if let Some(c) = lookup(cache, type_of(v)) {
            if let Some(p) = cached_word(v, c, name) {
                if !(*p).is_null() {
                    return *p;
                }
            }
        }
    }
    getattr_miss(v, name, cache)
}

// The misses are out of line, so that a hit saves and restores no registers.

#[inline(never)]
unsafe fn getattr_miss(v: Value, name: Value, cache: *mut AttrCache) -> Value {
    let r = ops::getattr(v, name);
    if !r.is_null() {
        fill_data(v, name, cache, type_::TF_HOOK_GETATTRIBUTE);
    }
    r
}

/// STORE_ATTR with an inline cache: a hit overwrites the value in place (the dict keeps its
/// shape, so its version stays, as a plain overwrite keeps it).
///
/// # Safety
/// `cache` is a slot of the module's cache table.
#[no_mangle]
pub unsafe extern "C" fn kiln_setattr_cached(
    v: Value,
    name: Value,
    x: Value,
    cache: *mut AttrCache,
) -> i32 {
    if !v.is_small() {
        if let Some(c) = lookup(cache, type_of(v)) {
            if let Some(p) = cached_word(v, c, name) {
                *p = x;
                return 0;
            }
        }
    }
    setattr_miss(v, name, x, cache)
}

#[inline(never)]
unsafe fn setattr_miss(v: Value, name: Value, x: Value, cache: *mut AttrCache) -> i32 {
    if !ops::setattr(v, name, x) {
        return -1;
    }
    fill_data(v, name, cache, type_::TF_HOOK_SETATTR);
    0
}

/// A method LOAD_METHOD may take straight from the type: a Python function or a builtin's
/// method descriptor.
fn is_plain_method(found: Value) -> bool {
    if found.is_null() || found.is_small() {
        return false;
    }
    match kind_of(found) {
        Kind::Function => true,
        Kind::BuiltinFunction => builtin_function::get(found).flags & builtin_function::METHOD != 0,
        _ => false,
    }
}

/// LOAD_METHOD with an inline cache: `out` is [method, object] when the method was found on
/// the type unbound, else [null, attribute].
///
/// # Safety
/// `cache` is a slot of the module's cache table and `out` has room for two values.
#[no_mangle]
pub unsafe extern "C" fn kiln_load_method_cached(
    v: Value,
    name: Value,
    cache: *mut AttrCache,
    out: *mut Value,
) -> i32 {
    if !v.is_small() {
        if let Some(c) = lookup(cache, type_of(v)) {
            if type_::method_lookup_is_plain(v, name) {
                *out = c.method;
                *out.add(1) = v;
                return 0;
            }
        }
    }
    load_method_miss(v, name, cache, out)
}

#[inline(never)]
unsafe fn load_method_miss(v: Value, name: Value, cache: *mut AttrCache, out: *mut Value) -> i32 {
    let r = crate::abi::kiln_load_method(v, name, out);
    if r == 0 && !(*out).is_null() && is_plain_method(*out) {
        *victim(cache, type_of(v)) = AttrCache {
            ty: type_of(v) as usize,
            epoch: type_::lookup_epoch(),
            index: 0,
            method: *out,
        };
    }
    r
}
