//! Program start and exit: `kiln_start` (an executable's `main` calls it) and
//! `kiln_start_embedded` (a static library's `kiln_main`) set up the runtime, run `__main__`, and
//! turns its outcome into an exit status as CPython does (an uncaught exception prints its
//! traceback and exits 1, an uncaught `KeyboardInterrupt` then dies by SIGINT; `SystemExit`
//! exits with its code).

use crate::errors;
use crate::loader::{self, ModuleDesc};
use crate::object::{
    exc_types, is_subtype, new_builtin_type, none, type_of, Kind, TypeObject, SINGLETONS, TYPES,
};
use crate::objects::{self, dict, function, int, module, str as pystr, tuple};
use crate::value::Value;
use std::ffi::CStr;

fn init_types() {
    unsafe {
        let t = &mut *std::ptr::addr_of_mut!(TYPES);
        // `type` and `object` first: every other type object refers to them.
        let type_ = crate::gc::alloc_root(std::mem::size_of::<TypeObject>()) as *mut TypeObject;
        t.type_ = type_;
        (*type_).header.ty = type_;
        let object = crate::gc::alloc_root(std::mem::size_of::<TypeObject>()) as *mut TypeObject;
        t.object = object;
        (*object).header.ty = type_;
        // str and tuple and dict are needed to build names, MROs and dicts.
        t.str = crate::gc::alloc_root(std::mem::size_of::<TypeObject>()) as *mut TypeObject;
        (*t.str).header.ty = type_;
        (*t.str).kind = Kind::Str;
        t.tuple = crate::gc::alloc_root(std::mem::size_of::<TypeObject>()) as *mut TypeObject;
        (*t.tuple).header.ty = type_;
        (*t.tuple).kind = Kind::Tuple;
        t.dict = crate::gc::alloc_root(std::mem::size_of::<TypeObject>()) as *mut TypeObject;
        (*t.dict).header.ty = type_;
        (*t.dict).kind = Kind::Dict;
        let fill = |p: *mut TypeObject, name: &str, kind: Kind, base: *mut TypeObject| {
            (*p).kind = kind;
            (*p).name = pystr::intern(name);
            (*p).base = base;
            (*p).bases = if base.is_null() {
                tuple::new(&[])
            } else {
                tuple::new(&[Value::from_ptr(base)])
            };
            (*p).dict = dict::new();
            (*p).module = pystr::intern("builtins");
            let mro: Vec<Value> = if base.is_null() {
                vec![Value::from_ptr(p)]
            } else {
                vec![Value::from_ptr(p), Value::from_ptr(base)]
            };
            (*p).mro = tuple::new(&mro);
        };
        fill(object, "object", Kind::Object, std::ptr::null_mut());
        fill(type_, "type", Kind::Type, object);
        fill(t.str, "str", Kind::Str, object);
        fill(t.tuple, "tuple", Kind::Tuple, object);
        fill(t.dict, "dict", Kind::Dict, object);
        for early in [object, type_, t.str, t.tuple, t.dict] {
            objects::subclasses::register(early);
        }
        t.none = new_builtin_type("NoneType", Kind::None, object);
        t.notimplemented = new_builtin_type("NotImplementedType", Kind::NotImplemented, object);
        t.ellipsis = new_builtin_type("ellipsis", Kind::Ellipsis, object);
        t.int = new_builtin_type("int", Kind::Int, object);
        t.bool = new_builtin_type("bool", Kind::Bool, t.int);
        t.float = new_builtin_type("float", Kind::Float, object);
        crate::cache::kiln_float_type = t.float;
        t.bytes = new_builtin_type("bytes", Kind::Bytes, object);
        t.list = new_builtin_type("list", Kind::List, object);
        crate::cache::kiln_list_type = t.list;
        crate::cache::kiln_tuple_type = t.tuple;
        t.range = new_builtin_type("range", Kind::Range, object);
        t.slice = new_builtin_type("slice", Kind::Slice, object);
        t.function = new_builtin_type("function", Kind::Function, object);
        t.builtin_function =
            new_builtin_type("builtin_function_or_method", Kind::BuiltinFunction, object);
        t.method = new_builtin_type("method", Kind::Method, object);
        t.code = new_builtin_type("code", Kind::Code, object);
        t.module = new_builtin_type("module", Kind::Module, object);
        t.cell = new_builtin_type("cell", Kind::Cell, object);
        t.seq_iter = new_builtin_type("iterator", Kind::SeqIter, object);
        t.range_iter = new_builtin_type("range_iterator", Kind::RangeIter, object);
        crate::cache::kiln_range_iter_type = t.range_iter;
        crate::cache::kiln_builtin_function_type = t.builtin_function;
        t.dict_iter = new_builtin_type("dict_keyiterator", Kind::DictIter, object);
        t.dict_keys = new_builtin_type("dict_keys", Kind::DictView, object);
        t.dict_values = new_builtin_type("dict_values", Kind::DictView, object);
        t.dict_items = new_builtin_type("dict_items", Kind::DictView, object);
        t.enumerate = new_builtin_type("enumerate", Kind::Enumerate, object);
        t.zip = new_builtin_type("zip", Kind::Zip, object);
        t.reversed = new_builtin_type("reversed", Kind::Reversed, object);
        t.map = new_builtin_type("map", Kind::Map, object);
        t.filter = new_builtin_type("filter", Kind::Filter, object);
        t.stream = new_builtin_type("TextIOWrapper", Kind::Stream, object);
        t.traceback = new_builtin_type("traceback", Kind::Traceback, object);
        t.generator = new_builtin_type("generator", Kind::Generator, object);
        t.coroutine = new_builtin_type("coroutine", Kind::Generator, object);
        t.async_generator = new_builtin_type("async_generator", Kind::Generator, object);

        let s = &mut *std::ptr::addr_of_mut!(SINGLETONS);
        let single = |ty: *mut TypeObject| {
            let p = crate::gc::alloc_root(16) as *mut crate::value::Header;
            (*p).ty = ty;
            Value::from_ptr(p)
        };
        s.none = single(t.none);
        s.notimplemented = single(t.notimplemented);
        s.ellipsis = single(t.ellipsis);
        s.true_ = objects::bool::make(true);
        s.false_ = objects::bool::make(false);

        objects::exception::init_types(object);
        objects::str::init_methods(t.str);
        objects::list::init_methods(t.list);
        objects::tuple::init_methods(t.tuple);
        objects::dict::init_methods(t.dict);
        objects::generator::init_methods();
        objects::frame_object::init();
        objects::builtin_function::add_static(
            t.function,
            "__new__",
            objects::function::function_new,
        );
        objects::registry::init();
    }
}

