//! Traceback entries, added as an exception leaves each frame, and the printing of an uncaught
//! exception in CPython's format (chained exceptions included).

use crate::errors;
use crate::frame::Frame;
use crate::object::{alloc_object, none, type_of, types};
use crate::objects::exception;
use crate::objects::str as pystr;
use crate::value::{Header, Value};

#[repr(C)]
pub struct TracebackObject {
    pub header: Header,
    pub next: Value,
    pub code: Value,
    pub line: i64,
}

/// Records that the exception being raised passed through `frame` at `line`.
pub fn here(frame: *mut Frame, line: i64) {
    let exc = errors::current();
    if exc.is_null() || !exception::is_exception(exc) {
        return;
    }
    let tb = alloc_object(types().traceback, std::mem::size_of::<TracebackObject>());
    if tb.is_null() {
        return;
    }
    unsafe {
        let o = tb.ptr::<TracebackObject>();
        let e = exception::get(exc);
        (*o).next = if e.traceback == none() { Value::NULL } else { e.traceback };
        (*o).code = Value::from_ptr((*frame).code as *mut crate::objects::code::CodeObject);
        (*o).line = line;
        e.traceback = tb;
    }
}

fn print_one(exc: Value, out: &mut String) {
    let e = exception::get(exc);
    let mut tb = e.traceback;
    if tb != none() && !tb.is_null() {
        out.push_str("Traceback (most recent call last):\n");
        while !tb.is_null() && tb != none() {
            unsafe {
                let o = tb.ptr::<TracebackObject>();
                let c = crate::objects::code::get((*o).code);
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    pystr::as_str(c.filename),
                    (*o).line,
                    pystr::as_str(c.name)
                ));
                tb = (*o).next;
            }
        }
    }
    let name = crate::objects::type_::qualified_name(type_of(exc));
    let s = exception::str_of(exc);
    let text = if s.is_null() {
        errors::fetch();
        "<exception str() failed>".to_string()
    } else {
        pystr::as_str(s).to_string()
    };
    if text.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {text}\n"));
    }
}

fn print_chain(exc: Value, out: &mut String, seen: &mut Vec<Value>) {
    seen.push(exc);
    let e = exception::get(exc);
    if exception::is_exception(e.cause) && !seen.contains(&e.cause) {
        print_chain(e.cause, out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if exception::is_exception(e.context) && !e.suppress_context && !seen.contains(&e.context) {
        print_chain(e.context, out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    print_one(exc, out);
}

/// Prints an uncaught exception to stderr as CPython does.
pub fn print_exception(exc: Value) {
    let mut out = String::new();
    if exception::is_exception(exc) {
        print_chain(exc, &mut out, &mut Vec::new());
    } else {
        out.push_str("<non-exception raised>\n");
    }
    crate::io::write_fd(2, out.as_bytes());
}
