//! The instruction trace of executables built with `kiln build --trace`: compiled code calls
//! [`instruction`] after every bytecode instruction, and when the environment variable
//! `KILN_TRACE` is `1` it prints, to stderr, one line per instruction in the spirit of
//! `xpython -v`:
//!
//! ```text
//! L. 2 @ 4: BINARY_OP (2, 3) ** -> 8
//! ```
//!
//! (line, offset, the instruction, the values it took off the stack, its argument, the values it
//! pushed; values by `repr`, a null word as `NULL`). `KILN_TRACE=2` adds the value stack after
//! the instruction on the next line. Unset or `0`: nothing is printed. The `__repr__` methods the
//! trace calls run untraced.

use crate::errors;
use crate::objects::str as pystr;
use crate::value::Value;
use std::io::Write;

/// 0 (off), 1 (instructions) or 2 (and the stack); read from `KILN_TRACE` once.
fn level() -> u8 {
    static LEVEL: std::sync::OnceLock<u8> = std::sync::OnceLock::new();
    *LEVEL.get_or_init(
        || match std::env::var("KILN_TRACE").ok().as_deref().map(str::trim) {
            None | Some("") | Some("0") => 0,
            Some("2") => 2,
            Some(_) => 1,
        },
    )
}

/// Reprs longer than this are cut, as a trace line should stay one line.
const MAX_REPR: usize = 200;

/// `repr(v)` for the trace; a failing `__repr__` is reported in the text, not raised.
fn show(v: Value) -> String {
    if v.is_null() {
        return "NULL".into();
    }
    let r = crate::ops::repr(v);
    if r.is_null() || !pystr::is_str(r) {
        let e = errors::fetch();
        let name = if e.is_null() {
            "?".to_string()
        } else {
            crate::object::type_name(crate::object::type_of(e)).to_string()
        };
        return format!("<repr failed: {name}>");
    }
    let s = pystr::as_str(r);
    if s.chars().count() > MAX_REPR {
        let mut t: String = s.chars().take(MAX_REPR - 3).collect();
        t.push_str("...");
        t
    } else {
        s.to_string()
    }
}

fn list(vs: &[Value]) -> String {
    vs.iter().map(|v| show(*v)).collect::<Vec<_>>().join(", ")
}

/// One executed instruction: `values` holds the `consumed` values, the `produced` ones, then
/// the stack after it.
pub fn instruction(
    line: i64,
    offset: i64,
    name: Value,
    hint: Value,
    consumed: usize,
    produced: usize,
    values: &[Value],
) {
    let lvl = level();
    if lvl == 0 || IN_TRACE.with(|t| t.replace(true)) {
        // Off, or a `__repr__` the trace itself runs: not traced.
        return;
    }
    let text = line_text(lvl, line, offset, name, hint, consumed, produced, values);
    IN_TRACE.with(|t| t.set(false));
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

thread_local! {
    /// Set while the trace formats a line (and runs `__repr__` methods).
    static IN_TRACE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[allow(clippy::too_many_arguments)]
fn line_text(
    lvl: u8,
    line: i64,
    offset: i64,
    name: Value,
    hint: Value,
    consumed: usize,
    produced: usize,
    values: &[Value],
) -> String {
    let consumed = consumed.min(values.len());
    let produced = produced.min(values.len() - consumed);
    let (taken, rest) = values.split_at(consumed);
    let (pushed, stack) = rest.split_at(produced);
    let mut text = format!("L. {line} @ {offset}: {}", pystr::as_str(name));
    if !taken.is_empty() {
        text.push_str(&format!(" ({})", list(taken)));
    }
    let hint = pystr::as_str(hint);
    if !hint.is_empty() {
        text.push(' ');
        text.push_str(hint);
    }
    if !pushed.is_empty() {
        text.push_str(&format!(" -> {}", list(pushed)));
    }
    text.push('\n');
    if lvl >= 2 {
        text.push_str(&format!("    stack: [{}]\n", list(stack)));
    }
    text
}
