//! kiln-compiler: turns CPython `.pyc` files into native object files and executables.
//!
//! The pipeline, one module per stage:
//! `pyc` (header, marshal) → `bytecode` (per-version tables, decoder) → `lift` (to the SSA
//! `ir`) → `codegen` (Cranelift, one object file per module) → `link` (the system linker),
//! driven by `driver`.

pub mod bytecode;
pub mod codegen;
pub mod driver;
pub mod error;
pub mod ir;
pub mod lift;
pub mod link;
pub mod pyc;
