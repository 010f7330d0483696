//! `itertools`: the iterator building blocks, each a built-in type whose instances are their
//! own iterators, with CPython's constructors, argument errors of each version and reprs. This
//! file holds the module, the helpers its types share, and the iterators that map, filter,
//! slice or chain other iterators (`count`, `cycle`, `repeat`, `accumulate`, `chain`,
//! `compress`, `dropwhile`, `takewhile`, `filterfalse`, `starmap`, `islice`, `pairwise`,
//! `zip_longest`, `batched`); the combinatoric ones are in `itertools_combinatoric.rs`, `tee`
//! and `groupby` in `itertools_shared.rs`.
//!
//! Each type keeps its state in slot words. An iterator's step answers as [`ops::next`] does
//! (an item, `Value::DONE`, or null with an exception); its `__next__` turns `DONE` into
//! StopIteration. Pickling (`__reduce__`, `__setstate__`, deprecated in 3.12 and gone in
//! 3.14) is not provided.

use super::{itertools_combinatoric, itertools_shared};
use crate::errors;
use crate::object::{
    exc_types, new_builtin_type, none, type_lookup, type_name_of, types, Kind, TypeObject,
    TF_NO_DICT,
};
use crate::objects::builtin_function::{add_classmethod, add_method, add_static, NativeFn};
use crate::objects::int::BinOp;
use crate::objects::type_::{alloc_instance_of, slot_ptr};
use crate::objects::{dict, int, list, module, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

// ---- helpers shared by the itertools types ---------------------------------------------------

pub(super) fn slot(v: Value, i: usize) -> Value {
    unsafe { *slot_ptr(v, i) }
}

pub(super) fn set_slot(v: Value, i: usize, x: Value) {
    unsafe { *slot_ptr(v, i) = x }
}

/// A small int kept in a slot.
pub(super) fn slot_int(v: Value, i: usize) -> i64 {
    slot(v, i).small()
}

pub(super) fn set_slot_int(v: Value, i: usize, n: i64) {
    set_slot(v, i, Value::from_small(n))
}

/// A new instance of the class `cls` (the type itself or a subclass).
pub(super) fn instance(cls: Value) -> Value {
    alloc_instance_of(cls.ptr::<TypeObject>())
}

fn kw_count(k: Value) -> usize {
    if k.is_null() {
        0
    } else {
        tuple::len(k)
    }
}

/// False with CPython's TypeError when keywords were given to `name`.
pub(super) fn no_keywords(name: &str, k: Value) -> bool {
    if kw_count(k) > 0 {
        errors::type_error(&format!("{name}() takes no keyword arguments"));
        return false;
    }
    true
}

/// Checks a positional argument count as CPython's constructors word it ("cycle expected 1
/// argument, got 0").
pub(super) fn positional(name: &str, n: usize, min: usize, max: usize) -> bool {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    let msg = if min == max && n != min {
        format!("{name} expected {min} argument{}, got {n}", s(min))
    } else if n > max {
        format!("{name} expected at most {max} argument{}, got {n}", s(max))
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", s(min))
    } else {
        return true;
    };
    errors::type_error(&msg);
    false
}

/// Binds `names` (positional or keyword) from `args` and `k`; null for the missing ones. An
/// unknown keyword is worded as each version's argument parser words it.
pub(super) fn bind(
    name: &str,
    args: &[Value],
    k: Value,
    names: &[&str],
    required: usize,
) -> Option<Vec<Value>> {
    if crate::sys::bytecode_version() < (3, 13) {
        for i in 0..kw_count(k) {
            let key = pystr::as_str(tuple::items(k)[i]);
            if !names.contains(&key) {
                errors::type_error(&format!(
                    "'{key}' is an invalid keyword argument for {name}()"
                ));
                return None;
            }
        }
    }
    crate::objects::builtin_function::parse_kw(name, args, k, names, required)
}

/// An index-like argument as an i64 (`__index__`), with CPython's TypeError otherwise.
pub(super) fn index_arg(v: Value) -> Option<i64> {
    let i = int::index(v);
    if i.is_null() {
        return None;
    }
    match int::as_i64(i) {
        Some(n) => Some(n),
        None => {
            errors::overflow_error("Python int too large to convert to C ssize_t");
            None
        }
    }
}

/// The tuple of the items of `v`; null with an exception.
pub(super) fn to_tuple(v: Value) -> Value {
    if !v.is_small() && crate::object::type_of(v) == types().tuple {
        return v;
    }
    match ops::collect(v) {
        Some(items) => tuple::new(&items),
        None => Value::NULL,
    }
}

/// A step's answer as `__next__` gives it: `DONE` becomes StopIteration.
pub(super) fn finish_next(r: Value) -> Value {
    if r == Value::DONE {
        return errors::raise_args(exc_types().stop_iteration, &[]);
    }
    r
}

/// Defines a `__next__` method over a step function.
macro_rules! next_method {
    ($method:ident, $step:ident) => {
        fn $method(a: &[Value], _k: Value) -> Value {
            $crate::modules::itertools::finish_next($step(a[0]))
        }
    };
}
pub(crate) use next_method;

fn iter_self(a: &[Value], _k: Value) -> Value {
    a[0]
}

/// A new itertools type: subclassable, its own instances without a dict, iterating itself.
pub(super) fn make_type(
    name: &str,
    nslots: u32,
    new: Option<NativeFn>,
    next: NativeFn,
    methods: &[(&str, NativeFn)],
) -> *mut TypeObject {
    let t = new_builtin_type(name, Kind::Object, types().object);
    unsafe {
        (*t).flags |= TF_NO_DICT;
        (*t).nslots = nslots;
        (*t).module = pystr::intern("itertools");
    }
    if let Some(new) = new {
        add_static(t, "__new__", new);
    }
    add_method(t, "__iter__", iter_self);
    add_method(t, "__next__", next);
    for (n, f) in methods {
        add_method(t, n, *f);
    }
    t
}

/// The repr `name(arg, ...)` from the reprs of `args`, `name` being the type's own name (a
/// subclass shows its name).
fn call_repr(v: Value, args: &[Value], tail: Option<String>) -> Value {
    let mut parts = Vec::with_capacity(args.len() + 1);
    for a in args {
        let r = ops::repr(*a);
        if r.is_null() {
            return r;
        }
        parts.push(pystr::as_str(r).to_string());
    }
    parts.extend(tail);
    pystr::new(&format!("{}({})", type_name_of(v), parts.join(", ")))
}

// ---- count -----------------------------------------------------------------------------------

/// `PyNumber_Check`: ints, floats, complex numbers and whatever defines `__index__`, `__int__`
/// or `__float__`.
fn is_number(v: Value) -> bool {
    if v.is_small() {
        return true;
    }
    if matches!(
        crate::object::kind_of(v),
        Kind::Int | Kind::Bool | Kind::Float | Kind::Complex
    ) {
        return true;
    }
    let t = crate::object::type_of(v);
    ["__index__", "__int__", "__float__"]
        .iter()
        .any(|n| !type_lookup(t, pystr::intern(n)).is_null())
}

/// Slot 0: the next value; slot 1: the step.
fn count_new(a: &[Value], k: Value) -> Value {
    let Some(p) = bind("count", &a[1..], k, &["start", "step"], 0) else {
        return Value::NULL;
    };
    let start = if p[0].is_null() {
        Value::from_small(0)
    } else {
        p[0]
    };
    let step = if p[1].is_null() {
        Value::from_small(1)
    } else {
        p[1]
    };
    if !is_number(start) || !is_number(step) {
        return errors::type_error("a number is required");
    }
    // CPython counts an int start by a step of int 1 in machine integers: bools and int
    // subclasses count as plain ints.
    let (start, step) = if int::is_int(start) && int::is_int(step) && int::as_i64(step) == Some(1) {
        (int::from_big(int::to_big(start)), Value::from_small(1))
    } else {
        (start, step)
    };
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, start);
        set_slot(v, 1, step);
    }
    v
}

