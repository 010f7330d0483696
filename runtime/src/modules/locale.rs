//! `_locale`: the C library's locale (`setlocale`, `localeconv`, `nl_langinfo`, `strcoll`,
//! `strxfrm`, `getencoding`), which `locale` builds on. CPython sets `LC_CTYPE` from the
//! environment when it starts (and coerces the C locale to C.UTF-8, PEP 538); kiln does the
//! same the first time the module is imported, so the answers match the interpreter's.

use crate::errors;
use crate::object::{new_builtin_type, none, type_name_of, Kind, TypeObject};
use crate::objects::{dict, int, list, module, str as pystr};
use crate::value::Value;
use std::ffi::{c_char, c_int, CStr, CString};

/// glibc's `struct lconv`, up to the fields `localeconv()` reports.
#[repr(C)]
struct Lconv {
    decimal_point: *const c_char,
    thousands_sep: *const c_char,
    grouping: *const c_char,
    int_curr_symbol: *const c_char,
    currency_symbol: *const c_char,
    mon_decimal_point: *const c_char,
    mon_thousands_sep: *const c_char,
    mon_grouping: *const c_char,
    positive_sign: *const c_char,
    negative_sign: *const c_char,
    int_frac_digits: c_char,
    frac_digits: c_char,
    p_cs_precedes: c_char,
    p_sep_by_space: c_char,
    n_cs_precedes: c_char,
    n_sep_by_space: c_char,
    p_sign_posn: c_char,
    n_sign_posn: c_char,
}

extern "C" {
    fn setlocale(category: c_int, locale: *const c_char) -> *const c_char;
    fn localeconv() -> *const Lconv;
    fn nl_langinfo(item: c_int) -> *const c_char;
    fn wcscoll(a: *const i32, b: *const i32) -> c_int;
    fn wcsxfrm(dst: *mut i32, src: *const i32, n: usize) -> usize;
}

const LC_CTYPE: i64 = 0;
const LC_ALL: i64 = 6;

/// The categories, as glibc numbers them.
const CATEGORIES: &[(&str, i64)] = &[
    ("LC_CTYPE", LC_CTYPE),
    ("LC_NUMERIC", 1),
    ("LC_TIME", 2),
    ("LC_COLLATE", 3),
    ("LC_MONETARY", 4),
    ("LC_MESSAGES", 5),
    ("LC_ALL", LC_ALL),
];

/// The `nl_langinfo` items CPython exposes, with glibc's numbers.
const LANGINFO: &[(&str, i64)] = &[
    ("CODESET", 14),
    ("RADIXCHAR", 0x10000),
    ("THOUSEP", 0x10001),
    ("CRNCYSTR", 0x4000f),
    ("YESEXPR", 0x50000),
    ("NOEXPR", 0x50001),
    ("ABDAY_1", 0x20000),
    ("ABDAY_2", 0x20001),
    ("ABDAY_3", 0x20002),
    ("ABDAY_4", 0x20003),
    ("ABDAY_5", 0x20004),
    ("ABDAY_6", 0x20005),
    ("ABDAY_7", 0x20006),
    ("DAY_1", 0x20007),
    ("DAY_2", 0x20008),
    ("DAY_3", 0x20009),
    ("DAY_4", 0x2000a),
    ("DAY_5", 0x2000b),
    ("DAY_6", 0x2000c),
    ("DAY_7", 0x2000d),
    ("ABMON_1", 0x2000e),
    ("ABMON_2", 0x2000f),
    ("ABMON_3", 0x20010),
    ("ABMON_4", 0x20011),
    ("ABMON_5", 0x20012),
    ("ABMON_6", 0x20013),
    ("ABMON_7", 0x20014),
    ("ABMON_8", 0x20015),
    ("ABMON_9", 0x20016),
    ("ABMON_10", 0x20017),
    ("ABMON_11", 0x20018),
    ("ABMON_12", 0x20019),
    ("MON_1", 0x2001a),
    ("MON_2", 0x2001b),
    ("MON_3", 0x2001c),
    ("MON_4", 0x2001d),
    ("MON_5", 0x2001e),
    ("MON_6", 0x2001f),
    ("MON_7", 0x20020),
    ("MON_8", 0x20021),
    ("MON_9", 0x20022),
    ("MON_10", 0x20023),
    ("MON_11", 0x20024),
    ("MON_12", 0x20025),
    ("AM_STR", 0x20026),
    ("PM_STR", 0x20027),
    ("D_T_FMT", 0x20028),
    ("D_FMT", 0x20029),
    ("T_FMT", 0x2002a),
    ("T_FMT_AMPM", 0x2002b),
    ("ERA", 0x2002c),
    ("ERA_D_FMT", 0x2002e),
    ("ALT_DIGITS", 0x2002f),
    ("ERA_D_T_FMT", 0x20030),
    ("ERA_T_FMT", 0x20031),
    ("_DATE_FMT", 0x2006c),
];

