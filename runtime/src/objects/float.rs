//! `float`: a boxed IEEE double, with CPython's arithmetic, hashing and repr.

use crate::errors;
use crate::object::{alloc_atomic_object, kind_of, types, Kind};
use crate::objects::int::{self, BinOp};
use crate::value::{Header, Value};

#[repr(C)]
pub struct FloatObject {
    pub header: Header,
    pub v: f64,
}

#[inline]
pub fn new(f: f64) -> Value {
    let v = alloc_atomic_object(types().float, std::mem::size_of::<FloatObject>());
    if !v.is_null() {
        unsafe { (*v.ptr::<FloatObject>()).v = f };
    }
    v
}

#[inline]
pub fn value(v: Value) -> f64 {
    unsafe { (*v.ptr::<FloatObject>()).v }
}

pub fn is_float(v: Value) -> bool {
    !v.is_small() && kind_of(v) == Kind::Float
}

/// The value of a float, int or bool as f64 (None with OverflowError for huge ints, or None
/// without an exception when `v` is not a number).
pub fn coerce(v: Value) -> Option<f64> {
    if is_float(v) {
        Some(value(v))
    } else if int::is_int(v) {
        int::to_f64(v)
    } else {
        None
    }
}

pub fn repr(v: Value) -> Value {
    crate::objects::str::new(&crate::format::float_repr(value(v)))
}

/// CPython's `_Py_HashDouble`, so that equal ints and floats hash alike.
pub fn hash_f64(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    if x == x.trunc() && x.abs() < 9.2e18 {
        return int::hash_i64(x as i64);
    }
    let modulus = int::HASH_MODULUS;
    let (mut m, mut e) = frexp(x);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & modulus) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= modulus {
            h -= modulus;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    h = ((h << e) & modulus) | (h >> (61 - e));
    let r = h as i64 * sign;
    if r == -1 {
        -2
    } else {
        r
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// Python's float `%` result sign convention.
pub fn py_mod(x: f64, y: f64) -> f64 {
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    m
}

pub fn py_floordiv(x: f64, y: f64) -> f64 {
    let m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    }
}

/// A float operation where both operands coerce to f64. Null with an exception on error.
pub fn binary(x: f64, y: f64, op: BinOp) -> Value {
    use BinOp::*;
    let r = match op {
        Add => x + y,
        Sub => x - y,
        Mul => x * y,
        TrueDiv => {
            if y == 0.0 {
                return errors::zero_division("float division by zero");
            }
            x / y
        }
        FloorDiv => {
            if y == 0.0 {
                return errors::zero_division("float floor division by zero");
            }
            py_floordiv(x, y)
        }
        Mod => {
            if y == 0.0 {
                return errors::zero_division("float modulo");
            }
            py_mod(x, y)
        }
        Pow => return pow(x, y),
        _ => return Value::NULL,
    };
    new(r)
}

pub fn pow(x: f64, y: f64) -> Value {
    if x == 0.0 && y < 0.0 {
        return errors::zero_division("0.0 cannot be raised to a negative power");
    }
    if x < 0.0 && y != y.trunc() && y.is_finite() {
        return errors::value_error("negative number cannot be raised to a fractional power");
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return errors::overflow_error("(34, 'Numerical result out of range')");
    }
    new(r)
}

pub fn divmod(x: f64, y: f64) -> Option<(f64, f64)> {
    if y == 0.0 {
        errors::zero_division("float divmod()");
        return None;
    }
    Some((py_floordiv(x, y), py_mod(x, y)))
}

/// Compares a float with an int exactly (no rounding of the int).
pub fn compare_with_int(x: f64, i: Value) -> Option<std::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if let Some(n) = int::as_i64(i) {
        if n.unsigned_abs() < (1u64 << 53) {
            return x.partial_cmp(&(n as f64));
        }
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        });
    }
    let b = int::to_big(i);
    let fl = x.floor();
    let fb = num_bigint::BigInt::from(fl as i128);
    let fb = if fl.abs() < 1.7e38 {
        fb
    } else {
        big_from_f64(fl)
    };
    match fb.cmp(&b) {
        std::cmp::Ordering::Equal => Some(if x > fl {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }),
        o => Some(o),
    }
}

/// An integral float as a big integer.
pub fn big_from_f64(x: f64) -> num_bigint::BigInt {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut b = num_bigint::BigInt::from(mant);
    if exp > 0 {
        b <<= exp as usize;
    } else {
        b >>= (-exp) as usize;
    }
    if x < 0.0 {
        -b
    } else {
        b
    }
}

/// `int(x)` for a float: truncation, with Python's errors for inf and nan.
pub fn to_int(x: f64) -> Value {
    if x.is_nan() {
        return errors::value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return errors::overflow_error("cannot convert float infinity to integer");
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return int::from_i64(t as i64);
    }
    int::from_big(big_from_f64(t))
}

// ---- methods ---------------------------------------------------------------------------------

use crate::objects::builtin_function::{self, add_method, NativeFn};

