//! `BaseException` and its built-in subclasses: instances, their attributes, and the class tree.

use crate::object::{
    alloc_object, exc_types, new_builtin_type, none, type_name, type_of, Kind, TypeObject, EXC,
};
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
    /// The attributes particular to the exception's class (see `fields_of`).
    pub extra: [Value; 8],
}

/// The per-class attributes of the built-in exceptions, stored in `extra`.
fn fields_of(t: *mut TypeObject) -> &'static [&'static str] {
    unsafe {
        for m in tuple::items((*t).mro) {
            let mt = m.ptr::<TypeObject>();
            if crate::objects::type_::is_heap_type(mt) {
                continue;
            }
            match type_name(mt) {
                "StopIteration" | "StopAsyncIteration" => return &["value"],
                "SystemExit" => return &["code"],
                "OSError" => {
                    return &[
                        "errno",
                        "strerror",
                        "filename",
                        "filename2",
                        "characters_written",
                    ]
                }
                "ImportError" => return &["msg", "name", "path"],
                "SyntaxError" => {
                    return &[
                        "msg",
                        "filename",
                        "lineno",
                        "offset",
                        "text",
                        "end_lineno",
                        "end_offset",
                        "print_file_and_line",
                    ]
                }
                "UnicodeDecodeError" | "UnicodeEncodeError" | "UnicodeTranslateError" => {
                    return &["encoding", "object", "start", "end", "reason"]
                }
                "BaseExceptionGroup" => return &["message", "exceptions"],
                // Their fields arrived in 3.10.
                "AttributeError" | "NameError" if crate::sys::bytecode_version() < (3, 10) => {}
                "AttributeError" => return &["name", "obj"],
                "NameError" => return &["name"],
                "BaseException" => return &[],
                _ => {}
            }
        }
    }
    &[]
}

/// The names of the class-specific attributes of the exception class `t` (`name` and `obj`
/// of AttributeError, ...).
pub fn field_names(t: *mut TypeObject) -> &'static [&'static str] {
    fields_of(t)
}

fn is_a(t: *mut TypeObject, name: &str) -> bool {
    unsafe {
        tuple::items((*t).mro)
            .iter()
            .any(|m| !crate::objects::type_::is_heap_type(m.ptr()) && type_name(m.ptr()) == name)
    }
}

#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn new(ty: *mut TypeObject, args: &[Value]) -> Value {
    let mut size = std::mem::size_of::<ExceptionObject>();
    if crate::objects::type_::is_heap_type(ty) {
        size = size.div_ceil(8) * 8 + 8 + 8 * unsafe { (*ty).nslots } as usize;
    }
    let v = alloc_object(ty, size);
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
    init_fields(v, args, Value::NULL);
    v
}

/// Sets the class-specific attributes from the constructor arguments, as each built-in
/// exception's `__init__` does in CPython.
fn init_fields(v: Value, args: &[Value], kwnames: Value) {
    let t = type_of(v);
    let o = get(v);
    let nkw = if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    };
    let npos = args.len() - nkw;
    let pos = &args[..npos];
    if is_a(t, "StopIteration") || is_a(t, "StopAsyncIteration") {
        o.extra[0] = pos.first().copied().unwrap_or_else(none);
    } else if is_a(t, "SystemExit") {
        o.extra[0] = match pos.len() {
            0 => none(),
            1 => pos[0],
            _ => o.args,
        };
    } else if is_a(t, "OSError") {
        for i in 0..5 {
            o.extra[i] = none();
        }
        if (2..=5).contains(&pos.len()) {
            o.extra[0] = pos[0];
            o.extra[1] = pos[1];
            if pos.len() >= 3 {
                o.extra[2] = pos[2];
                if pos.len() == 5 {
                    o.extra[3] = pos[4];
                }
                o.args = tuple::new(&pos[..2]);
            }
        }
    } else if is_a(t, "ImportError") {
        o.extra[0] = if pos.len() == 1 { pos[0] } else { none() };
        o.extra[1] = none();
        o.extra[2] = none();
        for i in 0..nkw {
            match pystr::as_str(tuple::items(kwnames)[i]) {
                "name" => o.extra[1] = args[npos + i],
                "path" => o.extra[2] = args[npos + i],
                _ => {}
            }
        }
    } else if is_a(t, "SyntaxError") {
        for i in 0..8 {
            o.extra[i] = none();
        }
        if !pos.is_empty() {
            o.extra[0] = pos[0];
        }
        if pos.len() == 2 {
            if let Some(info) = crate::ops::collect(pos[1]) {
                for (i, x) in info.iter().take(6).enumerate() {
                    o.extra[1 + i] = *x;
                }
            } else {
                crate::errors::fetch();
            }
        }
    } else if is_a(t, "UnicodeError") && fields_of(t).len() == 5 {
        for i in 0..5 {
            o.extra[i] = pos.get(i).copied().unwrap_or_else(none);
        }
    } else if is_a(t, "AttributeError") || is_a(t, "NameError") {
        // Null (read as None) until given: a failing attribute lookup fills them in only
        // while both are unset, as CPython does.
        o.extra[0] = Value::NULL;
        o.extra[1] = Value::NULL;
        for i in 0..nkw {
            match pystr::as_str(tuple::items(kwnames)[i]) {
                "name" => o.extra[0] = args[npos + i],
                "obj" => o.extra[1] = args[npos + i],
                _ => {}
            }
        }
    }
}

