//! CPython 3.8–3.10 bytecode: the interpreter's block stack, lifted into the same exception
//! edges that 3.11+ tables give, and the opcodes only those versions have.
//!
//! Before 3.11, SETUP_FINALLY (and SETUP_WITH, SETUP_ASYNC_WITH) push a block naming a handler
//! and the value-stack level; POP_BLOCK pops it. On an exception the interpreter unwinds the
//! block stack: an except-handler block restores the previously handled exception and the
//! unwinding goes on; a finally block cuts the stack to its level, pushes an except-handler
//! block and six values (the previously handled exception's traceback, value and type, then the
//! new one's) and jumps to its handler. POP_EXCEPT pops the except-handler block and restores.
//!
//! The block stack at each instruction is the same on every path, so the lifter tracks it beside
//! the value stack (`Lifter::blockstack`, checked at merges). An instruction that can fail gets
//! an edge to the handler of the innermost finally block, or to a landing pad that does what
//! unwinding an except-handler block does and raises on, under the blocks below it.
//!
//! 3.8's `finally` is a subroutine (BEGIN_FINALLY, CALL_FINALLY, POP_FINALLY, END_FINALLY):
//! its handler is also entered by normal flow with one value (NULL or a return offset) where an
//! exception pushes six, so those entries are lifted as separate copies of the finally body, one
//! per way in (see [`Entry`]).

use super::translate::{call, call_plain, load_global, make_function};
use super::{Flow, LiftError, Lifter};
use crate::bytecode::Op as B;
use crate::ir::{ExcEdge, Op, RtFn, Terminator, Type, Value};

/// One block of the interpreter's block stack.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) struct TryBlock {
    pub kind: TryKind,
    /// The value-stack depth the block restores.
    pub level: usize,
}

/// What a stack value of 3.8's finally machinery stands for. The interpreter tells them apart
/// at run time; the lifter knows each statically and lifts a finally body once per kind.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Marker {
    /// BEGIN_FINALLY's NULL: the finally body was entered by normal flow.
    Null,
    /// CALL_FINALLY's return offset: END_FINALLY goes back there.
    Ret(u32),
    /// The exception type on top of a handler entry's six values.
    Exc,
    /// Not a stack value: the last element of a handler entry's block shape.
    Handler,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum TryKind {
    /// SETUP_FINALLY / SETUP_WITH / SETUP_ASYNC_WITH: exceptions go to this handler offset.
    Finally(u32),
    /// Pushed on entering a handler: unwinding it restores the previously handled exception.
    ExceptHandler,
}

/// The NB_* index of 3.11's BINARY_OP for a pre-3.11 binary or in-place opcode.
fn binary_op_index(op: B) -> Option<u32> {
    let i = match op {
        B::BINARY_ADD => 0,
        B::BINARY_AND => 1,
        B::BINARY_FLOOR_DIVIDE => 2,
        B::BINARY_LSHIFT => 3,
        B::BINARY_MATRIX_MULTIPLY => 4,
        B::BINARY_MULTIPLY => 5,
        B::BINARY_MODULO => 6,
        B::BINARY_OR => 7,
        B::BINARY_POWER => 8,
        B::BINARY_RSHIFT => 9,
        B::BINARY_SUBTRACT => 10,
        B::BINARY_TRUE_DIVIDE => 11,
        B::BINARY_XOR => 12,
        B::INPLACE_ADD => 13,
        B::INPLACE_AND => 14,
        B::INPLACE_FLOOR_DIVIDE => 15,
        B::INPLACE_LSHIFT => 16,
        B::INPLACE_MATRIX_MULTIPLY => 17,
        B::INPLACE_MULTIPLY => 18,
        B::INPLACE_MODULO => 19,
        B::INPLACE_OR => 20,
        B::INPLACE_POWER => 21,
        B::INPLACE_RSHIFT => 22,
        B::INPLACE_SUBTRACT => 23,
        B::INPLACE_TRUE_DIVIDE => 24,
        B::INPLACE_XOR => 25,
        _ => return None,
    };
    Some(i)
}

