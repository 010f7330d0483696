//! `list`: a growable array of values in collector memory.

use crate::errors;
use crate::gc;
use crate::object::{alloc_object, none, types, Kind};
use crate::objects::builtin_function::{add_method, check_args};
use crate::objects::{int, slice};
use crate::ops;
use crate::value::{Header, Value};

#[repr(C)]
/// The layout compiled code relies on (subscripts): keep the offsets in step with codegen's
/// `LIST_*_OFFSET`.
pub struct ListObject {
    pub header: Header,
    pub len: usize,
    pub cap: usize,
    pub items: *mut Value,
}

pub fn with_capacity(cap: usize) -> Value {
    let v = alloc_object(types().list, std::mem::size_of::<ListObject>());
    if v.is_null() {
        return v;
    }
    if cap > 0 {
        let Some(bytes) = cap.checked_mul(8) else {
            return errors::no_memory();
        };
        let p = gc::alloc(bytes) as *mut Value;
        if p.is_null() {
            return errors::no_memory();
        }
        unsafe {
            (*v.ptr::<ListObject>()).items = p;
            (*v.ptr::<ListObject>()).cap = cap;
        }
    }
    v
}

pub fn from_slice(items: &[Value]) -> Value {
    let v = with_capacity(items.len());
    if v.is_null() {
        return v;
    }
    unsafe {
        let o = v.ptr::<ListObject>();
        std::ptr::copy_nonoverlapping(items.as_ptr(), (*o).items, items.len());
        (*o).len = items.len();
    }
    v
}

pub fn from_vec(items: Vec<Value>) -> Value {
    from_slice(&items)
}

#[inline]
pub fn items(v: Value) -> &'static [Value] {
    unsafe {
        let o = v.ptr::<ListObject>();
        if (*o).len == 0 {
            return &[];
        }
        std::slice::from_raw_parts((*o).items, (*o).len)
    }
}

#[inline]
pub fn items_mut(v: Value) -> &'static mut [Value] {
    unsafe {
        let o = v.ptr::<ListObject>();
        if (*o).len == 0 {
            return &mut [];
        }
        std::slice::from_raw_parts_mut((*o).items, (*o).len)
    }
}

pub fn len(v: Value) -> usize {
    unsafe { (*v.ptr::<ListObject>()).len }
}

fn reserve(v: Value, extra: usize) -> bool {
    unsafe {
        let o = v.ptr::<ListObject>();
        let need = match (*o).len.checked_add(extra) {
            Some(n) if n <= gc::MAX_ALLOC / 8 => n,
            _ => {
                errors::no_memory();
                return false;
            }
        };
        if need <= (*o).cap {
            return true;
        }
        let cap = need.max((*o).cap + (*o).cap / 2 + 4);
        let p = if (*o).items.is_null() {
            gc::alloc(cap * 8)
        } else {
            gc::realloc((*o).items as *mut u8, cap * 8)
        } as *mut Value;
        if p.is_null() {
            errors::no_memory();
            return false;
        }
        (*o).items = p;
        (*o).cap = cap;
        true
    }
}

pub fn append(v: Value, x: Value) -> bool {
    unsafe {
        let o = v.ptr::<ListObject>();
        if (*o).len == (*o).cap && !reserve(v, 1) {
            return false;
        }
        *(*o).items.add((*o).len) = x;
        (*o).len += 1;
    }
    true
}

pub fn extend_from(v: Value, xs: &[Value]) -> bool {
    if !reserve(v, xs.len()) {
        return false;
    }
    unsafe {
        let o = v.ptr::<ListObject>();
        std::ptr::copy(xs.as_ptr(), (*o).items.add((*o).len), xs.len());
        (*o).len += xs.len();
    }
    true
}

/// `list.extend(iterable)`; false with an exception set on failure.
pub fn extend(v: Value, iterable: Value) -> bool {
    if (crate::object::kind_of(iterable) == Kind::List
        || crate::object::kind_of(iterable) == Kind::Tuple)
        && crate::objects::type_::heap_override(iterable, "__iter__").is_null()
    {
        let xs: Vec<Value> = ops::seq_items(iterable).to_vec();
        return extend_from(v, &xs);
    }
    let it = ops::iter(iterable);
    if it.is_null() {
        return false;
    }
    loop {
        let x = ops::next(it);
        if x.is_null() {
            return false;
        }
        if x == Value::DONE {
            return true;
        }
        if !append(v, x) {
            return false;
        }
    }
}

