//! What code generation shows of one function for the stage dumps (`kiln dis --stage
//! clif|asm`, `kiln build --emit=clif,asm`): its Cranelift IR as lowered, and its machine code
//! as Cranelift's VCode text for the chosen target, each followed by the table that names the
//! external functions and data (`u0:N`, `userextnameN`) it refers to.

use cranelift_codegen::ir::{Function, UserExternalName};
use cranelift_module::{DataId, FuncId, Module, ModuleDeclarations};
use std::fmt::Write;

/// Which listings to capture while a function is lowered, and what was captured.
#[derive(Default)]
pub struct Capture {
    pub want_clif: bool,
    pub want_asm: bool,
    pub clif: Option<String>,
    pub asm: Option<String>,
}

impl Capture {
    pub fn new(want_clif: bool, want_asm: bool) -> Capture {
        Capture {
            want_clif,
            want_asm,
            ..Capture::default()
        }
    }
}

/// The symbol an external name of `func` designates (namespace 0: functions, 1: data, as
/// `cranelift-module` numbers them).
fn symbol_of(decls: &ModuleDeclarations, name: &UserExternalName) -> String {
    match name.namespace {
        0 => decls
            .get_function_decl(FuncId::from_u32(name.index))
            .linkage_name(FuncId::from_u32(name.index))
            .into_owned(),
        1 => decls
            .get_data_decl(DataId::from_u32(name.index))
            .linkage_name(DataId::from_u32(name.index))
            .into_owned(),
        _ => format!("u{}:{}", name.namespace, name.index),
    }
}

/// The table of `func`'s external names, as comment lines: `; u0:3 = kiln_binary_op`.
pub fn name_table(module: &dyn Module, func: &Function) -> String {
    let decls = module.declarations();
    let mut out = String::new();
    for (r, name) in func.params.user_named_funcs().iter() {
        let _ = writeln!(
            out,
            "; u{}:{} (userextname{}) = {}",
            name.namespace,
            name.index,
            r.as_u32(),
            symbol_of(decls, name)
        );
    }
    out
}

/// `text` with each `userextnameN` of the VCode replaced by the symbol it names.
pub fn symbolize_vcode(module: &dyn Module, func: &Function, text: &str) -> String {
    let decls = module.declarations();
    let names: Vec<String> = func
        .params
        .user_named_funcs()
        .values()
        .map(|n| symbol_of(decls, n))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    const KEY: &str = "userextname";
    while let Some(i) = rest.find(KEY) {
        out.push_str(&rest[..i]);
        let after = &rest[i + KEY.len()..];
        let digits = after.chars().take_while(|c| c.is_ascii_digit()).count();
        match after[..digits]
            .parse::<usize>()
            .ok()
            .and_then(|n| names.get(n))
        {
            Some(sym) => out.push_str(sym),
            None => out.push_str(&rest[i..i + KEY.len() + digits]),
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}
