//! Text formatting built on `crate::format`: `format()` and f-string fields, `str % args`
//! and `str.format`.

use crate::errors;
use crate::format::{self as fmt, PercentFlags};
use crate::object::{kind_of, type_name_of, Kind};
use crate::objects::{bool as pybool, dict, float, int, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

/// Escapes non-ASCII characters as `ascii()` does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

/// `round(x, n)` for floats: correctly rounded through the decimal text, as CPython does.
pub fn round_float(x: f64, n: i64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if n > 323 {
        return x;
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        return s.parse().unwrap_or(x);
    }
    let p = 10f64.powi((-n) as i32);
    let y = x / p;
    let r = y.round_ties_even();
    let r = if (y - y.trunc()).abs() == 0.5 {
        r
    } else {
        y.round()
    };
    r * p
}

/// Raises the error of a bad format spec: a ValueError with the message, or MemoryError.
pub fn spec_error(e: String) -> Value {
    if e == crate::format::WIDTH_TOO_BIG {
        return errors::no_memory();
    }
    errors::value_error(&e)
}

/// `format(v, spec)` (and the `FORMAT_VALUE` of f-strings).
pub fn format_value(v: Value, spec: Value) -> Value {
    // A class defined in Python (a plain one or a subclass of a built-in type) may define its
    // own `__format__`, whatever the spec looks like.
    let t = crate::object::type_of(v);
    let f = if !v.is_small() && crate::objects::type_::is_heap_type(t) {
        crate::objects::type_::user_override(t, "__format__")
    } else {
        Value::NULL
    };
    if !f.is_null() {
        let r = ops::call(f, &[v, spec], Value::NULL);
        if !r.is_null() && !pystr::is_str(r) {
            return errors::type_error(&format!(
                "__format__ must return a str, not {}",
                type_name_of(r)
            ));
        }
        return r;
    }
    format_builtin(v, spec)
}

/// `format(v, spec)` by the built-in layout of `v`.
/// Specs parsed lately, by the str hash of their text: a program formats with the same few
/// specs over and over (f-string constants). Only specs that parsed are kept, and an entry
/// holds the text it was parsed from, so a hit is exactly what parsing would give.
struct SpecEntry {
    len: usize,
    text: [u8; SPEC_TEXT_MAX],
    spec: fmt::FormatSpec,
}

const SPEC_TEXT_MAX: usize = 24;
const SPEC_CACHE_SIZE: usize = 64;

static mut SPEC_CACHE: [Option<SpecEntry>; SPEC_CACHE_SIZE] = [const { None }; SPEC_CACHE_SIZE];

/// `fmt::parse_format_spec(s)` of the str `spec` (whose text is `s`), through the cache.
fn parsed_spec(spec: Value, s: &str) -> Result<fmt::FormatSpec, String> {
    if s.len() > SPEC_TEXT_MAX {
        return fmt::parse_format_spec(s);
    }
    let slot = pystr::hash(spec) as usize % SPEC_CACHE_SIZE;
    // The runtime runs Python code on one thread at a time.
    let cache = unsafe { &mut *std::ptr::addr_of_mut!(SPEC_CACHE) };
    if let Some(e) = &cache[slot] {
        if e.len == s.len() && &e.text[..e.len] == s.as_bytes() {
            return Ok(e.spec.clone());
        }
    }
    let parsed = fmt::parse_format_spec(s)?;
    let mut text = [0u8; SPEC_TEXT_MAX];
    text[..s.len()].copy_from_slice(s.as_bytes());
    cache[slot] = Some(SpecEntry {
        len: s.len(),
        text,
        spec: parsed.clone(),
    });
    Ok(parsed)
}

pub fn format_builtin(v: Value, spec: Value) -> Value {
    let s = pystr::as_str(spec);
    if crate::objects::complex::is_complex(v) {
        return crate::objects::complex::format(v, s);
    }
    if !v.is_small() && kind_of(v) == Kind::Str && s.is_empty() {
        return v;
    }
    let is_builtin_number =
        v.is_small() || matches!(kind_of(v), Kind::Int | Kind::Bool | Kind::Float);
    if s.is_empty() && !(is_builtin_number || kind_of(v) == Kind::Str) {
        let r = ops::call_dunder(v, "__format__", &[spec]);
        if !r.is_null() || errors::occurred() {
            return r;
        }
        return ops::str_(v);
    }
    if s.is_empty() {
        return ops::str_(v);
    }
    let parsed = match parsed_spec(spec, s) {
        Ok(p) => p,
        Err(e) => return spec_error(e),
    };
    let r = if v.is_small() || kind_of(v) == Kind::Int || kind_of(v) == Kind::Bool {
        if kind_of(v) == Kind::Bool && parsed.ty.is_none() && !v.is_small() && s.is_empty() {
            let text = if pybool::value(v) { "True" } else { "False" };
            fmt::format_str(text, &parsed)
        } else {
            fmt::format_int(&int::to_big(v), &parsed)
        }
    } else if kind_of(v) == Kind::Float {
        fmt::format_float(float::value(v), &parsed)
    } else if kind_of(v) == Kind::Str {
        fmt::format_str(pystr::as_str(v), &parsed)
    } else {
        let r = ops::call_dunder(v, "__format__", &[spec]);
        if !r.is_null() || errors::occurred() {
            return r;
        }
        return errors::type_error(&format!(
            "unsupported format string passed to {}.__format__",
            type_name_of(v)
        ));
    };
    match r {
        Ok(text) => pystr::new(&text),
        Err(e) => spec_error(e),
    }
}

/// The integer for `%d` (through `__index__` or `__int__`) or `%x`/`%o` (`__index__` only) of an
/// object that is not an int; None (maybe with an exception) when it has neither.
fn percent_int_of(arg: Value, decimal: bool) -> Option<num_bigint::BigInt> {
    let t = crate::object::type_of(arg);
    let names: &[&str] = if decimal {
        &["__index__", "__int__"]
    } else {
        &["__index__"]
    };
    for n in names {
        if !crate::object::type_lookup(t, pystr::intern(n)).is_null() {
            let r = ops::call_dunder(arg, n, &[]);
            if r.is_null() {
                return None;
            }
            if !int::is_int(r) {
                errors::type_error(&format!("{n} returned non-int (type {})", type_name_of(r)));
                return None;
            }
            return Some(int::to_big(r));
        }
    }
    None
}

/// `fmt % args`.
pub fn percent(fmt_v: Value, args: Value) -> Value {
    let f = pystr::as_str(fmt_v);
    let (items, mapping): (Vec<Value>, Value) = if !args.is_small() && kind_of(args) == Kind::Tuple
    {
        (tuple::items(args).to_vec(), Value::NULL)
    } else if !args.is_small()
        && (kind_of(args) == Kind::Dict
            || (kind_of(args) != Kind::Str
                && !crate::object::type_lookup(
                    crate::object::type_of(args),
                    pystr::intern("__getitem__"),
                )
                .is_null()))
    {
        (vec![args], args)
    } else {
        (vec![args], Value::NULL)
    };
    let mut next = 0usize;
    let mut used_mapping = false;
    let mut out = String::with_capacity(f.len() + 64);
    let chars: Vec<char> = f.chars().collect();
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
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return errors::value_error("incomplete format");
        }
        let mut arg_override = Value::NULL;
        if chars[i] == '(' {
            let mut depth = 1;
            let ks = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return errors::value_error("incomplete format key");
            }
            if mapping.is_null() {
                return errors::type_error("format requires a mapping");
            }
            let key: String = chars[ks..i - 1].iter().collect();
            let v = ops::getitem(mapping, pystr::new(&key));
            if v.is_null() {
                return v;
            }
            arg_override = v;
            used_mapping = true;
            // After a mapping key, the arguments are no longer positional (as in CPython).
            next = items.len();
        }
        let mut flags = PercentFlags {
            left: false,
            plus: false,
            space: false,
            alternate: false,
            zero: false,
        };
        while i < chars.len() {
            match chars[i] {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alternate = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = None;
        if i < chars.len() && chars[i] == '*' {
            let Some(w) = take(&mut next) else {
                return Value::NULL;
            };
            let Some(w) = int::as_i64(w) else {
                return errors::type_error("* wants int");
            };
            if w < 0 {
                flags.left = true;
            }
            width = Some(w.unsigned_abs() as usize);
            if w.unsigned_abs() as usize > crate::gc::MAX_ALLOC {
                return errors::no_memory();
            }
            i += 1;
        } else {
            let ws = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > ws {
                width = chars[ws..i].iter().collect::<String>().parse().ok();
                if width.is_some_and(|w| w > crate::gc::MAX_ALLOC) {
                    return errors::no_memory();
                }
            }
        }
        let mut precision = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let Some(p) = take(&mut next) else {
                    return Value::NULL;
                };
                if !int::is_int(p) {
                    return errors::type_error("* wants int");
                }
                match int::as_i64(p).and_then(|p| i32::try_from(p).ok()) {
                    Some(p) => precision = Some(p.max(0) as usize),
                    None => {
                        return errors::overflow_error("Python int too large to convert to C int")
                    }
                }
                i += 1;
            } else {
                let ps = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                match chars[ps..i].iter().collect::<String>().parse::<i32>() {
                    Ok(p) => precision = Some(p as usize),
                    Err(_) if i > ps => return errors::value_error("precision too big"),
                    Err(_) => precision = Some(0),
                }
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return errors::value_error("incomplete format");
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = if !arg_override.is_null() {
            arg_override
        } else {
            match take(&mut next) {
                Some(v) => v,
                None => return Value::NULL,
            }
        };
        let piece: String = match conv {
            's' | 'r' | 'a' => {
                let s = if conv == 's' {
                    ops::str_(arg)
                } else {
                    ops::repr(arg)
                };
                if s.is_null() {
                    return s;
                }
                let mut text = pystr::as_str(s).to_string();
                if conv == 'a' {
                    text = ascii_escape(&text);
                }
                if let Some(p) = precision {
                    text = text.chars().take(p).collect();
                }
                text
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = if int::is_int(arg) {
                    int::to_big(arg)
                } else if float::is_float(arg) && matches!(conv, 'd' | 'i' | 'u') {
                    let iv = float::to_int(float::value(arg));
                    if iv.is_null() {
                        return iv;
                    }
                    int::to_big(iv)
                } else if let Some(n) = percent_int_of(arg, matches!(conv, 'd' | 'i' | 'u')) {
                    n
                } else {
                    if errors::occurred() {
                        return Value::NULL;
                    }
                    let what = if matches!(conv, 'd' | 'i' | 'u') {
                        if crate::sys::bytecode_version() < (3, 10) {
                            "a number is required"
                        } else {
                            "a real number is required"
                        }
                    } else {
                        "an integer is required"
                    };
                    return errors::type_error(&format!(
                        "%{conv} format: {what}, not {}",
                        type_name_of(arg)
                    ));
                };
                let conv = if conv == 'u' || conv == 'i' {
                    'd'
                } else {
                    conv
                };
                let text = fmt::percent_format_int(&n, conv, &flags, None, precision);
                pad(text, width, &flags, true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let Some(x) = float::coerce(arg) else {
                    if errors::occurred() {
                        return Value::NULL;
                    }
                    return errors::type_error(&format!(
                        "must be real number, not {}",
                        type_name_of(arg)
                    ));
                };
                fmt::percent_format_float(x, conv, &flags, width, precision)
            }
            'c' => {
                if pystr::is_str(arg) && pystr::char_len(arg) == 1 {
                    pystr::as_str(arg).to_string()
                } else if let Some(n) = int::as_i64(arg) {
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(c) => c.to_string(),
                        None => return errors::overflow_error("%c arg not in range(0x110000)"),
                    }
                } else {
                    return errors::type_error("%c requires int or char");
                }
            }
            other => {
                return errors::value_error(&format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                ))
            }
        };
        if matches!(
            conv,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'd' | 'i' | 'u' | 'o' | 'x' | 'X'
        ) {
            out.push_str(&piece);
        } else {
            out.push_str(&pad(piece, width, &flags, false));
        }
    }
    if next < items.len() && mapping.is_null() && !used_mapping {
        return errors::type_error("not all arguments converted during string formatting");
    }
    pystr::new(&out)
}

