//! `dict`: an insertion-ordered hash table in CPython's compact layout.
//!
//! `entries` holds (hash, key, value) in insertion order (a deleted entry has a null key);
//! `index` maps hashes to entry positions. `version` changes whenever a key is added or removed,
//! so an inline cache that remembers an entry position stays valid while the version holds.

use crate::errors;
use crate::gc::{self, AtomicGcAlloc};
use crate::object::{alloc_object, none, types, Kind};
use crate::objects::builtin_function::{add_method, check_args};
use crate::objects::str as pystr;
use crate::ops;
use crate::value::{Header, Value};
use hashbrown::HashTable;
use std::cell::Cell;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[repr(C)]
pub struct DictObject {
    pub header: Header,
    pub len: usize,
    pub used: usize,
    pub cap: usize,
    pub entries: *mut Entry,
    pub version: u64,
    pub index: HashTable<u32, AtomicGcAlloc>,
}

static mut NEXT_VERSION: u64 = 1;

fn bump(d: *mut DictObject) {
    unsafe {
        NEXT_VERSION += 1;
        (*d).version = NEXT_VERSION;
    }
}

pub fn new() -> Value {
    with_type(types().dict)
}

pub fn with_type(ty: *mut crate::object::TypeObject) -> Value {
    let v = alloc_object(ty, std::mem::size_of::<DictObject>());
    if v.is_null() {
        return v;
    }
    unsafe {
        let d = v.ptr::<DictObject>();
        std::ptr::write(
            std::ptr::addr_of_mut!((*d).index),
            HashTable::new_in(AtomicGcAlloc),
        );
        bump(d);
    }
    v
}

/// The index's key for a Python hash. hashbrown picks the bucket from the low bits and tags
/// each slot with the top 7 bits, which Python hashes leave nearly constant (small ints are
/// their own hash, so their top bits are all zero; FNV hashes of short strings share them), so
/// that every probe would compare keys: an odd multiplier keeps the low bits' spread and makes
/// the top bits depend on all of them. Python never sees this value.
#[inline(always)]
fn index_hash(hash: i64) -> u64 {
    (hash as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

#[inline]
fn obj(d: Value) -> *mut DictObject {
    d.ptr::<DictObject>()
}

pub fn len(d: Value) -> usize {
    unsafe { (*obj(d)).len }
}

pub fn version(d: Value) -> u64 {
    unsafe { (*obj(d)).version }
}

#[inline]
pub fn entries(d: Value) -> &'static [Entry] {
    unsafe {
        let o = obj(d);
        if (*o).used == 0 {
            return &[];
        }
        std::slice::from_raw_parts((*o).entries, (*o).used)
    }
}

fn entry_mut(d: Value, i: usize) -> &'static mut Entry {
    unsafe { &mut *(*obj(d)).entries.add(i) }
}

/// Compares keys: identity, then fast paths for str and int, then `==`.
#[inline]
fn keys_equal(a: Value, b: Value, failed: &Cell<bool>) -> bool {
    if a == b {
        return true;
    }
    if pystr::is_str(a) && pystr::is_str(b) {
        return pystr::eq(a, b);
    }
    match ops::eq(a, b) {
        Some(r) => r,
        None => {
            failed.set(true);
            false
        }
    }
}

/// Position of `key` in the entries; Err(()) when comparing raised.
pub fn find(d: Value, key: Value, hash: i64) -> Result<Option<usize>, ()> {
    let o = obj(d);
    let failed = Cell::new(false);
    let ents = entries(d);
    let r = unsafe {
        (*o).index.find(index_hash(hash), |&i| {
            let e = &ents[i as usize];
            e.hash == hash && !e.key.is_null() && keys_equal(e.key, key, &failed)
        })
    };
    if failed.get() {
        return Err(());
    }
    Ok(r.map(|i| *i as usize))
}