impl Lifter<'_> {
    /// The exception edge of the current instruction under the block stack.
    pub(crate) fn legacy_exc_edge(&mut self, traceback: bool) -> Result<ExcEdge, LiftError> {
        let Some(top) = self.blockstack.last().cloned() else {
            return Ok(ExcEdge {
                target: None,
                traceback,
            });
        };
        let depth = match top.kind {
            TryKind::Finally(_) => top.level,
            TryKind::ExceptHandler => top.level + 3,
        };
        if depth > self.stack.len() {
            return Err(self.error(format!(
                "the block stack asks for stack depth {depth} but the stack holds {} (at byte {}, {})",
                self.stack.len(),
                self.inst.offset,
                self.inst.op.name()
            )));
        }
        let b = match top.kind {
            TryKind::Finally(handler) => {
                let mut bs = self.blockstack.clone();
                bs.pop();
                bs.push(TryBlock {
                    kind: TryKind::ExceptHandler,
                    level: top.level,
                });
                let mut shape = self.shape_of(&self.stack[..depth]);
                shape.push(Some(Marker::Handler));
                self.block_at_key((handler, shape), depth, bs)?
            }
            TryKind::ExceptHandler => self.pad(self.blockstack.clone())?,
        };
        let mut args = self.stack[..depth].to_vec();
        args.extend_from_slice(&self.locals);
        Ok(ExcEdge {
            target: Some((b, args)),
            traceback,
        })
    }

    /// The landing pad for an exception raised under `bs`, whose top is an except-handler
    /// block: restore the exception it saved, then raise on under the blocks below it.
    fn pad(&mut self, bs: Vec<TryBlock>) -> Result<super::Block, LiftError> {
        let level = bs.last().map(|t| t.level).unwrap_or(0);
        let depth = level + 3;
        // 3.8: the markers below travel through the pad to the handler it raises into.
        let shape = self.shape_of(&self.stack[..depth]);
        let key = (bs.clone(), shape);
        if let Some(b) = self.pads.get(&key) {
            return Ok(*b);
        }
        let b = self.func.new_block(None);
        let n = depth + self.locals.len();
        let params: Vec<Value> = (0..n).map(|_| self.func.new_value(Type::Obj)).collect();
        self.params.extend(params.iter().copied());
        self.func.block_mut(b).params = params.clone();
        self.pads.insert(key, b);
        let below = self.stack[..depth].to_vec();
        self.carry_markers(&below, &params[..depth]);
        let mut outer = bs;
        outer.pop();
        let saved_current = std::mem::replace(&mut self.current, b);
        let saved_stack = std::mem::replace(&mut self.stack, params[..depth].to_vec());
        let saved_locals = std::mem::replace(&mut self.locals, params[depth..].to_vec());
        let saved_bs = std::mem::replace(&mut self.blockstack, outer);
        let exc = self.fetch_exception();
        let prev_value = self.stack[level + 1];
        self.emit(Op::Rt(RtFn::PopExcept, vec![]), vec![prev_value], None);
        self.stack.truncate(level);
        let r = self.rt(RtFn::Reraise, vec![exc], vec![]);
        self.set_term(Terminator::Unreachable);
        self.current = saved_current;
        self.stack = saved_stack;
        self.locals = saved_locals;
        self.blockstack = saved_bs;
        r?;
        Ok(b)
    }

    /// At a handler's entry (the stack cut to the block's level): make the exception the
    /// handled one and push the previous one's and its (traceback, value, type).
    pub(crate) fn legacy_handler_entry(&mut self) {
        let exc = self.fetch_exception();
        let prev = self
            .emit(
                Op::Rt(RtFn::PushExcInfo, vec![]),
                vec![exc],
                Some(Type::Obj),
            )
            .unwrap();
        for e in [prev, exc] {
            let triple = self.emit_raw(
                Op::Rt(RtFn::ExcTriple, vec![3]),
                vec![e],
                &[Type::Obj, Type::Obj, Type::Obj],
                None,
            );
            self.stack.extend(triple);
        }
        // 3.8's END_FINALLY, POP_FINALLY and WITH_CLEANUP_START tell this entry by its top.
        let ty = *self.stack.last().unwrap();
        self.markers.insert(ty, Marker::Exc);
    }

    /// What 3.11's MAKE_CELL and COPY_FREE_VARS do, done on entry for older code: cells for
    /// the cell variables (holding the argument of the same name, if any) and the closure's
    /// cells for the free variables.
    pub(crate) fn legacy_prologue(&mut self) -> Result<(), LiftError> {
        use crate::pyc::code::LocalKind;
        let kinds: Vec<LocalKind> = self.code.localsplus.iter().map(|(_, k)| *k).collect();
        let nfree = kinds.iter().filter(|k| k.is_free()).count();
        for (i, k) in kinds.iter().enumerate() {
            if k.is_cell() {
                let v = self.locals[i];
                self.locals[i] = self.rt1(RtFn::NewCell, vec![v], vec![])?;
            }
        }
        let total = self.locals.len();
        for j in 0..nfree {
            let c = self
                .emit(
                    Op::Rt(RtFn::ClosureItem, vec![j as i64]),
                    vec![],
                    Some(Type::Obj),
                )
                .unwrap();
            self.locals[total - nfree + j] = c;
        }
        Ok(())
    }

    /// The `localsplus` index of a pre-3.11 cell-or-free index (cells first, then frees).
    fn deref_index(&self, i: u32) -> Result<u32, LiftError> {
        let c = self.code;
        let name = if (i as usize) < c.cellvars.len() {
            &c.cellvars[i as usize]
        } else if let Some(n) = c.freevars.get(i as usize - c.cellvars.len()) {
            n
        } else {
            return Err(self.error(format!("cell index {i} out of range")));
        };
        // A cell that is also an argument lives in the argument's slot; frees come last.
        let is_free = i as usize >= c.cellvars.len();
        let found = c
            .localsplus
            .iter()
            .position(|(n, k)| n == name && if is_free { k.is_free() } else { k.is_cell() });
        found
            .map(|j| j as u32)
            .ok_or_else(|| self.error(format!("cell {name} has no slot")))
    }
}

