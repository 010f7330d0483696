//! `tuple`: an immutable sequence; items are stored inline after the header.

use crate::errors;
use crate::object::{alloc_object, types, Kind};
use crate::objects::{int, slice};
use crate::value::{Header, Value};

#[repr(C)]
/// The layout compiled code relies on (subscripts): keep the offsets in step with codegen's
/// `TUPLE_*_OFFSET`.
pub struct TupleObject {
    pub header: Header,
    pub len: usize,
    pub items: [Value; 0],
}

static mut EMPTY: Value = Value::NULL;

/// A tuple of `n` slots, its length set and its items still to be written; null with
/// MemoryError set when it cannot be had.
fn alloc_len(n: usize) -> Value {
    let Some(size) = n.checked_mul(8).and_then(|n| n.checked_add(16)) else {
        return errors::no_memory();
    };
    let v = alloc_object(types().tuple, size);
    if !v.is_null() {
        unsafe { (*v.ptr::<TupleObject>()).len = n };
    }
    v
}

pub fn new(items: &[Value]) -> Value {
    unsafe {
        if items.is_empty() && !EMPTY.is_null() {
            return EMPTY;
        }
    }
    let v = alloc_len(items.len());
    if v.is_null() {
        return v;
    }
    unsafe {
        let o = v.ptr::<TupleObject>();
        std::ptr::copy_nonoverlapping(items.as_ptr(), (*o).items.as_mut_ptr(), items.len());
        if items.is_empty() && !types().tuple.is_null() {
            EMPTY = v;
        }
    }
    v
}

#[inline]
pub fn items(v: Value) -> &'static [Value] {
    unsafe {
        let o = v.ptr::<TupleObject>();
        std::slice::from_raw_parts((*o).items.as_ptr(), (*o).len)
    }
}

pub fn len(v: Value) -> usize {
    unsafe { (*v.ptr::<TupleObject>()).len }
}

pub fn getitem(v: Value, key: Value) -> Value {
    let it = items(v);
    let n = it.len() as i64;
    if crate::object::kind_of(key) == Kind::Slice {
        let (start, stop, step) = slice::parts(key);
        return get_slice(v, start, stop, step);
    }
    let Some(i) = int::index_value(key, "tuple") else {
        return Value::NULL;
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return errors::index_error("tuple index out of range");
    }
    it[j as usize]
}

/// `v[start:stop:step]` from the bounds as given (None or null where one is missing); an exact
/// tuple's whole slice is the tuple itself.
pub fn get_slice(v: Value, start: Value, stop: Value, step: Value) -> Value {
    let Some((start, stop, step)) = slice::unpack(start, stop, step) else {
        return Value::NULL;
    };
    let it = items(v);
    let (start, _, count) = slice::adjust(start, stop, step, it.len() as i64);
    if start == 0 && step == 1 && count == it.len() && crate::object::type_of(v) == types().tuple {
        return v;
    }
    if count == 0 {
        return new(&[]);
    }
    let out = alloc_len(count);
    if out.is_null() {
        return out;
    }
    unsafe {
        let o = out.ptr::<TupleObject>();
        let mut i = start;
        for k in 0..count {
            *(*o).items.as_mut_ptr().add(k) = it[i as usize];
            i += step;
        }
    }
    out
}

pub fn concat(a: Value, b: Value) -> Value {
    let (x, y) = (items(a), items(b));
    if x.is_empty() {
        return new(y);
    }
    if y.is_empty() {
        return new(x);
    }
    // Straight into the new tuple, without a vector in between.
    let v = alloc_len(x.len() + y.len());
    if v.is_null() {
        return v;
    }
    unsafe {
        let o = v.ptr::<TupleObject>();
        let dst = (*o).items.as_mut_ptr();
        std::ptr::copy_nonoverlapping(x.as_ptr(), dst, x.len());
        std::ptr::copy_nonoverlapping(y.as_ptr(), dst.add(x.len()), y.len());
    }
    v
}

pub fn repeat(a: Value, n: i64) -> Value {
    let it = items(a);
    if n <= 0 || it.is_empty() {
        return new(&[]);
    }
    match it.len().checked_mul(n as usize) {
        Some(total) if total <= crate::gc::MAX_ALLOC / 8 => new(&it.repeat(n as usize)),
        _ => errors::no_memory(),
    }
}

fn m_index(a: &[Value], k: Value) -> Value {
    if !crate::objects::builtin_function::check_args("index", a, k, 1, 3) {
        return Value::NULL;
    }
    let it = items(a[0]);
    let Some((lo, hi)) = crate::objects::slice::bounds_args(&a[2..], it.len() as i64) else {
        return Value::NULL;
    };
    for i in lo.max(0)..hi {
        match crate::ops::eq(it[i as usize], a[1]) {
            Some(true) => return Value::from_small(i),
            Some(false) => {}
            None => return Value::NULL,
        }
    }
    errors::value_error("tuple.index(x): x not in tuple")
}

fn m_count(a: &[Value], k: Value) -> Value {
    if !crate::objects::builtin_function::check_args("count", a, k, 1, 1) {
        return Value::NULL;
    }
    let mut c = 0;
    for x in items(a[0]) {
        match crate::ops::eq(*x, a[1]) {
            Some(true) => c += 1,
            Some(false) => {}
            None => return Value::NULL,
        }
    }
    Value::from_small(c)
}

pub fn init_methods(t: *mut crate::object::TypeObject) {
    crate::objects::builtin_function::add_method(t, "index", m_index);
    crate::objects::builtin_function::add_method(t, "count", m_count);
}
