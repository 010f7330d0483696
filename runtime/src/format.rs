//! Text formatting of numbers and strings, exactly as CPython 3.11 does it.
//!
//! This module is pure Rust and knows nothing of the runtime's object model: it works on `f64`,
//! `BigInt` and `&str`, and returns `String`s (or error messages for the caller to raise).
//! It covers:
//!
//! * `repr(float)` / `str(float)` (shortest round-trip digits),
//! * the format-spec mini-language (`format(x, spec)`, f-strings, `str.format`) for `int`,
//!   `float` and `str`,
//! * the printf-style `%` operator for floats and ints,
//! * `int(s, base)` / `float(s)` parsing and int-to-string conversion in any base.
//!
//! Float digits follow the contract of the `dtoa` CPython uses: shortest round-trip digits come
//! from `ryu` (which, like dtoa and unlike Rust's `{:e}`, breaks exact ties between two shortest
//! candidates to the even digit), and fixed-count digits from `exact_digits` (128-bit integer
//! arithmetic, for the usual sizes) or else Rust's `{:.N}` / `{:.Ne}`, both correctly rounded
//! (round-half-even on the exact binary value). Everything around the digits
//! (where the point goes, exponent or not, padding, grouping, signs) mirrors CPython's
//! `format_float_short`, `calc_number_widths`/`fill_number` and `unicode_format_arg_output`.
//!
//! Error messages are CPython's `ValueError` messages, except the few listed by
//! [`is_overflow_error`], which CPython raises as `OverflowError`.

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

// ------------------------------------------------------------------------------------------------
// Unicode helpers
// ------------------------------------------------------------------------------------------------

/// First code point ("digit zero") of every run of ten Unicode decimal digits (category Nd) in the
/// Unicode 14.0 database CPython 3.11 uses; each run holds the digits 0..=9 in order.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The decimal value of a Unicode decimal digit (CPython's `Py_UNICODE_TODECIMAL`).
pub(crate) fn unicode_decimal(c: char) -> Option<u32> {
    let c = c as u32;
    if c < 0x80 {
        return if (0x30..=0x39).contains(&c) {
            Some(c - 0x30)
        } else {
            None
        };
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= c);
    if i == 0 {
        return None;
    }
    let d = c - DECIMAL_ZEROS[i - 1];
    if d < 10 {
        Some(d)
    } else {
        None
    }
}

/// `str.isspace()` for one character (CPython's `Py_UNICODE_ISSPACE`).
fn py_isspace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'..='\x1f'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// ASCII whitespace as C's `isspace` in the C locale (CPython's `Py_ISSPACE`).
fn ascii_isspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII decimal digits become ASCII
/// digits, non-ASCII whitespace becomes ' '; `None` if any other non-ASCII character (or DEL)
/// occurs, which makes the number invalid.
fn transform_decimal_and_space(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    if s.is_ascii() {
        return if s.bytes().any(|b| b == 0x7f) {
            None
        } else {
            Some(s.into())
        };
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c);
        } else if py_isspace(c) {
            out.push(' ');
        } else {
            let d = unicode_decimal(c)?;
            out.push((b'0' + d as u8) as char);
        }
    }
    Some(out.into())
}

// ------------------------------------------------------------------------------------------------
// Float digit generation and CPython's format_float_short
// ------------------------------------------------------------------------------------------------

/// Which digits to produce for a finite, non-negative double (the modes of David Gay's `dtoa`).
#[derive(Clone, Copy)]
enum DigitMode {
    /// Shortest digits that read back as the same double (mode 0).
    Shortest,
    /// This many significant digits, correctly rounded (mode 2).
    Significant(usize),
    /// This many digits after the decimal point, correctly rounded (mode 3).
    Fixed(usize),
}

/// Decimal digits of `x` (finite, `x >= 0`) without trailing zeros, and the position of the
/// decimal point: the value is `0.d1d2d3... * 10**decpt`. Zero (or a value that rounds to zero in
/// fixed mode) is `("0", 1)`.
fn float_digits(x: f64, mode: DigitMode) -> (Vec<u8>, isize) {
    debug_assert!(x.is_finite() && x >= 0.0);
    if x == 0.0 {
        return (vec![b'0'], 1);
    }
    match mode {
        DigitMode::Shortest => {
            // ryu breaks ties between two equally short candidates to the even digit, like
            // dtoa (Rust's `{:e}` rounds them up: 2163462279744188.25 must give ...188.2).
            let mut buf = ryu::Buffer::new();
            split_decimal(buf.format_finite(x))
        }
        // A double's exact decimal expansion has at most 767 significant digits and 1074 after
        // the point: more digits asked for are zeros, which the result drops anyway (and Rust's
        // formatter refuses precisions past 65535).
        // Exact integer arithmetic when it suffices (the usual sizes), else Rust's formatter.
        DigitMode::Significant(n) => crate::exact_digits::significant(x, n.clamp(1, 1100))
            .unwrap_or_else(|| split_exp(&format!("{:.*e}", n.clamp(1, 1100) - 1, x))),
        DigitMode::Fixed(n) => {
            if let Some(r) = crate::exact_digits::fixed(x, n) {
                return r;
            }
            let s = format!("{:.*}", n.min(1100), x);
            let (int_part, frac_part) = match s.find('.') {
                Some(p) => (&s[..p], &s[p + 1..]),
                None => (&s[..], ""),
            };
            let mut digits: Vec<u8> = Vec::with_capacity(int_part.len() + frac_part.len());
            digits.extend_from_slice(int_part.as_bytes());
            digits.extend_from_slice(frac_part.as_bytes());
            let lead = digits.iter().take_while(|&&b| b == b'0').count();
            if lead == digits.len() {
                return (vec![b'0'], 1);
            }
            let decpt = int_part.len() as isize - lead as isize;
            digits.drain(..lead);
            while digits.last() == Some(&b'0') {
                digits.pop();
            }
            (digits, decpt)
        }
    }
}

/// Splits Rust's `LowerExp` output ("1.2345e-7") into digits without trailing zeros and `decpt`.
fn split_exp(s: &str) -> (Vec<u8>, isize) {
    let e = s.find('e').expect("exponent in LowerExp output");
    let exp: isize = s[e + 1..].parse().expect("exponent value");
    let mut digits: Vec<u8> = s[..e].bytes().filter(|&b| b != b'.').collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&b| b == b'0') {
        return (vec![b'0'], 1);
    }
    (digits, exp + 1)
}

/// Digits and `decpt` of a non-negative decimal literal such as "0.001", "12.5", "1e16",
/// "1.5e-7" (ryu's output).
fn split_decimal(s: &str) -> (Vec<u8>, isize) {
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(e) => (
            &s[..e],
            s[e + 1..].parse::<isize>().expect("exponent value"),
        ),
        None => (s, 0),
    };
    let point = mant.find('.').unwrap_or(mant.len());
    let mut digits: Vec<u8> = mant.bytes().filter(|&b| b != b'.').collect();
    let lead = digits.iter().take_while(|&&b| b == b'0').count();
    if lead == digits.len() {
        return (vec![b'0'], 1);
    }
    digits.drain(..lead);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, point as isize - lead as isize + exp)
}

