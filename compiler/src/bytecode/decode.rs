//! The decoder: a code object's raw `co_code` into [`Instruction`]s with resolved jump targets,
//! source lines and validated exception ranges.
//!
//! Validation: every opcode exists in the version (and can appear in a `.pyc`), arguments that
//! index `co_consts`, `co_names` or the local variables are in range, jump targets and exception
//! table positions land on instruction starts inside the code, and the code length is even. So
//! later stages may index with a decoded argument without checking again.
//!
//! Everything version-specific is data in a [`VersionSpec`] (the generated opcode table, the jump
//! unit, the line table format, whether there is an exception table), so supporting another
//! version is table work. Before 3.11 exception handling lives on a block stack
//! (`SETUP_FINALLY`, `POP_BLOCK`, ...): the decoder leaves those instructions as they are, and
//! the lifter (`lift::legacy`) turns them into the same exception edges that 3.11+ tables give,
//! as only it knows the stack depth at each instruction.

use std::fmt;

use super::exception_table;
use super::line_table::{self, LineTableFormat};
use super::opcodes::{self, ArgKind, JumpKind, Op, OpInfo};
use crate::pyc::{CodeObject, PyVersion};

/// One instruction. EXTENDED_ARG prefixes and inline CACHE entries are folded into it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Instruction {
    /// Byte offset of the opcode unit (after any EXTENDED_ARG prefixes). Jump targets and
    /// exception-table offsets are given in these offsets.
    pub offset: u32,
    /// Byte offset of the first EXTENDED_ARG prefix, or `offset` when there is none.
    pub start: u32,
    pub op: Op,
    /// The full argument with EXTENDED_ARG folded in; 0 when the op takes none.
    pub arg: u32,
    /// For a jump, the `offset` of the instruction it goes to.
    pub jump_target: Option<u32>,
    /// The source line, or `None` where the line table gives none.
    pub line: Option<u32>,
    /// Byte offset of the next instruction's first unit (after this one's inline caches).
    pub next: u32,
}

/// One exception range: instructions with `start <= offset < end` go to `target` on an
/// exception, with the value stack cut to `depth` (plus the offset of the raising instruction
/// pushed if `lasti`). All three positions are instruction `offset`s (or the code length for
/// `end`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ExceptionEntry {
    pub start: u32,
    /// Exclusive.
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// A decoded code object (not including nested code objects, which are decoded separately).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Decoded {
    pub instructions: Vec<Instruction>,
    pub exception_table: Vec<ExceptionEntry>,
}

impl Decoded {
    /// The index of the instruction whose `offset` is `offset`.
    pub fn index_of(&self, offset: u32) -> Option<usize> {
        self.instructions
            .binary_search_by_key(&offset, |i| i.offset)
            .ok()
    }

    /// The exception entry covering the instruction at `offset`, if any (the first match, as
    /// CPython's entries never overlap).
    pub fn handler_for(&self, offset: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|e| e.start <= offset && offset < e.end)
    }
}

/// Why bytecode could not be decoded. `Display` is one line.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DecodeError(pub String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

/// Everything the decoder needs to know about one CPython version.
#[derive(Clone, Copy, Debug)]
pub struct VersionSpec {
    pub version: PyVersion,
    pub table: &'static [Option<OpInfo>; 256],
    pub extended_arg: u8,
    /// What one unit of a jump argument is worth, in bytes: 1 for 3.8/3.9, 2 from 3.10.
    pub jump_unit: u32,
    pub line_format: LineTableFormat,
    /// 3.11+: exceptions are described by `co_exceptiontable`.
    pub exception_table: bool,
    /// [`decode`] accepts this version (the lifter handles its instruction set).
    pub supported: bool,
}

/// The [`VersionSpec`] of `version`, if kiln has an opcode table for it.
pub fn spec_for(version: PyVersion) -> Option<VersionSpec> {
    let table = opcodes::table(version)?;
    let extended_arg = opcodes::extended_arg(version)?;
    let minor = if version.major == 3 {
        version.minor
    } else {
        return None;
    };
    Some(VersionSpec {
        version,
        table,
        extended_arg,
        jump_unit: if minor < 10 { 1 } else { 2 },
        line_format: match minor {
            0..=9 => LineTableFormat::Lnotab,
            10 => LineTableFormat::Linetable310,
            _ => LineTableFormat::Locations311,
        },
        exception_table: minor >= 11,
        supported: (8..=14).contains(&minor),
    })
}

