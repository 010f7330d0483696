//! The driver: runs the pipeline for `kiln build` — find the program's modules (`program`),
//! source to `.pyc` where given `.py`, then per module read, decode, lift and generate code (in
//! parallel, through the object cache `cache`), then link or archive (`emit`) — and reports each
//! stage's time with `verbose`.

pub mod cache;
pub mod emit;
pub mod program;
pub mod pylib;
pub mod stages;

use crate::bytecode;
use crate::codegen::listing::Capture;
use crate::codegen::module::{self, ModuleMeta};
use crate::codegen::{self, constants, ModuleCompiler, Target};
use crate::error::Error;
use crate::lift::{self, consts::ConstPool};
use crate::pyc::{self, Const};
pub use emit::Emit;
pub use program::Entry;
pub use stages::{Stage, StageDump};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;
use std::time::Instant;

pub struct BuildOptions {
    pub entry: Entry,
    /// More directories to find the program's modules in (`-I`).
    pub include: Vec<PathBuf>,
    /// The standard library's directory (`--stdlib`); `None`: ask `python` for its own.
    pub stdlib: Option<PathBuf>,
    /// The executable or static library.
    pub output: PathBuf,
    /// Where object files and stage dumps go.
    pub out_dir: PathBuf,
    pub emit: Vec<Emit>,
    pub python: String,
    pub target: Target,
    pub verbose: bool,
    pub static_link: bool,
    /// Modules compiled at once (`-j`).
    pub jobs: usize,
    /// Use the cache of compiled modules.
    pub cache: bool,
    /// A static library also holds kiln's runtime and the collector (not when the host links
    /// the `kiln-runtime` crate itself, as a Rust program must).
    pub bundle_runtime: bool,
    /// Instrument the program for `KILN_TRACE` (`--trace`).
    pub trace: bool,
    /// Debug information (`-g`).
    pub debug_info: bool,
}

impl BuildOptions {
    /// An executable from `entry` at `output`, with every other choice at its default.
    pub fn new(entry: Entry, output: PathBuf) -> BuildOptions {
        let out_dir = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        BuildOptions {
            entry,
            include: Vec::new(),
            stdlib: None,
            output,
            out_dir,
            emit: vec![Emit::Exe],
            python: "python3".into(),
            target: Target::host(),
            verbose: false,
            static_link: false,
            jobs: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            cache: true,
            bundle_runtime: true,
            trace: false,
            debug_info: false,
        }
    }
}

impl BuildOptions {
    /// How each module is compiled.
    pub fn compile_options(&self) -> CompileOptions {
        CompileOptions {
            trace: self.trace,
            debug_info: self.debug_info,
            ..CompileOptions::default()
        }
    }
}

