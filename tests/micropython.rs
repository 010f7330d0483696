//! MicroPython's `tests/basics` programs, run differentially: CPython 3.11 is the oracle.
//!
//! The corpus is not part of the repository. `scripts/fetch-micropython.sh` downloads Debian's
//! micropython source package (trixie) and extracts `tests/basics/*.py` into the ignored cache
//! `.cache/micropython/basics/`; when that is impossible (no network, a 404, ...) this harness
//! prints the reason and `0 passed, 0 failed` and exits 0.
//!
//! For every program not on `tests/micropython_skip.txt`: compile it to a `.pyc` with the oracle
//! (`py_compile`), run the oracle on the `.pyc` (30 s), `kiln build` the same `.pyc` (60 s) and
//! run the executable (30 s), all with standard input from /dev/null. A program passes when
//! stdout and the exit status are identical, and, for a non-zero status, the last non-empty line
//! of stderr too. Two worker threads; both interpreters run under a 4 GiB address-space limit,
//! and after 20 minutes the programs not yet started count as failed. One line per failure
//! with a short reason, then `N passed, M failed, K skipped`.
//!
//! `tests/micropython_pass.txt` lists the programs known to pass: when one of them fails, the
//! harness names it and exits 1. Programs passing but not listed are reported and do not fail.
//! With `KILN_MP_UPDATE=1` the pass list is rewritten with the current passing set.
//!
//! It is a plain program (`harness = false` in cli/Cargo.toml), run by `cargo test --release`.
//!
//! Command line and environment:
//! * arguments not starting with `-`, or `KILN_TEST_FILTER`: run only the programs whose name
//!   contains one of these substrings (the pass list is then checked for those only and
//!   `KILN_MP_UPDATE` is refused); `--list` prints the names of the programs that would run;
//! * `KILN_MP_CACHE`: the corpus directory (default `<repo>/.cache/micropython/basics`; the
//!   fetch script honours it too);
//! * `KILN_MP_UPDATE=1`: rewrite `tests/micropython_pass.txt`;
//! * `KILN_PYTHON`: the oracle interpreter (as for the differential tests);
//! * `KILN_TEST_KEEP=1`: keep the temporary directory.

mod support;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use support::{
    find_oracle_python, last_nonempty_line, run_with_timeout, Python, RunOutput, Status, TempDir,
};

const WORKERS: usize = 2;
const ORACLE_TIMEOUT: Duration = Duration::from_secs(30);
const BUILD_TIMEOUT: Duration = Duration::from_secs(60);
const RUN_TIMEOUT: Duration = Duration::from_secs(30);
const FETCH_TIMEOUT: Duration = Duration::from_secs(300);
/// When the whole run has taken this long (something hangs everywhere), the programs not yet
/// started are not run and count as failed, so that CI ends in time.
const TOTAL_BUDGET: Duration = Duration::from_secs(20 * 60);
/// Address-space limit (KiB) for the oracle and the executables, so that a runaway program
/// gets a MemoryError or dies instead of pushing the machine into swap.
const MEMORY_LIMIT_KIB: u64 = 4 * 1024 * 1024;
/// Longest reason printed for a failure.
const REASON_MAX: usize = 160;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn skip_file() -> PathBuf {
    repo_root().join("tests").join("micropython_skip.txt")
}

fn pass_file() -> PathBuf {
    repo_root().join("tests").join("micropython_pass.txt")
}

fn corpus_dir() -> PathBuf {
    match std::env::var_os("KILN_MP_CACHE").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => repo_root()
            .join(".cache")
            .join("micropython")
            .join("basics"),
    }
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Ends the run without testing anything (the corpus or the oracle is missing).
fn unavailable(why: &str) -> ! {
    println!("micropython: {}", why);
    println!("0 passed, 0 failed");
    std::process::exit(0);
}

/// Ends the run on a problem of the harness itself (an unreadable list, ...).
fn harness_error(why: &str) -> ! {
    println!("micropython: error: {}", why);
    println!("0 passed, 1 failed");
    std::process::exit(1);
}