static mut ERROR: *mut TypeObject = std::ptr::null_mut();
static mut STARTED: bool = false;

/// What CPython does to the locale at startup: `LC_CTYPE` from the environment, and the C
/// or POSIX locale coerced to a UTF-8 one (with `LC_CTYPE` exported) unless `LC_ALL` is set
/// or `PYTHONCOERCECLOCALE=0`.
fn start() {
    unsafe {
        if STARTED {
            return;
        }
        STARTED = true;
        let got = setlocale(LC_CTYPE as c_int, c"".as_ptr());
        let name = if got.is_null() {
            setlocale(LC_CTYPE as c_int, std::ptr::null())
        } else {
            got
        };
        if name.is_null() {
            return;
        }
        let name = CStr::from_ptr(name).to_bytes();
        let coerce = std::env::var_os("LC_ALL").is_none_or(|v| v.is_empty())
            && std::env::var_os("PYTHONCOERCECLOCALE").is_none_or(|v| v != "0");
        if (name == b"C" || name == b"POSIX") && coerce {
            for target in [c"C.UTF-8", c"C.utf8", c"UTF-8"] {
                if !setlocale(LC_CTYPE as c_int, target.as_ptr()).is_null() {
                    std::env::set_var("LC_CTYPE", target.to_str().unwrap_or("C.UTF-8"));
                    break;
                }
            }
        }
    }
}

fn locale_error(msg: &str) -> Value {
    errors::raise_msg(unsafe { ERROR }, msg)
}

/// A C string of the C library's as a str (UTF-8, undecodable bytes replaced).
fn c_text(p: *const c_char) -> Value {
    if p.is_null() {
        return pystr::intern("");
    }
    pystr::new(&String::from_utf8_lossy(
        unsafe { CStr::from_ptr(p) }.to_bytes(),
    ))
}

fn int_arg(v: Value, what: &str) -> Option<i64> {
    if !int::is_int(v) {
        errors::type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            type_name_of(v)
        ));
        return None;
    }
    let n = int::index_value(v, what)?;
    if i64::from(c_int::MIN) > n || n > i64::from(c_int::MAX) {
        errors::raise_msg(
            crate::object::exc_types().overflow_error,
            "Python int too large to convert to C int",
        );
        return None;
    }
    Some(n)
}

fn str_arg(fname: &str, n: usize, v: Value) -> Option<&'static str> {
    if !pystr::is_str(v) {
        errors::type_error(&format!(
            "{fname}() argument {n} must be str, not {}",
            type_name_of(v)
        ));
        return None;
    }
    let s = pystr::as_str(v);
    if s.contains('\0') {
        errors::value_error("embedded null character");
        return None;
    }
    Some(s)
}

fn l_setlocale(a: &[Value], k: Value) -> Value {
    if !super::check_plain("setlocale", a, k, 1, 2) {
        return Value::NULL;
    }
    let Some(cat) = int_arg(a[0], "setlocale") else {
        return Value::NULL;
    };
    start();
    let loc = match a.get(1) {
        None => None,
        Some(v) if *v == none() => None,
        Some(v) if pystr::is_str(*v) => {
            let Some(s) = str_arg("setlocale", 2, *v) else {
                return Value::NULL;
            };
            Some(CString::new(s).unwrap_or_default())
        }
        Some(v) => {
            return errors::type_error(&format!(
                "setlocale() argument 2 must be str or None, not {}",
                type_name_of(*v)
            ))
        }
    };
    if !(0..=12).contains(&cat) {
        return locale_error("unsupported locale setting");
    }
    let p = unsafe {
        setlocale(
            cat as c_int,
            loc.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
        )
    };
    if p.is_null() {
        return locale_error(if loc.is_some() {
            "unsupported locale setting"
        } else {
            "locale query failed"
        });
    }
    c_text(p)
}

/// A `grouping` string as CPython lists it: each size, then the 0 or CHAR_MAX that ends it.
fn grouping(p: *const c_char) -> Value {
    let mut out = Vec::new();
    if !p.is_null() {
        let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
        for &b in bytes {
            out.push(Value::from_small(b as c_char as i64));
            if b as c_char == c_char::MAX {
                break;
            }
        }
        if !bytes.is_empty() && bytes.last().map(|b| *b as c_char) != Some(c_char::MAX) {
            out.push(Value::from_small(0));
        }
    }
    list::from_vec(out)
}

