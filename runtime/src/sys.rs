//! The `sys` module: argv, exit, the standard streams, version facts and the recursion limit.

use crate::errors;
use crate::object::{exc_types, none};
use crate::objects::builtin_function::{self, check_count, NativeFn};
use crate::objects::{dict, int, list, module, str as pystr, structseq, tuple};
use crate::value::Value;

pub static mut MODULE: Value = Value::NULL;
/// The CPython version whose bytecode the program was compiled from.
pub static mut VERSION: (u32, u32) = (3, 11);

/// The CPython version of the bytecode the program was compiled from.
pub fn bytecode_version() -> (u32, u32) {
    unsafe { VERSION }
}

pub fn stdout() -> Value {
    let d = module::dict_of(unsafe { MODULE });
    let v = dict::get_by_name(d, "stdout");
    if v.is_null() {
        unsafe { crate::io::STDOUT }
    } else {
        v
    }
}

fn s_exit(args: &[Value], kw: Value) -> Value {
    if !builtin_function::check_args(
        "exit",
        &[none()].iter().chain(args).copied().collect::<Vec<_>>(),
        kw,
        0,
        1,
    ) {
        return Value::NULL;
    }
    errors::raise_args(exc_types().system_exit, args)
}

fn s_getrecursionlimit(args: &[Value], _kw: Value) -> Value {
    if !check_count("getrecursionlimit", args.len(), 0, 0) {
        return Value::NULL;
    }
    Value::from_small(unsafe { crate::frame::RECURSION_LIMIT } as i64)
}

fn s_setrecursionlimit(args: &[Value], _kw: Value) -> Value {
    if !check_count("setrecursionlimit", args.len(), 1, 1) {
        return Value::NULL;
    }
    // 3.8 and 3.9 convert with the C "i" format, which words its refusals its own way.
    let v = args[0];
    if unsafe { VERSION } < (3, 10) && !int::is_int(v) {
        use crate::object::{kind_of, type_name_of, type_of};
        if kind_of(v) == crate::object::Kind::Float {
            return errors::type_error("integer argument expected, got float");
        }
        if crate::object::type_lookup(type_of(v), pystr::intern("__index__")).is_null() {
            return errors::type_error(&format!(
                "an integer is required (got type {})",
                type_name_of(v)
            ));
        }
    }
    let Some(n) = int::index_value(args[0], "setrecursionlimit") else {
        return Value::NULL;
    };
    if n < 1 {
        return errors::value_error("recursion limit must be greater or equal than 1");
    }
    unsafe { crate::frame::RECURSION_LIMIT = n.min(u32::MAX as i64) as u32 };
    none()
}

fn s_exc_info(args: &[Value], _kw: Value) -> Value {
    if !check_count("exc_info", args.len(), 0, 0) {
        return Value::NULL;
    }
    let h = errors::handled();
    if h.is_null() || h == none() {
        return tuple::new(&[none(), none(), none()]);
    }
    let e = crate::objects::exception::get(h);
    tuple::new(&[Value::from_ptr(crate::object::type_of(h)), h, e.traceback])
}

/// `sys.exception()` (3.11 and later): the exception being handled, or None.
fn s_exception(args: &[Value], _kw: Value) -> Value {
    if !check_count("exception", args.len(), 0, 0) {
        return Value::NULL;
    }
    let h = errors::handled();
    if h.is_null() {
        none()
    } else {
        h
    }
}

/// `sys._getframe(depth=0)`: the frame object `depth` calls up from the caller.
fn s_getframe(args: &[Value], _kw: Value) -> Value {
    if !check_count("_getframe", args.len(), 0, 1) {
        return Value::NULL;
    }
    let depth = match args.first() {
        Some(d) => match int::index_value(*d, "_getframe") {
            Some(d) => d,
            None => return Value::NULL,
        },
        None => 0,
    };
    let mut f = crate::frame::current();
    let mut i = 0;
    while i < depth && !f.is_null() {
        f = unsafe { (*f).back };
        i += 1;
    }
    if f.is_null() || depth < 0 {
        return errors::value_error("call stack is not deep enough");
    }
    crate::objects::frame_object::of(f)
}

