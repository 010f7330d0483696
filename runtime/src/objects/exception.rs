//! `BaseException` and its built-in subclasses: instances, their attributes, and the class tree.

use crate::object::{alloc_object, exc_types, new_builtin_type, none, type_of, Kind, TypeObject, EXC};
use crate::objects::{str as pystr, tuple};
use crate::ops;
use crate::value::{Header, Value};

#[repr(C)]
pub struct ExceptionObject {
    pub header: Header,
    pub dict: Value,
    pub args: Value,
    pub traceback: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

pub fn new(ty: *mut TypeObject, args: &[Value]) -> Value {
    let v = alloc_object(ty, std::mem::size_of::<ExceptionObject>());
    if v.is_null() {
        return v;
    }
    let t = tuple::new(args);
    unsafe {
        let o = v.ptr::<ExceptionObject>();
        (*o).args = t;
        (*o).traceback = none();
        (*o).cause = none();
        (*o).context = none();
    }
    v
}

#[inline]
pub fn get(v: Value) -> &'static mut ExceptionObject {
    unsafe { &mut *v.ptr::<ExceptionObject>() }
}

pub fn is_exception(v: Value) -> bool {
    !v.is_small() && crate::object::kind_of(v) == Kind::Exception
}

pub fn args(v: Value) -> &'static [Value] {
    tuple::items(get(v).args)
}

static mut MEMORY_ERROR: Value = Value::NULL;

pub fn preallocated_memory_error() -> Value {
    unsafe { MEMORY_ERROR }
}

/// Sets `exc.__context__ = ctx` unless that would make a cycle (as CPython breaks it).
pub fn set_context_chain(exc: Value, ctx: Value) {
    if !is_exception(exc) || !is_exception(ctx) {
        return;
    }
    // Break a cycle: walk ctx's context chain; if exc appears, cut it there.
    let mut o = ctx;
    let mut steps = 0;
    while is_exception(o) && steps < 10000 {
        let next = get(o).context;
        if next == exc {
            get(o).context = none();
            break;
        }
        o = next;
        steps += 1;
    }
    get(exc).context = ctx;
}

/// `str(exc)` as CPython prints it after the type name.
pub fn str_of(v: Value) -> Value {
    let a = args(v);
    let t = type_of(v);
    if crate::object::is_subtype(t, exc_types().key_error) && a.len() == 1 {
        return ops::repr(a[0]);
    }
    match a.len() {
        0 => pystr::new(""),
        1 => ops::str_(a[0]),
        _ => ops::repr(get(v).args),
    }
}

pub fn repr_of(v: Value) -> Value {
    let name = crate::object::type_name_of(v);
    let a = args(v);
    let inner = if a.len() == 1 {
        ops::repr(a[0])
    } else {
        let r = ops::repr(get(v).args);
        if r.is_null() {
            return r;
        }
        let s = pystr::as_str(r);
        if a.is_empty() {
            pystr::new("")
        } else {
            pystr::new(&s[1..s.len() - 1])
        }
    };
    if inner.is_null() {
        return inner;
    }
    pystr::new(&format!("{name}({})", pystr::as_str(inner)))
}

/// Attribute lookup on an exception's own fields; null without exception when not one of them.
pub fn getattr(v: Value, name: &str) -> Value {
    let o = get(v);
    match name {
        "args" => o.args,
        "__traceback__" => o.traceback,
        "__cause__" => o.cause,
        "__context__" => o.context,
        "__suppress_context__" => crate::object::bool_value(o.suppress_context),
        "value" if crate::object::isinstance(v, exc_types().stop_iteration) => {
            args(v).first().copied().unwrap_or_else(none)
        }
        "code" if crate::object::isinstance(v, exc_types().system_exit) => match args(v).len() {
            0 => none(),
            1 => args(v)[0],
            _ => o.args,
        },
        _ => Value::NULL,
    }
}

/// Sets one of an exception's own fields; false when `name` is not one of them.
pub fn setattr(v: Value, name: &str, value: Value) -> bool {
    let o = get(v);
    match name {
        "args" => o.args = value,
        "__traceback__" => o.traceback = value,
        "__cause__" => {
            o.cause = value;
            o.suppress_context = true;
        }
        "__context__" => o.context = value,
        "__suppress_context__" => o.suppress_context = ops::truthy(value) == 1,
        _ => return false,
    }
    true
}

