//! `math`: the functions of CPython's `Modules/mathmodule.c`, on the same C library functions
//! (through Rust's `f64`, which calls the platform's libm) so results agree bit for bit, with
//! CPython's errors: "math domain error" (ValueError) and "math range error" (OverflowError).

use crate::errors;
use crate::object::{bool_value, exc_types, type_name_of};
use crate::objects::{float, int, str as pystr};
use crate::ops;
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

extern "C" {
    fn tgamma(x: f64) -> f64;
    fn lgamma(x: f64) -> f64;
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn cbrt(x: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
    fn remainder(x: f64, y: f64) -> f64;
}

/// A float argument: a float, an int, or an object with `__float__` (or `__index__`).
pub fn float_arg(v: Value) -> Option<f64> {
    if float::is_float(v) {
        return Some(float::value(v));
    }
    if int::is_int(v) {
        return int::to_f64(v);
    }
    for dunder in ["__float__", "__index__"] {
        let r = ops::call_dunder(v, dunder, &[]);
        if !r.is_null() {
            return float_arg(r);
        }
        if errors::occurred() {
            return None;
        }
    }
    errors::type_error(&format!("must be real number, not {}", type_name_of(v)));
    None
}

fn domain_error() -> Value {
    errors::value_error("math domain error")
}

/// A domain error, worded as the bytecode's version words it: 3.14 says what it expected
/// (`msg14`, where `{x}` is the argument's repr); earlier versions "math domain error".
fn domain_error_for(msg14: &str, x: f64) -> Value {
    if msg14.is_empty() || crate::sys::bytecode_version() < (3, 14) {
        return domain_error();
    }
    errors::value_error(&msg14.replace("{x}", &crate::format::float_repr(x)))
}

fn range_error() -> Value {
    errors::raise_msg(exc_types().overflow_error, "math range error")
}

/// CPython's `math_1`: NaN from a non-NaN argument is a domain error, an infinity from a
/// finite one a range error (or a domain error for functions with poles, `can_overflow` false).
fn math_1(
    args: &[Value],
    kw: Value,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
    msg14: &str,
) -> Value {
    if !super::check_plain(name, args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(x) = float_arg(args[0]) else {
        return Value::NULL;
    };
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return domain_error_for(msg14, x);
    }
    if r.is_infinite() && x.is_finite() {
        return if can_overflow {
            range_error()
        } else {
            domain_error_for(msg14, x)
        };
    }
    float::new(r)
}

macro_rules! unary {
    ($fname:ident, $py:literal, $f:expr, $overflow:expr) => {
        unary!($fname, $py, $f, $overflow, "");
    };
    ($fname:ident, $py:literal, $f:expr, $overflow:expr, $msg14:expr) => {
        fn $fname(args: &[Value], kw: Value) -> Value {
            math_1(args, kw, $py, $f, $overflow, $msg14)
        }
    };
}

const FINITE: &str = "expected a finite input, got {x}";
const UNIT_RANGE: &str = "expected a number in range from -1 up to 1, got {x}";

unary!(m_acos, "acos", f64::acos, false, UNIT_RANGE);
unary!(
    m_acosh,
    "acosh",
    f64::acosh,
    false,
    "expected argument value not less than 1, got {x}"
);
unary!(m_asin, "asin", f64::asin, false, UNIT_RANGE);
unary!(m_asinh, "asinh", f64::asinh, false);
unary!(m_atan, "atan", f64::atan, false);
unary!(
    m_atanh,
    "atanh",
    f64::atanh,
    false,
    "expected a number between -1 and 1, got {x}"
);
unary!(m_cbrt, "cbrt", |x| unsafe { cbrt(x) }, false);
unary!(m_cos, "cos", f64::cos, false, FINITE);
unary!(m_cosh, "cosh", f64::cosh, true);
unary!(m_erf, "erf", |x| unsafe { erf(x) }, false);
unary!(m_erfc, "erfc", |x| unsafe { erfc(x) }, false);
unary!(m_exp, "exp", f64::exp, true);
unary!(m_exp2, "exp2", f64::exp2, true);
unary!(m_expm1, "expm1", f64::exp_m1, true);
unary!(m_fabs, "fabs", f64::abs, false);
unary!(m_sin, "sin", f64::sin, false, FINITE);
unary!(m_sinh, "sinh", f64::sinh, true);
unary!(
    m_sqrt,
    "sqrt",
    f64::sqrt,
    false,
    "expected a nonnegative input, got {x}"
);
unary!(m_tan, "tan", f64::tan, false, FINITE);
unary!(m_tanh, "tanh", f64::tanh, false);
unary!(
    m_degrees,
    "degrees",
    |x| x * (180.0 / std::f64::consts::PI),
    true
);
unary!(
    m_radians,
    "radians",
    |x| x * (std::f64::consts::PI / 180.0),
    true
);

const GAMMA_POLE: &str = "expected a noninteger or positive integer, got {x}";

fn m_gamma(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("gamma", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(x) = float_arg(args[0]) else {
        return Value::NULL;
    };
    if x.is_nan() {
        return float::new(x);
    }
    if x == f64::NEG_INFINITY || (x <= 0.0 && x == x.floor()) {
        return domain_error_for(GAMMA_POLE, x);
    }
    let r = unsafe { tgamma(x) };
    if r.is_infinite() && x.is_finite() {
        return range_error();
    }
    float::new(r)
}

fn m_lgamma(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("lgamma", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(x) = float_arg(args[0]) else {
        return Value::NULL;
    };
    if x.is_nan() || x.is_infinite() {
        return float::new(x.abs());
    }
    if x <= 0.0 && x == x.floor() {
        return domain_error_for(GAMMA_POLE, x);
    }
    let r = unsafe { lgamma(x) };
    if r.is_infinite() {
        return range_error();
    }
    float::new(r)
}

/// An int too large for a float as `m * 2**e`, `m` in [0.5, 1) (as CPython's `_PyLong_Frexp`).
fn big_frexp(b: &BigInt) -> (f64, u64) {
    let bits = b.bits();
    let shift = bits.saturating_sub(62);
    let top = (b >> shift).to_f64().unwrap_or(f64::NAN);
    (top / 2f64.powi((bits - shift) as i32), bits)
}

/// `f(v)` for a logarithm `f` (`ln`, `log2`, `log10`), with ints of any size (CPython's
/// `loghelper`: `f(m) + e * f(2)` for an int past the float range) and its domain errors.
fn log_with(v: Value, f: fn(f64) -> f64) -> Option<f64> {
    if int::is_int(v) && !float::is_float(v) {
        let b = int::to_big(v);
        if !b.is_positive() {
            domain_error_for("expected a positive input", 0.0);
            return None;
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Some(f(x));
        }
        let (m, e) = big_frexp(&b);
        return Some(f(m) + e as f64 * f(2.0));
    }
    let x = float_arg(v)?;
    if x.is_nan() || x == f64::INFINITY {
        return Some(x);
    }
    if x <= 0.0 {
        domain_error_for("expected a positive input, got {x}", x);
        return None;
    }
    Some(f(x))
}

fn log_of(v: Value) -> Option<f64> {
    log_with(v, f64::ln)
}

fn m_log(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("log", args, kw, 1, 2) {
        return Value::NULL;
    }
    let Some(num) = log_of(args[0]) else {
        return Value::NULL;
    };
    if args.len() == 2 {
        let Some(den) = log_of(args[1]) else {
            return Value::NULL;
        };
        if den == 0.0 {
            return errors::zero_division("float division by zero");
        }
        return float::new(num / den);
    }
    float::new(num)
}

fn m_log2(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("log2", args, kw, 1, 1) {
        return Value::NULL;
    }
    log_with(args[0], f64::log2).map_or(Value::NULL, float::new)
}

fn m_log10(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("log10", args, kw, 1, 1) {
        return Value::NULL;
    }
    log_with(args[0], f64::log10).map_or(Value::NULL, float::new)
}

fn m_log1p(args: &[Value], kw: Value) -> Value {
    math_1(
        args,
        kw,
        "log1p",
        f64::ln_1p,
        false,
        "expected argument value > -1, got {x}",
    )
}

fn two_floats(name: &str, args: &[Value], kw: Value) -> Option<(f64, f64)> {
    if !super::check_plain(name, args, kw, 2, 2) {
        return None;
    }
    Some((float_arg(args[0])?, float_arg(args[1])?))
}

fn m_atan2(args: &[Value], kw: Value) -> Value {
    match two_floats("atan2", args, kw) {
        Some((y, x)) => float::new(y.atan2(x)),
        None => Value::NULL,
    }
}

fn m_copysign(args: &[Value], kw: Value) -> Value {
    match two_floats("copysign", args, kw) {
        Some((x, y)) => float::new(x.copysign(y)),
        None => Value::NULL,
    }
}

fn m_fmod(args: &[Value], kw: Value) -> Value {
    let Some((x, y)) = two_floats("fmod", args, kw) else {
        return Value::NULL;
    };
    if y.is_infinite() && x.is_finite() {
        return float::new(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return domain_error();
    }
    float::new(r)
}

fn m_remainder(args: &[Value], kw: Value) -> Value {
    let Some((x, y)) = two_floats("remainder", args, kw) else {
        return Value::NULL;
    };
    if x.is_nan() || y.is_nan() {
        return float::new(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return domain_error();
    }
    float::new(unsafe { remainder(x, y) })
}

fn m_pow(args: &[Value], kw: Value) -> Value {
    let Some((x, y)) = two_floats("pow", args, kw) else {
        return Value::NULL;
    };
    // C99 special cases as CPython applies them.
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return domain_error();
    }
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return domain_error();
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return range_error();
    }
    float::new(r)
}

fn m_hypot(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("hypot", args, kw, 0, usize::MAX) {
        return Value::NULL;
    }
    let mut xs = Vec::with_capacity(args.len());
    for a in args {
        match float_arg(*a) {
            Some(x) => xs.push(x),
            None => return Value::NULL,
        }
    }
    float::new(vector_norm(&xs))
}

/// The Euclidean norm, infinities first, then NaN, then the square root of the exact sum of
/// squares, correctly rounded (what CPython 3.10+'s `vector_norm` achieves by compensated
/// sums); 3.8 and 3.9 scale by the largest and sum with one compensation term.
fn vector_norm(xs: &[f64]) -> f64 {
    if xs.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if xs.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if crate::sys::bytecode_version() < (3, 10) {
        let max = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        if max == 0.0 || xs.len() <= 1 {
            return max;
        }
        let (mut csum, mut frac) = (1.0f64, 0.0f64);
        for x in xs {
            let x = x / max;
            let x = x * x;
            let old = csum;
            csum += x;
            frac += (old - csum) + x;
        }
        return max * (csum - 1.0 + frac).sqrt();
    }
    // Each x = mant * 2**exp exactly; the squares summed as one integer times 2**low.
    let parts: Vec<(u64, i32)> = xs
        .iter()
        .filter(|x| **x != 0.0)
        .map(|x| {
            let bits = x.abs().to_bits();
            let exp = ((bits >> 52) & 0x7ff) as i32;
            let frac = bits & ((1u64 << 52) - 1);
            if exp == 0 {
                (frac, -1074)
            } else {
                (frac | (1u64 << 52), exp - 1075)
            }
        })
        .collect();
    if parts.is_empty() {
        return 0.0;
    }
    let mut low = parts.iter().map(|(_, e)| 2 * e).min().unwrap_or(0);
    let mut sum = BigInt::zero();
    for (m, e) in &parts {
        sum += (BigInt::from(*m) * BigInt::from(*m)) << ((2 * e - low) as u32);
    }
    if low % 2 != 0 {
        sum <<= 1u32;
        low -= 1;
    }
    // sqrt(sum) with at least 55 significant bits, then round half to even to 53.
    let want = 110u64;
    let extra = want.saturating_sub(sum.bits()).div_ceil(2) * 2 + 2;
    let scaled = &sum << extra;
    let root = scaled.sqrt();
    let exact = &root * &root == scaled;
    let root_bits = root.bits();
    let drop = root_bits.saturating_sub(53);
    let mut mant = (&root >> drop).to_u64().unwrap_or(0);
    if drop > 0 {
        let rem = &root - (BigInt::from(mant) << drop);
        let half = BigInt::one() << (drop - 1);
        if rem > half || (rem == half && (!exact || mant & 1 == 1)) {
            mant += 1;
        }
    }
    let exp2 = drop as i64 + low as i64 / 2 - (extra / 2) as i64;
    let mut r = mant as f64;
    let mut k = exp2;
    while k > 1000 {
        r *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        r *= 2f64.powi(-1000);
        k += 1000;
    }
    r * 2f64.powi(k as i32)
}

fn m_dist(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("dist", args, kw, 2, 2) {
        return Value::NULL;
    }
    let (Some(p), Some(q)) = (ops::collect(args[0]), ops::collect(args[1])) else {
        return Value::NULL;
    };
    if p.len() != q.len() {
        return errors::value_error("both points must have the same number of dimensions");
    }
    let mut d = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        match (float_arg(*a), float_arg(*b)) {
            (Some(a), Some(b)) => d.push((a - b).abs()),
            _ => return Value::NULL,
        }
    }
    float::new(vector_norm(&d))
}

/// An integral result of floor/ceil/trunc: an int, exact for any float.
fn int_of_float(x: f64) -> Value {
    if x.is_nan() {
        return errors::value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return errors::raise_msg(
            exc_types().overflow_error,
            "cannot convert float infinity to integer",
        );
    }
    if x.abs() < 9.0e18 {
        return int::from_i64(x as i64);
    }
    match num_bigint::BigInt::from_f64_exact(x) {
        Some(b) => int::from_big(b),
        None => errors::value_error("cannot convert float to integer"),
    }
}

trait FromF64Exact: Sized {
    fn from_f64_exact(x: f64) -> Option<Self>;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(x: f64) -> Option<BigInt> {
        num_traits::FromPrimitive::from_f64(x)
    }
}

fn rounding(args: &[Value], kw: Value, name: &str, dunder: &str, f: fn(f64) -> f64) -> Value {
    if !super::check_plain(name, args, kw, 1, 1) {
        return Value::NULL;
    }
    let v = args[0];
    if int::is_int(v) && !float::is_float(v) {
        return if crate::object::kind_of(v) == crate::object::Kind::Bool {
            int::from_i64(int::as_i64(v).unwrap_or(0))
        } else {
            v
        };
    }
    if !float::is_float(v) {
        let r = ops::call_dunder(v, dunder, &[]);
        if !r.is_null() || errors::occurred() {
            return r;
        }
    }
    match float_arg(v) {
        Some(x) => int_of_float(f(x)),
        None => Value::NULL,
    }
}

fn m_floor(args: &[Value], kw: Value) -> Value {
    rounding(args, kw, "floor", "__floor__", f64::floor)
}

fn m_ceil(args: &[Value], kw: Value) -> Value {
    rounding(args, kw, "ceil", "__ceil__", f64::ceil)
}

fn m_trunc(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("trunc", args, kw, 1, 1) {
        return Value::NULL;
    }
    if !float::is_float(args[0]) && !int::is_int(args[0]) {
        let r = ops::call_dunder(args[0], "__trunc__", &[]);
        if !r.is_null() || errors::occurred() {
            return r;
        }
        return errors::type_error(&format!(
            "type {} doesn't define __trunc__ method",
            type_name_of(args[0])
        ));
    }
    rounding(args, kw, "trunc", "__trunc__", f64::trunc)
}

fn m_modf(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("modf", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(x) = float_arg(args[0]) else {
        return Value::NULL;
    };
    if x.is_infinite() {
        return crate::objects::tuple::new(&[float::new(0.0f64.copysign(x)), float::new(x)]);
    }
    let i = x.trunc();
    crate::objects::tuple::new(&[float::new((x - i).copysign(x)), float::new(i)])
}

fn m_frexp(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("frexp", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(x) = float_arg(args[0]) else {
        return Value::NULL;
    };
    if x == 0.0 || x.is_nan() || x.is_infinite() {
        return crate::objects::tuple::new(&[float::new(x), Value::from_small(0)]);
    }
    let (mut m, mut e) = (x, 0i64);
    // Normalize subnormals first, then read the exponent bits.
    if m.abs() < f64::MIN_POSITIVE {
        m *= 2f64.powi(54);
        e -= 54;
    }
    let bits = m.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    e += exp - 1022;
    let mant = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    crate::objects::tuple::new(&[float::new(mant), Value::from_small(e)])
}

fn m_ldexp(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("ldexp", args, kw, 2, 2) {
        return Value::NULL;
    }
    let Some(x) = float_arg(args[0]) else {
        return Value::NULL;
    };
    if !int::is_int(args[1]) || float::is_float(args[1]) {
        return errors::type_error("Expected an int as second argument to ldexp.");
    }
    let e = int::to_big(args[1])
        .to_i64()
        .unwrap_or(if int::to_big(args[1]).is_negative() {
            i64::MIN
        } else {
            i64::MAX
        });
    if x == 0.0 || !x.is_finite() {
        return float::new(x);
    }
    let e = e.clamp(-2200, 2200) as i32;
    // Scale in steps that cannot overflow or lose bits early.
    let mut r = x;
    let mut k = e;
    while k > 1000 {
        r *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        r *= 2f64.powi(-1000);
        k += 1000;
    }
    r *= 2f64.powi(k);
    if r.is_infinite() {
        return range_error();
    }
    float::new(r)
}

fn predicate(args: &[Value], kw: Value, name: &str, f: fn(f64) -> bool) -> Value {
    if !super::check_plain(name, args, kw, 1, 1) {
        return Value::NULL;
    }
    match float_arg(args[0]) {
        Some(x) => bool_value(f(x)),
        None => Value::NULL,
    }
}

fn m_isnan(args: &[Value], kw: Value) -> Value {
    predicate(args, kw, "isnan", f64::is_nan)
}

fn m_isinf(args: &[Value], kw: Value) -> Value {
    predicate(args, kw, "isinf", f64::is_infinite)
}

fn m_isfinite(args: &[Value], kw: Value) -> Value {
    predicate(args, kw, "isfinite", f64::is_finite)
}

fn m_isclose(args: &[Value], kw: Value) -> Value {
    let Some(p) = crate::objects::builtin_function::parse_kw(
        "isclose",
        args,
        kw,
        &["a", "b", "rel_tol", "abs_tol"],
        2,
    ) else {
        return Value::NULL;
    };
    let (Some(a), Some(b)) = (float_arg(p[0]), float_arg(p[1])) else {
        return Value::NULL;
    };
    let rel = if p[2].is_null() {
        Some(1e-9)
    } else {
        float_arg(p[2])
    };
    let abs = if p[3].is_null() {
        Some(0.0)
    } else {
        float_arg(p[3])
    };
    let (Some(rel), Some(abs)) = (rel, abs) else {
        return Value::NULL;
    };
    if rel < 0.0 || abs < 0.0 {
        return errors::value_error("tolerances must be non-negative");
    }
    if a == b {
        return bool_value(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return bool_value(false);
    }
    let diff = (b - a).abs();
    bool_value(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs)
}

/// Shewchuk's exact summation of floats, rounded once at the end (CPython's `math_fsum`).
fn m_fsum(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("fsum", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(items) = ops::collect(args[0]) else {
        return Value::NULL;
    };
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    for v in items {
        let Some(mut x) = float_arg(v) else {
            return Value::NULL;
        };
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x.is_infinite() {
            return errors::raise_msg(exc_types().overflow_error, "intermediate overflow in fsum");
        }
        partials.push(x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return errors::value_error("-inf + inf in fsum");
        }
        return float::new(special);
    }
    let mut hi = 0.0f64;
    if let Some(last) = partials.pop() {
        hi = last;
        let mut lo = 0.0;
        while let Some(y) = partials.pop() {
            let x = hi;
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half to even across the remaining partials.
        if let Some(&next) = partials.last() {
            if (lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0) {
                let y = lo * 2.0;
                let x = hi + y;
                if y == x - hi {
                    hi = x;
                }
            }
        }
    }
    float::new(hi)
}

/// An int argument for the integer functions (`__index__` accepted), as a BigInt.
fn int_arg(v: Value, name: &str) -> Option<BigInt> {
    if int::is_int(v) && !float::is_float(v) {
        return Some(int::to_big(v));
    }
    let r = ops::call_dunder(v, "__index__", &[]);
    if !r.is_null() && int::is_int(r) {
        return Some(int::to_big(r));
    }
    if !errors::occurred() {
        errors::type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            type_name_of(v)
        ));
    }
    let _ = name;
    None
}

fn m_factorial(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("factorial", args, kw, 1, 1) {
        return Value::NULL;
    }
    let n = if float::is_float(args[0]) {
        // Before 3.10 an integral float was accepted.
        let x = float::value(args[0]);
        if crate::sys::bytecode_version() >= (3, 10) {
            return errors::type_error("'float' object cannot be interpreted as an integer");
        }
        if x != x.floor() || !x.is_finite() {
            return errors::value_error("factorial() only accepts integral values");
        }
        match BigInt::from_f64_exact(x) {
            Some(b) => b,
            None => return errors::value_error("factorial() only accepts integral values"),
        }
    } else {
        match int_arg(args[0], "factorial") {
            Some(n) => n,
            None => return Value::NULL,
        }
    };
    if n.is_negative() {
        return errors::value_error("factorial() not defined for negative values");
    }
    let Some(n) = n.to_u64() else {
        return errors::raise_msg(
            exc_types().overflow_error,
            "factorial() argument should not exceed 9223372036854775807",
        );
    };
    let mut r = BigInt::one();
    for k in 2..=n {
        r *= k;
    }
    int::from_big(r)
}

fn m_gcd(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("gcd", args, kw, 0, usize::MAX) {
        return Value::NULL;
    }
    let mut g = BigInt::zero();
    for a in args {
        let Some(x) = int_arg(*a, "gcd") else {
            return Value::NULL;
        };
        g = g.gcd(&x);
    }
    int::from_big(g)
}

fn m_lcm(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("lcm", args, kw, 0, usize::MAX) {
        return Value::NULL;
    }
    let mut l = BigInt::one();
    for a in args {
        let Some(x) = int_arg(*a, "lcm") else {
            return Value::NULL;
        };
        l = if x.is_zero() || l.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&x)
        };
    }
    int::from_big(l.abs())
}

fn m_isqrt(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("isqrt", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(n) = int_arg(args[0], "isqrt") else {
        return Value::NULL;
    };
    if n.is_negative() {
        return errors::value_error("isqrt() argument must be nonnegative");
    }
    int::from_big(n.sqrt())
}

fn comb_perm(args: &[Value], kw: Value, name: &str, comb: bool) -> Value {
    if !super::check_plain(name, args, kw, if comb { 2 } else { 1 }, 2) {
        return Value::NULL;
    }
    let Some(n) = int_arg(args[0], name) else {
        return Value::NULL;
    };
    let k = if args.len() > 1 && args[1] != crate::object::none() {
        match int_arg(args[1], name) {
            Some(k) => k,
            None => return Value::NULL,
        }
    } else {
        n.clone()
    };
    if n.is_negative() {
        return errors::value_error("n must be a non-negative integer");
    }
    if k.is_negative() {
        return errors::value_error("k must be a non-negative integer");
    }
    if k > n {
        return Value::from_small(0);
    }
    let Some(mut k) = k.to_u64() else {
        return errors::raise_msg(
            exc_types().overflow_error,
            &format!("k must not exceed {}", i64::MAX),
        );
    };
    if comb {
        let nk = (&n - BigInt::from(k)).to_u64().unwrap_or(u64::MAX);
        k = k.min(nk);
    }
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - BigInt::from(i);
        if comb {
            r /= BigInt::from(i + 1);
        }
    }
    int::from_big(r)
}

fn m_comb(args: &[Value], kw: Value) -> Value {
    comb_perm(args, kw, "comb", true)
}

fn m_perm(args: &[Value], kw: Value) -> Value {
    comb_perm(args, kw, "perm", false)
}

fn m_prod(args: &[Value], kw: Value) -> Value {
    let Some(p) =
        crate::objects::builtin_function::parse_kw("prod", args, kw, &["iterable", "start"], 1)
    else {
        return Value::NULL;
    };
    let Some(items) = ops::collect(p[0]) else {
        return Value::NULL;
    };
    let mut acc = if p[1].is_null() {
        Value::from_small(1)
    } else {
        p[1]
    };
    for x in items {
        acc = ops::binary_op(acc, x, crate::objects::int::BinOp::Mul);
        if acc.is_null() {
            return acc;
        }
    }
    acc
}

fn m_nextafter(args: &[Value], kw: Value) -> Value {
    match two_floats("nextafter", args, kw) {
        Some((x, y)) => float::new(unsafe { nextafter(x, y) }),
        None => Value::NULL,
    }
}

fn m_ulp(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("ulp", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(x) = float_arg(args[0]) else {
        return Value::NULL;
    };
    if x.is_nan() {
        return float::new(x);
    }
    let x = x.abs();
    if x.is_infinite() {
        return float::new(x);
    }
    let next = unsafe { nextafter(x, f64::INFINITY) };
    if next.is_infinite() {
        let prev = unsafe { nextafter(x, 0.0) };
        return float::new(x - prev);
    }
    float::new(next - x)
}

pub fn create() -> Value {
    let fns: &[(&str, crate::objects::builtin_function::NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ];
    let m = super::with_functions("math", fns);
    if m.is_null() {
        return m;
    }
    let d = crate::objects::module::dict_of(m);
    let set = |n: &str, x: f64| crate::objects::dict::set_by_name(d, n, float::new(x));
    set("pi", std::f64::consts::PI);
    set("e", std::f64::consts::E);
    set("tau", std::f64::consts::TAU);
    set("inf", f64::INFINITY);
    set("nan", f64::NAN);
    // Functions newer than the bytecode's version are not there.
    let (_, minor) = crate::sys::bytecode_version();
    let newer: &[(u32, &str)] = &[
        (9, "lcm"),
        (9, "nextafter"),
        (9, "ulp"),
        (11, "cbrt"),
        (11, "exp2"),
    ];
    for (since, name) in newer {
        if minor < *since {
            let _ = crate::objects::dict::pop_item(d, pystr::intern(name));
        }
    }
    m
}
