//! `_kiln_time`: the clocks (`time`, `monotonic`, `perf_counter`, `process_time`, their `_ns`
//! forms), `sleep`, and the C library's calendar conversions as plain tuples (`broken_down`,
//! `mktime`, `strftime`). kiln's `time` module (compiler/pylib/time.py) builds `struct_time`
//! and the argument checks of CPython's `time` over them.

use crate::errors;
use crate::objects::{float, int};
use crate::value::Value;

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

/// glibc's `struct tm` (the same layout on x86-64 and aarch64).
#[repr(C)]
struct Tm {
    sec: i32,
    min: i32,
    hour: i32,
    mday: i32,
    mon: i32,
    year: i32,
    wday: i32,
    yday: i32,
    isdst: i32,
    gmtoff: i64,
    zone: *const std::ffi::c_char,
}

impl Tm {
    fn zeroed() -> Tm {
        Tm {
            sec: 0,
            min: 0,
            hour: 0,
            mday: 0,
            mon: 0,
            year: 0,
            wday: 0,
            yday: 0,
            isdst: 0,
            gmtoff: 0,
            zone: std::ptr::null(),
        }
    }
}

extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    fn gmtime_r(t: *const i64, out: *mut Tm) -> *mut Tm;
    fn localtime_r(t: *const i64, out: *mut Tm) -> *mut Tm;
    fn mktime(tm: *mut Tm) -> i64;
    fn strftime(s: *mut u8, max: usize, format: *const u8, tm: *const Tm) -> usize;
    fn tzset();
    fn __errno_location() -> *mut i32;
}

const CLOCK_REALTIME: i32 = 0;
const CLOCK_MONOTONIC: i32 = 1;
const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

fn now_ns(clock: i32) -> i128 {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    unsafe { clock_gettime(clock, &mut ts) };
    ts.sec as i128 * 1_000_000_000 + ts.nsec as i128
}

fn seconds(name: &str, args: &[Value], kw: Value, clock: i32) -> Value {
    if !super::check_plain(name, args, kw, 0, 0) {
        return Value::NULL;
    }
    float::new(now_ns(clock) as f64 / 1e9)
}

fn nanoseconds(name: &str, args: &[Value], kw: Value, clock: i32) -> Value {
    if !super::check_plain(name, args, kw, 0, 0) {
        return Value::NULL;
    }
    int::from_big(num_bigint::BigInt::from(now_ns(clock)))
}

fn t_time(a: &[Value], k: Value) -> Value {
    seconds("time", a, k, CLOCK_REALTIME)
}
fn t_time_ns(a: &[Value], k: Value) -> Value {
    nanoseconds("time_ns", a, k, CLOCK_REALTIME)
}
fn t_monotonic(a: &[Value], k: Value) -> Value {
    seconds("monotonic", a, k, CLOCK_MONOTONIC)
}
fn t_monotonic_ns(a: &[Value], k: Value) -> Value {
    nanoseconds("monotonic_ns", a, k, CLOCK_MONOTONIC)
}
fn t_perf_counter(a: &[Value], k: Value) -> Value {
    seconds("perf_counter", a, k, CLOCK_MONOTONIC)
}
fn t_perf_counter_ns(a: &[Value], k: Value) -> Value {
    nanoseconds("perf_counter_ns", a, k, CLOCK_MONOTONIC)
}
fn t_process_time(a: &[Value], k: Value) -> Value {
    seconds("process_time", a, k, CLOCK_PROCESS_CPUTIME_ID)
}
fn t_process_time_ns(a: &[Value], k: Value) -> Value {
    nanoseconds("process_time_ns", a, k, CLOCK_PROCESS_CPUTIME_ID)
}
fn t_thread_time(a: &[Value], k: Value) -> Value {
    seconds("thread_time", a, k, CLOCK_THREAD_CPUTIME_ID)
}

