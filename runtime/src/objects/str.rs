//! `str`: immutable Unicode text, stored as UTF-8 with its length in characters.
//!
//! ASCII strings (the common case) index in O(1); others walk the UTF-8 bytes.

use crate::errors;
use crate::object::{alloc_atomic_object, bool_value, none, types, Kind};
use crate::objects::builtin_function::{add_method, check_args};
use crate::objects::{int, list, slice, tuple};
use crate::ops;
use crate::value::Value;
use std::collections::HashMap;

#[repr(C)]
pub struct StrObject {
    pub header: crate::value::Header,
    pub hash: i64,
    pub nbytes: usize,
    pub nchars: usize,
    pub data: [u8; 0],
}

const HEADER: usize = std::mem::size_of::<StrObject>();

pub fn new(s: &str) -> Value {
    let v = alloc_atomic_object(types().str, HEADER + s.len());
    if v.is_null() {
        return v;
    }
    unsafe {
        let o = v.ptr::<StrObject>();
        (*o).hash = -1;
        (*o).nbytes = s.len();
        (*o).nchars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        std::ptr::copy_nonoverlapping(s.as_ptr(), (*o).data.as_mut_ptr(), s.len());
    }
    v
}

/// FNV-1a: the interning table is keyed by short identifiers, for which it beats SipHash.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

static mut INTERNED: Option<HashMap<String, Value, FnvBuild>> = None;

/// The interned str for a literal, looked up once per use site.
#[macro_export]
macro_rules! interned {
    ($s:literal) => {{
        static mut CACHE: $crate::value::Value = $crate::value::Value::NULL;
        let text: &str = $s;
        #[allow(unused_unsafe)]
        unsafe {
            let c = *std::ptr::addr_of!(CACHE);
            if c.is_null() {
                let v = $crate::objects::str::intern(text);
                *std::ptr::addr_of_mut!(CACHE) = v;
                v
            } else {
                c
            }
        }
    }};
}

/// The one shared str object for `s` (names, identifiers); never collected.
pub fn intern(s: &str) -> Value {
    unsafe {
        let table = (*std::ptr::addr_of_mut!(INTERNED)).get_or_insert_with(HashMap::default);
        if let Some(v) = table.get(s) {
            return *v;
        }
        let p = crate::gc::alloc_root(HEADER + s.len()) as *mut StrObject;
        (*p).header.ty = types().str;
        (*p).hash = -1;
        (*p).nbytes = s.len();
        (*p).nchars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        std::ptr::copy_nonoverlapping(s.as_ptr(), (*p).data.as_mut_ptr(), s.len());
        let v = Value::from_ptr(p);
        table.insert(s.to_string(), v);
        v
    }
}

/// The text of a str (or str subclass) object. The borrow lives as long as the object does.
#[inline]
pub fn as_str(v: Value) -> &'static str {
    unsafe {
        let o = v.ptr::<StrObject>();
        std::str::from_utf8_unchecked(std::slice::from_raw_parts((*o).data.as_ptr(), (*o).nbytes))
    }
}

pub fn char_len(v: Value) -> usize {
    unsafe { (*v.ptr::<StrObject>()).nchars }
}

pub fn is_str(v: Value) -> bool {
    !v.is_small() && crate::object::kind_of(v) == Kind::Str
}

