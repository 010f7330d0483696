//! `kiln`: the command line. Parses arguments by hand (no dependencies), runs the compiler's
//! driver, and turns errors into one `kiln: error: ...` line with exit status 1 (2 for usage).

mod bench;

use kiln_compiler::codegen::{target, Target};
use kiln_compiler::driver::{self, BuildOptions, TempDir};
use kiln_compiler::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
kiln: compile CPython bytecode (.pyc) into native executables

Usage:
  kiln build INPUT [-o OUTPUT] [options]   compile INPUT (.pyc, or .py compiled with python3)
  kiln run INPUT [options] [-- ARGS...]    build into a temporary place and run with ARGS
  kiln dis INPUT [--stage bytecode|ir]... [--function NAME]
                                           show the decoded bytecode or the lifted IR
  kiln bench [PROGRAMS...] [options]       check and time kiln against python3 on bench/*.py
                                           (`kiln help bench` for its options)
  kiln targets                             list the targets kiln knows and whether they are ready
  kiln help [COMMAND]                      show this help (COMMAND: bench)

Options for build and run:
  -o, --output PATH     where the executable goes (default: INPUT's stem in the current directory)
  --python PATH         the interpreter that compiles a .py input (default: python3)
  --target TRIPLE       x86_64-unknown-linux-gnu (the host, default) or aarch64-unknown-linux-gnu
  --static              link a fully static executable
  -v, --verbose         print the time of each compiler phase
";

struct Args {
    command: String,
    input: Option<PathBuf>,
    output: Option<PathBuf>,
    python: String,
    target: Target,
    verbose: bool,
    static_link: bool,
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
        output: None,
        python: "python3".into(),
        target: Target::host(),
        verbose: false,
        static_link: false,
        stages: Vec::new(),
        function: None,
        run_args: Vec::new(),
    };
    let value = |it: &mut dyn Iterator<Item = String>, flag: &str| {
        it.next()
            .ok_or_else(|| Error::usage(format!("{flag} needs a value")))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" | "--output" => a.output = Some(PathBuf::from(value(&mut it, &arg)?)),
            "--python" => a.python = value(&mut it, &arg)?,
            "--target" => a.target = Target::parse(&value(&mut it, &arg)?).map_err(Error::usage)?,
            "--static" => a.static_link = true,
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

fn cmd_build(a: &Args) -> Result<ExitCode, Error> {
    let input = need_input(a)?;
    let output = a.output.clone().unwrap_or_else(|| default_output(&input));
    driver::build(&BuildOptions {
        input,
        output,
        python: a.python.clone(),
        target: a.target.clone(),
        verbose: a.verbose,
        static_link: a.static_link,
    })?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_run(a: &Args) -> Result<ExitCode, Error> {
    let input = need_input(a)?;
    let tmp = TempDir::new("run")?;
    let exe = tmp.0.join(default_output(&input));
    driver::build(&BuildOptions {
        input: input.clone(),
        output: exe.clone(),
        python: a.python.clone(),
        target: a.target.clone(),
        verbose: a.verbose,
        static_link: a.static_link,
    })?;
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
    let tmp = TempDir::new("dis")?;
    let code = driver::load_input(&input, &a.python, &tmp)?;
    let stages: Vec<String> = if a.stages.is_empty() {
        vec!["bytecode".into()]
    } else {
        a.stages.clone()
    };
    let mut pool = kiln_compiler::lift::consts::ConstPool::default();
    pool.register_codes(&code);
    pool.constant(&kiln_compiler::pyc::Const::Code(code.clone()));
    for c in pool.codes.clone() {
        if let Some(f) = &a.function {
            if c.qualname != *f && c.name != *f {
                continue;
            }
        }
        let decoded = kiln_compiler::bytecode::decode(&c)
            .map_err(|e| Error::new(format!("{}: {e}", c.filename)))?;
        for s in &stages {
            match s.as_str() {
                "bytecode" => {
                    write_out(&format!("== bytecode of {} ==\n", c.qualname));
                    write_out(&kiln_compiler::bytecode::format_listing(&c, &decoded));
                }
                "ir" => {
                    let f = kiln_compiler::lift::lift(&c, &decoded, &mut pool)
                        .map_err(|e| Error::new(format!("{}:{e}", c.filename)))?;
                    let p = &pool;
                    write_out(&kiln_compiler::ir::print::print_function(&f, &|k| {
                        p.describe(k)
                    }));
                }
                other => {
                    return Err(Error::usage(format!(
                        "unknown stage `{other}` (stages: bytecode, ir)"
                    )))
                }
            }
        }
    }
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
    if argv.get(1).map(String::as_str) == Some("bench") {
        return finish(bench::run(&argv[2..]));
    }
    finish(parse(argv).and_then(|a| match a.command.as_str() {
        "build" => cmd_build(&a),
        "run" => cmd_run(&a),
        "dis" => cmd_dis(&a),
        "targets" => cmd_targets(),
        "help" => {
            if a.input.as_deref() == Some(std::path::Path::new("bench")) {
                print!("{}", bench::HELP);
            } else {
                print!("{USAGE}");
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
            eprintln!("kiln: error: {e}");
            if e.usage {
                eprintln!("usage: kiln build INPUT [-o OUTPUT] | kiln run INPUT | kiln dis INPUT | kiln bench [PROGRAMS...] | kiln help");
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}
