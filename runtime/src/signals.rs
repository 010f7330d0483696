//! Signals: Ctrl-C (SIGINT) becomes `KeyboardInterrupt` at the program's next safe point, and
//! SIGTERM ends the program as CPython's default does (death by the signal) but only after the
//! buffered output of `sys.stdout` and of open files has been written out.
//!
//! The program runs on its own thread (see `startup`); SIGINT and SIGTERM are blocked there and
//! taken by the main thread with `sigwait` ([`wait_for_signals`]), which only sets bits in
//! [`kiln_signals_pending`]. Compiled code reads that word at every loop header and the runtime
//! at every call (`frame::with_frame`): a load and a compare; when it is non-zero the safe point
//! calls [`kiln_check_signals`], which raises `KeyboardInterrupt` for SIGINT, or flushes and dies
//! for SIGTERM. A program that is waiting in `input()` cannot reach a safe point, so for SIGTERM
//! the main thread flushes and ends it itself when it finds it there ([`Blocked`]); a program
//! that reaches no safe point within [`TERM_GRACE`] (a long native loop, a full pipe) is ended
//! without the flush, as CPython would end it.
//!
//! When no program thread could be made (the program runs on the main thread) the signals are
//! caught by handlers that set the same bits.

use crate::errors;
use crate::object::exc_types;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub const SIGINT: i32 = 2;
pub const SIGTERM: i32 = 15;

/// Bit of [`kiln_signals_pending`]: a SIGINT waits to become `KeyboardInterrupt`.
pub const PENDING_INT: u32 = 1;
/// Bit of [`kiln_signals_pending`]: a SIGTERM waits to end the program.
pub const PENDING_TERM: u32 = 2;

/// Non-zero when a signal waits for the next safe point. Compiled code reads it directly (the
/// codegen's `SafePoint`), so its name and 32-bit size are part of the ABI.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static kiln_signals_pending: AtomicU32 = AtomicU32::new(0);

/// Set while the program thread waits for input outside any safe point, with no buffer in use:
/// the main thread may then flush the output itself.
static BLOCKED: AtomicBool = AtomicBool::new(false);

/// How long SIGTERM waits for the program to reach a safe point and flush its output.
const TERM_GRACE: Duration = Duration::from_secs(2);

/// glibc's `sigset_t` (1024 bits, on x86-64 and aarch64 alike).
#[repr(C)]
struct SigSet([u64; 16]);

extern "C" {
    fn sigemptyset(set: *mut SigSet) -> i32;
    fn sigaddset(set: *mut SigSet, sig: i32) -> i32;
    fn pthread_sigmask(how: i32, set: *const SigSet, old: *mut SigSet) -> i32;
    fn sigwait(set: *const SigSet, sig: *mut i32) -> i32;
    fn signal(sig: i32, handler: usize) -> usize;
    fn raise(sig: i32) -> i32;
}

const SIG_BLOCK: i32 = 0;
const SIG_UNBLOCK: i32 = 1;
const SIG_DFL: usize = 0;
const SIG_IGN: usize = 1;

fn set_of(sigs: &[i32]) -> SigSet {
    let mut s = SigSet([0; 16]);
    unsafe {
        sigemptyset(&mut s);
        for &sig in sigs {
            sigaddset(&mut s, sig);
        }
    }
    s
}

/// SIGINT and SIGTERM were ignored when the program started (as `&` in a shell script leaves
/// SIGINT): they stay ignored, as CPython leaves them.
static INT_IGNORED: AtomicBool = AtomicBool::new(false);
static TERM_IGNORED: AtomicBool = AtomicBool::new(false);

/// Notes which of SIGINT and SIGTERM the program inherited as ignored.
fn note_ignored() {
    unsafe {
        for (sig, flag) in [(SIGINT, &INT_IGNORED), (SIGTERM, &TERM_IGNORED)] {
            let old = signal(sig, SIG_IGN);
            flag.store(old == SIG_IGN, Ordering::SeqCst);
            signal(sig, old);
        }
    }
}

/// Blocks SIGINT and SIGTERM in the calling thread (and the threads it creates afterwards).
pub fn block_in_this_thread() {
    note_ignored();
    let s = set_of(&[SIGINT, SIGTERM]);
    unsafe {
        pthread_sigmask(SIG_BLOCK, &s, std::ptr::null_mut());
    }
}

