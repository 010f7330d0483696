//! The data that describes a compiled module to the runtime (see `runtime/src/loader.rs`):
//! the constant table (filled at start-up), the constant blob, the function table and the
//! descriptor pointing at them; and the C `main` of an executable.

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

/// Emits the module's data; returns the descriptor, exported as `kiln_module_<name>`.
pub fn emit_descriptor(
    mc: &mut ModuleCompiler,
    module_name: &str,
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
    let name_id = define_bytes(
        mc,
        &format!("kiln_name_{p}"),
        module_name.as_bytes().to_vec(),
    )?;

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
        .declare_data(&format!("kiln_module_{p}"), Linkage::Export, true, false)
        .map_err(|e| e.to_string())?;
    let mut words = vec![0u8; 8 * 8];
    let put =
        |w: &mut Vec<u8>, i: usize, v: u64| w[i * 8..i * 8 + 8].copy_from_slice(&v.to_le_bytes());
    put(&mut words, 1, module_name.len() as u64);
    put(&mut words, 3, blob_len as u64);
    put(&mut words, 5, mc.bodies.len() as u64);
    put(&mut words, 7, nconsts as u64);
    let mut dd = DataDescription::new();
    dd.define(words.into_boxed_slice());
    dd.set_align(8);
    let g_name = mc.module.declare_data_in_data(name_id, &mut dd);
    let g_blob = mc.module.declare_data_in_data(blob_id, &mut dd);
    let g_table = mc.module.declare_data_in_data(table_id, &mut dd);
    let g_consts = mc.module.declare_data_in_data(mc.consts_data, &mut dd);
    dd.write_data_addr(0, g_name, 0);
    dd.write_data_addr(16, g_blob, 0);
    dd.write_data_addr(32, g_table, 0);
    dd.write_data_addr(48, g_consts, 0);
    mc.module
        .define_data(desc_id, &dd)
        .map_err(|e| e.to_string())?;
    Ok(desc_id)
}

/// Emits `int main(int argc, char **argv)` calling `kiln_main` with the module table, whose
/// first entry is `__main__`. `modules` are the descriptors' symbols.
pub fn emit_main(mc: &mut ModuleCompiler, modules: &[String]) -> Result<(), String> {
    let table = mc
        .module
        .declare_data("kiln_module_table", Linkage::Local, true, false)
        .map_err(|e| e.to_string())?;
    let mut t = DataDescription::new();
    t.define(vec![0u8; modules.len() * 8].into_boxed_slice());
    t.set_align(8);
    for (i, m) in modules.iter().enumerate() {
        let id = mc
            .module
            .declare_data(m, Linkage::Import, true, false)
            .map_err(|e| e.to_string())?;
        let gv = mc.module.declare_data_in_data(id, &mut t);
        t.write_data_addr((i * 8) as u32, gv, 0);
    }
    mc.module
        .define_data(table, &t)
        .map_err(|e| e.to_string())?;

    let mut sig = mc.module.make_signature();
    sig.params.push(AbiParam::new(types::I32));
    sig.params.push(AbiParam::new(types::I64));
    sig.returns.push(AbiParam::new(types::I32));
    let main = mc
        .module
        .declare_function("main", Linkage::Export, &sig)
        .map_err(|e| e.to_string())?;
    let mut ksig = mc.module.make_signature();
    ksig.params.push(AbiParam::new(types::I32));
    ksig.params.push(AbiParam::new(types::I64));
    ksig.params.push(AbiParam::new(types::I64));
    ksig.params.push(AbiParam::new(types::I64));
    ksig.returns.push(AbiParam::new(types::I32));
    let kmain = mc
        .module
        .declare_function("kiln_main", Linkage::Import, &ksig)
        .map_err(|e| e.to_string())?;

    let mut ctx = mc.module.make_context();
    ctx.func.signature = sig;
    let mut fbc = FunctionBuilderContext::new();
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fbc);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        b.seal_block(entry);
        let (argc, argv) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        let gv = mc.module.declare_data_in_func(table, b.func);
        let tp = b.ins().symbol_value(types::I64, gv);
        let n = b.ins().iconst(types::I64, modules.len() as i64);
        let f = mc.module.declare_func_in_func(kmain, b.func);
        let call = b.ins().call(f, &[argc, argv, tp, n]);
        let r = b.inst_results(call)[0];
        b.ins().return_(&[r]);
        b.finalize(mc.module.target_config());
    }
    mc.module
        .define_function(main, &mut ctx)
        .map_err(|e| format!("main: {e:?}"))?;
    Ok(())
}
