//! `kiln`: the command line. Parses arguments by hand (no dependencies), runs the compiler's
//! driver, and turns errors into one `kiln: error: ...` line with exit status 1 (2 for usage).

mod bench;

use kiln_compiler::codegen::module::ModuleMeta;
use kiln_compiler::codegen::{target, Target};
use kiln_compiler::driver::{self, BuildOptions, Emit, Entry, Stage, TempDir};
use kiln_compiler::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
kiln: compile CPython bytecode (.pyc) into native executables

Usage:
  kiln build INPUT [-o OUTPUT] [options]   compile a program: INPUT (.py or .pyc) and every module
                                           it imports (`kiln help build` for every option)
  kiln build -m PACKAGE.MODULE [options]   the same for a module run as `python -m` runs it
  kiln run INPUT [options] [-- ARGS...]    build into a temporary place and run with ARGS
  kiln dis INPUT [--stage STAGE]... [--function NAME] [--target T]
                                           show a module's compilation stages, each code object
                                           in turn: bytecode (the default; decoded instructions
                                           with offsets, lines, jump targets), ir (as lifted),
                                           opt (as code generation receives it), clif
                                           (Cranelift IR), asm (machine code for --target);
                                           several --stage (or --stage ir,asm) at once;
                                           --function limits it to one code object;
                                           --trace shows the code `build --trace` compiles
  kiln bench [PROGRAMS...] [options]       check and time kiln against python3 on bench/*.py
                                           (`kiln help bench` for its options)
  kiln targets                             list the targets kiln knows and whether they are ready
  kiln link-args [--target T] [--static]   print the linker driver and what it needs after the
                                           objects of `--emit=obj` (runtime, collector, system
                                           libraries), one per line
  kiln help [COMMAND]                      show this help, or a command's (build, run, bench)
  kiln --version                           print kiln's version

Exit status: 0 on success, 1 when the input has errors (reported as `file:line: error: ...`
where the place is known, else `kiln: error: ...`), 2 for a wrong command line.
";

const BUILD_HELP: &str = "\
kiln build: compile a Python program into a native executable

Usage:
  kiln build INPUT [options]               INPUT is the main module, a .py or a .pyc file
  kiln build -m PACKAGE.MODULE [options]   the main module is found as `python -m` finds it
  kiln run INPUT|-m MODULE [options] [-- ARGS...]
                                           build into a temporary place and run with ARGS

kiln follows every `import` and `from ... import` of the program to its own modules and
packages, found beside the main module (the current directory for -m) and in each -I
directory, as .py (compiled with --python) or .pyc, then in the standard library of --python
(or --stdlib), and compiles them all in. An import of the program that cannot be found is
reported as a warning naming its line; reaching it at run time raises ModuleNotFoundError.
The runtime provides some modules itself (`sys`, `builtins`, and the native modules CPython
writes in C).

Options:
  -o, --output PATH     the executable, or with --emit=staticlib the archive (default:
                        INPUT's stem, or the module's last name, in the current directory)
  -m MODULE             build the module MODULE (dotted) as __main__, like `python -m`
  -I DIR                also look for the program's modules in DIR (may be repeated)
  --stdlib DIR          the standard library to compile imported pure-Python modules from
                        (default: the --python interpreter's own, e.g. .../lib/python3.11)
  --emit KIND[,KIND]    what to write (default exe):
                          exe        the executable at OUTPUT
                          obj        one object file per module, MODULE.o, and kiln_entry.o
                                     (the C main), in --out-dir, for linking by another tool
                                     (`kiln link-args` prints the linker and its libraries)
                          staticlib  the archive OUTPUT (objects, runtime and collector) and a
                                     C header beside it (OUTPUT with .h) declaring
                                     `int kiln_main(int argc, char **argv)`
                          dep-info   OUTPUT.d, a Makefile rule listing every source of OUTPUT
                          ir         MODULE.ir, the lifted IR of each module, in --out-dir
                          opt        MODULE.opt, the IR as code generation receives it
                          clif       MODULE.clif, the Cranelift IR of each function
                          asm        MODULE.asm, the machine code for --target (Cranelift's
                                     listing); all four as `kiln dis --stage` shows them
  --external-runtime    with staticlib: leave kiln's runtime and the collector out of the
                        archive, for a host that links the kiln-runtime crate itself (a Rust
                        program: two copies of Rust's standard library do not link together)
  --out-dir DIR         where obj and stage files go (default: OUTPUT's directory)
  --python PATH         the interpreter that compiles .py files (default: python3)
  --target TRIPLE       x86_64-unknown-linux-gnu (the host, default) or aarch64-unknown-linux-gnu
  --static              link a fully static executable
  -g, --debug-info      DWARF line tables and .eh_frame unwind information for the compiled
                        code (PC-relative, no text relocations): `gdb -ex 'break app.py:12'`
                        stops at a Python line, `bt` and `perf report` show each Python
                        function as MODULE.QUALNAME (its symbol's name with or without -g)
  --trace               instrument every bytecode instruction: run with KILN_TRACE=1 and the
                        executable prints to stderr, as each instruction runs, its line,
                        offset, the values it consumed, its argument and the values it produced
                        (`L. 2 @ 4: BINARY_OP (2, 3) ** -> 8`, values by repr); KILN_TRACE=2
                        also prints the value stack after it. Without --trace nothing is added
  -j, --jobs N          compile N modules at once (default: the number of cores)
  --no-cache            do not use the cache of compiled modules ($KILN_CACHE_DIR, else
                        $XDG_CACHE_HOME/kiln, else ~/.cache/kiln), keyed by each module's
                        bytecode, name, target and kiln's build
  -v, --verbose         print the phases and their times, and how many modules were compiled

The same inputs and flags give byte-identical outputs, whatever the directory or the time.
";

struct Args {
    command: String,
    input: Option<PathBuf>,
    module: Option<String>,
    include: Vec<PathBuf>,
    stdlib: Option<PathBuf>,
    emit: Option<Vec<Emit>>,
    out_dir: Option<PathBuf>,
    jobs: Option<usize>,
    cache: bool,
    bundle_runtime: bool,
    output: Option<PathBuf>,
    python: String,
    target: Target,
    verbose: bool,
    static_link: bool,
    trace: bool,
    debug_info: bool,
    stages: Vec<String>,
    function: Option<String>,
    run_args: Vec<String>,
}

fn parse(argv: Vec<String>) -> Result<Args, Error> {
    let mut it = argv.into_iter().skip(1);
    let command = it
        .next()
        .ok_or_else(|| Error::usage("no command given (try `kiln help`)"))?;
    let mut a = Args {
        command,
        input: None,
        module: None,
        include: Vec::new(),
        stdlib: None,
        emit: None,
        out_dir: None,
        jobs: None,
        cache: true,
        bundle_runtime: true,
        output: None,
        python: "python3".into(),
        target: Target::host(),
        verbose: false,
        static_link: false,
        trace: false,
        debug_info: false,
        stages: Vec::new(),
        function: None,
        run_args: Vec::new(),
    };
    let value = |it: &mut dyn Iterator<Item = String>, flag: &str| {
        it.next()
            .ok_or_else(|| Error::usage(format!("{flag} needs a value")))
    };
    while let Some(arg) = it.next() {
        // `-IDIR` and `-jN` as C compilers take them.
        if let Some(dir) = arg.strip_prefix("-I").filter(|d| !d.is_empty()) {
            a.include.push(PathBuf::from(dir));
            continue;
        }
        if let Some(n) = arg.strip_prefix("-j").filter(|n| !n.is_empty()) {
            a.jobs = Some(parse_jobs(n)?);
            continue;
        }
        if let Some(kinds) = arg.strip_prefix("--emit=") {
            a.emit = Some(Emit::parse_list(kinds).map_err(Error::usage)?);
            continue;
        }
        match arg.as_str() {
            "-o" | "--output" => a.output = Some(PathBuf::from(value(&mut it, &arg)?)),
            "-m" => a.module = Some(value(&mut it, &arg)?),
            "-I" => a.include.push(PathBuf::from(value(&mut it, &arg)?)),
            "--emit" => {
                a.emit = Some(Emit::parse_list(&value(&mut it, &arg)?).map_err(Error::usage)?)
            }
            "--stdlib" => a.stdlib = Some(PathBuf::from(value(&mut it, &arg)?)),
            "--out-dir" => a.out_dir = Some(PathBuf::from(value(&mut it, &arg)?)),
            "-j" | "--jobs" => a.jobs = Some(parse_jobs(&value(&mut it, &arg)?)?),
            "--no-cache" => a.cache = false,
            "--external-runtime" => a.bundle_runtime = false,
            "--python" => a.python = value(&mut it, &arg)?,
            "--target" => a.target = Target::parse(&value(&mut it, &arg)?).map_err(Error::usage)?,
            "--static" => a.static_link = true,
            "--trace" => a.trace = true,
            "-g" | "--debug-info" => a.debug_info = true,
            "-v" | "--verbose" => a.verbose = true,
            "--stage" => a.stages.push(value(&mut it, &arg)?),
            "--function" => a.function = Some(value(&mut it, &arg)?),
            "--" => {
                a.run_args = it.by_ref().collect();
            }
            s if s.starts_with('-') => return Err(Error::usage(format!("unknown option `{s}`"))),
            s => {
                if a.input.is_some() {
                    if a.command == "help" {
                        continue;
                    }
                    return Err(Error::usage(format!("unexpected argument `{s}`")));
                }
                a.input = Some(PathBuf::from(s));
            }
        }
    }
    Ok(a)
}

fn parse_jobs(n: &str) -> Result<usize, Error> {
    match n.parse::<usize>() {
        Ok(j) if j > 0 => Ok(j),
        _ => Err(Error::usage(format!(
            "-j needs a positive number of jobs, not `{n}`"
        ))),
    }
}

fn need_input(a: &Args) -> Result<PathBuf, Error> {
    a.input
        .clone()
        .ok_or_else(|| Error::usage(format!("`kiln {}` needs an INPUT file", a.command)))
}

fn default_output(input: &std::path::Path) -> PathBuf {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "a.out".into());
    let stem = stem.split('.').next().unwrap_or("a.out").to_string();
    PathBuf::from(stem)
}

/// The build a `kiln build` or `kiln run` command line asks for, writing the executable to
/// `output` (or the default name).
fn build_options(a: &Args, output: Option<PathBuf>) -> Result<BuildOptions, Error> {
    let (entry, default) = match (&a.input, &a.module) {
        (Some(_), Some(_)) => {
            return Err(Error::usage(
                "give either an INPUT file or -m MODULE, not both",
            ))
        }
        (Some(i), None) => (Entry::Script(i.clone()), default_output(i)),
        (None, Some(m)) => {
            if m.is_empty() || m.split('.').any(|p| p.is_empty()) {
                return Err(Error::usage(format!(
                    "-m needs a dotted module name, not `{m}`"
                )));
            }
            let last = m.rsplit('.').next().unwrap_or(m).to_string();
            (Entry::Module(m.clone()), PathBuf::from(last))
        }
        (None, None) => {
            return Err(Error::usage(format!(
                "`kiln {}` needs an INPUT file or -m MODULE",
                a.command
            )))
        }
    };
    let output = output.or_else(|| a.output.clone()).unwrap_or(default);
    let mut o = BuildOptions::new(entry, output);
    o.include = a.include.clone();
    o.stdlib = a.stdlib.clone();
    if let Some(e) = &a.emit {
        o.emit = e.clone();
    }
    if let Some(d) = &a.out_dir {
        o.out_dir = d.clone();
    }
    if let Some(j) = a.jobs {
        o.jobs = j;
    }
    o.cache = a.cache;
    o.bundle_runtime = a.bundle_runtime;
    o.python = a.python.clone();
    o.target = a.target.clone();
    o.verbose = a.verbose;
    o.static_link = a.static_link;
    o.trace = a.trace;
    o.debug_info = a.debug_info;
    Ok(o)
}

fn cmd_build(a: &Args) -> Result<ExitCode, Error> {
    driver::build(&build_options(a, None)?)?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_run(a: &Args) -> Result<ExitCode, Error> {
    let tmp = TempDir::new("run")?;
    let mut opts = build_options(a, None)?;
    let exe = tmp.0.join(opts.output.file_name().unwrap_or_default());
    if a.emit.is_some() {
        return Err(Error::usage(
            "`kiln run` builds an executable; --emit is for `kiln build`",
        ));
    }
    opts.output = exe.clone();
    driver::build(&opts)?;
    let mut cmd = std::process::Command::new(&exe);
    cmd.args(&a.run_args);
    let status = cmd
        .status()
        .map_err(|e| Error::new(format!("running {}: {e}", exe.display())))?;
    Ok(match status.code() {
        Some(c) => ExitCode::from(c as u8),
        None => ExitCode::from(1),
    })
}

/// Writes `text` to stdout. A reader that stops early (`kiln dis app.pyc | head`) ends kiln
/// quietly, as it ends other command-line tools; another write error is reported.
fn write_out(text: &str) {
    use std::io::Write;
    if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("kiln: error: cannot write the output: {e}");
        std::process::exit(1);
    }
}

fn cmd_dis(a: &Args) -> Result<ExitCode, Error> {
    let input = need_input(a)?;
    let stages: Vec<Stage> = if a.stages.is_empty() {
        vec![Stage::Bytecode]
    } else {
        let mut v = Vec::new();
        for s in &a.stages {
            for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                let st = Stage::parse(name).map_err(Error::usage)?;
                if !v.contains(&st) {
                    v.push(st);
                }
            }
        }
        v
    };
    let tmp = TempDir::new("dis")?;
    let code = driver::load_input(&input, &a.python, &tmp)?;
    let meta = ModuleMeta::main(&input.display().to_string());
    let opts = build_options_for_dis(a);
    let text =
        driver::stages::dump_module(&code, &meta, &a.target, &opts, stages, a.function.clone())?;
    write_out(&text);
    Ok(ExitCode::SUCCESS)
}

/// How `kiln dis` compiles the module it shows: as `kiln build` would with the same flags.
fn build_options_for_dis(a: &Args) -> driver::CompileOptions {
    driver::CompileOptions {
        trace: a.trace,
        debug_info: a.debug_info,
        ..driver::CompileOptions::default()
    }
}

fn cmd_link_args(a: &Args) -> Result<ExitCode, Error> {
    let runtime = kiln_compiler::link::find_runtime(&a.target)?;
    let mut text = format!("{}\n", kiln_compiler::link::linker(&a.target));
    for arg in kiln_compiler::link::library_args(&a.target, &runtime, a.static_link) {
        text.push_str(&arg);
        text.push('\n');
    }
    write_out(&text);
    Ok(ExitCode::SUCCESS)
}

/// Is `cmd` on the PATH?
fn have(cmd: &str) -> bool {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(cmd).is_file()))
        .unwrap_or(false)
}

fn cmd_targets() -> Result<ExitCode, Error> {
    for t in target::KNOWN {
        let tg = Target::parse(t).map_err(Error::new)?;
        let host = tg.is_host();
        let mut missing: Vec<String> = Vec::new();
        let runtime = kiln_compiler::link::find_runtime(&tg);
        if let Err(e) = &runtime {
            missing.push(e.to_string());
        }
        let (linker, gc) = if host {
            (
                "cc".to_string(),
                "/usr/lib/x86_64-linux-gnu/libgc.a".to_string(),
            )
        } else {
            (
                format!("{}-linux-gnu-gcc", tg.arch()),
                format!("/usr/lib/{}-linux-gnu/libgc.a", tg.arch()),
            )
        };
        if !have(&linker) {
            missing.push(format!(
                "the linker `{linker}` (apt-get install {})",
                if host {
                    "gcc".into()
                } else {
                    format!("gcc-{}-linux-gnu", tg.arch())
                }
            ));
        }
        if !std::path::Path::new(&gc).exists() {
            missing.push(format!(
                "{gc} (apt-get install libgc-dev{})",
                if host { "" } else { ":arm64" }
            ));
        }
        let label = if host {
            format!("{t} (host)")
        } else {
            t.to_string()
        };
        if missing.is_empty() {
            let runner = if host || have(&format!("qemu-{}", tg.arch())) {
                ""
            } else {
                "; to run its programs here install qemu-user"
            };
            println!(
                "{label}: ready (runtime {}){runner}",
                runtime.map(|p| p.display().to_string()).unwrap_or_default()
            );
        } else {
            println!("{label}: not ready");
            for m in &missing {
                println!("    missing: {m}");
            }
            if !host {
                println!("    `bash scripts/build-runtime.sh {t}` installs the packages (as root) and builds the runtime");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    if argv.len() == 2 && matches!(argv[1].as_str(), "--help" | "-h") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if argv.len() == 2 && argv[1] == "--version" {
        println!("kiln {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    let wants_help = argv.iter().skip(2).any(|a| a == "--help" || a == "-h");
    if wants_help && matches!(argv.get(1).map(String::as_str), Some("build") | Some("run")) {
        print!("{BUILD_HELP}");
        return ExitCode::SUCCESS;
    }
    if argv.get(1).map(String::as_str) == Some("bench") {
        return finish(bench::run(&argv[2..]));
    }
    finish(parse(argv).and_then(|a| match a.command.as_str() {
        "build" => cmd_build(&a),
        "run" => cmd_run(&a),
        "dis" => cmd_dis(&a),
        "targets" => cmd_targets(),
        "link-args" => cmd_link_args(&a),
        "help" => {
            match a.input.as_deref().and_then(|p| p.to_str()) {
                Some("bench") => print!("{}", bench::HELP),
                Some("build") | Some("run") => print!("{BUILD_HELP}"),
                None => print!("{USAGE}"),
                Some(other) => {
                    return Err(Error::usage(format!(
                        "no help for `{other}` (commands: build, run, dis, bench, targets)"
                    )))
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Error::usage(format!(
            "unknown command `{other}` (try `kiln help`)"
        ))),
    }))
}

/// The exit status of a command, with its error printed as one `kiln: error:` line.
fn finish(result: Result<ExitCode, Error>) -> ExitCode {
    match result {
        Ok(c) => c,
        Err(e) => {
            if e.located {
                eprintln!("{e}");
            } else {
                eprintln!("kiln: error: {e}");
            }
            if e.usage {
                eprintln!("usage: kiln build INPUT [-o OUTPUT] | kiln build -m MODULE | kiln run INPUT | kiln dis INPUT | kiln bench [PROGRAMS...] | kiln help [COMMAND]");
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}
