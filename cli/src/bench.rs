//! `kiln bench`: times kiln's executables against a Python interpreter on benchmark programs,
//! side by side in one run.
//!
//! For each program (`bench/*.py` by default): compile the `.py` to a CPython 3.11 `.pyc`, build
//! that with kiln into a temporary directory, run the interpreter and the executable once and
//! check that both exit with status 0 and print the same stdout, then time them in alternation
//! (interpreter, kiln, interpreter, kiln, ...). The results go to a table on stdout, a JSON file
//! (`json.rs`) and an SVG bar chart (`svg.rs`). A program that fails anywhere is reported with a
//! `kiln: error:` line, left out of the timing, and makes the command exit with status 1.

mod json;
mod svg;

use kiln_compiler::codegen::Target;
use kiln_compiler::driver::{self, BuildOptions, TempDir};
use kiln_compiler::error::Error;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

pub const HELP: &str = "\
kiln bench: time kiln executables against a Python interpreter

Usage:
  kiln bench [PROGRAMS...] [options]

PROGRAMS are .py files (default: every bench/*.py under the current directory). For each one,
kiln bench compiles it to a CPython 3.11 .pyc, builds that with kiln into a temporary
directory, runs the interpreter and the executable once and checks that both exit with status 0
and print the same stdout (a program that fails or differs is reported with its first differing
line and left out of the timing), then times both: WARMUP untimed runs of each, then RUNS timed
runs of each, alternating interpreter and kiln; wall time of each run, stdout to /dev/null.

The table shows per program the median time of each, the ratio interpreter median / kiln median
(above 1: kiln is faster) and its spread: the smallest and the largest ratio of one timed
interpreter run to the kiln run right after it. The last line is the geometric mean of the
ratios. The same numbers go to a JSON file and an SVG bar chart. The exit status is 1 when a
program failed (the others are still timed and reported).

Options:
  --python PATH     the interpreter kiln is timed against (default: python3). CPython 3.11 runs
                    the same .pyc that kiln compiles; any other interpreter (pypy3, another
                    CPython) runs the .py source, and kiln's output is checked against both it
                    and CPython 3.11 (python3, else the newest ~/.pyenv/versions/3.11.*)
  --runs N          timed runs of each (default: 5)
  --warmup N        untimed runs of each before the timed ones (default: 1)
  --json PATH       where the results go as JSON (default: bench-results.json)
  --svg PATH        where the bar chart goes (default: bench-results.svg)
  --target TRIPLE   build for TRIPLE (default: the host); executables for another architecture
                    run under qemu-user, so their times say little about the hardware
  --static          link the executables statically
";

/// The parsed command line.
struct Options {
    programs: Vec<PathBuf>,
    python: String,
    runs: usize,
    warmup: usize,
    json: PathBuf,
    svg: PathBuf,
    target: Target,
    static_link: bool,
}

fn parse(args: &[String]) -> Result<Options, Error> {
    let mut o = Options {
        programs: Vec::new(),
        python: "python3".into(),
        runs: 5,
        warmup: 1,
        json: PathBuf::from("bench-results.json"),
        svg: PathBuf::from("bench-results.svg"),
        target: Target::host(),
        static_link: false,
    };
    let mut it = args.iter();
    let value = |it: &mut std::slice::Iter<String>, flag: &str| {
        it.next()
            .cloned()
            .ok_or_else(|| Error::usage(format!("{flag} needs a value")))
    };
    let count = |s: String, flag: &str, min: usize| -> Result<usize, Error> {
        match s.parse::<usize>() {
            Ok(n) if n >= min => Ok(n),
            _ => Err(Error::usage(format!(
                "{flag} needs a whole number of at least {min}, not `{s}`"
            ))),
        }
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--python" => o.python = value(&mut it, arg)?,
            "--runs" => o.runs = count(value(&mut it, arg)?, arg, 1)?,
            "--warmup" => o.warmup = count(value(&mut it, arg)?, arg, 0)?,
            "--json" => o.json = PathBuf::from(value(&mut it, arg)?),
            "--svg" => o.svg = PathBuf::from(value(&mut it, arg)?),
            "--target" => o.target = Target::parse(&value(&mut it, arg)?).map_err(Error::usage)?,
            "--static" => o.static_link = true,
            s if s.starts_with('-') => {
                return Err(Error::usage(format!(
                    "unknown option `{s}` for `kiln bench` (see `kiln help bench`)"
                )))
            }
            s => o.programs.push(PathBuf::from(s)),
        }
    }
    Ok(o)
}

/// The programs to run: those named, each checked to be an existing `.py` file, or else every
/// `bench/*.py` under the current directory, sorted by name.
fn programs(named: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    if named.is_empty() {
        let dir = Path::new("bench");
        let entries = std::fs::read_dir(dir).map_err(|e| {
            Error::new(format!(
                "no PROGRAMS given and no bench/ directory here ({e}); run kiln bench from the \
                 repository's root or name the .py files"
            ))
        })?;
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "py"))
            .collect();
        if found.is_empty() {
            return Err(Error::new(
                "no PROGRAMS given and bench/ has no .py files; name the programs to time",
            ));
        }
        found.sort();
        return Ok(found);
    }
    for p in named {
        if !p.exists() {
            return Err(Error::new(format!("{}: no such file", p.display())));
        }
        if !p.is_file() {
            return Err(Error::new(format!("{}: not a file", p.display())));
        }
        if p.extension().is_none_or(|x| x != "py") {
            return Err(Error::new(format!(
                "{}: kiln bench takes Python source files (.py)",
                p.display()
            )));
        }
    }
    Ok(named.to_vec())
}

/// A Python interpreter, as found out by running it.
#[derive(Clone)]
struct Interpreter {
    /// The command as given (`python3`, `/usr/bin/pypy3`).
    command: String,
    /// What runs: `sys.executable`, which skips a launcher such as pyenv's shim (a shell
    /// script that would add its own start-up time to every timed run).
    executable: String,
    /// Its file name, for headings: `python3`, `pypy3`.
    name: String,
    /// What `--version` printed, on one line.
    version: String,
    /// `sys.implementation.name`: `cpython`, `pypy`.
    implementation: String,
    /// CPython 3.11, which runs the `.pyc` kiln compiles; others run the `.py` source.
    runs_pyc: bool,
}

const PROBE: &str = "import sys\n\
impl = getattr(sys, 'implementation', None)\n\
print(impl.name if impl else 'cpython')\n\
print('%d.%d' % tuple(sys.version_info[:2]))\n\
print(sys.executable or '')\n";

/// Runs `command` to learn what it is; an error when it cannot be run or is not a Python.
fn probe(command: &str) -> Result<Interpreter, Error> {
    let run = |args: &[&str]| {
        Command::new(command)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| {
                Error::new(format!(
                    "cannot run the Python interpreter `{command}`: {e}"
                ))
            })
    };
    let out = run(&["-c", PROBE])?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let (implementation, version, executable) =
        match (out.status.success(), lines.next(), lines.next()) {
            (true, Some(i), Some(v)) => {
                let exe = lines.next().unwrap_or("").trim();
                let exe = if !exe.is_empty() && Path::new(exe).is_file() {
                    exe.to_string()
                } else {
                    command.to_string()
                };
                (i.trim().to_string(), v.trim().to_string(), exe)
            }
            _ => {
                return Err(Error::new(format!(
                    "`{command}` does not work as a Python interpreter ({}): {}",
                    describe(out.status),
                    first_line(&out.stderr)
                )))
            }
        };
    // Python 2 prints its version on stderr.
    let v = run(&["--version"])?;
    let shown = if v.stdout.iter().any(|b| !b.is_ascii_whitespace()) {
        &v.stdout
    } else {
        &v.stderr
    };
    let shown = String::from_utf8_lossy(shown)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let name = Path::new(command)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| command.to_string());
    Ok(Interpreter {
        command: command.to_string(),
        executable,
        name,
        runs_pyc: implementation == "cpython" && version == "3.11",
        version: if shown.is_empty() {
            format!("{implementation} {version}")
        } else {
            shown
        },
        implementation,
    })
}

/// The CPython 3.11 that compiles the programs to `.pyc` and whose output is the reference:
/// the timed interpreter when it is one, else `python3`, else the newest pyenv 3.11.
fn find_cpython_3_11(timed: &Interpreter) -> Result<Interpreter, Error> {
    if timed.runs_pyc {
        return Ok(timed.clone());
    }
    let mut seen = Vec::new();
    match probe("python3") {
        Ok(p) if p.runs_pyc => return Ok(p),
        Ok(p) => seen.push(format!("python3 is {}", p.version)),
        Err(_) => seen.push("python3 does not run".to_string()),
    }
    if let Some(home) = std::env::var_os("HOME") {
        let versions = Path::new(&home).join(".pyenv/versions");
        let mut best: Option<(u32, PathBuf)> = None;
        for e in std::fs::read_dir(&versions).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(Ok(patch)) = name.strip_prefix("3.11.").map(str::parse::<u32>) else {
                continue;
            };
            let exe = e.path().join("bin/python3");
            if exe.is_file() && best.as_ref().is_none_or(|(b, _)| patch > *b) {
                best = Some((patch, exe));
            }
        }
        if let Some((_, exe)) = best {
            if let Ok(p) = probe(&exe.to_string_lossy()) {
                if p.runs_pyc {
                    return Ok(p);
                }
            }
        }
    }
    Err(Error::new(format!(
        "kiln bench needs CPython 3.11 to compile the programs to .pyc and to check kiln's \
         output, and found none ({}; no ~/.pyenv/versions/3.11.*); name one with --python",
        seen.join(", ")
    )))
}

/// A command line: the program and its arguments.
type Argv = Vec<OsString>;

fn command(argv: &Argv) -> Command {
    let mut c = Command::new(&argv[0]);
    c.args(&argv[1..]).stdin(Stdio::null());
    c
}

/// How the executables run: directly on the host, under qemu-user for another architecture.
fn runner(o: &Options) -> Result<Argv, Error> {
    if o.target.is_host() {
        return Ok(Vec::new());
    }
    let arch = o.target.arch().to_string();
    let qemu = format!("qemu-{arch}");
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(&qemu).is_file()))
        .unwrap_or(false);
    if !on_path {
        return Err(Error::new(format!(
            "{} executables cannot run here: `{qemu}` is not on the PATH (apt-get install \
             qemu-user)",
            o.target.triple
        )));
    }
    let mut argv: Argv = vec![qemu.into()];
    if !o.static_link {
        // Every library from the cross sysroot (see .ci/run).
        let sysroot = format!("/usr/{arch}-linux-gnu");
        argv.extend([
            "-L".into(),
            sysroot.clone().into(),
            "-E".into(),
            format!("LD_LIBRARY_PATH={sysroot}/lib").into(),
        ]);
    }
    Ok(argv)
}

/// The times of one program that passed the check, in seconds, in the order they were taken.
pub struct Timing {
    pub name: String,
    pub path: PathBuf,
    pub python: Vec<f64>,
    pub kiln: Vec<f64>,
}

impl Timing {
    pub fn python_median(&self) -> f64 {
        median(&self.python)
    }

    pub fn kiln_median(&self) -> f64 {
        median(&self.kiln)
    }

    /// Interpreter median / kiln median: above 1, kiln is faster.
    pub fn ratio(&self) -> f64 {
        self.python_median() / self.kiln_median().max(1e-9)
    }

    /// The smallest and largest ratio of one interpreter run to the kiln run that followed it.
    pub fn spread(&self) -> (f64, f64) {
        let pairs = self
            .python
            .iter()
            .zip(&self.kiln)
            .map(|(p, k)| p / k.max(1e-9));
        pairs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r), hi.max(r))
        })
    }
}

/// A program left out of the timing, and why.
pub struct Failure {
    pub name: String,
    pub path: PathBuf,
    pub message: String,
}

/// What the reports need to know besides the numbers.
pub struct Setup {
    pub interpreter_name: String,
    pub interpreter_command: String,
    pub interpreter_executable: String,
    pub interpreter_version: String,
    pub implementation: String,
    /// `.pyc` or `.py source`: what the timed interpreter runs.
    pub runs: &'static str,
    pub target: String,
    pub runner: Option<String>,
    pub timed_runs: usize,
    pub warmup: usize,
}

pub fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => v[n / 2],
        _ => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

pub fn geomean(timings: &[Timing]) -> Option<f64> {
    if timings.is_empty() {
        return None;
    }
    let logs: f64 = timings.iter().map(|t| t.ratio().ln()).sum();
    Some((logs / timings.len() as f64).exp())
}

/// `kiln bench ARGS...`.
pub fn run(args: &[String]) -> Result<ExitCode, Error> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    }
    let o = parse(args)?;
    let programs = programs(&o.programs)?;
    let timed = probe(&o.python)?;
    let reference = find_cpython_3_11(&timed)?;
    let runner = runner(&o)?;
    let setup = Setup {
        interpreter_name: timed.name.clone(),
        interpreter_command: timed.command.clone(),
        interpreter_executable: timed.executable.clone(),
        interpreter_version: timed.version.clone(),
        implementation: timed.implementation.clone(),
        runs: if timed.runs_pyc { ".pyc" } else { ".py source" },
        target: o.target.triple.clone(),
        runner: runner.first().map(|r| r.to_string_lossy().into_owned()),
        timed_runs: o.runs,
        warmup: o.warmup,
    };
    eprintln!("{}", heading(&setup));

    let mut timings = Vec::new();
    let mut failures = Vec::new();
    for (i, path) in programs.iter().enumerate() {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        eprintln!("bench: [{}/{}] {name}", i + 1, programs.len());
        let bench = Bench {
            o: &o,
            timed: &timed,
            reference: &reference,
            runner: &runner,
            name: &name,
            path,
        };
        match bench.run() {
            Ok(t) => timings.push(t),
            Err(message) => {
                eprintln!("kiln: error: {name}: {message}");
                failures.push(Failure {
                    name,
                    path: path.clone(),
                    message,
                });
            }
        }
    }

    print!("{}", table(&setup, &timings));
    let json = json::report(&setup, &timings, &failures);
    write(&o.json, &json)?;
    write(&o.svg, &svg::chart(&setup, &timings))?;
    println!("results: {} and {}", o.json.display(), o.svg.display());
    if failures.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        let names: Vec<&str> = failures.iter().map(|f| f.name.as_str()).collect();
        Err(Error::new(format!(
            "{} of {} programs failed and were not timed: {}",
            failures.len(),
            programs.len(),
            names.join(", ")
        )))
    }
}

fn write(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text)
        .map_err(|e| Error::new(format!("cannot write {}: {e}", path.display())))
}

/// One program's way through the check and the timing.
struct Bench<'a> {
    o: &'a Options,
    timed: &'a Interpreter,
    reference: &'a Interpreter,
    runner: &'a Argv,
    name: &'a str,
    path: &'a Path,
}

impl Bench<'_> {
    fn run(&self) -> Result<Timing, String> {
        let tmp = TempDir::new("bench").map_err(|e| e.to_string())?;
        let pyc = tmp.0.join(format!("{}.pyc", self.name));
        driver::compile_source(&self.reference.executable, self.path, &pyc)
            .map_err(|e| format!("CPython 3.11 cannot compile it: {e}"))?;

        // The reference output first: a program that fails under CPython needs no build.
        let reference_argv: Argv =
            vec![self.reference.executable.clone().into(), pyc.clone().into()];
        let expected = self.output_of(&reference_argv, &self.reference.name)?;
        let timed_argv: Argv = if self.timed.runs_pyc {
            vec![self.timed.executable.clone().into(), pyc.clone().into()]
        } else {
            vec![self.timed.executable.clone().into(), self.path.into()]
        };
        let timed_out = if self.timed.runs_pyc && self.timed.executable == self.reference.executable
        {
            None
        } else {
            Some(self.output_of(&timed_argv, &self.timed.name)?)
        };

        let exe = tmp.0.join(self.name);
        let mut opts = BuildOptions::new(driver::Entry::Script(pyc.clone()), exe.clone());
        opts.python = self.reference.executable.clone();
        opts.target = self.o.target.clone();
        opts.static_link = self.o.static_link;
        build(&opts).map_err(|e| format!("kiln build failed: {e}"))?;
        let mut kiln_argv = self.runner.clone();
        kiln_argv.push(exe.into());
        let got = self.output_of(&kiln_argv, "the kiln executable")?;

        if got != expected {
            return Err(format!(
                "kiln's output differs from {}'s: {}",
                self.reference.name,
                first_difference(&expected, &got, &self.reference.name)
            ));
        }
        if let Some(out) = timed_out {
            if got != out {
                return Err(format!(
                    "kiln's output differs from that of {} ({}), which runs the .py source: {}",
                    self.timed.name,
                    self.timed.version,
                    first_difference(&out, &got, &self.timed.name)
                ));
            }
        }

        let mut t = Timing {
            name: self.name.to_string(),
            path: self.path.to_path_buf(),
            python: Vec::with_capacity(self.o.runs),
            kiln: Vec::with_capacity(self.o.runs),
        };
        for _ in 0..self.o.warmup {
            self.time(&timed_argv, &self.timed.name)?;
            self.time(&kiln_argv, "the kiln executable")?;
        }
        for _ in 0..self.o.runs {
            t.python.push(self.time(&timed_argv, &self.timed.name)?);
            t.kiln.push(self.time(&kiln_argv, "the kiln executable")?);
        }
        eprintln!(
            "bench:       {} {:.3} s, kiln {:.3} s: {:.2}x",
            self.timed.name,
            t.python_median(),
            t.kiln_median(),
            t.ratio()
        );
        Ok(t)
    }

    /// Runs `argv` once and returns its stdout; an error unless it exits with status 0.
    fn output_of(&self, argv: &Argv, who: &str) -> Result<Vec<u8>, String> {
        let out = command(argv)
            .output()
            .map_err(|e| format!("cannot run {who}: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "fails under {who} ({}): {}",
                describe(out.status),
                last_line(&out.stderr)
            ));
        }
        Ok(out.stdout)
    }

    /// The wall time of one run of `argv` (spawn to exit), stdout and stderr to /dev/null.
    fn time(&self, argv: &Argv, who: &str) -> Result<f64, String> {
        let mut c = command(argv);
        c.stdout(Stdio::null()).stderr(Stdio::null());
        let start = Instant::now();
        let status = c.status().map_err(|e| format!("cannot run {who}: {e}"))?;
        let elapsed = start.elapsed().as_secs_f64();
        if !status.success() {
            return Err(format!(
                "a timed run failed under {who} ({})",
                describe(status)
            ));
        }
        Ok(elapsed)
    }
}

/// `driver::build`, with a panic in the compiler turned into an error.
fn build(opts: &BuildOptions) -> Result<(), Error> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| driver::build(opts));
    std::panic::set_hook(hook);
    result.unwrap_or_else(|p| {
        let why = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        Err(Error::new(format!("the compiler panicked: {why}")))
    })
}

/// How a process ended, in words.
fn describe(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(c), _) => format!("exit status {c}"),
        (None, Some(s)) => format!("killed by signal {s}"),
        _ => status.to_string(),
    }
}

/// The first line of `bytes` that is not blank (a launcher's complaint), or a note.
fn first_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .unwrap_or_else(|| "(nothing on stderr)".into())
}

/// The last line of `bytes` that is not blank, or a note that there was none.
fn last_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .unwrap_or_else(|| "(nothing on stderr)".into())
}

/// Where `got` (kiln's stdout) first departs from `expected` (`who`'s), for a one-line message.
fn first_difference(expected: &[u8], got: &[u8], who: &str) -> String {
    let show = |line: &[u8]| {
        let s = String::from_utf8_lossy(line);
        let mut cut: String = s.chars().take(100).collect();
        if cut.len() < s.len() {
            cut.push_str("...");
        }
        format!("{cut:?}")
    };
    let a: Vec<&[u8]> = expected.split(|&b| b == b'\n').collect();
    let b: Vec<&[u8]> = got.split(|&b| b == b'\n').collect();
    // `split` leaves an empty last piece after a final newline.
    let (na, nb) = (a.len() - 1, b.len() - 1);
    for i in 0..a.len().max(b.len()) {
        match (a.get(i), b.get(i)) {
            (Some(x), Some(y)) if x == y => continue,
            (Some(x), Some(y)) if i == na && x.is_empty() => {
                return format!(
                    "line {}: {who} printed nothing more, kiln printed {}",
                    i + 1,
                    show(y)
                )
            }
            (Some(x), Some(y)) if i == nb && y.is_empty() => {
                return format!(
                    "line {}: {who} printed {}, kiln printed nothing more",
                    i + 1,
                    show(x)
                )
            }
            (Some(x), Some(y)) => {
                return format!(
                    "line {}: {who} printed {}, kiln printed {}",
                    i + 1,
                    show(x),
                    show(y)
                )
            }
            (Some(x), None) if i == na && x.is_empty() => {
                return format!("line {i}: kiln's last line has no newline, {who}'s has")
            }
            (Some(x), None) => {
                return format!(
                    "kiln's output stops before line {}, where {who} printed {}",
                    i + 1,
                    show(x)
                )
            }
            (None, Some(y)) if i == nb && y.is_empty() => {
                return format!("line {i}: {who}'s last line has no newline, kiln's has")
            }
            (None, Some(y)) => {
                return format!(
                    "{who}'s output stops before line {}, where kiln printed {}",
                    i + 1,
                    show(y)
                )
            }
            (None, None) => break,
        }
    }
    "the outputs differ".into()
}

/// The first line of the report: what is timed against what.
fn heading(s: &Setup) -> String {
    let under = s
        .runner
        .as_ref()
        .map(|r| format!(" (run under {r})"))
        .unwrap_or_default();
    format!(
        "kiln bench: {} ({}) runs the {}; kiln builds for {}{under}; {} of each after {}, \
         alternating",
        s.interpreter_name,
        s.interpreter_version,
        s.runs,
        s.target,
        plural(s.timed_runs, "timed run"),
        plural(s.warmup, "warm-up run")
    )
}

/// `n thing` or `n things`.
pub fn plural(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// The table on the terminal: one row per timed program and the geometric mean.
fn table(s: &Setup, timings: &[Timing]) -> String {
    let py_head = format!("{} (s)", s.interpreter_name);
    let mut rows: Vec<[String; 5]> = vec![[
        "program".into(),
        py_head,
        "kiln (s)".into(),
        "ratio".into(),
        "spread".into(),
    ]];
    for t in timings {
        let (lo, hi) = t.spread();
        rows.push([
            t.name.clone(),
            format!("{:.3}", t.python_median()),
            format!("{:.3}", t.kiln_median()),
            format!("{:.2}x", t.ratio()),
            format!("{lo:.2}-{hi:.2}x"),
        ]);
    }
    let mut widths = [0usize; 5];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let geo = geomean(timings).map(|g| format!("{g:.2}x"));
    widths[0] = widths[0].max("geomean".len());
    let mut out = String::new();
    out.push('\n');
    out.push_str(&heading(s));
    out.push('\n');
    out.push_str(&format!(
        "ratio = {} median / kiln median (above 1: kiln is faster); spread = smallest-largest \
         ratio of one run pair\n\n",
        s.interpreter_name
    ));
    let line = |r: &[String; 5]| {
        format!(
            "{:<w0$}  {:>w1$}  {:>w2$}  {:>w3$}  {:<w4$}",
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4]
        )
        .trim_end()
        .to_string()
            + "\n"
    };
    for r in &rows {
        out.push_str(&line(r));
    }
    let total: usize = widths.iter().sum::<usize>() + 8;
    out.push_str(&"-".repeat(total));
    out.push('\n');
    match geo {
        Some(g) => out.push_str(&line(&[
            "geomean".into(),
            String::new(),
            String::new(),
            g,
            String::new(),
        ])),
        None => out.push_str("no program was timed\n"),
    }
    out
}
