//! `bytes` (immutable, stored inline like `str`) and `bytearray` (a growable buffer), their
//! methods, and the text codecs `bytes.decode` and `str.encode` use (UTF-8, ASCII, Latin-1
//! with the `strict`, `replace`, `ignore`, `backslashreplace` and `xmlcharrefreplace` handlers).

use crate::errors;
use crate::gc;
use crate::object::{
    alloc_atomic_object, alloc_object, bool_value, kind_of, none, type_name_of, type_of, types,
    Kind, TypeObject,
};
use crate::objects::builtin_function::{self, add_method, NativeFn};
use crate::objects::int::{self, BinOp};
use crate::objects::{exception, list, slice, str as pystr, tuple};
use crate::ops;
use crate::value::{Header, Value};

#[repr(C)]
pub struct BytesObject {
    pub header: Header,
    pub hash: i64,
    pub len: usize,
    pub data: [u8; 0],
}

#[repr(C)]
pub struct ByteArrayObject {
    pub header: Header,
    pub len: usize,
    pub cap: usize,
    pub data: *mut u8,
}

const HEADER: usize = std::mem::size_of::<BytesObject>();

pub fn new(b: &[u8]) -> Value {
    let v = alloc_atomic_object(types().bytes, HEADER + b.len());
    if v.is_null() {
        return v;
    }
    unsafe {
        let o = v.ptr::<BytesObject>();
        (*o).hash = -1;
        (*o).len = b.len();
        std::ptr::copy_nonoverlapping(b.as_ptr(), (*o).data.as_mut_ptr(), b.len());
    }
    v
}

pub fn new_bytearray(b: &[u8]) -> Value {
    let v = alloc_object(types().bytearray, std::mem::size_of::<ByteArrayObject>());
    if v.is_null() {
        return v;
    }
    if !b.is_empty() {
        let p = gc::alloc_atomic(b.len());
        if p.is_null() {
            return errors::no_memory();
        }
        unsafe {
            std::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
            let o = v.ptr::<ByteArrayObject>();
            (*o).data = p;
            (*o).len = b.len();
            (*o).cap = b.len();
        }
    }
    v
}

/// The size of a bytes object's built-in layout (for subclass instances).
pub fn layout_size(v: Value) -> usize {
    HEADER + unsafe { (*v.ptr::<BytesObject>()).len }
}

/// Is `v` a bytes or bytearray (a bytes-like object)?
#[inline]
pub fn is_bytes_like(v: Value) -> bool {
    !v.is_small() && matches!(kind_of(v), Kind::Bytes | Kind::ByteArray)
}

/// The contents of a bytes or bytearray. The borrow lives as long as the object is not resized.
pub fn data(v: Value) -> &'static [u8] {
    unsafe {
        if kind_of(v) == Kind::Bytes {
            let o = v.ptr::<BytesObject>();
            std::slice::from_raw_parts((*o).data.as_ptr(), (*o).len)
        } else {
            let o = v.ptr::<ByteArrayObject>();
            if (*o).len == 0 {
                return &[];
            }
            std::slice::from_raw_parts((*o).data, (*o).len)
        }
    }
}

fn ba(v: Value) -> *mut ByteArrayObject {
    v.ptr::<ByteArrayObject>()
}

fn ba_reserve(v: Value, need: usize) -> bool {
    unsafe {
        let o = ba(v);
        if need <= (*o).cap {
            return true;
        }
        let cap = need.max((*o).cap + (*o).cap / 2 + 8);
        let p = gc::alloc_atomic(cap);
        if p.is_null() {
            errors::no_memory();
            return false;
        }
        if (*o).len > 0 {
            std::ptr::copy_nonoverlapping((*o).data, p, (*o).len);
        }
        (*o).data = p;
        (*o).cap = cap;
        true
    }
}

/// Replaces a bytearray's contents.
pub fn ba_set(v: Value, b: &[u8]) -> bool {
    let copy = b.to_vec();
    if !ba_reserve(v, copy.len()) {
        return false;
    }
    unsafe {
        let o = ba(v);
        if !copy.is_empty() {
            std::ptr::copy_nonoverlapping(copy.as_ptr(), (*o).data, copy.len());
        }
        (*o).len = copy.len();
    }
    true
}

pub fn ba_extend(v: Value, b: &[u8]) -> bool {
    let copy = b.to_vec();
    let n = unsafe { (*ba(v)).len };
    if !ba_reserve(v, n + copy.len()) {
        return false;
    }
    unsafe {
        let o = ba(v);
        std::ptr::copy_nonoverlapping(copy.as_ptr(), (*o).data.add(n), copy.len());
        (*o).len = n + copy.len();
    }
    true
}

/// A new object of the built-in kind of `like` (bytes or bytearray) holding `b`.
fn make_like(like: Value, b: &[u8]) -> Value {
    if kind_of(like) == Kind::ByteArray {
        new_bytearray(b)
    } else {
        new(b)
    }
}

pub fn hash(v: Value) -> i64 {
    unsafe {
        let o = v.ptr::<BytesObject>();
        if (*o).hash != -1 {
            return (*o).hash;
        }
        let mut h: u64 = 0xcbf29ce484222325;
        for b in data(v) {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        let mut h = h as i64;
        if h == -1 {
            h = -2;
        }
        (*o).hash = h;
        h
    }
}

/// The text of `repr(b'...')`.
pub fn repr_text(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

pub fn repr(v: Value) -> Value {
    let r = repr_text(data(v));
    if kind_of(v) == Kind::ByteArray {
        return pystr::new(&format!("{}({r})", type_name_of(v)));
    }
    pystr::new(&r)
}

pub fn len(v: Value) -> usize {
    data(v).len()
}

pub fn getitem(v: Value, key: Value) -> Value {
    let d = data(v);
    let n = d.len() as i64;
    if !key.is_small() && kind_of(key) == Kind::Slice {
        let Some((start, stop, step)) = slice::indices(key, n) else {
            return Value::NULL;
        };
        let out: Vec<u8> = slice::range_iter(start, stop, step)
            .map(|i| d[i as usize])
            .collect();
        return make_like(v, &out);
    }
    let what = if kind_of(v) == Kind::ByteArray {
        "bytearray"
    } else {
        "byte"
    };
    let Some(i) = index_arg(key, what) else {
        return Value::NULL;
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return errors::index_error(if kind_of(v) == Kind::ByteArray {
            "bytearray index out of range"
        } else {
            "index out of range"
        });
    }
    Value::from_small(d[j as usize] as i64)
}

fn index_arg(key: Value, what: &str) -> Option<i64> {
    if int::is_int(key) {
        return int::index_value(key, "index");
    }
    let r = ops::call_dunder(key, "__index__", &[]);
    if !r.is_null() {
        return int::as_i64(r);
    }
    if errors::occurred() {
        return None;
    }
    errors::type_error(&format!(
        "{what} indices must be integers or slices, not {}",
        type_name_of(key)
    ));
    None
}

fn byte_value(v: Value) -> Option<u8> {
    let i = if int::is_int(v) {
        int::as_i64(v)
    } else {
        let r = ops::call_dunder(v, "__index__", &[]);
        if r.is_null() {
            if !errors::occurred() {
                errors::type_error(&format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name_of(v)
                ));
            }
            return None;
        }
        int::as_i64(r)
    };
    match i {
        Some(i) if (0..256).contains(&i) => Some(i as u8),
        _ => {
            errors::value_error("byte must be in range(0, 256)");
            None
        }
    }
}

/// `ba[key] = value` for a bytearray; false with an exception.
pub fn setitem(v: Value, key: Value, x: Value) -> bool {
    let n = len(v) as i64;
    if !key.is_small() && kind_of(key) == Kind::Slice {
        let Some(src) = bytes_of_any(x) else {
            return false;
        };
        let Some((start, stop, step)) = slice::indices(key, n) else {
            return false;
        };
        let mut cur = data(v).to_vec();
        if step == 1 {
            let stop = stop.max(start);
            cur.splice(start as usize..stop as usize, src);
        } else {
            let idx: Vec<i64> = slice::range_iter(start, stop, step).collect();
            if idx.len() != src.len() {
                errors::value_error(&format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    src.len(),
                    idx.len()
                ));
                return false;
            }
            for (i, b) in idx.iter().zip(src) {
                cur[*i as usize] = b;
            }
        }
        return ba_set(v, &cur);
    }
    let Some(i) = index_arg(key, "bytearray") else {
        return false;
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        errors::index_error("bytearray index out of range");
        return false;
    }
    let Some(b) = byte_value(x) else { return false };
    unsafe { *(*ba(v)).data.add(j as usize) = b };
    true
}

