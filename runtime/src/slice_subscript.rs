//! Subscripts by a slice whose bounds compiled code passes directly: `o[a:b]`, `o[a:b:c]` and
//! `o[a:b] = v` (3.12's BINARY_SLICE/STORE_SLICE, and BUILD_SLICE feeding a subscript before).
//!
//! An exact list or tuple is sliced from the bounds themselves, with no slice object made;
//! any other object (a subclass, a str, a user's `__getitem__`) gets the slice object CPython
//! would build and the ordinary subscript. The bounds are read as `PySlice_Unpack` reads them,
//! so `__index__` bounds and the TypeError for other types are CPython's either way.
//!
//! `a[i:j] = b[k:l:m]`, where the slice read feeds only the assignment (fannkuch's pancake
//! flip `p[:k + 1] = p[k::-1]`), reads into a scratch list the site keeps in its cache slot and
//! empties after the assignment has copied from it, so a flip allocates nothing. The list is
//! never seen by Python code: if the assignment's target is not an exact list (whose
//! `__setitem__` might keep the value), the site gives the list up first. A read that finds the
//! scratch list in use (a reentrant call of the same site between the read and the assignment,
//! or one whose assignment never ran because of an exception) makes a new one the site's.

use crate::object::{none, type_of, types};
use crate::objects::{list, slice, tuple};
use crate::ops;
use crate::value::Value;

fn or_none(v: Value) -> Value {
    if v.is_null() {
        none()
    } else {
        v
    }
}

fn slice_object(start: Value, stop: Value, step: Value) -> Value {
    slice::new(or_none(start), or_none(stop), or_none(step))
}

/// `o[start:stop:step]`; a missing bound is None or null. Null with an exception on failure.
pub fn get(o: Value, start: Value, stop: Value, step: Value) -> Value {
    if !o.is_small() {
        let t = type_of(o);
        if t == types().list {
            return list::get_slice(o, start, stop, step);
        }
        if t == types().tuple {
            return tuple::get_slice(o, start, stop, step);
        }
    }
    let k = slice_object(start, stop, step);
    if k.is_null() {
        return k;
    }
    ops::getitem(o, k)
}

/// `o[start:stop:step] = v`; a missing bound is None or null. False with an exception on
/// failure.
pub fn set(o: Value, start: Value, stop: Value, step: Value, v: Value) -> bool {
    if !o.is_small() && type_of(o) == types().list {
        return list::set_slice(o, start, stop, step, v) == 0;
    }
    let k = slice_object(start, stop, step);
    if k.is_null() {
        return false;
    }
    ops::setitem(o, k, v)
}

/// A slice-assignment site's cache slot (`CACHE_SLOT_SIZE` bytes): its scratch list and
/// whether a read has handed it out and the assignment has not given it back.
#[repr(C)]
pub struct Scratch {
    pub list: Value,
    pub busy: u64,
}

/// `o[start:stop:step]` for a slice assignment's source; see the module comment.
///
/// # Safety
/// `cache` is the site's slot.
pub unsafe fn get_scratch(
    o: Value,
    start: Value,
    stop: Value,
    step: Value,
    cache: *mut Scratch,
) -> Value {
    if o.is_small() || type_of(o) != types().list {
        return get(o, start, stop, step);
    }
    let c = &mut *cache;
    let reuse = if c.busy == 0 { c.list } else { Value::NULL };
    let v = list::get_slice_reusing(o, start, stop, step, reuse);
    if !v.is_null() {
        c.list = v;
        c.busy = 1;
    }
    v
}

/// `o[start:stop:step] = v` where `v` came from the same site's `get_scratch`.
///
/// # Safety
/// `cache` is the site's slot.
pub unsafe fn set_scratch(
    o: Value,
    start: Value,
    stop: Value,
    step: Value,
    v: Value,
    cache: *mut Scratch,
) -> bool {
    let c = &mut *cache;
    if v.is_null() || v != c.list {
        return set(o, start, stop, step, v);
    }
    if o.is_small() || type_of(o) != types().list {
        // Python code may keep the value: it is no longer scratch.
        c.list = Value::NULL;
        c.busy = 0;
        return set(o, start, stop, step, v);
    }
    if list::set_slice_same_length(o, start, stop, step, v) {
        list::clear(v);
        c.busy = 0;
        return true;
    }
    let ok = list::set_slice(o, start, stop, step, v) == 0;
    list::clear(v);
    if c.list == v {
        c.busy = 0;
    }
    ok
}
