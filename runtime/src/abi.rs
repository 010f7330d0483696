//! The runtime ABI: the only functions compiled code calls. Each is `extern "C"` and follows
//! decision 3: a `Value` result is null on error, an `i32` status is negative on error; the
//! exception itself waits in `errors`. The compiler's `ir::runtime_fn` lists the same
//! functions with their signatures; keep the two in step.

use crate::errors;
use crate::frame::Frame;
use crate::object::{
    bool_value, exc_types, is_subtype, kind_of, none, type_lookup, type_name_of, type_of, Kind,
};
use crate::objects::int::BinOp;
use crate::objects::{cell, dict, exception, function, list, module, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

#[inline]
fn status(ok: bool) -> i32 {
    if ok {
        0
    } else {
        -1
    }
}

unsafe fn slice<'a>(p: *const Value, n: usize) -> &'a [Value] {
    if n == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(p, n)
    }
}

// ---- namespaces ----------------------------------------------------------------------------

fn name_error(name: Value) -> Value {
    exception::raise_name_error(
        &format!("name '{}' is not defined", pystr::as_str(name)),
        name,
    )
}

/// Looks `name` up in a builtins namespace (a dict, or a module).
fn builtins_get(builtins: Value, name: Value) -> Value {
    let d = if !builtins.is_small() && kind_of(builtins) == Kind::Module {
        module::dict_of(builtins)
    } else {
        builtins
    };
    if !d.is_small() && kind_of(d) == Kind::Dict {
        return dict::get_str(d, name);
    }
    Value::NULL
}

#[no_mangle]
pub unsafe extern "C" fn kiln_load_global(f: *mut Frame, name: Value) -> Value {
    let v = dict::get_str((*f).globals, name);
    if !v.is_null() {
        return v;
    }
    let v = builtins_get((*f).builtins, name);
    if !v.is_null() {
        return v;
    }
    name_error(name)
}

#[no_mangle]
pub unsafe extern "C" fn kiln_store_global(f: *mut Frame, name: Value, v: Value) -> i32 {
    dict::set_str((*f).globals, name, v);
    0
}

#[no_mangle]
pub unsafe extern "C" fn kiln_delete_global(f: *mut Frame, name: Value) -> i32 {
    match dict::pop_item((*f).globals, name) {
        Ok(v) if !v.is_null() => 0,
        Ok(_) => {
            name_error(name);
            -1
        }
        Err(()) => -1,
    }
}

#[no_mangle]
pub unsafe extern "C" fn kiln_load_name(f: *mut Frame, name: Value) -> Value {
    let locals = (*f).locals;
    if !locals.is_null() {
        let v = if kind_of(locals) == Kind::Dict {
            match dict::get_item(locals, name) {
                Ok(v) => v,
                Err(()) => return Value::NULL,
            }
        } else {
            let v = ops::getitem(locals, name);
            if v.is_null() {
                if !errors::current_matches(exc_types().key_error) {
                    return v;
                }
                errors::fetch();
            }
            v
        };
        if !v.is_null() {
            return v;
        }
    }
    kiln_load_global(f, name)
}

#[no_mangle]
pub unsafe extern "C" fn kiln_store_name(f: *mut Frame, name: Value, v: Value) -> i32 {
    let locals = (*f).locals;
    if locals.is_null() {
        errors::raise_msg(
            exc_types().runtime_error,
            &format!(
                "no locals found when storing {}",
                pystr::repr_text(pystr::as_str(name))
            ),
        );
        return -1;
    }
    status(ops::setitem(locals, name, v))
}

#[no_mangle]
pub unsafe extern "C" fn kiln_delete_name(f: *mut Frame, name: Value) -> i32 {
    let locals = (*f).locals;
    match dict::pop_item(locals, name) {
        Ok(v) if !v.is_null() => 0,
        Ok(_) => {
            name_error(name);
            -1
        }
        Err(()) => -1,
    }
}

/// UnboundLocalError's message, worded as the bytecode's version words it.
pub fn unbound_local_message(name: &str) -> String {
    if crate::sys::bytecode_version() < (3, 11) {
        format!("local variable '{name}' referenced before assignment")
    } else {
        format!("cannot access local variable '{name}' where it is not associated with a value")
    }
}

/// The NameError message of an unbound free variable, worded as the bytecode's version does.
pub fn unbound_free_message(name: &str) -> String {
    if crate::sys::bytecode_version() < (3, 11) {
        format!("free variable '{name}' referenced before assignment in enclosing scope")
    } else {
        format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        )
    }
}

#[no_mangle]
pub unsafe extern "C" fn kiln_unbound_local(f: *mut Frame, idx: i64) -> Value {
    let c = &*(*f).code;
    errors::raise_msg(
        exc_types().unbound_local_error,
        &unbound_local_message(c.varname(idx as usize)),
    )
}

#[no_mangle]
pub unsafe extern "C" fn kiln_unbound_deref(f: *mut Frame, idx: i64) -> Value {
    let c = &*(*f).code;
    let kind = tuple::items(c.kinds)[idx as usize].small();
    let name = c.varname(idx as usize);
    if kind == 2 {
        exception::raise_name_error(
            &unbound_free_message(name),
            tuple::items(c.localsplus)[idx as usize],
        )
    } else {
        errors::raise_msg(
            exc_types().unbound_local_error,
            &unbound_local_message(name),
        )
    }
}

#[no_mangle]
pub unsafe extern "C" fn kiln_traceback_here(f: *mut Frame, line: i64) {
    crate::traceback::here(f, line);
}

