//! The built-in functions and names added after the first runtime: the new types (`set`,
//! `frozenset`, `bytearray`, `complex`, `property`, `classmethod`, `staticmethod`, `super`),
//! `vars`, `dir`, `locals`, `open`, `iter(callable, sentinel)`, `aiter`/`anext`, `__import__`,
//! and fuller versions of `pow`, `round`, `abs`, `divmod`, `isinstance`, `issubclass`.

use crate::errors;
use crate::object::{
    alloc_object, bool_value, exc_types, is_subtype, kind_of, none, type_lookup, type_name_of,
    type_of, types, Kind, TypeObject,
};
use crate::objects::builtin_function::{self, check_count, parse_kw, NativeFn};
use crate::objects::{complex, dict, float, int, list, module, set, str as pystr, tuple, type_};
use crate::ops;
use crate::value::{Header, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

fn kw_count(kwnames: Value) -> usize {
    if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    }
}

#[inline]
fn no_kw(name: &str, kwnames: Value) -> bool {
    kw_count(kwnames) == 0 || keywords_given(name)
}

#[cold]
#[inline(never)]
fn keywords_given(name: &str) -> bool {
    errors::type_error(&format!("{name}() takes no keyword arguments"));
    false
}

// ---- dir, vars, locals -----------------------------------------------------------------------

/// The attributes of the instance `v` that CPython's `dir` finds as descriptors in the type
/// dicts and kiln serves without a dict entry: the instance `__dict__` of a class statement's
/// instances, the attributes of exceptions and functions. (Only names `v.name` gives.)
fn instance_names(v: Value) -> Vec<&'static str> {
    let mut out = Vec::new();
    if v.is_small() {
        return out;
    }
    let t = type_of(v);
    if type_::is_heap_type(t) && type_::dict_slot(v).is_some() {
        out.push("__dict__");
    }
    match kind_of(v) {
        Kind::Exception => {
            out.extend_from_slice(&[
                "__cause__",
                "__context__",
                "__suppress_context__",
                "__traceback__",
                "args",
            ]);
            out.extend_from_slice(crate::objects::exception::field_names(t));
        }
        Kind::Function => out.extend_from_slice(&[
            "__annotations__",
            "__builtins__",
            "__closure__",
            "__code__",
            "__defaults__",
            "__dict__",
            "__globals__",
            "__kwdefaults__",
            "__module__",
            "__name__",
            "__qualname__",
        ]),
        _ => {}
    }
    out
}

fn merge_class_dict(t: *mut TypeObject, out: &Value) -> bool {
    unsafe {
        let heap = type_::is_heap_type(t);
        for k in dict::keys((*t).dict) {
            // CPython keeps a class's `__qualname__` out of its dict.
            if heap && pystr::is_str(k) && pystr::as_str(k) == "__qualname__" {
                continue;
            }
            if !dict::set_item(*out, k, none()) {
                return false;
            }
        }
        for b in tuple::items((*t).bases) {
            if !merge_class_dict(b.ptr(), out) {
                return false;
            }
        }
    }
    true
}

fn sorted_keys(d: Value) -> Value {
    let l = list::from_vec(dict::keys(d));
    if !list::sort(l, Value::NULL, false) {
        return Value::NULL;
    }
    l
}

/// `dir(v)`: the sorted attribute names, as `object.__dir__`, `type.__dir__` and
/// `module.__dir__` give them.
pub fn dir_of(v: Value) -> Value {
    let names = dict::new();
    if !v.is_small() && kind_of(v) == Kind::Module {
        return sorted_keys(module::dict_of(v));
    }
    if !v.is_small() && kind_of(v) == Kind::Type {
        if !merge_class_dict(v.ptr(), &names) {
            return Value::NULL;
        }
        return sorted_keys(names);
    }
    if let Some(p) = type_::dict_slot(v) {
        let d = unsafe { *p };
        if !d.is_null() {
            for k in dict::keys(d) {
                if !dict::set_item(names, k, none()) {
                    return Value::NULL;
                }
            }
        }
    }
    for n in instance_names(v) {
        if !dict::set_item(names, pystr::intern(n), none()) {
            return Value::NULL;
        }
    }
    if !v.is_small() && kind_of(v) == Kind::Function {
        let d = crate::objects::function::get(v).dict;
        if !d.is_null() {
            for k in dict::keys(d) {
                if !dict::set_item(names, k, none()) {
                    return Value::NULL;
                }
            }
        }
    }
    if !merge_class_dict(type_of(v), &names) {
        return Value::NULL;
    }
    sorted_keys(names)
}