pub fn hash(v: Value) -> i64 {
    unsafe {
        let o = v.ptr::<StrObject>();
        if (*o).hash != -1 {
            return (*o).hash;
        }
        // FNV-1a over the UTF-8 bytes; Python's str hash is randomized per run, so no program
        // can depend on particular values.
        let mut h: u64 = 0xcbf29ce484222325;
        for b in as_str(v).bytes() {
            h ^= b as u64;
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

#[inline]
pub fn eq(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    unsafe {
        let (x, y) = (a.ptr::<StrObject>(), b.ptr::<StrObject>());
        if (*x).nbytes != (*y).nbytes {
            return false;
        }
        if (*x).hash != -1 && (*y).hash != -1 && (*x).hash != (*y).hash {
            return false;
        }
    }
    as_str(a) == as_str(b)
}

/// The character at character index `i` (0 <= i < len).
pub fn char_at(v: Value, i: usize) -> char {
    let s = as_str(v);
    if s.len() == char_len(v) {
        s.as_bytes()[i] as char
    } else {
        s.chars().nth(i).unwrap_or('\0')
    }
}

pub fn from_char(c: char) -> Value {
    let mut buf = [0u8; 4];
    if c.is_ascii() {
        return single_ascii(c as u8);
    }
    new(c.encode_utf8(&mut buf))
}

static mut ASCII_CHARS: [Value; 128] = [Value::NULL; 128];

fn single_ascii(b: u8) -> Value {
    unsafe {
        let slot = &mut (*std::ptr::addr_of_mut!(ASCII_CHARS))[b as usize];
        if slot.is_null() {
            *slot = intern(std::str::from_utf8_unchecked(&[b]));
        }
        *slot
    }
}

/// Python's `str.isspace` for one character.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's `str.isprintable` for one character: not in categories Cc, Cf, Cs, Co, Cn, Zl,
/// Zp, Zs (the space itself excepted).
pub fn is_printable(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory as G};
    if c == ' ' {
        return true;
    }
    if (c as u32) < 0x7f {
        return c >= ' ';
    }
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}

/// `repr(s)`: quotes and escapes as CPython does.
pub fn repr_text(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c)
            }
            c if is_printable(c) => out.push(c),
            c => {
                let u = c as u32;
                if u < 0x100 {
                    out.push_str(&format!("\\x{:02x}", u))
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", u))
                } else {
                    out.push_str(&format!("\\U{:08x}", u))
                }
            }
        }
    }
    out.push(quote);
    out
}

pub fn repr(v: Value) -> Value {
    new(&repr_text(as_str(v)))
}

pub fn concat(a: Value, b: Value) -> Value {
    let (x, y) = (as_str(a), as_str(b));
    if x.is_empty() {
        return b;
    }
    if y.is_empty() {
        return a;
    }
    let mut s = String::with_capacity(x.len() + y.len());
    s.push_str(x);
    s.push_str(y);
    new(&s)
}

pub fn repeat(a: Value, n: i64) -> Value {
    let s = as_str(a);
    if n <= 0 || s.is_empty() {
        return new("");
    }
    // As CPython: more characters than a signed word counts is OverflowError, a size no memory
    // holds MemoryError.
    match char_len(a).checked_mul(n as usize) {
        Some(chars) if chars > isize::MAX as usize => {
            errors::overflow_error("repeated string is too long")
        }
        None => errors::overflow_error("repeated string is too long"),
        _ => match s.len().checked_mul(n as usize) {
            Some(total) if total <= crate::gc::MAX_ALLOC => new(&s.repeat(n as usize)),
            _ => errors::no_memory(),
        },
    }
}

/// Byte offset of character index `i` (i <= len).
fn byte_offset(s: &str, nchars: usize, i: usize) -> usize {
    if s.len() == nchars {
        i
    } else {
        s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
    }
}

pub fn getitem(v: Value, key: Value) -> Value {
    let n = char_len(v) as i64;
    if key.is_small() && as_str(v).len() == n as usize {
        // A small index into ASCII text: the byte is the character.
        let i = key.small();
        let j = if i < 0 { i + n } else { i };
        if (0..n).contains(&j) {
            return single_ascii(as_str(v).as_bytes()[j as usize]);
        }
    }
    if crate::object::kind_of(key) == Kind::Slice {
        let (start, stop, step) = match slice::indices(key, n) {
            Some(t) => t,
            None => return Value::NULL,
        };
        let s = as_str(v);
        if step == 1 {
            if start >= stop {
                return new("");
            }
            let nc = n as usize;
            let b0 = byte_offset(s, nc, start as usize);
            let b1 = byte_offset(s, nc, stop as usize);
            return new(&s[b0..b1]);
        }
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        for i in slice::range_iter(start, stop, step) {
            out.push(chars[i as usize]);
        }
        return new(&out);
    }
    let i = match int::index_value(key, "string") {
        Some(i) => i,
        None => return Value::NULL,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return errors::index_error("string index out of range");
    }
    from_char(char_at(v, j as usize))
}

pub fn contains(hay: Value, needle: Value) -> i32 {
    if !is_str(needle) {
        errors::type_error(&format!(
            "'in <string>' requires string as left operand, not {}",
            crate::object::type_name_of(needle)
        ));
        return -1;
    }
    let (h, n) = (as_str(hay).as_bytes(), as_str(needle).as_bytes());
    // One byte (an ASCII character, as in `ch in " \t\n"`): memmem's searcher costs more to
    // set up than the search.
    if let [b] = n {
        return memchr::memchr(*b, h).is_some() as i32;
    }
    memchr::memmem::find(h, n).is_some() as i32
}

