//! What `kiln build --emit=KIND[,KIND]` writes once the modules are compiled: the executable
//! (`exe`), one object file per module plus the entry object (`obj`), a static library with a C
//! header (`staticlib`), a Makefile depfile (`dep-info`), and per module the stage dumps of
//! `stages`: the lifted IR (`ir`), the IR codegen receives (`opt`), Cranelift IR (`clif`) and
//! machine code (`asm`).

use super::program::Program;
use super::TempDir;
use crate::codegen::module::{self, EntryKind};
use crate::error::Error;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Emit {
    Exe,
    Obj,
    Staticlib,
    DepInfo,
    /// A stage dump per module: `ir`, `opt`, `clif`, `asm` (see `stages`).
    Stage(super::Stage),
}

pub const KINDS: &str = "exe, obj, staticlib, dep-info, ir, opt, clif, asm";

impl Emit {
    /// Parses `exe,dep-info`.
    pub fn parse_list(list: &str) -> Result<Vec<Emit>, String> {
        let mut out = Vec::new();
        for k in list.split(',').map(str::trim).filter(|k| !k.is_empty()) {
            let e = match k {
                "exe" => Emit::Exe,
                "obj" => Emit::Obj,
                "staticlib" => Emit::Staticlib,
                "dep-info" => Emit::DepInfo,
                "ir" | "opt" | "clif" | "asm" => {
                    Emit::Stage(super::Stage::parse(k).map_err(|e| e.to_string())?)
                }
                other => return Err(format!("unknown --emit kind `{other}` (kinds: {KINDS})")),
            };
            if !out.contains(&e) {
                out.push(e);
            }
        }
        if out.is_empty() {
            return Err(format!("--emit needs at least one kind ({KINDS})"));
        }
        Ok(out)
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|e| Error::new(format!("{}: {e}", path.display())))
}

/// The file name of a module's object: `pkg.mod.o`, `__main__.o`.
fn object_name(module: &str) -> String {
    format!("{module}.o")
}

