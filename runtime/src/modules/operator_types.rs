//! `operator.itemgetter`, `operator.attrgetter` and `operator.methodcaller`: callable objects
//! that fetch items, (dotted) attributes or call a named method of their argument, with
//! CPython's reprs, `__reduce__` and errors. Each is a final built-in type whose instances
//! keep what they were made with in slot words.

use crate::errors;
use crate::object::{new_builtin_type, type_of, Kind, TypeObject, TF_FINAL, TF_NO_DICT};
use crate::objects::builtin_function::{add_method, add_static, NativeFn};
use crate::objects::type_::{alloc_instance_of, slot_ptr};
use crate::objects::{dict, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

static mut ITEMGETTER: *mut TypeObject = std::ptr::null_mut();
static mut ATTRGETTER: *mut TypeObject = std::ptr::null_mut();
static mut METHODCALLER: *mut TypeObject = std::ptr::null_mut();

fn slot(v: Value, i: usize) -> Value {
    unsafe { *slot_ptr(v, i) }
}

fn set_slot(v: Value, i: usize, x: Value) {
    unsafe { *slot_ptr(v, i) = x }
}

fn kw_count(k: Value) -> usize {
    if k.is_null() {
        0
    } else {
        tuple::len(k)
    }
}

fn no_keywords(name: &str, k: Value) -> bool {
    if kw_count(k) > 0 {
        errors::type_error(&format!("{name}() takes no keyword arguments"));
        return false;
    }
    true
}

/// Checks that a getter is called with exactly one argument and no keywords.
fn one_argument(name: &str, a: &[Value], k: Value) -> bool {
    if !no_keywords(name, k) {
        return false;
    }
    let n = a.len() - 1;
    if n != 1 {
        errors::type_error(&format!("{name} expected 1 argument, got {n}"));
        return false;
    }
    true
}

/// The repr of each of `items`, joined by ", "; None with an exception.
fn reprs(items: &[Value]) -> Option<Vec<String>> {
    items
        .iter()
        .map(|v| {
            let r = ops::repr(*v);
            (!r.is_null()).then(|| pystr::as_str(r).to_string())
        })
        .collect()
}

// ---- itemgetter ------------------------------------------------------------------------------

/// Slot 0: the tuple of keys.
fn ig_new(a: &[Value], k: Value) -> Value {
    if !no_keywords("itemgetter", k) {
        return Value::NULL;
    }
    if a.len() < 2 {
        return errors::type_error("itemgetter expected 1 argument, got 0");
    }
    let v = alloc_instance_of(unsafe { ITEMGETTER });
    if !v.is_null() {
        set_slot(v, 0, tuple::new(&a[1..]));
    }
    v
}

fn ig_call(a: &[Value], k: Value) -> Value {
    if !one_argument("itemgetter", a, k) {
        return Value::NULL;
    }
    let keys = tuple::items(slot(a[0], 0));
    if keys.len() == 1 {
        return ops::getitem(a[1], keys[0]);
    }
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let x = ops::getitem(a[1], *key);
        if x.is_null() {
            return x;
        }
        out.push(x);
    }
    tuple::new(&out)
}

fn ig_repr(a: &[Value], _k: Value) -> Value {
    match reprs(tuple::items(slot(a[0], 0))) {
        Some(r) => pystr::new(&format!("operator.itemgetter({})", r.join(", "))),
        None => Value::NULL,
    }
}

fn ig_reduce(a: &[Value], _k: Value) -> Value {
    tuple::new(&[Value::from_ptr(type_of(a[0])), slot(a[0], 0)])
}

// ---- attrgetter ------------------------------------------------------------------------------

/// Slot 0: the names as given; slot 1: for each, the tuple of its dotted parts.
fn ag_new(a: &[Value], k: Value) -> Value {
    if !no_keywords("attrgetter", k) {
        return Value::NULL;
    }
    if a.len() < 2 {
        return errors::type_error("attrgetter expected 1 argument, got 0");
    }
    let mut paths = Vec::with_capacity(a.len() - 1);
    for name in &a[1..] {
        if !pystr::is_str(*name) {
            return errors::type_error("attribute name must be a string");
        }
        let parts: Vec<Value> = pystr::as_str(*name).split('.').map(pystr::intern).collect();
        paths.push(tuple::new(&parts));
    }
    let v = alloc_instance_of(unsafe { ATTRGETTER });
    if !v.is_null() {
        set_slot(v, 0, tuple::new(&a[1..]));
        set_slot(v, 1, tuple::new(&paths));
    }
    v
}

fn follow(obj: Value, path: Value) -> Value {
    let mut v = obj;
    for part in tuple::items(path) {
        v = ops::getattr(v, *part);
        if v.is_null() {
            return v;
        }
    }
    v
}

fn ag_call(a: &[Value], k: Value) -> Value {
    if !one_argument("attrgetter", a, k) {
        return Value::NULL;
    }
    let paths = tuple::items(slot(a[0], 1));
    if paths.len() == 1 {
        return follow(a[1], paths[0]);
    }
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        let x = follow(a[1], *p);
        if x.is_null() {
            return x;
        }
        out.push(x);
    }
    tuple::new(&out)
}

fn ag_repr(a: &[Value], _k: Value) -> Value {
    match reprs(tuple::items(slot(a[0], 0))) {
        Some(r) => pystr::new(&format!("operator.attrgetter({})", r.join(", "))),
        None => Value::NULL,
    }
}

