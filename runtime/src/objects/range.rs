//! `range`: an immutable arithmetic sequence of ints. Bounds within i64 live in machine words
//! (what compiled loops read); a range with a bound past them keeps its bounds as ints in
//! `big` (`range(1 << 1000)`), its words then describing an empty range.

use crate::errors;
use crate::object::{alloc_object, types, Kind};
use crate::objects::{int, slice};
use crate::value::{Header, Value};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[repr(C)]
pub struct RangeObject {
    pub header: Header,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// `(start, stop, step)` as ints when one does not fit a word; null otherwise.
    pub big: Value,
}

/// The bounds of a range with a bound past a machine word.
fn big_parts(v: Value) -> Option<(BigInt, BigInt, BigInt)> {
    let b = unsafe { (*v.ptr::<RangeObject>()).big };
    if b.is_null() {
        return None;
    }
    let t = crate::objects::tuple::items(b);
    Some((int::to_big(t[0]), int::to_big(t[1]), int::to_big(t[2])))
}

fn big_length(a: &BigInt, b: &BigInt, c: &BigInt) -> BigInt {
    let zero = BigInt::zero();
    if (c > &zero && a < b) || (c < &zero && a > b) {
        let c_abs = c.abs();
        ((b - a).abs() - BigInt::one()) / c_abs + BigInt::one()
    } else {
        zero
    }
}

fn new_big(a: BigInt, b: BigInt, c: BigInt) -> Value {
    let v = new(0, 0, 1);
    if !v.is_null() {
        let t = crate::objects::tuple::new(&[int::from_big(a), int::from_big(b), int::from_big(c)]);
        unsafe { (*v.ptr::<RangeObject>()).big = t };
    }
    v
}

/// Is this a range with bounds past a machine word?
pub fn is_big(v: Value) -> bool {
    unsafe { !(*v.ptr::<RangeObject>()).big.is_null() }
}

pub fn new(start: i64, stop: i64, step: i64) -> Value {
    let v = alloc_object(types().range, std::mem::size_of::<RangeObject>());
    if !v.is_null() {
        unsafe {
            let o = v.ptr::<RangeObject>();
            (*o).start = start;
            (*o).stop = stop;
            (*o).step = step;
            (*o).big = Value::NULL;
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
    if let Some((a, b, c)) = big_parts(v) {
        return match big_length(&a, &b, &c).to_i64() {
            Some(n) => Some(n),
            None => {
                errors::overflow_error("Python int too large to convert to C ssize_t");
                None
            }
        };
    }
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
    if let Some((a, b, c)) = big_parts(v) {
        return big_length(&a, &b, &c).to_i64().unwrap_or(i64::MAX);
    }
    let (a, b, c) = parts(v);
    length(a, b, c)
}

/// `range(...)` from its call arguments.
pub fn construct(args: &[Value]) -> Value {
    let mut ints = [0i64; 3];
    if (1..=3).contains(&args.len())
        && args.iter().all(|a| int::is_int(*a))
        && args.iter().any(|a| int::as_i64(*a).is_none())
    {
        let b: Vec<BigInt> = args.iter().map(|a| int::to_big(*a)).collect();
        let (a, z, c) = match b.len() {
            1 => (BigInt::zero(), b[0].clone(), BigInt::one()),
            2 => (b[0].clone(), b[1].clone(), BigInt::one()),
            _ => (b[0].clone(), b[1].clone(), b[2].clone()),
        };
        if c.is_zero() {
            return errors::value_error("range() arg 3 must not be zero");
        }
        return new_big(a, z, c);
    }
    for (i, a) in args.iter().enumerate() {
        match int::as_i64(*a) {
            Some(x) => ints[i] = x,
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
    if let Some((a, b, c)) = big_parts(v) {
        if crate::object::kind_of(key) == Kind::Slice {
            return errors::overflow_error("Python int too large to convert to C ssize_t");
        }
        if !int::is_int(key) {
            return errors::type_error(&format!(
                "range indices must be integers or slices, not {}",
                crate::object::type_name_of(key)
            ));
        }
        let n = big_length(&a, &b, &c);
        let i = int::to_big(key);
        let j = if i.is_negative() { i + &n } else { i };
        if j.is_negative() || j >= n {
            return errors::index_error("range object index out of range");
        }
        return int::from_big(a + j * c);
    }
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
    if let Some((a, b, c)) = big_parts(v) {
        if !int::is_int(x) {
            return -2;
        }
        let i = int::to_big(x);
        let inside = if c.is_positive() {
            i >= a && i < b
        } else {
            i <= a && i > b
        };
        return (inside && ((i - a) % c).is_zero()) as i32;
    }
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
    if let Some((a, b, c)) = big_parts(v) {
        return if c.is_one() {
            format!("range({a}, {b})")
        } else {
            format!("range({a}, {b}, {c})")
        };
    }
    let (a, b, c) = parts(v);
    if c == 1 {
        format!("range({a}, {b})")
    } else {
        format!("range({a}, {b}, {c})")
    }
}

/// `a == b` for two ranges: the same sequence of ints.
pub fn equal(a: Value, b: Value) -> bool {
    let seq = |v: Value| -> (BigInt, BigInt, BigInt) {
        big_parts(v).unwrap_or_else(|| {
            let (x, y, z) = parts(v);
            (BigInt::from(x), BigInt::from(y), BigInt::from(z))
        })
    };
    let ((a0, a1, a2), (b0, b1, b2)) = (seq(a), seq(b));
    let (la, lb) = (big_length(&a0, &a1, &a2), big_length(&b0, &b1, &b2));
    la == lb && (la.is_zero() || (a0 == b0 && (la.is_one() || a2 == b2)))
}
