//! Writing to a closed pipe (`prog | head -1`) ends as CPython ends: SIGPIPE is ignored, the
//! write raises `BrokenPipeError`, the traceback goes to stderr and the exit status is 1.
//!
//! The program is built with the `kiln` binary and run with its stdout read once and then
//! closed; CPython 3.11 runs the same `.pyc` the same way as the oracle. Without a CPython 3.11
//! the test prints a note and passes without checking anything.

mod support;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{find_oracle_python, last_nonempty_line, run_with_timeout, TempDir};

const PROGRAM: &str = "\
for i in range(1_000_000):
    print(i, 'a line long enough to fill pipe buffers quickly')
";

/// Runs `cmd`, reads one chunk of its stdout, closes the pipe, and returns its exit status
/// and stderr.
fn run_and_close(cmd: &mut Command) -> (Option<i32>, Option<i32>, String) {
    use std::os::unix::process::ExitStatusExt;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start the program");
    let mut out = child.stdout.take().unwrap();
    let mut buf = [0u8; 64];
    let _ = out.read(&mut buf);
    drop(out);
    let mut err = String::new();
    let _ = child.stderr.take().unwrap().read_to_string(&mut err);
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the program did not end after its stdout was closed");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    (status.code(), status.signal(), err)
}

#[test]
fn closed_stdout_is_broken_pipe_error() {
    let py = match find_oracle_python() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("note: skipped, needs CPython 3.11: {why}");
            return;
        }
    };
    let dir = TempDir::new("kiln-pipe-test").expect("cannot create a temporary directory");
    let pyc = py
        .compile_source(dir.path(), "pipe", PROGRAM)
        .expect("CPython cannot compile the program");
    let exe = dir.join("pipe");
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

    let (py_code, py_signal, py_err) = run_and_close(Command::new(&py.program).arg(&pyc));
    let (code, signal, err) = run_and_close(&mut Command::new(&exe));
    assert_eq!(signal, None, "kiln's program died of signal {signal:?}");
    assert_eq!(
        (code, signal),
        (py_code, py_signal),
        "exit status; stderr:\n{err}"
    );
    assert_eq!(last_nonempty_line(&err), last_nonempty_line(&py_err));
    assert_eq!(
        last_nonempty_line(&err),
        "BrokenPipeError: [Errno 32] Broken pipe"
    );
}
