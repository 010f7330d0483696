//! Differential conformance tests: CPython is the oracle.
//!
//! For every `tests/cases/*.py` (sorted by name) this harness compiles the program to a `.pyc`
//! with the oracle interpreter (`py_compile`), runs the oracle on that `.pyc`, builds the same
//! `.pyc` with `kiln build X.pyc -o X` and runs the executable. A case passes when stdout is
//! byte-identical, the exit status is the same, and, for a non-zero status, the last non-empty
//! line of stderr is the same (the `Error: message` line of a traceback). Both programs get
//! standard input from /dev/null and 60 seconds.
//!
//! Every version kiln reads is an oracle of its own: the cases run once with CPython 3.11 and
//! again with each other version found (3.8-3.13 under `~/.pyenv/versions`, 3.14 there or as
//! Pyodide under Node, which `scripts/setup.sh` installs into `.cache/pyodide`; a version not
//! found is named and skipped), each compiling the `.pyc` kiln builds. A case that needs a newer
//! Python (syntax such as `match` or `except*`) says so in a `# kiln-test: requires 3.X` line
//! and is skipped for older oracles; a case that needs what kiln lacks from some version on
//! says `# kiln-test: gap 3.X REASON` and is skipped, with the reason, for that version and
//! newer; one that depends on the platform (OS error numbers, 64-bit hashes, a module frame
//! without a caller) says `# kiln-test: native-only` and is skipped
//! under Pyodide, which is 32-bit WebAssembly with an emulated file system. A summary per
//! version ends the run.
//!
//! It is a plain program (`harness = false` in cli/Cargo.toml), run by `cargo test --release`.
//! Its last line is `N passed, M failed` (over all versions); the exit status is 1 when any
//! case failed.
//!
//! Command line and environment:
//! * arguments not starting with `-`, or `KILN_TEST_FILTER`: run only the cases whose name
//!   contains one of these substrings (`--exact`: whose name is one of them); `--skip S`
//!   leaves out the cases containing `S`; `--list` prints the case names; other libtest flags
//!   are ignored;
//! * `KILN_PYTHON`: the only oracle interpreter, whatever its version (default: `python3` when
//!   it is CPython 3.11, else `~/.pyenv/versions/3.11.*/bin/python3`, plus the other versions);
//!   when no 3.11 is found the cases are skipped;
//! * `KILN_TEST_VERSIONS`: the versions to run, e.g. `3.11` or `3.9 3.12` (default: 3.8-3.14);
//! * `KILN_TEST_RUNNER`: a command prefix for running the built executables (e.g. `qemu-aarch64
//!   -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib`), split on whitespace;
//! * `KILN_TEST_BUILD_FLAGS`: extra `kiln build` flags, split on whitespace;
//! * `KILN_TEST_TARGET`: reserved for cross testing; not used yet;
//! * `KILN_TEST_KEEP=1`: keep the temporary directory (its path is printed).

mod support;

use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use support::{
    find_oracle_python, find_pyenv_python, head_lines, last_nonempty_line, python_version,
    run_with_timeout, tail_lines, Python, RunOutput, Status, TempDir,
};

const WORKERS: usize = 2;
const RUN_TIMEOUT: Duration = Duration::from_secs(60);
const BUILD_TIMEOUT: Duration = Duration::from_secs(120);

/// How built executables are produced and run: the place where cross testing hooks in.
#[derive(Clone, Debug, Default)]
struct Target {
    /// Shown in the header; `host` unless a target was asked for.
    name: String,
    /// Command prefix for running an executable (empty: run it directly).
    runner: Vec<OsString>,
    /// Extra arguments for `kiln build`.
    build_flags: Vec<OsString>,
}

