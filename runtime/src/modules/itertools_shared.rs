//! The `itertools` iterators that share one source among several consumers: `tee` (copies
//! that each see every item, through a chain of `_tee_dataobject` blocks of 57 items, as
//! CPython buffers them) and `groupby` with its `_grouper`s (each group reads the groupby's
//! current item; an older group stops when the groupby moves on).

use super::itertools::{
    bind, index_arg, instance, make_type, next_method, no_keywords, positional, set_slot,
    set_slot_int, slot, slot_int,
};
use crate::errors;
use crate::object::{new_builtin_type, none, type_of, Kind, TypeObject, TF_NO_DICT};
use crate::objects::builtin_function::add_static;
use crate::objects::{list, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

static mut TEE: *mut TypeObject = std::ptr::null_mut();
static mut TEE_DATA: *mut TypeObject = std::ptr::null_mut();
static mut GROUPER: *mut TypeObject = std::ptr::null_mut();
static mut GROUPBY: *mut TypeObject = std::ptr::null_mut();

/// Items per `_tee_dataobject` block.
const LINKCELLS: usize = 57;

// ---- tee -------------------------------------------------------------------------------------

/// A `_tee_dataobject`: slot 0 the source iterator, 1 the items read (a list), 2 the next
/// block (null until needed), 3 a flag set while the source is being read.
fn new_block(source: Value) -> Value {
    let d = instance(Value::from_ptr(unsafe { TEE_DATA }));
    if !d.is_null() {
        set_slot(d, 0, source);
        set_slot(d, 1, list::with_capacity(0));
        set_slot(d, 2, Value::NULL);
        set_slot_int(d, 3, 0);
    }
    d
}

/// A `_tee` reading block `block` from item `index`.
fn new_tee(cls: Value, block: Value, index: i64) -> Value {
    let t = instance(cls);
    if !t.is_null() {
        set_slot(t, 0, block);
        set_slot_int(t, 1, index);
    }
    t
}

fn is_tee(v: Value) -> bool {
    !v.is_small() && type_of(v) == unsafe { TEE }
}

fn tee_copy_of(t: Value) -> Value {
    new_tee(Value::from_ptr(unsafe { TEE }), slot(t, 0), slot_int(t, 1))
}

/// A tee over the iterator `it` (a copy when `it` is a tee already).
fn tee_from_iterator(it: Value) -> Value {
    if is_tee(it) {
        return tee_copy_of(it);
    }
    let block = new_block(it);
    if block.is_null() {
        return block;
    }
    new_tee(Value::from_ptr(unsafe { TEE }), block, 0)
}

fn tee_step(t: Value) -> Value {
    let mut block = slot(t, 0);
    let mut i = slot_int(t, 1) as usize;
    if i >= LINKCELLS {
        let mut next = slot(block, 2);
        if next.is_null() {
            next = new_block(slot(block, 0));
            if next.is_null() {
                return next;
            }
            set_slot(block, 2, next);
        }
        block = next;
        i = 0;
        set_slot(t, 0, block);
        set_slot_int(t, 1, 0);
    }
    let items = slot(block, 1);
    if i < list::len(items) {
        set_slot_int(t, 1, i as i64 + 1);
        return list::items(items)[i];
    }
    if slot_int(block, 3) == 1 {
        return errors::runtime_error("cannot re-enter the tee iterator");
    }
    set_slot_int(block, 3, 1);
    let x = ops::next(slot(block, 0));
    set_slot_int(block, 3, 0);
    if x.is_null() || x == Value::DONE {
        return x;
    }
    if !list::append(items, x) {
        return Value::NULL;
    }
    set_slot_int(t, 1, i as i64 + 1);
    x
}
next_method!(tee_next, tee_step);

fn tee_new(a: &[Value], k: Value) -> Value {
    if !no_keywords("_tee", k) || !positional("_tee", a.len() - 1, 1, 1) {
        return Value::NULL;
    }
    let it = ops::iter(a[1]);
    if it.is_null() {
        return it;
    }
    tee_from_iterator(it)
}

fn tee_copy(a: &[Value], _k: Value) -> Value {
    tee_copy_of(a[0])
}

fn block_new(_a: &[Value], _k: Value) -> Value {
    errors::type_error("cannot create 'itertools._tee_dataobject' instances")
}

/// `tee(iterable, n=2, /)`: n independent iterators over `iterable`.
pub fn tee(a: &[Value], k: Value) -> Value {
    if !no_keywords("tee", k) || !positional("tee", a.len(), 1, 2) {
        return Value::NULL;
    }
    let n = if a.len() == 2 {
        match index_arg(a[1]) {
            Some(n) => n,
            None => return Value::NULL,
        }
    } else {
        2
    };
    if n < 0 {
        return errors::value_error("n must be >= 0");
    }
    if n == 0 {
        return tuple::new(&[]);
    }
    let it = ops::iter(a[0]);
    if it.is_null() {
        return it;
    }
    let copy_name = pystr::intern("__copy__");
    // Up to 3.13 an iterator with `__copy__` is copied by it; 3.14 always wraps it in a tee.
    let mut copy = if crate::sys::bytecode_version() >= (3, 14) {
        Value::NULL
    } else {
        ops::getattr_opt(it, copy_name)
    };
    let first = if !copy.is_null() {
        it
    } else {
        if errors::occurred() {
            return Value::NULL;
        }
        let t = tee_from_iterator(it);
        if t.is_null() {
            return t;
        }
        copy = ops::getattr(t, copy_name);
        if copy.is_null() {
            return copy;
        }
        t
    };
    let mut out = vec![first];
    for _ in 1..n {
        let c = ops::call(copy, &[], Value::NULL);
        if c.is_null() {
            return c;
        }
        out.push(c);
    }
    tuple::new(&out)
}

// ---- groupby ---------------------------------------------------------------------------------

/// `a == b` as `PyObject_RichCompareBool` answers it (identity first); None with an
/// exception.
fn same_key(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    ops::eq(a, b)
}

/// groupby slots: 0 the source, 1 the key function (null: the items), 2 the key of the group
/// given last, 3 and 4 the current key and item (null when none is held), 5 the group given
/// last.
fn groupby_new(a: &[Value], k: Value) -> Value {
    let Some(p) = bind("groupby", &a[1..], k, &["iterable", "key"], 1) else {
        return Value::NULL;
    };
    let it = ops::iter(p[0]);
    if it.is_null() {
        return it;
    }
    let g = instance(a[0]);
    if !g.is_null() {
        set_slot(g, 0, it);
        set_slot(g, 1, if p[1] == none() { Value::NULL } else { p[1] });
        for i in 2..6 {
            set_slot(g, i, Value::NULL);
        }
    }
    g
}

/// Reads the next item and its key: `Some(true)` when read, `Some(false)` at the end, None
/// with an exception.
fn groupby_read(g: Value) -> Option<bool> {
    let x = ops::next(slot(g, 0));
    if x.is_null() {
        return None;
    }
    if x == Value::DONE {
        return Some(false);
    }
    let f = slot(g, 1);
    let key = if f.is_null() {
        x
    } else {
        ops::call(f, &[x], Value::NULL)
    };
    if key.is_null() {
        return None;
    }
    set_slot(g, 4, x);
    set_slot(g, 3, key);
    Some(true)
}

fn groupby_step(g: Value) -> Value {
    set_slot(g, 5, Value::NULL);
    loop {
        let cur = slot(g, 3);
        if !cur.is_null() {
            let target = slot(g, 2);
            if target.is_null() {
                break;
            }
            match same_key(target, cur) {
                None => return Value::NULL,
                Some(false) => break,
                Some(true) => {}
            }
        }
        match groupby_read(g) {
            None => return Value::NULL,
            Some(false) => return Value::DONE,
            Some(true) => {}
        }
    }
    let key = slot(g, 3);
    set_slot(g, 2, key);
    let grouper = instance(Value::from_ptr(unsafe { GROUPER }));
    if grouper.is_null() {
        return grouper;
    }
    set_slot(grouper, 0, g);
    set_slot(grouper, 1, key);
    set_slot(g, 5, grouper);
    tuple::new(&[key, grouper])
}
next_method!(groupby_next, groupby_step);

/// _grouper slots: 0 its groupby, 1 its key.
fn grouper_step(gr: Value) -> Value {
    let g = slot(gr, 0);
    if slot(g, 5) != gr {
        return Value::DONE;
    }
    if slot(g, 4).is_null() {
        match groupby_read(g) {
            None => return Value::NULL,
            Some(false) => return Value::DONE,
            Some(true) => {}
        }
    }
    match same_key(slot(gr, 1), slot(g, 3)) {
        None => Value::NULL,
        Some(false) => Value::DONE,
        Some(true) => {
            let x = slot(g, 4);
            set_slot(g, 4, Value::NULL);
            set_slot(g, 3, Value::NULL);
            x
        }
    }
}
next_method!(grouper_next, grouper_step);

fn grouper_new(a: &[Value], k: Value) -> Value {
    if !no_keywords("_grouper", k) || !positional("_grouper", a.len() - 1, 2, 2) {
        return Value::NULL;
    }
    if a[1].is_small() || !crate::object::is_subtype(type_of(a[1]), unsafe { GROUPBY }) {
        return errors::type_error(&format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            crate::object::type_name_of(a[1])
        ));
    }
    let gr = instance(a[0]);
    if !gr.is_null() {
        set_slot(gr, 0, a[1]);
        set_slot(gr, 1, a[2]);
    }
    gr
}

pub fn types() -> Vec<(&'static str, *mut TypeObject)> {
    unsafe {
        // A block is not an iterator.
        TEE_DATA = new_builtin_type(
            "_tee_dataobject",
            Kind::Object,
            crate::object::types().object,
        );
        (*TEE_DATA).flags |= TF_NO_DICT;
        (*TEE_DATA).nslots = 4;
        (*TEE_DATA).module = pystr::intern("itertools");
        add_static(TEE_DATA, "__new__", block_new);
        TEE = make_type(
            "_tee",
            2,
            Some(tee_new),
            tee_next,
            &[("__copy__", tee_copy)],
        );
        GROUPBY = make_type("groupby", 6, Some(groupby_new), groupby_next, &[]);
        GROUPER = make_type("_grouper", 2, Some(grouper_new), grouper_next, &[]);
        for t in [TEE, TEE_DATA, GROUPER] {
            (*t).flags |= crate::object::TF_FINAL;
        }
        vec![
            ("_tee_dataobject", TEE_DATA),
            ("_tee", TEE),
            ("groupby", GROUPBY),
            ("_grouper", GROUPER),
        ]
    }
}