fn exit_code_of(exc: Value) -> i32 {
    let code = objects::exception::getattr(exc, "code");
    if code == none() || code.is_null() {
        return 0;
    }
    if let Some(i) = int::as_i64(code) {
        return i as i32;
    }
    let s = crate::ops::str_(code);
    if !s.is_null() {
        crate::io::flush_stdout();
        if !crate::io::write_fd(2, format!("{}\n", pystr::as_str(s)).as_bytes()) {
            // Nowhere left to report it.
            crate::errors::fetch();
        }
    }
    1
}

fn finish(status: i32) -> ! {
    if !crate::io::flush_stdout() {
        std::process::exit(120);
    }
    std::process::exit(status)
}

extern "C" {
    fn pthread_attr_init(attr: *mut u64) -> i32;
    fn pthread_attr_setstacksize(attr: *mut u64, size: usize) -> i32;
    fn GC_pthread_join(thread: u64, ret: *mut *mut u8) -> i32;
    fn GC_unregister_my_thread() -> i32;
    fn GC_do_blocking(f: extern "C" fn(*mut u8) -> *mut u8, arg: *mut u8) -> *mut u8;
    fn GC_pthread_create(
        thread: *mut u64,
        attr: *const u64,
        start: extern "C" fn(*mut u8) -> *mut u8,
        arg: *mut u8,
    ) -> i32;
}

/// The stack the program runs on: large (it is only reserved, pages are used as needed), so
/// that a raised recursion limit is met by RecursionError, not a native stack overflow.
const PROGRAM_STACK: usize = 1 << 30;

struct Program {
    argv: Vec<String>,
    modules: *const *const ModuleDesc,
    nmodules: usize,
    /// Return the exit status to the caller instead of ending the process.
    embedded: bool,
    status: i32,
}

unsafe fn program(
    argc: i32,
    argv: *const *const std::ffi::c_char,
    modules: *const *const ModuleDesc,
    nmodules: usize,
    embedded: bool,
) -> *mut Program {
    std::panic::set_hook(Box::new(|info| {
        crate::io::flush_stdout();
        eprintln!("kiln: internal error in the runtime: {info}");
        std::process::exit(70);
    }));
    crate::gc::init();
    crate::io::ignore_sigpipe();
    let argv: Vec<String> = (0..argc.max(0) as usize)
        .map(|i| CStr::from_ptr(*argv.add(i)).to_string_lossy().into_owned())
        .collect();
    Box::into_raw(Box::new(Program {
        argv,
        modules,
        nmodules,
        embedded,
        status: 0,
    }))
}

/// Starts a thread the collector knows (its stack is scanned) with a big stack, running the
/// program; returns its id, or `None` when no thread could be had.
unsafe fn spawn(p: *mut Program) -> Option<u64> {
    let mut attr = [0u64; 16];
    let mut thread: u64 = 0;
    (pthread_attr_init(attr.as_mut_ptr()) == 0
        && pthread_attr_setstacksize(attr.as_mut_ptr(), PROGRAM_STACK) == 0
        && GC_pthread_create(&mut thread, attr.as_ptr(), program_thread, p as *mut u8) == 0)
        .then_some(thread)
}

extern "C" fn join_program(t: *mut u8) -> *mut u8 {
    unsafe { GC_pthread_join(t as u64, std::ptr::null_mut()) };
    std::ptr::null_mut()
}