/// `d[key]` without raising KeyError: Ok(NULL) when absent.
pub fn get_item(d: Value, key: Value) -> Result<Value, ()> {
    let Some(h) = ops::hash(key) else {
        return Err(());
    };
    match find(d, key, h)? {
        Some(i) => Ok(entries(d)[i].value),
        None => Ok(Value::NULL),
    }
}

/// Lookup by a str key; null when absent. Never raises.
pub fn get_str(d: Value, key: Value) -> Value {
    let h = pystr::hash(key);
    match find(d, key, h) {
        Ok(Some(i)) => entries(d)[i].value,
        _ => Value::NULL,
    }
}

/// Lookup by a str key, also returning the entry position (for inline caches).
pub fn get_str_at(d: Value, key: Value) -> Option<(usize, Value)> {
    let h = pystr::hash(key);
    match find(d, key, h) {
        Ok(Some(i)) => Some((i, entries(d)[i].value)),
        _ => None,
    }
}

pub fn get_by_name(d: Value, name: &str) -> Value {
    get_str(d, pystr::intern(name))
}

fn grow(d: Value) -> bool {
    unsafe {
        let o = obj(d);
        if (*o).len < (*o).used {
            // Compact out deleted entries, then rebuild the index.
            let live: Vec<Entry> = entries(d)
                .iter()
                .filter(|e| !e.key.is_null())
                .copied()
                .collect();
            for (i, e) in live.iter().enumerate() {
                *(*o).entries.add(i) = *e;
            }
            for i in live.len()..(*o).used {
                *(*o).entries.add(i) = Entry {
                    hash: 0,
                    key: Value::NULL,
                    value: Value::NULL,
                };
            }
            (*o).used = live.len();
            (*o).index.clear();
            for (i, e) in live.iter().enumerate() {
                let ents = entries(d);
                (*o).index
                    .insert_unique(index_hash(e.hash), i as u32, |&j| {
                        index_hash(ents[j as usize].hash)
                    });
            }
            if (*o).used < (*o).cap {
                return true;
            }
        }
        let cap = ((*o).cap * 2).max(8);
        let Some(bytes) = cap.checked_mul(std::mem::size_of::<Entry>()) else {
            errors::no_memory();
            return false;
        };
        let p = if (*o).entries.is_null() {
            gc::alloc(bytes)
        } else {
            gc::realloc((*o).entries as *mut u8, bytes)
        };
        if p.is_null() {
            errors::no_memory();
            return false;
        }
        (*o).entries = p as *mut Entry;
        (*o).cap = cap;
        true
    }
}

/// `d[key] = value` with a precomputed hash; false with an exception on error.
pub fn set_item_hashed(d: Value, key: Value, hash: i64, value: Value) -> bool {
    match find(d, key, hash) {
        Err(()) => false,
        Ok(Some(i)) => {
            entry_mut(d, i).value = value;
            true
        }
        Ok(None) => unsafe {
            let o = obj(d);
            if (*o).used == (*o).cap && !grow(d) {
                return false;
            }
            let i = (*o).used;
            *(*o).entries.add(i) = Entry { hash, key, value };
            (*o).used += 1;
            (*o).len += 1;
            let ents = entries(d);
            (*o).index.insert_unique(index_hash(hash), i as u32, |&j| {
                index_hash(ents[j as usize].hash)
            });
            bump(o);
            true
        },
    }
}

pub fn set_item(d: Value, key: Value, value: Value) -> bool {
    let Some(h) = ops::hash(key) else {
        return false;
    };
    set_item_hashed(d, key, h, value)
}

pub fn set_str(d: Value, key: Value, value: Value) {
    set_item_hashed(d, key, pystr::hash(key), value);
}

pub fn set_by_name(d: Value, name: &str, value: Value) {
    set_str(d, pystr::intern(name), value);
}

