//! Serializes a module's constant table into the blob the runtime's `loader` reads: constants,
//! names and code-object descriptions (names, counts, flags, locals) in table order.

use crate::lift::consts::{ConstPool, PoolEntry};
use crate::pyc::{CodeObject, Const, PyVersion};

pub const BLOB_MAGIC: &[u8; 8] = b"KILNMOD1";

fn u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn text(out: &mut Vec<u8>, s: &str) {
    u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

fn value(out: &mut Vec<u8>, c: &Const) -> Result<(), String> {
    match c {
        Const::None => out.push(b'N'),
        Const::Ellipsis => out.push(b'.'),
        Const::StopIteration => {
            return Err("the StopIteration constant is not supported yet".into())
        }
        Const::Bool(true) => out.push(b'T'),
        Const::Bool(false) => out.push(b'F'),
        Const::Int(i) => {
            out.push(b'i');
            out.extend_from_slice(&i.to_le_bytes());
        }
        Const::BigInt { negative, digits } => {
            out.push(b'l');
            out.push(*negative as u8);
            u32(out, digits.len() as u32);
            for d in digits {
                out.extend_from_slice(&d.to_le_bytes());
            }
        }
        Const::Float(f) => {
            out.push(b'f');
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Const::Complex(re, im) => {
            out.push(b'x');
            out.extend_from_slice(&re.to_bits().to_le_bytes());
            out.extend_from_slice(&im.to_bits().to_le_bytes());
        }
        Const::Str(s) => {
            out.push(b's');
            text(out, s);
        }
        Const::Bytes(b) => {
            out.push(b'b');
            u32(out, b.len() as u32);
            out.extend_from_slice(b);
        }
        Const::Tuple(items) | Const::List(items) => {
            out.push(b'(');
            u32(out, items.len() as u32);
            for i in items {
                value(out, i)?;
            }
        }
        Const::FrozenSet(items) | Const::Set(items) => {
            out.push(b'<');
            u32(out, items.len() as u32);
            for i in items {
                value(out, i)?;
            }
        }
        Const::Dict(_) => return Err("dict constants are not supported".into()),
        Const::Slice(parts) => {
            // 3.14 folds constant slices (`x[1:2]`) into co_consts.
            out.push(b':');
            value(out, &parts.0)?;
            value(out, &parts.1)?;
            value(out, &parts.2)?;
        }
        Const::Code(_) => return Err("a code object nested in a constant tuple".into()),
    }
    Ok(())
}

fn code(out: &mut Vec<u8>, id: u32, c: &CodeObject, save_slots: u32) {
    out.push(b'c');
    u32(out, id);
    out.push(b's');
    text(out, &c.name);
    out.push(b's');
    text(out, &c.qualname);
    out.push(b's');
    text(out, &c.filename);
    out.extend_from_slice(&(c.firstlineno as u64).to_le_bytes());
    u32(out, c.argcount);
    u32(out, c.posonlyargcount);
    u32(out, c.kwonlyargcount);
    u32(out, c.flags);
    u32(out, c.localsplus.len() as u32);
    for (name, _) in &c.localsplus {
        text(out, name);
    }
    for (_, kind) in &c.localsplus {
        let k = if kind.is_free() {
            2
        } else if kind.is_cell() && kind.is_local() {
            3
        } else if kind.is_cell() {
            1
        } else {
            0
        };
        out.push(k);
    }
    u32(out, save_slots);
    // The docstring, which functions made from the code take: `co_consts[0]` when it is a str
    // (up to 3.13, whose compiler puts None first otherwise); from 3.14 only when the code's
    // CO_HAS_DOCSTRING flag says so.
    const CO_HAS_DOCSTRING: u32 = 0x0400_0000;
    let has_doc = c.version < crate::pyc::PyVersion::new(3, 14) || c.flags & CO_HAS_DOCSTRING != 0;
    match c.consts.first().filter(|_| has_doc) {
        Some(Const::Str(s)) => {
            out.push(b's');
            text(out, s);
        }
        _ => out.push(b'N'),
    }
}

/// The blob for a module compiled from bytecode of `version`.
/// `save_slots[id]` is what a suspended generator of code `id` saves.
pub fn serialize(
    pool: &ConstPool,
    version: PyVersion,
    save_slots: &[u32],
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    out.extend_from_slice(BLOB_MAGIC);
    u32(&mut out, version.major as u32);
    u32(&mut out, version.minor as u32);
    u32(&mut out, pool.entries.len() as u32);
    for e in &pool.entries {
        match e {
            PoolEntry::Value(c) => value(&mut out, c)?,
            PoolEntry::Code(id) => code(
                &mut out,
                *id,
                &pool.codes[*id as usize],
                save_slots[*id as usize],
            ),
        }
    }
    Ok(out)
}