fn count_step(it: Value) -> Value {
    let n = slot(it, 0);
    let next = ops::binary_op(n, slot(it, 1), BinOp::Add);
    if next.is_null() {
        return next;
    }
    set_slot(it, 0, next);
    n
}
next_method!(count_next, count_step);

fn count_repr(a: &[Value], _k: Value) -> Value {
    let step = slot(a[0], 1);
    if int::is_int(step) && int::as_i64(step) == Some(1) {
        return call_repr(a[0], &[slot(a[0], 0)], None);
    }
    call_repr(a[0], &[slot(a[0], 0), step], None)
}

// ---- cycle -----------------------------------------------------------------------------------

/// Slot 0: the source iterator (null once exhausted); 1: the saved items (a list); 2: the
/// index of the next saved item.
fn cycle_new(a: &[Value], k: Value) -> Value {
    if !no_keywords("cycle", k) || !positional("cycle", a.len() - 1, 1, 1) {
        return Value::NULL;
    }
    let src = ops::iter(a[1]);
    if src.is_null() {
        return src;
    }
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, src);
        set_slot(v, 1, list::with_capacity(0));
        set_slot_int(v, 2, 0);
    }
    v
}

fn cycle_step(it: Value) -> Value {
    let src = slot(it, 0);
    let saved = slot(it, 1);
    if !src.is_null() {
        let x = ops::next(src);
        if x.is_null() {
            return x;
        }
        if x != Value::DONE {
            if !list::append(saved, x) {
                return Value::NULL;
            }
            return x;
        }
        set_slot(it, 0, Value::NULL);
    }
    let items = list::items(saved);
    if items.is_empty() {
        return Value::DONE;
    }
    let i = slot_int(it, 2) as usize;
    set_slot_int(it, 2, ((i + 1) % items.len()) as i64);
    items[i]
}
next_method!(cycle_next, cycle_step);

