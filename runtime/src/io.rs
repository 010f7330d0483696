//! The standard output streams: `sys.stdout` (buffered, flushed at exit) and `sys.stderr`, as
//! text streams with their byte layers (`.buffer`), and the byte-level writes `print` uses.
//! `sys.stdin` is a file object (`file::stdin`).

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

/// The type of `sys.stdout.buffer` and `sys.stderr.buffer`: the byte layer under the text
/// stream, writing to the same descriptor through the same buffer (so the two never reorder).
static mut BUFFER_TYPE: *mut crate::object::TypeObject = std::ptr::null_mut();
static mut STDOUT_BUFFER: Value = Value::NULL;
static mut STDERR_BUFFER: Value = Value::NULL;

static mut STDOUT_BUF: Vec<u8> = Vec::new();
pub static mut STDOUT: Value = Value::NULL;
pub static mut STDERR: Value = Value::NULL;
/// `sys.__stdin__`: a file object over descriptor 0 (`file::stdin`), made when `sys` is.
pub static mut STDIN: Value = Value::NULL;

pub fn new_stream(fd: i64) -> Value {
    new_stream_of(types().stream, fd)
}

fn new_stream_of(t: *mut crate::object::TypeObject, fd: i64) -> Value {
    let v = alloc_object(t, std::mem::size_of::<StreamObject>());
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

/// `buffer.write(b)`: the bytes of a bytes-like object, unchanged.
fn m_write_bytes(a: &[Value], k: Value) -> Value {
    if !check_args("write", a, k, 1, 1) {
        return Value::NULL;
    }
    if a[1].is_small() || !crate::objects::bytes::is_bytes_like(a[1]) {
        return crate::errors::type_error(&format!(
            "a bytes-like object is required, not '{}'",
            crate::object::type_name_of(a[1])
        ));
    }
    let b = crate::objects::bytes::data(a[1]);
    if !write_fd(fd_of(a[0]), b) {
        return Value::NULL;
    }
    Value::from_small(b.len() as i64)
}

fn g_buffer(a: &[Value], _k: Value) -> Value {
    unsafe {
        if fd_of(a[0]) == 1 {
            STDOUT_BUFFER
        } else {
            STDERR_BUFFER
        }
    }
}

fn g_buffer_mode(_a: &[Value], _k: Value) -> Value {
    pystr::intern("wb")
}

fn m_isatty(a: &[Value], k: Value) -> Value {
    if !check_args("isatty", a, k, 0, 0) {
        return Value::NULL;
    }
    extern "C" {
        fn isatty(fd: i32) -> i32;
    }
    crate::object::bool_value(unsafe { isatty(fd_of(a[0]) as i32) } == 1)
}

fn m_fileno(a: &[Value], k: Value) -> Value {
    if !check_args("fileno", a, k, 0, 0) {
        return Value::NULL;
    }
    Value::from_small(fd_of(a[0]))
}

fn m_true(_a: &[Value], _k: Value) -> Value {
    crate::object::bool_value(true)
}

fn m_false(_a: &[Value], _k: Value) -> Value {
    crate::object::bool_value(false)
}

fn g_name(a: &[Value], _k: Value) -> Value {
    pystr::intern(if fd_of(a[0]) == 1 {
        "<stdout>"
    } else {
        "<stderr>"
    })
}

fn g_encoding(_a: &[Value], _k: Value) -> Value {
    pystr::intern("utf-8")
}

fn g_errors(a: &[Value], _k: Value) -> Value {
    pystr::intern(if fd_of(a[0]) == 1 {
        "strict"
    } else {
        "backslashreplace"
    })
}

fn g_mode(_a: &[Value], _k: Value) -> Value {
    pystr::intern("w")
}

pub fn init() {
    use crate::objects::descriptor::add_getter;
    let buffer = crate::object::new_builtin_type(
        "BufferedWriter",
        crate::object::Kind::Stream,
        types().object,
    );
    unsafe {
        (*buffer).module = pystr::intern("_io");
        BUFFER_TYPE = buffer;
    }
    add_method(types().stream, "write", m_write);
    add_method(buffer, "write", m_write_bytes);
    // What the text streams and their byte layers answer alike.
    for t in [types().stream, buffer] {
        add_method(t, "flush", m_flush);
        add_method(t, "isatty", m_isatty);
        add_method(t, "fileno", m_fileno);
        add_method(t, "writable", m_true);
        add_method(t, "readable", m_false);
        add_method(t, "seekable", m_false);
        add_getter(t, "name", g_name);
        add_getter(t, "closed", m_false);
    }
    add_getter(types().stream, "encoding", g_encoding);
    add_getter(types().stream, "errors", g_errors);
    add_getter(types().stream, "mode", g_mode);
    add_getter(types().stream, "line_buffering", m_false);
    add_getter(types().stream, "buffer", g_buffer);
    add_getter(buffer, "mode", g_buffer_mode);
    unsafe {
        STDOUT = new_stream(1);
        STDERR = new_stream(2);
        STDOUT_BUFFER = new_stream_of(BUFFER_TYPE, 1);
        STDERR_BUFFER = new_stream_of(BUFFER_TYPE, 2);
    }
}
