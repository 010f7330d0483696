//! The "Did you mean" hints CPython 3.11 adds to the last line of an uncaught NameError or
//! AttributeError: the candidate name nearest to the missing one by an edit distance in which
//! a change of case costs half as much as any other edit.
//!
//! Candidates: for an AttributeError with `name` and `obj`, `dir(obj)`; for a NameError with
//! `name`, the plain locals (`co_varnames`) of the innermost traceback entry's code, then the
//! keys of that frame's globals, then of its builtins (the first list with a match decides).
//! Only exceptions of exactly those two classes get a hint, and only when printed uncaught:
//! `str(exc)` never contains it.

use crate::errors;
use crate::object::{exc_types, is_subtype, kind_of, type_of, types, Kind};
use crate::objects::{code, dict, exception, list, module, str as pystr};
use crate::traceback::TracebackObject;
use crate::value::Value;

/// Candidate lists this long (or longer) are not searched.
const MAX_CANDIDATES: usize = 750;
/// Names longer than this (once their common prefix and suffix are dropped) never match.
const MAX_LEN: usize = 40;
/// The cost of inserting, deleting or replacing a byte.
const EDIT: usize = 2;
/// The cost of replacing an ASCII letter by the same letter in the other case.
const CASE_EDIT: usize = 1;

fn replace_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_EDIT
    } else {
        EDIT
    }
}

/// The weighted edit distance between the UTF-8 bytes `a` and `b`, or some value above `limit`
/// when it is certainly above `limit`.
fn distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[head..], &b[head..]);
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - tail], &b[..b.len() - tail]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * EDIT;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return limit + 1;
    }
    // `short` indexes the row kept; `long` is walked one byte per row.
    let (short, long) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (long.len() - short.len()) * EDIT > limit {
        return limit + 1;
    }
    // row[i]: the cost of turning long[..j] into short[..i + 1], for the row j done last.
    let mut row = [0usize; MAX_LEN];
    for (i, r) in row.iter_mut().take(short.len()).enumerate() {
        *r = (i + 1) * EDIT;
    }
    let mut cost = 0;
    for (j, &lc) in long.iter().enumerate() {
        // The cost of turning long[..j] into short[..i] (the diagonal), starting at i = 0.
        let mut diagonal = j * EDIT;
        cost = diagonal;
        let mut best = usize::MAX;
        for (i, &sc) in short.iter().enumerate() {
            let replace = diagonal + replace_cost(lc, sc);
            let above = row[i];
            cost = (cost.min(above) + EDIT).min(replace);
            diagonal = above;
            row[i] = cost;
            best = best.min(cost);
        }
        if best > limit {
            return limit + 1;
        }
    }
    cost
}

/// Is `name` equal to `item` when `name`'s code points are compared with `item`'s UTF-8 bytes?
/// (CPython compares so before it measures: true only for equal ASCII names in practice.)
fn same_name(name: &str, item: &[u8]) -> bool {
    name.chars()
        .map(|c| c as u32)
        .eq(item.iter().map(|&b| b as u32))
}

/// The candidate nearest to `name`, if one is near enough: within a third of the bytes of
/// both (each edit counting 2), strictly nearer than every earlier candidate.
fn nearest(candidates: &[Value], name: Value) -> Option<Value> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let n = pystr::as_str(name);
    let mut found: Option<(Value, usize)> = None;
    for &item in candidates {
        if item.is_null() || !pystr::is_str(item) {
            return None;
        }
        let s = pystr::as_str(item).as_bytes();
        if same_name(n, s) {
            continue;
        }
        let mut limit = (n.len() + s.len() + 3) * EDIT / 6;
        if let Some((_, d)) = found {
            if d == 0 {
                continue;
            }
            limit = limit.min(d - 1);
        }
        let d = distance(n.as_bytes(), s, limit);
        if d <= limit {
            found = Some((item, d));
        }
    }
    found.map(|(v, _)| v)
}

/// The keys of a namespace (a dict, or a module's dict).
fn namespace_keys(ns: Value) -> Vec<Value> {
    if ns.is_null() || ns.is_small() {
        return Vec::new();
    }
    match kind_of(ns) {
        Kind::Dict => dict::keys(ns),
        Kind::Module => dict::keys(module::dict_of(ns)),
        _ => Vec::new(),
    }
}

fn for_attribute_error(exc: Value) -> Option<Value> {
    let (name, obj) = exception::name_and_obj(exc);
    if name.is_null() || obj.is_null() || name.is_small() || type_of(name) != types().str {
        return None;
    }
    let names = crate::builtins::extra::dir(obj);
    if names.is_null() {
        errors::fetch();
        return None;
    }
    if names.is_small() || kind_of(names) != Kind::List {
        return None;
    }
    nearest(list::items(names), name)
}

fn for_name_error(exc: Value) -> Option<Value> {
    let (name, _) = exception::name_and_obj(exc);
    if name.is_null() || name.is_small() || type_of(name) != types().str {
        return None;
    }
    let is_tb = |v: Value| !v.is_null() && !v.is_small() && kind_of(v) == Kind::Traceback;
    let mut tb = exception::get(exc).traceback;
    if !is_tb(tb) {
        return None;
    }
    // The innermost entry: where the name was looked up.
    loop {
        let next = unsafe { (*tb.ptr::<TracebackObject>()).next };
        if !is_tb(next) {
            break;
        }
        tb = next;
    }
    let (code_v, globals, builtins) = unsafe {
        let o = tb.ptr::<TracebackObject>();
        ((*o).code, (*o).globals, (*o).builtins)
    };
    if !code_v.is_null() {
        if let Some(s) = nearest(&code::varnames(code::get(code_v)), name) {
            return Some(s);
        }
    }
    if let Some(s) = nearest(&namespace_keys(globals), name) {
        return Some(s);
    }
    nearest(&namespace_keys(builtins), name)
}

/// The hint to print after the message of the uncaught exception `exc` (". Did you mean:
/// 'name'?"), if it gets one.
pub fn offer(exc: Value) -> Option<String> {
    // "Did you mean" arrived in 3.10.
    if exc.is_null() || !exception::is_exception(exc) || crate::sys::bytecode_version() < (3, 10) {
        return None;
    }
    let t = type_of(exc);
    // Up to 3.12 only exactly these two classes get a hint; from 3.13 their subclasses too.
    let matches = |base: *mut crate::object::TypeObject| {
        t == base || (crate::sys::bytecode_version() >= (3, 13) && is_subtype(t, base))
    };
    let found = if matches(exc_types().attribute_error) {
        for_attribute_error(exc)
    } else if matches(exc_types().name_error) {
        for_name_error(exc)
    } else {
        None
    }?;
    let r = crate::ops::repr(found);
    if r.is_null() {
        errors::fetch();
        return None;
    }
    Some(format!(". Did you mean: {}?", pystr::as_str(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> usize {
        distance(a.as_bytes(), b.as_bytes(), usize::MAX / 2)
    }

    #[test]
    fn distances() {
        assert_eq!(d("pritn", "print"), 4);
        assert_eq!(d("apend", "append"), 2);
        assert_eq!(d("Print", "print"), 1);
        assert_eq!(d("abc", "abc"), 0);
        assert_eq!(d("", "abc"), 6);
        assert_eq!(d("kitten", "sitting"), 6);
        assert_eq!(distance(b"aaaaaaaa", b"b", 3), 4);
    }
}
