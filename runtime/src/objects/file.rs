//! File objects returned by `open()`: a minimal `_io` with text (`TextIOWrapper`) and binary
//! (`BufferedReader`, `BufferedWriter`, `BufferedRandom`) files: read, readline, readlines,
//! write, writelines, seek, tell, iteration by line, `with` support, and universal newlines.

use crate::errors;
use crate::object::{
    alloc_object, bool_value, exc_types, kind_of, none, type_name_of, types, Kind, TypeObject,
};
use crate::objects::builtin_function::{add_method, check_args, parse_kw, NativeFn};
use crate::objects::{bytes, exception, int, list, str as pystr, tuple};
use crate::ops;
use crate::value::{Header, Value};
use std::io::{Read, Seek, SeekFrom, Write};

/// The Rust side of an open file: the OS file and its buffers.
pub struct FileState {
    file: Option<std::fs::File>,
    /// Bytes read ahead of the logical position, and how many of them were consumed.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Bytes written but not yet passed to the OS.
    wbuf: Vec<u8>,
    /// Whether closing the file closes its descriptor (`open(fd, closefd=False)` keeps it).
    closefd: bool,
    /// A stream (`sys.stdin`): a line is read as soon as it arrives, not after the whole input.
    stream: bool,
}

impl FileState {
    /// Lets go of the OS file, closing its descriptor unless `closefd` is false.
    fn release(&mut self) {
        if let Some(f) = self.file.take() {
            if !self.closefd {
                use std::os::unix::io::IntoRawFd;
                let _ = f.into_raw_fd();
            }
        }
    }
}

#[repr(C)]
pub struct FileObject {
    pub header: Header,
    pub name: Value,
    pub mode: Value,
    pub encoding: Value,
    pub errors: Value,
    pub readable: bool,
    pub writable: bool,
    pub binary: bool,
    pub append: bool,
    /// Universal newlines translated on input (`newline=None`).
    pub translate: bool,
    /// The `newline` argument: 0 None, 1 '', 2 '\n', 3 '\r', 4 '\r\n'.
    pub newline: u8,
    pub state: *mut FileState,
}

static mut BUFFERED_RANDOM: *mut TypeObject = std::ptr::null_mut();

/// The states of the files not yet closed. CPython closes a file as soon as its last reference
/// goes; here a file lives until the collector finds it, so buffered writes are pushed to the
/// OS whenever another file is opened and at exit, where CPython's would have been.
static mut OPEN_FILES: Vec<*mut FileState> = Vec::new();

fn register(s: *mut FileState) {
    unsafe {
        let all = &mut *std::ptr::addr_of_mut!(OPEN_FILES);
        if all.is_empty() {
            extern "C" {
                fn atexit(cb: extern "C" fn()) -> i32;
            }
            static mut HOOKED: bool = false;
            if !HOOKED {
                HOOKED = true;
                atexit(flush_at_exit);
            }
        }
        all.push(s);
    }
}

fn unregister(s: *mut FileState) {
    unsafe { (*std::ptr::addr_of_mut!(OPEN_FILES)).retain(|p| *p != s) };
}

/// Writes every open file's buffered output (errors are ignored, as at interpreter exit).
pub fn flush_all() {
    unsafe {
        for s in (*std::ptr::addr_of!(OPEN_FILES)).iter() {
            let st = &mut **s;
            if let Some(f) = st.file.as_mut() {
                if !st.wbuf.is_empty() {
                    let _ = f.write_all(&st.wbuf);
                    st.wbuf.clear();
                }
            }
        }
    }
}

extern "C" fn flush_at_exit() {
    flush_all();
}
static mut UNSUPPORTED: *mut TypeObject = std::ptr::null_mut();

fn fo(v: Value) -> &'static mut FileObject {
    unsafe { &mut *v.ptr::<FileObject>() }
}

fn state(v: Value) -> Option<&'static mut FileState> {
    let p = fo(v).state;
    if p.is_null() {
        return None;
    }
    unsafe {
        (*p).file.as_ref()?;
        Some(&mut *p)
    }
}

fn closed_error() -> Value {
    errors::value_error("I/O operation on closed file.")
}

fn unsupported(what: &str) -> Value {
    errors::raise_msg(unsafe { UNSUPPORTED }, what)
}

