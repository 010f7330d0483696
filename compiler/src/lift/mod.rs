//! The lifter: CPython bytecode (decoded, version-neutral instructions) to kiln IR.
//!
//! Like wasmtime's Wasm translator, it walks the instructions of each basic block with a
//! *value stack* that mirrors the interpreter's stack: each instruction pops its operands as SSA
//! values and pushes its results. Python's fast locals are SSA values too. Every block gets one
//! parameter per stack slot live at its entry and one per local; at block ends the current stack
//! and locals are passed along. `ir::simplify` then removes the parameters that are no real merge.
//!
//! Exceptions follow the code object's exception table: an instruction that can fail inside a
//! protected range gets an exception edge to the handler block, carrying the stack prefix the
//! table names and the current locals. The handler block pushes the exception itself (3.11+
//! semantics); for 3.8–3.10 `legacy` derives the same edges from the block stack it tracks.

pub mod consts;
mod legacy;
mod translate;

use crate::bytecode::{Decoded, Instruction, Op as BcOp};
use crate::ir::{self, Block, ExcEdge, Function, Inst, Op, Terminator, Type, Value};
use crate::pyc::CodeObject;
use consts::ConstPool;
use std::collections::{BTreeSet, HashMap};

/// A construct the lifter cannot translate, with where it is.
#[derive(Debug)]
pub struct LiftError {
    pub message: String,
    pub line: Option<u32>,
}

impl std::fmt::Display for LiftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

/// A block's bytecode offset and its entry shape: empty from 3.9 on except at a handler entry
/// (`[Handler]`); for 3.8, the markers of the stack slots (and `Handler` last at a handler
/// entry), as 3.8's finally bodies are lifted once per way in.
pub(crate) type BlockKey = (u32, Vec<Option<legacy::Marker>>);

/// What the translation of one instruction does to control flow.
pub(crate) enum Flow {
    /// Continue with the next instruction.
    Next,
    /// The block has ended (its terminator is set).
    End,
}

/// The state of the block being translated.
pub(crate) struct Lifter<'a> {
    pub code: &'a CodeObject,
    pub decoded: &'a Decoded,
    pub pool: &'a mut ConstPool,
    pub func: Function,
    pub stack: Vec<Value>,
    pub locals: Vec<Value>,
    /// The IR block instructions are appended to.
    pub current: Block,
    /// Blocks starting at a bytecode offset (one per entry shape), and their stack depth.
    blocks: HashMap<BlockKey, (Block, usize)>,
    leaders: BTreeSet<u32>,
    handler_targets: BTreeSet<u32>,
    /// Targets of backward jumps: each gets a safe point for signals at its start.
    loop_heads: BTreeSet<u32>,
    work: Vec<BlockKey>,
    pub line: u32,
    /// The instruction being translated.
    pub inst: Instruction,
    /// Offset of the instruction after it (`inst.next` may point at its EXTENDED_ARG prefix).
    pub next_offset: u32,
    /// Names given by KW_NAMES for the next CALL.
    pub kwnames: Option<Value>,
    /// Values known to be the null word (PUSH_NULL, LOAD_GLOBAL's NULL).
    pub nulls: BTreeSet<Value>,
    /// Block parameters: values that may be null (an unbound local).
    params: BTreeSet<Value>,
    /// Report each instruction to the runtime as it runs (`kiln build --trace`).
    trace: bool,
    /// Values loaded by LOAD_GLOBAL, with the name (to spot `locals()` and friends).
    pub global_names: std::collections::HashMap<Value, String>,
    /// 3.8–3.10: the interpreter's block stack at the instruction being translated.
    pub blockstack: Vec<legacy::TryBlock>,
    /// 3.8–3.10: the block stack at each block's entry.
    entry_blockstacks: HashMap<BlockKey, Vec<legacy::TryBlock>>,
    /// 3.8: what the finally machinery's stack values are (see `legacy::Marker`).
    pub markers: HashMap<Value, legacy::Marker>,
    /// 3.8–3.10: the landing pad that unwinds an except handler, per block stack (and, for
    /// 3.8, the markers of the stack it keeps).
    pads: HashMap<(Vec<legacy::TryBlock>, Vec<Option<legacy::Marker>>), Block>,
}

impl<'a> Lifter<'a> {
    pub fn error(&self, message: String) -> LiftError {
        LiftError {
            message,
            line: Some(self.line),
        }
    }

    pub fn unsupported(&self) -> LiftError {
        self.error(format!(
            "CPython {} opcode {} is not supported yet",
            self.code.version,
            self.inst.op.name()
        ))
    }

