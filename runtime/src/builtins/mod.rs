//! The `builtins` module: built-in functions and the names of the built-in types.

pub mod extra;
pub mod format;

use crate::errors;
use crate::object::{
    bool_value, exc_types, false_, is_subtype, kind_of, none, true_, type_name_of, type_of, types,
    Kind, TypeObject,
};
use crate::objects::builtin_function::{self, check_count, parse_kw, NativeFn};
use crate::objects::{dict, exception, float, int, list, module, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

pub static mut MODULE: Value = Value::NULL;

pub fn module() -> Value {
    unsafe { MODULE }
}

pub fn dict() -> Value {
    module::dict_of(module())
}

fn kw_count(kwnames: Value) -> usize {
    if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    }
}

fn no_kw(name: &str, kwnames: Value) -> bool {
    if kw_count(kwnames) > 0 {
        errors::type_error(&format!("{name}() takes no keyword arguments"));
        return false;
    }
    true
}

fn b_print(args: &[Value], kwnames: Value) -> Value {
    let nkw = kw_count(kwnames);
    let npos = args.len() - nkw;
    let (mut sep, mut end, mut file, mut flush) = (Value::NULL, Value::NULL, Value::NULL, false);
    for i in 0..nkw {
        let v = args[npos + i];
        match pystr::as_str(tuple::items(kwnames)[i]) {
            "sep" => sep = v,
            "end" => end = v,
            "file" => file = v,
            "flush" => flush = ops::truthy(v) == 1,
            k => {
                return errors::type_error(&format!(
                    "'{k}' is an invalid keyword argument for print()"
                ))
            }
        }
    }
    let text_arg = |v: Value, what: &str, default: &'static str| -> Option<&'static str> {
        if v.is_null() || v == none() {
            Some(default)
        } else if pystr::is_str(v) {
            Some(pystr::as_str(v))
        } else {
            errors::type_error(&format!(
                "{what} must be None or a string, not {}",
                type_name_of(v)
            ));
            None
        }
    };
    let Some(sep) = text_arg(sep, "sep", " ") else {
        return Value::NULL;
    };
    let Some(end) = text_arg(end, "end", "\n") else {
        return Value::NULL;
    };
    if file.is_null() || file == none() {
        file = crate::sys::stdout();
    }
    if !file.is_small() && crate::object::type_of(file) == crate::object::types().stream {
        let mut out = String::new();
        for (i, a) in args[..npos].iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            let s = ops::str_(*a);
            if s.is_null() {
                return s;
            }
            out.push_str(pystr::as_str(s));
        }
        out.push_str(end);
        let fd = crate::io::fd_of(file);
        if !crate::io::write_fd(fd, out.as_bytes())
            || (flush && fd == 1 && !crate::io::flush_stdout_raising())
        {
            return Value::NULL;
        }
        return none();
    }
    // Any other file: one write() per item, separator and end, as CPython calls them.
    let w = ops::getattr(file, pystr::intern("write"));
    if w.is_null() {
        return Value::NULL;
    }
    for (i, a) in args[..npos].iter().enumerate() {
        if i > 0 && ops::call(w, &[pystr::new(sep)], Value::NULL).is_null() {
            return Value::NULL;
        }
        let s = ops::str_(*a);
        if s.is_null() || ops::call(w, &[s], Value::NULL).is_null() {
            return Value::NULL;
        }
    }
    if ops::call(w, &[pystr::new(end)], Value::NULL).is_null() {
        return Value::NULL;
    }
    if flush {
        let f = ops::getattr(file, pystr::intern("flush"));
        if f.is_null() || ops::call(f, &[], Value::NULL).is_null() {
            return Value::NULL;
        }
    }
    none()
}

fn b_len(args: &[Value], kw: Value) -> Value {
    if !no_kw("len", kw) || !check_count("len", args.len(), 1, 1) {
        return Value::NULL;
    }
    match ops::len(args[0]) {
        Some(n) => int::from_i64(n),
        None => Value::NULL,
    }
}

fn len1(v: Value) -> Value {
    match ops::len(v) {
        Some(n) => int::from_i64(n),
        None => Value::NULL,
    }
}

