//! `translate`: one bytecode instruction to IR, as one big `match` grouped by kind. Each arm
//! pops its operands from the lifter's value stack, emits IR, and pushes its results.
//!
//! The opcodes are those of CPython 3.11 to 3.14, with each version's differences in the arm
//! (3.12's method bit in LOAD_ATTR, 3.13's callable-first calls, 3.14's LOAD_SPECIAL, ...);
//! 3.8–3.10's own opcodes and block stack are in `legacy`, consulted first for those versions.
//! Directional jump variants arrive with absolute targets from the decoder, so `JUMP_FORWARD`
//! and `JUMP_BACKWARD` translate alike.

use super::{Flow, LiftError, Lifter};
use crate::bytecode::{compare_index, Op as B};
use crate::ir::{Op, RtFn, Terminator, Type, Value};
use crate::pyc::Const;

/// Inline-cache slots of an attribute site: one entry per type it meets, up to this many
/// (`runtime/src/attr_cache.rs` reads them as one array).
const ATTR_CACHE_WAYS: u32 = 4;

fn name_index(l: &mut Lifter, i: u32) -> Result<u32, LiftError> {
    let Some(n) = l.code.names.get(i as usize) else {
        return Err(l.error(format!("name index {i} out of range")));
    };
    let n = n.clone();
    Ok(l.pool.name(&n))
}

fn name_value(l: &mut Lifter, i: u32) -> Result<Value, LiftError> {
    let k = name_index(l, i)?;
    Ok(l.constant(k))
}

fn local_index(l: &Lifter, i: u32) -> Result<usize, LiftError> {
    if (i as usize) < l.locals.len() {
        Ok(i as usize)
    } else {
        Err(l.error(format!("local index {i} out of range")))
    }
}

fn const_value(l: &mut Lifter, i: u32) -> Result<Value, LiftError> {
    let Some(c) = l.code.consts.get(i as usize).cloned() else {
        return Err(l.error(format!("constant index {i} out of range")));
    };
    let k = l.pool.constant(&c);
    Ok(l.constant(k))
}

fn none_value(l: &mut Lifter) -> Value {
    let k = l.pool.constant(&Const::None);
    l.constant(k)
}

fn jump_target(l: &Lifter) -> Result<u32, LiftError> {
    l.inst
        .jump_target
        .ok_or_else(|| l.error("jump without a target".into()))
}

/// Pushes the results of an out-array call in the interpreter's order (item 0 on top).
fn push_reversed(l: &mut Lifter, vals: Vec<Value>) {
    for v in vals.into_iter().rev() {
        l.stack.push(v);
    }
}

/// Whether the version's call layout is [callable, self-or-NULL, args] (3.13+) rather than
/// [NULL-or-method, callable-or-self, args] (3.11, 3.12, and 3.8-3.10's CALL_METHOD).
pub(crate) fn callable_first(l: &Lifter) -> bool {
    l.code.version.minor >= 13
}

/// CALL with `argc` arguments above the pair of the version's call layout.
pub(crate) fn call(l: &mut Lifter, argc: usize) -> Result<(), LiftError> {
    let args = l.pop_n(argc)?;
    let y = l.pop()?;
    let x = l.pop()?;
    let kw = l.kwnames.take();
    if callable_first(l) {
        // [callable, self-or-NULL, args...]
        if l.nulls.contains(&y) {
            return call_plain(l, x, args, kw);
        }
        let k = match kw {
            Some(k) => k,
            None => l.null(),
        };
        let mut a = vec![x, k, y];
        a.extend(args);
        let r = l.rt1(RtFn::CallSelfOrNull, a, vec![])?;
        l.stack.push(r);
        return Ok(());
    }
    if l.nulls.contains(&x) {
        return call_plain(l, y, args, kw);
    }
    let k = match kw {
        Some(k) => k,
        None => l.null(),
    };
    // [method-or-null, kwnames, self-or-callable, args...]: the array the runtime gets
    // starts at self, so a method call needs no copy of the arguments.
    let mut a = vec![x, k, y];
    a.extend(args);
    let r = l.rt1(RtFn::CallMaybeMethod, a, vec![])?;
    l.stack.push(r);
    Ok(())
}

/// A call of `y` with positional `args` and keyword names `kw`, pushing the result.
pub(crate) fn call_plain(
    l: &mut Lifter,
    y: Value,
    args: Vec<Value>,
    kw: Option<Value>,
) -> Result<(), LiftError> {
    let argc = args.len();
    let introspects = l
        .global_names
        .get(&y)
        .map(|n| matches!(n.as_str(), "locals" | "vars" | "dir"))
        .unwrap_or(false);
    if argc == 0 && kw.is_none() && introspects {
        // `locals()`, `vars()`, `dir()` in a function: pass the live locals along (they are
        // SSA values, not in any dict); the runtime uses them if the callee is the builtin.
        let names: Vec<Const> = l
            .code
            .localsplus
            .iter()
            .map(|(n, _)| Const::Str(n.clone()))
            .collect();
        let k = l.pool.constant(&Const::Tuple(names));
        let names_v = l.constant(k);
        let mut a = vec![y, names_v];
        a.extend(l.locals.clone());
        let r = l.rt1(RtFn::CallWithLocals, a, vec![])?;
        l.stack.push(r);
        return Ok(());
    }
    let r = match kw {
        None => {
            let mut a = vec![y];
            a.extend(args);
            l.rt1(RtFn::Call, a, vec![])?
        }
        Some(k) => {
            let mut a = vec![y, k];
            a.extend(args);
            l.rt1(RtFn::CallKw, a, vec![])?
        }
    };
    l.stack.push(r);
    Ok(())
}