/// Runs the fetch script; returns the reason when the corpus is unavailable.
fn fetch_corpus(dir: &Path) -> Result<(), String> {
    let has_programs = |d: &Path| {
        fs::read_dir(d).is_ok_and(|rd| {
            rd.flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "py"))
        })
    };
    let script = repo_root().join("scripts").join("fetch-micropython.sh");
    let mut cmd = Command::new("bash");
    cmd.arg(&script).env("KILN_MP_CACHE", dir);
    match run_with_timeout(&mut cmd, FETCH_TIMEOUT) {
        Ok(out) => {
            let text = out.stdout_text();
            let mut reason = None;
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                match line.strip_prefix("micropython corpus unavailable: ") {
                    Some(r) => reason = Some(r.to_string()),
                    None => println!("{}", line),
                }
            }
            if let Some(r) = reason {
                if !has_programs(dir) {
                    return Err(r);
                }
            }
            if out.status != Status::Exited(0) {
                let err = out.stderr_text();
                if !has_programs(dir) {
                    return Err(format!(
                        "{} ended with {}: {}",
                        script.display(),
                        out.status,
                        last_nonempty_line(&err)
                    ));
                }
            }
        }
        Err(e) => {
            if !has_programs(dir) {
                return Err(format!("cannot run {}: {}", script.display(), e));
            }
        }
    }
    if has_programs(dir) {
        Ok(())
    } else {
        Err(format!("no programs in {}", dir.display()))
    }
}

/// `name.py  reason` lines; `#` starts a comment line. Returns name -> reason.
fn read_skip_list(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {}", path.display(), e))?;
    let mut map = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, reason) = match line.split_once(char::is_whitespace) {
            Some((n, r)) => (n, r.trim()),
            None => (line, ""),
        };
        if !name.ends_with(".py") || reason.is_empty() {
            return Err(format!(
                "{}:{}: expected `name.py  reason`, got {:?}",
                path.display(),
                i + 1,
                line
            ));
        }
        map.insert(name.to_string(), reason.to_string());
    }
    Ok(map)
}

/// One `name.py` a line; `#` starts a comment line. A missing file is an empty list.
fn read_pass_list(path: &Path) -> Result<BTreeSet<String>, String> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => return Err(format!("cannot read {}: {}", path.display(), e)),
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or(l).to_string())
        .collect())
}

fn write_pass_list(path: &Path, passing: &BTreeSet<String>) -> std::io::Result<()> {
    let mut text = String::new();
    text.push_str(
        "# MicroPython tests/basics programs that kiln passes (see tests/micropython.rs).\n",
    );
    text.push_str("# `cargo test --release` fails when one of them stops passing.\n");
    text.push_str("# Regenerate with: KILN_MP_UPDATE=1 cargo test --release --test micropython\n");
    for name in passing {
        text.push_str(name);
        text.push('\n');
    }
    fs::write(path, text)
}

struct Context {
    kiln: PathBuf,
    python: Python,
    work: PathBuf,
    keep: bool,
}

enum Outcome {
    Pass,
    Fail(String),
}

/// A command that runs `program args...` under the address-space limit.
fn limited(program: &Path) -> Command {
    let mut cmd = Command::new("bash");
    cmd.arg("-c")
        .arg(format!(
            "ulimit -v {} 2>/dev/null; exec \"$0\" \"$@\"",
            MEMORY_LIMIT_KIB
        ))
        .arg(program);
    cmd
}

/// Shortens `s` to one line of at most REASON_MAX characters.
fn short(s: &str) -> String {
    let line = s.lines().next().unwrap_or("").trim_end();
    if line.chars().count() > REASON_MAX {
        let cut: String = line.chars().take(REASON_MAX).collect();
        format!("{}...", cut)
    } else {
        line.to_string()
    }
}

fn first_nonempty_line(text: &str) -> &str {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
}