/// `dir(v)` (a sorted list, `__dir__` overrides included); null with an exception on failure.
pub fn dir(v: Value) -> Value {
    b_dir(&[v], Value::NULL)
}

fn b_dir(args: &[Value], kw: Value) -> Value {
    if !no_kw("dir", kw) || !check_count("dir", args.len(), 0, 1) {
        return Value::NULL;
    }
    if args.is_empty() {
        let l = b_locals(&[], Value::NULL);
        if l.is_null() {
            return l;
        }
        return sorted_keys(l);
    }
    let v = args[0];
    let f = type_::user_override(type_of(v), "__dir__");
    if !f.is_null() {
        let r = type_::call_bound(f, v, &[]);
        if r.is_null() {
            return r;
        }
        let l = list::with_capacity(0);
        if !list::extend(l, r) || !list::sort(l, Value::NULL, false) {
            return Value::NULL;
        }
        return l;
    }
    dir_of(v)
}

fn b_vars(args: &[Value], kw: Value) -> Value {
    if !no_kw("vars", kw) || !check_count("vars", args.len(), 0, 1) {
        return Value::NULL;
    }
    if args.is_empty() {
        return b_locals(&[], Value::NULL);
    }
    let r = ops::getattr(args[0], pystr::intern("__dict__"));
    if r.is_null() && errors::current_matches(exc_types().attribute_error) {
        errors::fetch();
        return errors::type_error("vars() argument must have __dict__ attribute");
    }
    r
}

fn b_locals(args: &[Value], kw: Value) -> Value {
    if !no_kw("locals", kw) || !check_count("locals", args.len(), 0, 0) {
        return Value::NULL;
    }
    let f = crate::frame::current();
    if f.is_null() {
        return dict::new();
    }
    let l = unsafe { (*f).locals };
    if !l.is_null() {
        return l;
    }
    errors::not_implemented("kiln: locals() inside a function is not supported yet")
}

// ---- iter(callable, sentinel), aiter, anext ------------------------------------------------

#[repr(C)]
pub struct CallIterObject {
    pub header: Header,
    pub func: Value,
    pub sentinel: Value,
}

fn b_iter(args: &[Value], kw: Value) -> Value {
    if !no_kw("iter", kw) || !check_count("iter", args.len(), 1, 2) {
        return Value::NULL;
    }
    if args.len() == 1 {
        return ops::iter(args[0]);
    }
    if !ops::is_callable(args[0]) {
        return errors::type_error("iter(v, w): v must be callable");
    }
    let v = alloc_object(types().call_iter, std::mem::size_of::<CallIterObject>());
    if !v.is_null() {
        unsafe {
            (*v.ptr::<CallIterObject>()).func = args[0];
            (*v.ptr::<CallIterObject>()).sentinel = args[1];
        }
    }
    v
}

/// The next item of `iter(callable, sentinel)`.
pub fn call_iter_next(it: Value) -> Value {
    unsafe {
        let o = it.ptr::<CallIterObject>();
        if (*o).func.is_null() {
            return Value::DONE;
        }
        let r = ops::call((*o).func, &[], Value::NULL);
        if r.is_null() {
            if errors::current_matches(exc_types().stop_iteration) {
                errors::fetch();
                (*o).func = Value::NULL;
                return Value::DONE;
            }
            return r;
        }
        match ops::eq(r, (*o).sentinel) {
            Some(true) => {
                (*o).func = Value::NULL;
                Value::DONE
            }
            Some(false) => r,
            None => Value::NULL,
        }
    }
}

