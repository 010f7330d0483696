//! `atexit`: functions run when the program ends normally, by `sys.exit`, or by an uncaught
//! exception (after its traceback), last registered first, as CPython runs them at
//! finalization. `os._exit` and deaths by signal skip them. An exception in a callback is
//! reported on stderr and the others still run.

use crate::errors;
use crate::object::none;
use crate::objects::{list, str as pystr, tuple};
use crate::value::Value;

/// The registered callbacks: a list of (function, arguments, keyword names) tuples, the
/// arguments with the keyword values at their end. A static the collector scans.
static mut CALLBACKS: Value = Value::NULL;

fn callbacks() -> Value {
    unsafe {
        if CALLBACKS.is_null() {
            CALLBACKS = list::with_capacity(0);
        }
        CALLBACKS
    }
}

fn a_register(a: &[Value], k: Value) -> Value {
    let nkw = if k.is_null() { 0 } else { tuple::len(k) };
    if a.len() == nkw {
        return errors::type_error("register() takes at least 1 argument (0 given)");
    }
    let f = a[0];
    if !crate::ops::is_callable(f) {
        return errors::type_error("the first argument must be callable");
    }
    let args = tuple::new(&a[1..]);
    if args.is_null() {
        return args;
    }
    let entry = tuple::new(&[f, args, if nkw == 0 { none() } else { k }]);
    if entry.is_null() || !list::append(callbacks(), entry) {
        return Value::NULL;
    }
    f
}

fn a_unregister(a: &[Value], k: Value) -> Value {
    if !super::check_plain("unregister", a, k, 1, 1) {
        return Value::NULL;
    }
    let cbs = callbacks();
    let mut i = 0;
    while i < list::len(cbs) {
        let f = tuple::items(list::items(cbs)[i])[0];
        let eq = crate::ops::eq(f, a[0]);
        match eq {
            None => return Value::NULL,
            Some(true) => {
                if list::delitem(cbs, Value::from_small(i as i64)) != 0 {
                    return Value::NULL;
                }
            }
            Some(false) => i += 1,
        }
    }
    none()
}

/// Runs and forgets the callbacks, last registered first.
pub fn run_callbacks() {
    let cbs = unsafe { CALLBACKS };
    if cbs.is_null() {
        return;
    }
    while list::len(cbs) > 0 {
        let n = list::len(cbs);
        let entry = list::items(cbs)[n - 1];
        list::delitem(cbs, Value::from_small(n as i64 - 1));
        let e = tuple::items(entry);
        let kw = if e[2] == none() { Value::NULL } else { e[2] };
        let r = crate::ops::call(e[0], tuple::items(e[1]), kw);
        if r.is_null() {
            let exc = errors::fetch();
            crate::io::flush_stdout();
            let what = crate::ops::repr(e[0]);
            let what = if what.is_null() {
                errors::fetch();
                String::from("<callback>")
            } else {
                pystr::as_str(what).to_string()
            };
            let _ = crate::io::write_fd(
                2,
                format!("Exception ignored in atexit callback: {what}\n").as_bytes(),
            );
            crate::traceback::print_exception(exc);
        }
    }
}

fn a_run_exitfuncs(a: &[Value], k: Value) -> Value {
    if !super::check_plain("_run_exitfuncs", a, k, 0, 0) {
        return Value::NULL;
    }
    run_callbacks();
    none()
}

fn a_clear(a: &[Value], k: Value) -> Value {
    if !super::check_plain("_clear", a, k, 0, 0) {
        return Value::NULL;
    }
    let cbs = callbacks();
    while list::len(cbs) > 0 {
        list::delitem(cbs, Value::from_small(list::len(cbs) as i64 - 1));
    }
    none()
}

fn a_ncallbacks(a: &[Value], k: Value) -> Value {
    if !super::check_plain("_ncallbacks", a, k, 0, 0) {
        return Value::NULL;
    }
    Value::from_small(list::len(callbacks()) as i64)
}

pub fn create() -> Value {
    super::with_functions(
        "atexit",
        &[
            ("register", a_register),
            ("unregister", a_unregister),
            ("_run_exitfuncs", a_run_exitfuncs),
            ("_clear", a_clear),
            ("_ncallbacks", a_ncallbacks),
        ],
    )
}
