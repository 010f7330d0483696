//! Small rewrites of the IR after lifting.
//!
//! `fuse_compare_branch`: a comparison whose only use is a truth test (`if a < b:`,
//! `while i < n:`) becomes one `compare_bool`, so no bool object is made and the inline fast path
//! gives the branch its condition directly.
//!
//! `fuse_slice_subscript`: a slice built only to subscript with (`a[i:j]`, `a[i:j:k]`,
//! `a[i:j] = v` before 3.12's BINARY_SLICE/STORE_SLICE, and any slice with a step) becomes one
//! `get_slice`/`set_slice` taking the bounds, so an exact list or tuple is sliced without a
//! slice object (the runtime builds one for any other object). Then a slice read whose only
//! use is a slice assignment later in its block (`p[:k + 1] = p[k::-1]`) and that assignment
//! share a fresh cache slot: the read fills a scratch list kept there instead of a new list.

use super::{ExcEdge, Function, Op, RtFn, Terminator, Value};
use std::collections::HashMap;

fn count_uses(f: &Function) -> HashMap<Value, usize> {
    let mut uses: HashMap<Value, usize> = HashMap::new();
    let mut add = |v: &Value| *uses.entry(*v).or_default() += 1;
    for b in &f.blocks {
        for i in &b.insts {
            i.args.iter().for_each(&mut add);
            if let Some(ExcEdge {
                target: Some((_, a)),
                ..
            }) = &i.exc
            {
                a.iter().for_each(&mut add);
            }
        }
        match &b.term {
            Terminator::Jump(_, a) => a.iter().for_each(&mut add),
            Terminator::Branch { cond, then, else_ } => {
                add(cond);
                then.1.iter().for_each(&mut add);
                else_.1.iter().for_each(&mut add);
            }
            Terminator::Return(v) => add(v),
            Terminator::Yield {
                value,
                saved,
                yield_from,
                ..
            } => {
                add(value);
                saved.iter().for_each(&mut add);
                if let Some(y) = yield_from {
                    add(y);
                }
            }
            Terminator::Unreachable => {}
        }
    }
    uses
}

pub fn fuse_compare_branch(f: &mut Function) {
    let uses = count_uses(f);
    for b in f.blocks.iter_mut() {
        for i in 1..b.insts.len() {
            let (before, after) = b.insts.split_at_mut(i);
            let cmp = &before[i - 1];
            let test = &mut after[0];
            let Op::Rt(RtFn::CompareOp, imms) = &cmp.op else {
                continue;
            };
            if !matches!(test.op, Op::Rt(RtFn::IsTrue, _)) || test.args[0] != cmp.results[0] {
                continue;
            }
            if uses.get(&cmp.results[0]).copied().unwrap_or(0) != 1 {
                continue;
            }
            // The truth test of a comparison result cannot fail on its own; the fused op fails
            // where the comparison did, with the comparison's edge.
            test.op = Op::Rt(RtFn::CompareBool, imms.clone());
            test.args = cmp.args.clone();
            test.exc = cmp.exc.clone();
            test.line = cmp.line;
            let dead = &mut before[i - 1];
            dead.op = Op::Null;
            dead.args.clear();
            dead.exc = None;
        }
    }
}

pub fn fuse_slice_subscript(f: &mut Function, new_cache_slot: &mut dyn FnMut() -> u32) {
    let uses = count_uses(f);
    for b in f.blocks.iter_mut() {
        for i in 1..b.insts.len() {
            let (before, after) = b.insts.split_at_mut(i);
            let build = &before[i - 1];
            let sub = &mut after[0];
            if !matches!(build.op, Op::Rt(RtFn::BuildSlice, _)) {
                continue;
            }
            let fused = match sub.op {
                Op::Rt(RtFn::GetItem, _) => RtFn::GetSlice,
                Op::Rt(RtFn::SetItem, _) => RtFn::SetSlice,
                _ => continue,
            };
            if sub.args[1] != build.results[0]
                || uses.get(&build.results[0]).copied().unwrap_or(0) != 1
            {
                continue;
            }
            // Building the slice fails only for want of memory; the fused op fails where the
            // subscript did, with its edge.
            let mut args = vec![sub.args[0]];
            args.extend_from_slice(&build.args);
            args.extend_from_slice(&sub.args[2..]);
            sub.op = Op::Rt(fused, vec![]);
            sub.args = args;
            let dead = &mut before[i - 1];
            dead.op = Op::Null;
            dead.args.clear();
            dead.exc = None;
        }
    }
    let uses = count_uses(f);
    for b in f.blocks.iter_mut() {
        for j in 0..b.insts.len() {
            if !matches!(b.insts[j].op, Op::Rt(RtFn::SetSlice, _)) {
                continue;
            }
            let v = b.insts[j].args[4];
            if uses.get(&v).copied().unwrap_or(0) != 1 {
                continue;
            }
            let Some(i) = (0..j).find(|&i| b.insts[i].results.first() == Some(&v)) else {
                continue;
            };
            if !matches!(b.insts[i].op, Op::Rt(RtFn::GetSlice, _)) {
                continue;
            }
            let slot = new_cache_slot() as i64;
            b.insts[i].op = Op::Rt(RtFn::GetSliceScratch, vec![slot]);
            b.insts[j].op = Op::Rt(RtFn::SetSliceScratch, vec![slot]);
        }
    }
}