fn b_aiter(args: &[Value], kw: Value) -> Value {
    if !no_kw("aiter", kw) || !check_count("aiter", args.len(), 1, 1) {
        return Value::NULL;
    }
    let r = ops::call_dunder(args[0], "__aiter__", &[]);
    if r.is_null() && !errors::occurred() {
        return errors::type_error(&format!(
            "'{}' object is not an async iterable",
            type_name_of(args[0])
        ));
    }
    r
}

fn b_anext(args: &[Value], kw: Value) -> Value {
    if !no_kw("anext", kw) || !check_count("anext", args.len(), 1, 2) {
        return Value::NULL;
    }
    if args.len() == 2 {
        return builtin_function::not_yet("anext() with a default");
    }
    let r = ops::call_dunder(args[0], "__anext__", &[]);
    if r.is_null() && !errors::occurred() {
        return errors::type_error(&format!(
            "'{}' object is not an async iterator",
            type_name_of(args[0])
        ));
    }
    r
}

/// `exit(code=None)` and `quit(code=None)`, which CPython's `site` module adds to the
/// builtins: `SystemExit(code)`.
fn b_exit(args: &[Value], kw: Value) -> Value {
    let Some(p) = parse_kw("exit", args, kw, &["code"], 0) else {
        return Value::NULL;
    };
    let code = if p[0].is_null() { none() } else { p[0] };
    errors::raise_args(crate::object::exc_types().system_exit, &[code])
}

fn b_import(args: &[Value], kw: Value) -> Value {
    let Some(p) = parse_kw(
        "__import__",
        args,
        kw,
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    ) else {
        return Value::NULL;
    };
    if !pystr::is_str(p[0]) {
        return errors::type_error(&format!(
            "__import__() argument 1 must be str, not {}",
            type_name_of(p[0])
        ));
    }
    let level = if p[4].is_null() {
        Value::from_small(0)
    } else {
        p[4]
    };
    let fromlist = if p[3].is_null() { none() } else { p[3] };
    let globals = if p[1].is_null() || p[1] == none() {
        Value::NULL
    } else {
        p[1]
    };
    crate::import::import_name(globals, p[0], fromlist, level)
}

// ---- numbers ---------------------------------------------------------------------------------

fn b_abs(args: &[Value], kw: Value) -> Value {
    if !no_kw("abs", kw) || !check_count("abs", args.len(), 1, 1) {
        return Value::NULL;
    }
    let v = args[0];
    let f = type_::heap_override(v, "__abs__");
    if !f.is_null() {
        return type_::call_bound(f, v, &[]);
    }
    if int::is_int(v) {
        return int::abs(v);
    }
    if float::is_float(v) {
        return float::new(float::value(v).abs());
    }
    if complex::is_complex(v) {
        return complex::abs(v);
    }
    let r = ops::call_dunder(v, "__abs__", &[]);
    if !r.is_null() || errors::occurred() {
        return r;
    }
    errors::type_error(&format!(
        "bad operand type for abs(): '{}'",
        type_name_of(v)
    ))
}

