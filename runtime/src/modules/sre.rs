//! `_kiln_sre`: the regular-expression engine under kiln's `_sre` (`compiler/pylib/_sre.py`),
//! which keeps the `Pattern` and `Match` objects in Python and asks this module to run
//! compiled patterns. The engine is the crate `rustpython-sre_engine`, which reads the code
//! of CPython 3.11 and later (the opcode numbering of `re._constants`); the code that 3.8-3.10's
//! `sre_compile` writes numbers its opcodes differently (it has `CALL`, and no atomic groups or
//! possessive repeats), so [`code`] renumbers it by walking its structure, following the
//! program's bytecode version.
//!
//! - `code(list) -> bytes`: the pattern's code words, renumbered and packed, for the others.
//! - `run(code, string, pos, endpos, mode, must_advance)`: one match attempt (`mode` 0: match at
//!   `pos`, 1: fullmatch, 2: search); None, or `(start, end, lastindex, mark0, mark1, ...)` with
//!   -1 for an unset mark.
//! - `run_all(code, string, pos, endpos, limit)`: the list of such tuples for successive
//!   non-overlapping searches (an empty match must be followed by an advance), at most `limit`
//!   of them when `limit` > 0, as `findall`, `finditer`, `sub` and `split` walk a string.
//! - `lower(ch)`, `upper(ch)`: Unicode's simple case mappings, as `_sre.unicode_tolower` uses.

use crate::errors;
use crate::object::none;
use crate::objects::{bytes, int, list, str as pystr, tuple};
use crate::value::Value;
use rustpython_sre_engine::{Request, SearchIter, State, StrDrive};

/// 3.8-3.10's opcode numbers, by name, in the order of their `sre_constants.OPCODES`.
const OPCODES_3_8: &[&str] = &[
    "FAILURE",
    "SUCCESS",
    "ANY",
    "ANY_ALL",
    "ASSERT",
    "ASSERT_NOT",
    "AT",
    "BRANCH",
    "CALL",
    "CATEGORY",
    "CHARSET",
    "BIGCHARSET",
    "GROUPREF",
    "GROUPREF_EXISTS",
    "IN",
    "INFO",
    "JUMP",
    "LITERAL",
    "MARK",
    "MAX_UNTIL",
    "MIN_UNTIL",
    "NOT_LITERAL",
    "NEGATE",
    "RANGE",
    "REPEAT",
    "REPEAT_ONE",
    "SUBPATTERN",
    "MIN_REPEAT_ONE",
    "GROUPREF_IGNORE",
    "IN_IGNORE",
    "LITERAL_IGNORE",
    "NOT_LITERAL_IGNORE",
    "GROUPREF_LOC_IGNORE",
    "IN_LOC_IGNORE",
    "LITERAL_LOC_IGNORE",
    "NOT_LITERAL_LOC_IGNORE",
    "GROUPREF_UNI_IGNORE",
    "IN_UNI_IGNORE",
    "LITERAL_UNI_IGNORE",
    "NOT_LITERAL_UNI_IGNORE",
    "RANGE_UNI_IGNORE",
];

/// 3.11 and later's opcode numbers (the engine's), by name.
const OPCODES_3_11: &[&str] = &[
    "FAILURE",
    "SUCCESS",
    "ANY",
    "ANY_ALL",
    "ASSERT",
    "ASSERT_NOT",
    "AT",
    "BRANCH",
    "CATEGORY",
    "CHARSET",
    "BIGCHARSET",
    "GROUPREF",
    "GROUPREF_EXISTS",
    "IN",
    "INFO",
    "JUMP",
    "LITERAL",
    "MARK",
    "MAX_UNTIL",
    "MIN_UNTIL",
    "NOT_LITERAL",
    "NEGATE",
    "RANGE",
    "REPEAT",
    "REPEAT_ONE",
    "SUBPATTERN",
    "MIN_REPEAT_ONE",
    "ATOMIC_GROUP",
    "POSSESSIVE_REPEAT",
    "POSSESSIVE_REPEAT_ONE",
    "GROUPREF_IGNORE",
    "IN_IGNORE",
    "LITERAL_IGNORE",
    "NOT_LITERAL_IGNORE",
    "GROUPREF_LOC_IGNORE",
    "IN_LOC_IGNORE",
    "LITERAL_LOC_IGNORE",
    "NOT_LITERAL_LOC_IGNORE",
    "GROUPREF_UNI_IGNORE",
    "IN_UNI_IGNORE",
    "LITERAL_UNI_IGNORE",
    "NOT_LITERAL_UNI_IGNORE",
    "RANGE_UNI_IGNORE",
];

/// `INFO`'s flag saying a character set follows its header.
const INFO_CHARSET: u32 = 4;

/// Renumbers 3.8-3.10 code into the engine's numbering.
struct Renumber<'a> {
    code: &'a mut [u32],
}

