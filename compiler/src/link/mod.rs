//! Linking: object files plus the runtime library for the target into an executable, with the
//! system C compiler as the linker driver.

use crate::codegen::Target;
use crate::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the runtime library for `target` is: `$KILN_RUNTIME_DIR`, else beside the kiln
/// executable (`target/release` for the host, `target/<triple>/release` for others).
pub fn find_runtime(target: &Target) -> Result<PathBuf, Error> {
    let name = "libkiln_runtime.a";
    if let Ok(dir) = std::env::var("KILN_RUNTIME_DIR") {
        let p = Path::new(&dir).join(name);
        if p.exists() {
            return Ok(p);
        }
        return Err(Error::new(format!("no {name} in KILN_RUNTIME_DIR={dir}")));
    }
    let exe = std::env::current_exe()
        .map_err(|e| Error::new(format!("cannot locate kiln itself: {e}")))?;
    let dir = exe.parent().unwrap_or(Path::new("."));
    let mut candidates = Vec::new();
    if target.is_host() {
        candidates.push(dir.join(name));
        // `cargo test` builds the runtime as a dependency: target/release/deps/libkiln_runtime-*.a
        if let Ok(entries) = std::fs::read_dir(dir.join("deps")) {
            for e in entries.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with("libkiln_runtime-") && n.ends_with(".a") {
                    candidates.push(e.path());
                }
            }
        }
    }
    // target/release/kiln → target/<triple>/release/libkiln_runtime.a
    if let Some(t) = dir.parent() {
        candidates.push(t.join(&target.triple).join("release").join(name));
    }
    // The newest build wins.
    let newest = candidates
        .iter()
        .filter_map(|c| {
            std::fs::metadata(c)
                .and_then(|m| m.modified())
                .ok()
                .map(|t| (t, c.clone()))
        })
        .max_by_key(|(t, _)| *t);
    if let Some((_, c)) = newest {
        return Ok(c);
    }
    let hint = if target.is_host() {
        "build it with `cargo build --release`".to_string()
    } else {
        format!(
            "build it with `bash scripts/build-runtime.sh {}`",
            target.triple
        )
    };
    Err(Error::new(format!(
        "the kiln runtime for {} is missing ({name} not found; {hint})",
        target.triple
    )))
}

fn linker_for(target: &Target) -> &'static str {
    if target.is_host() {
        "cc"
    } else if target.arch() == "aarch64" {
        "aarch64-linux-gnu-gcc"
    } else {
        "cc"
    }
}

/// What a link line needs after the program's objects: the runtime, the collector and the
/// system libraries.
pub fn library_args(target: &Target, runtime: &Path, static_link: bool) -> Vec<String> {
    let mut args = vec![runtime.display().to_string()];
    if static_link {
        args.push("-static".into());
    }
    if target.is_host() {
        args.push("-l:libgc.a".into());
    } else {
        // Debian's libgc-dev:<arch> is outside the cross compiler's own library path.
        args.push(format!("/usr/lib/{}-linux-gnu/libgc.a", target.arch()));
    }
    for a in ["-lpthread", "-ldl", "-lm", "-Wl,--gc-sections"] {
        args.push(a.into());
    }
    if !static_link {
        args.push("-lgcc_s".into());
    }
    args
}

/// The linker driver for `target`.
pub fn linker(target: &Target) -> &'static str {
    linker_for(target)
}

/// Links `objects` with the runtime into the executable `output`.
pub fn link(
    target: &Target,
    objects: &[PathBuf],
    output: &Path,
    static_link: bool,
) -> Result<(), Error> {
    let runtime = find_runtime(target)?;
    let linker = linker_for(target);
    let mut cmd = Command::new(linker);
    cmd.arg("-o").arg(output);
    for o in objects {
        cmd.arg(o);
    }
    cmd.args(library_args(target, &runtime, static_link));
    let out = match cmd.output() {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let pkg = if linker == "cc" {
                "gcc"
            } else {
                "gcc-aarch64-linux-gnu"
            };
            return Err(Error::new(format!(
                "the linker `{linker}` was not found: install it (apt-get install {pkg})"
            )));
        }
        Err(e) => return Err(Error::new(format!("running the linker `{linker}`: {e}"))),
    };
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr
            .lines()
            .find(|l| {
                l.contains("cannot find")
                    || l.contains("undefined reference")
                    || l.contains("error")
            })
            .unwrap_or_else(|| stderr.lines().next().unwrap_or(""));
        let hint = if first.contains("-lgc") || first.contains("libgc") {
            " (install the Boehm collector: apt-get install libgc-dev)"
        } else {
            ""
        };
        return Err(Error::new(format!(
            "linking failed: {}{hint}",
            first.trim()
        )));
    }
    Ok(())
}
