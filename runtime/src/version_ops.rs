//! What compiled code calls for opcodes that only some bytecode versions have: 3.8–3.10's
//! exception triples and `exception match` comparisons, 3.12's `LOAD_SUPER_ATTR`,
//! `CLEANUP_THROW` and class-body lookups, 3.13's callable-first call layout and
//! `SET_FUNCTION_ATTRIBUTE`. The opcodes every version shares are in `abi.rs`.

use crate::abi::annotations_dict;
use crate::attr_cache::{kiln_load_method_cached, AttrCache};
use crate::errors;
use crate::frame::Frame;
use crate::object::{exc_types, is_subtype, kind_of, none, type_of, types, Kind};
use crate::objects::{cell, dict, exception, function, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

unsafe fn slice<'a>(p: *const Value, n: usize) -> &'a [Value] {
    if n == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(p, n)
    }
}

/// CALL (3.13+): `args` is [self-or-null, arguments...] above `callable`; a null self means
/// a plain call of `callable` with the arguments after it.
#[no_mangle]
pub unsafe extern "C" fn kiln_call_self_or_null(
    callable: Value,
    kwnames: Value,
    args: *const Value,
    n: usize,
) -> Value {
    let all = slice(args, n);
    if all[0].is_null() {
        return ops::call(callable, &all[1..], kwnames);
    }
    ops::call(callable, all, kwnames)
}

/// LOAD_ATTR with the method bit (3.13+): `out` = [method, self] or [attribute, null] (the
/// callable first, unlike 3.11's LOAD_METHOD).
#[no_mangle]
pub unsafe extern "C" fn kiln_load_method_callable_first(
    v: Value,
    name: Value,
    cache: *mut AttrCache,
    out: *mut Value,
) -> i32 {
    let r = kiln_load_method_cached(v, name, cache, out);
    if r == 0 && (*out).is_null() {
        *out = *out.add(1);
        *out.add(1) = Value::NULL;
    }
    r
}

/// LOAD_SUPER_ATTR (3.12+): `super(cls, self).name`, calling `global_super` with both
/// arguments in the two-argument form (flag bit 2) or when it is the builtin `super`, and with
/// none otherwise, as CPython does.
#[no_mangle]
pub extern "C" fn kiln_load_super_attr(
    global_super: Value,
    cls: Value,
    self_: Value,
    name: Value,
    flags: i64,
) -> Value {
    let builtin = !global_super.is_small() && global_super.ptr() == types().super_;
    let sup = if flags & 2 != 0 || builtin {
        ops::call(global_super, &[cls, self_], Value::NULL)
    } else {
        ops::call(global_super, &[], Value::NULL)
    };
    if sup.is_null() {
        return sup;
    }
    ops::getattr(sup, name)
}

/// CLEANUP_THROW (3.12+): a `throw()` into a `yield from` that ended the delegate with
/// StopIteration gives its value; any other exception goes on.
#[no_mangle]
pub extern "C" fn kiln_cleanup_throw(exc: Value) -> Value {
    if is_subtype(type_of(exc), exc_types().stop_iteration) {
        return exception::getattr(exc, "value");
    }
    errors::reraise(exc)
}

/// LOAD_LOCALS (3.12+): the frame's locals mapping (a class body's namespace).
#[no_mangle]
pub unsafe extern "C" fn kiln_load_locals(f: *mut Frame) -> Value {
    let l = (*f).locals;
    if l.is_null() {
        return errors::runtime_error("no locals found");
    }
    l
}

/// LOAD_FROM_DICT_OR_GLOBALS (3.12+): `name` from `mapping`, else the globals and builtins.
#[no_mangle]
pub unsafe extern "C" fn kiln_load_from_dict_or_globals(
    f: *mut Frame,
    mapping: Value,
    name: Value,
) -> Value {
    let v = lookup_in(mapping, name);
    match v {
        Err(()) => Value::NULL,
        Ok(v) if !v.is_null() => v,
        Ok(_) => crate::abi::kiln_load_global(f, name),
    }
}

/// LOAD_FROM_DICT_OR_DEREF (3.12+): `name` from `mapping`, else the cell's content.
#[no_mangle]
pub unsafe extern "C" fn kiln_load_from_dict_or_deref(
    mapping: Value,
    name: Value,
    cell: Value,
) -> Value {
    match lookup_in(mapping, name) {
        Err(()) => Value::NULL,
        Ok(v) if !v.is_null() => v,
        // No frame locals: only the cell is consulted.
        Ok(_) => {
            let v = cell::get(cell);
            if v.is_null() {
                return exception::raise_name_error(
                    &crate::abi::unbound_free_message(pystr::as_str(name)),
                    name,
                );
            }
            v
        }
    }
}