/// The first line where two outputs differ, as `line N: python "..." kiln "..."`.
fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let el: Vec<&str> = exp.split_inclusive('\n').collect();
    let al: Vec<&str> = act.split_inclusive('\n').collect();
    for i in 0..el.len().max(al.len()) {
        let (e, a) = (el.get(i), al.get(i));
        if e != a {
            let show = |l: Option<&&str>| match l {
                Some(l) => format!("{:?}", short(l.trim_end_matches('\n'))),
                None => "<end of output>".to_string(),
            };
            return format!("stdout line {}: python {} kiln {}", i + 1, show(e), show(a));
        }
    }
    "stdout differs in bytes that are not valid UTF-8".to_string()
}

fn compare(expected: &RunOutput, actual: &RunOutput) -> Outcome {
    let a_err = actual.stderr_text();
    let a_last = last_nonempty_line(&a_err);
    if expected.status != actual.status {
        let mut why = format!("python {}, kiln {}", expected.status, actual.status);
        if !a_last.is_empty() {
            why.push_str(&format!(": {}", short(a_last)));
        } else if expected.stdout != actual.stdout {
            why.push_str(&format!(
                "; {}",
                first_difference(&expected.stdout, &actual.stdout)
            ));
        }
        return Outcome::Fail(why);
    }
    if expected.stdout != actual.stdout {
        let mut why = first_difference(&expected.stdout, &actual.stdout);
        if !a_last.is_empty() && expected.status != Status::Exited(0) {
            why.push_str(&format!(" (kiln stderr: {})", short(a_last)));
        }
        return Outcome::Fail(why);
    }
    if expected.status != Status::Exited(0) {
        let e_err = expected.stderr_text();
        let e_last = last_nonempty_line(&e_err);
        if e_last != a_last {
            return Outcome::Fail(format!(
                "last stderr line: python {:?} kiln {:?}",
                short(e_last),
                short(a_last)
            ));
        }
    }
    Outcome::Pass
}

fn run_program(ctx: &Context, name: &str, source: &Path) -> Outcome {
    let stem = name.trim_end_matches(".py");
    let dir = ctx.work.join(stem);
    if let Err(e) = fs::create_dir_all(&dir) {
        return Outcome::Fail(format!("cannot create {}: {}", dir.display(), e));
    }
    let pyc = dir.join(format!("{}.pyc", stem));
    let exe = dir.join(stem);

    // 1. The .pyc, compiled by CPython from a copy of the source beside it (a program may read
    // its own source: sys_path.py); a program CPython rejects belongs on the skip list.
    let copy = dir.join(name);
    if let Err(e) = fs::copy(source, &copy) {
        return Outcome::Fail(format!(
            "cannot copy {} to {}: {}",
            source.display(),
            copy.display(),
            e
        ));
    }
    if let Err(e) = ctx.python.compile(&copy, &pyc) {
        let last = last_nonempty_line(&e).to_string();
        return Outcome::Fail(format!(
            "CPython rejects it (put it on the skip list): {}",
            short(&last)
        ));
    }

    // 2. The oracle.
    let mut oracle = limited(&ctx.python.program);
    oracle
        .arg(&pyc)
        .current_dir(&dir)
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONUTF8", "1");
    let expected = match run_with_timeout(&mut oracle, ORACLE_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Outcome::Fail(format!("cannot run the oracle: {}", e)),
    };
    if expected.status == Status::TimedOut {
        return Outcome::Fail("CPython itself timed out (put it on the skip list)".to_string());
    }

    // 3. kiln build.
    let mut build = Command::new(&ctx.kiln);
    build
        .arg("build")
        .arg(&pyc)
        .arg("-o")
        .arg(&exe)
        .current_dir(&dir);
    let built = match run_with_timeout(&mut build, BUILD_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Outcome::Fail(format!("cannot run kiln: {}", e)),
    };
    if !built.status.success() || !exe.is_file() {
        let err = built.stderr_text();
        let first = first_nonempty_line(&err);
        return Outcome::Fail(if built.status.success() {
            "build: kiln exited 0 but wrote no executable".to_string()
        } else if first.is_empty() {
            format!("build: kiln {}", built.status)
        } else {
            format!("build: {}", short(first))
        });
    }

    // 4. The executable.
    let mut run = limited(&exe);
    run.current_dir(&dir);
    let actual = match run_with_timeout(&mut run, RUN_TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Outcome::Fail(format!("cannot run the executable: {}", e)),
    };
    compare(&expected, &actual)
}