/// An OSError (of the subclass its errno selects) for a failed operation on `filename`.
pub fn os_error(e: &std::io::Error, filename: Value) -> Value {
    let code = e.raw_os_error().unwrap_or(0);
    let msg = e.to_string();
    // Rust appends " (os error N)"; CPython shows strerror alone.
    let strerror = match msg.rfind(" (os error") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    exception::raise_os_error(code as i64, &strerror, filename)
}

fn flush_state(s: &mut FileState, filename: Value) -> bool {
    if s.wbuf.is_empty() {
        return true;
    }
    let f = s.file.as_mut().unwrap();
    if let Err(e) = f.write_all(&s.wbuf) {
        s.wbuf.clear();
        os_error(&e, filename);
        return false;
    }
    s.wbuf.clear();
    true
}

/// Drops read-ahead bytes, moving the OS position back to the logical one.
fn drop_readahead(s: &mut FileState, filename: Value) -> bool {
    let ahead = s.rbuf.len() - s.rpos;
    s.rbuf.clear();
    s.rpos = 0;
    if ahead > 0 {
        if let Err(e) = s
            .file
            .as_mut()
            .unwrap()
            .seek(SeekFrom::Current(-(ahead as i64)))
        {
            os_error(&e, filename);
            return false;
        }
    }
    true
}

/// Reads everything from the logical position to the end into the read buffer.
fn fill_all(s: &mut FileState, filename: Value) -> bool {
    if !flush_state(s, filename) {
        return false;
    }
    let mut rest = Vec::new();
    if let Err(e) = s.file.as_mut().unwrap().read_to_end(&mut rest) {
        os_error(&e, filename);
        return false;
    }
    if s.rpos > 0 {
        s.rbuf.drain(..s.rpos);
        s.rpos = 0;
    }
    s.rbuf.extend_from_slice(&rest);
    true
}

/// For a stream: reads until the buffer holds a whole line (up to a `\n`) or the input
/// ends, blocking only as long as that takes.
fn fill_line(s: &mut FileState, filename: Value) -> bool {
    if s.rpos > 0 {
        s.rbuf.drain(..s.rpos);
        s.rpos = 0;
    }
    let mut chunk = [0u8; 4096];
    while !s.rbuf.contains(&b'\n') {
        let read = {
            let _waiting = crate::signals::Blocked::enter();
            s.file.as_mut().unwrap().read(&mut chunk)
        };
        if crate::signals::pending() && crate::signals::kiln_check_signals() < 0 {
            return false;
        }
        match read {
            Ok(0) => break,
            Ok(n) => s.rbuf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                os_error(&e, filename);
                return false;
            }
        }
    }
    true
}

/// `sys.stdin`: a text stream over descriptor 0 that reads line by line and leaves the
/// descriptor open when closed; None when there is no descriptor 0 (as in CPython).
pub fn stdin() -> Value {
    let f = open(&[Value::from_small(0), pystr::intern("r")], Value::NULL);
    if f.is_null() {
        errors::fetch();
        return none();
    }
    let o = fo(f);
    o.name = pystr::intern("<stdin>");
    o.encoding = pystr::intern("utf-8");
    if let Some(s) = state(f) {
        s.closefd = false;
        s.stream = true;
    }
    f
}

/// The next line of a readable text file as `input()` returns it: without its newline; null
/// with EOFError set at the end of the input.
pub fn input_line(v: Value) -> Value {
    let Some(mut b) = readline_bytes(v, -1) else {
        return Value::NULL;
    };
    if b.is_empty() {
        return errors::raise_msg(exc_types().eof_error, "EOF when reading a line");
    }
    if b.last() == Some(&b'\n') {
        b.pop();
    }
    make_result(v, &b)
}

fn check_open(v: Value) -> Option<&'static mut FileState> {
    let r = state(v);
    if r.is_none() {
        closed_error();
    }
    r
}

fn decode(v: Value, b: &[u8]) -> Value {
    let o = fo(v);
    let text = bytes::decode(b, pystr::as_str(o.encoding), pystr::as_str(o.errors));
    if text.is_null() || !o.translate {
        return text;
    }
    let t = pystr::as_str(text);
    if !t.contains('\r') {
        return text;
    }
    pystr::new(&t.replace("\r\n", "\n").replace('\r', "\n"))
}