fn s_intern(args: &[Value], _kw: Value) -> Value {
    if !check_count("intern", args.len(), 1, 1) {
        return Value::NULL;
    }
    if !pystr::is_str(args[0]) {
        return errors::type_error(&format!(
            "intern() argument must be str, not {}",
            crate::object::type_name_of(args[0])
        ));
    }
    pystr::intern(pystr::as_str(args[0]))
}

/// `sys.getsizeof(obj[, default])`: what CPython's 64-bit build reports for an object of the
/// same value (its header, items and the collector's header), so that programs comparing
/// sizes see the figures they would; an object's own `__sizeof__` (plus the collector's 16
/// bytes) when its class defines one.
fn s_getsizeof(args: &[Value], kw: Value) -> Value {
    let Some(p) = builtin_function::parse_kw("getsizeof", args, kw, &["object", "default"], 1)
    else {
        return Value::NULL;
    };
    let v = p[0];
    let t = crate::object::type_of(v);
    let own = if !v.is_small() && crate::objects::type_::is_heap_type(t) {
        crate::objects::type_::user_override(t, "__sizeof__")
    } else {
        Value::NULL
    };
    if !own.is_null() {
        let r = crate::objects::type_::call_bound(own, v, &[]);
        if r.is_null() {
            return r;
        }
        let Some(n) = int::as_i64(r) else {
            return errors::type_error("an integer is required");
        };
        if n < 0 {
            return errors::value_error("__sizeof__() should return >= 0");
        }
        // The collector's header, and from 3.11 on the pre-header (dict and weakref slots).
        return int::from_i64(n + if unsafe { VERSION.1 } >= 11 { 32 } else { 16 });
    }
    let (_, minor) = unsafe { VERSION };
    let new_str = minor >= 12;
    use crate::object::{kind_of, Kind};
    let size: i64 = if v.is_small() || (int::is_int(v) && kind_of(v) == Kind::Int) {
        let bits = int::to_big(v).bits() as i64;
        let digits = (bits + 29) / 30;
        24 + 4 * if minor >= 11 { digits.max(1) } else { digits }
    } else {
        match kind_of(v) {
            Kind::Bool => 24 + 4 * (pybool_value(v) || minor >= 11) as i64,
            Kind::Float => 24,
            Kind::None | Kind::NotImplemented | Kind::Ellipsis => 16,
            Kind::Str => {
                let t = pystr::as_str(v);
                let n = pystr::char_len(v) as i64;
                let widest = t.chars().map(|c| c as u32).max().unwrap_or(0);
                match (widest, new_str) {
                    (0..=0x7f, false) => 49 + n,
                    (0..=0x7f, true) => 41 + n,
                    (0x80..=0xff, false) => 73 + n,
                    (0x80..=0xff, true) => 60 + n,
                    (0x100..=0xffff, false) => 74 + 2 * n,
                    (0x100..=0xffff, true) => 58 + 2 * n,
                    (_, false) => 76 + 4 * n,
                    (_, true) => 60 + 4 * n,
                }
            }
            Kind::Bytes => 33 + crate::objects::bytes::len(v) as i64,
            Kind::Tuple => 40 + 8 * tuple::len(v) as i64,
            Kind::List => 56 + 8 * list::items(v).len() as i64,
            Kind::Dict => {
                let n = dict::len(v) as i64;
                if n == 0 {
                    64
                } else {
                    // The table grows by powers of two from 8 slots, two thirds usable.
                    let mut slots = 8i64;
                    while slots * 2 / 3 < n {
                        slots *= 2;
                    }
                    let base = if minor >= 11 { 96 } else { 104 };
                    base + slots + slots * 2 / 3 * 24
                }
            }
            Kind::Set | Kind::FrozenSet => 216,
            _ => {
                if crate::objects::type_::is_heap_type(crate::object::type_of(v)) {
                    if minor == 11 {
                        56
                    } else {
                        48
                    }
                } else {
                    16
                }
            }
        }
    };
    int::from_i64(size)
}

fn pybool_value(v: Value) -> bool {
    v == crate::object::true_()
}

