//! Programs of many modules (`tests/programs/*/`): each is built with `kiln build` from its
//! directory and must print what CPython prints when it runs the same sources, with the same
//! exit status and last traceback line (paths made relative, as kiln names them). Also: `-m`
//! entries, modules of different bytecode versions in one executable, build warnings and
//! errors, byte-identical rebuilds, the module cache, depfiles, object files and static
//! libraries linked by a C program.
//!
//! The programs run under CPython 3.11 and under every other version 3.8–3.13 found in
//! `~/.pyenv`; a version that is missing is named and skipped.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::{
    find_oracle_python, find_pyenv_python, last_nonempty_line, run_with_timeout, TempDir,
};

const TIMEOUT: Duration = Duration::from_secs(120);

fn kiln() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_kiln"))
}

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs")
}

/// Copies the directory tree `from` into `to` (created), leaving out `__pycache__`.
fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let name = e.file_name();
        if name == "__pycache__" {
            continue;
        }
        let p = e.path();
        if p.is_dir() {
            copy_tree(&p, &to.join(&name));
        } else {
            fs::copy(&p, to.join(&name)).unwrap();
        }
    }
}

/// What a run printed, with `dir/` taken out of paths.
struct Outcome {
    stdout: String,
    status: Option<i32>,
    last: String,
}

fn outcome(cmd: &mut Command, dir: &Path) -> Outcome {
    let out = run_with_timeout(cmd, TIMEOUT).expect("the program runs");
    let prefix = format!("{}/", dir.display());
    let clean = |s: String| s.replace(&prefix, "");
    Outcome {
        stdout: clean(out.stdout_text()),
        status: out.status.code(),
        last: clean(last_nonempty_line(&out.stderr_text()).to_string()),
    }
}

/// Builds with `args` in `dir`; panics with kiln's message when it fails.
fn build(dir: &Path, args: &[&str]) -> String {
    let out = run_with_timeout(Command::new(kiln()).args(args).current_dir(dir), TIMEOUT)
        .expect("kiln runs");
    assert!(
        out.status.success(),
        "kiln {args:?} failed: {}",
        out.stderr_text()
    );
    out.stderr_text()
}

fn assert_same(what: &str, want: &Outcome, got: &Outcome) {
    assert_eq!(want.stdout, got.stdout, "{what}: stdout differs");
    assert_eq!(want.status, got.status, "{what}: exit status differs");
    assert_eq!(want.last, got.last, "{what}: last line of stderr differs");
}

/// The interpreters to check against: 3.11 and each other version found.
fn pythons() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    match find_oracle_python() {
        Ok(p) => out.push(("3.11".to_string(), p.program)),
        Err(e) => eprintln!("note: {e}; skipping 3.11"),
    }
    for minor in [8, 9, 10, 12, 13] {
        match find_pyenv_python(3, minor) {
            Some(p) => out.push((format!("3.{minor}"), p)),
            None => eprintln!("note: no CPython 3.{minor} in ~/.pyenv/versions; skipped"),
        }
    }
    out
}

#[test]
fn packages_match_cpython_in_every_version() {
    let pys = pythons();
    for entry in fs::read_dir(programs_dir()).unwrap().flatten() {
        if !entry.path().join("main.py").is_file() {
            continue;
        }
        for (v, py) in &pys {
            let tmp = TempDir::new("kiln-programs").unwrap();
            let dir = tmp.join("p");
            copy_tree(&entry.path(), &dir);
            let want = outcome(Command::new(py).arg("main.py").current_dir(&dir), &dir);
            let py_s = py.display().to_string();
            build(&dir, &["build", "main.py", "-o", "app", "--python", &py_s]);
            let got = outcome(&mut Command::new(dir.join("app")), &dir);
            assert_same(
                &format!("{} under {v}", entry.file_name().to_string_lossy()),
                &want,
                &got,
            );
        }
    }
}

