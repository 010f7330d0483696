//! `_stat`: the file-mode constants and tests (`S_ISDIR`, `S_IMODE`, `filemode`, ...) with
//! Linux's values, which `stat.py` takes with `from _stat import *`. Modes are converted as
//! CPython converts a `mode_t`, with its errors.

use crate::errors;
use crate::object::{bool_value, exc_types};
use crate::objects::builtin_function::NativeFn;
use crate::objects::{dict, int, module, str as pystr};
use crate::value::Value;

const S_IFMT: u32 = 0o170000;
const S_IFSOCK: u32 = 0o140000;
const S_IFLNK: u32 = 0o120000;
const S_IFREG: u32 = 0o100000;
const S_IFBLK: u32 = 0o060000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFIFO: u32 = 0o010000;

/// The constants of every version.
const CONSTANTS: &[(&str, i64)] = &[
    ("S_IFDIR", S_IFDIR as i64),
    ("S_IFCHR", S_IFCHR as i64),
    ("S_IFBLK", S_IFBLK as i64),
    ("S_IFREG", S_IFREG as i64),
    ("S_IFIFO", S_IFIFO as i64),
    ("S_IFLNK", S_IFLNK as i64),
    ("S_IFSOCK", S_IFSOCK as i64),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", 0o4000),
    ("S_ISGID", 0o2000),
    ("S_ISVTX", 0o1000),
    ("S_ENFMT", 0o2000),
    ("S_IREAD", 0o400),
    ("S_IWRITE", 0o200),
    ("S_IEXEC", 0o100),
    ("S_IRWXU", 0o700),
    ("S_IRUSR", 0o400),
    ("S_IWUSR", 0o200),
    ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o070),
    ("S_IRGRP", 0o040),
    ("S_IWGRP", 0o020),
    ("S_IXGRP", 0o010),
    ("S_IRWXO", 0o007),
    ("S_IROTH", 0o004),
    ("S_IWOTH", 0o002),
    ("S_IXOTH", 0o001),
    ("UF_NODUMP", 0x1),
    ("UF_IMMUTABLE", 0x2),
    ("UF_APPEND", 0x4),
    ("UF_OPAQUE", 0x8),
    ("UF_NOUNLINK", 0x10),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("SF_ARCHIVED", 0x10000),
    ("SF_IMMUTABLE", 0x20000),
    ("SF_APPEND", 0x40000),
    ("SF_NOUNLINK", 0x100000),
    ("SF_SNAPSHOT", 0x200000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// The flags 3.13 added.
const CONSTANTS_3_13: &[(&str, i64)] = &[
    ("UF_SETTABLE", 0xffff),
    ("UF_TRACKED", 0x40),
    ("UF_DATAVAULT", 0x80),
    ("SF_SETTABLE", 0xffff0000),
    ("SF_FIRMLINK", 0x800000),
    ("SF_DATALESS", 0x40000000),
];

/// A mode argument as a `mode_t`; None with CPython's exception.
fn mode_of(name: &str, a: &[Value], k: Value) -> Option<u32> {
    let qualified = if crate::sys::bytecode_version() >= (3, 9) {
        format!("_stat.{name}")
    } else {
        name.to_string()
    };
    if !super::check_plain(&qualified, a, k, 1, 1) {
        return None;
    }
    let v = a[0];
    if !int::is_int(v) {
        errors::type_error("an integer is required");
        return None;
    }
    let b = int::to_big(v);
    let msg = if b < num_bigint::BigInt::from(0) {
        "can't convert negative value to unsigned int"
    } else if b > num_bigint::BigInt::from(u64::MAX) {
        "Python int too large to convert to C unsigned long"
    } else if b > num_bigint::BigInt::from(u32::MAX) {
        "mode out of range"
    } else {
        return int::as_i64(v).map(|n| n as u32);
    };
    errors::raise_msg(exc_types().overflow_error, msg);
    None
}

macro_rules! file_type_test {
    ($($fn_name:ident, $py:literal, $kind:expr;)*) => {
        $(
            fn $fn_name(a: &[Value], k: Value) -> Value {
                match mode_of($py, a, k) {
                    Some(m) => bool_value($kind != 0 && m & S_IFMT == $kind),
                    None => Value::NULL,
                }
            }
        )*
    };
}

file_type_test! {
    s_isdir, "S_ISDIR", S_IFDIR;
    s_ischr, "S_ISCHR", S_IFCHR;
    s_isblk, "S_ISBLK", S_IFBLK;
    s_isreg, "S_ISREG", S_IFREG;
    s_isfifo, "S_ISFIFO", S_IFIFO;
    s_islnk, "S_ISLNK", S_IFLNK;
    s_issock, "S_ISSOCK", S_IFSOCK;
    s_isdoor, "S_ISDOOR", 0;
    s_isport, "S_ISPORT", 0;
    s_iswht, "S_ISWHT", 0;
}

fn s_imode(a: &[Value], k: Value) -> Value {
    match mode_of("S_IMODE", a, k) {
        Some(m) => Value::from_small((m & 0o7777) as i64),
        None => Value::NULL,
    }
}

fn s_ifmt(a: &[Value], k: Value) -> Value {
    match mode_of("S_IFMT", a, k) {
        Some(m) => Value::from_small((m & S_IFMT) as i64),
        None => Value::NULL,
    }
}

/// `filemode(mode)`: `-rwxr-xr-x` and the like, as `ls -l` shows a mode.
fn s_filemode(a: &[Value], k: Value) -> Value {
    let Some(m) = mode_of("filemode", a, k) else {
        return Value::NULL;
    };
    let kind = match m & S_IFMT {
        S_IFREG => '-',
        S_IFDIR => 'd',
        S_IFLNK => 'l',
        S_IFBLK => 'b',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        S_IFSOCK => 's',
        _ => '?',
    };
    let mut s = String::with_capacity(10);
    s.push(kind);
    // Each of user, group and other: read, write, then execute merged with its special bit.
    for (shift, special, set, unset) in [
        (6, 0o4000, 's', 'S'),
        (3, 0o2000, 's', 'S'),
        (0, 0o1000, 't', 'T'),
    ] {
        let bits = (m >> shift) & 7;
        s.push(if bits & 4 != 0 { 'r' } else { '-' });
        s.push(if bits & 2 != 0 { 'w' } else { '-' });
        s.push(match (bits & 1 != 0, m & special != 0) {
            (true, true) => set,
            (false, true) => unset,
            (true, false) => 'x',
            (false, false) => '-',
        });
    }
    pystr::new(&s)
}

pub fn create() -> Value {
    let fns: &[(&str, NativeFn)] = &[
        ("S_ISDIR", s_isdir),
        ("S_ISCHR", s_ischr),
        ("S_ISBLK", s_isblk),
        ("S_ISREG", s_isreg),
        ("S_ISFIFO", s_isfifo),
        ("S_ISLNK", s_islnk),
        ("S_ISSOCK", s_issock),
        ("S_ISDOOR", s_isdoor),
        ("S_ISPORT", s_isport),
        ("S_ISWHT", s_iswht),
        ("S_IMODE", s_imode),
        ("S_IFMT", s_ifmt),
        ("filemode", s_filemode),
    ];
    let m = super::with_functions("_stat", fns);
    if m.is_null() {
        return m;
    }
    let d = module::dict_of(m);
    let newer = crate::sys::bytecode_version() >= (3, 13);
    let extra: &[(&str, i64)] = if newer { CONSTANTS_3_13 } else { &[] };
    for (n, v) in CONSTANTS.iter().chain(extra) {
        dict::set_by_name(d, n, int::from_i64(*v));
    }
    m
}
