//! Source line tables: which bytecode offsets belong to which source line.
//!
//! Three formats, one per era:
//! - [`LineTableFormat::Lnotab`] (3.8, 3.9: `co_lnotab`): pairs of (unsigned byte-offset
//!   increment, signed line increment). An offset's line is the first line plus the line
//!   increments of every pair whose cumulative offset is at or before it. Every offset has a line.
//! - [`LineTableFormat::Linetable310`] (3.10: `co_linetable`, PEP 626): pairs of (unsigned
//!   byte-length, signed line delta), each pair one range following the previous one; a delta of
//!   -128 means "no line" for that range (and leaves the running line unchanged). Empty ranges
//!   are skipped but their deltas still count.
//! - [`LineTableFormat::Locations311`] (3.11+: the "location table"): entries whose first byte has
//!   bit 7 set, bits 3-6 a code and bits 0-2 the length minus one, in 2-byte code units:
//!   code 15 no location; 14 long form (signed varint line delta, varint end-line delta, varint
//!   column + 1, varint end column + 1); 13 no columns (signed varint line delta); 10-12 one-line
//!   form (line delta = code - 10, then a column byte and an end-column byte); 0-9 short form
//!   (same line, one byte of columns). Varints are little-endian 6-bit chunks with bit 6 meaning
//!   "more"; a signed varint keeps the sign in bit 0.
//!
//! All functions return ranges in byte offsets, in code order, non-overlapping, clipped to the
//! code length; malformed tables are errors, never panics.

use super::decode::DecodeError;

/// Which line table format a code object uses.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LineTableFormat {
    Lnotab,
    Linetable310,
    Locations311,
}

/// A source position (3.11+ tables carry columns too; older ones only `line`). Columns are
/// 0-based UTF-8 byte offsets, as CPython keeps them.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Location {
    pub line: Option<u32>,
    pub end_line: Option<u32>,
    pub col: Option<u32>,
    pub end_col: Option<u32>,
}

/// Bytes `start..end` of the code have location `loc`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LocationRange {
    pub start: u32,
    pub end: u32,
    pub loc: Location,
}

fn line_value(line: i64, what: &str) -> Result<u32, DecodeError> {
    u32::try_from(line).map_err(|_| DecodeError(format!("{} gives line {}", what, line)))
}

/// Parses `table` in `format` for code of `code_len` bytes whose first line is `firstlineno`.
pub fn parse(
    format: LineTableFormat,
    table: &[u8],
    firstlineno: u32,
    code_len: u32,
) -> Result<Vec<LocationRange>, DecodeError> {
    match format {
        LineTableFormat::Lnotab => parse_lnotab(table, firstlineno, code_len),
        LineTableFormat::Linetable310 => parse_linetable_310(table, firstlineno, code_len),
        LineTableFormat::Locations311 => parse_locations_311(table, firstlineno, code_len),
    }
}

fn only_line(start: u32, end: u32, line: Option<u32>) -> LocationRange {
    LocationRange {
        start,
        end,
        loc: Location {
            line,
            end_line: line,
            col: None,
            end_col: None,
        },
    }
}

/// 3.8 / 3.9 `co_lnotab`. A trailing odd byte is ignored, as CPython ignores it.
pub fn parse_lnotab(
    table: &[u8],
    firstlineno: u32,
    code_len: u32,
) -> Result<Vec<LocationRange>, DecodeError> {
    let mut out = Vec::new();
    let mut addr: u32 = 0;
    let mut line = i64::from(firstlineno);
    for pair in table.chunks_exact(2) {
        let next = addr.saturating_add(u32::from(pair[0]));
        if next > addr && addr < code_len {
            let l = line_value(line, "the line number table (co_lnotab)")?;
            out.push(only_line(addr, next.min(code_len), Some(l)));
        }
        addr = next;
        line += i64::from(pair[1] as i8);
    }
    if addr < code_len {
        let l = line_value(line, "the line number table (co_lnotab)")?;
        out.push(only_line(addr, code_len, Some(l)));
    }
    Ok(out)
}