pub fn delitem(v: Value, key: Value) -> bool {
    let n = len(v) as i64;
    let mut cur = data(v).to_vec();
    if !key.is_small() && kind_of(key) == Kind::Slice {
        let Some((start, stop, step)) = slice::indices(key, n) else {
            return false;
        };
        let mut idx: Vec<usize> = slice::range_iter(start, stop, step)
            .map(|i| i as usize)
            .collect();
        idx.sort_unstable();
        for i in idx.into_iter().rev() {
            cur.remove(i);
        }
        return ba_set(v, &cur);
    }
    let Some(i) = index_arg(key, "bytearray") else {
        return false;
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        errors::index_error("bytearray index out of range");
        return false;
    }
    cur.remove(j as usize);
    ba_set(v, &cur)
}

/// The bytes of a bytes-like object, or of an iterable of ints (for `extend`, slices, ...).
fn bytes_of_any(x: Value) -> Option<Vec<u8>> {
    if is_bytes_like(x) {
        return Some(data(x).to_vec());
    }
    if pystr::is_str(x) {
        errors::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return None;
    }
    let items = ops::collect(x)?;
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        out.push(byte_value(i)?);
    }
    Some(out)
}

/// A bytes-like argument (`bytes`, `bytearray`), or TypeError.
fn buffer_arg(x: Value) -> Option<&'static [u8]> {
    if is_bytes_like(x) {
        return Some(data(x));
    }
    errors::type_error(&format!(
        "a bytes-like object is required, not '{}'",
        type_name_of(x)
    ));
    None
}

pub fn contains(v: Value, x: Value) -> i32 {
    let d = data(v);
    if int::is_int(x) {
        return match byte_value(x) {
            Some(b) => d.contains(&b) as i32,
            None => -1,
        };
    }
    let Some(n) = buffer_arg(x) else { return -1 };
    find_sub(d, n, 0).is_some() as i32
}

fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return if from <= hay.len() { Some(from) } else { None };
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}

pub fn compare(a: Value, b: Value, op: u32) -> Value {
    if !is_bytes_like(b) {
        return crate::object::notimplemented();
    }
    let o = data(a).cmp(data(b));
    bool_value(match op {
        ops::CMP_LT => o.is_lt(),
        ops::CMP_LE => o.is_le(),
        ops::CMP_EQ => o.is_eq(),
        ops::CMP_NE => o.is_ne(),
        ops::CMP_GT => o.is_gt(),
        _ => o.is_ge(),
    })
}

/// `a + b`, `a * n` (and in-place forms for bytearray); NotImplemented otherwise.
pub fn binary(a: Value, b: Value, op: BinOp, inplace: bool) -> Value {
    match op {
        BinOp::Add if is_bytes_like(a) => {
            if !is_bytes_like(b) {
                return errors::type_error(&format!(
                    "can't concat {} to {}",
                    type_name_of(b),
                    type_name_of(a)
                ));
            }
            if inplace && kind_of(a) == Kind::ByteArray {
                return if ba_extend(a, data(b)) {
                    a
                } else {
                    Value::NULL
                };
            }
            let mut out = data(a).to_vec();
            out.extend_from_slice(data(b));
            make_like(a, &out)
        }
        BinOp::Mul => {
            let (s, n) = if is_bytes_like(a) { (a, b) } else { (b, a) };
            if !is_bytes_like(s) || !int::is_int(n) {
                return crate::object::notimplemented();
            }
            let Some(count) = int::as_i64(n) else {
                return errors::overflow_error("cannot fit 'int' into an index-sized integer");
            };
            let d = data(s);
            let count = count.max(0) as usize;
            match d.len().checked_mul(count) {
                // As CPython: past the largest size an object may have, OverflowError (bytes
                // only: a bytearray's size is checked by its allocation); else MemoryError.
                Some(t) if t <= gc::MAX_ALLOC => {}
                Some(t) if t <= isize::MAX as usize || kind_of(s) == Kind::ByteArray => {
                    return errors::no_memory()
                }
                _ if kind_of(s) == Kind::ByteArray => return errors::no_memory(),
                _ => return errors::overflow_error("repeated bytes are too long"),
            }
            let out = d.repeat(count);
            if inplace && kind_of(s) == Kind::ByteArray && s == a {
                return if ba_set(a, &out) { a } else { Value::NULL };
            }
            make_like(s, &out)
        }
        BinOp::Mod if is_bytes_like(a) => percent(a, b),
        _ => crate::object::notimplemented(),
    }
}

// ---- % formatting --------------------------------------------------------------------------------

/// The bytes for `%s`/`%b`: a bytes-like object or one with `__bytes__`.
fn percent_bytes(v: Value) -> Option<Vec<u8>> {
    if is_bytes_like(v) {
        return Some(data(v).to_vec());
    }
    let r = ops::call_dunder(v, "__bytes__", &[]);
    if !r.is_null() {
        if !is_bytes_like(r) {
            errors::type_error(&format!(
                "__bytes__ returned non-bytes (type {})",
                type_name_of(r)
            ));
            return None;
        }
        return Some(data(r).to_vec());
    }
    if !errors::occurred() {
        errors::type_error(&format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
            type_name_of(v)
        ));
    }
    None
}

