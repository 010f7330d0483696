//! `complex`: a pair of doubles, with CPython's arithmetic (`_Py_c_quot`, `_Py_c_pow`), hash,
//! repr and constructor.

use crate::errors;
use crate::object::{
    alloc_atomic_object, bool_value, kind_of, none, notimplemented, type_name_of, types, Kind,
    TypeObject,
};
use crate::objects::builtin_function::{self, add_method};
use crate::objects::int::{self, BinOp};
use crate::objects::{float, str as pystr};
use crate::ops;
use crate::value::{Header, Value};

#[repr(C)]
pub struct ComplexObject {
    pub header: Header,
    pub re: f64,
    pub im: f64,
}

pub fn new(re: f64, im: f64) -> Value {
    let v = alloc_atomic_object(types().complex, std::mem::size_of::<ComplexObject>());
    if !v.is_null() {
        unsafe {
            (*v.ptr::<ComplexObject>()).re = re;
            (*v.ptr::<ComplexObject>()).im = im;
        }
    }
    v
}

pub fn is_complex(v: Value) -> bool {
    !v.is_small() && kind_of(v) == Kind::Complex
}

pub fn parts(v: Value) -> (f64, f64) {
    unsafe {
        (
            (*v.ptr::<ComplexObject>()).re,
            (*v.ptr::<ComplexObject>()).im,
        )
    }
}

/// A number as a complex pair: Some for complex, float, int and bool (None with OverflowError
/// for a huge int, None without exception for other types).
pub fn coerce(v: Value) -> Option<(f64, f64)> {
    if is_complex(v) {
        return Some(parts(v));
    }
    float::coerce(v).map(|f| (f, 0.0))
}

/// A double as `repr` shows it inside a complex: no `.0` for integral values.
fn part_repr(x: f64, sign: bool) -> String {
    let mut s = crate::format::float_repr(x);
    if let Some(t) = s.strip_suffix(".0") {
        s = t.to_string();
    }
    if sign && !s.starts_with('-') {
        s.insert(0, '+');
    }
    s
}

pub fn repr_text(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part_repr(im, false))
    } else {
        format!("({}{}j)", part_repr(re, false), part_repr(im, true))
    }
}

pub fn repr(v: Value) -> Value {
    let (re, im) = parts(v);
    pystr::new(&repr_text(re, im))
}

pub fn hash(v: Value) -> i64 {
    let (re, im) = parts(v);
    let hr = float::hash_f64(re) as u64;
    let hi = float::hash_f64(im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; None when dividing by zero.
fn quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `_Py_c_pow` and the small-integer exponent path; None for 0 to a negative/complex power.
fn pow(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        return if n > 0 {
            Some(powu(a, n))
        } else {
            quot((1.0, 0.0), powu(a, -n))
        };
    }
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `a op b` when either operand is complex; NotImplemented for other types or operators.
pub fn binary(a: Value, b: Value, op: BinOp) -> Value {
    let (Some(x), Some(y)) = (coerce(a), coerce(b)) else {
        if errors::occurred() {
            return Value::NULL;
        }
        return notimplemented();
    };
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => prod(x, y),
        BinOp::TrueDiv => match quot(x, y) {
            Some(r) => r,
            None => return errors::zero_division("complex division by zero"),
        },
        BinOp::Pow => match pow(x, y) {
            Some(r) => {
                if (r.0.is_infinite() || r.1.is_infinite())
                    && x.0.is_finite()
                    && x.1.is_finite()
                    && y.0.is_finite()
                    && y.1.is_finite()
                {
                    return errors::overflow_error("complex exponentiation");
                }
                r
            }
            None => return errors::zero_division("0.0 to a negative or complex power"),
        },
        // Up to 3.9 complex numbers refuse these themselves, with their own words.
        BinOp::FloorDiv if crate::sys::bytecode_version() < (3, 10) => {
            return errors::type_error("can't take floor of complex number.")
        }
        BinOp::Mod if crate::sys::bytecode_version() < (3, 10) => {
            return errors::type_error("can't mod complex numbers.")
        }
        _ => return notimplemented(),
    };
    new(r.0, r.1)
}

/// `==` and `!=` with numbers; NotImplemented for ordering and other types.
pub fn compare(a: Value, b: Value, op: u32) -> Value {
    if op != ops::CMP_EQ && op != ops::CMP_NE {
        return notimplemented();
    }
    let (re, im) = parts(a);
    let eq = if is_complex(b) {
        parts(b) == (re, im)
    } else if int::is_int(b) {
        im == 0.0 && float::compare_with_int(re, b) == Some(std::cmp::Ordering::Equal)
    } else if float::is_float(b) {
        im == 0.0 && re == float::value(b)
    } else {
        return notimplemented();
    };
    bool_value(eq == (op == ops::CMP_EQ))
}

pub fn abs(v: Value) -> Value {
    let (re, im) = parts(v);
    let r = re.hypot(im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return errors::overflow_error("absolute value too large");
    }
    float::new(r)
}

/// Parses `complex('1+2j')`.
fn parse(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if t.starts_with('(') && t.ends_with(')') {
        t = t[1..t.len() - 1].trim();
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let num = |x: &str| -> Option<f64> {
        if x.is_empty() || x.contains('_') && (x.starts_with('_') || x.ends_with('_')) {
            return None;
        }
        crate::format::parse_float(x).ok()
    };
    let lower = t.to_ascii_lowercase();
    if let Some(body) = lower.strip_suffix('j') {
        // Find the split between real and imaginary parts: a sign not after 'e'.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && bytes[i - 1] != b'e' {
                split = Some(i);
                break;
            }
        }
        let (re_s, im_s) = match split {
            Some(i) => (&body[..i], &body[i..]),
            None => ("", body),
        };
        let im = match im_s {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => num(x)?,
        };
        let re = if re_s.is_empty() { 0.0 } else { num(re_s)? };
        return Some((re, im));
    }
    Some((num(t)?, 0.0))
}