/// Decodes `code` into kiln's normalized instruction form (CPython 3.8 to 3.14).
pub fn decode(code: &CodeObject) -> Result<Decoded, DecodeError> {
    let spec = spec_for(code.version)
        .filter(|s| s.supported)
        .ok_or_else(|| {
            DecodeError(format!(
                "CPython {} bytecode is not supported (kiln reads CPython 3.8 to 3.14)",
                code.version
            ))
        })?;
    decode_with(&spec, code)
}

/// Decodes `code` of any version kiln has a table for (3.8–3.14), with the same validation as
/// [`decode`], but WITHOUT the normalization that later stages rely on: for 3.8–3.10 the
/// exception table is empty and the block-stack instructions are left as they are. Meant for
/// listings (`kiln dis`) and tests, not for lifting.
pub fn decode_unnormalized(code: &CodeObject) -> Result<Decoded, DecodeError> {
    let spec = spec_for(code.version).ok_or_else(|| {
        DecodeError(format!(
            "CPython {} has no opcode table in kiln",
            code.version
        ))
    })?;
    decode_with(&spec, code)
}

/// The index into `co_names` that a `hasname` instruction's argument designates: some ops keep
/// flag bits below the index (3.11+ `LOAD_GLOBAL`, 3.12+ `LOAD_ATTR`, `LOAD_SUPER_ATTR`).
pub fn name_index(version: PyVersion, op: Op, arg: u32) -> usize {
    let arg = arg as usize;
    match op {
        Op::LOAD_GLOBAL if version >= PyVersion::new(3, 11) => arg >> 1,
        Op::LOAD_ATTR if version >= PyVersion::new(3, 12) => arg >> 1,
        Op::LOAD_SUPER_ATTR => arg >> 2,
        _ => arg,
    }
}

/// For the `haslocal` ops that name two locals (3.13+), the two indices (`arg >> 4`, `arg & 15`).
pub fn local_pair(op: Op, arg: u32) -> Option<(usize, usize)> {
    match op {
        Op::LOAD_FAST_LOAD_FAST
        | Op::STORE_FAST_LOAD_FAST
        | Op::STORE_FAST_STORE_FAST
        | Op::LOAD_FAST_BORROW_LOAD_FAST_BORROW => Some(((arg >> 4) as usize, (arg & 15) as usize)),
        _ => None,
    }
}

/// CPython's `cmp_op` names. 3.8 also compares with `in`, `is` and exception matching; from
/// 3.9 only the first six exist.
pub const CMP_OPS: [&str; 11] = [
    "<",
    "<=",
    "==",
    "!=",
    ">",
    ">=",
    "in",
    "not in",
    "is",
    "is not",
    "exception match",
];

/// How many entries of [`CMP_OPS`] `version`'s `COMPARE_OP` may use.
pub fn compare_op_count(version: PyVersion) -> usize {
    if version <= PyVersion::new(3, 8) {
        11
    } else {
        6
    }
}

/// The index into `cmp_op` of a `COMPARE_OP` argument (3.12+ keep flag bits below it).
pub fn compare_index(version: PyVersion, arg: u32) -> usize {
    let arg = arg as usize;
    match version.minor {
        0..=11 => arg,
        12 => arg >> 4,
        _ => arg >> 5,
    }
}

/// How many local slots a `haslocal` argument may designate (`localsplus` from 3.11, before
/// that `co_varnames`), and how many a `hasfree` one may (`localsplus` from 3.11, before that
/// `co_cellvars` + `co_freevars`).
fn local_slots(code: &CodeObject, kind: ArgKind) -> usize {
    if code.version >= PyVersion::new(3, 11) {
        code.localsplus.len()
    } else if kind == ArgKind::Local {
        code.varnames.len()
    } else {
        code.cellvars.len() + code.freevars.len()
    }
}

/// Checks that the argument of `inst` designates something that exists in `code`.
fn check_operand(code: &CodeObject, info: &OpInfo, inst: &Instruction) -> Result<(), DecodeError> {
    let bad = |what: &str, index: usize, count: usize| {
        Err(DecodeError(format!(
            "{} at byte {} uses {} {}, but the code object has {}",
            inst.op.name(),
            inst.offset,
            what,
            index,
            count
        )))
    };
    let arg = inst.arg;
    match info.arg {
        ArgKind::Plain => Ok(()),
        ArgKind::Const => match arg as usize {
            i if i < code.consts.len() => Ok(()),
            i => bad("constant", i, code.consts.len()),
        },
        ArgKind::Name => match name_index(code.version, inst.op, arg) {
            i if i < code.names.len() => Ok(()),
            i => bad("name", i, code.names.len()),
        },
        ArgKind::Local | ArgKind::Free => {
            let n = local_slots(code, info.arg);
            let (a, b) = local_pair(inst.op, arg).unwrap_or((arg as usize, 0));
            match a.max(b) {
                i if i < n => Ok(()),
                i => bad("variable slot", i, n),
            }
        }
        ArgKind::Compare => match compare_index(code.version, arg) {
            i if i < compare_op_count(code.version) => Ok(()),
            i => Err(DecodeError(format!(
                "COMPARE_OP at byte {} has comparison {}, which does not exist",
                inst.offset, i
            ))),
        },
    }
}

