//! The stage dumps of a module: its decoded bytecode, its IR as lifted and as code generation
//! receives it, its Cranelift IR and its machine code. `kiln dis --stage` prints them and
//! `kiln build --emit=ir,opt,clif,asm` writes them per module; both run the build's own pipeline
//! (`compile_module_with`), so a dump shows exactly what the build compiles.

use super::{compile_module_with, CompileOptions};
use crate::codegen::module::ModuleMeta;
use crate::codegen::Target;
use crate::error::Error;
use crate::pyc;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stage {
    /// The decoded instructions with offsets, lines, jump targets and the exception table.
    Bytecode,
    /// The IR as the lifter leaves it (its block parameters already simplified).
    Ir,
    /// The IR after the passes that run between lifting and code generation ([`OPT_PASSES`]).
    Opt,
    /// Cranelift IR per function, as lowered (before Cranelift's own optimizations).
    Clif,
    /// The machine code for the target, as Cranelift's VCode listing.
    Asm,
}

pub const STAGES: &str = "bytecode, ir, opt, clif, asm";

/// The passes that run on the lifted IR, in order; `opt` shows the IR after them.
pub const OPT_PASSES: &[&str] = &[
    "peephole::fuse_compare_branch",
    "peephole::fuse_slice_subscript",
];

impl Stage {
    pub fn parse(name: &str) -> Result<Stage, String> {
        Ok(match name {
            "bytecode" => Stage::Bytecode,
            "ir" => Stage::Ir,
            "opt" => Stage::Opt,
            "clif" => Stage::Clif,
            "asm" => Stage::Asm,
            other => return Err(format!("unknown stage `{other}` (stages: {STAGES})")),
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Stage::Bytecode => "bytecode",
            Stage::Ir => "ir",
            Stage::Opt => "opt",
            Stage::Clif => "clif",
            Stage::Asm => "asm",
        }
    }

    /// The line that opens the dump of one code object at this stage.
    fn header(self, qualname: &str, target: &Target) -> String {
        match self {
            Stage::Bytecode => format!("== bytecode of {qualname} ==\n"),
            Stage::Ir => format!("== ir of {qualname} (as lifted) ==\n"),
            Stage::Opt => format!(
                "== opt of {qualname} (after {}; as code generation receives it) ==\n",
                OPT_PASSES.join(", ")
            ),
            Stage::Clif => format!("== clif of {qualname} ==\n"),
            Stage::Asm => format!("== asm of {qualname} for {} ==\n", target.triple),
        }
    }
}

/// What the pipeline records as it compiles a module: the stages asked for, of the code objects
/// whose name or qualified name is `function` (all when `None`).
pub struct StageDump {
    pub stages: Vec<Stage>,
    pub function: Option<String>,
    /// (code object index, stage, text), in the order recorded.
    pub(crate) sections: Vec<(usize, Stage, String)>,
}

impl StageDump {
    pub fn new(stages: Vec<Stage>, function: Option<String>) -> StageDump {
        StageDump {
            stages,
            function,
            sections: Vec::new(),
        }
    }

    pub fn wants(&self, s: Stage) -> bool {
        self.stages.contains(&s)
    }

    /// Is the code object `code` one to show?
    pub fn selects(&self, code: &pyc::CodeObject) -> bool {
        match &self.function {
            None => true,
            Some(f) => code.qualname == *f || code.name == *f,
        }
    }

    pub(crate) fn record(&mut self, index: usize, stage: Stage, text: String) {
        if self.wants(stage) {
            self.sections.push((index, stage, text));
        }
    }

    /// The dump: per code object (in the module's order), each stage in the order asked for.
    pub fn render(&self, qualnames: &[String], target: &Target) -> String {
        let mut out = String::new();
        for (i, q) in qualnames.iter().enumerate() {
            for s in &self.stages {
                for (_, _, text) in self.sections.iter().filter(|(j, st, _)| *j == i && st == s) {
                    out.push_str(&s.header(q, target));
                    out.push_str(text);
                    if !text.ends_with('\n') {
                        out.push('\n');
                    }
                }
            }
        }
        out
    }
}

/// The dump of `stages` of the module `code` (compiled as `meta` for `target` with `opts`);
/// `function` limits it to one code object. An error if `function` names none.
pub fn dump_module(
    code: &Rc<pyc::CodeObject>,
    meta: &ModuleMeta,
    target: &Target,
    opts: &CompileOptions,
    stages: Vec<Stage>,
    function: Option<String>,
) -> Result<String, Error> {
    let mut dump = StageDump::new(stages, function.clone());
    let qualnames = compile_module_with(code, meta, target, opts, Some(&mut dump))?.1;
    if let Some(f) = &function {
        if dump.sections.is_empty() {
            return Err(Error::new(format!(
                "{}: no code object is named `{f}`",
                code.filename
            )));
        }
    }
    Ok(dump.render(&qualnames, target))
}
