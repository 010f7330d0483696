//! `kiln bench`: the command that checks and times kiln's executables against CPython.
//!
//! Runs the built `kiln` binary from the repository's root on the programs in
//! `tests/bench_fixtures/` with few runs, and checks its exit status, its error lines and the
//! JSON and SVG files it writes. Tests that need CPython 3.11 (`python3`, or `KILN_PYTHON`, or
//! `~/.pyenv/versions/3.11.*`) print a note and pass without checking anything when there is none.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use support::{find_oracle_python, run_with_timeout, Python, RunOutput, TempDir};

fn repo_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// `kiln bench ARGS...` from the repository's root.
fn bench(args: &[&str]) -> RunOutput {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiln"));
    cmd.arg("bench").args(args).current_dir(repo_root());
    run_with_timeout(&mut cmd, Duration::from_secs(300)).expect("cannot run the kiln binary")
}

fn python() -> Option<Python> {
    match find_oracle_python() {
        Ok(p) => Some(p),
        Err(why) => {
            eprintln!("note: skipped, kiln bench needs CPython 3.11: {why}");
            None
        }
    }
}

fn no_panic(out: &RunOutput) {
    assert!(
        !out.stderr_text().contains("panicked") && !out.stdout_text().contains("panicked"),
        "kiln panicked:\n{}",
        out.stderr_text()
    );
}

#[test]
fn times_a_program_and_writes_json_and_svg() {
    let Some(py) = python() else { return };
    let dir = TempDir::new("kiln-bench-test").expect("cannot create a temporary directory");
    let json = dir.join("x.json");
    let svg = dir.join("x.svg");
    let python = py.program.to_string_lossy().into_owned();
    let out = bench(&[
        "tests/bench_fixtures/tiny.py",
        "--runs",
        "2",
        "--warmup",
        "0",
        "--python",
        &python,
        "--json",
        json.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ]);
    no_panic(&out);
    assert!(
        out.status.success(),
        "kiln bench failed ({}):\n{}",
        out.status,
        out.stderr_text()
    );
    let table = out.stdout_text();
    assert!(
        table.contains("tiny") && table.contains("geomean"),
        "{table}"
    );

    let json = fs::read_to_string(&json).expect("no JSON file written");
    assert!(json.trim_start().starts_with('{') && json.trim_end().ends_with('}'));
    assert!(json.contains("\"name\": \"tiny\""), "{json}");
    assert!(json.contains("\"failed\": []"), "{json}");
    // The program's entry, after the top-level fields (one of which is also called "ratio").
    let entry = json.split("\"name\": \"tiny\"").nth(1).unwrap_or("");
    let ratio = entry
        .split("\"ratio\": ")
        .nth(1)
        .and_then(|rest| rest.split([',', '}']).next())
        .and_then(|n| n.trim().parse::<f64>().ok());
    assert!(
        ratio.is_some_and(|r| r > 0.0),
        "no ratio number in:\n{json}"
    );
    let geomean = json
        .split("\"geomean\": ")
        .nth(1)
        .and_then(|rest| rest.split(['\n', '}']).next())
        .and_then(|n| n.trim().parse::<f64>().ok());
    assert!(geomean.is_some_and(|g| g > 0.0), "no geomean in:\n{json}");

    let svg = fs::read_to_string(&svg).expect("no SVG file written");
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("<rect") && svg.contains(">tiny<"), "{svg}");
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn a_program_failing_under_cpython_is_reported_and_not_timed() {
    let Some(py) = python() else { return };
    let dir = TempDir::new("kiln-bench-test").expect("cannot create a temporary directory");
    let json = dir.join("x.json");
    let svg = dir.join("x.svg");
    let python = py.program.to_string_lossy().into_owned();
    let out = bench(&[
        "tests/bench_fixtures/fails.py",
        "--runs",
        "1",
        "--warmup",
        "0",
        "--python",
        &python,
        "--json",
        json.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr_text());
    let err = out.stderr_text();
    assert!(
        err.lines()
            .any(|l| l.starts_with("kiln: error: fails:") && l.contains("ZeroDivisionError")),
        "{err}"
    );
    let json = fs::read_to_string(&json).expect("no JSON file written");
    assert!(
        json.contains("\"programs\": []") && json.contains("\"geomean\": null"),
        "{json}"
    );
}

#[test]
fn a_missing_program_is_an_error() {
    let out = bench(&["tests/bench_fixtures/no_such_program.py"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr_text());
    let err = out.stderr_text();
    assert!(
        err.lines()
            .any(|l| l.starts_with("kiln: error:") && l.contains("no_such_program.py")),
        "{err}"
    );
}

#[test]
fn a_missing_interpreter_is_an_error() {
    let out = bench(&[
        "tests/bench_fixtures/tiny.py",
        "--python",
        "/nonexistent/python3",
    ]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr_text());
    let err = out.stderr_text();
    assert!(
        err.lines()
            .any(|l| l.starts_with("kiln: error:") && l.contains("/nonexistent/python3")),
        "{err}"
    );
}

#[test]
fn a_bad_option_is_a_usage_error() {
    let out = bench(&["--runs", "0"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{}", out.stderr_text());
    assert!(out.stderr_text().starts_with("kiln: error: --runs"));
}