impl Renumber<'_> {
    fn word(&self, at: usize) -> Result<u32, ()> {
        self.code.get(at).copied().ok_or(())
    }

    fn name(&self, at: usize) -> Result<&'static str, ()> {
        OPCODES_3_8.get(self.word(at)? as usize).copied().ok_or(())
    }

    fn set_opcode(&mut self, at: usize, name: &str) -> Result<(), ()> {
        let new = OPCODES_3_11.iter().position(|n| *n == name).ok_or(())?;
        self.code[at] = new as u32;
        Ok(())
    }

    /// Renumbers the opcodes of `code[start..end]`.
    fn walk(&mut self, start: usize, end: usize) -> Result<(), ()> {
        let mut at = start;
        while at < end {
            let name = self.name(at)?;
            self.set_opcode(at, name)?;
            at += 1;
            match name {
                "FAILURE" | "SUCCESS" | "ANY" | "ANY_ALL" | "NEGATE" | "MAX_UNTIL"
                | "MIN_UNTIL" => {}
                "AT"
                | "CATEGORY"
                | "LITERAL"
                | "NOT_LITERAL"
                | "LITERAL_IGNORE"
                | "NOT_LITERAL_IGNORE"
                | "LITERAL_LOC_IGNORE"
                | "NOT_LITERAL_LOC_IGNORE"
                | "LITERAL_UNI_IGNORE"
                | "NOT_LITERAL_UNI_IGNORE"
                | "MARK"
                | "GROUPREF"
                | "GROUPREF_IGNORE"
                | "GROUPREF_LOC_IGNORE"
                | "GROUPREF_UNI_IGNORE"
                | "JUMP"
                | "CALL"
                | "IN"
                | "IN_IGNORE"
                | "IN_LOC_IGNORE"
                | "IN_UNI_IGNORE" => at += 1,
                "RANGE" | "RANGE_UNI_IGNORE" | "ASSERT" | "ASSERT_NOT" | "GROUPREF_EXISTS" => {
                    at += 2
                }
                "REPEAT" | "REPEAT_ONE" | "MIN_REPEAT_ONE" => at += 3,
                "CHARSET" => at += 8,
                "BIGCHARSET" => {
                    let blocks = self.word(at)? as usize;
                    at += 1 + 64 + blocks * 8;
                }
                "BRANCH" => {
                    // <BRANCH> (<skip> alternative)* <0>: each skip leads to the next one.
                    loop {
                        let skip = self.word(at)? as usize;
                        if skip == 0 {
                            at += 1;
                            break;
                        }
                        self.walk(at + 1, at + skip)?;
                        at += skip;
                    }
                }
                "INFO" => {
                    // <INFO> <skip> <flags> <min> <max> [prefix or charset]: only a charset
                    // holds opcodes.
                    let skip = self.word(at)? as usize;
                    let end_info = at + skip;
                    if self.word(at + 1)? & INFO_CHARSET != 0 {
                        self.walk(at + 4, end_info)?;
                    }
                    at = end_info;
                }
                _ => return Err(()),
            }
        }
        if at == end {
            Ok(())
        } else {
            Err(())
        }
    }
}

fn invalid_code() -> Value {
    errors::runtime_error("invalid SRE code")
}

/// `code(list)`: the code words as bytes in the engine's numbering.
fn sre_code(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("code", args, kw, 1, 1) {
        return Value::NULL;
    }
    if args[0].is_small() || crate::object::kind_of(args[0]) != crate::object::Kind::List {
        return errors::type_error("code() argument must be a list");
    }
    let mut words = Vec::with_capacity(list::len(args[0]));
    for &w in list::items(args[0]) {
        match int::as_i64(w).and_then(|i| u32::try_from(i).ok()) {
            Some(w) => words.push(w),
            None => {
                if int::is_int(w) {
                    return errors::overflow_error("regular expression code size limit exceeded");
                }
                return errors::type_error("an integer is required");
            }
        }
    }
    if crate::sys::bytecode_version() < (3, 11) {
        let n = words.len();
        if (Renumber { code: &mut words }).walk(0, n).is_err() {
            return invalid_code();
        }
    }
    let packed: Vec<u8> = words.iter().flat_map(|w| w.to_ne_bytes()).collect();
    bytes::new(&packed)
}

fn unpack(v: Value) -> Option<Vec<u32>> {
    if !bytes::is_bytes_like(v) {
        errors::type_error("compiled code expected");
        return None;
    }
    let b = bytes::data(v);
    Some(
        b.chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
    )
}

fn index_arg(v: Value) -> Option<usize> {
    let i = int::index_value(v, "")?;
    Some(i.max(0) as usize)
}