/// Options of CPython's `PyOS_double_to_string`.
#[derive(Clone, Copy, Default)]
struct DtoaFlags {
    /// Py_DTSF_ADD_DOT_0: write "1.0" rather than "1" when there is no exponent.
    add_dot_0: bool,
    /// Py_DTSF_ALT: '#' alternate form (keep the point and trailing zeros).
    alt: bool,
    /// Py_DTSF_NO_NEG_0: the 'z' option, a negative value that rounds to zero loses its sign.
    no_neg_0: bool,
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)` with `code` among
/// `e E f F g G r` (any other code is treated as 'r'). A sign is written only for negatives:
/// '+' and ' ' are the callers' business.
fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let lower = code.to_ascii_lowercase();
    let mut neg = x.is_sign_negative() && !x.is_nan();

    if !x.is_finite() {
        let mut s = String::with_capacity(4);
        if neg {
            s.push('-');
        }
        s.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return s;
    }

    // Number of digits the mode asks for (`precision` as adjusted by PyOS_double_to_string).
    let (mode, precision) = match lower {
        'e' => {
            let p = precision.saturating_add(1);
            (DigitMode::Significant(p), p)
        }
        'f' => (DigitMode::Fixed(precision), precision),
        'g' => {
            let p = precision.max(1);
            (DigitMode::Significant(p), p)
        }
        _ => (DigitMode::Shortest, 0),
    };
    let (digits, mut decpt) = float_digits(x.abs(), mode);
    if flags.no_neg_0 && neg && digits == b"0" {
        neg = false;
    }
    let precision = precision.min(isize::MAX as usize / 4) as isize;
    let digits_len = digits.len() as isize;

    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match lower {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }

    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    let cap = (vdigits_end - vdigits_start) as usize + 8;
    let mut out = String::with_capacity(cap);
    let zeros = |out: &mut String, n: isize| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push_digits = |out: &mut String, d: &[u8]| {
        // The digits are ASCII.
        out.push_str(std::str::from_utf8(d).unwrap_or(""));
    };

    if neg {
        out.push('-');
    }
    // Zero padding on the left of the digits.
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    // The digits, with the point among them if it falls there.
    if 0 < decpt && decpt <= digits_len {
        push_digits(&mut out, &digits[..decpt as usize]);
        out.push('.');
        push_digits(&mut out, &digits[decpt as usize..]);
    } else {
        push_digits(&mut out, &digits);
    }
    // Zero padding on the right.
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    out
}

/// repr(float) / str(float) exactly as CPython 3.11: shortest round-trip digits ('r' mode),
/// e.g. 1.0 -> "1.0", 0.1 -> "0.1", 1e16 -> "1e+16", 1e-05 -> "1e-05",
/// 123456789012345678.0 -> "1.2345678901234568e+17", 0.0001 -> "0.0001", -0.0 -> "-0.0",
/// inf -> "inf", nan -> "nan", 1e22 -> "1e+22", 5e-324 -> "5e-324".
/// Rule: exponent form when decimal exponent < -4 or >= 16.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

// ------------------------------------------------------------------------------------------------
// The format-spec mini-language
// ------------------------------------------------------------------------------------------------

/// A parsed format spec of the format mini-language:
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// `fill` is `'0'` when `zero_pad` is set (the '0' before the width, only recognized when no
/// fill character was given). `align` is `None` when not given: numbers then align right (or
/// `'='` when `zero_pad`), strings left. `grouping` is `','` or `'_'`. `ty` is `None` when no
/// presentation type was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    /// The 'z' option (3.11): coerce negative zero (after rounding) to positive zero; floats only.
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

fn is_alignment_token(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// A presentation-type or other char in a message: `'c'` when printable ASCII, else `'\xNN'`.
fn char_for_message(c: char) -> String {
    let v = c as u32;
    if v > 32 && v < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", v)
    }
}

fn unknown_format_code(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{}'",
        char_for_message(ty),
        type_name
    )
}

/// The grouping/type compatibility check CPython does at the end of parsing; `ty` is the
/// explicit type or the object's default type ('d' for int, 's' for str, none for float).
fn check_grouping(grouping: Option<char>, ty: Option<char>) -> Result<(), String> {
    let Some(g) = grouping else { return Ok(()) };
    match ty {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if g == '_' => Ok(()),
        Some(t) => Err(format!(
            "Cannot specify '{}' with '{}'.",
            g,
            char_for_message(t)
        )),
    }
}

/// Reads a run of (Unicode) decimal digits like CPython's `get_integer`; `Ok(None)` if none.
/// The "message" of a spec whose width no memory could hold: raised as `MemoryError`, as
/// CPython's attempt to allocate the padded result fails.
pub const WIDTH_TOO_BIG: &str = "\0MemoryError";

fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut acc: u64 = 0;
    let mut n = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| unicode_decimal(c)) {
        if acc > (i64::MAX as u64 - d as u64) / 10 {
            return Err("Too many decimal digits in format string".to_string());
        }
        acc = acc * 10 + d as u64;
        *pos += 1;
        n += 1;
    }
    Ok(if n == 0 { None } else { Some(acc as usize) })
}

/// Parses a format spec. Err is the exact CPython ValueError message, e.g.
/// "Format specifier missing precision", "Cannot specify both ',' and '_'.".
///
/// When more than one character is left for the type, CPython's message names the object's
/// type ("Invalid format specifier 'abc' for object of type 'int'"); this function doesn't know
/// it and says `'object'`: use [`parse_format_spec_for`] for the exact message.
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, String> {
    parse_format_spec_for(spec, "object")
}

/// [`parse_format_spec`] for a value whose type is named `type_name` (e.g. "int", "float",
/// "str", or a subclass name), which appears in the "Invalid format specifier" message.
pub fn parse_format_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    // Specs are short: their characters on the stack, without an allocation per format.
    let mut buf = ['\0'; 32];
    let owned: Vec<char>;
    let chars: &[char] = if spec.len() <= buf.len() {
        let mut n = 0;
        for c in spec.chars() {
            buf[n] = c;
            n += 1;
        }
        &buf[..n]
    } else {
        owned = spec.chars().collect();
        &owned
    };
    let end = chars.len();
    let mut pos = 0;
    let mut f = FormatSpec::default();
    let mut fill_specified = false;

    if end >= 2 && is_alignment_token(chars[1]) {
        f.align = Some(chars[1]);
        f.fill = chars[0];
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && is_alignment_token(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], ' ' | '+' | '-') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_zero = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        f.fill = '0';
        f.zero_pad = true;
        pos += 1;
    }
    f.width = get_integer(chars, &mut pos)?;
    if f.width.is_some_and(|w| w > crate::gc::MAX_ALLOC) {
        return Err(WIDTH_TOO_BIG.to_string());
    }
    if pos < end && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        f.precision = get_integer(chars, &mut pos)?;
        if f.precision.is_none() {
            return Err("Format specifier missing precision".to_string());
        }
    }
    if end - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, type_name
        ));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    check_grouping(f.grouping, f.ty)?;
    Ok(f)
}

/// Effective fill and alignment for a number (`default_align` '>') or a string ('<').
fn fill_and_align(spec: &FormatSpec, numeric: bool) -> (char, char) {
    let fill = if spec.zero_pad { '0' } else { spec.fill };
    let align = match spec.align {
        Some(a) => a,
        None if numeric && spec.zero_pad => '=',
        None if numeric => '>',
        None => '<',
    };
    (fill, align)
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups the ASCII `digits` from the right
/// with `sep` every `group` digits (no grouping when `sep` is None), left-padding with zeros
/// (which get grouped too) until the result is at least `min_width` long.
fn group_digits(digits: &[u8], min_width: isize, sep: Option<(char, usize)>) -> String {
    let Some((sep_char, group)) = sep else {
        // Without a separator: zeros up to the width, then the digits.
        let zeros = (min_width - digits.len() as isize).max(0) as usize;
        let mut out = String::with_capacity(zeros + digits.len());
        out.extend(std::iter::repeat_n('0', zeros));
        out.push_str(std::str::from_utf8(digits).unwrap_or(""));
        return out;
    };
    // Built right to left, then reversed; the separators are ASCII (',' or '_').
    let sep_byte = sep_char as u8;
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len() + digits.len() / 3 + 1);
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width.max(0);
    let mut pos = digits.len();
    let mut emit = |rev: &mut Vec<u8>, n_chars: isize, n_zeros: isize, sep: bool| {
        if sep {
            rev.push(sep_byte);
        }
        for _ in 0..n_chars {
            pos -= 1;
            rev.push(digits[pos]);
        }
        for _ in 0..n_zeros {
            rev.push(b'0');
        }
    };
    let group = group as isize;
    let mut use_sep = false;
    loop {
        let len = group.min(remaining.max(min_width).max(1));
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        emit(&mut rev, n_chars, n_zeros, use_sep);
        use_sep = true;
        remaining -= n_chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    rev.reverse();
    String::from_utf8(rev).unwrap_or_default()
}

/// The parts of a formatted number, as CPython's `calc_number_widths` sees them.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    /// ASCII digits before the decimal point (grouped and zero-padded); may be empty.
    digits: &'a [u8],
    has_decimal: bool,
    /// Everything after the decimal point (or after the digits when there's no point).
    remainder: &'a str,
}

/// CPython's `calc_number_widths` + `fill_number`.
fn render_number(
    p: &NumberParts<'_>,
    spec: &FormatSpec,
    sep: Option<(char, usize)>,
    upper: bool,
) -> String {
    let (fill, align) = fill_and_align(spec, true);
    let sign = match spec.sign {
        Some('+') => Some(if p.negative { '-' } else { '+' }),
        Some(' ') => Some(if p.negative { '-' } else { ' ' }),
        _ if p.negative => Some('-'),
        _ => None,
    };
    let width = spec
        .width
        .map_or(-1, |w| w.min(isize::MAX as usize) as isize);
    let n_sign = sign.is_some() as isize;
    let n_prefix = p.prefix.chars().count() as isize;
    let n_remainder = p.remainder.chars().count() as isize;
    let n_non_digit = n_sign + n_prefix + p.has_decimal as isize + n_remainder;
    let min_width = if fill == '0' && align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let grouped = if p.digits.is_empty() {
        String::new()
    } else {
        let g = group_digits(p.digits, min_width, sep);
        if upper {
            g.to_ascii_uppercase()
        } else {
            g
        }
    };
    let n_padding = width - (n_non_digit + grouped.len() as isize);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::with_capacity((n_padding.max(0) + n_non_digit) as usize + grouped.len());
    let pad = |out: &mut String, n: isize| {
        for _ in 0..n {
            out.push(fill);
        }
    };
    pad(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    if upper {
        out.push_str(&p.prefix.to_ascii_uppercase());
    } else {
        out.push_str(p.prefix);
    }
    pad(&mut out, spad);
    out.push_str(&grouped);
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    pad(&mut out, rpad);
    out
}

/// Messages of errors that CPython raises as `OverflowError` rather than `ValueError`:
/// "int too large to convert to float" (float presentation types on a huge int),
/// "%c arg not in range(0x110000)" and "Python int too large to convert to C long" (type 'c').
pub fn is_overflow_error(msg: &str) -> bool {
    matches!(
        msg,
        "int too large to convert to float"
            | "%c arg not in range(0x110000)"
            | "Python int too large to convert to C long"
    )
}

/// format(int, spec) — types b c d o x X n (n like d), e E f F g G % (convert to float), none;
/// '#' prefixes 0b/0o/0x, ',' and '_' grouping (with '_' every 4 digits for b/o/x/X), sign '+',
/// '-', ' ', '=' alignment, zero padding, fill/align/width. Default alignment for numbers is
/// right. Errors are the exact CPython messages, e.g.
/// "Unknown format code 's' for object of type 'int'",
/// "Precision not allowed in integer format specifier",
/// "Sign not allowed with integer format specifier 'c'" (see [`is_overflow_error`] for the
/// few that are OverflowErrors).
///
/// Note: CPython's `format(x, '')` is `str(x)`, which differs for int subclasses such as bool;
/// the caller handles the empty spec of subclasses.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    format_int_for_type(v, spec, "int")
}

/// [`format_int`] for an instance of an int subclass named `type_name` (used in messages).
pub fn format_int_for_type(
    v: &BigInt,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, String> {
    check_grouping(spec.grouping, Some(spec.ty.unwrap_or('d')))?;
    match spec.ty.unwrap_or('d') {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(v, spec),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x =
                bigint_to_f64(v).ok_or_else(|| "int too large to convert to float".to_string())?;
            format_float_internal(x, spec)
        }
        t => Err(unknown_format_code(t, type_name)),
    }
}

/// `float(int)`: correctly rounded (half to even), None when it overflows.
fn bigint_to_f64(v: &BigInt) -> Option<f64> {
    let (sign, mag) = (v.sign(), v.magnitude());
    let bits = mag.bits();
    let x = if bits <= 64 {
        mag.to_u64()? as f64
    } else {
        // Keep 64 top bits plus a sticky bit for anything below, then let the u64 -> f64
        // conversion round (exactly once) and scale by a power of two (exact).
        let shift = bits - 64;
        let top = (mag >> shift).to_u64()?;
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        let m = (top | sticky as u64) as f64;
        if shift > 2000 {
            return None;
        }
        let mut r = m;
        let mut s = shift as i32;
        while s > 0 {
            let step = s.min(1000);
            r *= 2f64.powi(step);
            s -= step;
        }
        r
    };
    if x.is_infinite() {
        return None;
    }
    Some(if sign == Sign::Minus { -x } else { x })
}

fn format_long_internal(v: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.no_neg_zero {
        return Err(
            "Negative zero coercion (z) not allowed in integer format specifier".to_string(),
        );
    }
    let ty = spec.ty.unwrap_or('d');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if spec.alternate {
            return Err(
                "Alternate form (#) not allowed with integer format specifier 'c'".to_string(),
            );
        }
        let x = v
            .to_i64()
            .ok_or_else(|| "Python int too large to convert to C long".to_string())?;
        if !(0..=0x10ffff).contains(&x) {
            return Err("%c arg not in range(0x110000)".to_string());
        }
        // Lone surrogates are valid Python str characters but can't be held in UTF-8.
        let c = char::from_u32(x as u32).ok_or_else(|| {
            format!(
                "'utf-8' codec can't encode character '\\u{:x}': surrogates not allowed",
                x
            )
        })?;
        let mut buf = [0u8; 4];
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: &[],
            has_decimal: false,
            remainder: c.encode_utf8(&mut buf),
        };
        return Ok(render_number(&parts, spec, None, false));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = match v.magnitude().to_u64() {
        // Machine-sized magnitudes without num_bigint's general radix conversion.
        Some(m) => u64_digits(m, base),
        None => v.magnitude().to_str_radix(base),
    };
    let sep = match (ty, spec.grouping) {
        ('n', _) | (_, None) => None,
        (_, Some(',')) => Some((',', 3)),
        (_, Some(g)) => Some((g, if base == 10 { 3 } else { 4 })),
    };
    let parts = NumberParts {
        negative: v.sign() == Sign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: digits.as_bytes(),
        has_decimal: false,
        remainder: "",
    };
    Ok(render_number(&parts, spec, sep, ty == 'X'))
}

/// The digits of `m` in `base` (2 to 16, lowercase letters), without the formatter's machinery.
fn u64_digits(mut m: u64, base: u32) -> String {
    let mut buf = [0u8; 64];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b"0123456789abcdef"[(m % base as u64) as usize];
        m /= base as u64;
        if m == 0 {
            break;
        }
    }
    String::from_utf8(buf[i..].to_vec()).unwrap_or_default()
}

/// format(float, spec) — types e E f F g G n % and none (none = like 'g' but at least one digit
/// past the point, and repr when no precision: format(1.0, '') == '1.0',
/// format(1e20, '') == '1e+20', format(1.5, '10') == '       1.5'), '#' alternate, grouping,
/// sign, 'z' (negative zero coerced), inf/nan ("inf", "nan", "INF"/"NAN" for upper types),
/// precision default 6; digits correctly rounded from the exact binary value like CPython.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, String> {
    format_float_for_type(x, spec, "float")
}

/// [`format_float`] for an instance of a float subclass named `type_name` (used in messages).
pub fn format_float_for_type(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    check_grouping(spec.grouping, spec.ty)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(x, spec)
        }
        Some(t) => Err(unknown_format_code(t, type_name)),
    }
}

/// CPython's `format_float_internal`.
fn format_float_internal(mut x: f64, spec: &FormatSpec) -> Result<String, String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".to_string());
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        ..DtoaFlags::default()
    };
    let mut default_precision = 6;
    let mut code = match spec.ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(t) => t,
    };
    let mut add_pct = false;
    if code == '%' {
        code = 'f';
        x *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut s = double_to_string(x, code, precision, flags);
    if add_pct {
        s.push('%');
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, &s[..]),
    };
    let n_int = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let has_decimal = body.as_bytes().get(n_int) == Some(&b'.');
    let remainder = &body[n_int + has_decimal as usize..];
    let sep = match (spec.ty, spec.grouping) {
        (Some('n'), _) | (_, None) => None,
        (_, Some(g)) => Some((g, 3)),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body.as_bytes()[..n_int],
        has_decimal,
        remainder,
    };
    Ok(render_number(&parts, spec, sep, false))
}

/// format(str, spec): fill/align/width/precision (truncation); default alignment left; errors
/// exactly as CPython ("Sign not allowed in string format specifier",
/// "Unknown format code 'd' for object of type 'str'",
/// "'=' alignment not allowed in string format specifier").
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    format_str_for_type(s, spec, "str")
}

/// [`format_str`] for an instance of a str subclass named `type_name` (used in messages).
pub fn format_str_for_type(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    check_grouping(spec.grouping, Some(spec.ty.unwrap_or('s')))?;
    let ty = spec.ty.unwrap_or('s');
    if ty != 's' {
        return Err(unknown_format_code(ty, type_name));
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".to_string()),
        Some(_) => return Err("Sign not allowed in string format specifier".to_string()),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(
            "Negative zero coercion (z) not allowed in string format specifier".to_string(),
        );
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    let (fill, align) = fill_and_align(spec, false);
    if align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let nchars = s.chars().count();
    let (text, len) = match spec.precision {
        Some(p) if p < nchars => {
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            (&s[..cut], p)
        }
        _ => (s, nchars),
    };
    let total = spec.width.map_or(len, |w| w.max(len));
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(text.len() + (lpad + rpad) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, rpad));
    Ok(out)
}

// ------------------------------------------------------------------------------------------------
// int <-> str, float <- str
// ------------------------------------------------------------------------------------------------

/// int -> str in a base 2..=36 (lowercase digits, '-' for negatives, no prefix), for
/// repr/str/bin/oct/hex helpers.
///
/// Note: CPython 3.11 refuses to convert ints of more than 4300 decimal digits to decimal
/// (`sys.set_int_max_str_digits`); this function has no such limit.
pub fn int_to_str_radix(v: &BigInt, radix: u32) -> String {
    assert!((2..=36).contains(&radix), "radix must be in 2..=36");
    v.to_str_radix(radix)
}

/// str -> int as `int(s, base)` accepts it: surrounding whitespace, a sign, underscores between
/// digits (and one right after a base prefix), prefixes 0x/0o/0b when `base` is 0 or matches,
/// base 0 rejecting leading zeros ("010"), Unicode decimal digits. `base` is 0 or 2..=36.
/// Err(()) when invalid (the caller builds the ValueError message).
///
/// Note: CPython 3.11 also rejects strings of more than 4300 digits in non-power-of-two bases
/// (`sys.set_int_max_str_digits`); this function has no such limit.
#[allow(clippy::result_unit_err)] // the caller builds the ValueError message
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, ()> {
    if base == 1 || base > 36 {
        return Err(());
    }
    let t = transform_decimal_and_space(s).ok_or(())?;
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() && ascii_isspace(b[i]) {
        i += 1;
    }
    let mut negative = false;
    match b.get(i) {
        Some(b'+') => i += 1,
        Some(b'-') => {
            negative = true;
            i += 1;
        }
        _ => {}
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    let at = |k: usize| b.get(k).copied().unwrap_or(0).to_ascii_lowercase();
    if base == 0 {
        base = match (at(i), at(i + 1)) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0' && matches!((base, at(i + 1)), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(());
    }
    let digit_value = |c: u8| -> u32 {
        match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'a'..=b'z' => (c - b'a') as u32 + 10,
            b'A'..=b'Z' => (c - b'A') as u32 + 10,
            _ => 99,
        }
    };
    let mut digits: Vec<u8> = Vec::with_capacity(b.len() - i);
    let mut prev = 0u8;
    while i < b.len() && (digit_value(b[i]) < base || b[i] == b'_') {
        if b[i] == b'_' {
            if prev == b'_' {
                return Err(());
            }
        } else {
            digits.push(b[i]);
        }
        prev = b[i];
        i += 1;
    }
    if prev == b'_' || digits.is_empty() {
        return Err(());
    }
    while i < b.len() && ascii_isspace(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(());
    }
    let mag = BigInt::parse_bytes(&digits, base).ok_or(())?;
    if error_if_nonzero && !mag.is_zero() {
        return Err(());
    }
    Ok(if negative { -mag } else { mag })
}

/// float(s) parsing as CPython accepts: whitespace, sign, "inf", "infinity", "nan" (any case),
/// underscores between digits, "1e5", ".5", "5.", Unicode decimal digits; correctly rounded,
/// overflow to ±inf. Err(()) when invalid.
#[allow(clippy::result_unit_err)] // the caller builds the ValueError message
pub fn parse_float(s: &str) -> Result<f64, ()> {
    let t = transform_decimal_and_space(s).ok_or(())?;
    let b = t.as_bytes();
    // Underscores: only between two digits; removed before parsing.
    let cleaned: std::borrow::Cow<'_, [u8]> = if b.contains(&b'_') {
        let mut out = Vec::with_capacity(b.len());
        let mut prev = 0u8;
        for &c in b {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(());
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(());
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(());
        }
        out.into()
    } else {
        b.into()
    };
    let mut lo = 0;
    let mut hi = cleaned.len();
    while lo < hi && ascii_isspace(cleaned[lo]) {
        lo += 1;
    }
    while hi > lo && ascii_isspace(cleaned[hi - 1]) {
        hi -= 1;
    }
    let body = &cleaned[lo..hi];
    if body.is_empty() {
        return Err(());
    }
    let (negative, rest) = match body[0] {
        b'-' => (true, &body[1..]),
        b'+' => (false, &body[1..]),
        _ => (false, body),
    };
    let special = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if rest.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    // Decimal syntax: digits [. digits] | . digits, then optionally e [sign] digits.
    let mut i = 0;
    let n_int = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    i += n_int;
    let mut n_frac = 0;
    if rest.get(i) == Some(&b'.') {
        i += 1;
        n_frac = rest[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += n_frac;
    }
    if n_int + n_frac == 0 {
        return Err(());
    }
    if matches!(rest.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(rest.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n_exp = rest[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n_exp == 0 {
            return Err(());
        }
        i += n_exp;
    }
    if i != rest.len() {
        return Err(());
    }
    let text = std::str::from_utf8(rest).map_err(|_| ())?;
    let v: f64 = text.parse().map_err(|_| ())?;
    Ok(if negative { -v } else { v })
}

// ------------------------------------------------------------------------------------------------
// printf-style formatting (str % args)
// ------------------------------------------------------------------------------------------------

/// The flags of one `%` conversion: `-` (left), `+` (plus), ' ' (space), `#` (alternate),
/// `0` (zero).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alternate: bool,
    pub zero: bool,
}

