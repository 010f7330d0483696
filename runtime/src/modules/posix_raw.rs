//! `_kiln_posix`: the operating system calls under kiln's `posix` module
//! (`compiler/pylib/posix.py`, which `os` imports). Paths are `str` or `bytes` (the Python side
//! has applied `fspath`); a failed call raises the OSError subclass of its errno with
//! CPython's `strerror` and the path as `filename` (and `filename2` for two-path calls).
//! Results are plain values: `stat` gives a tuple of numbers that `posix.stat_result` wraps.

use crate::errors;
use crate::object::{kind_of, none, Kind};
use crate::objects::{bytes, exception, int, list, str as pystr, tuple};
use crate::value::Value;
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;

extern "C" {
    fn open(path: *const u8, flags: i32, mode: u32) -> i32;
    fn close(fd: i32) -> i32;
    fn read(fd: i32, buf: *mut u8, n: usize) -> isize;
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
    fn lseek(fd: i32, pos: i64, how: i32) -> i64;
    fn dup(fd: i32) -> i32;
    fn dup2(fd: i32, fd2: i32) -> i32;
    fn isatty(fd: i32) -> i32;
    fn getppid() -> i32;
    fn getuid() -> u32;
    fn geteuid() -> u32;
    fn getgid() -> u32;
    fn getegid() -> u32;
    fn umask(mask: u32) -> u32;
    fn access(path: *const u8, mode: i32) -> i32;
    fn strerror(code: i32) -> *const u8;
    fn _exit(code: i32) -> !;
    fn pipe(fds: *mut i32) -> i32;
    fn ftruncate(fd: i32, len: i64) -> i32;
    fn fsync(fd: i32) -> i32;
    fn getrandom(buf: *mut u8, n: usize, flags: u32) -> isize;
    fn sysconf(name: i32) -> i64;
    fn kill(pid: i32, sig: i32) -> i32;
    fn setenv(name: *const u8, value: *const u8, overwrite: i32) -> i32;
    fn unsetenv(name: *const u8) -> i32;
    fn __errno_location() -> *mut i32;
}

fn last_errno() -> i32 {
    unsafe { *__errno_location() }
}

/// CPython's `strerror` text for `code`.
pub fn strerror_text(code: i32) -> String {
    unsafe {
        let p = strerror(code);
        if p.is_null() {
            return format!("Unknown error {code}");
        }
        std::ffi::CStr::from_ptr(p as *const std::ffi::c_char)
            .to_string_lossy()
            .into_owned()
    }
}

fn raise_errno(code: i32, filename: Value, filename2: Value) -> Value {
    if filename2.is_null() {
        return exception::raise_os_error(code as i64, &strerror_text(code), filename);
    }
    let t = exception::find_type(exception_name_for(code));
    errors::raise_args(
        t,
        &[
            Value::from_small(code as i64),
            pystr::new(&strerror_text(code)),
            filename,
            none(),
            filename2,
        ],
    )
}

fn exception_name_for(code: i32) -> &'static str {
    match code {
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        39 => "OSError",
        1 | 13 => "PermissionError",
        _ => "OSError",
    }
}

fn io_error(e: &std::io::Error, filename: Value, filename2: Value) -> Value {
    raise_errno(e.raw_os_error().unwrap_or(5), filename, filename2)
}

/// A path argument as the OS sees it.
fn path_arg(v: Value) -> Option<PathBuf> {
    if pystr::is_str(v) {
        let s = pystr::as_str(v);
        if s.contains('\0') {
            errors::value_error("embedded null byte");
            return None;
        }
        return Some(PathBuf::from(s));
    }
    if bytes::is_bytes_like(v) {
        let b = bytes::data(v);
        if b.contains(&0) {
            errors::value_error("embedded null byte");
            return None;
        }
        return Some(PathBuf::from(OsStr::from_bytes(b)));
    }
    errors::type_error(&format!(
        "expected str, bytes or os.PathLike object, not {}",
        crate::object::type_name_of(v)
    ));
    None
}

fn c_path(p: &std::path::Path) -> Vec<u8> {
    let mut v = p.as_os_str().as_bytes().to_vec();
    v.push(0);
    v
}

/// A name from the OS in the form of the argument it came from: bytes for bytes, else str.
fn name_like(arg: Value, name: &OsStr) -> Value {
    if !arg.is_null() && !pystr::is_str(arg) && bytes::is_bytes_like(arg) {
        return bytes::new(name.as_bytes());
    }
    pystr::new(&name.to_string_lossy())
}