    pub fn pop(&mut self) -> Result<Value, LiftError> {
        self.stack
            .pop()
            .ok_or_else(|| self.error("bytecode pops from an empty stack".into()))
    }

    pub fn pop_n(&mut self, n: usize) -> Result<Vec<Value>, LiftError> {
        if self.stack.len() < n {
            return Err(self.error("bytecode pops from an empty stack".into()));
        }
        Ok(self.stack.split_off(self.stack.len() - n))
    }

    pub fn peek(&self, depth: usize) -> Result<Value, LiftError> {
        if depth == 0 || depth > self.stack.len() {
            return Err(self.error("bytecode reads below the stack".into()));
        }
        Ok(self.stack[self.stack.len() - depth])
    }

    fn emit_raw(
        &mut self,
        op: Op,
        args: Vec<Value>,
        result_types: &[Type],
        exc: Option<ExcEdge>,
    ) -> Vec<Value> {
        let results: Vec<Value> = result_types
            .iter()
            .map(|t| self.func.new_value(*t))
            .collect();
        let line = self.line;
        self.func.block_mut(self.current).insts.push(Inst {
            results: results.clone(),
            op,
            args,
            line,
            exc,
        });
        results
    }

    /// With `--trace`: reports the instruction just translated, the values it took off the
    /// stack (`before` minus the prefix it left alone), the ones it pushed, and the stack.
    /// `block` is where the instruction started. When it ended there (a jump, a return) or went
    /// on in another block (after a yield), the stack now holds values of other blocks: the
    /// report goes at the end of `block` and says only what the instruction consumed.
    fn trace_instruction(&mut self, before: &[Value], block: Block, continues: bool) {
        let same_block = continues && self.current == block;
        let mut kept = before
            .iter()
            .zip(self.stack.iter())
            .take_while(|(a, b)| a == b)
            .count();
        if !same_block {
            // Values pushed in the other block are new names for what stayed: assume at
            // most one value was replaced (the yielded one by the sent one).
            kept = kept.max(self.stack.len().saturating_sub(1).min(before.len()));
        }
        let objs = |f: &Function, vs: &[Value]| -> Vec<Value> {
            vs.iter()
                .copied()
                .filter(|v| f.ty(*v) == Type::Obj)
                .collect()
        };
        let consumed = objs(&self.func, &before[kept..]);
        let (produced, stack) = if same_block {
            (
                objs(&self.func, &self.stack[kept.min(self.stack.len())..]),
                objs(&self.func, &self.stack),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let name = self
            .pool
            .constant(&crate::pyc::Const::Str(self.inst.op.name().to_string()));
        // A constant's repr is what LOAD_CONST produces: shown once, in full, as the result.
        let hint = if self.inst.op == BcOp::LOAD_CONST {
            String::new()
        } else {
            crate::bytecode::instruction_hint(self.code, &self.inst).unwrap_or_default()
        };
        let hint = self.pool.constant(&crate::pyc::Const::Str(hint));
        let here = std::mem::replace(&mut self.current, block);
        let name = self.constant(name);
        let hint = self.constant(hint);
        let imms = vec![
            self.line as i64,
            self.inst.offset as i64,
            consumed.len() as i64,
            produced.len() as i64,
        ];
        let mut args = vec![name, hint];
        args.extend(consumed);
        args.extend(produced);
        args.extend(stack);
        self.emit(Op::Rt(ir::RtFn::Trace, imms), args, None);
        self.current = here;
    }

    /// An instruction that cannot fail.
    pub fn emit(&mut self, op: Op, args: Vec<Value>, ty: Option<Type>) -> Option<Value> {
        let tys: Vec<Type> = ty.into_iter().collect();
        self.emit_raw(op, args, &tys, None).first().copied()
    }

    /// Bytecode before 3.11, whose exceptions follow a block stack.
    pub fn is_legacy(&self) -> bool {
        self.code.version.minor < 11
    }

    /// The exception edge for a failure at the current instruction.
    pub fn exc_edge(&mut self, traceback: bool) -> Result<ExcEdge, LiftError> {
        if self.is_legacy() {
            return self.legacy_exc_edge(traceback);
        }
        let offset = self.inst.offset;
        let Some(entry) = self.decoded.handler_for(offset).cloned() else {
            return Ok(ExcEdge {
                target: None,
                traceback,
            });
        };
        let depth = entry.depth as usize;
        if depth > self.stack.len() {
            return Err(self.error(format!(
                "exception table asks for stack depth {depth} but the stack holds {}",
                self.stack.len()
            )));
        }
        let mut args: Vec<Value> = self.stack[..depth].to_vec();
        args.extend_from_slice(&self.locals);
        let b = self.block_at(entry.target, depth)?;
        Ok(ExcEdge {
            target: Some((b, args)),
            traceback,
        })
    }

    /// A runtime call that can fail, with its exception edge.
    pub fn rt(
        &mut self,
        f: ir::RtFn,
        args: Vec<Value>,
        imms: Vec<i64>,
    ) -> Result<Vec<Value>, LiftError> {
        // The primary result (by the return kind), then the words of an `Out` array, whose
        // size is the call's last immediate.
        let mut tys: Vec<Type> = match f.ret() {
            ir::Ret::Obj | ir::Ret::ObjInfallible => vec![Type::Obj],
            ir::Ret::Bool => vec![Type::I32],
            ir::Ret::Status | ir::Ret::Void => vec![],
        };
        if f.params().contains(&ir::Param::Out) {
            let n = *imms.last().unwrap_or(&0) as usize;
            tys.extend(std::iter::repeat_n(Type::Obj, n));
        }
        let fallible = !matches!(f.ret(), ir::Ret::ObjInfallible | ir::Ret::Void);
        let exc = if fallible {
            let tb = !matches!(
                f,
                ir::RtFn::Reraise | ir::RtFn::EndAsyncFor | ir::RtFn::CleanupThrow
            );
            Some(self.exc_edge(tb)?)
        } else {
            None
        };
        Ok(self.emit_raw(Op::Rt(f, imms), args, &tys, exc))
    }

    /// A runtime call returning one value.
    pub fn rt1(
        &mut self,
        f: ir::RtFn,
        args: Vec<Value>,
        imms: Vec<i64>,
    ) -> Result<Value, LiftError> {
        Ok(self.rt(f, args, imms)?[0])
    }

    pub fn check_bound(&mut self, v: Value, index: u32, deref: bool) -> Result<(), LiftError> {
        if !self.maybe_null(v) {
            return Ok(());
        }
        let exc = self.exc_edge(true)?;
        self.emit_raw(Op::CheckBound { index, deref }, vec![v], &[], Some(exc));
        Ok(())
    }

    /// Could `v` be the null word? Block parameters and nulls can; results of calls cannot.
    fn maybe_null(&self, v: Value) -> bool {
        self.nulls.contains(&v) || self.params.contains(&v)
    }

    /// At a handler's entry: takes the exception being raised.
    pub(crate) fn fetch_exception(&mut self) -> Value {
        self.emit(
            Op::Rt(ir::RtFn::FetchException, vec![]),
            vec![],
            Some(Type::Obj),
        )
        .unwrap()
    }

    pub fn constant(&mut self, index: u32) -> Value {
        self.emit(Op::Const(index), vec![], Some(Type::Obj))
            .unwrap()
    }

    pub fn null(&mut self) -> Value {
        let v = self.emit(Op::Null, vec![], Some(Type::Obj)).unwrap();
        self.nulls.insert(v);
        v
    }

    /// The IR block for bytecode `offset` entered with the first `depth` values of the current
    /// stack, created on first use.
    pub fn block_at(&mut self, offset: u32, depth: usize) -> Result<Block, LiftError> {
        let shape = self.shape_of(&self.stack[..depth.min(self.stack.len())]);
        let bs = self.blockstack.clone();
        self.block_at_key((offset, shape), depth, bs)
    }

    /// The entry shape of a block entered with `stack` (markers matter only for 3.8).
    pub(crate) fn shape_of(&self, stack: &[Value]) -> Vec<Option<legacy::Marker>> {
        if self.code.version.minor != 8 || !stack.iter().any(|v| self.markers.contains_key(v)) {
            return Vec::new();
        }
        stack.iter().map(|v| self.markers.get(v).copied()).collect()
    }

    /// The block of `key` with `depth` stack parameters, entered with the block stack `bs`
    /// (3.8–3.10; empty for later versions).
    pub(crate) fn block_at_key(
        &mut self,
        key: BlockKey,
        depth: usize,
        bs: Vec<legacy::TryBlock>,
    ) -> Result<Block, LiftError> {
        let offset = key.0;
        if let Some((b, d)) = self.blocks.get(&key) {
            if *d != depth {
                return Err(self.error(format!(
                    "stack depth at byte {offset} differs between paths ({d} and {depth})"
                )));
            }
            if self.entry_blockstacks.get(&key).is_some_and(|e| *e != bs) {
                return Err(self.error(format!(
                    "the block stack at byte {offset} differs between paths"
                )));
            }
            return Ok(*b);
        }
        self.entry_blockstacks.insert(key.clone(), bs);
        let b = self.func.new_block(Some(offset));
        let n = depth + self.locals.len();
        let params: Vec<Value> = (0..n).map(|_| self.func.new_value(Type::Obj)).collect();
        self.params.extend(params.iter().copied());
        self.func.block_mut(b).params = params;
        self.blocks.insert(key.clone(), (b, depth));
        self.work.push(key);
        Ok(b)
    }

    /// The block for bytecode `offset` entered with exactly `stack`.
    pub(crate) fn block_for(&mut self, offset: u32, stack: &[Value]) -> Result<Block, LiftError> {
        let shape = self.shape_of(stack);
        let bs = self.blockstack.clone();
        self.block_at_key((offset, shape), stack.len(), bs)
    }

    /// Arguments for an edge: the current stack and locals.
    pub fn edge_args(&self) -> Vec<Value> {
        let mut a = self.stack.clone();
        a.extend_from_slice(&self.locals);
        a
    }

    /// Ends the block with a jump to the block at `offset`, passing the current state.
    pub fn jump_to(&mut self, offset: u32) -> Result<(), LiftError> {
        let b = self.block_at(offset, self.stack.len())?;
        let args = self.edge_args();
        self.func.block_mut(self.current).term = Terminator::Jump(b, args);
        Ok(())
    }

    /// Ends the block with a two-way branch on an I32; each side gets the current state.
    pub fn branch(
        &mut self,
        cond: Value,
        then_offset: u32,
        else_offset: u32,
    ) -> Result<(), LiftError> {
        let t = self.block_at(then_offset, self.stack.len())?;
        let e = self.block_at(else_offset, self.stack.len())?;
        let args = self.edge_args();
        self.func.block_mut(self.current).term = Terminator::Branch {
            cond,
            then: (t, args.clone()),
            else_: (e, args),
        };
        Ok(())
    }

    /// Like `branch`, but the two sides see different stacks.
    pub fn branch_with(
        &mut self,
        cond: Value,
        then_offset: u32,
        then_stack: Vec<Value>,
        else_offset: u32,
        else_stack: Vec<Value>,
    ) -> Result<(), LiftError> {
        let t = self.block_for(then_offset, &then_stack)?;
        let e = self.block_for(else_offset, &else_stack)?;
        let mut ta = then_stack;
        ta.extend_from_slice(&self.locals);
        let mut ea = else_stack;
        ea.extend_from_slice(&self.locals);
        self.func.block_mut(self.current).term = Terminator::Branch {
            cond,
            then: (t, ta),
            else_: (e, ea),
        };
        Ok(())
    }

    /// YIELD_VALUE: suspends with `value`; the resumption continues at the next instruction
    /// with the sent value pushed (or raises what `throw()` left, at this instruction).
    pub fn yield_value(&mut self, value: Value) -> Result<Flow, LiftError> {
        let idx = self.decoded.index_of(self.inst.offset).unwrap_or(0);
        let after_send = idx > 0 && self.decoded.instructions[idx - 1].op == BcOp::SEND;
        let yield_from = if after_send {
            self.stack.last().copied()
        } else {
            None
        };
        let next = self.next_offset;
        self.yield_to(value, yield_from, next)
    }

    /// Suspends with `value` (delegating `throw()` to `yield_from` if given); the resumption
    /// pushes the sent value and continues at bytecode `resume_at`.
    pub fn yield_to(
        &mut self,
        value: Value,
        yield_from: Option<Value>,
        resume_at: u32,
    ) -> Result<Flow, LiftError> {
        let depth = self.stack.len();
        let saved = self.edge_args();
        self.func.save_slots = self.func.save_slots.max(saved.len() as u32);
        let resume = self.func.new_block(None);
        let params: Vec<Value> = (0..saved.len() + 1)
            .map(|_| self.func.new_value(Type::Obj))
            .collect();
        self.params.extend(params.iter().copied());
        self.func.block_mut(resume).params = params.clone();
        self.func.block_mut(resume).pinned = true;
        self.set_term(Terminator::Yield {
            value,
            saved,
            resume,
            yield_from,
        });
        // The resumption.
        let before = self.stack.clone();
        self.carry_markers(&before, &params[..depth]);
        self.current = resume;
        self.stack = params[..depth].to_vec();
        self.locals = params[depth..params.len() - 1].to_vec();
        let sent = params[params.len() - 1];
        // 3.12+ count the sent value (None for a throw) on the stack when the exception is
        // raised at the resumption; 3.11 does not.
        let sent_first = self.code.version.minor >= 12;
        if sent_first {
            self.stack.push(sent);
        }
        let exc = self.exc_edge(true)?;
        self.emit_raw(Op::CheckThrown, vec![sent], &[], Some(exc));
        if !sent_first {
            self.stack.push(sent);
        }
        self.jump_to(resume_at)?;
        Ok(Flow::End)
    }

    /// A block at no bytecode offset, with parameters for `depth` stack slots and the locals.
    pub(crate) fn new_internal_block(&mut self, depth: usize) -> Block {
        let b = self.func.new_block(None);
        let n = depth + self.locals.len();
        let params: Vec<Value> = (0..n).map(|_| self.func.new_value(Type::Obj)).collect();
        self.params.extend(params.iter().copied());
        self.func.block_mut(b).params = params;
        b
    }

    /// Continues translating into the internal block `b`, whose parameters become the stack and
    /// locals (the block stack stays as it is).
    pub(crate) fn switch_to_internal(&mut self, b: Block) {
        let params = self.func.block(b).params.clone();
        let depth = params.len() - self.locals.len();
        self.carry_markers(&self.stack.clone(), &params[..depth]);
        self.current = b;
        self.stack = params[..depth].to_vec();
        self.locals = params[depth..].to_vec();
    }

    /// 3.8: block parameters `to` stand for the values `from`, markers included.
    pub(crate) fn carry_markers(&mut self, from: &[Value], to: &[Value]) {
        for (a, b) in from.iter().zip(to.iter()) {
            if let Some(m) = self.markers.get(a).copied() {
                self.markers.insert(*b, m);
            }
        }
    }

    pub fn set_term(&mut self, t: Terminator) {
        self.func.block_mut(self.current).term = t;
    }

    fn lift_block(&mut self, key: BlockKey) -> Result<(), LiftError> {
        let (b, depth) = self.blocks[&key];
        let offset = key.0;
        self.current = b;
        let params = self.func.block(b).params.clone();
        self.stack = params[..depth].to_vec();
        self.locals = params[depth..].to_vec();
        self.kwnames = None;
        self.blockstack = self
            .entry_blockstacks
            .get(&key)
            .cloned()
            .unwrap_or_default();
        let legacy_handler = key.1.last() == Some(&Some(legacy::Marker::Handler));
        let marks = &key.1[..key.1.len() - legacy_handler as usize];
        if marks.len() == depth {
            for (v, m) in self.stack.iter().zip(marks.iter()) {
                if let Some(m) = m {
                    self.markers.insert(*v, *m);
                }
            }
        }
        let Some(mut idx) = self.decoded.index_of(offset) else {
            return Err(LiftError {
                message: format!("no instruction at byte {offset}"),
                line: None,
            });
        };
        if self.handler_targets.contains(&offset) {
            // Handler entry: the interpreter pushes lasti (if the entry asks) and the exception.
            let entry = self
                .decoded
                .exception_table
                .iter()
                .find(|e| e.target == offset)
                .cloned();
            self.inst = self.decoded.instructions[idx];
            self.line = self.inst.line.unwrap_or(self.line);
            if entry.map(|e| e.lasti).unwrap_or(false) {
                let k = self.pool.int(offset as i64);
                let c = self.constant(k);
                self.stack.push(c);
            }
            let e = self.fetch_exception();
            self.stack.push(e);
        } else if legacy_handler {
            self.inst = self.decoded.instructions[idx];
            self.line = self.inst.line.unwrap_or(self.line);
            self.legacy_handler_entry();
        } else if self.loop_heads.contains(&offset) {
            // Every loop iteration passes here: a safe point where Ctrl-C can raise.
            self.inst = self.decoded.instructions[idx];
            self.line = self.inst.line.unwrap_or(self.line);
            let exc = self.exc_edge(true)?;
            self.emit_raw(Op::SafePoint, vec![], &[], Some(exc));
        }
        loop {
            let inst = self.decoded.instructions[idx];
            if let Some(l) = inst.line {
                self.line = l;
            }
            self.next_offset = self
                .decoded
                .instructions
                .get(idx + 1)
                .map(|i| i.offset)
                .unwrap_or(inst.next);
            self.inst = inst;
            let before = self.trace.then(|| (self.stack.clone(), self.current));
            let flow = translate::translate(self)?;
            if let Some((before, block)) = before {
                self.trace_instruction(&before, block, matches!(flow, Flow::Next));
            }
            match flow {
                Flow::End => return Ok(()),
                Flow::Next => {}
            }
            idx += 1;
            if idx >= self.decoded.instructions.len() {
                return Err(self.error("control falls off the end of the code".into()));
            }
            let next = self.decoded.instructions[idx].offset;
            if self.leaders.contains(&next) {
                return self.jump_to(next);
            }
        }
    }
}

fn is_block_end(op: BcOp) -> bool {
    use BcOp::*;
    matches!(
        op,
        RETURN_VALUE | RETURN_CONST | RAISE_VARARGS | RERAISE | YIELD_VALUE
    )
}

/// Lifts one code object into an IR function.
pub fn lift(
    code: &CodeObject,
    decoded: &Decoded,
    pool: &mut ConstPool,
) -> Result<Function, LiftError> {
    lift_with(code, decoded, pool, false)
}

/// Lifts one code object into an IR function; with `trace`, each bytecode instruction is
/// followed by a call reporting it to the runtime's tracer.
pub fn lift_with(
    code: &CodeObject,
    decoded: &Decoded,
    pool: &mut ConstPool,
    trace: bool,
) -> Result<Function, LiftError> {
    let mut leaders = BTreeSet::new();
    let mut handler_targets = BTreeSet::new();
    let mut loop_heads = BTreeSet::new();
    if let Some(first) = decoded.instructions.first() {
        leaders.insert(first.offset);
    }
    for (i, inst) in decoded.instructions.iter().enumerate() {
        if let Some(t) = inst.jump_target {
            leaders.insert(t);
            if t <= inst.offset {
                loop_heads.insert(t);
            }
            if let Some(n) = decoded.instructions.get(i + 1) {
                leaders.insert(n.offset);
            }
        }
        if is_block_end(inst.op) {
            if let Some(n) = decoded.instructions.get(i + 1) {
                leaders.insert(n.offset);
            }
        }
        if inst.op == BcOp::YIELD_FROM {
            // Each resumption runs YIELD_FROM again.
            leaders.insert(inst.offset);
        }
    }
    for e in &decoded.exception_table {
        leaders.insert(e.target);
        handler_targets.insert(e.target);
    }
    let nlocals = code.localsplus.len();
    let mut l = Lifter {
        code,
        decoded,
        pool,
        func: Function::new(&code.qualname),
        stack: Vec::new(),
        locals: Vec::new(),
        current: Block(0),
        blocks: HashMap::new(),
        leaders,
        handler_targets,
        loop_heads,
        work: Vec::new(),
        line: code.firstlineno,
        inst: decoded.instructions.first().copied().ok_or(LiftError {
            message: "empty code object".into(),
            line: None,
        })?,
        next_offset: 0,
        kwnames: None,
        nulls: BTreeSet::new(),
        params: BTreeSet::new(),
        trace,
        global_names: HashMap::new(),
        blockstack: Vec::new(),
        entry_blockstacks: HashMap::new(),
        markers: HashMap::new(),
        pads: HashMap::new(),
    };
    // Entry: load the bound arguments, the other locals start unbound.
    let entry = l.func.new_block(None);
    l.func.entry = entry;
    l.current = entry;
    let nargs = {
        let mut n = (code.argcount + code.kwonlyargcount) as usize;
        if code.flags & 0x04 != 0 {
            n += 1;
        }
        if code.flags & 0x08 != 0 {
            n += 1;
        }
        n.min(nlocals)
    };
    let mut locals = Vec::with_capacity(nlocals);
    for i in 0..nlocals {
        if i < nargs {
            locals.push(l.emit(Op::Arg(i as u32), vec![], Some(Type::Obj)).unwrap());
        } else {
            locals.push(l.null());
        }
    }
    l.locals = locals;
    l.stack.clear();
    if l.is_legacy() {
        // 3.8–3.10 make cells and copy free variables on entry (3.11+ have MAKE_CELL and
        // COPY_FREE_VARS instructions for it).
        l.legacy_prologue()?;
    }
    let first = decoded.instructions[0].offset;
    l.jump_to(first)?;
    while let Some(key) = l.work.pop() {
        l.lift_block(key)?;
    }
    let mut f = l.func;
    ir::simplify::simplify(&mut f);
    Ok(f)
}