/// `bytes % args`: the bytes conversions are done here; numeric ones through `str % x`.
pub fn percent(fmt_v: Value, args: Value) -> Value {
    let f = data(fmt_v).to_vec();
    let is_tuple = !args.is_small() && kind_of(args) == Kind::Tuple;
    let items: Vec<Value> = if is_tuple {
        tuple::items(args).to_vec()
    } else {
        vec![args]
    };
    let mapping = if !is_tuple
        && !args.is_small()
        && !is_bytes_like(args)
        && kind_of(args) != Kind::Str
        && !crate::object::type_lookup(type_of(args), pystr::intern("__getitem__")).is_null()
    {
        args
    } else {
        Value::NULL
    };
    let mut next = 0usize;
    let mut out: Vec<u8> = Vec::with_capacity(f.len());
    let mut i = 0;
    let take = |next: &mut usize| -> Option<Value> {
        if *next < items.len() {
            *next += 1;
            Some(items[*next - 1])
        } else {
            errors::type_error("not enough arguments for format string");
            None
        }
    };
    while i < f.len() {
        if f[i] != b'%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= f.len() {
            return errors::value_error("incomplete format");
        }
        let mut arg = Value::NULL;
        if f[i] == b'(' {
            let mut depth = 1;
            let ks = i + 1;
            i += 1;
            while i < f.len() && depth > 0 {
                match f[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return errors::value_error("incomplete format key");
            }
            if mapping.is_null() {
                return errors::type_error("format requires a mapping");
            }
            arg = ops::getitem(mapping, new(&f[ks..i - 1]));
            if arg.is_null() {
                return arg;
            }
            next = items.len();
        }
        let spec_start = i;
        while i < f.len() && matches!(f[i], b'-' | b'+' | b' ' | b'#' | b'0') {
            i += 1;
        }
        let left = f[spec_start..i].contains(&b'-');
        let mut width: Option<usize> = None;
        let mut star_args: Vec<Value> = Vec::new();
        if i < f.len() && f[i] == b'*' {
            let Some(w) = take(&mut next) else {
                return Value::NULL;
            };
            star_args.push(w);
            width = int::as_i64(w).map(|w| w.unsigned_abs() as usize);
            i += 1;
        } else {
            let ws = i;
            while i < f.len() && f[i].is_ascii_digit() {
                i += 1;
            }
            if i > ws {
                width = std::str::from_utf8(&f[ws..i])
                    .ok()
                    .and_then(|t| t.parse().ok());
            }
        }
        let mut precision: Option<usize> = None;
        if i < f.len() && f[i] == b'.' {
            i += 1;
            if i < f.len() && f[i] == b'*' {
                let Some(p) = take(&mut next) else {
                    return Value::NULL;
                };
                star_args.push(p);
                precision = int::as_i64(p).map(|p| p.max(0) as usize);
                i += 1;
            } else {
                let ps = i;
                while i < f.len() && f[i].is_ascii_digit() {
                    i += 1;
                }
                precision = Some(
                    std::str::from_utf8(&f[ps..i])
                        .ok()
                        .and_then(|t| t.parse().ok())
                        .unwrap_or(0),
                );
            }
        }
        while i < f.len() && matches!(f[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= f.len() {
            return errors::value_error("incomplete format");
        }
        let conv = f[i];
        i += 1;
        if conv == b'%' {
            out.push(b'%');
            continue;
        }
        if arg.is_null() {
            arg = match take(&mut next) {
                Some(v) => v,
                None => return Value::NULL,
            };
        }
        let mut piece: Vec<u8> = match conv {
            b's' | b'b' => {
                let Some(mut b) = percent_bytes(arg) else {
                    return Value::NULL;
                };
                if let Some(p) = precision {
                    b.truncate(p);
                }
                b
            }
            b'r' | b'a' => {
                let r = ops::repr(arg);
                if r.is_null() {
                    return r;
                }
                let mut b = crate::builtins::format::ascii_escape(pystr::as_str(r)).into_bytes();
                if let Some(p) = precision {
                    b.truncate(p);
                }
                b
            }
            b'c' => {
                if is_bytes_like(arg) && data(arg).len() == 1 {
                    data(arg).to_vec()
                } else if int::is_int(arg) {
                    match int::as_i64(arg) {
                        Some(c) if (0..256).contains(&c) => vec![c as u8],
                        _ => return errors::overflow_error("%c arg not in range(256)"),
                    }
                } else {
                    return errors::type_error(
                        "%c requires an integer in range(256) or a single byte",
                    );
                }
            }
            _ => {
                // Numbers: the str formatting of the same conversion spec.
                let spec = String::from_utf8_lossy(&f[spec_start..i]).into_owned();
                let mut a = star_args.clone();
                a.push(arg);
                let r = crate::builtins::format::percent(
                    pystr::new(&format!("%{spec}")),
                    tuple::new(&a),
                );
                if r.is_null() {
                    return r;
                }
                out.extend_from_slice(pystr::as_str(r).as_bytes());
                continue;
            }
        };
        if let Some(w) = width {
            if piece.len() < w {
                let pad = vec![b' '; w - piece.len()];
                if left {
                    piece.extend_from_slice(&pad);
                } else {
                    piece.splice(0..0, pad);
                }
            }
        }
        out.extend_from_slice(&piece);
        let _ = start;
    }
    if next < items.len() && mapping.is_null() {
        return errors::type_error("not all arguments converted during bytes formatting");
    }
    make_like(fmt_v, &out)
}

// ---- codecs -------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

fn codec(name: &str) -> Option<(Codec, &'static str)> {
    let n: String = name.trim().to_lowercase().replace('_', "-");
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Some((Codec::Utf8, "utf-8")),
        "ascii" | "us-ascii" | "646" | "us" => Some((Codec::Ascii, "ascii")),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin"
        | "iso-ir-100" => Some((Codec::Latin1, "latin-1")),
        _ => None,
    }
}

fn lookup(name: &str) -> Option<(Codec, &'static str)> {
    let r = codec(name);
    if r.is_none() {
        errors::raise_msg(exc_types_lookup(), &format!("unknown encoding: {name}"));
    }
    r
}

fn exc_types_lookup() -> *mut TypeObject {
    crate::object::exc_types().lookup_error
}

fn check_errors(errors_name: &str) -> bool {
    if matches!(
        errors_name,
        "strict"
            | "replace"
            | "ignore"
            | "backslashreplace"
            | "xmlcharrefreplace"
            | "surrogateescape"
    ) {
        return true;
    }
    errors::raise_msg(
        exc_types_lookup(),
        &format!("unknown error handler name '{errors_name}'"),
    );
    false
}

fn raise_decode_error(enc: &str, obj: &[u8], start: usize, end: usize, reason: &str) -> Value {
    let t = exception::find_type("UnicodeDecodeError");
    let args = [
        pystr::new(enc),
        new(obj),
        Value::from_small(start as i64),
        Value::from_small(end as i64),
        pystr::new(reason),
    ];
    errors::raise_args(t, &args)
}

fn raise_encode_error(enc: &str, s: &str, start: usize, end: usize, reason: &str) -> Value {
    let t = exception::find_type("UnicodeEncodeError");
    let args = [
        pystr::new(enc),
        pystr::new(s),
        Value::from_small(start as i64),
        Value::from_small(end as i64),
        pystr::new(reason),
    ];
    errors::raise_args(t, &args)
}

/// Decodes `b`; null with UnicodeDecodeError or LookupError.
pub fn decode(b: &[u8], encoding: &str, errors_name: &str) -> Value {
    let Some((c, enc)) = lookup(encoding) else {
        return Value::NULL;
    };
    if !check_errors(errors_name) {
        return Value::NULL;
    }
    let mut out = String::with_capacity(b.len());
    match c {
        Codec::Latin1 => {
            out.extend(b.iter().map(|&x| x as char));
        }
        Codec::Ascii => {
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match errors_name {
                    "strict" => {
                        return raise_decode_error(enc, b, i, i + 1, "ordinal not in range(128)")
                    }
                    "replace" => out.push('\u{fffd}'),
                    "ignore" => {}
                    _ => out.push_str(&format!("\\x{x:02x}")),
                }
            }
        }
        Codec::Utf8 => {
            let mut pos = 0;
            while pos < b.len() {
                match std::str::from_utf8(&b[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(unsafe { std::str::from_utf8_unchecked(&b[pos..pos + good]) });
                        let start = pos + good;
                        let (end, reason) = match e.error_len() {
                            None => (b.len(), "unexpected end of data"),
                            Some(n) => {
                                let lead = b[start];
                                let r = if (0x80..0xc2).contains(&lead) || lead >= 0xf5 {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                (start + n, r)
                            }
                        };
                        match errors_name {
                            "strict" => return raise_decode_error(enc, b, start, end, reason),
                            "replace" => out.push('\u{fffd}'),
                            "ignore" => {}
                            _ => {
                                for x in &b[start..end] {
                                    out.push_str(&format!("\\x{x:02x}"));
                                }
                            }
                        }
                        pos = end;
                    }
                }
            }
        }
    }
    pystr::new(&out)
}

/// Encodes `s`; null with UnicodeEncodeError or LookupError.
pub fn encode(s: &str, encoding: &str, errors_name: &str) -> Value {
    let Some((c, enc)) = lookup(encoding) else {
        return Value::NULL;
    };
    if !check_errors(errors_name) {
        return Value::NULL;
    }
    if c == Codec::Utf8 {
        return new(s.as_bytes());
    }
    let limit: u32 = if c == Codec::Ascii { 0x80 } else { 0x100 };
    let reason = if c == Codec::Ascii {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if (ch as u32) < limit {
            out.push(ch as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors_name {
            "strict" => return raise_encode_error(enc, s, i, j, reason),
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "xmlcharrefreplace" => {
                for c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", *c as u32).as_bytes());
                }
            }
            _ => {
                for c in &chars[i..j] {
                    let u = *c as u32;
                    let e = if u < 0x100 {
                        format!("\\x{u:02x}")
                    } else if u < 0x10000 {
                        format!("\\u{u:04x}")
                    } else {
                        format!("\\U{u:08x}")
                    };
                    out.extend_from_slice(e.as_bytes());
                }
            }
        }
        i = j;
    }
    new(&out)
}

/// The `encoding` and `errors` arguments of `encode`/`decode`/`str()`/`bytes()`.
pub fn codec_args(name: &str, args: &[Value], kwnames: Value) -> Option<(String, String)> {
    let p = builtin_function::parse_kw(name, args, kwnames, &["encoding", "errors"], 0)?;
    let text = |v: Value, what: &str, default: &str| -> Option<String> {
        if v.is_null() {
            return Some(default.to_string());
        }
        if !pystr::is_str(v) {
            errors::type_error(&format!(
                "{name}() argument '{what}' must be str, not {}",
                type_name_of(v)
            ));
            return None;
        }
        Some(pystr::as_str(v).to_string())
    };
    Some((
        text(p[0], "encoding", "utf-8")?,
        text(p[1], "errors", "strict")?,
    ))
}

// ---- construction -------------------------------------------------------------------------------

/// The contents for `bytes(x)` / `bytearray(x)` (with optional encoding for str).
fn contents_of(name: &str, args: &[Value], kwnames: Value) -> Option<Vec<u8>> {
    let p = builtin_function::parse_kw(name, args, kwnames, &["source", "encoding", "errors"], 0)?;
    let (src, enc, errs) = (p[0], p[1], p[2]);
    if src.is_null() {
        if !enc.is_null() || !errs.is_null() {
            errors::type_error(if enc.is_null() {
                "errors without a string argument"
            } else {
                "encoding without a string argument"
            });
            return None;
        }
        return Some(Vec::new());
    }
    if pystr::is_str(src) {
        if enc.is_null() {
            errors::type_error("string argument without an encoding");
            return None;
        }
        let e = if pystr::is_str(enc) {
            pystr::as_str(enc)
        } else {
            "utf-8"
        };
        let er = if !errs.is_null() && pystr::is_str(errs) {
            pystr::as_str(errs)
        } else {
            "strict"
        };
        let r = encode(pystr::as_str(src), e, er);
        if r.is_null() {
            return None;
        }
        return Some(data(r).to_vec());
    }
    if !enc.is_null() {
        errors::type_error("encoding without a string argument");
        return None;
    }
    if !errs.is_null() {
        errors::type_error("errors without a string argument");
        return None;
    }
    if is_bytes_like(src) {
        return Some(data(src).to_vec());
    }
    if int::is_int(src) {
        let Some(n) = int::as_i64(src) else {
            errors::overflow_error("cannot fit 'int' into an index-sized integer");
            return None;
        };
        if n < 0 {
            errors::value_error("negative count");
            return None;
        }
        if n > isize::MAX as i64 - 33 && name == "bytes" {
            // CPython's limit: the size plus its object header must fit a signed word.
            errors::overflow_error("byte string is too large");
            return None;
        }
        if n as u64 > gc::MAX_ALLOC as u64 {
            errors::no_memory();
            return None;
        }
        return Some(vec![0; n as usize]);
    }
    if name == "bytes" {
        let r = ops::call_dunder(src, "__bytes__", &[]);
        if !r.is_null() {
            if !is_bytes_like(r) || kind_of(r) != Kind::Bytes {
                errors::type_error(&format!(
                    "__bytes__ returned non-bytes (type {})",
                    type_name_of(r)
                ));
                return None;
            }
            return Some(data(r).to_vec());
        }
        if errors::occurred() {
            return None;
        }
    }
    let it = ops::iter(src);
    if it.is_null() {
        if errors::current_matches(crate::object::exc_types().type_error) {
            errors::fetch();
            errors::type_error(&format!(
                "cannot convert '{}' object to {name}",
                type_name_of(src)
            ));
        }
        return None;
    }
    let mut out = Vec::new();
    loop {
        let x = ops::next(it);
        if x.is_null() {
            return None;
        }
        if x == Value::DONE {
            return Some(out);
        }
        if !int::is_int(x) && type_lookup_index(x) {
            errors::type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                type_name_of(x)
            ));
            return None;
        }
        let i = int::index_value(x, "bytes")?;
        if !(0..256).contains(&i) {
            errors::value_error("bytes must be in range(0, 256)");
            return None;
        }
        out.push(i as u8);
    }
}