fn make_result(v: Value, b: &[u8]) -> Value {
    if fo(v).binary {
        bytes::new(b)
    } else {
        decode(v, b)
    }
}

fn check_readable(v: Value) -> Option<&'static mut FileState> {
    let s = check_open(v)?;
    if !fo(v).readable {
        unsupported("not readable");
        return None;
    }
    Some(s)
}

/// The length in bytes of the next line in `buf` (terminator included), for the file's
/// newline mode (binary files end lines at `\n` only).
fn line_len(buf: &[u8], newline: u8, binary: bool) -> usize {
    let universal = !binary && newline <= 1;
    for (i, &c) in buf.iter().enumerate() {
        match (c, binary, newline) {
            (b'\n', true, _) | (b'\n', false, 0..=2) => return i + 1,
            (b'\r', false, 3) => return i + 1,
            (b'\r', false, 4) if i + 1 < buf.len() && buf[i + 1] == b'\n' => return i + 2,
            (b'\r', false, _) if universal => {
                if i + 1 < buf.len() && buf[i + 1] == b'\n' {
                    return i + 2;
                }
                return i + 1;
            }
            _ => {}
        }
    }
    buf.len()
}

fn readline_bytes(v: Value, limit: i64) -> Option<Vec<u8>> {
    let name = fo(v).name;
    let s = check_readable(v)?;
    if s.stream {
        if !fill_line(s, name) {
            return None;
        }
    } else if s.rpos >= s.rbuf.len() && !fill_all(s, name) {
        return None;
    }
    let avail = &s.rbuf[s.rpos..];
    let o = fo(v);
    let mut n = line_len(avail, o.newline, o.binary);
    if limit >= 0 && (limit as usize) < n {
        n = limit as usize;
        if !o.binary {
            // Cut at a character boundary.
            while n > 0 && n < avail.len() && (avail[n] & 0xc0) == 0x80 {
                n -= 1;
            }
            if n == 0 && limit > 0 {
                n = line_len(avail, o.newline, o.binary).min(4);
            }
        }
    }
    let line = avail[..n].to_vec();
    s.rpos += n;
    Some(line)
}

/// The next line for iteration: a str/bytes, `Value::DONE` at the end, or null.
pub fn next_line(v: Value) -> Value {
    let Some(b) = readline_bytes(v, -1) else {
        return Value::NULL;
    };
    if b.is_empty() {
        return Value::DONE;
    }
    make_result(v, &b)
}

