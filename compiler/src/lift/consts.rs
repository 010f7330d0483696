//! The module's constant table as the lifter builds it: every constant, name and code object a
//! module's code refers to gets one slot, shared by equal entries. Codegen serializes it into the
//! module's descriptor, and the runtime fills the table before the module runs.

use crate::pyc::{CodeObject, Const};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub enum PoolEntry {
    Value(Const),
    /// A code object, by its id (its index among the module's compiled functions).
    Code(u32),
}

#[derive(Default)]
pub struct ConstPool {
    pub entries: Vec<PoolEntry>,
    index: HashMap<String, u32>,
    /// Code objects by address, to their ids.
    pub code_ids: HashMap<*const CodeObject, u32>,
    /// Code objects in id order.
    pub codes: Vec<Rc<CodeObject>>,
    /// Inline-cache slots handed out so far (one per cached site in the module).
    pub cache_slots: u32,
}

fn key(c: &Const, ids: &HashMap<*const CodeObject, u32>) -> String {
    match c {
        Const::Str(s) => format!("s:{s}"),
        Const::Float(f) => format!("f:{:x}", f.to_bits()),
        Const::Complex(a, b) => format!("x:{:x}:{:x}", a.to_bits(), b.to_bits()),
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(|i| key(i, ids)).collect();
            format!("t:({})", parts.join(","))
        }
        Const::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(|i| key(i, ids)).collect();
            format!("fs:({})", parts.join(","))
        }
        Const::Code(c) => format!("c:{}", ids.get(&Rc::as_ptr(c)).copied().unwrap_or(u32::MAX)),
        other => format!("{other:?}"),
    }
}

impl ConstPool {
    /// Assigns ids to `root` and every code object nested in it, depth first; `root` gets 0.
    pub fn register_codes(&mut self, root: &Rc<CodeObject>) {
        let id = self.codes.len() as u32;
        self.code_ids.insert(Rc::as_ptr(root), id);
        self.codes.push(root.clone());
        for c in &root.consts {
            if let Const::Code(inner) = c {
                self.register_codes(inner);
            }
        }
    }

    pub fn constant(&mut self, c: &Const) -> u32 {
        let k = key(c, &self.code_ids);
        if let Some(i) = self.index.get(&k) {
            return *i;
        }
        let entry = match c {
            Const::Code(inner) => PoolEntry::Code(self.code_ids[&Rc::as_ptr(inner)]),
            other => PoolEntry::Value(other.clone()),
        };
        self.entries.push(entry);
        let i = self.entries.len() as u32 - 1;
        self.index.insert(k, i);
        i
    }

    /// A fresh inline-cache slot.
    pub fn cache_slot(&mut self) -> u32 {
        self.cache_slots += 1;
        self.cache_slots - 1
    }

    /// `n` consecutive fresh inline-cache slots (a polymorphic cache); the first one's index.
    pub fn cache_slots(&mut self, n: u32) -> u32 {
        self.cache_slots += n;
        self.cache_slots - n
    }

    pub fn name(&mut self, s: &str) -> u32 {
        self.constant(&Const::Str(s.to_string()))
    }

    pub fn int(&mut self, i: i64) -> u32 {
        self.constant(&Const::Int(i))
    }

    /// A readable description of entry `i`, for IR dumps.
    pub fn describe(&self, i: u32) -> String {
        match self.entries.get(i as usize) {
            Some(PoolEntry::Value(c)) => {
                let r = c.repr();
                if r.len() > 40 {
                    format!(
                        "{}...",
                        &r[..r
                            .char_indices()
                            .take(37)
                            .last()
                            .map(|(i, c)| i + c.len_utf8())
                            .unwrap_or(0)]
                    )
                } else {
                    r
                }
            }
            Some(PoolEntry::Code(id)) => format!("<code {}>", self.codes[*id as usize].qualname),
            None => "?".into(),
        }
    }
}