impl Target {
    fn from_env() -> Target {
        let split = |var: &str| -> Vec<OsString> {
            std::env::var(var)
                .map(|v| v.split_whitespace().map(OsString::from).collect())
                .unwrap_or_default()
        };
        let mut name = "host".to_string();
        if let Ok(t) = std::env::var("KILN_TEST_TARGET") {
            if !t.is_empty() {
                println!(
                    "note: KILN_TEST_TARGET={} is not used yet; building for the host",
                    t
                );
                name = format!("host (KILN_TEST_TARGET={} ignored)", t);
            }
        }
        Target {
            name,
            runner: split("KILN_TEST_RUNNER"),
            build_flags: split("KILN_TEST_BUILD_FLAGS"),
        }
    }

    fn run_command(&self, exe: &Path) -> Command {
        match self.runner.split_first() {
            Some((prog, rest)) => {
                let mut c = Command::new(prog);
                c.args(rest).arg(exe);
                c
            }
            None => Command::new(exe),
        }
    }
}

struct Context {
    kiln: PathBuf,
    python: Python,
    target: Target,
    work: PathBuf,
}

#[derive(Clone)]
struct Case {
    name: String,
    source: PathBuf,
    /// From a `# kiln-test: requires 3.X` line: the oldest Python the case is written for.
    requires: Option<(u32, u32)>,
    /// From a `# kiln-test: gap 3.X REASON` line: from 3.X on, kiln lacks what the case needs
    /// (a known gap, named in the skip message), so newer oracles skip it.
    gap: Option<((u32, u32), String)>,
    /// A `# kiln-test: native-only` line: the case depends on what Pyodide cannot give as
    /// CPython on 64-bit Linux does (errno values and error classes of its emulated file system,
    /// 32-bit hashes, the frames of the runner it starts programs from).
    native_only: bool,
}

enum Outcome {
    Pass,
    Fail(String),
    /// Not run: the oracle is older than the case requires.
    Skip(String),
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("cases")
}

fn collect_cases(dir: &Path) -> std::io::Result<Vec<Case>> {
    let mut cases = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "py") && path.is_file() {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).unwrap_or_default();
            cases.push(Case {
                name,
                source: path,
                requires: requires_of(&text),
                gap: gap_of(&text),
                native_only: text.lines().any(|l| l.trim() == "# kiln-test: native-only"),
            });
        }
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

struct Options {
    filters: Vec<String>,
    skips: Vec<String>,
    exact: bool,
    list: bool,
}

/// libtest flags that take a separate value; accepted and ignored, value included.
const IGNORED_FLAGS_WITH_VALUE: &[&str] = &[
    "--test-threads",
    "--format",
    "--color",
    "--logfile",
    "--shuffle-seed",
    "-Z",
];

fn parse_args() -> Options {
    let mut opts = Options {
        filters: Vec::new(),
        skips: Vec::new(),
        exact: false,
        list: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--skip" {
            if let Some(s) = args.next() {
                opts.skips.push(s);
            }
        } else if a == "--list" {
            opts.list = true;
        } else if a == "--exact" {
            opts.exact = true;
        } else if IGNORED_FLAGS_WITH_VALUE.contains(&a.as_str()) {
            args.next();
        } else if !a.starts_with('-') {
            opts.filters.push(a);
        }
        // Other flags (e.g. libtest's --nocapture, --test-threads=N) are accepted and ignored.
    }
    if opts.filters.is_empty() {
        if let Ok(f) = std::env::var("KILN_TEST_FILTER") {
            opts.filters.extend(f.split_whitespace().map(String::from));
        }
    }
    opts
}

fn selected(opts: &Options, name: &str) -> bool {
    let matches = |pattern: &String| {
        if opts.exact {
            name == pattern
        } else {
            name.contains(pattern.as_str())
        }
    };
    (opts.filters.is_empty() || opts.filters.iter().any(matches)) && !opts.skips.iter().any(matches)
}

/// Shows a line for humans: escapes control characters, marks a missing line.
fn show_line(line: Option<&str>) -> String {
    match line {
        None => "<no line: output ended>".to_string(),
        Some(l) => format!("{:?}", l),
    }
}