fn type_lookup_index(x: Value) -> bool {
    crate::object::type_lookup(type_of(x), pystr::intern("__index__")).is_null()
}

fn m_bytes_new(a: &[Value], k: Value) -> Value {
    let ty = a[0].ptr::<TypeObject>();
    let Some(c) = contents_of("bytes", &a[1..], k) else {
        return Value::NULL;
    };
    crate::objects::type_::retype(new(&c), ty)
}

fn m_bytearray_new(a: &[Value], _k: Value) -> Value {
    let ty = a[0].ptr::<TypeObject>();
    crate::objects::type_::retype(new_bytearray(&[]), ty)
}

fn m_bytearray_init(a: &[Value], k: Value) -> Value {
    let Some(c) = contents_of("bytearray", &a[1..], k) else {
        return Value::NULL;
    };
    if ba_set(a[0], &c) {
        none()
    } else {
        Value::NULL
    }
}

// ---- methods ------------------------------------------------------------------------------------

fn nargs(name: &str, a: &[Value], k: Value, min: usize, max: usize) -> bool {
    builtin_function::check_args(name, a, k, min, max)
}

fn m_decode(a: &[Value], k: Value) -> Value {
    let Some((enc, errs)) = codec_args("decode", &a[1..], k) else {
        return Value::NULL;
    };
    decode(data(a[0]), &enc, &errs)
}

