//! `binascii`: conversions between binary data and ASCII (which `base64` builds on): hex
//! (`hexlify`/`b2a_hex` with separators, `unhexlify`/`a2b_hex`), base64 (`b2a_base64`,
//! `a2b_base64` with CPython's padding rules and strict mode), `crc32`, `crc_hqx`, and the
//! exceptions `Error` (a ValueError) and `Incomplete`.

use crate::errors;
use crate::object::{new_builtin_type, type_name_of, Kind, TypeObject};
use crate::objects::builtin_function::parse_kw;
use crate::objects::{bytes, dict, int, memoryview, module, str as pystr};
use crate::value::Value;

static mut ERROR: *mut TypeObject = std::ptr::null_mut();

fn error(msg: &str) -> Value {
    errors::raise_msg(unsafe { ERROR }, msg)
}

/// The bytes of a bytes-like argument.
fn data_arg(v: Value) -> Option<Vec<u8>> {
    if bytes::is_bytes_like(v) {
        return Some(bytes::data(v).to_vec());
    }
    if memoryview::is_memoryview(v) {
        return Some(memoryview::data(v).to_vec());
    }
    errors::type_error(&format!(
        "a bytes-like object is required, not '{}'",
        type_name_of(v)
    ));
    None
}

/// A decoder's argument: bytes-like, or a str of ASCII characters.
fn ascii_arg(v: Value) -> Option<Vec<u8>> {
    if pystr::is_str(v) {
        let s = pystr::as_str(v);
        if !s.is_ascii() {
            errors::value_error("string argument should contain only ASCII characters");
            return None;
        }
        return Some(s.as_bytes().to_vec());
    }
    if bytes::is_bytes_like(v) || memoryview::is_memoryview(v) {
        return data_arg(v);
    }
    errors::type_error(&format!(
        "argument should be bytes, buffer or ASCII string, not '{}'",
        type_name_of(v)
    ));
    None
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn hexlify(name: &str, a: &[Value], k: Value) -> Value {
    let Some(p) = parse_kw(name, a, k, &["data", "sep", "bytes_per_sep"], 1) else {
        return Value::NULL;
    };
    let Some(d) = data_arg(p[0]) else {
        return Value::NULL;
    };
    let sep = if p[1].is_null() || p[1] == crate::object::none() {
        None
    } else {
        let s = if pystr::is_str(p[1]) {
            pystr::as_str(p[1]).as_bytes().to_vec()
        } else if bytes::is_bytes_like(p[1]) {
            bytes::data(p[1]).to_vec()
        } else {
            return errors::type_error("sep must be str or bytes.");
        };
        if s.len() != 1 {
            return errors::value_error("sep must be length 1.");
        }
        if !s[0].is_ascii() {
            return errors::value_error("sep must be ASCII.");
        }
        Some(s[0])
    };
    let per = if p[2].is_null() {
        1
    } else {
        match int::index_value(p[2], "bytes_per_sep") {
            Some(n) => n,
            None => return Value::NULL,
        }
    };
    let mut out = Vec::with_capacity(d.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, b) in d.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && group > 0 {
                // Groups count from the right for a positive bytes_per_sep.
                let boundary = if per > 0 {
                    (d.len() - i) % group == 0
                } else {
                    i % group == 0
                };
                if boundary {
                    out.push(s);
                }
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    bytes::new(&out)
}

fn b_hexlify(a: &[Value], k: Value) -> Value {
    hexlify("hexlify", a, k)
}
fn b_b2a_hex(a: &[Value], k: Value) -> Value {
    hexlify("b2a_hex", a, k)
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

fn unhexlify(name: &str, a: &[Value], k: Value) -> Value {
    if !super::check_plain(name, a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(d) = ascii_arg(a[0]) else {
        return Value::NULL;
    };
    if d.len() % 2 != 0 {
        return error("Odd-length string");
    }
    let mut out = Vec::with_capacity(d.len() / 2);
    for pair in d.chunks(2) {
        match (hex_value(pair[0]), hex_value(pair[1])) {
            (Some(h), Some(l)) => out.push(h << 4 | l),
            _ => return error("Non-hexadecimal digit found"),
        }
    }
    bytes::new(&out)
}

fn b_unhexlify(a: &[Value], k: Value) -> Value {
    unhexlify("unhexlify", a, k)
}
fn b_a2b_hex(a: &[Value], k: Value) -> Value {
    unhexlify("a2b_hex", a, k)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b_b2a_base64(a: &[Value], k: Value) -> Value {
    let Some(p) = parse_kw("b2a_base64", a, k, &["data", "newline"], 1) else {
        return Value::NULL;
    };
    let Some(d) = data_arg(p[0]) else {
        return Value::NULL;
    };
    let newline = if p[1].is_null() {
        true
    } else {
        match crate::ops::truthy(p[1]) {
            t if t < 0 => return Value::NULL,
            t => t == 1,
        }
    };
    let mut out = Vec::with_capacity(d.len().div_ceil(3) * 4 + 1);
    for chunk in d.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    bytes::new(&out)
}

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|x| *x == c).map(|i| i as u32)
}

fn b_a2b_base64(a: &[Value], k: Value) -> Value {
    let Some(p) = parse_kw("a2b_base64", a, k, &["data", "strict_mode"], 1) else {
        return Value::NULL;
    };
    let Some(d) = ascii_arg(p[0]) else {
        return Value::NULL;
    };
    let strict = !p[1].is_null() && crate::ops::truthy(p[1]) == 1;
    let mut out = Vec::with_capacity(d.len() / 4 * 3);
    let mut quad_pos = 0;
    let mut left: u32 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    let mut data_chars = 0usize;
    if strict && d.first() == Some(&b'=') {
        return error("Leading padding not allowed");
    }
    let mut i = 0;
    while i < d.len() {
        let c = d[i];
        i += 1;
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad_pos >= 2 && quad_pos + pads >= 4 {
                if strict && i < d.len() {
                    return error("Excess data after padding");
                }
                quad_pos = 0;
                break;
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return error("Only base64 data is allowed");
            }
            continue;
        };
        if strict && padding_started {
            return error("Discontinuous padding not allowed");
        }
        pads = 0;
        data_chars += 1;
        match quad_pos {
            0 => {
                left = v;
                quad_pos = 1;
            }
            1 => {
                out.push((left << 2 | v >> 4) as u8);
                left = v & 0xf;
                quad_pos = 2;
            }
            2 => {
                out.push((left << 4 | v >> 2) as u8);
                left = v & 0x3;
                quad_pos = 3;
            }
            _ => {
                out.push((left << 6 | v) as u8);
                quad_pos = 0;
            }
        }
    }
    if quad_pos == 1 {
        return error(&format!(
            "Invalid base64-encoded string: number of data characters ({data_chars}) cannot be 1 more than a multiple of 4"
        ));
    }
    if quad_pos != 0 {
        return error("Incorrect padding");
    }
    bytes::new(&out)
}

fn crc32_table() -> &'static [u32; 256] {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    })
}

/// The CRC-32 of zlib (and of `zlib.crc32`), continuing from `crc`.
pub fn crc32(d: &[u8], crc: u32) -> u32 {
    let t = crc32_table();
    let mut c = !crc;
    for b in d {
        c = t[((c ^ *b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

fn start_value(v: Value) -> Option<u32> {
    if v.is_null() {
        return Some(0);
    }
    if !int::is_int(v) {
        errors::type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            type_name_of(v)
        ));
        return None;
    }
    // Only the low 32 bits count, as C's unsigned int conversion keeps them.
    let b = int::to_big(v);
    let m: num_bigint::BigInt = b & num_bigint::BigInt::from(0xffff_ffffu32);
    Some(u32::try_from(m).unwrap_or(0))
}

fn b_crc32(a: &[Value], k: Value) -> Value {
    if !super::check_plain("crc32", a, k, 1, 2) {
        return Value::NULL;
    }
    let Some(d) = data_arg(a[0]) else {
        return Value::NULL;
    };
    let Some(start) = start_value(a.get(1).copied().unwrap_or(Value::NULL)) else {
        return Value::NULL;
    };
    int::from_i64(crc32(&d, start) as i64)
}

fn b_crc_hqx(a: &[Value], k: Value) -> Value {
    if !super::check_plain("crc_hqx", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(d) = data_arg(a[0]) else {
        return Value::NULL;
    };
    let Some(start) = start_value(a[1]) else {
        return Value::NULL;
    };
    let mut crc = (start & 0xffff) as u16;
    for b in d {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    Value::from_small(crc as i64)
}

fn exception_type(name: &str, base: *mut TypeObject) -> *mut TypeObject {
    let t = new_builtin_type(name, Kind::Exception, base);
    unsafe {
        (*t).module = pystr::intern("binascii");
        (*t).flags |= crate::object::TF_HEAP;
    }
    t
}

pub fn create() -> Value {
    let m = super::with_functions(
        "binascii",
        &[
            ("hexlify", b_hexlify),
            ("b2a_hex", b_b2a_hex),
            ("unhexlify", b_unhexlify),
            ("a2b_hex", b_a2b_hex),
            ("b2a_base64", b_b2a_base64),
            ("a2b_base64", b_a2b_base64),
            ("crc32", b_crc32),
            ("crc_hqx", b_crc_hqx),
        ],
    );
    if m.is_null() {
        return m;
    }
    let d = module::dict_of(m);
    unsafe {
        if ERROR.is_null() {
            ERROR = exception_type("Error", crate::object::exc_types().value_error);
        }
        dict::set_by_name(d, "Error", Value::from_ptr(ERROR));
    }
    let incomplete = exception_type("Incomplete", crate::object::exc_types().exception);
    dict::set_by_name(d, "Incomplete", Value::from_ptr(incomplete));
    m
}
