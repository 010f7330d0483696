//! The IR's text form: what `kiln dis --stage ir|opt` prints and the golden tests
//! (`tests/golden/`) compare. Exception edges show as `!exc -> bbN(args)` (or `-> unwind`),
//! inline-cache slots as `cache K`.

use super::{Block, Function, Op, Param, RtFn, Terminator, Type, Value};
use std::fmt::Write;

fn vals(vs: &[Value]) -> String {
    vs.iter()
        .map(|v| format!("v{}", v.0))
        .collect::<Vec<_>>()
        .join(", ")
}

fn target(b: Block, args: &[Value]) -> String {
    if args.is_empty() {
        format!("bb{}", b.0)
    } else {
        format!("bb{}({})", b.0, vals(args))
    }
}

/// The immediates of a runtime call, each as its parameter kind shows it: `#8` (a plain
/// immediate), `cache 3` (inline-cache slot 3 of the module), `out 2` (words it fills).
fn immediates(f: RtFn, imms: &[i64]) -> Vec<String> {
    let mut it = imms.iter();
    let mut out = Vec::new();
    for p in f.params() {
        let shown = match p {
            Param::Imm => it.next().map(|i| format!("#{i}")),
            Param::Cache => it.next().map(|k| format!("cache {k}")),
            Param::Out => it.next().map(|n| format!("out {n}")),
            _ => None,
        };
        out.extend(shown);
    }
    out.extend(it.map(|i| format!("#{i}")));
    out
}

/// Renders a function; `names` gives a readable comment for constant-table entries.
pub fn print_function(f: &Function, const_name: &dyn Fn(u32) -> String) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "function {} {{", f.name);
    for (i, b) in f.blocks.iter().enumerate() {
        let params: Vec<String> = b
            .params
            .iter()
            .map(|p| {
                format!(
                    "v{}: {}",
                    p.0,
                    if f.ty(*p) == Type::I32 { "i32" } else { "obj" }
                )
            })
            .collect();
        let at = b.offset.map(|o| format!("  ; @{o}")).unwrap_or_default();
        let pin = if b.pinned { " pinned" } else { "" };
        let _ = writeln!(out, "bb{i}({}):{pin}{at}", params.join(", "));
        for inst in &b.insts {
            let res = if inst.results.is_empty() {
                String::new()
            } else {
                format!("{} = ", vals(&inst.results))
            };
            let op = match &inst.op {
                Op::Const(k) => format!("const {k}  ; {}", const_name(*k)),
                Op::Arg(i) => format!("arg {i}"),
                Op::Null => "null".to_string(),
                Op::Rt(f, imms) => {
                    let mut parts = vec![vals(&inst.args)];
                    parts.extend(immediates(*f, imms));
                    parts.retain(|p| !p.is_empty());
                    format!(
                        "rt {}({})",
                        f.symbol().trim_start_matches("kiln_"),
                        parts.join(", ")
                    )
                }
                Op::Is { invert } => format!(
                    "{} {}",
                    if *invert { "is_not" } else { "is" },
                    vals(&inst.args)
                ),
                Op::IsDone => format!("is_done {}", vals(&inst.args)),
                Op::Not => format!("not {}", vals(&inst.args)),
                Op::CheckThrown => format!("check_thrown {}", vals(&inst.args)),
                Op::SafePoint => "safe_point".to_string(),
                Op::CheckBound { index, deref } => {
                    format!(
                        "check_bound{} {} slot {index}",
                        if *deref { "_cell" } else { "" },
                        vals(&inst.args)
                    )
                }
            };
            let exc = match &inst.exc {
                None => String::new(),
                Some(e) => {
                    let t = match &e.target {
                        None => "unwind".to_string(),
                        Some((b, a)) => target(*b, a),
                    };
                    format!(" !exc{} -> {t}", if e.traceback { "" } else { " (no tb)" })
                }
            };
            let _ = writeln!(out, "    {res}{op}{exc}  ; line {}", inst.line);
        }
        let term = match &b.term {
            Terminator::Jump(t, a) => format!("jump {}", target(*t, a)),
            Terminator::Branch { cond, then, else_ } => {
                format!(
                    "branch v{}, {}, {}",
                    cond.0,
                    target(then.0, &then.1),
                    target(else_.0, &else_.1)
                )
            }
            Terminator::Return(v) => format!("return v{}", v.0),
            Terminator::Yield {
                value,
                saved,
                resume,
                yield_from,
            } => format!(
                "yield v{}, save [{}], resume bb{}{}",
                value.0,
                vals(saved),
                resume.0,
                yield_from
                    .map(|y| format!(", from v{}", y.0))
                    .unwrap_or_default()
            ),
            Terminator::Unreachable => "unreachable".to_string(),
        };
        let _ = writeln!(out, "    {term}");
    }
    out.push_str("}\n");
    out
}
