//! The driver: runs the pipeline for `kiln build` — source to `.pyc` (when given a `.py`),
//! read, decode, lift, generate code, link — and reports each stage's time with `verbose`.

use crate::bytecode;
use crate::codegen::{self, constants, module, ModuleCompiler, Target};
use crate::error::Error;
use crate::lift::{self, consts::ConstPool};
use crate::pyc::{self, Const};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;
use std::time::Instant;

pub struct BuildOptions {
    pub input: PathBuf,
    pub output: PathBuf,
    pub python: String,
    pub target: Target,
    pub verbose: bool,
    pub static_link: bool,
}

/// A private temporary directory, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Result<TempDir, Error> {
        let base = std::env::temp_dir();
        for i in 0..1000u32 {
            let p = base.join(format!("kiln-{tag}-{}-{}", std::process::id(), i));
            if std::fs::create_dir(&p).is_ok() {
                return Ok(TempDir(p));
            }
        }
        Err(Error::new("cannot create a temporary directory"))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Compiles a `.py` to a `.pyc` with the given interpreter.
pub fn compile_source(python: &str, source: &Path, pyc_out: &Path) -> Result<(), Error> {
    let out = Command::new(python)
        .arg("-c")
        .arg("import py_compile, sys\ntry:\n    py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)\nexcept py_compile.PyCompileError as e:\n    print(e.msg.strip().splitlines()[-1] if e.msg.strip() else e, file=sys.stderr)\n    sys.exit(1)")
        .arg(source)
        .arg(pyc_out)
        .output()
        .map_err(|e| Error::new(format!("cannot run the Python interpreter `{python}` to compile {}: {e}", source.display())))?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        let last = msg
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        return Err(Error::new(format!("{}: {last}", source.display())));
    }
    Ok(())
}

fn phase(verbose: bool, name: &str, t: Instant) {
    if verbose {
        eprintln!(
            "kiln: {name:<10} {:>8.2} ms",
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// Compiles a module's code objects into an object file's bytes.
pub fn compile_module(
    code: &Rc<pyc::CodeObject>,
    module_name: &str,
    target: &Target,
    with_main: bool,
    verbose: bool,
    optimize: bool,
) -> Result<Vec<u8>, Error> {
    let version = code.version;
    let t = Instant::now();
    let mut pool = ConstPool::default();
    pool.register_codes(code);
    let root = pool.constant(&Const::Code(code.clone()));
    debug_assert_eq!(root, 0);
    let codes = pool.codes.clone();
    let mut functions: Vec<crate::ir::Function> = Vec::with_capacity(codes.len());
    let mut decode_time = std::time::Duration::ZERO;
    for c in &codes {
        let td = Instant::now();
        let decoded =
            bytecode::decode(c).map_err(|e| Error::new(format!("{}: {e}", c.filename)))?;
        decode_time += td.elapsed();
        let f = lift::lift(c, &decoded, &mut pool)
            .map_err(|e| Error::new(format!("{}:{}", c.filename, e)))?;
        functions.push(f);
    }
    if verbose {
        eprintln!(
            "kiln: {:<10} {:>8.2} ms",
            "decode",
            decode_time.as_secs_f64() * 1000.0
        );
    }
    phase(verbose, "lift", t);
    let t = Instant::now();
    let mut mc = ModuleCompiler::new(target, module_name, optimize).map_err(Error::new)?;
    mc.well_known = codegen::WellKnown {
        true_: pool.constant(&Const::Bool(true)),
        false_: pool.constant(&Const::Bool(false)),
        none: pool.constant(&Const::None),
    };
    for f in functions.iter_mut() {
        crate::ir::peephole::fuse_compare_branch(f);
    }
    let names: Vec<String> = codes.iter().map(|c| c.qualname.clone()).collect();
    mc.declare_bodies(&names).map_err(Error::new)?;
    for (i, f) in functions.iter().enumerate() {
        let id = mc.bodies[i];
        codegen::function::lower(&mut mc, id, f).map_err(Error::new)?;
    }
    let save_slots: Vec<u32> = functions.iter().map(|f| f.save_slots).collect();
    let blob = constants::serialize(&pool, version, &save_slots)
        .map_err(|e| Error::new(format!("{}: {e}", code.filename)))?;
    module::emit_descriptor(
        &mut mc,
        module_name,
        blob,
        pool.entries.len(),
        pool.cache_slots as usize,
    )
    .map_err(Error::new)?;
    if with_main {
        let sym = format!("kiln_module_{}", mc.prefix);
        module::emit_main(&mut mc, &[sym]).map_err(Error::new)?;
    }
    let bytes = mc.finish().map_err(Error::new)?;
    phase(verbose, "codegen", t);
    Ok(bytes)
}

/// Reads a `.pyc` (or compiles a `.py` first) into its code object.
pub fn load_input(input: &Path, python: &str, tmp: &TempDir) -> Result<Rc<pyc::CodeObject>, Error> {
    if !input.exists() {
        return Err(Error::new(format!("{}: no such file", input.display())));
    }
    if input.is_dir() {
        return Err(Error::new(format!(
            "{}: is a directory, not a .py or .pyc file",
            input.display()
        )));
    }
    let pyc_path = if input.extension().and_then(|e| e.to_str()) == Some("py") {
        let p = tmp.0.join("input.pyc");
        compile_source(python, input, &p)?;
        p
    } else {
        input.to_path_buf()
    };
    let bytes =
        std::fs::read(&pyc_path).map_err(|e| Error::new(format!("{}: {e}", pyc_path.display())))?;
    let pyc = pyc::read_pyc(&bytes).map_err(|e| Error::new(format!("{}: {e}", input.display())))?;
    if !bytecode::spec_for(pyc.version)
        .map(|s| s.supported)
        .unwrap_or(false)
    {
        return Err(Error::new(format!(
            "{}: CPython {} bytecode is not supported (kiln reads CPython 3.8 to 3.14 bytecode)",
            input.display(),
            pyc.version
        )));
    }
    Ok(pyc.code)
}

/// `kiln build`: an executable from one program.
pub fn build(opts: &BuildOptions) -> Result<(), Error> {
    let total = Instant::now();
    let tmp = TempDir::new("build")?;
    let t = Instant::now();
    let code = load_input(&opts.input, &opts.python, &tmp)?;
    phase(opts.verbose, "read", t);
    let obj = compile_module(&code, "__main__", &opts.target, true, opts.verbose, true)?;
    let obj_path = tmp.0.join("main.o");
    std::fs::write(&obj_path, obj)
        .map_err(|e| Error::new(format!("{}: {e}", obj_path.display())))?;
    let t = Instant::now();
    crate::link::link(&opts.target, &[obj_path], &opts.output, opts.static_link)?;
    phase(opts.verbose, "link", t);
    phase(opts.verbose, "total", total);
    Ok(())
}