fn b_abs(args: &[Value], kw: Value) -> Value {
    if !no_kw("abs", kw) || !check_count("abs", args.len(), 1, 1) {
        return Value::NULL;
    }
    let v = args[0];
    if int::is_int(v) {
        return int::abs(v);
    }
    if float::is_float(v) {
        return float::new(float::value(v).abs());
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

fn min_max(args: &[Value], kwnames: Value, name: &str, want_max: bool) -> Value {
    let nkw = kw_count(kwnames);
    let npos = args.len() - nkw;
    let (mut key, mut default) = (Value::NULL, Value::NULL);
    for i in 0..nkw {
        match pystr::as_str(tuple::items(kwnames)[i]) {
            "key" => key = args[npos + i],
            "default" => default = args[npos + i],
            k => {
                return errors::type_error(&format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                ))
            }
        }
    }
    if npos == 0 {
        return errors::type_error(&format!("{name} expected at least 1 argument, got 0"));
    }
    let items = if npos == 1 {
        match ops::collect(args[0]) {
            Some(v) => v,
            None => return Value::NULL,
        }
    } else {
        if !default.is_null() {
            return errors::type_error(&format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            ));
        }
        args[..npos].to_vec()
    };
    if items.is_empty() {
        if !default.is_null() {
            return default;
        }
        return errors::value_error(&if crate::sys::bytecode_version() >= (3, 12) {
            format!("{name}() iterable argument is empty")
        } else {
            format!("{name}() arg is an empty sequence")
        });
    }
    let keyed = |v: Value| -> Value {
        if key.is_null() || key == none() {
            v
        } else {
            ops::call(key, &[v], Value::NULL)
        }
    };
    let mut best = items[0];
    let mut best_key = keyed(best);
    if best_key.is_null() {
        return best_key;
    }
    for x in &items[1..] {
        let k = keyed(*x);
        if k.is_null() {
            return k;
        }
        let better = if want_max {
            ops::less_than(best_key, k)
        } else {
            ops::less_than(k, best_key)
        };
        match better {
            Some(true) => {
                best = *x;
                best_key = k;
            }
            Some(false) => {}
            None => return Value::NULL,
        }
    }
    best
}

fn b_min(a: &[Value], k: Value) -> Value {
    min_max(a, k, "min", false)
}
fn b_max(a: &[Value], k: Value) -> Value {
    min_max(a, k, "max", true)
}