/// The standard library directory of the interpreter `python` (its `Lib`), if it runs.
pub fn interpreter_stdlib(python: &str) -> Option<PathBuf> {
    let out = Command::new(python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()?;
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    (out.status.success() && dir.join("os.py").is_file()).then_some(dir)
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
    compile_sources(
        python,
        &[(
            source.to_path_buf(),
            pyc_out.to_path_buf(),
            source.to_path_buf(),
        )],
    )
}

/// Compiles each `(source, pyc, name)` with one run of the given interpreter (`name` is the
/// file name the code objects record). The first syntax
/// error is reported as `file:line: error: SyntaxError: ...`. String hashing is fixed
/// (`PYTHONHASHSEED=0`) so that set constants come out in the same order every time.
pub fn compile_sources(python: &str, pairs: &[(PathBuf, PathBuf, PathBuf)]) -> Result<(), Error> {
    const SCRIPT: &str = "\
import py_compile, sys
args = sys.argv[1:]
for src, dst, name in zip(args[0::3], args[1::3], args[2::3]):
    try:
        py_compile.compile(src, cfile=dst, dfile=name, doraise=True)
    except py_compile.PyCompileError as e:
        v = e.exc_value
        line = getattr(v, 'lineno', None)
        if line is not None:
            print(f'{src}:{line}: error: {e.exc_type_name}: {getattr(v, \"msg\", v)}', file=sys.stderr)
            sys.exit(3)
        print(src + ': ' + (e.msg.strip().splitlines()[-1] if e.msg.strip() else str(e)), file=sys.stderr)
        sys.exit(1)
";
    if pairs.is_empty() {
        return Ok(());
    }
    let mut cmd = Command::new(python);
    cmd.env("PYTHONHASHSEED", "0").arg("-c").arg(SCRIPT);
    for (src, dst, name) in pairs {
        cmd.arg(src).arg(dst).arg(name);
    }
    let out = cmd.output().map_err(|e| {
        Error::new(format!(
            "cannot run the Python interpreter `{python}` to compile {}: {e}",
            pairs[0].0.display()
        ))
    })?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        let last = msg
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        if out.status.code() == Some(3) {
            return Err(Error::located(last));
        }
        let names_a_source = pairs
            .iter()
            .any(|(src, _, _)| last.starts_with(&*src.to_string_lossy()));
        if out.status.code() == Some(1) && names_a_source {
            return Err(Error::new(last));
        }
        return Err(Error::new(format!("{}: {last}", pairs[0].0.display())));
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

/// How a module is compiled, beside its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// Cranelift's `speed` optimizations (else `none`).
    pub optimize: bool,
    /// Print the phases' times.
    pub verbose: bool,
    /// Instrument every bytecode instruction for `KILN_TRACE` (`kiln build --trace`).
    pub trace: bool,
    /// DWARF line tables and `.eh_frame` unwind information (`-g`).
    pub debug_info: bool,
}

impl Default for CompileOptions {
    fn default() -> CompileOptions {
        CompileOptions {
            optimize: true,
            verbose: false,
            trace: false,
            debug_info: false,
        }
    }
}

/// Compiles a module's code objects into an object file's bytes.
pub fn compile_module(
    code: &Rc<pyc::CodeObject>,
    meta: &ModuleMeta,
    target: &Target,
    verbose: bool,
    optimize: bool,
) -> Result<Vec<u8>, Error> {
    let opts = CompileOptions {
        optimize,
        verbose,
        ..CompileOptions::default()
    };
    Ok(compile_module_with(code, meta, target, &opts, None)?.0)
}

/// Compiles a module's code objects into an object file's bytes, recording the stages `dump`
/// asks for; also returns the code objects' qualified names (in their order in the module).
pub fn compile_module_with(
    code: &Rc<pyc::CodeObject>,
    meta: &ModuleMeta,
    target: &Target,
    opts: &CompileOptions,
    mut dump: Option<&mut StageDump>,
) -> Result<(Vec<u8>, Vec<String>), Error> {
    let verbose = opts.verbose;
    let version = code.version;
    let t = Instant::now();
    let mut pool = ConstPool::default();
    pool.register_codes(code);
    let root = pool.constant(&Const::Code(code.clone()));
    debug_assert_eq!(root, 0);
    let codes = pool.codes.clone();
    let shown: Vec<bool> = codes
        .iter()
        .map(|c| dump.as_ref().is_some_and(|d| d.selects(c)))
        .collect();
    let mut functions: Vec<crate::ir::Function> = Vec::with_capacity(codes.len());
    let mut decode_time = std::time::Duration::ZERO;
    for (i, c) in codes.iter().enumerate() {
        let td = Instant::now();
        let decoded =
            bytecode::decode(c).map_err(|e| Error::new(format!("{}: {e}", c.filename)))?;
        decode_time += td.elapsed();
        let f = lift::lift_with(c, &decoded, &mut pool, opts.trace)
            .map_err(|e| Error::new(format!("{}:{}", c.filename, e)))?;
        if let Some(d) = dump.as_deref_mut().filter(|_| shown[i]) {
            d.record(i, Stage::Bytecode, bytecode::format_listing(c, &decoded));
            let p = &pool;
            d.record(
                i,
                Stage::Ir,
                crate::ir::print::print_function(&f, &|k| p.describe(k)),
            );
        }
        functions.push(f);
    }
    if verbose {
        eprintln!(
            "kiln: {:<10} {:>8.2} ms  ({})",
            "decode",
            decode_time.as_secs_f64() * 1000.0,
            meta.name
        );
    }
    phase(verbose, "lift", t);
    let t = Instant::now();
    let mut mc = ModuleCompiler::new(target, &meta.name, opts.optimize).map_err(Error::new)?;
    if opts.debug_info {
        mc.debug = Some(codegen::debug_info::ModuleDebug::new(&code.filename));
    }
    mc.well_known = codegen::WellKnown {
        true_: pool.constant(&Const::Bool(true)),
        false_: pool.constant(&Const::Bool(false)),
        none: pool.constant(&Const::None),
    };
    for (i, f) in functions.iter_mut().enumerate() {
        crate::ir::peephole::fuse_compare_branch(f);
        crate::ir::peephole::fuse_slice_subscript(f, &mut || pool.cache_slots(1));
        if let Some(d) = dump.as_deref_mut().filter(|_| shown[i]) {
            let p = &pool;
            d.record(
                i,
                Stage::Opt,
                crate::ir::print::print_function(f, &|k| p.describe(k)),
            );
        }
    }
    let names: Vec<String> = codes.iter().map(|c| c.qualname.clone()).collect();
    mc.declare_bodies(&names).map_err(Error::new)?;
    for (i, f) in functions.iter().enumerate() {
        let id = mc.bodies[i];
        let mut capture = match dump.as_deref().filter(|_| shown[i]) {
            Some(d) => Capture::new(d.wants(Stage::Clif), d.wants(Stage::Asm)),
            None => Capture::default(),
        };
        codegen::function::lower(&mut mc, id, f, &mut capture).map_err(Error::new)?;
        if let Some(d) = dump.as_deref_mut() {
            if let Some(text) = capture.clif.take() {
                d.record(i, Stage::Clif, text);
            }
            if let Some(text) = capture.asm.take() {
                d.record(i, Stage::Asm, text);
            }
        }
    }
    let save_slots: Vec<u32> = functions.iter().map(|f| f.save_slots).collect();
    let blob = constants::serialize(&pool, version, &save_slots)
        .map_err(|e| Error::new(format!("{}: {e}", code.filename)))?;
    module::emit_descriptor(
        &mut mc,
        meta,
        blob,
        pool.entries.len(),
        pool.cache_slots as usize,
    )
    .map_err(Error::new)?;
    let bytes = mc.finish().map_err(Error::new)?;
    phase(verbose, "codegen", t);
    Ok((bytes, names))
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
    if !bytecode::is_supported(pyc.version) {
        return Err(Error::new(format!(
            "{}: CPython {} bytecode is not supported (kiln reads CPython 3.8 to 3.14 bytecode)",
            input.display(),
            pyc.version
        )));
    }
    Ok(pyc.code)
}

/// The runtime metadata of a program's module.
fn meta_of(u: &program::Unit) -> ModuleMeta {
    ModuleMeta {
        name: u.name.clone(),
        package: u.package.clone(),
        file: u.path.display().to_string(),
        is_package: u.is_package,
        source: (!u.internal).then(|| source_beside(&u.path)).flatten(),
    }
}

/// The source text of a module found at `path`: the file itself for a `.py`, the `.py` beside
/// it for a `.pyc` (`app.pyc` → `app.py`); `None` when there is none or it is not UTF-8.
fn source_beside(path: &Path) -> Option<String> {
    let py = match path.extension().and_then(|e| e.to_str()) {
        Some("py") => path.to_path_buf(),
        Some("pyc") => path.with_extension("py"),
        _ => return None,
    };
    std::fs::read_to_string(py).ok()
}

/// A one-line progress report on a terminal while many modules compile.
struct Progress {
    on: bool,
    total: usize,
}

impl Progress {
    fn new(total: usize) -> Progress {
        use std::io::IsTerminal;
        Progress {
            on: total > 1 && std::io::stderr().is_terminal(),
            total,
        }
    }
    fn step(&self, done: usize, name: &str) {
        if self.on {
            eprint!("\r\x1b[K[{done}/{}] {name}", self.total);
        }
    }
    fn end(&self) {
        if self.on {
            eprint!("\r\x1b[K");
        }
    }
}

/// Compiles every module (in parallel on `jobs` threads, through the cache); returns their
/// object files' bytes in `units` order and how many came from the cache.
fn compile_all(
    units: &[program::Unit],
    opts: &BuildOptions,
) -> Result<(Vec<Vec<u8>>, usize), Error> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let cache = if opts.cache {
        cache::Cache::open()
    } else {
        None
    };
    let work: Vec<(ModuleMeta, &[u8])> = units.iter().map(|u| (meta_of(u), &u.pyc[..])).collect();
    type Slot = Option<Result<Vec<u8>, Error>>;
    let results: Mutex<Vec<Slot>> = Mutex::new((0..units.len()).map(|_| None).collect());
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let hits = AtomicUsize::new(0);
    let progress = Progress::new(units.len());
    let jobs = opts.jobs.clamp(1, units.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= work.len() {
                    break;
                }
                let (meta, pyc_bytes) = &work[i];
                let key = cache::key(pyc_bytes, meta, &opts.target, &opts.compile_options());
                let r = match cache.as_ref().and_then(|c| c.get(&key)) {
                    Some(obj) => {
                        hits.fetch_add(1, Ordering::SeqCst);
                        Ok(obj)
                    }
                    None => pyc::read_pyc(pyc_bytes)
                        .map_err(|e| Error::new(format!("{}: {e}", meta.file)))
                        .and_then(|p| {
                            compile_module_with(
                                &p.code,
                                meta,
                                &opts.target,
                                &opts.compile_options(),
                                None,
                            )
                        })
                        .map(|(obj, _)| obj)
                        .inspect(|obj| {
                            if let Some(c) = &cache {
                                c.put(&key, obj);
                            }
                        }),
                };
                let n = done.fetch_add(1, Ordering::SeqCst) + 1;
                progress.step(n, &meta.name);
                results.lock().unwrap()[i] = Some(r);
            });
        }
    });
    progress.end();
    let mut objects = Vec::with_capacity(units.len());
    for r in results.into_inner().unwrap() {
        objects.push(r.unwrap_or_else(|| Err(Error::new("a module was not compiled")))?);
    }
    Ok((objects, hits.into_inner()))
}

