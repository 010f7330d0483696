//! The stage dumps: `kiln dis --stage` and `kiln build --emit=ir,opt,clif,asm`.
//!
//! Golden files: every `tests/golden/NAME.py` is compiled with CPython 3.11 and its IR as lifted
//! and as code generation receives it (`kiln dis --stage ir --stage opt`) must equal
//! `tests/golden/NAME.ir`, so that a change in lifting or lowering shows up as a readable diff.
//! `KILN_BLESS=1 cargo test --release --test stages` rewrites the golden files from what kiln
//! prints now. Without CPython 3.11 the tests say so and pass without checking.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{find_oracle_python, run_with_timeout, Python, RunOutput, TempDir};

fn golden_dir() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/golden")).to_path_buf()
}

fn kiln(args: &[&str]) -> RunOutput {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiln"));
    cmd.args(args);
    run_with_timeout(&mut cmd, Duration::from_secs(300)).expect("cannot run the kiln binary")
}

fn python() -> Option<Python> {
    match find_oracle_python() {
        Ok(p) if p.minor() == (3, 11) => Some(p),
        Ok(p) => {
            eprintln!(
                "note: skipped, the golden files are of CPython 3.11 bytecode, not {}",
                p.version_string()
            );
            None
        }
        Err(why) => {
            eprintln!("note: skipped, the stage tests need CPython 3.11: {why}");
            None
        }
    }
}

fn ok(out: &RunOutput, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed:\n{}",
        out.stderr_text()
    );
    out.stdout_text()
}

/// The first line where `a` and `b` differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  expected: {x}\n  got:      {y}", i + 1);
        }
    }
    format!(
        "lengths differ: expected {} lines, got {}",
        a.lines().count(),
        b.lines().count()
    )
}

#[test]
fn golden_ir() {
    let Some(py) = python() else { return };
    let bless = std::env::var_os("KILN_BLESS").is_some_and(|v| v == "1");
    let dir = TempDir::new("kiln-golden").expect("temporary directory");
    let mut programs: Vec<PathBuf> = fs::read_dir(golden_dir())
        .expect("tests/golden")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 4, "tests/golden has its programs");
    let mut failures = Vec::new();
    for src in &programs {
        let name = src.file_stem().unwrap().to_string_lossy().into_owned();
        let pyc = dir.join(format!("{name}.pyc"));
        py.compile(src, &pyc)
            .expect("CPython compiles the golden program");
        let got = ok(
            &kiln(&[
                "dis",
                pyc.to_str().unwrap(),
                "--stage",
                "ir",
                "--stage",
                "opt",
            ]),
            "kiln dis",
        );
        let golden = src.with_extension("ir");
        if bless {
            fs::write(&golden, &got).expect("write the golden file");
            eprintln!("blessed {}", golden.display());
            continue;
        }
        let want = fs::read_to_string(&golden).unwrap_or_default();
        if want != got {
            failures.push(format!(
                "{}: {}",
                golden.display(),
                first_difference(&want, &got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "the IR differs from the golden files (KILN_BLESS=1 rewrites them):\n{}",
        failures.join("\n")
    );
}

#[test]
fn dis_shows_every_stage_for_both_targets() {
    let Some(py) = python() else { return };
    let dir = TempDir::new("kiln-stages").expect("temporary directory");
    let pyc = dir.join("arith.pyc");
    py.compile(&golden_dir().join("arith.py"), &pyc).unwrap();
    for target in ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"] {
        let out = ok(
            &kiln(&[
                "dis",
                pyc.to_str().unwrap(),
                "--stage",
                "bytecode,ir,opt,clif,asm",
                "--function",
                "power",
                "--target",
                target,
            ]),
            "kiln dis",
        );
        for header in [
            "== bytecode of power ==",
            "== ir of power (as lifted) ==",
            "== opt of power (after peephole::fuse_compare_branch",
            "== clif of power ==",
            &format!("== asm of power for {target} =="),
        ] {
            assert!(out.contains(header), "{target}: no `{header}` in:\n{out}");
        }
        assert!(!out.contains("of mix"), "--function shows one code object");
        assert!(out.contains("BINARY_OP"), "the bytecode stage:\n{out}");
        // The calls are named by their symbols in the CLIF table and the machine code.
        let asm = out.split("== asm of").nth(1).unwrap();
        assert!(asm.contains("kiln_binary_op"), "{target} asm:\n{asm}");
        assert!(
            out.contains("= kiln_binary_op"),
            "{target} clif table:\n{out}"
        );
        let call = if target.starts_with("x86") {
            "call"
        } else {
            "blr"
        };
        assert!(asm.contains(call), "{target} asm has a call:\n{asm}");
    }
    let bad = kiln(&["dis", pyc.to_str().unwrap(), "--stage", "nope"]);
    assert_eq!(bad.status.code(), Some(2), "{}", bad.stderr_text());
    assert!(bad.stderr_text().contains("unknown stage `nope`"));
    let missing = kiln(&["dis", pyc.to_str().unwrap(), "--function", "nothing"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(missing
        .stderr_text()
        .contains("no code object is named `nothing`"));
}

#[test]
fn build_emits_stage_files_per_module() {
    let Some(py) = python() else { return };
    let dir = TempDir::new("kiln-emit-stages").expect("temporary directory");
    fs::write(dir.join("helper.py"), "def twice(x):\n    return 2 * x\n").unwrap();
    fs::write(
        dir.join("app.py"),
        "import helper\nprint(helper.twice(21))\n",
    )
    .unwrap();
    let out_dir = dir.join("out");
    let python = py.program.to_string_lossy().into_owned();
    ok(
        &kiln(&[
            "build",
            dir.join("app.py").to_str().unwrap(),
            "--emit=exe,ir,opt,clif,asm",
            "--out-dir",
            out_dir.to_str().unwrap(),
            "-o",
            dir.join("app").to_str().unwrap(),
            "--python",
            &python,
            "--no-cache",
        ]),
        "kiln build",
    );
    for module in ["__main__", "helper"] {
        for (ext, needle) in [
            ("ir", "== ir of <module> (as lifted) =="),
            ("opt", "== opt of <module>"),
            ("clif", "== clif of <module> =="),
            ("asm", "== asm of <module> for "),
        ] {
            let p = out_dir.join(format!("{module}.{ext}"));
            let text = fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            assert!(text.starts_with(needle), "{}:\n{text}", p.display());
        }
    }
    let helper_asm = fs::read_to_string(out_dir.join("helper.asm")).unwrap();
    assert!(helper_asm.contains("== asm of twice for "), "{helper_asm}");
    let run = kiln_run(&dir.join("app"));
    assert_eq!(run.trim(), "42");
}

fn kiln_run(exe: &Path) -> String {
    let out = run_with_timeout(&mut Command::new(exe), Duration::from_secs(60)).unwrap();
    ok(&out, "the executable")
}