fn b_sum(args: &[Value], kwnames: Value) -> Value {
    let Some(p) = parse_kw("sum", args, kwnames, &["iterable", "start"], 1) else {
        return Value::NULL;
    };
    let acc = if p[1].is_null() {
        Value::from_small(0)
    } else {
        p[1]
    };
    if pystr::is_str(acc) {
        return errors::type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    let it = ops::iter(p[0]);
    if it.is_null() {
        return it;
    }
    sum_from(it, acc)
}

/// `sum`'s loop, in CPython's phases: ints while both sides are ints; then, if the total is
/// an exact float, a float phase that adds floats and i64-sized ints as doubles (from 3.12
/// with Neumaier's compensation, so the result follows the bytecode's version); then the
/// generic `+` for the rest.
fn sum_from(it: Value, mut acc: Value) -> Value {
    let is_exact_float = |v: Value| !v.is_small() && type_of(v) == types().float;
    let is_exact_int = |v: Value| v.is_small() || type_of(v) == types().int;
    // Integer phase.
    if is_exact_int(acc) {
        let item = loop {
            let x = ops::next(it);
            if x.is_null() || x == Value::DONE {
                return if x.is_null() { x } else { acc };
            }
            if !(is_exact_int(x) || type_of(x) == types().bool) {
                break x;
            }
            acc = ops::binary_op(acc, x, int::BinOp::Add);
            if acc.is_null() {
                return acc;
            }
        };
        acc = ops::binary_op(acc, item, int::BinOp::Add);
        if acc.is_null() {
            return acc;
        }
    }
    // Float phase.
    if is_exact_float(acc) {
        let compensated = crate::sys::bytecode_version() >= (3, 12);
        let mut f = float::value(acc);
        let mut c = 0.0f64;
        let finish = |f: f64, c: f64| {
            if c != 0.0 && c.is_finite() {
                f + c
            } else {
                f
            }
        };
        loop {
            let x = ops::next(it);
            if x.is_null() {
                return x;
            }
            if x == Value::DONE {
                return float::new(finish(f, c));
            }
            if is_exact_float(x) {
                let v = float::value(x);
                let t = f + v;
                if compensated {
                    if f.abs() >= v.abs() {
                        c += (f - t) + v;
                    } else {
                        c += (v - t) + f;
                    }
                }
                f = t;
                continue;
            }
            if int::is_int(x) {
                if let Some(i) = int::as_i64(x) {
                    f += i as f64;
                    continue;
                }
            }
            acc = ops::binary_op(float::new(finish(f, c)), x, int::BinOp::Add);
            if acc.is_null() {
                return acc;
            }
            break;
        }
    }
    // Generic phase.
    loop {
        let x = ops::next(it);
        if x.is_null() {
            return x;
        }
        if x == Value::DONE {
            return acc;
        }
        acc = ops::binary_op(acc, x, int::BinOp::Add);
        if acc.is_null() {
            return acc;
        }
    }
}

fn class_check(
    v: Value,
    cls: Value,
    name: &str,
    check: &dyn Fn(Value, *mut TypeObject) -> bool,
) -> Option<bool> {
    if !cls.is_small() && kind_of(cls) == Kind::Type {
        return Some(check(v, cls.ptr()));
    }
    if !cls.is_small() && kind_of(cls) == Kind::Tuple {
        for c in tuple::items(cls) {
            if class_check(v, *c, name, check)? {
                return Some(true);
            }
        }
        return Some(false);
    }
    errors::type_error(&format!(
        "{name}() arg 2 must be a type, a tuple of types, or a union"
    ));
    None
}

fn b_isinstance(args: &[Value], kw: Value) -> Value {
    if !no_kw("isinstance", kw) || !check_count("isinstance", args.len(), 2, 2) {
        return Value::NULL;
    }
    match class_check(args[0], args[1], "isinstance", &|v, t| {
        crate::object::isinstance(v, t)
    }) {
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
    match class_check(args[0], args[1], "issubclass", &|v, t| {
        is_subtype(v.ptr(), t)
    }) {
        Some(b) => bool_value(b),
        None => Value::NULL,
    }
}

fn b_repr(args: &[Value], kw: Value) -> Value {
    if !no_kw("repr", kw) || !check_count("repr", args.len(), 1, 1) {
        return Value::NULL;
    }
    ops::repr(args[0])
}

fn b_ascii(args: &[Value], kw: Value) -> Value {
    if !no_kw("ascii", kw) || !check_count("ascii", args.len(), 1, 1) {
        return Value::NULL;
    }
    let r = ops::repr(args[0]);
    if r.is_null() {
        return r;
    }
    pystr::new(&format::ascii_escape(pystr::as_str(r)))
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

fn b_id(args: &[Value], kw: Value) -> Value {
    if !no_kw("id", kw) || !check_count("id", args.len(), 1, 1) {
        return Value::NULL;
    }
    int::from_i64(args[0].0 as i64)
}

fn b_ord(args: &[Value], kw: Value) -> Value {
    if !no_kw("ord", kw) || !check_count("ord", args.len(), 1, 1) {
        return Value::NULL;
    }
    let v = args[0];
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

fn b_chr(args: &[Value], kw: Value) -> Value {
    if !no_kw("chr", kw) || !check_count("chr", args.len(), 1, 1) {
        return Value::NULL;
    }
    // From 3.13 an int too big for a C int is just out of range (ValueError).
    let out_of_range_is_value_error = crate::sys::bytecode_version() >= (3, 13);
    let Some(i) = int::index_value(args[0], "chr") else {
        if out_of_range_is_value_error && errors::current_matches(exc_types().overflow_error) {
            errors::fetch();
            return errors::value_error("chr() arg not in range(0x110000)");
        }
        return Value::NULL;
    };
    if i32::try_from(i).is_err() {
        if out_of_range_is_value_error {
            return errors::value_error("chr() arg not in range(0x110000)");
        }
        return errors::overflow_error("Python int too large to convert to C int");
    }
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => pystr::from_char(c),
        None if (0..0x110000).contains(&i) => {
            errors::not_implemented("kiln: lone surrogates in str are not supported yet")
        }
        None => errors::value_error("chr() arg not in range(0x110000)"),
    }
}

fn any_all(args: &[Value], kw: Value, name: &str, want: bool) -> Value {
    if !no_kw(name, kw) || !check_count(name, args.len(), 1, 1) {
        return Value::NULL;
    }
    let it = ops::iter(args[0]);
    if it.is_null() {
        return it;
    }
    loop {
        let x = ops::next(it);
        if x.is_null() {
            return x;
        }
        if x == Value::DONE {
            return bool_value(!want);
        }
        match ops::truthy(x) {
            -1 => return Value::NULL,
            t if (t == 1) == want => return bool_value(want),
            _ => {}
        }
    }
}
fn b_any(a: &[Value], k: Value) -> Value {
    any_all(a, k, "any", true)
}
fn b_all(a: &[Value], k: Value) -> Value {
    any_all(a, k, "all", false)
}

fn b_divmod(args: &[Value], kw: Value) -> Value {
    if !no_kw("divmod", kw) || !check_count("divmod", args.len(), 2, 2) {
        return Value::NULL;
    }
    let (a, b) = (args[0], args[1]);
    if int::is_int(a) && int::is_int(b) {
        let q = int::binary(a, b, int::BinOp::FloorDiv);
        if q.is_null() {
            return q;
        }
        let r = int::binary(a, b, int::BinOp::Mod);
        return tuple::new(&[q, r]);
    }
    if let (Some(x), Some(y)) = (float::coerce(a), float::coerce(b)) {
        return match float::divmod(x, y) {
            Some((q, r)) => tuple::new(&[float::new(q), float::new(r)]),
            None => Value::NULL,
        };
    }
    if errors::occurred() {
        return Value::NULL;
    }
    errors::type_error(&format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name_of(a),
        type_name_of(b)
    ))
}

fn b_pow(args: &[Value], kwnames: Value) -> Value {
    let Some(p) = parse_kw("pow", args, kwnames, &["base", "exp", "mod"], 2) else {
        return Value::NULL;
    };
    if p[2].is_null() || p[2] == none() {
        return ops::binary_op(p[0], p[1], int::BinOp::Pow);
    }
    if !(int::is_int(p[0]) && int::is_int(p[1]) && int::is_int(p[2])) {
        return errors::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        );
    }
    let (b, e, m) = (int::to_big(p[0]), int::to_big(p[1]), int::to_big(p[2]));
    use num_traits::{Signed, Zero};
    if m.is_zero() {
        return errors::value_error("pow() 3rd argument cannot be 0");
    }
    if e.is_negative() {
        return builtin_function::not_yet("pow() with a negative exponent and a modulus");
    }
    let r = b.modpow(&e, &m);
    let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
        r + &m
    } else {
        r
    };
    int::from_big(r)
}

