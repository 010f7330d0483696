//! kiln-runtime: the library every executable kiln builds links with.
//!
//! It provides Python's objects (`objects`, one file per type, and `ops`, the protocols they
//! share), the namespaces and frames (`frame`, `builtins`, `sys`), exceptions and tracebacks
//! (`errors`, `traceback`, and `suggestions` for their "Did you mean" hints), memory (`gc`),
//! `signals` (Ctrl-C, SIGTERM), and `abi`: the only functions compiled code calls.

// Type objects (uncollectable roots) and frame records (alive while their call runs) are passed
// as raw pointers the runtime owns, as CPython passes `PyTypeObject *`; a function taking one is
// not unsafe to call from runtime code. The `unsafe extern "C"` functions of `abi` are called
// only by compiled code, under the contract that module's header states.
// `Err(())` throughout means "a Python exception is set" (decision 3): the error is in `errors`.
#![allow(
    clippy::not_unsafe_ptr_arg_deref,
    clippy::missing_safety_doc,
    clippy::result_unit_err
)]

// The runtime's own unit tests run on libtest's threads, which the collector does not know;
// they test pure code and keep the system allocator.
#[cfg(not(test))]
#[global_allocator]
static HEAP: gc::RustHeap = gc::RustHeap;

pub mod abi;
pub mod attr_cache;
pub mod builtins;
pub mod cache;
pub mod errors;
pub mod exact_digits;
pub mod format;
pub mod frame;
pub mod gc;
pub mod import;
pub mod io;
pub mod loader;
pub mod modules;
pub mod object;
pub mod objects;
pub mod ops;
pub mod patterns;
pub mod signals;
pub mod slice_subscript;
pub mod startup;
pub mod suggestions;
pub mod sys;
pub mod trace;
pub mod traceback;
pub mod value;
pub mod version_ops;