/// The lines of `text`; a final line ending does not start another (empty) line.
fn split_lines(text: &str) -> Vec<&str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        Vec::new()
    } else {
        body.split('\n').collect()
    }
}

/// Describes where two outputs first differ.
fn describe_diff(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let (el, al) = (split_lines(&exp), split_lines(&act));
    let sizes = format!(
        "      (python wrote {} bytes in {} lines, kiln {} bytes in {} lines)",
        expected.len(),
        el.len(),
        actual.len(),
        al.len()
    );
    for i in 0..el.len().max(al.len()) {
        let (e, a) = (el.get(i).copied(), al.get(i).copied());
        if e != a {
            let mut s = format!("first difference at line {}:\n", i + 1);
            if i > 0 {
                s.push_str(&format!(
                    "      (line {} agreed: {})\n",
                    i,
                    show_line(el.get(i - 1).copied())
                ));
            }
            s.push_str(&format!("      python: {}\n", show_line(e)));
            s.push_str(&format!("      kiln:   {}\n", show_line(a)));
            s.push_str(&sizes);
            return s;
        }
    }
    if exp != act {
        return format!("only the final line ending differs\n{}", sizes);
    }
    // Only reachable with invalid UTF-8 that the lossy conversion hid.
    format!(
        "the outputs differ in bytes that are not valid UTF-8\n{}",
        sizes
    )
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("      | {}\n", l))
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// The version a case's `# kiln-test: requires 3.X` line names (syntax or behaviour that older
/// Pythons lack, such as `except*` or `match`).
fn requires_of(text: &str) -> Option<(u32, u32)> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("# kiln-test: requires "))
        .find_map(|v| {
            let (a, b) = v.trim().split_once('.')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
}

/// A case's `# kiln-test: gap 3.X REASON` line: the first version kiln cannot run it for, and
/// why.
fn gap_of(text: &str) -> Option<((u32, u32), String)> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("# kiln-test: gap "))
        .find_map(|rest| {
            let (v, reason) = rest.trim().split_once(' ').unwrap_or((rest.trim(), ""));
            let (a, b) = v.split_once('.')?;
            Some((
                (a.parse().ok()?, b.parse().ok()?),
                reason.trim().to_string(),
            ))
        })
}

fn run_case(ctx: &Context, case: &Case) -> Outcome {
    if let Some(req) = case.requires {
        if ctx.python.minor() < req {
            return Outcome::Skip(format!("requires Python {}.{}", req.0, req.1));
        }
    }
    if let Some((from, reason)) = &case.gap {
        if ctx.python.minor() >= *from {
            return Outcome::Skip(format!(
                "a known gap of kiln from Python {}.{}: {reason}",
                from.0, from.1
            ));
        }
    }
    if case.native_only && ctx.python.program.to_string_lossy().contains("pyodide") {
        return Outcome::Skip("needs a native CPython, not Pyodide".into());
    }
    let dir = ctx.work.join(&case.name);
    if let Err(e) = fs::create_dir_all(&dir) {
        return Outcome::Fail(format!("cannot create {}: {}", dir.display(), e));
    }
    let pyc = dir.join(format!("{}.pyc", case.name));
    let exe = dir.join(&case.name);

    // 1. The .pyc, compiled by the oracle interpreter (unless the batch did it already).
    if !pyc.is_file() {
        if let Err(e) = ctx.python.compile(&case.source, &pyc) {
            return Outcome::Fail(format!(
                "could not compile the case to .pyc:\n{}",
                indent(&e)
            ));
        }
    }

    // 2. The oracle.
    let mut oracle_cmd = Command::new(&ctx.python.program);
    oracle_cmd
        .arg(&pyc)
        .current_dir(&dir)
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONUTF8", "1");
    let expected = match run_with_timeout(&mut oracle_cmd, RUN_TIMEOUT) {
        Ok(o) => o,
        Err(e) => {
            return Outcome::Fail(format!(
                "cannot run the oracle {}: {}",
                ctx.python.program.display(),
                e
            ))
        }
    };
    if expected.status == Status::TimedOut {
        return Outcome::Fail(
            "the oracle (CPython) timed out: the case itself is too slow".to_string(),
        );
    }

    // 3. kiln build.
    let mut build = Command::new(&ctx.kiln);
    build
        .arg("build")
        .arg(&pyc)
        .arg("-o")
        .arg(&exe)
        // The standard library a case imports is that version's own.
        .arg("--python")
        .arg(&ctx.python.program)
        .args(&ctx.target.build_flags)
        .current_dir(&dir);
    let built = match run_with_timeout(&mut build, BUILD_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Outcome::Fail(format!("cannot run {}: {}", ctx.kiln.display(), e)),
    };
    if !built.status.success() || !exe.is_file() {
        let mut msg = format!("kiln build failed ({})", built.status);
        if built.status.success() {
            msg = format!(
                "kiln build exited 0 but wrote no executable at {}",
                exe.display()
            );
        }
        let err = built.stderr_text();
        if !err.trim().is_empty() {
            msg.push_str(&format!(":\n{}", indent(&head_lines(err.trim_end(), 20))));
        }
        return Outcome::Fail(msg);
    }

    // 4. The executable.
    let mut run_cmd = ctx.target.run_command(&exe);
    run_cmd.current_dir(&dir);
    let actual = match run_with_timeout(&mut run_cmd, RUN_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Outcome::Fail(format!("cannot run {}: {}", exe.display(), e)),
    };

    compare(&expected, &actual)
}