fn b_round(args: &[Value], kwnames: Value) -> Value {
    let Some(p) = parse_kw("round", args, kwnames, &["number", "ndigits"], 1) else {
        return Value::NULL;
    };
    let x = p[0];
    let nd = p[1];
    if int::is_int(x) {
        if nd.is_null() || nd == none() {
            return type_int(x);
        }
        let Some(n) = int::as_i64(nd) else {
            return Value::NULL;
        };
        if n >= 0 {
            return type_int(x);
        }
        let m = num_bigint::BigInt::from(10).pow((-n) as u32);
        let v = int::to_big(x);
        use num_integer::Integer;
        let (q, r) = v.div_mod_floor(&m);
        let twice = &r * 2;
        let q = if twice > m || (twice == m && q.is_odd()) {
            q + 1
        } else {
            q
        };
        return int::from_big(q * m);
    }
    if float::is_float(x) {
        let f = float::value(x);
        if nd.is_null() || nd == none() {
            let r = f.round_ties_even();
            return float::to_int(r);
        }
        let Some(n) = int::as_i64(nd) else {
            return errors::type_error("'float' object cannot be interpreted as an integer");
        };
        return float::new(format::round_float(f, n));
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

fn type_int(x: Value) -> Value {
    int::from_big(int::to_big(x))
}

fn radix_fn(args: &[Value], kw: Value, name: &str, radix: u32, prefix: &str) -> Value {
    if !no_kw(name, kw) || !check_count(name, args.len(), 1, 1) {
        return Value::NULL;
    }
    if !int::is_int(args[0]) {
        return errors::type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            type_name_of(args[0])
        ));
    }
    let b = int::to_big(args[0]);
    let digits = crate::format::int_to_str_radix(&num_traits::Signed::abs(&b), radix);
    let sign = if num_traits::Signed::is_negative(&b) {
        "-"
    } else {
        ""
    };
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

fn b_sorted(args: &[Value], kwnames: Value) -> Value {
    let nkw = kw_count(kwnames);
    if args.len() - nkw != 1 {
        return errors::type_error(&format!(
            "sorted expected 1 argument, got {}",
            args.len() - nkw
        ));
    }
    let l = list::with_capacity(0);
    if !list::extend(l, args[0]) {
        return Value::NULL;
    }
    let Some(p) =
        builtin_function::parse_kw_only("sorted", &args[1..], kwnames, &["key", "reverse"])
    else {
        return Value::NULL;
    };
    let reverse = !p[1].is_null() && ops::truthy(p[1]) == 1;
    if !list::sort(l, p[0], reverse) {
        return Value::NULL;
    }
    l
}

fn b_iter(args: &[Value], kw: Value) -> Value {
    if !no_kw("iter", kw) || !check_count("iter", args.len(), 1, 2) {
        return Value::NULL;
    }
    if args.len() == 2 {
        return builtin_function::not_yet("iter(callable, sentinel)");
    }
    ops::iter(args[0])
}

fn b_next(args: &[Value], kw: Value) -> Value {
    if !no_kw("next", kw) || !check_count("next", args.len(), 1, 2) {
        return Value::NULL;
    }
    let it = args[0];
    if crate::objects::generator::is_generator(it) && type_of(it) == types().generator {
        // A generator's StopIteration carries its return value.
        let r = crate::objects::generator::send(it, none());
        if r.is_null() && args.len() > 1 && errors::current_matches(exc_types().stop_iteration) {
            errors::fetch();
            return args[1];
        }
        return r;
    }
    let r = ops::next(it);
    if r == Value::DONE {
        if args.len() > 1 {
            return args[1];
        }
        return errors::raise_args(exc_types().stop_iteration, &[]);
    }
    r
}

fn b_getattr(args: &[Value], kw: Value) -> Value {
    if !no_kw("getattr", kw) || !check_count("getattr", args.len(), 2, 3) {
        return Value::NULL;
    }
    if !pystr::is_str(args[1]) {
        if crate::sys::bytecode_version() < (3, 11) {
            return errors::type_error("getattr(): attribute name must be string");
        }
        return errors::type_error(&format!(
            "attribute name must be string, not '{}'",
            type_name_of(args[1])
        ));
    }
    let name = pystr::intern(pystr::as_str(args[1]));
    if args.len() == 3 {
        let r = ops::getattr_opt(args[0], name);
        if r.is_null() && !errors::occurred() {
            return args[2];
        }
        return r;
    }
    ops::getattr(args[0], name)
}

fn b_setattr(args: &[Value], kw: Value) -> Value {
    if !no_kw("setattr", kw) || !check_count("setattr", args.len(), 3, 3) {
        return Value::NULL;
    }
    if !pystr::is_str(args[1]) {
        return errors::type_error("attribute name must be string");
    }
    if ops::setattr(args[0], pystr::intern(pystr::as_str(args[1])), args[2]) {
        none()
    } else {
        Value::NULL
    }
}

fn b_delattr(args: &[Value], kw: Value) -> Value {
    if !no_kw("delattr", kw) || !check_count("delattr", args.len(), 2, 2) {
        return Value::NULL;
    }
    if !pystr::is_str(args[1]) {
        return errors::type_error("attribute name must be string");
    }
    if ops::delattr(args[0], pystr::intern(pystr::as_str(args[1]))) {
        none()
    } else {
        Value::NULL
    }
}

fn b_hasattr(args: &[Value], kw: Value) -> Value {
    if !no_kw("hasattr", kw) || !check_count("hasattr", args.len(), 2, 2) {
        return Value::NULL;
    }
    if !pystr::is_str(args[1]) {
        return errors::type_error("hasattr(): attribute name must be string");
    }
    let r = ops::getattr_opt(args[0], pystr::intern(pystr::as_str(args[1])));
    if r.is_null() {
        if errors::occurred() {
            return Value::NULL;
        }
        return false_();
    }
    true_()
}

fn b_callable(args: &[Value], kw: Value) -> Value {
    if !no_kw("callable", kw) || !check_count("callable", args.len(), 1, 1) {
        return Value::NULL;
    }
    bool_value(ops::is_callable(args[0]))
}

fn b_format(args: &[Value], kw: Value) -> Value {
    if !no_kw("format", kw) || !check_count("format", args.len(), 1, 2) {
        return Value::NULL;
    }
    let spec = if args.len() > 1 {
        args[1]
    } else {
        pystr::intern("")
    };
    format::format_value(args[0], spec)
}

fn b_globals(args: &[Value], kw: Value) -> Value {
    if !no_kw("globals", kw) || !check_count("globals", args.len(), 0, 0) {
        return Value::NULL;
    }
    let f = crate::frame::current();
    if f.is_null() {
        return dict::new();
    }
    unsafe { (*f).globals }
}

/// `eval`/`exec`/`compile` of source text: handed to kiln's `_kiln_eval` module, which the
/// compiler adds to every program that names them (its run-time evaluator runs the source);
/// without it, the clear error of a runtime without a compiler.
fn run_time_code(what: &str, args: &[Value], kw: Value) -> Value {
    let m = crate::import::compiled_module("_kiln_eval");
    if !m.is_null() {
        let f = ops::getattr(m, pystr::intern(what));
        if f.is_null() {
            return f;
        }
        return ops::call(f, args, kw);
    }
    errors::not_implemented(&format!(
        "kiln: {what}() of source text needs a run-time compiler, which kiln does not have yet"
    ))
}

fn b_source_code(name: &'static str) -> NativeFn {
    match name {
        "exec" => |a, k| run_time_code("exec", a, k),
        "eval" => |a, k| run_time_code("eval", a, k),
        "compile" => |a, k| run_time_code("compile", a, k),
        _ => |_, _| {
            errors::not_implemented("kiln: breakpoint() is not supported in compiled programs")
        },
    }
}

fn b_input(args: &[Value], kw: Value) -> Value {
    if !no_kw("input", kw) || !check_count("input", args.len(), 0, 1) {
        return Value::NULL;
    }
    if let Some(p) = args.first() {
        let s = ops::str_(*p);
        if s.is_null() {
            return s;
        }
        crate::io::write_fd(1, pystr::as_str(s).as_bytes());
    }
    crate::io::flush_stdout();
    let stdin = dict::get_by_name(module::dict_of(unsafe { crate::sys::MODULE }), "stdin");
    if stdin.is_null() || stdin == crate::object::none() {
        return errors::raise_msg(exc_types().runtime_error, "input(): lost sys.stdin");
    }
    if stdin == unsafe { crate::io::STDIN } {
        return crate::objects::file::input_line(stdin);
    }
    // A replaced sys.stdin (a StringIO, say): its readline, as CPython calls it.
    let readline = ops::getattr(stdin, pystr::intern("readline"));
    if readline.is_null() {
        return readline;
    }
    let line = ops::call(readline, &[], Value::NULL);
    if line.is_null() {
        return line;
    }
    if !pystr::is_str(line) {
        return errors::type_error("object.readline() returned non-string");
    }
    let text = pystr::as_str(line);
    if text.is_empty() {
        return errors::raise_msg(exc_types().eof_error, "EOF when reading a line");
    }
    pystr::new(text.strip_suffix('\n').unwrap_or(text))
}

fn b_build_class(args: &[Value], kwnames: Value) -> Value {
    crate::objects::type_::build_class(args, kwnames)
}

/// `int(x=0)`, `int(x, base)`.
pub fn int_new(args: &[Value], kwnames: Value) -> Value {
    let Some(p) = parse_kw("int", args, kwnames, &["x", "base"], 0) else {
        return Value::NULL;
    };
    let (x, base) = (p[0], p[1]);
    if x.is_null() {
        if !base.is_null() {
            return errors::type_error("int() missing string argument");
        }
        return Value::from_small(0);
    }
    if !base.is_null() {
        let Some(b) = int::as_i64(base) else {
            return errors::type_error("'str' object cannot be interpreted as an integer");
        };
        if !pystr::is_str(x) {
            return errors::type_error("int() can't convert non-string with explicit base");
        }
        if b != 0 && !(2..=36).contains(&b) {
            return errors::value_error("int() base must be >= 2 and <= 36, or 0");
        }
        return parse_int_str(x, b as u32);
    }
    if int::is_int(x) {
        return type_int(x);
    }
    if float::is_float(x) {
        return float::to_int(float::value(x));
    }
    if pystr::is_str(x) {
        return parse_int_str(x, 10);
    }
    let r = ops::call_dunder(x, "__int__", &[]);
    if !r.is_null() || errors::occurred() {
        return r;
    }
    let r = ops::call_dunder(x, "__index__", &[]);
    if !r.is_null() || errors::occurred() {
        return r;
    }
    // Before 3.14, `__trunc__` is the last resort (deprecated from 3.11).
    if crate::sys::bytecode_version() < (3, 14) {
        let r = ops::call_dunder(x, "__trunc__", &[]);
        if !r.is_null() || errors::occurred() {
            if r.is_null() || int::is_int(r) {
                return r;
            }
            return ops::call_dunder(r, "__index__", &[]);
        }
    }
    if crate::sys::bytecode_version() < (3, 10) && kind_of(x) == Kind::Complex {
        // Up to 3.9 complex had an `__int__` that refused.
        return errors::type_error("can't convert complex to int");
    }
    errors::type_error(&format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name_of(x)
    ))
}