fn ag_reduce(a: &[Value], _k: Value) -> Value {
    tuple::new(&[Value::from_ptr(type_of(a[0])), slot(a[0], 0)])
}

// ---- methodcaller ----------------------------------------------------------------------------

/// Slot 0: the method name; slot 1: the positional arguments; slot 2: the keyword ones (a
/// dict).
fn mc_new(a: &[Value], k: Value) -> Value {
    let nkw = kw_count(k);
    let npos = a.len() - 1 - nkw;
    if npos < 1 {
        return errors::type_error("methodcaller needs at least one argument, the method name");
    }
    let name = a[1];
    if !pystr::is_str(name) {
        return errors::type_error("method name must be a string");
    }
    let kwargs = dict::new();
    for i in 0..nkw {
        dict::set_item(kwargs, tuple::items(k)[i], a[1 + npos + i]);
    }
    let v = alloc_instance_of(unsafe { METHODCALLER });
    if !v.is_null() {
        set_slot(v, 0, pystr::intern(pystr::as_str(name)));
        set_slot(v, 1, tuple::new(&a[2..1 + npos]));
        set_slot(v, 2, kwargs);
    }
    v
}

fn mc_call(a: &[Value], k: Value) -> Value {
    if !one_argument("methodcaller", a, k) {
        return Value::NULL;
    }
    let m = ops::getattr(a[1], slot(a[0], 0));
    if m.is_null() {
        return m;
    }
    let mut args: Vec<Value> = tuple::items(slot(a[0], 1)).to_vec();
    let kw = dict::items(slot(a[0], 2));
    if kw.is_empty() {
        return ops::call(m, &args, Value::NULL);
    }
    let names: Vec<Value> = kw.iter().map(|(n, _)| *n).collect();
    args.extend(kw.iter().map(|(_, v)| *v));
    ops::call(m, &args, tuple::new(&names))
}

fn mc_repr(a: &[Value], _k: Value) -> Value {
    let name = ops::repr(slot(a[0], 0));
    if name.is_null() {
        return name;
    }
    let mut parts = vec![pystr::as_str(name).to_string()];
    match reprs(tuple::items(slot(a[0], 1))) {
        Some(r) => parts.extend(r),
        None => return Value::NULL,
    }
    for (n, v) in dict::items(slot(a[0], 2)) {
        let r = ops::repr(v);
        if r.is_null() {
            return r;
        }
        parts.push(format!("{}={}", pystr::as_str(n), pystr::as_str(r)));
    }
    pystr::new(&format!("operator.methodcaller({})", parts.join(", ")))
}

/// `(methodcaller, (name, *args))`; with keywords, `(partial(methodcaller, name, **kwargs),
/// args)`, as CPython pickles it.
fn mc_reduce(a: &[Value], _k: Value) -> Value {
    let v = a[0];
    let cls = Value::from_ptr(type_of(v));
    let kw = dict::items(slot(v, 2));
    if kw.is_empty() {
        let mut args = vec![slot(v, 0)];
        args.extend_from_slice(tuple::items(slot(v, 1)));
        return tuple::new(&[cls, tuple::new(&args)]);
    }
    let functools = crate::import::import_absolute("functools");
    if functools.is_null() {
        return functools;
    }
    let partial = ops::getattr(functools, pystr::intern("partial"));
    if partial.is_null() {
        return partial;
    }
    let names: Vec<Value> = kw.iter().map(|(n, _)| *n).collect();
    let mut args = vec![cls, slot(v, 0)];
    args.extend(kw.iter().map(|(_, x)| *x));
    let p = ops::call(partial, &args, tuple::new(&names));
    if p.is_null() {
        return p;
    }
    tuple::new(&[p, slot(v, 1)])
}

// ---- the types -------------------------------------------------------------------------------

fn make(name: &str, nslots: u32, new: NativeFn, methods: &[(&str, NativeFn)]) -> *mut TypeObject {
    let t = new_builtin_type(name, Kind::Object, crate::object::types().object);
    unsafe {
        (*t).flags |= TF_FINAL | TF_NO_DICT;
        (*t).nslots = nslots;
        (*t).module = pystr::intern("operator");
    }
    add_static(t, "__new__", new);
    for (n, f) in methods {
        add_method(t, n, *f);
    }
    t
}

/// Puts the three types into the module dict `d` (made once).
pub fn add_to(d: Value) {
    unsafe {
        if ITEMGETTER.is_null() {
            ITEMGETTER = make(
                "itemgetter",
                1,
                ig_new,
                &[
                    ("__call__", ig_call),
                    ("__repr__", ig_repr),
                    ("__reduce__", ig_reduce),
                ],
            );
            ATTRGETTER = make(
                "attrgetter",
                2,
                ag_new,
                &[
                    ("__call__", ag_call),
                    ("__repr__", ag_repr),
                    ("__reduce__", ag_reduce),
                ],
            );
            METHODCALLER = make(
                "methodcaller",
                3,
                mc_new,
                &[
                    ("__call__", mc_call),
                    ("__repr__", mc_repr),
                    ("__reduce__", mc_reduce),
                ],
            );
        }
        dict::set_by_name(d, "itemgetter", Value::from_ptr(ITEMGETTER));
        dict::set_by_name(d, "attrgetter", Value::from_ptr(ATTRGETTER));
        dict::set_by_name(d, "methodcaller", Value::from_ptr(METHODCALLER));
    }
}