/// After each bytecode instruction of a program built with `--trace` (see `trace`).
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn kiln_trace(
    _f: *mut Frame,
    line: i64,
    offset: i64,
    name: Value,
    hint: Value,
    consumed: i64,
    produced: i64,
    values: *const Value,
    n: i64,
) {
    let values = if n <= 0 || values.is_null() {
        &[][..]
    } else {
        std::slice::from_raw_parts(values, n as usize)
    };
    crate::trace::instruction(
        line,
        offset,
        name,
        hint,
        consumed.max(0) as usize,
        produced.max(0) as usize,
        values,
    );
}

#[no_mangle]
pub unsafe extern "C" fn kiln_load_build_class(f: *mut Frame) -> Value {
    let v = builtins_get((*f).builtins, pystr::intern("__build_class__"));
    if v.is_null() {
        return errors::raise_msg(exc_types().name_error, "__build_class__ not found");
    }
    v
}

#[no_mangle]
pub unsafe extern "C" fn kiln_closure_item(f: *mut Frame, i: i64) -> Value {
    let fo = function::get((*f).func);
    tuple::items(fo.closure)[i as usize]
}

/// The builtins of a function created with `globals` (decision 5): the globals'
/// `__builtins__` (a module means its dict); without one, the creating frame's builtins for
/// bytecode of 3.10 and later, a namespace holding only `None` for 3.8 and 3.9.
pub fn builtins_for(globals: Value, frame_builtins: Value) -> Value {
    let b = dict::get_by_name(globals, "__builtins__");
    if b.is_null() {
        if crate::sys::bytecode_version() >= (3, 10) {
            return frame_builtins;
        }
        let d = dict::new();
        dict::set_by_name(d, "None", none());
        return d;
    }
    if !b.is_small() && kind_of(b) == Kind::Module {
        return module::dict_of(b);
    }
    if !b.is_small() && kind_of(b) == Kind::Dict {
        return b;
    }
    frame_builtins
}

/// A function's annotations as MAKE_FUNCTION gets them: 3.10+ bytecode passes a flat tuple of
/// (name, value) pairs, which becomes a dict; a dict (3.8, 3.9) or null is kept. Null with an
/// exception when the tuple cannot be turned into a dict.
pub fn annotations_dict(annotations: Value) -> Value {
    if annotations.is_null() || annotations.is_small() || kind_of(annotations) != Kind::Tuple {
        return annotations;
    }
    let d = dict::new();
    for pair in tuple::items(annotations).chunks(2) {
        if pair.len() == 2 && !dict::set_item(d, pair[0], pair[1]) {
            return Value::NULL;
        }
    }
    d
}

#[no_mangle]
pub unsafe extern "C" fn kiln_make_function(
    f: *mut Frame,
    code_v: Value,
    defaults: Value,
    kwdefaults: Value,
    annotations: Value,
    closure: Value,
) -> Value {
    let func = function::new(
        code_v,
        (*f).globals,
        builtins_for((*f).globals, (*f).builtins),
    );
    if func.is_null() {
        return func;
    }
    let fo = function::get(func);
    fo.defaults = defaults;
    fo.kwdefaults = kwdefaults;
    if !annotations.is_null() {
        fo.annotations = annotations_dict(annotations);
        if fo.annotations.is_null() {
            return Value::NULL;
        }
    }
    fo.closure = closure;
    func
}

#[no_mangle]
pub unsafe extern "C" fn kiln_import_name(
    f: *mut Frame,
    name: Value,
    fromlist: Value,
    level: Value,
) -> Value {
    crate::import::import_name((*f).globals, name, fromlist, level)
}

#[no_mangle]
pub unsafe extern "C" fn kiln_import_from(m: Value, name: Value) -> Value {
    crate::import::import_from(m, name)
}

#[no_mangle]
pub unsafe extern "C" fn kiln_import_star(f: *mut Frame, m: Value) -> i32 {
    crate::import::import_star(f, m)
}

#[no_mangle]
pub unsafe extern "C" fn kiln_setup_annotations(f: *mut Frame) -> i32 {
    let locals = (*f).locals;
    let key = pystr::intern("__annotations__");
    match dict::get_item(locals, key) {
        Ok(v) if v.is_null() => status(dict::set_item(locals, key, dict::new())),
        Ok(_) => 0,
        Err(()) => -1,
    }
}

// ---- operators -----------------------------------------------------------------------------

#[no_mangle]
pub extern "C" fn kiln_binary_op(a: Value, b: Value, op: i64) -> Value {
    if a.is_small() && b.is_small() {
        // In-place and plain forms are the same on ints.
        if let Some((o, _)) = BinOp::from_oparg(op as u32) {
            if let Some(r) = crate::objects::int::small_op(a.small(), b.small(), o) {
                return r;
            }
            if errors::occurred() {
                return Value::NULL;
            }
        }
    }
    if let Some(r) = float_fast_binary(a, b, op) {
        return r;
    }
    if (op == 0 || op == 13) && !a.is_small() && !b.is_small() {
        // `+` (and `+=`, the same on tuples) of two exact tuples, `+` of two exact lists.
        let (ta, t) = (type_of(a), crate::object::types());
        if ta == type_of(b) {
            if ta == t.tuple {
                return tuple::concat(a, b);
            }
            if ta == t.list && op == 0 {
                return list::concat(a, b);
            }
        }
    }
    match BinOp::from_oparg(op as u32) {
        Some((o, false)) => ops::binary_op(a, b, o),
        Some((o, true)) => ops::binary_op_full(a, b, o, true),
        None => errors::runtime_error("bad BINARY_OP"),
    }
}

