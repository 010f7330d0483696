//! The 3.11+ exception table (`co_exceptiontable`).
//!
//! A sequence of entries, each four varints: start, length and target (in 2-byte code units) and
//! `depth_lasti` (stack depth `<< 1`, plus 1 if the handler needs the offset of the raising
//! instruction pushed). Varints here are big-endian 6-bit chunks: bits 0-5 data, bit 6 "more
//! follows"; bit 7 is set on the first byte of every entry (and nowhere else), which lets
//! CPython binary-search the table.

use super::decode::DecodeError;

/// One raw entry, in bytes, before validation against the instruction stream.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RawEntry {
    pub start: u32,
    /// Exclusive.
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = self.data.get(self.pos).copied();
        self.pos += 1;
        b
    }

    /// A varint; `first` says whether it starts an entry (bit 7 set on its first byte).
    fn varint(&mut self, first: bool) -> Option<u32> {
        let mut b = self.byte()?;
        if (b & 0x80 != 0) != first {
            return None;
        }
        let mut val = u64::from(b & 63);
        while b & 64 != 0 {
            b = self.byte()?;
            if b & 0x80 != 0 {
                return None;
            }
            val = (val << 6) | u64::from(b & 63);
            if val > u64::from(u32::MAX) {
                return None;
            }
        }
        u32::try_from(val).ok()
    }
}

/// Parses a 3.11+ exception table into entries with byte offsets.
pub fn parse(table: &[u8]) -> Result<Vec<RawEntry>, DecodeError> {
    let mut out = Vec::new();
    let mut c = Cursor {
        data: table,
        pos: 0,
    };
    while c.pos < table.len() {
        let index = out.len();
        let malformed = || DecodeError(format!("exception table entry {} is malformed", index));
        let start = c.varint(true).ok_or_else(malformed)?;
        let length = c.varint(false).ok_or_else(malformed)?;
        let target = c.varint(false).ok_or_else(malformed)?;
        let depth_lasti = c.varint(false).ok_or_else(malformed)?;
        let units = |v: u32| v.checked_mul(2).ok_or_else(malformed);
        let start = units(start)?;
        let end = start.checked_add(units(length)?).ok_or_else(malformed)?;
        out.push(RawEntry {
            start,
            end,
            target: units(target)?,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries() {
        // Entry 0: start 2, len 3, target 10, depth 1 lasti -> depth_lasti 3.
        // Entry 1: start 70 (= 1*64 + 6: two chunks), len 1, target 80, depth 0.
        let t = [0x80 | 2, 3, 10, 3, 0x80 | 0x40 | 1, 6, 1, 0x40 | 1, 16, 0];
        let e = parse(&t).unwrap();
        assert_eq!(
            e,
            vec![
                RawEntry {
                    start: 4,
                    end: 10,
                    target: 20,
                    depth: 1,
                    lasti: true
                },
                RawEntry {
                    start: 140,
                    end: 142,
                    target: 160,
                    depth: 0,
                    lasti: false
                },
            ]
        );
    }

    #[test]
    fn malformed() {
        // Missing entry-start bit.
        assert_eq!(
            parse(&[2, 3, 10, 3]).unwrap_err().to_string(),
            "exception table entry 0 is malformed"
        );
        // Truncated second entry.
        assert_eq!(
            parse(&[0x82, 3, 10, 3, 0x82, 3]).unwrap_err().to_string(),
            "exception table entry 1 is malformed"
        );
        // Start bit inside an entry.
        assert!(parse(&[0x82, 0x83, 10, 3]).is_err());
        // Overlong varint.
        assert!(parse(&[0xc1, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x3f, 1, 1, 1]).is_err());
    }
}
