//! `_kiln_struct`: the format engine under kiln's `_struct` (`compiler/pylib/_struct.py`, which
//! `struct` imports): parsing a format (byte order, sizes and alignment of `@ = < > !`, counts),
//! `calcsize`, `pack`, `pack_into` and `unpack_from`, with CPython's `struct.error` messages.
//! The Python side holds `Struct`, `iter_unpack` and the error class, handed over by
//! `set_error`.

use crate::errors;
use crate::object::{bool_value, exc_types, kind_of, type_name_of, Kind, TypeObject};
use crate::objects::{bytes, float, int, list, str as pystr, tuple};
use crate::value::Value;
use num_bigint::BigInt;

static mut ERROR: *mut TypeObject = std::ptr::null_mut();

fn struct_error(msg: &str) -> Value {
    let t = unsafe { ERROR };
    let t = if t.is_null() {
        exc_types().value_error
    } else {
        t
    };
    errors::raise_msg(t, msg)
}

fn set_error(a: &[Value], k: Value) -> Value {
    if !super::check_plain("set_error", a, k, 1, 1) {
        return Value::NULL;
    }
    if a[0].is_small() || kind_of(a[0]) != Kind::Type {
        return errors::type_error("set_error() needs a class");
    }
    unsafe { ERROR = a[0].ptr::<TypeObject>() };
    crate::object::none()
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

/// One code of a format: its letter, repeat count, and where its items start.
struct Item {
    code: u8,
    count: usize,
    offset: usize,
    size: usize,
}

struct Format {
    order: Order,
    items: Vec<Item>,
    size: usize,
    /// Values the format packs or unpacks (`s` and `p` count one each, `x` none).
    nvalues: usize,
}

/// (size, alignment) of `code`; None for a code this order has not.
fn size_of(code: u8, native: bool) -> Option<(usize, usize)> {
    let s = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((s, if native { s } else { 1 }))
}

fn parse(fmt: Value) -> Option<Format> {
    let text: &[u8] = if pystr::is_str(fmt) {
        pystr::as_str(fmt).as_bytes()
    } else if bytes::is_bytes_like(fmt) {
        bytes::data(fmt)
    } else {
        errors::type_error(&format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            type_name_of(fmt)
        ));
        return None;
    };
    let (order, native, body) = match text.first() {
        Some(b'@') => (Order::Native, true, &text[1..]),
        Some(b'=') => (Order::Native, false, &text[1..]),
        Some(b'<') => (Order::Little, false, &text[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, false, &text[1..]),
        _ => (Order::Native, true, text),
    };
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut nvalues = 0;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: usize = 1;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < body.len() && body[i].is_ascii_digit() {
                n = match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((body[i] - b'0') as usize))
                {
                    Some(n) => n,
                    None => {
                        struct_error("total struct size too long");
                        return None;
                    }
                };
                i += 1;
            }
            if i >= body.len() {
                struct_error("repeat count given without format specifier");
                return None;
            }
            count = n;
        }
        let code = body[i];
        i += 1;
        let Some((s, align)) = size_of(code, native) else {
            struct_error("bad char in struct format");
            return None;
        };
        if align > 1 {
            size = size.div_ceil(align) * align;
        }
        let total = match s.checked_mul(count).and_then(|t| t.checked_add(size)) {
            Some(t) if t <= isize::MAX as usize => t,
            _ => {
                struct_error("total struct size too long");
                return None;
            }
        };
        items.push(Item {
            code,
            count,
            offset: size,
            size: s,
        });
        nvalues += match code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
        size = total;
    }
    Some(Format {
        order,
        items,
        size,
        nvalues,
    })
}

fn calcsize(a: &[Value], k: Value) -> Value {
    if !super::check_plain("calcsize", a, k, 1, 1) {
        return Value::NULL;
    }
    match parse(a[0]) {
        Some(f) => int::from_i64(f.size as i64),
        None => Value::NULL,
    }
}

fn put_uint(out: &mut [u8], v: u64, order: Order) {
    let n = out.len();
    for (j, b) in out.iter_mut().enumerate() {
        let shift = match order {
            Order::Big => (n - 1 - j) * 8,
            Order::Little => j * 8,
            Order::Native => {
                if cfg!(target_endian = "big") {
                    (n - 1 - j) * 8
                } else {
                    j * 8
                }
            }
        };
        *b = (v >> shift) as u8;
    }
}