/// Rich comparison of two strs by code point.
pub fn compare(a: Value, b: Value) -> std::cmp::Ordering {
    as_str(a).cmp(as_str(b))
}

// ---- methods -------------------------------------------------------------------------------

fn self_str(args: &[Value]) -> &'static str {
    as_str(args[0])
}

fn arg_str(v: Value, what: &str) -> Option<&'static str> {
    if is_str(v) {
        Some(as_str(v))
    } else {
        errors::type_error(&format!("{what}, not {}", crate::object::type_name_of(v)));
        None
    }
}

fn m_join(args: &[Value], kw: Value) -> Value {
    if !check_args("join", args, kw, 1, 1) {
        return Value::NULL;
    }
    let sep = self_str(args);
    let items = match ops::collect(args[1]) {
        Some(v) => v,
        None => return Value::NULL,
    };
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if !is_str(*it) {
            return errors::type_error(&format!(
                "sequence item {i}: expected str instance, {} found",
                crate::object::type_name_of(*it)
            ));
        }
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(as_str(*it));
    }
    new(&out)
}

fn str_list(parts: Vec<&str>) -> Value {
    let vals: Vec<Value> = parts.into_iter().map(new).collect();
    list::from_vec(vals)
}

fn split_impl(args: &[Value], kw: Value, name: &str, right: bool) -> Value {
    let (pos, sep_v, max_v) = match crate::objects::builtin_function::parse_kw(
        name,
        &args[1..],
        kw,
        &["sep", "maxsplit"],
        0,
    ) {
        Some(p) => (p, 0, 1),
        None => return Value::NULL,
    };
    let s = self_str(args);
    let sep = pos[sep_v];
    let maxsplit = if pos[max_v].is_null() {
        -1
    } else {
        match int::index_value(pos[max_v], "maxsplit") {
            Some(m) => m,
            None => return Value::NULL,
        }
    };
    if sep.is_null() || sep == none() {
        let mut parts: Vec<&str> = Vec::new();
        if !right {
            let mut rest = s.trim_start_matches(is_space);
            while !rest.is_empty() {
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    parts.push(rest);
                    break;
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = rest[end..].trim_start_matches(is_space);
            }
        } else {
            let mut rest = s.trim_end_matches(is_space);
            while !rest.is_empty() {
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    parts.push(rest);
                    break;
                }
                let start = rest
                    .rfind(is_space)
                    .map(|i| i + rest[i..].chars().next().unwrap().len_utf8())
                    .unwrap_or(0);
                parts.push(&rest[start..]);
                rest = rest[..start].trim_end_matches(is_space);
            }
            parts.reverse();
        }
        return str_list(parts);
    }
    let sep = match arg_str(sep, "must be str or None") {
        Some(s) => s,
        None => return Value::NULL,
    };
    if sep.is_empty() {
        return errors::value_error("empty separator");
    }
    let parts: Vec<&str> = if right && maxsplit >= 0 {
        let mut p: Vec<&str> = s.rsplitn(maxsplit as usize + 1, sep).collect();
        p.reverse();
        p
    } else {
        // At most `maxsplit` cuts (all when negative), at the non-overlapping matches from the
        // left.
        let limit = if maxsplit < 0 {
            usize::MAX
        } else {
            maxsplit as usize
        };
        let mut p = Vec::new();
        let mut start = 0;
        for i in memchr::memmem::find_iter(s.as_bytes(), sep.as_bytes()).take(limit) {
            p.push(&s[start..i]);
            start = i + sep.len();
        }
        p.push(&s[start..]);
        p
    };
    str_list(parts)
}

fn m_split(args: &[Value], kw: Value) -> Value {
    split_impl(args, kw, "split", false)
}
fn m_rsplit(args: &[Value], kw: Value) -> Value {
    split_impl(args, kw, "rsplit", true)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn m_splitlines(args: &[Value], kw: Value) -> Value {
    let Some(p) =
        crate::objects::builtin_function::parse_kw("splitlines", &args[1..], kw, &["keepends"], 0)
    else {
        return Value::NULL;
    };
    let keep = !p[0].is_null() && ops::truthy(p[0]) == 1;
    let s = self_str(args);
    let mut parts = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = it.peek() {
                    end = j + 1;
                    it.next();
                }
            }
            parts.push(if keep { &s[start..end] } else { &s[start..i] });
            start = end;
        }
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    str_list(parts)
}