/// 3.10 `co_linetable`. A trailing odd byte is ignored.
pub fn parse_linetable_310(
    table: &[u8],
    firstlineno: u32,
    code_len: u32,
) -> Result<Vec<LocationRange>, DecodeError> {
    let mut out = Vec::new();
    let mut end: u32 = 0;
    let mut line = i64::from(firstlineno);
    for pair in table.chunks_exact(2) {
        let start = end;
        end = end.saturating_add(u32::from(pair[0]));
        let delta = pair[1] as i8;
        let this_line = if delta == -128 {
            None
        } else {
            line += i64::from(delta);
            Some(line_value(line, "the line table (co_linetable)")?)
        };
        if end > start && start < code_len {
            out.push(only_line(start, end.min(code_len), this_line));
        }
    }
    Ok(out)
}

struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Bytes<'_> {
    fn next(&mut self) -> Option<u8> {
        let b = self.data.get(self.pos).copied();
        self.pos += 1;
        b
    }

    /// Little-endian 6-bit chunks, bit 6 = more (the location table's varint).
    fn varint(&mut self) -> Option<u64> {
        let mut b = self.next()?;
        let mut val = u64::from(b & 63);
        let mut shift = 0;
        while b & 64 != 0 {
            b = self.next()?;
            shift += 6;
            if shift > 42 {
                return None; // far beyond any real line or column
            }
            val |= u64::from(b & 63) << shift;
        }
        Some(val)
    }

    fn svarint(&mut self) -> Option<i64> {
        let u = self.varint()?;
        let mag = (u >> 1) as i64;
        Some(if u & 1 != 0 { -mag } else { mag })
    }
}

/// 3.11+ location table.
pub fn parse_locations_311(
    table: &[u8],
    firstlineno: u32,
    code_len: u32,
) -> Result<Vec<LocationRange>, DecodeError> {
    let mut out = Vec::new();
    let mut r = Bytes {
        data: table,
        pos: 0,
    };
    let mut line = i64::from(firstlineno);
    let mut addr: u32 = 0;
    while r.pos < table.len() {
        let at = r.pos;
        let malformed = || {
            DecodeError(format!(
                "the location table is malformed at its byte {}",
                at
            ))
        };
        let first = r.next().ok_or_else(malformed)?;
        if first & 0x80 == 0 {
            return Err(malformed());
        }
        let code = (first >> 3) & 15;
        let len_units = u32::from(first & 7) + 1;
        let loc = match code {
            15 => Location::default(),
            14 => {
                line += r.svarint().ok_or_else(malformed)?;
                let end_line = line + r.varint().ok_or_else(malformed)? as i64;
                let col = r.varint().ok_or_else(malformed)?;
                let end_col = r.varint().ok_or_else(malformed)?;
                Location {
                    line: Some(line_value(line, "the location table")?),
                    end_line: Some(line_value(end_line, "the location table")?),
                    col: col.checked_sub(1).map(|c| c as u32),
                    end_col: end_col.checked_sub(1).map(|c| c as u32),
                }
            }
            13 => {
                line += r.svarint().ok_or_else(malformed)?;
                let l = Some(line_value(line, "the location table")?);
                Location {
                    line: l,
                    end_line: l,
                    col: None,
                    end_col: None,
                }
            }
            10..=12 => {
                line += i64::from(code - 10);
                let col = r.next().ok_or_else(malformed)?;
                let end_col = r.next().ok_or_else(malformed)?;
                let l = Some(line_value(line, "the location table")?);
                Location {
                    line: l,
                    end_line: l,
                    col: Some(u32::from(col)),
                    end_col: Some(u32::from(end_col)),
                }
            }
            _ => {
                let second = r.next().ok_or_else(malformed)?;
                let col = u32::from(code) * 8 + u32::from((second >> 4) & 7);
                let l = Some(line_value(line, "the location table")?);
                Location {
                    line: l,
                    end_line: l,
                    col: Some(col),
                    end_col: Some(col + u32::from(second & 15)),
                }
            }
        };
        let start = addr;
        addr = addr.saturating_add(len_units * 2);
        if start < code_len {
            out.push(LocationRange {
                start,
                end: addr.min(code_len),
                loc,
            });
        }
    }
    Ok(out)
}

