//! A readable disassembly of one decoded code object (used by `kiln dis`).

use std::collections::HashSet;
use std::fmt::Write as _;

use super::decode::{
    compare_index, compare_op_count, local_pair, name_index, spec_for, Decoded, Instruction,
    CMP_OPS,
};
use super::opcodes::{ArgKind, JumpKind, Op, OpInfo};
use crate::pyc::{CodeObject, PyVersion};

/// `BINARY_OP`'s argument (3.11+), as in CPython's `_nb_ops`.
const NB_OPS: [&str; 27] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=", "[]",
];

const MAX_REPR: usize = 80;

fn short(s: String) -> String {
    if s.chars().count() <= MAX_REPR {
        s
    } else {
        let mut t: String = s.chars().take(MAX_REPR - 3).collect();
        t.push_str("...");
        t
    }
}

/// Formats `decoded` (the decoding of `code`) as a listing: a header line, then one line per
/// instruction — source line (when it changes), `>>` on jump targets, byte offset, opcode name,
/// argument and a hint saying what the argument designates — then the exception table.
pub fn format_listing(code: &CodeObject, decoded: &Decoded) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "code object {} from {}, line {} (CPython {})",
        code.qualname, code.filename, code.firstlineno, code.version
    );
    // Op -> OpInfo of this version, for `has_arg` and the argument kind.
    let mut infos: Vec<Option<OpInfo>> = vec![None; Op::ALL.len()];
    if let Some(spec) = spec_for(code.version) {
        for info in spec.table.iter().flatten() {
            infos[info.op as usize] = Some(*info);
        }
    }
    let targets: HashSet<u32> = decoded
        .instructions
        .iter()
        .filter_map(|i| i.jump_target)
        .chain(decoded.exception_table.iter().map(|e| e.target))
        .collect();
    let mut prev_line: Option<Option<u32>> = None;
    for inst in &decoded.instructions {
        let line_col = if prev_line != Some(inst.line) {
            prev_line = Some(inst.line);
            match inst.line {
                Some(l) => format!("{:>5}", l),
                None => format!("{:>5}", "--"),
            }
        } else {
            String::from("     ")
        };
        let marker = if targets.contains(&inst.offset) {
            ">>"
        } else {
            "  "
        };
        let info = infos[inst.op as usize];
        let mut line = format!(
            "{} {} {:>5} {:<28}",
            line_col,
            marker,
            inst.offset,
            inst.op.name()
        );
        if info.map(|i| i.has_arg).unwrap_or(inst.arg != 0) {
            let _ = write!(line, " {:>5}", inst.arg);
            if let Some(hint) = info.and_then(|i| arg_hint(code, &i, inst)) {
                let _ = write!(line, " ({})", hint);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !decoded.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &decoded.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
    out
}

/// What `inst`'s argument designates, as the listing shows it (`**`, a name, a constant's
/// repr, `to 24`), if anything.
pub fn instruction_hint(code: &CodeObject, inst: &Instruction) -> Option<String> {
    let spec = spec_for(code.version)?;
    let info = spec.table.iter().flatten().find(|i| i.op == inst.op)?;
    if !info.has_arg {
        return None;
    }
    arg_hint(code, info, inst)
}

fn arg_hint(code: &CodeObject, info: &OpInfo, inst: &Instruction) -> Option<String> {
    let v = code.version;
    let arg = inst.arg as usize;
    if info.jump != JumpKind::None {
        return inst.jump_target.map(|t| format!("to {}", t));
    }
    let invalid = || Some("<invalid index>".to_string());
    let name_at = |i: usize| code.names.get(i).cloned();
    let local_at = |i: usize| -> Option<String> {
        if v >= PyVersion::new(3, 11) {
            code.localsplus_name(i).map(str::to_string)
        } else {
            code.varnames.get(i).cloned()
        }
    };
    match info.arg {
        ArgKind::Const => Some(short(code.consts.get(arg)?.repr())).or_else(invalid),
        ArgKind::Name => {
            let s = name_at(name_index(v, inst.op, inst.arg));
            let s = match inst.op {
                Op::LOAD_GLOBAL if v >= PyVersion::new(3, 11) && arg & 1 != 0 => {
                    s.map(|n| format!("NULL + {}", n))
                }
                Op::LOAD_ATTR if v >= PyVersion::new(3, 12) && arg & 1 != 0 => {
                    s.map(|n| format!("{} + NULL|self", n))
                }
                _ => s,
            };
            s.or_else(invalid)
        }
        ArgKind::Local => match local_pair(inst.op, inst.arg) {
            Some((a, b)) => match (local_at(a), local_at(b)) {
                (Some(a), Some(b)) => Some(format!("{}, {}", a, b)),
                _ => invalid(),
            },
            None => local_at(arg).or_else(invalid),
        },
        ArgKind::Free => {
            if v >= PyVersion::new(3, 11) {
                local_at(arg).or_else(invalid)
            } else {
                code.cellvars
                    .iter()
                    .chain(code.freevars.iter())
                    .nth(arg)
                    .cloned()
                    .or_else(invalid)
            }
        }
        ArgKind::Compare => CMP_OPS[..compare_op_count(v)]
            .get(compare_index(v, inst.arg))
            .map(|s| s.to_string())
            .or_else(invalid),
        ArgKind::Plain => match inst.op {
            Op::BINARY_OP => NB_OPS.get(arg).map(|s| s.to_string()),
            Op::IS_OP => Some(if arg != 0 { "is not" } else { "is" }.to_string()),
            Op::CONTAINS_OP => Some(if arg != 0 { "not in" } else { "in" }.to_string()),
            _ => None,
        },
    }
}