// ---- repeat ----------------------------------------------------------------------------------

/// Slot 0: the object; slot 1: the repetitions left, or -1 for ever.
fn repeat_new(a: &[Value], k: Value) -> Value {
    let Some(p) = bind("repeat", &a[1..], k, &["object", "times"], 1) else {
        return Value::NULL;
    };
    let mut times = -1;
    if !p[1].is_null() {
        match index_arg(p[1]) {
            Some(n) => times = n.max(0),
            None => return Value::NULL,
        }
    }
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, p[0]);
        set_slot_int(v, 1, times);
    }
    v
}

fn repeat_step(it: Value) -> Value {
    match slot_int(it, 1) {
        -1 => slot(it, 0),
        0 => Value::DONE,
        n => {
            set_slot_int(it, 1, n - 1);
            slot(it, 0)
        }
    }
}
next_method!(repeat_next, repeat_step);

fn repeat_repr(a: &[Value], _k: Value) -> Value {
    match slot_int(a[0], 1) {
        -1 => call_repr(a[0], &[slot(a[0], 0)], None),
        n => call_repr(a[0], &[slot(a[0], 0)], Some(n.to_string())),
    }
}

fn repeat_length_hint(a: &[Value], _k: Value) -> Value {
    match slot_int(a[0], 1) {
        -1 => errors::type_error("len() of unsized object"),
        n => Value::from_small(n),
    }
}

// ---- accumulate ------------------------------------------------------------------------------

/// Slot 0: the source; 1: the function (null: addition); 2: the running total (null before
/// the first); 3: the initial value still to give (null when none).
fn accumulate_new(a: &[Value], k: Value) -> Value {
    // `initial` is keyword-only.
    let npos = a.len() - 1 - kw_count(k);
    if npos > 2 {
        return errors::type_error(&format!(
            "accumulate() takes at most 2 arguments ({npos} given)"
        ));
    }
    let Some(p) = bind(
        "accumulate",
        &a[1..],
        k,
        &["iterable", "func", "initial"],
        1,
    ) else {
        return Value::NULL;
    };
    let src = ops::iter(p[0]);
    if src.is_null() {
        return src;
    }
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, src);
        set_slot(v, 1, if p[1] == none() { Value::NULL } else { p[1] });
        set_slot(v, 2, Value::NULL);
        set_slot(v, 3, if p[2] == none() { Value::NULL } else { p[2] });
    }
    v
}

fn accumulate_step(it: Value) -> Value {
    let initial = slot(it, 3);
    if !initial.is_null() {
        set_slot(it, 2, initial);
        set_slot(it, 3, Value::NULL);
        return initial;
    }
    let x = ops::next(slot(it, 0));
    if x.is_null() || x == Value::DONE {
        return x;
    }
    let total = slot(it, 2);
    let f = slot(it, 1);
    let new = if total.is_null() {
        x
    } else if f.is_null() {
        ops::binary_op(total, x, BinOp::Add)
    } else {
        ops::call(f, &[total, x], Value::NULL)
    };
    if !new.is_null() {
        set_slot(it, 2, new);
    }
    new
}
next_method!(accumulate_next, accumulate_step);

// ---- chain -----------------------------------------------------------------------------------