/// Looks up the location of each of `offsets` (ascending) in `ranges` (ascending); offsets not
/// covered by any range get the default (no line).
pub fn locations_for(ranges: &[LocationRange], offsets: &[u32]) -> Vec<Location> {
    let mut out = Vec::with_capacity(offsets.len());
    let mut k = 0;
    for &off in offsets {
        while k < ranges.len() && ranges[k].end <= off {
            k += 1;
        }
        match ranges.get(k) {
            Some(r) if r.start <= off => out.push(r.loc),
            _ => out.push(Location::default()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ranges: &[LocationRange]) -> Vec<(u32, u32, Option<u32>)> {
        ranges
            .iter()
            .map(|r| (r.start, r.end, r.loc.line))
            .collect()
    }

    #[test]
    fn lnotab() {
        // line 10 for [0,6), +2 -> 12 for [6,10), then +255 byte jump with no line change is
        // expressed as two pairs; negative delta -1 -> 11.
        let t = [6u8, 2, 4, 0xff];
        let r = parse_lnotab(&t, 10, 20).unwrap();
        assert_eq!(
            lines(&r),
            vec![(0, 6, Some(10)), (6, 10, Some(12)), (10, 20, Some(11))]
        );
        // Zero byte increments accumulate line deltas.
        let t = [0u8, 3, 4, 1];
        assert_eq!(
            lines(&parse_lnotab(&t, 1, 8).unwrap()),
            vec![(0, 4, Some(4)), (4, 8, Some(5))]
        );
    }

    #[test]
    fn linetable_310() {
        // [0,4) line+0 -> 5; [4,8) no line; [8,8) +3 (empty, skipped, counts); [8,12) +1 -> 9.
        let t = [4u8, 0, 4, 0x80, 0, 3, 4, 1];
        assert_eq!(
            lines(&parse_linetable_310(&t, 5, 12).unwrap()),
            vec![(0, 4, Some(5)), (4, 8, None), (8, 12, Some(9))]
        );
    }

    #[test]
    fn locations_311() {
        let t = [
            0x80 | (13 << 3),     // no columns, 1 unit
            0x02,                 // svarint +1
            0x80 | (10 << 3) | 1, // one-line form, same line, 2 units
            4,
            9,
            0x80 | (15 << 3), // no location, 1 unit
            0x80 | (14 << 3), // long form, 1 unit
            0x03,             // svarint -1
            0x01,             // end line +1
            0x05,             // col 4
            0x00,             // end col None
            0x80 | (2 << 3),  // short form code 2, 1 unit
            0x35,             // col 2*8+3 = 19, end col 19+5
            0x80 | (11 << 3), // one-line +1
            0,
            1,
        ];
        let r = parse_locations_311(&t, 7, 100).unwrap();
        assert_eq!(
            lines(&r),
            vec![
                (0, 2, Some(8)),
                (2, 6, Some(8)),
                (6, 8, None),
                (8, 10, Some(7)),
                (10, 12, Some(7)),
                (12, 14, Some(8)),
            ]
        );
        assert_eq!(
            r[3].loc,
            Location {
                line: Some(7),
                end_line: Some(8),
                col: Some(4),
                end_col: None
            }
        );
        assert_eq!(r[4].loc.col, Some(19));
        assert_eq!(r[4].loc.end_col, Some(24));
        // Truncated entry, missing start bit, negative line: errors.
        assert!(parse_locations_311(&[0x80 | (10 << 3), 1], 1, 10).is_err());
        assert!(parse_locations_311(&[0x00], 1, 10).is_err());
        assert!(parse_locations_311(&[0x80 | (13 << 3), 0x05], 1, 10).is_err());
        // Endless varint.
        assert!(parse_locations_311(&[0x80 | (13 << 3), 0x40, 0x40, 0x40], 1, 10).is_err());
    }

    #[test]
    fn lookup() {
        let r = parse_linetable_310(&[4u8, 0, 4, 0x80, 4, 1], 5, 12).unwrap();
        let locs = locations_for(&r, &[0, 2, 4, 8, 10, 12]);
        let l: Vec<_> = locs.iter().map(|l| l.line).collect();
        assert_eq!(l, vec![Some(5), Some(5), None, Some(6), Some(6), None]);
    }
}
