//! Version-neutral data produced by the `.pyc` reader: [`PyVersion`], constants ([`Const`]),
//! local-variable kinds ([`LocalKind`]) and code objects ([`CodeObject`]).
//!
//! Everything here is plain data: no Python semantics, no interior mutability. Code objects are
//! shared through `Rc` because the marshal format lets one code object be referenced from several
//! places (`TYPE_REF`), and because they nest (a module's code holds its functions' code in
//! `consts`).

use std::fmt;
use std::rc::Rc;

/// A CPython language version, e.g. 3.11. Ordered, so `v >= PyVersion::new(3, 11)` works.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct PyVersion {
    pub major: u8,
    pub minor: u8,
}

impl PyVersion {
    pub const fn new(major: u8, minor: u8) -> PyVersion {
        PyVersion { major, minor }
    }
}

impl fmt::Display for PyVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// A constant as stored in marshal data (`co_consts` entries and everything nested in them).
///
/// Strings: marshal stores `str` objects as UTF-8 with `surrogatepass` semantics, so a Python
/// string may contain lone surrogates (e.g. `'\ud800'`), which a Rust `String` cannot hold. The
/// reader accepts such data (it is valid for CPython) and, for now, replaces each lone surrogate
/// with U+FFFD REPLACEMENT CHARACTER. Any other invalid UTF-8 is an error, as it is for CPython.
/// The one-byte string types (`a`, `A`, `z`, `Z`) are decoded as Latin-1, as CPython does.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Ellipsis,
    StopIteration,
    Bool(bool),
    Int(i64),
    /// An integer that does not fit `i64`, in marshal's own form: base 2**15 digits, least
    /// significant first, the most significant digit non-zero.
    BigInt {
        negative: bool,
        digits: Vec<u16>,
    },
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    List(Vec<Const>),
    Dict(Vec<(Const, Const)>),
    Set(Vec<Const>),
    FrozenSet(Vec<Const>),
    /// A `slice(start, stop, step)` constant: marshal format version 5 (CPython 3.14) stores
    /// constant slices such as the one in `x[1:2]`.
    Slice(Box<(Const, Const, Const)>),
    Code(Rc<CodeObject>),
}

impl Const {
    /// The Python type name of this constant (`"int"`, `"tuple"`, `"code"`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            Const::None => "NoneType",
            Const::Ellipsis => "ellipsis",
            Const::StopIteration => "StopIteration",
            Const::Bool(_) => "bool",
            Const::Int(_) | Const::BigInt { .. } => "int",
            Const::Float(_) => "float",
            Const::Complex(..) => "complex",
            Const::Str(_) => "str",
            Const::Bytes(_) => "bytes",
            Const::Tuple(_) => "tuple",
            Const::List(_) => "list",
            Const::Dict(_) => "dict",
            Const::Set(_) => "set",
            Const::FrozenSet(_) => "frozenset",
            Const::Slice(_) => "slice",
            Const::Code(_) => "code",
        }
    }

    /// The string, if this is a `Str`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Const::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A Python-like `repr()` of the constant, for listings and diagnostics. Close to CPython's
    /// for the common cases; not guaranteed identical (e.g. set element order, float edge cases).
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Const::None => out.push_str("None"),
            Const::Ellipsis => out.push_str("Ellipsis"),
            Const::StopIteration => out.push_str("StopIteration"),
            Const::Bool(true) => out.push_str("True"),
            Const::Bool(false) => out.push_str("False"),
            Const::Int(v) => out.push_str(&v.to_string()),
            Const::BigInt { negative, digits } => {
                if *negative {
                    out.push('-');
                }
                out.push_str(&bigint_to_decimal(digits));
            }
            Const::Float(v) => out.push_str(&float_repr(*v)),
            Const::Complex(re, im) => {
                // Python shows integral parts of a complex without ".0": 2j, (1-2.5j).
                let part = |v: f64| {
                    let s = float_repr(v);
                    match s.strip_suffix(".0") {
                        Some(t) => t.to_string(),
                        None => s,
                    }
                };
                if *re == 0.0 && re.is_sign_positive() {
                    out.push_str(&part(*im));
                    out.push('j');
                } else {
                    out.push('(');
                    out.push_str(&part(*re));
                    if *im >= 0.0 || im.is_nan() {
                        out.push('+');
                    }
                    out.push_str(&part(*im));
                    out.push_str("j)");
                }
            }
            Const::Str(s) => out.push_str(&str_repr(s)),
            Const::Bytes(b) => out.push_str(&bytes_repr(b)),
            Const::Tuple(items) => {
                out.push('(');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Const::List(items) => {
                out.push('[');
                write_items(items, out);
                out.push(']');
            }
            Const::Set(items) => {
                if items.is_empty() {
                    out.push_str("set()");
                } else {
                    out.push('{');
                    write_items(items, out);
                    out.push('}');
                }
            }
            Const::FrozenSet(items) => {
                out.push_str("frozenset(");
                if !items.is_empty() {
                    out.push('{');
                    write_items(items, out);
                    out.push('}');
                }
                out.push(')');
            }
            Const::Dict(items) => {
                out.push('{');
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.write_repr(out);
                    out.push_str(": ");
                    v.write_repr(out);
                }
                out.push('}');
            }
            Const::Slice(parts) => {
                out.push_str("slice(");
                parts.0.write_repr(out);
                out.push_str(", ");
                parts.1.write_repr(out);
                out.push_str(", ");
                parts.2.write_repr(out);
                out.push(')');
            }
            Const::Code(code) => {
                out.push_str(&format!(
                    "<code object {} from {}, line {}>",
                    code.name,
                    str_repr(&code.filename),
                    code.firstlineno
                ));
            }
        }
    }
}