/// Creates the built-in exception classes, CPython 3.11's tree.
pub fn init_types(object: *mut TypeObject) {
    let mut made: Vec<(&str, *mut TypeObject)> = Vec::new();
    let tree: &[(&str, &str)] = &[
        ("BaseException", ""),
        ("SystemExit", "BaseException"),
        ("KeyboardInterrupt", "BaseException"),
        ("GeneratorExit", "BaseException"),
        ("Exception", "BaseException"),
        ("StopIteration", "Exception"),
        ("StopAsyncIteration", "Exception"),
        ("ArithmeticError", "Exception"),
        ("FloatingPointError", "ArithmeticError"),
        ("OverflowError", "ArithmeticError"),
        ("ZeroDivisionError", "ArithmeticError"),
        ("AssertionError", "Exception"),
        ("AttributeError", "Exception"),
        ("BufferError", "Exception"),
        ("EOFError", "Exception"),
        ("ImportError", "Exception"),
        ("ModuleNotFoundError", "ImportError"),
        ("LookupError", "Exception"),
        ("IndexError", "LookupError"),
        ("KeyError", "LookupError"),
        ("MemoryError", "Exception"),
        ("NameError", "Exception"),
        ("UnboundLocalError", "NameError"),
        ("OSError", "Exception"),
        ("BlockingIOError", "OSError"),
        ("ChildProcessError", "OSError"),
        ("ConnectionError", "OSError"),
        ("BrokenPipeError", "ConnectionError"),
        ("ConnectionAbortedError", "ConnectionError"),
        ("ConnectionRefusedError", "ConnectionError"),
        ("ConnectionResetError", "ConnectionError"),
        ("FileExistsError", "OSError"),
        ("FileNotFoundError", "OSError"),
        ("InterruptedError", "OSError"),
        ("IsADirectoryError", "OSError"),
        ("NotADirectoryError", "OSError"),
        ("PermissionError", "OSError"),
        ("ProcessLookupError", "OSError"),
        ("TimeoutError", "OSError"),
        ("ReferenceError", "Exception"),
        ("RuntimeError", "Exception"),
        ("NotImplementedError", "RuntimeError"),
        ("RecursionError", "RuntimeError"),
        ("SyntaxError", "Exception"),
        ("IndentationError", "SyntaxError"),
        ("TabError", "IndentationError"),
        ("SystemError", "Exception"),
        ("TypeError", "Exception"),
        ("ValueError", "Exception"),
        ("UnicodeError", "ValueError"),
        ("UnicodeDecodeError", "UnicodeError"),
        ("UnicodeEncodeError", "UnicodeError"),
        ("UnicodeTranslateError", "UnicodeError"),
        ("Warning", "Exception"),
        ("DeprecationWarning", "Warning"),
        ("PendingDeprecationWarning", "Warning"),
        ("RuntimeWarning", "Warning"),
        ("SyntaxWarning", "Warning"),
        ("UserWarning", "Warning"),
        ("FutureWarning", "Warning"),
        ("ImportWarning", "Warning"),
        ("UnicodeWarning", "Warning"),
        ("BytesWarning", "Warning"),
        ("ResourceWarning", "Warning"),
        ("EncodingWarning", "Warning"),
    ];
    for (name, base) in tree {
        let b = if base.is_empty() { object } else { made.iter().find(|(n, _)| n == base).unwrap().1 };
        made.push((name, new_builtin_type(name, Kind::Exception, b)));
    }
    let find = |n: &str| made.iter().find(|(m, _)| *m == n).unwrap().1;
    unsafe {
        let e = &mut *std::ptr::addr_of_mut!(EXC);
        e.base_exception = find("BaseException");
        e.exception = find("Exception");
        e.system_exit = find("SystemExit");
        e.keyboard_interrupt = find("KeyboardInterrupt");
        e.generator_exit = find("GeneratorExit");
        e.stop_iteration = find("StopIteration");
        e.arithmetic_error = find("ArithmeticError");
        e.overflow_error = find("OverflowError");
        e.zero_division_error = find("ZeroDivisionError");
        e.assertion_error = find("AssertionError");
        e.attribute_error = find("AttributeError");
        e.lookup_error = find("LookupError");
        e.index_error = find("IndexError");
        e.key_error = find("KeyError");
        e.name_error = find("NameError");
        e.unbound_local_error = find("UnboundLocalError");
        e.type_error = find("TypeError");
        e.value_error = find("ValueError");
        e.unicode_error = find("UnicodeError");
        e.runtime_error = find("RuntimeError");
        e.recursion_error = find("RecursionError");
        e.not_implemented_error = find("NotImplementedError");
        e.memory_error = find("MemoryError");
        e.import_error = find("ImportError");
        e.module_not_found_error = find("ModuleNotFoundError");
        e.os_error = find("OSError");
        e.eof_error = find("EOFError");
        MEMORY_ERROR = new(e.memory_error, &[]);
    }
    unsafe {
        ALL = made.iter().map(|(_, t)| *t).collect();
    }
}

/// Every built-in exception class, for the builtins namespace.
pub static mut ALL: Vec<*mut TypeObject> = Vec::new();

pub fn all() -> &'static [*mut TypeObject] {
    unsafe { &*std::ptr::addr_of!(ALL) }
}