fn strip_impl(args: &[Value], kw: Value, name: &str, left: bool, right: bool) -> Value {
    if !check_args(name, args, kw, 0, 1) {
        return Value::NULL;
    }
    let s = self_str(args);
    let r = if args.len() > 1 && args[1] != none() {
        let chars = match arg_str(args[1], &format!("{name} arg must be None or str")) {
            Some(c) => c,
            None => return Value::NULL,
        };
        let f = |c: char| chars.contains(c);
        match (left, right) {
            (true, true) => s.trim_matches(f),
            (true, false) => s.trim_start_matches(f),
            _ => s.trim_end_matches(f),
        }
    } else {
        match (left, right) {
            (true, true) => s.trim_matches(is_space),
            (true, false) => s.trim_start_matches(is_space),
            _ => s.trim_end_matches(is_space),
        }
    };
    if r.len() == s.len() {
        return args[0];
    }
    new(r)
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

fn m_upper(a: &[Value], k: Value) -> Value {
    if !check_args("upper", a, k, 0, 0) {
        return Value::NULL;
    }
    new(&self_str(a).to_uppercase())
}
fn m_lower(a: &[Value], k: Value) -> Value {
    if !check_args("lower", a, k, 0, 0) {
        return Value::NULL;
    }
    new(&self_str(a).to_lowercase())
}
fn m_capitalize(a: &[Value], k: Value) -> Value {
    if !check_args("capitalize", a, k, 0, 0) {
        return Value::NULL;
    }
    let s = self_str(a);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    new(&out)
}
fn m_title(a: &[Value], k: Value) -> Value {
    if !check_args("title", a, k, 0, 0) {
        return Value::NULL;
    }
    let mut out = String::new();
    let mut prev_cased = false;
    for c in self_str(a).chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    new(&out)
}
fn m_swapcase(a: &[Value], k: Value) -> Value {
    if !check_args("swapcase", a, k, 0, 0) {
        return Value::NULL;
    }
    let mut out = String::new();
    for c in self_str(a).chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
    }
    new(&out)
}

fn affix_impl(a: &[Value], k: Value, name: &str, start: bool) -> Value {
    if !check_args(name, a, k, 1, 3) {
        return Value::NULL;
    }
    let s = self_str(a);
    let n = char_len(a[0]) as i64;
    let (lo, hi) = match slice::bounds_args(&a[2..], n) {
        Some(b) => b,
        None => return Value::NULL,
    };
    let sub = if lo > hi || slice::start_past_end(&a[2..], n) {
        None
    } else {
        let b0 = byte_offset(s, n as usize, lo as usize);
        let b1 = byte_offset(s, n as usize, hi as usize);
        Some(&s[b0..b1])
    };
    let test = |p: &str| match sub {
        None => false,
        Some(t) => {
            if start {
                t.starts_with(p)
            } else {
                t.ends_with(p)
            }
        }
    };
    if is_str(a[1]) {
        return bool_value(test(as_str(a[1])));
    }
    if crate::object::kind_of(a[1]) == Kind::Tuple {
        for p in tuple::items(a[1]) {
            if !is_str(*p) {
                return errors::type_error(&format!(
                    "tuple for {name} must only contain str, not {}",
                    crate::object::type_name_of(*p)
                ));
            }
            if test(as_str(*p)) {
                return bool_value(true);
            }
        }
        return bool_value(false);
    }
    errors::type_error(&format!(
        "{name} first arg must be str or a tuple of str, not {}",
        crate::object::type_name_of(a[1])
    ))
}
fn m_startswith(a: &[Value], k: Value) -> Value {
    affix_impl(a, k, "startswith", true)
}
fn m_endswith(a: &[Value], k: Value) -> Value {
    affix_impl(a, k, "endswith", false)
}