fn get_uint(data: &[u8], order: Order) -> u64 {
    let mut v: u64 = 0;
    let big = order == Order::Big || (order == Order::Native && cfg!(target_endian = "big"));
    if big {
        for b in data {
            v = (v << 8) | *b as u64;
        }
    } else {
        for b in data.iter().rev() {
            v = (v << 8) | *b as u64;
        }
    }
    v
}

/// An integer argument, or struct.error when it is not one.
fn int_value(v: Value) -> Option<BigInt> {
    if int::is_int(v) {
        return Some(int::to_big(v));
    }
    if !v.is_small()
        && kind_of(v) != Kind::Float
        && !crate::object::type_lookup(crate::object::type_of(v), pystr::intern("__index__"))
            .is_null()
    {
        let r = int::index(v);
        if r.is_null() {
            return None;
        }
        return Some(int::to_big(r));
    }
    struct_error("required argument is not an integer");
    None
}

/// The out-of-range message of the bytecode's version: 3.12 and later name the code and its
/// bounds; earlier ones name the C type of one- and two-byte codes (3.8-3.10 in C's hex
/// spelling for the two-byte ones) and give no bounds for eight-byte codes or negative values
/// of unsigned ones.
fn range_error(code: u8, size: usize, signed: bool, negative: bool) -> Value {
    let minor = unsafe { crate::sys::VERSION.1 };
    if minor < 12 {
        let old = minor < 11;
        match code {
            b'b' => return struct_error("byte format requires -128 <= number <= 127"),
            b'B' => return struct_error("ubyte format requires 0 <= number <= 255"),
            b'h' if old => {
                return struct_error("short format requires (-0x7fff - 1) <= number <= 0x7fff")
            }
            b'H' if old => {
                return struct_error("ushort format requires 0 <= number <= (0x7fff * 2 + 1)")
            }
            b'h' => return struct_error("short format requires -32768 <= number <= 32767"),
            b'H' => return struct_error("ushort format requires 0 <= number <= 65535"),
            _ => {}
        }
        if size == 8 || (!signed && negative) {
            return struct_error("argument out of range");
        }
    }
    let bits = size * 8;
    if signed {
        let lo = -(1i128 << (bits - 1));
        let hi = (1i128 << (bits - 1)) - 1;
        struct_error(&format!(
            "'{}' format requires {lo} <= number <= {hi}",
            code as char
        ))
    } else {
        let hi = (1u128 << bits) - 1;
        struct_error(&format!(
            "'{}' format requires 0 <= number <= {hi}",
            code as char
        ))
    }
}

fn float_value(v: Value) -> Option<f64> {
    if !v.is_small() && kind_of(v) == Kind::Float {
        return Some(float::value(v));
    }
    if int::is_int(v) {
        return match int::to_f64(v) {
            Some(f) => Some(f),
            None => {
                errors::overflow_error("int too large to convert to float");
                None
            }
        };
    }
    let r = crate::ops::call_dunder(v, "__float__", &[]);
    if r.is_null() || r.is_small() || kind_of(r) != Kind::Float {
        if errors::occurred() {
            errors::fetch();
        }
        struct_error("required argument is not a float");
        return None;
    }
    Some(float::value(r))
}

/// f64 to IEEE half precision, rounding to nearest even; None when it overflows.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Work in units of the smallest subnormal, 2**-24.
    let scaled = a * (1u64 << 24) as f64;
    if scaled < 1024.0 {
        // Subnormal (or zero): the mantissa is `scaled` rounded.
        let m = round_half_even(scaled);
        return Some(sign | m as u16);
    }
    let e = a.log2().floor() as i32;
    let mut e = e;
    // Correct log2 rounding.
    if 2f64.powi(e) > a {
        e -= 1;
    } else if 2f64.powi(e + 1) <= a {
        e += 1;
    }
    let frac = a / 2f64.powi(e) - 1.0; // [0, 1)
    let mut m = round_half_even(frac * 1024.0) as u32;
    if m == 1024 {
        m = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | m as u16)
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    let v = if e == 0 {
        m * 2f64.powi(-24)
    } else if e == 31 {
        if m == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else {
        (1.0 + m / 1024.0) * 2f64.powi(e - 15)
    };
    sign * v
}

