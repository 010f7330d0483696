//! Every code object of the standard library of every CPython version kiln reads, compiled by
//! that version, lifts and compiles (to an object file in memory; nothing is linked or run).
//! CPython 3.11 is `python3` (or `KILN_PYTHON`); the others are looked for under
//! `~/.pyenv/versions` (3.14 also as Pyodide in `.cache/pyodide`) and skipped, with a message,
//! when absent. Prints the counts per version;
//! fails on any failure.

use kiln_compiler::codegen::module::ModuleMeta;
use kiln_compiler::codegen::Target;
use kiln_compiler::driver::compile_module;
use kiln_compiler::pyc;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const COMPILE_ALL: &str = r#"
import os, sys, sysconfig, py_compile
src, dst = sysconfig.get_paths()["stdlib"], sys.argv[1]
# Pyodide keeps its standard library in a zip on sys.path: unpack it first.
zips = [p for p in sys.path if p.endswith(".zip") and os.path.isfile(p)]
if zips and not any(f.endswith(".py") for f in os.listdir(src)):
    import zipfile
    src = "/tmp/kiln-stdlib-src"
    zipfile.ZipFile(zips[0]).extractall(src)
n = 0
for root, dirs, files in os.walk(src):
    dirs[:] = [d for d in dirs if d not in ("site-packages", "__pycache__")]
    for f in files:
        if not f.endswith(".py"):
            continue
        path = os.path.join(root, f)
        rel = os.path.relpath(path, src)
        out = os.path.join(dst, rel + "c")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        try:
            py_compile.compile(path, cfile=out, dfile=rel, doraise=True)
            n += 1
        except Exception:
            pass
print(n)
"#;

/// Does `p` run, as CPython `minor`?
fn is_version(p: &str, minor: u32) -> bool {
    Command::new(p)
        .args([
            "-c",
            &format!("import sys; print(sys.version_info[:2] == (3, {minor}))"),
        ])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "True")
}

/// The interpreter of CPython 3.`minor`, if this machine has one.
fn python(minor: u32) -> Option<String> {
    if minor == 11 {
        let p = std::env::var("KILN_PYTHON").unwrap_or_else(|_| "python3".into());
        if is_version(&p, 11) {
            return Some(p);
        }
    }
    let versions = Path::new(&std::env::var_os("HOME").unwrap_or_default())
        .join(".pyenv")
        .join("versions");
    let mut found: Vec<PathBuf> = std::fs::read_dir(versions)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!("3.{minor}."))
        })
        .map(|e| e.path().join("bin").join("python3"))
        .collect();
    found.sort();
    let native = found
        .into_iter()
        .rev()
        .map(|p| p.display().to_string())
        .find(|p| is_version(p, minor));
    if native.is_some() || minor != 14 {
        return native;
    }
    // CPython 3.14 as Pyodide under Node, when scripts/setup.sh installed it.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.join(".cache/pyodide/node_modules/pyodide/pyodide.mjs")
        .is_file()
        .then(|| root.join("tests/pyodide/python3.14").display().to_string())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect(&p, out);
            } else if p.extension().and_then(|x| x.to_str()) == Some("pyc") {
                out.push(p);
            }
        }
    }
}

#[test]
fn stdlib_code_objects_all_compile() {
    let mut bad_total = 0;
    for minor in 8..=14 {
        let Some(py) = python(minor) else {
            println!("stdlib_compile: no CPython 3.{minor} found; skipping it");
            continue;
        };
        bad_total += compile_stdlib(&py, minor);
    }
    assert_eq!(
        bad_total, 0,
        "some standard-library code objects do not compile"
    );
}

/// Compiles the standard library of `py` (CPython 3.`minor`); the number of code objects in
/// modules that failed.
fn compile_stdlib(py: &str, minor: u32) -> usize {
    let tmp = std::env::temp_dir().join(format!("kiln-stdlib-{}-3{minor}", std::process::id()));
    let status = Command::new(py)
        .arg("-c")
        .arg(COMPILE_ALL)
        .arg(&tmp)
        .output()
        .expect("run python");
    assert!(status.status.success(), "compiling the stdlib failed");
    let mut files = Vec::new();
    collect(&tmp, &mut files);
    files.sort();
    let target = Target::host();
    let chunks: Vec<Vec<PathBuf>> = files
        .chunks(files.len().div_ceil(2).max(1))
        .map(|c| c.to_vec())
        .collect();
    let results: Vec<(usize, usize, BTreeMap<String, Vec<String>>)> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                let target = target.clone();
                s.spawn(move || {
                    let (mut ok, mut bad) = (0usize, 0usize);
                    let mut failures: BTreeMap<String, Vec<String>> = BTreeMap::new();
                    for f in chunk {
                        let bytes = std::fs::read(f).unwrap();
                        let Ok(p) = pyc::read_pyc(&bytes) else {
                            continue;
                        };
                        let n = p.code.all_code_objects().len();
                        match compile_module(
                            &p.code,
                            &ModuleMeta::main("m.py"),
                            &target,
                            false,
                            false,
                        ) {
                            Ok(_) => ok += n,
                            Err(e) => {
                                bad += n;
                                let msg = e.to_string();
                                let key = msg.split(": ").skip(1).collect::<Vec<_>>().join(": ");
                                failures
                                    .entry(key)
                                    .or_default()
                                    .push(f.display().to_string());
                            }
                        }
                    }
                    (ok, bad, failures)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let _ = std::fs::remove_dir_all(&tmp);
    let (mut ok, mut bad) = (0, 0);
    let mut failures: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (o, b, f) in results {
        ok += o;
        bad += b;
        for (k, v) in f {
            failures.entry(k).or_default().extend(v);
        }
    }
    let mut by_count: Vec<_> = failures.iter().collect();
    by_count.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
    for (k, v) in by_count.iter().take(25) {
        println!("{:5} modules: {k}  (e.g. {})", v.len(), v[0]);
    }
    println!(
        "stdlib_compile: CPython 3.{minor}: {} modules, {ok} code objects compiled, {bad} in modules that failed",
        files.len()
    );
    bad
}
