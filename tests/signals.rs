//! Signals sent to a running program. Ctrl-C (SIGINT) raises `KeyboardInterrupt` at the next
//! safe point (a loop header or a call): caught, the program goes on; uncaught, it prints the
//! traceback and dies by SIGINT, as CPython does. SIGTERM kills as CPython's default does (death
//! by SIGTERM) but, unlike CPython, only after writing out buffered `sys.stdout` and file output
//! (issue 10: no output is lost).
//!
//! Each program prints `ready` (flushed) before its endless part; the test waits for that line,
//! sends the signal, and compares the outcome with CPython 3.11 running the same `.pyc`.
//! Without a CPython 3.11 the tests print a note and pass without checking anything.

mod support;

use std::fs;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{find_oracle_python, last_nonempty_line, run_with_timeout, Python, TempDir};

const SIGINT: i32 = 2;
const SIGTERM: i32 = 15;

/// What a run ended with: exit code or signal, stdout, stderr.
#[derive(Debug)]
struct Outcome {
    code: Option<i32>,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
}

extern "C" {
    fn signal(sig: i32, handler: usize) -> usize;
    fn kill(pid: i32, sig: i32) -> i32;
}

/// Runs `cmd` in `dir` with stdout and stderr going to files (stdin a pipe kept open), waits
/// until stdout holds `ready`, sends `sig`, and waits for the end.
fn run_and_signal(mut cmd: Command, dir: &Path, tag: &str, sig: i32) -> Outcome {
    let out_path = dir.join(format!("{tag}.out"));
    let err_path = dir.join(format!("{tag}.err"));
    // The signals start with their default action even where the test runs with them ignored
    // (a background job of a shell script ignores SIGINT).
    unsafe {
        cmd.pre_exec(|| {
            signal(SIGINT, 0);
            signal(SIGTERM, 0);
            Ok(())
        });
    }
    let mut child = cmd
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("cannot start the program");
    let start = Instant::now();
    while !fs::read_to_string(&out_path)
        .unwrap_or_default()
        .contains("ready")
    {
        if start.elapsed() > Duration::from_secs(30) || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!(
                "{tag}: the program did not print `ready`; stderr:\n{}",
                fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    // Let it get into its loop.
    std::thread::sleep(Duration::from_millis(200));
    unsafe { kill(child.id() as i32, sig) };
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("{tag}: the program did not end after signal {sig}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    drop(child.stdin.take());
    Outcome {
        code: status.code(),
        signal: status.signal(),
        stdout: fs::read_to_string(&out_path).unwrap(),
        stderr: fs::read_to_string(&err_path).unwrap(),
    }
}

struct Setup {
    py: Python,
    dir: TempDir,
}

fn setup(tag: &str) -> Option<Setup> {
    match find_oracle_python() {
        Ok(py) => Some(Setup {
            py,
            dir: TempDir::new(tag).expect("cannot create a temporary directory"),
        }),
        Err(why) => {
            eprintln!("note: skipped, needs CPython 3.11: {why}");
            None
        }
    }
}

impl Setup {
    /// Compiles `source` with CPython and builds it with kiln: (the .pyc, the executable).
    fn build(&self, name: &str, source: &str) -> (PathBuf, PathBuf) {
        let pyc = self
            .py
            .compile_source(self.dir.path(), name, source)
            .expect("CPython cannot compile the program");
        let exe = self.dir.join(name);
        let built = run_with_timeout(
            Command::new(env!("CARGO_BIN_EXE_kiln"))
                .arg("build")
                .arg(&pyc)
                .arg("-o")
                .arg(&exe),
            Duration::from_secs(120),
        )
        .expect("cannot run kiln");
        assert!(
            built.status.success(),
            "kiln build failed: {}",
            built.stderr_text()
        );
        (pyc, exe)
    }

    /// Runs the program under CPython and as a kiln executable, signalling each.
    fn both(&self, name: &str, source: &str, sig: i32) -> (Outcome, Outcome) {
        let (pyc, exe) = self.build(name, source);
        let mut py = Command::new(&self.py.program);
        py.arg(&pyc);
        let expected = run_and_signal(py, self.dir.path(), &format!("{name}-cpython"), sig);
        let got = run_and_signal(
            Command::new(&exe),
            self.dir.path(),
            &format!("{name}-kiln"),
            sig,
        );
        (expected, got)
    }
}

/// Same exit status or signal, stdout and last line of stderr.
fn assert_same(expected: &Outcome, got: &Outcome) {
    assert_eq!(
        (got.code, got.signal),
        (expected.code, expected.signal),
        "exit status (CPython: {expected:?}; kiln: {got:?})"
    );
    assert_eq!(got.stdout, expected.stdout, "stdout");
    assert_eq!(
        last_nonempty_line(&got.stderr),
        last_nonempty_line(&expected.stderr),
        "last line of stderr (kiln's stderr:\n{})",
        got.stderr
    );
}

#[test]
fn sigint_in_a_loop_without_calls_is_keyboard_interrupt() {
    let Some(s) = setup("kiln-sigint-loop") else {
        return;
    };
    let source = "print('ready', flush=True)\nprint('buffered')\nn = 0\nwhile True:\n    n += 1\n";
    let (expected, got) = s.both("spin", source, SIGINT);
    assert_same(&expected, &got);
    assert_eq!(got.signal, Some(SIGINT));
    assert_eq!(last_nonempty_line(&got.stderr), "KeyboardInterrupt");
    assert!(got.stderr.contains("Traceback"), "{}", got.stderr);
}

#[test]
fn sigint_in_calls_and_generators() {
    let Some(s) = setup("kiln-sigint-caught") else {
        return;
    };
    // Calls in a loop: interrupted and handled.
    let source = "\
def step(n):
    return n + 1

print('ready', flush=True)
try:
    i = 0
    while True:
        i = step(i)
except KeyboardInterrupt as e:
    print('caught', type(e).__name__, e.args, type(i).__name__)
print('done')
";
    let (expected, got) = s.both("caught", source, SIGINT);
    assert_same(&expected, &got);
    assert_eq!(got.code, Some(0));
    assert!(got.stdout.contains("caught KeyboardInterrupt ()"));

    let source = "\
def endless():
    k = 0
    while True:
        yield k
        k += 1

print('ready', flush=True)
total = 0
try:
    for k in endless():
        total += k
finally:
    print('finally runs')
";
    let (expected, got) = s.both("generator", source, SIGINT);
    assert_same(&expected, &got);
    assert_eq!(got.signal, Some(SIGINT));
}

#[test]
fn sigterm_loses_no_output() {
    let Some(s) = setup("kiln-sigterm") else {
        return;
    };
    // CPython's default SIGTERM kills without flushing: its stdout stops at `ready` and the
    // file stays empty. kiln dies by the same signal, with everything written out.
    let source = "\
print('ready', flush=True)
print('buffered line')
f = open('written.txt', 'w')
f.write('file data')
n = 0
while True:
    n += 1
";
    let (expected, got) = s.both("term", source, SIGTERM);
    assert_eq!(expected.signal, Some(SIGTERM));
    assert_eq!((got.code, got.signal), (None, Some(SIGTERM)), "{got:?}");
    assert_eq!(got.stdout, "ready\nbuffered line\n");
    assert_eq!(
        fs::read_to_string(s.dir.join("written.txt")).unwrap(),
        "file data"
    );

    // Waiting in input(), where no safe point is reached: the output is still written.
    let source = "\
print('ready', flush=True)
f = open('waiting.txt', 'w')
f.write('before input')
print('buffered')
input()
";
    let (_, exe) = s.build("term_input", source);
    let got = run_and_signal(Command::new(&exe), s.dir.path(), "term_input", SIGTERM);
    assert_eq!((got.code, got.signal), (None, Some(SIGTERM)), "{got:?}");
    assert_eq!(got.stdout, "ready\nbuffered\n");
    assert_eq!(
        fs::read_to_string(s.dir.join("waiting.txt")).unwrap(),
        "before input"
    );
}
