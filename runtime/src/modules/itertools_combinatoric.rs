//! The combinatoric iterators of `itertools`: `product`, `permutations`, `combinations` and
//! `combinations_with_replacement`, in CPython's order. Each keeps its pool (a tuple of the
//! iterable's items, taken at once) and its indices (a list of small ints), and yields a new
//! tuple per step.

use super::itertools::{
    bind, index_arg, instance, make_type, next_method, set_slot, set_slot_int, slot, slot_int,
    to_tuple,
};
use crate::errors;
use crate::object::{none, TypeObject};
use crate::objects::{int, list, tuple};
use crate::value::Value;

fn small_list(items: impl Iterator<Item = i64>) -> Value {
    list::from_vec(items.map(Value::from_small).collect())
}

fn indices(it: Value) -> &'static mut [Value] {
    list::items_mut(slot(it, 1))
}

/// The tuple of `pool[i]` for each index in `idx`.
fn pick(pool: &[Value], idx: &[Value]) -> Value {
    let items: Vec<Value> = idx.iter().map(|i| pool[i.small() as usize]).collect();
    tuple::new(&items)
}

/// Shared layout: slot 0 the pool (a tuple; for product, the tuple of pools), slot 1 the
/// indices, slot 2 the state: 0 before the first item, 1 running, 2 finished. Further slots
/// are the type's own.
const FIRST: i64 = 0;
const RUNNING: i64 = 1;
const STOPPED: i64 = 2;

fn make(cls: Value, pool: Value, idx: Value, state: i64) -> Value {
    let v = instance(cls);
    if !v.is_null() {
        set_slot(v, 0, pool);
        set_slot(v, 1, idx);
        set_slot_int(v, 2, state);
    }
    v
}

// ---- product ---------------------------------------------------------------------------------

fn product_new(a: &[Value], k: Value) -> Value {
    let nkw = if k.is_null() { 0 } else { tuple::len(k) };
    let npos = a.len() - 1 - nkw;
    let Some(p) = bind("product", &a[1 + npos..], k, &["repeat"], 0) else {
        return Value::NULL;
    };
    let repeat = if p[0].is_null() {
        1
    } else {
        match index_arg(p[0]) {
            Some(r) => r,
            None => return Value::NULL,
        }
    };
    if repeat < 0 {
        return errors::value_error("repeat argument cannot be negative");
    }
    let mut pools = Vec::with_capacity(npos);
    for x in &a[1..1 + npos] {
        let t = to_tuple(*x);
        if t.is_null() {
            return t;
        }
        pools.push(t);
    }
    if repeat as u128 * pools.len() as u128 > (isize::MAX as u128) / 8 {
        return errors::overflow_error("repeat argument too large");
    }
    let all: Vec<Value> = (0..repeat).flat_map(|_| pools.iter().copied()).collect();
    let n = all.len();
    make(a[0], tuple::new(&all), small_list((0..n).map(|_| 0)), FIRST)
}

fn product_step(it: Value) -> Value {
    let pools = tuple::items(slot(it, 0));
    match slot_int(it, 2) {
        STOPPED => return Value::DONE,
        FIRST => {
            if pools.iter().any(|p| tuple::len(*p) == 0) {
                set_slot_int(it, 2, STOPPED);
                return Value::DONE;
            }
            set_slot_int(it, 2, RUNNING);
            let items: Vec<Value> = pools.iter().map(|p| tuple::items(*p)[0]).collect();
            return tuple::new(&items);
        }
        _ => {}
    }
    let idx = indices(it);
    let mut i = pools.len();
    loop {
        if i == 0 {
            set_slot_int(it, 2, STOPPED);
            return Value::DONE;
        }
        i -= 1;
        let n = idx[i].small() + 1;
        if n < tuple::len(pools[i]) as i64 {
            idx[i] = Value::from_small(n);
            break;
        }
        idx[i] = Value::from_small(0);
    }
    let items: Vec<Value> = pools
        .iter()
        .zip(idx.iter())
        .map(|(p, j)| tuple::items(*p)[j.small() as usize])
        .collect();
    tuple::new(&items)
}
next_method!(product_next, product_step);

// ---- combinations ----------------------------------------------------------------------------

/// `(iterable, r)`; r checked non-negative.
fn pool_and_r(name: &str, a: &[Value], k: Value) -> Option<(Value, i64)> {
    let p = bind(name, &a[1..], k, &["iterable", "r"], 2)?;
    let pool = to_tuple(p[0]);
    if pool.is_null() {
        return None;
    }
    let r = index_arg(p[1])?;
    if r < 0 {
        errors::value_error("r must be non-negative");
        return None;
    }
    Some((pool, r))
}

fn combinations_new(a: &[Value], k: Value) -> Value {
    let Some((pool, r)) = pool_and_r("combinations", a, k) else {
        return Value::NULL;
    };
    let n = tuple::len(pool) as i64;
    let state = if r > n { STOPPED } else { FIRST };
    make(a[0], pool, small_list(0..r.min(n)), state)
}