fn int_arg(v: Value, what: &str) -> Option<i64> {
    int::index_value(v, what)
}

fn ok_none(r: std::io::Result<()>, f: Value, f2: Value) -> Value {
    match r {
        Ok(()) => none(),
        Err(e) => io_error(&e, f, f2),
    }
}

fn stat_tuple(m: &std::fs::Metadata) -> Value {
    use std::os::unix::fs::MetadataExt;
    let ns = |s: i64, n: i64| int::from_i128(s as i128 * 1_000_000_000 + n as i128);
    let items = [
        int::from_i64(m.mode() as i64),
        int::from_i128(m.ino() as i128),
        int::from_i128(m.dev() as i128),
        int::from_i64(m.nlink() as i64),
        int::from_i64(m.uid() as i64),
        int::from_i64(m.gid() as i64),
        int::from_i64(m.size() as i64),
        ns(m.atime(), m.atime_nsec()),
        ns(m.mtime(), m.mtime_nsec()),
        ns(m.ctime(), m.ctime_nsec()),
        int::from_i64(m.blksize() as i64),
        int::from_i64(m.blocks() as i64),
        int::from_i128(m.rdev() as i128),
    ];
    if items.iter().any(|v| v.is_null()) {
        return Value::NULL;
    }
    tuple::new(&items)
}

/// `stat(path_or_fd, follow_symlinks)`.
fn p_stat(a: &[Value], k: Value) -> Value {
    if !super::check_plain("stat", a, k, 2, 2) {
        return Value::NULL;
    }
    if int::is_int(a[0]) && kind_of(a[0]) != Kind::Bool {
        let Some(fd) = int_arg(a[0], "fd") else {
            return Value::NULL;
        };
        use std::os::unix::io::FromRawFd;
        let f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd as i32) });
        return match f.metadata() {
            Ok(m) => stat_tuple(&m),
            Err(e) => io_error(&e, none(), Value::NULL),
        };
    }
    let Some(p) = path_arg(a[0]) else {
        return Value::NULL;
    };
    let follow = match crate::ops::truthy(a[1]) {
        t if t < 0 => return Value::NULL,
        t => t == 1,
    };
    let r = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    match r {
        Ok(m) => stat_tuple(&m),
        Err(e) => io_error(&e, a[0], Value::NULL),
    }
}