/// `sys.implementation`: what the program is written for (CPython of the bytecode's version),
/// as a namespace object.
/// `types.SimpleNamespace(**kwargs)` (the type of `sys.implementation`).
fn namespace_init(args: &[Value], kw: Value) -> Value {
    let nkw = if kw.is_null() { 0 } else { tuple::len(kw) };
    if args.len() - nkw > 1 {
        return crate::errors::type_error("no positional arguments expected");
    }
    for i in 0..nkw {
        let k = tuple::items(kw)[i];
        if !crate::ops::setattr(args[0], k, args[args.len() - nkw + i]) {
            return Value::NULL;
        }
    }
    crate::object::none()
}

fn namespace_repr(args: &[Value], _kw: Value) -> Value {
    let d = crate::objects::type_::instance_dict(args[0]);
    let mut parts = Vec::new();
    for (k, v) in dict::items(d) {
        let r = crate::ops::repr(v);
        if r.is_null() {
            return r;
        }
        parts.push(format!("{}={}", pystr::as_str(k), pystr::as_str(r)));
    }
    let name = if crate::objects::type_::is_heap_type(crate::object::type_of(args[0])) {
        crate::object::type_name_of(args[0]).to_string()
    } else {
        "namespace".to_string()
    };
    pystr::new(&format!("{name}({})", parts.join(", ")))
}

fn namespace_eq(args: &[Value], _kw: Value) -> Value {
    let (a, b) = (args[0], args[1]);
    if b.is_small() || !crate::object::isinstance(b, crate::object::type_of(a)) {
        return crate::object::notimplemented();
    }
    let (da, db) = (
        crate::objects::type_::instance_dict(a),
        crate::objects::type_::instance_dict(b),
    );
    crate::ops::compare(da, db, crate::ops::CMP_EQ)
}

static mut NAMESPACE: *mut crate::object::TypeObject = std::ptr::null_mut();

/// `types.SimpleNamespace`, made once.
fn namespace_type() -> *mut crate::object::TypeObject {
    unsafe {
        if NAMESPACE.is_null() {
            let t = crate::object::new_builtin_type(
                "SimpleNamespace",
                crate::object::Kind::Object,
                crate::object::types().object,
            );
            (*t).module = pystr::intern("types");
            crate::objects::builtin_function::add_method(t, "__init__", namespace_init);
            crate::objects::builtin_function::add_method(t, "__repr__", namespace_repr);
            crate::objects::builtin_function::add_method(t, "__eq__", namespace_eq);
            NAMESPACE = t;
        }
        NAMESPACE
    }
}

/// `sys.hash_info`: the parameters of the numeric hash (what `decimal` and `fractions`
/// compute theirs by), as attributes.
fn hash_info(minor: u32) -> Value {
    let fields: [(&str, Value); 9] = [
        ("width", Value::from_small(64)),
        ("modulus", int::from_i64((1i64 << 61) - 1)),
        ("inf", Value::from_small(314159)),
        ("nan", Value::from_small(0)),
        ("imag", Value::from_small(1000003)),
        (
            "algorithm",
            pystr::intern(if minor >= 11 {
                "siphash13"
            } else {
                "siphash24"
            }),
        ),
        ("hash_bits", Value::from_small(64)),
        ("seed_bits", Value::from_small(128)),
        ("cutoff", Value::from_small(0)),
    ];
    struct_sequence("hash_info", &fields)
}

/// A one-off struct sequence `sys.<name>` holding `fields`.
fn struct_sequence(name: &str, fields: &[(&str, Value)]) -> Value {
    let names: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    let values: Vec<Value> = fields.iter().map(|(_, v)| *v).collect();
    structseq::new(structseq::new_type("sys", name, &names), &values)
}

/// `sys.int_info`: the layout of kiln's big ints as CPython reports its own (30-bit digits),
/// which is what programs compare against.
fn int_info() -> Value {
    struct_sequence(
        "int_info",
        &[
            ("bits_per_digit", Value::from_small(30)),
            ("sizeof_digit", Value::from_small(4)),
            ("default_max_str_digits", Value::from_small(4300)),
            ("str_digits_check_threshold", Value::from_small(640)),
        ],
    )
}