pub fn open(args: &[Value], kw: Value) -> Value {
    let Some(p) = parse_kw(
        "open",
        args,
        kw,
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
    ) else {
        return Value::NULL;
    };
    let mut file = p[0];
    let by_fd = int::is_int(file) && kind_of(file) != crate::object::Kind::Bool;
    if !by_fd && !pystr::is_str(file) && !bytes::is_bytes_like(file) {
        let fspath =
            crate::object::type_lookup(crate::object::type_of(file), pystr::intern("__fspath__"));
        if fspath.is_null() {
            return errors::type_error(&format!(
                "expected str, bytes or os.PathLike object, not {}",
                type_name_of(file)
            ));
        }
        let path = ops::call_dunder(file, "__fspath__", &[]);
        if path.is_null() {
            return path;
        }
        if !pystr::is_str(path) && !bytes::is_bytes_like(path) {
            return errors::type_error(&format!(
                "expected {}.__fspath__() to return str or bytes, not {}",
                type_name_of(file),
                type_name_of(path)
            ));
        }
        file = path;
    }
    let closefd = p[6].is_null() || ops::truthy(p[6]) == 1;
    if !by_fd && !closefd {
        return errors::value_error("Cannot use closefd=False with file name");
    }
    let opener = if p[7].is_null() || p[7] == none() {
        Value::NULL
    } else {
        p[7]
    };
    let mode_v = if p[1].is_null() {
        pystr::intern("r")
    } else {
        p[1]
    };
    if !pystr::is_str(mode_v) {
        return errors::type_error(&format!(
            "open() argument 'mode' must be str, not {}",
            type_name_of(mode_v)
        ));
    }
    let mode = pystr::as_str(mode_v);
    let (mut r, mut w, mut a, mut x, mut plus, mut b, mut t) =
        (false, false, false, false, false, false, false);
    for c in mode.chars() {
        let slot = match c {
            'r' => &mut r,
            'w' => &mut w,
            'a' => &mut a,
            'x' => &mut x,
            '+' => &mut plus,
            'b' => &mut b,
            't' => &mut t,
            _ => return errors::value_error(&format!("invalid mode: '{mode}'")),
        };
        if *slot {
            return errors::value_error(&format!("invalid mode: '{mode}'"));
        }
        *slot = true;
    }
    let n = [r, w, a, x].iter().filter(|f| **f).count();
    if n != 1 || (b && t) {
        if b && t {
            return errors::value_error("can't have text and binary mode at once");
        }
        return errors::value_error("must have exactly one of create/read/write/append mode");
    }
    let text_opt = |v: Value, what: &str| -> Result<Option<String>, ()> {
        if v.is_null() || v == none() {
            return Ok(None);
        }
        if !pystr::is_str(v) {
            errors::type_error(&format!(
                "open() argument '{what}' must be str or None, not {}",
                type_name_of(v)
            ));
            return Err(());
        }
        Ok(Some(pystr::as_str(v).to_string()))
    };
    let Ok(mut encoding) = text_opt(p[3], "encoding") else {
        return Value::NULL;
    };
    // "locale" (what io.text_encoding answers for None): the locale's encoding, UTF-8 here.
    if encoding.as_deref() == Some("locale") {
        encoding = None;
    }
    let Ok(errs) = text_opt(p[4], "errors") else {
        return Value::NULL;
    };
    let Ok(newline) = text_opt(p[5], "newline") else {
        return Value::NULL;
    };
    if b {
        if encoding.is_some() {
            return errors::value_error("binary mode doesn't take an encoding argument");
        }
        if errs.is_some() {
            return errors::value_error("binary mode doesn't take an errors argument");
        }
        if newline.is_some() {
            return errors::value_error("binary mode doesn't take a newline argument");
        }
    }
    if let Some(n) = &newline {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return errors::value_error(&format!("illegal newline value: {n}"));
        }
    }
    if let Some(e) = &encoding {
        let probe = bytes::decode(b"", e, "strict");
        if probe.is_null() {
            return probe;
        }
    }
    flush_all();
    let f = if by_fd || !opener.is_null() {
        let fd = if by_fd {
            file
        } else {
            // The opener gets the path and the flags open(2) would have: O_CLOEXEC with
            // O_RDWR or O_WRONLY/O_RDONLY, O_CREAT, O_TRUNC, O_APPEND, O_EXCL.
            let mut flags: i64 = if plus {
                2
            } else if r {
                0
            } else {
                1
            };
            if w {
                flags |= 0o1100;
            }
            if a {
                flags |= 0o2100;
            }
            if x {
                flags |= 0o300;
            }
            flags |= 0o2000000;
            let fd = ops::call(opener, &[file, Value::from_small(flags)], Value::NULL);
            if fd.is_null() {
                return fd;
            }
            if !int::is_int(fd) {
                return errors::type_error("expected integer from opener");
            }
            fd
        };
        let Some(n) = int::as_i64(fd).filter(|n| (0..=i32::MAX as i64).contains(n)) else {
            if int::as_i64(fd).is_some_and(|n| n < 0) && !by_fd {
                return errors::value_error(&format!("opener returned {}", int::to_decimal(fd)));
            }
            return errors::value_error("negative file descriptor");
        };
        use std::os::unix::io::FromRawFd;
        let f = unsafe { std::fs::File::from_raw_fd(n as i32) };
        if let Err(e) = f.metadata() {
            std::mem::forget(f);
            return os_error(&e, none());
        }
        f
    } else {
        let mut oo = std::fs::OpenOptions::new();
        oo.read(r || plus)
            .write(w || a || x || plus)
            .append(a)
            .truncate(w)
            .create(w || a)
            .create_new(x);
        let path: &std::path::Path = if pystr::is_str(file) {
            std::path::Path::new(pystr::as_str(file))
        } else {
            use std::os::unix::ffi::OsStrExt;
            std::path::Path::new(std::ffi::OsStr::from_bytes(bytes::data(file)))
        };
        match oo.open(path) {
            Ok(f) => f,
            Err(e) => return os_error(&e, file),
        }
    };
    if let Ok(m) = f.metadata() {
        if m.is_dir() {
            return exception::raise_os_error(21, "Is a directory", file);
        }
    }
    let ty = if !b {
        types().text_file
    } else if plus {
        unsafe { BUFFERED_RANDOM }
    } else if r {
        types().buffered_reader
    } else {
        types().buffered_writer
    };
    let v = alloc_object(ty, std::mem::size_of::<FileObject>());
    if v.is_null() {
        return v;
    }
    let st = Box::new(FileState {
        file: Some(f),
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        closefd,
        stream: false,
    });
    let o = fo(v);
    o.name = file;
    o.mode = if b {
        pystr::new(&mode.replace('t', ""))
    } else {
        mode_v
    };
    o.encoding = pystr::new(encoding.as_deref().unwrap_or("UTF-8"));
    o.errors = pystr::new(errs.as_deref().unwrap_or("strict"));
    o.readable = r || plus;
    o.writable = w || a || x || plus;
    o.binary = b;
    o.append = a;
    o.translate = newline.is_none();
    o.newline = match newline.as_deref() {
        None => 0,
        Some("") => 1,
        Some("\n") => 2,
        Some("\r") => 3,
        _ => 4,
    };
    o.state = Box::into_raw(st);
    register(o.state);
    crate::gc::drop_on_free(v.ptr::<FileObject>());
    v
}