fn b_divmod(args: &[Value], kw: Value) -> Value {
    if !no_kw("divmod", kw) || !check_count("divmod", args.len(), 2, 2) {
        return Value::NULL;
    }
    let (a, b) = (args[0], args[1]);
    let (ta, tb) = (type_of(a), type_of(b));
    if type_::is_heap_type(ta) || type_::is_heap_type(tb) {
        let b_first = ta != tb && is_subtype(tb, ta);
        let left = || {
            let f = if type_::is_heap_type(ta) {
                type_::user_override(ta, "__divmod__")
            } else {
                Value::NULL
            };
            if f.is_null() {
                return builtin_divmod(a, b);
            }
            type_::call_bound(f, a, &[b])
        };
        let right = || {
            let f = if type_::is_heap_type(tb) {
                type_::user_override(tb, "__rdivmod__")
            } else {
                Value::NULL
            };
            if f.is_null() {
                return builtin_divmod(a, b);
            }
            type_::call_bound(f, b, &[a])
        };
        let ni = crate::object::notimplemented();
        if b_first {
            let r = right();
            if r != ni {
                return r;
            }
        }
        let r = left();
        if r != ni {
            return r;
        }
        if !b_first && ta != tb {
            let r = right();
            if r != ni {
                return r;
            }
        }
        return divmod_error(a, b);
    }
    let r = builtin_divmod(a, b);
    if r == crate::object::notimplemented() {
        return divmod_error(a, b);
    }
    r
}

fn divmod_error(a: Value, b: Value) -> Value {
    errors::type_error(&format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name_of(a),
        type_name_of(b)
    ))
}

fn builtin_divmod(a: Value, b: Value) -> Value {
    if int::is_int(a) && int::is_int(b) {
        let q = int::binary(a, b, int::BinOp::FloorDiv);
        if q.is_null() {
            return q;
        }
        let r = int::binary(a, b, int::BinOp::Mod);
        if r.is_null() {
            return r;
        }
        return tuple::new(&[q, r]);
    }
    let num = |v: Value| int::is_int(v) || float::is_float(v);
    if num(a) && num(b) {
        let (Some(x), Some(y)) = (float::coerce(a), float::coerce(b)) else {
            return Value::NULL;
        };
        return match float::divmod(x, y) {
            Some((q, r)) => tuple::new(&[float::new(q), float::new(r)]),
            None => Value::NULL,
        };
    }
    crate::object::notimplemented()
}

fn b_pow(args: &[Value], kwnames: Value) -> Value {
    let Some(p) = parse_kw("pow", args, kwnames, &["base", "exp", "mod"], 2) else {
        return Value::NULL;
    };
    if p[2].is_null() || p[2] == none() {
        return ops::binary_op(p[0], p[1], int::BinOp::Pow);
    }
    if !(int::is_int(p[0]) && int::is_int(p[1]) && int::is_int(p[2])) {
        let f = ops::call_dunder(p[0], "__pow__", &[p[1], p[2]]);
        if !f.is_null() && f != crate::object::notimplemented() {
            return f;
        }
        if errors::occurred() {
            return Value::NULL;
        }
        if complex::is_complex(p[0]) || complex::is_complex(p[1]) {
            return errors::value_error("complex modulo");
        }
        return errors::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        );
    }
    let (b, e, m) = (int::to_big(p[0]), int::to_big(p[1]), int::to_big(p[2]));
    if m.is_zero() {
        return errors::value_error("pow() 3rd argument cannot be 0");
    }
    let am = m.abs();
    let (base, exp) = if e.is_negative() {
        // Modular inverse of the base, then the positive power.
        let bm = b.mod_floor(&am);
        let g = bm.extended_gcd(&am);
        if !g.gcd.is_one() {
            return errors::value_error("base is not invertible for the given modulus");
        }
        (g.x.mod_floor(&am), -e)
    } else {
        (b.mod_floor(&am), e)
    };
    let mut r = if am.is_one() {
        BigInt::zero()
    } else {
        base.modpow(&exp, &am)
    };
    if m.is_negative() && !r.is_zero() {
        r -= &am;
    }
    int::from_big(r)
}