fn set_len(v: Value, n: usize) {
    unsafe {
        let o = v.ptr::<ListObject>();
        for i in n..(*o).len {
            *(*o).items.add(i) = Value::NULL;
        }
        (*o).len = n;
    }
}

pub fn insert(v: Value, index: i64, x: Value) -> bool {
    let n = len(v) as i64;
    let i = if index < 0 {
        (index + n).max(0)
    } else {
        index.min(n)
    } as usize;
    if !append(v, x) {
        return false;
    }
    unsafe {
        let o = v.ptr::<ListObject>();
        let p = (*o).items;
        let n = (*o).len;
        std::ptr::copy(p.add(i), p.add(i + 1), n - 1 - i);
        *p.add(i) = x;
    }
    true
}

fn normalize_index(v: Value, key: Value) -> Option<i64> {
    let i = int::index_value(key, "list")?;
    let n = len(v) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        None
    } else {
        Some(j)
    }
}

pub fn getitem(v: Value, key: Value) -> Value {
    if crate::object::kind_of(key) == Kind::Slice {
        let (start, stop, step) = slice::parts(key);
        return get_slice(v, start, stop, step);
    }
    match normalize_index(v, key) {
        Some(j) => items(v)[j as usize],
        None if errors::occurred() => Value::NULL,
        None => errors::index_error("list index out of range"),
    }
}

/// `v[start:stop:step]` from the bounds as given (None or null where one is missing).
pub fn get_slice(v: Value, start: Value, stop: Value, step: Value) -> Value {
    get_slice_reusing(v, start, stop, step, Value::NULL)
}

/// `get_slice` into `reuse` when it is not null: an exact list no one else holds, whose items
/// are replaced by the slice's (compiled code's scratch list, `slice_subscript`).
pub fn get_slice_reusing(v: Value, start: Value, stop: Value, step: Value, reuse: Value) -> Value {
    let Some((start, stop, step)) = slice::unpack(start, stop, step) else {
        return Value::NULL;
    };
    let (start, _, count) = slice::adjust(start, stop, step, len(v) as i64);
    let out = if reuse.is_null() {
        with_capacity(count)
    } else {
        set_len(reuse, 0);
        if unsafe { (*reuse.ptr::<ListObject>()).cap } < count && !reserve(reuse, count) {
            return Value::NULL;
        }
        reuse
    };
    if out.is_null() {
        return out;
    }
    unsafe {
        let src = (*v.ptr::<ListObject>()).items;
        let o = out.ptr::<ListObject>();
        let dst = (*o).items;
        if count == 0 {
        } else if step == 1 {
            std::ptr::copy_nonoverlapping(src.add(start as usize), dst, count);
        } else {
            // `adjust` keeps every visited index in range.
            let mut i = start as isize;
            for k in 0..count {
                *dst.add(k) = *src.offset(i);
                i += step as isize;
            }
        }
        (*o).len = count;
    }
    out
}

/// The pancake flip's case of `set_slice` without its general steps: no step, bounds that are
/// small ints or missing, and a source `x`, an exact list other than `v`, as long as the slice.
/// False, with nothing done, when the case does not apply.
#[inline]
pub fn set_slice_same_length(v: Value, start: Value, stop: Value, step: Value, x: Value) -> bool {
    let absent = |b: Value| b.is_null() || b == none();
    if !absent(step) || x == v || x.is_small() || crate::object::type_of(x) != types().list {
        return false;
    }
    let bound = |b: Value, default: i64| {
        if absent(b) {
            Some(default)
        } else if b.is_small() {
            Some(b.small())
        } else {
            None
        }
    };
    let (Some(a), Some(b)) = (bound(start, 0), bound(stop, i64::MAX)) else {
        return false;
    };
    let (lo, _, count) = slice::adjust(a, b, 1, len(v) as i64);
    let src = items(x);
    if count != src.len() {
        return false;
    }
    if count > 0 {
        unsafe {
            let dst = (*v.ptr::<ListObject>()).items.add(lo as usize);
            std::ptr::copy_nonoverlapping(src.as_ptr(), dst, count);
        }
    }
    true
}