/// `kiln build`: a program's executable (and whatever else `emit` asks for).
pub fn build(opts: &BuildOptions) -> Result<(), Error> {
    let total = Instant::now();
    let tmp = TempDir::new("build")?;
    let t = Instant::now();
    if let Entry::Script(p) = &opts.entry {
        if !p.exists() {
            return Err(Error::new(format!("{}: no such file", p.display())));
        }
        if p.is_dir() {
            return Err(Error::new(format!(
                "{}: is a directory, not a .py or .pyc file",
                p.display()
            )));
        }
    }
    let stdlib = match &opts.stdlib {
        Some(d) if !d.is_dir() => {
            return Err(Error::usage(format!(
                "--stdlib {}: not a directory",
                d.display()
            )))
        }
        Some(d) => Some(d.clone()),
        None => interpreter_stdlib(&opts.python),
    };
    let pylib = pylib::write(&tmp.0)?;
    let prog = program::discover(
        &opts.entry,
        &opts.include,
        program::Libraries {
            kiln: Some(pylib),
            stdlib,
        },
        &opts.python,
        &tmp,
    )?;
    for w in &prog.warnings {
        eprintln!("{w}");
    }
    phase(opts.verbose, "read", t);
    let t = Instant::now();
    let (objects, hits) = compile_all(&prog.units, opts)?;
    if opts.verbose {
        eprintln!(
            "kiln: {:<10} {:>8.2} ms  ({} modules: {} compiled, {hits} from the cache)",
            "compile",
            t.elapsed().as_secs_f64() * 1000.0,
            prog.units.len(),
            prog.units.len() - hits
        );
    }
    emit::write(&prog, &objects, opts, &tmp)?;
    phase(opts.verbose, "total", total);
    Ok(())
}

/// The dump of `stages` of every code object of a program's module, as `kiln build --emit`
/// writes it beside the objects.
pub fn stage_dump(
    u: &program::Unit,
    opts: &BuildOptions,
    stages: Vec<Stage>,
) -> Result<String, Error> {
    stages::dump_module(
        &u.code,
        &meta_of(u),
        &opts.target,
        &opts.compile_options(),
        stages,
        None,
    )
}