fn parse_int_str(x: Value, base: u32) -> Value {
    match crate::format::parse_int(pystr::as_str(x), base) {
        Ok(b) => int::from_big(b),
        Err(()) => errors::value_error(&format!(
            "invalid literal for int() with base {base}: {}",
            pystr::repr_text(pystr::as_str(x))
        )),
    }
}

/// `float(x=0.0)`.
pub fn float_new(args: &[Value]) -> Value {
    if !check_count("float", args.len(), 0, 1) {
        return Value::NULL;
    }
    let Some(x) = args.first().copied() else {
        return float::new(0.0);
    };
    if float::is_float(x) {
        return x;
    }
    if int::is_int(x) {
        return match int::to_f64(x) {
            Some(f) => float::new(f),
            None => Value::NULL,
        };
    }
    if pystr::is_str(x) {
        return match crate::format::parse_float(pystr::as_str(x)) {
            Ok(f) => float::new(f),
            Err(()) => errors::value_error(&format!(
                "could not convert string to float: {}",
                pystr::repr_text(pystr::as_str(x))
            )),
        };
    }
    let r = ops::call_dunder(x, "__float__", &[]);
    if !r.is_null() || errors::occurred() {
        return r;
    }
    if crate::sys::bytecode_version() < (3, 10) && kind_of(x) == Kind::Complex {
        return errors::type_error("can't convert complex to float");
    }
    errors::type_error(&format!(
        "float() argument must be a string or a real number, not '{}'",
        type_name_of(x)
    ))
}

