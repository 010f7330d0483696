//! `kiln build --trace`: an executable that prints each bytecode instruction as it runs when
//! `KILN_TRACE` is set, and nothing (and costs nothing) otherwise.
//!
//! Each `tests/trace/NAME.py` is built with `--trace` from CPython 3.11's bytecode and run with
//! `KILN_TRACE=1`; its stderr must equal `tests/trace/NAME.trace`, with the build directory
//! written `DIR` and object addresses `0x...`. `KILN_BLESS=1` rewrites the expected files.
//! Without CPython 3.11 the tests say so and pass without checking.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{find_oracle_python, run_with_timeout, Python, RunOutput, TempDir};

fn trace_dir() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/trace")).to_path_buf()
}

fn python() -> Option<Python> {
    match find_oracle_python() {
        Ok(p) if p.minor() == (3, 11) => Some(p),
        Ok(p) => {
            eprintln!(
                "note: skipped, the expected traces are of CPython 3.11 bytecode, not {}",
                p.version_string()
            );
            None
        }
        Err(why) => {
            eprintln!("note: skipped, the trace tests need CPython 3.11: {why}");
            None
        }
    }
}

fn run(cmd: &mut Command) -> RunOutput {
    run_with_timeout(cmd, Duration::from_secs(300)).expect("cannot run")
}

/// Builds `src` (copied into `dir`) with `--trace`; returns the executable.
fn build_traced(py: &Python, dir: &Path, src: &Path) -> PathBuf {
    let name = src.file_stem().unwrap().to_string_lossy().into_owned();
    let copy = dir.join(format!("{name}.py"));
    fs::copy(src, &copy).unwrap();
    let exe = dir.join(&name);
    let out = run(Command::new(env!("CARGO_BIN_EXE_kiln")).args([
        "build",
        copy.to_str().unwrap(),
        "--trace",
        "--no-cache",
        "-o",
        exe.to_str().unwrap(),
        "--python",
        py.program.to_str().unwrap(),
    ]));
    assert!(
        out.status.success(),
        "kiln build --trace: {}",
        out.stderr_text()
    );
    exe
}

/// The trace with what differs between runs and machines replaced.
fn normalize(text: &str, dir: &Path) -> String {
    let text = text.replace(&dir.display().to_string(), "DIR");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        let after = &rest[i + 2..];
        let hex = after.chars().take_while(|c| c.is_ascii_hexdigit()).count();
        if hex > 0 {
            out.push_str("...");
        }
        rest = &after[hex..];
    }
    out.push_str(rest);
    out
}

#[test]
fn traces_match_the_expected_text() {
    let Some(py) = python() else { return };
    let bless = std::env::var_os("KILN_BLESS").is_some_and(|v| v == "1");
    let dir = TempDir::new("kiln-trace").expect("temporary directory");
    let mut programs: Vec<PathBuf> = fs::read_dir(trace_dir())
        .expect("tests/trace")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty());
    for src in &programs {
        let exe = build_traced(&py, dir.path(), src);
        let traced = run(Command::new(&exe).env("KILN_TRACE", "1"));
        let plain = run(Command::new(&exe).env_remove("KILN_TRACE"));
        let cpython = run(Command::new(&py.program).arg(src));
        assert_eq!(
            traced.stdout,
            cpython.stdout,
            "{}: stdout as CPython's",
            src.display()
        );
        assert_eq!(plain.stdout, cpython.stdout);
        assert!(
            plain.stderr.is_empty(),
            "no trace without KILN_TRACE: {}",
            plain.stderr_text()
        );
        let got = normalize(&traced.stderr_text(), dir.path());
        let expected = src.with_extension("trace");
        if bless {
            fs::write(&expected, &got).unwrap();
            eprintln!("blessed {}", expected.display());
            continue;
        }
        let want = fs::read_to_string(&expected).unwrap_or_default();
        assert_eq!(
            want,
            got,
            "{}: the trace differs (KILN_BLESS=1 rewrites it)",
            expected.display()
        );
    }
}

#[test]
fn level_two_adds_the_stack() {
    let Some(py) = python() else { return };
    let dir = TempDir::new("kiln-trace2").expect("temporary directory");
    let exe = build_traced(&py, dir.path(), &trace_dir().join("power.py"));
    let out = run(Command::new(&exe).env("KILN_TRACE", "2"));
    let err = out.stderr_text();
    assert!(
        err.contains("L. 2 @ 6: BINARY_OP (2, 3) ** -> 8\n    stack: [8]\n"),
        "{err}"
    );
}

#[test]
fn without_trace_nothing_is_instrumented() {
    let Some(py) = python() else { return };
    let dir = TempDir::new("kiln-trace3").expect("temporary directory");
    let pyc = dir.join("power.pyc");
    py.compile(&trace_dir().join("power.py"), &pyc).unwrap();
    let dis = |extra: &[&str]| {
        let out = run(Command::new(env!("CARGO_BIN_EXE_kiln"))
            .args(["dis", pyc.to_str().unwrap(), "--stage", "opt"])
            .args(extra));
        assert!(out.status.success(), "{}", out.stderr_text());
        out.stdout_text()
    };
    assert!(!dis(&[]).contains("rt trace("));
    assert!(dis(&["--trace"]).contains("rt trace("));
}