/// Slot 0: the iterator over the iterables (null once done); slot 1: the active iterator.
fn chain_from(cls: Value, sources: Value) -> Value {
    let v = instance(cls);
    if !v.is_null() {
        set_slot(v, 0, sources);
        set_slot(v, 1, Value::NULL);
    }
    v
}

fn chain_new(a: &[Value], k: Value) -> Value {
    if !no_keywords("chain", k) {
        return Value::NULL;
    }
    let sources = ops::iter(tuple::new(&a[1..]));
    if sources.is_null() {
        return sources;
    }
    chain_from(a[0], sources)
}

fn chain_from_iterable(a: &[Value], k: Value) -> Value {
    if !no_keywords("from_iterable", k)
        || !crate::objects::builtin_function::check_count("from_iterable", a.len() - 1, 1, 1)
    {
        return Value::NULL;
    }
    let sources = ops::iter(a[1]);
    if sources.is_null() {
        return sources;
    }
    chain_from(a[0], sources)
}

fn chain_step(it: Value) -> Value {
    loop {
        let sources = slot(it, 0);
        if sources.is_null() {
            return Value::DONE;
        }
        let mut active = slot(it, 1);
        if active.is_null() {
            let next = ops::next(sources);
            if next.is_null() || next == Value::DONE {
                set_slot(it, 0, Value::NULL);
                return next;
            }
            active = ops::iter(next);
            if active.is_null() {
                set_slot(it, 0, Value::NULL);
                return active;
            }
            set_slot(it, 1, active);
        }
        let x = ops::next(active);
        if x != Value::DONE {
            return x;
        }
        set_slot(it, 1, Value::NULL);
    }
}
next_method!(chain_next, chain_step);

fn chain_class_getitem(a: &[Value], _k: Value) -> Value {
    if a.len() != 2 {
        return errors::type_error(&format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            a.len() - 1
        ));
    }
    crate::objects::slots::generic_alias(a[0], a[1])
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap ------------------------------------

/// Slot 0: the data iterator; slot 1: the selectors iterator.
fn compress_new(a: &[Value], k: Value) -> Value {
    let Some(p) = bind("compress", &a[1..], k, &["data", "selectors"], 2) else {
        return Value::NULL;
    };
    let data = ops::iter(p[0]);
    if data.is_null() {
        return data;
    }
    let selectors = ops::iter(p[1]);
    if selectors.is_null() {
        return selectors;
    }
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, data);
        set_slot(v, 1, selectors);
    }
    v
}

fn compress_step(it: Value) -> Value {
    loop {
        let d = ops::next(slot(it, 0));
        if d.is_null() || d == Value::DONE {
            return d;
        }
        let s = ops::next(slot(it, 1));
        if s.is_null() || s == Value::DONE {
            return s;
        }
        match ops::truthy(s) {
            1 => return d,
            0 => {}
            _ => return Value::NULL,
        }
    }
}
next_method!(compress_next, compress_step);

/// `(predicate, iterable)` constructors: slot 0 the function, slot 1 the iterator, slot 2 a
/// flag (small int) of the type's own.
fn predicate_new(name: &str, a: &[Value], k: Value) -> Value {
    if !no_keywords(name, k) || !positional(name, a.len() - 1, 2, 2) {
        return Value::NULL;
    }
    let src = ops::iter(a[2]);
    if src.is_null() {
        return src;
    }
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, a[1]);
        set_slot(v, 1, src);
        set_slot_int(v, 2, 0);
    }
    v
}

/// `pred(x)`'s truth: 1, 0, or -1 with an exception.
fn holds(pred: Value, x: Value) -> i32 {
    let r = ops::call(pred, &[x], Value::NULL);
    if r.is_null() {
        return -1;
    }
    ops::truthy(r)
}

fn dropwhile_new(a: &[Value], k: Value) -> Value {
    predicate_new("dropwhile", a, k)
}

/// Flag: 1 once an item failed the predicate (everything after is given).
fn dropwhile_step(it: Value) -> Value {
    loop {
        let x = ops::next(slot(it, 1));
        if x.is_null() || x == Value::DONE || slot_int(it, 2) == 1 {
            return x;
        }
        match holds(slot(it, 0), x) {
            0 => {
                set_slot_int(it, 2, 1);
                return x;
            }
            1 => {}
            _ => return Value::NULL,
        }
    }
}
next_method!(dropwhile_next, dropwhile_step);

fn takewhile_new(a: &[Value], k: Value) -> Value {
    predicate_new("takewhile", a, k)
}

