//! `_operator`: Python's operators as functions (`add`, `lt`, `getitem`, `iadd`, `not_`, ...)
//! and the sequence helpers (`concat`, `contains`, `countOf`, `indexOf`, `length_hint`,
//! `_compare_digest`, `call` from 3.11, `is_none` from 3.14), which `operator.py` takes with
//! `from _operator import *`. Each runs the runtime's own dispatch, so user classes see the
//! same dunder calls as from the operator itself. The callable types `itemgetter`,
//! `attrgetter` and `methodcaller` live in `operator_types`.

use crate::errors;
use crate::object::{bool_value, none, type_lookup, type_name_of, type_of, types};
use crate::objects::builtin_function::NativeFn;
use crate::objects::int::BinOp;
use crate::objects::{bytes, dict, int, module, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

/// The name a one-argument function goes by in its argument-count error (the module's name
/// leads it from 3.9 on).
fn one_arg_name(name: &str) -> String {
    if crate::sys::bytecode_version() >= (3, 9) {
        format!("_operator.{name}")
    } else {
        name.to_string()
    }
}

fn one(name: &str, a: &[Value], k: Value) -> bool {
    super::check_plain(&one_arg_name(name), a, k, 1, 1)
}

fn two(name: &str, a: &[Value], k: Value) -> bool {
    super::check_plain(name, a, k, 2, 2)
}

fn ok_or_null(b: bool) -> Value {
    if b {
        none()
    } else {
        Value::NULL
    }
}

/// Calls the builtin `name` (`abs`, `pow`) with `args`.
fn call_builtin(name: &str, args: &[Value]) -> Value {
    let f = dict::get_by_name(crate::builtins::dict(), name);
    ops::call(f, args, Value::NULL)
}

macro_rules! binary {
    ($($fn_name:ident, $py:literal, $op:ident, $inplace:literal;)*) => {
        $(
            fn $fn_name(a: &[Value], k: Value) -> Value {
                if !two($py, a, k) {
                    return Value::NULL;
                }
                ops::binary_op_full(a[0], a[1], BinOp::$op, $inplace)
            }
        )*
    };
}

binary! {
    o_add, "add", Add, false;
    o_and, "and_", And, false;
    o_floordiv, "floordiv", FloorDiv, false;
    o_lshift, "lshift", LShift, false;
    o_matmul, "matmul", MatMul, false;
    o_mul, "mul", Mul, false;
    o_mod, "mod", Mod, false;
    o_or, "or_", Or, false;
    o_rshift, "rshift", RShift, false;
    o_sub, "sub", Sub, false;
    o_truediv, "truediv", TrueDiv, false;
    o_xor, "xor", Xor, false;
    o_iadd, "iadd", Add, true;
    o_iand, "iand", And, true;
    o_ifloordiv, "ifloordiv", FloorDiv, true;
    o_ilshift, "ilshift", LShift, true;
    o_imatmul, "imatmul", MatMul, true;
    o_imul, "imul", Mul, true;
    o_imod, "imod", Mod, true;
    o_ior, "ior", Or, true;
    o_ipow, "ipow", Pow, true;
    o_irshift, "irshift", RShift, true;
    o_isub, "isub", Sub, true;
    o_itruediv, "itruediv", TrueDiv, true;
    o_ixor, "ixor", Xor, true;
}

fn o_pow(a: &[Value], k: Value) -> Value {
    if !two("pow", a, k) {
        return Value::NULL;
    }
    call_builtin("pow", &a[..2])
}

macro_rules! comparison {
    ($($fn_name:ident, $py:literal, $op:ident;)*) => {
        $(
            fn $fn_name(a: &[Value], k: Value) -> Value {
                if !two($py, a, k) {
                    return Value::NULL;
                }
                ops::compare(a[0], a[1], ops::$op)
            }
        )*
    };
}

comparison! {
    o_lt, "lt", CMP_LT;
    o_le, "le", CMP_LE;
    o_eq, "eq", CMP_EQ;
    o_ne, "ne", CMP_NE;
    o_gt, "gt", CMP_GT;
    o_ge, "ge", CMP_GE;
}

fn o_neg(a: &[Value], k: Value) -> Value {
    if !one("neg", a, k) {
        return Value::NULL;
    }
    ops::negative(a[0])
}

fn o_pos(a: &[Value], k: Value) -> Value {
    if !one("pos", a, k) {
        return Value::NULL;
    }
    ops::positive(a[0])
}

fn o_abs(a: &[Value], k: Value) -> Value {
    if !one("abs", a, k) {
        return Value::NULL;
    }
    call_builtin("abs", &a[..1])
}

fn o_inv(a: &[Value], k: Value) -> Value {
    if !one("inv", a, k) {
        return Value::NULL;
    }
    ops::invert(a[0])
}

fn o_invert(a: &[Value], k: Value) -> Value {
    if !one("invert", a, k) {
        return Value::NULL;
    }
    ops::invert(a[0])
}

fn truth_of(name: &str, a: &[Value], k: Value, want: bool) -> Value {
    if !one(name, a, k) {
        return Value::NULL;
    }
    match ops::truthy(a[0]) {
        -1 => Value::NULL,
        t => bool_value((t == 1) == want),
    }
}

fn o_not(a: &[Value], k: Value) -> Value {
    truth_of("not_", a, k, false)
}

fn o_truth(a: &[Value], k: Value) -> Value {
    truth_of("truth", a, k, true)
}

fn o_is(a: &[Value], k: Value) -> Value {
    if !two("is_", a, k) {
        return Value::NULL;
    }
    bool_value(a[0] == a[1])
}

fn o_is_not(a: &[Value], k: Value) -> Value {
    if !two("is_not", a, k) {
        return Value::NULL;
    }
    bool_value(a[0] != a[1])
}

fn o_is_none(a: &[Value], k: Value) -> Value {
    if !one("is_none", a, k) {
        return Value::NULL;
    }
    bool_value(a[0] == none())
}

fn o_is_not_none(a: &[Value], k: Value) -> Value {
    if !one("is_not_none", a, k) {
        return Value::NULL;
    }
    bool_value(a[0] != none())
}

fn o_index(a: &[Value], k: Value) -> Value {
    if !one("index", a, k) {
        return Value::NULL;
    }
    let r = int::index(a[0]);
    // From 3.10 the result is an exact int (True gives 1).
    if !r.is_null() && crate::sys::bytecode_version() >= (3, 10) && type_of(r) != types().int {
        return int::from_big(int::to_big(r));
    }
    r
}

fn o_getitem(a: &[Value], k: Value) -> Value {
    if !two("getitem", a, k) {
        return Value::NULL;
    }
    ops::getitem(a[0], a[1])
}

fn o_setitem(a: &[Value], k: Value) -> Value {
    if !super::check_plain("setitem", a, k, 3, 3) {
        return Value::NULL;
    }
    ok_or_null(ops::setitem(a[0], a[1], a[2]))
}

fn o_delitem(a: &[Value], k: Value) -> Value {
    if !two("delitem", a, k) {
        return Value::NULL;
    }
    ok_or_null(ops::delitem(a[0], a[1]))
}

fn o_contains(a: &[Value], k: Value) -> Value {
    if !two("contains", a, k) {
        return Value::NULL;
    }
    match ops::contains(a[0], a[1]) {
        -1 => Value::NULL,
        r => bool_value(r == 1),
    }
}

/// Whether `v` is a sequence as the C API sees it: it has `__getitem__` and is no mapping
/// (a dict).
fn is_sequence(v: Value) -> bool {
    if v.is_small() || crate::object::isinstance(v, types().dict) {
        return false;
    }
    !type_lookup(type_of(v), pystr::intern("__getitem__")).is_null()
}

fn concat(name: &str, a: &[Value], k: Value, inplace: bool) -> Value {
    if !two(name, a, k) {
        return Value::NULL;
    }
    if !is_sequence(a[0]) {
        return errors::type_error(&format!(
            "'{}' object can't be concatenated",
            type_name_of(a[0])
        ));
    }
    ops::binary_op_full(a[0], a[1], BinOp::Add, inplace)
}

fn o_concat(a: &[Value], k: Value) -> Value {
    concat("concat", a, k, false)
}

fn o_iconcat(a: &[Value], k: Value) -> Value {
    concat("iconcat", a, k, true)
}

/// Walks `seq` to the first item that is or equals `x` (`stop`) or to its end, counting the
/// items seen or matched. None with an exception.
fn scan(seq: Value, x: Value, stop: bool) -> Option<(i64, bool)> {
    let it = ops::iter(seq);
    if it.is_null() {
        // As CPython, any TypeError from getting the iterator becomes this one.
        if errors::current_matches(crate::object::exc_types().type_error) {
            errors::fetch();
            errors::type_error(&format!(
                "argument of type '{}' is not iterable",
                type_name_of(seq)
            ));
        }
        return None;
    }
    let (mut n, mut i) = (0i64, 0i64);
    loop {
        let item = ops::next(it);
        if item.is_null() {
            return None;
        }
        if item == Value::DONE {
            return Some((if stop { i } else { n }, false));
        }
        let same = item == x || ops::eq(item, x)?;
        if same {
            if stop {
                return Some((i, true));
            }
            n += 1;
        }
        i += 1;
    }
}

fn o_count_of(a: &[Value], k: Value) -> Value {
    if !two("countOf", a, k) {
        return Value::NULL;
    }
    match scan(a[0], a[1], false) {
        Some((n, _)) => int::from_i64(n),
        None => Value::NULL,
    }
}

fn o_index_of(a: &[Value], k: Value) -> Value {
    if !two("indexOf", a, k) {
        return Value::NULL;
    }
    match scan(a[0], a[1], true) {
        Some((i, true)) => int::from_i64(i),
        Some((_, false)) => errors::value_error("sequence.index(x): x not in sequence"),
        None => Value::NULL,
    }
}

/// `length_hint(obj, default=0)`: `len(obj)`, else `obj.__length_hint__()`, else `default`.
fn o_length_hint(a: &[Value], k: Value) -> Value {
    if !super::check_plain("length_hint", a, k, 1, 2) {
        return Value::NULL;
    }
    let obj = a[0];
    let default = match a.get(1) {
        None => 0,
        Some(d) if int::is_int(*d) => match int::index_value(*d, "length_hint") {
            Some(n) => n,
            None => return Value::NULL,
        },
        Some(d) => {
            return errors::type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                type_name_of(*d)
            ))
        }
    };
    if !type_lookup(type_of(obj), pystr::intern("__len__")).is_null() {
        return match ops::len(obj) {
            Some(n) => int::from_i64(n),
            None => Value::NULL,
        };
    }
    let hint = type_lookup(type_of(obj), pystr::intern("__length_hint__"));
    if hint.is_null() {
        return int::from_i64(default);
    }
    let r = crate::objects::type_::call_bound(hint, obj, &[]);
    if r.is_null() {
        if errors::current_matches(crate::object::exc_types().type_error) {
            errors::fetch();
            return int::from_i64(default);
        }
        return r;
    }
    if r == crate::object::notimplemented() {
        return int::from_i64(default);
    }
    if !int::is_int(r) {
        return errors::type_error(&format!(
            "__length_hint__ must be an integer, not {}",
            type_name_of(r)
        ));
    }
    match int::index_value(r, "length_hint") {
        Some(n) if n < 0 => errors::value_error("__length_hint__() should return >= 0"),
        Some(n) => int::from_i64(n),
        None => Value::NULL,
    }
}

