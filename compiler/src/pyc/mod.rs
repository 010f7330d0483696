//! The `.pyc` reader: turns the bytes of a CPython 3.8–3.14 `.pyc` file into version-neutral
//! data — a [`Pyc`] holding the module's [`CodeObject`] tree with its constants, names, line
//! table and exception table as raw, undecoded fields.
//!
//! - [`header`]: the 16-byte header (magic number → [`PyVersion`], flags, source stamp).
//! - [`marshal`]: CPython's marshal format (all type codes, `FLAG_REF` back-references), including
//!   the per-version code object layouts.
//! - [`code`]: the output data types.
//!
//! Malformed input never panics: every defect is a [`PycError`] naming, where useful, the byte
//! offset in the file. Sizes declared in the data are checked against the remaining input before
//! anything is allocated, nesting is limited to [`marshal::MAX_DEPTH`] levels, and the expansion
//! of back-references is bounded.
//!
//! Decoding the bytecode itself (opcodes, jumps, line numbers) is the job of `crate::bytecode`.

pub mod code;
pub mod header;
pub mod marshal;

use std::fmt;
use std::rc::Rc;

pub use code::{CodeObject, Const, LocalKind, PyVersion};
pub use header::{parse_header, PycHeader, SourceStamp};

/// A parsed `.pyc` file.
#[derive(Clone, Debug)]
pub struct Pyc {
    /// The CPython version the file was compiled by (from its magic number).
    pub version: PyVersion,
    /// The header's flags word (bit 0: hash-based, bit 1: check source).
    pub flags: u32,
    /// The module's code object.
    pub code: Rc<CodeObject>,
}

/// Why a `.pyc` (or a piece of marshal data) could not be read. Its `Display` is one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PycError {
    message: String,
    offset: Option<usize>,
}

impl PycError {
    /// An error with no particular position.
    pub fn new(message: impl Into<String>) -> PycError {
        PycError {
            message: message.into(),
            offset: None,
        }
    }

    /// An error about the data at byte `offset` of the file. The message should say where.
    pub fn at(offset: usize, message: impl Into<String>) -> PycError {
        PycError {
            message: message.into(),
            offset: Some(offset),
        }
    }

    /// The one-line message (the same text as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte offset in the file the error is about, when there is one.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }
}

impl fmt::Display for PycError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PycError {}

/// Reads a whole `.pyc` file: header, then the marshalled module code object.
///
/// Bytes after the code object are ignored, as CPython ignores them.
pub fn read_pyc(bytes: &[u8]) -> Result<Pyc, PycError> {
    let header = parse_header(bytes)?;
    // The header names the version whose code-object layout the data must follow; say so, as
    // a file relabelled with another version's magic fails here.
    let value =
        marshal::read_object_at(bytes, header::HEADER_LEN, header.version).map_err(|e| {
            PycError {
                message: format!("{} (reading CPython {} data)", e.message, header.version),
                offset: e.offset,
            }
        })?;
    match value {
        Const::Code(code) => Ok(Pyc {
            version: header.version,
            flags: header.flags,
            code,
        }),
        other => Err(PycError::at(
            header::HEADER_LEN,
            format!(
                "the .pyc holds a {} at byte {}, not a code object",
                other.type_name(),
                header::HEADER_LEN
            ),
        )),
    }
}
