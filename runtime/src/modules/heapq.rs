//! `_heapq`: the binary-heap operations over a list that `heapq.py` imports over its Python
//! versions: `heappush`, `heappop`, `heapify`, `heapreplace`, `heappushpop`, and the max-heap
//! helpers (`_heappop_max`, `_heapify_max`, `_heapreplace_max` up to 3.13; public
//! `heappush_max`, `heappop_max`, `heapify_max`, `heapreplace_max`, `heappushpop_max` from
//! 3.14). Items are ordered by `<`, compared in the order CPython compares them, and a list
//! that a comparison resizes raises as CPython's does.

use crate::errors;
use crate::object::{type_name_of, types};
use crate::objects::list;
use crate::ops;
use crate::value::Value;

/// Whether `a` comes before `b` in the heap: `a < b` for a min-heap, `b < a` for a max-heap.
fn before(a: Value, b: Value, max: bool) -> Option<bool> {
    if max {
        ops::less_than(b, a)
    } else {
        ops::less_than(a, b)
    }
}

fn changed_size() -> Option<()> {
    errors::runtime_error("list changed size during iteration");
    None
}

/// Moves the item at `pos` up towards `start` while it comes before its parent.
fn sift_down(heap: Value, start: usize, mut pos: usize, max: bool) -> Option<()> {
    let size = list::len(heap);
    if pos >= size {
        errors::index_error("index out of range");
        return None;
    }
    let item = list::items(heap)[pos];
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = list::items(heap)[parent_pos];
        let earlier = before(item, parent, max)?;
        if list::len(heap) != size {
            return changed_size();
        }
        if !earlier {
            break;
        }
        let items = list::items_mut(heap);
        items[pos] = items[parent_pos];
        items[parent_pos] = item;
        pos = parent_pos;
    }
    Some(())
}

/// Moves the item at `pos` down to a leaf along the earlier children, then back up to its
/// place (fewer comparisons than stopping early, as CPython's heapq does).
fn sift_up(heap: Value, mut pos: usize, max: bool) -> Option<()> {
    let end = list::len(heap);
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let items = list::items(heap);
            let left_first = before(items[child], items[child + 1], max)?;
            if list::len(heap) != end {
                return changed_size();
            }
            if !left_first {
                child += 1;
            }
        }
        let items = list::items_mut(heap);
        items.swap(child, pos);
        pos = child;
    }
    sift_down(heap, start, pos, max)
}

/// Whether `v` is a list; false with CPython's TypeError (worded as 3.10 on words it)
/// otherwise. `what` is the argument's number, empty for a function of one argument.
fn heap_arg(fname: &str, v: Value, what: &str) -> bool {
    let ok = !v.is_small() && crate::object::isinstance(v, types().list);
    if !ok {
        // Argument Clinic names None by itself, anything else by its type.
        let got = if v == crate::object::none() {
            "None"
        } else {
            type_name_of(v)
        };
        if crate::sys::bytecode_version() < (3, 10) {
            errors::type_error("heap argument must be a list");
        } else if what.is_empty() {
            errors::type_error(&format!("{fname}() argument must be list, not {got}"));
        } else {
            errors::type_error(&format!(
                "{fname}() argument {what} must be list, not {got}"
            ));
        }
    }
    ok
}

/// Checks the argument count and that the first one is a list.
/// Functions of one argument are named by their module in those errors from 3.9 on.
fn args_of(fname: &str, a: &[Value], k: Value, n: usize) -> bool {
    let qualified = if n == 1 && crate::sys::bytecode_version() >= (3, 9) {
        format!("_heapq.{fname}")
    } else {
        fname.to_string()
    };
    if !super::check_plain(&qualified, a, k, n, n) {
        return false;
    }
    heap_arg(fname, a[0], if n == 1 { "" } else { "1" })
}

fn push(fname: &str, a: &[Value], k: Value, max: bool) -> Value {
    if !args_of(fname, a, k, 2) || !list::append(a[0], a[1]) {
        return Value::NULL;
    }
    match sift_down(a[0], 0, list::len(a[0]) - 1, max) {
        Some(()) => crate::object::none(),
        None => Value::NULL,
    }
}

fn pop(fname: &str, a: &[Value], k: Value, max: bool) -> Value {
    if !args_of(fname, a, k, 1) {
        return Value::NULL;
    }
    let heap = a[0];
    let n = list::len(heap);
    if n == 0 {
        return errors::index_error("index out of range");
    }
    let last = list::items(heap)[n - 1];
    if list::delitem(heap, Value::from_small(n as i64 - 1)) != 0 {
        return Value::NULL;
    }
    if n == 1 {
        return last;
    }
    let items = list::items_mut(heap);
    let top = items[0];
    items[0] = last;
    match sift_up(heap, 0, max) {
        Some(()) => top,
        None => Value::NULL,
    }
}

