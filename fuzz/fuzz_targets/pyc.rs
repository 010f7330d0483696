//! Fuzz target over the compiler's front end and code generator: the bytes are a `.pyc` file.
//! It is read (header, marshal); every code object of any version kiln has an opcode table for
//! is decoded without normalization (line tables and exception tables included); and when the
//! version is one kiln compiles, the whole module is decoded, lifted and compiled to an object
//! file for the host, as `kiln build` does before linking. Any outcome but a panic, a hang or
//! unbounded memory is fine: errors are the expected answer to most inputs.
#![no_main]

use kiln_compiler::bytecode;
use kiln_compiler::codegen::module::ModuleMeta;
use kiln_compiler::codegen::Target;
use kiln_compiler::driver::compile_module;
use kiln_compiler::pyc;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(pyc) = pyc::read_pyc(data) else {
        return;
    };
    for code in pyc.code.all_code_objects() {
        let _ = bytecode::decode_unnormalized(code);
    }
    if bytecode::is_supported(pyc.version) {
        let _ = compile_module(&pyc.code, &ModuleMeta::main("fuzz.py"), &Target::host(), false, true);
    }
});
