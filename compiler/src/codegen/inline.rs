//! Inline fast paths: the common case of a runtime operation done in compiled code, falling
//! back to the runtime call (the "slow path", a cold block) when a guard fails.
//!
//! - BINARY_OP `+ - * & | ^` (and in-place forms) on two small ints: tagged arithmetic with an
//!   overflow check (a small int `x` is the word `2x+1`).
//! - BINARY_OP `+ - * /` on two exact floats: machine float arithmetic, the result boxed by
//!   one runtime call (CPython's BINARY_OP_*_FLOAT).
//! - COMPARE_OP on two small ints: a machine compare (tagging keeps the order); on two exact
//!   floats: a float compare.
//! - Truth tests of `True`, `False`, `None` and small ints.
//! - FOR_ITER over a `range` iterator: the counter update without a call.
//! - LOAD_GLOBAL: a hit of the site's inline cache (`runtime/src/cache.rs`) without a call.
//! - A one-argument call of a builtin that has a `fast1` entry (`len(x)`): straight to it.
//!
//! The layouts read here are the runtime's; the offsets are named below.

use super::function::FunctionCx;
use crate::ir::{self, RtFn};
use cranelift_codegen::ir::{
    condcodes::{FloatCC, IntCC},
    types, BlockArg, InstBuilder, MemFlagsData, Value as CValue,
};
use cranelift_module::Module;

/// `Frame::globals` and `Frame::builtins`.
const FRAME_GLOBALS: i32 = 16;
const FRAME_BUILTINS: i32 = 24;
/// `DictObject::entries`, `DictObject::version`; an entry is (hash, key, value).
const DICT_ENTRIES: i32 = 32;
const DICT_VERSION: i32 = 40;
const ENTRY_SIZE: i64 = 24;
const ENTRY_VALUE: i32 = 16;
/// `GlobalCache` fields.
const CACHE_GLOBALS_VERSION: i32 = 0;
const CACHE_BUILTINS_VERSION: i32 = 8;
const CACHE_INDEX: i32 = 16;
/// `RangeIter` fields.
const RANGE_NEXT: i32 = 8;
const RANGE_REMAINING: i32 = 16;
const RANGE_STEP: i32 = 24;
/// `BuiltinFunctionObject::bound` and `::fast1`.
const BUILTIN_BOUND: i32 = 24;
const BUILTIN_FAST1: i32 = 40;
/// The iteration-finished marker.
const DONE: i64 = 2;

fn mem() -> MemFlagsData {
    MemFlagsData::trusted()
}

/// Lowers `inst` with a fast path when it has one; false when it must be a plain call.
pub(crate) fn lower_inline(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) -> bool {
    match f {
        RtFn::BinaryOp if matches!(imms[0] % 13, 0 | 1 | 5 | 7 | 10 | 11 | 12) && imms[0] < 26 => {
            binary_op(cx, inst, f, imms);
            true
        }
        RtFn::CompareOp | RtFn::CompareBool => {
            compare(cx, inst, f, imms);
            true
        }
        RtFn::IsTrue => {
            is_true(cx, inst, f, imms);
            true
        }
        RtFn::ForIter => {
            for_iter(cx, inst, f, imms);
            true
        }
        RtFn::LoadGlobalCached => {
            load_global(cx, inst, f, imms);
            true
        }
        RtFn::Negative => {
            negative(cx, inst, f, imms);
            true
        }
        RtFn::GetItem => {
            get_item(cx, inst, f, imms);
            true
        }
        RtFn::SetItem => {
            set_item(cx, inst, f, imms);
            true
        }
        RtFn::Call if inst.args.len() == 2 => {
            call1(cx, inst, f, imms);
            true
        }
        _ => false,
    }
}