fn combinations_step(it: Value) -> Value {
    let pool = tuple::items(slot(it, 0));
    let idx = indices(it);
    match slot_int(it, 2) {
        STOPPED => return Value::DONE,
        FIRST => {
            set_slot_int(it, 2, RUNNING);
            return pick(pool, idx);
        }
        _ => {}
    }
    let n = pool.len() as i64;
    let r = idx.len() as i64;
    let mut i = r;
    loop {
        if i == 0 {
            set_slot_int(it, 2, STOPPED);
            return Value::DONE;
        }
        i -= 1;
        if idx[i as usize].small() != i + n - r {
            break;
        }
    }
    let i = i as usize;
    idx[i] = Value::from_small(idx[i].small() + 1);
    for j in i + 1..idx.len() {
        idx[j] = Value::from_small(idx[j - 1].small() + 1);
    }
    pick(pool, idx)
}
next_method!(combinations_next, combinations_step);

// ---- combinations_with_replacement -----------------------------------------------------------

fn cwr_new(a: &[Value], k: Value) -> Value {
    let Some((pool, r)) = pool_and_r("combinations_with_replacement", a, k) else {
        return Value::NULL;
    };
    let state = if tuple::len(pool) == 0 && r > 0 {
        STOPPED
    } else {
        FIRST
    };
    make(a[0], pool, small_list((0..r).map(|_| 0)), state)
}

fn cwr_step(it: Value) -> Value {
    let pool = tuple::items(slot(it, 0));
    let idx = indices(it);
    match slot_int(it, 2) {
        STOPPED => return Value::DONE,
        FIRST => {
            set_slot_int(it, 2, RUNNING);
            return pick(pool, idx);
        }
        _ => {}
    }
    let n = pool.len() as i64;
    let mut i = idx.len();
    loop {
        if i == 0 {
            set_slot_int(it, 2, STOPPED);
            return Value::DONE;
        }
        i -= 1;
        if idx[i].small() != n - 1 {
            break;
        }
    }
    let next = Value::from_small(idx[i].small() + 1);
    for x in &mut idx[i..] {
        *x = next;
    }
    pick(pool, idx)
}
next_method!(cwr_next, cwr_step);

// ---- permutations ----------------------------------------------------------------------------

/// Slot 3: the cycles (a list of small ints); slot 4: r.
fn permutations_new(a: &[Value], k: Value) -> Value {
    let Some(p) = bind("permutations", &a[1..], k, &["iterable", "r"], 1) else {
        return Value::NULL;
    };
    let pool = to_tuple(p[0]);
    if pool.is_null() {
        return pool;
    }
    let n = tuple::len(pool) as i64;
    let r = if p[1].is_null() || p[1] == none() {
        n
    } else {
        if !int::is_int(p[1]) {
            return errors::type_error("Expected int as r");
        }
        match int::as_i64(p[1]) {
            Some(r) => r,
            None => return errors::overflow_error("Python int too large to convert to C ssize_t"),
        }
    };
    if r < 0 {
        return errors::value_error("r must be non-negative");
    }
    let state = if r > n { STOPPED } else { FIRST };
    let v = make(a[0], pool, small_list(0..n), state);
    if !v.is_null() {
        let rr = r.min(n);
        set_slot(v, 3, small_list((0..rr).map(|i| n - i)));
        set_slot_int(v, 4, r);
    }
    v
}

fn permutations_step(it: Value) -> Value {
    let pool = tuple::items(slot(it, 0));
    let idx = indices(it);
    let r = slot_int(it, 4) as usize;
    match slot_int(it, 2) {
        STOPPED => return Value::DONE,
        FIRST => {
            set_slot_int(it, 2, RUNNING);
            return pick(pool, &idx[..r]);
        }
        _ => {}
    }
    let n = pool.len();
    let cycles = list::items_mut(slot(it, 3));
    if n == 0 {
        set_slot_int(it, 2, STOPPED);
        return Value::DONE;
    }
    let mut i = r;
    while i > 0 {
        i -= 1;
        let c = cycles[i].small() - 1;
        if c == 0 {
            idx[i..].rotate_left(1);
            cycles[i] = Value::from_small((n - i) as i64);
        } else {
            cycles[i] = Value::from_small(c);
            idx.swap(i, n - c as usize);
            return pick(pool, &idx[..r]);
        }
    }
    set_slot_int(it, 2, STOPPED);
    Value::DONE
}
next_method!(permutations_next, permutations_step);

pub fn types() -> Vec<(&'static str, *mut TypeObject)> {
    vec![
        (
            "product",
            make_type("product", 3, Some(product_new), product_next, &[]),
        ),
        (
            "permutations",
            make_type(
                "permutations",
                5,
                Some(permutations_new),
                permutations_next,
                &[],
            ),
        ),
        (
            "combinations",
            make_type(
                "combinations",
                3,
                Some(combinations_new),
                combinations_next,
                &[],
            ),
        ),
        (
            "combinations_with_replacement",
            make_type(
                "combinations_with_replacement",
                3,
                Some(cwr_new),
                cwr_next,
                &[],
            ),
        ),
    ]
}