fn t_sleep(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("sleep", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(secs) = super::math::float_arg(args[0]) else {
        return Value::NULL;
    };
    if secs.is_nan() {
        return errors::value_error("Invalid value NaN (not a number)");
    }
    if secs < 0.0 {
        return errors::value_error("sleep length must be non-negative");
    }
    // In slices, so that Ctrl-C is seen within a tenth of a second.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(secs.min(1e9));
    loop {
        let now = std::time::Instant::now();
        if now >= deadline {
            break;
        }
        std::thread::sleep((deadline - now).min(std::time::Duration::from_millis(100)));
        if crate::signals::pending() && crate::signals::kiln_check_signals() != 0 {
            return Value::NULL;
        }
    }
    crate::object::none()
}

/// The `time_t` of an int argument; OverflowError as CPython's when it does not fit.
fn time_t_arg(v: Value) -> Option<i64> {
    if !int::is_int(v) {
        errors::type_error("an integer is required");
        return None;
    }
    let t = int::as_i64(v);
    if t.is_none() {
        errors::overflow_error("timestamp out of range for platform time_t");
    }
    t
}

/// `broken_down(t, local)`: `gmtime_r`/`localtime_r` of the int `t` as the 11-tuple
/// (year, mon, mday, hour, min, sec, wday, yday, isdst, zone, gmtoff) in `struct_time`'s terms.
fn t_broken_down(a: &[Value], k: Value) -> Value {
    if !super::check_plain("broken_down", a, k, 2, 2) {
        return Value::NULL;
    }
    let Some(t) = time_t_arg(a[0]) else {
        return Value::NULL;
    };
    let local = crate::ops::truthy(a[1]) == 1;
    let mut tm = Tm::zeroed();
    let r = unsafe {
        *__errno_location() = 0;
        if local {
            tzset();
            localtime_r(&t, &mut tm)
        } else {
            gmtime_r(&t, &mut tm)
        }
    };
    if r.is_null() {
        let code = match unsafe { *__errno_location() } {
            0 => 22,
            c => c,
        };
        return crate::objects::exception::raise_os_error(
            code as i64,
            &super::posix_raw::strerror_text(code),
            Value::NULL,
        );
    }
    let zone = if tm.zone.is_null() {
        crate::object::none()
    } else {
        let z = unsafe { std::ffi::CStr::from_ptr(tm.zone) };
        crate::objects::str::new(&z.to_string_lossy())
    };
    let small = |x: i64| Value::from_small(x);
    crate::objects::tuple::new(&[
        small(tm.year as i64 + 1900),
        small(tm.mon as i64 + 1),
        small(tm.mday as i64),
        small(tm.hour as i64),
        small(tm.min as i64),
        small(tm.sec as i64),
        small((tm.wday as i64 + 6) % 7),
        small(tm.yday as i64 + 1),
        small(tm.isdst as i64),
        zone,
        small(tm.gmtoff),
    ])
}

/// A `struct tm` from the nine ints of a `struct_time` (already range-checked by the caller
/// where the C function needs it).
fn tm_from(a: &[Value]) -> Option<Tm> {
    let mut f = [0i32; 9];
    for (slot, &v) in f.iter_mut().zip(a) {
        if !int::is_int(v) {
            errors::type_error("an integer is required");
            return None;
        }
        let Some(Ok(x)) = int::as_i64(v).map(i32::try_from) else {
            errors::overflow_error("Python int too large to convert to C int");
            return None;
        };
        *slot = x;
    }
    let mut tm = Tm::zeroed();
    tm.year = f[0].wrapping_sub(1900);
    tm.mon = f[1].wrapping_sub(1);
    tm.mday = f[2];
    tm.hour = f[3];
    tm.min = f[4];
    tm.sec = f[5];
    tm.wday = f[6].wrapping_add(1) % 7;
    tm.yday = f[7].wrapping_sub(1);
    tm.isdst = f[8];
    Some(tm)
}

/// `mktime(year, mon, mday, hour, min, sec, wday, yday, isdst)` → float seconds.
fn t_mktime(a: &[Value], k: Value) -> Value {
    if !super::check_plain("mktime", a, k, 9, 9) {
        return Value::NULL;
    }
    let Some(mut tm) = tm_from(a) else {
        return Value::NULL;
    };
    // A wday that mktime leaves alone tells an error from a real -1 (CPython's trick).
    tm.wday = -1;
    let t = unsafe {
        tzset();
        mktime(&mut tm)
    };
    if t == -1 && tm.wday == -1 {
        return errors::overflow_error("mktime argument out of range");
    }
    float::new(t as f64)
}

/// `strftime(format, year, ..., isdst, zone, gmtoff)`: the C library's `strftime` of the
/// fields (checked by the caller); `zone` None means the local one, `gmtoff` None zero.
fn t_strftime(a: &[Value], k: Value) -> Value {
    if !super::check_plain("strftime", a, k, 12, 12) {
        return Value::NULL;
    }
    let is_str = crate::objects::str::is_str;
    if !is_str(a[0]) || !(a[10] == crate::object::none() || is_str(a[10])) {
        return errors::type_error("strftime(): format and zone must be str");
    }
    let Some(mut tm) = tm_from(&a[1..10]) else {
        return Value::NULL;
    };
    let zone_text;
    if a[10] != crate::object::none() {
        zone_text = std::ffi::CString::new(crate::objects::str::as_str(a[10])).unwrap_or_default();
        tm.zone = zone_text.as_ptr();
    } else {
        unsafe { tzset() };
    }
    if a[11] != crate::object::none() {
        tm.gmtoff = int::as_i64(a[11]).unwrap_or(0);
    }
    let fmt = crate::objects::str::as_str(a[0]);
    if fmt.is_empty() {
        return crate::objects::str::new("");
    }
    if fmt.contains('\0') {
        return errors::value_error("embedded null character");
    }
    // strftime returns 0 both for "buffer too small" and for an empty result; as CPython
    // does, grow the buffer up to 256 times the format's length, then take it as empty.
    let c = std::ffi::CString::new(fmt).unwrap_or_default();
    let mut cap = 1024.max(fmt.len() * 4);
    let out = loop {
        let mut buf = vec![0u8; cap];
        let n = unsafe { strftime(buf.as_mut_ptr(), cap, c.as_ptr() as *const u8, &tm) };
        if n > 0 || cap >= 256 * fmt.len() {
            break String::from_utf8_lossy(&buf[..n]).into_owned();
        }
        cap *= 2;
    };
    crate::objects::str::new(&out)
}

pub fn create() -> Value {
    super::with_functions(
        "_kiln_time",
        &[
            ("broken_down", t_broken_down),
            ("mktime", t_mktime),
            ("strftime", t_strftime),
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("monotonic", t_monotonic),
            ("monotonic_ns", t_monotonic_ns),
            ("perf_counter", t_perf_counter),
            ("perf_counter_ns", t_perf_counter_ns),
            ("process_time", t_process_time),
            ("process_time_ns", t_process_time_ns),
            ("thread_time", t_thread_time),
            ("sleep", t_sleep),
        ],
    )
}
