//! The data that describes a compiled module to the runtime (see `runtime/src/loader.rs`):
//! the constant table (filled at start-up), the constant blob, the function table and the
//! descriptor pointing at them; and a program's entry object: the table of its modules and the
//! C entry point (`main` of an executable, `kiln_main` of a static library).

use super::ModuleCompiler;
use cranelift_codegen::ir::{types, AbiParam, InstBuilder};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, Linkage, Module};

fn define_bytes(mc: &mut ModuleCompiler, name: &str, bytes: Vec<u8>) -> Result<DataId, String> {
    let id = mc
        .module
        .declare_data(name, Linkage::Local, false, false)
        .map_err(|e| e.to_string())?;
    let mut d = DataDescription::new();
    d.define(bytes.into_boxed_slice());
    mc.module.define_data(id, &d).map_err(|e| e.to_string())?;
    Ok(id)
}

/// What the runtime is told of a module beside its code (`runtime/src/loader.rs`).
pub struct ModuleMeta {
    /// The import name; `__main__` for the entry.
    pub name: String,
    /// `__package__`; `None` for a script.
    pub package: Option<String>,
    /// `__file__`.
    pub file: String,
    pub is_package: bool,
    /// The module's source text, when it was found beside the bytecode at build time: its
    /// tracebacks show the lines, as CPython's do.
    pub source: Option<String>,
}

impl ModuleMeta {
    /// A script run as `__main__`.
    pub fn main(file: &str) -> ModuleMeta {
        ModuleMeta {
            name: "__main__".into(),
            package: None,
            file: file.into(),
            is_package: false,
            source: None,
        }
    }
}

/// The exported symbol of a module's descriptor.
pub fn descriptor_symbol(module_name: &str) -> String {
    format!("kiln_module_{}", super::mangle_module(module_name))
}

/// Flags of the descriptor (keep in step with `runtime/src/loader.rs`).
const IS_PACKAGE: u64 = 1;
const HAS_PACKAGE: u64 = 2;

/// Emits the module's data; returns the descriptor, exported as [`descriptor_symbol`].
pub fn emit_descriptor(
    mc: &mut ModuleCompiler,
    meta: &ModuleMeta,
    blob: Vec<u8>,
    nconsts: usize,
    cache_slots: usize,
) -> Result<DataId, String> {
    let p = mc.prefix.clone();
    let mut c = DataDescription::new();
    c.define_zeroinit(cache_slots.max(1) * super::CACHE_SLOT_SIZE);
    c.set_align(8);
    mc.module
        .define_data(mc.caches_data, &c)
        .map_err(|e| e.to_string())?;
    // The constant table: zeroed, written once at start-up.
    let mut d = DataDescription::new();
    d.define_zeroinit(nconsts.max(1) * 8);
    d.set_align(8);
    mc.module
        .define_data(mc.consts_data, &d)
        .map_err(|e| e.to_string())?;

    let blob_len = blob.len();
    let blob_id = define_bytes(mc, &format!("kiln_blob_{p}"), blob)?;
    let module_name = meta.name.as_str();
    let name_id = define_bytes(
        mc,
        &format!("kiln_name_{p}"),
        module_name.as_bytes().to_vec(),
    )?;
    let package = meta.package.clone().unwrap_or_default();
    let package_id = define_bytes(
        mc,
        &format!("kiln_package_{p}"),
        package.as_bytes().to_vec(),
    )?;
    let file_id = define_bytes(mc, &format!("kiln_file_{p}"), meta.file.as_bytes().to_vec())?;

    let table_id = mc
        .module
        .declare_data(&format!("kiln_functions_{p}"), Linkage::Local, true, false)
        .map_err(|e| e.to_string())?;
    let mut t = DataDescription::new();
    // Real bytes, not zero-init: relocations cannot patch .bss.
    t.define(vec![0u8; mc.bodies.len().max(1) * 8].into_boxed_slice());
    t.set_align(8);
    for (i, f) in mc.bodies.clone().iter().enumerate() {
        let fref = mc.module.declare_func_in_data(*f, &mut t);
        t.write_function_addr((i * 8) as u32, fref);
    }
    mc.module
        .define_data(table_id, &t)
        .map_err(|e| e.to_string())?;

    let desc_id = mc
        .module
        .declare_data(
            &descriptor_symbol(module_name),
            Linkage::Export,
            true,
            false,
        )
        .map_err(|e| e.to_string())?;
    let source = meta.source.clone().unwrap_or_default();
    let source_id = define_bytes(mc, &format!("kiln_source_{p}"), source.as_bytes().to_vec())?;
    let mut words = vec![0u8; 15 * 8];
    let put =
        |w: &mut Vec<u8>, i: usize, v: u64| w[i * 8..i * 8 + 8].copy_from_slice(&v.to_le_bytes());
    put(&mut words, 1, module_name.len() as u64);
    put(&mut words, 3, blob_len as u64);
    put(&mut words, 5, mc.bodies.len() as u64);
    put(&mut words, 7, nconsts as u64);
    put(&mut words, 9, package.len() as u64);
    put(&mut words, 11, meta.file.len() as u64);
    let flags = if meta.is_package { IS_PACKAGE } else { 0 }
        | if meta.package.is_some() {
            HAS_PACKAGE
        } else {
            0
        };
    put(&mut words, 12, flags);
    put(&mut words, 14, source.len() as u64);
    let mut dd = DataDescription::new();
    dd.define(words.into_boxed_slice());
    dd.set_align(8);
    let g_name = mc.module.declare_data_in_data(name_id, &mut dd);
    let g_blob = mc.module.declare_data_in_data(blob_id, &mut dd);
    let g_table = mc.module.declare_data_in_data(table_id, &mut dd);
    let g_consts = mc.module.declare_data_in_data(mc.consts_data, &mut dd);
    let g_package = mc.module.declare_data_in_data(package_id, &mut dd);
    let g_file = mc.module.declare_data_in_data(file_id, &mut dd);
    let g_source = mc.module.declare_data_in_data(source_id, &mut dd);
    dd.write_data_addr(0, g_name, 0);
    dd.write_data_addr(16, g_blob, 0);
    dd.write_data_addr(32, g_table, 0);
    dd.write_data_addr(48, g_consts, 0);
    dd.write_data_addr(64, g_package, 0);
    dd.write_data_addr(80, g_file, 0);
    dd.write_data_addr(104, g_source, 0);
    mc.module
        .define_data(desc_id, &dd)
        .map_err(|e| e.to_string())?;
    Ok(desc_id)
}

