//! The cache of compiled modules: object files keyed by a SHA-256 of everything that goes into
//! them (the module's bytecode without the `.pyc` header's timestamp, its name, package and
//! file, the target, and kiln's version), so a rebuild recompiles only modules that changed.
//! It lives in `$KILN_CACHE_DIR`, else `$XDG_CACHE_HOME/kiln`, else `~/.cache/kiln`.
//! A cache that cannot be read or written is skipped, never an error.

use crate::codegen::module::ModuleMeta;
use crate::codegen::Target;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

pub struct Cache {
    dir: PathBuf,
}

/// The cache key of one module.
pub fn key(pyc: &[u8], meta: &ModuleMeta, target: &Target, opts: &super::CompileOptions) -> String {
    let mut h = Sha256::new();
    let field = |h: &mut Sha256, b: &[u8]| {
        h.update((b.len() as u64).to_le_bytes());
        h.update(b);
    };
    field(&mut h, env!("CARGO_PKG_VERSION").as_bytes());
    field(&mut h, build_id().as_bytes());
    field(&mut h, target.triple.as_bytes());
    field(&mut h, meta.name.as_bytes());
    field(&mut h, meta.package.as_deref().unwrap_or("\0").as_bytes());
    field(&mut h, meta.file.as_bytes());
    field(&mut h, &[meta.is_package as u8]);
    field(&mut h, format!("{opts:?}").as_bytes());
    field(&mut h, meta.source.as_deref().unwrap_or("\0").as_bytes());
    // The magic number (the version) stays; flags, timestamp and size do not matter.
    field(&mut h, pyc.get(..4).unwrap_or(pyc));
    field(&mut h, pyc.get(16..).unwrap_or(&[]));
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Which build of kiln this is: its executable's size and modification time, so that a rebuilt
/// compiler never reuses objects of an older one with the same version number.
fn build_id() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| {
                let t = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_nanos())
                    .unwrap_or(0);
                format!("{}-{t}", m.len())
            })
            .unwrap_or_default()
    })
    .clone()
}

impl Cache {
    /// The cache directory, created if needed; `None` when there is none to be had.
    pub fn open() -> Option<Cache> {
        let base = if let Some(d) = std::env::var_os("KILN_CACHE_DIR") {
            PathBuf::from(d)
        } else if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
            PathBuf::from(d).join("kiln")
        } else {
            PathBuf::from(std::env::var_os("HOME")?)
                .join(".cache")
                .join("kiln")
        };
        let dir = base.join("objects");
        std::fs::create_dir_all(&dir).ok()?;
        Some(Cache { dir })
    }

    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.dir.join(format!("{key}.o"))).ok()
    }

    /// Stores an object file (written aside, then renamed, so readers never see half of one).
    pub fn put(&self, key: &str, object: &[u8]) {
        let tmp = self.dir.join(format!("{key}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, object).is_ok() {
            let _ = std::fs::rename(&tmp, self.dir.join(format!("{key}.o")));
        }
        let _ = std::fs::remove_file(&tmp);
    }
}
