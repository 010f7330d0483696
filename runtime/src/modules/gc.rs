//! `gc`: the collector's interface as far as it makes sense over Boehm's tracing collector.
//! `collect` runs a full collection (it returns 0: Boehm does not count unreachable cycles),
//! `disable`/`enable` stop and restart automatic collections, thresholds are kept and
//! reported as CPython's, `is_tracked` follows CPython's rule (containers are tracked, atoms
//! and dicts and tuples of atoms are not), and the lists `garbage` and `callbacks` exist but stay empty.

use crate::errors;
use crate::object::{bool_value, kind_of, none, Kind};
use crate::objects::{dict, int, list, module, tuple};
use crate::value::Value;

extern "C" {
    fn GC_disable();
    fn GC_enable();
}

static mut ENABLED: bool = true;
static mut THRESHOLDS: [i64; 3] = [0, 0, 0];
static mut COLLECTIONS: i64 = 0;

fn thresholds() -> [i64; 3] {
    unsafe {
        if THRESHOLDS == [0, 0, 0] {
            // CPython's defaults: 3.13 made the first generation bigger, 3.14
            // has two generations.
            THRESHOLDS = if crate::sys::VERSION.1 >= 14 {
                [2000, 10, 0]
            } else if crate::sys::VERSION.1 == 13 {
                [2000, 10, 10]
            } else {
                [700, 10, 10]
            };
        }
        THRESHOLDS
    }
}

fn g_collect(a: &[Value], k: Value) -> Value {
    let Some(p) = crate::objects::builtin_function::parse_kw("collect", a, k, &["generation"], 0)
    else {
        return Value::NULL;
    };
    if !p[0].is_null() {
        match int::index_value(p[0], "generation") {
            Some(g) if (0..=2).contains(&g) => {}
            Some(_) => return errors::value_error("invalid generation"),
            None => return Value::NULL,
        }
    }
    crate::gc::collect();
    unsafe { COLLECTIONS += 1 };
    Value::from_small(0)
}

fn g_enable(a: &[Value], k: Value) -> Value {
    if !super::check_plain("enable", a, k, 0, 0) {
        return Value::NULL;
    }
    unsafe {
        if !ENABLED {
            ENABLED = true;
            GC_enable();
        }
    }
    none()
}

fn g_disable(a: &[Value], k: Value) -> Value {
    if !super::check_plain("disable", a, k, 0, 0) {
        return Value::NULL;
    }
    unsafe {
        if ENABLED {
            ENABLED = false;
            GC_disable();
        }
    }
    none()
}

fn g_isenabled(a: &[Value], k: Value) -> Value {
    if !super::check_plain("isenabled", a, k, 0, 0) {
        return Value::NULL;
    }
    bool_value(unsafe { ENABLED })
}

fn g_get_count(a: &[Value], k: Value) -> Value {
    if !super::check_plain("get_count", a, k, 0, 0) {
        return Value::NULL;
    }
    tuple::new(&[
        Value::from_small(0),
        Value::from_small(0),
        Value::from_small(0),
    ])
}

fn g_get_threshold(a: &[Value], k: Value) -> Value {
    if !super::check_plain("get_threshold", a, k, 0, 0) {
        return Value::NULL;
    }
    let t = thresholds();
    tuple::new(&[
        Value::from_small(t[0]),
        Value::from_small(t[1]),
        Value::from_small(t[2]),
    ])
}

fn g_set_threshold(a: &[Value], k: Value) -> Value {
    if !super::check_plain("set_threshold", a, k, 1, 3) {
        return Value::NULL;
    }
    let mut t = thresholds();
    for (i, v) in a.iter().enumerate() {
        match int::index_value(*v, "threshold") {
            Some(x) => t[i] = x,
            None => return Value::NULL,
        }
    }
    unsafe { THRESHOLDS = t };
    none()
}

fn g_is_tracked(a: &[Value], k: Value) -> Value {
    if !super::check_plain("is_tracked", a, k, 1, 1) {
        return Value::NULL;
    }
    bool_value(tracked(a[0]))
}

/// CPython's answer: atoms are never tracked, and a dict only once it holds something that is.
fn tracked(v: Value) -> bool {
    if v.is_small() || v == none() {
        return false;
    }
    match kind_of(v) {
        Kind::Int | Kind::Bool | Kind::Float | Kind::Complex | Kind::Str | Kind::Bytes => false,
        Kind::Dict if crate::object::type_of(v) == crate::object::types().dict => dict::items(v)
            .iter()
            .any(|(key, value)| tracked(*key) || tracked(*value)),
        // A tuple of atoms is untracked by the first collection that sees it.
        Kind::Tuple => tuple::items(v).iter().any(|x| tracked(*x)),
        _ => true,
    }
}

fn g_is_finalized(a: &[Value], k: Value) -> Value {
    if !super::check_plain("is_finalized", a, k, 1, 1) {
        return Value::NULL;
    }
    bool_value(false)
}

fn g_get_stats(a: &[Value], k: Value) -> Value {
    if !super::check_plain("get_stats", a, k, 0, 0) {
        return Value::NULL;
    }
    let out = list::with_capacity(3);
    for g in 0..3 {
        let d = dict::new();
        let n = if g == 2 { unsafe { COLLECTIONS } } else { 0 };
        dict::set_by_name(d, "collections", Value::from_small(n));
        dict::set_by_name(d, "collected", Value::from_small(0));
        dict::set_by_name(d, "uncollectable", Value::from_small(0));
        if !list::append(out, d) {
            return Value::NULL;
        }
    }
    out
}

fn g_freeze(a: &[Value], k: Value) -> Value {
    if !super::check_plain("freeze", a, k, 0, 0) {
        return Value::NULL;
    }
    none()
}

fn g_get_freeze_count(a: &[Value], k: Value) -> Value {
    if !super::check_plain("get_freeze_count", a, k, 0, 0) {
        return Value::NULL;
    }
    Value::from_small(0)
}

pub fn create() -> Value {
    let m = super::with_functions(
        "gc",
        &[
            ("collect", g_collect),
            ("enable", g_enable),
            ("disable", g_disable),
            ("isenabled", g_isenabled),
            ("get_count", g_get_count),
            ("get_threshold", g_get_threshold),
            ("set_threshold", g_set_threshold),
            ("is_tracked", g_is_tracked),
            ("is_finalized", g_is_finalized),
            ("get_stats", g_get_stats),
            ("freeze", g_freeze),
            ("unfreeze", g_freeze),
            ("get_freeze_count", g_get_freeze_count),
        ],
    );
    if m.is_null() {
        return m;
    }
    let d = module::dict_of(m);
    dict::set_by_name(d, "garbage", list::with_capacity(0));
    dict::set_by_name(d, "callbacks", list::with_capacity(0));
    for (n, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        dict::set_by_name(d, n, Value::from_small(v));
    }
    m
}