/// The subject: a str, or a bytes-like object. ASCII text runs through the byte drive, where
/// character indices are byte offsets (and cost nothing to find).
enum Subject {
    Text(&'static str),
    Bytes(&'static [u8]),
}

fn subject(v: Value) -> Option<Subject> {
    if pystr::is_str(v) {
        let s = pystr::as_str(v);
        if s.is_ascii() {
            return Some(Subject::Bytes(s.as_bytes()));
        }
        return Some(Subject::Text(s));
    }
    if bytes::is_bytes_like(v) {
        return Some(Subject::Bytes(bytes::data(v)));
    }
    errors::type_error("expected string or bytes-like object");
    None
}

/// `(start, end, lastindex, marks...)` of the state after a success.
fn result_of(state: &State) -> Value {
    let mut items = vec![
        int::from_i64(state.start as i64),
        int::from_i64(state.cursor.position as i64),
        int::from_i64(state.marks.last_index() as i64),
    ];
    for m in state.marks.raw() {
        items.push(int::from_i64(m.map_or(-1, |p| p as i64)));
    }
    tuple::new(&items)
}

fn run_one<S: StrDrive>(
    s: S,
    code: &[u32],
    pos: usize,
    endpos: usize,
    mode: i64,
    must_advance: bool,
) -> Value {
    let mut req = Request::new(s, pos, endpos, code, mode == 1);
    req.must_advance = must_advance;
    let mut state = State::default();
    let found = if mode == 2 {
        state.search(req)
    } else {
        state.py_match(&req)
    };
    if found {
        result_of(&state)
    } else {
        none()
    }
}

/// `run(code, string, pos, endpos, mode, must_advance)`.
fn sre_run(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("run", args, kw, 6, 6) {
        return Value::NULL;
    }
    let Some(code) = unpack(args[0]) else {
        return Value::NULL;
    };
    let Some(subj) = subject(args[1]) else {
        return Value::NULL;
    };
    let (Some(pos), Some(endpos)) = (index_arg(args[2]), index_arg(args[3])) else {
        return Value::NULL;
    };
    let mode = int::as_i64(args[4]).unwrap_or(0);
    let must_advance = crate::ops::truthy(args[5]);
    if must_advance < 0 {
        return Value::NULL;
    }
    match subj {
        Subject::Text(s) => run_one(s, &code, pos, endpos, mode, must_advance == 1),
        Subject::Bytes(b) => run_one(b, &code, pos, endpos, mode, must_advance == 1),
    }
}

fn run_many<S: StrDrive>(s: S, code: &[u32], pos: usize, endpos: usize, limit: usize) -> Value {
    let req = Request::new(s, pos, endpos, code, false);
    let mut iter = SearchIter {
        req,
        state: State::default(),
    };
    let out = list::with_capacity(0);
    while limit == 0 || list::len(out) < limit {
        if iter.next().is_none() {
            break;
        }
        if !list::append(out, result_of(&iter.state)) {
            return Value::NULL;
        }
        if crate::signals::pending() && crate::signals::kiln_check_signals() != 0 {
            return Value::NULL;
        }
    }
    out
}

/// `run_all(code, string, pos, endpos, limit)`.
fn sre_run_all(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("run_all", args, kw, 5, 5) {
        return Value::NULL;
    }
    let Some(code) = unpack(args[0]) else {
        return Value::NULL;
    };
    let Some(subj) = subject(args[1]) else {
        return Value::NULL;
    };
    let (Some(pos), Some(endpos), Some(limit)) =
        (index_arg(args[2]), index_arg(args[3]), index_arg(args[4]))
    else {
        return Value::NULL;
    };
    match subj {
        Subject::Text(s) => run_many(s, &code, pos, endpos, limit),
        Subject::Bytes(b) => run_many(b, &code, pos, endpos, limit),
    }
}

fn char_arg(name: &str, args: &[Value], kw: Value) -> Option<u32> {
    if !super::check_plain(name, args, kw, 1, 1) {
        return None;
    }
    let i = int::index_value(args[0], "")?;
    Some(u32::try_from(i).unwrap_or(u32::MAX))
}

fn sre_lower(args: &[Value], kw: Value) -> Value {
    match char_arg("lower", args, kw) {
        Some(c) => int::from_i64(rustpython_sre_engine::string::lower_unicode(c) as i64),
        None => Value::NULL,
    }
}

fn sre_upper(args: &[Value], kw: Value) -> Value {
    match char_arg("upper", args, kw) {
        Some(c) => int::from_i64(rustpython_sre_engine::string::upper_unicode(c) as i64),
        None => Value::NULL,
    }
}

pub fn create() -> Value {
    super::with_functions(
        "_kiln_sre",
        &[
            ("code", sre_code),
            ("run", sre_run),
            ("run_all", sre_run_all),
            ("lower", sre_lower),
            ("upper", sre_upper),
        ],
    )
}