/// Runs the program: `modules[0]` is `__main__`. Ends the process.
///
/// # Safety
/// `argv` holds `argc` C strings and `modules` `nmodules` descriptors emitted by kiln.
#[no_mangle]
pub unsafe extern "C" fn kiln_start(
    argc: i32,
    argv: *const *const std::ffi::c_char,
    modules: *const *const ModuleDesc,
    nmodules: usize,
) -> i32 {
    let p = program(argc, argv, modules, nmodules, false);
    // SIGINT and SIGTERM are blocked on the program's thread: this one takes them (`signals`).
    crate::signals::block_in_this_thread();
    if spawn(p).is_some() {
        // The program ends the process itself; meanwhile this thread takes the signals. It holds
        // nothing of the heap, so the collector need not stop it: each stop was two signals and
        // two context switches, a third of the time of a program collecting often.
        GC_unregister_my_thread();
        crate::signals::wait_for_signals()
    }
    // No thread to be had: run on the main thread's own stack, with signal handlers.
    crate::signals::install_handlers();
    crate::signals::unblock_in_this_thread();
    crate::frame::STACK_BUDGET = 6 << 20;
    program_thread(p as *mut u8);
    finish(0)
}

/// Runs the program and returns its exit status (a static library's `kiln_main`). Output is
/// flushed before it returns. The runtime is set up once per process: call it once.
///
/// # Safety
/// As [`kiln_start`].
#[no_mangle]
pub unsafe extern "C" fn kiln_start_embedded(
    argc: i32,
    argv: *const *const std::ffi::c_char,
    modules: *const *const ModuleDesc,
    nmodules: usize,
) -> i32 {
    let p = program(argc, argv, modules, nmodules, true);
    crate::signals::install_handlers();
    match spawn(p) {
        Some(t) => {
            // Blocked in the join, this thread is not stopped by each collection.
            GC_do_blocking(join_program, t as *mut u8);
        }
        None => {
            crate::frame::STACK_BUDGET = 6 << 20;
            program_thread(p as *mut u8);
        }
    }
    (*p).status
}

extern "C" fn program_thread(arg: *mut u8) -> *mut u8 {
    unsafe {
        let stack_mark = 0u8;
        crate::frame::STACK_BASE = &stack_mark as *const u8 as usize;
        let p = &mut *(arg as *mut Program);
        let status = run_program(&p.argv, p.modules, p.nmodules);
        if !p.embedded {
            finish(status);
        }
        crate::io::flush_stdout();
        crate::objects::file::flush_all();
        p.status = status;
    }
    std::ptr::null_mut()
}

/// Runs `__main__`; returns the exit status.
unsafe fn run_program(args: &[String], modules: *const *const ModuleDesc, nmodules: usize) -> i32 {
    init_types();
    crate::io::init();
    crate::builtins::init();
    let descs = std::slice::from_raw_parts(modules, nmodules);
    let info = loader::load(&*descs[0]);
    crate::sys::VERSION = info.version;
    crate::builtins::follow_version();
    crate::sys::init(args);
    crate::import::register(&descs[1..]);

    let main_desc = &*descs[0];
    let code_v = *main_desc.consts;
    let m = module::new("__main__");
    let g = module::dict_of(m);
    dict::set_by_name(g, "__builtins__", crate::builtins::module());
    let c = objects::code::get(code_v);
    dict::set_by_name(g, "__file__", c.filename);
    dict::set_by_name(
        g,
        "__package__",
        match info.package {
            Some(p) => pystr::new(p),
            None => none(),
        },
    );
    let sys_modules = dict::get_by_name(module::dict_of(crate::sys::MODULE), "modules");
    dict::set_by_name(sys_modules, "sys", crate::sys::MODULE);
    dict::set_by_name(sys_modules, "builtins", crate::builtins::module());
    // `python -m package.module` imports the package before running the module as __main__.
    let mut r = Value::from_small(0);
    if let Some(p) = info.package {
        if !crate::import::import_main_package(p) {
            r = Value::NULL;
        }
    }
    dict::set_by_name(sys_modules, "__main__", m);

    if !r.is_null() {
        let f = function::new(code_v, g, crate::builtins::dict());
        r = function::run(f, function::get(f), c, std::ptr::null(), g);
    }
    if r.is_null() {
        let exc = errors::fetch();
        if !exc.is_null() && is_subtype(type_of(exc), exc_types().system_exit) {
            let status = exit_code_of(exc);
            crate::modules::atexit::run_callbacks();
            return status;
        }
        crate::io::flush_stdout();
        crate::traceback::print_exception(exc);
        crate::modules::atexit::run_callbacks();
        if is_subtype(type_of(exc), exc_types().keyboard_interrupt) {
            // As CPython: the output is flushed, then the process dies by SIGINT.
            crate::io::flush_stdout();
            crate::objects::file::flush_all();
            crate::signals::die_by(crate::signals::SIGINT);
        }
        return 1;
    }
    crate::modules::atexit::run_callbacks();
    0
}