/// Emits `fast` in the current block (it may branch to the slow block it is given) and the
/// runtime call in a cold block; both meet in a block whose parameter is the result.
fn with_slow_path(
    cx: &mut FunctionCx,
    inst: &ir::Inst,
    f: RtFn,
    imms: &[i64],
    ty: types::Type,
    fast: impl FnOnce(&mut FunctionCx, cranelift_codegen::ir::Block, cranelift_codegen::ir::Block),
) {
    let slow = cx.b.create_block();
    let join = cx.b.create_block();
    let r = cx.b.append_block_param(join, ty);
    cx.b.set_cold_block(slow);
    fast(cx, slow, join);
    cx.b.switch_to_block(slow);
    let results = cx.call_rt(inst, f, imms);
    cx.b.ins().jump(join, &[BlockArg::Value(results[0])]);
    cx.b.switch_to_block(join);
    cx.values.insert(inst.results[0], r);
}

/// Branches to `slow` unless both words are small ints.
fn guard_small_pair(cx: &mut FunctionCx, a: CValue, b: CValue, slow: cranelift_codegen::ir::Block) {
    let both = cx.b.ins().band(a, b);
    let tag = cx.b.ins().band_imm_s(both, 1);
    let ok = cx.b.create_block();
    cx.b.ins().brif(tag, ok, &[], slow, &[]);
    cx.b.switch_to_block(ok);
}

/// `BinaryOp` operand codes (CPython's `NB_*`, in-place forms are these plus 13).
const NB_ADD: i64 = 0;
const NB_MULTIPLY: i64 = 5;
const NB_SUBTRACT: i64 = 10;
const NB_TRUE_DIVIDE: i64 = 11;

/// Float offset of `FloatObject::v`.
const FLOAT_VALUE: i32 = 8;

/// Branches to `slow` unless both words are exact floats; returns their values.
fn float_pair(
    cx: &mut FunctionCx,
    a: CValue,
    b: CValue,
    slow: cranelift_codegen::ir::Block,
) -> (CValue, CValue) {
    let either = cx.b.ins().bor(a, b);
    let small = cx.b.ins().band_imm_s(either, 1);
    let objs = cx.b.create_block();
    cx.b.ins().brif(small, slow, &[], objs, &[]);
    cx.b.switch_to_block(objs);
    exact_float_values(cx, a, b, slow)
}

/// In a block where `a` and `b` are both objects: their doubles when both are exact floats,
/// `slow` otherwise.
fn exact_float_values(
    cx: &mut FunctionCx,
    a: CValue,
    b: CValue,
    slow: cranelift_codegen::ir::Block,
) -> (CValue, CValue) {
    let ta = cx.b.ins().load(types::I64, mem(), a, 0);
    let tb = cx.b.ins().load(types::I64, mem(), b, 0);
    let want = cx.runtime_static("kiln_float_type");
    let fa = cx.b.ins().icmp(IntCC::Equal, ta, want);
    let fb = cx.b.ins().icmp(IntCC::Equal, tb, want);
    let both = cx.b.ins().band(fa, fb);
    let floats = cx.b.create_block();
    cx.b.ins().brif(both, floats, &[], slow, &[]);
    cx.b.switch_to_block(floats);
    let x = cx.b.ins().load(types::F64, mem(), a, FLOAT_VALUE);
    let y = cx.b.ins().load(types::F64, mem(), b, FLOAT_VALUE);
    (x, y)
}