#[test]
fn dash_m_runs_a_module_inside_its_package() {
    let Ok(py) = find_oracle_python() else {
        eprintln!("note: no CPython 3.11; skipped");
        return;
    };
    let tmp = TempDir::new("kiln-programs").unwrap();
    let dir = tmp.join("p");
    copy_tree(&programs_dir().join("shop"), &dir);
    let want = outcome(
        Command::new(&py.program)
            .args(["-m", "store.tool"])
            .current_dir(&dir),
        &dir,
    );
    build(&dir, &["build", "-m", "store.tool"]);
    let got = outcome(&mut Command::new(dir.join("tool")), &dir);
    assert_same("-m store.tool", &want, &got);
    assert_eq!(want.status, Some(4));
    // A package runs its __main__ submodule.
    let want = outcome(
        Command::new(&py.program)
            .args(["-m", "store"])
            .current_dir(&dir),
        &dir,
    );
    build(&dir, &["build", "-m", "store", "-o", "store_main"]);
    let got = outcome(&mut Command::new(dir.join("store_main")), &dir);
    assert_same("-m store", &want, &got);
    assert!(want.stdout.starts_with("store.__main__: __main__ store"));
}

/// The program's main module compiled by CPython 3.11, its package by 3.8 (or whichever other
/// version is found), as `.pyc` files only: one executable, calling across versions.
#[test]
fn modules_of_different_versions_link_into_one_program() {
    let Ok(py) = find_oracle_python() else {
        eprintln!("note: no CPython 3.11; skipped");
        return;
    };
    let others: Vec<(u32, PathBuf)> = [8, 10, 13]
        .into_iter()
        .filter_map(|m| find_pyenv_python(3, m).map(|p| (m, p)))
        .collect();
    if others.is_empty() {
        eprintln!("note: no CPython 3.8, 3.10 or 3.13 in ~/.pyenv/versions; skipped");
        return;
    }
    let tmp = TempDir::new("kiln-programs").unwrap();
    let src = tmp.join("src");
    copy_tree(&programs_dir().join("shop"), &src);
    let want = outcome(
        Command::new(&py.program).arg("main.py").current_dir(&src),
        &src,
    );
    // Sourceless tree: main.pyc by 3.11; each module of the package by one of the others.
    let dir = tmp.join("mixed");
    fs::create_dir_all(dir.join("store/payments")).unwrap();
    let compile = |python: &Path, from: &str, to: &str| {
        let out = Command::new(python)
            .args([
                "-c",
                "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], doraise=True)",
            ])
            .arg(src.join(from))
            .arg(dir.join(to))
            .arg(from)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    compile(&py.program, "main.py", "main.pyc");
    let modules = [
        "store/__init__.py",
        "store/catalog.py",
        "store/cart.py",
        "store/pricing.py",
        "store/broken.py",
        "store/partial.py",
        "store/tool.py",
        "store/payments/__init__.py",
        "store/payments/card.py",
        "store/payments/refund.py",
    ];
    for (i, m) in modules.iter().enumerate() {
        let (_, python) = &others[i % others.len()];
        compile(python, m, &format!("{m}c"));
    }
    build(&dir, &["build", "main.pyc", "-o", "app"]);
    let got = outcome(&mut Command::new(dir.join("app")), &dir);
    // kiln names a sourceless module's file by its .pyc; CPython by its .py.
    let got = Outcome {
        last: got.last.replace(".pyc)", ".py)"),
        ..got
    };
    assert_same("mixed versions", &want, &got);
}

#[test]
fn missing_modules_are_warnings_naming_the_line_and_syntax_errors_are_located() {
    let tmp = TempDir::new("kiln-programs").unwrap();
    let dir = tmp.join("p");
    copy_tree(&programs_dir().join("shop"), &dir);
    let stderr = build(&dir, &["build", "main.py", "-o", "app"]);
    assert!(
        stderr.contains("main.py:28: warning: module 'store.nonexistent' was not found"),
        "{stderr}"
    );
    assert!(
        stderr.contains("main.py:40: warning: module 'no_such_module_anywhere' was not found"),
        "{stderr}"
    );
    fs::write(dir.join("store/catalog.py"), "x = 1\ndef f(:\n    pass\n").unwrap();
    let out = run_with_timeout(
        Command::new(kiln())
            .args(["build", "main.py", "-o", "app2"])
            .current_dir(&dir),
        TIMEOUT,
    )
    .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr_text());
    let err = out.stderr_text();
    assert!(
        err.starts_with("store/catalog.py:2: error: SyntaxError:"),
        "not a located error: {err}"
    );
    let usage = run_with_timeout(
        Command::new(kiln()).args(["build", "--emit=nope", "x.py"]),
        TIMEOUT,
    )
    .unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

/// The same sources and flags give byte-identical outputs, built in another directory at
/// another time, without the cache.
#[test]
fn builds_are_deterministic() {
    let tmp = TempDir::new("kiln-programs").unwrap();
    let mut built = Vec::new();
    for (i, name) in ["first", "second/nested"].iter().enumerate() {
        let dir = tmp.join(name);
        copy_tree(&programs_dir().join("shop"), &dir);
        if i == 1 {
            // Newer timestamps on every source.
            std::thread::sleep(Duration::from_millis(1100));
            for m in ["main.py", "store/cart.py"] {
                let text = fs::read(dir.join(m)).unwrap();
                fs::write(dir.join(m), text).unwrap();
            }
        }
        build(
            &dir,
            &[
                "build",
                "main.py",
                "-o",
                "app",
                "--no-cache",
                "--emit=exe,obj,staticlib,dep-info",
                "--out-dir",
                "objs",
            ],
        );
        let _ = fs::rename(dir.join("app"), dir.join("app.exe"));
        build(
            &dir,
            &[
                "build",
                "main.py",
                "-o",
                "libapp.a",
                "--no-cache",
                "--emit=staticlib",
            ],
        );
        built.push(dir);
    }
    for f in [
        "app.exe",
        "app.d",
        "libapp.a",
        "libapp.h",
        "objs/__main__.o",
        "objs/store.cart.o",
        "objs/kiln_entry.o",
    ] {
        let a = fs::read(built[0].join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
        let b = fs::read(built[1].join(f)).unwrap();
        assert!(a == b, "{f} differs between the two builds");
    }
}

#[test]
fn a_rebuild_after_changing_one_module_compiles_one_module() {
    let tmp = TempDir::new("kiln-programs").unwrap();
    let dir = tmp.join("p");
    copy_tree(&programs_dir().join("shop"), &dir);
    let cache = tmp.join("cache");
    let run = |label: &str| -> String {
        let out = run_with_timeout(
            Command::new(kiln())
                .args(["build", "main.py", "-o", "app", "-v", "-j", "2"])
                .env("KILN_CACHE_DIR", &cache)
                .current_dir(&dir),
            TIMEOUT,
        )
        .unwrap();
        assert!(out.status.success(), "{label}: {}", out.stderr_text());
        let err = out.stderr_text();
        err.lines()
            .find(|l| l.contains("modules:"))
            .unwrap_or_else(|| panic!("{label}: no module count in {err}"))
            .to_string()
    };
    assert!(run("first").contains("(10 modules: 10 compiled, 0 from the cache)"));
    assert!(run("again").contains("(10 modules: 0 compiled, 10 from the cache)"));
    let p = dir.join("store/pricing.py");
    let text = fs::read_to_string(&p)
        .unwrap()
        .replace("DISCOUNT = 10", "DISCOUNT = 20");
    fs::write(&p, text).unwrap();
    let line = run("changed");
    assert!(
        line.contains("(10 modules: 1 compiled, 9 from the cache)"),
        "{line}"
    );
    let out = Command::new(dir.join("app"))
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("cart total: 160"));
}

#[test]
fn depfile_lists_every_source() {
    let tmp = TempDir::new("kiln-programs").unwrap();
    let dir = tmp.join("p");
    copy_tree(&programs_dir().join("shop"), &dir);
    build(
        &dir,
        &["build", "main.py", "-o", "app", "--emit=exe,dep-info"],
    );
    let d = fs::read_to_string(dir.join("app.d")).unwrap();
    let first = d.lines().next().unwrap();
    assert!(first.starts_with("app: main.py "), "{first}");
    for m in [
        "store/__init__.py",
        "store/pricing.py",
        "store/payments/refund.py",
    ] {
        assert!(first.contains(m), "{m} missing from {first}");
        assert!(d.contains(&format!("\n{m}:\n")), "no empty rule for {m}");
    }
    assert!(
        !first.contains("tool.py"),
        "store.tool is never imported: {first}"
    );
}

/// `--emit=staticlib`: a C program links the archive and calls `kiln_main`, which returns.
#[test]
fn a_c_program_calls_the_static_library() {
    let Ok(py) = find_oracle_python() else {
        eprintln!("note: no CPython 3.11; skipped");
        return;
    };
    let tmp = TempDir::new("kiln-programs").unwrap();
    let dir = tmp.join("p");
    copy_tree(&programs_dir().join("shop"), &dir);
    let want = outcome(
        Command::new(&py.program).arg("main.py").current_dir(&dir),
        &dir,
    );
    build(
        &dir,
        &["build", "main.py", "-o", "libshop.a", "--emit=staticlib"],
    );
    let header = fs::read_to_string(dir.join("libshop.h")).unwrap();
    assert!(header.contains("int kiln_main(int argc, char **argv);"));
    fs::write(
        dir.join("host.c"),
        "#include <stdio.h>\n#include \"libshop.h\"\n\
         int main(int argc, char **argv) {\n\
             int status = kiln_main(argc, argv);\n\
             fprintf(stderr, \"host: the program returned %d\\n\", status);\n\
             return status + 10;\n}\n",
    )
    .unwrap();
    let cc = Command::new("cc")
        .args([
            "host.c",
            "libshop.a",
            "-o",
            "host",
            "-lpthread",
            "-ldl",
            "-lm",
            "-lgcc_s",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        cc.status.success(),
        "{}",
        String::from_utf8_lossy(&cc.stderr)
    );
    let out = run_with_timeout(&mut Command::new(dir.join("host")), TIMEOUT).unwrap();
    let prefix = format!("{}/", dir.display());
    assert_eq!(out.stdout_text().replace(&prefix, ""), want.stdout);
    assert_eq!(out.status.code(), Some(11), "kiln_main returned 1, plus 10");
    assert!(out.stderr_text().contains("host: the program returned 1"));
}

/// `--emit=obj`: the objects link with kiln's runtime by hand into the same program.
#[test]
fn object_files_link_by_hand() {
    let tmp = TempDir::new("kiln-programs").unwrap();
    let dir = tmp.join("p");
    copy_tree(&programs_dir().join("shop"), &dir);
    build(
        &dir,
        &[
            "build",
            "main.py",
            "-o",
            "app",
            "--emit=exe,obj",
            "--out-dir",
            "objs",
        ],
    );
    let mut objs: Vec<PathBuf> = fs::read_dir(dir.join("objs"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    objs.sort();
    assert_eq!(objs.len(), 11, "10 modules and the entry: {objs:?}");
    let args = Command::new(kiln()).arg("link-args").output().unwrap();
    assert!(args.status.success());
    let args = String::from_utf8(args.stdout).unwrap();
    let mut lines = args.lines();
    let linker = lines.next().unwrap();
    let cc = Command::new(linker)
        .args(&objs)
        .args(lines)
        .args(["-o", "byhand"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        cc.status.success(),
        "{}",
        String::from_utf8_lossy(&cc.stderr)
    );
    let a = Command::new(dir.join("app"))
        .current_dir(&dir)
        .output()
        .unwrap();
    let b = Command::new(dir.join("byhand"))
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.status.code(), b.status.code());
}

/// The compiler skips imports of the runtime's native modules: both must name the same ones.
/// (The runtime's list is read from its source: linking the runtime into a test binary would
/// replace the test's allocator.)
#[test]
fn the_compiler_knows_every_native_module() {
    let src = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/src/modules/mod.rs"),
    )
    .unwrap();
    // The runtime's NAMES: the quoted names from its first line to the closing `];`, comment
    // lines left out.
    let start = src
        .find("pub const NAMES: &[&str] = &[")
        .expect("runtime's NAMES");
    let end = start + src[start..].find("];").expect("the end of NAMES");
    let runtime: Vec<&str> = src[start..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(|l| l.split('"').skip(1).step_by(2))
        .collect();
    let mut compiler: Vec<&str> = kiln_compiler::driver::program::NATIVE_MODULES
        .iter()
        .copied()
        .filter(|n| !matches!(*n, "sys" | "builtins"))
        .collect();
    compiler.sort_unstable();
    let mut runtime_sorted = runtime.clone();
    runtime_sorted.sort_unstable();
    assert_eq!(compiler, runtime_sorted);
}
