//! The program's modules (decision 11): starting from the main module, follows every
//! `import` and `from ... import` to the program's own modules and packages, found as CPython's
//! path finder would find them at run time (the main module's directory, or the current one for
//! `-m`, then each `-I` directory; in each, a package directory with `__init__` before a
//! `.py`, before a `.pyc`). What is not found is a warning naming the importing line; the
//! executable raises `ModuleNotFoundError` if that import is reached.

use super::{compile_sources, TempDir};
use crate::bytecode::{self, Op};
use crate::error::Error;
use crate::pyc::{self, CodeObject, Const};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Modules the runtime provides itself: importing them needs nothing from the build. Keep in
/// step with the runtime's `modules::NAMES` (a test checks).
pub const NATIVE_MODULES: &[&str] = &[
    "sys",
    "builtins",
    // The text half of the standard library.
    "_kiln_hash",
    "_kiln_random",
    "_kiln_sre",
    // The first native modules.
    "_kiln",
    "errno",
    "math",
    "_kiln_time",
    // The operating-system half of the standard library.
    "_kiln_posix",
    "_kiln_struct",
    "binascii",
    "atexit",
    "gc",
    "_locale",
    // The C halves of pure-Python standard modules.
    "_bisect",
    "_heapq",
    "_operator",
    "_stat",
    "itertools",
    "_functools",
    "_abc",
    "_string",
];

/// How the program is entered: a script, or `-m package.module`.
pub enum Entry {
    Script(PathBuf),
    Module(String),
}

/// One module of the program.
pub struct Unit {
    /// The name it is imported by; `__main__` for the entry.
    pub name: String,
    /// `__package__`: `None` for a script run as `__main__`.
    pub package: Option<String>,
    pub is_package: bool,
    /// One of kiln's own modules (not a source of the program's: no dependency).
    pub internal: bool,
    /// Where it was found (`.py` or `.pyc`), as the build names it; its `__file__`.
    pub path: PathBuf,
    /// The `.pyc` data (header included) the module compiles from.
    pub pyc: Vec<u8>,
    pub code: Rc<CodeObject>,
}

/// The whole program: `units[0]` is `__main__`, the rest sorted by name.
pub struct Program {
    pub units: Vec<Unit>,
    pub warnings: Vec<String>,
}

/// One `import` found in the bytecode.
struct ImportSite {
    file: String,
    line: u32,
    name: String,
    level: u32,
    fromlist: Vec<String>,
}

/// A module's `.pyc` data and its code object.
type ModuleData = (Vec<u8>, Rc<CodeObject>);

/// A module file found on the search path.
#[derive(Clone)]
struct Found {
    path: PathBuf,
    is_package: bool,
    /// Found in the standard library's directory or among kiln's own modules.
    stdlib: bool,
    /// One of kiln's own modules: the name the program knows it by.
    display: Option<PathBuf>,
}

/// The directories searched after the program's: kiln's own modules, then the standard
/// library (the interpreter's `Lib`).
pub struct Libraries {
    pub kiln: Option<PathBuf>,
    pub stdlib: Option<PathBuf>,
}

struct Finder<'a> {
    search: Vec<PathBuf>,
    libraries: Libraries,
    python: &'a str,
    tmp: &'a TempDir,
    compiled: std::cell::Cell<u32>,
}

