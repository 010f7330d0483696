//! `int`: small integers live in the value word (see `value`); larger ones are heap objects
//! holding their magnitude as 32-bit digits inline (no memory outside the collector, so no
//! finalizer), turned into a `num_bigint::BigInt` for arithmetic. Values that fit an i128 take
//! a fast path without any BigInt. Every result is normalized: a value that fits the small
//! range is always small, so a heap int is never equal to a small one.

use crate::errors;
use crate::object::{alloc_atomic_object, kind_of, type_name_of, types, Kind, TypeObject};
use crate::objects::int_magnitude as magnitude;
use crate::value::{Header, Value, SMALL_MAX};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[repr(C)]
pub struct BigIntObject {
    pub header: Header,
    /// How many magnitude digits follow (least significant first), negated when the number is
    /// negative.
    pub size: i64,
    pub digits: [u32; 0],
}

/// CPython's modulus for numeric hashes: 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// The bytes of a heap int's layout (its built-in part, before a subclass's dict and slots).
pub fn layout_size(v: Value) -> usize {
    size_for(ndigits(v))
}

fn size_for(ndigits: usize) -> usize {
    std::mem::size_of::<BigIntObject>() + 4 * ndigits
}

fn ndigits(v: Value) -> usize {
    unsafe { (*v.ptr::<BigIntObject>()).size.unsigned_abs() as usize }
}

fn is_negative(v: Value) -> bool {
    unsafe { (*v.ptr::<BigIntObject>()).size < 0 }
}

fn digits(v: Value) -> &'static [u32] {
    unsafe {
        let o = v.ptr::<BigIntObject>();
        std::slice::from_raw_parts(std::ptr::addr_of!((*o).digits) as *const u32, ndigits(v))
    }
}

/// A heap int of type `tp` (int or a subclass: `extra` bytes for its dict and slots) with the
/// given sign and magnitude digits.
pub fn alloc_digits(tp: *mut TypeObject, negative: bool, mag: &[u32], extra: usize) -> Value {
    let size = size_for(mag.len());
    let v = if extra == 0 {
        alloc_atomic_object(tp, size)
    } else {
        crate::object::alloc_object(tp, ((size + 7) & !7) + extra)
    };
    if v.is_null() {
        return v;
    }
    unsafe {
        let o = v.ptr::<BigIntObject>();
        (*o).size = if negative {
            -(mag.len() as i64)
        } else {
            mag.len() as i64
        };
        std::ptr::copy_nonoverlapping(
            mag.as_ptr(),
            std::ptr::addr_of_mut!((*o).digits) as *mut u32,
            mag.len(),
        );
    }
    v
}

/// A heap int of type `tp` holding `b` (for `int` subclasses).
pub fn alloc_big(tp: *mut TypeObject, b: &BigInt, extra: usize) -> Value {
    let (sign, mag) = b.to_u32_digits();
    alloc_digits(tp, sign == Sign::Minus, &mag, extra)
}

pub fn from_i64(i: i64) -> Value {
    if Value::fits_small(i) {
        Value::from_small(i)
    } else {
        from_i128(i as i128)
    }
}

/// An int from an i128: small when it fits, else a heap int without any BigInt.
pub fn from_i128(i: i128) -> Value {
    if let Ok(x) = i64::try_from(i) {
        if Value::fits_small(x) {
            return Value::from_small(x);
        }
    }
    let mut m = i.unsigned_abs();
    let mut mag = [0u32; 4];
    let mut n = 0;
    while m != 0 {
        mag[n] = m as u32;
        m >>= 32;
        n += 1;
    }
    alloc_digits(types().int, i < 0, &mag[..n], 0)
}

pub fn from_big(b: BigInt) -> Value {
    if let Some(i) = b.to_i64() {
        if Value::fits_small(i) {
            return Value::from_small(i);
        }
    }
    alloc_big(types().int, &b, 0)
}

/// True for `int` and `bool` values (and their subclasses' layouts).
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_small() || matches!(kind_of(v), Kind::Int | Kind::Bool)
}