/// Packs `values` by `f` into `out` (of `f.size` bytes, zeroed).
fn pack_values(f: &Format, values: &[Value], out: &mut [u8]) -> bool {
    let mut vi = 0;
    for it in &f.items {
        match it.code {
            b'x' => continue,
            b's' | b'p' => {
                let v = values[vi];
                vi += 1;
                if !bytes::is_bytes_like(v) {
                    struct_error(&format!(
                        "argument for '{}' must be a bytes object",
                        it.code as char
                    ));
                    return false;
                }
                let d = bytes::data(v);
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = d.len().min(it.count);
                    dst[..n].copy_from_slice(&d[..n]);
                } else if it.count > 0 {
                    let n = d.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&d[..n]);
                }
                continue;
            }
            _ => {}
        }
        for j in 0..it.count {
            let v = values[vi];
            vi += 1;
            let off = it.offset + j * it.size;
            let dst = &mut out[off..off + it.size];
            if !pack_one(it.code, it.size, v, dst, f) {
                return false;
            }
        }
    }
    true
}

fn pack_one(code: u8, size: usize, v: Value, dst: &mut [u8], f: &Format) -> bool {
    let order = f.order;
    match code {
        b'c' => {
            if !bytes::is_bytes_like(v) || bytes::data(v).len() != 1 {
                struct_error("char format requires a bytes object of length 1");
                return false;
            }
            dst[0] = bytes::data(v)[0];
        }
        b'?' => {
            let t = crate::ops::truthy(v);
            if t < 0 {
                return false;
            }
            dst[0] = t as u8;
        }
        b'e' | b'f' | b'd' => {
            let Some(x) = float_value(v) else {
                return false;
            };
            let bitsv: u64 = match code {
                b'd' => x.to_bits(),
                b'f' => {
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() {
                        errors::overflow_error("float too large to pack with f format");
                        return false;
                    }
                    y.to_bits() as u64
                }
                _ => match to_half(x) {
                    Some(h) => h as u64,
                    None => {
                        errors::overflow_error("float too large to pack with e format");
                        return false;
                    }
                },
            };
            put_uint(dst, bitsv, order);
        }
        _ => {
            let Some(n) = int_value(v) else {
                return false;
            };
            let signed = code.is_ascii_lowercase();
            let bits = size * 8;
            let ok = if signed {
                let lo = -(BigInt::from(1) << (bits - 1));
                let hi = (BigInt::from(1) << (bits - 1)) - 1;
                n >= lo && n <= hi
            } else {
                n >= BigInt::from(0) && n < (BigInt::from(1) << bits)
            };
            if !ok {
                range_error(code, size, signed, n < BigInt::from(0));
                return false;
            }
            let u: u64 = if signed {
                let i: i64 = (&n).try_into().unwrap_or(0);
                i as u64
            } else {
                (&n).try_into().unwrap_or(0)
            };
            put_uint(dst, u, order);
        }
    }
    true
}

fn check_count(f: &Format, n: usize, who: &str) -> bool {
    if n != f.nvalues {
        struct_error(&format!(
            "{who} expected {} items for packing (got {n})",
            f.nvalues
        ));
        return false;
    }
    true
}

