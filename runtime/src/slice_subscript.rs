//! Subscripts by a slice whose bounds compiled code passes directly: `o[a:b]`, `o[a:b:c]` and
//! `o[a:b] = v` (3.12's BINARY_SLICE/STORE_SLICE, and BUILD_SLICE feeding a subscript before).
//!
//! An exact list or tuple is sliced from the bounds themselves, with no slice object made;
//! any other object (a subclass, a str, a user's `__getitem__`) gets the slice object CPython
//! would build and the ordinary subscript. The bounds are read as `PySlice_Unpack` reads them,
//! so `__index__` bounds and the TypeError for other types are CPython's either way.

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