/// `sys.float_info`: the characteristics of the IEEE 754 double that float is, as attributes.
fn float_info() -> Value {
    use crate::objects::float;
    let fields: [(&str, Value); 11] = [
        ("max", float::new(f64::MAX)),
        ("max_exp", Value::from_small(f64::MAX_EXP as i64)),
        ("max_10_exp", Value::from_small(f64::MAX_10_EXP as i64)),
        ("min", float::new(f64::MIN_POSITIVE)),
        ("min_exp", Value::from_small(f64::MIN_EXP as i64)),
        ("min_10_exp", Value::from_small(f64::MIN_10_EXP as i64)),
        ("dig", Value::from_small(f64::DIGITS as i64)),
        ("mant_dig", Value::from_small(f64::MANTISSA_DIGITS as i64)),
        ("epsilon", float::new(f64::EPSILON)),
        ("radix", Value::from_small(f64::RADIX as i64)),
        ("rounds", Value::from_small(1)),
    ];
    struct_sequence("float_info", &fields)
}

fn implementation(major: u32, minor: u32, version_info: Value) -> Value {
    let ns = crate::objects::type_::alloc_instance_of(namespace_type());
    if ns.is_null() {
        return ns;
    }
    let set = |k: &str, v: Value| {
        crate::ops::setattr(ns, pystr::intern(k), v);
    };
    set("name", pystr::intern("cpython"));
    set("cache_tag", pystr::new(&format!("cpython-{major}{minor}")));
    set("version", version_info);
    set(
        "hexversion",
        int::from_i64(((major as i64) << 24) | ((minor as i64) << 16) | 0xf0),
    );
    set(
        "_multiarch",
        pystr::new(&format!("{}-linux-gnu", std::env::consts::ARCH)),
    );
    ns
}

fn s_getdefaultencoding(args: &[Value], _kw: Value) -> Value {
    if !check_count("getdefaultencoding", args.len(), 0, 0) {
        return Value::NULL;
    }
    pystr::intern("utf-8")
}

fn s_getfilesystemencodeerrors(args: &[Value], _kw: Value) -> Value {
    if !check_count("getfilesystemencodeerrors", args.len(), 0, 0) {
        return Value::NULL;
    }
    pystr::intern("surrogateescape")
}

/// `sys.audit(event, *args)`: kiln has no audit hooks, so there is nobody to tell.
fn s_audit(args: &[Value], _kw: Value) -> Value {
    if args.is_empty() {
        return crate::errors::type_error(
            "audit() missing 1 required positional argument: 'event'",
        );
    }
    crate::object::none()
}

/// `sys.excepthook(type, value, traceback)`: prints the exception as an uncaught one is.
fn s_excepthook(args: &[Value], _kw: Value) -> Value {
    if !check_count("excepthook", args.len(), 3, 3) {
        return Value::NULL;
    }
    crate::io::flush_stdout();
    crate::traceback::print_exception(args[1]);
    crate::object::none()
}