/// Translates the instructions that differ before 3.11. `None`: the shared translation applies
/// (with `l.inst.arg` possibly rewritten into 3.11's meaning).
pub(crate) fn translate(l: &mut Lifter) -> Result<Option<Flow>, LiftError> {
    let arg = l.inst.arg;
    let op = l.inst.op;
    if let Some(index) = binary_op_index(op) {
        let b = l.pop()?;
        let a = l.pop()?;
        let v = l.rt1(RtFn::BinaryOp, vec![a, b], vec![index as i64])?;
        l.stack.push(v);
        return Ok(Some(Flow::Next));
    }
    match op {
        // ---- stack manipulation -----------------------------------------------------------
        B::ROT_TWO | B::ROT_THREE | B::ROT_FOUR | B::ROT_N => {
            let n = match op {
                B::ROT_TWO => 2,
                B::ROT_THREE => 3,
                B::ROT_FOUR => 4,
                _ => arg as usize,
            };
            if n > l.stack.len() {
                return Err(l.error(format!("{} below the stack", op.name())));
            }
            let top = l.stack.pop().unwrap();
            let at = l.stack.len() + 1 - n;
            l.stack.insert(at, top);
        }
        B::DUP_TOP => {
            let v = l.peek(1)?;
            l.stack.push(v);
        }
        B::DUP_TOP_TWO => {
            let a = l.peek(2)?;
            let b = l.peek(1)?;
            l.stack.push(a);
            l.stack.push(b);
        }
        B::GEN_START => {
            // The first resumption pushes nothing here, so there is nothing to pop.
        }

        // ---- names, cells, functions, calls -----------------------------------------------
        B::LOAD_GLOBAL => load_global(l, arg)?,
        B::LOAD_CLOSURE | B::LOAD_DEREF | B::STORE_DEREF | B::DELETE_DEREF | B::LOAD_CLASSDEREF => {
            l.inst.arg = l.deref_index(arg)?;
            return Ok(None);
        }
        B::MAKE_FUNCTION => {
            // The qualified name comes from the stack before 3.11 (code objects lack one).
            let qualname = l.pop()?;
            let f = make_function(l, arg)?;
            let f = l.rt1(RtFn::SetFunctionAttribute, vec![f, qualname], vec![0x100])?;
            l.stack.push(f);
        }
        B::CALL_FUNCTION => {
            let args = l.pop_n(arg as usize)?;
            let f = l.pop()?;
            call_plain(l, f, args, None)?;
        }
        B::CALL_FUNCTION_KW => {
            let names = l.pop()?;
            let args = l.pop_n(arg as usize)?;
            let f = l.pop()?;
            call_plain(l, f, args, Some(names))?;
        }
        B::CALL_METHOD => call(l, arg as usize)?,
        B::CALL_FUNCTION_EX => {
            let kwargs = if arg & 1 != 0 { l.pop()? } else { l.null() };
            let args = l.pop()?;
            let func = l.pop()?;
            let r = l.rt1(RtFn::CallEx, vec![func, args, kwargs], vec![])?;
            l.stack.push(r);
        }

        // ---- comparisons --------------------------------------------------------------------
        B::COMPARE_OP if arg > 5 => {
            // 3.8: in, not in, is, is not, exception match.
            let b = l.pop()?;
            let a = l.pop()?;
            let t = match arg {
                6 | 7 => {
                    let t = l.rt1(RtFn::Contains, vec![b, a], vec![])?;
                    if arg == 7 {
                        l.emit(Op::Not, vec![t], Some(Type::I32)).unwrap()
                    } else {
                        t
                    }
                }
                8 | 9 => l
                    .emit(Op::Is { invert: arg == 9 }, vec![a, b], Some(Type::I32))
                    .unwrap(),
                10 => l.rt1(RtFn::ExcClassMatch, vec![a, b], vec![])?,
                _ => return Err(l.error(format!("bad comparison operator {arg}"))),
            };
            let v = l
                .emit(Op::Rt(RtFn::BoxBool, vec![]), vec![t], Some(Type::Obj))
                .unwrap();
            l.stack.push(v);
        }
        B::JUMP_IF_NOT_EXC_MATCH => {
            let pattern = l.pop()?;
            let ty = l.pop()?;
            let t = l.rt1(RtFn::ExcClassMatch, vec![ty, pattern], vec![])?;
            let target = l
                .inst
                .jump_target
                .ok_or_else(|| l.error("jump without a target".into()))?;
            let next = l.next_offset;
            l.branch(t, next, target)?;
            return Ok(Some(Flow::End));
        }

        // ---- the block stack ----------------------------------------------------------------
        B::SETUP_FINALLY => {
            let handler = setup_target(l)?;
            l.blockstack.push(TryBlock {
                kind: TryKind::Finally(handler),
                level: l.stack.len(),
            });
        }
        B::SETUP_WITH => {
            let handler = setup_target(l)?;
            let mgr = l.pop()?;
            let r = l.rt(RtFn::BeforeWith, vec![mgr], vec![2])?;
            l.stack.push(r[0]);
            l.blockstack.push(TryBlock {
                kind: TryKind::Finally(handler),
                level: l.stack.len(),
            });
            l.stack.push(r[1]);
        }
        B::SETUP_ASYNC_WITH => {
            let handler = setup_target(l)?;
            let res = l.pop()?;
            l.blockstack.push(TryBlock {
                kind: TryKind::Finally(handler),
                level: l.stack.len(),
            });
            l.stack.push(res);
        }
        B::POP_BLOCK => match l.blockstack.pop() {
            Some(TryBlock {
                kind: TryKind::Finally(_),
                ..
            }) => {}
            _ => return Err(l.error("POP_BLOCK without a matching SETUP".into())),
        },
        B::POP_EXCEPT => {
            pop_except_handler(l)?;
            let prev = restore_triple(l)?;
            l.emit(Op::Rt(RtFn::PopExcept, vec![]), vec![prev], None);
        }
        B::RERAISE => {
            let _ty = l.pop()?;
            let v = l.pop()?;
            let _tb = l.pop()?;
            l.rt(RtFn::Reraise, vec![v], vec![])?;
            l.set_term(Terminator::Unreachable);
            return Ok(Some(Flow::End));
        }
        B::WITH_EXCEPT_START => {
            let exit = l.peek(7)?;
            let v = l.peek(2)?;
            let r = l.rt1(RtFn::WithExit, vec![exit, v], vec![])?;
            l.stack.push(r);
        }
        B::END_ASYNC_FOR => {
            let _ty = l.pop()?;
            let v = l.pop()?;
            let _tb = l.pop()?;
            // Anything but StopAsyncIteration is raised on (through the handler's pad).
            l.rt(RtFn::EndAsyncFor, vec![v], vec![])?;
            pop_except_handler(l)?;
            let prev = restore_triple(l)?;
            l.emit(Op::Rt(RtFn::PopExcept, vec![]), vec![prev], None);
            l.pop()?; // the async iterator
        }

        // ---- generators -----------------------------------------------------------------------
        B::YIELD_VALUE if l.code.flags & 0x200 != 0 => {
            // An async generator's yield wraps the value (3.11+ have ASYNC_GEN_WRAP for it).
            let v = l.pop()?;
            let w = l.rt1(RtFn::AsyncGenWrap, vec![v], vec![])?;
            return l.yield_value(w).map(Some);
        }
        B::YIELD_FROM => {
            let v = l.pop()?;
            let receiver = l.peek(1)?;
            let r = l.rt(RtFn::Send, vec![receiver, v], vec![1])?;
            let (returned, out) = (r[0], r[1]);
            let next = l.next_offset;
            let here = l.inst.offset;
            // Finished: the result replaces the receiver. Otherwise yield the value and run
            // YIELD_FROM again with what is sent.
            let mut done = l.stack.clone();
            *done.last_mut().unwrap() = out;
            let more = l.new_internal_block(l.stack.len());
            let then_block = l.block_at(next, done.len())?;
            let mut then_args = done;
            then_args.extend_from_slice(&l.locals);
            let else_args = l.edge_args();
            l.set_term(Terminator::Branch {
                cond: returned,
                then: (then_block, then_args),
                else_: (more, else_args),
            });
            l.switch_to_internal(more);
            return l.yield_to(out, Some(receiver), here).map(Some);
        }

        // ---- pattern matching (3.10) --------------------------------------------------------
        B::MATCH_CLASS => {
            let names = l.pop()?;
            let cls = l.pop()?;
            let subject = l.pop()?;
            // [attributes, True] on success, [subject, False] otherwise.
            let r = l.rt(
                RtFn::MatchClass310,
                vec![subject, cls, names],
                vec![arg as i64, 2],
            )?;
            l.stack.push(r[0]);
            l.stack.push(r[1]);
        }
        B::MATCH_KEYS => {
            let keys = l.peek(1)?;
            let subject = l.peek(2)?;
            let r = l.rt1(RtFn::MatchKeys, vec![subject, keys], vec![])?;
            let none = {
                let k = l.pool.constant(&crate::pyc::Const::None);
                l.constant(k)
            };
            let found = l
                .emit(Op::Is { invert: true }, vec![r, none], Some(Type::I32))
                .unwrap();
            let b = l
                .emit(Op::Rt(RtFn::BoxBool, vec![]), vec![found], Some(Type::Obj))
                .unwrap();
            l.stack.push(r);
            l.stack.push(b);
        }

        // ---- 3.8 ------------------------------------------------------------------------------
        B::BEGIN_FINALLY => {
            let v = l.null();
            l.markers.insert(v, Marker::Null);
            l.stack.push(v);
        }
        B::CALL_FINALLY => {
            let ret = l.next_offset;
            let k = l.pool.int(ret as i64);
            let v = l.constant(k);
            l.markers.insert(v, Marker::Ret(ret));
            l.stack.push(v);
            let target = setup_target(l)?;
            l.jump_to(target)?;
            return Ok(Some(Flow::End));
        }
        B::END_FINALLY => {
            let top = l.peek(1)?;
            match l.markers.get(&top).copied() {
                Some(Marker::Null) => {
                    l.pop()?;
                }
                Some(Marker::Ret(to)) => {
                    l.pop()?;
                    l.jump_to(to)?;
                    return Ok(Some(Flow::End));
                }
                Some(Marker::Exc) => {
                    let _ty = l.pop()?;
                    let v = l.pop()?;
                    let _tb = l.pop()?;
                    l.rt(RtFn::Reraise, vec![v], vec![])?;
                    l.set_term(Terminator::Unreachable);
                    return Ok(Some(Flow::End));
                }
                _ => return Err(l.error("END_FINALLY on a value kiln cannot follow".into())),
            }
        }
        B::POP_FINALLY => {
            let res = if arg != 0 { Some(l.pop()?) } else { None };
            let top = l.pop()?;
            match l.markers.get(&top).copied() {
                Some(Marker::Null) | Some(Marker::Ret(_)) => {}
                Some(Marker::Exc) => {
                    l.pop_n(2)?;
                    pop_except_handler(l)?;
                    let prev = restore_triple(l)?;
                    l.emit(Op::Rt(RtFn::PopExcept, vec![]), vec![prev], None);
                }
                _ => return Err(l.error("POP_FINALLY on a value kiln cannot follow".into())),
            }
            if let Some(r) = res {
                l.stack.push(r);
            }
        }
        B::WITH_CLEANUP_START => {
            let top = l.peek(1)?;
            match l.markers.get(&top).copied() {
                Some(Marker::Null) => {
                    let null = l.pop()?;
                    let exit = l.pop()?;
                    l.stack.push(null);
                    let res = l.rt1(RtFn::WithExitNone, vec![exit], vec![])?;
                    let k = l.pool.constant(&crate::pyc::Const::None);
                    let none = l.constant(k);
                    l.stack.push(none);
                    l.stack.push(res);
                }
                Some(Marker::Exc) => {
                    // [exit, tb2, exc2, tp2, tb, val, exc] becomes [tb2, exc2, tp2, NULL, tb,
                    // val, exc, exc, res]; the except-handler block's level drops by one.
                    let six = l.pop_n(6)?;
                    let exit = l.pop()?;
                    l.stack.extend_from_slice(&six[..3]);
                    let n = l.null();
                    l.stack.push(n);
                    l.stack.extend_from_slice(&six[3..]);
                    l.stack.push(six[5]);
                    match l.blockstack.last_mut() {
                        Some(TryBlock {
                            kind: TryKind::ExceptHandler,
                            level,
                        }) if *level > 0 => *level -= 1,
                        _ => return Err(l.error("WITH_CLEANUP_START outside a handler".into())),
                    }
                    // Called with the stack already shifted, as the interpreter does.
                    let res = l.rt1(RtFn::WithExit, vec![exit, six[4]], vec![])?;
                    l.stack.push(res);
                }
                _ => return Err(l.error("WITH_CLEANUP_START on a value kiln cannot follow".into())),
            }
        }
        B::WITH_CLEANUP_FINISH => {
            let res = l.pop()?;
            let exc = l.pop()?;
            if l.markers.get(&exc) == Some(&Marker::Exc) {
                // A true `__exit__` result swallows the exception: unwind the handler block
                // and go on as after a normal exit.
                let t = l.rt1(RtFn::IsTrue, vec![res], vec![])?;
                let next = l.next_offset;
                let sup = l.new_internal_block(l.stack.len());
                let stack = l.stack.clone();
                let go_on = l.block_for(next, &stack)?;
                let args = l.edge_args();
                l.set_term(Terminator::Branch {
                    cond: t,
                    then: (sup, args.clone()),
                    else_: (go_on, args),
                });
                l.switch_to_internal(sup);
                let level = match l.blockstack.pop() {
                    Some(TryBlock {
                        kind: TryKind::ExceptHandler,
                        level,
                    }) => level,
                    _ => return Err(l.error("WITH_CLEANUP_FINISH outside a handler".into())),
                };
                if l.stack.len() < level + 3 {
                    return Err(l.error("WITH_CLEANUP_FINISH below the handler's level".into()));
                }
                l.stack.truncate(level + 3);
                let prev = restore_triple(l)?;
                l.emit(Op::Rt(RtFn::PopExcept, vec![]), vec![prev], None);
                let n = l.null();
                l.markers.insert(n, Marker::Null);
                l.stack.push(n);
                l.jump_to(next)?;
                return Ok(Some(Flow::End));
            }
        }
        B::BUILD_LIST_UNPACK
        | B::BUILD_TUPLE_UNPACK
        | B::BUILD_TUPLE_UNPACK_WITH_CALL
        | B::BUILD_SET_UNPACK => {
            let items = l.pop_n(arg as usize)?;
            let set = op == B::BUILD_SET_UNPACK;
            let acc = if set {
                l.rt1(RtFn::BuildSet, vec![], vec![])?
            } else {
                l.rt1(RtFn::BuildList, vec![], vec![])?
            };
            for it in items {
                let f = if set {
                    RtFn::SetUpdate
                } else {
                    RtFn::ListExtend
                };
                l.rt(f, vec![acc, it], vec![])?;
            }
            let r = if matches!(op, B::BUILD_TUPLE_UNPACK | B::BUILD_TUPLE_UNPACK_WITH_CALL) {
                l.rt1(RtFn::ListToTuple, vec![acc], vec![])?
            } else {
                acc
            };
            l.stack.push(r);
        }
        B::BUILD_MAP_UNPACK | B::BUILD_MAP_UNPACK_WITH_CALL => {
            let func = if op == B::BUILD_MAP_UNPACK_WITH_CALL {
                Some(l.peek(arg as usize + 2)?)
            } else {
                None
            };
            let items = l.pop_n(arg as usize)?;
            let acc = l.rt1(RtFn::BuildMap, vec![], vec![])?;
            for it in items {
                match func {
                    Some(f) => l.rt(RtFn::DictMerge, vec![acc, it, f], vec![])?,
                    None => l.rt(RtFn::DictUpdate, vec![acc, it], vec![])?,
                };
            }
            l.stack.push(acc);
        }

        _ => return Ok(None),
    }
    Ok(Some(Flow::Next))
}

/// The handler offset of a SETUP_* instruction.
fn setup_target(l: &Lifter) -> Result<u32, LiftError> {
    l.inst
        .jump_target
        .ok_or_else(|| l.error("SETUP without a target".into()))
}

/// Pops the except-handler block POP_EXCEPT (or END_ASYNC_FOR) ends.
fn pop_except_handler(l: &mut Lifter) -> Result<(), LiftError> {
    match l.blockstack.pop() {
        Some(TryBlock {
            kind: TryKind::ExceptHandler,
            ..
        }) => Ok(()),
        _ => Err(l.error(format!("{} outside an exception handler", l.inst.op.name()))),
    }
}

/// Pops the saved (traceback, value, type) of the previously handled exception; its value.
fn restore_triple(l: &mut Lifter) -> Result<Value, LiftError> {
    let _ty = l.pop()?;
    let v = l.pop()?;
    let _tb = l.pop()?;
    Ok(v)
}