fn write_items(items: &[Const], out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        item.write_repr(out);
    }
}

/// Decimal text of a magnitude given as base 2**15 digits, least significant first.
fn bigint_to_decimal(digits: &[u16]) -> String {
    // Repeated division by 10**4 of a base 2**15 number.
    let mut work: Vec<u32> = digits.iter().rev().map(|&d| u32::from(d)).collect();
    let mut chunks: Vec<u32> = Vec::new();
    while work.iter().any(|&d| d != 0) {
        let mut rem: u32 = 0;
        for d in work.iter_mut() {
            let cur = (rem << 15) | *d;
            *d = cur / 10_000;
            rem = cur % 10_000;
        }
        chunks.push(rem);
    }
    if chunks.is_empty() {
        return "0".to_string();
    }
    let mut s = chunks.last().map(|c| c.to_string()).unwrap_or_default();
    for c in chunks.iter().rev().skip(1) {
        s.push_str(&format!("{:04}", c));
    }
    s
}

/// Python-like `repr(float)`: shortest round-trip digits, exponent form outside [1e-4, 1e16).
pub(crate) fn float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let a = v.abs();
    if a == 0.0 || (1e-4..1e16).contains(&a) {
        let s = format!("{:?}", v);
        if s.contains('.') || s.contains('e') || s.contains("inf") || s.contains("NaN") {
            s
        } else {
            format!("{}.0", s)
        }
    } else {
        // Rust's `{:e}` gives the shortest round-trip mantissa, e.g. "1e100", "1.5e-7".
        let s = format!("{:e}", v);
        match s.split_once('e') {
            Some((mant, exp)) => {
                let (sign, digits) = match exp.strip_prefix('-') {
                    Some(d) => ('-', d),
                    None => ('+', exp),
                };
                let digits = if digits.len() < 2 {
                    format!("0{}", digits)
                } else {
                    digits.to_string()
                };
                format!("{}e{}{}", mant, sign, digits)
            }
            None => s,
        }
    }
}

/// Python-like `repr(str)`.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python-like `repr(bytes)`.
pub(crate) fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote as char);
    out
}

/// The kind of one entry of a code object's "fast locals plus" array, as a set of bit flags.
///
/// The bits are CPython's own (`co_localspluskinds`, 3.11+), kept as stored so that nothing is
/// lost: `LOCAL` (0x20) a fast local (arguments included), `CELL` (0x40) a cell variable, `FREE`
/// (0x80) a free variable, `HIDDEN` (0x10, 3.12+) a local hidden by comprehension inlining. Later
/// versions add argument bits in the low nibble (3.14); they are preserved in [`LocalKind::bits`].
///
/// The combinations that occur: [`LocalKind::LOCAL`], [`LocalKind::CELL`], [`LocalKind::FREE`] and
/// [`LocalKind::LOCAL_CELL`] (an argument that is also a cell).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LocalKind(pub u8);