fn pad(text: String, width: Option<usize>, flags: &PercentFlags, numeric: bool) -> String {
    let n = text.chars().count();
    let Some(w) = width else { return text };
    if n >= w {
        return text;
    }
    let fill = w - n;
    if flags.left {
        format!("{text}{}", " ".repeat(fill))
    } else if flags.zero && numeric {
        let (sign, rest) = if text.starts_with(['-', '+', ' ']) {
            text.split_at(1)
        } else {
            ("", text.as_str())
        };
        let (prefix, digits) = if rest.len() > 2
            && (rest.starts_with("0x") || rest.starts_with("0X") || rest.starts_with("0o"))
        {
            rest.split_at(2)
        } else {
            ("", rest)
        };
        format!("{sign}{prefix}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{text}", " ".repeat(fill))
    }
}

/// `str.format(*args, **kwargs)`.
/// `s.format_map(mapping)`.
pub fn str_format_map(s: Value, mapping: Value) -> Value {
    let mut auto = 0usize;
    match format_template(pystr::as_str(s), &[], mapping, &mut auto, 0) {
        Some(t) => pystr::new(&t),
        None => Value::NULL,
    }
}

pub fn str_format(s: Value, args: &[Value], kwnames: Value) -> Value {
    let nkw = if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    };
    let pos = &args[..args.len() - nkw];
    let kw = dict::new();
    for i in 0..nkw {
        dict::set_item(kw, tuple::items(kwnames)[i], args[pos.len() + i]);
    }
    let mut auto = 0usize;
    match format_template(pystr::as_str(s), pos, kw, &mut auto, 0) {
        Some(t) => pystr::new(&t),
        None => Value::NULL,
    }
}