/// Flag: 1 once an item failed the predicate (nothing more is given).
fn takewhile_step(it: Value) -> Value {
    if slot_int(it, 2) == 1 {
        return Value::DONE;
    }
    let x = ops::next(slot(it, 1));
    if x.is_null() || x == Value::DONE {
        return x;
    }
    match holds(slot(it, 0), x) {
        1 => x,
        0 => {
            set_slot_int(it, 2, 1);
            Value::DONE
        }
        _ => Value::NULL,
    }
}
next_method!(takewhile_next, takewhile_step);

fn filterfalse_new(a: &[Value], k: Value) -> Value {
    predicate_new("filterfalse", a, k)
}

fn filterfalse_step(it: Value) -> Value {
    let f = slot(it, 0);
    let plain = f == none() || f == Value::from_ptr(types().bool);
    loop {
        let x = ops::next(slot(it, 1));
        if x.is_null() || x == Value::DONE {
            return x;
        }
        let t = if plain { ops::truthy(x) } else { holds(f, x) };
        match t {
            0 => return x,
            1 => {}
            _ => return Value::NULL,
        }
    }
}
next_method!(filterfalse_next, filterfalse_step);

fn starmap_new(a: &[Value], k: Value) -> Value {
    predicate_new("starmap", a, k)
}

fn starmap_step(it: Value) -> Value {
    let args = ops::next(slot(it, 1));
    if args.is_null() || args == Value::DONE {
        return args;
    }
    let args = to_tuple(args);
    if args.is_null() {
        return args;
    }
    ops::call(slot(it, 0), tuple::items(args), Value::NULL)
}
next_method!(starmap_next, starmap_step);

// ---- islice ----------------------------------------------------------------------------------

/// A bound of islice: None, or a non-negative int; `-1` for None, `-2` when not acceptable.
fn islice_bound(v: Value) -> i64 {
    if v == none() {
        return -1;
    }
    let i = int::index(v);
    if i.is_null() {
        errors::fetch();
        return -2;
    }
    match int::as_i64(i) {
        Some(n) if n >= 0 => n,
        Some(-1) => -2,
        Some(n) => n.min(-3),
        None => -2,
    }
}

const ISLICE_STOP: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// Slot 0: the source (null once exhausted); 1: items consumed; 2: the index of the next item
/// to give; 3: the stop (-1: none); 4: the step.
fn islice_new(a: &[Value], k: Value) -> Value {
    if !no_keywords("islice", k) || !positional("islice", a.len() - 1, 2, 4) {
        return Value::NULL;
    }
    let args = &a[2..];
    let (mut start, stop) = if args.len() == 1 {
        (0, islice_bound(args[0]))
    } else {
        let s = islice_bound(args[0]);
        (if s == -1 { 0 } else { s }, islice_bound(args[1]))
    };
    if stop == -2 {
        return errors::value_error(ISLICE_STOP);
    }
    if start == -2 {
        start = -1;
    }
    if start < 0 || stop < -1 {
        return errors::value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        );
    }
    let mut step = 1;
    if args.len() == 3 && args[2] != none() {
        step = islice_bound(args[2]);
    }
    if step < 1 {
        return errors::value_error("Step for islice() must be a positive integer or None.");
    }
    let src = ops::iter(a[1]);
    if src.is_null() {
        return src;
    }
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, src);
        set_slot_int(v, 1, 0);
        set_slot_int(v, 2, start);
        set_slot_int(v, 3, stop);
        set_slot_int(v, 4, step);
    }
    v
}

fn islice_step(it: Value) -> Value {
    let src = slot(it, 0);
    if src.is_null() {
        return Value::DONE;
    }
    let stop = slot_int(it, 3);
    let end = |r: Value| {
        set_slot(it, 0, Value::NULL);
        r
    };
    while slot_int(it, 1) < slot_int(it, 2) {
        let x = ops::next(src);
        if x.is_null() || x == Value::DONE {
            return end(x);
        }
        set_slot_int(it, 1, slot_int(it, 1) + 1);
    }
    if stop != -1 && slot_int(it, 1) >= stop {
        return end(Value::DONE);
    }
    let x = ops::next(src);
    if x.is_null() || x == Value::DONE {
        return end(x);
    }
    set_slot_int(it, 1, slot_int(it, 1) + 1);
    let old = slot_int(it, 2);
    let mut next = old.saturating_add(slot_int(it, 4));
    if stop != -1 && next > stop {
        next = stop;
    }
    set_slot_int(it, 2, next);
    x
}
next_method!(islice_next, islice_step);