/// CPython's `unicode_format_arg_output` for a numeric conversion (`arg->sign` set): sign and
/// `0x`/`0o` prefix handling, zero or space padding, left justification.
fn percent_output(s: &str, conv: char, flags: &PercentFlags, width: Option<usize>) -> String {
    let fill = if flags.zero { '0' } else { ' ' };
    let b = s.as_bytes();
    let mut len = b.len() as isize;
    let mut pindex = 0usize;
    let mut sign = true;
    let mut signchar = ' ';
    match b.first() {
        Some(&c @ (b'-' | b'+')) => {
            signchar = c as char;
            len -= 1;
            pindex = 1;
        }
        _ if flags.plus => signchar = '+',
        _ if flags.space => signchar = ' ',
        _ => sign = false,
    }
    let mut width = width.map_or(-1, |w| w.min(isize::MAX as usize) as isize);
    if width < len {
        width = len;
    }
    let has_prefix = flags.alternate && matches!(conv, 'x' | 'X' | 'o');
    let mut out = String::with_capacity(width as usize + 1);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    if has_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(conv);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.left {
        for _ in 0..width - len {
            out.push(fill);
        }
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if has_prefix {
            out.push('0');
            out.push(conv);
            pindex += 2;
        }
    }
    if len > 0 {
        out.push_str(&s[pindex..pindex + len as usize]);
    }
    if width > len {
        for _ in 0..width - len {
            out.push(' ');
        }
    }
    out
}