/// The C entry point of a program.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum EntryKind {
    /// `int main(int argc, char **argv)`: runs the program and exits the process.
    Executable,
    /// `int kiln_main(int argc, char **argv)`: runs the program and returns its exit status.
    Library,
}

/// The entry object of a program: the table of its modules (`modules[0]` is `__main__`; the
/// descriptors' symbols) and the C entry point calling the runtime with it.
pub fn entry_object(
    target: &super::Target,
    modules: &[String],
    kind: EntryKind,
) -> Result<Vec<u8>, String> {
    let mut module = super::object_module(target, "kiln_entry", true)?;
    let table = module
        .declare_data("kiln_module_table", Linkage::Local, true, false)
        .map_err(|e| e.to_string())?;
    let mut t = DataDescription::new();
    t.define(vec![0u8; modules.len() * 8].into_boxed_slice());
    t.set_align(8);
    for (i, m) in modules.iter().enumerate() {
        let id = module
            .declare_data(m, Linkage::Import, true, false)
            .map_err(|e| e.to_string())?;
        let gv = module.declare_data_in_data(id, &mut t);
        t.write_data_addr((i * 8) as u32, gv, 0);
    }
    module.define_data(table, &t).map_err(|e| e.to_string())?;

    let mut sig = module.make_signature();
    sig.params.push(AbiParam::new(types::I32));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    let (name, runtime_entry) = match kind {
        EntryKind::Executable => ("main", "kiln_start"),
        EntryKind::Library => ("kiln_main", "kiln_start_embedded"),
    };
    let main = module
        .declare_function(name, Linkage::Export, &sig)
        .map_err(|e| e.to_string())?;
    let mut ksig = module.make_signature();
    ksig.params.push(AbiParam::new(types::I32));
    ksig.params.push(AbiParam::new(types::I64));
    ksig.params.push(AbiParam::new(types::I64));
    ksig.params.push(AbiParam::new(types::I64));
    ksig.returns.push(AbiParam::new(types::I32));
    let kmain = module
        .declare_function(runtime_entry, Linkage::Import, &ksig)
        .map_err(|e| e.to_string())?;

    let mut ctx = module.make_context();
    ctx.func.signature = sig;
    let mut fbc = FunctionBuilderContext::new();
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fbc);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        b.seal_block(entry);
        let (argc, argv) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        let gv = module.declare_data_in_func(table, b.func);
        let tp = b.ins().symbol_value(types::I64, gv);
        let n = b.ins().iconst(types::I64, modules.len() as i64);
        let f = module.declare_func_in_func(kmain, b.func);
        let call = b.ins().call(f, &[argc, argv, tp, n]);
        let r = b.inst_results(call)[0];
        b.ins().return_(&[r]);
        b.finalize(module.target_config());
    }
    module
        .define_function(main, &mut ctx)
        .map_err(|e| format!("{name}: {e:?}"))?;
    module
        .finish()
        .emit()
        .map_err(|e| format!("writing the object file: {e}"))
}