fn b_round(args: &[Value], kwnames: Value) -> Value {
    let Some(p) = parse_kw("round", args, kwnames, &["number", "ndigits"], 1) else {
        return Value::NULL;
    };
    let (x, nd) = (p[0], p[1]);
    let nd = if nd == none() { Value::NULL } else { nd };
    let f = type_::heap_override(x, "__round__");
    if !f.is_null() {
        return if nd.is_null() {
            type_::call_bound(f, x, &[])
        } else {
            type_::call_bound(f, x, &[nd])
        };
    }
    if int::is_int(x) {
        return round_int(x, nd);
    }
    if float::is_float(x) {
        return round_float(float::value(x), nd);
    }
    let r = if nd.is_null() {
        ops::call_dunder(x, "__round__", &[])
    } else {
        ops::call_dunder(x, "__round__", &[nd])
    };
    if !r.is_null() || errors::occurred() {
        return r;
    }
    errors::type_error(&format!(
        "type {} doesn't define __round__ method",
        type_name_of(x)
    ))
}

/// `int.__round__(x, ndigits)`.
pub fn round_int(x: Value, nd: Value) -> Value {
    if nd.is_null() {
        return int::from_big(int::to_big(x));
    }
    let Some(n) = ndigits(nd) else {
        return Value::NULL;
    };
    if n >= 0 {
        return int::from_big(int::to_big(x));
    }
    let Ok(e) = u32::try_from(-(n as i128)) else {
        return Value::from_small(0);
    };
    if e > 100_000 {
        return Value::from_small(0);
    }
    let m = BigInt::from(10).pow(e);
    let v = int::to_big(x);
    let (q, r) = v.div_mod_floor(&m);
    let twice = &r * 2;
    let q = if twice > m || (twice == m && q.is_odd()) {
        q + 1
    } else {
        q
    };
    int::from_big(q * m)
}

fn ndigits(nd: Value) -> Option<i64> {
    if !int::is_int(nd) {
        let r = ops::call_dunder(nd, "__index__", &[]);
        if r.is_null() {
            if !errors::occurred() {
                errors::type_error(&format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name_of(nd)
                ));
            }
            return None;
        }
        return ndigits(r);
    }
    Some(
        int::as_i64(nd).unwrap_or(if int::sign(nd) == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
    )
}

/// `float.__round__(x, ndigits)`.
pub fn round_float(x: f64, nd: Value) -> Value {
    if nd.is_null() {
        let r = x.round_ties_even();
        return float::to_int(r);
    }
    let Some(n) = ndigits(nd) else {
        return Value::NULL;
    };
    if !x.is_finite() || x == 0.0 {
        return float::new(x);
    }
    if n > 323 {
        return float::new(x);
    }
    if n < -308 {
        return float::new(0.0f64.copysign(x));
    }
    if n >= 0 {
        return float::new(crate::builtins::format::round_float(x, n));
    }
    let pow1 = 10f64.powi((-n) as i32);
    let y = x / pow1;
    let mut z = y.round();
    if (y - z).abs() == 0.5 {
        z = 2.0 * (y / 2.0).round();
    }
    let r = z * pow1;
    if !r.is_finite() {
        return errors::overflow_error("rounded value too large to represent");
    }
    float::new(r)
}

// ---- isinstance / issubclass -----------------------------------------------------------------