/// The value of an exact float or a small int, for the float fast paths.
#[inline(always)]
fn float_operand(v: Value) -> Option<f64> {
    if v.is_small() {
        // Small ints beyond 2**53 would round: leave those to the exact path.
        const EXACT: i64 = 1 << 53;
        (-EXACT..=EXACT)
            .contains(&v.small())
            .then(|| v.small() as f64)
    } else if type_of(v) == crate::object::types().float {
        Some(crate::objects::float::value(v))
    } else {
        None
    }
}

/// Both operands as floats when at least one is an exact float and the other an exact float or
/// a small int within 2**53 (two ints take the int paths).
#[inline(always)]
fn float_operands(a: Value, b: Value) -> Option<(f64, f64)> {
    if a.is_small() && b.is_small() {
        return None;
    }
    Some((float_operand(a)?, float_operand(b)?))
}

/// BINARY_OP on exact floats (or a float and a small int): straight to the arithmetic, as
/// CPython's BINARY_OP_*_FLOAT specializations do. None when the operands are anything else.
#[inline(always)]
fn float_fast_binary(a: Value, b: Value, op: i64) -> Option<Value> {
    let (x, y) = float_operands(a, b)?;
    let (o, _) = BinOp::from_oparg(op as u32)?;
    if !matches!(
        o,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::FloorDiv | BinOp::Mod
    ) {
        return None;
    }
    Some(crate::objects::float::binary(x, y, o))
}

/// COMPARE_OP on exact floats (or a float and a small int within 2**53).
#[inline(always)]
fn float_fast_compare(a: Value, b: Value, op: i64) -> Option<bool> {
    let (x, y) = float_operands(a, b)?;
    Some(match op {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        5 => x >= y,
        _ => return None,
    })
}

#[no_mangle]
pub extern "C" fn kiln_compare_op(a: Value, b: Value, op: i64) -> Value {
    if let Some(r) = float_fast_compare(a, b, op) {
        return bool_value(r);
    }
    ops::compare(a, b, op as u32)
}

/// COMPARE_OP followed by a truth test: 1, 0, or -1 on error.
#[no_mangle]
pub extern "C" fn kiln_compare_bool(a: Value, b: Value, op: i64) -> i32 {
    if let Some(r) = float_fast_compare(a, b, op) {
        return r as i32;
    }
    let r = ops::compare(a, b, op as u32);
    if r.is_null() {
        return -1;
    }
    ops::truthy(r)
}

#[no_mangle]
pub extern "C" fn kiln_is_true(v: Value) -> i32 {
    ops::truthy(v)
}

#[no_mangle]
pub extern "C" fn kiln_not(v: Value) -> Value {
    match ops::truthy(v) {
        -1 => Value::NULL,
        t => bool_value(t == 0),
    }
}

#[no_mangle]
pub extern "C" fn kiln_bool(b: i32) -> Value {
    bool_value(b != 0)
}

#[no_mangle]
pub extern "C" fn kiln_negative(v: Value) -> Value {
    ops::negative(v)
}

#[no_mangle]
pub extern "C" fn kiln_positive(v: Value) -> Value {
    ops::positive(v)
}

#[no_mangle]
pub extern "C" fn kiln_invert(v: Value) -> Value {
    ops::invert(v)
}

#[no_mangle]
pub extern "C" fn kiln_contains(container: Value, item: Value) -> i32 {
    ops::contains(container, item)
}

// ---- attributes and items ------------------------------------------------------------------

#[no_mangle]
pub extern "C" fn kiln_getattr(v: Value, name: Value) -> Value {
    ops::getattr(v, name)
}

/// LOAD_METHOD: `out` is [method, object] when a method was found unbound, else [null, attribute].
#[no_mangle]
pub unsafe extern "C" fn kiln_load_method(v: Value, name: Value, out: *mut Value) -> i32 {
    if !v.is_small()
        && matches!(
            kind_of(v),
            Kind::Object
                | Kind::Str
                | Kind::List
                | Kind::Dict
                | Kind::Tuple
                | Kind::Int
                | Kind::Float
                | Kind::Set
                | Kind::Bytes
                | Kind::ByteArray
        )
    {
        let t = type_of(v);
        let found = type_lookup(t, name);
        if !found.is_null() && !found.is_small() {
            let is_method = match kind_of(found) {
                Kind::Function => true,
                Kind::BuiltinFunction => {
                    crate::objects::builtin_function::get(found).flags
                        & crate::objects::builtin_function::METHOD
                        != 0
                }
                _ => false,
            };
            if is_method && crate::objects::type_::method_lookup_is_plain(v, name) {
                *out = found;
                *out.add(1) = v;
                return 0;
            }
        }
    }
    let m = ops::getattr(v, name);
    if m.is_null() {
        return -1;
    }
    *out = Value::NULL;
    *out.add(1) = m;
    0
}

#[no_mangle]
pub extern "C" fn kiln_setattr(v: Value, name: Value, x: Value) -> i32 {
    status(ops::setattr(v, name, x))
}

#[no_mangle]
pub extern "C" fn kiln_delattr(v: Value, name: Value) -> i32 {
    status(ops::delattr(v, name))
}

/// The item slot `o[k]` names when `o` is an exact list or tuple and `k` a small int in range
/// (negative indexes count from the end), as CPython's BINARY_SUBSCR_LIST_INT does.
#[inline(always)]
fn sequence_slot(o: Value, k: Value, tuples: bool) -> Option<*mut Value> {
    if o.is_small() || !k.is_small() {
        return None;
    }
    let t = type_of(o);
    let ts = crate::object::types();
    let (items, len) = if t == ts.list {
        let l = unsafe { &*o.ptr::<list::ListObject>() };
        (l.items, l.len)
    } else if tuples && t == ts.tuple {
        let xs = tuple::items(o);
        (xs.as_ptr() as *mut Value, xs.len())
    } else {
        return None;
    };
    let i = k.small();
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64)
        .contains(&i)
        .then(|| unsafe { items.add(i as usize) })
}