impl Drop for FileObject {
    fn drop(&mut self) {
        if !self.state.is_null() {
            unregister(self.state);
            let mut st = unsafe { Box::from_raw(self.state) };
            if let Some(f) = st.file.as_mut() {
                let _ = f.write_all(&st.wbuf);
            }
            st.release();
            self.state = std::ptr::null_mut();
        }
    }
}

fn size_arg(a: &[Value], i: usize) -> Option<i64> {
    if a.len() <= i || a[i] == none() {
        return Some(-1);
    }
    int::index_value(a[i], "size")
}

/// Is `encoding` one byte per character (latin-1, ascii)?
fn is_single_byte(encoding: &str) -> bool {
    let e: String = encoding
        .chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    matches!(
        e.as_str(),
        "latin1" | "latin" | "iso88591" | "l1" | "ascii" | "usascii" | "646"
    )
}

fn m_read(a: &[Value], k: Value) -> Value {
    if !check_args("read", a, k, 0, 1) {
        return Value::NULL;
    }
    let Some(n) = size_arg(a, 1) else {
        return Value::NULL;
    };
    let name = fo(a[0]).name;
    let Some(s) = check_readable(a[0]) else {
        return Value::NULL;
    };
    if s.rpos >= s.rbuf.len() && !fill_all(s, name) {
        return Value::NULL;
    }
    let avail = &s.rbuf[s.rpos..];
    let take = if n < 0 {
        avail.len()
    } else if fo(a[0]).binary {
        (n as usize).min(avail.len())
    } else {
        // n characters: walk UTF-8 lead bytes (counting "\r\n" as one when translating).
        let single_byte = is_single_byte(pystr::as_str(fo(a[0]).encoding));
        let mut chars = 0usize;
        let mut i = 0usize;
        while i < avail.len() && chars < n as usize {
            let c = avail[i];
            let w = if c < 0x80 || single_byte {
                1
            } else if c >= 0xf0 {
                4
            } else if c >= 0xe0 {
                3
            } else if c >= 0xc0 {
                2
            } else {
                1
            };
            if c == b'\r' && fo(a[0]).translate && i + 1 < avail.len() && avail[i + 1] == b'\n' {
                i += 2;
            } else {
                i = (i + w).min(avail.len());
            }
            chars += 1;
        }
        i
    };
    let out = avail[..take].to_vec();
    s.rpos += take;
    make_result(a[0], &out)
}

fn m_readline(a: &[Value], k: Value) -> Value {
    if !check_args("readline", a, k, 0, 1) {
        return Value::NULL;
    }
    let Some(n) = size_arg(a, 1) else {
        return Value::NULL;
    };
    let Some(b) = readline_bytes(a[0], n) else {
        return Value::NULL;
    };
    make_result(a[0], &b)
}