/// `str(object='')`.
pub fn str_new(args: &[Value], kwnames: Value) -> Value {
    let Some(p) = parse_kw("str", args, kwnames, &["object", "encoding", "errors"], 0) else {
        return Value::NULL;
    };
    if !p[1].is_null() || !p[2].is_null() {
        return builtin_function::not_yet("str() with an encoding");
    }
    if p[0].is_null() {
        return pystr::intern("");
    }
    ops::str_(p[0])
}

fn add_fn(d: Value, name: &str, f: NativeFn) {
    dict::set_by_name(
        d,
        name,
        builtin_function::new(name, f, builtin_function::PLAIN),
    );
}

pub fn init() {
    let m = module::new("builtins");
    unsafe { MODULE = m };
    let d = module::dict_of(m);
    let fns: &[(&str, NativeFn)] = &[
        ("print", b_print),
        ("len", b_len),
        ("abs", b_abs),
        ("min", b_min),
        ("max", b_max),
        ("sum", b_sum),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("hash", b_hash),
        ("id", b_id),
        ("ord", b_ord),
        ("chr", b_chr),
        ("any", b_any),
        ("all", b_all),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("round", b_round),
        ("hex", b_hex),
        ("oct", b_oct),
        ("bin", b_bin),
        ("sorted", b_sorted),
        ("iter", b_iter),
        ("next", b_next),
        ("getattr", b_getattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("hasattr", b_hasattr),
        ("callable", b_callable),
        ("format", b_format),
        ("globals", b_globals),
        ("input", b_input),
        ("__build_class__", b_build_class),
        ("exec", b_source_code("exec")),
        ("eval", b_source_code("eval")),
        ("compile", b_source_code("compile")),
        ("breakpoint", b_source_code("breakpoint")),
    ];
    for (name, f) in fns {
        add_fn(d, name, *f);
    }
    let len_fn = dict::get_by_name(d, "len");
    unsafe { (*len_fn.ptr::<builtin_function::BuiltinFunctionObject>()).fast1 = Some(len1) };
    let t = types();
    let type_names: &[(&str, *mut TypeObject)] = &[
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool),
        ("float", t.float),
        ("str", t.str),
        ("bytes", t.bytes),
        ("tuple", t.tuple),
        ("list", t.list),
        ("dict", t.dict),
        ("range", t.range),
        ("slice", t.slice),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("reversed", t.reversed),
        ("map", t.map),
        ("filter", t.filter),
    ];
    for (name, ty) in type_names {
        dict::set_by_name(d, name, Value::from_ptr(*ty));
    }
    for e in exception::all() {
        dict::set_by_name(d, crate::object::type_name(*e), Value::from_ptr(*e));
    }
    dict::set_by_name(d, "None", none());
    dict::set_by_name(d, "True", true_());
    dict::set_by_name(d, "False", false_());
    dict::set_by_name(d, "Ellipsis", crate::object::ellipsis());
    dict::set_by_name(d, "NotImplemented", crate::object::notimplemented());
    dict::set_by_name(d, "__debug__", true_());
    extra::init();
    order_like_cpython(d);
}

