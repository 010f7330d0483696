//! `range`: an immutable arithmetic sequence of ints (bounds within i64).

use crate::errors;
use crate::object::{alloc_object, types, Kind};
use crate::objects::{int, slice};
use crate::value::{Header, Value};

#[repr(C)]
pub struct RangeObject {
    pub header: Header,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

pub fn new(start: i64, stop: i64, step: i64) -> Value {
    let v = alloc_object(types().range, std::mem::size_of::<RangeObject>());
    if !v.is_null() {
        unsafe {
            let o = v.ptr::<RangeObject>();
            (*o).start = start;
            (*o).stop = stop;
            (*o).step = step;
        }
    }
    v
}

pub fn parts(v: Value) -> (i64, i64, i64) {
    unsafe {
        let o = v.ptr::<RangeObject>();
        ((*o).start, (*o).stop, (*o).step)
    }
}

/// The number of items, exactly (it may pass `i64::MAX`: `range(-2**63, 2**63 - 1)`).
pub fn length_exact(start: i64, stop: i64, step: i64) -> i128 {
    if step > 0 && start < stop {
        (stop as i128 - start as i128 - 1) / step as i128 + 1
    } else if step < 0 && start > stop {
        (start as i128 - stop as i128 - 1) / (-(step as i128)) + 1
    } else {
        0
    }
}

/// The number of items, at most `i64::MAX` (iteration never gets that far).
pub fn length(start: i64, stop: i64, step: i64) -> i64 {
    length_exact(start, stop, step).min(i64::MAX as i128) as i64
}

/// `len(range)`: OverflowError when the count does not fit a signed word, as in CPython.
pub fn len_checked(v: Value) -> Option<i64> {
    let (a, b, c) = parts(v);
    match i64::try_from(length_exact(a, b, c)) {
        Ok(n) => Some(n),
        Err(_) => {
            errors::overflow_error("Python int too large to convert to C ssize_t");
            None
        }
    }
}

pub fn len(v: Value) -> i64 {
    let (a, b, c) = parts(v);
    length(a, b, c)
}

/// `range(...)` from its call arguments.
pub fn construct(args: &[Value]) -> Value {
    let mut ints = [0i64; 3];
    for (i, a) in args.iter().enumerate() {
        match int::as_i64(*a) {
            Some(x) => ints[i] = x,
            None if int::is_int(*a) => {
                return errors::overflow_error("Python int too large to convert to C ssize_t")
            }
            None => {
                return errors::type_error(&format!(
                    "'{}' object cannot be interpreted as an integer",
                    crate::object::type_name_of(*a)
                ))
            }
        }
    }
    let (start, stop, step) = match args.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        3 => (ints[0], ints[1], ints[2]),
        0 => return errors::type_error("range expected at least 1 argument, got 0"),
        n => return errors::type_error(&format!("range expected at most 3 arguments, got {n}")),
    };
    if step == 0 {
        return errors::value_error("range() arg 3 must not be zero");
    }
    new(start, stop, step)
}

pub fn getitem(v: Value, key: Value) -> Value {
    let (start, stop, step) = parts(v);
    let n = len(v);
    if crate::object::kind_of(key) == Kind::Slice {
        let Some((a, b, c)) = slice::indices(key, n) else {
            return Value::NULL;
        };
        // kiln's ranges hold machine words: bounds past them are an OverflowError, never a
        // wrapped value.
        let word = |x: i128| i64::try_from(x).ok();
        let (s, st) = (start as i128, step as i128);
        return match (
            word(s + a as i128 * st),
            word(s + b as i128 * st),
            word(st * c as i128),
        ) {
            (Some(x), Some(y), Some(z)) => new(x, y, z),
            _ => errors::overflow_error("Python int too large to convert to C ssize_t"),
        };
    }
    let Some(i) = int::index_value(key, "range") else {
        return Value::NULL;
    };
    let exact = length_exact(start, stop, step);
    let j = if i < 0 { i as i128 + exact } else { i as i128 };
    if j < 0 || j >= exact {
        return errors::index_error("range object index out of range");
    }
    // Inside the range, so within the bounds' words.
    int::from_i64((start as i128 + j * step as i128) as i64)
}

pub fn contains(v: Value, x: Value) -> i32 {
    let Some(i) = int::as_i64(x) else {
        if int::is_int(x) {
            return 0;
        }
        return -2;
    };
    let (start, stop, step) = parts(v);
    let inside = if step > 0 {
        i >= start && i < stop
    } else {
        i <= start && i > stop
    };
    (inside && (i - start) % step == 0) as i32
}

pub fn repr(v: Value) -> String {
    let (a, b, c) = parts(v);
    if c == 1 {
        format!("range({a}, {b})")
    } else {
        format!("range({a}, {b}, {c})")
    }
}