// ---- pairwise --------------------------------------------------------------------------------

/// Slot 0: the source (null once exhausted); slot 1: the last item (null before the first).
fn pairwise_new(a: &[Value], k: Value) -> Value {
    if !no_keywords("pairwise", k) || !positional("pairwise", a.len() - 1, 1, 1) {
        return Value::NULL;
    }
    let src = ops::iter(a[1]);
    if src.is_null() {
        return src;
    }
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, src);
        set_slot(v, 1, Value::NULL);
    }
    v
}

fn pairwise_step(it: Value) -> Value {
    let src = slot(it, 0);
    if src.is_null() {
        return Value::DONE;
    }
    let mut old = slot(it, 1);
    if old.is_null() {
        old = ops::next(src);
        if old.is_null() || old == Value::DONE {
            set_slot(it, 0, Value::NULL);
            return old;
        }
        set_slot(it, 1, old);
    }
    let new = ops::next(src);
    if new.is_null() || new == Value::DONE {
        set_slot(it, 0, Value::NULL);
        set_slot(it, 1, Value::NULL);
        return new;
    }
    set_slot(it, 1, new);
    tuple::new(&[old, new])
}
next_method!(pairwise_next, pairwise_step);

// ---- zip_longest -----------------------------------------------------------------------------

/// Slot 0: a list of the iterators (None for an exhausted one); 1: the fill value; 2: how
/// many are still active.
fn zip_longest_new(a: &[Value], k: Value) -> Value {
    let nkw = kw_count(k);
    let mut fill = none();
    if nkw > 0 {
        if nkw != 1 || pystr::as_str(tuple::items(k)[0]) != "fillvalue" {
            return errors::type_error("zip_longest() got an unexpected keyword argument");
        }
        fill = a[a.len() - 1];
    }
    let mut its = Vec::with_capacity(a.len() - 1 - nkw);
    for x in &a[1..a.len() - nkw] {
        let i = ops::iter(*x);
        if i.is_null() {
            return i;
        }
        its.push(i);
    }
    let n = its.len() as i64;
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, list::from_vec(its));
        set_slot(v, 1, fill);
        set_slot_int(v, 2, n);
    }
    v
}

fn zip_longest_step(it: Value) -> Value {
    let its = slot(it, 0);
    let n = list::len(its);
    if n == 0 || slot_int(it, 2) == 0 {
        return Value::DONE;
    }
    let fill = slot(it, 1);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let src = list::items(its)[i];
        if src == none() {
            out.push(fill);
            continue;
        }
        let x = ops::next(src);
        if x.is_null() {
            set_slot_int(it, 2, 0);
            return x;
        }
        if x == Value::DONE {
            let active = slot_int(it, 2) - 1;
            if active == 0 {
                set_slot_int(it, 2, 0);
                return Value::DONE;
            }
            set_slot_int(it, 2, active);
            list::items_mut(its)[i] = none();
            out.push(fill);
        } else {
            out.push(x);
        }
    }
    tuple::new(&out)
}
next_method!(zip_longest_next, zip_longest_step);

// ---- batched (3.12) --------------------------------------------------------------------------

/// Slot 0: the source (null once exhausted); 1: the batch size; 2: strict (3.13), a bool.
fn batched_new(a: &[Value], k: Value) -> Value {
    let strict_too = crate::sys::bytecode_version() >= (3, 13);
    let names: &[&str] = if strict_too {
        &["iterable", "n", "strict"]
    } else {
        &["iterable", "n"]
    };
    let npos = a.len() - 1 - kw_count(k);
    if npos > 2 {
        return errors::type_error(&format!(
            "batched() takes at most 2 arguments ({npos} given)"
        ));
    }
    let Some(p) = bind("batched", &a[1..], k, names, 2) else {
        return Value::NULL;
    };
    let Some(n) = index_arg(p[1]) else {
        return Value::NULL;
    };
    if n < 1 {
        return errors::value_error("n must be at least one");
    }
    let strict = match p.get(2) {
        Some(s) if !s.is_null() => match ops::truthy(*s) {
            -1 => return Value::NULL,
            t => t == 1,
        },
        _ => false,
    };
    let src = ops::iter(p[0]);
    if src.is_null() {
        return src;
    }
    let v = instance(a[0]);
    if !v.is_null() {
        set_slot(v, 0, src);
        set_slot_int(v, 1, n);
        set_slot_int(v, 2, strict as i64);
    }
    v
}

