//! `kiln build -g`: DWARF line tables and `.eh_frame` unwind information.
//!
//! gdb stops at a Python line of the compiled code and its backtrace names the Python functions
//! (skipped with a note without gdb); the objects of both targets carry no absolute relocation
//! in their loaded read-only sections and link with `-z text` (no text relocations; aarch64 is
//! skipped with a note without its cross toolchain and runtime); `perf report` names the Python
//! function the samples fell in (skipped where perf cannot sample). Needs CPython 3.11 to compile
//! the program (else a note and a pass).

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{find_oracle_python, run_with_timeout, Python, RunOutput, TempDir};

const APP: &str = "\
def power(a, b):
    return a ** b


def main():
    print(power(2, 3))


main()
";

fn python() -> Option<Python> {
    match find_oracle_python() {
        Ok(p) => Some(p),
        Err(why) => {
            eprintln!("note: skipped, the debug information tests need CPython 3.11: {why}");
            None
        }
    }
}

fn run(cmd: &mut Command) -> RunOutput {
    run_with_timeout(cmd, Duration::from_secs(300)).expect("cannot run")
}

fn have(cmd: &str) -> bool {
    Command::new(cmd)
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn kiln(args: &[&str]) -> RunOutput {
    run(Command::new(env!("CARGO_BIN_EXE_kiln")).args(args))
}

/// Writes app.py into `dir` and builds it with `-g` and `extra`.
fn build(py: &Python, dir: &Path, extra: &[&str]) -> RunOutput {
    let src = dir.join("app.py");
    fs::write(&src, APP).unwrap();
    let mut args = vec![
        "build",
        src.to_str().unwrap(),
        "-g",
        "--no-cache",
        "--python",
        py.program.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    kiln(&args)
}

#[test]
fn gdb_breaks_at_a_python_line_and_names_python_functions() {
    let Some(py) = python() else { return };
    if !have("gdb") {
        eprintln!("note: skipped, gdb is not installed");
        return;
    }
    let dir = TempDir::new("kiln-gdb").expect("temporary directory");
    let exe = dir.join("app");
    let out = build(&py, dir.path(), &["-o", exe.to_str().unwrap()]);
    assert!(out.status.success(), "kiln build -g: {}", out.stderr_text());
    let gdb = run(Command::new("gdb").current_dir(dir.path()).args([
        "-batch",
        "-nx",
        "-ex",
        "break app.py:2",
        "-ex",
        "run",
        "-ex",
        "bt",
        exe.to_str().unwrap(),
    ]));
    let text = gdb.stdout_text();
    let hit = text
        .lines()
        .find(|l| l.contains("Breakpoint 1, __main__.power () at "));
    assert!(
        hit.is_some_and(|l| l.ends_with("app.py:2")),
        "gdb did not stop at app.py:2 in power:\n{text}\n{}",
        gdb.stderr_text()
    );
    let frames: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
    assert!(
        frames[0].contains("__main__.power () at ") && frames[0].ends_with("app.py:2"),
        "{text}"
    );
    let main = frames.iter().find(|f| f.contains("__main__.main ()"));
    assert!(main.is_some_and(|f| f.ends_with("app.py:6")), "{text}");
    let module = frames.iter().find(|f| f.contains("__main__.<module> ()"));
    assert!(module.is_some_and(|f| f.ends_with("app.py:9")), "{text}");
}

/// The relocation types of `object` per relocation section, from `readelf -rW`.
fn relocations(object: &Path) -> Vec<(String, String)> {
    let out = run(Command::new("readelf").args(["-rW", object.to_str().unwrap()]));
    assert!(out.status.success(), "readelf: {}", out.stderr_text());
    let mut section = String::new();
    let mut found = Vec::new();
    for line in out.stdout_text().lines() {
        if let Some(rest) = line.strip_prefix("Relocation section '") {
            section = rest.split('\'').next().unwrap_or("").to_string();
        } else if let Some(ty) = line
            .split_whitespace()
            .nth(2)
            .filter(|t| t.starts_with("R_"))
        {
            found.push((section.clone(), ty.to_string()));
        }
    }
    found
}

/// Builds `-g` objects for `target`, checks their relocations and links them with `-z text`.
fn check_target(py: &Python, target: &str) {
    let dir = TempDir::new("kiln-textrel").expect("temporary directory");
    let objs = dir.join("objs");
    let exe = dir.join("app");
    let out = build(
        py,
        dir.path(),
        &[
            "--target",
            target,
            "--emit=obj",
            "--out-dir",
            objs.to_str().unwrap(),
            "-o",
            exe.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{target}: {}", out.stderr_text());
    let main_o = objs.join("__main__.o");
    let relocs = relocations(&main_o);
    let in_section = |s: &'static str| relocs.iter().filter(move |(sec, _)| sec == s);
    assert!(
        in_section(".rela.debug_line").count() > 0,
        "{target}: {relocs:?}"
    );
    assert!(
        in_section(".rela.debug_info").count() > 0,
        "{target}: {relocs:?}"
    );
    let eh: Vec<_> = in_section(".rela.eh_frame").collect();
    assert!(
        !eh.is_empty(),
        "{target}: no .eh_frame relocations: {relocs:?}"
    );
    for (sec, ty) in &relocs {
        let loaded_read_only =
            sec == ".rela.text" || sec == ".rela.eh_frame" || sec.starts_with(".rela.rodata");
        let absolute = ty.contains("_64") && !ty.contains("PC") && !ty.contains("GOT")
            || ty.contains("ABS")
            || ty == "R_X86_64_32"
            || ty == "R_X86_64_32S";
        assert!(
            !(loaded_read_only && absolute),
            "{target}: absolute relocation {ty} in {sec} (a text relocation once linked)"
        );
    }
    // Link as kiln does, refusing text relocations.
    let link = kiln(&["link-args", "--target", target]);
    if !link.status.success() {
        eprintln!(
            "note: {target}: not linked, its runtime is missing: {}",
            link.stderr_text().trim()
        );
        return;
    }
    let text = link.stdout_text();
    let mut lines = text.lines();
    let linker = lines.next().unwrap().to_string();
    if !have(&linker) {
        eprintln!("note: {target}: not linked, `{linker}` is not installed (bash scripts/build-runtime.sh {target})");
        return;
    }
    let mut objects: Vec<PathBuf> = fs::read_dir(&objs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "o"))
        .collect();
    objects.sort();
    let linked = run(Command::new(&linker)
        .args(&objects)
        .args(lines)
        .arg("-Wl,-z,text")
        .arg("-o")
        .arg(&exe));
    assert!(
        linked.status.success(),
        "{target}: linking with -z text failed:\n{}",
        linked.stderr_text()
    );
    assert!(
        !linked.stderr_text().contains("TEXTREL"),
        "{}",
        linked.stderr_text()
    );
    let dynamic = run(Command::new("readelf").args(["-dW", exe.to_str().unwrap()]));
    assert!(
        !dynamic.stdout_text().contains("TEXTREL"),
        "{target}: TEXTREL"
    );
}

#[test]
fn debug_info_links_without_text_relocations_on_both_targets() {
    let Some(py) = python() else { return };
    if !have("readelf") {
        eprintln!("note: skipped, readelf is not installed");
        return;
    }
    check_target(&py, "x86_64-unknown-linux-gnu");
    check_target(&py, "aarch64-unknown-linux-gnu");
}

#[test]
fn without_g_there_is_no_debug_information() {
    let Some(py) = python() else { return };
    if !have("readelf") {
        eprintln!("note: skipped, readelf is not installed");
        return;
    }
    let dir = TempDir::new("kiln-nodebug").expect("temporary directory");
    let src = dir.join("app.py");
    fs::write(&src, APP).unwrap();
    let objs = dir.join("objs");
    let out = kiln(&[
        "build",
        src.to_str().unwrap(),
        "--emit=obj",
        "--no-cache",
        "--out-dir",
        objs.to_str().unwrap(),
        "--python",
        py.program.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", out.stderr_text());
    let sections =
        run(Command::new("readelf").args(["-SW", objs.join("__main__.o").to_str().unwrap()]));
    assert!(!sections.stdout_text().contains(".debug_line"));
    // The symbols name the Python functions with or without -g.
    let symbols =
        run(Command::new("readelf").args(["-sW", objs.join("__main__.o").to_str().unwrap()]));
    assert!(
        symbols.stdout_text().contains("__main__.power"),
        "{}",
        symbols.stdout_text()
    );
}

#[test]
fn perf_attributes_samples_to_python_functions() {
    let Some(py) = python() else { return };
    if !have("perf") {
        eprintln!("note: skipped, perf is not installed");
        return;
    }
    let dir = TempDir::new("kiln-perf").expect("temporary directory");
    let src = dir.join("spin.py");
    fs::write(
        &src,
        "def spin(n):\n    s = 0\n    for i in range(n):\n        s += i * i\n    return s\n\n\nprint(spin(3000000))\n",
    )
    .unwrap();
    let exe = dir.join("spin");
    let out = kiln(&[
        "build",
        src.to_str().unwrap(),
        "-g",
        "--no-cache",
        "-o",
        exe.to_str().unwrap(),
        "--python",
        py.program.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", out.stderr_text());
    let data = dir.join("perf.data");
    let rec = run(Command::new("perf")
        .args(["record", "-q", "-o", data.to_str().unwrap()])
        .arg(&exe));
    if !rec.status.success() {
        eprintln!(
            "note: skipped, perf record cannot sample here: {}",
            rec.stderr_text().trim()
        );
        return;
    }
    let report =
        run(Command::new("perf").args(["report", "--stdio", "-i", data.to_str().unwrap()]));
    assert!(
        report.stdout_text().contains("__main__.spin"),
        "perf report does not name __main__.spin:\n{}",
        report.stdout_text()
    );
}