fn class_check(v: Value, cls: Value, name: &str, sub: bool, depth: u32) -> Option<bool> {
    if depth > 1000 {
        errors::raise_msg(
            exc_types().recursion_error,
            &format!("maximum recursion depth exceeded in {name}"),
        );
        return None;
    }
    if !cls.is_small() && kind_of(cls) == Kind::Type {
        let meta = type_of(cls);
        if type_::is_heap_type(meta) {
            let hook = type_::user_override(
                meta,
                if sub {
                    "__subclasscheck__"
                } else {
                    "__instancecheck__"
                },
            );
            if !hook.is_null() {
                let r = ops::call(hook, &[cls, v], Value::NULL);
                if r.is_null() {
                    return None;
                }
                return match ops::truthy(r) {
                    -1 => None,
                    t => Some(t == 1),
                };
            }
        }
        if sub {
            return Some(is_subtype(v.ptr(), cls.ptr()));
        }
        if crate::object::isinstance(v, cls.ptr()) {
            return Some(true);
        }
        if !type_::is_heap_type(type_of(v)) {
            // A built-in type's instances answer `__class__` with their type (object's
            // descriptor, which nothing can shadow there): nothing more to look at.
            return Some(false);
        }
        let c = ops::getattr_opt(v, pystr::intern("__class__"));
        if !c.is_null()
            && c != Value::from_ptr(type_of(v))
            && !c.is_small()
            && kind_of(c) == Kind::Type
        {
            return Some(is_subtype(c.ptr(), cls.ptr()));
        }
        if c.is_null() && errors::occurred() {
            return None;
        }
        return Some(false);
    }
    if !cls.is_small() && kind_of(cls) == Kind::Tuple {
        for c in tuple::items(cls).to_vec() {
            if class_check(v, c, name, sub, depth + 1)? {
                return Some(true);
            }
        }
        return Some(false);
    }
    if let Some(members) = crate::objects::slots::union_members(cls) {
        for c in members {
            if class_check(v, c, name, sub, depth + 1)? {
                return Some(true);
            }
        }
        return Some(false);
    }
    // Any other object answers through its type's __instancecheck__ / __subclasscheck__
    // (typing's aliases: `isinstance([], typing.List)`).
    if !cls.is_small() && type_::is_heap_type(type_of(cls)) {
        let hook = type_::user_override(
            type_of(cls),
            if sub {
                "__subclasscheck__"
            } else {
                "__instancecheck__"
            },
        );
        if !hook.is_null() {
            let r = ops::call(hook, &[cls, v], Value::NULL);
            if r.is_null() {
                return None;
            }
            return match ops::truthy(r) {
                -1 => None,
                t => Some(t == 1),
            };
        }
    }
    let (what, whats) = if sub {
        ("class", "classes")
    } else {
        ("type", "types")
    };
    errors::type_error(&if crate::sys::bytecode_version() < (3, 10) {
        format!("{name}() arg 2 must be a {what} or tuple of {whats}")
    } else {
        format!("{name}() arg 2 must be a {what}, a tuple of {whats}, or a union")
    });
    None
}

/// `issubclass(v, cls)` (`v` a class) with `cls`'s `__subclasscheck__`; None with the error set.
pub fn is_subclass(v: Value, cls: Value) -> Option<bool> {
    class_check(v, cls, "issubclass", true, 0)
}

fn b_isinstance(args: &[Value], kw: Value) -> Value {
    if !no_kw("isinstance", kw) || !check_count("isinstance", args.len(), 2, 2) {
        return Value::NULL;
    }
    match class_check(args[0], args[1], "isinstance", false, 0) {
        Some(b) => bool_value(b),
        None => Value::NULL,
    }
}

fn b_issubclass(args: &[Value], kw: Value) -> Value {
    if !no_kw("issubclass", kw) || !check_count("issubclass", args.len(), 2, 2) {
        return Value::NULL;
    }
    if args[0].is_small() || kind_of(args[0]) != Kind::Type {
        return errors::type_error("issubclass() arg 1 must be a class");
    }
    match class_check(args[0], args[1], "issubclass", true, 0) {
        Some(b) => bool_value(b),
        None => Value::NULL,
    }
}

fn b_open(args: &[Value], kw: Value) -> Value {
    crate::objects::file::open(args, kw)
}

fn b_hash(args: &[Value], kw: Value) -> Value {
    if !no_kw("hash", kw) || !check_count("hash", args.len(), 1, 1) {
        return Value::NULL;
    }
    match ops::hash(args[0]) {
        Some(h) => int::from_i64(h),
        None => Value::NULL,
    }
}

