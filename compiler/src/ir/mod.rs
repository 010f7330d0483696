//! kiln's IR: SSA over basic blocks with block parameters.
//!
//! Every Python value is an `Obj` word; runtime predicates produce `I32` values that only
//! terminators and a few ops consume. An instruction that can fail carries an [`ExcEdge`]: where
//! control goes when it fails (a handler block with the values it needs, or out of the function)
//! and whether the failure adds a traceback entry. Calls into the runtime are `Op::Rt` with a
//! [`RtFn`] whose signature (`runtime_fn`) says how it takes its operands and how it fails.

pub mod peephole;
pub mod print;
pub mod runtime_fn;
pub mod simplify;

pub use runtime_fn::{Param, Ret, RtFn};

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Value(pub u32);

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Block(pub u32);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Type {
    /// A Python value (possibly null for an unbound local).
    Obj,
    /// A 32-bit truth value or status.
    I32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Entry `index` of the module's constant table.
    Const(u32),
    /// Bound argument slot `index` of the frame.
    Arg(u32),
    /// The null word: an unbound local, or the NULL of a call sequence.
    Null,
    /// A call into the runtime; `imms` fill the signature's `Imm` parameters in order.
    Rt(RtFn, Vec<i64>),
    /// `args[0] is args[1]` (I32), negated when `invert`.
    Is { invert: bool },
    /// `args[0]` is the iteration-finished marker (I32).
    IsDone,
    /// Logical not of an I32.
    Not,
    /// Fails with UnboundLocalError (or NameError for a free variable) when `args[0]` is
    /// null; `index` is the local's slot; `deref` for cells.
    CheckBound { index: u32, deref: bool },
    /// At a generator's resumption: fails when `args[0]` (the sent value) is null, which
    /// means `throw()` left an exception to raise here.
    CheckThrown,
    /// A loop header's check for signals (Ctrl-C): reads the runtime's pending-signals word and,
    /// when it is set, calls the runtime, which may raise `KeyboardInterrupt` (the exception
    /// edge).
    SafePoint,
}

/// Where a failing instruction goes.
#[derive(Clone, Debug, PartialEq)]
pub struct ExcEdge {
    /// None: leave the function (return null).
    pub target: Option<(Block, Vec<Value>)>,
    /// Add a traceback entry for this frame first (false for re-raises).
    pub traceback: bool,
}

#[derive(Clone, Debug)]
pub struct Inst {
    pub results: Vec<Value>,
    pub op: Op,
    pub args: Vec<Value>,
    pub line: u32,
    pub exc: Option<ExcEdge>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Terminator {
    Jump(Block, Vec<Value>),
    /// On a non-zero I32 `cond` go to `then`, else to `else_`.
    Branch {
        cond: Value,
        then: (Block, Vec<Value>),
        else_: (Block, Vec<Value>),
    },
    Return(Value),
    /// A generator yields `value`, saving `saved`; resuming enters `resume` (a pinned block
    /// whose parameters are `saved` reloaded, then the sent value). `yield_from` is the
    /// delegate of a `yield from` / `await`, for `throw()` to reach.
    Yield {
        value: Value,
        saved: Vec<Value>,
        resume: Block,
        yield_from: Option<Value>,
    },
    /// Control never gets here (after a raise).
    Unreachable,
}

#[derive(Clone, Debug)]
pub struct BlockData {
    pub params: Vec<Value>,
    pub insts: Vec<Inst>,
    pub term: Terminator,
    /// Bytecode offset the block starts at (for dumps), if it corresponds to one.
    pub offset: Option<u32>,
    /// Entered from outside the function's own edges (a generator's resumption): its
    /// parameters are real and must stay.
    pub pinned: bool,
}

#[derive(Clone, Debug)]
pub struct Function {
    /// Qualified name of the code object, for dumps and symbols.
    pub name: String,
    pub blocks: Vec<BlockData>,
    pub value_types: Vec<Type>,
    pub entry: Block,
    /// Words a suspended generator saves: the most values live at any yield.
    pub save_slots: u32,
}

impl Function {
    pub fn new(name: &str) -> Function {
        Function {
            name: name.to_string(),
            blocks: Vec::new(),
            value_types: Vec::new(),
            entry: Block(0),
            save_slots: 0,
        }
    }

    pub fn new_value(&mut self, ty: Type) -> Value {
        self.value_types.push(ty);
        Value(self.value_types.len() as u32 - 1)
    }

    pub fn new_block(&mut self, offset: Option<u32>) -> Block {
        self.blocks.push(BlockData {
            params: Vec::new(),
            insts: Vec::new(),
            term: Terminator::Unreachable,
            offset,
            pinned: false,
        });
        Block(self.blocks.len() as u32 - 1)
    }

    pub fn block(&self, b: Block) -> &BlockData {
        &self.blocks[b.0 as usize]
    }

    pub fn block_mut(&mut self, b: Block) -> &mut BlockData {
        &mut self.blocks[b.0 as usize]
    }

    pub fn ty(&self, v: Value) -> Type {
        self.value_types[v.0 as usize]
    }

    /// Every (target, args) edge leaving `b`, normal and exceptional.
    pub fn successors(&self, b: Block) -> Vec<(Block, &[Value])> {
        let data = self.block(b);
        let mut out = Vec::new();
        for i in &data.insts {
            if let Some(ExcEdge {
                target: Some((t, args)),
                ..
            }) = &i.exc
            {
                out.push((*t, args.as_slice()));
            }
        }
        match &data.term {
            Terminator::Jump(t, a) => out.push((*t, a.as_slice())),
            Terminator::Branch { then, else_, .. } => {
                out.push((then.0, then.1.as_slice()));
                out.push((else_.0, else_.1.as_slice()));
            }
            Terminator::Yield { resume, saved, .. } => out.push((*resume, saved.as_slice())),
            _ => {}
        }
        out
    }

    /// The resumption blocks of a generator, in yield order (index k-1 is resume point k).
    pub fn resume_blocks(&self) -> Vec<Block> {
        self.blocks
            .iter()
            .filter_map(|b| match &b.term {
                Terminator::Yield { resume, .. } => Some(*resume),
                _ => None,
            })
            .collect()
    }
}