fn m_hex(a: &[Value], k: Value) -> Value {
    let Some(p) = builtin_function::parse_kw("hex", &a[1..], k, &["sep", "bytes_per_sep"], 0)
    else {
        return Value::NULL;
    };
    let d = data(a[0]);
    let hexes: Vec<String> = d.iter().map(|b| format!("{b:02x}")).collect();
    if p[0].is_null() {
        return pystr::new(&hexes.concat());
    }
    let sep = if pystr::is_str(p[0]) {
        pystr::as_str(p[0]).to_string()
    } else if is_bytes_like(p[0]) {
        String::from_utf8_lossy(data(p[0])).into_owned()
    } else {
        return errors::type_error("sep must be str or bytes.");
    };
    if sep.chars().count() != 1 {
        return errors::value_error("sep must be length 1.");
    }
    let per = if p[1].is_null() {
        1
    } else {
        int::as_i64(p[1]).unwrap_or(1)
    };
    if per == 0 {
        return pystr::new(&hexes.concat());
    }
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups counted from the right.
        let mut end = hexes.len();
        while end > 0 {
            let start = end.saturating_sub(n);
            groups.push(hexes[start..end].concat());
            end = start;
        }
        groups.reverse();
    } else {
        for c in hexes.chunks(n) {
            groups.push(c.concat());
        }
    }
    pystr::new(&groups.join(&sep))
}

fn m_fromhex(a: &[Value], k: Value) -> Value {
    if !nargs("fromhex", a, k, 1, 1) {
        return Value::NULL;
    }
    if !pystr::is_str(a[1]) {
        return errors::type_error(&format!(
            "fromhex() argument must be str, not {}",
            type_name_of(a[1])
        ));
    }
    let s = pystr::as_str(a[1]).as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = (s[i] as char).to_digit(16);
        let lo = if i + 1 < s.len() {
            (s[i + 1] as char).to_digit(16)
        } else {
            None
        };
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => {
                return errors::value_error(&format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                ))
            }
            (Some(_), None) => {
                return errors::value_error(&format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                ))
            }
        }
        i += 2;
    }
    let cls = a[0];
    let base = if !cls.is_small()
        && kind_of(cls) == Kind::Type
        && crate::object::is_subtype(cls.ptr(), types().bytearray)
    {
        new_bytearray(&out)
    } else {
        new(&out)
    };
    if cls == Value::from_ptr(types().bytes) || cls == Value::from_ptr(types().bytearray) {
        return base;
    }
    ops::call(cls, &[base], Value::NULL)
}

fn m_join(a: &[Value], k: Value) -> Value {
    if !nargs("join", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(items) = ops::collect(a[1]) else {
        return Value::NULL;
    };
    let sep = data(a[0]).to_vec();
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if !is_bytes_like(*x) {
            return errors::type_error(&format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_name_of(*x)
            ));
        }
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(data(*x));
    }
    make_like(a[0], &out)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_impl(a: &[Value], k: Value, name: &str, right: bool) -> Value {
    let Some(p) = builtin_function::parse_kw(name, &a[1..], k, &["sep", "maxsplit"], 0) else {
        return Value::NULL;
    };
    let d = data(a[0]);
    let maxsplit = if p[1].is_null() {
        -1
    } else {
        int::as_i64(p[1]).unwrap_or(-1)
    };
    let mut parts: Vec<&[u8]> = Vec::new();
    if p[0].is_null() || p[0] == none() {
        if !right {
            let mut i = 0;
            loop {
                while i < d.len() && is_space(d[i]) {
                    i += 1;
                }
                if i >= d.len() {
                    break;
                }
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    parts.push(&d[i..]);
                    break;
                }
                let s = i;
                while i < d.len() && !is_space(d[i]) {
                    i += 1;
                }
                parts.push(&d[s..i]);
            }
        } else {
            let mut i = d.len();
            loop {
                while i > 0 && is_space(d[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    parts.push(&d[..i]);
                    break;
                }
                let e = i;
                while i > 0 && !is_space(d[i - 1]) {
                    i -= 1;
                }
                parts.push(&d[i..e]);
            }
            parts.reverse();
        }
    } else {
        let Some(sep) = buffer_arg(p[0]) else {
            return Value::NULL;
        };
        if sep.is_empty() {
            return errors::value_error("empty separator");
        }
        if !right {
            let mut start = 0;
            let mut n = 0;
            while let Some(i) = find_sub(d, sep, start) {
                if maxsplit >= 0 && n >= maxsplit {
                    break;
                }
                parts.push(&d[start..i]);
                start = i + sep.len();
                n += 1;
            }
            parts.push(&d[start..]);
        } else {
            let mut end = d.len();
            let mut n = 0;
            while let Some(i) = rfind_sub(&d[..end], sep) {
                if maxsplit >= 0 && n >= maxsplit {
                    break;
                }
                parts.push(&d[i + sep.len()..end]);
                end = i;
                n += 1;
            }
            parts.push(&d[..end]);
            parts.reverse();
        }
    }
    let vals: Vec<Value> = parts.into_iter().map(|x| make_like(a[0], x)).collect();
    list::from_vec(vals)
}
fn m_split(a: &[Value], k: Value) -> Value {
    split_impl(a, k, "split", false)
}
fn m_rsplit(a: &[Value], k: Value) -> Value {
    split_impl(a, k, "rsplit", true)
}

