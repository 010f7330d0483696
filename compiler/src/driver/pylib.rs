//! kiln's own Python modules (`compiler/pylib/`): modules CPython writes in C that kiln
//! provides in Python over primitives of the runtime (`_weakref` over `_kiln`). They are
//! carried inside kiln, written to the build's temporary directory, found after the
//! program's own modules and before the standard library, and named `<kiln>/NAME.py` in
//! the program (the same in every build).

use crate::error::Error;
use std::path::{Path, PathBuf};

/// (file name, source).
pub const FILES: &[(&str, &str)] = &[
    (
        "_collections.py",
        include_str!("../../pylib/_collections.py"),
    ),
    ("_ast.py", include_str!("../../pylib/_ast.py")),
    ("_imp.py", include_str!("../../pylib/_imp.py")),
    ("_json.py", include_str!("../../pylib/_json.py")),
    ("_opcode.py", include_str!("../../pylib/_opcode.py")),
    ("_kiln_eval.py", include_str!("../../pylib/_kiln_eval.py")),
    // kiln's run-time evaluator: tokens, syntax tree, closures.
    ("_kiln_lex.py", include_str!("../../pylib/_kiln_lex.py")),
    ("_kiln_parse.py", include_str!("../../pylib/_kiln_parse.py")),
    ("_kiln_exec.py", include_str!("../../pylib/_kiln_exec.py")),
    ("_kiln_ast.py", include_str!("../../pylib/_kiln_ast.py")),
    ("_kiln_sha2.py", include_str!("../../pylib/_kiln_sha2.py")),
    ("_random.py", include_str!("../../pylib/_random.py")),
    ("_sha2.py", include_str!("../../pylib/_sha2.py")),
    ("_sha256.py", include_str!("../../pylib/_sha256.py")),
    ("_sha512.py", include_str!("../../pylib/_sha512.py")),
    ("_sre.py", include_str!("../../pylib/_sre.py")),
    ("_thread.py", include_str!("../../pylib/_thread.py")),
    ("_tokenize.py", include_str!("../../pylib/_tokenize.py")),
    ("_warnings.py", include_str!("../../pylib/_warnings.py")),
    ("_weakref.py", include_str!("../../pylib/_weakref.py")),
    ("marshal.py", include_str!("../../pylib/marshal.py")),
    // The operating-system half of the standard library.
    ("posix.py", include_str!("../../pylib/posix.py")),
    ("time.py", include_str!("../../pylib/time.py")),
    ("_io.py", include_str!("../../pylib/_io.py")),
    ("_struct.py", include_str!("../../pylib/_struct.py")),
    ("_codecs.py", include_str!("../../pylib/_codecs.py")),
    (
        "_contextvars.py",
        include_str!("../../pylib/_contextvars.py"),
    ),
    ("array.py", include_str!("../../pylib/array.py")),
    ("_typing.py", include_str!("../../pylib/_typing.py")),
];

/// How the program names a module of kiln's own.
pub fn display_path(file: &str) -> PathBuf {
    PathBuf::from(format!("<kiln>/{file}"))
}

/// Writes the modules into `dir/pylib`; returns that directory.
pub fn write(dir: &Path) -> Result<PathBuf, Error> {
    let d = dir.join("pylib");
    std::fs::create_dir_all(&d).map_err(|e| Error::new(format!("{}: {e}", d.display())))?;
    for (name, text) in FILES {
        let p = d.join(name);
        std::fs::write(&p, text).map_err(|e| Error::new(format!("{}: {e}", p.display())))?;
    }
    Ok(d)
}