/// The value of an int or bool as i64, if it fits.
#[inline]
pub fn as_i64(v: Value) -> Option<i64> {
    if v.is_small() {
        return Some(v.small());
    }
    match kind_of(v) {
        Kind::Bool => Some(crate::objects::bool::value(v) as i64),
        Kind::Int => as_i128(v).and_then(|i| i64::try_from(i).ok()),
        _ => None,
    }
}

/// The value of an int or bool as i128, if it fits.
#[inline]
pub fn as_i128(v: Value) -> Option<i128> {
    if v.is_small() {
        return Some(v.small() as i128);
    }
    match kind_of(v) {
        Kind::Bool => Some(crate::objects::bool::value(v) as i128),
        Kind::Int => {
            let d = digits(v);
            if d.len() > 4 || (d.len() == 4 && d[3] >= 0x8000_0000) {
                return None;
            }
            let mut m: i128 = 0;
            for x in d.iter().rev() {
                m = (m << 32) | *x as i128;
            }
            Some(if is_negative(v) { -m } else { m })
        }
        _ => None,
    }
}

/// The value of an int or bool as a big integer.
pub fn to_big(v: Value) -> BigInt {
    if v.is_small() {
        return BigInt::from(v.small());
    }
    match kind_of(v) {
        Kind::Bool => BigInt::from(crate::objects::bool::value(v) as i64),
        _ => {
            let sign = if ndigits(v) == 0 {
                Sign::NoSign
            } else if is_negative(v) {
                Sign::Minus
            } else {
                Sign::Plus
            };
            BigInt::from_slice(sign, digits(v))
        }
    }
}

/// An index-sized integer from `v` (`__index__` semantics for ints and bools), or an exception.
/// `ctx` names the container for the TypeError message ("list", "tuple", "string"); any other
/// text gives the generic "cannot be interpreted as an integer".
#[inline]
pub fn index_value(v: Value, ctx: &str) -> Option<i64> {
    if v.is_small() {
        return Some(v.small());
    }
    index_value_object(v, ctx)
}

#[inline(never)]
fn index_value_object(v: Value, ctx: &str) -> Option<i64> {
    if let Some(i) = as_i64(v) {
        return Some(i);
    }
    if is_int(v) {
        // Too big for a machine word: as CPython, an IndexError for a subscript, an
        // OverflowError for any other argument (named by the C type CPython converts to).
        match ctx {
            "list" | "tuple" | "string" | "memoryview" | "range" | "index" => {
                errors::index_error("cannot fit 'int' into an index-sized integer")
            }
            "chr" | "tabsize" | "setrecursionlimit" => errors::raise_msg(
                crate::object::exc_types().overflow_error,
                "Python int too large to convert to C int",
            ),
            _ => errors::raise_msg(
                crate::object::exc_types().overflow_error,
                "Python int too large to convert to C ssize_t",
            ),
        };
        return None;
    }
    if !v.is_small()
        && !crate::object::type_lookup(
            crate::object::type_of(v),
            crate::objects::str::intern("__index__"),
        )
        .is_null()
    {
        let r = index(v);
        if r.is_null() {
            return None;
        }
        return index_value(r, ctx);
    }
    let t = type_name_of(v);
    match ctx {
        "list" | "tuple" => errors::type_error(&format!(
            "{ctx} indices must be integers or slices, not {t}"
        )),
        "string" => errors::type_error(&format!("string indices must be integers, not '{t}'")),
        _ => errors::type_error(&format!("'{t}' object cannot be interpreted as an integer")),
    };
    None
}

/// `operator.index(v)`: an int from an int or an object with `__index__`; null with TypeError.
pub fn index(v: Value) -> Value {
    if is_int(v) {
        return v;
    }
    let r = crate::ops::call_dunder(v, "__index__", &[]);
    if r.is_null() {
        if !errors::occurred() {
            errors::type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                type_name_of(v)
            ));
        }
        return r;
    }
    if !is_int(r) {
        return errors::type_error(&format!(
            "__index__ returned non-int (type {})",
            type_name_of(r)
        ));
    }
    r
}

