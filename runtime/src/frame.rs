//! Frame records (decision 7): one small record per active Python call, linked from the
//! innermost outwards. Compiled code reads its arguments and namespaces from it; tracebacks,
//! `sys._getframe` and the recursion limit use the chain.

use crate::errors;
use crate::object::exc_types;
use crate::objects::code::CodeObject;
use crate::value::Value;

/// The layout compiled code relies on: keep the offsets in step with the compiler's codegen
/// (`FRAME_ARGS_OFFSET`, `FRAME_GEN_OFFSET` there).
#[repr(C)]
pub struct Frame {
    pub back: *mut Frame,
    pub func: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The locals dict of module and class bodies; null in functions.
    pub locals: Value,
    /// The bound arguments (and nothing else) of this call.
    pub args: *const Value,
    pub code: *const CodeObject,
    pub line: u32,
    /// The generator (or coroutine) this frame belongs to; null for plain calls.
    pub gen: *mut crate::objects::generator::GeneratorObject,
    /// The Python frame object made for this record (`sys._getframe`), or null.
    pub obj: Value,
}

pub static mut CURRENT: *mut Frame = std::ptr::null_mut();
pub static mut DEPTH: u32 = 0;
pub static mut RECURSION_LIMIT: u32 = 1000;
/// Address near the bottom of the main thread's stack (set at start-up), and how much of the
/// stack Python calls may use: past it a call raises RecursionError instead of overflowing the
/// native stack (the program runs on a 1 GiB stack; see `startup`).
pub static mut STACK_BASE: usize = 0;
pub static mut STACK_BUDGET: usize = (1 << 30) - (4 << 20);

/// True when the native stack is nearly used up.
#[inline(always)]
pub fn stack_exhausted() -> bool {
    let here = 0u8;
    let sp = &here as *const u8 as usize;
    unsafe { STACK_BASE != 0 && STACK_BASE.saturating_sub(sp) > STACK_BUDGET }
}

pub fn current() -> *mut Frame {
    unsafe { CURRENT }
}

/// Runs `body` with `frame` pushed; raises RecursionError past the limit.
#[inline]
pub fn with_frame(frame: &mut Frame, body: impl FnOnce(*mut Frame) -> Value) -> Value {
    unsafe {
        // A call is a safe point for signals (Ctrl-C).
        if crate::signals::pending() && crate::signals::kiln_check_signals() < 0 {
            return Value::NULL;
        }
        if DEPTH >= RECURSION_LIMIT || stack_exhausted() {
            return errors::raise_msg(
                exc_types().recursion_error,
                "maximum recursion depth exceeded",
            );
        }
        DEPTH += 1;
        frame.back = CURRENT;
        CURRENT = frame;
        let r = body(frame);
        CURRENT = frame.back;
        DEPTH -= 1;
        if !frame.obj.is_null() {
            crate::objects::frame_object::detach(frame);
        }
        r
    }
}

/// Runs native code that may recurse (repr of nested containers, comparisons) under the same
/// recursion limit.
pub fn guard<T>(what: &str, f: impl FnOnce() -> Option<T>) -> Option<T> {
    unsafe {
        if DEPTH >= RECURSION_LIMIT || stack_exhausted() {
            errors::raise_msg(
                exc_types().recursion_error,
                &format!("maximum recursion depth exceeded{what}"),
            );
            return None;
        }
        DEPTH += 1;
        let r = f();
        DEPTH -= 1;
        r
    }
}