fn m_replace(a: &[Value], k: Value) -> Value {
    if !check_args("replace", a, k, 2, 3) {
        return Value::NULL;
    }
    let (Some(old), Some(newv)) = (
        arg_str(a[1], "replace() argument 1 must be str"),
        arg_str(a[2], "replace() argument 2 must be str"),
    ) else {
        return Value::NULL;
    };
    let count = if a.len() > 3 {
        match int::index_value(a[3], "count") {
            Some(c) => c,
            None => return Value::NULL,
        }
    } else {
        -1
    };
    let s = self_str(a);
    let r = if count < 0 {
        s.replace(old, newv)
    } else {
        s.replacen(old, newv, count as usize)
    };
    new(&r)
}

/// Character index of a byte offset.
fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

fn find_impl(a: &[Value], k: Value, name: &str, right: bool) -> Option<i64> {
    if !check_args(name, a, k, 1, 3) {
        return None;
    }
    let sub = arg_str(a[1], "must be str")?;
    let s = self_str(a);
    let n = char_len(a[0]) as i64;
    let (lo, hi) = slice::bounds_args(&a[2..], n)?;
    if lo > hi || slice::start_past_end(&a[2..], n) {
        return Some(-1);
    }
    let b0 = byte_offset(s, n as usize, lo as usize);
    let b1 = byte_offset(s, n as usize, hi as usize);
    let hay = &s[b0..b1];
    let (h, n) = (hay.as_bytes(), sub.as_bytes());
    let found = if right {
        memchr::memmem::rfind(h, n)
    } else {
        memchr::memmem::find(h, n)
    };
    Some(match found {
        Some(b) => char_index(s, b0 + b),
        None => -1,
    })
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
        Some(-1) => errors::value_error("substring not found"),
        Some(i) => Value::from_small(i),
        None => Value::NULL,
    }
}
fn m_rindex(a: &[Value], k: Value) -> Value {
    match find_impl(a, k, "rindex", true) {
        Some(-1) => errors::value_error("substring not found"),
        Some(i) => Value::from_small(i),
        None => Value::NULL,
    }
}

fn m_count(a: &[Value], k: Value) -> Value {
    if !check_args("count", a, k, 1, 3) {
        return Value::NULL;
    }
    let Some(sub) = arg_str(a[1], "must be str") else {
        return Value::NULL;
    };
    let s = self_str(a);
    let n = char_len(a[0]) as i64;
    let Some((lo, hi)) = slice::bounds_args(&a[2..], n) else {
        return Value::NULL;
    };
    if lo > hi || slice::start_past_end(&a[2..], n) {
        return Value::from_small(0);
    }
    let hay = &s[byte_offset(s, n as usize, lo as usize)..byte_offset(s, n as usize, hi as usize)];
    let c = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        // Non-overlapping matches, as `str.count` counts.
        match sub.as_bytes() {
            [b] => memchr::memchr_iter(*b, hay.as_bytes()).count(),
            n => memchr::memmem::find_iter(hay.as_bytes(), n).count(),
        }
    };
    Value::from_small(c as i64)
}

fn pred_impl(a: &[Value], k: Value, name: &str, f: fn(char) -> bool) -> Value {
    if !check_args(name, a, k, 0, 0) {
        return Value::NULL;
    }
    let s = self_str(a);
    bool_value(!s.is_empty() && s.chars().all(f))
}
fn is_decimal(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory};
    c.is_ascii_digit() || get_general_category(c) == GeneralCategory::DecimalNumber
}

/// Python's `isdigit`: decimal digits plus the other digit characters (superscripts,
/// circled and parenthesized digits) of Numeric_Type=Digit.
fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c as u32, 0xb2 | 0xb3 | 0xb9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468
            | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24ea | 0x24f5..=0x24fd | 0x24ff | 0x2776..=0x277e
            | 0x2780..=0x2788 | 0x278a..=0x2792 | 0x1369..=0x1371 | 0x19da | 0x10a40..=0x10a43
            | 0x1f100..=0x1f10a)
}

fn m_isdigit(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isdigit", is_digit)
}
fn m_isdecimal(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isdecimal", is_decimal)
}
fn m_isnumeric(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isnumeric", |c| c.is_numeric())
}
fn m_isalpha(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isalpha", |c| c.is_alphabetic())
}
fn m_isalnum(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isalnum", |c| c.is_alphanumeric())
}
fn m_isspace(a: &[Value], k: Value) -> Value {
    pred_impl(a, k, "isspace", is_space)
}
fn cased_impl(a: &[Value], k: Value, name: &str, upper: bool) -> Value {
    if !check_args(name, a, k, 0, 0) {
        return Value::NULL;
    }
    let s = self_str(a);
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() || c.is_lowercase() {
            any = true;
            if c.is_uppercase() != upper {
                return bool_value(false);
            }
        }
    }
    bool_value(any)
}
fn m_isupper(a: &[Value], k: Value) -> Value {
    cased_impl(a, k, "isupper", true)
}
fn m_islower(a: &[Value], k: Value) -> Value {
    cased_impl(a, k, "islower", false)
}

