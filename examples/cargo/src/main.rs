//! A Rust program calling a Python program that kiln compiled into a static library.
use std::ffi::{c_char, c_int, CString};

// The runtime the compiled program calls into; nothing here names it, so say it is used.
extern crate kiln_runtime;

extern "C" {
    /// From kiln's generated header: runs `__main__`, returns its exit status.
    fn kiln_main(argc: c_int, argv: *mut *mut c_char) -> c_int;
}

fn main() {
    let args: Vec<CString> = ["report", "from-rust", "42"]
        .iter()
        .map(|a| CString::new(*a).unwrap())
        .collect();
    let mut argv: Vec<*mut c_char> = args.iter().map(|a| a.as_ptr() as *mut c_char).collect();
    argv.push(std::ptr::null_mut());
    let status = unsafe { kiln_main(args.len() as c_int, argv.as_mut_ptr()) };
    println!("rust: the Python program exited with status {status}");
    assert_eq!(status, 3);
}