impl Finder<'_> {
    /// `name`'s file in `dir`: `dir/name/__init__.py(c)`, `dir/name.py`, `dir/name.pyc`.
    fn find_in(dir: &Path, name: &str) -> Option<Found> {
        let pkg = dir.join(name);
        for init in ["__init__.py", "__init__.pyc"] {
            let p = pkg.join(init);
            if p.is_file() {
                return Some(Found {
                    path: p,
                    is_package: true,
                    stdlib: false,
                    display: None,
                });
            }
        }
        for ext in ["py", "pyc"] {
            let p = dir.join(format!("{name}.{ext}"));
            if p.is_file() {
                return Some(Found {
                    path: p,
                    is_package: false,
                    stdlib: false,
                    display: None,
                });
            }
        }
        None
    }

    /// Finds the absolute module `name`, given where its parent package was found.
    fn find(&self, name: &str, parent: Option<&Found>) -> Option<Found> {
        let last = name.rsplit('.').next().unwrap_or(name);
        if last.is_empty() || last.contains(['/', '\\']) {
            return None;
        }
        match parent {
            Some(p) => Self::find_in(p.path.parent()?, last).map(|f| Found {
                stdlib: p.stdlib,
                ..f
            }),
            None => self
                .search
                .iter()
                .find_map(|d| Self::find_in(d, last))
                .or_else(|| {
                    let f = Self::find_in(self.libraries.kiln.as_ref()?, last)?;
                    let file = f.path.file_name()?.to_string_lossy().into_owned();
                    Some(Found {
                        stdlib: true,
                        display: Some(super::pylib::display_path(&file)),
                        ..f
                    })
                })
                .or_else(|| {
                    let f = Self::find_in(self.libraries.stdlib.as_ref()?, last)?;
                    Some(Found { stdlib: true, ..f })
                }),
        }
    }

    /// Reads the modules found, compiling the `.py` ones first (with one run of the
    /// interpreter for all of them).
    fn read_all(&self, found: &[&Found]) -> Result<Vec<ModuleData>, Error> {
        let paths: Vec<PathBuf> = found.iter().map(|f| f.path.clone()).collect();
        let mut pyc_paths = Vec::with_capacity(paths.len());
        let mut sources = Vec::new();
        for (path, f) in paths.iter().zip(found) {
            if path.extension().and_then(|e| e.to_str()) == Some("py") {
                self.compiled.set(self.compiled.get() + 1);
                let p = self
                    .tmp
                    .0
                    .join(format!("module{}.pyc", self.compiled.get()));
                let name = f.display.clone().unwrap_or_else(|| path.clone());
                sources.push((path.clone(), p.clone(), name));
                pyc_paths.push(p);
            } else {
                pyc_paths.push(path.clone());
            }
        }
        compile_sources(self.python, &sources)?;
        let mut out = Vec::with_capacity(paths.len());
        for (path, pyc_path) in paths.iter().zip(&pyc_paths) {
            let bytes = std::fs::read(pyc_path)
                .map_err(|e| Error::new(format!("{}: {e}", pyc_path.display())))?;
            let pyc = pyc::read_pyc(&bytes)
                .map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
            if !bytecode::is_supported(pyc.version) {
                return Err(Error::new(format!(
                    "{}: CPython {} bytecode is not supported (kiln reads CPython 3.8 to 3.14 bytecode)",
                    path.display(),
                    pyc.version
                )));
            }
            out.push((bytes, pyc.code));
        }
        Ok(out)
    }
}

/// The value of the constant-loading instruction `ins`, if it is one.
fn loaded_const<'a>(code: &'a CodeObject, ins: &bytecode::Instruction) -> Option<Loaded<'a>> {
    match ins.op {
        Op::LOAD_CONST => code.consts.get(ins.arg as usize).map(Loaded::Const),
        Op::LOAD_SMALL_INT => Some(Loaded::Int(ins.arg as i64)),
        _ => None,
    }
}

enum Loaded<'a> {
    Const(&'a Const),
    Int(i64),
}