fn m_is_integer(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("is_integer", a, k, 0, 0) {
        return Value::NULL;
    }
    let x = value(a[0]);
    crate::object::bool_value(x.is_finite() && x == x.trunc())
}

/// `float.hex()`.
pub fn hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let es = if e >= 0 {
        format!("+{e}")
    } else {
        e.to_string()
    };
    format!("{sign}0x{lead}.{mant:013x}p{es}")
}

/// `float.fromhex(s)`; None for a malformed string.
pub fn fromhex(s: &str) -> Option<f64> {
    let t = s.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let signed = |v: f64| if neg { -v } else { v };
    match lower.as_str() {
        "inf" | "infinity" => return Some(signed(f64::INFINITY)),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.find('p') {
        Some(i) => (&body[..i], body[i + 1..].parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return None;
    }
    let mut digits = num_bigint::BigInt::from(0);
    for c in ip.chars().chain(fp.chars()) {
        let d = c.to_digit(16)?;
        digits = digits * 16 + d;
    }
    let e2 = exp - 4 * fp.len() as i64;
    let f = crate::objects::int::from_big(digits);
    let mag = crate::objects::int::to_f64(f)?;
    let r = libm_ldexp(mag, e2);
    if r.is_infinite() {
        crate::errors::overflow_error("hexadecimal value too large to represent as a float");
        return None;
    }
    Some(signed(r))
}

fn libm_ldexp(x: f64, e: i64) -> f64 {
    let mut r = x;
    let mut e = e;
    while e > 1000 {
        r *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        r *= 2f64.powi(-1000);
        e += 1000;
    }
    r * 2f64.powi(e as i32)
}

fn m_hex(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("hex", a, k, 0, 0) {
        return Value::NULL;
    }
    crate::objects::str::new(&hex(value(a[0])))
}

fn m_fromhex(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("fromhex", a, k, 1, 1) {
        return Value::NULL;
    }
    if !crate::objects::str::is_str(a[1]) {
        return errors::type_error(&format!(
            "must be str, not {}",
            crate::object::type_name_of(a[1])
        ));
    }
    let Some(x) = fromhex(crate::objects::str::as_str(a[1])) else {
        if errors::occurred() {
            return Value::NULL;
        }
        return errors::value_error("invalid hexadecimal floating-point string");
    };
    let r = new(x);
    if a[0] == Value::from_ptr(types().float) {
        return r;
    }
    crate::ops::call(a[0], &[r], Value::NULL)
}

fn m_as_integer_ratio(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("as_integer_ratio", a, k, 0, 0) {
        return Value::NULL;
    }
    let x = value(a[0]);
    if x.is_infinite() {
        return errors::overflow_error("cannot convert Infinity to integer ratio");
    }
    if x.is_nan() {
        return errors::value_error("cannot convert NaN to integer ratio");
    }
    let (m, e) = frexp(x);
    // m * 2**e with m in [0.5, 1): scale the mantissa to an integer.
    let mut mant = m;
    let mut exp = e as i64;
    for _ in 0..300 {
        if mant == mant.floor() {
            break;
        }
        mant *= 2.0;
        exp -= 1;
    }
    let mut num = big_from_f64(mant);
    let mut den = num_bigint::BigInt::from(1);
    if exp > 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    use num_integer::Integer;
    let g = num.gcd(&den);
    let (num, den) = (num / &g, den / &g);
    crate::objects::tuple::new(&[
        crate::objects::int::from_big(num),
        crate::objects::int::from_big(den),
    ])
}

fn m_conjugate(a: &[Value], _k: Value) -> Value {
    new(value(a[0]))
}

fn g_imag(_a: &[Value], _k: Value) -> Value {
    new(0.0)
}

fn m_trunc(a: &[Value], _k: Value) -> Value {
    to_int(value(a[0]))
}

fn m_floor(a: &[Value], _k: Value) -> Value {
    to_int(value(a[0]).floor())
}

fn m_ceil(a: &[Value], _k: Value) -> Value {
    to_int(value(a[0]).ceil())
}

fn m_round(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__round__", a, k, 0, 1) {
        return Value::NULL;
    }
    crate::builtins::extra::round_float(
        value(a[0]),
        if a.len() > 1 && a[1] != crate::object::none() {
            a[1]
        } else {
            Value::NULL
        },
    )
}

pub fn init_methods() {
    let t = types().float;
    let m: &[(&str, NativeFn)] = &[
        ("is_integer", m_is_integer),
        ("hex", m_hex),
        ("as_integer_ratio", m_as_integer_ratio),
        ("conjugate", m_conjugate),
        ("__trunc__", m_trunc),
        ("__floor__", m_floor),
        ("__ceil__", m_ceil),
        ("__round__", m_round),
    ];
    for (n, f) in m {
        add_method(t, n, *f);
    }
    builtin_function::add_classmethod(t, "fromhex", m_fromhex);
    crate::objects::descriptor::add_getter(t, "real", m_conjugate);
    crate::objects::descriptor::add_getter(t, "imag", g_imag);
}