impl LocalKind {
    pub const HIDDEN_BIT: u8 = 0x10;
    pub const LOCAL_BIT: u8 = 0x20;
    pub const CELL_BIT: u8 = 0x40;
    pub const FREE_BIT: u8 = 0x80;

    pub const LOCAL: LocalKind = LocalKind(Self::LOCAL_BIT);
    pub const CELL: LocalKind = LocalKind(Self::CELL_BIT);
    pub const FREE: LocalKind = LocalKind(Self::FREE_BIT);
    pub const LOCAL_CELL: LocalKind = LocalKind(Self::LOCAL_BIT | Self::CELL_BIT);

    pub fn bits(self) -> u8 {
        self.0
    }
    pub fn is_local(self) -> bool {
        self.0 & Self::LOCAL_BIT != 0
    }
    pub fn is_cell(self) -> bool {
        self.0 & Self::CELL_BIT != 0
    }
    pub fn is_free(self) -> bool {
        self.0 & Self::FREE_BIT != 0
    }
    pub fn is_hidden(self) -> bool {
        self.0 & Self::HIDDEN_BIT != 0
    }
}

/// A code object, in one form for every supported CPython version.
///
/// Version differences are smoothed as follows:
/// - `localsplus`: 3.11+ stores it (`co_localsplusnames` + `co_localspluskinds`) and it is kept as
///   stored. For 3.8–3.10 it is built the way 3.11 orders it: `co_varnames` (kind `LOCAL`, or
///   `LOCAL_CELL` for an argument that is also in `co_cellvars`), then the `co_cellvars` that are not
///   also in `co_varnames` (`CELL`), then `co_freevars` (`FREE`).
/// - `varnames`, `cellvars`, `freevars`: stored for 3.8–3.10; for 3.11+ derived from `localsplus`
///   as CPython's `co_varnames`/`co_cellvars`/`co_freevars` are (entries with the `LOCAL`, `CELL`,
///   `FREE` bit respectively, in `localsplus` order).
/// - `qualname` equals `name` before 3.11.
/// - `linetable` is the raw `co_lnotab` for 3.8 and 3.9, `co_linetable` for 3.10+ (whose format
///   differs between 3.10 and 3.11+; see `bytecode::line_table`).
/// - `exceptiontable` is empty before 3.11.
///
/// `co_nlocals` (3.8–3.10) is not kept: it always equals `varnames.len()`.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub version: PyVersion,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    pub code: Vec<u8>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub localsplus: Vec<(String, LocalKind)>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub filename: String,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    /// Calls `f` on this code object and then on every code object nested in its constants,
    /// depth-first, in constant order (code objects inside constant tuples etc. included).
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a CodeObject)) {
        f(self);
        for c in &self.consts {
            walk_const(c, f);
        }
    }

    /// This code object and all nested ones, in [`CodeObject::walk`] order.
    pub fn all_code_objects(&self) -> Vec<&CodeObject> {
        let mut out = Vec::new();
        self.walk(&mut |c| out.push(c));
        out
    }

    /// The name of local-plus slot `index` (the argument of `LOAD_FAST`, and in 3.11+ of
    /// `LOAD_DEREF` and friends), if it exists.
    pub fn localsplus_name(&self, index: usize) -> Option<&str> {
        self.localsplus.get(index).map(|(n, _)| n.as_str())
    }
}

fn walk_const<'a>(c: &'a Const, f: &mut dyn FnMut(&'a CodeObject)) {
    match c {
        Const::Code(code) => code.walk(f),
        Const::Tuple(items) | Const::List(items) | Const::Set(items) | Const::FrozenSet(items) => {
            for item in items {
                walk_const(item, f);
            }
        }
        Const::Dict(items) => {
            for (k, v) in items {
                walk_const(k, f);
                walk_const(v, f);
            }
        }
        Const::Slice(parts) => {
            walk_const(&parts.0, f);
            walk_const(&parts.1, f);
            walk_const(&parts.2, f);
        }
        _ => {}
    }
}