pub fn init(argv: &[String]) {
    let m = module::new("sys");
    unsafe { MODULE = m };
    let d = module::dict_of(m);
    let fns: &[(&str, NativeFn)] = &[
        ("exit", s_exit),
        ("audit", s_audit),
        ("excepthook", s_excepthook),
        ("__excepthook__", s_excepthook),
        ("getrecursionlimit", s_getrecursionlimit),
        ("setrecursionlimit", s_setrecursionlimit),
        ("exc_info", s_exc_info),
        ("intern", s_intern),
        ("getsizeof", s_getsizeof),
        ("_getframe", s_getframe),
        ("getdefaultencoding", s_getdefaultencoding),
        ("getfilesystemencoding", s_getdefaultencoding),
        ("getfilesystemencodeerrors", s_getfilesystemencodeerrors),
    ];
    for (name, f) in fns {
        dict::set_by_name(
            d,
            name,
            builtin_function::new(name, *f, builtin_function::PLAIN),
        );
    }
    if unsafe { VERSION } >= (3, 11) {
        let f = builtin_function::new("exception", s_exception, builtin_function::PLAIN);
        dict::set_by_name(d, "exception", f);
    }
    let args: Vec<Value> = argv.iter().map(|a| pystr::new(a)).collect();
    dict::set_by_name(d, "argv", list::from_slice(&args));
    dict::set_by_name(d, "stdout", unsafe { crate::io::STDOUT });
    dict::set_by_name(d, "stderr", unsafe { crate::io::STDERR });
    dict::set_by_name(d, "__stdout__", unsafe { crate::io::STDOUT });
    dict::set_by_name(d, "__stderr__", unsafe { crate::io::STDERR });
    let stdin = crate::objects::file::stdin();
    unsafe { crate::io::STDIN = stdin };
    dict::set_by_name(d, "stdin", stdin);
    dict::set_by_name(d, "__stdin__", stdin);
    let (major, minor) = unsafe { VERSION };
    let vi = structseq::new(
        structseq::new_type(
            "sys",
            "version_info",
            &["major", "minor", "micro", "releaselevel", "serial"],
        ),
        &[
            Value::from_small(major as i64),
            Value::from_small(minor as i64),
            Value::from_small(0),
            pystr::intern("final"),
            Value::from_small(0),
        ],
    );
    dict::set_by_name(d, "version_info", vi);
    dict::set_by_name(
        d,
        "version",
        pystr::new(&format!("{major}.{minor}.0 (kiln)")),
    );
    dict::set_by_name(d, "platform", pystr::intern("linux"));
    dict::set_by_name(
        d,
        "byteorder",
        pystr::intern(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    dict::set_by_name(d, "maxsize", int::from_i64(isize::MAX as i64));
    dict::set_by_name(
        d,
        "hexversion",
        int::from_i64(((major as i64) << 24) | ((minor as i64) << 16) | 0xf0),
    );
    dict::set_by_name(d, "implementation", implementation(major, minor, vi));
    dict::set_by_name(d, "hash_info", hash_info(minor));
    dict::set_by_name(d, "float_info", float_info());
    dict::set_by_name(d, "int_info", int_info());
    let exe = args.first().copied().unwrap_or_else(|| pystr::intern(""));
    dict::set_by_name(d, "executable", exe);
    dict::set_by_name(d, "modules", dict::new());
    dict::set_by_name(d, "path", list::from_vec(vec![]));
    // What the standard library's modules look at while they load.
    dict::set_by_name(d, "warnoptions", list::from_vec(vec![]));
    dict::set_by_name(d, "_xoptions", dict::new());
    dict::set_by_name(d, "meta_path", list::from_vec(vec![]));
    dict::set_by_name(d, "path_hooks", list::from_vec(vec![]));
    dict::set_by_name(d, "path_importer_cache", dict::new());
    dict::set_by_name(d, "dont_write_bytecode", crate::object::bool_value(true));
    dict::set_by_name(d, "maxunicode", int::from_i64(0x10ffff));
    dict::set_by_name(d, "abiflags", pystr::intern(""));
    dict::set_by_name(d, "float_repr_style", pystr::intern("short"));
    dict::set_by_name(d, "orig_argv", list::from_slice(&args));
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        dict::set_by_name(d, name, pystr::intern(""));
    }
    dict::set_by_name(d, "platlibdir", pystr::intern("lib"));
    dict::set_by_name(d, "flags", flags());
    dict::set_by_name(
        d,
        "builtin_module_names",
        crate::modules::builtin_module_names(),
    );
}

/// `sys.flags`: every flag at its default (no -O, -B, -X options exist for an executable),
/// but `utf8_mode`: a kiln program's text is UTF-8 whatever the locale, as in UTF-8 Mode.
fn flags() -> Value {
    let (_, minor) = unsafe { VERSION };
    let zero = Value::from_small(0);
    let mut fields: Vec<(&str, Value)> = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
    ]
    .iter()
    .map(|k| (*k, zero))
    .collect();
    fields.push(("dev_mode", crate::object::bool_value(false)));
    fields.push(("utf8_mode", Value::from_small(1)));
    if minor >= 10 {
        fields.push(("warn_default_encoding", zero));
    }
    if minor >= 11 {
        fields.push(("safe_path", crate::object::bool_value(false)));
    }
    let digits = if minor >= 11 { 4300 } else { -1 };
    fields.push(("int_max_str_digits", Value::from_small(digits)));
    struct_sequence("flags", &fields)
}