fn format_template(
    t: &str,
    pos: &[Value],
    kw: Value,
    auto: &mut usize,
    depth: u32,
) -> Option<String> {
    if depth > 2 {
        errors::value_error("Max string recursion exceeded");
        return None;
    }
    // '{' and '}' are ASCII, so scanning bytes never splits a character.
    let b = t.as_bytes();
    let mut out = String::with_capacity(t.len() + 64);
    let mut i = 0;
    while i < b.len() {
        let Some(off) = memchr::memchr2(b'{', b'}', &b[i..]) else {
            out.push_str(&t[i..]);
            break;
        };
        out.push_str(&t[i..i + off]);
        i += off;
        if b[i] == b'{' {
            if i + 1 < b.len() && b[i + 1] == b'{' {
                out.push('{');
                i += 2;
                continue;
            }
            let mut depth_b = 1;
            let start = i + 1;
            i += 1;
            while i < b.len() && depth_b > 0 {
                if b[i] == b'{' {
                    depth_b += 1;
                } else if b[i] == b'}' {
                    depth_b -= 1;
                }
                i += 1;
            }
            if depth_b > 0 {
                errors::value_error("expected '}' before end of string");
                return None;
            }
            format_field(&t[start..i - 1], pos, kw, auto, depth, &mut out)?;
        } else {
            if i + 1 < b.len() && b[i + 1] == b'}' {
                out.push('}');
                i += 2;
                continue;
            }
            errors::value_error("Single '}' encountered in format string");
            return None;
        }
    }
    Some(out)
}