/// printf-style helper for `str % args`: one float with a conversion char among e E f F g G and
/// flags, as CPython's '%' operator does ("%.3f" % x, "%10.2e", "%g", "%#g", "%+.1f", "%-8.2f",
/// "%08.3f"). Precision defaults to 6. Width and precision are the caller's already-validated
/// values (CPython raises "precision too big" / "width too big" while parsing the format).
pub fn percent_format_float(
    x: f64,
    conv: char,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    debug_assert!(matches!(conv, 'e' | 'E' | 'f' | 'F' | 'g' | 'G'));
    let s = double_to_string(
        x,
        conv,
        precision.unwrap_or(6),
        DtoaFlags {
            alt: flags.alternate,
            ..DtoaFlags::default()
        },
    );
    percent_output(&s, conv, flags, width)
}

/// printf-style helper for `str % args`: one int with a conversion char among d i u o x X,
/// flags, width and precision (minimum number of digits), as CPython's '%' operator does
/// ("%5d", "%-5d", "%05d", "%+d", "%#x", "%#o", "%.3d", "%#010X").
pub fn percent_format_int(
    v: &BigInt,
    conv: char,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    debug_assert!(matches!(conv, 'd' | 'i' | 'u' | 'o' | 'x' | 'X'));
    let base = match conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = v.magnitude().to_str_radix(base);
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::with_capacity(digits.len() + 4 + precision.unwrap_or(0));
    if v.sign() == Sign::Minus {
        s.push('-');
    }
    if flags.alternate && base != 10 {
        s.push('0');
        s.push(conv);
    }
    if let Some(p) = precision {
        for _ in digits.len()..p {
            s.push('0');
        }
    }
    s.push_str(&digits);
    percent_output(&s, conv, flags, width)
}

#[cfg(test)]
mod tests {
    //! Expected strings were produced by CPython 3.11.7 (`repr`, `format`, `%`, `int`, `float`).

    use super::*;

    fn f(s: &str) -> f64 {
        s.parse().expect("float literal")
    }

    fn big(s: &str) -> BigInt {
        s.parse().expect("int literal")
    }

    /// Splits a printf conversion such as "%-+08.3f" into flags, width, precision and type.
    fn percent_parts(spec: &str) -> (PercentFlags, Option<usize>, Option<usize>, char) {
        let mut chars = spec
            .strip_prefix('%')
            .expect("starts with %")
            .chars()
            .peekable();
        let mut fl = PercentFlags::default();
        while let Some(&c) = chars.peek() {
            match c {
                '-' => fl.left = true,
                '+' => fl.plus = true,
                ' ' => fl.space = true,
                '#' => fl.alternate = true,
                '0' => fl.zero = true,
                _ => break,
            }
            chars.next();
        }
        let rest: String = chars.collect();
        let conv = rest.chars().last().expect("conversion");
        let body = &rest[..rest.len() - 1];
        let (w, p) = match body.split_once('.') {
            Some((w, p)) => (w, Some(p.parse().unwrap_or(0))),
            None => (body, None),
        };
        (fl, w.parse().ok(), p, conv)
    }

