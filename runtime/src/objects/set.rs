//! `set` and `frozenset`: CPython 3.11's own hash table (`Objects/setobject.c`), so that
//! iteration order, and therefore printing, matches CPython entry for entry.
//!
//! The table is open-addressed: a probe visits `LINEAR_PROBES` neighbouring slots, then jumps
//! with a perturbed recurrence. A slot is unused (null key, hash 0), a dummy left by a deletion
//! (null key, hash -1) or active. The table size is a power of two, at least 8, and grows when
//! `fill * 5 >= mask * 3`.

use crate::errors;
use crate::gc;
use crate::object::{
    alloc_object, bool_value, exc_types, false_, is_subtype, kind_of, none, notimplemented, true_,
    type_name_of, type_of, types, Kind, TypeObject,
};
use crate::objects::builtin_function::{add_method, check_args, NativeFn};
use crate::objects::int::BinOp;
use crate::objects::{dict, str as pystr, tuple};
use crate::ops;
use crate::value::{Header, Value};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct SetEntry {
    pub key: Value,
    pub hash: i64,
}

#[repr(C)]
pub struct SetObject {
    pub header: Header,
    /// Active plus dummy slots.
    pub fill: usize,
    /// Active slots.
    pub used: usize,
    pub mask: usize,
    pub table: *mut SetEntry,
    /// A frozenset's cached hash; -1 when not computed.
    pub hash: i64,
    /// Where `pop` resumes its search.
    pub finger: usize,
}

#[repr(C)]
pub struct SetIterObject {
    pub header: Header,
    pub set: Value,
    pub pos: usize,
    pub used: usize,
    pub left: usize,
}

#[inline]
fn obj(s: Value) -> *mut SetObject {
    s.ptr::<SetObject>()
}

fn alloc_table(size: usize) -> *mut SetEntry {
    let Some(bytes) = size.checked_mul(std::mem::size_of::<SetEntry>()) else {
        return std::ptr::null_mut();
    };
    gc::alloc(bytes) as *mut SetEntry
}

/// An empty set (or frozenset) of type `ty`.
pub fn with_type(ty: *mut TypeObject) -> Value {
    let v = alloc_object(ty, std::mem::size_of::<SetObject>());
    if v.is_null() {
        return v;
    }
    let t = alloc_table(MINSIZE);
    if t.is_null() {
        return errors::no_memory();
    }
    unsafe {
        let o = obj(v);
        (*o).mask = MINSIZE - 1;
        (*o).table = t;
        (*o).hash = -1;
    }
    v
}

pub fn new_set() -> Value {
    with_type(types().set)
}

pub fn new_frozenset() -> Value {
    with_type(types().frozenset)
}

/// Is `v` a set or frozenset (or an instance of a subclass)?
#[inline]
pub fn is_anyset(v: Value) -> bool {
    !v.is_small() && matches!(kind_of(v), Kind::Set | Kind::FrozenSet)
}

pub fn is_frozen(v: Value) -> bool {
    kind_of(v) == Kind::FrozenSet
}

pub fn len(s: Value) -> usize {
    unsafe { (*obj(s)).used }
}

fn table(s: Value) -> &'static mut [SetEntry] {
    unsafe {
        let o = obj(s);
        std::slice::from_raw_parts_mut((*o).table, (*o).mask + 1)
    }
}

/// The active keys with their hashes, in table (iteration) order.
pub fn entries(s: Value) -> Vec<SetEntry> {
    table(s)
        .iter()
        .filter(|e| !e.key.is_null())
        .copied()
        .collect()
}

/// The keys in iteration order.
pub fn items(s: Value) -> Vec<Value> {
    table(s)
        .iter()
        .filter(|e| !e.key.is_null())
        .map(|e| e.key)
        .collect()
}

fn keys_equal(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if pystr::is_str(a)
        && pystr::is_str(b)
        && type_of(a) == types().str
        && type_of(b) == types().str
    {
        return Some(pystr::eq(a, b));
    }
    ops::eq(a, b)
}