/// `mapping[name]`, with a missing key as `Ok(null)`.
fn lookup_in(mapping: Value, name: Value) -> Result<Value, ()> {
    if !mapping.is_small() && kind_of(mapping) == Kind::Dict {
        return dict::get_item(mapping, name);
    }
    let v = ops::getitem(mapping, name);
    if v.is_null() {
        if !errors::current_matches(exc_types().key_error) {
            return Err(());
        }
        errors::fetch();
    }
    Ok(v)
}

/// SET_FUNCTION_ATTRIBUTE (3.13+): stores one of MAKE_FUNCTION's optional parts.
#[no_mangle]
pub extern "C" fn kiln_set_function_attribute(func: Value, attr: Value, flag: i64) -> Value {
    if !function::is_function(func) {
        return errors::type_error("SET_FUNCTION_ATTRIBUTE on a non-function");
    }
    let fo = function::get(func);
    match flag {
        1 => fo.defaults = attr,
        2 => fo.kwdefaults = attr,
        4 => {
            let a = annotations_dict(attr);
            if a.is_null() {
                return a;
            }
            fo.annotations = a;
        }
        8 => fo.closure = attr,
        // 3.14's `__annotate__` function: kept in the function's namespace.
        16 => {
            if fo.dict.is_null() {
                fo.dict = dict::new();
            }
            dict::set_by_name(fo.dict, "__annotate__", attr);
        }
        // kiln's own: before 3.11 MAKE_FUNCTION takes the qualified name from the stack.
        0x100 => fo.qualname = attr,
        _ => return errors::value_error(&format!("bad SET_FUNCTION_ATTRIBUTE flag {flag}")),
    }
    func
}

/// 3.12's type parameter syntax (PEP 695): CALL_INTRINSIC_1 `code` 7-11 (TypeVar, ParamSpec,
/// TypeVarTuple, Generic[...], type alias) of `a`, and CALL_INTRINSIC_2 2-5 (TypeVar with a
/// bound or constraints, a function's type parameters, a parameter's default) of `a` and `b`
/// as 102-105. kiln's `_typing` builds them (`_typing._intrinsic(code, a, b)`); the compiler
/// puts `typing` into every program that uses the syntax.
#[no_mangle]
pub extern "C" fn kiln_typing_intrinsic(a: Value, b: Value, code: i64) -> Value {
    let m = crate::import::import_absolute("_typing");
    if m.is_null() {
        return m;
    }
    let f = ops::getattr(m, pystr::intern("_intrinsic"));
    if f.is_null() {
        return f;
    }
    let b = if b.is_null() { none() } else { b };
    ops::call(f, &[Value::from_small(code), a, b], Value::NULL)
}

/// What kiln cannot build yet (3.14's template strings): a clear error when reached.
#[no_mangle]
pub extern "C" fn kiln_unsupported_intrinsic(code: i64) -> Value {
    if code == 12 {
        return errors::not_implemented("kiln does not support template strings (t-strings) yet");
    }
    errors::not_implemented("kiln does not support this intrinsic yet")
}

// ---- 3.8–3.10 ------------------------------------------------------------------------------

/// MATCH_CLASS (3.10): `out` = [attributes, True] on a match, [subject, False] otherwise.
#[no_mangle]
pub unsafe extern "C" fn kiln_match_class_310(
    subject: Value,
    cls: Value,
    names: Value,
    count: i64,
    out: *mut Value,
) -> i32 {
    let r = crate::abi::kiln_match_class(subject, cls, names, count);
    if r.is_null() {
        return -1;
    }
    let matched = r != none();
    *out = if matched { r } else { subject };
    *out.add(1) = crate::object::bool_value(matched);
    0
}

/// At a pre-3.11 handler's entry: the (traceback, value, type) triple of `exc`, or three
/// `None`s for no exception, in the order the interpreter pushes them.
#[no_mangle]
pub unsafe extern "C" fn kiln_exc_triple(exc: Value, out: *mut Value) {
    if exc.is_null() || exc == none() {
        *out = none();
        *out.add(1) = none();
        *out.add(2) = none();
        return;
    }
    let tb = exception::get(exc).traceback;
    *out = if tb.is_null() { none() } else { tb };
    *out.add(1) = exc;
    *out.add(2) = Value::from_ptr(type_of(exc));
}