/// Empties a scratch list so it keeps nothing alive.
pub fn clear(v: Value) {
    set_len(v, 0);
}

pub fn setitem(v: Value, key: Value, x: Value) -> i32 {
    if crate::object::kind_of(key) == Kind::Slice {
        let (start, stop, step) = slice::parts(key);
        return set_slice(v, start, stop, step, x);
    }
    match normalize_index(v, key) {
        Some(j) => {
            items_mut(v)[j as usize] = x;
            0
        }
        None if errors::occurred() => -1,
        None => {
            errors::index_error("list assignment index out of range");
            -1
        }
    }
}

/// The items to assign to a slice, as CPython's `PySequence_Fast` gives them: a list or tuple's
/// own (copied when the source is the target list itself), anything else collected by
/// iteration (which may run Python code, even code that changes the target); `what` is the
/// TypeError's message when `x` is not iterable.
fn source_items(v: Value, x: Value, what: &str) -> Option<std::borrow::Cow<'static, [Value]>> {
    use std::borrow::Cow;
    if x == v {
        return Some(Cow::Owned(items(v).to_vec()));
    }
    if !x.is_small() {
        let t = crate::object::type_of(x);
        if t == types().list {
            return Some(Cow::Borrowed(items(x)));
        }
        if t == types().tuple {
            return Some(Cow::Borrowed(crate::objects::tuple::items(x)));
        }
        if matches!(crate::object::kind_of(x), Kind::List | Kind::Tuple)
            && crate::objects::type_::heap_override(x, "__iter__").is_null()
        {
            return Some(Cow::Borrowed(ops::seq_items(x)));
        }
    }
    let it = ops::iter(x);
    if it.is_null() {
        if errors::current_matches(crate::object::exc_types().type_error) {
            errors::fetch();
            errors::type_error(what);
        }
        return None;
    }
    let mut out = Vec::new();
    loop {
        let y = ops::next(it);
        if y.is_null() {
            return None;
        }
        if y == Value::DONE {
            return Some(Cow::Owned(out));
        }
        out.push(y);
    }
}

/// `v[start:stop:step] = x` from the bounds as given (None or null where one is missing), in
/// place: a same-length assignment copies, a contiguous one moves the tail once.
pub fn set_slice(v: Value, start: Value, stop: Value, step: Value, x: Value) -> i32 {
    let Some((start, stop, step)) = slice::unpack(start, stop, step) else {
        return -1;
    };
    let (start, stop, count) = slice::adjust(start, stop, step, len(v) as i64);
    if step == 1 {
        // 3.13 words the error of every slice assignment as that of an extended one.
        let what = if crate::sys::bytecode_version().1 >= 13 {
            "must assign iterable to extended slice"
        } else {
            "can only assign an iterable"
        };
        let Some(src) = source_items(v, x, what) else {
            return -1;
        };
        // Collecting may have run code that changed the list: clip again, as CPython does.
        let n = len(v) as i64;
        let lo = start.clamp(0, n);
        let hi = stop.clamp(lo, n);
        return if splice(v, lo as usize, hi as usize, &src) {
            0
        } else {
            -1
        };
    }
    let Some(src) = source_items(v, x, "must assign iterable to extended slice") else {
        return -1;
    };
    if src.len() != count {
        errors::value_error(&format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            src.len(),
            count
        ));
        return -1;
    }
    let it = items_mut(v);
    let mut i = start;
    for y in src.iter() {
        // In range unless collecting the source shrank the list.
        if let Some(slot) = it.get_mut(i as usize) {
            *slot = *y;
        }
        i += step;
    }
    0
}

/// Replaces items `lo..hi` of `v` by `src` (which is not `v`'s own buffer).
fn splice(v: Value, lo: usize, hi: usize, src: &[Value]) -> bool {
    let n = len(v);
    let m = src.len();
    let old = hi - lo;
    if m > old && !reserve(v, m - old) {
        return false;
    }
    unsafe {
        let o = v.ptr::<ListObject>();
        let p = (*o).items;
        if m != old {
            std::ptr::copy(p.add(hi), p.add(lo + m), n - hi);
        }
        if m > 0 {
            std::ptr::copy_nonoverlapping(src.as_ptr(), p.add(lo), m);
        }
        if m < old {
            (*o).len = n;
            set_len(v, n - (old - m));
        } else {
            (*o).len = n + (m - old);
        }
    }
    true
}

