//! Removes redundant block parameters: a parameter whose incoming arguments are all one value
//! (or the parameter itself) is that value. The lifter gives every block a parameter for each
//! local and stack slot; this pass leaves only the real merges (the phis of minimal SSA on
//! reducible control flow), and drops blocks no edge reaches.

use super::{Block, ExcEdge, Function, Terminator, Value};
use std::collections::HashMap;

fn resolve(map: &HashMap<Value, Value>, mut v: Value) -> Value {
    while let Some(n) = map.get(&v) {
        if *n == v {
            break;
        }
        v = *n;
    }
    v
}

pub fn simplify(f: &mut Function) {
    remove_unreachable(f);
    let mut replaced: HashMap<Value, Value> = HashMap::new();
    loop {
        // Incoming values per (block, param index).
        let mut incoming: HashMap<(u32, usize), Vec<Value>> = HashMap::new();
        for b in 0..f.blocks.len() {
            for (t, args) in f.successors(Block(b as u32)) {
                for (i, a) in args.iter().enumerate() {
                    incoming
                        .entry((t.0, i))
                        .or_default()
                        .push(resolve(&replaced, *a));
                }
            }
        }
        let mut changed = false;
        for b in 0..f.blocks.len() {
            if Block(b as u32) == f.entry || f.blocks[b].pinned {
                continue;
            }
            let params = f.blocks[b].params.clone();
            let mut keep = vec![true; params.len()];
            for (i, p) in params.iter().enumerate() {
                let ins = incoming.get(&(b as u32, i)).cloned().unwrap_or_default();
                let mut same: Option<Value> = None;
                let mut trivial = true;
                for v in ins {
                    if v == *p {
                        continue;
                    }
                    match same {
                        None => same = Some(v),
                        Some(s) if s == v => {}
                        _ => {
                            trivial = false;
                            break;
                        }
                    }
                }
                if trivial {
                    if let Some(s) = same {
                        replaced.insert(*p, s);
                        keep[i] = false;
                        changed = true;
                    }
                }
            }
            if keep.iter().any(|k| !k) {
                let bb = Block(b as u32);
                f.blocks[b].params = params
                    .iter()
                    .zip(&keep)
                    .filter(|(_, k)| **k)
                    .map(|(p, _)| *p)
                    .collect();
                drop_args(f, bb, &keep);
            }
        }
        if !changed {
            break;
        }
    }
    // Rewrite every use.
    for b in f.blocks.iter_mut() {
        for inst in b.insts.iter_mut() {
            for a in inst.args.iter_mut() {
                *a = resolve(&replaced, *a);
            }
            if let Some(ExcEdge {
                target: Some((_, args)),
                ..
            }) = &mut inst.exc
            {
                for a in args.iter_mut() {
                    *a = resolve(&replaced, *a);
                }
            }
        }
        match &mut b.term {
            Terminator::Jump(_, args) => args.iter_mut().for_each(|a| *a = resolve(&replaced, *a)),
            Terminator::Branch { cond, then, else_ } => {
                *cond = resolve(&replaced, *cond);
                then.1.iter_mut().for_each(|a| *a = resolve(&replaced, *a));
                else_.1.iter_mut().for_each(|a| *a = resolve(&replaced, *a));
            }
            Terminator::Return(v) => *v = resolve(&replaced, *v),
            Terminator::Yield {
                value,
                saved,
                yield_from,
                ..
            } => {
                *value = resolve(&replaced, *value);
                saved.iter_mut().for_each(|a| *a = resolve(&replaced, *a));
                if let Some(y) = yield_from {
                    *y = resolve(&replaced, *y);
                }
            }
            Terminator::Unreachable => {}
        }
    }
}

/// Removes the arguments for dropped parameters of `target` from every edge.
fn drop_args(f: &mut Function, target: Block, keep: &[bool]) {
    let filter = |args: &mut Vec<Value>| {
        let mut i = 0;
        args.retain(|_| {
            let k = keep[i];
            i += 1;
            k
        });
    };
    for b in f.blocks.iter_mut() {
        for inst in b.insts.iter_mut() {
            if let Some(ExcEdge {
                target: Some((t, args)),
                ..
            }) = &mut inst.exc
            {
                if *t == target {
                    filter(args);
                }
            }
        }
        match &mut b.term {
            Terminator::Jump(t, args) if *t == target => filter(args),
            Terminator::Branch { then, else_, .. } => {
                if then.0 == target {
                    filter(&mut then.1);
                }
                if else_.0 == target {
                    filter(&mut else_.1);
                }
            }
            _ => {}
        }
    }
}

/// Empties blocks that no path from the entry reaches (they keep their slot, as `unreachable`).
fn remove_unreachable(f: &mut Function) {
    let mut seen = vec![false; f.blocks.len()];
    let mut work = vec![f.entry];
    while let Some(b) = work.pop() {
        if seen[b.0 as usize] {
            continue;
        }
        seen[b.0 as usize] = true;
        for (t, _) in f.successors(b) {
            work.push(t);
        }
    }
    for (i, s) in seen.iter().enumerate() {
        if !s {
            f.blocks[i].insts.clear();
            f.blocks[i].params.clear();
            f.blocks[i].term = Terminator::Unreachable;
        }
    }
}