/// The order of the names in CPython 3.11's `builtins` namespace. Kiln's keeps it, so that
/// `builtins.__dict__` lists them alike and the NameError suggestions, which take the first of
/// equally near names, pick the same one.
#[rustfmt::skip]
const CPYTHON_ORDER: &[&str] = &[
    "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__",
    "__import__", "abs", "all", "any", "ascii", "bin", "breakpoint", "callable", "chr", "compile",
    "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals", "hasattr", "hash",
    "hex", "id", "input", "isinstance", "issubclass", "iter", "aiter", "len", "locals", "max",
    "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted",
    "sum", "vars", "None", "Ellipsis", "NotImplemented", "False", "True", "bool", "memoryview",
    "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate", "filter", "float",
    "frozenset", "property", "int", "list", "map", "object", "range", "reversed", "set", "slice",
    "staticmethod", "str", "super", "tuple", "type", "zip", "__debug__", "BaseException",
    "BaseExceptionGroup", "Exception", "GeneratorExit", "KeyboardInterrupt", "SystemExit",
    "ArithmeticError", "AssertionError", "AttributeError", "BufferError", "EOFError",
    "ImportError", "LookupError", "MemoryError", "NameError", "OSError", "ReferenceError",
    "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError",
    "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError",
    "ZeroDivisionError", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning",
    "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning",
    "SyntaxWarning", "UnicodeWarning", "UserWarning", "BlockingIOError", "ChildProcessError",
    "ConnectionError", "FileExistsError", "FileNotFoundError", "InterruptedError",
    "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError",
    "TimeoutError", "IndentationError", "IndexError", "KeyError", "ModuleNotFoundError",
    "NotImplementedError", "RecursionError", "UnboundLocalError", "UnicodeError",
    "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
    "TabError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError",
    "ExceptionGroup", "EnvironmentError", "IOError", "open", "quit", "exit", "copyright",
    "credits", "license", "help",
];

