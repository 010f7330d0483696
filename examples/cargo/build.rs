//! Compiles `report.py` with kiln into a static library (`--emit=staticlib`) in OUT_DIR and
//! links it: the library exports `int kiln_main(int argc, char **argv)`. It holds the program
//! only (`--external-runtime`): the runtime comes from the kiln-runtime crate this package
//! depends on, the collector from Debian's libgc-dev. kiln is taken from $KILN, else from the
//! kiln checkout this example sits in.
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let kiln = std::env::var("KILN")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("../../target/release/kiln"));
    let lib = out.join("libreport.a");
    let status = Command::new(&kiln)
        .arg("build")
        .arg(manifest.join("report.py"))
        .arg("-o")
        .arg(&lib)
        .arg("--emit=staticlib,dep-info")
        .arg("--external-runtime")
        .status()
        .unwrap_or_else(|e| panic!("cannot run kiln at {}: {e}", kiln.display()));
    assert!(status.success(), "kiln failed to compile report.py");
    // Rebuild when any module of the program changes (kiln's depfile lists them).
    let deps = std::fs::read_to_string(out.join("libreport.a.d")).unwrap_or_default();
    for dep in deps.lines().filter(|l| l.ends_with(':')) {
        println!("cargo:rerun-if-changed={}", dep.trim_end_matches(':'));
    }
    println!("cargo:rerun-if-changed=report.py");
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=static=report");
    // The runtime's collector (kiln links it the same way).
    println!("cargo:rustc-link-arg=-l:libgc.a");
}