/// The operands of a float operation as doubles: two exact floats, or (tested after them) an
/// exact float and a small int, converted as CPython converts it, to the nearest double;
/// `slow` otherwise, two small ints included.
fn float_operands(
    cx: &mut FunctionCx,
    a: CValue,
    b: CValue,
    slow: cranelift_codegen::ir::Block,
) -> (CValue, CValue) {
    let done = cx.b.create_block();
    let x = cx.b.append_block_param(done, types::F64);
    let y = cx.b.append_block_param(done, types::F64);
    let either = cx.b.ins().bor(a, b);
    let small = cx.b.ins().band_imm_s(either, 1);
    let objs = cx.b.create_block();
    let mixed = cx.b.create_block();
    cx.b.ins().brif(small, mixed, &[], objs, &[]);

    cx.b.switch_to_block(objs);
    let (fx, fy) = exact_float_values(cx, a, b, slow);
    cx.b.ins()
        .jump(done, &[BlockArg::Value(fx), BlockArg::Value(fy)]);

    // At least one small int: the other must be an exact float.
    cx.b.switch_to_block(mixed);
    let both_words = cx.b.ins().band(a, b);
    let both_small = cx.b.ins().band_imm_s(both_words, 1);
    let one = cx.b.create_block();
    cx.b.ins().brif(both_small, slow, &[], one, &[]);
    cx.b.switch_to_block(one);
    let a_small = cx.b.ins().band_imm_s(a, 1);
    let a_int = cx.b.create_block();
    let b_int = cx.b.create_block();
    cx.b.ins().brif(a_small, a_int, &[], b_int, &[]);
    for (int_first, block) in [(true, a_int), (false, b_int)] {
        cx.b.switch_to_block(block);
        let (int, obj) = if int_first { (a, b) } else { (b, a) };
        let ty = cx.b.ins().load(types::I64, mem(), obj, 0);
        let want = cx.runtime_static("kiln_float_type");
        let is_float = cx.b.ins().icmp(IntCC::Equal, ty, want);
        let ok = cx.b.create_block();
        cx.b.ins().brif(is_float, ok, &[], slow, &[]);
        cx.b.switch_to_block(ok);
        let i = cx.b.ins().sshr_imm_s(int, 1);
        let fi = cx.b.ins().fcvt_from_sint(types::F64, i);
        let fo = cx.b.ins().load(types::F64, mem(), obj, FLOAT_VALUE);
        let (vx, vy) = if int_first { (fi, fo) } else { (fo, fi) };
        cx.b.ins()
            .jump(done, &[BlockArg::Value(vx), BlockArg::Value(vy)]);
    }

    cx.b.switch_to_block(done);
    (x, y)
}

/// `-v` for an exact float, inline; else the runtime.
fn negative(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
    let v = cx.val(inst.args[0]);
    with_slow_path(cx, inst, f, imms, types::I64, |cx, slow, join| {
        let small = cx.b.ins().band_imm_s(v, 1);
        let obj = cx.b.create_block();
        cx.b.ins().brif(small, slow, &[], obj, &[]);
        cx.b.switch_to_block(obj);
        let ty = cx.b.ins().load(types::I64, mem(), v, 0);
        let want = cx.runtime_static("kiln_float_type");
        let is_float = cx.b.ins().icmp(IntCC::Equal, ty, want);
        let float = cx.b.create_block();
        cx.b.ins().brif(is_float, float, &[], slow, &[]);
        cx.b.switch_to_block(float);
        let x = cx.b.ins().load(types::F64, mem(), v, FLOAT_VALUE);
        let r = cx.b.ins().fneg(x);
        box_float(cx, r, slow, join);
    });
}

/// Float `+ - * /` on two exact floats, boxed; anything else (division by zero included) goes
/// to `slow`.
fn float_binary(
    cx: &mut FunctionCx,
    op: i64,
    a: CValue,
    b: CValue,
    slow: cranelift_codegen::ir::Block,
    join: cranelift_codegen::ir::Block,
) {
    let (x, y) = float_operands(cx, a, b, slow);
    let r = match op {
        NB_ADD => cx.b.ins().fadd(x, y),
        NB_SUBTRACT => cx.b.ins().fsub(x, y),
        NB_MULTIPLY => cx.b.ins().fmul(x, y),
        _ => {
            let zero = cx.b.ins().f64const(0.0);
            let is_zero = cx.b.ins().fcmp(FloatCC::Equal, y, zero);
            let ok = cx.b.create_block();
            cx.b.ins().brif(is_zero, slow, &[], ok, &[]);
            cx.b.switch_to_block(ok);
            cx.b.ins().fdiv(x, y)
        }
    };
    box_float(cx, r, slow, join);
}

/// Offsets in the runtime's allocation pool (`gc::Pool`): the next object to hand out, the
/// end of the filled slots, the slots.
const POOL_NEXT_OFFSET: i32 = 0;
const POOL_END_OFFSET: i32 = 8;
const POOL_SLOT_OFFSET: i32 = 16;