/// The entries of the directory `a[0]` as a list, one `item(name, entry)` each (`name` as str or
/// bytes, following the argument); the OSError of a failing read names the directory.
fn directory_list(
    fname: &str,
    a: &[Value],
    k: Value,
    item: impl Fn(Value, &std::fs::DirEntry) -> Value,
) -> Value {
    if !super::check_plain(fname, a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(p) = path_arg(a[0]) else {
        return Value::NULL;
    };
    let rd = match std::fs::read_dir(&p) {
        Ok(rd) => rd,
        Err(e) => return io_error(&e, a[0], Value::NULL),
    };
    let out = list::with_capacity(0);
    if out.is_null() {
        return out;
    }
    for ent in rd {
        let ent = match ent {
            Ok(e) => e,
            Err(e) => return io_error(&e, a[0], Value::NULL),
        };
        let n = name_like(a[0], &ent.file_name());
        if n.is_null() {
            return n;
        }
        let it = item(n, &ent);
        if it.is_null() || !list::append(out, it) {
            return Value::NULL;
        }
    }
    out
}

fn p_listdir(a: &[Value], k: Value) -> Value {
    directory_list("listdir", a, k, |name, _| name)
}

/// `dir_types(path)`: the entries of a directory as (name, d_type) pairs, d_type 1 directory,
/// 2 symbolic link, 3 regular file, 0 other (what `scandir` needs before it stats).
fn p_dir_types(a: &[Value], k: Value) -> Value {
    directory_list("dir_types", a, k, |name, ent| {
        let kind = match ent.file_type() {
            Ok(t) if t.is_symlink() => 2,
            Ok(t) if t.is_dir() => 1,
            Ok(t) if t.is_file() => 3,
            _ => 0,
        };
        tuple::new(&[name, Value::from_small(kind)])
    })
}

fn p_getcwd(a: &[Value], k: Value) -> Value {
    if !super::check_plain("getcwd", a, k, 0, 0) {
        return Value::NULL;
    }
    match std::env::current_dir() {
        Ok(p) => pystr::new(&p.to_string_lossy()),
        Err(e) => io_error(&e, none(), Value::NULL),
    }
}

fn p_getcwdb(a: &[Value], k: Value) -> Value {
    if !super::check_plain("getcwdb", a, k, 0, 0) {
        return Value::NULL;
    }
    match std::env::current_dir() {
        Ok(p) => bytes::new(p.as_os_str().as_bytes()),
        Err(e) => io_error(&e, none(), Value::NULL),
    }
}

fn one_path(
    name: &str,
    a: &[Value],
    k: Value,
    f: fn(&std::path::Path) -> std::io::Result<()>,
) -> Value {
    if !super::check_plain(name, a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(p) = path_arg(a[0]) else {
        return Value::NULL;
    };
    ok_none(f(&p), a[0], Value::NULL)
}

fn p_chdir(a: &[Value], k: Value) -> Value {
    one_path("chdir", a, k, |p| std::env::set_current_dir(p))
}
fn p_rmdir(a: &[Value], k: Value) -> Value {
    one_path("rmdir", a, k, |p| std::fs::remove_dir(p))
}
fn p_unlink(a: &[Value], k: Value) -> Value {
    one_path("unlink", a, k, |p| std::fs::remove_file(p))
}

fn p_mkdir(a: &[Value], k: Value) -> Value {
    use std::os::unix::fs::DirBuilderExt;
    if !super::check_plain("mkdir", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(p) = path_arg(a[0]) else {
        return Value::NULL;
    };
    let Some(mode) = int_arg(a[1], "mode") else {
        return Value::NULL;
    };
    ok_none(
        std::fs::DirBuilder::new().mode(mode as u32).create(&p),
        a[0],
        Value::NULL,
    )
}

fn two_paths(
    name: &str,
    a: &[Value],
    k: Value,
    f: fn(&std::path::Path, &std::path::Path) -> std::io::Result<()>,
) -> Value {
    if !super::check_plain(name, a, k, 2, 2) {
        return Value::NULL;
    }
    let (Some(p), Some(q)) = (path_arg(a[0]), path_arg(a[1])) else {
        return Value::NULL;
    };
    ok_none(f(&p, &q), a[0], a[1])
}

fn p_rename(a: &[Value], k: Value) -> Value {
    two_paths("rename", a, k, |p, q| std::fs::rename(p, q))
}
fn p_symlink(a: &[Value], k: Value) -> Value {
    two_paths("symlink", a, k, |p, q| std::os::unix::fs::symlink(p, q))
}
fn p_link(a: &[Value], k: Value) -> Value {
    two_paths("link", a, k, |p, q| std::fs::hard_link(p, q))
}

fn p_readlink(a: &[Value], k: Value) -> Value {
    if !super::check_plain("readlink", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(p) = path_arg(a[0]) else {
        return Value::NULL;
    };
    match std::fs::read_link(&p) {
        Ok(t) => name_like(a[0], t.as_os_str()),
        Err(e) => io_error(&e, a[0], Value::NULL),
    }
}

fn p_chmod(a: &[Value], k: Value) -> Value {
    use std::os::unix::fs::PermissionsExt;
    if !super::check_plain("chmod", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(p) = path_arg(a[0]) else {
        return Value::NULL;
    };
    let Some(mode) = int_arg(a[1], "mode") else {
        return Value::NULL;
    };
    ok_none(
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode as u32)),
        a[0],
        Value::NULL,
    )
}

fn p_utime(a: &[Value], k: Value) -> Value {
    // utime(path, atime_ns, mtime_ns)
    if !super::check_plain("utime", a, k, 3, 3) {
        return Value::NULL;
    }
    let Some(p) = path_arg(a[0]) else {
        return Value::NULL;
    };
    let (Some(at), Some(mt)) = (int::as_i128(a[1]), int::as_i128(a[2])) else {
        return errors::type_error("utime: times must be integers of nanoseconds");
    };
    let t = |ns: i128| std::time::UNIX_EPOCH + std::time::Duration::from_nanos(ns.max(0) as u64);
    let f = match std::fs::File::options().write(false).read(true).open(&p) {
        Ok(f) => f,
        Err(e) => return io_error(&e, a[0], Value::NULL),
    };
    let times = std::fs::FileTimes::new()
        .set_accessed(t(at))
        .set_modified(t(mt));
    ok_none(f.set_times(times), a[0], Value::NULL)
}

fn p_access(a: &[Value], k: Value) -> Value {
    if !super::check_plain("access", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(p) = path_arg(a[0]) else {
        return Value::NULL;
    };
    let Some(mode) = int_arg(a[1], "mode") else {
        return Value::NULL;
    };
    let c = c_path(&p);
    crate::object::bool_value(unsafe { access(c.as_ptr(), mode as i32) } == 0)
}

fn p_open(a: &[Value], k: Value) -> Value {
    if !super::check_plain("open", a, k, 3, 3) {
        return Value::NULL;
    }
    let Some(p) = path_arg(a[0]) else {
        return Value::NULL;
    };
    let (Some(flags), Some(mode)) = (int_arg(a[1], "flags"), int_arg(a[2], "mode")) else {
        return Value::NULL;
    };
    let c = c_path(&p);
    // O_CLOEXEC, as CPython makes every descriptor it opens non-inheritable.
    let fd = unsafe { open(c.as_ptr(), flags as i32 | 0o2000000, mode as u32) };
    if fd < 0 {
        return raise_errno(last_errno(), a[0], Value::NULL);
    }
    Value::from_small(fd as i64)
}

fn fd_arg(v: Value) -> Option<i32> {
    int_arg(v, "fd").map(|x| x as i32)
}

fn fd_result(r: i64) -> Value {
    if r < 0 {
        return raise_errno(last_errno(), none(), Value::NULL);
    }
    int::from_i64(r)
}

fn p_close(a: &[Value], k: Value) -> Value {
    if !super::check_plain("close", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(fd) = fd_arg(a[0]) else {
        return Value::NULL;
    };
    crate::objects::file::flush_all();
    if unsafe { close(fd) } < 0 {
        return raise_errno(last_errno(), none(), Value::NULL);
    }
    none()
}

fn p_read(a: &[Value], k: Value) -> Value {
    if !super::check_plain("read", a, k, 2, 2) {
        return Value::NULL;
    }
    let (Some(fd), Some(n)) = (fd_arg(a[0]), int_arg(a[1], "length")) else {
        return Value::NULL;
    };
    if n < 0 {
        return errors::value_error("negative buffersize in read");
    }
    let mut buf = vec![0u8; n as usize];
    let r = unsafe { read(fd, buf.as_mut_ptr(), buf.len()) };
    if r < 0 {
        return raise_errno(last_errno(), none(), Value::NULL);
    }
    bytes::new(&buf[..r as usize])
}

fn p_write(a: &[Value], k: Value) -> Value {
    if !super::check_plain("write", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(fd) = fd_arg(a[0]) else {
        return Value::NULL;
    };
    if !bytes::is_bytes_like(a[1]) {
        return errors::type_error(&format!(
            "a bytes-like object is required, not '{}'",
            crate::object::type_name_of(a[1])
        ));
    }
    if fd == 1 || fd == 2 {
        crate::io::flush_stdout();
    }
    let d = bytes::data(a[1]);
    fd_result(unsafe { write(fd, d.as_ptr(), d.len()) } as i64)
}

fn p_lseek(a: &[Value], k: Value) -> Value {
    if !super::check_plain("lseek", a, k, 3, 3) {
        return Value::NULL;
    }
    let (Some(fd), Some(pos), Some(how)) = (
        fd_arg(a[0]),
        int_arg(a[1], "position"),
        int_arg(a[2], "how"),
    ) else {
        return Value::NULL;
    };
    fd_result(unsafe { lseek(fd, pos, how as i32) })
}

fn fd_op(name: &str, a: &[Value], k: Value, f: unsafe extern "C" fn(i32) -> i32) -> Value {
    if !super::check_plain(name, a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(fd) = fd_arg(a[0]) else {
        return Value::NULL;
    };
    fd_result(unsafe { f(fd) } as i64)
}

fn p_dup(a: &[Value], k: Value) -> Value {
    fd_op("dup", a, k, dup)
}
fn p_fsync(a: &[Value], k: Value) -> Value {
    let r = fd_op("fsync", a, k, fsync);
    if r.is_null() {
        return r;
    }
    none()
}

fn p_dup2(a: &[Value], k: Value) -> Value {
    if !super::check_plain("dup2", a, k, 2, 2) {
        return Value::NULL;
    }
    let (Some(x), Some(y)) = (fd_arg(a[0]), fd_arg(a[1])) else {
        return Value::NULL;
    };
    fd_result(unsafe { dup2(x, y) } as i64)
}

fn p_ftruncate(a: &[Value], k: Value) -> Value {
    if !super::check_plain("ftruncate", a, k, 2, 2) {
        return Value::NULL;
    }
    let (Some(fd), Some(n)) = (fd_arg(a[0]), int_arg(a[1], "length")) else {
        return Value::NULL;
    };
    if unsafe { ftruncate(fd, n) } < 0 {
        return raise_errno(last_errno(), none(), Value::NULL);
    }
    none()
}

fn p_isatty(a: &[Value], k: Value) -> Value {
    if !super::check_plain("isatty", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(fd) = fd_arg(a[0]) else {
        return Value::NULL;
    };
    crate::object::bool_value(unsafe { isatty(fd) } == 1)
}

fn p_pipe(a: &[Value], k: Value) -> Value {
    if !super::check_plain("pipe", a, k, 0, 0) {
        return Value::NULL;
    }
    let mut fds = [0i32; 2];
    if unsafe { pipe(fds.as_mut_ptr()) } < 0 {
        return raise_errno(last_errno(), none(), Value::NULL);
    }
    tuple::new(&[
        Value::from_small(fds[0] as i64),
        Value::from_small(fds[1] as i64),
    ])
}

fn p_ids(a: &[Value], k: Value) -> Value {
    // (pid, ppid, uid, euid, gid, egid)
    if !super::check_plain("ids", a, k, 0, 0) {
        return Value::NULL;
    }
    let v = unsafe {
        [
            std::process::id() as i64,
            getppid() as i64,
            getuid() as i64,
            geteuid() as i64,
            getgid() as i64,
            getegid() as i64,
        ]
    };
    let items: Vec<Value> = v.iter().map(|x| Value::from_small(*x)).collect();
    tuple::new(&items)
}

fn p_umask(a: &[Value], k: Value) -> Value {
    if !super::check_plain("umask", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(m) = int_arg(a[0], "mask") else {
        return Value::NULL;
    };
    Value::from_small(unsafe { umask(m as u32) } as i64)
}

fn p_strerror(a: &[Value], k: Value) -> Value {
    if !super::check_plain("strerror", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(c) = int_arg(a[0], "code") else {
        return Value::NULL;
    };
    pystr::new(&strerror_text(c as i32))
}

fn p_urandom(a: &[Value], k: Value) -> Value {
    if !super::check_plain("urandom", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(n) = int_arg(a[0], "size") else {
        return Value::NULL;
    };
    if n < 0 {
        return errors::value_error("negative argument not allowed");
    }
    let mut buf = vec![0u8; n as usize];
    let mut got = 0;
    while got < buf.len() {
        let r = unsafe { getrandom(buf[got..].as_mut_ptr(), buf.len() - got, 0) };
        if r < 0 {
            let e = last_errno();
            if e == 4 {
                continue;
            }
            return raise_errno(e, none(), Value::NULL);
        }
        got += r as usize;
    }
    bytes::new(&buf)
}

fn p_exit(a: &[Value], k: Value) -> Value {
    if !super::check_plain("_exit", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(c) = int_arg(a[0], "status") else {
        return Value::NULL;
    };
    unsafe { _exit(c as i32) }
}

fn p_kill(a: &[Value], k: Value) -> Value {
    if !super::check_plain("kill", a, k, 2, 2) {
        return Value::NULL;
    }
    let (Some(pid), Some(sig)) = (int_arg(a[0], "pid"), int_arg(a[1], "signal")) else {
        return Value::NULL;
    };
    crate::io::flush_stdout();
    if unsafe { kill(pid as i32, sig as i32) } < 0 {
        return raise_errno(last_errno(), none(), Value::NULL);
    }
    none()
}

/// The environment as a list of (name, value) bytes pairs.
fn p_environ(a: &[Value], k: Value) -> Value {
    if !super::check_plain("environ", a, k, 0, 0) {
        return Value::NULL;
    }
    let out = list::with_capacity(0);
    if out.is_null() {
        return out;
    }
    for (n, v) in std::env::vars_os() {
        let n = bytes::new(n.as_bytes());
        if n.is_null() {
            return n;
        }
        let v = bytes::new(v.as_bytes());
        if v.is_null() {
            return v;
        }
        let pair = tuple::new(&[n, v]);
        if pair.is_null() || !list::append(out, pair) {
            return Value::NULL;
        }
    }
    out
}

fn env_bytes(v: Value, what: &str) -> Option<Vec<u8>> {
    let b: Vec<u8> = if pystr::is_str(v) {
        pystr::as_str(v).as_bytes().to_vec()
    } else if bytes::is_bytes_like(v) {
        bytes::data(v).to_vec()
    } else {
        errors::type_error(&format!(
            "{what}: expected str or bytes, not {}",
            crate::object::type_name_of(v)
        ));
        return None;
    };
    if b.contains(&0) {
        errors::value_error("embedded null byte");
        return None;
    }
    Some(b)
}

fn p_putenv(a: &[Value], k: Value) -> Value {
    if !super::check_plain("putenv", a, k, 2, 2) {
        return Value::NULL;
    }
    let (Some(mut n), Some(mut v)) = (env_bytes(a[0], "putenv"), env_bytes(a[1], "putenv")) else {
        return Value::NULL;
    };
    if n.is_empty() || n.contains(&b'=') {
        return errors::value_error("illegal environment variable name");
    }
    n.push(0);
    v.push(0);
    if unsafe { setenv(n.as_ptr(), v.as_ptr(), 1) } < 0 {
        return raise_errno(last_errno(), none(), Value::NULL);
    }
    none()
}

fn p_unsetenv(a: &[Value], k: Value) -> Value {
    if !super::check_plain("unsetenv", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(mut n) = env_bytes(a[0], "unsetenv") else {
        return Value::NULL;
    };
    if n.is_empty() || n.contains(&b'=') {
        return errors::value_error("illegal environment variable name");
    }
    n.push(0);
    if unsafe { unsetenv(n.as_ptr()) } < 0 {
        return raise_errno(last_errno(), none(), Value::NULL);
    }
    none()
}

fn p_cpu_count(a: &[Value], k: Value) -> Value {
    if !super::check_plain("cpu_count", a, k, 0, 0) {
        return Value::NULL;
    }
    match std::thread::available_parallelism() {
        Ok(n) => Value::from_small(n.get() as i64),
        Err(_) => {
            let n = unsafe { sysconf(84) };
            if n > 0 {
                Value::from_small(n)
            } else {
                none()
            }
        }
    }
}

/// `uname()`: (sysname, nodename, release, version, machine) from /proc, as str.
fn p_uname(a: &[Value], k: Value) -> Value {
    if !super::check_plain("uname", a, k, 0, 0) {
        return Value::NULL;
    }
    let read = |p: &str| {
        std::fs::read_to_string(p)
            .map(|s| s.trim_end().to_string())
            .unwrap_or_default()
    };
    let machine = std::env::consts::ARCH;
    let items = [
        pystr::new("Linux"),
        pystr::new(&read("/proc/sys/kernel/hostname")),
        pystr::new(&read("/proc/sys/kernel/osrelease")),
        pystr::new(&read("/proc/sys/kernel/version")),
        pystr::new(machine),
    ];
    if items.iter().any(|v| v.is_null()) {
        return Value::NULL;
    }
    tuple::new(&items)
}

/// `fsencode(str) -> bytes` with surrogate escapes undone: the file system's form of a name.
fn p_fsencode(a: &[Value], k: Value) -> Value {
    if !super::check_plain("fsencode", a, k, 1, 1) {
        return Value::NULL;
    }
    if !pystr::is_str(a[0]) {
        return errors::type_error("fsencode() argument must be str");
    }
    let os: OsString = OsString::from(pystr::as_str(a[0]));
    bytes::new(&os.into_vec())
}

pub fn create() -> Value {
    super::with_functions(
        "_kiln_posix",
        &[
            ("stat", p_stat),
            ("listdir", p_listdir),
            ("dir_types", p_dir_types),
            ("getcwd", p_getcwd),
            ("getcwdb", p_getcwdb),
            ("chdir", p_chdir),
            ("mkdir", p_mkdir),
            ("rmdir", p_rmdir),
            ("unlink", p_unlink),
            ("rename", p_rename),
            ("symlink", p_symlink),
            ("link", p_link),
            ("readlink", p_readlink),
            ("chmod", p_chmod),
            ("utime", p_utime),
            ("access", p_access),
            ("open", p_open),
            ("close", p_close),
            ("read", p_read),
            ("write", p_write),
            ("lseek", p_lseek),
            ("dup", p_dup),
            ("dup2", p_dup2),
            ("fsync", p_fsync),
            ("ftruncate", p_ftruncate),
            ("isatty", p_isatty),
            ("pipe", p_pipe),
            ("ids", p_ids),
            ("umask", p_umask),
            ("strerror", p_strerror),
            ("urandom", p_urandom),
            ("_exit", p_exit),
            ("kill", p_kill),
            ("environ", p_environ),
            ("putenv", p_putenv),
            ("unsetenv", p_unsetenv),
            ("cpu_count", p_cpu_count),
            ("uname", p_uname),
            ("fsencode", p_fsencode),
        ],
    )
}
