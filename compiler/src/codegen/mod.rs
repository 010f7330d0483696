//! Code generation: kiln IR to a native object file through Cranelift.
//!
//! One [`ModuleCompiler`] makes one object file for one Python module: a body function per code
//! object (`function`), the module's constant blob (`constants`), and the data the runtime finds
//! the module by (`module`): its descriptor, constant table and function table. A program's
//! entry object (`module::entry_object`) lists the modules and carries the C `main` (or, for a
//! static library, `kiln_main`) that starts the runtime.

pub mod constants;
pub mod debug_info;
pub mod function;
pub mod inline;
pub mod listing;
pub mod module;
pub mod target;

use crate::ir::RtFn;
use cranelift_codegen::ir::{types, AbiParam, Signature, Type};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_module::{DataId, FuncId, Linkage, Module};
use cranelift_object::{ObjectBuilder, ObjectModule};
use std::collections::HashMap;
pub use target::Target;

pub struct ModuleCompiler {
    pub module: ObjectModule,
    /// Symbol prefix unique to this Python module.
    pub prefix: String,
    pub consts_data: DataId,
    /// The module's inline-cache slots (zeroed writable data, `CACHE_SLOT_SIZE` bytes each).
    pub caches_data: DataId,
    runtime: HashMap<RtFn, FuncId>,
    helpers: HashMap<&'static str, FuncId>,
    pub bodies: Vec<FuncId>,
    /// Constant-table entries the inline fast paths use.
    pub well_known: WellKnown,
    runtime_statics: HashMap<&'static str, DataId>,
    /// The Python module's name, for the functions' symbols.
    module_name: String,
    /// Debug information being gathered (`-g`), written into the object by `finish`.
    pub debug: Option<debug_info::ModuleDebug>,
}

/// Constant-table indices of values compiled code compares against.
#[derive(Clone, Copy, Default)]
pub struct WellKnown {
    pub true_: u32,
    pub false_: u32,
    pub none: u32,
}

/// An empty object file for `target`, named `name`.
pub fn object_module(target: &Target, name: &str, opt: bool) -> Result<ObjectModule, String> {
    let mut flags = settings::builder();
    let set = |f: &mut settings::Builder, k: &str, v: &str| {
        f.set(k, v)
            .map_err(|e| format!("cranelift setting {k}: {e}"))
    };
    set(&mut flags, "opt_level", if opt { "speed" } else { "none" })?;
    set(&mut flags, "is_pic", "true")?;
    set(&mut flags, "preserve_frame_pointers", "true")?;
    set(
        &mut flags,
        "enable_verifier",
        if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        },
    )?;
    let isa = cranelift_codegen::isa::lookup_by_name(target.cranelift_triple())
        .map_err(|e| format!("target {}: {e}", target.triple))?
        .finish(settings::Flags::new(flags))
        .map_err(|e| format!("target {}: {e}", target.triple))?;
    let builder = ObjectBuilder::new(
        isa,
        name.as_bytes().to_vec(),
        cranelift_module::default_libcall_names(),
    )
    .map_err(|e| format!("object writer: {e}"))?;
    Ok(ObjectModule::new(builder))
}

/// Turns a dotted module name into a symbol-safe string, one-to-one, so that the modules of
/// one program never share a symbol: `_` is doubled, `.` becomes `_o`, any other character
/// `_xHH..`.
pub fn mangle_module(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            c if c.is_ascii_alphanumeric() => s.push(c),
            '_' => s.push_str("__"),
            '.' => s.push_str("_o"),
            c => s.push_str(&format!("_x{:x}_", c as u32)),
        }
    }
    s
}

impl ModuleCompiler {
    pub fn new(target: &Target, module_name: &str, opt: bool) -> Result<ModuleCompiler, String> {
        let mut module = object_module(target, module_name, opt)?;
        let prefix = mangle_module(module_name);
        let consts_data = module
            .declare_data(
                &format!("kiln_consts_{prefix}"),
                Linkage::Local,
                true,
                false,
            )
            .map_err(|e| e.to_string())?;
        let caches_data = module
            .declare_data(
                &format!("kiln_caches_{prefix}"),
                Linkage::Local,
                true,
                false,
            )
            .map_err(|e| e.to_string())?;
        Ok(ModuleCompiler {
            module,
            prefix,
            consts_data,
            caches_data,
            runtime: HashMap::new(),
            helpers: HashMap::new(),
            bodies: Vec::new(),
            well_known: WellKnown::default(),
            runtime_statics: HashMap::new(),
            module_name: module_name.to_string(),
            debug: None,
        })
    }

    /// The signature of every compiled body: frame pointer → value.
    pub fn body_signature(&self) -> Signature {
        let mut sig = self.module.make_signature();
        sig.params.push(AbiParam::new(types::I64));
        sig.returns.push(AbiParam::new(types::I64));
        sig
    }

    /// Declares the bodies of `n` code objects (ids 0..n), each named by its module and
    /// qualified name (`app.Point.norm`, what `perf` and `gdb` show), with `#i` after a name
    /// another code object of the module already has.
    pub fn declare_bodies(&mut self, names: &[String]) -> Result<(), String> {
        let sig = self.body_signature();
        let mut seen = std::collections::HashSet::new();
        for (i, n) in names.iter().enumerate() {
            let base = format!("{}.{}", self.module_name, n);
            let mut sym = base.clone();
            let mut k = i;
            while !seen.insert(sym.clone()) {
                sym = format!("{base}#{k}");
                k += 1;
            }
            let id = self
                .module
                .declare_function(&sym, Linkage::Local, &sig)
                .map_err(|e| e.to_string())?;
            self.bodies.push(id);
        }
        Ok(())
    }

    pub fn runtime_fn(&mut self, f: RtFn) -> FuncId {
        if let Some(id) = self.runtime.get(&f) {
            return *id;
        }
        let sig = function::rt_signature(&self.module, f);
        let id = self
            .module
            .declare_function(f.symbol(), Linkage::Import, &sig)
            .expect("runtime import");
        self.runtime.insert(f, id);
        id
    }

    /// An imported runtime helper that is not an IR operation (traceback, unbound names).
    pub fn helper(&mut self, name: &'static str, params: &[Type], ret: Option<Type>) -> FuncId {
        if let Some(id) = self.helpers.get(name) {
            return *id;
        }
        let mut sig = self.module.make_signature();
        for p in params {
            sig.params.push(AbiParam::new(*p));
        }
        if let Some(r) = ret {
            sig.returns.push(AbiParam::new(r));
        }
        let id = self
            .module
            .declare_function(name, Linkage::Import, &sig)
            .expect("runtime import");
        self.helpers.insert(name, id);
        id
    }

    /// A static the runtime exports (`kiln_range_iter_type`, ...), imported once.
    pub fn runtime_static(&mut self, name: &'static str) -> DataId {
        if let Some(id) = self.runtime_statics.get(name) {
            return *id;
        }
        let id = self
            .module
            .declare_data(name, Linkage::Import, false, false)
            .expect("import");
        self.runtime_statics.insert(name, id);
        id
    }

    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let debug = self.debug.take();
        let cie = debug
            .as_ref()
            .and_then(|_| self.module.isa().create_systemv_cie());
        let mut product = self.module.finish();
        if let Some(d) = debug {
            d.write(&mut product, cie)?;
        }
        product
            .emit()
            .map_err(|e| format!("writing the object file: {e}"))
    }
}

/// The sizes that tie codegen to the runtime's layout.
pub const WORD: usize = 8;
/// Bytes of one inline-cache slot (`runtime/src/cache.rs`).
pub const CACHE_SLOT_SIZE: usize = 32;