fn compare(expected: &RunOutput, actual: &RunOutput) -> Outcome {
    let mut problems = Vec::new();
    if expected.stdout != actual.stdout {
        problems.push(format!(
            "stdout differs: {}",
            describe_diff(&expected.stdout, &actual.stdout)
        ));
    }
    if expected.status != actual.status {
        problems.push(format!(
            "exit status differs: python {}, kiln {}",
            expected.status, actual.status
        ));
    } else if expected.status != Status::Exited(0) {
        let (e_err, a_err) = (expected.stderr_text(), actual.stderr_text());
        let (e_last, a_last) = (last_nonempty_line(&e_err), last_nonempty_line(&a_err));
        if e_last != a_last {
            problems.push(format!(
                "last line of stderr differs:\n      python: {}\n      kiln:   {}",
                show_line(Some(e_last)),
                show_line(Some(a_last))
            ));
        }
    }
    if problems.is_empty() {
        return Outcome::Pass;
    }
    let a_err = actual.stderr_text();
    if !a_err.trim().is_empty() {
        problems.push(format!(
            "kiln executable's stderr (end):\n{}",
            indent(&tail_lines(a_err.trim_end(), 8))
        ));
    }
    Outcome::Fail(problems.join("\n    "))
}

fn main() {
    let opts = parse_args();
    let dir = cases_dir();
    let all = match collect_cases(&dir) {
        Ok(c) => c,
        Err(e) => {
            println!("error: cannot read {}: {}", dir.display(), e);
            println!("0 passed, 1 failed");
            std::process::exit(1);
        }
    };
    if all.is_empty() {
        println!("error: no test programs in {}", dir.display());
        println!("0 passed, 1 failed");
        std::process::exit(1);
    }
    let cases: Vec<Case> = all
        .into_iter()
        .filter(|c| selected(&opts, &c.name))
        .collect();
    if opts.list {
        for c in &cases {
            println!("{}: test", c.name);
        }
        return;
    }

    let pythons = match oracles() {
        Ok(p) => p,
        Err(why) => {
            println!("differential: skipping all {} cases: {}", cases.len(), why);
            println!("0 passed, 0 failed");
            return;
        }
    };
    let target = Target::from_env();
    let mut summary = Vec::new();
    for python in pythons {
        let r = run_suite(&cases, python.clone(), target.clone());
        summary.push((python, r));
    }
    let mut any_failed = false;
    if summary.len() > 1 {
        println!();
        println!("by version:");
    }
    for (python, r) in &summary {
        if summary.len() > 1 {
            println!(
                "  {}: {} passed, {} failed, {} skipped{}",
                python.version_string(),
                r.passed,
                r.failed.len(),
                r.skipped,
                if r.failed.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", r.failed.join(" "))
                }
            );
        }
        any_failed |= !r.failed.is_empty();
    }
    let passed: usize = summary.iter().map(|(_, r)| r.passed).sum();
    let failed: usize = summary.iter().map(|(_, r)| r.failed.len()).sum();
    println!("{} passed, {} failed", passed, failed);
    if any_failed {
        std::process::exit(1);
    }
}

