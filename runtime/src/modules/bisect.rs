//! `_bisect`: binary search over a sorted sequence (`bisect_left`, `bisect_right`) and
//! insertion that keeps it sorted (`insort_left`, `insort_right`), which `bisect.py` imports
//! over its Python versions. `lo` and `hi` bound the search; `key` (keyword-only, 3.10 on) is
//! applied to the items, and for `insort` to the new item too. Comparisons are `<`, so any
//! ordering a class defines is honoured, in the order CPython makes them.

use crate::errors;
use crate::object::none;
use crate::objects::{int, list, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

/// The parsed arguments of every function here.
struct Args {
    a: Value,
    x: Value,
    lo: i64,
    /// None: `len(a)`.
    hi: Option<i64>,
    /// Null when absent or None.
    key: Value,
}

/// Binds `(a, x, lo=0, hi=None, *, key=None)` (no `key` before 3.10).
fn parse(name: &str, args: &[Value], kwnames: Value) -> Option<Args> {
    let with_key = crate::sys::bytecode_version() >= (3, 10);
    let nkw = if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    };
    let npos = args.len() - nkw;
    if with_key && npos > 4 {
        errors::type_error(&format!(
            "{name}() takes at most 4 positional arguments ({npos} given)"
        ));
        return None;
    }
    let names: &[&str] = if with_key {
        &["a", "x", "lo", "hi", "key"]
    } else {
        &["a", "x", "lo", "hi"]
    };
    if !with_key {
        // 3.8 and 3.9 word an unknown keyword their own way.
        for i in 0..nkw {
            let k = pystr::as_str(tuple::items(kwnames)[i]);
            if !names.contains(&k) {
                errors::type_error(&format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                ));
                return None;
            }
        }
    }
    let p = crate::objects::builtin_function::parse_kw(name, args, kwnames, names, 2)?;
    let version = crate::sys::bytecode_version();
    let lo = if p[2].is_null() {
        0
    } else {
        index_arg(p[2], name, version < (3, 10))?
    };
    // 3.8 takes only an int for `hi` (its default, -1, stands for `len(a)`); 3.9 on, an int
    // or None.
    let hi = if p[3].is_null() || (p[3] == none() && version >= (3, 9)) {
        None
    } else if version >= (3, 9) && !has_index(p[3]) {
        errors::type_error(&format!(
            "argument should be integer or None, not '{}'",
            crate::object::type_name_of(p[3])
        ));
        return None;
    } else {
        match index_arg(p[3], name, version < (3, 9))? {
            -1 => None,
            h => Some(h),
        }
    };
    let key = match p.get(4) {
        Some(k) if !k.is_null() && *k != none() => *k,
        _ => Value::NULL,
    };
    Some(Args {
        a: p[0],
        x: p[1],
        lo,
        hi,
        key,
    })
}

fn has_index(v: Value) -> bool {
    int::is_int(v)
        || !crate::object::type_lookup(crate::object::type_of(v), pystr::intern("__index__"))
            .is_null()
}

/// An index-sized int argument; `old` for the wording of 3.8 and 3.9 for a float.
fn index_arg(v: Value, name: &str, old: bool) -> Option<i64> {
    if old && crate::objects::float::is_float(v) {
        errors::type_error("integer argument expected, got float");
        return None;
    }
    int::index_value(v, name)
}

/// The insertion point of `x` (already keyed) in `a[lo:hi]`: before equal items (`left`) or
/// after them. None with an exception.
fn search(p: &Args, x: Value, left: bool) -> Option<i64> {
    if p.lo < 0 {
        errors::value_error("lo must be non-negative");
        return None;
    }
    let mut lo = p.lo;
    let mut hi = match p.hi {
        Some(h) => h,
        None => ops::len(p.a)?,
    };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = ops::getitem(p.a, int::from_i64(mid));
        if item.is_null() {
            return None;
        }
        if !p.key.is_null() {
            item = ops::call(p.key, &[item], Value::NULL);
            if item.is_null() {
                return None;
            }
        }
        // bisect_left moves right while a[mid] < x; bisect_right moves left while x < a[mid].
        let go_left = if left {
            !ops::less_than(item, x)?
        } else {
            ops::less_than(x, item)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

fn bisect(name: &str, args: &[Value], kwnames: Value, left: bool) -> Value {
    let Some(p) = parse(name, args, kwnames) else {
        return Value::NULL;
    };
    match search(&p, p.x, left) {
        Some(i) => int::from_i64(i),
        None => Value::NULL,
    }
}

fn insort(name: &str, args: &[Value], kwnames: Value, left: bool) -> Value {
    let Some(p) = parse(name, args, kwnames) else {
        return Value::NULL;
    };
    let keyed = if p.key.is_null() {
        p.x
    } else {
        ops::call(p.key, &[p.x], Value::NULL)
    };
    if keyed.is_null() {
        return keyed;
    }
    let Some(i) = search(&p, keyed, left) else {
        return Value::NULL;
    };
    let exact_list = !p.a.is_small() && crate::object::type_of(p.a) == crate::object::types().list;
    if exact_list {
        if !list::insert(p.a, i, p.x) {
            return Value::NULL;
        }
    } else {
        let m = ops::getattr(p.a, pystr::intern("insert"));
        if m.is_null() {
            return m;
        }
        if ops::call(m, &[int::from_i64(i), p.x], Value::NULL).is_null() {
            return Value::NULL;
        }
    }
    none()
}

fn b_bisect_left(a: &[Value], k: Value) -> Value {
    bisect("bisect_left", a, k, true)
}

fn b_bisect_right(a: &[Value], k: Value) -> Value {
    bisect("bisect_right", a, k, false)
}

fn b_insort_left(a: &[Value], k: Value) -> Value {
    insort("insort_left", a, k, true)
}

fn b_insort_right(a: &[Value], k: Value) -> Value {
    insort("insort_right", a, k, false)
}

pub fn create() -> Value {
    super::with_functions(
        "_bisect",
        &[
            ("bisect_left", b_bisect_left),
            ("bisect_right", b_bisect_right),
            ("insort_left", b_insort_left),
            ("insort_right", b_insort_right),
        ],
    )
}