fn pad_impl(a: &[Value], k: Value, name: &str, align: char) -> Value {
    if !check_args(name, a, k, 1, 2) {
        return Value::NULL;
    }
    let Some(width) = int::index_value(a[1], "width") else {
        return Value::NULL;
    };
    let fill = if a.len() > 2 {
        if !is_str(a[2]) || char_len(a[2]) != 1 {
            return errors::type_error("The fill character must be exactly one character long");
        }
        char_at(a[2], 0)
    } else {
        ' '
    };
    let s = self_str(a);
    let n = char_len(a[0]) as i64;
    if width <= n {
        return a[0];
    }
    let pad = (width - n) as usize;
    if pad.saturating_mul(fill.len_utf8()) > crate::gc::MAX_ALLOC {
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
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, r));
    new(&out)
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
    if !check_args("zfill", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(width) = int::index_value(a[1], "width") else {
        return Value::NULL;
    };
    let s = self_str(a);
    let n = char_len(a[0]) as i64;
    if width <= n {
        return a[0];
    }
    if (width - n) as u64 > crate::gc::MAX_ALLOC as u64 {
        return errors::no_memory();
    }
    let pad = "0".repeat((width - n) as usize);
    let out = if s.starts_with('+') || s.starts_with('-') {
        format!("{}{}{}", &s[..1], pad, &s[1..])
    } else {
        format!("{pad}{s}")
    };
    new(&out)
}