fn m_readlines(a: &[Value], k: Value) -> Value {
    if !check_args("readlines", a, k, 0, 1) {
        return Value::NULL;
    }
    let Some(hint) = size_arg(a, 1) else {
        return Value::NULL;
    };
    let out = list::with_capacity(0);
    let mut total = 0usize;
    loop {
        let Some(b) = readline_bytes(a[0], -1) else {
            return Value::NULL;
        };
        if b.is_empty() {
            return out;
        }
        total += b.len();
        let line = make_result(a[0], &b);
        if line.is_null() || !list::append(out, line) {
            return Value::NULL;
        }
        if hint > 0 && total >= hint as usize {
            return out;
        }
    }
}

fn write_bytes(v: Value, data: &[u8]) -> bool {
    let name = fo(v).name;
    let Some(s) = check_open(v) else { return false };
    if !fo(v).writable {
        unsupported("not writable");
        return false;
    }
    if !s.rbuf.is_empty() && !drop_readahead(s, name) {
        return false;
    }
    s.wbuf.extend_from_slice(data);
    if s.wbuf.len() >= 8192 {
        return flush_state(s, name);
    }
    true
}

fn m_write(a: &[Value], k: Value) -> Value {
    if !check_args("write", a, k, 1, 1) {
        return Value::NULL;
    }
    let o = fo(a[0]);
    if state(a[0]).is_none() {
        return closed_error();
    }
    if o.binary {
        if !bytes::is_bytes_like(a[1]) {
            return errors::type_error(&format!(
                "a bytes-like object is required, not '{}'",
                type_name_of(a[1])
            ));
        }
        let d = bytes::data(a[1]).to_vec();
        if !write_bytes(a[0], &d) {
            return Value::NULL;
        }
        return Value::from_small(d.len() as i64);
    }
    if !pystr::is_str(a[1]) {
        return errors::type_error(&format!(
            "write() argument must be str, not {}",
            type_name_of(a[1])
        ));
    }
    let text = pystr::as_str(a[1]);
    let translated;
    let text = match o.newline {
        3 if text.contains('\n') => {
            translated = text.replace('\n', "\r");
            translated.as_str()
        }
        4 if text.contains('\n') => {
            translated = text.replace('\n', "\r\n");
            translated.as_str()
        }
        _ => text,
    };
    let enc = bytes::encode(text, pystr::as_str(o.encoding), pystr::as_str(o.errors));
    if enc.is_null() {
        return enc;
    }
    if !write_bytes(a[0], bytes::data(enc)) {
        return Value::NULL;
    }
    Value::from_small(pystr::char_len(a[1]) as i64)
}

fn m_writelines(a: &[Value], k: Value) -> Value {
    if !check_args("writelines", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(items) = ops::collect(a[1]) else {
        return Value::NULL;
    };
    for x in items {
        if m_write(&[a[0], x], Value::NULL).is_null() {
            return Value::NULL;
        }
    }
    none()
}

fn m_flush(a: &[Value], k: Value) -> Value {
    if !check_args("flush", a, k, 0, 0) {
        return Value::NULL;
    }
    let name = fo(a[0]).name;
    let Some(s) = check_open(a[0]) else {
        return Value::NULL;
    };
    if !flush_state(s, name) {
        return Value::NULL;
    }
    none()
}

/// Closes the file; false with an exception when the final flush failed.
pub fn close(v: Value) -> bool {
    let name = fo(v).name;
    if let Some(s) = state(v) {
        let ok = flush_state(s, name);
        s.release();
        unregister(fo(v).state);
        return ok;
    }
    true
}

fn m_close(a: &[Value], k: Value) -> Value {
    if !check_args("close", a, k, 0, 0) {
        return Value::NULL;
    }
    if close(a[0]) {
        none()
    } else {
        Value::NULL
    }
}

fn m_seek(a: &[Value], k: Value) -> Value {
    if !check_args("seek", a, k, 1, 2) {
        return Value::NULL;
    }
    let Some(off) = int::index_value(a[1], "offset") else {
        return Value::NULL;
    };
    let whence = if a.len() > 2 {
        int::as_i64(a[2]).unwrap_or(0)
    } else {
        0
    };
    let name = fo(a[0]).name;
    let Some(s) = check_open(a[0]) else {
        return Value::NULL;
    };
    if !flush_state(s, name) || !drop_readahead(s, name) {
        return Value::NULL;
    }
    if !fo(a[0]).binary && (whence == 1 || whence == 2) && off != 0 {
        return unsupported(if whence == 1 {
            "can't do nonzero cur-relative seeks"
        } else {
            "can't do nonzero end-relative seeks"
        });
    }
    let pos = match whence {
        0 => {
            if off < 0 {
                return errors::value_error(&format!("negative seek position {off}"));
            }
            SeekFrom::Start(off as u64)
        }
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => {
            return errors::value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)"))
        }
    };
    match s.file.as_mut().unwrap().seek(pos) {
        Ok(p) => int::from_i64(p as i64),
        Err(e) => os_error(&e, name),
    }
}