/// Removes item `j` (in range), moving the tail down one.
fn remove_at(v: Value, j: usize) {
    unsafe {
        let o = v.ptr::<ListObject>();
        let n = (*o).len;
        let p = (*o).items;
        std::ptr::copy(p.add(j + 1), p.add(j), n - j - 1);
        *p.add(n - 1) = Value::NULL;
        (*o).len = n - 1;
    }
}

pub fn delitem(v: Value, key: Value) -> i32 {
    if crate::object::kind_of(key) == Kind::Slice {
        let n = len(v) as i64;
        let Some((start, stop, step)) = slice::indices(key, n) else {
            return -1;
        };
        let idx: std::collections::HashSet<i64> = slice::range_iter(start, stop, step).collect();
        let kept: Vec<Value> = items(v)
            .iter()
            .enumerate()
            .filter(|(i, _)| !idx.contains(&(*i as i64)))
            .map(|(_, x)| *x)
            .collect();
        set_len(v, 0);
        return if extend_from(v, &kept) { 0 } else { -1 };
    }
    match normalize_index(v, key) {
        Some(j) => {
            remove_at(v, j as usize);
            0
        }
        None if errors::occurred() => -1,
        None => {
            errors::index_error("list assignment index out of range");
            -1
        }
    }
}

pub fn concat(a: Value, b: Value) -> Value {
    let v = with_capacity(len(a) + len(b));
    if v.is_null() || !extend_from(v, items(a)) || !extend_from(v, items(b)) {
        return Value::NULL;
    }
    v
}

pub fn repeat(a: Value, n: i64) -> Value {
    let it = items(a);
    if n <= 0 || it.is_empty() {
        return with_capacity(0);
    }
    match it.len().checked_mul(n as usize) {
        Some(total) if total <= gc::MAX_ALLOC / 8 => {
            let v = with_capacity(total);
            if v.is_null() {
                return v;
            }
            for _ in 0..n {
                extend_from(v, it);
            }
            v
        }
        _ => errors::no_memory(),
    }
}

// ---- methods -------------------------------------------------------------------------------