#[no_mangle]
pub extern "C" fn kiln_getitem(o: Value, k: Value) -> Value {
    if let Some(p) = sequence_slot(o, k, true) {
        return unsafe { *p };
    }
    ops::getitem(o, k)
}

#[no_mangle]
pub extern "C" fn kiln_setitem(o: Value, k: Value, v: Value) -> i32 {
    if let Some(p) = sequence_slot(o, k, false) {
        unsafe { *p = v };
        return 0;
    }
    status(ops::setitem(o, k, v))
}

/// `o[start:stop:step]` without a slice object where `o` allows it; `step` may be null.
#[no_mangle]
pub extern "C" fn kiln_get_slice(o: Value, start: Value, stop: Value, step: Value) -> Value {
    crate::slice_subscript::get(o, start, stop, step)
}

/// `o[start:stop:step] = v` without a slice object where `o` allows it; `step` may be null.
#[no_mangle]
pub extern "C" fn kiln_set_slice(
    o: Value,
    start: Value,
    stop: Value,
    step: Value,
    v: Value,
) -> i32 {
    status(crate::slice_subscript::set(o, start, stop, step, v))
}

/// `o[start:stop:step]` read only to be assigned to a slice (`slice_subscript`'s scratch).
///
/// # Safety
/// `cache` is the site's inline-cache slot.
#[no_mangle]
pub unsafe extern "C" fn kiln_get_slice_scratch(
    o: Value,
    start: Value,
    stop: Value,
    step: Value,
    cache: *mut crate::slice_subscript::Scratch,
) -> Value {
    crate::slice_subscript::get_scratch(o, start, stop, step, cache)
}

/// `o[start:stop:step] = v`, `v` from the same site's `kiln_get_slice_scratch`.
///
/// # Safety
/// `cache` is the site's inline-cache slot.
#[no_mangle]
pub unsafe extern "C" fn kiln_set_slice_scratch(
    o: Value,
    start: Value,
    stop: Value,
    step: Value,
    v: Value,
    cache: *mut crate::slice_subscript::Scratch,
) -> i32 {
    status(crate::slice_subscript::set_scratch(
        o, start, stop, step, v, cache,
    ))
}

#[no_mangle]
pub extern "C" fn kiln_delitem(o: Value, k: Value) -> i32 {
    status(ops::delitem(o, k))
}

// ---- building values -----------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn kiln_build_tuple(items: *const Value, n: usize) -> Value {
    tuple::new(slice(items, n))
}

#[no_mangle]
pub unsafe extern "C" fn kiln_build_list(items: *const Value, n: usize) -> Value {
    list::from_slice(slice(items, n))
}

#[no_mangle]
/// BUILD_MAP: `n` values, alternating key and value.
pub unsafe extern "C" fn kiln_build_map(items: *const Value, n: usize) -> Value {
    let d = dict::new();
    let kv = slice(items, n);
    for i in 0..n / 2 {
        if !dict::set_item(d, kv[2 * i], kv[2 * i + 1]) {
            return Value::NULL;
        }
    }
    d
}

#[no_mangle]
pub unsafe extern "C" fn kiln_build_const_key_map(
    keys: Value,
    values: *const Value,
    n: usize,
) -> Value {
    let d = dict::new();
    let vals = slice(values, n);
    for (k, v) in tuple::items(keys).iter().zip(vals) {
        if !dict::set_item(d, *k, *v) {
            return Value::NULL;
        }
    }
    d
}

#[no_mangle]
pub unsafe extern "C" fn kiln_build_string(items: *const Value, n: usize) -> Value {
    let mut s = String::new();
    for v in slice(items, n) {
        s.push_str(pystr::as_str(*v));
    }
    pystr::new(&s)
}

#[no_mangle]
pub unsafe extern "C" fn kiln_build_set(items: *const Value, n: usize) -> Value {
    let s = crate::objects::set::new_set();
    if s.is_null() {
        return s;
    }
    for x in slice(items, n) {
        if !crate::objects::set::add(s, *x) {
            return Value::NULL;
        }
    }
    s
}

#[no_mangle]
pub extern "C" fn kiln_build_slice(a: Value, b: Value, c: Value) -> Value {
    crate::objects::slice::new(a, b, if c.is_null() { none() } else { c })
}

#[no_mangle]
pub extern "C" fn kiln_list_append(l: Value, v: Value) -> i32 {
    status(list::append(l, v))
}

#[no_mangle]
pub extern "C" fn kiln_list_extend(l: Value, it: Value) -> i32 {
    if !list::extend(l, it) {
        if errors::current_matches(exc_types().type_error) && ops::iter(it).is_null() {
            errors::fetch();
            errors::type_error(&format!(
                "Value after * must be an iterable, not {}",
                type_name_of(it)
            ));
        }
        return -1;
    }
    0
}

#[no_mangle]
pub extern "C" fn kiln_list_to_tuple(l: Value) -> Value {
    tuple::new(list::items(l))
}

#[no_mangle]
pub extern "C" fn kiln_set_add(s: Value, v: Value) -> i32 {
    status(crate::objects::set::add(s, v))
}

#[no_mangle]
pub extern "C" fn kiln_set_update(s: Value, v: Value) -> i32 {
    status(crate::objects::set::update(s, v))
}