fn format_field(
    field: &str,
    pos: &[Value],
    kw: Value,
    auto: &mut usize,
    depth: u32,
    out: &mut String,
) -> Option<()> {
    let (head, spec) = match field.find(':') {
        Some(i) => (&field[..i], &field[i + 1..]),
        None => (field, ""),
    };
    let (name, conv) = match head.find('!') {
        Some(i) => (&head[..i], Some(&head[i + 1..])),
        None => (head, None),
    };
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    // `auto` counts automatically numbered fields; usize::MAX marks manual numbering, and
    // mixing the two is a ValueError as in CPython.
    let manual = !first.is_empty() && first.parse::<usize>().is_ok();
    if first.is_empty() && *auto == usize::MAX {
        errors::value_error(
            "cannot switch from manual field specification to automatic field numbering",
        );
        return None;
    }
    if manual {
        if *auto != 0 && *auto != usize::MAX {
            errors::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            );
            return None;
        }
        *auto = usize::MAX;
    }
    let mut v = if first.is_empty() {
        let i = *auto;
        *auto += 1;
        match pos.get(i) {
            Some(v) => *v,
            None => {
                errors::raise_msg(
                    crate::object::exc_types().index_error,
                    &format!("Replacement index {i} out of range for positional args tuple"),
                );
                return None;
            }
        }
    } else if let Ok(i) = first.parse::<usize>() {
        match pos.get(i) {
            Some(v) => *v,
            None => {
                errors::raise_msg(
                    crate::object::exc_types().index_error,
                    &format!("Replacement index {i} out of range for positional args tuple"),
                );
                return None;
            }
        }
    } else if crate::object::type_of(kw) != crate::object::types().dict {
        let r = ops::getitem(kw, pystr::new(first));
        if r.is_null() {
            return None;
        }
        r
    } else {
        let r = dict::get_by_name(kw, first);
        if r.is_null() {
            errors::key_error(pystr::new(first));
            return None;
        }
        r
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            v = ops::getattr(v, pystr::intern(&r[..end]));
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(n) => int::from_i64(n),
                Err(_) => pystr::new(key),
            };
            v = ops::getitem(v, k);
            rest = &r[end + 1..];
        } else {
            break;
        }
        if v.is_null() {
            return None;
        }
    }
    let v = match conv {
        None => v,
        Some("r") => ops::repr(v),
        Some("s") => ops::str_(v),
        Some("a") => {
            let r = ops::repr(v);
            if r.is_null() {
                return None;
            }
            pystr::new(&ascii_escape(pystr::as_str(r)))
        }
        Some(c) => {
            errors::value_error(&format!("Unknown conversion specifier {c}"));
            return None;
        }
    };
    if v.is_null() {
        return None;
    }
    let spec = if spec.contains('{') {
        pystr::new(&format_template(spec, pos, kw, auto, depth + 1)?)
    } else {
        pystr::new(spec)
    };
    if spec.is_null() {
        return None;
    }
    let r = format_value(v, spec);
    if r.is_null() {
        return None;
    }
    out.push_str(pystr::as_str(r));
    Some(())
}