fn radix_fn(args: &[Value], kw: Value, name: &str, radix: u32, prefix: &str) -> Value {
    if !no_kw(name, kw) || !check_count(name, args.len(), 1, 1) {
        return Value::NULL;
    }
    let mut v = args[0];
    if !int::is_int(v) {
        let r = ops::call_dunder(v, "__index__", &[]);
        if r.is_null() {
            if errors::occurred() {
                return r;
            }
            return errors::type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                type_name_of(v)
            ));
        }
        v = r;
    }
    let b = int::to_big(v);
    let digits = crate::format::int_to_str_radix(&b.abs(), radix);
    let sign = if b.is_negative() { "-" } else { "" };
    pystr::new(&format!("{sign}{prefix}{digits}"))
}
fn b_hex(a: &[Value], k: Value) -> Value {
    radix_fn(a, k, "hex", 16, "0x")
}
fn b_oct(a: &[Value], k: Value) -> Value {
    radix_fn(a, k, "oct", 8, "0o")
}
fn b_bin(a: &[Value], k: Value) -> Value {
    radix_fn(a, k, "bin", 2, "0b")
}

fn b_ord(args: &[Value], kw: Value) -> Value {
    if !no_kw("ord", kw) || !check_count("ord", args.len(), 1, 1) {
        return Value::NULL;
    }
    let v = args[0];
    if pystr::is_str(v) && pystr::char_len(v) == 1 {
        return Value::from_small(pystr::char_at(v, 0) as i64);
    }
    if crate::objects::bytes::is_bytes_like(v) {
        let d = crate::objects::bytes::data(v);
        if d.len() != 1 {
            return errors::type_error(&format!(
                "ord() expected a character, but string of length {} found",
                d.len()
            ));
        }
        return Value::from_small(d[0] as i64);
    }
    if !pystr::is_str(v) {
        return errors::type_error(&format!(
            "ord() expected string of length 1, but {} found",
            type_name_of(v)
        ));
    }
    let n = pystr::char_len(v);
    if n != 1 {
        return errors::type_error(&format!(
            "ord() expected a character, but string of length {n} found"
        ));
    }
    Value::from_small(pystr::char_at(v, 0) as i64)
}

fn b_callable(args: &[Value], kw: Value) -> Value {
    if !no_kw("callable", kw) || !check_count("callable", args.len(), 1, 1) {
        return Value::NULL;
    }
    let v = args[0];
    if !v.is_small()
        && matches!(
            kind_of(v),
            Kind::Function | Kind::BuiltinFunction | Kind::Method | Kind::Type
        )
    {
        return crate::object::true_();
    }
    bool_value(!type_lookup(type_of(v), pystr::intern("__call__")).is_null())
}

pub fn init() {
    let d = crate::builtins::dict();
    let t = types();
    let type_names: &[(&str, *mut TypeObject)] = &[
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("bytearray", t.bytearray),
        ("complex", t.complex),
        ("property", t.property),
        ("classmethod", t.classmethod),
        ("staticmethod", t.staticmethod),
        ("super", t.super_),
        ("memoryview", crate::objects::memoryview::type_object()),
    ];
    for (name, ty) in type_names {
        dict::set_by_name(d, name, Value::from_ptr(*ty));
    }
    // Frame-dependent functions may come from the frame support in `builtins`; these are the
    // fallbacks (module and class level only for `locals()`).
    let fallbacks: &[(&str, NativeFn)] = &[("dir", b_dir), ("vars", b_vars), ("locals", b_locals)];
    for (name, f) in fallbacks {
        if dict::get_by_name(d, name).is_null() {
            dict::set_by_name(
                d,
                name,
                builtin_function::new(name, *f, builtin_function::PLAIN),
            );
        }
    }
    let fns: &[(&str, NativeFn)] = &[
        ("iter", b_iter),
        ("aiter", b_aiter),
        ("anext", b_anext),
        ("__import__", b_import),
        ("exit", b_exit),
        ("quit", b_exit),
        ("abs", b_abs),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("round", b_round),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("open", b_open),
        ("hash", b_hash),
        ("hex", b_hex),
        ("oct", b_oct),
        ("bin", b_bin),
        ("callable", b_callable),
        ("ord", b_ord),
    ];
    for (name, f) in fns {
        dict::set_by_name(
            d,
            name,
            builtin_function::new(name, *f, builtin_function::PLAIN),
        );
    }
    let _ = set::len;
}