fn replace(fname: &str, a: &[Value], k: Value, max: bool) -> Value {
    if !args_of(fname, a, k, 2) {
        return Value::NULL;
    }
    let heap = a[0];
    if list::len(heap) == 0 {
        return errors::index_error("index out of range");
    }
    let items = list::items_mut(heap);
    let top = items[0];
    items[0] = a[1];
    match sift_up(heap, 0, max) {
        Some(()) => top,
        None => Value::NULL,
    }
}

fn pushpop(fname: &str, a: &[Value], k: Value, max: bool) -> Value {
    if !args_of(fname, a, k, 2) {
        return Value::NULL;
    }
    let (heap, item) = (a[0], a[1]);
    if list::len(heap) == 0 {
        return item;
    }
    let top = list::items(heap)[0];
    match before(top, item, max) {
        None => return Value::NULL,
        Some(false) => return item,
        Some(true) => {}
    }
    if list::len(heap) == 0 {
        return errors::index_error("index out of range");
    }
    let items = list::items_mut(heap);
    let top = items[0];
    items[0] = item;
    match sift_up(heap, 0, max) {
        Some(()) => top,
        None => Value::NULL,
    }
}

fn heapify(fname: &str, a: &[Value], k: Value, max: bool) -> Value {
    if !args_of(fname, a, k, 1) {
        return Value::NULL;
    }
    let heap = a[0];
    for i in (0..list::len(heap) / 2).rev() {
        if sift_up(heap, i, max).is_none() {
            return Value::NULL;
        }
    }
    crate::object::none()
}

fn h_heappush(a: &[Value], k: Value) -> Value {
    push("heappush", a, k, false)
}
fn h_heappop(a: &[Value], k: Value) -> Value {
    pop("heappop", a, k, false)
}
fn h_heapreplace(a: &[Value], k: Value) -> Value {
    replace("heapreplace", a, k, false)
}
fn h_heappushpop(a: &[Value], k: Value) -> Value {
    pushpop("heappushpop", a, k, false)
}
fn h_heapify(a: &[Value], k: Value) -> Value {
    heapify("heapify", a, k, false)
}

fn h_heappush_max(a: &[Value], k: Value) -> Value {
    push("heappush_max", a, k, true)
}
fn h_heappop_max(a: &[Value], k: Value) -> Value {
    pop(max_name("heappop_max"), a, k, true)
}
fn h_heapreplace_max(a: &[Value], k: Value) -> Value {
    replace(max_name("heapreplace_max"), a, k, true)
}
fn h_heappushpop_max(a: &[Value], k: Value) -> Value {
    pushpop("heappushpop_max", a, k, true)
}
fn h_heapify_max(a: &[Value], k: Value) -> Value {
    heapify(max_name("heapify_max"), a, k, true)
}

/// Whether the max-heap functions are public (3.14) rather than `_`-prefixed helpers.
fn public_max() -> bool {
    crate::sys::bytecode_version() >= (3, 14)
}

/// A max-heap function's name in this version.
fn max_name(public: &'static str) -> &'static str {
    if public_max() {
        public
    } else {
        match public {
            "heappop_max" => "_heappop_max",
            "heapreplace_max" => "_heapreplace_max",
            _ => "_heapify_max",
        }
    }
}

pub fn create() -> Value {
    type F = crate::objects::builtin_function::NativeFn;
    let mut fns: Vec<(&str, F)> = vec![
        ("heappush", h_heappush),
        ("heappop", h_heappop),
        ("heapify", h_heapify),
        ("heapreplace", h_heapreplace),
        ("heappushpop", h_heappushpop),
    ];
    if public_max() {
        fns.extend_from_slice(&[
            ("heappush_max", h_heappush_max as F),
            ("heappop_max", h_heappop_max),
            ("heapify_max", h_heapify_max),
            ("heapreplace_max", h_heapreplace_max),
            ("heappushpop_max", h_heappushpop_max),
        ]);
    } else {
        fns.extend_from_slice(&[
            ("_heappop_max", h_heappop_max as F),
            ("_heapify_max", h_heapify_max),
            ("_heapreplace_max", h_heapreplace_max),
        ]);
    }
    super::with_functions("_heapq", &fns)
}