/// The interpreter's own executable (`sys.executable`) in place of a launcher such as a pyenv
/// shim, which costs a few hundred milliseconds per start: the harness starts it twice per
/// program.
fn resolve_interpreter(python: Python) -> Python {
    let mut cmd = Command::new(&python.program);
    cmd.arg("-c").arg("import sys; print(sys.executable)");
    if let Ok(out) = run_with_timeout(&mut cmd, Duration::from_secs(30)) {
        let exe = PathBuf::from(out.stdout_text().trim());
        if out.status.success()
            && exe.is_absolute()
            && exe.is_file()
            && support::python_version(&exe) == Some(python.version)
        {
            return Python {
                program: exe,
                version: python.version,
            };
        }
    }
    python
}

struct Options {
    filters: Vec<String>,
    list: bool,
}

/// libtest flags that take a separate value; accepted and ignored, value included.
const IGNORED_FLAGS_WITH_VALUE: &[&str] = &[
    "--test-threads",
    "--format",
    "--color",
    "--logfile",
    "--shuffle-seed",
    "--skip",
    "-Z",
];

fn parse_args() -> Options {
    let mut opts = Options {
        filters: Vec::new(),
        list: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--list" {
            opts.list = true;
        } else if IGNORED_FLAGS_WITH_VALUE.contains(&a.as_str()) {
            args.next();
        } else if !a.starts_with('-') {
            opts.filters.push(a);
        }
    }
    if opts.filters.is_empty() {
        if let Ok(f) = std::env::var("KILN_TEST_FILTER") {
            opts.filters.extend(f.split_whitespace().map(String::from));
        }
    }
    opts
}