/// Index of the slot holding `key`, or of the unused slot ending its probe sequence.
/// None when a comparison raised.
fn lookkey(s: Value, key: Value, hash: i64) -> Option<usize> {
    'restart: loop {
        let o = obj(s);
        let mut mask = unsafe { (*o).mask };
        let mut perturb = hash as u64 as usize;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let mut probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            let mut j = i;
            loop {
                let t = unsafe { (*o).table };
                let e = unsafe { *t.add(j) };
                if e.hash == 0 && e.key.is_null() {
                    return Some(j);
                }
                if e.hash == hash && !e.key.is_null() {
                    let start = e.key;
                    if start == key {
                        return Some(j);
                    }
                    let eq = keys_equal(start, key)?;
                    let t2 = unsafe { (*o).table };
                    if t2 != t || unsafe { (*t2.add(j)).key } != start {
                        continue 'restart;
                    }
                    if eq {
                        return Some(j);
                    }
                    mask = unsafe { (*o).mask };
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                j += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

fn insert_clean(t: *mut SetEntry, mask: usize, key: Value, hash: i64) {
    let mut perturb = hash as u64 as usize;
    let mut i = (hash as u64 as usize) & mask;
    unsafe {
        loop {
            if (*t.add(i)).key.is_null() {
                *t.add(i) = SetEntry { key, hash };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if (*t.add(i + j)).key.is_null() {
                        *t.add(i + j) = SetEntry { key, hash };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

fn resize(s: Value, minused: usize) -> bool {
    let mut newsize = MINSIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    let nt = alloc_table(newsize);
    if nt.is_null() {
        errors::no_memory();
        return false;
    }
    unsafe {
        let o = obj(s);
        let old = entries(s);
        (*o).table = nt;
        (*o).mask = newsize - 1;
        (*o).fill = (*o).used;
        for e in old {
            insert_clean(nt, newsize - 1, e.key, e.hash);
        }
    }
    true
}

/// Adds `key` with its hash; false with an exception when a comparison raised.
pub fn add_hashed(s: Value, key: Value, hash: i64) -> bool {
    'restart: loop {
        let o = obj(s);
        let mut mask = unsafe { (*o).mask };
        let mut perturb = hash as u64 as usize;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let mut probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            let mut j = i;
            loop {
                let t = unsafe { (*o).table };
                let e = unsafe { *t.add(j) };
                if e.hash == 0 && e.key.is_null() {
                    unsafe {
                        if let Some(f) = freeslot {
                            (*o).used += 1;
                            *t.add(f) = SetEntry { key, hash };
                            return true;
                        }
                        (*o).fill += 1;
                        (*o).used += 1;
                        *t.add(j) = SetEntry { key, hash };
                        if (*o).fill * 5 < mask * 3 {
                            return true;
                        }
                        let u = (*o).used;
                        return resize(s, if u > 50000 { u * 2 } else { u * 4 });
                    }
                }
                if e.hash == hash && !e.key.is_null() {
                    let start = e.key;
                    if start == key {
                        return true;
                    }
                    let Some(eq) = keys_equal(start, key) else {
                        return false;
                    };
                    if eq {
                        return true;
                    }
                    let t2 = unsafe { (*o).table };
                    if t2 != t || unsafe { (*t2.add(j)).key } != start {
                        continue 'restart;
                    }
                    mask = unsafe { (*o).mask };
                } else if e.hash == -1 && e.key.is_null() && freeslot.is_none() {
                    freeslot = Some(j);
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                j += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

/// `s.add(key)`; false with an exception (unhashable key, failing comparison).
pub fn add(s: Value, key: Value) -> bool {
    let Some(h) = ops::hash(key) else {
        return false;
    };
    add_hashed(s, key, h)
}

/// 1 present, 0 absent, -1 error.
pub fn contains_hashed(s: Value, key: Value, hash: i64) -> i32 {
    match lookkey(s, key, hash) {
        None => -1,
        Some(j) => (!table(s)[j].key.is_null()) as i32,
    }
}

fn contains_key(s: Value, key: Value) -> i32 {
    let Some(h) = ops::hash(key) else { return -1 };
    contains_hashed(s, key, h)
}

/// A set key that is itself an unhashable set is looked up as a frozenset, as CPython does.
fn retry_as_frozen(key: Value) -> Option<Value> {
    if !key.is_small()
        && kind_of(key) == Kind::Set
        && errors::current_matches(exc_types().type_error)
    {
        errors::fetch();
        let f = make_new(types().frozenset, key);
        if f.is_null() {
            return None;
        }
        return Some(f);
    }
    None
}

/// `key in s`: 1, 0, or -1 with an exception.
pub fn contains(s: Value, key: Value) -> i32 {
    let r = contains_key(s, key);
    if r < 0 {
        if let Some(f) = retry_as_frozen(key) {
            return contains_key(s, f);
        }
    }
    r
}

/// Removes the key; 1 removed, 0 absent, -1 error.
fn discard_hashed(s: Value, key: Value, hash: i64) -> i32 {
    let Some(j) = lookkey(s, key, hash) else {
        return -1;
    };
    let t = table(s);
    if t[j].key.is_null() {
        return 0;
    }
    t[j] = SetEntry {
        key: Value::NULL,
        hash: -1,
    };
    unsafe { (*obj(s)).used -= 1 };
    1
}

fn discard_key(s: Value, key: Value) -> i32 {
    let Some(h) = ops::hash(key) else { return -1 };
    discard_hashed(s, key, h)
}

/// `s.discard(key)` semantics (with the frozenset retry): 1, 0, or -1.
pub fn discard(s: Value, key: Value) -> i32 {
    let r = discard_key(s, key);
    if r < 0 {
        if let Some(f) = retry_as_frozen(key) {
            return discard_key(s, f);
        }
    }
    r
}

pub fn clear(s: Value) -> bool {
    let t = alloc_table(MINSIZE);
    if t.is_null() {
        errors::no_memory();
        return false;
    }
    unsafe {
        let o = obj(s);
        (*o).table = t;
        (*o).mask = MINSIZE - 1;
        (*o).fill = 0;
        (*o).used = 0;
    }
    true
}

fn merge(s: Value, other: Value) -> bool {
    if s == other || len(other) == 0 {
        return true;
    }
    unsafe {
        let (so, oo) = (obj(s), obj(other));
        if ((*so).fill + (*oo).used) * 5 >= (*so).mask * 3
            && !resize(s, ((*so).used + (*oo).used) * 2)
        {
            return false;
        }
        if (*so).fill == 0 && (*so).mask == (*oo).mask && (*oo).fill == (*oo).used {
            let (dst, src) = (table(s), table(other));
            for (d, e) in dst.iter_mut().zip(src.iter()) {
                if !e.key.is_null() {
                    *d = *e;
                }
            }
            (*so).fill = (*oo).fill;
            (*so).used = (*oo).used;
            return true;
        }
        if (*so).fill == 0 {
            (*so).fill = (*oo).used;
            (*so).used = (*oo).used;
            for e in entries(other) {
                insert_clean((*so).table, (*so).mask, e.key, e.hash);
            }
            return true;
        }
    }
    for e in entries(other) {
        if !add_hashed(s, e.key, e.hash) {
            return false;
        }
    }
    true
}

/// `s |= iterable` (set_update_internal).
pub fn update(s: Value, other: Value) -> bool {
    if is_anyset(other) {
        return merge(s, other);
    }
    if !other.is_small() && type_of(other) == types().dict {
        let n = dict::len(other);
        unsafe {
            let o = obj(s);
            if ((*o).fill + n) * 5 >= (*o).mask * 3 && !resize(s, ((*o).used + n) * 2) {
                return false;
            }
        }
        for e in dict::entries(other).to_vec() {
            if !e.key.is_null() && !add_hashed(s, e.key, e.hash) {
                return false;
            }
        }
        return true;
    }
    let it = ops::iter(other);
    if it.is_null() {
        return false;
    }
    loop {
        let x = ops::next(it);
        if x.is_null() {
            return false;
        }
        if x == Value::DONE {
            return true;
        }
        if !add(s, x) {
            return false;
        }
    }
}

/// A new set of type `ty` filled from `iterable` (null: empty).
pub fn make_new(ty: *mut TypeObject, iterable: Value) -> Value {
    let s = with_type(ty);
    if s.is_null() || iterable.is_null() {
        return s;
    }
    if !update(s, iterable) {
        return Value::NULL;
    }
    s
}

/// The built-in type (`set` or `frozenset`) that results of operations on `v` have.
fn base_type(v: Value) -> *mut TypeObject {
    if kind_of(v) == Kind::FrozenSet {
        types().frozenset
    } else {
        types().set
    }
}

/// `set_copy`: a new set of `v`'s base type with its items.
pub fn copy(v: Value) -> Value {
    make_new(base_type(v), v)
}

pub fn pop(s: Value) -> Value {
    unsafe {
        let o = obj(s);
        if (*o).used == 0 {
            return errors::raise_msg(exc_types().key_error, "pop from an empty set");
        }
        let t = table(s);
        let mut i = (*o).finger & (*o).mask;
        while t[i].key.is_null() {
            i += 1;
            if i > (*o).mask {
                i = 0;
            }
        }
        let k = t[i].key;
        t[i] = SetEntry {
            key: Value::NULL,
            hash: -1,
        };
        (*o).used -= 1;
        (*o).finger = i + 1;
        k
    }
}

pub fn intersection(s: Value, other: Value) -> Value {
    if s == other {
        return copy(s);
    }
    let result = with_type(base_type(s));
    if result.is_null() {
        return result;
    }
    if is_anyset(other) {
        let (mut a, mut b) = (s, other);
        if len(b) > len(a) {
            std::mem::swap(&mut a, &mut b);
        }
        for e in entries(b) {
            match contains_hashed(a, e.key, e.hash) {
                -1 => return Value::NULL,
                1 if !add_hashed(result, e.key, e.hash) => return Value::NULL,
                _ => {}
            }
        }
        return result;
    }
    let it = ops::iter(other);
    if it.is_null() {
        return it;
    }
    loop {
        let x = ops::next(it);
        if x.is_null() {
            return x;
        }
        if x == Value::DONE {
            return result;
        }
        let Some(h) = ops::hash(x) else {
            return Value::NULL;
        };
        match contains_hashed(s, x, h) {
            -1 => return Value::NULL,
            1 => {
                if !add_hashed(result, x, h) {
                    return Value::NULL;
                }
                if len(result) >= len(s) {
                    return result;
                }
            }
            _ => {}
        }
    }
}

fn difference_update(s: Value, other: Value) -> bool {
    if s == other {
        return clear(s);
    }
    if is_anyset(other) {
        let o = if len(other) >> 3 > len(s) {
            let i = intersection(s, other);
            if i.is_null() {
                return false;
            }
            i
        } else {
            other
        };
        for e in entries(o) {
            if discard_hashed(s, e.key, e.hash) < 0 {
                return false;
            }
        }
    } else {
        let it = ops::iter(other);
        if it.is_null() {
            return false;
        }
        loop {
            let x = ops::next(it);
            if x.is_null() {
                return false;
            }
            if x == Value::DONE {
                break;
            }
            if discard_key(s, x) < 0 {
                return false;
            }
        }
    }
    unsafe {
        let o = obj(s);
        if (*o).fill - (*o).used <= (*o).mask / 4 {
            return true;
        }
        let u = (*o).used;
        resize(s, if u > 50000 { u * 2 } else { u * 4 })
    }
}

fn copy_and_difference(s: Value, other: Value) -> Value {
    let r = copy(s);
    if r.is_null() || !difference_update(r, other) {
        return Value::NULL;
    }
    r
}

pub fn difference(s: Value, other: Value) -> Value {
    let other_size = if is_anyset(other) {
        len(other)
    } else if !other.is_small() && type_of(other) == types().dict {
        dict::len(other)
    } else {
        return copy_and_difference(s, other);
    };
    if (len(s) >> 2) > other_size {
        return copy_and_difference(s, other);
    }
    let result = with_type(base_type(s));
    if result.is_null() {
        return result;
    }
    let is_dict = !is_anyset(other);
    for e in entries(s) {
        let rv = if is_dict {
            match dict::find(other, e.key, e.hash) {
                Ok(f) => f.is_some() as i32,
                Err(()) => -1,
            }
        } else {
            contains_hashed(other, e.key, e.hash)
        };
        match rv {
            -1 => return Value::NULL,
            0 if !add_hashed(result, e.key, e.hash) => return Value::NULL,
            _ => {}
        }
    }
    result
}

fn symmetric_difference_update(s: Value, other: Value) -> bool {
    if s == other {
        return clear(s);
    }
    let pairs: Vec<SetEntry> = if !other.is_small() && type_of(other) == types().dict {
        dict::entries(other)
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| SetEntry {
                key: e.key,
                hash: e.hash,
            })
            .collect()
    } else if is_anyset(other) {
        entries(other)
    } else {
        let o = make_new(base_type(s), other);
        if o.is_null() {
            return false;
        }
        entries(o)
    };
    for e in pairs {
        match discard_hashed(s, e.key, e.hash) {
            -1 => return false,
            0 if !add_hashed(s, e.key, e.hash) => return false,
            _ => {}
        }
    }
    true
}

pub fn symmetric_difference(s: Value, other: Value) -> Value {
    let o = make_new(base_type(s), other);
    if o.is_null() || !symmetric_difference_update(o, s) {
        return Value::NULL;
    }
    o
}

fn swap_bodies(a: Value, b: Value) {
    unsafe {
        let (x, y) = (obj(a), obj(b));
        std::mem::swap(&mut (*x).fill, &mut (*y).fill);
        std::mem::swap(&mut (*x).used, &mut (*y).used);
        std::mem::swap(&mut (*x).mask, &mut (*y).mask);
        std::mem::swap(&mut (*x).table, &mut (*y).table);
        (*x).hash = -1;
        (*y).hash = -1;
    }
}

pub fn issubset(s: Value, other: Value) -> Option<bool> {
    if !is_anyset(other) {
        let t = intersection(s, other);
        if t.is_null() {
            return None;
        }
        return Some(len(t) == len(s));
    }
    if len(s) > len(other) {
        return Some(false);
    }
    for e in entries(s) {
        match contains_hashed(other, e.key, e.hash) {
            -1 => return None,
            0 => return Some(false),
            _ => {}
        }
    }
    Some(true)
}

pub fn issuperset(s: Value, other: Value) -> Option<bool> {
    if is_anyset(other) {
        return issubset(other, s);
    }
    let it = ops::iter(other);
    if it.is_null() {
        return None;
    }
    loop {
        let x = ops::next(it);
        if x.is_null() {
            return None;
        }
        if x == Value::DONE {
            return Some(true);
        }
        match contains_key(s, x) {
            -1 => return None,
            0 => return Some(false),
            _ => {}
        }
    }
}

fn isdisjoint(s: Value, other: Value) -> Option<bool> {
    if s == other {
        return Some(len(s) == 0);
    }
    if is_anyset(other) && (type_of(other) == types().set || type_of(other) == types().frozenset) {
        let (mut a, mut b) = (s, other);
        if len(b) > len(a) {
            std::mem::swap(&mut a, &mut b);
        }
        for e in entries(b) {
            match contains_hashed(a, e.key, e.hash) {
                -1 => return None,
                1 => return Some(false),
                _ => {}
            }
        }
        return Some(true);
    }
    let it = ops::iter(other);
    if it.is_null() {
        return None;
    }
    loop {
        let x = ops::next(it);
        if x.is_null() {
            return None;
        }
        if x == Value::DONE {
            return Some(true);
        }
        match contains_key(s, x) {
            -1 => return None,
            1 => return Some(false),
            _ => {}
        }
    }
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// A frozenset's hash, as CPython computes it (independent of order).
pub fn hash(v: Value) -> i64 {
    unsafe {
        let o = obj(v);
        if (*o).hash != -1 {
            return (*o).hash;
        }
        let mut h: u64 = 0;
        for e in table(v).iter() {
            h ^= shuffle_bits(e.hash as u64);
        }
        if ((*o).mask + 1 - (*o).fill) & 1 != 0 {
            h ^= shuffle_bits(0);
        }
        if ((*o).fill - (*o).used) & 1 != 0 {
            h ^= shuffle_bits(u64::MAX);
        }
        h ^= ((*o).used as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX {
            h = 590923713;
        }
        (*o).hash = h as i64;
        h as i64
    }
}

pub fn repr(v: Value) -> Value {
    let name = type_name_of(v);
    let exact_set = type_of(v) == types().set;
    if len(v) == 0 {
        return pystr::new(&format!("{name}()"));
    }
    let r = crate::frame::guard(" while getting the repr of an object", || {
        let mut out = String::new();
        if !exact_set {
            out.push_str(name);
            out.push('(');
        }
        out.push('{');
        for (i, k) in items(v).into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let r = ops::repr(k);
            if r.is_null() {
                return None;
            }
            out.push_str(pystr::as_str(r));
        }
        out.push('}');
        if !exact_set {
            out.push(')');
        }
        Some(pystr::new(&out))
    });
    r.unwrap_or(Value::NULL)
}

/// Rich comparison of two sets; NotImplemented when `b` is not a set.
pub fn compare(a: Value, b: Value, op: u32) -> Value {
    if !is_anyset(b) {
        return notimplemented();
    }
    let r = match op {
        ops::CMP_EQ | ops::CMP_NE => {
            let hashes_differ = is_frozen(a)
                && is_frozen(b)
                && unsafe {
                    (*obj(a)).hash != -1 && (*obj(b)).hash != -1 && (*obj(a)).hash != (*obj(b)).hash
                };
            let eq = if len(a) != len(b) || hashes_differ {
                Some(false)
            } else {
                issubset(a, b)
            };
            eq.map(|e| e == (op == ops::CMP_EQ))
        }
        ops::CMP_LE => issubset(a, b),
        ops::CMP_GE => issuperset(a, b),
        ops::CMP_LT => {
            if len(a) >= len(b) {
                Some(false)
            } else {
                issubset(a, b)
            }
        }
        _ => {
            if len(a) <= len(b) {
                Some(false)
            } else {
                issuperset(a, b)
            }
        }
    };
    match r {
        Some(b) => bool_value(b),
        None => Value::NULL,
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` and their in-place forms; NotImplemented otherwise.
pub fn binary(a: Value, b: Value, op: BinOp, inplace: bool) -> Value {
    if !is_anyset(a) || !is_anyset(b) {
        return notimplemented();
    }
    let mutate = inplace && kind_of(a) == Kind::Set;
    match op {
        BinOp::Or => {
            if mutate {
                return if update(a, b) { a } else { Value::NULL };
            }
            let r = copy(a);
            if r.is_null() || !update(r, b) {
                return Value::NULL;
            }
            r
        }
        BinOp::And => {
            let r = intersection(a, b);
            if mutate && !r.is_null() {
                swap_bodies(a, r);
                return a;
            }
            r
        }
        BinOp::Sub => {
            if mutate {
                return if difference_update(a, b) {
                    a
                } else {
                    Value::NULL
                };
            }
            difference(a, b)
        }
        BinOp::Xor => {
            if mutate {
                return if symmetric_difference_update(a, b) {
                    a
                } else {
                    Value::NULL
                };
            }
            symmetric_difference(a, b)
        }
        _ => notimplemented(),
    }
}

// ---- iteration ------------------------------------------------------------------------------

pub fn iter(s: Value) -> Value {
    let v = alloc_object(types().set_iter, std::mem::size_of::<SetIterObject>());
    if !v.is_null() {
        unsafe {
            let o = v.ptr::<SetIterObject>();
            (*o).set = s;
            (*o).used = len(s);
            (*o).left = len(s);
        }
    }
    v
}

/// The next key, `Value::DONE`, or null with RuntimeError when the set changed size.
pub fn iter_next(it: Value) -> Value {
    unsafe {
        let o = it.ptr::<SetIterObject>();
        let s = (*o).set;
        if s.is_null() {
            return Value::DONE;
        }
        if (*o).used != len(s) {
            (*o).used = usize::MAX;
            return errors::runtime_error("Set changed size during iteration");
        }
        let t = table(s);
        while (*o).pos < t.len() {
            let e = t[(*o).pos];
            (*o).pos += 1;
            if !e.key.is_null() {
                (*o).left = (*o).left.saturating_sub(1);
                return e.key;
            }
        }
        (*o).set = Value::NULL;
        Value::DONE
    }
}

pub fn iter_len(it: Value) -> usize {
    unsafe {
        let o = it.ptr::<SetIterObject>();
        if (*o).set.is_null() || (*o).used != len((*o).set) {
            0
        } else {
            (*o).left
        }
    }
}

// ---- construction -----------------------------------------------------------------------------

/// `set(iterable=())`, `frozenset(iterable=())` for the type `ty` (or a subclass).
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn construct(ty: *mut TypeObject, args: &[Value], kwnames: Value) -> Value {
    let frozen = unsafe { (*ty).kind } == Kind::FrozenSet;
    let name = if frozen { "frozenset" } else { "set" };
    if !kwnames.is_null()
        && tuple::len(kwnames) > 0
        && (ty == types().set || ty == types().frozenset)
    {
        return errors::type_error(&format!("{name}() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return errors::type_error(&format!(
            "{name} expected at most 1 argument, got {}",
            args.len()
        ));
    }
    let it = args.first().copied().unwrap_or(Value::NULL);
    if frozen
        && ty == types().frozenset
        && !it.is_null()
        && !it.is_small()
        && type_of(it) == types().frozenset
    {
        return it;
    }
    make_new(ty, it)
}

// ---- methods ----------------------------------------------------------------------------------

fn self_check(a: &[Value], name: &str) -> bool {
    if a.is_empty() || !is_anyset(a[0]) {
        errors::type_error(&format!("descriptor '{name}' requires a 'set' object"));
        return false;
    }
    true
}

fn no_kw(name: &str, k: Value) -> bool {
    if !k.is_null() && tuple::len(k) > 0 {
        errors::type_error(&format!("{name}() takes no keyword arguments"));
        return false;
    }
    true
}

fn one_arg(a: &[Value], k: Value, name: &str) -> bool {
    if !self_check(a, name) || !no_kw(name, k) {
        return false;
    }
    if a.len() != 2 {
        let tn = type_name_of(a[0]);
        let tn = if is_frozen(a[0]) {
            "frozenset"
        } else if tn == "frozenset" {
            tn
        } else {
            "set"
        };
        errors::type_error(&format!(
            "{tn}.{name}() takes exactly one argument ({} given)",
            a.len() - 1
        ));
        return false;
    }
    true
}

fn no_arg(a: &[Value], k: Value, name: &str) -> bool {
    if !self_check(a, name) {
        return false;
    }
    let tn = if is_frozen(a[0]) { "frozenset" } else { "set" };
    check_args(&format!("{tn}.{name}"), a, k, 0, 0)
}

fn m_add(a: &[Value], k: Value) -> Value {
    if !one_arg(a, k, "add") {
        return Value::NULL;
    }
    if add(a[0], a[1]) {
        none()
    } else {
        Value::NULL
    }
}

fn m_clear(a: &[Value], k: Value) -> Value {
    if !no_arg(a, k, "clear") || !clear(a[0]) {
        return Value::NULL;
    }
    none()
}

fn m_copy(a: &[Value], k: Value) -> Value {
    if !no_arg(a, k, "copy") {
        return Value::NULL;
    }
    if type_of(a[0]) == types().frozenset {
        return a[0];
    }
    copy(a[0])
}

fn m_discard(a: &[Value], k: Value) -> Value {
    if !one_arg(a, k, "discard") {
        return Value::NULL;
    }
    if discard(a[0], a[1]) < 0 {
        return Value::NULL;
    }
    none()
}

fn m_remove(a: &[Value], k: Value) -> Value {
    if !one_arg(a, k, "remove") {
        return Value::NULL;
    }
    match discard(a[0], a[1]) {
        -1 => Value::NULL,
        0 => errors::key_error(a[1]),
        _ => none(),
    }
}

fn m_pop(a: &[Value], k: Value) -> Value {
    if !no_arg(a, k, "pop") {
        return Value::NULL;
    }
    pop(a[0])
}

fn m_union(a: &[Value], k: Value) -> Value {
    if !self_check(a, "union") || !no_kw("union", k) {
        return Value::NULL;
    }
    let r = copy(a[0]);
    if r.is_null() {
        return r;
    }
    for o in &a[1..] {
        if *o == a[0] {
            continue;
        }
        if !update(r, *o) {
            return Value::NULL;
        }
    }
    r
}

fn m_update(a: &[Value], k: Value) -> Value {
    if !self_check(a, "update") || !no_kw("update", k) {
        return Value::NULL;
    }
    for o in &a[1..] {
        if !update(a[0], *o) {
            return Value::NULL;
        }
    }
    none()
}

fn intersection_multi(a: &[Value]) -> Value {
    if a.len() == 1 {
        return copy(a[0]);
    }
    let mut r = a[0];
    for o in &a[1..] {
        r = intersection(r, *o);
        if r.is_null() {
            return r;
        }
    }
    r
}

fn m_intersection(a: &[Value], k: Value) -> Value {
    if !self_check(a, "intersection") || !no_kw("intersection", k) {
        return Value::NULL;
    }
    intersection_multi(a)
}

fn m_intersection_update(a: &[Value], k: Value) -> Value {
    if !self_check(a, "intersection_update") || !no_kw("intersection_update", k) {
        return Value::NULL;
    }
    let r = intersection_multi(a);
    if r.is_null() {
        return r;
    }
    swap_bodies(a[0], r);
    none()
}

fn m_difference(a: &[Value], k: Value) -> Value {
    if !self_check(a, "difference") || !no_kw("difference", k) {
        return Value::NULL;
    }
    if a.len() == 1 {
        return copy(a[0]);
    }
    let r = difference(a[0], a[1]);
    if r.is_null() {
        return r;
    }
    for o in &a[2..] {
        if !difference_update(r, *o) {
            return Value::NULL;
        }
    }
    r
}

fn m_difference_update(a: &[Value], k: Value) -> Value {
    if !self_check(a, "difference_update") || !no_kw("difference_update", k) {
        return Value::NULL;
    }
    for o in &a[1..] {
        if !difference_update(a[0], *o) {
            return Value::NULL;
        }
    }
    none()
}

fn m_symmetric_difference(a: &[Value], k: Value) -> Value {
    if !one_arg(a, k, "symmetric_difference") {
        return Value::NULL;
    }
    symmetric_difference(a[0], a[1])
}

fn m_symmetric_difference_update(a: &[Value], k: Value) -> Value {
    if !one_arg(a, k, "symmetric_difference_update") {
        return Value::NULL;
    }
    if symmetric_difference_update(a[0], a[1]) {
        none()
    } else {
        Value::NULL
    }
}

fn bool_result(r: Option<bool>) -> Value {
    match r {
        Some(true) => true_(),
        Some(false) => false_(),
        None => Value::NULL,
    }
}

fn m_issubset(a: &[Value], k: Value) -> Value {
    if !one_arg(a, k, "issubset") {
        return Value::NULL;
    }
    bool_result(issubset(a[0], a[1]))
}

fn m_issuperset(a: &[Value], k: Value) -> Value {
    if !one_arg(a, k, "issuperset") {
        return Value::NULL;
    }
    bool_result(issuperset(a[0], a[1]))
}

fn m_isdisjoint(a: &[Value], k: Value) -> Value {
    if !one_arg(a, k, "isdisjoint") {
        return Value::NULL;
    }
    bool_result(isdisjoint(a[0], a[1]))
}

fn m_contains(a: &[Value], k: Value) -> Value {
    if !one_arg(a, k, "__contains__") {
        return Value::NULL;
    }
    match contains(a[0], a[1]) {
        -1 => Value::NULL,
        r => bool_value(r == 1),
    }
}

fn m_len(a: &[Value], k: Value) -> Value {
    if !no_arg(a, k, "__len__") {
        return Value::NULL;
    }
    Value::from_small(len(a[0]) as i64)
}

fn m_iter(a: &[Value], k: Value) -> Value {
    if !no_arg(a, k, "__iter__") {
        return Value::NULL;
    }
    iter(a[0])
}

fn m_repr(a: &[Value], k: Value) -> Value {
    if !no_arg(a, k, "__repr__") {
        return Value::NULL;
    }
    repr(a[0])
}

fn m_hash(a: &[Value], k: Value) -> Value {
    if !no_arg(a, k, "__hash__") {
        return Value::NULL;
    }
    crate::objects::int::from_i64(hash(a[0]))
}

fn m_init(a: &[Value], k: Value) -> Value {
    if !self_check(a, "__init__") || !no_kw("set", k) {
        return Value::NULL;
    }
    if a.len() > 2 {
        return errors::type_error(&format!(
            "set expected at most 1 argument, got {}",
            a.len() - 1
        ));
    }
    if kind_of(a[0]) == Kind::Set {
        if !clear(a[0]) {
            return Value::NULL;
        }
        if a.len() == 2 && !update(a[0], a[1]) {
            return Value::NULL;
        }
    }
    none()
}

fn new_impl(a: &[Value], k: Value, frozen: bool) -> Value {
    let name = if frozen { "frozenset" } else { "set" };
    if a.is_empty() || a[0].is_small() || kind_of(a[0]) != Kind::Type {
        return errors::type_error(&format!("{name}.__new__(X): X is not a type object"));
    }
    let ty = a[0].ptr::<TypeObject>();
    let want = if frozen {
        types().frozenset
    } else {
        types().set
    };
    if !is_subtype(ty, want) {
        return errors::type_error(&format!(
            "{name}.__new__({}): {} is not a subtype of {name}",
            crate::object::type_name(ty),
            crate::object::type_name(ty)
        ));
    }
    let inst = crate::objects::type_::alloc_instance_of(ty);
    if inst.is_null() || !frozen {
        return inst;
    }
    if a.len() > 2 {
        return errors::type_error(&format!(
            "frozenset expected at most 1 argument, got {}",
            a.len() - 1
        ));
    }
    if a.len() == 2 && !update(inst, a[1]) {
        return Value::NULL;
    }
    let _ = k;
    inst
}

fn m_new_set(a: &[Value], k: Value) -> Value {
    new_impl(a, k, false)
}

fn m_new_frozenset(a: &[Value], k: Value) -> Value {
    new_impl(a, k, true)
}

fn m_iter_next(a: &[Value], k: Value) -> Value {
    if !check_args("__next__", a, k, 0, 0) {
        return Value::NULL;
    }
    let r = iter_next(a[0]);
    if r == Value::DONE {
        return errors::raise_args(exc_types().stop_iteration, &[]);
    }
    r
}

fn m_iter_self(a: &[Value], k: Value) -> Value {
    if !check_args("__iter__", a, k, 0, 0) {
        return Value::NULL;
    }
    a[0]
}

fn m_iter_len(a: &[Value], k: Value) -> Value {
    if !check_args("__length_hint__", a, k, 0, 0) {
        return Value::NULL;
    }
    Value::from_small(iter_len(a[0]) as i64)
}

pub fn init_methods() {
    let t = types();
    let common: &[(&str, NativeFn)] = &[
        ("copy", m_copy),
        ("difference", m_difference),
        ("intersection", m_intersection),
        ("isdisjoint", m_isdisjoint),
        ("issubset", m_issubset),
        ("issuperset", m_issuperset),
        ("symmetric_difference", m_symmetric_difference),
        ("union", m_union),
        ("__contains__", m_contains),
        ("__len__", m_len),
        ("__iter__", m_iter),
        ("__repr__", m_repr),
    ];
    let mutating: &[(&str, NativeFn)] = &[
        ("add", m_add),
        ("clear", m_clear),
        ("discard", m_discard),
        ("remove", m_remove),
        ("pop", m_pop),
        ("update", m_update),
        ("intersection_update", m_intersection_update),
        ("difference_update", m_difference_update),
        ("symmetric_difference_update", m_symmetric_difference_update),
        ("__init__", m_init),
    ];
    for (name, f) in common {
        add_method(t.set, name, *f);
        add_method(t.frozenset, name, *f);
    }
    for (name, f) in mutating {
        add_method(t.set, name, *f);
    }
    add_method(t.frozenset, "__hash__", m_hash);
    unsafe {
        dict::set_by_name((*t.set).dict, "__hash__", none());
    }
    crate::objects::builtin_function::add_static(t.set, "__new__", m_new_set);
    crate::objects::builtin_function::add_static(t.frozenset, "__new__", m_new_frozenset);
    add_method(t.set_iter, "__next__", m_iter_next);
    add_method(t.set_iter, "__iter__", m_iter_self);
    add_method(t.set_iter, "__length_hint__", m_iter_len);
}
