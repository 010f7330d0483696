//! Lowering of one IR function to Cranelift IR.
//!
//! Every IR block becomes a CLIF block with one `i64` parameter per IR parameter. A fallible
//! instruction becomes the call plus a test of its result; the failure side is a cold block that
//! records the traceback line and jumps to the handler (or returns null).

use crate::codegen::ModuleCompiler;
use crate::ir::{self, ExcEdge, Op, Param, Ret, RtFn, Terminator, Type};
use cranelift_codegen::ir::{
    condcodes::IntCC, types, AbiParam, BlockArg, InstBuilder, MemFlagsData, Signature, SourceLoc,
    StackSlotData, StackSlotKind, TrapCode,
};
use cranelift_codegen::ir::{Block as CBlock, Value as CValue};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{FuncId, Module};
use std::collections::HashMap;

/// Byte offset of `Frame::args` in the runtime's frame record.
pub const FRAME_ARGS_OFFSET: i32 = 40;
/// Byte offset of `Frame::line` (a u32).
pub const FRAME_LINE_OFFSET: i32 = 56;
/// Byte offset of `Frame::gen`.
pub const FRAME_GEN_OFFSET: i32 = 64;
/// Offsets in the runtime's `GeneratorObject`.
pub const GEN_RESUME_OFFSET: i32 = 8;
pub const GEN_STATE_OFFSET: i32 = 12;
pub const GEN_SENT_OFFSET: i32 = 16;
pub const GEN_SAVE_OFFSET: i32 = 24;
pub const GEN_YIELDFROM_OFFSET: i32 = 32;
/// `generator::SUSPENDED`.
pub const GEN_SUSPENDED: i64 = 2;

/// The Cranelift signature of a runtime function.
pub fn rt_signature(m: &dyn Module, f: RtFn) -> Signature {
    let mut sig = m.make_signature();
    for p in f.params() {
        match p {
            Param::Frame | Param::Obj | Param::Imm => sig.params.push(AbiParam::new(types::I64)),
            Param::I32 => sig.params.push(AbiParam::new(types::I32)),
            Param::Array => {
                sig.params.push(AbiParam::new(types::I64));
                sig.params.push(AbiParam::new(types::I64));
            }
            Param::Out | Param::Cache => sig.params.push(AbiParam::new(types::I64)),
        }
    }
    match f.ret() {
        Ret::Obj | Ret::ObjInfallible => sig.returns.push(AbiParam::new(types::I64)),
        Ret::Status | Ret::Bool => sig.returns.push(AbiParam::new(types::I32)),
        Ret::Void => {}
    }
    sig
}

pub(crate) struct FunctionCx<'a, 'b> {
    pub(crate) mc: &'a mut ModuleCompiler,
    pub(crate) b: FunctionBuilder<'b>,
    pub(crate) values: HashMap<ir::Value, CValue>,
    blocks: Vec<CBlock>,
    pub(crate) frame: CValue,
    pub(crate) consts_base: CValue,
    /// Resume index (1-based) of each generator resumption block.
    resume_index: HashMap<ir::Block, u32>,
}

impl FunctionCx<'_, '_> {
    pub(crate) fn val(&self, v: ir::Value) -> CValue {
        self.values[&v]
    }

    pub(crate) fn call_import(&mut self, id: FuncId, args: &[CValue]) -> Vec<CValue> {
        let fref = self.mc.module.declare_func_in_func(id, self.b.func);
        let call = self.b.ins().call(fref, args);
        self.b.inst_results(call).to_vec()
    }

    fn block_args(&self, args: &[ir::Value]) -> Vec<BlockArg> {
        args.iter().map(|a| BlockArg::Value(self.val(*a))).collect()
    }

