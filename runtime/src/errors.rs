//! The exception state of the (single) thread and helpers to raise built-in exceptions.
//!
//! Decision 3 of the design: a failing runtime function stores the exception here and returns
//! `Value::NULL` (or a negative status); compiled code branches on that to its handler or exit.

use crate::object::{exc_types, none, type_of, TypeObject};
use crate::objects::{exception, str as pystr};
use crate::value::Value;

/// The exception being raised, between the raise and the handler that takes it.
pub static mut CURRENT: Value = Value::NULL;
/// The exception being handled (`sys.exc_info()`), set by `except` blocks.
pub static mut HANDLED: Value = Value::NULL;

#[inline]
pub fn occurred() -> bool {
    unsafe { !CURRENT.is_null() }
}

/// Takes the exception being raised, leaving none.
pub fn fetch() -> Value {
    unsafe {
        let e = CURRENT;
        CURRENT = Value::NULL;
        e
    }
}

pub fn current() -> Value {
    unsafe { CURRENT }
}

pub fn handled() -> Value {
    unsafe { HANDLED }
}

pub fn set_handled(v: Value) {
    unsafe { HANDLED = v }
}

/// Raises the exception instance `exc`, linking `__context__` to the one being handled.
pub fn raise(exc: Value) -> Value {
    unsafe {
        let h = HANDLED;
        if !h.is_null() && h != exc && h != none() {
            exception::set_context_chain(exc, h);
        }
        CURRENT = exc;
    }
    Value::NULL
}

/// Re-raises `exc` as it is (bare `raise`, `RERAISE`): no new context.
pub fn reraise(exc: Value) -> Value {
    unsafe { CURRENT = exc };
    Value::NULL
}

/// Raises a new instance of `ty` with one string argument.
pub fn raise_msg(ty: *mut TypeObject, msg: &str) -> Value {
    let e = exception::new(ty, &[pystr::new(msg)]);
    if e.is_null() {
        return e;
    }
    raise(e)
}

/// Raises a new instance of `ty` with the given arguments.
pub fn raise_args(ty: *mut TypeObject, args: &[Value]) -> Value {
    let e = exception::new(ty, args);
    if e.is_null() {
        return e;
    }
    raise(e)
}

pub fn type_error(msg: &str) -> Value {
    raise_msg(exc_types().type_error, msg)
}
pub fn value_error(msg: &str) -> Value {
    raise_msg(exc_types().value_error, msg)
}
pub fn index_error(msg: &str) -> Value {
    raise_msg(exc_types().index_error, msg)
}
pub fn overflow_error(msg: &str) -> Value {
    raise_msg(exc_types().overflow_error, msg)
}
/// ZeroDivisionError with the message of the bytecode's version: `msg` is worded as 3.11-3.13
/// word it; 3.14 says "division by zero" for every division, modulo and divmod, and "zero" for
/// "0.0" in powers.
pub fn zero_division(msg: &str) -> Value {
    let msg = if crate::sys::bytecode_version() >= (3, 14) {
        match msg {
            "float division by zero"
            | "float floor division by zero"
            | "float modulo"
            | "float divmod()"
            | "integer division or modulo by zero"
            | "integer modulo by zero"
            | "complex division by zero" => "division by zero",
            "0.0 cannot be raised to a negative power" => "zero to a negative power",
            "0.0 to a negative or complex power" => "zero to a negative or complex power",
            other => other,
        }
    } else {
        msg
    };
    raise_msg(exc_types().zero_division_error, msg)
}
pub fn attribute_error(msg: &str) -> Value {
    raise_msg(exc_types().attribute_error, msg)
}
pub fn runtime_error(msg: &str) -> Value {
    raise_msg(exc_types().runtime_error, msg)
}
pub fn not_implemented(msg: &str) -> Value {
    raise_msg(exc_types().not_implemented_error, msg)
}
pub fn key_error(key: Value) -> Value {
    raise_args(exc_types().key_error, &[key])
}

/// `MemoryError`, raised without allocating when memory is gone.
#[cold]
#[inline(never)]
pub fn no_memory() -> Value {
    unsafe {
        CURRENT = exception::preallocated_memory_error();
    }
    Value::NULL
}

/// Does the exception being raised match `ty`?
pub fn current_matches(ty: *mut TypeObject) -> bool {
    let c = current();
    !c.is_null() && crate::object::is_subtype(type_of(c), ty)
}
