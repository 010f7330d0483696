//! `code`: a compiled code object: its compiled body plus the facts that argument binding,
//! tracebacks and introspection need (names, flags, first line).

use crate::frame::Frame;
use crate::object::{alloc_object, types};
use crate::value::{Header, Value};

/// The compiled body of a code object: reads its bound arguments from the frame.
pub type Entry = unsafe extern "C" fn(*mut Frame) -> Value;

pub const CO_VARARGS: u32 = 0x04;
pub const CO_VARKEYWORDS: u32 = 0x08;
pub const CO_GENERATOR: u32 = 0x20;
pub const CO_COROUTINE: u32 = 0x80;
pub const CO_ASYNC_GENERATOR: u32 = 0x200;

#[repr(C)]
pub struct CodeObject {
    pub header: Header,
    pub entry: Option<Entry>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    pub firstlineno: i64,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Names of locals, cells and free variables, in slot order (a tuple of str).
    pub localsplus: Value,
    /// Kind of each slot (a tuple of small ints: 0 local, 1 cell, 2 free, 3 argument cell).
    pub kinds: Value,
    /// Words a suspended generator of this code saves (its largest live state at a yield).
    pub save_slots: u32,
    /// The docstring functions made from this code get (`None` when it has none).
    pub doc: Value,
    /// For code kiln's run-time evaluator made (`_kiln.interpreted`): the Python callable that
    /// runs the body, given the tuple of bound arguments; null for compiled code.
    pub body: Value,
}

#[allow(clippy::too_many_arguments)]
pub fn new(
    entry: Option<Entry>,
    name: Value,
    qualname: Value,
    filename: Value,
    firstlineno: i64,
    counts: [u32; 3],
    flags: u32,
    localsplus: Value,
    kinds: Value,
    save_slots: u32,
) -> Value {
    let v = alloc_object(types().code, std::mem::size_of::<CodeObject>());
    if v.is_null() {
        return v;
    }
    unsafe {
        let o = v.ptr::<CodeObject>();
        (*o).entry = entry;
        (*o).name = name;
        (*o).qualname = qualname;
        (*o).filename = filename;
        (*o).firstlineno = firstlineno;
        (*o).argcount = counts[0];
        (*o).posonlyargcount = counts[1];
        (*o).kwonlyargcount = counts[2];
        (*o).flags = flags;
        (*o).localsplus = localsplus;
        (*o).kinds = kinds;
        (*o).save_slots = save_slots;
        (*o).doc = Value::NULL;
        (*o).body = Value::NULL;
    }
    v
}

pub fn get(v: Value) -> &'static CodeObject {
    unsafe { &*v.ptr::<CodeObject>() }
}

impl CodeObject {
    /// Number of argument slots the caller binds: positional, keyword-only, *args, **kwargs.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & CO_VARARGS != 0 {
            n += 1;
        }
        if self.flags & CO_VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
    pub fn varname(&self, i: usize) -> &'static str {
        crate::objects::str::as_str(crate::objects::tuple::items(self.localsplus)[i])
    }
}

/// `co_varnames`: the names of the slots that are plain locals or arguments (cells that are not
/// arguments, and free variables, left out), in slot order.
pub fn varnames(c: &CodeObject) -> Vec<Value> {
    use crate::objects::tuple;
    if c.localsplus.is_null() {
        return Vec::new();
    }
    let names = tuple::items(c.localsplus);
    if c.kinds.is_null() {
        return names.to_vec();
    }
    let kinds = tuple::items(c.kinds);
    names
        .iter()
        .zip(kinds)
        .filter(|(_, k)| k.is_small() && matches!(k.small(), 0 | 3))
        .map(|(n, _)| *n)
        .collect()
}