pub fn hash(v: Value) -> i64 {
    if let Some(i) = as_i64(v) {
        return hash_i64(i);
    }
    let b = to_big(v);
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_i64(i: i64) -> i64 {
    let r = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn to_decimal(v: Value) -> String {
    match as_i64(v) {
        Some(i) => i.to_string(),
        None => to_big(v).to_string(),
    }
}

pub fn repr(v: Value) -> Value {
    if let Some(i) = as_i64(v) {
        // Machine-sized: the digits on the stack, without the formatter's machinery.
        let mut buf = [0u8; 20];
        let mut n = i.unsigned_abs();
        let mut pos = buf.len();
        loop {
            pos -= 1;
            buf[pos] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let digits = std::str::from_utf8(&buf[pos..]).unwrap_or("");
        if i >= 0 {
            return crate::objects::str::new(digits);
        }
        let mut neg = [0u8; 21];
        neg[0] = b'-';
        neg[1..=digits.len()].copy_from_slice(digits.as_bytes());
        return crate::objects::str::new(std::str::from_utf8(&neg[..=digits.len()]).unwrap_or(""));
    }
    crate::objects::str::new(&to_decimal(v))
}

/// Converts an int to f64, raising OverflowError when it is too large.
pub fn to_f64(v: Value) -> Option<f64> {
    if let Some(i) = as_i64(v) {
        return Some(i as f64);
    }
    let b = to_big(v);
    match b.to_f64() {
        Some(f) if f.is_finite() => Some(f),
        _ => {
            errors::overflow_error("int too large to convert to float");
            None
        }
    }
}

/// The binary operators of BINARY_OP (CPython 3.11 numbering, in-place forms folded).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    And,
    FloorDiv,
    LShift,
    MatMul,
    Mul,
    Mod,
    Or,
    Pow,
    RShift,
    Sub,
    TrueDiv,
    Xor,
}

impl BinOp {
    pub fn from_oparg(op: u32) -> Option<(BinOp, bool)> {
        use BinOp::*;
        const ALL: [BinOp; 13] = [
            Add, And, FloorDiv, LShift, MatMul, Mul, Mod, Or, Pow, RShift, Sub, TrueDiv, Xor,
        ];
        let inplace = op >= 13;
        ALL.get((op % 13) as usize)
            .map(|o| (*o, inplace))
            .filter(|_| op < 26)
    }
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDiv => "//",
            LShift => "<<",
            MatMul => "@",
            Mul => "*",
            Mod => "%",
            Or => "|",
            Pow => "** or pow()",
            RShift => ">>",
            Sub => "-",
            TrueDiv => "/",
            Xor => "^",
        }
    }
    pub fn dunder(self) -> (&'static str, &'static str, &'static str) {
        use BinOp::*;
        match self {
            Add => ("__add__", "__radd__", "__iadd__"),
            And => ("__and__", "__rand__", "__iand__"),
            FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            Mul => ("__mul__", "__rmul__", "__imul__"),
            Mod => ("__mod__", "__rmod__", "__imod__"),
            Or => ("__or__", "__ror__", "__ior__"),
            Pow => ("__pow__", "__rpow__", "__ipow__"),
            RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            Sub => ("__sub__", "__rsub__", "__isub__"),
            TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// An int operation where both operands are ints (or bools). Null with an exception on error;
/// `NotImplemented` is never returned.
pub fn binary(a: Value, b: Value, op: BinOp) -> Value {
    // Each operand is read once: as i128 when it fits, the i64 path when both fit that.
    if let (Some(x), Some(y)) = (as_i128(a), as_i128(b)) {
        if let (Ok(x), Ok(y)) = (i64::try_from(x), i64::try_from(y)) {
            if let Some(r) = small_op(x, y, op) {
                return r;
            }
            if errors::occurred() {
                return Value::NULL;
            }
        }
        if let Some(r) = i128_op(x, y, op) {
            return r;
        }
        if errors::occurred() {
            return Value::NULL;
        }
    }
    if let Some(r) = magnitude_op(a, b, op) {
        return r;
    }
    big_op(&to_big(a), &to_big(b), op)
}

/// An int operand as sign and magnitude digits: a heap int's own digits, or a machine int's
/// spelled out in `buf`.
fn operand(v: Value, buf: &mut [u32; 2]) -> (bool, &[u32]) {
    if v.is_small() || kind_of(v) == Kind::Bool {
        let i = as_i64(v).unwrap_or(0);
        let m = i.unsigned_abs();
        buf[0] = m as u32;
        buf[1] = (m >> 32) as u32;
        let n = magnitude::trimmed_len(buf);
        return (i < 0, &buf[..n]);
    }
    (is_negative(v), digits(v))
}

/// A fresh heap int of `n` digits to compute into; `finish` sets its sign and length.
fn alloc_result(n: usize) -> Value {
    alloc_atomic_object(types().int, size_for(n))
}

fn result_digits(v: Value, n: usize) -> &'static mut [u32] {
    unsafe {
        let o = v.ptr::<BigIntObject>();
        std::slice::from_raw_parts_mut(std::ptr::addr_of_mut!((*o).digits) as *mut u32, n)
    }
}

/// Gives the result `v` its sign and trimmed length `len`; a value in the small range becomes
/// small, as every int result must.
fn finish(v: Value, negative: bool, len: usize) -> Value {
    if v.is_null() {
        return v;
    }
    let d = result_digits(v, len);
    if len <= 2 {
        let m = d.iter().rev().fold(0u64, |m, x| (m << 32) | *x as u64);
        if m <= SMALL_MAX as u64 || (negative && m == 1 << 62) {
            let i = m as i64;
            return Value::from_small(if negative { -i } else { i });
        }
    }
    unsafe {
        (*v.ptr::<BigIntObject>()).size = if negative { -(len as i64) } else { len as i64 };
    }
    v
}

/// A result of the given sign and magnitude, copied into a new heap int (or small).
fn from_magnitude(negative: bool, mag: &[u32]) -> Value {
    let v = alloc_result(mag.len());
    if v.is_null() {
        return v;
    }
    result_digits(v, mag.len()).copy_from_slice(mag);
    finish(v, negative, mag.len())
}

std::thread_local! {
    /// Scratch digits for long division (quotient, remainder, normalized operands), kept
    /// between calls so a division allocates only its result.
    static DIVISION_SCRATCH: std::cell::RefCell<[Vec<u32>; 3]> =
        const { std::cell::RefCell::new([Vec::new(), Vec::new(), Vec::new()]) };
}

/// `+ - * // %` with a heap int operand, on the stored digits (see `int_magnitude`). None for
/// the other operators, a zero divisor and long-by-long products, which take the BigInt path.
fn magnitude_op(a: Value, b: Value, op: BinOp) -> Option<Value> {
    use BinOp::*;
    if !matches!(op, Add | Sub | Mul | FloorDiv | Mod) {
        return None;
    }
    let (mut ba, mut bb) = ([0u32; 2], [0u32; 2]);
    let (na, ma) = operand(a, &mut ba);
    let (mut nb, mb) = operand(b, &mut bb);
    match op {
        Add | Sub => {
            if op == Sub {
                nb = !nb && !mb.is_empty();
            }
            if na == nb {
                let n = ma.len().max(mb.len()) + 1;
                let r = alloc_result(n);
                if r.is_null() {
                    return Some(r);
                }
                let len = magnitude::add(ma, mb, result_digits(r, n));
                Some(finish(r, na, len))
            } else {
                let (big, small, neg) = match magnitude::cmp(ma, mb) {
                    std::cmp::Ordering::Less => (mb, ma, nb),
                    _ => (ma, mb, na),
                };
                let r = alloc_result(big.len());
                if r.is_null() {
                    return Some(r);
                }
                let len = magnitude::sub(big, small, result_digits(r, big.len()));
                Some(finish(r, neg && len > 0, len))
            }
        }
        Mul => {
            if ma.len().min(mb.len()) >= magnitude::SCHOOLBOOK_LIMIT {
                return None;
            }
            if ma.is_empty() || mb.is_empty() {
                return Some(Value::from_small(0));
            }
            let n = ma.len() + mb.len();
            let r = alloc_result(n);
            if r.is_null() {
                return Some(r);
            }
            let len = magnitude::mul(ma, mb, result_digits(r, n));
            Some(finish(r, na != nb, len))
        }
        _ => {
            if mb.is_empty() {
                return None;
            }
            DIVISION_SCRATCH.with(|s| {
                let mut s = s.borrow_mut();
                let [q, r, work] = &mut *s;
                if q.len() < ma.len() + 2 {
                    q.resize(ma.len() + 2, 0);
                }
                if r.len() < ma.len().max(mb.len()) {
                    r.resize(ma.len().max(mb.len()), 0);
                }
                let (mut lq, lr) = magnitude::divrem(ma, mb, q, r, work);
                // Floor rounding: with operands of opposite signs and a remainder, the
                // quotient's magnitude grows by one and the remainder becomes |b| - r.
                let adjust = na != nb && lr > 0;
                if op == FloorDiv {
                    if adjust {
                        lq = magnitude::increment(q, lq);
                    }
                    Some(from_magnitude(na != nb && lq > 0, &q[..lq]))
                } else if adjust {
                    let mut out = vec![0u32; mb.len()];
                    let l = magnitude::sub(mb, &r[..lr], &mut out);
                    Some(from_magnitude(nb && l > 0, &out[..l]))
                } else {
                    Some(from_magnitude(nb && lr > 0, &r[..lr]))
                }
            })
        }
    }
}

/// `+ - * & | ^ // %` on machine ints of either width (the i64 and i128 paths share it); None
/// on overflow, for a zero divisor, and for every other operator.
fn ring_op<T: num_traits::PrimInt + Integer>(x: T, y: T, op: BinOp) -> Option<T> {
    use BinOp::*;
    Some(match op {
        Add => x.checked_add(&y)?,
        Sub => x.checked_sub(&y)?,
        Mul => x.checked_mul(&y)?,
        And => x & y,
        Or => x | y,
        Xor => x ^ y,
        FloorDiv | Mod => {
            if y.is_zero() || (x == T::min_value() && y == !T::zero()) {
                return None;
            }
            let (q, m) = x.div_mod_floor(&y);
            if op == Mod {
                m
            } else {
                q
            }
        }
        _ => return None,
    })
}

/// The i128 path for ints just past the small range (a 64-bit hash or LCG step): no BigInt.
/// None when the result needs the big path (overflow, shifts, powers, true division).
fn i128_op(x: i128, y: i128, op: BinOp) -> Option<Value> {
    ring_op(x, y, op).map(from_i128)
}

/// The i64 fast path; None when the result needs the big path (overflow) or an error was set.
pub fn small_op(x: i64, y: i64, op: BinOp) -> Option<Value> {
    use BinOp::*;
    let r = match op {
        Add | Sub | Mul | And | Or | Xor => ring_op(x, y, op)?,
        FloorDiv | Mod => {
            if y == 0 {
                errors::zero_division(if op == Mod {
                    modulo_by_zero_message()
                } else {
                    "integer division or modulo by zero"
                });
                return None;
            }
            ring_op(x, y, op)?
        }
        TrueDiv => {
            if y == 0 {
                errors::zero_division("division by zero");
                return None;
            }
            return Some(crate::objects::float::new(true_div_i64(x, y)?));
        }
        LShift => {
            if y < 0 {
                errors::value_error("negative shift count");
                return None;
            }
            if x == 0 {
                return Some(Value::from_small(0));
            }
            if y >= 63 {
                return None;
            }
            let r = x.checked_shl(y as u32)?;
            if r >> y != x {
                return None;
            }
            r
        }
        RShift => {
            if y < 0 {
                errors::value_error("negative shift count");
                return None;
            }
            if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }
        }
        Pow => {
            if y < 0 {
                let (fx, fy) = (x as f64, y as f64);
                if x == 0 {
                    errors::zero_division("0.0 cannot be raised to a negative power");
                    return None;
                }
                return Some(crate::objects::float::new(fx.powf(fy)));
            }
            let mut acc: i64 = 1;
            let mut base = x;
            let mut e = y as u64;
            while e > 0 {
                if e & 1 == 1 {
                    acc = acc.checked_mul(base)?;
                }
                e >>= 1;
                if e > 0 {
                    base = base.checked_mul(base)?;
                }
            }
            acc
        }
        MatMul => return None,
    };
    Some(from_i64(r))
}

/// int / int as CPython computes it: exact when both fit in 53 bits, else correctly rounded.
fn true_div_i64(x: i64, y: i64) -> Option<f64> {
    const EXACT: i64 = 1 << 53;
    if x.abs() <= EXACT && y.abs() <= EXACT {
        return Some(x as f64 / y as f64);
    }
    big_true_div(&BigInt::from(x), &BigInt::from(y))
}

/// Correctly rounded big-int true division (round-half-even), OverflowError when too large.
fn big_true_div(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        errors::zero_division("division by zero");
        return None;
    }
    let negative = a.is_negative() != b.is_negative();
    let (na, nb) = (a.abs(), b.abs());
    if na.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the quotient has 55 significant bits, then round once.
    let shift = nb.bits() as i64 - na.bits() as i64 + 55;
    let (num, den) = if shift >= 0 {
        (na << shift as usize, nb)
    } else {
        (na, nb << (-shift) as usize)
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q;
    let exp = -shift;
    // q has 55 or 56 bits; fold the remainder into a sticky bit and let the f64 conversion of a
    // value with at most 64 bits round correctly.
    if !r.is_zero() {
        q |= BigInt::one();
    }
    let qf = q.to_u64().unwrap_or(u64::MAX) as f64;
    let result = libm_ldexp(qf, exp);
    if result.is_infinite() {
        errors::overflow_error("integer division result too large for a float");
        return None;
    }
    Some(if negative { -result } else { result })
}

fn libm_ldexp(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

fn big_op(a: &BigInt, b: &BigInt, op: BinOp) -> Value {
    use BinOp::*;
    let r = match op {
        Add => a + b,
        Sub => a - b,
        Mul => a * b,
        And => a & b,
        Or => a | b,
        Xor => a ^ b,
        FloorDiv | Mod => {
            if b.is_zero() {
                return errors::zero_division(if op == Mod {
                    modulo_by_zero_message()
                } else {
                    "integer division or modulo by zero"
                });
            }
            let (q, m) = a.div_mod_floor(b);
            if op == Mod {
                m
            } else {
                q
            }
        }
        TrueDiv => {
            return match big_true_div(a, b) {
                Some(f) => crate::objects::float::new(f),
                None => Value::NULL,
            }
        }
        LShift => {
            if b.is_negative() {
                return errors::value_error("negative shift count");
            }
            if a.is_zero() {
                return Value::from_small(0);
            }
            let Some(s) = b.to_usize().filter(|s| *s < (1 << 40)) else {
                // CPython: a result whose 15-bit digits a signed word cannot count is
                // OverflowError; a smaller one fails to allocate.
                let digits = b / BigInt::from(15);
                return if digits < BigInt::from((i64::MAX - 24) / 4) {
                    errors::no_memory()
                } else {
                    errors::overflow_error("too many digits in integer")
                };
            };
            a << s
        }
        RShift => {
            if b.is_negative() {
                return errors::value_error("negative shift count");
            }
            match b.to_usize() {
                Some(s) => a >> s,
                None => {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        Pow => {
            if b.is_negative() {
                let (Some(x), Some(y)) = (to_f64_big(a), to_f64_big(b)) else {
                    return Value::NULL;
                };
                if x == 0.0 {
                    return errors::zero_division("0.0 cannot be raised to a negative power");
                }
                return crate::objects::float::new(x.powf(y));
            }
            if a.is_zero() || a.is_one() {
                return from_big(a.clone());
            }
            if *a == BigInt::from(-1) {
                return from_i64(if b.is_odd() { -1 } else { 1 });
            }
            let Some(e) = b.to_u32().filter(|e| (*e as u64) * a.bits() < (1 << 36)) else {
                return errors::no_memory();
            };
            num_traits::pow(a.clone(), e as usize)
        }
        MatMul => return Value::NULL,
    };
    from_big(r)
}

fn to_f64_big(a: &BigInt) -> Option<f64> {
    match a.to_f64() {
        Some(f) if f.is_finite() => Some(f),
        _ => {
            errors::overflow_error("int too large to convert to float");
            None
        }
    }
}

pub fn neg(v: Value) -> Value {
    match as_i64(v) {
        Some(i) if i != i64::MIN => from_i64(-i),
        _ => from_big(-to_big(v)),
    }
}

pub fn invert(v: Value) -> Value {
    match as_i64(v) {
        Some(i) => from_i64(!i),
        None => from_big(!to_big(v)),
    }
}

pub fn abs(v: Value) -> Value {
    match as_i64(v) {
        Some(i) if i != i64::MIN => from_i64(i.abs()),
        _ => from_big(to_big(v).abs()),
    }
}

pub fn compare(a: Value, b: Value) -> std::cmp::Ordering {
    if let (Some(x), Some(y)) = (as_i64(a), as_i64(b)) {
        return x.cmp(&y);
    }
    let (mut ba, mut bb) = ([0u32; 2], [0u32; 2]);
    let (na, ma) = operand(a, &mut ba);
    let (nb, mb) = operand(b, &mut bb);
    match (na, nb) {
        (false, true) => std::cmp::Ordering::Greater,
        (true, false) => std::cmp::Ordering::Less,
        (false, false) => magnitude::cmp(ma, mb),
        (true, true) => magnitude::cmp(mb, ma),
    }
}

pub fn is_zero(v: Value) -> bool {
    as_i64(v) == Some(0)
}

pub fn sign(v: Value) -> Sign {
    to_big(v).sign()
}

// ---- methods ---------------------------------------------------------------------------------

use crate::objects::builtin_function::{self, add_method, parse_kw, NativeFn};

fn m_bit_length(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("bit_length", a, k, 0, 0) {
        return Value::NULL;
    }
    from_i64(to_big(a[0]).bits() as i64)
}

fn m_bit_count(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("bit_count", a, k, 0, 0) {
        return Value::NULL;
    }
    let b = to_big(a[0]).abs();
    let n: u64 = b
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    from_i64(n as i64)
}

fn byteorder(v: Value) -> Option<bool> {
    if v.is_null() {
        return Some(false);
    }
    if !crate::objects::str::is_str(v) {
        errors::type_error(&format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            type_name_of(v)
        ));
        return None;
    }
    match crate::objects::str::as_str(v) {
        "big" => Some(false),
        "little" => Some(true),
        _ => {
            errors::value_error("byteorder must be either 'little' or 'big'");
            None
        }
    }
}

fn m_to_bytes(a: &[Value], k: Value) -> Value {
    let Some(p) = parse_kw(
        "to_bytes",
        &a[1..],
        k,
        &["length", "byteorder", "signed"],
        // Both were required up to 3.10.
        if crate::sys::bytecode_version() < (3, 11) {
            2
        } else {
            0
        },
    ) else {
        return Value::NULL;
    };
    let length = if p[0].is_null() {
        1
    } else {
        match index_value(p[0], "length") {
            Some(n) => n,
            None => return Value::NULL,
        }
    };
    if length < 0 {
        return errors::value_error("length argument must be non-negative");
    }
    let Some(little) = byteorder(p[1]) else {
        return Value::NULL;
    };
    let signed = !p[2].is_null() && crate::ops::truthy(p[2]) == 1;
    let v = to_big(a[0]);
    if v.is_negative() && !signed {
        return errors::overflow_error("can't convert negative int to unsigned");
    }
    let mut bytes = if v.is_zero() {
        vec![]
    } else if signed {
        v.to_signed_bytes_le()
    } else {
        v.to_bytes_le().1
    };
    let pad = if v.is_negative() { 0xff } else { 0 };
    if bytes.len() > length as usize {
        return errors::overflow_error("int too big to convert");
    }
    bytes.resize(length as usize, pad);
    if !little {
        bytes.reverse();
    }
    crate::objects::bytes::new(&bytes)
}

fn m_from_bytes(a: &[Value], k: Value) -> Value {
    let Some(p) = parse_kw(
        "from_bytes",
        &a[1..],
        k,
        &["bytes", "byteorder", "signed"],
        if crate::sys::bytecode_version() < (3, 11) {
            2
        } else {
            1
        },
    ) else {
        return Value::NULL;
    };
    let data: Vec<u8> = if crate::objects::bytes::is_bytes_like(p[0]) {
        crate::objects::bytes::data(p[0]).to_vec()
    } else {
        let Some(items) = crate::ops::collect(p[0]) else {
            return Value::NULL;
        };
        let mut out = Vec::new();
        for x in items {
            match as_i64(x) {
                Some(b) if (0..256).contains(&b) => out.push(b as u8),
                _ => return errors::value_error("bytes must be in range(0, 256)"),
            }
        }
        out
    };
    let Some(little) = byteorder(p[1]) else {
        return Value::NULL;
    };
    let signed = !p[2].is_null() && crate::ops::truthy(p[2]) == 1;
    let mut d = data;
    if !little {
        d.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&d)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &d)
    };
    let r = from_big(v);
    let cls = a[0];
    if cls == Value::from_ptr(types().int) {
        return r;
    }
    crate::ops::call(cls, &[r], Value::NULL)
}

fn m_as_integer_ratio(a: &[Value], _k: Value) -> Value {
    crate::objects::tuple::new(&[from_big(to_big(a[0])), Value::from_small(1)])
}

fn m_conjugate(a: &[Value], _k: Value) -> Value {
    from_big(to_big(a[0]))
}

fn g_imag(_a: &[Value], _k: Value) -> Value {
    Value::from_small(0)
}

fn g_one(_a: &[Value], _k: Value) -> Value {
    Value::from_small(1)
}

fn m_round(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__round__", a, k, 0, 1) {
        return Value::NULL;
    }
    crate::builtins::extra::round_int(
        a[0],
        if a.len() > 1 && a[1] != crate::object::none() {
            a[1]
        } else {
            Value::NULL
        },
    )
}

fn m_sizeof(a: &[Value], _k: Value) -> Value {
    let b = to_big(a[0]);
    let digits = b.bits().div_ceil(30).max(1) as i64;
    from_i64(24 + 4 * digits - if is_zero(a[0]) { 4 } else { 0 })
}

pub fn init_methods() {
    let t = types().int;
    let m: &[(&str, NativeFn)] = &[
        ("bit_length", m_bit_length),
        ("bit_count", m_bit_count),
        ("to_bytes", m_to_bytes),
        ("as_integer_ratio", m_as_integer_ratio),
        ("conjugate", m_conjugate),
        ("__trunc__", m_conjugate),
        ("__floor__", m_conjugate),
        ("__ceil__", m_conjugate),
        ("__round__", m_round),
        ("__sizeof__", m_sizeof),
    ];
    for (n, f) in m {
        add_method(t, n, *f);
    }
    builtin_function::add_classmethod(t, "from_bytes", m_from_bytes);
    crate::objects::descriptor::add_getter(t, "real", m_conjugate);
    crate::objects::descriptor::add_getter(t, "imag", g_imag);
    crate::objects::descriptor::add_getter(t, "numerator", m_conjugate);
    crate::objects::descriptor::add_getter(t, "denominator", g_one);
}

/// ZeroDivisionError's message for `%` and `divmod`: 3.11 split it from floor division's.
fn modulo_by_zero_message() -> &'static str {
    if crate::sys::bytecode_version() < (3, 11) {
        "integer division or modulo by zero"
    } else {
        "integer modulo by zero"
    }
}