fn batched_step(it: Value) -> Value {
    let src = slot(it, 0);
    if src.is_null() {
        return Value::DONE;
    }
    let n = slot_int(it, 1) as usize;
    let mut batch = Vec::with_capacity(n.min(1024));
    while batch.len() < n {
        let x = ops::next(src);
        if x.is_null() {
            set_slot(it, 0, Value::NULL);
            return x;
        }
        if x == Value::DONE {
            set_slot(it, 0, Value::NULL);
            break;
        }
        batch.push(x);
    }
    if batch.is_empty() {
        return Value::DONE;
    }
    if batch.len() < n && slot_int(it, 2) == 1 {
        return errors::value_error("batched(): incomplete batch");
    }
    tuple::new(&batch)
}
next_method!(batched_next, batched_step);

// ---- the module ------------------------------------------------------------------------------

static mut TYPES: Vec<(&'static str, *mut TypeObject)> = Vec::new();

/// The itertools types, made once (they outlive any one module object).
#[allow(static_mut_refs)]
fn all_types() -> &'static [(&'static str, *mut TypeObject)] {
    unsafe {
        if TYPES.is_empty() {
            let version = crate::sys::bytecode_version();
            let mut t: Vec<(&'static str, *mut TypeObject)> = vec![
                (
                    "count",
                    make_type(
                        "count",
                        2,
                        Some(count_new),
                        count_next,
                        &[("__repr__", count_repr)],
                    ),
                ),
                (
                    "cycle",
                    make_type("cycle", 3, Some(cycle_new), cycle_next, &[]),
                ),
                (
                    "repeat",
                    make_type(
                        "repeat",
                        2,
                        Some(repeat_new),
                        repeat_next,
                        &[
                            ("__repr__", repeat_repr),
                            ("__length_hint__", repeat_length_hint),
                        ],
                    ),
                ),
                (
                    "accumulate",
                    make_type("accumulate", 4, Some(accumulate_new), accumulate_next, &[]),
                ),
                ("chain", {
                    let c = make_type("chain", 2, Some(chain_new), chain_next, &[]);
                    add_classmethod(c, "from_iterable", chain_from_iterable);
                    if version >= (3, 9) {
                        add_classmethod(c, "__class_getitem__", chain_class_getitem);
                    }
                    c
                }),
                (
                    "compress",
                    make_type("compress", 2, Some(compress_new), compress_next, &[]),
                ),
                (
                    "dropwhile",
                    make_type("dropwhile", 3, Some(dropwhile_new), dropwhile_next, &[]),
                ),
                (
                    "takewhile",
                    make_type("takewhile", 3, Some(takewhile_new), takewhile_next, &[]),
                ),
                (
                    "filterfalse",
                    make_type(
                        "filterfalse",
                        3,
                        Some(filterfalse_new),
                        filterfalse_next,
                        &[],
                    ),
                ),
                (
                    "starmap",
                    make_type("starmap", 3, Some(starmap_new), starmap_next, &[]),
                ),
                (
                    "islice",
                    make_type("islice", 5, Some(islice_new), islice_next, &[]),
                ),
                (
                    "zip_longest",
                    make_type(
                        "zip_longest",
                        3,
                        Some(zip_longest_new),
                        zip_longest_next,
                        &[],
                    ),
                ),
            ];
            if version >= (3, 10) {
                t.push((
                    "pairwise",
                    make_type("pairwise", 2, Some(pairwise_new), pairwise_next, &[]),
                ));
            }
            if version >= (3, 12) {
                t.push((
                    "batched",
                    make_type("batched", 3, Some(batched_new), batched_next, &[]),
                ));
            }
            t.extend(itertools_combinatoric::types());
            t.extend(itertools_shared::types());
            TYPES = t;
        }
        &TYPES
    }
}

pub fn create() -> Value {
    let m = module::new("itertools");
    if m.is_null() {
        return m;
    }
    let d = module::dict_of(m);
    for (name, t) in all_types() {
        dict::set_by_name(d, name, Value::from_ptr(*t));
    }
    dict::set_by_name(
        d,
        "tee",
        crate::objects::builtin_function::new(
            "tee",
            itertools_shared::tee,
            crate::objects::builtin_function::PLAIN,
        ),
    );
    m
}