fn m_append(a: &[Value], k: Value) -> Value {
    if !check_args("append", a, k, 1, 1) || !append(a[0], a[1]) {
        return Value::NULL;
    }
    none()
}
fn m_extend(a: &[Value], k: Value) -> Value {
    if !check_args("extend", a, k, 1, 1) || !extend(a[0], a[1]) {
        return Value::NULL;
    }
    none()
}
fn m_insert(a: &[Value], k: Value) -> Value {
    if !check_args("insert", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(i) = int::index_value(a[1], "insert") else {
        return Value::NULL;
    };
    if !insert(a[0], i, a[2]) {
        return Value::NULL;
    }
    none()
}
fn m_pop(a: &[Value], k: Value) -> Value {
    if !check_args("pop", a, k, 0, 1) {
        return Value::NULL;
    }
    let n = len(a[0]) as i64;
    if n == 0 {
        return errors::index_error("pop from empty list");
    }
    let i = if a.len() > 1 {
        let Some(i) = int::index_value(a[1], "pop") else {
            return Value::NULL;
        };
        i
    } else {
        n - 1
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return errors::index_error("pop index out of range");
    }
    let x = items(a[0])[j as usize];
    remove_at(a[0], j as usize);
    x
}
fn m_remove(a: &[Value], k: Value) -> Value {
    if !check_args("remove", a, k, 1, 1) {
        return Value::NULL;
    }
    for (i, x) in items(a[0]).iter().enumerate() {
        match ops::eq(*x, a[1]) {
            Some(true) => {
                delitem(a[0], Value::from_small(i as i64));
                return none();
            }
            Some(false) => {}
            None => return Value::NULL,
        }
    }
    errors::value_error("list.remove(x): x not in list")
}
fn m_index(a: &[Value], k: Value) -> Value {
    if !check_args("index", a, k, 1, 3) {
        return Value::NULL;
    }
    let n = len(a[0]) as i64;
    let Some((lo, hi)) = slice::bounds_args(&a[2..], n) else {
        return Value::NULL;
    };
    let mut i = lo;
    while i < hi.min(len(a[0]) as i64) {
        match ops::eq(items(a[0])[i as usize], a[1]) {
            Some(true) => return Value::from_small(i),
            Some(false) => {}
            None => return Value::NULL,
        }
        i += 1;
    }
    if crate::sys::bytecode_version() >= (3, 14) {
        return errors::value_error("list.index(x): x not in list");
    }
    let r = ops::repr(a[1]);
    if r.is_null() {
        return r;
    }
    errors::value_error(&format!(
        "{} is not in list",
        crate::objects::str::as_str(r)
    ))
}
fn m_count(a: &[Value], k: Value) -> Value {
    if !check_args("count", a, k, 1, 1) {
        return Value::NULL;
    }
    let mut c = 0;
    for x in items(a[0]).to_vec() {
        match ops::eq(x, a[1]) {
            Some(true) => c += 1,
            Some(false) => {}
            None => return Value::NULL,
        }
    }
    Value::from_small(c)
}
fn m_reverse(a: &[Value], k: Value) -> Value {
    if !check_args("reverse", a, k, 0, 0) {
        return Value::NULL;
    }
    items_mut(a[0]).reverse();
    none()
}
fn m_clear(a: &[Value], k: Value) -> Value {
    if !check_args("clear", a, k, 0, 0) {
        return Value::NULL;
    }
    set_len(a[0], 0);
    none()
}
fn m_copy(a: &[Value], k: Value) -> Value {
    if !check_args("copy", a, k, 0, 0) {
        return Value::NULL;
    }
    from_slice(items(a[0]))
}

/// Stable sort of `v` in place by `key` (optional) and `reverse`, as `list.sort`.
pub fn sort(v: Value, key: Value, reverse: bool) -> bool {
    let xs = items(v).to_vec();
    let keys: Vec<Value> = if key.is_null() || key == none() {
        xs.clone()
    } else {
        let mut ks = Vec::with_capacity(xs.len());
        for x in &xs {
            let k = ops::call(key, &[*x], Value::NULL);
            if k.is_null() {
                return false;
            }
            ks.push(k);
        }
        ks
    };
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    if sort_by_exact_keys(&keys, &mut idx, reverse) {
        let sorted: Vec<Value> = idx.iter().map(|i| xs[*i]).collect();
        items_mut(v).copy_from_slice(&sorted);
        return true;
    }
    let mut failed = false;
    // Python's sort only uses `<`; a stable merge sort over `lt` keeps equal items in order.
    let lt = |a: usize, b: usize, failed: &mut bool| -> bool {
        if *failed {
            return false;
        }
        match ops::less_than(keys[a], keys[b]) {
            Some(r) => r,
            None => {
                *failed = true;
                false
            }
        }
    };
    // As CPython: reversed before and after an ascending stable sort, so equal items keep
    // their order.
    if reverse {
        idx.reverse();
    }
    merge_sort(&mut idx, &mut |a, b| lt(a, b, &mut failed));
    if reverse {
        idx.reverse();
    }
    if failed || errors::occurred() {
        return false;
    }
    let sorted: Vec<Value> = idx.iter().map(|i| xs[*i]).collect();
    items_mut(v).copy_from_slice(&sorted);
    true
}

/// Sorts `idx` by `keys` without calling `<` when every key is of one exact built-in type
/// whose `<` is a total order (ints in the small range, floats other than NaN, strings):
/// then any stable sort orders as Python's does. False, with `idx` untouched, otherwise.
fn sort_by_exact_keys(keys: &[Value], idx: &mut [usize], reverse: bool) -> bool {
    let t = crate::object::types();
    let Some(first) = keys.first() else {
        return true;
    };
    fn by<K: Ord>(idx: &mut [usize], key: impl Fn(usize) -> K, reverse: bool) {
        if reverse {
            idx.sort_by_key(|i| std::cmp::Reverse(key(*i)));
        } else {
            idx.sort_by_key(|i| key(*i));
        }
    }
    if first.is_small() {
        if !keys.iter().all(|k| k.is_small()) {
            return false;
        }
        by(idx, |i| keys[i].small(), reverse);
        return true;
    }
    let tp = crate::object::type_of(*first);
    if tp == t.str {
        if !keys
            .iter()
            .all(|k| !k.is_small() && crate::object::type_of(*k) == t.str)
        {
            return false;
        }
        by(idx, |i| crate::objects::str::as_str(keys[i]), reverse);
        return true;
    }
    if tp == t.float {
        let all = keys.iter().all(|k| {
            !k.is_small()
                && crate::object::type_of(*k) == t.float
                && !crate::objects::float::value(*k).is_nan()
        });
        if !all {
            return false;
        }
        // No NaN: `total_cmp` agrees with `<` except that it orders -0.0 before 0.0, which `<`
        // calls equal; mapping -0.0 to 0.0 keeps them equal (and the sort stable).
        by(
            idx,
            |i| {
                let f = crate::objects::float::value(keys[i]);
                OrderedF64(if f == 0.0 { 0.0 } else { f })
            },
            reverse,
        );
        return true;
    }
    false
}

/// A float that is never NaN, ordered by `total_cmp`.
#[derive(PartialEq)]
struct OrderedF64(f64);
impl Eq for OrderedF64 {}
impl PartialOrd for OrderedF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrderedF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// A stable merge sort of `v` by `lt` (Python's sort only asks `<`), with one scratch buffer;
/// two halves already in order are not merged.
fn merge_sort(v: &mut [usize], lt: &mut dyn FnMut(usize, usize) -> bool) {
    let mut scratch = Vec::with_capacity(v.len());
    merge_sort_into(v, lt, &mut scratch);
}

/// Below this length a slice is sorted as CPython sorts a list shorter than its minimum run:
/// the leading run found, then binary insertion; so a short list sees the same comparisons in
/// the same order as in CPython (the first failing one names the same types).
const SHORT_SORT: usize = 64;

fn merge_sort_into(
    v: &mut [usize],
    lt: &mut dyn FnMut(usize, usize) -> bool,
    out: &mut Vec<usize>,
) {
    if v.len() < SHORT_SORT {
        short_sort(v, lt);
        return;
    }
    let mid = v.len() / 2;
    merge_sort_into(&mut v[..mid], lt, out);
    merge_sort_into(&mut v[mid..], lt, out);
    if !lt(v[mid], v[mid - 1]) {
        return;
    }
    out.clear();
    let (mut i, mut j) = (0, mid);
    while i < mid && j < v.len() {
        if lt(v[j], v[i]) {
            out.push(v[j]);
            j += 1;
        } else {
            out.push(v[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&v[i..mid]);
    out.extend_from_slice(&v[j..]);
    v.copy_from_slice(out);
}

/// CPython's sort of a short slice: the run at its start (a strictly descending one reversed),
/// then binary insertion of the rest.
fn short_sort(v: &mut [usize], lt: &mut dyn FnMut(usize, usize) -> bool) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let mut run = 2;
    if lt(v[1], v[0]) {
        while run < n && lt(v[run], v[run - 1]) {
            run += 1;
        }
        v[..run].reverse();
    } else {
        while run < n && !lt(v[run], v[run - 1]) {
            run += 1;
        }
    }
    for start in run..n {
        let pivot = v[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(pivot, v[p]) {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v.copy_within(l..start, l + 1);
        v[l] = pivot;
    }
}

fn m_sort(a: &[Value], k: Value) -> Value {
    let Some(p) =
        crate::objects::builtin_function::parse_kw_only("sort", &a[1..], k, &["key", "reverse"])
    else {
        return Value::NULL;
    };
    let reverse = !p[1].is_null() && ops::truthy(p[1]) == 1;
    if !sort(a[0], p[0], reverse) {
        return Value::NULL;
    }
    none()
}

pub fn init_methods(t: *mut crate::object::TypeObject) {
    let m: &[(&str, crate::objects::builtin_function::NativeFn)] = &[
        ("append", m_append),
        ("extend", m_extend),
        ("insert", m_insert),
        ("pop", m_pop),
        ("remove", m_remove),
        ("index", m_index),
        ("count", m_count),
        ("reverse", m_reverse),
        ("clear", m_clear),
        ("copy", m_copy),
        ("sort", m_sort),
    ];
    for (name, f) in m {
        add_method(t, name, *f);
    }
}
