//! The standard streams: `sys.stdout` (buffered, flushed at exit) and `sys.stderr`, as objects
//! with `write` and `flush`, and the byte-level writes `print` uses.

use crate::object::{alloc_object, none, types};
use crate::objects::builtin_function::{add_method, check_args};
use crate::objects::str as pystr;
use crate::value::{Header, Value};
use std::io::Write;

#[repr(C)]
pub struct StreamObject {
    pub header: Header,
    pub fd: i64,
}

static mut STDOUT_BUF: Vec<u8> = Vec::new();
pub static mut STDOUT: Value = Value::NULL;
pub static mut STDERR: Value = Value::NULL;

pub fn new_stream(fd: i64) -> Value {
    let v = alloc_object(types().stream, std::mem::size_of::<StreamObject>());
    unsafe { (*v.ptr::<StreamObject>()).fd = fd };
    v
}

pub fn fd_of(v: Value) -> i64 {
    unsafe { (*v.ptr::<StreamObject>()).fd }
}

/// Writes text to fd 1 (buffered) or 2 (unbuffered). False with the OSError set when the
/// write failed (`BrokenPipeError` for a closed pipe, as CPython raises: SIGPIPE is ignored).
pub fn write_fd(fd: i64, s: &[u8]) -> bool {
    unsafe {
        if fd == 1 {
            let b = &mut *std::ptr::addr_of_mut!(STDOUT_BUF);
            b.extend_from_slice(s);
            if b.len() >= 8192 {
                return flush_stdout_raising();
            }
            true
        } else {
            match std::io::stderr().write_all(s) {
                Ok(()) => true,
                Err(e) => raise_io_error(&e),
            }
        }
    }
}

fn raise_io_error(e: &std::io::Error) -> bool {
    let errno = e.raw_os_error().unwrap_or(5) as i64;
    let text = match errno {
        32 => "Broken pipe".to_string(),
        _ => e.to_string(),
    };
    crate::objects::exception::raise_os_error(errno, &text, Value::NULL);
    false
}

/// Writes out buffered stdout. On failure the buffer is dropped (as CPython's buffered writer
/// drops what a broken pipe refused) and the error is returned.
fn write_out_stdout() -> std::io::Result<()> {
    unsafe {
        let b = &mut *std::ptr::addr_of_mut!(STDOUT_BUF);
        if b.is_empty() {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        let r = out.write_all(b).and_then(|_| out.flush());
        b.clear();
        r
    }
}

/// Flushes buffered stdout, raising the OSError of a failed write.
pub fn flush_stdout_raising() -> bool {
    match write_out_stdout() {
        Ok(()) => true,
        Err(e) => raise_io_error(&e),
    }
}

/// Flushes buffered stdout at exit; false when the write failed (closed pipe).
pub fn flush_stdout() -> bool {
    write_out_stdout().is_ok()
}

/// CPython ignores SIGPIPE, so writing to a closed pipe is a `BrokenPipeError`, not death by
/// signal.
pub fn ignore_sigpipe() {
    extern "C" {
        fn signal(sig: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_IGN: usize = 1;
    unsafe {
        signal(SIGPIPE, SIG_IGN);
    }
}

fn m_write(a: &[Value], k: Value) -> Value {
    if !check_args("write", a, k, 1, 1) {
        return Value::NULL;
    }
    if !pystr::is_str(a[1]) {
        return crate::errors::type_error(&format!(
            "write() argument must be str, not {}",
            crate::object::type_name_of(a[1])
        ));
    }
    let s = pystr::as_str(a[1]);
    if !write_fd(fd_of(a[0]), s.as_bytes()) {
        return Value::NULL;
    }
    Value::from_small(pystr::char_len(a[1]) as i64)
}

fn m_flush(a: &[Value], k: Value) -> Value {
    if !check_args("flush", a, k, 0, 0) {
        return Value::NULL;
    }
    if fd_of(a[0]) == 1 && !flush_stdout_raising() {
        return Value::NULL;
    }
    none()
}

pub fn init() {
    add_method(types().stream, "write", m_write);
    add_method(types().stream, "flush", m_flush);
    unsafe {
        STDOUT = new_stream(1);
        STDERR = new_stream(2);
    }
}