/// The imports in `code` and the code objects nested in it.
fn import_sites(code: &CodeObject) -> Vec<ImportSite> {
    let mut out = Vec::new();
    for c in code.all_code_objects() {
        let Ok(decoded) = bytecode::decode(c) else {
            continue;
        };
        let ins = &decoded.instructions;
        // The type parameter syntax (3.12) is built by kiln's `_typing`, over `typing`.
        let type_params = ins.iter().any(|x| {
            (x.op == Op::CALL_INTRINSIC_1 && (7..=11).contains(&x.arg))
                || (x.op == Op::CALL_INTRINSIC_2 && (2..=5).contains(&x.arg))
        });
        if type_params {
            out.push(ImportSite {
                file: c.filename.clone(),
                line: c.firstlineno,
                name: "typing".to_string(),
                level: 0,
                fromlist: Vec::new(),
            });
        }
        for i in 2..ins.len() {
            if ins[i].op != Op::IMPORT_NAME {
                continue;
            }
            let Some(name) = c.names.get(ins[i].arg as usize) else {
                continue;
            };
            let level = match loaded_const(c, &ins[i - 2]) {
                Some(Loaded::Const(Const::Int(l))) => *l,
                Some(Loaded::Int(l)) => l,
                _ => continue,
            };
            let level = level.clamp(0, u32::MAX as i64) as u32;
            let fromlist = match loaded_const(c, &ins[i - 1]) {
                Some(Loaded::Const(Const::Tuple(items))) => items
                    .iter()
                    .filter_map(|x| match x {
                        Const::Str(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            out.push(ImportSite {
                file: c.filename.clone(),
                line: ins[i].line.unwrap_or(c.firstlineno),
                name: name.clone(),
                level,
                fromlist,
            });
        }
    }
    out
}

/// The absolute name of a relative import, as the runtime resolves it; `None` when it cannot
/// be resolved (the executable raises ImportError there).
fn resolve(name: &str, package: Option<&str>, level: u32) -> Option<String> {
    if level == 0 {
        return Some(name.to_string());
    }
    let package = package.filter(|p| !p.is_empty())?;
    let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
    if bits.len() < level as usize {
        return None;
    }
    let base = bits[bits.len() - 1];
    Some(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// Finds and reads every module of the program.
pub fn discover(
    entry: &Entry,
    include: &[PathBuf],
    libraries: Libraries,
    python: &str,
    tmp: &TempDir,
) -> Result<Program, Error> {
    let (first_dir, main_found, main_package) = match entry {
        Entry::Script(path) => {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            let found = Found {
                path: path.clone(),
                is_package: false,
                stdlib: false,
                display: None,
            };
            (dir, Some(found), None)
        }
        Entry::Module(name) => {
            let package = name.rsplit_once('.').map(|(p, _)| p.to_string());
            (PathBuf::new(), None, Some(package.unwrap_or_default()))
        }
    };
    // The main module's directory as the build names it ("" for the current one), so that
    // paths and `__file__` do not depend on where the build runs.
    let mut search = vec![first_dir];
    search.extend(include.iter().cloned());
    let finder = Finder {
        search,
        libraries,
        python,
        tmp,
        compiled: std::cell::Cell::new(0),
    };
    // Modules found so far, by name: `None` for a name searched for and not found.
    let mut found: BTreeMap<String, Option<Found>> = BTreeMap::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut warnings = Vec::new();
    let mut queue: Vec<(String, Found)> = Vec::new();

    // Finds `name` and its parents; queues what is new. Returns what was found.
    let require = |name: &str,
                   found: &mut BTreeMap<String, Option<Found>>,
                   queue: &mut Vec<(String, Found)>|
     -> Option<Found> {
        let mut parent: Option<Found> = None;
        let mut prefix = String::new();
        for (i, part) in name.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            if i == 0 && NATIVE_MODULES.contains(&part) {
                return None;
            }
            if let Some(p) = &parent {
                if !p.is_package {
                    return None;
                }
            }
            let f = match found.get(&prefix) {
                Some(f) => f.clone(),
                None => {
                    let f = finder.find(&prefix, parent.as_ref());
                    found.insert(prefix.clone(), f.clone());
                    if let Some(f) = &f {
                        queue.push((prefix.clone(), f.clone()));
                    }
                    f
                }
            };
            parent = Some(f?);
        }
        parent
    };

    // For `-m`: the module's own name, which stays importable as a module of its own (a
    // package runs its `__main__` submodule, as `python -m package` does).
    let mut main_package = main_package;
    let mut entry_name: Option<String> = None;
    let main_found = match (entry, main_found) {
        (_, Some(f)) => f,
        (Entry::Module(name), None) => {
            let missing = || {
                Error::new(format!(
                    "no module named '{name}' (searched {})",
                    finder_dirs(include)
                ))
            };
            let f = require(name, &mut found, &mut queue).ok_or_else(missing)?;
            if f.is_package {
                let sub = format!("{name}.__main__");
                let m = require(&sub, &mut found, &mut queue).ok_or_else(|| {
                    Error::new(format!(
                        "'{name}' is a package and cannot be directly executed (no {name}/__main__.py)"
                    ))
                })?;
                main_package = Some(name.clone());
                entry_name = Some(sub);
                m
            } else {
                entry_name = Some(name.clone());
                f
            }
        }
        _ => unreachable!(),
    };
    if let Some(n) = &entry_name {
        queue.retain(|(q, _)| q != n);
        found.remove(n);
    }
    let main_pending = vec![("__main__".to_string(), main_found)];
    let mut pending: Vec<(String, Found)> = main_pending;
    pending.append(&mut queue);
    // Breadth first, one round of the import graph at a time: each round's sources compile
    // in one run of the interpreter.
    while !pending.is_empty() {
        let batch = std::mem::take(&mut pending);
        let found_now: Vec<&Found> = batch.iter().map(|(_, f)| f).collect();
        let read = finder.read_all(&found_now)?;
        for ((name, f), (pyc, code)) in batch.into_iter().zip(read) {
            let package = if name == "__main__" {
                main_package.clone()
            } else if f.is_package {
                Some(name.clone())
            } else {
                Some(
                    name.rsplit_once('.')
                        .map(|(p, _)| p)
                        .unwrap_or("")
                        .to_string(),
                )
            };
            // Code that calls `eval`, `exec` or `compile` gets kiln's answer to them
            // (`_kiln_eval`, with its run-time evaluator).
            let calls_eval = code.all_code_objects().iter().any(|c| {
                c.names
                    .iter()
                    .any(|n| n == "eval" || n == "exec" || n == "compile")
            });
            if calls_eval && !found.contains_key("_kiln_eval") {
                require("_kiln_eval", &mut found, &mut queue);
            }
            for site in import_sites(&code) {
                let Some(abs) = resolve(&site.name, package.as_deref(), site.level) else {
                    continue;
                };
                let top = abs.split('.').next().unwrap_or("");
                if NATIVE_MODULES.contains(&top) {
                    continue;
                }
                let got = require(&abs, &mut found, &mut queue);
                match got {
                    // The standard library's own imports of what it does without (under
                    // `try`, or on other platforms) are not the program's concern.
                    None if f.stdlib => {}
                    // A submodule of a plain module (`os.path`) is what the module itself
                    // puts in `sys.modules` when it runs.
                    None if abs.rsplit_once('.').is_some_and(
                        |(parent, _)| matches!(found.get(parent), Some(Some(p)) if !p.is_package),
                    ) => {}
                    None => {
                        warnings.push(format!(
                            "{}:{}: warning: module '{abs}' was not found (searched {}); importing it raises ModuleNotFoundError",
                            site.file,
                            site.line,
                            finder_dirs_of(&found_dirs(entry, include))
                        ));
                    }
                    Some(m) if m.is_package => {
                        for x in &site.fromlist {
                            if x != "*" {
                                let sub = format!("{abs}.{x}");
                                if !found.contains_key(&sub) {
                                    require(&sub, &mut found, &mut queue);
                                }
                            }
                        }
                    }
                    Some(_) => {}
                }
            }
            units.push(Unit {
                name,
                package,
                is_package: f.is_package,
                internal: f.display.is_some(),
                path: f.display.unwrap_or(f.path),
                pyc,
                code,
            });
        }
        pending.append(&mut queue);
    }
    // `__main__` first, then by name: the order does not depend on how imports were met.
    units.sort_by(|a, b| (a.name != "__main__", &a.name).cmp(&(b.name != "__main__", &b.name)));
    warnings.sort();
    warnings.dedup();
    Ok(Program { units, warnings })
}

fn found_dirs(entry: &Entry, include: &[PathBuf]) -> Vec<PathBuf> {
    let first = match entry {
        Entry::Script(p) => p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(".")),
        Entry::Module(_) => PathBuf::from("."),
    };
    let mut v = vec![first];
    v.extend(include.iter().cloned());
    v
}

fn finder_dirs_of(dirs: &[PathBuf]) -> String {
    dirs.iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn finder_dirs(include: &[PathBuf]) -> String {
    finder_dirs_of(&found_dirs(&Entry::Module(String::new()), include))
}