/// POP_JUMP_IF_* and friends: branch on the truth of a popped value.
fn pop_jump_if(l: &mut Lifter, jump_when: bool) -> Result<Flow, LiftError> {
    let v = l.pop()?;
    let t = l.rt1(RtFn::IsTrue, vec![v], vec![])?;
    let target = jump_target(l)?;
    let next = l.next_offset;
    if jump_when {
        l.branch(t, target, next)?;
    } else {
        l.branch(t, next, target)?;
    }
    Ok(Flow::End)
}

fn pop_jump_if_none(l: &mut Lifter, jump_when_none: bool) -> Result<Flow, LiftError> {
    let v = l.pop()?;
    let n = none_value(l);
    let is = l
        .emit(
            Op::Is {
                invert: !jump_when_none,
            },
            vec![v, n],
            Some(Type::I32),
        )
        .unwrap();
    let target = jump_target(l)?;
    let next = l.next_offset;
    l.branch(is, target, next)?;
    Ok(Flow::End)
}

/// JUMP_IF_TRUE_OR_POP / JUMP_IF_FALSE_OR_POP: keep the value when jumping, pop it otherwise.
fn jump_or_pop(l: &mut Lifter, jump_when: bool) -> Result<Flow, LiftError> {
    let v = l.peek(1)?;
    let t = l.rt1(RtFn::IsTrue, vec![v], vec![])?;
    let target = jump_target(l)?;
    let next = l.next_offset;
    let keep = l.stack.clone();
    let mut popped = keep.clone();
    popped.pop();
    if jump_when {
        l.branch_with(t, target, keep, next, popped)?;
    } else {
        l.branch_with(t, next, popped, target, keep)?;
    }
    Ok(Flow::End)
}

/// MAKE_FUNCTION: pops the code object, then the optional parts its flags name.
pub(crate) fn make_function(l: &mut Lifter, flags: u32) -> Result<Value, LiftError> {
    let code = l.pop()?;
    let closure = if flags & 8 != 0 { l.pop()? } else { l.null() };
    let annotations = if flags & 4 != 0 { l.pop()? } else { l.null() };
    let kwdefaults = if flags & 2 != 0 { l.pop()? } else { l.null() };
    let defaults = if flags & 1 != 0 { l.pop()? } else { l.null() };
    l.rt1(
        RtFn::MakeFunction,
        vec![code, defaults, kwdefaults, annotations, closure],
        vec![],
    )
}

fn load_fast(l: &mut Lifter, arg: u32) -> Result<(), LiftError> {
    let i = local_index(l, arg)?;
    let v = l.locals[i];
    l.check_bound(v, i as u32, false)?;
    l.stack.push(v);
    Ok(())
}

fn store_fast(l: &mut Lifter, arg: u32) -> Result<(), LiftError> {
    let i = local_index(l, arg)?;
    let v = l.pop()?;
    l.locals[i] = v;
    Ok(())
}

/// The global or builtin `co_names[name]`, through the site's inline cache.
pub(crate) fn load_global(l: &mut Lifter, name: u32) -> Result<(), LiftError> {
    let n = name_value(l, name)?;
    let slot = l.pool.cache_slot();
    let v = l.rt1(RtFn::LoadGlobalCached, vec![n], vec![slot as i64])?;
    let name = l.code.names[name as usize].clone();
    l.global_names.insert(v, name);
    l.stack.push(v);
    Ok(())
}

fn load_attr(l: &mut Lifter, name: u32) -> Result<(), LiftError> {
    let n = name_value(l, name)?;
    let o = l.pop()?;
    let slot = l.pool.cache_slots(ATTR_CACHE_WAYS);
    let v = l.rt1(RtFn::GetAttrCached, vec![o, n], vec![slot as i64])?;
    l.stack.push(v);
    Ok(())
}

/// A method load: the pair of the version's call layout.
fn load_method(l: &mut Lifter, name: u32) -> Result<(), LiftError> {
    let n = name_value(l, name)?;
    let o = l.pop()?;
    let slot = l.pool.cache_slots(ATTR_CACHE_WAYS);
    let f = if callable_first(l) {
        RtFn::LoadMethodCallableFirst
    } else {
        RtFn::LoadMethodCached
    };
    let r = l.rt(f, vec![o, n], vec![slot as i64, 2])?;
    l.stack.push(r[0]);
    l.stack.push(r[1]);
    Ok(())
}

fn to_bool(l: &mut Lifter, v: Value) -> Result<Value, LiftError> {
    let t = l.rt1(RtFn::IsTrue, vec![v], vec![])?;
    Ok(
        l.emit(Op::Rt(RtFn::BoxBool, vec![]), vec![t], Some(Type::Obj))
            .unwrap(),
    )
}

/// Where FOR_ITER goes when the iterator is exhausted: its target up to 3.11; from 3.12 the
/// target is an END_FOR that the exit skips (3.13 also skips the POP_TOP after it).
fn for_iter_exit(l: &Lifter) -> Result<u32, LiftError> {
    let target = jump_target(l)?;
    let skip = match l.code.version.minor {
        0..=11 => 0,
        13 => 2,
        _ => 1,
    };
    let Some(idx) = l.decoded.index_of(target) else {
        return Err(l.error("FOR_ITER target is not an instruction".into()));
    };
    l.decoded
        .instructions
        .get(idx + skip)
        .map(|i| i.offset)
        .ok_or_else(|| l.error("FOR_ITER target runs off the code".into()))
}