fn m_tell(a: &[Value], k: Value) -> Value {
    if !check_args("tell", a, k, 0, 0) {
        return Value::NULL;
    }
    let name = fo(a[0]).name;
    let Some(s) = check_open(a[0]) else {
        return Value::NULL;
    };
    if !flush_state(s, name) {
        return Value::NULL;
    }
    let ahead = (s.rbuf.len() - s.rpos) as i64;
    match s.file.as_mut().unwrap().stream_position() {
        Ok(p) => int::from_i64(p as i64 - ahead),
        Err(e) => os_error(&e, name),
    }
}

fn m_truncate(a: &[Value], k: Value) -> Value {
    if !check_args("truncate", a, k, 0, 1) {
        return Value::NULL;
    }
    let pos = m_tell(&[a[0]], Value::NULL);
    if pos.is_null() {
        return pos;
    }
    let size = if a.len() > 1 && a[1] != none() {
        int::as_i64(a[1]).unwrap_or(0)
    } else {
        int::as_i64(pos).unwrap_or(0)
    };
    let name = fo(a[0]).name;
    let Some(s) = check_open(a[0]) else {
        return Value::NULL;
    };
    if !drop_readahead(s, name) {
        return Value::NULL;
    }
    match s.file.as_mut().unwrap().set_len(size as u64) {
        Ok(()) => int::from_i64(size),
        Err(e) => os_error(&e, name),
    }
}

fn m_enter(a: &[Value], _k: Value) -> Value {
    if state(a[0]).is_none() {
        return closed_error();
    }
    a[0]
}

fn m_exit(a: &[Value], _k: Value) -> Value {
    if close(a[0]) {
        none()
    } else {
        Value::NULL
    }
}

fn m_iter(a: &[Value], _k: Value) -> Value {
    if state(a[0]).is_none() {
        return closed_error();
    }
    a[0]
}

fn m_next(a: &[Value], _k: Value) -> Value {
    let r = next_line(a[0]);
    if r == Value::DONE {
        return errors::raise_args(exc_types().stop_iteration, &[]);
    }
    r
}

fn m_readable(a: &[Value], _k: Value) -> Value {
    if state(a[0]).is_none() {
        return closed_error();
    }
    bool_value(fo(a[0]).readable)
}
fn m_writable(a: &[Value], _k: Value) -> Value {
    if state(a[0]).is_none() {
        return closed_error();
    }
    bool_value(fo(a[0]).writable)
}
fn m_seekable(a: &[Value], _k: Value) -> Value {
    if state(a[0]).is_none() {
        return closed_error();
    }
    crate::object::true_()
}
fn m_fileno(a: &[Value], _k: Value) -> Value {
    use std::os::unix::io::AsRawFd;
    match state(a[0]) {
        Some(s) => Value::from_small(s.file.as_ref().unwrap().as_raw_fd() as i64),
        None => closed_error(),
    }
}
fn m_isatty(a: &[Value], _k: Value) -> Value {
    if state(a[0]).is_none() {
        return closed_error();
    }
    crate::object::false_()
}

fn g_closed(a: &[Value], _k: Value) -> Value {
    bool_value(state(a[0]).is_none())
}
fn g_name(a: &[Value], _k: Value) -> Value {
    fo(a[0]).name
}
/// `name` can be set, as `tempfile` does to a file its opener made.
fn s_name(a: &[Value], _k: Value) -> Value {
    fo(a[0]).name = a[1];
    none()
}