/// Builds 3.11's `localsplus` from the 3.8–3.10 `co_varnames`, `co_cellvars` and `co_freevars`.
pub(crate) fn localsplus_from_legacy(
    varnames: &[String],
    cellvars: &[String],
    freevars: &[String],
) -> Vec<(String, LocalKind)> {
    let mut out: Vec<(String, LocalKind)> =
        Vec::with_capacity(varnames.len() + cellvars.len() + freevars.len());
    for v in varnames {
        let kind = if cellvars.contains(v) {
            LocalKind::LOCAL_CELL
        } else {
            LocalKind::LOCAL
        };
        out.push((v.clone(), kind));
    }
    for c in cellvars {
        if !varnames.contains(c) {
            out.push((c.clone(), LocalKind::CELL));
        }
    }
    for f in freevars {
        out.push((f.clone(), LocalKind::FREE));
    }
    out
}

/// Derives `(varnames, cellvars, freevars)` from a 3.11+ `localsplus`.
pub(crate) fn legacy_from_localsplus(
    localsplus: &[(String, LocalKind)],
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let pick = |pred: fn(LocalKind) -> bool| -> Vec<String> {
        localsplus
            .iter()
            .filter(|(_, k)| pred(*k))
            .map(|(n, _)| n.clone())
            .collect()
    };
    (
        pick(LocalKind::is_local),
        pick(LocalKind::is_cell),
        pick(LocalKind::is_free),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_display_and_order() {
        assert_eq!(PyVersion::new(3, 11).to_string(), "3.11");
        assert!(PyVersion::new(3, 8) < PyVersion::new(3, 10));
    }

    #[test]
    fn reprs() {
        assert_eq!(Const::Float(1.0).repr(), "1.0");
        assert_eq!(Const::Float(0.1).repr(), "0.1");
        assert_eq!(Const::Float(1e100).repr(), "1e+100");
        assert_eq!(Const::Float(1e-5).repr(), "1e-05");
        assert_eq!(Const::Float(-2.5).repr(), "-2.5");
        assert_eq!(Const::Float(f64::INFINITY).repr(), "inf");
        assert_eq!(Const::Complex(0.0, 2.0).repr(), "2j");
        assert_eq!(Const::Complex(1.0, -2.5).repr(), "(1-2.5j)");
        assert_eq!(Const::Str("it's".into()).repr(), "\"it's\"");
        assert_eq!(Const::Str("a\nb".into()).repr(), "'a\\nb'");
        assert_eq!(Const::Bytes(b"a\x00'".to_vec()).repr(), "b\"a\\x00'\"");
        assert_eq!(
            Const::Tuple(vec![Const::Int(1)]).repr(),
            "(1,)",
            "one-tuple has a trailing comma"
        );
        assert_eq!(Const::FrozenSet(vec![]).repr(), "frozenset()");
        // 2**64 = 2**60 * 16: digits (base 2**15) least significant first.
        let big = Const::BigInt {
            negative: true,
            digits: vec![0, 0, 0, 0, 16],
        };
        assert_eq!(big.repr(), "-18446744073709551616");
    }

    #[test]
    fn localsplus_roundtrip() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let lp = localsplus_from_legacy(&s(&["a", "b", "x"]), &s(&["b", "c"]), &s(&["f"]));
        assert_eq!(
            lp,
            vec![
                ("a".to_string(), LocalKind::LOCAL),
                ("b".to_string(), LocalKind::LOCAL_CELL),
                ("x".to_string(), LocalKind::LOCAL),
                ("c".to_string(), LocalKind::CELL),
                ("f".to_string(), LocalKind::FREE),
            ]
        );
        let (v, c, f) = legacy_from_localsplus(&lp);
        assert_eq!(v, s(&["a", "b", "x"]));
        assert_eq!(c, s(&["b", "c"]));
        assert_eq!(f, s(&["f"]));
    }
}
