//! `_functools`: `reduce`, `cmp_to_key` (with its `functools.KeyWrapper` type) and `partial`
//! (in `partial`), which `functools.py` imports over its Python versions. `_lru_cache_wrapper`
//! is not here: `functools.py` keeps its Python one.

use crate::errors;
use crate::object::{new_builtin_type, none, type_of, Kind, TypeObject, TF_FINAL, TF_NO_DICT};
use crate::objects::builtin_function::{add_method, parse_kw};
use crate::objects::type_::{alloc_instance_of, slot_ptr};
use crate::objects::{dict, module, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

static mut KEY_WRAPPER: *mut TypeObject = std::ptr::null_mut();

/// `reduce(function, iterable[, initial])`; from 3.14 `initial` may be passed by keyword.
fn f_reduce(a: &[Value], k: Value) -> Value {
    let kw = if k.is_null() { 0 } else { tuple::len(k) };
    let a: Vec<Value> = if kw > 0 && crate::sys::bytecode_version() >= (3, 14) {
        let positional = a.len() - kw;
        if positional < 2 {
            return errors::type_error(&format!(
                "reduce expected at least 2 positional arguments, got {positional}"
            ));
        }
        let Some(p) = parse_kw("reduce", &a[2..], k, &["initial"], 0) else {
            return Value::NULL;
        };
        let mut v = a[..2].to_vec();
        v.extend(p.into_iter().filter(|x| !x.is_null()));
        v
    } else {
        if !super::check_plain("reduce", a, k, 2, 3) {
            return Value::NULL;
        }
        a.to_vec()
    };
    let f = a[0];
    let it = ops::iter(a[1]);
    if it.is_null() {
        if errors::current_matches(crate::object::exc_types().type_error) {
            errors::fetch();
            return errors::type_error("reduce() arg 2 must support iteration");
        }
        return it;
    }
    let mut acc = a.get(2).copied().unwrap_or(Value::NULL);
    loop {
        let x = ops::next(it);
        if x.is_null() {
            return x;
        }
        if x == Value::DONE {
            break;
        }
        acc = if acc.is_null() {
            x
        } else {
            let r = ops::call(f, &[acc, x], Value::NULL);
            if r.is_null() {
                return r;
            }
            r
        };
    }
    if acc.is_null() {
        let what = if crate::sys::bytecode_version() >= (3, 10) {
            "iterable"
        } else {
            "sequence"
        };
        return errors::type_error(&format!("reduce() of empty {what} with no initial value"));
    }
    acc
}

// ---- cmp_to_key ------------------------------------------------------------------------------

/// A KeyWrapper: slot 0 the comparison function, slot 1 the wrapped object (null in the
/// factory `cmp_to_key` returns).
fn slot(v: Value, i: usize) -> Value {
    unsafe { *slot_ptr(v, i) }
}

fn new_key(cmp: Value, obj: Value) -> Value {
    let v = alloc_instance_of(unsafe { KEY_WRAPPER });
    if !v.is_null() {
        unsafe {
            *slot_ptr(v, 0) = cmp;
            *slot_ptr(v, 1) = obj;
        }
    }
    v
}

fn f_cmp_to_key(a: &[Value], k: Value) -> Value {
    let Some(p) = parse_kw("cmp_to_key", a, k, &["mycmp"], 1) else {
        return Value::NULL;
    };
    new_key(p[0], Value::NULL)
}

/// Calling a KeyWrapper wraps its argument.
fn kw_call(a: &[Value], k: Value) -> Value {
    let Some(p) = parse_kw("K", &a[1..], k, &["obj"], 1) else {
        return Value::NULL;
    };
    new_key(slot(a[0], 0), p[0])
}

fn kw_obj(a: &[Value], _k: Value) -> Value {
    let o = slot(a[0], 1);
    if o.is_null() {
        none()
    } else {
        o
    }
}

/// `self OP other` for two KeyWrappers: `cmp(self.obj, other.obj) OP 0`.
fn key_compare(a: &[Value], k: Value, name: &str, op: u32) -> Value {
    if !crate::objects::builtin_function::check_args(name, a, k, 1, 1) {
        return Value::NULL;
    }
    let other = a[1];
    if other.is_small() || type_of(other) != unsafe { KEY_WRAPPER } {
        return errors::type_error("other argument must be K instance");
    }
    let (x, y) = (slot(a[0], 1), slot(other, 1));
    if x.is_null() || y.is_null() {
        return errors::attribute_error("object");
    }
    let r = ops::call(slot(a[0], 0), &[x, y], Value::NULL);
    if r.is_null() {
        return r;
    }
    ops::compare(r, Value::from_small(0), op)
}

fn kw_lt(a: &[Value], k: Value) -> Value {
    key_compare(a, k, "__lt__", ops::CMP_LT)
}
fn kw_le(a: &[Value], k: Value) -> Value {
    key_compare(a, k, "__le__", ops::CMP_LE)
}
fn kw_eq(a: &[Value], k: Value) -> Value {
    key_compare(a, k, "__eq__", ops::CMP_EQ)
}
fn kw_ne(a: &[Value], k: Value) -> Value {
    key_compare(a, k, "__ne__", ops::CMP_NE)
}
fn kw_gt(a: &[Value], k: Value) -> Value {
    key_compare(a, k, "__gt__", ops::CMP_GT)
}
fn kw_ge(a: &[Value], k: Value) -> Value {
    key_compare(a, k, "__ge__", ops::CMP_GE)
}

fn key_wrapper_type() -> *mut TypeObject {
    unsafe {
        if KEY_WRAPPER.is_null() {
            let t = new_builtin_type("KeyWrapper", Kind::Object, crate::object::types().object);
            (*t).flags |= TF_FINAL | TF_NO_DICT;
            (*t).nslots = 2;
            (*t).module = pystr::intern("functools");
            add_method(t, "__call__", kw_call);
            add_method(t, "__lt__", kw_lt);
            add_method(t, "__le__", kw_le);
            add_method(t, "__eq__", kw_eq);
            add_method(t, "__ne__", kw_ne);
            add_method(t, "__gt__", kw_gt);
            add_method(t, "__ge__", kw_ge);
            crate::objects::descriptor::add_getter(t, "obj", kw_obj);
            dict::set_by_name((*t).dict, "__hash__", none());
            KEY_WRAPPER = t;
        }
        KEY_WRAPPER
    }
}

pub fn create() -> Value {
    key_wrapper_type();
    let m = super::with_functions(
        "_functools",
        &[("reduce", f_reduce), ("cmp_to_key", f_cmp_to_key)],
    );
    if m.is_null() {
        return m;
    }
    let d = module::dict_of(m);
    dict::set_by_name(d, "partial", Value::from_ptr(super::partial::type_object()));
    m
}