/// The bytes of a bytes-like argument of `_compare_digest`.
fn digest_bytes(v: Value) -> Option<&'static [u8]> {
    if bytes::is_bytes_like(v) {
        Some(bytes::data(v))
    } else if crate::objects::memoryview::is_memoryview(v) {
        Some(crate::objects::memoryview::data(v))
    } else {
        None
    }
}

/// Compares every byte whatever the first difference, as a timing-safe comparison must.
fn same_bytes(x: &[u8], y: &[u8]) -> bool {
    let mut diff = (x.len() != y.len()) as u8;
    let y = if x.len() == y.len() { y } else { x };
    for (p, q) in x.iter().zip(y) {
        diff |= p ^ q;
    }
    diff == 0
}

fn o_compare_digest(a: &[Value], k: Value) -> Value {
    if !two("_compare_digest", a, k) {
        return Value::NULL;
    }
    let (x, y) = (a[0], a[1]);
    if pystr::is_str(x) && pystr::is_str(y) {
        let (s, t) = (pystr::as_str(x), pystr::as_str(y));
        if !s.is_ascii() || !t.is_ascii() {
            return errors::type_error(
                "comparing strings with non-ASCII characters is not supported",
            );
        }
        return bool_value(same_bytes(s.as_bytes(), t.as_bytes()));
    }
    // Otherwise both must be bytes-like; when neither is, the pair is named.
    match (digest_bytes(x), digest_bytes(y)) {
        (Some(p), Some(q)) => bool_value(same_bytes(p, q)),
        (None, None) => errors::type_error(&format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            type_name_of(x),
            type_name_of(y)
        )),
        (p, _) => errors::type_error(&format!(
            "a bytes-like object is required, not '{}'",
            type_name_of(if p.is_none() { x } else { y })
        )),
    }
}