#[no_mangle]
pub extern "C" fn kiln_dict_update(d: Value, other: Value) -> i32 {
    if !dict::update(d, other) {
        if errors::current_matches(exc_types().type_error) && kind_of(other) != Kind::Dict {
            errors::fetch();
            errors::type_error(&format!(
                "'{}' object is not a mapping",
                type_name_of(other)
            ));
        }
        return -1;
    }
    0
}

#[no_mangle]
pub extern "C" fn kiln_dict_merge(d: Value, other: Value, func: Value) -> i32 {
    let other = if !other.is_small()
        && kind_of(other) != Kind::Dict
        && !ops::getattr_opt(other, pystr::intern("keys")).is_null()
    {
        // Any mapping: its keys() and items, as a dict.
        let m = dict::new();
        if !dict::update(m, other) {
            return -1;
        }
        m
    } else {
        other
    };
    if other.is_small() || kind_of(other) != Kind::Dict {
        let fname = if function::is_function(func) {
            pystr::as_str(function::get(func).qualname)
        } else {
            "function"
        };
        errors::type_error(&format!(
            "{fname}() argument after ** must be a mapping, not {}",
            type_name_of(other)
        ));
        return -1;
    }
    for (k, v) in dict::items(other) {
        match dict::get_item(d, k) {
            Ok(x) if !x.is_null() => {
                let fname = if function::is_function(func) {
                    pystr::as_str(function::get(func).qualname)
                } else {
                    "function"
                };
                errors::type_error(&format!(
                    "{fname}() got multiple values for keyword argument '{}'",
                    if pystr::is_str(k) {
                        pystr::as_str(k)
                    } else {
                        "?"
                    }
                ));
                return -1;
            }
            Ok(_) => {
                if !dict::set_item(d, k, v) {
                    return -1;
                }
            }
            Err(()) => return -1,
        }
    }
    0
}

#[no_mangle]
pub extern "C" fn kiln_map_add(d: Value, k: Value, v: Value) -> i32 {
    status(dict::set_item(d, k, v))
}

fn unpack_error(n_expected: usize, got: usize, more: bool) {
    if got < n_expected {
        errors::value_error(&format!(
            "not enough values to unpack (expected {n_expected}, got {got})"
        ));
    } else if more {
        errors::value_error(&format!(
            "too many values to unpack (expected {n_expected})"
        ));
    }
}

/// UNPACK_SEQUENCE: `out[i]` is item i.
#[no_mangle]
pub unsafe extern "C" fn kiln_unpack_sequence(seq: Value, n: usize, out: *mut Value) -> i32 {
    if !seq.is_small() && matches!(kind_of(seq), Kind::Tuple | Kind::List) {
        let items = ops::seq_items(seq);
        if items.len() != n {
            if items.len() < n {
                unpack_error(n, items.len(), false);
            } else {
                errors::value_error(&format!(
                    "too many values to unpack (expected {n}, got {})",
                    items.len()
                ));
            }
            return -1;
        }
        std::ptr::copy_nonoverlapping(items.as_ptr(), out, n);
        return 0;
    }
    let it = ops::iter(seq);
    if it.is_null() {
        if errors::current_matches(exc_types().type_error) {
            errors::fetch();
            errors::type_error(&format!(
                "cannot unpack non-iterable {} object",
                type_name_of(seq)
            ));
        }
        return -1;
    }
    for i in 0..n {
        let x = ops::next(it);
        if x.is_null() {
            return -1;
        }
        if x == Value::DONE {
            unpack_error(n, i, false);
            return -1;
        }
        *out.add(i) = x;
    }
    let x = ops::next(it);
    if x.is_null() {
        return -1;
    }
    if x != Value::DONE {
        unpack_error(n, n + 1, true);
        return -1;
    }
    0
}

/// UNPACK_EX: `before` items, a list of the middle, `after` items, in `out` order.
#[no_mangle]
pub unsafe extern "C" fn kiln_unpack_ex(
    seq: Value,
    before: usize,
    after: usize,
    out: *mut Value,
) -> i32 {
    let Some(items) = ops::collect(seq) else {
        if errors::current_matches(exc_types().type_error) {
            errors::fetch();
            errors::type_error(&format!(
                "cannot unpack non-iterable {} object",
                type_name_of(seq)
            ));
        }
        return -1;
    };
    if items.len() < before + after {
        errors::value_error(&format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        ));
        return -1;
    }
    for (i, x) in items[..before].iter().enumerate() {
        *out.add(i) = *x;
    }
    let mid = list::from_slice(&items[before..items.len() - after]);
    *out.add(before) = mid;
    for (i, x) in items[items.len() - after..].iter().enumerate() {
        *out.add(before + 1 + i) = *x;
    }
    0
}

/// FORMAT_VALUE: `conv` 0 none, 1 str, 2 repr, 3 ascii; `spec` null for none.
#[no_mangle]
pub extern "C" fn kiln_format_value(v: Value, conv: i64, spec: Value) -> Value {
    let v = match conv {
        1 => ops::str_(v),
        2 => ops::repr(v),
        3 => {
            let r = ops::repr(v);
            if r.is_null() {
                return r;
            }
            pystr::new(&crate::builtins::format::ascii_escape(pystr::as_str(r)))
        }
        _ => v,
    };
    if v.is_null() {
        return v;
    }
    let spec = if spec.is_null() {
        pystr::intern("")
    } else {
        spec
    };
    crate::builtins::format::format_value(v, spec)
}

#[no_mangle]
pub extern "C" fn kiln_get_len(v: Value) -> Value {
    match ops::len(v) {
        Some(n) => crate::objects::int::from_i64(n),
        None => Value::NULL,
    }
}