fn m_splitlines(a: &[Value], k: Value) -> Value {
    let Some(p) = builtin_function::parse_kw("splitlines", &a[1..], k, &["keepends"], 0) else {
        return Value::NULL;
    };
    let keep = !p[0].is_null() && ops::truthy(p[0]) == 1;
    let d = data(a[0]);
    let mut out = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut e = i + 1;
            if d[i] == b'\r' && e < d.len() && d[e] == b'\n' {
                e += 1;
            }
            out.push(make_like(
                a[0],
                if keep { &d[start..e] } else { &d[start..i] },
            ));
            start = e;
            i = e;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        out.push(make_like(a[0], &d[start..]));
    }
    list::from_vec(out)
}

fn strip_impl(a: &[Value], k: Value, name: &str, left: bool, right: bool) -> Value {
    if !nargs(name, a, k, 0, 1) {
        return Value::NULL;
    }
    let d = data(a[0]);
    let chars: Option<&[u8]> = if a.len() > 1 && a[1] != none() {
        match buffer_arg(a[1]) {
            Some(c) => Some(c),
            None => return Value::NULL,
        }
    } else {
        None
    };
    let strip = |b: u8| match chars {
        Some(c) => c.contains(&b),
        None => is_space(b),
    };
    let (mut s, mut e) = (0, d.len());
    if left {
        while s < e && strip(d[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(d[e - 1]) {
            e -= 1;
        }
    }
    if s == 0 && e == d.len() && crate::object::type_of(a[0]) == types().bytes {
        return a[0];
    }
    make_like(a[0], &d[s..e])
}
fn m_strip(a: &[Value], k: Value) -> Value {
    strip_impl(a, k, "strip", true, true)
}
fn m_lstrip(a: &[Value], k: Value) -> Value {
    strip_impl(a, k, "lstrip", true, false)
}
fn m_rstrip(a: &[Value], k: Value) -> Value {
    strip_impl(a, k, "rstrip", false, true)
}

fn affix_impl(a: &[Value], k: Value, name: &str, start: bool) -> Value {
    if !nargs(name, a, k, 1, 3) {
        return Value::NULL;
    }
    let d = data(a[0]);
    let Some((lo, hi)) = slice::bounds_args(&a[2..], d.len() as i64) else {
        return Value::NULL;
    };
    let sub = if lo > hi {
        None
    } else {
        Some(&d[lo as usize..hi as usize])
    };
    let test = |p: &[u8]| match sub {
        None => false,
        Some(t) => {
            if start {
                t.starts_with(p)
            } else {
                t.ends_with(p)
            }
        }
    };
    if is_bytes_like(a[1]) {
        return bool_value(test(data(a[1])));
    }
    if !a[1].is_small() && kind_of(a[1]) == Kind::Tuple {
        for p in tuple::items(a[1]) {
            let Some(b) = buffer_arg(*p) else {
                return Value::NULL;
            };
            if test(b) {
                return bool_value(true);
            }
        }
        return bool_value(false);
    }
    errors::type_error(&format!(
        "{name} first arg must be bytes or a tuple of bytes, not {}",
        type_name_of(a[1])
    ))
}
fn m_startswith(a: &[Value], k: Value) -> Value {
    affix_impl(a, k, "startswith", true)
}
fn m_endswith(a: &[Value], k: Value) -> Value {
    affix_impl(a, k, "endswith", false)
}

fn sub_arg(v: Value) -> Option<Vec<u8>> {
    if int::is_int(v) {
        return byte_value(v).map(|b| vec![b]);
    }
    buffer_arg(v).map(|b| b.to_vec())
}

fn find_impl(a: &[Value], k: Value, name: &str, right: bool) -> Option<i64> {
    if !nargs(name, a, k, 1, 3) {
        return None;
    }
    let sub = sub_arg(a[1])?;
    let d = data(a[0]);
    let (lo, hi) = slice::bounds_args(&a[2..], d.len() as i64)?;
    if lo > hi {
        return Some(-1);
    }
    let hay = &d[lo as usize..hi as usize];
    let r = if right {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub, 0)
    };
    Some(r.map(|i| i as i64 + lo).unwrap_or(-1))
}
fn m_find(a: &[Value], k: Value) -> Value {
    match find_impl(a, k, "find", false) {
        Some(i) => Value::from_small(i),
        None => Value::NULL,
    }
}
fn m_rfind(a: &[Value], k: Value) -> Value {
    match find_impl(a, k, "rfind", true) {
        Some(i) => Value::from_small(i),
        None => Value::NULL,
    }
}
fn m_index(a: &[Value], k: Value) -> Value {
    match find_impl(a, k, "index", false) {
        Some(-1) => errors::value_error("subsection not found"),
        Some(i) => Value::from_small(i),
        None => Value::NULL,
    }
}
fn m_rindex(a: &[Value], k: Value) -> Value {
    match find_impl(a, k, "rindex", true) {
        Some(-1) => errors::value_error("subsection not found"),
        Some(i) => Value::from_small(i),
        None => Value::NULL,
    }
}

fn m_count(a: &[Value], k: Value) -> Value {
    if !nargs("count", a, k, 1, 3) {
        return Value::NULL;
    }
    let Some(sub) = sub_arg(a[1]) else {
        return Value::NULL;
    };
    let d = data(a[0]);
    let Some((lo, hi)) = slice::bounds_args(&a[2..], d.len() as i64) else {
        return Value::NULL;
    };
    if lo > hi {
        return Value::from_small(0);
    }
    let hay = &d[lo as usize..hi as usize];
    if sub.is_empty() {
        return Value::from_small(hay.len() as i64 + 1);
    }
    let (mut n, mut i) = (0, 0);
    while let Some(j) = find_sub(hay, &sub, i) {
        n += 1;
        i = j + sub.len();
    }
    Value::from_small(n)
}

fn m_replace(a: &[Value], k: Value) -> Value {
    if !nargs("replace", a, k, 2, 3) {
        return Value::NULL;
    }
    let (Some(old), Some(new_b)) = (buffer_arg(a[1]), buffer_arg(a[2])) else {
        return Value::NULL;
    };
    let count = if a.len() > 3 {
        int::as_i64(a[3]).unwrap_or(-1)
    } else {
        -1
    };
    let d = data(a[0]);
    let mut out = Vec::new();
    let mut n = 0;
    if old.is_empty() {
        for (i, b) in d.iter().enumerate() {
            if count < 0 || n < count {
                out.extend_from_slice(new_b);
                n += 1;
            }
            out.push(*b);
            let _ = i;
        }
        if count < 0 || n < count {
            out.extend_from_slice(new_b);
        }
        return make_like(a[0], &out);
    }
    let mut i = 0;
    while i < d.len() {
        if (count < 0 || n < count) && d[i..].starts_with(old) {
            out.extend_from_slice(new_b);
            i += old.len();
            n += 1;
        } else {
            out.push(d[i]);
            i += 1;
        }
    }
    make_like(a[0], &out)
}

fn map_impl(a: &[Value], k: Value, name: &str, f: fn(&[u8]) -> Vec<u8>) -> Value {
    if !nargs(name, a, k, 0, 0) {
        return Value::NULL;
    }
    make_like(a[0], &f(data(a[0])))
}
fn m_upper(a: &[Value], k: Value) -> Value {
    map_impl(a, k, "upper", |d| d.to_ascii_uppercase())
}
fn m_lower(a: &[Value], k: Value) -> Value {
    map_impl(a, k, "lower", |d| d.to_ascii_lowercase())
}
fn m_swapcase(a: &[Value], k: Value) -> Value {
    map_impl(a, k, "swapcase", |d| {
        d.iter()
            .map(|b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            })
            .collect()
    })
}
fn m_capitalize(a: &[Value], k: Value) -> Value {
    map_impl(a, k, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn m_title(a: &[Value], k: Value) -> Value {
    map_impl(a, k, "title", |d| {
        let mut prev = false;
        d.iter()
            .map(|b| {
                let r = if prev {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred_impl(a: &[Value], k: Value, name: &str, f: fn(u8) -> bool) -> Value {
    if !nargs(name, a, k, 0, 0) {
        return Value::NULL;
    }
    let d = data(a[0]);
    bool_value(!d.is_empty() && d.iter().all(|b| f(*b)))
}
fn m_isdigit(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isdigit", |b| b.is_ascii_digit())
}
fn m_isalpha(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isalpha", |b| b.is_ascii_alphabetic())
}
fn m_isalnum(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isalnum", |b| b.is_ascii_alphanumeric())
}
fn m_isspace(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isspace", is_space)
}
fn m_isascii(a: &[Value], k: Value) -> Value {
    if !nargs("isascii", a, k, 0, 0) {
        return Value::NULL;
    }
    bool_value(data(a[0]).is_ascii())
}
fn cased(a: &[Value], k: Value, name: &str, upper: bool) -> Value {
    if !nargs(name, a, k, 0, 0) {
        return Value::NULL;
    }
    let d = data(a[0]);
    let mut any = false;
    for b in d {
        if b.is_ascii_alphabetic() {
            any = true;
            if b.is_ascii_uppercase() != upper {
                return bool_value(false);
            }
        }
    }
    bool_value(any)
}
fn m_isupper(a: &[Value], k: Value) -> Value {
    cased(a, k, "isupper", true)
}
fn m_islower(a: &[Value], k: Value) -> Value {
    cased(a, k, "islower", false)
}

fn partition_impl(a: &[Value], k: Value, name: &str, right: bool) -> Value {
    if !nargs(name, a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(sep) = buffer_arg(a[1]) else {
        return Value::NULL;
    };
    if sep.is_empty() {
        return errors::value_error("empty separator");
    }
    let d = data(a[0]);
    let found = if right {
        rfind_sub(d, sep)
    } else {
        find_sub(d, sep, 0)
    };
    let e = make_like(a[0], &[]);
    let parts = match found {
        Some(i) => [
            make_like(a[0], &d[..i]),
            make_like(a[0], sep),
            make_like(a[0], &d[i + sep.len()..]),
        ],
        None if right => [e, make_like(a[0], &[]), make_like(a[0], d)],
        None => [make_like(a[0], d), e, make_like(a[0], &[])],
    };
    tuple::new(&parts)
}
fn m_partition(a: &[Value], k: Value) -> Value {
    partition_impl(a, k, "partition", false)
}
fn m_rpartition(a: &[Value], k: Value) -> Value {
    partition_impl(a, k, "rpartition", true)
}

fn m_removeprefix(a: &[Value], k: Value) -> Value {
    if !nargs("removeprefix", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(p) = buffer_arg(a[1]) else {
        return Value::NULL;
    };
    let d = data(a[0]);
    make_like(a[0], d.strip_prefix(p).unwrap_or(d))
}
fn m_removesuffix(a: &[Value], k: Value) -> Value {
    if !nargs("removesuffix", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(p) = buffer_arg(a[1]) else {
        return Value::NULL;
    };
    let d = data(a[0]);
    make_like(a[0], d.strip_suffix(p).unwrap_or(d))
}

fn pad_impl(a: &[Value], k: Value, name: &str, align: char) -> Value {
    if !nargs(name, a, k, 1, 2) {
        return Value::NULL;
    }
    let Some(width) = int::index_value(a[1], "width") else {
        return Value::NULL;
    };
    let fill = if a.len() > 2 {
        match buffer_arg(a[2]) {
            Some(f) if f.len() == 1 => f[0],
            Some(_) => {
                return errors::type_error(&format!(
                    "{name}() argument 2 must be a byte string of length 1, not bytes"
                ))
            }
            None => return Value::NULL,
        }
    } else {
        b' '
    };
    let d = data(a[0]);
    let n = d.len() as i64;
    if width <= n {
        return make_like(a[0], d);
    }
    let pad = (width - n) as usize;
    if width > isize::MAX as i64 - 33 && kind_of(a[0]) == Kind::Bytes {
        return errors::overflow_error("byte string is too large");
    }
    if pad > gc::MAX_ALLOC {
        return errors::no_memory();
    }
    let (l, r) = match align {
        '<' => (0, pad),
        '>' => (pad, 0),
        _ => {
            let left = pad / 2 + (pad & width as usize & 1);
            (left, pad - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(d);
    out.extend(std::iter::repeat_n(fill, r));
    make_like(a[0], &out)
}
fn m_ljust(a: &[Value], k: Value) -> Value {
    pad_impl(a, k, "ljust", '<')
}
fn m_rjust(a: &[Value], k: Value) -> Value {
    pad_impl(a, k, "rjust", '>')
}
fn m_center(a: &[Value], k: Value) -> Value {
    pad_impl(a, k, "center", '^')
}
fn m_zfill(a: &[Value], k: Value) -> Value {
    if !nargs("zfill", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(width) = int::index_value(a[1], "width") else {
        return Value::NULL;
    };
    let d = data(a[0]);
    let n = d.len() as i64;
    if width <= n {
        return make_like(a[0], d);
    }
    let pad = vec![b'0'; (width - n) as usize];
    let out = if !d.is_empty() && (d[0] == b'+' || d[0] == b'-') {
        [&d[..1], &pad[..], &d[1..]].concat()
    } else {
        [&pad[..], d].concat()
    };
    make_like(a[0], &out)
}

// bytearray mutation

fn m_append(a: &[Value], k: Value) -> Value {
    if !nargs("append", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(b) = byte_value(a[1]) else {
        return Value::NULL;
    };
    if ba_extend(a[0], &[b]) {
        none()
    } else {
        Value::NULL
    }
}
fn m_extend(a: &[Value], k: Value) -> Value {
    if !nargs("extend", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(b) = bytes_of_any(a[1]) else {
        return Value::NULL;
    };
    if ba_extend(a[0], &b) {
        none()
    } else {
        Value::NULL
    }
}
fn m_pop(a: &[Value], k: Value) -> Value {
    if !nargs("pop", a, k, 0, 1) {
        return Value::NULL;
    }
    let mut d = data(a[0]).to_vec();
    if d.is_empty() {
        return errors::index_error("pop from empty bytearray");
    }
    let n = d.len() as i64;
    let i = if a.len() > 1 {
        match int::index_value(a[1], "pop") {
            Some(i) => i,
            None => return Value::NULL,
        }
    } else {
        -1
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return errors::index_error("pop index out of range");
    }
    let b = d.remove(j as usize);
    if !ba_set(a[0], &d) {
        return Value::NULL;
    }
    Value::from_small(b as i64)
}
fn m_insert(a: &[Value], k: Value) -> Value {
    if !nargs("insert", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(i) = int::index_value(a[1], "insert") else {
        return Value::NULL;
    };
    let Some(b) = byte_value(a[2]) else {
        return Value::NULL;
    };
    let mut d = data(a[0]).to_vec();
    let n = d.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(j as usize, b);
    if ba_set(a[0], &d) {
        none()
    } else {
        Value::NULL
    }
}
fn m_remove(a: &[Value], k: Value) -> Value {
    if !nargs("remove", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(b) = byte_value(a[1]) else {
        return Value::NULL;
    };
    let mut d = data(a[0]).to_vec();
    match d.iter().position(|x| *x == b) {
        Some(i) => {
            d.remove(i);
            if ba_set(a[0], &d) {
                none()
            } else {
                Value::NULL
            }
        }
        None => errors::value_error("value not found in bytearray"),
    }
}
fn m_clear(a: &[Value], k: Value) -> Value {
    if !nargs("clear", a, k, 0, 0) {
        return Value::NULL;
    }
    unsafe { (*ba(a[0])).len = 0 };
    none()
}
fn m_copy(a: &[Value], k: Value) -> Value {
    if !nargs("copy", a, k, 0, 0) {
        return Value::NULL;
    }
    new_bytearray(data(a[0]))
}
fn m_reverse(a: &[Value], k: Value) -> Value {
    if !nargs("reverse", a, k, 0, 0) {
        return Value::NULL;
    }
    let mut d = data(a[0]).to_vec();
    d.reverse();
    if ba_set(a[0], &d) {
        none()
    } else {
        Value::NULL
    }
}

fn m_len(a: &[Value], _k: Value) -> Value {
    Value::from_small(len(a[0]) as i64)
}
fn m_repr(a: &[Value], _k: Value) -> Value {
    repr(a[0])
}
fn m_getitem(a: &[Value], k: Value) -> Value {
    if !nargs("__getitem__", a, k, 1, 1) {
        return Value::NULL;
    }
    getitem(a[0], a[1])
}
fn m_contains(a: &[Value], k: Value) -> Value {
    if !nargs("__contains__", a, k, 1, 1) {
        return Value::NULL;
    }
    match contains(a[0], a[1]) {
        -1 => Value::NULL,
        r => bool_value(r == 1),
    }
}
fn m_hash(a: &[Value], _k: Value) -> Value {
    int::from_i64(hash(a[0]))
}
fn m_bytes(a: &[Value], _k: Value) -> Value {
    new(data(a[0]))
}

pub fn init_methods() {
    let t = types();
    let common: &[(&str, NativeFn)] = &[
        ("decode", m_decode),
        ("hex", m_hex),
        ("join", m_join),
        ("split", m_split),
        ("rsplit", m_rsplit),
        ("splitlines", m_splitlines),
        ("strip", m_strip),
        ("lstrip", m_lstrip),
        ("rstrip", m_rstrip),
        ("startswith", m_startswith),
        ("endswith", m_endswith),
        ("find", m_find),
        ("rfind", m_rfind),
        ("index", m_index),
        ("rindex", m_rindex),
        ("count", m_count),
        ("replace", m_replace),
        ("upper", m_upper),
        ("lower", m_lower),
        ("swapcase", m_swapcase),
        ("capitalize", m_capitalize),
        ("title", m_title),
        ("isdigit", m_isdigit),
        ("isalpha", m_isalpha),
        ("isalnum", m_isalnum),
        ("isspace", m_isspace),
        ("isascii", m_isascii),
        ("isupper", m_isupper),
        ("islower", m_islower),
        ("partition", m_partition),
        ("rpartition", m_rpartition),
        ("removeprefix", m_removeprefix),
        ("removesuffix", m_removesuffix),
        ("ljust", m_ljust),
        ("rjust", m_rjust),
        ("center", m_center),
        ("zfill", m_zfill),
        ("__len__", m_len),
        ("__repr__", m_repr),
        ("__getitem__", m_getitem),
        ("__contains__", m_contains),
    ];
    for (name, f) in common {
        add_method(t.bytes, name, *f);
        add_method(t.bytearray, name, *f);
    }
    add_method(t.bytes, "__hash__", m_hash);
    add_method(t.bytes, "__bytes__", m_bytes);
    builtin_function::add_classmethod(t.bytes, "fromhex", m_fromhex);
    builtin_function::add_classmethod(t.bytearray, "fromhex", m_fromhex);
    builtin_function::add_static(t.bytes, "__new__", m_bytes_new);
    builtin_function::add_static(t.bytearray, "__new__", m_bytearray_new);
    let ba_methods: &[(&str, NativeFn)] = &[
        ("__init__", m_bytearray_init),
        ("append", m_append),
        ("extend", m_extend),
        ("pop", m_pop),
        ("insert", m_insert),
        ("remove", m_remove),
        ("clear", m_clear),
        ("copy", m_copy),
        ("reverse", m_reverse),
    ];
    for (name, f) in ba_methods {
        add_method(t.bytearray, name, *f);
    }
    unsafe { crate::objects::dict::set_by_name((*t.bytearray).dict, "__hash__", none()) };
}