/// Boxes the float `r` and jumps to `join` with it: an object taken from the runtime's float
/// pool inline, or, when the pool is empty, `kiln_float_from_bits` (`slow` when that fails).
fn box_float(
    cx: &mut FunctionCx,
    r: CValue,
    slow: cranelift_codegen::ir::Block,
    join: cranelift_codegen::ir::Block,
) {
    let pool = cx.runtime_static("kiln_float_pool");
    let next = cx.b.ins().load(types::I64, mem(), pool, POOL_NEXT_OFFSET);
    let end = cx.b.ins().load(types::I64, mem(), pool, POOL_END_OFFSET);
    let has = cx.b.ins().icmp(IntCC::UnsignedLessThan, next, end);
    let take = cx.b.create_block();
    let call = cx.b.create_block();
    cx.b.ins().brif(has, take, &[], call, &[]);

    cx.b.switch_to_block(take);
    let index = cx.b.ins().ishl_imm_u(next, 3);
    let slot = cx.b.ins().iadd(pool, index);
    let p = cx.b.ins().load(types::I64, mem(), slot, POOL_SLOT_OFFSET);
    let zero = cx.b.ins().iconst(types::I64, 0);
    // Cleared, as the runtime's own pool_alloc does: the pool is a collector root.
    cx.b.ins().store(mem(), zero, slot, POOL_SLOT_OFFSET);
    let next1 = cx.b.ins().iadd_imm_s(next, 1);
    cx.b.ins().store(mem(), next1, pool, POOL_NEXT_OFFSET);
    let ty = cx.runtime_static("kiln_float_type");
    cx.b.ins().store(mem(), ty, p, 0);
    cx.b.ins().store(mem(), r, p, FLOAT_VALUE);
    cx.b.ins().jump(join, &[BlockArg::Value(p)]);

    cx.b.switch_to_block(call);
    let bits = cx.b.ins().bitcast(types::I64, MemFlagsData::new(), r);
    let id = cx.mc.runtime_fn(RtFn::FloatFromBits);
    let v = cx.call_import(id, &[bits])[0];
    let failed = cx.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
    cx.b.ins()
        .brif(failed, slow, &[], join, &[BlockArg::Value(v)]);
}

fn binary_op(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
    let (a, b) = (cx.val(inst.args[0]), cx.val(inst.args[1]));
    let op = imms[0] % 13;
    with_slow_path(cx, inst, f, imms, types::I64, |cx, slow, join| {
        let floats = matches!(op, NB_ADD | NB_MULTIPLY | NB_SUBTRACT | NB_TRUE_DIVIDE);
        let not_ints = if floats { cx.b.create_block() } else { slow };
        if op == NB_TRUE_DIVIDE {
            // int / int is a float division with its own rounding: the runtime does it.
            cx.b.ins().jump(not_ints, &[]);
        } else {
            int_binary(cx, op, a, b, not_ints, slow, join);
        }
        if floats {
            cx.b.switch_to_block(not_ints);
            float_binary(cx, op, a, b, slow, join);
        }
    });
}

/// Tagged small-int arithmetic: `not_ints` unless both are small ints, `slow` on overflow.
fn int_binary(
    cx: &mut FunctionCx,
    op: i64,
    a: CValue,
    b: CValue,
    not_ints: cranelift_codegen::ir::Block,
    slow: cranelift_codegen::ir::Block,
    join: cranelift_codegen::ir::Block,
) {
    {
        guard_small_pair(cx, a, b, not_ints);
        let r = match op {
            1 => cx.b.ins().band(a, b),
            7 => cx.b.ins().bor(a, b),
            12 => {
                let x = cx.b.ins().bxor(a, b);
                cx.b.ins().bor_imm_s(x, 1)
            }
            _ => {
                let (raw, overflow) = match op {
                    0 => {
                        let t = cx.b.ins().iadd_imm_s(a, -1);
                        cx.b.ins().sadd_overflow(t, b)
                    }
                    10 => cx.b.ins().ssub_overflow(a, b),
                    _ => {
                        let x = cx.b.ins().sshr_imm_s(a, 1);
                        let t = cx.b.ins().iadd_imm_s(b, -1);
                        cx.b.ins().smul_overflow(x, t)
                    }
                };
                let ok = cx.b.create_block();
                cx.b.ins().brif(overflow, slow, &[], ok, &[]);
                cx.b.switch_to_block(ok);
                if op == 0 {
                    raw
                } else {
                    cx.b.ins().bor_imm_s(raw, 1)
                }
            }
        };
        cx.b.ins().jump(join, &[BlockArg::Value(r)]);
    }
}