fn to_pair(v: Value, what: &str) -> Option<((f64, f64), bool)> {
    if is_complex(v) {
        return Some((parts(v), true));
    }
    if let Some(f) = float::coerce(v) {
        return Some(((f, 0.0), false));
    }
    if errors::occurred() {
        return None;
    }
    let r = ops::call_dunder(v, "__complex__", &[]);
    if !r.is_null() {
        if !is_complex(r) {
            errors::type_error(&format!(
                "__complex__ returned non-complex (type {})",
                type_name_of(r)
            ));
            return None;
        }
        return Some((parts(r), true));
    }
    if errors::occurred() {
        return None;
    }
    let r = ops::call_dunder(v, "__float__", &[]);
    if !r.is_null() {
        return float::coerce(r).map(|f| ((f, 0.0), false));
    }
    if errors::occurred() {
        return None;
    }
    errors::type_error(&format!(
        "complex() {what} must be a number, not '{}'",
        type_name_of(v)
    ));
    None
}

fn m_new(a: &[Value], k: Value) -> Value {
    let ty = a[0].ptr::<TypeObject>();
    let Some(p) = builtin_function::parse_kw("complex", &a[1..], k, &["real", "imag"], 0) else {
        return Value::NULL;
    };
    let (r, i) = (p[0], p[1]);
    let v = if r.is_null() && i.is_null() {
        new(0.0, 0.0)
    } else if !r.is_null() && pystr::is_str(r) {
        if !i.is_null() {
            if crate::sys::bytecode_version() >= (3, 14) {
                return errors::type_error(
                    "complex() argument 'real' must be a real number, not str",
                );
            }
            return errors::type_error("complex() can't take second arg if first is a string");
        }
        match parse(pystr::as_str(r)) {
            Some((re, im)) => new(re, im),
            None => return errors::value_error("complex() arg is a malformed string"),
        }
    } else if !i.is_null() && pystr::is_str(i) {
        return errors::type_error("complex() second arg can't be a string");
    } else {
        if !r.is_null()
            && is_complex(r)
            && i.is_null()
            && crate::object::type_of(r) == types().complex
            && ty == types().complex
        {
            return r;
        }
        let (cr, cr_c) = if r.is_null() {
            ((0.0, 0.0), false)
        } else {
            match to_pair(r, "first argument") {
                Some(p) => p,
                None => return Value::NULL,
            }
        };
        let (mut ci, ci_c) = if i.is_null() {
            ((cr.1, 0.0), false)
        } else {
            match to_pair(i, "second argument") {
                Some(p) => p,
                None => return Value::NULL,
            }
        };
        let mut re = cr.0;
        if ci_c {
            re -= ci.1;
        }
        if cr_c && !i.is_null() {
            ci.0 += cr.1;
        }
        new(re, ci.0)
    };
    crate::objects::type_::retype(v, ty)
}

fn g_real(a: &[Value], _k: Value) -> Value {
    float::new(parts(a[0]).0)
}
fn g_imag(a: &[Value], _k: Value) -> Value {
    float::new(parts(a[0]).1)
}
fn m_conjugate(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("conjugate", a, k, 0, 0) {
        return Value::NULL;
    }
    let (re, im) = parts(a[0]);
    new(re, -im)
}
fn m_repr(a: &[Value], _k: Value) -> Value {
    repr(a[0])
}
fn m_hash(a: &[Value], _k: Value) -> Value {
    int::from_i64(hash(a[0]))
}
fn m_abs(a: &[Value], _k: Value) -> Value {
    abs(a[0])
}
fn m_bool(a: &[Value], _k: Value) -> Value {
    let (re, im) = parts(a[0]);
    bool_value(re != 0.0 || im != 0.0)
}
fn m_complex(a: &[Value], _k: Value) -> Value {
    let (re, im) = parts(a[0]);
    new(re, im)
}
fn m_getnewargs(a: &[Value], _k: Value) -> Value {
    let (re, im) = parts(a[0]);
    crate::objects::tuple::new(&[float::new(re), float::new(im)])
}

/// `format(z, spec)`.
pub fn format(v: Value, spec: &str) -> Value {
    let (re, im) = parts(v);
    if spec.is_empty() {
        return ops::str_(v);
    }
    let parsed = match crate::format::parse_format_spec(spec) {
        Ok(p) => p,
        Err(e) => return crate::builtins::format::spec_error(e),
    };
    if parsed.ty.is_none() {
        return errors::value_error(
            "kiln: complex format specs without a type are not supported yet",
        );
    }
    let mut sign_spec = parsed.clone();
    sign_spec.sign = Some('+');
    let a = crate::format::format_float(re, &parsed);
    let b = crate::format::format_float(im, &sign_spec);
    match (a, b) {
        (Ok(x), Ok(y)) => pystr::new(&format!("{x}{y}j")),
        (Err(e), _) | (_, Err(e)) => crate::builtins::format::spec_error(e),
    }
}

pub fn init_methods() {
    let t = types().complex;
    builtin_function::add_static(t, "__new__", m_new);
    crate::objects::descriptor::add_getter(t, "real", g_real);
    crate::objects::descriptor::add_getter(t, "imag", g_imag);
    add_method(t, "conjugate", m_conjugate);
    add_method(t, "__repr__", m_repr);
    add_method(t, "__hash__", m_hash);
    add_method(t, "__abs__", m_abs);
    add_method(t, "__bool__", m_bool);
    add_method(t, "__complex__", m_complex);
    add_method(t, "__getnewargs__", m_getnewargs);
    let _ = none();
}