/// The oracle interpreters to run the cases with: `KILN_PYTHON` alone when set; otherwise
/// CPython 3.11 (required) and every other version kiln reads that `KILN_TEST_VERSIONS`
/// names (default: all of 3.8-3.13 found in pyenv; missing ones are reported and skipped).
fn oracles() -> Result<Vec<Python>, String> {
    let main = find_oracle_python()?;
    if std::env::var_os("KILN_PYTHON").is_some_and(|p| !p.is_empty()) {
        return Ok(vec![main]);
    }
    let wanted: Vec<(u32, u32)> = match std::env::var("KILN_TEST_VERSIONS") {
        Ok(v) if !v.trim().is_empty() => v
            .split_whitespace()
            .filter_map(|x| {
                let (a, b) = x.split_once('.')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            })
            .collect(),
        _ => (8..=14).map(|m| (3, m)).collect(),
    };
    let mut out = Vec::new();
    if wanted.contains(&main.minor()) || wanted.is_empty() {
        out.push(main.clone());
    }
    for (major, minor) in wanted {
        if (major, minor) == main.minor() {
            continue;
        }
        let found = find_pyenv_python(major, minor)
            .or_else(|| pyodide_python(major, minor))
            .and_then(|p| {
                python_version(&p).map(|version| Python {
                    program: p,
                    version,
                })
            })
            .filter(|p| p.minor() == (major, minor));
        match found {
            Some(p) => out.push(p),
            None => println!(
                "differential: no CPython {major}.{minor} found (~/.pyenv/versions/{major}.{minor}.*{}): its cases are skipped",
                if (major, minor) == (3, 14) { ", or Pyodide in .cache/pyodide from scripts/setup.sh" } else { "" }
            ),
        }
    }
    Ok(out)
}