fn int_cc(op: i64) -> IntCC {
    match op {
        0 => IntCC::SignedLessThan,
        1 => IntCC::SignedLessThanOrEqual,
        2 => IntCC::Equal,
        3 => IntCC::NotEqual,
        4 => IntCC::SignedGreaterThan,
        _ => IntCC::SignedGreaterThanOrEqual,
    }
}

fn compare(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
    let (a, b) = (cx.val(inst.args[0]), cx.val(inst.args[1]));
    let cc = int_cc(imms[0]);
    let as_bool = f == RtFn::CompareBool;
    let ty = if as_bool { types::I32 } else { types::I64 };
    let fcc = float_cc(imms[0]);
    with_slow_path(cx, inst, f, imms, ty, |cx, slow, join| {
        let not_ints = cx.b.create_block();
        guard_small_pair(cx, a, b, not_ints);
        let c = cx.b.ins().icmp(cc, a, b);
        compare_result(cx, c, as_bool, join);
        cx.b.switch_to_block(not_ints);
        let (x, y) = float_pair(cx, a, b, slow);
        let c = cx.b.ins().fcmp(fcc, x, y);
        compare_result(cx, c, as_bool, join);
    });
}

/// Python's float comparisons: ordered (false with a NaN) except `!=`.
fn float_cc(op: i64) -> FloatCC {
    match op {
        0 => FloatCC::LessThan,
        1 => FloatCC::LessThanOrEqual,
        2 => FloatCC::Equal,
        3 => FloatCC::NotEqual,
        4 => FloatCC::GreaterThan,
        _ => FloatCC::GreaterThanOrEqual,
    }
}

/// Jumps to `join` with a comparison's outcome: 0/1 for a branch, else `True`/`False`.
fn compare_result(
    cx: &mut FunctionCx,
    c: CValue,
    as_bool: bool,
    join: cranelift_codegen::ir::Block,
) {
    let r = if as_bool {
        cx.b.ins().uextend(types::I32, c)
    } else {
        let t = cx.load_const(cx.mc.well_known.true_);
        let fl = cx.load_const(cx.mc.well_known.false_);
        cx.b.ins().select(c, t, fl)
    };
    cx.b.ins().jump(join, &[BlockArg::Value(r)]);
}

fn is_true(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
    let v = cx.val(inst.args[0]);
    with_slow_path(cx, inst, f, imms, types::I32, |cx, slow, join| {
        let wk = cx.mc.well_known;
        let small = cx.b.ins().band_imm_s(v, 1);
        let small_blk = cx.b.create_block();
        let obj_blk = cx.b.create_block();
        cx.b.ins().brif(small, small_blk, &[], obj_blk, &[]);
        cx.b.switch_to_block(small_blk);
        let nz = cx.b.ins().icmp_imm_s(IntCC::NotEqual, v, 1);
        let r = cx.b.ins().uextend(types::I32, nz);
        cx.b.ins().jump(join, &[BlockArg::Value(r)]);
        cx.b.switch_to_block(obj_blk);
        let one = cx.b.ins().iconst(types::I32, 1);
        let zero = cx.b.ins().iconst(types::I32, 0);
        for (k, result) in [(wk.true_, one), (wk.false_, zero), (wk.none, zero)] {
            let c = cx.load_const(k);
            let eq = cx.b.ins().icmp(IntCC::Equal, v, c);
            let next = cx.b.create_block();
            cx.b.ins()
                .brif(eq, join, &[BlockArg::Value(result)], next, &[]);
            cx.b.switch_to_block(next);
        }
        cx.b.ins().jump(slow, &[]);
    });
}