/// Unblocks them again (for a program that runs on the main thread).
pub fn unblock_in_this_thread() {
    let s = set_of(&[SIGINT, SIGTERM]);
    unsafe {
        pthread_sigmask(SIG_UNBLOCK, &s, std::ptr::null_mut());
    }
}

/// The main thread's loop while the program runs: turns each SIGINT and SIGTERM into a pending
/// bit; for SIGTERM, ends the program if it does not end itself in time. Never returns (the
/// program ends the process).
pub fn wait_for_signals() -> ! {
    let s = set_of(&[SIGINT, SIGTERM]);
    loop {
        let mut sig = 0;
        if unsafe { sigwait(&s, &mut sig) } != 0 {
            continue;
        }
        match sig {
            SIGINT if INT_IGNORED.load(Ordering::SeqCst) => {}
            SIGTERM if TERM_IGNORED.load(Ordering::SeqCst) => {}
            SIGINT => {
                kiln_signals_pending.fetch_or(PENDING_INT, Ordering::SeqCst);
            }
            SIGTERM => {
                kiln_signals_pending.fetch_or(PENDING_TERM, Ordering::SeqCst);
                let start = Instant::now();
                while start.elapsed() < TERM_GRACE {
                    if BLOCKED.load(Ordering::SeqCst) {
                        flush_everything();
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                die_by(SIGTERM);
            }
            _ => {}
        }
    }
}

extern "C" fn on_signal(sig: i32) {
    let bit = if sig == SIGINT {
        PENDING_INT
    } else {
        PENDING_TERM
    };
    kiln_signals_pending.fetch_or(bit, Ordering::SeqCst);
}

/// For a program on the main thread: handlers that set the pending bits (for the signals not
/// inherited as ignored).
pub fn install_handlers() {
    let h: extern "C" fn(i32) = on_signal;
    unsafe {
        if !INT_IGNORED.load(Ordering::SeqCst) {
            signal(SIGINT, h as usize);
        }
        if !TERM_IGNORED.load(Ordering::SeqCst) {
            signal(SIGTERM, h as usize);
        }
    }
}

/// Writes out `sys.stdout`'s buffer and every open file's.
fn flush_everything() {
    crate::io::flush_stdout();
    crate::objects::file::flush_all();
}

/// Ends the process as `sig`'s default action does (CPython's exit after an uncaught
/// `KeyboardInterrupt` is the same: it re-raises SIGINT).
pub fn die_by(sig: i32) -> ! {
    let s = set_of(&[sig]);
    unsafe {
        signal(sig, SIG_DFL);
        pthread_sigmask(SIG_UNBLOCK, &s, std::ptr::null_mut());
        raise(sig);
    }
    // Not reached: the default action of SIGINT and SIGTERM ends the process.
    std::process::exit(128 + sig)
}

/// The safe point's slow path, taken when [`kiln_signals_pending`] is non-zero: 0 when nothing
/// was raised, -1 with `KeyboardInterrupt` set. SIGTERM does not return.
#[no_mangle]
pub extern "C" fn kiln_check_signals() -> i64 {
    let pending = kiln_signals_pending.swap(0, Ordering::SeqCst);
    if pending & PENDING_TERM != 0 {
        flush_everything();
        die_by(SIGTERM);
    }
    if pending & PENDING_INT != 0 {
        errors::raise_args(exc_types().keyboard_interrupt, &[]);
        return -1;
    }
    0
}

/// Is a signal waiting for a safe point? (A load and a compare.)
#[inline(always)]
pub fn pending() -> bool {
    kiln_signals_pending.load(Ordering::Relaxed) != 0
}

/// Marks the program thread as waiting outside any safe point (reading input) while it lives;
/// the caller must hold no output buffer.
pub struct Blocked;

impl Blocked {
    pub fn enter() -> Blocked {
        BLOCKED.store(true, Ordering::SeqCst);
        Blocked
    }
}

impl Drop for Blocked {
    fn drop(&mut self) {
        BLOCKED.store(false, Ordering::SeqCst);
    }
}