/// Removes `key`; Ok(NULL) when absent, Ok(old value) when removed.
pub fn pop_item(d: Value, key: Value) -> Result<Value, ()> {
    let Some(h) = ops::hash(key) else {
        return Err(());
    };
    let Some(i) = find(d, key, h)? else {
        return Ok(Value::NULL);
    };
    unsafe {
        let o = obj(d);
        let ents = entries(d);
        if let Ok(e) = (*o).index.find_entry(index_hash(h), |&j| j as usize == i) {
            e.remove();
        }
        let _ = ents;
        let old = entry_mut(d, i).value;
        *entry_mut(d, i) = Entry {
            hash: 0,
            key: Value::NULL,
            value: Value::NULL,
        };
        (*o).len -= 1;
        if (*o).len == 0 {
            (*o).used = 0;
            (*o).index.clear();
        }
        bump(o);
        Ok(old)
    }
}

pub fn clear(d: Value) {
    unsafe {
        let o = obj(d);
        for i in 0..(*o).used {
            *(*o).entries.add(i) = Entry {
                hash: 0,
                key: Value::NULL,
                value: Value::NULL,
            };
        }
        (*o).used = 0;
        (*o).len = 0;
        (*o).index.clear();
        bump(o);
    }
}

/// Live (key, value) pairs in order, as a snapshot.
pub fn items(d: Value) -> Vec<(Value, Value)> {
    entries(d)
        .iter()
        .filter(|e| !e.key.is_null())
        .map(|e| (e.key, e.value))
        .collect()
}

pub fn keys(d: Value) -> Vec<Value> {
    entries(d)
        .iter()
        .filter(|e| !e.key.is_null())
        .map(|e| e.key)
        .collect()
}

pub fn copy(d: Value) -> Value {
    let n = new();
    for e in entries(d) {
        if !e.key.is_null() && !set_item_hashed(n, e.key, e.hash, e.value) {
            return Value::NULL;
        }
    }
    n
}

/// `dict.update(other)` for a dict, a mapping with keys(), or an iterable of pairs.
pub fn update(d: Value, other: Value) -> bool {
    if !other.is_small() && crate::object::kind_of(other) == Kind::Dict {
        for e in entries(other).to_vec() {
            if !e.key.is_null() && !set_item_hashed(d, e.key, e.hash, e.value) {
                return false;
            }
        }
        return true;
    }
    let keys_attr = ops::getattr_opt(other, pystr::intern("keys"));
    if !keys_attr.is_null() {
        let ks = ops::call(keys_attr, &[], Value::NULL);
        if ks.is_null() {
            return false;
        }
        let Some(ks) = ops::collect(ks) else {
            return false;
        };
        for k in ks {
            let v = ops::getitem(other, k);
            if v.is_null() || !set_item(d, k, v) {
                return false;
            }
        }
        return true;
    }
    if errors::occurred() {
        return false;
    }
    let Some(pairs) = ops::collect(other) else {
        return false;
    };
    for (n, p) in pairs.into_iter().enumerate() {
        let Some(kv) = ops::collect(p) else {
            if errors::current_matches(crate::object::exc_types().type_error) {
                errors::fetch();
                errors::type_error(&format!(
                    "cannot convert dictionary update sequence element #{n} to a sequence"
                ));
            }
            return false;
        };
        if kv.len() != 2 {
            errors::value_error(&format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                kv.len()
            ));
            return false;
        }
        if !set_item(d, kv[0], kv[1]) {
            return false;
        }
    }
    true
}

// ---- methods -------------------------------------------------------------------------------