fn for_iter(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
    let it = cx.val(inst.args[0]);
    with_slow_path(cx, inst, f, imms, types::I64, |cx, slow, join| {
        let ty = cx.b.ins().load(types::I64, mem(), it, 0);
        let want = cx.runtime_static("kiln_range_iter_type");
        let is_range = cx.b.ins().icmp(IntCC::Equal, ty, want);
        let range_blk = cx.b.create_block();
        cx.b.ins().brif(is_range, range_blk, &[], slow, &[]);
        cx.b.switch_to_block(range_blk);
        let rem = cx.b.ins().load(types::I64, mem(), it, RANGE_REMAINING);
        let more = cx.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, rem, 0);
        let step_blk = cx.b.create_block();
        let done = cx.b.ins().iconst(types::I64, DONE);
        cx.b.ins()
            .brif(more, step_blk, &[], join, &[BlockArg::Value(done)]);
        cx.b.switch_to_block(step_blk);
        let v = cx.b.ins().load(types::I64, mem(), it, RANGE_NEXT);
        // Tag, bailing out (before touching the iterator) when v does not fit a small int.
        let shifted = cx.b.ins().ishl_imm_s(v, 1);
        let back = cx.b.ins().sshr_imm_s(shifted, 1);
        let fits = cx.b.ins().icmp(IntCC::Equal, back, v);
        let tag_blk = cx.b.create_block();
        cx.b.ins().brif(fits, tag_blk, &[], slow, &[]);
        cx.b.switch_to_block(tag_blk);
        let step = cx.b.ins().load(types::I64, mem(), it, RANGE_STEP);
        let nv = cx.b.ins().iadd(v, step);
        cx.b.ins().store(mem(), nv, it, RANGE_NEXT);
        let nrem = cx.b.ins().iadd_imm_s(rem, -1);
        cx.b.ins().store(mem(), nrem, it, RANGE_REMAINING);
        let tagged = cx.b.ins().bor_imm_s(shifted, 1);
        cx.b.ins().jump(join, &[BlockArg::Value(tagged)]);
    });
}

fn load_global(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
    let slot = imms[0];
    with_slow_path(cx, inst, f, imms, types::I64, |cx, slow, join| {
        let cache = cx.cache_addr(slot);
        let g = cx.b.ins().load(types::I64, mem(), cx.frame, FRAME_GLOBALS);
        let gver = cx.b.ins().load(types::I64, mem(), g, DICT_VERSION);
        let cg =
            cx.b.ins()
                .load(types::I64, mem(), cache, CACHE_GLOBALS_VERSION);
        let same = cx.b.ins().icmp(IntCC::Equal, gver, cg);
        let hit = cx.b.create_block();
        cx.b.ins().brif(same, hit, &[], slow, &[]);
        cx.b.switch_to_block(hit);
        let cb =
            cx.b.ins()
                .load(types::I64, mem(), cache, CACHE_BUILTINS_VERSION);
        let idx = cx.b.ins().load(types::I64, mem(), cache, CACHE_INDEX);
        let off = cx.b.ins().imul_imm_s(idx, ENTRY_SIZE);
        let in_globals = cx.b.create_block();
        let in_builtins = cx.b.create_block();
        cx.b.ins().brif(cb, in_builtins, &[], in_globals, &[]);
        cx.b.switch_to_block(in_globals);
        let ents = cx.b.ins().load(types::I64, mem(), g, DICT_ENTRIES);
        let addr = cx.b.ins().iadd(ents, off);
        let v = cx.b.ins().load(types::I64, mem(), addr, ENTRY_VALUE);
        cx.b.ins().jump(join, &[BlockArg::Value(v)]);
        cx.b.switch_to_block(in_builtins);
        let bd = cx.b.ins().load(types::I64, mem(), cx.frame, FRAME_BUILTINS);
        let bver = cx.b.ins().load(types::I64, mem(), bd, DICT_VERSION);
        let same_b = cx.b.ins().icmp(IntCC::Equal, bver, cb);
        let hit_b = cx.b.create_block();
        cx.b.ins().brif(same_b, hit_b, &[], slow, &[]);
        cx.b.switch_to_block(hit_b);
        let bents = cx.b.ins().load(types::I64, mem(), bd, DICT_ENTRIES);
        let baddr = cx.b.ins().iadd(bents, off);
        let bv = cx.b.ins().load(types::I64, mem(), baddr, ENTRY_VALUE);
        cx.b.ins().jump(join, &[BlockArg::Value(bv)]);
    });
}

