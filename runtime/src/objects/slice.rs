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

fn slice_int(v: Value) -> Option<i64> {
    if let Some(i) = int::as_i64(v) {
        return Some(i);
    }
    if int::is_int(v) {
        return Some(if int::sign(v) == num_bigint::Sign::Minus {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        });
    }
    errors::type_error("slice indices must be integers or None or have an __index__ method");
    None
}

/// (start, stop, step) clipped to a sequence of length `n`, as `slice.indices(n)`.
pub fn indices(s: Value, n: i64) -> Option<(i64, i64, i64)> {
    let (start, stop, step) = parts(s);
    let step = if step == none() { 1 } else { slice_int(step)? };
    if step == 0 {
        errors::value_error("slice step cannot be zero");
        return None;
    }
    let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let clip = |v: Value, default: i64| -> Option<i64> {
        if v == none() {
            return Some(default);
        }
        let mut i = slice_int(v)?;
        if i < 0 {
            i += n;
            if i < lo {
                i = lo;
            }
        } else if i > hi {
            i = hi;
        }
        Some(i)
    };
    let start = clip(start, if step < 0 { hi } else { lo })?;
    let stop = clip(stop, if step < 0 { lo } else { hi })?;
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
