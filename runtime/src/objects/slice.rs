//! `slice` objects and the index arithmetic that sequences share.

use crate::errors;
use crate::object::{alloc_object, none, types};
use crate::objects::int;
use crate::value::{Header, Value};

#[repr(C)]
pub struct SliceObject {
    pub header: Header,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub fn new(start: Value, stop: Value, step: Value) -> Value {
    let v = alloc_object(types().slice, std::mem::size_of::<SliceObject>());
    if !v.is_null() {
        unsafe {
            let o = v.ptr::<SliceObject>();
            (*o).start = start;
            (*o).stop = stop;
            (*o).step = step;
        }
    }
    v
}

pub fn parts(v: Value) -> (Value, Value, Value) {
    unsafe {
        let o = v.ptr::<SliceObject>();
        ((*o).start, (*o).stop, (*o).step)
    }
}

/// A slice bound as CPython's `_PyEval_SliceIndex` reads it: an int, or an object with
/// `__index__`; an int beyond the machine word is clamped (far enough inside it that adding a
/// length cannot overflow).
#[inline]
fn slice_int(v: Value) -> Option<i64> {
    if v.is_small() {
        return Some(v.small());
    }
    slice_int_object(v)
}

#[inline(never)]
fn slice_int_object(v: Value) -> Option<i64> {
    if let Some(i) = int::as_i64(v) {
        return Some(i);
    }
    let v = if int::is_int(v) {
        v
    } else if !v.is_small()
        && !crate::object::type_lookup(
            crate::object::type_of(v),
            crate::objects::str::intern("__index__"),
        )
        .is_null()
    {
        let r = int::index(v);
        if r.is_null() {
            return None;
        }
        if let Some(i) = int::as_i64(r) {
            return Some(i);
        }
        r
    } else {
        errors::type_error("slice indices must be integers or None or have an __index__ method");
        return None;
    };
    Some(if int::sign(v) == num_bigint::Sign::Minus {
        i64::MIN / 2
    } else {
        i64::MAX / 2
    })
}

/// CPython's `PySlice_Unpack`: the bounds as integers (step first, then start, then stop, each
/// through `__index__` when it is not an int), the missing ones (None, or null) filled in for
/// any length. Checks the step is not zero.
#[inline]
pub fn unpack(start: Value, stop: Value, step: Value) -> Option<(i64, i64, i64)> {
    let absent = |v: Value| v.is_null() || v == none();
    let step = if absent(step) { 1 } else { slice_int(step)? };
    if step == 0 {
        errors::value_error("slice step cannot be zero");
        return None;
    }
    let start = if absent(start) {
        if step < 0 {
            i64::MAX
        } else {
            0
        }
    } else {
        slice_int(start)?
    };
    let stop = if absent(stop) {
        if step < 0 {
            i64::MIN
        } else {
            i64::MAX
        }
    } else {
        slice_int(stop)?
    };
    Some((start, stop, step))
}

/// CPython's `PySlice_AdjustIndices`: unpacked bounds clipped to a sequence of length `n`,
/// with the number of indices the slice visits.
#[inline]
pub fn adjust(start: i64, stop: i64, step: i64, n: i64) -> (i64, i64, usize) {
    let clip = |i: i64| -> i64 {
        if i < 0 {
            let j = i + n;
            if j < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                j
            }
        } else if i >= n {
            if step < 0 {
                n - 1
            } else {
                n
            }
        } else {
            i
        }
    };
    let (start, stop) = (clip(start), clip(stop));
    let count = if step == 1 {
        (stop - start).max(0)
    } else if step == -1 {
        (start - stop).max(0)
    } else if step < 0 {
        if stop < start {
            (start - stop - 1) / -step + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, count as usize)
}

/// (start, stop, step) clipped to a sequence of length `n`, as `slice.indices(n)`.
pub fn indices(s: Value, n: i64) -> Option<(i64, i64, i64)> {
    let (start, stop, step) = parts(s);
    let (start, stop, step) = unpack(start, stop, step)?;
    let (start, stop, _) = adjust(start, stop, step, n);
    Some((start, stop, step))
}

/// The indices a clipped slice visits. A step past the end of the word (`sys.maxsize`) ends
/// the walk instead of wrapping around.
pub fn range_iter(start: i64, stop: i64, step: i64) -> impl Iterator<Item = i64> {
    let mut next = Some(start);
    std::iter::from_fn(move || {
        let i = next?;
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            next = i.checked_add(step);
            Some(i)
        } else {
            None
        }
    })
}

/// Is the optional `start` argument (first of `args`) past the end of a sequence of length `n`?
/// (`bounds_args` clips it to `n`; an empty substring is not found there.)
pub fn start_past_end(args: &[Value], n: i64) -> bool {
    match args.first() {
        Some(v) if int::is_int(*v) => match int::as_i64(*v) {
            Some(i) => i > n,
            None => int::sign(*v) != num_bigint::Sign::Minus,
        },
        _ => false,
    }
}

/// Optional `start, end` arguments (as in `str.find`) clipped to `n`.
pub fn bounds_args(args: &[Value], n: i64) -> Option<(i64, i64)> {
    let get = |i: usize, default: i64| -> Option<i64> {
        match args.get(i) {
            None => Some(default),
            Some(v) if *v == none() => Some(default),
            Some(v) => {
                let mut x = slice_int(*v)?;
                if x < 0 {
                    x = (x + n).max(0);
                }
                Some(x.min(n))
            }
        }
    };
    Some((get(0, 0)?, get(1, n)?))
}
