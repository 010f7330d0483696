//! The bytecode decoder: turns a code object's raw bytecode into instructions in one normalized,
//! version-neutral form (design decision 8): EXTENDED_ARG folded into arguments, inline CACHE
//! entries skipped, jump targets resolved to absolute byte offsets of instructions, source lines
//! attached, exception ranges parsed and validated.
//!
//! - [`opcodes`]: generated opcode tables, one per CPython version (`tools/gen_opcodes.py`), and
//!   the union [`Op`] enum.
//! - [`decode`](mod@decode): the decoder, driven by a per-version [`decode::VersionSpec`].
//! - [`exception_table`]: the 3.11+ `co_exceptiontable` format.
//! - [`line_table`]: `co_lnotab` (3.8, 3.9), the 3.10 line table and the 3.11+ location table.
//! - [`format_listing`]: a readable disassembly.
//!
//! [`decode()`] accepts CPython 3.11 bytecode; other versions are rejected with "CPython 3.X
//! bytecode is not supported yet" until the lifter handles them (their tables, line tables and,
//! for 3.12+, exception tables already decode: see [`decode_unnormalized`]).

pub mod decode;
pub mod exception_table;
pub mod line_table;
mod listing;
pub mod opcodes;

pub use decode::{
    compare_index, decode, decode_unnormalized, spec_for, DecodeError, Decoded, ExceptionEntry,
    Instruction, VersionSpec,
};
pub use listing::{format_listing, instruction_hint};
pub use opcodes::{ArgKind, JumpKind, Op, OpInfo};

use crate::pyc::PyVersion;

/// Whether [`decode()`] accepts bytecode of `version` (today: CPython 3.11 only).
pub fn is_supported(version: PyVersion) -> bool {
    spec_for(version).map(|s| s.supported).unwrap_or(false)
}