fn g_mode(a: &[Value], _k: Value) -> Value {
    fo(a[0]).mode
}
fn g_encoding(a: &[Value], _k: Value) -> Value {
    fo(a[0]).encoding
}
fn g_errors(a: &[Value], _k: Value) -> Value {
    fo(a[0]).errors
}

pub fn repr(v: Value) -> Value {
    let o = fo(v);
    let nr = ops::repr(o.name);
    if nr.is_null() {
        return nr;
    }
    let tn = type_name_of(v);
    if o.binary {
        return pystr::new(&format!("<_io.{tn} name={}>", pystr::as_str(nr)));
    }
    pystr::new(&format!(
        "<_io.{tn} name={} mode={} encoding={}>",
        pystr::as_str(nr),
        pystr::repr_text(pystr::as_str(o.mode)),
        pystr::repr_text(pystr::as_str(o.encoding))
    ))
}

fn m_repr(a: &[Value], _k: Value) -> Value {
    repr(a[0])
}

/// The file types and `UnsupportedOperation`, for kiln's `_io` module: (TextIOWrapper,
/// BufferedReader, BufferedWriter, BufferedRandom, UnsupportedOperation).
pub fn io_types() -> Value {
    let t = types();
    tuple::new(&[
        Value::from_ptr(t.text_file),
        Value::from_ptr(t.buffered_reader),
        Value::from_ptr(t.buffered_writer),
        Value::from_ptr(unsafe { BUFFERED_RANDOM }),
        Value::from_ptr(unsafe { UNSUPPORTED }),
    ])
}

pub fn init() {
    let t = types();
    unsafe {
        BUFFERED_RANDOM = crate::object::new_builtin_type("BufferedRandom", Kind::File, t.object);
        (*BUFFERED_RANDOM).flags |= crate::object::TF_FINAL;
        let u = crate::object::new_builtin_type(
            "UnsupportedOperation",
            Kind::Exception,
            exc_types().os_error,
        );
        (*u).module = pystr::intern("io");
        // A heap type, as CPython makes it: `io` sets its `__module__`.
        (*u).flags |= crate::object::TF_HEAP;
        // io.UnsupportedOperation derives from OSError and ValueError.
        let vt = exc_types().value_error;
        (*u).bases = tuple::new(&[Value::from_ptr(exc_types().os_error), Value::from_ptr(vt)]);
        let mut mro: Vec<Value> = tuple::items((*u).mro).to_vec();
        let obj_pos = mro.len() - 1;
        let extra: Vec<Value> = tuple::items((*vt).mro)
            .iter()
            .copied()
            .filter(|m| !mro.contains(m))
            .collect();
        for (i, m) in extra.into_iter().enumerate() {
            mro.insert(obj_pos + i, m);
        }
        (*u).mro = tuple::new(&mro);
        UNSUPPORTED = u;
    }
    let methods: &[(&str, NativeFn)] = &[
        ("read", m_read),
        ("readline", m_readline),
        ("readlines", m_readlines),
        ("write", m_write),
        ("writelines", m_writelines),
        ("flush", m_flush),
        ("close", m_close),
        ("seek", m_seek),
        ("tell", m_tell),
        ("truncate", m_truncate),
        ("__enter__", m_enter),
        ("__exit__", m_exit),
        ("__iter__", m_iter),
        ("__next__", m_next),
        ("readable", m_readable),
        ("writable", m_writable),
        ("seekable", m_seekable),
        ("fileno", m_fileno),
        ("isatty", m_isatty),
        ("__repr__", m_repr),
    ];
    for ty in [t.text_file, t.buffered_reader, t.buffered_writer, unsafe {
        BUFFERED_RANDOM
    }] {
        unsafe { (*ty).module = pystr::intern("_io") };
        for (n, f) in methods {
            add_method(ty, n, *f);
        }
        crate::objects::descriptor::add_getter(ty, "closed", g_closed);
        crate::objects::descriptor::add_getset(ty, "name", g_name, s_name);
        crate::objects::descriptor::add_getter(ty, "mode", g_mode);
    }
    crate::objects::descriptor::add_getter(t.text_file, "encoding", g_encoding);
    crate::objects::descriptor::add_getter(t.text_file, "errors", g_errors);
    let _ = kind_of;
}