// ---- iteration and calls -------------------------------------------------------------------

#[no_mangle]
pub extern "C" fn kiln_get_iter(v: Value) -> Value {
    ops::iter(v)
}

/// FOR_ITER: the next item, `Value::DONE` (2) when exhausted, null on error.
#[no_mangle]
pub extern "C" fn kiln_for_iter(it: Value) -> Value {
    ops::next(it)
}

#[no_mangle]
pub unsafe extern "C" fn kiln_call(f: Value, args: *const Value, n: usize) -> Value {
    if n == 1 && !f.is_small() && kind_of(f) == Kind::BuiltinFunction {
        let o = crate::objects::builtin_function::get(f);
        if let (Some(g), true) = (o.fast1, o.bound.is_null()) {
            return g(*args);
        }
    }
    ops::call(f, slice(args, n), Value::NULL)
}

/// A call with keyword arguments: `kwnames` names the last values of `args`.
#[no_mangle]
pub unsafe extern "C" fn kiln_call_kw(
    f: Value,
    kwnames: Value,
    args: *const Value,
    n: usize,
) -> Value {
    ops::call(f, slice(args, n), kwnames)
}

/// CALL after LOAD_METHOD: when `meth` is null, `obj` is the callable; otherwise `meth` is
/// called with `obj` first.
#[no_mangle]
pub unsafe extern "C" fn kiln_call_maybe_method(
    meth: Value,
    kwnames: Value,
    args: *const Value,
    n: usize,
) -> Value {
    // `args` is [self, arguments...] for a method, [callable, arguments...] otherwise.
    let all = slice(args, n);
    if meth.is_null() {
        return ops::call(all[0], &all[1..], kwnames);
    }
    ops::call(meth, all, kwnames)
}

#[no_mangle]
pub extern "C" fn kiln_call_ex(f: Value, args: Value, kwargs: Value) -> Value {
    let Some(pos) = ops::collect(args) else {
        if errors::current_matches(exc_types().type_error) {
            errors::fetch();
            let fname = if function::is_function(f) {
                pystr::as_str(function::get(f).qualname).to_string()
            } else {
                "function".into()
            };
            errors::type_error(&format!(
                "{fname}() argument after * must be an iterable, not {}",
                type_name_of(args)
            ));
        }
        return Value::NULL;
    };
    if kwargs.is_null() || dict::len(kwargs) == 0 {
        return ops::call(f, &pos, Value::NULL);
    }
    let mut all = pos;
    let mut names = Vec::new();
    for (k, v) in dict::items(kwargs) {
        if !pystr::is_str(k) {
            return errors::type_error("keywords must be strings");
        }
        names.push(k);
        all.push(v);
    }
    ops::call(f, &all, tuple::new(&names))
}

// ---- exceptions ----------------------------------------------------------------------------

fn make_exception(v: Value) -> Value {
    if !v.is_small() && kind_of(v) == Kind::Type && is_subtype(v.ptr(), exc_types().base_exception)
    {
        let e = ops::call(v, &[], Value::NULL);
        if !e.is_null() && !exception::is_exception(e) {
            return errors::type_error(&format!(
                "calling {} should have returned an instance of BaseException, not {}",
                pystr::as_str(ops::repr(v)),
                type_name_of(e)
            ));
        }
        return e;
    }
    if exception::is_exception(v) {
        return v;
    }
    errors::type_error("exceptions must derive from BaseException")
}

/// RAISE_VARARGS with an exception (and optional cause). Always returns null.
#[no_mangle]
pub extern "C" fn kiln_raise(exc: Value, cause: Value) -> Value {
    let e = make_exception(exc);
    if e.is_null() {
        return e;
    }
    if !cause.is_null() {
        let c = if cause == none() {
            none()
        } else {
            make_exception(cause)
        };
        if c.is_null() {
            if errors::current_matches(exc_types().type_error) {
                errors::fetch();
                errors::type_error("exception causes must derive from BaseException");
            }
            return Value::NULL;
        }
        let eo = exception::get(e);
        eo.cause = c;
        eo.suppress_context = true;
    }
    errors::raise(e)
}

/// Bare `raise`: re-raises the exception being handled.
#[no_mangle]
pub extern "C" fn kiln_raise_current() -> Value {
    let h = errors::handled();
    if h.is_null() || h == none() {
        return errors::runtime_error("No active exception to reraise");
    }
    errors::reraise(h)
}

#[no_mangle]
pub extern "C" fn kiln_reraise(exc: Value) -> Value {
    errors::reraise(exc)
}

/// At a handler's entry: takes the exception being raised.
#[no_mangle]
pub extern "C" fn kiln_fetch_exception() -> Value {
    let e = errors::fetch();
    if e.is_null() {
        // Should not happen; keep the program going with a clear error.
        return exception::new(
            exc_types().runtime_error,
            &[pystr::new("kiln: handler entered without an exception")],
        );
    }
    e
}

/// PUSH_EXC_INFO: makes `exc` the handled exception and returns the previous one.
#[no_mangle]
pub extern "C" fn kiln_push_exc_info(exc: Value) -> Value {
    let prev = errors::handled();
    errors::set_handled(exc);
    if prev.is_null() {
        none()
    } else {
        prev
    }
}

/// POP_EXCEPT: restores the previously handled exception.
#[no_mangle]
pub extern "C" fn kiln_pop_except(prev: Value) {
    errors::set_handled(if prev == none() { Value::NULL } else { prev });
}