fn call1(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
    let (callee, arg) = (cx.val(inst.args[0]), cx.val(inst.args[1]));
    with_slow_path(cx, inst, f, imms, types::I64, |cx, slow, join| {
        let small = cx.b.ins().band_imm_s(callee, 1);
        let obj = cx.b.create_block();
        cx.b.ins().brif(small, slow, &[], obj, &[]);
        cx.b.switch_to_block(obj);
        let ty = cx.b.ins().load(types::I64, mem(), callee, 0);
        let want = cx.runtime_static("kiln_builtin_function_type");
        let is_builtin = cx.b.ins().icmp(IntCC::Equal, ty, want);
        let b1 = cx.b.create_block();
        cx.b.ins().brif(is_builtin, b1, &[], slow, &[]);
        cx.b.switch_to_block(b1);
        let bound = cx.b.ins().load(types::I64, mem(), callee, BUILTIN_BOUND);
        let fast = cx.b.ins().load(types::I64, mem(), callee, BUILTIN_FAST1);
        let unbound = cx.b.ins().icmp_imm_s(IntCC::Equal, bound, 0);
        let has_fast = cx.b.ins().icmp_imm_s(IntCC::NotEqual, fast, 0);
        let ok = cx.b.ins().band(unbound, has_fast);
        let b2 = cx.b.create_block();
        cx.b.ins().brif(ok, b2, &[], slow, &[]);
        cx.b.switch_to_block(b2);
        let mut sig = cx.mc.module.make_signature();
        sig.params
            .push(cranelift_codegen::ir::AbiParam::new(types::I64));
        sig.returns
            .push(cranelift_codegen::ir::AbiParam::new(types::I64));
        let sigref = cx.b.import_signature(sig);
        let call = cx.b.ins().call_indirect(sigref, fast, &[arg]);
        let r = cx.b.inst_results(call)[0];
        // A null result is an error: let the failure path of the call handle it.
        let failed = cx.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
        if let Some(exc) = &inst.exc {
            cx.exc_branch(failed, exc, inst.line, None);
        }
        cx.b.ins().jump(join, &[BlockArg::Value(r)]);
    });
}

/// Offsets in `ListObject` and `TupleObject`: the length, the list's item buffer, the tuple's
/// first item.
const SEQ_LEN_OFFSET: i32 = 8;
const LIST_ITEMS_OFFSET: i32 = 24;
const TUPLE_ITEMS_OFFSET: i32 = 16;

/// Branches to `slow` unless `k` is a small int and `o` an object; returns the index.
fn guard_index(
    cx: &mut FunctionCx,
    o: CValue,
    k: CValue,
    slow: cranelift_codegen::ir::Block,
) -> CValue {
    // Small ints have the low bit set, objects clear: `k & !o & 1` is set for the pair.
    let not_o = cx.b.ins().bnot(o);
    let both = cx.b.ins().band(k, not_o);
    let tag = cx.b.ins().band_imm_s(both, 1);
    let ok = cx.b.create_block();
    cx.b.ins().brif(tag, ok, &[], slow, &[]);
    cx.b.switch_to_block(ok);
    cx.b.ins().sshr_imm_s(k, 1)
}

