//! Links Boehm's collector (`libgc.a`, Debian's `libgc-dev` or `libgc-dev:<arch>`) into the
//! runtime's own test binaries. Executables get it from `kiln`'s link step (`-l:libgc.a`).

fn main() {
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let multiarch = format!("/usr/lib/{arch}-linux-gnu");
    if let Ok(dir) = std::env::var("KILN_GC_LIB_DIR") {
        println!("cargo:rustc-link-search=native={dir}");
    }
    println!("cargo:rustc-link-search=native={multiarch}");
    println!("cargo:rustc-link-lib=static=gc");
    println!("cargo:rerun-if-env-changed=KILN_GC_LIB_DIR");
    println!("cargo:rerun-if-changed=build.rs");
}