#[no_mangle]
pub extern "C" fn kiln_check_exc_match(exc: Value, ty: Value) -> i32 {
    fn is_exc_class(t: Value) -> bool {
        !t.is_small() && kind_of(t) == Kind::Type && is_subtype(t.ptr(), exc_types().base_exception)
    }
    let types: Vec<Value> = if !ty.is_small() && kind_of(ty) == Kind::Tuple {
        tuple::items(ty).to_vec()
    } else {
        vec![ty]
    };
    for t in &types {
        if !is_exc_class(*t) {
            errors::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            );
            return -1;
        }
    }
    types.iter().any(|t| is_subtype(type_of(exc), t.ptr())) as i32
}

#[no_mangle]
pub extern "C" fn kiln_load_assertion_error() -> Value {
    Value::from_ptr(exc_types().assertion_error)
}

/// BEFORE_WITH: `out[0]` the bound `__exit__`, `out[1]` what `__enter__` returned.
#[no_mangle]
pub unsafe extern "C" fn kiln_before_with(mgr: Value, out: *mut Value) -> i32 {
    let t = type_of(mgr);
    let enter = type_lookup(t, pystr::intern("__enter__"));
    let exit = type_lookup(t, pystr::intern("__exit__"));
    if enter.is_null() || exit.is_null() {
        let missing = if enter.is_null() {
            ""
        } else {
            " (missed __exit__ method)"
        };
        errors::type_error(&format!(
            "'{}' object does not support the context manager protocol{missing}",
            type_name_of(mgr)
        ));
        return -1;
    }
    let bound_exit = ops::getattr(mgr, pystr::intern("__exit__"));
    if bound_exit.is_null() {
        return -1;
    }
    let r = ops::call(enter, &[mgr], Value::NULL);
    if r.is_null() {
        return -1;
    }
    *out = bound_exit;
    *out.add(1) = r;
    0
}

/// WITH_EXCEPT_START: calls `exit(type, value, traceback)` for the exception `exc`.
#[no_mangle]
pub extern "C" fn kiln_with_exit(exit: Value, exc: Value) -> Value {
    let tb = if exception::is_exception(exc) {
        exception::get(exc).traceback
    } else {
        none()
    };
    ops::call(exit, &[Value::from_ptr(type_of(exc)), exc, tb], Value::NULL)
}

/// Calls `exit(None, None, None)` at the normal end of a `with` block.
#[no_mangle]
pub extern "C" fn kiln_with_exit_none(exit: Value) -> Value {
    ops::call(exit, &[none(), none(), none()], Value::NULL)
}

// ---- cells ---------------------------------------------------------------------------------

#[no_mangle]
pub extern "C" fn kiln_new_cell(v: Value) -> Value {
    cell::new(v)
}

#[no_mangle]
pub extern "C" fn kiln_cell_get(c: Value) -> Value {
    cell::get(c)
}

#[no_mangle]
pub extern "C" fn kiln_cell_set(c: Value, v: Value) {
    cell::set(c, v)
}

/// LOAD_CLASSDEREF: the class body's locals first, then the cell.
#[no_mangle]
pub unsafe extern "C" fn kiln_load_classderef(f: *mut Frame, name: Value, c: Value) -> Value {
    let locals = (*f).locals;
    if !locals.is_null() {
        let v = dict::get_str(locals, name);
        if !v.is_null() {
            return v;
        }
    }
    let v = cell::get(c);
    if v.is_null() {
        return exception::raise_name_error(&unbound_free_message(pystr::as_str(name)), name);
    }
    v
}

// ---- generators and coroutines -------------------------------------------------------------

/// SEND: drives `receiver` with `v`; 0 when it yielded, 1 when it returned (`out[0]` holds the
/// value either way), -1 on error.
#[no_mangle]
pub unsafe extern "C" fn kiln_send(receiver: Value, v: Value, out: *mut Value) -> i32 {
    let pending = crate::objects::generator::take_pending();
    if !pending.is_null() {
        *out = pending;
        return 1;
    }
    let mut r = Value::NULL;
    let s = crate::objects::generator::send_step(receiver, v, &mut r);
    *out = r;
    s
}

/// GET_YIELD_FROM_ITER: generators (and coroutines) as they are, other iterables' iterators.
#[no_mangle]
pub extern "C" fn kiln_get_yield_from_iter(v: Value) -> Value {
    if crate::objects::generator::is_generator(v) {
        return v;
    }
    ops::iter(v)
}

/// GET_AWAITABLE: a coroutine as it is, else the iterator `__await__` returns.
#[no_mangle]
pub extern "C" fn kiln_get_awaitable(v: Value, _where: i64) -> Value {
    if crate::objects::generator::is_generator(v) && type_of(v) == crate::object::types().coroutine
    {
        return v;
    }
    let f = type_lookup(type_of(v), pystr::intern("__await__"));
    if f.is_null() {
        return errors::type_error(&format!(
            "object {} can't be used in 'await' expression",
            type_name_of(v)
        ));
    }
    let it = ops::call(f, &[v], Value::NULL);
    if it.is_null() {
        return it;
    }
    if crate::objects::generator::is_generator(it)
        && type_of(it) == crate::object::types().coroutine
    {
        return errors::type_error("__await__() returned a coroutine");
    }
    it
}

/// GET_AITER: `v.__aiter__()`.
#[no_mangle]
pub extern "C" fn kiln_get_aiter(v: Value) -> Value {
    let f = type_lookup(type_of(v), pystr::intern("__aiter__"));
    if f.is_null() {
        return errors::type_error(&format!(
            "'async for' requires an object with __aiter__ method, got {}",
            type_name_of(v)
        ));
    }
    ops::call(f, &[v], Value::NULL)
}

