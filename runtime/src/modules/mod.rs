//! The native modules: what CPython writes in C, written here in Rust (decision 11). Each
//! module is one file with a `create()` that builds the module object; `import` asks
//! [`create`] for a name before looking at the modules compiled into the program. Keep
//! [`NAMES`] in step with the compiler's list (`compiler/src/driver/program.rs`).

pub mod abc;
pub mod atexit;
pub mod binascii;
pub mod bisect;
pub mod errno;
pub mod functools;
pub mod gc;
pub mod heapq;
pub mod itertools;
pub mod itertools_combinatoric;
pub mod itertools_shared;
pub mod kiln;
pub mod locale;
pub mod math;
pub mod operator;
pub mod operator_types;
pub mod partial;
pub mod posix_raw;
pub mod stat;
pub mod string;
pub mod struct_raw;
pub mod time;

// The text half of the standard library.
pub mod hash;
pub mod random;
pub mod sre;

use crate::objects::{builtin_function, dict, module, str as pystr, tuple};
use crate::value::Value;

/// The native modules besides `sys` and `builtins`.
pub const NAMES: &[&str] = &[
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

/// A new native module `name`; null (with no exception) when there is none of that name.
pub fn create(name: &str) -> Value {
    match name {
        // The text half of the standard library.
        "_kiln_hash" => hash::create(),
        "_kiln_random" => random::create(),
        "_kiln_sre" => sre::create(),
        // The first native modules.
        "_kiln" => kiln::create(),
        "errno" => errno::create(),
        "math" => math::create(),
        "_kiln_time" => time::create(),
        "_kiln_posix" => posix_raw::create(),
        "_kiln_struct" => struct_raw::create(),
        "binascii" => binascii::create(),
        "atexit" => atexit::create(),
        "gc" => gc::create(),
        "_locale" => locale::create(),
        "_bisect" => bisect::create(),
        "_heapq" => heapq::create(),
        "_operator" => operator::create(),
        "_stat" => stat::create(),
        "itertools" => itertools::create(),
        "_functools" => functools::create(),
        "_abc" => abc::create(),
        "_string" => string::create(),
        _ => Value::NULL,
    }
}

/// `sys.builtin_module_names`: a sorted tuple.
pub fn builtin_module_names() -> Value {
    let mut names: Vec<&str> = NAMES.iter().copied().chain(BUILT_IN_STAND_INS).collect();
    names.push("builtins");
    names.push("sys");
    names.sort_unstable();
    let items: Vec<Value> = names.iter().map(|n| pystr::intern(n)).collect();
    tuple::new(&items)
}

/// kiln's own Python modules (compiler/pylib) that stand in for modules built into CPython:
/// listed as built in (`os` looks for `posix` there, and importlib sets itself up over
/// `_thread`, `_warnings` and `_weakref` only when they are) and, like CPython's, without a
/// `__file__`.
pub const BUILT_IN_STAND_INS: [&str; 11] = [
    "posix",
    "time",
    "_thread",
    "_warnings",
    "_weakref",
    "_imp",
    "_io",
    "_codecs",
    "_collections",
    "_sre",
    "marshal",
];

/// Checks a module function's arguments: `min..=max` positional ones and no keywords. False
/// with a TypeError set otherwise.
pub fn check_plain(name: &str, args: &[Value], kwnames: Value, min: usize, max: usize) -> bool {
    if !kwnames.is_null() && tuple::len(kwnames) > 0 {
        crate::errors::type_error(&format!("{name}() takes no keyword arguments"));
        return false;
    }
    builtin_function::check_count(name, args.len(), min, max)
}

/// A module named `name` holding the functions `fns`.
pub fn with_functions(
    name: &str,
    fns: &[(&str, crate::objects::builtin_function::NativeFn)],
) -> Value {
    let m = module::new(name);
    if m.is_null() {
        return m;
    }
    let d = module::dict_of(m);
    for (n, f) in fns {
        dict::set_by_name(d, n, builtin_function::new(n, *f, builtin_function::PLAIN));
    }
    m
}