/// Marks a 2-byte unit of the code where no instruction starts.
const NOT_A_START: u32 = u32::MAX;

/// The decoder proper, driven by `spec`.
pub fn decode_with(spec: &VersionSpec, code: &CodeObject) -> Result<Decoded, DecodeError> {
    let bytes = &code.code;
    let len = u32::try_from(bytes.len())
        .ok()
        .filter(|&l| l < u32::MAX / 4)
        .ok_or_else(|| DecodeError(format!("code is too long ({} bytes)", bytes.len())))?;
    if len % 2 != 0 {
        return Err(DecodeError(format!(
            "code length {} is odd (instructions are 2 bytes)",
            len
        )));
    }
    let v = spec.version;

    // Pass 1: instructions, with raw (unvalidated) jump targets.
    let mut insts: Vec<Instruction> = Vec::with_capacity(bytes.len() / 2);
    let mut raw_targets: Vec<Option<i64>> = Vec::with_capacity(bytes.len() / 2);
    // For each 2-byte unit: the `offset` of the instruction whose first unit it is.
    let mut start_of_unit = vec![NOT_A_START; bytes.len() / 2];
    let mut i: usize = 0;
    while i < bytes.len() {
        let start = i;
        let mut ext: u32 = 0;
        let mut prefixes = 0;
        let (info, offset) = loop {
            let opcode = bytes[i];
            let info = spec.table[usize::from(opcode)].ok_or_else(|| {
                DecodeError(format!(
                    "opcode {} at byte {} is not a CPython {} opcode",
                    opcode, i, v
                ))
            })?;
            if info.internal {
                return Err(DecodeError(format!(
                    "opcode {} ({}) at byte {} cannot appear in marshalled CPython {} code",
                    opcode,
                    info.op.name(),
                    i,
                    v
                )));
            }
            if opcode != spec.extended_arg {
                break (info, i);
            }
            prefixes += 1;
            if prefixes > 3 {
                return Err(DecodeError(format!(
                    "more than 3 EXTENDED_ARG prefixes at byte {}",
                    start
                )));
            }
            ext = (ext | u32::from(bytes[i + 1])) << 8;
            i += 2 + 2 * usize::from(info.caches);
            if i >= bytes.len() {
                return Err(DecodeError(format!(
                    "EXTENDED_ARG at byte {} is not followed by an instruction",
                    start
                )));
            }
        };
        let arg = if info.has_arg {
            ext | u32::from(bytes[offset + 1])
        } else {
            0
        };
        let next = offset + 2 + 2 * usize::from(info.caches);
        if next > bytes.len() {
            return Err(DecodeError(format!(
                "{} at byte {} is missing its {} inline cache entries (code ends at byte {})",
                info.op.name(),
                offset,
                info.caches,
                len
            )));
        }
        let unit = i64::from(spec.jump_unit);
        let (arg64, after) = (i64::from(arg), next as i64);
        let raw = match info.jump {
            JumpKind::None => None,
            JumpKind::Forward => Some(after + arg64 * unit),
            JumpKind::Backward => Some(after - arg64 * unit),
            JumpKind::Absolute => Some(arg64 * unit),
        };
        start_of_unit[start / 2] = offset as u32;
        let inst = Instruction {
            offset: offset as u32,
            start: start as u32,
            op: info.op,
            arg,
            jump_target: None,
            line: None,
            next: next as u32,
        };
        check_operand(code, &info, &inst)?;
        insts.push(inst);
        raw_targets.push(raw);
        i = next;
    }

    // A position (in bytes) that must be the start of an instruction: its `offset`.
    let resolve = |pos: i64| -> Option<u32> {
        if pos < 0 || pos >= i64::from(len) || pos % 2 != 0 {
            return None;
        }
        match start_of_unit[(pos / 2) as usize] {
            NOT_A_START => None,
            offset => Some(offset),
        }
    };

    // Pass 2: jump targets.
    let mut targets = Vec::with_capacity(insts.len());
    for (inst, raw) in insts.iter().zip(&raw_targets) {
        let Some(t) = *raw else {
            targets.push(None);
            continue;
        };
        if t < 0 || t >= i64::from(len) {
            return Err(DecodeError(format!(
                "jump at byte {} targets byte {} outside the code (len {})",
                inst.offset, t, len
            )));
        }
        let target = resolve(t).ok_or_else(|| {
            DecodeError(format!(
                "jump at byte {} targets byte {}, which is not the start of an instruction",
                inst.offset, t
            ))
        })?;
        targets.push(Some(target));
    }
    for (inst, t) in insts.iter_mut().zip(targets) {
        inst.jump_target = t;
    }

    // Lines.
    let ranges = line_table::parse(spec.line_format, &code.linetable, code.firstlineno, len)?;
    let offsets: Vec<u32> = insts.iter().map(|i| i.offset).collect();
    for (inst, loc) in insts
        .iter_mut()
        .zip(line_table::locations_for(&ranges, &offsets))
    {
        inst.line = loc.line;
    }

    // Exception table.
    let mut exception_table = Vec::new();
    if spec.exception_table {
        for (k, e) in exception_table::parse(&code.exceptiontable)?
            .into_iter()
            .enumerate()
        {
            let bad = |what: &str, pos: u32| {
                DecodeError(format!(
                    "exception table entry {} {} byte {}, which is not the start of an instruction (code len {})",
                    k, what, pos, len
                ))
            };
            let start = resolve(i64::from(e.start)).ok_or_else(|| bad("starts at", e.start))?;
            let end = if e.end == len {
                len
            } else {
                resolve(i64::from(e.end)).ok_or_else(|| bad("ends at", e.end))?
            };
            if e.end <= e.start {
                return Err(DecodeError(format!(
                    "exception table entry {} is empty (bytes {} to {})",
                    k, e.start, e.end
                )));
            }
            let target = resolve(i64::from(e.target)).ok_or_else(|| bad("targets", e.target))?;
            exception_table.push(ExceptionEntry {
                start,
                end,
                target,
                depth: e.depth,
                lasti: e.lasti,
            });
        }
    } else if !code.exceptiontable.is_empty() {
        return Err(DecodeError(format!(
            "CPython {} code has no exception table, but this one has {} bytes of it",
            v,
            code.exceptiontable.len()
        )));
    }

    Ok(Decoded {
        instructions: insts,
        exception_table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pyc::{Const, LocalKind};

    pub(crate) fn code311(code: Vec<u8>, linetable: Vec<u8>, exc: Vec<u8>) -> CodeObject {
        CodeObject {
            version: PyVersion::new(3, 11),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            stacksize: 4,
            flags: 0,
            code,
            consts: vec![Const::None, Const::Int(7)],
            names: vec!["print".into(), "x".into()],
            localsplus: vec![("a".into(), LocalKind::LOCAL)],
            varnames: vec!["a".into()],
            cellvars: vec![],
            freevars: vec![],
            filename: "t.py".into(),
            name: "<module>".into(),
            qualname: "<module>".into(),
            firstlineno: 1,
            linetable,
            exceptiontable: exc,
        }
    }

    // 3.11 opcodes used below.
    const RESUME: u8 = 151;
    const LOAD_CONST: u8 = 100;
    const RETURN_VALUE: u8 = 83;
    const EXTENDED_ARG: u8 = 144;
    const JUMP_FORWARD: u8 = 110;
    const JUMP_BACKWARD: u8 = 140;
    const LOAD_GLOBAL: u8 = 116;
    const NOP: u8 = 9;
    const POP_TOP: u8 = 1;
    const BUILD_TUPLE: u8 = 102;

    #[test]
    fn basic_and_caches() {
        // RESUME 0; LOAD_GLOBAL 1 (+5 caches); POP_TOP; LOAD_CONST 0; RETURN_VALUE
        let mut c = vec![RESUME, 0, LOAD_GLOBAL, 1];
        c.extend_from_slice(&[0; 10]);
        c.extend_from_slice(&[POP_TOP, 0, LOAD_CONST, 0, RETURN_VALUE, 0]);
        let d = decode(&code311(c, vec![], vec![])).unwrap();
        let ops: Vec<_> = d
            .instructions
            .iter()
            .map(|i| (i.offset, i.op, i.next))
            .collect();
        assert_eq!(
            ops,
            vec![
                (0, Op::RESUME, 2),
                (2, Op::LOAD_GLOBAL, 14),
                (14, Op::POP_TOP, 16),
                (16, Op::LOAD_CONST, 18),
                (18, Op::RETURN_VALUE, 20),
            ]
        );
        assert_eq!(d.instructions[1].arg, 1);
        assert_eq!(d.instructions[0].line, None);
    }

    #[test]
    fn extended_arg_and_jumps() {
        // 0: EXTENDED_ARG 1; 2: NOP(arg ignored) ; 4: JUMP_FORWARD 1 -> 8; 6: NOP; 8: NOP
        // 10: JUMP_BACKWARD 3 -> 12 - 6 = 6
        let c = vec![
            EXTENDED_ARG,
            1,
            NOP,
            5,
            JUMP_FORWARD,
            1,
            NOP,
            0,
            NOP,
            0,
            JUMP_BACKWARD,
            3,
        ];
        let d = decode(&code311(c, vec![], vec![])).unwrap();
        let i = &d.instructions;
        assert_eq!(i.len(), 5);
        assert_eq!((i[0].start, i[0].offset, i[0].arg), (0, 2, 0));
        assert_eq!(i[1].jump_target, Some(8));
        assert_eq!(i[4].jump_target, Some(6));
        // EXTENDED_ARG folds into the argument; a jump to its prefix resolves to the opcode.
        // 0: JUMP_FORWARD 0 -> 2 (an EXTENDED_ARG prefix) ; 2: EXTENDED_ARG 1 ; 4: BUILD_TUPLE 1
        let c = vec![JUMP_FORWARD, 0, EXTENDED_ARG, 1, BUILD_TUPLE, 1];
        let d = decode(&code311(c, vec![], vec![])).unwrap();
        assert_eq!(d.instructions[0].jump_target, Some(4));
        assert_eq!(d.instructions[1].arg, 257);
        assert_eq!(d.instructions[1].start, 2);
    }

    #[test]
    fn errors() {
        let e = |c: Vec<u8>| decode(&code311(c, vec![], vec![])).unwrap_err().to_string();
        assert_eq!(
            e(vec![RESUME, 0, 250, 0]),
            "opcode 250 at byte 2 is not a CPython 3.11 opcode"
        );
        assert_eq!(
            e(vec![JUMP_FORWARD, 200, NOP, 0]),
            "jump at byte 0 targets byte 402 outside the code (len 4)"
        );
        assert_eq!(
            e(vec![JUMP_BACKWARD, 9, NOP, 0]),
            "jump at byte 0 targets byte -16 outside the code (len 4)"
        );
        assert!(e(vec![NOP, 0, NOP]).contains("odd"));
        assert!(e(vec![NOP, 0, EXTENDED_ARG, 1]).contains("not followed"));
        assert!(e(vec![LOAD_GLOBAL, 0, 0, 0]).contains("inline cache"));
        assert!(e(vec![0, 0]).contains("CACHE"));
        // Jump into the middle of an instruction (its caches).
        let mut c = vec![JUMP_FORWARD, 0, LOAD_GLOBAL, 0];
        c.extend_from_slice(&[0; 10]);
        c[1] = 2;
        assert!(e(c).contains("not the start of an instruction"));
        assert_eq!(
            e(vec![LOAD_CONST, 2]),
            "LOAD_CONST at byte 0 uses constant 2, but the code object has 2"
        );
        let mut c = vec![LOAD_GLOBAL, 4];
        c.extend_from_slice(&[0; 10]);
        assert_eq!(
            e(c),
            "LOAD_GLOBAL at byte 0 uses name 2, but the code object has 2"
        );
        let mut c37 = code311(vec![NOP, 0], vec![], vec![]);
        c37.version = PyVersion::new(3, 7);
        assert_eq!(
            decode(&c37).unwrap_err().to_string(),
            "CPython 3.7 bytecode is not supported (kiln reads CPython 3.8 to 3.14)"
        );
    }

    #[test]
    fn exception_entries() {
        // 0 NOP, 2 NOP, 4 NOP, 6 NOP; entry: units 1..3 (bytes 2..6) -> unit 3 (byte 6), depth 0
        let c = vec![NOP, 0, NOP, 0, NOP, 0, NOP, 0];
        let d = decode(&code311(c.clone(), vec![], vec![0x81, 2, 3, 1])).unwrap();
        assert_eq!(
            d.exception_table,
            vec![ExceptionEntry {
                start: 2,
                end: 6,
                target: 6,
                depth: 0,
                lasti: true
            }]
        );
        assert_eq!(d.handler_for(4).map(|e| e.target), Some(6));
        assert_eq!(d.handler_for(6), None);
        // Target outside.
        let err = decode(&code311(c, vec![], vec![0x81, 2, 9, 0]))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("exception table entry 0 targets byte 18"),
            "{}",
            err
        );
    }
}