fn m_get(a: &[Value], k: Value) -> Value {
    if !check_args("get", a, k, 1, 2) {
        return Value::NULL;
    }
    match get_item(a[0], a[1]) {
        Err(()) => Value::NULL,
        Ok(v) if v.is_null() => {
            if a.len() > 2 {
                a[2]
            } else {
                none()
            }
        }
        Ok(v) => v,
    }
}
fn m_setdefault(a: &[Value], k: Value) -> Value {
    if !check_args("setdefault", a, k, 1, 2) {
        return Value::NULL;
    }
    match get_item(a[0], a[1]) {
        Err(()) => Value::NULL,
        Ok(v) if v.is_null() => {
            let dv = if a.len() > 2 { a[2] } else { none() };
            if !set_item(a[0], a[1], dv) {
                return Value::NULL;
            }
            dv
        }
        Ok(v) => v,
    }
}
fn m_pop(a: &[Value], k: Value) -> Value {
    if !check_args("pop", a, k, 1, 2) {
        return Value::NULL;
    }
    match pop_item(a[0], a[1]) {
        Err(()) => Value::NULL,
        Ok(v) if v.is_null() => {
            if a.len() > 2 {
                a[2]
            } else {
                errors::key_error(a[1])
            }
        }
        Ok(v) => v,
    }
}
fn m_popitem(a: &[Value], k: Value) -> Value {
    if !check_args("popitem", a, k, 0, 0) {
        return Value::NULL;
    }
    let Some(e) = entries(a[0])
        .iter()
        .rev()
        .find(|e| !e.key.is_null())
        .copied()
    else {
        return errors::raise_msg(
            crate::object::exc_types().key_error,
            "popitem(): dictionary is empty",
        );
    };
    if pop_item(a[0], e.key).is_err() {
        return Value::NULL;
    }
    crate::objects::tuple::new(&[e.key, e.value])
}
fn m_keys(a: &[Value], k: Value) -> Value {
    if !check_args("keys", a, k, 0, 0) {
        return Value::NULL;
    }
    crate::objects::iter::dict_view(a[0], crate::objects::iter::DictPart::Keys)
}
fn m_values(a: &[Value], k: Value) -> Value {
    if !check_args("values", a, k, 0, 0) {
        return Value::NULL;
    }
    crate::objects::iter::dict_view(a[0], crate::objects::iter::DictPart::Values)
}
fn m_items(a: &[Value], k: Value) -> Value {
    if !check_args("items", a, k, 0, 0) {
        return Value::NULL;
    }
    crate::objects::iter::dict_view(a[0], crate::objects::iter::DictPart::Items)
}
fn m_update(a: &[Value], k: Value) -> Value {
    let nkw = if k.is_null() {
        0
    } else {
        crate::objects::tuple::len(k)
    };
    let npos = a.len() - 1 - nkw;
    if npos > 1 {
        return errors::type_error(&format!("update expected at most 1 argument, got {npos}"));
    }
    if npos == 1 && !update(a[0], a[1]) {
        return Value::NULL;
    }
    if nkw > 0 {
        for (i, name) in crate::objects::tuple::items(k).iter().enumerate() {
            if !set_item(a[0], *name, a[1 + npos + i]) {
                return Value::NULL;
            }
        }
    }
    none()
}
fn m_clear(a: &[Value], k: Value) -> Value {
    if !check_args("clear", a, k, 0, 0) {
        return Value::NULL;
    }
    clear(a[0]);
    none()
}
fn m_copy(a: &[Value], k: Value) -> Value {
    if !check_args("copy", a, k, 0, 0) {
        return Value::NULL;
    }
    copy(a[0])
}
fn m_fromkeys(a: &[Value], k: Value) -> Value {
    if !check_args("fromkeys", a, k, 1, 2) {
        return Value::NULL;
    }
    let d = new();
    let v = if a.len() > 2 { a[2] } else { none() };
    let Some(ks) = ops::collect(a[1]) else {
        return Value::NULL;
    };
    for key in ks {
        if !set_item(d, key, v) {
            return Value::NULL;
        }
    }
    d
}

pub fn init_methods(t: *mut crate::object::TypeObject) {
    let m: &[(&str, crate::objects::builtin_function::NativeFn)] = &[
        ("get", m_get),
        ("setdefault", m_setdefault),
        ("pop", m_pop),
        ("popitem", m_popitem),
        ("keys", m_keys),
        ("values", m_values),
        ("items", m_items),
        ("update", m_update),
        ("clear", m_clear),
        ("copy", m_copy),
    ];
    for (name, f) in m {
        add_method(t, name, *f);
    }
    crate::objects::builtin_function::add_classmethod(t, "fromkeys", m_fromkeys);
}
