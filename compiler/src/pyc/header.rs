//! The 16-byte `.pyc` header (PEP 552): magic number, flags, then either the source hash or the
//! source mtime and size.

use super::code::PyVersion;
use super::PycError;

/// Size of the header that precedes the marshal data.
pub const HEADER_LEN: usize = 16;

/// The magic number (the `u16` before `b"\r\n"`) of each supported version's final release.
pub const MAGIC_NUMBERS: &[(u16, PyVersion)] = &[
    (3413, PyVersion::new(3, 8)),
    (3425, PyVersion::new(3, 9)),
    (3439, PyVersion::new(3, 10)),
    (3495, PyVersion::new(3, 11)),
    (3531, PyVersion::new(3, 12)),
    (3571, PyVersion::new(3, 13)),
    (3627, PyVersion::new(3, 14)),
];

/// Flag bit 0: the pyc is validated by source hash rather than by mtime.
pub const FLAG_HASH_BASED: u32 = 1;
/// Flag bit 1 (with bit 0): check the hash against the source when importing.
pub const FLAG_CHECK_SOURCE: u32 = 2;

/// How the `.pyc` records the source it was compiled from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceStamp {
    /// `flags & 1 == 0`: the source file's modification time and size (both truncated to 32 bits).
    Timestamp { mtime: u32, size: u32 },
    /// `flags & 1 == 1`: SipHash of the source; `check_source` is flag bit 1.
    Hash { hash: [u8; 8], check_source: bool },
}

/// A parsed `.pyc` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PycHeader {
    pub magic: u16,
    pub version: PyVersion,
    pub flags: u32,
    pub stamp: SourceStamp,
}

/// The version whose magic number is `magic`, if kiln reads it.
pub fn version_for_magic(magic: u16) -> Option<PyVersion> {
    MAGIC_NUMBERS
        .iter()
        .find(|(m, _)| *m == magic)
        .map(|(_, v)| *v)
}

/// The magic number kiln expects for `version`, if supported.
pub fn magic_for_version(version: PyVersion) -> Option<u16> {
    MAGIC_NUMBERS
        .iter()
        .find(|(_, v)| *v == version)
        .map(|(m, _)| *m)
}

fn supported_list() -> String {
    MAGIC_NUMBERS
        .iter()
        .map(|(_, v)| v.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses the header at the start of `bytes`.
pub fn parse_header(bytes: &[u8]) -> Result<PycHeader, PycError> {
    if bytes.len() < HEADER_LEN {
        return Err(PycError::new("truncated .pyc header"));
    }
    if bytes[2] != b'\r' || bytes[3] != b'\n' {
        return Err(PycError::new("not a .pyc file (bad magic)"));
    }
    let magic = u16::from_le_bytes([bytes[0], bytes[1]]);
    let version = version_for_magic(magic).ok_or_else(|| {
        PycError::new(format!(
            "unknown magic number {} (kiln reads CPython {})",
            magic,
            supported_list()
        ))
    })?;
    let word =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let flags = word(4);
    if flags & !(FLAG_HASH_BASED | FLAG_CHECK_SOURCE) != 0 {
        return Err(PycError::at(
            4,
            format!(
                "invalid .pyc flags 0x{:08x} (only bits 0 and 1 are defined)",
                flags
            ),
        ));
    }
    let stamp = if flags & FLAG_HASH_BASED != 0 {
        let mut hash = [0u8; 8];
        hash.copy_from_slice(&bytes[8..16]);
        SourceStamp::Hash {
            hash,
            check_source: flags & FLAG_CHECK_SOURCE != 0,
        }
    } else {
        SourceStamp::Timestamp {
            mtime: word(8),
            size: word(12),
        }
    };
    Ok(PycHeader {
        magic,
        version,
        flags,
        stamp,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(magic: u16, flags: u32) -> Vec<u8> {
        let mut h = magic.to_le_bytes().to_vec();
        h.extend_from_slice(b"\r\n");
        h.extend_from_slice(&flags.to_le_bytes());
        h.extend_from_slice(&[1, 2, 3, 4, 5, 6, 7, 8]);
        h
    }

    #[test]
    fn versions() {
        for &(m, v) in MAGIC_NUMBERS {
            let h = parse_header(&header(m, 0)).unwrap();
            assert_eq!(h.version, v);
            assert_eq!(magic_for_version(v), Some(m));
            assert_eq!(
                h.stamp,
                SourceStamp::Timestamp {
                    mtime: 0x0403_0201,
                    size: 0x0807_0605
                }
            );
        }
    }

    #[test]
    fn hash_based() {
        let h = parse_header(&header(3495, 3)).unwrap();
        assert_eq!(
            h.stamp,
            SourceStamp::Hash {
                hash: [1, 2, 3, 4, 5, 6, 7, 8],
                check_source: true
            }
        );
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse_header(&header(3495, 0)[..15])
                .unwrap_err()
                .to_string(),
            "truncated .pyc header"
        );
        let mut bad = header(3495, 0);
        bad[3] = b'x';
        assert_eq!(
            parse_header(&bad).unwrap_err().to_string(),
            "not a .pyc file (bad magic)"
        );
        assert_eq!(
            parse_header(&header(3379, 0)).unwrap_err().to_string(),
            "unknown magic number 3379 (kiln reads CPython 3.8, 3.9, 3.10, 3.11, 3.12, 3.13, 3.14)"
        );
        assert!(parse_header(&header(3495, 4)).is_err());
    }
}