    const REPR: &[(&str, &str)] = &[
        ("1.0", "1.0"),
        ("0.1", "0.1"),
        ("1e+16", "1e+16"),
        ("1e-05", "1e-05"),
        ("1.2345678901234568e+17", "1.2345678901234568e+17"),
        ("0.0001", "0.0001"),
        ("-0.0", "-0.0"),
        ("0.0", "0.0"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("nan", "nan"),
        ("1e+22", "1e+22"),
        ("5e-324", "5e-324"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("0.3333333333333333", "0.3333333333333333"),
        ("2.5e-05", "2.5e-05"),
        ("1000000000000000.0", "1000000000000000.0"),
        ("9999999999999998.0", "9999999999999998.0"),
        ("123.456", "123.456"),
        ("2.2250738585072014e-308", "2.2250738585072014e-308"),
        ("2.225073858507201e-308", "2.225073858507201e-308"),
        ("1.7976931348623157e+308", "1.7976931348623157e+308"),
        ("4.94e-322", "4.94e-322"),
        ("1e-323", "1e-323"),
        ("1e+23", "1e+23"),
        ("2163462279744188.2", "2163462279744188.2"),
        ("0.0001", "0.0001"),
        ("0.00012", "0.00012"),
        ("1.5", "1.5"),
        ("-2.5", "-2.5"),
        ("100.0", "100.0"),
        ("1e+100", "1e+100"),
        ("9007199254740992.0", "9007199254740992.0"),
        ("9.223372036854776e+18", "9.223372036854776e+18"),
        ("1.5e-323", "1.5e-323"),
        ("1e-07", "1e-07"),
        ("1.2345678901234568e+16", "1.2345678901234568e+16"),
        ("0.3", "0.3"),
        ("0.6666666666666666", "0.6666666666666666"),
        ("1e+301", "1e+301"),
        ("3.141592653589793", "3.141592653589793"),
        ("2.718281828459045", "2.718281828459045"),
        ("1.1", "1.1"),
        ("9007199254740992.0", "9007199254740992.0"),
        ("4.35", "4.35"),
        ("0.000123456789", "0.000123456789"),
        ("1234567890123456.8", "1234567890123456.8"),
        ("1e-310", "1e-310"),
    ];
    const FORMAT_FLOAT: &[(&str, &str, Result<&str, &str>)] = &[
        ("2.675", ".2f", Ok("2.67")),
        ("0.5", ".0f", Ok("0")),
        ("1.5", ".0f", Ok("2")),
        ("2.5", ".0f", Ok("2")),
        ("3.5", ".0f", Ok("4")),
        ("-0.5", ".0f", Ok("-0")),
        ("0.125", ".2f", Ok("0.12")),
        ("0.375", ".2f", Ok("0.38")),
        ("1234567.891", ",.2f", Ok("1,234,567.89")),
        ("-0.0", "z.1f", Ok("0.0")),
        ("-0.0", ".1f", Ok("-0.0")),
        ("-0.04", "z.1f", Ok("0.0")),
        ("-0.06", "z.1f", Ok("-0.1")),
        ("-0.0", "z", Ok("0.0")),
        ("-1e-10", "z.2e", Ok("-1.00e-10")),
        ("-inf", "z.1f", Ok("-inf")),
        ("1e+100", "f", Ok("10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000")),
        ("1e-100", "f", Ok("0.000000")),
        ("1e+300", ".2f", Ok("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00")),
        ("1.0", "", Ok("1.0")),
        ("1e+20", "", Ok("1e+20")),
        ("1.5", "10", Ok("       1.5")),
        ("1.5", ".1", Ok("2e+00")),
        ("123456.0", ".6", Ok("1.23456e+05")),
        ("123456.0", ".6g", Ok("123456")),
        ("100000.0", ".6", Ok("1e+05")),
        ("1e+16", "", Ok("1e+16")),
        ("1e+16", ".17", Ok("1e+16")),
        ("12.0", ".2", Ok("1.2e+01")),
        ("0.1", ".20f", Ok("0.10000000000000000555")),
        ("0.1", ".30e", Ok("1.000000000000000055511151231258e-01")),
        ("0.1", ".55g", Ok("0.1000000000000000055511151231257827021181583404541015625")),
        ("0.3333333333333333", "e", Ok("3.333333e-01")),
        ("0.3333333333333333", "E", Ok("3.333333E-01")),
        ("0.3333333333333333", "g", Ok("0.333333")),
        ("0.3333333333333333", "%", Ok("33.333333%")),
        ("0.25", ".1%", Ok("25.0%")),
        ("1e-05", "g", Ok("1e-05")),
        ("0.0001", "g", Ok("0.0001")),
        ("123456789.0", "g", Ok("1.23457e+08")),
        ("1234567.0", "G", Ok("1.23457E+06")),
        ("1e-10", "G", Ok("1E-10")),
        ("100.0", "#g", Ok("100.000")),
        ("100.0", "#.3g", Ok("100.")),
        ("1.0", "#.0f", Ok("1.")),
        ("1.0", "#.0e", Ok("1.e+00")),
        ("1.0", "#", Ok("1.0")),
        ("0.0", "e", Ok("0.000000e+00")),
        ("0.0", ".0e", Ok("0e+00")),
        ("0.0", "g", Ok("0")),
        ("-0.0", "g", Ok("-0")),
        ("inf", "", Ok("inf")),
        ("-inf", "", Ok("-inf")),
        ("nan", "", Ok("nan")),
        ("inf", "F", Ok("INF")),
        ("nan", "E", Ok("NAN")),
        ("-inf", "G", Ok("-INF")),
        ("nan", "+", Ok("+nan")),
        ("inf", "010", Ok("0000000inf")),
        ("-inf", "=10", Ok("-      inf")),
        ("nan", "^9", Ok("   nan   ")),
        ("inf", ",.2f", Ok("inf")),
        ("inf", "%", Ok("inf%")),
        ("1234.5", "n", Ok("1234.5")),
        ("1234.5678", ",.2f", Ok("1,234.57")),
        ("1234.5678", "_.3f", Ok("1_234.568")),
        ("1234567.0", ",", Ok("1,234,567.0")),
        ("1234567.0", "_", Ok("1_234_567.0")),
        ("1234567.0", ",e", Ok("1.234567e+06")),
        ("1234567.0", ",g", Ok("1.23457e+06")),
        ("12345.678", "015,.2f", Ok("0,000,012,345.68")),
        ("12345.678", "020_.3f", Ok("0_000_000_012_345.678")),
        ("1.5", "010,", Ok("0,000,001.5")),
        ("-1.5", "010,", Ok("-000,001.5")),
        ("1.5", "+08.2f", Ok("+0001.50")),
        ("1.5", " 08.2f", Ok(" 0001.50")),
        ("-1.5", "*^12.3f", Ok("***-1.500***")),
        ("-1.5", "*<12.3f", Ok("-1.500******")),
        ("-1.5", "*>12.3f", Ok("******-1.500")),
        ("-1.5", "*=12.3f", Ok("-******1.500")),
        ("1.5", "=+10", Ok("+      1.5")),
        ("3.14159", "0=+12.3e", Ok("+003.142e+00")),
        ("3.14159", "x^+15.4g", Ok("xxxx+3.142xxxxx")),
        ("2.5", ".0e", Ok("2e+00")),
        ("25.0", ".0e", Ok("2e+01")),
        ("35.0", ".0e", Ok("4e+01")),
        ("0.0001", ".0%", Ok("0%")),
        ("123.456", ".2", Ok("1.2e+02")),
        ("123.456", ".3", Ok("1.23e+02")),
        ("123.456", ".4", Ok("123.5")),
        ("1e-05", ".3", Ok("1e-05")),
        ("1e+22", ",f", Ok("10,000,000,000,000,000,000,000.000000")),
        ("5e-324", ".1e", Ok("4.9e-324")),
        ("5e-324", "g", Ok("4.94066e-324")),
        ("1.7976931348623157e+308", ",.0f", Ok("179,769,313,486,231,570,814,527,423,731,704,356,798,070,567,525,844,996,598,917,476,803,157,260,780,028,538,760,589,558,632,766,878,171,540,458,953,514,382,464,234,321,326,889,464,182,768,467,546,703,537,516,986,049,910,576,551,282,076,245,490,090,389,328,944,075,868,508,455,133,942,304,583,236,903,222,948,165,808,559,332,123,348,274,797,826,204,144,723,168,738,177,180,919,299,881,250,404,026,184,124,858,368")),
        ("9.5", ".0f", Ok("10")),
        ("9.995", ".2f", Ok("9.99")),
        ("0.045", ".2f", Ok("0.04")),
        ("1.0", "é^9", Ok("ééé1.0ééé")),
        ("1.0", "z+", Err("Unknown format code '+' for object of type 'float'")),
        ("-0.0001", "+z.2f", Ok("+0.00")),
        ("-0.0001", " z.2%", Ok("-0.01%")),
        ("-0.0001", "z", Ok("-0.0001")),
        ("-0.0", "z^+#9.0f", Ok("zzz-0.zzz")),
        ("1.0", "s", Err("Unknown format code 's' for object of type 'float'")),
        ("1.0", "d", Err("Unknown format code 'd' for object of type 'float'")),
        ("1.0", "x", Err("Unknown format code 'x' for object of type 'float'")),
        ("1.0", "\u{1}", Err("Unknown format code '\\x1' for object of type 'float'")),
        ("1.0", "abc", Err("Invalid format specifier 'abc' for object of type 'float'")),
        ("1.0", ",_", Err("Cannot specify both ',' and '_'.")),
        ("1.0", ".", Err("Format specifier missing precision")),
        ("1.0", ",n", Err("Cannot specify ',' with 'n'.")),
        ("1.0", "_b", Err("Unknown format code 'b' for object of type 'float'")),
        ("1.0", ".99999999999", Err("precision too big")),
        ("1.0", "99999999999999999999", Err("Too many decimal digits in format string")),
        ("1.0", "١٠", Ok("       1.0")),
        ("1.0", ".٣f", Ok("1.000")),
        ("1.1805916207174113e+21", "", Ok("1.1805916207174113e+21")),
        ("1.1805916207174113e+21", "f", Ok("1180591620717411303424.000000")),
        ("-71258755.75", "0.11f", Ok("-71258755.75000000000")),
        ("-104955358.5", ".8f", Ok("-104955358.50000000")),
        ("97.92011459058898", "#7.9f", Ok("97.920114591")),
        ("-114131840.125", "=.10f", Ok("-114131840.1250000000")),
        ("4.642641348072181e-13", "#15.12E", Ok("4.642641348072E-13")),
        ("759065.9921767868", "*>7.3g", Ok("7.59e+05")),
        ("30386180.125", "2f", Ok("30386180.125000")),
        ("813343.0277554058", "0>+20.8E", Ok("00000+8.13343028E+05")),
        ("88570.4561817064", ">9.11f", Ok("88570.45618170640")),
        ("9.763505685149999e-08", "#18F", Ok("          0.000000")),
        ("1.5765359420402368e+17", ">-12%", Ok("15765359420402368512.000000%")),
        ("1.6001446572904098e-14", "0F", Ok("0.000000")),
        ("3778426612568450.5", " .5%", Ok(" 377842661256845056.00000%")),
        ("-39576623.25", "-10.3%", Ok("-3957662325.000%")),
        ("97055108.25", "*>.7F", Ok("97055108.2500000")),
        ("6478.8467823337205", "1.1E", Ok("6.5E+03")),
        ("-797273.8977742846", " 14_e", Ok(" -7.972739e+05")),
        ("-90015266.5", "0< 0G", Ok("-9.00153E+07")),
        ("9.762029955596734", "+#09_.8E", Ok("+9.76202996E+00")),
        ("405429.5484503538", "+.2F", Ok("+405429.55")),
        ("4452654.5", "13.5n", Ok("   4.4527e+06")),
        ("11248182.625", "#1,.4e", Ok("1.1248e+07")),
        ("417403.01068674354", ".7F", Ok("417403.0106867")),
        ("2244909.375", "0=+#12.0g", Ok("+000002.e+06")),
        ("0.0019577986886591225", "#2.2g", Ok("0.0020")),
        ("-973405.3395341651", "0^ 15,.10G", Ok("0-973,405.33950")),
        ("-9562.864922348526", "e", Ok("-9.562865e+03")),
        ("866.2787641249648", "G", Ok("866.279")),
        ("448043.2990891037", "0^+#4f", Ok("+448043.299089")),
        ("789250.0239018255", "*<01.12n", Ok("789250.023902")),
        ("-133736.63357915566", "-0_.3g", Ok("-1.34e+05")),
        ("-103455194.5", "<#_e", Ok("-1.034552e+08")),
        ("4176047202834.0156", ",.0E", Ok("4E+12")),
        ("6.794250973448242e-06", "0>-.5e", Ok("6.79425e-06")),
        ("261918.9272316934", "+0G", Ok("+261919")),
        ("-38434402.625", "0>.11n", Ok("-38434402.625")),
        ("60259802.625", "^3.4g", Ok("6.026e+07")),
    ];
    const FORMAT_INT: &[(&str, &str, Result<&str, &str>)] = &[
        ("12345", "_x", Ok("3039")),
        ("-42", "#010b", Ok("-0b0101010")),
        ("255", "c", Ok("ÿ")),
        ("65", "5c", Ok("    A")),
        ("65", "<5c", Ok("A    ")),
        ("65", "05c", Ok("0000A")),
        ("9786", "c", Ok("☺")),
        ("1114112", "c", Err("%c arg not in range(0x110000)")),
        ("-1", "c", Err("%c arg not in range(0x110000)")),
        ("18446744073709551616", "c", Err("Python int too large to convert to C long")),
        ("65", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("65", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("65", ",c", Err("Cannot specify ',' with 'c'.")),
        ("255", "x", Ok("ff")),
        ("255", "X", Ok("FF")),
        ("255", "#x", Ok("0xff")),
        ("255", "#X", Ok("0XFF")),
        ("255", "#o", Ok("0o377")),
        ("255", "o", Ok("377")),
        ("255", "b", Ok("11111111")),
        ("255", "#b", Ok("0b11111111")),
        ("-255", "#x", Ok("-0xff")),
        ("-255", "#010x", Ok("-0x00000ff")),
        ("-255", "#010X", Ok("-0X00000FF")),
        ("255", "#_b", Ok("0b1111_1111")),
        ("4294967296", "_b", Ok("1_0000_0000_0000_0000_0000_0000_0000_0000")),
        ("4294967296", "#_x", Ok("0x1_0000_0000")),
        ("123456789", ",", Ok("123,456,789")),
        ("123456789", "_", Ok("123_456_789")),
        ("-123456789", ",", Ok("-123,456,789")),
        ("1234", "06,", Ok("01,234")),
        ("1234", "07,", Ok("001,234")),
        ("1234", "08,", Ok("0,001,234")),
        ("1234", "09,", Ok("0,001,234")),
        ("1234", "010,", Ok("00,001,234")),
        ("0", "08,", Ok("0,000,000")),
        ("1", "0=8,", Ok("0,000,001")),
        ("-1234", "+012,", Ok("-000,001,234")),
        ("1234", " ,", Ok(" 1,234")),
        ("1234", "+", Ok("+1234")),
        ("-1234", " ", Ok("-1234")),
        ("42", "*^9", Ok("***42****")),
        ("42", "*^10", Ok("****42****")),
        ("42", "*<6", Ok("42****")),
        ("42", "*=+6", Ok("+***42")),
        ("42", "0<6", Ok("420000")),
        ("42", "=6", Ok("    42")),
        ("1234567", "n", Ok("1234567")),
        ("1234567", "d", Ok("1234567")),
        ("1234567", "", Ok("1234567")),
        ("0", "", Ok("0")),
        ("0", "+", Ok("+0")),
        ("1000000000000000000000000000000", ",", Ok("1,000,000,000,000,000,000,000,000,000,000")),
        ("-1000000000000000000000000000000", "_", Ok("-1_000_000_000_000_000_000_000_000_000_000")),
        ("12345", ".2", Err("Precision not allowed in integer format specifier")),
        ("12345", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("12345", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("12345", "é", Err("Unknown format code '\\xe9' for object of type 'int'")),
        ("12345", ",x", Err("Cannot specify ',' with 'x'.")),
        ("12345", "_d", Ok("12_345")),
        ("12345", ",o", Err("Cannot specify ',' with 'o'.")),
        ("12345", ",n", Err("Cannot specify ',' with 'n'.")),
        ("12345", "e", Ok("1.234500e+04")),
        ("12345", ".2e", Ok("1.23e+04")),
        ("12345", ",.2f", Ok("12,345.00")),
        ("12345", "%", Ok("1234500.000000%")),
        ("12345", "g", Ok("12345")),
        ("100000000000000001", "f", Ok("100000000000000000.000000")),
        ("9007199254740993", ".0f", Ok("9007199254740992")),
        ("10000000000000000000000", ",.1f", Ok("10,000,000,000,000,000,000,000.0")),
        ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "e", Err("int too large to convert to float")),
        ("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368", "e", Ok("1.797693e+308")),
        ("12345", "G", Ok("12345")),
        ("12345", "E", Ok("1.234500E+04")),
        ("-5", ".1%", Ok("-500.0%")),
        ("7", "#", Ok("7")),
        ("7", "0", Ok("7")),
        ("7", "00", Ok("7")),
        ("7", "010", Ok("0000000007")),
        ("-7", "010", Ok("-000000007")),
        ("7", "#010o", Ok("0o00000007")),
        ("3735928559", "#_X", Ok("0XDEAD_BEEF")),
        ("3735928559", "_X", Ok("DEAD_BEEF")),
        ("255", ">#12_b", Ok(" 0b1111_1111")),
        ("1", "99999999999999999999", Err("Too many decimal digits in format string")),
        ("1", "abc", Err("Invalid format specifier 'abc' for object of type 'int'")),
        ("1", ",_", Err("Cannot specify both ',' and '_'.")),
        ("1", "_,", Err("Cannot specify both ',' and '_'.")),
        ("1", ".", Err("Format specifier missing precision")),
        ("1", "١٠", Ok("         1")),
        ("1", "\u{0}", Err("Unknown format code '\\x0' for object of type 'int'")),
        ("3", "Ā", Err("Unknown format code '\\x100' for object of type 'int'")),
        ("3", "z,", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("1", " ^7", Ok("   1   ")),
        ("-559259537198", "#9x", Ok("-0x8236774f2e")),
        ("-1550770029491063892260512", "-_b", Ok("-1_0100_1000_0110_0011_0110_1001_0110_1000_0111_0010_0101_1110_1100_1010_1110_0000_1011_0110_1010_0000")),
        ("-279622141947", "25_", Ok("         -279_622_141_947")),
        ("-656", "+#08n", Ok("-0000656")),
        ("219", "0=-#n", Ok("219")),
        ("-86", "0<n", Ok("-86")),
        ("4904731830623483457484965", "+#020d", Ok("+4904731830623483457484965")),
        ("-8080501623104909737966633", "=0_x", Ok("-6_af1c_dee7_f976_636f_bc29")),
        ("8666218909520615042973913", " 21_o", Ok(" 3453_1112_5437_2525_6366_7400_0331")),
        ("-4937973766349734011436220", "o", Ok("-2025520140412114555012676274")),
        ("397498490227", "*>n", Ok("397498490227")),
        ("-479345346290", "9", Ok("-479345346290")),
        ("-688146067200129180093729", "0_", Ok("-688_146_067_200_129_180_093_729")),
        ("765452681352", "2_x", Ok("b2_3889_0088")),
        ("169", "<-027x", Ok("a90000000000000000000000000")),
        ("745921264365", "-#,d", Ok("745,921,264,365")),
        ("5232920937709279808021333", "*=", Ok("5232920937709279808021333")),
        ("-973", "*< _b", Ok("-11_1100_1101")),
        ("-542817100423", "+#1n", Ok("-542817100423")),
        ("-440876679837", "0^+_x", Ok("-66_a64c_429d")),
        ("-8594229576316187033935600", "=b", Ok("-11100011011111001100001111001101110100001111100010100011010001010110001111011110000")),
        ("308", "-0b", Ok("100110100")),
        ("-824", "< 22_X", Ok("-338                  ")),
        ("-992205919796", "*>26_X", Ok("*************-E7_0414_D634")),
        ("-2901726634788146626425608", "#029_X", Ok("-0X2_6676_EA83_8D35_4403_F308")),
        ("-764954885703", "*^ #,d", Ok("-764,954,885,703")),
        ("966725686042", "23_b", Ok("1110_0001_0001_0101_0101_0111_0101_0011_0001_1010")),
        ("-677", "#_o", Ok("-0o1245")),
        ("988", " n", Ok(" 988")),
        ("6849381904470366012398466", "*=#23X", Ok("0X5AA69BCAF572AB27D5B82")),
        ("465395359158", " #b", Ok(" 0b110110001011011101110011001110110110110")),
        ("-696", "+18X", Ok("              -2B8")),
        ("4089853675769561896694913", "=#012_X", Ok("0X3_620F_697A_32F3_B8B3_B481")),
        ("-6882057038493973570577401", "=29_b", Ok("-101_1011_0001_0101_0101_0000_1111_0100_0010_1111_0001_0101_1011_1011_0011_0010_1110_1110_0011_1111_1001")),
        ("-108", "#18b", Ok("        -0b1101100")),
        ("-559", ",", Ok("-559")),
        ("3115038892091928389339845", "+022,", Ok("+3,115,038,892,091,928,389,339,845")),
        ("-729", "03_", Ok("-729")),
        ("1296594967967926437842529", "^X", Ok("112908DD69044C9548E61")),
        ("218349828095633686678283", "-28_x", Ok("    2e3c_c495_0a02_2d86_4b0b")),
    ];
    const FORMAT_STR: &[(&str, &str, Result<&str, &str>)] = &[
        ("abc", "", Ok("abc")),
        ("abc", "10", Ok("abc       ")),
        ("abc", "<10", Ok("abc       ")),
        ("abc", ">10", Ok("       abc")),
        ("abc", "^10", Ok("   abc    ")),
        ("abc", "^9", Ok("   abc   ")),
        ("abc", "*^8", Ok("**abc***")),
        ("abc", ".2", Ok("ab")),
        ("abc", "10.2", Ok("ab        ")),
        ("abc", ">5.1", Ok("    a")),
        ("héllo", "^11", Ok("   héllo   ")),
        ("日本語", "*>6", Ok("***日本語")),
        ("日本語", ".1", Ok("日")),
        ("abc", "é<7", Ok("abcéééé")),
        ("abc", "05", Ok("abc00")),
        ("abc", "0>5", Ok("00abc")),
        ("abc", "1", Ok("abc")),
        ("abc", ".0", Ok("")),
        ("abc", "s", Ok("abc")),
        ("abc", ">6s", Ok("   abc")),
        (
            "abc",
            "+",
            Err("Sign not allowed in string format specifier"),
        ),
        (
            "abc",
            "-",
            Err("Sign not allowed in string format specifier"),
        ),
        (
            "abc",
            " ",
            Err("Space not allowed in string format specifier"),
        ),
        (
            "abc",
            "#",
            Err("Alternate form (#) not allowed in string format specifier"),
        ),
        (
            "abc",
            "z",
            Err("Negative zero coercion (z) not allowed in string format specifier"),
        ),
        (
            "abc",
            "=",
            Err("'=' alignment not allowed in string format specifier"),
        ),
        (
            "abc",
            "0=5",
            Err("'=' alignment not allowed in string format specifier"),
        ),
        (
            "abc",
            "d",
            Err("Unknown format code 'd' for object of type 'str'"),
        ),
        (
            "abc",
            "x",
            Err("Unknown format code 'x' for object of type 'str'"),
        ),
        ("abc", ",", Err("Cannot specify ',' with 's'.")),
        ("abc", "_", Err("Cannot specify '_' with 's'.")),
        ("abc", ",s", Err("Cannot specify ',' with 's'.")),
        (
            "abc",
            ",d",
            Err("Unknown format code 'd' for object of type 'str'"),
        ),
        (
            "abc",
            "abc",
            Err("Invalid format specifier 'abc' for object of type 'str'"),
        ),
        ("abc", ".", Err("Format specifier missing precision")),
        (
            "abc",
            "\u{7f}",
            Err("Unknown format code '\u{7f}' for object of type 'str'"),
        ),
        ("", "5", Ok("     ")),
        ("", "", Ok("")),
        ("x", "^2", Ok("x ")),
        ("x", "^3", Ok(" x ")),
    ];
    const PERCENT_FLOAT: &[(&str, &str, &str)] = &[
        ("%.3f", "3.14159", "3.142"),
        ("%10.2e", "12345.678", "  1.23e+04"),
        ("%g", "0.0001", "0.0001"),
        ("%g", "1e-05", "1e-05"),
        ("%g", "123456789.0", "1.23457e+08"),
        ("%#g", "1.0", "1.00000"),
        ("%+.1f", "2.25", "+2.2"),
        ("%-8.2f", "1.5", "1.50    "),
        ("%08.3f", "-1.5", "-001.500"),
        ("%f", "1e+100", "10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000"),
        ("%.0f", "0.5", "0"),
        ("%.0f", "1.5", "2"),
        ("%.2f", "2.675", "2.67"),
        ("%e", "0.0", "0.000000e+00"),
        ("%E", "1e-300", "1.000000E-300"),
        ("%G", "1e-10", "1E-10"),
        ("%F", "inf", "INF"),
        ("%f", "nan", "nan"),
        ("%+f", "nan", "+nan"),
        ("% f", "inf", " inf"),
        ("%05f", "inf", "00inf"),
        ("%-05f", "-inf", "-inf "),
        ("%010.3f", "-inf", "-000000inf"),
        ("% 08.2f", "3.14159", " 0003.14"),
        ("%+08.2f", "3.14159", "+0003.14"),
        ("%-+8.2f", "3.14159", "+3.14   "),
        ("%- 8.2f", "-3.14159", "-3.14   "),
        ("%#.0f", "2.0", "2."),
        ("%#.0e", "2.0", "2.e+00"),
        ("%#.3g", "2.0", "2.00"),
        ("%.3g", "1234.0", "1.23e+03"),
        ("%.10g", "0.3333333333333333", "0.3333333333"),
        ("%.20f", "0.1", "0.10000000000000000555"),
        ("%.17g", "0.1", "0.10000000000000001"),
        ("%3.1f", "100.0", "100.0"),
        ("%-3.1f", "100.0", "100.0"),
        ("%0-10.1f", "1.5", "1.5       "),
        ("%5g", "-0.0", "   -0"),
        ("%f", "-0.0", "-0.000000"),
        ("%.1f", "-0.04", "-0.0"),
        ("%+g", "0.0", "+0"),
        ("%.0e", "25.0", "2e+01"),
        ("%.0e", "35.0", "4e+01"),
        ("%.1000f", "0", "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        ("% 5.6g", "-3144.9102484444593", "-3144.91"),
        ("%#5.6G", "-25610.052710472504", "-25610.1"),
        ("%5.0g", "7.742614585773777e-05", "8e-05"),
        ("%#05g", "2.2998209579827256e-06", "2.29982e-06"),
        ("%-05.6F", "2007735.0373608205", "2007735.037361"),
        ("%#015F", "67435.79597529356", "00067435.795975"),
        ("%5.6f", "-52531.787258588156", "-52531.787259"),
        ("% .2E", "3171.2119494909707", " 3.17E+03"),
        ("%-+.0E", "7.1310600629066196e-06", "+7E-06"),
        ("%+ 10.2f", "1702.95929966298", "  +1702.96"),
        ("%010F", "55404.287981173315", "55404.287981"),
        ("%05.0g", "-96498.60151917442", "-1e+05"),
        ("% 015.0E", "19135.6437868216", " 0000000002E+04"),
        ("%-+15.2F", "7.886286027914968", "+7.89          "),
        ("%-#10.12g", "-93854.8644840562", "-93854.8644841"),
        ("% .12E", "5.160525459395322e-06", " 5.160525459395E-06"),
        ("%+#G", "5.659438040995034e-11", "+5.65944E-11"),
        ("% .0F", "-40243.169715913486", "-40243"),
        ("% .2e", "43478.42498056746", " 4.35e+04"),
        ("%+5.12F", "17799969.59240925", "+17799969.592409249395"),
        ("%+5.12E", "-14241.750718186653", "-1.424175071819E+04"),
        ("%-+.6e", "36381.47202450104", "+3.638147e+04"),
        ("%10.6e", "39155.63123877696", "3.915563e+04"),
        ("%+5.6f", "0.004748960460724705", "+0.004749"),
        ("%-10.12g", "3.071146145725837e-08", "3.07114614573e-08"),
        ("%- 15.2g", "75829.92791449852", " 7.6e+04       "),
        ("%-05.0G", "-41648.77266665099", "-4E+04"),
        ("%10f", "6581742554.689857", "6581742554.689857"),
        ("%+5f", "30.716883031410923", "+30.716883"),
        ("%-015G", "-23249.96873252168", "-23250         "),
    ];
    const PERCENT_INT: &[(&str, &str, &str)] = &[
        ("%d", "42", "42"),
        ("%5d", "42", "   42"),
        ("%-5d", "42", "42   "),
        ("%05d", "-42", "-0042"),
        ("%+d", "42", "+42"),
        ("% d", "42", " 42"),
        ("%x", "255", "ff"),
        ("%X", "255", "FF"),
        ("%#x", "255", "0xff"),
        ("%#X", "255", "0XFF"),
        ("%#o", "8", "0o10"),
        ("%o", "8", "10"),
        ("%.3d", "7", "007"),
        ("%.3d", "-7", "-007"),
        ("%#010X", "255", "0X000000FF"),
        ("%#10x", "255", "      0xff"),
        ("%-#10x", "255", "0xff      "),
        ("%#010x", "-255", "-0x00000ff"),
        ("%#.5x", "255", "0x000ff"),
        ("%+#x", "255", "+0xff"),
        ("% #o", "8", " 0o10"),
        ("%i", "0", "0"),
        ("%u", "12", "12"),
        ("%08.3d", "-5", "-0000005"),
        ("%-08d", "5", "5       "),
        ("%#-08o", "5", "0o5     "),
        (
            "%d",
            "1000000000000000000000000000000",
            "1000000000000000000000000000000",
        ),
        ("%x", "-100000000000000000000", "-56bc75e2d63100000"),
        ("%3d", "12345", "12345"),
        ("%.0d", "0", "0"),
        ("%#.0x", "0", "0x0"),
        ("%+05d", "0", "+0000"),
        ("%15.3o", "70316797", "      414171375"),
        ("%-#10x", "-13118859", "-0xc82d8b "),
        ("%.0o", "7386545", "34132661"),
        ("%#10.8X", "-25564496", "-0X01861550"),
        ("%.8u", "8482955", "08482955"),
        ("%10d", "42276520", "  42276520"),
        ("%+ .8x", "-83059287", "-04f36257"),
        ("%- 5o", "44519088", " 251647260"),
        ("%15d", "-31053071", "      -31053071"),
        ("%-010.3x", "-80987036", "-4d3c39c  "),
        ("%5.3i", "-89243500", "-89243500"),
        ("%15.0X", "-29492649", "       -1C205A9"),
        ("%#.8o", "-71130263", "-0o417256227"),
        ("%15.8o", "20293042", "      115322662"),
        ("%#5.8x", "32776412", "0x01f420dc"),
        ("%-+#.3X", "86433593", "+0X526DF39"),
        ("%5.3x", "43208171", "2934deb"),
        ("%10o", "60780598", " 347670066"),
        ("% 010o", "8309821", " 037546075"),
        ("%.3i", "8376302", "8376302"),
        ("%+10X", "61325055", "  +3A7BEFF"),
        ("%-+10.8d", "-98768431", "-98768431 "),
        ("%-#15.3x", "1432481", "0x15dba1       "),
        ("%05.8o", "59917837", "344443015"),
        ("%015X", "-60547398", "-000000039BE146"),
    ];
    const PARSE_INT: &[(&str, u32, Option<&str>)] = &[
        ("0", 10, Some("0")),
        ("  42  ", 10, Some("42")),
        ("-42", 10, Some("-42")),
        ("+42", 10, Some("42")),
        ("1_000", 10, Some("1000")),
        ("1__000", 10, None),
        ("_1", 10, None),
        ("1_", 10, None),
        ("0x1f", 16, Some("31")),
        ("0X1F", 0, Some("31")),
        ("1f", 16, Some("31")),
        ("0x_1f", 16, Some("31")),
        ("0x__1f", 16, None),
        ("0x", 16, None),
        ("0b101", 0, Some("5")),
        ("0b101", 2, Some("5")),
        ("0b101", 16, Some("45313")),
        ("0o17", 0, Some("15")),
        ("0o17", 8, Some("15")),
        ("17", 8, Some("15")),
        ("18", 8, None),
        ("010", 0, None),
        ("00", 0, Some("0")),
        ("0_0", 0, Some("0")),
        ("-0", 0, Some("0")),
        ("0_7", 0, None),
        ("0x1f", 10, None),
        ("z", 36, Some("35")),
        ("Z", 36, Some("35")),
        ("zz", 35, None),
        ("", 10, None),
        (" ", 10, None),
        ("- 1", 10, None),
        ("1 2", 10, None),
        ("\t\n12\u{d}\u{b}\u{c}", 10, Some("12")),
        ("\u{1c}12", 10, None),
        ("\u{85}12\u{3000}", 10, Some("12")),
        ("١٢", 10, Some("12")),
        ("١٢", 16, Some("18")),
        ("１０", 0, Some("10")),
        ("1.5", 10, None),
        ("1e5", 10, None),
        ("++1", 10, None),
        (
            "123456789012345678901234567890",
            10,
            Some("123456789012345678901234567890"),
        ),
        ("-0b_1_0", 0, Some("-2")),
        ("0b", 0, None),
        ("0b_", 0, None),
        ("12", 3, Some("5")),
        ("1\u{0}", 10, None),
        ("\u{7f}1", 10, None),
        ("ä1", 10, None),
        ("1_0", 0, Some("10")),
        ("09", 0, None),
        ("0_8", 0, None),
    ];
    const PARSE_FLOAT: &[(&str, Option<&str>)] = &[
        ("1.5", Some("1.5")),
        ("  1.5  ", Some("1.5")),
        ("-1.5", Some("-1.5")),
        ("+1.5", Some("1.5")),
        (".5", Some("0.5")),
        ("5.", Some("5.0")),
        (".", None),
        ("1e5", Some("100000.0")),
        ("1E5", Some("100000.0")),
        ("1e+5", Some("100000.0")),
        ("1e-5", Some("1e-05")),
        ("1e", None),
        ("1e+", None),
        ("e5", None),
        ("1.e5", Some("100000.0")),
        (".e5", None),
        ("inf", Some("inf")),
        ("-inf", Some("-inf")),
        ("+INF", Some("inf")),
        ("Infinity", Some("inf")),
        ("-iNfInItY", Some("-inf")),
        ("infinit", None),
        ("infinityy", None),
        ("nan", Some("nan")),
        ("-nan", Some("nan")),
        ("NaN", Some("nan")),
        ("nan1", None),
        (" nan ", Some("nan")),
        ("1_000.000_1", Some("1000.0001")),
        ("1__0", None),
        ("_1", None),
        ("1_", None),
        ("1_.5", None),
        ("1._5", None),
        ("1_e5", None),
        ("1e_5", None),
        ("1e1_0", Some("10000000000.0")),
        ("0x10", None),
        ("1e500", Some("inf")),
        ("-1e500", Some("-inf")),
        ("1e-400", Some("0.0")),
        ("4.9e-324", Some("5e-324")),
        ("2.4703282292062328e-324", Some("5e-324")),
        ("2.4703282292062327e-324", Some("0.0")),
        ("1.7976931348623158e308", Some("1.7976931348623157e+308")),
        ("1.7976931348623159e308", Some("inf")),
        ("0.1", Some("0.1")),
        ("00.100", Some("0.1")),
        ("1e99999999999999999999", Some("inf")),
        ("1e-99999999999999999999", Some("0.0")),
        ("١.٥", Some("1.5")),
        ("\u{a0}1.5\u{2003}", Some("1.5")),
        ("\u{1c}1.5", None),
        ("1.5\u{0}", None),
        ("", None),
        ("   ", None),
        ("+", None),
        ("-", None),
        ("1 5", None),
        ("- 1", None),
        ("1d5", None),
        (
            "123456789012345678901234567890e-10",
            Some("1.2345678901234567e+19"),
        ),
        ("0.0000000000000000000000000000001", Some("1e-31")),
        ("999999999999999999999999999999", Some("1e+30")),
    ];
    const RADIX: &[(&str, u32, &str)] = &[
        ("0", 2, "0"),
        ("255", 2, "11111111"),
        ("-255", 16, "-ff"),
        ("35", 36, "z"),
        ("100000000000000000000", 36, "l3r41ifs0q5ts"),
        ("-1180591620717411303424", 8, "-200000000000000000000000"),
        ("12345", 7, "50664"),
        (
            "10000000000000000000000000",
            10,
            "10000000000000000000000000",
        ),
    ];

    fn report(failures: Vec<String>, total: usize) {
        assert!(
            failures.is_empty(),
            "{} of {} cases differ from CPython:\n{}",
            failures.len(),
            total,
            failures.join("\n")
        );
    }

    #[test]
    fn repr_matches_cpython() {
        let mut bad = Vec::new();
        for &(x, want) in REPR {
            let got = float_repr(f(x));
            if got != want {
                bad.push(format!("repr({x}) = {got:?}, want {want:?}"));
            }
        }
        report(bad, REPR.len());
    }

    #[test]
    fn repr_of_computed_values() {
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(float_repr(2.5e-5), "2.5e-05");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(-f64::NAN), "nan");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_repr(f64::from_bits(1)), "5e-324");
        assert_eq!(float_repr(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(float_repr(f64::MIN_POSITIVE), "2.2250738585072014e-308");
        // Exactly halfway between two 17-digit candidates: the even digit wins, as in dtoa.
        assert_eq!(
            float_repr(f64::from_bits(0x431e_bea1_42ad_2af1)),
            "2163462279744188.2"
        );
    }

    #[test]
    fn format_float_matches_cpython() {
        let mut bad = Vec::new();
        for &(x, spec, want) in FORMAT_FLOAT {
            let got = parse_format_spec_for(spec, "float").and_then(|s| format_float(f(x), &s));
            if got.as_deref().map_err(String::as_str) != want {
                bad.push(format!("format({x}, {spec:?}) = {got:?}, want {want:?}"));
            }
        }
        report(bad, FORMAT_FLOAT.len());
    }

    #[test]
    fn format_int_matches_cpython() {
        let mut bad = Vec::new();
        for &(v, spec, want) in FORMAT_INT {
            let got = parse_format_spec_for(spec, "int").and_then(|s| format_int(&big(v), &s));
            if got.as_deref().map_err(String::as_str) != want {
                bad.push(format!("format({v}, {spec:?}) = {got:?}, want {want:?}"));
            }
        }
        report(bad, FORMAT_INT.len());
    }

    #[test]
    fn format_str_matches_cpython() {
        let mut bad = Vec::new();
        for &(v, spec, want) in FORMAT_STR {
            let got = parse_format_spec_for(spec, "str").and_then(|s| format_str(v, &s));
            if got.as_deref().map_err(String::as_str) != want {
                bad.push(format!("format({v:?}, {spec:?}) = {got:?}, want {want:?}"));
            }
        }
        report(bad, FORMAT_STR.len());
    }

    #[test]
    fn percent_float_matches_cpython() {
        let mut bad = Vec::new();
        for &(spec, x, want) in PERCENT_FLOAT {
            let (fl, w, p, conv) = percent_parts(spec);
            let got = percent_format_float(f(x), conv, &fl, w, p);
            if got != want {
                bad.push(format!("{spec:?} % {x} = {got:?}, want {want:?}"));
            }
        }
        report(bad, PERCENT_FLOAT.len());
    }

    #[test]
    fn percent_int_matches_cpython() {
        let mut bad = Vec::new();
        for &(spec, v, want) in PERCENT_INT {
            let (fl, w, p, conv) = percent_parts(spec);
            let got = percent_format_int(&big(v), conv, &fl, w, p);
            if got != want {
                bad.push(format!("{spec:?} % {v} = {got:?}, want {want:?}"));
            }
        }
        report(bad, PERCENT_INT.len());
    }

    #[test]
    fn parse_int_matches_cpython() {
        let mut bad = Vec::new();
        for &(s, base, want) in PARSE_INT {
            let got = parse_int(s, base).ok();
            if got != want.map(big) {
                bad.push(format!("int({s:?}, {base}) = {got:?}, want {want:?}"));
            }
        }
        report(bad, PARSE_INT.len());
    }

    #[test]
    fn parse_float_matches_cpython() {
        let mut bad = Vec::new();
        for &(s, want) in PARSE_FLOAT {
            let got = parse_float(s).ok().map(float_repr);
            if got.as_deref() != want {
                bad.push(format!("float({s:?}) = {got:?}, want {want:?}"));
            }
        }
        report(bad, PARSE_FLOAT.len());
        assert!(parse_float("-nan").unwrap().is_sign_negative());
        assert_eq!(parse_float("-0").map(f64::to_bits), Ok((-0.0f64).to_bits()));
    }

    #[test]
    fn int_to_str_radix_matches_cpython() {
        let mut bad = Vec::new();
        for &(v, radix, want) in RADIX {
            let got = int_to_str_radix(&big(v), radix);
            if got != want {
                bad.push(format!("{v} in base {radix} = {got:?}, want {want:?}"));
            }
        }
        report(bad, RADIX.len());
    }

    #[test]
    fn spec_parsing() {
        let s = parse_format_spec("^+z#012,.3e").unwrap();
        assert_eq!(
            s,
            FormatSpec {
                fill: '0',
                align: Some('^'),
                sign: Some('+'),
                no_neg_zero: true,
                alternate: true,
                zero_pad: true,
                width: Some(12),
                grouping: Some(','),
                precision: Some(3),
                ty: Some('e'),
            }
        );
        assert_eq!(parse_format_spec("").unwrap(), FormatSpec::default());
        // A fill character turns off the '0' flag: "0" then is part of the width.
        let s = parse_format_spec("x<05").unwrap();
        assert!(!s.zero_pad);
        assert_eq!((s.fill, s.width), ('x', Some(5)));
        assert_eq!(
            parse_format_spec_for("10.2fx", "float"),
            Err("Invalid format specifier '10.2fx' for object of type 'float'".to_string())
        );
        assert!(is_overflow_error(
            &format_int(&big("-1"), &parse_format_spec("c").unwrap()).unwrap_err()
        ));
        assert_eq!(
            format_int_for_type(&big("1"), &parse_format_spec("s").unwrap(), "bool"),
            Err("Unknown format code 's' for object of type 'bool'".to_string())
        );
    }
}