/// CPython 3.14 through Pyodide under Node (`tests/pyodide/python3.14`), when
/// `scripts/setup.sh` installed it into `.cache/pyodide`.
fn pyodide_python(major: u32, minor: u32) -> Option<PathBuf> {
    if (major, minor) != (3, 14) {
        return None;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let installed = root.join(".cache/pyodide/node_modules/pyodide/pyodide.mjs");
    installed
        .is_file()
        .then(|| root.join("tests/pyodide/python3.14"))
}

/// Compiles every case to its `.pyc` with one run of the oracle (starting Pyodide takes
/// seconds). A case it could not compile is left to `run_case`, which reports why.
fn precompile(ctx: &Context, cases: &[Case]) {
    const BATCH: &str = "import py_compile, sys\n\
        a = sys.argv[1:]\n\
        for src, dst in zip(a[::2], a[1::2]):\n\
        \x20   try:\n\
        \x20       py_compile.compile(src, cfile=dst, doraise=True)\n\
        \x20   except Exception:\n\
        \x20       pass\n";
    let mut cmd = Command::new(&ctx.python.program);
    cmd.arg("-c").arg(BATCH);
    for case in cases {
        let dir = ctx.work.join(&case.name);
        if fs::create_dir_all(&dir).is_err() {
            return;
        }
        cmd.arg(&case.source)
            .arg(dir.join(format!("{}.pyc", case.name)));
    }
    let _ = run_with_timeout(&mut cmd, Duration::from_secs(600));
}

/// What one oracle's run gave.
struct SuiteResult {
    passed: usize,
    skipped: usize,
    failed: Vec<String>,
}

fn run_suite(cases: &[Case], python: Python, target: Target) -> SuiteResult {
    let mut work = match TempDir::new("kiln-differential") {
        Ok(t) => t,
        Err(e) => {
            println!("error: cannot create a temporary directory: {}", e);
            return SuiteResult {
                passed: 0,
                skipped: 0,
                failed: vec!["<harness>".into()],
            };
        }
    };
    let keep = std::env::var("KILN_TEST_KEEP").is_ok_and(|v| !v.is_empty() && v != "0");
    if keep {
        work.keep();
    }

    println!(
        "differential: {} case(s), oracle {} ({}), target {}, {} workers",
        cases.len(),
        python.program.display(),
        python.version_string(),
        target.name,
        WORKERS
    );
    let ctx = Arc::new(Context {
        kiln: PathBuf::from(env!("CARGO_BIN_EXE_kiln")),
        python,
        target,
        work: work.path().to_path_buf(),
    });

    precompile(&ctx, cases);
    let total = cases.len();
    let queue = Arc::new(Mutex::new(
        cases.iter().cloned().collect::<VecDeque<Case>>(),
    ));
    type Outcomes = Vec<(String, Option<bool>)>;
    let results: Arc<Mutex<Outcomes>> = Arc::new(Mutex::new(Vec::new()));
    let out_lock = Arc::new(Mutex::new(()));
    let mut handles = Vec::new();
    for _ in 0..WORKERS.min(total.max(1)) {
        let (ctx, queue, results, out_lock) = (
            ctx.clone(),
            queue.clone(),
            results.clone(),
            out_lock.clone(),
        );
        handles.push(thread::spawn(move || loop {
            let case = match queue.lock().unwrap().pop_front() {
                Some(c) => c,
                None => break,
            };
            // A panic in the harness itself counts as a failure of that case, not of the run.
            let outcome =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_case(&ctx, &case)))
                    .unwrap_or_else(|_| {
                        Outcome::Fail("the test harness panicked on this case".to_string())
                    });
            let result = match outcome {
                Outcome::Pass => Some(true),
                Outcome::Fail(_) => Some(false),
                Outcome::Skip(_) => None,
            };
            {
                let _g = out_lock.lock().unwrap();
                let mut so = std::io::stdout().lock();
                match &outcome {
                    Outcome::Pass => {
                        let _ = writeln!(so, "ok    {}", case.name);
                    }
                    Outcome::Fail(why) => {
                        let _ = writeln!(so, "FAIL  {}\n    {}", case.name, why);
                    }
                    Outcome::Skip(why) => {
                        let _ = writeln!(so, "skip  {} ({})", case.name, why);
                    }
                }
                let _ = so.flush();
            }
            // Free the disk space of a finished case early unless asked to keep it.
            if !keep {
                let _ = fs::remove_dir_all(ctx.work.join(&case.name));
            }
            results.lock().unwrap().push((case.name, result));
        }));
    }
    for h in handles {
        let _ = h.join();
    }

    let mut results = results.lock().unwrap().clone();
    results.sort();
    let passed = results.iter().filter(|r| r.1 == Some(true)).count();
    let skipped = results.iter().filter(|r| r.1.is_none()).count();
    let mut failed: Vec<String> = results
        .iter()
        .filter(|r| r.1 == Some(false))
        .map(|r| r.0.clone())
        .collect();
    let lost = total - results.len();
    if lost > 0 {
        println!("({} case(s) never reported: a worker thread died)", lost);
        failed.push(format!("<{lost} lost>"));
    }
    if !failed.is_empty() {
        println!();
        println!("failed cases: {}", failed.join(" "));
    }
    if keep {
        println!("temporary files kept in {}", ctx.work.display());
    }
    drop(work);
    println!(
        "{}: {} passed, {} failed, {} skipped",
        ctx.python.version_string(),
        passed,
        failed.len(),
        skipped
    );
    SuiteResult {
        passed,
        skipped,
        failed,
    }
}