    /// A word array on the stack holding `vals` (or room for `n` words); returns its address.
    fn array(&mut self, vals: &[CValue], n: usize) -> CValue {
        if n == 0 {
            return self.b.ins().iconst(types::I64, 0);
        }
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            (n * 8) as u32,
            3,
        ));
        for (i, v) in vals.iter().enumerate() {
            self.b
                .ins()
                .stack_store(types::I64, *v, slot, (i * 8) as i32);
        }
        self.b.ins().stack_addr(types::I64, slot, 0)
    }

    /// Emits the failure path of an instruction: a cold block that records the traceback and
    /// goes to the handler. `failed` is the I8/I32 condition; execution continues in a new block.
    pub(crate) fn exc_branch(
        &mut self,
        failed: CValue,
        exc: &ExcEdge,
        line: u32,
        before: Option<(FuncId, i64)>,
    ) {
        let err = self.b.create_block();
        let cont = self.b.create_block();
        self.b.set_cold_block(err);
        self.b.ins().brif(failed, err, &[], cont, &[]);
        self.b.switch_to_block(err);
        self.b.seal_block(err);
        if let Some((id, idx)) = before {
            let i = self.b.ins().iconst(types::I64, idx);
            let fr = self.frame;
            self.call_import(id, &[fr, i]);
        }
        if exc.traceback {
            let l = self.b.ins().iconst(types::I64, line as i64);
            let tb = self
                .mc
                .helper("kiln_traceback_here", &[types::I64, types::I64], None);
            let fr = self.frame;
            self.call_import(tb, &[fr, l]);
        }
        match &exc.target {
            Some((t, args)) => {
                let a = self.block_args(args);
                let tb = self.blocks[t.0 as usize];
                self.b.ins().jump(tb, &a);
            }
            None => {
                let z = self.b.ins().iconst(types::I64, 0);
                self.b.ins().return_(&[z]);
            }
        }
        self.b.switch_to_block(cont);
        self.b.seal_block(cont);
    }

    /// Emits the runtime call of `inst` (with its failure branch); returns its results in IR
    /// order (primary result, then out-array words).
    pub(crate) fn call_rt(&mut self, inst: &ir::Inst, f: RtFn, imms: &[i64]) -> Vec<CValue> {
        let mut args: Vec<CValue> = Vec::new();
        let mut ir_args = inst.args.iter();
        let mut imm_iter = imms.iter();
        let mut out_slot: Option<(CValue, usize)> = None;
        for p in f.params() {
            match p {
                Param::Frame => args.push(self.frame),
                Param::Obj | Param::I32 => args.push(self.val(*ir_args.next().expect("operand"))),
                Param::Imm => {
                    let i = *imm_iter.next().expect("immediate");
                    args.push(self.b.ins().iconst(types::I64, i));
                }
                Param::Array => {
                    let rest: Vec<CValue> = ir_args.by_ref().map(|a| self.values[a]).collect();
                    let p = self.array(&rest, rest.len());
                    args.push(p);
                    args.push(self.b.ins().iconst(types::I64, rest.len() as i64));
                }
                Param::Cache => {
                    let k = *imm_iter.next().expect("cache slot");
                    let base = self.cache_addr(k);
                    args.push(base);
                }
                Param::Out => {
                    let n = *imm_iter.next().expect("out count") as usize;
                    let p = self.array(&[], n);
                    args.push(p);
                    out_slot = Some((p, n));
                }
            }
        }
        if inst.exc.is_some() {
            // Keep the frame's line current for whatever this call runs (f_lineno).
            let l = self.b.ins().iconst(types::I32, inst.line as i64);
            self.b
                .ins()
                .store(MemFlagsData::trusted(), l, self.frame, FRAME_LINE_OFFSET);
        }
        let id = self.mc.runtime_fn(f);
        let results = self.call_import(id, &args);
        let failed = match f.ret() {
            Ret::Obj => Some(self.b.ins().icmp_imm_s(IntCC::Equal, results[0], 0)),
            Ret::Status | Ret::Bool => Some(self.b.ins().icmp_imm_s(
                IntCC::SignedLessThan,
                results[0],
                0,
            )),
            _ => None,
        };
        if let (Some(failed), Some(exc)) = (failed, &inst.exc) {
            self.exc_branch(failed, exc, inst.line, None);
        }
        let mut out = Vec::new();
        if matches!(f.ret(), Ret::Obj | Ret::ObjInfallible | Ret::Bool) {
            out.push(results[0]);
        }
        if let Some((p, n)) = out_slot {
            for i in 0..n {
                out.push(
                    self.b
                        .ins()
                        .load(types::I64, MemFlagsData::trusted(), p, (i * 8) as i32),
                );
            }
        }
        out
    }

    /// Entry `k` of the module's constant table.
    pub(crate) fn load_const(&mut self, k: u32) -> CValue {
        self.b.ins().load(
            types::I64,
            MemFlagsData::trusted().with_readonly(),
            self.consts_base,
            (k as i32) * 8,
        )
    }

    /// The value of a pointer-sized static the runtime exports (a type object pointer).
    pub(crate) fn runtime_static(&mut self, name: &'static str) -> CValue {
        let id = self.mc.runtime_static(name);
        let gv = self.mc.module.declare_data_in_func(id, self.b.func);
        let addr = self.b.ins().symbol_value(types::I64, gv);
        self.b
            .ins()
            .load(types::I64, MemFlagsData::trusted().with_readonly(), addr, 0)
    }

    /// Address of inline-cache slot `k` of the module.
    pub(crate) fn cache_addr(&mut self, k: i64) -> CValue {
        let gv = self
            .mc
            .module
            .declare_data_in_func(self.mc.caches_data, self.b.func);
        let base = self.b.ins().symbol_value(types::I64, gv);
        self.b
            .ins()
            .iadd_imm_s(base, k * super::CACHE_SLOT_SIZE as i64)
    }

    fn lower_rt(&mut self, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
        if super::inline::lower_inline(self, inst, f, imms) {
            return;
        }
        let results = self.call_rt(inst, f, imms);
        for (r, v) in inst.results.iter().zip(results) {
            self.values.insert(*r, v);
        }
    }

    fn lower_inst(&mut self, inst: &ir::Inst) {
        match &inst.op {
            Op::Const(k) => {
                let v = self.b.ins().load(
                    types::I64,
                    MemFlagsData::trusted().with_readonly(),
                    self.consts_base,
                    (*k as i32) * 8,
                );
                self.values.insert(inst.results[0], v);
            }
            Op::Arg(i) => {
                let args = self.b.ins().load(
                    types::I64,
                    MemFlagsData::trusted(),
                    self.frame,
                    FRAME_ARGS_OFFSET,
                );
                let v =
                    self.b
                        .ins()
                        .load(types::I64, MemFlagsData::trusted(), args, (*i as i32) * 8);
                self.values.insert(inst.results[0], v);
            }
            Op::Null => {
                let v = self.b.ins().iconst(types::I64, 0);
                self.values.insert(inst.results[0], v);
            }
            Op::Rt(f, imms) => self.lower_rt(inst, *f, imms),
            Op::Is { invert } => {
                let cc = if *invert {
                    IntCC::NotEqual
                } else {
                    IntCC::Equal
                };
                let (a, b) = (self.val(inst.args[0]), self.val(inst.args[1]));
                let c = self.b.ins().icmp(cc, a, b);
                let v = self.b.ins().uextend(types::I32, c);
                self.values.insert(inst.results[0], v);
            }
            Op::IsDone => {
                let a = self.val(inst.args[0]);
                let c = self.b.ins().icmp_imm_s(IntCC::Equal, a, 2);
                let v = self.b.ins().uextend(types::I32, c);
                self.values.insert(inst.results[0], v);
            }
            Op::Not => {
                let a = self.val(inst.args[0]);
                let c = self.b.ins().icmp_imm_s(IntCC::Equal, a, 0);
                let v = self.b.ins().uextend(types::I32, c);
                self.values.insert(inst.results[0], v);
            }
            Op::CheckThrown => {
                let a = self.val(inst.args[0]);
                let failed = self.b.ins().icmp_imm_s(IntCC::Equal, a, 0);
                let exc = inst
                    .exc
                    .clone()
                    .expect("check_thrown has an exception edge");
                self.exc_branch(failed, &exc, inst.line, None);
            }
            Op::SafePoint => {
                // The pending-signals word is re-read on every pass (not a read-only load).
                let id = self.mc.runtime_static("kiln_signals_pending");
                let gv = self.mc.module.declare_data_in_func(id, self.b.func);
                let addr = self.b.ins().symbol_value(types::I64, gv);
                let pending = self
                    .b
                    .ins()
                    .load(types::I32, MemFlagsData::trusted(), addr, 0);
                let slow = self.b.create_block();
                let cont = self.b.create_block();
                self.b.set_cold_block(slow);
                self.b.ins().brif(pending, slow, &[], cont, &[]);
                self.b.switch_to_block(slow);
                self.b.seal_block(slow);
                let check = self.mc.helper("kiln_check_signals", &[], Some(types::I64));
                let status = self.call_import(check, &[])[0];
                let failed = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, status, 0);
                let exc = inst.exc.clone().expect("safe_point has an exception edge");
                self.exc_branch(failed, &exc, inst.line, None);
                self.b.ins().jump(cont, &[]);
                self.b.switch_to_block(cont);
                self.b.seal_block(cont);
            }
            Op::CheckBound { index, deref } => {
                let a = self.val(inst.args[0]);
                let failed = self.b.ins().icmp_imm_s(IntCC::Equal, a, 0);
                let name = if *deref {
                    "kiln_unbound_deref"
                } else {
                    "kiln_unbound_local"
                };
                let id = self
                    .mc
                    .helper(name, &[types::I64, types::I64], Some(types::I64));
                let exc = inst.exc.clone().expect("check_bound has an exception edge");
                self.exc_branch(failed, &exc, inst.line, Some((id, *index as i64)));
            }
        }
    }

    fn lower_term(&mut self, t: &Terminator) {
        match t {
            Terminator::Jump(target, args) => {
                let a = self.block_args(args);
                let tb = self.blocks[target.0 as usize];
                self.b.ins().jump(tb, &a);
            }
            Terminator::Branch { cond, then, else_ } => {
                let c = self.val(*cond);
                let ta = self.block_args(&then.1);
                let ea = self.block_args(&else_.1);
                let (tb, eb) = (
                    self.blocks[then.0 .0 as usize],
                    self.blocks[else_.0 .0 as usize],
                );
                self.b.ins().brif(c, tb, &ta, eb, &ea);
            }
            Terminator::Return(v) => {
                let r = self.val(*v);
                self.b.ins().return_(&[r]);
            }
            Terminator::Yield {
                value,
                saved,
                resume,
                yield_from,
            } => {
                let t = MemFlagsData::trusted();
                let gen = self
                    .b
                    .ins()
                    .load(types::I64, t, self.frame, FRAME_GEN_OFFSET);
                let save = self.b.ins().load(types::I64, t, gen, GEN_SAVE_OFFSET);
                for (i, v) in saved.iter().enumerate() {
                    let cv = self.val(*v);
                    self.b.ins().store(t, cv, save, (i * 8) as i32);
                }
                let k = self.resume_index[resume] as i64;
                let ki = self.b.ins().iconst(types::I32, k);
                self.b.ins().store(t, ki, gen, GEN_RESUME_OFFSET);
                let st = self.b.ins().iconst(types::I32, GEN_SUSPENDED);
                self.b.ins().store(t, st, gen, GEN_STATE_OFFSET);
                let yf = match yield_from {
                    Some(y) => self.val(*y),
                    None => self.b.ins().iconst(types::I64, 0),
                };
                self.b.ins().store(t, yf, gen, GEN_YIELDFROM_OFFSET);
                let r = self.val(*value);
                self.b.ins().return_(&[r]);
            }
            Terminator::Unreachable => {
                self.b.ins().trap(TrapCode::unwrap_user(1));
            }
        }
    }
}

