//! `time`: the clocks (`time`, `monotonic`, `perf_counter`, `process_time`, their `_ns`
//! forms) and `sleep`. Calendar conversions (`gmtime`, `localtime`, `strftime`) are not here
//! yet: they need `struct_time`.

use crate::errors;
use crate::objects::{float, int};
use crate::value::Value;

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
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

pub fn create() -> Value {
    super::with_functions(
        "time",
        &[
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