fn main() {
    let opts = parse_args();
    let started = Instant::now();
    let update = env_flag("KILN_MP_UPDATE");
    let skip = read_skip_list(&skip_file()).unwrap_or_else(|e| harness_error(&e));
    let pass_list = read_pass_list(&pass_file()).unwrap_or_else(|e| harness_error(&e));

    let dir = corpus_dir();
    if let Err(why) = fetch_corpus(&dir) {
        unavailable(&format!("corpus unavailable: {}", why));
    }
    let mut corpus: Vec<String> = match fs::read_dir(&dir) {
        Ok(rd) => rd
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".py"))
            .collect(),
        Err(e) => unavailable(&format!(
            "corpus unavailable: cannot read {}: {}",
            dir.display(),
            e
        )),
    };
    corpus.sort();
    let corpus_set: BTreeSet<&str> = corpus.iter().map(String::as_str).collect();

    let filtered = !opts.filters.is_empty();
    let selected = |name: &str| !filtered || opts.filters.iter().any(|f| name.contains(f.as_str()));
    let programs: Vec<String> = corpus
        .iter()
        .filter(|n| !skip.contains_key(n.as_str()) && selected(n))
        .cloned()
        .collect();
    let skipped = corpus
        .iter()
        .filter(|n| skip.contains_key(n.as_str()) && selected(n))
        .count();
    if opts.list {
        for p in &programs {
            println!("{}: test", p);
        }
        return;
    }

    let python = match find_oracle_python() {
        Ok(p) => resolve_interpreter(p),
        Err(why) => unavailable(&format!(
            "no oracle, skipping {} programs: {}",
            programs.len(),
            why
        )),
    };
    let mut work = TempDir::new("kiln-micropython")
        .unwrap_or_else(|e| harness_error(&format!("cannot create a temporary directory: {}", e)));
    let keep = env_flag("KILN_TEST_KEEP");
    if keep {
        work.keep();
    }

    println!(
        "micropython: {} programs in {}, {} on the skip list, running {}; oracle {} ({}), {} workers",
        corpus.len(),
        dir.display(),
        corpus.iter().filter(|n| skip.contains_key(n.as_str())).count(),
        programs.len(),
        python.program.display(),
        python.version_string(),
        WORKERS
    );
    for name in skip.keys().filter(|n| !corpus_set.contains(n.as_str())) {
        println!("note: {} is on the skip list but not in the corpus", name);
    }

    let ctx = Arc::new(Context {
        kiln: PathBuf::from(env!("CARGO_BIN_EXE_kiln")),
        python,
        work: work.path().to_path_buf(),
        keep,
    });
    let total = programs.len();
    let queue = Arc::new(Mutex::new(
        programs.into_iter().collect::<VecDeque<String>>(),
    ));
    let results: Arc<Mutex<BTreeMap<String, bool>>> = Arc::new(Mutex::new(BTreeMap::new()));
    let out_lock = Arc::new(Mutex::new(()));
    let mut handles = Vec::new();
    for _ in 0..WORKERS.min(total.max(1)) {
        let (ctx, queue, results, out_lock, dir) = (
            ctx.clone(),
            queue.clone(),
            results.clone(),
            out_lock.clone(),
            dir.clone(),
        );
        handles.push(thread::spawn(move || loop {
            let name = match queue.lock().unwrap().pop_front() {
                Some(n) => n,
                None => break,
            };
            let source = dir.join(&name);
            let outcome = if started.elapsed() > TOTAL_BUDGET {
                Outcome::Fail(format!(
                    "not run: the run exceeded its budget of {} s",
                    TOTAL_BUDGET.as_secs()
                ))
            } else {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    run_program(&ctx, &name, &source)
                }))
                .unwrap_or_else(|_| {
                    Outcome::Fail("the test harness panicked on this program".to_string())
                })
            };
            if let Outcome::Fail(why) = &outcome {
                let _g = out_lock.lock().unwrap();
                let mut so = std::io::stdout().lock();
                let _ = writeln!(so, "FAIL {}: {}", name, why);
                let _ = so.flush();
            }
            if !ctx.keep {
                let _ = fs::remove_dir_all(ctx.work.join(name.trim_end_matches(".py")));
            }
            results
                .lock()
                .unwrap()
                .insert(name, matches!(outcome, Outcome::Pass));
        }));
    }
    for h in handles {
        let _ = h.join();
    }
    let results = results.lock().unwrap().clone();
    if keep {
        println!("temporary files kept in {}", ctx.work.display());
    }
    drop(work);

    let passing: BTreeSet<String> = results
        .iter()
        .filter(|r| *r.1)
        .map(|r| r.0.clone())
        .collect();
    let passed = passing.len();
    let failed = total - passed;

    // The committed pass list: regressions fail the run, newcomers are only reported.
    let mut regressed = Vec::new();
    for name in pass_list.iter().filter(|n| selected(n)) {
        if skip.contains_key(name) {
            println!(
                "note: {} is in tests/micropython_pass.txt and on the skip list",
                name
            );
        } else if !corpus_set.contains(name.as_str()) {
            println!(
                "note: {} is in tests/micropython_pass.txt but not in the corpus",
                name
            );
        } else if !passing.contains(name) {
            regressed.push(name.clone());
        }
    }
    let newly: Vec<&String> = passing.iter().filter(|n| !pass_list.contains(*n)).collect();
    if !newly.is_empty() && !update {
        println!(
            "newly passing: {}, add them to tests/micropython_pass.txt (or run with KILN_MP_UPDATE=1)",
            newly.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
        );
    }
    if update {
        if filtered {
            println!("KILN_MP_UPDATE ignored: a filter was given, so not every program ran");
        } else {
            match write_pass_list(&pass_file(), &passing) {
                Ok(()) => println!(
                    "wrote {} program(s) to {}",
                    passing.len(),
                    pass_file().display()
                ),
                Err(e) => println!("error: cannot write {}: {}", pass_file().display(), e),
            }
        }
    }
    println!("time: {:.0} s", started.elapsed().as_secs_f64());
    println!("{} passed, {} failed, {} skipped", passed, failed, skipped);
    if !regressed.is_empty() {
        println!(
            "regressed: {} program(s) listed in tests/micropython_pass.txt no longer pass: {}",
            regressed.len(),
            regressed.join(" ")
        );
        if !update {
            std::process::exit(1);
        }
    }
}