fn partition_impl(a: &[Value], k: Value, name: &str, right: bool) -> Value {
    if !check_args(name, a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(sep) = arg_str(a[1], "must be str") else {
        return Value::NULL;
    };
    if sep.is_empty() {
        return errors::value_error("empty separator");
    }
    let s = self_str(a);
    let found = if right { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [new(&s[..i]), a[1], new(&s[i + sep.len()..])],
        None if right => [new(""), new(""), a[0]],
        None => [a[0], new(""), new("")],
    };
    tuple::new(&parts)
}
fn m_partition(a: &[Value], k: Value) -> Value {
    partition_impl(a, k, "partition", false)
}
fn m_rpartition(a: &[Value], k: Value) -> Value {
    partition_impl(a, k, "rpartition", true)
}

fn m_encode(a: &[Value], k: Value) -> Value {
    let Some((enc, errs)) = crate::objects::bytes::codec_args("encode", &a[1..], k) else {
        return Value::NULL;
    };
    crate::objects::bytes::encode(self_str(a), &enc, &errs)
}

fn m_format_map(a: &[Value], k: Value) -> Value {
    if !check_args("format_map", a, k, 1, 1) {
        return Value::NULL;
    }
    crate::builtins::format::str_format_map(a[0], a[1])
}

fn m_casefold(a: &[Value], k: Value) -> Value {
    if !check_args("casefold", a, k, 0, 0) {
        return Value::NULL;
    }
    let mut out = String::new();
    for c in self_str(a).chars() {
        match c {
            'ß' => out.push_str("ss"),
            'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬀ' => out.push_str("ff"),
            c => out.extend(c.to_lowercase()),
        }
    }
    new(&out)
}

fn m_expandtabs(a: &[Value], k: Value) -> Value {
    let Some(p) =
        crate::objects::builtin_function::parse_kw("expandtabs", &a[1..], k, &["tabsize"], 0)
    else {
        return Value::NULL;
    };
    let size = if p[0].is_null() {
        8
    } else {
        match int::index_value(p[0], "tabsize") {
            Some(n) if i32::try_from(n).is_ok() => n,
            Some(_) => {
                return errors::raise_msg(
                    crate::object::exc_types().overflow_error,
                    "Python int too large to convert to C int",
                )
            }
            None => return Value::NULL,
        }
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in self_str(a).chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    if out.len() as u64 + n as u64 > crate::gc::MAX_ALLOC as u64 {
                        return errors::no_memory();
                    }
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    new(&out)
}

fn m_translate(a: &[Value], k: Value) -> Value {
    if !check_args("translate", a, k, 1, 1) {
        return Value::NULL;
    }
    let table = a[1];
    let mut out = String::new();
    for c in self_str(a).chars() {
        let r = ops::getitem(table, Value::from_small(c as i64));
        if r.is_null() {
            if errors::current_matches(crate::object::exc_types().lookup_error) {
                errors::fetch();
                out.push(c);
                continue;
            }
            return r;
        }
        if r == none() {
            continue;
        }
        if is_str(r) {
            out.push_str(as_str(r));
        } else if int::is_int(r) {
            match int::as_i64(r)
                .and_then(|i| u32::try_from(i).ok())
                .and_then(char::from_u32)
            {
                Some(ch) => out.push(ch),
                None => return errors::value_error("character mapping must be in range(0x110000)"),
            }
        } else {
            return errors::type_error("character mapping must return integer, None or str");
        }
    }
    new(&out)
}

fn m_maketrans(a: &[Value], k: Value) -> Value {
    if !crate::objects::builtin_function::check_count("maketrans", a.len(), 1, 3)
        || !kw_none("maketrans", k)
    {
        return Value::NULL;
    }
    let d = crate::objects::dict::new();
    if a.len() == 1 {
        if a[0].is_small() || crate::object::kind_of(a[0]) != Kind::Dict {
            return errors::type_error(
                "if you give only one argument to maketrans it must be a dict",
            );
        }
        for (key, v) in crate::objects::dict::items(a[0]) {
            let kk = if is_str(key) {
                if char_len(key) != 1 {
                    return errors::value_error(
                        "string keys in translate table must be of length 1",
                    );
                }
                Value::from_small(char_at(key, 0) as i64)
            } else if int::is_int(key) {
                key
            } else {
                return errors::type_error("keys in translate table must be strings or integers");
            };
            if !crate::objects::dict::set_item(d, kk, v) {
                return Value::NULL;
            }
        }
        return d;
    }
    if !is_str(a[0]) || !is_str(a[1]) {
        return errors::type_error("maketrans() argument 2 must be str, not int");
    }
    if char_len(a[0]) != char_len(a[1]) {
        return errors::value_error("the first two maketrans arguments must have equal length");
    }
    for (x, y) in as_str(a[0]).chars().zip(as_str(a[1]).chars()) {
        crate::objects::dict::set_item(d, Value::from_small(x as i64), Value::from_small(y as i64));
    }
    if a.len() == 3 {
        if !is_str(a[2]) {
            return errors::type_error("maketrans() argument 3 must be str");
        }
        for z in as_str(a[2]).chars() {
            crate::objects::dict::set_item(d, Value::from_small(z as i64), none());
        }
    }
    d
}

fn kw_none(name: &str, k: Value) -> bool {
    if !k.is_null() && tuple::len(k) > 0 {
        errors::type_error(&format!("{name}() takes no keyword arguments"));
        return false;
    }
    true
}

fn affix_remove(a: &[Value], k: Value, name: &str, prefix: bool) -> Value {
    if !check_args(name, a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(p) = arg_str(a[1], &format!("{name}() argument must be str")) else {
        return Value::NULL;
    };
    let s = self_str(a);
    let r = if prefix {
        s.strip_prefix(p)
    } else {
        s.strip_suffix(p)
    };
    match r {
        Some(t) if !p.is_empty() => new(t),
        _ => {
            if crate::object::type_of(a[0]) == types().str {
                a[0]
            } else {
                new(s)
            }
        }
    }
}
fn m_removeprefix(a: &[Value], k: Value) -> Value {
    affix_remove(a, k, "removeprefix", true)
}
fn m_removesuffix(a: &[Value], k: Value) -> Value {
    affix_remove(a, k, "removesuffix", false)
}

fn m_isidentifier(a: &[Value], k: Value) -> Value {
    if !check_args("isidentifier", a, k, 0, 0) {
        return Value::NULL;
    }
    let s = self_str(a);
    let mut it = s.chars();
    let ok = match it.next() {
        None => false,
        Some(c) => (c == '_' || c.is_alphabetic()) && it.all(|c| c == '_' || c.is_alphanumeric()),
    };
    bool_value(ok)
}

fn m_isprintable(a: &[Value], k: Value) -> Value {
    if !check_args("isprintable", a, k, 0, 0) {
        return Value::NULL;
    }
    bool_value(self_str(a).chars().all(is_printable))
}

fn m_isascii(a: &[Value], k: Value) -> Value {
    if !check_args("isascii", a, k, 0, 0) {
        return Value::NULL;
    }
    bool_value(self_str(a).is_ascii())
}

fn m_istitle(a: &[Value], k: Value) -> Value {
    if !check_args("istitle", a, k, 0, 0) {
        return Value::NULL;
    }
    let mut cased = false;
    let mut prev_cased = false;
    for c in self_str(a).chars() {
        if c.is_uppercase()
            || (c.is_alphabetic() && !c.is_lowercase() && c.to_lowercase().next() != Some(c))
        {
            if prev_cased {
                return bool_value(false);
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return bool_value(false);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    bool_value(cased)
}

/// `str(object='')`, `str(object=b'', encoding='utf-8', errors='strict')`.
pub fn construct(args: &[Value], kwnames: Value) -> Value {
    let Some(p) = crate::objects::builtin_function::parse_kw(
        "str",
        args,
        kwnames,
        &["object", "encoding", "errors"],
        0,
    ) else {
        return Value::NULL;
    };
    if p[1].is_null() && p[2].is_null() {
        if p[0].is_null() {
            return intern("");
        }
        return ops::str_(p[0]);
    }
    let obj = if p[0].is_null() {
        crate::objects::bytes::new(&[])
    } else {
        p[0]
    };
    if !crate::objects::bytes::is_bytes_like(obj) {
        if is_str(obj) {
            return errors::type_error("decoding str is not supported");
        }
        return errors::type_error(&format!(
            "decoding to str: need a bytes-like object, {} found",
            crate::object::type_name_of(obj)
        ));
    }
    let text = |v: Value, d: &str| -> Option<String> {
        if v.is_null() {
            return Some(d.to_string());
        }
        if !is_str(v) {
            errors::type_error(&format!(
                "str() argument 'encoding' must be str, not {}",
                crate::object::type_name_of(v)
            ));
            return None;
        }
        Some(as_str(v).to_string())
    };
    let (Some(enc), Some(er)) = (text(p[1], "utf-8"), text(p[2], "strict")) else {
        return Value::NULL;
    };
    crate::objects::bytes::decode(crate::objects::bytes::data(obj), &enc, &er)
}

fn m_format(a: &[Value], k: Value) -> Value {
    crate::builtins::format::str_format(a[0], &a[1..], k)
}

pub fn init_methods(t: *mut crate::object::TypeObject) {
    let m: &[(&str, crate::objects::builtin_function::NativeFn)] = &[
        ("join", m_join),
        ("split", m_split),
        ("rsplit", m_rsplit),
        ("splitlines", m_splitlines),
        ("strip", m_strip),
        ("lstrip", m_lstrip),
        ("rstrip", m_rstrip),
        ("upper", m_upper),
        ("lower", m_lower),
        ("capitalize", m_capitalize),
        ("title", m_title),
        ("swapcase", m_swapcase),
        ("startswith", m_startswith),
        ("endswith", m_endswith),
        ("replace", m_replace),
        ("find", m_find),
        ("rfind", m_rfind),
        ("index", m_index),
        ("rindex", m_rindex),
        ("count", m_count),
        ("isdigit", m_isdigit),
        ("isdecimal", m_isdecimal),
        ("isnumeric", m_isnumeric),
        ("isalpha", m_isalpha),
        ("isalnum", m_isalnum),
        ("isspace", m_isspace),
        ("isupper", m_isupper),
        ("islower", m_islower),
        ("ljust", m_ljust),
        ("rjust", m_rjust),
        ("center", m_center),
        ("zfill", m_zfill),
        ("partition", m_partition),
        ("rpartition", m_rpartition),
        ("encode", m_encode),
        ("format", m_format),
        ("format_map", m_format_map),
        ("casefold", m_casefold),
        ("expandtabs", m_expandtabs),
        ("translate", m_translate),
        ("removeprefix", m_removeprefix),
        ("removesuffix", m_removesuffix),
        ("isidentifier", m_isidentifier),
        ("isprintable", m_isprintable),
        ("isascii", m_isascii),
        ("istitle", m_istitle),
    ];
    for (name, f) in m {
        add_method(t, name, *f);
    }
    crate::objects::builtin_function::add_static(t, "maketrans", m_maketrans);
}