/// The first line `f` has an instruction for.
fn first_line(f: &ir::Function) -> u32 {
    f.blocks
        .iter()
        .flat_map(|b| b.insts.iter())
        .map(|i| i.line)
        .next()
        .unwrap_or(0)
}

/// Lowers `f` into the body of `id` (signature: frame pointer → value), keeping the listings
/// `capture` asks for.
pub fn lower(
    mc: &mut ModuleCompiler,
    id: FuncId,
    f: &ir::Function,
    capture: &mut super::listing::Capture,
) -> Result<(), String> {
    let mut ctx = mc.module.make_context();
    ctx.set_disasm(capture.want_asm);
    ctx.func.signature = mc.body_signature();
    let mut fbc = FunctionBuilderContext::new();
    let consts_data = mc.consts_data;
    {
        let b = FunctionBuilder::new(&mut ctx.func, &mut fbc);
        let mut cx = FunctionCx {
            mc,
            b,
            values: HashMap::new(),
            blocks: Vec::new(),
            frame: CValue::from_u32(0),
            consts_base: CValue::from_u32(0),
            resume_index: HashMap::new(),
        };
        let entry = cx.b.create_block();
        if cx.mc.debug.is_some() {
            cx.b.set_srcloc(SourceLoc::new(first_line(f)));
        }
        cx.b.append_block_params_for_function_params(entry);
        cx.b.switch_to_block(entry);
        cx.frame = cx.b.block_params(entry)[0];
        let gv = cx.mc.module.declare_data_in_func(consts_data, cx.b.func);
        cx.consts_base = cx.b.ins().symbol_value(types::I64, gv);
        for bd in &f.blocks {
            let cb = cx.b.create_block();
            for p in &bd.params {
                let ty = if f.ty(*p) == Type::I32 {
                    types::I32
                } else {
                    types::I64
                };
                let v = cx.b.append_block_param(cb, ty);
                cx.values.insert(*p, v);
            }
            cx.blocks.push(cb);
        }
        let first = cx.blocks[f.entry.0 as usize];
        let resumes = f.resume_blocks();
        if resumes.is_empty() {
            cx.b.ins().jump(first, &[]);
        } else {
            // A generator: dispatch on the resume index to the start or a resumption, whose
            // trampoline reloads the saved values and the sent one.
            let t = MemFlagsData::trusted();
            let gen = cx.b.ins().load(types::I64, t, cx.frame, FRAME_GEN_OFFSET);
            let idx = cx.b.ins().load(types::I32, t, gen, GEN_RESUME_OFFSET);
            let mut calls = Vec::new();
            let mut trampolines = Vec::new();
            for (k, r) in resumes.iter().enumerate() {
                cx.resume_index.insert(*r, k as u32 + 1);
                let tb = cx.b.create_block();
                trampolines.push((tb, *r));
                calls.push(cx.b.func.dfg.block_call(tb, &[]));
            }
            let start = cx.b.func.dfg.block_call(first, &[]);
            let mut table = vec![start];
            table.extend(calls);
            let bad = cx.b.create_block();
            let def = cx.b.func.dfg.block_call(bad, &[]);
            let jt =
                cx.b.create_jump_table(cranelift_codegen::ir::JumpTableData::new(def, &table));
            cx.b.ins().br_table(idx, jt);
            cx.b.switch_to_block(bad);
            cx.b.ins().trap(TrapCode::unwrap_user(2));
            for (tb, r) in trampolines {
                cx.b.switch_to_block(tb);
                let save = cx.b.ins().load(types::I64, t, gen, GEN_SAVE_OFFSET);
                let nparams = f.block(r).params.len();
                let mut args = Vec::with_capacity(nparams);
                for i in 0..nparams - 1 {
                    let v = cx.b.ins().load(types::I64, t, save, (i * 8) as i32);
                    args.push(BlockArg::Value(v));
                }
                let sent = cx.b.ins().load(types::I64, t, gen, GEN_SENT_OFFSET);
                args.push(BlockArg::Value(sent));
                let target = cx.blocks[r.0 as usize];
                cx.b.ins().jump(target, &args);
            }
        }
        let lines = cx.mc.debug.is_some();
        for (i, bd) in f.blocks.iter().enumerate() {
            let cb = cx.blocks[i];
            cx.b.switch_to_block(cb);
            for inst in &bd.insts {
                if lines {
                    cx.b.set_srcloc(SourceLoc::new(inst.line));
                }
                cx.lower_inst(inst);
            }
            cx.lower_term(&bd.term);
        }
        cx.b.seal_all_blocks();
        let cfg = cx.mc.module.target_config();
        cx.b.finalize(cfg);
    }
    if capture.want_clif {
        let mut text = ctx.func.display().to_string();
        text.push_str(&super::listing::name_table(&mc.module, &ctx.func));
        capture.clif = Some(text);
    }
    mc.module
        .define_function(id, &mut ctx)
        .map_err(|e| format!("code generation failed for {}: {e:?}", f.name))?;
    if let Some(mut debug) = mc.debug.take() {
        let r = debug.record(&mc.module, id, &ctx, first_line(f));
        mc.debug = Some(debug);
        r?;
    }
    if capture.want_asm {
        let vcode = ctx
            .compiled_code()
            .and_then(|c| c.vcode.clone())
            .unwrap_or_default();
        capture.asm = Some(super::listing::symbolize_vcode(
            &mc.module, &ctx.func, &vcode,
        ));
    }
    mc.module.clear_context(&mut ctx);
    Ok(())
}