pub(crate) fn translate(l: &mut Lifter) -> Result<Flow, LiftError> {
    if l.is_legacy() {
        if let Some(flow) = super::legacy::translate(l)? {
            return Ok(flow);
        }
    }
    let arg = l.inst.arg;
    let op = l.inst.op;
    match op {
        // ---- no-ops -----------------------------------------------------------------------
        B::NOP | B::RESUME | B::CACHE | B::EXTENDED_ARG | B::PRECALL | B::NOT_TAKEN => {}

        // ---- stack manipulation -----------------------------------------------------------
        B::POP_TOP => {
            l.pop()?;
        }
        B::PUSH_NULL => {
            let n = l.null();
            l.stack.push(n);
        }
        B::COPY => {
            let v = l.peek(arg as usize)?;
            l.stack.push(v);
        }
        B::SWAP => {
            let n = l.stack.len();
            let i = arg as usize;
            if i == 0 || i > n {
                return Err(l.error("SWAP below the stack".into()));
            }
            l.stack.swap(n - 1, n - i);
        }

        // ---- constants and locals ---------------------------------------------------------
        B::LOAD_CONST => {
            let v = const_value(l, arg)?;
            l.stack.push(v);
        }
        B::LOAD_FAST | B::LOAD_FAST_CHECK | B::LOAD_FAST_BORROW => load_fast(l, arg)?,
        B::LOAD_SMALL_INT => {
            let k = l.pool.int(arg as i64);
            let v = l.constant(k);
            l.stack.push(v);
        }
        B::LOAD_COMMON_CONSTANT => {
            let v = l.rt1(RtFn::LoadCommonConstant, vec![], vec![arg as i64])?;
            l.stack.push(v);
        }
        B::LOAD_SPECIAL => {
            let o = l.pop()?;
            let r = l.rt(RtFn::LoadSpecial, vec![o], vec![arg as i64, 2])?;
            l.stack.push(r[0]);
            l.stack.push(r[1]);
        }
        B::POP_ITER => {
            l.pop()?;
        }
        B::STORE_FAST => store_fast(l, arg)?,
        B::LOAD_FAST_AND_CLEAR => {
            // 3.12's inlined comprehensions save a local (bound or not) and restore it later.
            let i = local_index(l, arg)?;
            let v = l.locals[i];
            l.stack.push(v);
            l.locals[i] = l.null();
        }
        B::LOAD_FAST_LOAD_FAST | B::LOAD_FAST_BORROW_LOAD_FAST_BORROW => {
            load_fast(l, arg >> 4)?;
            load_fast(l, arg & 15)?;
        }
        B::STORE_FAST_LOAD_FAST => {
            store_fast(l, arg >> 4)?;
            load_fast(l, arg & 15)?;
        }
        B::STORE_FAST_STORE_FAST => {
            store_fast(l, arg >> 4)?;
            store_fast(l, arg & 15)?;
        }
        B::DELETE_FAST => {
            let i = local_index(l, arg)?;
            let v = l.locals[i];
            l.check_bound(v, i as u32, false)?;
            l.locals[i] = l.null();
        }

        // ---- cells and closures -----------------------------------------------------------
        B::MAKE_CELL => {
            let i = local_index(l, arg)?;
            let v = l.locals[i];
            l.locals[i] = l.rt1(RtFn::NewCell, vec![v], vec![])?;
        }
        B::COPY_FREE_VARS => {
            let n = arg as usize;
            let total = l.locals.len();
            if n > total {
                return Err(l.error("COPY_FREE_VARS beyond the locals".into()));
            }
            for j in 0..n {
                let c = l
                    .emit(
                        Op::Rt(RtFn::ClosureItem, vec![j as i64]),
                        vec![],
                        Some(Type::Obj),
                    )
                    .unwrap();
                l.locals[total - n + j] = c;
            }
        }
        B::LOAD_CLOSURE => {
            let i = local_index(l, arg)?;
            let v = l.locals[i];
            l.stack.push(v);
        }
        B::LOAD_DEREF => {
            let i = local_index(l, arg)?;
            let c = l.locals[i];
            let v = l
                .emit(Op::Rt(RtFn::CellGet, vec![]), vec![c], Some(Type::Obj))
                .unwrap();
            l.nulls.insert(v);
            l.check_bound(v, i as u32, true)?;
            l.nulls.remove(&v);
            l.stack.push(v);
        }
        B::STORE_DEREF => {
            let i = local_index(l, arg)?;
            let v = l.pop()?;
            let c = l.locals[i];
            l.emit(Op::Rt(RtFn::CellSet, vec![]), vec![c, v], None);
        }
        B::DELETE_DEREF => {
            let i = local_index(l, arg)?;
            let c = l.locals[i];
            let v = l
                .emit(Op::Rt(RtFn::CellGet, vec![]), vec![c], Some(Type::Obj))
                .unwrap();
            l.nulls.insert(v);
            l.check_bound(v, i as u32, true)?;
            let n = l.null();
            l.emit(Op::Rt(RtFn::CellSet, vec![]), vec![c, n], None);
        }
        B::LOAD_LOCALS => {
            let v = l.rt1(RtFn::LoadLocals, vec![], vec![])?;
            l.stack.push(v);
        }
        B::LOAD_FROM_DICT_OR_GLOBALS => {
            let m = l.pop()?;
            let n = name_value(l, arg)?;
            let v = l.rt1(RtFn::LoadFromDictOrGlobals, vec![m, n], vec![])?;
            l.stack.push(v);
        }
        B::LOAD_FROM_DICT_OR_DEREF => {
            let m = l.pop()?;
            let i = local_index(l, arg)?;
            let name = l.code.localsplus[i].0.clone();
            let k = l.pool.name(&name);
            let n = l.constant(k);
            let c = l.locals[i];
            let v = l.rt1(RtFn::LoadFromDictOrDeref, vec![m, n, c], vec![])?;
            l.stack.push(v);
        }
        B::LOAD_CLASSDEREF => {
            let i = local_index(l, arg)?;
            let name = l.code.localsplus[i].0.clone();
            let k = l.pool.name(&name);
            let n = l.constant(k);
            let c = l.locals[i];
            let v = l.rt1(RtFn::LoadClassDeref, vec![n, c], vec![])?;
            l.stack.push(v);
        }

        // ---- names and globals ------------------------------------------------------------
        B::LOAD_NAME => {
            let n = name_value(l, arg)?;
            let v = l.rt1(RtFn::LoadName, vec![n], vec![])?;
            l.stack.push(v);
        }
        B::STORE_NAME => {
            let n = name_value(l, arg)?;
            let v = l.pop()?;
            l.rt(RtFn::StoreName, vec![n, v], vec![])?;
        }
        B::DELETE_NAME => {
            let n = name_value(l, arg)?;
            l.rt(RtFn::DeleteName, vec![n], vec![])?;
        }
        B::LOAD_GLOBAL => {
            let push_null = arg & 1 == 1;
            if push_null && !callable_first(l) {
                let n = l.null();
                l.stack.push(n);
            }
            load_global(l, arg >> 1)?;
            if push_null && callable_first(l) {
                let n = l.null();
                l.stack.push(n);
            }
        }
        B::STORE_GLOBAL => {
            let n = name_value(l, arg)?;
            let v = l.pop()?;
            l.rt(RtFn::StoreGlobal, vec![n, v], vec![])?;
        }
        B::DELETE_GLOBAL => {
            let n = name_value(l, arg)?;
            l.rt(RtFn::DeleteGlobal, vec![n], vec![])?;
        }

        // ---- attributes and items ---------------------------------------------------------
        B::LOAD_ATTR if l.code.version.minor >= 12 => {
            // 3.12+: the low bit asks for a method load (LOAD_METHOD before).
            if arg & 1 == 1 {
                load_method(l, arg >> 1)?;
            } else {
                load_attr(l, arg >> 1)?;
            }
        }
        B::LOAD_ATTR => load_attr(l, arg)?,
        B::LOAD_METHOD => load_method(l, arg)?,
        B::LOAD_SUPER_ATTR => {
            let self_ = l.pop()?;
            let cls = l.pop()?;
            let global_super = l.pop()?;
            let n = name_value(l, arg >> 2)?;
            let v = l.rt1(
                RtFn::LoadSuperAttr,
                vec![global_super, cls, self_, n],
                vec![(arg & 3) as i64],
            )?;
            // A method load gives the bound attribute with a NULL beside it.
            let method = arg & 1 == 1;
            if method && !callable_first(l) {
                let n = l.null();
                l.stack.push(n);
            }
            l.stack.push(v);
            if method && callable_first(l) {
                let n = l.null();
                l.stack.push(n);
            }
        }
        B::STORE_ATTR => {
            let n = name_value(l, arg)?;
            let o = l.pop()?;
            let v = l.pop()?;
            let slot = l.pool.cache_slots(ATTR_CACHE_WAYS);
            l.rt(RtFn::SetAttrCached, vec![o, n, v], vec![slot as i64])?;
        }
        B::DELETE_ATTR => {
            let n = name_value(l, arg)?;
            let o = l.pop()?;
            l.rt(RtFn::DelAttr, vec![o, n], vec![])?;
        }
        B::BINARY_SLICE => {
            let stop = l.pop()?;
            let start = l.pop()?;
            let o = l.pop()?;
            let n = l.null();
            let v = l.rt1(RtFn::GetSlice, vec![o, start, stop, n], vec![])?;
            l.stack.push(v);
        }
        B::STORE_SLICE => {
            let stop = l.pop()?;
            let start = l.pop()?;
            let o = l.pop()?;
            let v = l.pop()?;
            let n = l.null();
            l.rt(RtFn::SetSlice, vec![o, start, stop, n, v], vec![])?;
        }
        B::BINARY_SUBSCR => {
            let k = l.pop()?;
            let o = l.pop()?;
            let v = l.rt1(RtFn::GetItem, vec![o, k], vec![])?;
            l.stack.push(v);
        }
        B::STORE_SUBSCR => {
            let k = l.pop()?;
            let o = l.pop()?;
            let v = l.pop()?;
            l.rt(RtFn::SetItem, vec![o, k, v], vec![])?;
        }
        B::DELETE_SUBSCR => {
            let k = l.pop()?;
            let o = l.pop()?;
            l.rt(RtFn::DelItem, vec![o, k], vec![])?;
        }

        // ---- operators --------------------------------------------------------------------
        B::BINARY_OP if arg == 26 && l.code.version.minor >= 14 => {
            // 3.14's NB_SUBSCR: BINARY_SUBSCR before.
            let k = l.pop()?;
            let o = l.pop()?;
            let v = l.rt1(RtFn::GetItem, vec![o, k], vec![])?;
            l.stack.push(v);
        }
        B::BINARY_OP => {
            let b = l.pop()?;
            let a = l.pop()?;
            let v = l.rt1(RtFn::BinaryOp, vec![a, b], vec![arg as i64])?;
            l.stack.push(v);
        }
        B::COMPARE_OP => {
            let b = l.pop()?;
            let a = l.pop()?;
            let index = compare_index(l.code.version, arg);
            if index > 5 {
                return Err(l.error(format!("bad comparison operator {arg}")));
            }
            let mut v = l.rt1(RtFn::CompareOp, vec![a, b], vec![index as i64])?;
            if l.code.version.minor >= 13 && arg & 16 != 0 {
                // 3.13+: the result is converted to a bool (it feeds a jump or `not`).
                v = to_bool(l, v)?;
            }
            l.stack.push(v);
        }
        B::TO_BOOL => {
            let v = l.pop()?;
            let r = to_bool(l, v)?;
            l.stack.push(r);
        }
        B::IS_OP => {
            let b = l.pop()?;
            let a = l.pop()?;
            let t = l
                .emit(Op::Is { invert: arg == 1 }, vec![a, b], Some(Type::I32))
                .unwrap();
            let v = l
                .emit(Op::Rt(RtFn::BoxBool, vec![]), vec![t], Some(Type::Obj))
                .unwrap();
            l.stack.push(v);
        }
        B::CONTAINS_OP => {
            let container = l.pop()?;
            let item = l.pop()?;
            let mut t = l.rt1(RtFn::Contains, vec![container, item], vec![])?;
            if arg == 1 {
                t = l.emit(Op::Not, vec![t], Some(Type::I32)).unwrap();
            }
            let v = l
                .emit(Op::Rt(RtFn::BoxBool, vec![]), vec![t], Some(Type::Obj))
                .unwrap();
            l.stack.push(v);
        }
        B::UNARY_NEGATIVE | B::UNARY_POSITIVE | B::UNARY_INVERT | B::UNARY_NOT => {
            let f = match op {
                B::UNARY_NEGATIVE => RtFn::Negative,
                B::UNARY_POSITIVE => RtFn::Positive,
                B::UNARY_INVERT => RtFn::Invert,
                _ => RtFn::Not,
            };
            let a = l.pop()?;
            let v = l.rt1(f, vec![a], vec![])?;
            l.stack.push(v);
        }

        // ---- building values --------------------------------------------------------------
        B::BUILD_TUPLE | B::BUILD_LIST | B::BUILD_SET | B::BUILD_STRING => {
            let f = match op {
                B::BUILD_TUPLE => RtFn::BuildTuple,
                B::BUILD_LIST => RtFn::BuildList,
                B::BUILD_SET => RtFn::BuildSet,
                _ => RtFn::BuildString,
            };
            let items = l.pop_n(arg as usize)?;
            let v = l.rt1(f, items, vec![])?;
            l.stack.push(v);
        }
        B::BUILD_MAP => {
            let items = l.pop_n(2 * arg as usize)?;
            let v = l.rt1(RtFn::BuildMap, items, vec![])?;
            l.stack.push(v);
        }
        B::BUILD_CONST_KEY_MAP => {
            let keys = l.pop()?;
            let mut args = vec![keys];
            args.extend(l.pop_n(arg as usize)?);
            let v = l.rt1(RtFn::BuildConstKeyMap, args, vec![])?;
            l.stack.push(v);
        }
        B::BUILD_SLICE => {
            let c = if arg == 3 { l.pop()? } else { l.null() };
            let b = l.pop()?;
            let a = l.pop()?;
            let v = l.rt1(RtFn::BuildSlice, vec![a, b, c], vec![])?;
            l.stack.push(v);
        }
        B::LIST_APPEND | B::SET_ADD => {
            let v = l.pop()?;
            let target = l.peek(arg as usize)?;
            let f = if op == B::LIST_APPEND {
                RtFn::ListAppend
            } else {
                RtFn::SetAdd
            };
            l.rt(f, vec![target, v], vec![])?;
        }
        B::MAP_ADD => {
            let v = l.pop()?;
            let k = l.pop()?;
            let d = l.peek(arg as usize)?;
            l.rt(RtFn::MapAdd, vec![d, k, v], vec![])?;
        }
        B::LIST_EXTEND | B::SET_UPDATE | B::DICT_UPDATE => {
            let v = l.pop()?;
            let target = l.peek(arg as usize)?;
            let f = match op {
                B::LIST_EXTEND => RtFn::ListExtend,
                B::SET_UPDATE => RtFn::SetUpdate,
                _ => RtFn::DictUpdate,
            };
            l.rt(f, vec![target, v], vec![])?;
        }
        B::DICT_MERGE => {
            let v = l.pop()?;
            let d = l.peek(arg as usize)?;
            let func = l.peek(arg as usize + 2)?;
            l.rt(RtFn::DictMerge, vec![d, v, func], vec![])?;
        }
        B::LIST_TO_TUPLE => {
            let v = l.pop()?;
            let t = l.rt1(RtFn::ListToTuple, vec![v], vec![])?;
            l.stack.push(t);
        }
        B::UNPACK_SEQUENCE => {
            let seq = l.pop()?;
            let r = l.rt(
                RtFn::UnpackSequence,
                vec![seq],
                vec![arg as i64, arg as i64],
            )?;
            push_reversed(l, r);
        }
        B::UNPACK_EX => {
            let before = (arg & 0xff) as i64;
            let after = (arg >> 8) as i64;
            let seq = l.pop()?;
            let r = l.rt(
                RtFn::UnpackEx,
                vec![seq],
                vec![before, after, before + 1 + after],
            )?;
            push_reversed(l, r);
        }
        B::FORMAT_SIMPLE | B::FORMAT_WITH_SPEC | B::CONVERT_VALUE => {
            // 3.13's split of FORMAT_VALUE: format(v), format(v, spec), str/repr/ascii(v).
            let spec = if op == B::FORMAT_WITH_SPEC {
                l.pop()?
            } else {
                l.null()
            };
            let v = l.pop()?;
            let conv = if op == B::CONVERT_VALUE { arg & 3 } else { 0 };
            let r = l.rt1(RtFn::FormatValue, vec![v, spec], vec![conv as i64])?;
            l.stack.push(r);
        }
        B::FORMAT_VALUE => {
            let spec = if arg & 4 != 0 { l.pop()? } else { l.null() };
            let v = l.pop()?;
            let r = l.rt1(RtFn::FormatValue, vec![v, spec], vec![(arg & 3) as i64])?;
            l.stack.push(r);
        }
        B::GET_LEN => {
            let v = l.peek(1)?;
            let r = l.rt1(RtFn::GetLen, vec![v], vec![])?;
            l.stack.push(r);
        }

        // ---- functions and calls ----------------------------------------------------------
        B::MAKE_FUNCTION => {
            let f = make_function(l, arg)?;
            l.stack.push(f);
        }
        B::KW_NAMES => {
            let v = const_value(l, arg)?;
            l.kwnames = Some(v);
        }
        B::SET_FUNCTION_ATTRIBUTE => {
            let func = l.pop()?;
            let attr = l.pop()?;
            let f = l.rt1(
                RtFn::SetFunctionAttribute,
                vec![func, attr],
                vec![arg as i64],
            )?;
            l.stack.push(f);
        }
        B::CALL => call(l, arg as usize)?,
        B::CALL_KW => {
            let names = l.pop()?;
            l.kwnames = Some(names);
            call(l, arg as usize)?
        }
        B::CALL_FUNCTION_EX => {
            // 3.14 always has the keyword slot (NULL when there are none).
            let kwargs = if arg & 1 != 0 || l.code.version.minor >= 14 {
                l.pop()?
            } else {
                l.null()
            };
            let args = l.pop()?;
            // The NULL beside the callable: below it up to 3.12, above it from 3.13.
            let func = if callable_first(l) {
                l.pop()?;
                l.pop()?
            } else {
                let f = l.pop()?;
                l.pop()?;
                f
            };
            let r = l.rt1(RtFn::CallEx, vec![func, args, kwargs], vec![])?;
            l.stack.push(r);
        }
        B::CALL_INTRINSIC_1 => {
            let v = l.pop()?;
            let r = match arg {
                2 => {
                    // IMPORT_STAR
                    l.rt(RtFn::ImportStar, vec![v], vec![])?;
                    none_value(l)
                }
                // STOPITERATION_ERROR: the runtime turns a StopIteration leaving a generator
                // into RuntimeError, so the exception goes on unchanged.
                3 => v,
                4 => l.rt1(RtFn::AsyncGenWrap, vec![v], vec![])?,
                5 => l.rt1(RtFn::Positive, vec![v], vec![])?,
                6 => l.rt1(RtFn::ListToTuple, vec![v], vec![])?,
                // TypeVar, ParamSpec, TypeVarTuple, Generic[...], type alias (3.12).
                7..=11 => {
                    let none = none_value(l);
                    l.rt1(RtFn::TypingIntrinsic, vec![v, none], vec![arg as i64])?
                }
                _ => return Err(l.error(format!("CALL_INTRINSIC_1 {arg} is not supported"))),
            };
            l.stack.push(r);
        }
        B::BUILD_INTERPOLATION | B::BUILD_TEMPLATE => {
            // 3.14's t-strings: not built yet; reaching one raises NotImplementedError.
            let n = if op == B::BUILD_TEMPLATE {
                2
            } else {
                2 + (arg & 1) as usize
            };
            l.pop_n(n)?;
            let r = l.rt1(RtFn::UnsupportedIntrinsic, vec![], vec![12])?;
            l.stack.push(r);
        }
        B::CALL_INTRINSIC_2 => {
            let b = l.pop()?;
            let a = l.pop()?;
            let r = match arg {
                1 => l.rt1(RtFn::PrepReraiseStar, vec![a, b], vec![])?,
                // TypeVar with a bound or constraints, a function's type parameters, a
                // parameter's default (3.12, 3.13).
                2..=5 => l.rt1(RtFn::TypingIntrinsic, vec![a, b], vec![100 + arg as i64])?,
                _ => return Err(l.error(format!("CALL_INTRINSIC_2 {arg} is not supported"))),
            };
            l.stack.push(r);
        }
        B::LOAD_BUILD_CLASS => {
            let v = l.rt1(RtFn::LoadBuildClass, vec![], vec![])?;
            l.stack.push(v);
        }
        B::SETUP_ANNOTATIONS => {
            l.rt(RtFn::SetupAnnotations, vec![], vec![])?;
        }
        B::IMPORT_NAME => {
            let n = name_value(l, arg)?;
            let fromlist = l.pop()?;
            let level = l.pop()?;
            let m = l.rt1(RtFn::ImportName, vec![n, fromlist, level], vec![])?;
            l.stack.push(m);
        }
        B::IMPORT_FROM => {
            let n = name_value(l, arg)?;
            let m = l.peek(1)?;
            let v = l.rt1(RtFn::ImportFrom, vec![m, n], vec![])?;
            l.stack.push(v);
        }
        B::IMPORT_STAR => {
            let m = l.pop()?;
            l.rt(RtFn::ImportStar, vec![m], vec![])?;
        }

        // ---- iteration --------------------------------------------------------------------
        B::GET_ITER => {
            let v = l.pop()?;
            let it = l.rt1(RtFn::GetIter, vec![v], vec![])?;
            l.stack.push(it);
        }
        B::FOR_ITER => {
            let it = l.peek(1)?;
            let v = l.rt1(RtFn::ForIter, vec![it], vec![])?;
            let done = l.emit(Op::IsDone, vec![v], Some(Type::I32)).unwrap();
            let target = for_iter_exit(l)?;
            let next = l.next_offset;
            let mut exhausted = l.stack.clone();
            if l.code.version.minor < 14 {
                // Up to 3.13 the exhausted iterator is popped; 3.14 leaves it to POP_ITER.
                exhausted.pop();
            }
            let mut more = l.stack.clone();
            more.push(v);
            l.branch_with(done, target, exhausted, next, more)?;
            return Ok(Flow::End);
        }

        // ---- control flow -----------------------------------------------------------------
        B::JUMP_FORWARD | B::JUMP_BACKWARD | B::JUMP_BACKWARD_NO_INTERRUPT | B::JUMP_ABSOLUTE => {
            let t = jump_target(l)?;
            l.jump_to(t)?;
            return Ok(Flow::End);
        }
        B::POP_JUMP_FORWARD_IF_TRUE | B::POP_JUMP_BACKWARD_IF_TRUE | B::POP_JUMP_IF_TRUE => {
            return pop_jump_if(l, true)
        }
        B::POP_JUMP_FORWARD_IF_FALSE | B::POP_JUMP_BACKWARD_IF_FALSE | B::POP_JUMP_IF_FALSE => {
            return pop_jump_if(l, false)
        }
        B::POP_JUMP_FORWARD_IF_NONE | B::POP_JUMP_BACKWARD_IF_NONE | B::POP_JUMP_IF_NONE => {
            return pop_jump_if_none(l, true)
        }
        B::POP_JUMP_FORWARD_IF_NOT_NONE
        | B::POP_JUMP_BACKWARD_IF_NOT_NONE
        | B::POP_JUMP_IF_NOT_NONE => return pop_jump_if_none(l, false),
        B::JUMP_IF_TRUE_OR_POP => return jump_or_pop(l, true),
        B::JUMP_IF_FALSE_OR_POP => return jump_or_pop(l, false),
        B::RETURN_VALUE => {
            let v = l.pop()?;
            l.set_term(Terminator::Return(v));
            return Ok(Flow::End);
        }
        B::RETURN_CONST => {
            let v = const_value(l, arg)?;
            l.set_term(Terminator::Return(v));
            return Ok(Flow::End);
        }
        B::END_FOR => {
            // 3.12 pops the value and the iterator; 3.13+ only the value (POP_TOP or, from
            // 3.14, POP_ITER follows).
            l.pop()?;
            if l.code.version.minor == 12 {
                l.pop()?;
            }
        }
        B::END_SEND => {
            let v = l.pop()?;
            l.pop()?;
            l.stack.push(v);
        }
        B::CLEANUP_THROW => {
            let exc = l.pop()?;
            l.pop_n(2)?;
            let v = l.rt1(RtFn::CleanupThrow, vec![exc], vec![])?;
            let n = none_value(l);
            l.stack.push(n);
            l.stack.push(v);
        }

        // ---- exceptions -------------------------------------------------------------------
        B::RAISE_VARARGS => {
            match arg {
                0 => {
                    l.rt(RtFn::RaiseCurrent, vec![], vec![])?;
                }
                1 => {
                    let e = l.pop()?;
                    let n = l.null();
                    l.rt(RtFn::Raise, vec![e, n], vec![])?;
                }
                2 => {
                    let cause = l.pop()?;
                    let e = l.pop()?;
                    l.rt(RtFn::Raise, vec![e, cause], vec![])?;
                }
                _ => return Err(l.error(format!("bad RAISE_VARARGS argument {arg}"))),
            }
            l.set_term(Terminator::Unreachable);
            return Ok(Flow::End);
        }
        B::RERAISE => {
            let e = l.pop()?;
            l.rt(RtFn::Reraise, vec![e], vec![])?;
            l.set_term(Terminator::Unreachable);
            return Ok(Flow::End);
        }
        B::PUSH_EXC_INFO => {
            let e = l.pop()?;
            let prev = l
                .emit(Op::Rt(RtFn::PushExcInfo, vec![]), vec![e], Some(Type::Obj))
                .unwrap();
            l.stack.push(prev);
            l.stack.push(e);
        }
        B::POP_EXCEPT => {
            let prev = l.pop()?;
            l.emit(Op::Rt(RtFn::PopExcept, vec![]), vec![prev], None);
        }
        B::CHECK_EXC_MATCH => {
            let ty = l.pop()?;
            let e = l.peek(1)?;
            let t = l.rt1(RtFn::CheckExcMatch, vec![e, ty], vec![])?;
            let v = l
                .emit(Op::Rt(RtFn::BoxBool, vec![]), vec![t], Some(Type::Obj))
                .unwrap();
            l.stack.push(v);
        }
        B::LOAD_ASSERTION_ERROR => {
            let v = l
                .emit(
                    Op::Rt(RtFn::LoadAssertionError, vec![]),
                    vec![],
                    Some(Type::Obj),
                )
                .unwrap();
            l.stack.push(v);
        }
        B::BEFORE_WITH => {
            let mgr = l.pop()?;
            let r = l.rt(RtFn::BeforeWith, vec![mgr], vec![2])?;
            l.stack.push(r[0]);
            l.stack.push(r[1]);
        }
        B::WITH_EXCEPT_START if l.code.version.minor >= 14 => {
            // [exit, self-or-NULL, lasti, previous exception, exception]
            let exit = l.peek(5)?;
            let self_ = l.peek(4)?;
            let e = l.peek(1)?;
            let r = l.rt1(RtFn::WithExitSelf, vec![exit, self_, e], vec![])?;
            l.stack.push(r);
        }
        B::WITH_EXCEPT_START => {
            let exit = l.peek(4)?;
            let e = l.peek(1)?;
            let r = l.rt1(RtFn::WithExit, vec![exit, e], vec![])?;
            l.stack.push(r);
        }

        // ---- generators and coroutines ----------------------------------------------------
        B::RETURN_GENERATOR => {
            // The generator object was made by the call; the first resumption starts here with
            // the sent value (None) on the stack, which the next POP_TOP drops.
            let n = none_value(l);
            l.stack.push(n);
        }
        B::YIELD_VALUE => {
            let v = l.pop()?;
            return l.yield_value(v);
        }
        B::SEND => {
            let v = l.pop()?;
            let receiver = l.peek(1)?;
            let r = l.rt(RtFn::Send, vec![receiver, v], vec![1])?;
            let (returned, out) = (r[0], r[1]);
            let target = jump_target(l)?;
            let next = l.next_offset;
            let mut done = l.stack.clone();
            if l.code.version.minor >= 12 {
                // [receiver, result]: END_SEND at the target drops the receiver.
                done.push(out);
            } else {
                *done.last_mut().unwrap() = out;
            }
            let mut more = l.stack.clone();
            more.push(out);
            l.branch_with(returned, target, done, next, more)?;
            return Ok(Flow::End);
        }
        B::GET_YIELD_FROM_ITER | B::GET_AITER | B::ASYNC_GEN_WRAP => {
            let v = l.pop()?;
            let r = match op {
                B::GET_YIELD_FROM_ITER => l.rt1(RtFn::GetYieldFromIter, vec![v], vec![])?,
                B::GET_AITER => l.rt1(RtFn::GetAIter, vec![v], vec![])?,
                _ => l.rt1(RtFn::AsyncGenWrap, vec![v], vec![])?,
            };
            l.stack.push(r);
        }
        B::GET_AWAITABLE => {
            let v = l.pop()?;
            let r = l.rt1(RtFn::GetAwaitable, vec![v], vec![arg as i64])?;
            l.stack.push(r);
        }
        B::GET_ANEXT => {
            let v = l.peek(1)?;
            let r = l.rt1(RtFn::GetANext, vec![v], vec![])?;
            l.stack.push(r);
        }
        B::END_ASYNC_FOR => {
            let e = l.pop()?;
            l.rt(RtFn::EndAsyncFor, vec![e], vec![])?;
            l.pop()?;
        }
        B::BEFORE_ASYNC_WITH => {
            let mgr = l.pop()?;
            let r = l.rt(RtFn::BeforeAsyncWith, vec![mgr], vec![2])?;
            l.stack.push(r[0]);
            l.stack.push(r[1]);
        }

        // ---- pattern matching and except* -------------------------------------------------
        B::MATCH_MAPPING | B::MATCH_SEQUENCE => {
            let v = l.peek(1)?;
            let f = if op == B::MATCH_MAPPING {
                RtFn::MatchMapping
            } else {
                RtFn::MatchSequence
            };
            let r = l.emit(Op::Rt(f, vec![]), vec![v], Some(Type::Obj)).unwrap();
            l.stack.push(r);
        }
        B::MATCH_KEYS => {
            let keys = l.peek(1)?;
            let subject = l.peek(2)?;
            let r = l.rt1(RtFn::MatchKeys, vec![subject, keys], vec![])?;
            l.stack.push(r);
        }
        B::COPY_DICT_WITHOUT_KEYS => {
            let keys = l.pop()?;
            let subject = l.peek(1)?;
            let r = l.rt1(RtFn::CopyDictWithoutKeys, vec![subject, keys], vec![])?;
            l.stack.push(r);
        }
        B::MATCH_CLASS => {
            let names = l.pop()?;
            let cls = l.pop()?;
            let subject = l.pop()?;
            let r = l.rt1(
                RtFn::MatchClass,
                vec![subject, cls, names],
                vec![arg as i64],
            )?;
            l.stack.push(r);
        }
        B::CHECK_EG_MATCH => {
            let ty = l.pop()?;
            let eg = l.pop()?;
            let r = l.rt(RtFn::CheckEgMatch, vec![eg, ty], vec![2])?;
            l.stack.push(r[0]);
            l.stack.push(r[1]);
        }
        B::PREP_RERAISE_STAR => {
            let excs = l.pop()?;
            let orig = l.pop()?;
            let r = l.rt1(RtFn::PrepReraiseStar, vec![orig, excs], vec![])?;
            l.stack.push(r);
        }

        _ => return Err(l.unsupported()),
    }
    Ok(Flow::Next)
}