/// Writes every output `opts.emit` asks for.
pub fn write(
    prog: &Program,
    objects: &[Vec<u8>],
    opts: &super::BuildOptions,
    tmp: &TempDir,
) -> Result<(), Error> {
    let symbols: Vec<String> = prog
        .units
        .iter()
        .map(|u| module::descriptor_symbol(&u.name))
        .collect();
    let mut paths = Vec::new();
    for (u, obj) in prog.units.iter().zip(objects) {
        let p = tmp.0.join(object_name(&u.name));
        write_file(&p, obj)?;
        paths.push(p);
    }
    let entry = |kind: EntryKind| -> Result<Vec<u8>, Error> {
        module::entry_object(&opts.target, &symbols, kind).map_err(Error::new)
    };
    let needs_dir = opts
        .emit
        .iter()
        .any(|e| matches!(e, Emit::Obj | Emit::Stage(_)));
    if needs_dir {
        std::fs::create_dir_all(&opts.out_dir)
            .map_err(|e| Error::new(format!("{}: {e}", opts.out_dir.display())))?;
    }
    for e in &opts.emit {
        match e {
            Emit::Exe => {
                let t = std::time::Instant::now();
                let entry_path = tmp.0.join("kiln_entry.o");
                write_file(&entry_path, &entry(EntryKind::Executable)?)?;
                let mut all = paths.clone();
                all.push(entry_path);
                crate::link::link(&opts.target, &all, &opts.output, opts.static_link)?;
                if opts.verbose {
                    eprintln!(
                        "kiln: {:<10} {:>8.2} ms",
                        "link",
                        t.elapsed().as_secs_f64() * 1000.0
                    );
                }
            }
            Emit::Obj => {
                for (u, obj) in prog.units.iter().zip(objects) {
                    write_file(&opts.out_dir.join(object_name(&u.name)), obj)?;
                }
                write_file(
                    &opts.out_dir.join("kiln_entry.o"),
                    &entry(EntryKind::Executable)?,
                )?;
            }
            Emit::Staticlib => {
                let entry_path = tmp.0.join("kiln_entry.o");
                write_file(&entry_path, &entry(EntryKind::Library)?)?;
                let mut all = paths.clone();
                all.push(entry_path);
                archive(&opts.target, &all, &opts.output, opts.bundle_runtime)?;
                write_file(
                    &header_path(&opts.output),
                    header(&opts.output, opts.bundle_runtime).as_bytes(),
                )?;
            }
            Emit::DepInfo => {
                let deps: Vec<PathBuf> = prog
                    .units
                    .iter()
                    .filter(|u| !u.internal)
                    .map(|u| u.path.clone())
                    .collect();
                write_file(
                    &depfile_path(&opts.output),
                    depfile(&opts.output, &deps).as_bytes(),
                )?;
            }
            Emit::Stage(stage) => {
                for u in &prog.units {
                    let text = super::stage_dump(u, opts, vec![*stage])?;
                    write_file(
                        &opts.out_dir.join(format!("{}.{}", u.name, stage.name())),
                        text.as_bytes(),
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// `app` → `app.d`.
pub fn depfile_path(output: &Path) -> PathBuf {
    let mut s = output.as_os_str().to_owned();
    s.push(".d");
    PathBuf::from(s)
}

/// `libapp.a` → `libapp.h`.
pub fn header_path(output: &Path) -> PathBuf {
    output.with_extension("h")
}

fn make_escape(p: &Path) -> String {
    p.display()
        .to_string()
        .replace('$', "$$")
        .replace(' ', "\\ ")
        .replace('#', "\\#")
}

/// A Makefile rule: the output depends on every module's source; each source also gets an
/// empty rule, so a deleted module does not break `make`.
fn depfile(output: &Path, deps: &[PathBuf]) -> String {
    let mut s = format!("{}:", make_escape(output));
    for d in deps {
        s.push(' ');
        s.push_str(&make_escape(d));
    }
    s.push('\n');
    for d in deps {
        s.push_str(&format!("\n{}:\n", make_escape(d)));
    }
    s
}

fn header(output: &Path, bundled: bool) -> String {
    let guard: String = output
        .file_stem()
        .map(|s| s.to_string_lossy().to_uppercase())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let link = if bundled {
        " * Link with: {lib} -lpthread -ldl -lm -lgcc_s (the archive holds kiln's runtime and\n\
         * the Boehm collector). */"
    } else {
        " * The archive holds the program only: link kiln's runtime (the kiln-runtime crate)\n\
         * and the Boehm collector (-l:libgc.a) with it. */"
    };
    let link = link.replace("{lib}", &lib_name(output));
    format!(
        "/* Generated by kiln: the entry point of a Python program compiled into {lib}.\n\
         {link}\n\
         #ifndef KILN_{guard}_H\n#define KILN_{guard}_H\n\n\
         #ifdef __cplusplus\nextern \"C\" {{\n#endif\n\n\
         /* Runs the program's __main__ module with sys.argv = argv[0..argc] and returns its exit\n\
          * status (0, 1 after an uncaught exception, or SystemExit's code). Its output is\n\
          * flushed before it returns. Call it once per process. */\n\
         int kiln_main(int argc, char **argv);\n\n\
         #ifdef __cplusplus\n}}\n#endif\n\n#endif\n",
        lib = lib_name(output)
    )
}

fn lib_name(output: &Path) -> String {
    output
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The Boehm collector's static library for `target`.
fn libgc(target: &crate::codegen::Target) -> PathBuf {
    PathBuf::from(format!("/usr/lib/{}-linux-gnu/libgc.a", target.arch()))
}

/// The members of the archive at `path`: (name, bytes).
fn archive_members(path: &Path) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let data = std::fs::read(path).map_err(|e| Error::new(format!("{}: {e}", path.display())))?;
    let bad = |e: object::read::Error| Error::new(format!("{}: {e}", path.display()));
    let archive = object::read::archive::ArchiveFile::parse(&*data).map_err(bad)?;
    let mut out = Vec::new();
    for m in archive.members() {
        let m = m.map_err(bad)?;
        let name = String::from_utf8_lossy(m.name()).into_owned();
        out.push((name, m.data(&*data).map_err(bad)?.to_vec()));
    }
    Ok(out)
}

/// An archive of `objects` (and kiln's runtime and the collector when bundled), with a symbol index, written by
/// `ar_archive_writer` (as rustc writes its own): no `ar` needed for any target, and the same
/// bytes for the same inputs.
fn archive(
    target: &crate::codegen::Target,
    objects: &[PathBuf],
    output: &Path,
    bundle_runtime: bool,
) -> Result<(), Error> {
    let gc = libgc(target);
    if bundle_runtime && !gc.exists() {
        return Err(Error::new(format!(
            "{} is missing (install the Boehm collector: apt-get install libgc-dev{})",
            gc.display(),
            if target.is_host() { "" } else { ":arm64" }
        )));
    }
    let mut members: Vec<(String, Vec<u8>)> = Vec::new();
    for o in objects {
        let bytes = std::fs::read(o).map_err(|e| Error::new(format!("{}: {e}", o.display())))?;
        let name = o
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        members.push((name, bytes));
    }
    if bundle_runtime {
        members.extend(archive_members(&crate::link::find_runtime(target)?)?);
        members.extend(archive_members(&gc)?);
    }
    let new: Vec<ar_archive_writer::NewArchiveMember> = members
        .iter()
        .map(|(name, bytes)| {
            ar_archive_writer::NewArchiveMember::new(
                &bytes[..],
                &ar_archive_writer::DEFAULT_OBJECT_READER,
                name.clone(),
            )
        })
        .collect();
    let mut buf = std::io::Cursor::new(Vec::new());
    ar_archive_writer::write_archive_to_stream(
        &mut buf,
        &new,
        ar_archive_writer::ArchiveKind::Gnu,
        false,
        None,
    )
    .map_err(|e| Error::new(format!("writing the archive {}: {e}", output.display())))?;
    write_file(output, &buf.into_inner())
}