/// `pack(fmt, values_tuple)`.
fn pack(a: &[Value], k: Value) -> Value {
    if !super::check_plain("pack", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(f) = parse(a[0]) else {
        return Value::NULL;
    };
    let values = tuple::items(a[1]).to_vec();
    if !check_count(&f, values.len(), "pack") {
        return Value::NULL;
    }
    let mut out = vec![0u8; f.size];
    if !pack_values(&f, &values, &mut out) {
        return Value::NULL;
    }
    bytes::new(&out)
}

/// `pack_into(fmt, buffer, offset, values_tuple)`.
fn pack_into(a: &[Value], k: Value) -> Value {
    if !super::check_plain("pack_into", a, k, 4, 4) {
        return Value::NULL;
    }
    let Some(f) = parse(a[0]) else {
        return Value::NULL;
    };
    let values = tuple::items(a[3]).to_vec();
    if !check_count(&f, values.len(), "pack_into") {
        return Value::NULL;
    }
    let buf = a[1];
    if buf.is_small() || kind_of(buf) != Kind::ByteArray {
        return errors::type_error(&format!(
            "argument must be read-write bytes-like object, not {}",
            type_name_of(buf)
        ));
    }
    let Some(mut off) = int::index_value(a[2], "offset") else {
        return Value::NULL;
    };
    let blen = bytes::len(buf) as i64;
    if off < 0 {
        if off + f.size as i64 > 0 {
            return struct_error(&format!(
                "no space to pack {} bytes at offset {off}",
                f.size
            ));
        }
        if off + blen < 0 {
            return struct_error(&format!("offset {off} out of range for {blen}-byte buffer"));
        }
        off += blen;
    }
    if blen - off < f.size as i64 {
        return struct_error(&format!(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {off} (actual buffer size is {blen})",
            f.size as i64 + off,
            f.size
        ));
    }
    let mut out = vec![0u8; f.size];
    if !pack_values(&f, &values, &mut out) {
        return Value::NULL;
    }
    let mut whole = bytes::data(buf).to_vec();
    whole[off as usize..off as usize + f.size].copy_from_slice(&out);
    if !bytes::ba_set(buf, &whole) {
        return Value::NULL;
    }
    crate::object::none()
}

fn unpack_values(f: &Format, data: &[u8]) -> Value {
    let out = list::with_capacity(f.nvalues);
    if out.is_null() {
        return out;
    }
    for it in &f.items {
        let v = match it.code {
            b'x' => continue,
            b's' => bytes::new(&data[it.offset..it.offset + it.count]),
            b'p' => {
                if it.count == 0 {
                    bytes::new(b"")
                } else {
                    let n = (data[it.offset] as usize).min(it.count - 1);
                    bytes::new(&data[it.offset + 1..it.offset + 1 + n])
                }
            }
            _ => {
                for j in 0..it.count {
                    let off = it.offset + j * it.size;
                    let d = &data[off..off + it.size];
                    let v = unpack_one(it.code, d, f.order);
                    if v.is_null() || !list::append(out, v) {
                        return Value::NULL;
                    }
                }
                continue;
            }
        };
        if v.is_null() || !list::append(out, v) {
            return Value::NULL;
        }
    }
    tuple::new(list::items(out))
}

fn unpack_one(code: u8, d: &[u8], order: Order) -> Value {
    let u = get_uint(d, order);
    match code {
        b'c' => bytes::new(d),
        b'?' => bool_value(u != 0),
        b'e' => float::new(from_half(u as u16)),
        b'f' => float::new(f32::from_bits(u as u32) as f64),
        b'd' => float::new(f64::from_bits(u)),
        c if c.is_ascii_lowercase() => {
            let bits = d.len() * 8;
            let i = if bits == 64 {
                u as i64
            } else {
                ((u << (64 - bits)) as i64) >> (64 - bits)
            };
            int::from_i64(i)
        }
        _ => int::from_i128(u as i128),
    }
}

/// `unpack_from(fmt, buffer, offset, exact)`: exact is true for `unpack` (the buffer must be
/// the format's size).
fn unpack_from(a: &[Value], k: Value) -> Value {
    if !super::check_plain("unpack_from", a, k, 4, 4) {
        return Value::NULL;
    }
    let Some(f) = parse(a[0]) else {
        return Value::NULL;
    };
    let buf = a[1];
    if !bytes::is_bytes_like(buf) {
        return errors::type_error(&format!(
            "a bytes-like object is required, not '{}'",
            type_name_of(buf)
        ));
    }
    let data = bytes::data(buf).to_vec();
    let exact = crate::ops::truthy(a[3]) == 1;
    if exact {
        if data.len() != f.size {
            return struct_error(&format!("unpack requires a buffer of {} bytes", f.size));
        }
        return unpack_values(&f, &data);
    }
    let Some(mut off) = int::index_value(a[2], "offset") else {
        return Value::NULL;
    };
    let blen = data.len() as i64;
    if off < 0 {
        if off + blen < 0 {
            return struct_error(&format!("offset {off} out of range for {blen}-byte buffer"));
        }
        off += blen;
    }
    if blen - off < f.size as i64 {
        return struct_error(&format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {off} (actual buffer size is {blen})",
            f.size as i64 + off,
            f.size
        ));
    }
    unpack_values(&f, &data[off as usize..off as usize + f.size])
}

pub fn create() -> Value {
    super::with_functions(
        "_kiln_struct",
        &[
            ("set_error", set_error),
            ("calcsize", calcsize),
            ("pack", pack),
            ("pack_into", pack_into),
            ("unpack_from", unpack_from),
        ],
    )
}