/// The address of item `i` of the exact list `o` when `0 <= i < len`; else `slow`.
fn list_slot(
    cx: &mut FunctionCx,
    o: CValue,
    i: CValue,
    slow: cranelift_codegen::ir::Block,
) -> CValue {
    let len = cx.b.ins().load(types::I64, mem(), o, SEQ_LEN_OFFSET);
    // Unsigned: a negative index is out of range here (the runtime counts it from the end).
    let inside = cx.b.ins().icmp(IntCC::UnsignedLessThan, i, len);
    let ok = cx.b.create_block();
    cx.b.ins().brif(inside, ok, &[], slow, &[]);
    cx.b.switch_to_block(ok);
    let items = cx.b.ins().load(types::I64, mem(), o, LIST_ITEMS_OFFSET);
    let off = cx.b.ins().ishl_imm_u(i, 3);
    cx.b.ins().iadd(items, off)
}

/// `o[k]` for an exact list or tuple and a small int index in range, inline; else the runtime.
fn get_item(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
    let (o, k) = (cx.val(inst.args[0]), cx.val(inst.args[1]));
    with_slow_path(cx, inst, f, imms, types::I64, |cx, slow, join| {
        let i = guard_index(cx, o, k, slow);
        let ty = cx.b.ins().load(types::I64, mem(), o, 0);
        let list_t = cx.runtime_static("kiln_list_type");
        let is_list = cx.b.ins().icmp(IntCC::Equal, ty, list_t);
        let list = cx.b.create_block();
        let not_list = cx.b.create_block();
        cx.b.ins().brif(is_list, list, &[], not_list, &[]);

        cx.b.switch_to_block(list);
        let p = list_slot(cx, o, i, slow);
        let v = cx.b.ins().load(types::I64, mem(), p, 0);
        cx.b.ins().jump(join, &[BlockArg::Value(v)]);

        cx.b.switch_to_block(not_list);
        let tuple_t = cx.runtime_static("kiln_tuple_type");
        let is_tuple = cx.b.ins().icmp(IntCC::Equal, ty, tuple_t);
        let tuple = cx.b.create_block();
        cx.b.ins().brif(is_tuple, tuple, &[], slow, &[]);
        cx.b.switch_to_block(tuple);
        let len = cx.b.ins().load(types::I64, mem(), o, SEQ_LEN_OFFSET);
        let inside = cx.b.ins().icmp(IntCC::UnsignedLessThan, i, len);
        let ok = cx.b.create_block();
        cx.b.ins().brif(inside, ok, &[], slow, &[]);
        cx.b.switch_to_block(ok);
        let off = cx.b.ins().ishl_imm_u(i, 3);
        let p = cx.b.ins().iadd(o, off);
        let v = cx.b.ins().load(types::I64, mem(), p, TUPLE_ITEMS_OFFSET);
        cx.b.ins().jump(join, &[BlockArg::Value(v)]);
    });
}

/// `o[k] = v` for an exact list and a small int index in range, inline; else the runtime.
fn set_item(cx: &mut FunctionCx, inst: &ir::Inst, f: RtFn, imms: &[i64]) {
    let (o, k, v) = (
        cx.val(inst.args[0]),
        cx.val(inst.args[1]),
        cx.val(inst.args[2]),
    );
    let slow = cx.b.create_block();
    let join = cx.b.create_block();
    cx.b.set_cold_block(slow);
    let i = guard_index(cx, o, k, slow);
    let ty = cx.b.ins().load(types::I64, mem(), o, 0);
    let list_t = cx.runtime_static("kiln_list_type");
    let is_list = cx.b.ins().icmp(IntCC::Equal, ty, list_t);
    let list = cx.b.create_block();
    cx.b.ins().brif(is_list, list, &[], slow, &[]);
    cx.b.switch_to_block(list);
    let p = list_slot(cx, o, i, slow);
    cx.b.ins().store(mem(), v, p, 0);
    cx.b.ins().jump(join, &[]);
    cx.b.switch_to_block(slow);
    cx.call_rt(inst, f, imms);
    cx.b.ins().jump(join, &[]);
    cx.b.switch_to_block(join);
}