/// `exception match` (3.8's COMPARE_OP 10, 3.9/3.10's JUMP_IF_NOT_EXC_MATCH): does the
/// exception class `ty` match `pattern` (a class or a tuple of classes)? A pattern that is not
/// an exception class is a TypeError, as CPython words it.
#[no_mangle]
pub extern "C" fn kiln_exc_class_match(ty: Value, pattern: Value) -> i32 {
    let items: Vec<Value> = if !pattern.is_small() && kind_of(pattern) == Kind::Tuple {
        tuple::items(pattern).to_vec()
    } else {
        vec![pattern]
    };
    let is_exc_class = |t: Value| {
        !t.is_small() && kind_of(t) == Kind::Type && is_subtype(t.ptr(), exc_types().base_exception)
    };
    if !items.iter().all(|t| is_exc_class(*t)) {
        errors::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        );
        return -1;
    }
    if ty.is_small() || kind_of(ty) != Kind::Type {
        return 0;
    }
    items.iter().any(|p| is_subtype(ty.ptr(), p.ptr())) as i32
}

// ---- 3.14 ----------------------------------------------------------------------------------

/// The special methods LOAD_SPECIAL looks up, by its argument.
const SPECIAL_NAMES: [&str; 4] = ["__enter__", "__exit__", "__aenter__", "__aexit__"];

/// LOAD_SPECIAL (3.14+): `out` = [method, self] (or [bound attribute, null]) of the special
/// method `which` of `v`'s type; a TypeError naming the protocol when it is missing.
#[no_mangle]
pub unsafe extern "C" fn kiln_load_special(v: Value, which: i64, out: *mut Value) -> i32 {
    let Some(name) = SPECIAL_NAMES.get(which as usize) else {
        errors::value_error(&format!("bad LOAD_SPECIAL argument {which}"));
        return -1;
    };
    let t = type_of(v);
    let found = crate::object::type_lookup(t, pystr::intern(name));
    if found.is_null() {
        let (proto, missed) = match which {
            0 => ("the context manager protocol", ""),
            1 => ("the context manager protocol", " (missed __exit__ method)"),
            2 => ("the asynchronous context manager protocol", ""),
            _ => (
                "the asynchronous context manager protocol",
                " (missed __aexit__ method)",
            ),
        };
        errors::type_error(&format!(
            "'{}' object does not support {proto}{missed}",
            crate::object::type_name_of(v)
        ));
        return -1;
    }
    if !found.is_small() && kind_of(found) == Kind::Function {
        *out = found;
        *out.add(1) = v;
        return 0;
    }
    let bound = crate::objects::descriptor::get(found, v, Value::from_ptr(t));
    if bound.is_null() {
        return -1;
    }
    *out = bound;
    *out.add(1) = Value::NULL;
    0
}

/// WITH_EXCEPT_START (3.14+): calls `exit(self, type, value, traceback)` (without `self`
/// when it is null) for the exception `exc`.
#[no_mangle]
pub extern "C" fn kiln_with_exit_self(exit: Value, self_: Value, exc: Value) -> Value {
    let tb = if exception::is_exception(exc) {
        exception::get(exc).traceback
    } else {
        none()
    };
    let tb = if tb.is_null() { none() } else { tb };
    let ty = Value::from_ptr(type_of(exc));
    if self_.is_null() {
        ops::call(exit, &[ty, exc, tb], Value::NULL)
    } else {
        ops::call(exit, &[self_, ty, exc, tb], Value::NULL)
    }
}

/// The builtins LOAD_COMMON_CONSTANT names, as they were before the program ran.
static mut COMMON: [Value; 5] = [Value::NULL; 5];

/// Remembers the objects LOAD_COMMON_CONSTANT gives: run once the builtins exist.
pub fn init_common_constants(builtins: Value) {
    let names = [
        "AssertionError",
        "NotImplementedError",
        "tuple",
        "all",
        "any",
    ];
    for (i, n) in names.iter().enumerate() {
        unsafe { (*std::ptr::addr_of_mut!(COMMON))[i] = dict::get_by_name(builtins, n) };
    }
}

/// LOAD_COMMON_CONSTANT (3.14+).
#[no_mangle]
pub extern "C" fn kiln_load_common_constant(which: i64) -> Value {
    let v = unsafe { (*std::ptr::addr_of!(COMMON)).get(which as usize).copied() };
    match v {
        Some(v) if !v.is_null() => v,
        _ => errors::value_error(&format!("bad LOAD_COMMON_CONSTANT argument {which}")),
    }
}