fn l_localeconv(a: &[Value], k: Value) -> Value {
    if !super::check_plain("localeconv", a, k, 0, 0) {
        return Value::NULL;
    }
    start();
    let lc = unsafe { &*localeconv() };
    let d = dict::new();
    let strings = [
        ("int_curr_symbol", lc.int_curr_symbol),
        ("currency_symbol", lc.currency_symbol),
        ("mon_decimal_point", lc.mon_decimal_point),
        ("mon_thousands_sep", lc.mon_thousands_sep),
    ];
    for (n, p) in strings {
        dict::set_by_name(d, n, c_text(p));
    }
    dict::set_by_name(d, "mon_grouping", grouping(lc.mon_grouping));
    dict::set_by_name(d, "positive_sign", c_text(lc.positive_sign));
    dict::set_by_name(d, "negative_sign", c_text(lc.negative_sign));
    let chars = [
        ("int_frac_digits", lc.int_frac_digits),
        ("frac_digits", lc.frac_digits),
        ("p_cs_precedes", lc.p_cs_precedes),
        ("p_sep_by_space", lc.p_sep_by_space),
        ("n_cs_precedes", lc.n_cs_precedes),
        ("n_sep_by_space", lc.n_sep_by_space),
        ("p_sign_posn", lc.p_sign_posn),
        ("n_sign_posn", lc.n_sign_posn),
    ];
    for (n, c) in chars {
        dict::set_by_name(d, n, Value::from_small(c as i64));
    }
    dict::set_by_name(d, "decimal_point", c_text(lc.decimal_point));
    dict::set_by_name(d, "thousands_sep", c_text(lc.thousands_sep));
    dict::set_by_name(d, "grouping", grouping(lc.grouping));
    d
}

fn l_nl_langinfo(a: &[Value], k: Value) -> Value {
    if !super::check_plain("nl_langinfo", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(item) = int_arg(a[0], "nl_langinfo") else {
        return Value::NULL;
    };
    if !LANGINFO.iter().any(|(_, n)| *n == item) {
        return errors::value_error("unsupported langinfo constant");
    }
    start();
    c_text(unsafe { nl_langinfo(item as c_int) })
}

fn l_getencoding(a: &[Value], k: Value) -> Value {
    if !super::check_plain("getencoding", a, k, 0, 0) {
        return Value::NULL;
    }
    start();
    let p = unsafe { nl_langinfo(14) };
    if p.is_null() || unsafe { *p } == 0 {
        return pystr::intern("UTF-8");
    }
    c_text(p)
}

/// A str as the C library's wide string (UTF-32, 0-terminated).
fn wide(fname: &str, n: usize, v: Value) -> Option<Vec<i32>> {
    let s = str_arg(fname, n, v)?;
    Some(s.chars().map(|c| c as i32).chain([0]).collect())
}

fn l_strcoll(a: &[Value], k: Value) -> Value {
    if !super::check_plain("strcoll", a, k, 2, 2) {
        return Value::NULL;
    }
    let (Some(x), Some(y)) = (wide("strcoll", 1, a[0]), wide("strcoll", 2, a[1])) else {
        return Value::NULL;
    };
    start();
    Value::from_small(unsafe { wcscoll(x.as_ptr(), y.as_ptr()) } as i64)
}

fn l_strxfrm(a: &[Value], k: Value) -> Value {
    if !super::check_plain("strxfrm", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(s) = wide("strxfrm", 1, a[0]) else {
        return Value::NULL;
    };
    start();
    let need = unsafe { wcsxfrm(std::ptr::null_mut(), s.as_ptr(), 0) };
    let mut out = vec![0i32; need + 1];
    unsafe { wcsxfrm(out.as_mut_ptr(), s.as_ptr(), need + 1) };
    out.truncate(need);
    let text: String = out
        .iter()
        .map(|&c| char::from_u32(c as u32).unwrap_or('\u{fffd}'))
        .collect();
    pystr::new(&text)
}

pub fn create() -> Value {
    let mut fns: Vec<(&str, crate::objects::builtin_function::NativeFn)> = vec![
        ("setlocale", l_setlocale),
        ("localeconv", l_localeconv),
        ("nl_langinfo", l_nl_langinfo),
        ("strcoll", l_strcoll),
        ("strxfrm", l_strxfrm),
    ];
    if crate::sys::bytecode_version() >= (3, 11) {
        fns.push(("getencoding", l_getencoding));
    }
    let m = super::with_functions("_locale", &fns);
    if m.is_null() {
        return m;
    }
    let d = module::dict_of(m);
    unsafe {
        if ERROR.is_null() {
            let t = new_builtin_type(
                "Error",
                Kind::Exception,
                crate::object::exc_types().exception,
            );
            (*t).module = pystr::intern("locale");
            (*t).flags |= crate::object::TF_HEAP;
            ERROR = t;
        }
        dict::set_by_name(d, "Error", Value::from_ptr(ERROR));
    }
    for (n, v) in CATEGORIES.iter().chain(LANGINFO) {
        dict::set_by_name(d, n, Value::from_small(*v));
    }
    dict::set_by_name(d, "CHAR_MAX", Value::from_small(c_char::MAX as i64));
    m
}
