//! Tracebacks show each entry's source line when the module's `.py` was found at build time
//! (the `.py` itself, or the `.py` beside a `.pyc`), embedded in the executable as CPython
//! prints it; otherwise only file, line and function. Needs CPython 3.11 (else a note and a
//! pass).

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use support::{find_oracle_python, run_with_timeout, RunOutput, TempDir};

const PROGRAM: &str = "\
def f(x):
    return 1 / x


f(0)
";

fn run(cmd: &mut Command) -> RunOutput {
    run_with_timeout(cmd, Duration::from_secs(300)).expect("cannot run")
}

/// Builds `input` and returns the executable's stderr.
fn traceback_of(input: &Path, dir: &Path, python: &Path) -> String {
    let exe = dir.join("prog");
    let out = run(Command::new(env!("CARGO_BIN_EXE_kiln")).args([
        "build",
        input.to_str().unwrap(),
        "--no-cache",
        "-o",
        exe.to_str().unwrap(),
        "--python",
        python.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "kiln build: {}", out.stderr_text());
    let ran = run(&mut Command::new(&exe));
    assert_eq!(ran.status.code(), Some(1));
    ran.stderr_text()
}

#[test]
fn tracebacks_show_source_lines_when_the_source_was_there() {
    let py = match find_oracle_python() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("note: skipped, needs CPython 3.11: {why}");
            return;
        }
    };
    let dir = TempDir::new("kiln-tbsrc").expect("temporary directory");
    let src = dir.join("app.py");
    fs::write(&src, PROGRAM).unwrap();
    let with_lines = [
        "  File \"",
        "app.py\", line 5, in <module>\n    f(0)\n",
        "app.py\", line 2, in f\n    return 1 / x\nZeroDivisionError: division by zero\n",
    ];
    // From the .py.
    let tb = traceback_of(&src, dir.path(), &py.program);
    for part in with_lines {
        assert!(tb.contains(part), "no `{part}` in:\n{tb}");
    }
    // From a .pyc beside its .py.
    let pyc = dir.join("app.pyc");
    py.compile(&src, &pyc).unwrap();
    let tb = traceback_of(&pyc, dir.path(), &py.program);
    assert!(tb.contains("    return 1 / x\n"), "{tb}");
    // From a .pyc alone: file, line and function only.
    let alone = dir.join("alone");
    fs::create_dir(&alone).unwrap();
    fs::copy(&pyc, alone.join("app.pyc")).unwrap();
    let tb = traceback_of(&alone.join("app.pyc"), &alone, &py.program);
    assert!(
        tb.contains("app.py\", line 2, in f\nZeroDivisionError"),
        "{tb}"
    );
    assert!(!tb.contains("return 1 / x"), "{tb}");
}
