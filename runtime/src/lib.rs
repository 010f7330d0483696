//! kiln-runtime: the library every executable kiln builds links with.
//!
//! It provides Python's objects (`objects`, one file per type, and `ops`, the protocols they
//! share), the namespaces and frames (`frame`, `builtins`, `sys`), exceptions and tracebacks
//! (`errors`, `traceback`), memory (`gc`), and `abi`: the only functions compiled code calls.

// The runtime's own unit tests run on libtest's threads, which the collector does not know;
// they test pure code and keep the system allocator.
#[cfg(not(test))]
#[global_allocator]
static HEAP: gc::RustHeap = gc::RustHeap;

pub mod abi;
pub mod builtins;
pub mod cache;
pub mod errors;
pub mod format;
pub mod frame;
pub mod gc;
pub mod import;
pub mod io;
pub mod loader;
pub mod object;
pub mod objects;
pub mod ops;
pub mod patterns;
pub mod startup;
pub mod sys;
pub mod traceback;
pub mod value;