/// Takes out of the builtins what the bytecode's Python version does not have yet: run once the
/// version is known, before program code.
pub fn follow_version() {
    let v = crate::sys::bytecode_version();
    let d = dict();
    crate::version_ops::init_common_constants(d);
    let mut gone: Vec<&str> = Vec::new();
    if v < (3, 10) {
        gone.extend(["aiter", "anext", "EncodingWarning"]);
    }
    if v < (3, 11) {
        gone.extend(["BaseExceptionGroup", "ExceptionGroup"]);
    }
    for name in gone {
        let t = dict::get_by_name(d, name);
        if !t.is_null() && !t.is_small() && kind_of(t) == Kind::Type {
            crate::objects::subclasses::unregister(t.ptr());
        }
        let _ = dict::pop_item(d, pystr::intern(name));
    }
    if v < (3, 9) {
        // removeprefix and removesuffix are 3.9's.
        for t in [types().str, types().bytes, types().bytearray] {
            for a in ["removeprefix", "removesuffix"] {
                let _ = dict::pop_item(unsafe { (*t).dict }, pystr::intern(a));
            }
        }
    }
    if v < (3, 10) {
        // int.bit_count, and the name/obj fields of AttributeError and NameError, are 3.10's.
        let forget = |t: *mut TypeObject, attrs: &[&str]| {
            for a in attrs {
                let _ = dict::pop_item(unsafe { (*t).dict }, pystr::intern(a));
            }
        };
        forget(types().int, &["bit_count"]);
        forget(types().staticmethod, &["__call__"]);
        forget(exc_types().attribute_error, &["name", "obj"]);
        forget(exc_types().name_error, &["name"]);
        crate::objects::type_::invalidate_lookups();
    }
    if v < (3, 11) {
        // BaseException.add_note arrived in 3.11.
        let be = unsafe { &*exc_types().base_exception };
        let _ = dict::pop_item(be.dict, pystr::intern("add_note"));
        crate::objects::type_::invalidate_lookups();
    }
}

/// Puts the entries of the builtins dict `d` in `CPYTHON_ORDER` (names CPython lacks last, in
/// the order they were added). Run before any program code: it renumbers the entries.
fn order_like_cpython(d: Value) {
    let rank: std::collections::HashMap<&str, usize> = CPYTHON_ORDER
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i))
        .collect();
    let mut items = dict::items(d);
    items.sort_by_key(|(k, _)| {
        if pystr::is_str(*k) {
            rank.get(pystr::as_str(*k)).copied().unwrap_or(usize::MAX)
        } else {
            usize::MAX
        }
    });
    dict::clear(d);
    for (k, v) in items {
        dict::set_item(d, k, v);
    }
}