/// `call(obj, /, *args, **kwargs)` (3.11 on).
fn o_call(a: &[Value], k: Value) -> Value {
    let nkw = if k.is_null() { 0 } else { tuple::len(k) };
    if a.len() == nkw {
        return errors::type_error("call() missing 1 required positional argument: 'obj'");
    }
    ops::call(a[0], &a[1..], k)
}

pub fn create() -> Value {
    let mut fns: Vec<(&str, NativeFn)> = vec![
        ("add", o_add),
        ("and_", o_and),
        ("floordiv", o_floordiv),
        ("lshift", o_lshift),
        ("matmul", o_matmul),
        ("mul", o_mul),
        ("mod", o_mod),
        ("or_", o_or),
        ("pow", o_pow),
        ("rshift", o_rshift),
        ("sub", o_sub),
        ("truediv", o_truediv),
        ("xor", o_xor),
        ("iadd", o_iadd),
        ("iand", o_iand),
        ("ifloordiv", o_ifloordiv),
        ("ilshift", o_ilshift),
        ("imatmul", o_imatmul),
        ("imul", o_imul),
        ("imod", o_imod),
        ("ior", o_ior),
        ("ipow", o_ipow),
        ("irshift", o_irshift),
        ("isub", o_isub),
        ("itruediv", o_itruediv),
        ("ixor", o_ixor),
        ("lt", o_lt),
        ("le", o_le),
        ("eq", o_eq),
        ("ne", o_ne),
        ("gt", o_gt),
        ("ge", o_ge),
        ("neg", o_neg),
        ("pos", o_pos),
        ("abs", o_abs),
        ("inv", o_inv),
        ("invert", o_invert),
        ("not_", o_not),
        ("truth", o_truth),
        ("is_", o_is),
        ("is_not", o_is_not),
        ("index", o_index),
        ("getitem", o_getitem),
        ("setitem", o_setitem),
        ("delitem", o_delitem),
        ("contains", o_contains),
        ("concat", o_concat),
        ("iconcat", o_iconcat),
        ("countOf", o_count_of),
        ("indexOf", o_index_of),
        ("length_hint", o_length_hint),
        ("_compare_digest", o_compare_digest),
    ];
    let version = crate::sys::bytecode_version();
    if version >= (3, 11) {
        fns.push(("call", o_call));
    }
    if version >= (3, 14) {
        fns.push(("is_none", o_is_none));
        fns.push(("is_not_none", o_is_not_none));
    }
    let m = super::with_functions("_operator", &fns);
    if m.is_null() {
        return m;
    }
    let d = module::dict_of(m);
    dict::set_by_name(
        d,
        "__doc__",
        pystr::intern(
            "Operator interface: Python's operators as functions (operator.add(x, y) is x + y),\n\
             named as the special methods are, also without their surrounding underscores.",
        ),
    );
    super::operator_types::add_to(d);
    m
}