/// GET_ANEXT: the awaitable of `aiter.__anext__()`.
#[no_mangle]
pub extern "C" fn kiln_get_anext(aiter: Value) -> Value {
    let f = type_lookup(type_of(aiter), pystr::intern("__anext__"));
    if f.is_null() {
        return errors::type_error(&format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            type_name_of(aiter)
        ));
    }
    let r = ops::call(f, &[aiter], Value::NULL);
    if r.is_null() {
        return r;
    }
    kiln_get_awaitable(r, 0)
}

/// END_ASYNC_FOR: 1 when `exc` is StopAsyncIteration (the loop ends); otherwise re-raises it.
#[no_mangle]
pub extern "C" fn kiln_end_async_for(exc: Value) -> i32 {
    if is_subtype(type_of(exc), exc_types().stop_async_iteration) {
        return 1;
    }
    errors::reraise(exc);
    -1
}

/// BEFORE_ASYNC_WITH: `out` = [bound `__aexit__`, the awaitable of `__aenter__()`].
#[no_mangle]
pub unsafe extern "C" fn kiln_before_async_with(mgr: Value, out: *mut Value) -> i32 {
    let t = type_of(mgr);
    let enter = type_lookup(t, pystr::intern("__aenter__"));
    let exit = type_lookup(t, pystr::intern("__aexit__"));
    if enter.is_null() || exit.is_null() {
        errors::type_error(&format!(
            "'{}' object does not support the asynchronous context manager protocol",
            type_name_of(mgr)
        ));
        return -1;
    }
    let bound_exit = ops::getattr(mgr, pystr::intern("__aexit__"));
    if bound_exit.is_null() {
        return -1;
    }
    let r = ops::call(enter, &[mgr], Value::NULL);
    if r.is_null() {
        return -1;
    }
    let aw = kiln_get_awaitable(r, 1);
    if aw.is_null() {
        return -1;
    }
    *out = bound_exit;
    *out.add(1) = aw;
    0
}

/// ASYNC_GEN_WRAP: marks the value of an async generator's `yield`.
#[no_mangle]
pub extern "C" fn kiln_async_gen_wrap(v: Value) -> Value {
    crate::objects::async_generator::wrap(v)
}

// ---- pattern matching and except* ------------------------------------------------------------

#[no_mangle]
pub extern "C" fn kiln_match_mapping(v: Value) -> Value {
    bool_value(crate::patterns::is_mapping(v))
}

#[no_mangle]
pub extern "C" fn kiln_match_sequence(v: Value) -> Value {
    bool_value(crate::patterns::is_sequence(v))
}

#[no_mangle]
pub extern "C" fn kiln_match_keys(subject: Value, keys: Value) -> Value {
    crate::patterns::match_keys(subject, keys)
}

#[no_mangle]
pub extern "C" fn kiln_copy_dict_without_keys(subject: Value, keys: Value) -> Value {
    crate::patterns::copy_without_keys(subject, keys)
}

#[no_mangle]
pub extern "C" fn kiln_match_class(subject: Value, cls: Value, names: Value, count: i64) -> Value {
    crate::patterns::match_class(subject, cls, count as usize, names)
}

/// CHECK_EG_MATCH: `out` = [rest, match]; the match becomes the handled exception.
#[no_mangle]
pub unsafe extern "C" fn kiln_check_eg_match(eg: Value, ty: Value, out: *mut Value) -> i32 {
    match crate::patterns::check_eg_match(eg, ty) {
        Some((rest, m)) => {
            *out = rest;
            *out.add(1) = m;
            if m != none() {
                errors::set_handled(m);
            }
            0
        }
        None => -1,
    }
}

#[no_mangle]
pub extern "C" fn kiln_prep_reraise_star(orig: Value, excs: Value) -> Value {
    crate::patterns::prep_reraise_star(orig, excs)
}

// ---- introspection ---------------------------------------------------------------------------

/// `locals()`, `vars()` or `dir()` with no arguments in a compiled function: `names` and `vals`
/// are the function's locals (null when unbound; cells for cell and free variables). Calls `f`
/// plainly when it is not the builtin.
#[no_mangle]
pub unsafe extern "C" fn kiln_call_with_locals(
    frame: *mut Frame,
    f: Value,
    vals: *const Value,
    n: usize,
) -> Value {
    let all = slice(vals, n);
    let (names, vals) = (all[0], &all[1..]);
    let which = if !f.is_small() && kind_of(f) == Kind::BuiltinFunction {
        let b = crate::objects::builtin_function::get(f);
        if b.bound.is_null() {
            pystr::as_str(b.name)
        } else {
            ""
        }
    } else {
        ""
    };
    if !matches!(which, "locals" | "vars" | "dir")
        || f != dict::get_by_name(crate::builtins::dict(), which)
    {
        return ops::call(f, &[], Value::NULL);
    }
    let c = &*(*frame).code;
    let kinds = tuple::items(c.kinds);
    let d = dict::new();
    for (i, name) in tuple::items(names).iter().enumerate() {
        let mut v = vals[i];
        if !v.is_null()
            && kinds.get(i).map(|k| k.small() != 0).unwrap_or(false)
            && kind_of(v) == Kind::Cell
        {
            v = cell::get(v);
        }
        if !v.is_null() && !dict::set_item(d, *name, v) {
            return Value::NULL;
        }
    }
    if which == "dir" {
        let l = list::from_vec(dict::keys(d));
        if !list::sort(l, Value::NULL, false) {
            return Value::NULL;
        }
        return l;
    }
    d
}