/// The keyword arguments the `__init__` of a built-in exception class accepts (with the
/// class named in its error message); None when it takes none.
fn keywords_of(t: *mut TypeObject) -> Option<(&'static str, &'static [&'static str])> {
    // AttributeError and NameError took keywords (name, obj) from 3.10.
    let v310 = crate::sys::bytecode_version() >= (3, 10);
    if is_a(t, "ImportError") {
        Some(("ImportError", &["name", "path"]))
    } else if !v310 {
        None
    } else if is_a(t, "AttributeError") {
        Some(("AttributeError", &["name", "obj"]))
    } else if is_a(t, "NameError") {
        Some(("NameError", &["name"]))
    } else {
        None
    }
}

/// Checks the keyword arguments of an exception's `__init__`; false with TypeError when one
/// is not accepted.
fn check_keywords(t: *mut TypeObject, kwnames: Value) -> bool {
    if kwnames.is_null() || tuple::len(kwnames) == 0 {
        return true;
    }
    let Some((class, allowed)) = keywords_of(t) else {
        errors::type_error(&format!("{}() takes no keyword arguments", type_name(t)));
        return false;
    };
    for k in tuple::items(kwnames) {
        let k = pystr::as_str(*k);
        if !allowed.contains(&k) {
            errors::type_error(&if crate::sys::bytecode_version() >= (3, 13) {
                format!("{class}() got an unexpected keyword argument '{k}'")
            } else {
                format!("'{k}' is an invalid keyword argument for {class}()")
            });
            return false;
        }
    }
    true
}

/// Raises NameError(`msg`) carrying `name` (CPython sets `.name` on the NameErrors of name
/// lookups, for the "Did you mean" suggestions).
pub fn raise_name_error(msg: &str, name: Value) -> Value {
    let e = new(exc_types().name_error, &[pystr::new(msg)]);
    if e.is_null() {
        return e;
    }
    get(e).extra[0] = name;
    errors::raise(e)
}

/// After a failed lookup of `obj.name`: gives the AttributeError being raised its `name` and
/// `obj` unless it already has either, as CPython's `PyObject_GetAttr` does.
pub fn set_attribute_error_context(obj: Value, name: Value) {
    let e = errors::current();
    if e.is_null()
        || !is_exception(e)
        || !crate::object::is_subtype(type_of(e), exc_types().attribute_error)
    {
        return;
    }
    let o = get(e);
    if o.extra[0].is_null() && o.extra[1].is_null() {
        o.extra[0] = name;
        o.extra[1] = obj;
    }
}

/// The `name` of a NameError or AttributeError and the `obj` of an AttributeError, as set
/// (null when unset).
pub fn name_and_obj(v: Value) -> (Value, Value) {
    let o = get(v);
    (o.extra[0], o.extra[1])
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

fn field(v: Value, i: usize) -> Value {
    let x = get(v).extra[i];
    if x.is_null() {
        none()
    } else {
        x
    }
}

/// The built-in `str(exc)` (BaseException.__str__ and the overrides of the built-in classes).
pub fn str_of(v: Value) -> Value {
    let a = args(v);
    let t = type_of(v);
    if is_a(t, "KeyError") && a.len() == 1 {
        return ops::repr(a[0]);
    }
    if is_a(t, "OSError") {
        let (errno, strerror, filename, filename2) =
            (field(v, 0), field(v, 1), field(v, 2), field(v, 3));
        if filename != none() {
            let fr = ops::repr(filename);
            if fr.is_null() {
                return fr;
            }
            let (es, ss) = (ops::str_(errno), ops::str_(strerror));
            if es.is_null() || ss.is_null() {
                return Value::NULL;
            }
            let mut s = format!(
                "[Errno {}] {}: {}",
                pystr::as_str(es),
                pystr::as_str(ss),
                pystr::as_str(fr)
            );
            if filename2 != none() {
                let f2 = ops::repr(filename2);
                if f2.is_null() {
                    return f2;
                }
                s.push_str(&format!(" -> {}", pystr::as_str(f2)));
            }
            return pystr::new(&s);
        }
        if errno != none() && strerror != none() {
            let (es, ss) = (ops::str_(errno), ops::str_(strerror));
            if es.is_null() || ss.is_null() {
                return Value::NULL;
            }
            return pystr::new(&format!(
                "[Errno {}] {}",
                pystr::as_str(es),
                pystr::as_str(ss)
            ));
        }
    }
    if is_a(t, "ImportError") && field(v, 0) != none() {
        return ops::str_(field(v, 0));
    }
    if is_a(t, "SyntaxError") && field(v, 0) != none() {
        let msg = ops::str_(field(v, 0));
        if msg.is_null() {
            return msg;
        }
        let (fname, line) = (field(v, 1), field(v, 2));
        let base = if pystr::is_str(fname) {
            let s = pystr::as_str(fname);
            s.rsplit('/').next().unwrap_or(s).to_string()
        } else {
            String::new()
        };
        return match (base.is_empty(), crate::objects::int::is_int(line)) {
            (false, true) => pystr::new(&format!(
                "{} ({}, line {})",
                pystr::as_str(msg),
                base,
                crate::objects::int::to_decimal(line)
            )),
            (false, false) => pystr::new(&format!("{} ({})", pystr::as_str(msg), base)),
            (true, true) => pystr::new(&format!(
                "{} (line {})",
                pystr::as_str(msg),
                crate::objects::int::to_decimal(line)
            )),
            _ => msg,
        };
    }
    if fields_of(t).len() == 5 && is_a(t, "UnicodeError") {
        if let Some(s) = unicode_error_str(v) {
            return s;
        }
    }
    if is_a(t, "BaseExceptionGroup") {
        let msg = ops::str_(field(v, 0));
        if msg.is_null() {
            return msg;
        }
        let n = tuple::len(field(v, 1));
        return pystr::new(&format!(
            "{} ({} sub-exception{})",
            pystr::as_str(msg),
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
    match a.len() {
        0 => pystr::new(""),
        1 => ops::str_(a[0]),
        _ => ops::repr(get(v).args),
    }
}

fn unicode_error_str(v: Value) -> Option<Value> {
    let t = type_of(v);
    let (enc, obj, start, end, reason) = (
        field(v, 0),
        field(v, 1),
        field(v, 2),
        field(v, 3),
        field(v, 4),
    );
    if !pystr::is_str(enc) || !pystr::is_str(reason) {
        return None;
    }
    let (s, e) = (
        crate::objects::int::as_i64(start)?,
        crate::objects::int::as_i64(end)?,
    );
    let (enc, reason) = (pystr::as_str(enc), pystr::as_str(reason));
    if is_a(t, "UnicodeDecodeError") {
        if !crate::objects::bytes::is_bytes_like(obj) {
            return None;
        }
        let d = crate::objects::bytes::data(obj);
        if e == s + 1 && (s as usize) < d.len() {
            return Some(pystr::new(&format!(
                "'{enc}' codec can't decode byte 0x{:02x} in position {s}: {reason}",
                d[s as usize]
            )));
        }
        return Some(pystr::new(&format!(
            "'{enc}' codec can't decode bytes in position {s}-{}: {reason}",
            e - 1
        )));
    }
    if !pystr::is_str(obj) {
        return None;
    }
    let verb = if is_a(t, "UnicodeEncodeError") {
        "encode"
    } else {
        "translate"
    };
    if e == s + 1 {
        if let Some(c) = pystr::as_str(obj).chars().nth(s as usize) {
            let u = c as u32;
            let esc = if u <= 0xff {
                format!("\\x{u:02x}")
            } else if u <= 0xffff {
                format!("\\u{u:04x}")
            } else {
                format!("\\U{u:08x}")
            };
            let what = if verb == "encode" {
                "codec can't encode"
            } else {
                "can't translate"
            };
            if verb == "encode" {
                return Some(pystr::new(&format!(
                    "'{enc}' {what} character '{esc}' in position {s}: {reason}"
                )));
            }
            return Some(pystr::new(&format!(
                "{what} character '{esc}' in position {s}: {reason}"
            )));
        }
    }
    if verb == "encode" {
        return Some(pystr::new(&format!(
            "'{enc}' codec can't encode characters in position {s}-{}: {reason}",
            e - 1
        )));
    }
    Some(pystr::new(&format!(
        "can't translate characters in position {s}-{}: {reason}",
        e - 1
    )))
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
        "args" => return o.args,
        "__traceback__" => return o.traceback,
        "__cause__" => return o.cause,
        "__context__" => return o.context,
        "__suppress_context__" => return crate::object::bool_value(o.suppress_context),
        _ => {}
    }
    let f = fields_of(type_of(v));
    if let Some(i) = f.iter().position(|n| *n == name) {
        if name == "characters_written" && o.extra[i].is_null() {
            return Value::NULL;
        }
        return field(v, i);
    }
    Value::NULL
}

/// Sets one of an exception's own fields; false when `name` is not one of them.
pub fn setattr(v: Value, name: &str, value: Value) -> bool {
    let o = get(v);
    match name {
        "args" => {
            let items = match crate::ops::collect(value) {
                Some(i) => i,
                None => return false,
            };
            o.args = tuple::new(&items);
        }
        "__traceback__" => o.traceback = value,
        "__cause__" => {
            o.cause = value;
            o.suppress_context = true;
        }
        "__context__" => o.context = value,
        "__suppress_context__" => o.suppress_context = ops::truthy(value) == 1,
        _ => {
            let f = fields_of(type_of(v));
            match f.iter().position(|n| *n == name) {
                Some(i) => o.extra[i] = value,
                None => return false,
            }
        }
    }
    true
}

/// Raises the OSError subclass that `errno` selects, with `filename` (None for no file).
pub fn raise_os_error(errno: i64, strerror: &str, filename: Value) -> Value {
    let t = os_error_class(errno);
    let mut args = vec![Value::from_small(errno), pystr::new(strerror)];
    if filename != none() && !filename.is_null() {
        args.push(filename);
    }
    crate::errors::raise_args(t, &args)
}

/// CPython's errno → OSError subclass map.
fn os_error_class(errno: i64) -> *mut TypeObject {
    let name = match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => "OSError",
    };
    find_type(name)
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
        let b = if base.is_empty() {
            object
        } else {
            made.iter().find(|(n, _)| n == base).unwrap().1
        };
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
        e.stop_async_iteration = find("StopAsyncIteration");
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

/// The built-in exception class named `name` (which must exist).
pub fn find_type(name: &str) -> *mut TypeObject {
    all()
        .iter()
        .copied()
        .find(|t| crate::object::type_name(*t) == name)
        .expect("unknown built-in exception")
}

/// Every built-in exception class, for the builtins namespace.
pub static mut ALL: Vec<*mut TypeObject> = Vec::new();

pub fn all() -> &'static [*mut TypeObject] {
    unsafe { &*std::ptr::addr_of!(ALL) }
}

// ---- methods ---------------------------------------------------------------------------------

use crate::errors;
use crate::objects::builtin_function::{self, add_method, add_static, check_args, NativeFn};
use crate::objects::{dict, list};

fn exc_arg(a: &[Value], name: &str) -> bool {
    if a.is_empty() || !is_exception(a[0]) {
        errors::type_error(&format!(
            "descriptor '{name}' requires a 'BaseException' object"
        ));
        return false;
    }
    true
}

fn m_new(a: &[Value], k: Value) -> Value {
    if a.is_empty() || a[0].is_small() || crate::object::kind_of(a[0]) != Kind::Type {
        return errors::type_error("BaseException.__new__(X): X is not a type object");
    }
    let t = a[0].ptr::<TypeObject>();
    if !crate::object::is_subtype(t, exc_types().base_exception) {
        return errors::type_error(&format!(
            "BaseException.__new__({}): {} is not a subtype of BaseException",
            type_name(t),
            type_name(t)
        ));
    }
    let nkw = if k.is_null() { 0 } else { tuple::len(k) };
    let pos = &a[1..a.len() - nkw];
    // OSError(errno, ...) picks the subclass its errno names.
    let t = if t == exc_types().os_error && (2..=5).contains(&pos.len()) {
        match crate::objects::int::as_i64(pos[0]) {
            Some(e) => os_error_class(e),
            None => t,
        }
    } else {
        t
    };
    let v = new(t, pos);
    if !v.is_null() && nkw > 0 {
        init_fields(v, &a[1..], k);
    }
    v
}

fn m_init(a: &[Value], k: Value) -> Value {
    if !exc_arg(a, "__init__") {
        return Value::NULL;
    }
    let t = type_of(a[0]);
    let nkw = if k.is_null() { 0 } else { tuple::len(k) };
    if !check_keywords(t, k) {
        return Value::NULL;
    }
    let pos = &a[1..a.len() - nkw];
    get(a[0]).args = tuple::new(pos);
    init_fields(a[0], &a[1..], k);
    none()
}

fn m_str(a: &[Value], _k: Value) -> Value {
    if !exc_arg(a, "__str__") {
        return Value::NULL;
    }
    str_of(a[0])
}

fn m_repr(a: &[Value], _k: Value) -> Value {
    if !exc_arg(a, "__repr__") {
        return Value::NULL;
    }
    repr_of(a[0])
}

fn m_with_traceback(a: &[Value], k: Value) -> Value {
    if !exc_arg(a, "with_traceback") || !check_args("with_traceback", a, k, 1, 1) {
        return Value::NULL;
    }
    get(a[0]).traceback = a[1];
    a[0]
}

/// The `__notes__` list of an exception (null when it has none).
pub fn notes(v: Value) -> Value {
    let d = get(v).dict;
    if d.is_null() {
        return Value::NULL;
    }
    dict::get_by_name(d, "__notes__")
}

fn m_add_note(a: &[Value], k: Value) -> Value {
    if !exc_arg(a, "add_note") || !check_args("add_note", a, k, 1, 1) {
        return Value::NULL;
    }
    if !pystr::is_str(a[1]) {
        let t = crate::object::type_name_of(a[1]);
        return errors::type_error(&if crate::sys::bytecode_version() >= (3, 14) {
            format!("add_note() argument must be str, not {t}")
        } else {
            format!("note must be a str, not '{t}'")
        });
    }
    let o = get(a[0]);
    if o.dict.is_null() {
        o.dict = dict::new();
    }
    let mut n = dict::get_by_name(o.dict, "__notes__");
    if n.is_null() {
        n = list::with_capacity(0);
        dict::set_by_name(o.dict, "__notes__", n);
    }
    if n.is_small() || crate::object::kind_of(n) != Kind::List {
        return errors::type_error("Cannot add note: __notes__ is not a list");
    }
    list::append(n, a[1]);
    none()
}

fn m_reduce(a: &[Value], _k: Value) -> Value {
    tuple::new(&[Value::from_ptr(type_of(a[0])), get(a[0]).args])
}

// ---- exception groups --------------------------------------------------------------------------

fn eg_types() -> (*mut TypeObject, *mut TypeObject) {
    (find_type("BaseExceptionGroup"), find_type("ExceptionGroup"))
}

fn m_eg_new(a: &[Value], k: Value) -> Value {
    let (beg, eg) = eg_types();
    if a.is_empty() || a[0].is_small() || crate::object::kind_of(a[0]) != Kind::Type {
        return errors::type_error("BaseExceptionGroup.__new__(X): X is not a type object");
    }
    let mut t = a[0].ptr::<TypeObject>();
    if !k.is_null() && tuple::len(k) > 0 {
        return errors::type_error(&format!("{}() takes no keyword arguments", type_name(t)));
    }
    if a.len() != 3 {
        return errors::type_error(&format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            a.len() - 1
        ));
    }
    let (msg, excs) = (a[1], a[2]);
    if !pystr::is_str(msg) {
        return errors::type_error(&format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            crate::object::type_name_of(msg)
        ));
    }
    let is_seq = !excs.is_small()
        && (matches!(crate::object::kind_of(excs), Kind::List | Kind::Tuple)
            || (!crate::object::type_lookup(type_of(excs), pystr::intern("__getitem__"))
                .is_null()
                && !crate::object::type_lookup(type_of(excs), pystr::intern("__len__")).is_null()
                && crate::object::kind_of(excs) != Kind::Dict));
    if !is_seq {
        return errors::type_error("second argument (exceptions) must be a sequence");
    }
    let Some(items) = ops::collect(excs) else {
        return Value::NULL;
    };
    if items.is_empty() {
        return errors::value_error("second argument (exceptions) must be a non-empty sequence");
    }
    let mut all_exc = true;
    for (i, x) in items.iter().enumerate() {
        if !is_exception(*x) {
            return errors::value_error(&format!(
                "Item {i} of second argument (exceptions) is not an exception"
            ));
        }
        if !crate::object::isinstance(*x, exc_types().exception) {
            all_exc = false;
        }
    }
    if t == beg {
        if all_exc {
            t = eg;
        }
    } else if !all_exc
        && (crate::object::is_subtype(t, exc_types().exception) || crate::object::is_subtype(t, eg))
    {
        return errors::type_error("Cannot nest BaseExceptions in an ExceptionGroup");
    }
    let v = new(t, &[msg, excs]);
    if v.is_null() {
        return v;
    }
    let o = get(v);
    o.extra[0] = msg;
    o.extra[1] = tuple::new(&items);
    v
}

fn m_eg_init(a: &[Value], _k: Value) -> Value {
    if !exc_arg(a, "__init__") {
        return Value::NULL;
    }
    let o = get(a[0]);
    if a.len() == 3 {
        o.args = tuple::new(&a[1..]);
    }
    none()
}

/// A new group like `eg` (its message) holding `excs`, as `BaseExceptionGroup.derive` does.
fn derive(eg: Value, excs: &[Value]) -> Value {
    let d = crate::object::type_lookup(type_of(eg), pystr::intern("derive"));
    if d.is_null() {
        return errors::attribute_error("derive");
    }
    let l = list::from_slice(excs);
    ops::call(d, &[eg, l], Value::NULL)
}

fn m_eg_derive(a: &[Value], k: Value) -> Value {
    if !check_args("derive", a, k, 1, 1) {
        return Value::NULL;
    }
    let (beg, _) = eg_types();
    m_eg_new(&[Value::from_ptr(beg), field(a[0], 0), a[1]], Value::NULL)
}

fn copy_metadata(from: Value, to: Value) {
    let (f, t) = (get(from), get(to));
    t.traceback = f.traceback;
    t.cause = f.cause;
    t.context = f.context;
    t.suppress_context = f.suppress_context;
    let n = notes(from);
    if !n.is_null() {
        if t.dict.is_null() {
            t.dict = dict::new();
        }
        let c = if !n.is_small() && crate::object::kind_of(n) == Kind::List {
            list::from_slice(list::items(n))
        } else {
            n
        };
        dict::set_by_name(t.dict, "__notes__", c);
    }
}

enum Matcher {
    Types(Value),
    Predicate(Value),
}

fn matcher(cond: Value) -> Option<Matcher> {
    let is_exc_type = |v: Value| {
        !v.is_small()
            && crate::object::kind_of(v) == Kind::Type
            && crate::object::is_subtype(v.ptr(), exc_types().base_exception)
    };
    if is_exc_type(cond) {
        return Some(Matcher::Types(cond));
    }
    if !cond.is_small()
        && crate::object::kind_of(cond) == Kind::Tuple
        && tuple::items(cond).iter().all(|t| is_exc_type(*t))
    {
        return Some(Matcher::Types(cond));
    }
    if ops::is_callable(cond) {
        return Some(Matcher::Predicate(cond));
    }
    if crate::sys::bytecode_version() >= (3, 13) {
        errors::type_error(
            "expected an exception type, a tuple of exception types, or a callable (other than a class)",
        );
    } else {
        errors::type_error("expected a function, exception type or tuple of exception types");
    }
    None
}

fn matches(m: &Matcher, e: Value) -> Option<bool> {
    match m {
        Matcher::Types(t) => {
            let ts: Vec<Value> = if crate::object::kind_of(*t) == Kind::Tuple {
                tuple::items(*t).to_vec()
            } else {
                vec![*t]
            };
            Some(ts.iter().any(|x| crate::object::isinstance(e, x.ptr())))
        }
        Matcher::Predicate(f) => {
            let r = ops::call(*f, &[e], Value::NULL);
            if r.is_null() {
                return None;
            }
            match ops::truthy(r) {
                -1 => None,
                t => Some(t == 1),
            }
        }
    }
}

fn is_group(e: Value) -> bool {
    is_exception(e) && crate::object::isinstance(e, eg_types().0)
}

/// (match, rest) of `e` for the condition; null parts are empty. None on error.
fn split_rec(e: Value, m: &Matcher, want_rest: bool) -> Option<(Value, Value)> {
    if matches(m, e)? {
        return Some((e, Value::NULL));
    }
    if !is_group(e) {
        return Some((Value::NULL, e));
    }
    let mut mlist = Vec::new();
    let mut rlist = Vec::new();
    for x in tuple::items(field(e, 1)).to_vec() {
        let (mm, rr) = split_rec(x, m, want_rest)?;
        if !mm.is_null() {
            mlist.push(mm);
        }
        if !rr.is_null() {
            rlist.push(rr);
        }
    }
    let mk = |items: &Vec<Value>| -> Option<Value> {
        if items.is_empty() {
            return Some(Value::NULL);
        }
        let g = derive(e, items);
        if g.is_null() {
            return None;
        }
        if !is_exception(g) {
            errors::type_error("derive must return an instance of BaseExceptionGroup");
            return None;
        }
        copy_metadata(e, g);
        Some(g)
    };
    let mv = mk(&mlist)?;
    let rv = if want_rest { mk(&rlist)? } else { Value::NULL };
    Some((mv, rv))
}

fn m_eg_split(a: &[Value], k: Value) -> Value {
    if !check_args("split", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(m) = matcher(a[1]) else {
        return Value::NULL;
    };
    let Some((x, y)) = split_rec(a[0], &m, true) else {
        return Value::NULL;
    };
    let or_none = |v: Value| if v.is_null() { none() } else { v };
    tuple::new(&[or_none(x), or_none(y)])
}

fn m_eg_subgroup(a: &[Value], k: Value) -> Value {
    if !check_args("subgroup", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(m) = matcher(a[1]) else {
        return Value::NULL;
    };
    let Some((x, _)) = split_rec(a[0], &m, false) else {
        return Value::NULL;
    };
    if x.is_null() {
        none()
    } else {
        x
    }
}

/// Creates the types added after the first runtime (exception groups) and the methods of
/// `BaseException`.
pub fn init_methods() {
    let be = exc_types().base_exception;
    add_static(be, "__new__", m_new);
    let methods: &[(&str, NativeFn)] = &[
        ("__init__", m_init),
        ("__str__", m_str),
        ("__repr__", m_repr),
        ("with_traceback", m_with_traceback),
        ("add_note", m_add_note),
        ("__reduce__", m_reduce),
    ];
    for (n, f) in methods {
        add_method(be, n, *f);
    }
    let beg = new_builtin_type("BaseExceptionGroup", Kind::Exception, be);
    let eg = new_builtin_type("ExceptionGroup", Kind::Exception, beg);
    unsafe {
        let ex = exc_types().exception;
        (*eg).bases = tuple::new(&[Value::from_ptr(beg), Value::from_ptr(ex)]);
        (*eg).mro = tuple::new(&[
            Value::from_ptr(eg),
            Value::from_ptr(beg),
            Value::from_ptr(ex),
            Value::from_ptr(be),
            Value::from_ptr(crate::object::types().object),
        ]);
        (*std::ptr::addr_of_mut!(ALL)).push(beg);
        (*std::ptr::addr_of_mut!(ALL)).push(eg);
    }
    add_static(beg, "__new__", m_eg_new);
    add_method(beg, "__init__", m_eg_init);
    add_method(beg, "derive", m_eg_derive);
    add_method(beg, "split", m_eg_split);
    add_method(beg, "subgroup", m_eg_subgroup);
    builtin_function::add_classmethod(beg, "__class_getitem__", |a, _k| {
        crate::objects::slots::generic_alias(a[0], a[1])
    });
}
