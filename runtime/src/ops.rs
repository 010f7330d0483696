//! The object protocols every value supports: repr and str, truthiness, hashing, comparison,
//! arithmetic, attributes, items, iteration, length and calls. Each dispatches on the value's
//! layout (`Kind`) with fast paths for the built-in types.

use crate::errors;
use crate::object::{
    bool_value, exc_types, false_, is_subtype, kind_of, none, true_, type_lookup, type_name_of,
    type_of, types, Kind, TypeObject,
};
use crate::objects::builtin_function::{self, CLASSMETHOD, METHOD};
use crate::objects::int::{self, BinOp};
use crate::objects::iter::{self as it, DictPart};
use crate::objects::{
    bool as pybool, code, dict, exception, float, function, list, method, module, range, slice,
    str as pystr, tuple, type_,
};
use crate::value::Value;
use std::cmp::Ordering;

// ---- repr and str ----------------------------------------------------------------------------

static mut REPR_STACK: Vec<Value> = Vec::new();

fn repr_enter(v: Value) -> bool {
    unsafe {
        let s = &mut *std::ptr::addr_of_mut!(REPR_STACK);
        if s.contains(&v) {
            return false;
        }
        s.push(v);
        true
    }
}

fn repr_leave() {
    unsafe { (*std::ptr::addr_of_mut!(REPR_STACK)).pop() };
}

fn join_reprs(items: &[Value], open: &str, close: &str, out: &mut String) -> bool {
    out.push_str(open);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = repr(*x);
        if r.is_null() {
            return false;
        }
        out.push_str(pystr::as_str(r));
    }
    out.push_str(close);
    true
}

pub fn address(v: Value) -> String {
    format!("0x{:x}", v.0)
}

/// `repr(v)`: a str, or null with an exception.
pub fn repr(v: Value) -> Value {
    let f = type_::heap_override(v, "__repr__");
    if !f.is_null() {
        return check_str_result(type_::call_bound(f, v, &[]), "__repr__");
    }
    repr_builtin(v)
}

/// `repr(v)` by the built-in layout of `v`, ignoring `__repr__` overrides of subclasses.
pub fn repr_builtin(v: Value) -> Value {
    if v.is_small() {
        return pystr::new(&v.small().to_string());
    }
    match kind_of(v) {
        Kind::Str => pystr::repr(v),
        Kind::Int => int::repr(v),
        Kind::Bool => pystr::intern(if pybool::value(v) { "True" } else { "False" }),
        Kind::Float => float::repr(v),
        Kind::Set | Kind::FrozenSet => crate::objects::set::repr(v),
        Kind::Bytes | Kind::ByteArray => crate::objects::bytes::repr(v),
        Kind::Complex => crate::objects::complex::repr(v),
        Kind::Super => crate::objects::super_::repr(v),
        Kind::Property | Kind::ClassMethod | Kind::StaticMethod | Kind::MemberDescr => {
            crate::objects::descriptor::repr(v)
        }
        Kind::None => pystr::intern("None"),
        Kind::Ellipsis => pystr::intern("Ellipsis"),
        Kind::NotImplemented => pystr::intern("NotImplemented"),
        Kind::Tuple if crate::objects::structseq::is_structseq(v) => {
            crate::objects::structseq::repr(v)
        }
        Kind::Tuple | Kind::List | Kind::Dict | Kind::DictView => {
            let r = crate::frame::guard(" while getting the repr of an object", || {
                if !repr_enter(v) {
                    return Some(pystr::new(match kind_of(v) {
                        Kind::List => "[...]",
                        Kind::Dict => "{...}",
                        _ => "(...)",
                    }));
                }
                let mut out = String::new();
                let ok = match kind_of(v) {
                    Kind::Tuple => {
                        let items = tuple::items(v);
                        if items.len() == 1 {
                            join_reprs(items, "(", ",)", &mut out)
                        } else {
                            join_reprs(items, "(", ")", &mut out)
                        }
                    }
                    Kind::List => join_reprs(list::items(v), "[", "]", &mut out),
                    Kind::Dict => {
                        out.push('{');
                        let mut ok = true;
                        for (i, (k, x)) in dict::items(v).into_iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            let (rk, rx) = (repr(k), if ok { repr(x) } else { Value::NULL });
                            if rk.is_null() || rx.is_null() {
                                ok = false;
                                break;
                            }
                            out.push_str(pystr::as_str(rk));
                            out.push_str(": ");
                            out.push_str(pystr::as_str(rx));
                        }
                        out.push('}');
                        ok
                    }
                    _ => {
                        let name = type_name_of(v);
                        join_reprs(&it::view_items(v), &format!("{name}(["), "])", &mut out)
                    }
                };
                repr_leave();
                if ok {
                    Some(pystr::new(&out))
                } else {
                    None
                }
            });
            r.unwrap_or(Value::NULL)
        }
        Kind::Range => pystr::new(&range::repr(v)),
        Kind::Slice => {
            let (a, b, c) = slice::parts(v);
            let mut out = String::new();
            if join_reprs(&[a, b, c], "slice(", ")", &mut out) {
                pystr::new(&out)
            } else {
                Value::NULL
            }
        }
        Kind::Type => type_::repr(v),
        Kind::Function => pystr::new(&format!(
            "<function {} at {}>",
            pystr::as_str(function::get(v).qualname),
            address(v)
        )),
        Kind::BuiltinFunction => builtin_function::repr(v),
        Kind::Method => {
            let (f, s) = method::parts(v);
            let fname = if function::is_function(f) {
                function::get(f).qualname
            } else {
                pystr::intern("?")
            };
            let sr = repr(s);
            if sr.is_null() {
                return sr;
            }
            pystr::new(&format!(
                "<bound method {} of {}>",
                pystr::as_str(fname),
                pystr::as_str(sr)
            ))
        }
        Kind::Module => pystr::new(&module::repr(v)),
        Kind::Exception => exception::repr_of(v),
        Kind::Generator => pystr::new(&format!(
            "<{} object {} at {}>",
            type_name_of(v),
            pystr::as_str(ops_qualname(v)),
            address(v)
        )),
        Kind::Code => {
            let c = code::get(v);
            pystr::new(&format!(
                "<code object {} at {}, file \"{}\", line {}>",
                pystr::as_str(c.name),
                address(v),
                pystr::as_str(c.filename),
                c.firstlineno
            ))
        }
        _ => {
            let r = call_dunder(v, "__repr__", &[]);
            if !r.is_null() || errors::occurred() {
                return check_str_result(r, "__repr__");
            }
            pystr::new(&format!(
                "<{} object at {}>",
                type_::qualified_name(type_of(v)),
                address(v)
            ))
        }
    }
}

fn check_str_result(r: Value, what: &str) -> Value {
    if r.is_null() || pystr::is_str(r) {
        return r;
    }
    errors::type_error(&format!(
        "{what} returned non-string (type {})",
        type_name_of(r)
    ))
}

/// `str(v)`.
pub fn str_(v: Value) -> Value {
    if v.is_small() {
        return pystr::new(&v.small().to_string());
    }
    let f = type_::heap_override(v, "__str__");
    if !f.is_null() {
        return check_str_result(type_::call_bound(f, v, &[]), "__str__");
    }
    match kind_of(v) {
        Kind::Str => v,
        Kind::Exception => exception::str_of(v),
        Kind::Object => {
            let r = call_dunder(v, "__str__", &[]);
            if !r.is_null() || errors::occurred() {
                return check_str_result(r, "__str__");
            }
            repr(v)
        }
        _ => repr(v),
    }
}

/// Looks up `name` on the type of `v` and calls it with `v` first; null without an exception
/// when the type has no such attribute.
pub fn call_dunder(v: Value, name: &str, args: &[Value]) -> Value {
    let f = type_lookup(type_of(v), pystr::intern(name));
    if f.is_null() {
        return Value::NULL;
    }
    type_::call_bound(f, v, args)
}

// ---- truth, hash, equality ----------------------------------------------------------------

/// 1 true, 0 false, -1 error.
#[inline]
pub fn truthy(v: Value) -> i32 {
    if v.is_small() {
        return (v.small() != 0) as i32;
    }
    if v == true_() {
        return 1;
    }
    if v == false_() || v == none() {
        return 0;
    }
    truthy_object(v)
}

/// [`truthy`] of an object other than a small int, a bool or None.
#[inline(never)]
fn truthy_object(v: Value) -> i32 {
    if let Some(r) = crate::objects::slots::truthy_hook(v) {
        return r;
    }
    match kind_of(v) {
        Kind::Bool => pybool::value(v) as i32,
        Kind::None => 0,
        // 3.14 refuses what 3.9-3.13 only warned about.
        Kind::NotImplemented if crate::sys::bytecode_version() >= (3, 14) => {
            errors::type_error("NotImplemented should not be used in a boolean context");
            -1
        }
        // A heap int is never zero, except an instance of an int subclass.
        Kind::Int => (!int::is_zero(v)) as i32,
        Kind::Float => (float::value(v) != 0.0) as i32,
        Kind::Str => (pystr::char_len(v) != 0) as i32,
        Kind::Tuple => (tuple::len(v) != 0) as i32,
        Kind::List => (list::len(v) != 0) as i32,
        Kind::Dict => (dict::len(v) != 0) as i32,
        Kind::Range => (range::len(v) != 0) as i32,
        Kind::DictView => (dict::len(it::view_parts(v).0) != 0) as i32,
        Kind::Set | Kind::FrozenSet => (crate::objects::set::len(v) != 0) as i32,
        Kind::Bytes | Kind::ByteArray => (crate::objects::bytes::len(v) != 0) as i32,
        Kind::Complex => {
            let (re, im) = crate::objects::complex::parts(v);
            (re != 0.0 || im != 0.0) as i32
        }
        Kind::Object => {
            let b = call_dunder(v, "__bool__", &[]);
            if !b.is_null() {
                return truthy(b);
            }
            if errors::occurred() {
                return -1;
            }
            let l = call_dunder(v, "__len__", &[]);
            if !l.is_null() {
                return truthy(l);
            }
            if errors::occurred() {
                -1
            } else {
                1
            }
        }
        _ => 1,
    }
}

fn tuple_hash(items: &[Value]) -> Option<i64> {
    // CPython 3.8+'s xxHash-based tuple hash.
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for x in items {
        let h = hash(*x)? as u64;
        acc = acc.wrapping_add(h.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Some(1546275796);
    }
    Some(acc as i64)
}

/// `hash(v)`; None with TypeError for unhashable values.
pub fn hash(v: Value) -> Option<i64> {
    if v.is_small() {
        return Some(int::hash_i64(v.small()));
    }
    if let Some(r) = crate::objects::slots::hash_hook(v) {
        return r;
    }
    match kind_of(v) {
        Kind::Str => Some(pystr::hash(v)),
        Kind::Int => Some(int::hash(v)),
        Kind::Bool => Some(pybool::value(v) as i64),
        Kind::Float => Some(float::hash_f64(float::value(v))),
        Kind::Tuple => tuple_hash(tuple::items(v)),
        Kind::DictView if it::view_parts(v).1 == DictPart::Values => {
            Some(((v.0 >> 4) | (v.0 << 60)) as i64)
        }
        Kind::List | Kind::Dict | Kind::DictView | Kind::Slice | Kind::Set | Kind::ByteArray => {
            errors::type_error(&format!("unhashable type: '{}'", type_name_of(v)));
            None
        }
        Kind::FrozenSet => Some(crate::objects::set::hash(v)),
        Kind::Bytes => Some(crate::objects::bytes::hash(v)),
        Kind::Complex => Some(crate::objects::complex::hash(v)),
        Kind::Object => {
            let f = type_lookup(type_of(v), pystr::intern("__hash__"));
            if f == none() {
                let name = type_::tp_name(type_of(v));
                errors::type_error(&format!("unhashable type: '{name}'"));
                return None;
            }
            if !f.is_null() && !crate::objects::slots::is_object_hash(f) {
                return crate::objects::slots::hash_result(type_::call_bound(f, v, &[]));
            }
            Some(((v.0 >> 4) | (v.0 << 60)) as i64)
        }
        _ => Some(((v.0 >> 4) | (v.0 << 60)) as i64),
    }
}

/// `a == b` as a Rust bool (`PyObject_RichCompareBool`: identity implies equality, even for
/// NaN, as containers compare items); None with an exception.
pub fn eq(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if a.is_small() && b.is_small() {
        return Some(false);
    }
    if let Some(r) = exact_compare(a, b, CMP_EQ) {
        return Some(r);
    }
    if !a.is_small() && !b.is_small() {
        let t = types().tuple;
        if type_of(a) == t && type_of(b) == t {
            let (x, y) = (tuple::items(a), tuple::items(b));
            if x.len() != y.len() {
                return Some(false);
            }
            return crate::frame::guard(" in comparison", || {
                for (&xi, &yi) in x.iter().zip(y) {
                    if !eq(xi, yi)? {
                        return Some(false);
                    }
                }
                Some(true)
            });
        }
    }
    let r = compare(a, b, CMP_EQ);
    if r.is_null() {
        return None;
    }
    match truthy(r) {
        -1 => None,
        t => Some(t == 1),
    }
}

/// `a < b` as a Rust bool; None with an exception.
pub fn less_than(a: Value, b: Value) -> Option<bool> {
    if let Some(r) = exact_compare(a, b, CMP_LT) {
        return Some(r);
    }
    if !a.is_small() && !b.is_small() {
        let t = types().tuple;
        if type_of(a) == t && type_of(b) == t {
            return crate::frame::guard(" in comparison", || tuple_less_than(a, b));
        }
    }
    let r = compare(a, b, CMP_LT);
    if r.is_null() {
        return None;
    }
    match truthy(r) {
        -1 => None,
        t => Some(t == 1),
    }
}

// ---- rich comparison -----------------------------------------------------------------------

pub const CMP_LT: u32 = 0;
pub const CMP_LE: u32 = 1;
pub const CMP_EQ: u32 = 2;
pub const CMP_NE: u32 = 3;
pub const CMP_GT: u32 = 4;
pub const CMP_GE: u32 = 5;

fn cmp_symbol(op: u32) -> &'static str {
    ["<", "<=", "==", "!=", ">", ">="][op as usize]
}

fn ordering_result(o: Ordering, op: u32) -> bool {
    match op {
        CMP_LT => o == Ordering::Less,
        CMP_LE => o != Ordering::Greater,
        CMP_EQ => o == Ordering::Equal,
        CMP_NE => o != Ordering::Equal,
        CMP_GT => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

fn is_number(v: Value) -> bool {
    v.is_small() || matches!(kind_of(v), Kind::Int | Kind::Bool | Kind::Float)
}

fn number_cmp(a: Value, b: Value) -> Option<Ordering> {
    match (float::is_float(a), float::is_float(b)) {
        (false, false) => Some(int::compare(a, b)),
        (true, true) => float::value(a).partial_cmp(&float::value(b)),
        (true, false) => float::compare_with_int(float::value(a), b),
        (false, true) => float::compare_with_int(float::value(b), a).map(|o| o.reverse()),
    }
}

/// `a OP b` for the exact built-in pairs whose comparison runs no Python code and cannot fail
/// (small ints, strings, floats), without making a bool object; None for every other pair.
/// Sorting and tuple comparison spend most of their time here.
#[inline]
fn exact_compare(a: Value, b: Value, op: u32) -> Option<bool> {
    if a.is_small() {
        return b
            .is_small()
            .then(|| ordering_result(a.small().cmp(&b.small()), op));
    }
    if b.is_small() {
        return None;
    }
    let ta = type_of(a);
    if ta != type_of(b) {
        return None;
    }
    let t = types();
    if ta == t.str {
        return Some(if op == CMP_EQ || op == CMP_NE {
            (pystr::as_str(a) == pystr::as_str(b)) == (op == CMP_EQ)
        } else {
            ordering_result(pystr::compare(a, b), op)
        });
    }
    if ta == t.float {
        let (x, y) = (float::value(a), float::value(b));
        return Some(match op {
            CMP_LT => x < y,
            CMP_LE => x <= y,
            CMP_EQ => x == y,
            CMP_NE => x != y,
            CMP_GT => x > y,
            _ => x >= y,
        });
    }
    None
}

/// `a < b` for two exact tuples: the first pair of items that are not equal decides, else the
/// lengths do (as `seq_compare`, with the truth of the items' `<` taken at once).
fn tuple_less_than(a: Value, b: Value) -> Option<bool> {
    let (x, y) = (tuple::items(a), tuple::items(b));
    for (&xi, &yi) in x.iter().zip(y) {
        if !eq(xi, yi)? {
            return less_than(xi, yi);
        }
    }
    Some(x.len() < y.len())
}

/// Compares sequences item by item as Python does: the first unequal pair decides.
/// Lexicographic comparison of two tuples or two lists. As in CPython, the items and lengths
/// are read again at every step: an item's `__eq__` may change a list.
fn seq_compare(a: Value, b: Value, op: u32) -> Value {
    let mut i = 0;
    loop {
        let (x, y) = (seq_items(a), seq_items(b));
        if i >= x.len() || i >= y.len() {
            return bool_value(ordering_result(x.len().cmp(&y.len()), op));
        }
        let (xi, yi) = (x[i], y[i]);
        match eq(xi, yi) {
            None => return Value::NULL,
            Some(true) => i += 1,
            Some(false) => {
                if op == CMP_EQ {
                    return false_();
                }
                if op == CMP_NE {
                    return true_();
                }
                if let Some(r) = exact_compare(xi, yi, op) {
                    return bool_value(r);
                }
                return compare(xi, yi, op);
            }
        }
    }
}

/// `a OP b` for COMPARE_OP (0 <, 1 <=, 2 ==, 3 !=, 4 >, 5 >=).
pub fn compare(a: Value, b: Value, op: u32) -> Value {
    // The commonest exact built-in pairs, before the general dispatch.
    if let Some(r) = exact_compare(a, b, op) {
        return bool_value(r);
    }
    let (ta, tb) = (type_of(a), type_of(b));
    let user = type_::is_heap_type(ta)
        || type_::is_heap_type(tb)
        || (!a.is_small() && kind_of(a) == Kind::Object)
        || (!b.is_small() && kind_of(b) == Kind::Object);
    if !user {
        let r = compare_kinds(a, b, op);
        if r != notimplemented_value() {
            return r;
        }
        return compare_fallback(a, b, op);
    }
    // Python's rich comparison: the reflected method of the right operand first when its type
    // is a proper subclass of the left's, then the left's method, then the reflected one.
    const SWAPPED: [u32; 6] = [CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE];
    let rb_first = ta != tb && is_subtype(tb, ta);
    if rb_first {
        let r = compare_side(b, a, SWAPPED[op as usize]);
        if r.is_null() || r != notimplemented_value() {
            return r;
        }
    }
    let r = compare_side(a, b, op);
    if r.is_null() || r != notimplemented_value() {
        return r;
    }
    if !rb_first {
        let r = compare_side(b, a, SWAPPED[op as usize]);
        if r.is_null() || r != notimplemented_value() {
            return r;
        }
    }
    compare_fallback(a, b, op)
}

/// One side of a rich comparison: `x.__op__(y)` as the type of `x` defines it.
fn compare_side(x: Value, y: Value, op: u32) -> Value {
    const NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    let t = type_of(x);
    if type_::is_heap_type(t) {
        let f = type_::user_override(t, NAMES[op as usize]);
        if !f.is_null() {
            return type_::call_bound(f, x, &[y]);
        }
        if kind_of(x) != Kind::Object {
            return compare_kinds(x, y, op);
        }
    } else if x.is_small() || kind_of(x) != Kind::Object {
        return compare_kinds(x, y, op);
    }
    let f = type_lookup(t, pystr::intern(NAMES[op as usize]));
    if f.is_null() {
        return notimplemented_value();
    }
    type_::call_bound(f, x, &[y])
}

fn compare_fallback(a: Value, b: Value, op: u32) -> Value {
    match op {
        CMP_EQ => bool_value(a == b),
        CMP_NE => bool_value(a != b),
        _ => errors::type_error(&format!(
            "'{}' not supported between instances of '{}' and '{}'",
            cmp_symbol(op),
            type_name_of(a),
            type_name_of(b)
        )),
    }
}

/// The built-in comparison of `a` and `b` by their layouts (numbers, strings, sequences,
/// dicts, sets, ...); `NotImplemented` when no built-in rule applies to the pair.
pub fn compare_kinds(a: Value, b: Value, op: u32) -> Value {
    if is_number(a) && is_number(b) {
        return match number_cmp(a, b) {
            Some(o) => bool_value(ordering_result(o, op)),
            None => bool_value(op == CMP_NE),
        };
    }
    let (ka, kb) = (kind_of(a), kind_of(b));
    if ka == kb {
        match ka {
            Kind::Str => return bool_value(ordering_result(pystr::compare(a, b), op)),
            Kind::Tuple | Kind::List => {
                let r = crate::frame::guard(" in comparison", || {
                    let r = seq_compare(a, b, op);
                    if r.is_null() {
                        None
                    } else {
                        Some(r)
                    }
                });
                return r.unwrap_or(Value::NULL);
            }
            Kind::Dict if op == CMP_EQ || op == CMP_NE => {
                return match dict_eq(a, b) {
                    Some(e) => bool_value(e == (op == CMP_EQ)),
                    None => Value::NULL,
                }
            }
            Kind::Range if op == CMP_EQ || op == CMP_NE => {
                return bool_value(range::equal(a, b) == (op == CMP_EQ));
            }
            Kind::Slice => {
                let (x, y) = (slice::parts(a), slice::parts(b));
                let (x, y) = (tuple::new(&[x.0, x.1, x.2]), tuple::new(&[y.0, y.1, y.2]));
                return compare_kinds(x, y, op);
            }
            _ => {}
        }
    }
    match (ka, kb) {
        (Kind::Set | Kind::FrozenSet, _) => return crate::objects::set::compare(a, b, op),
        (Kind::Bytes | Kind::ByteArray, _) => return crate::objects::bytes::compare(a, b, op),
        (Kind::Complex, _) => return crate::objects::complex::compare(a, b, op),
        (_, Kind::Complex) if is_number(a) => return crate::objects::complex::compare(b, a, op),
        _ => {}
    }
    crate::objects::slots::compare_more(a, b, op)
}

fn notimplemented_value() -> Value {
    crate::object::notimplemented()
}

fn dict_eq(a: Value, b: Value) -> Option<bool> {
    if dict::len(a) != dict::len(b) {
        return Some(false);
    }
    for (k, v) in dict::items(a) {
        let w = match dict::get_item(b, k) {
            Ok(w) => w,
            Err(()) => return None,
        };
        if w.is_null() {
            return Some(false);
        }
        if !eq(v, w)? {
            return Some(false);
        }
    }
    Some(true)
}

// ---- arithmetic ----------------------------------------------------------------------------

fn seq_repeat(seq: Value, n: Value) -> Value {
    let Some(count) = int::as_i64(n) else {
        return errors::overflow_error("cannot fit 'int' into an index-sized integer");
    };
    match kind_of(seq) {
        Kind::Str => pystr::repeat(seq, count),
        Kind::List => list::repeat(seq, count),
        _ => tuple::repeat(seq, count),
    }
}

fn is_seq(v: Value) -> bool {
    !v.is_small() && matches!(kind_of(v), Kind::Str | Kind::List | Kind::Tuple)
}

/// Built-in behaviour of `a op b`; `NotImplemented` (the singleton) when the built-in types
/// do not define it.
pub fn builtin_binary(a: Value, b: Value, op: BinOp, inplace: bool) -> Value {
    let (na, nb) = (is_number(a), is_number(b));
    if na && nb {
        let (fa, fb) = (float::is_float(a), float::is_float(b));
        if !fa && !fb {
            if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor)
                && kind_of(a) == Kind::Bool
                && kind_of(b) == Kind::Bool
            {
                let (x, y) = (pybool::value(a), pybool::value(b));
                return bool_value(match op {
                    BinOp::And => x & y,
                    BinOp::Or => x | y,
                    _ => x ^ y,
                });
            }
            if op == BinOp::MatMul {
                return notimplemented_value();
            }
            return int::binary(a, b, op);
        }
        if matches!(
            op,
            BinOp::And | BinOp::Or | BinOp::Xor | BinOp::LShift | BinOp::RShift | BinOp::MatMul
        ) {
            return notimplemented_value();
        }
        let (Some(x), Some(y)) = (float::coerce(a), float::coerce(b)) else {
            return Value::NULL;
        };
        return float::binary(x, y, op);
    }
    if let Some(r) = crate::objects::slots::binary_more(a, b, op, inplace) {
        return r;
    }
    let (ka, kb) = (kind_of(a), kind_of(b));
    match op {
        BinOp::Add if ka == kb => match ka {
            Kind::Str => return pystr::concat(a, b),
            Kind::List => {
                if inplace {
                    return if list::extend(a, b) { a } else { Value::NULL };
                }
                return list::concat(a, b);
            }
            Kind::Tuple => return tuple::concat(a, b),
            _ => {}
        },
        BinOp::Add if inplace && ka == Kind::List => {
            return if list::extend(a, b) { a } else { Value::NULL };
        }
        BinOp::Mul if is_seq(a) && int::is_int(b) => {
            if inplace && ka == Kind::List {
                let Some(count) = int::as_i64(b) else {
                    return errors::overflow_error("cannot fit 'int' into an index-sized integer");
                };
                let r = list::repeat(a, count);
                if r.is_null() {
                    return r;
                }
                let items = list::items(r).to_vec();
                list::items_mut(a);
                crate::objects::list::extend_from(list::with_capacity(0), &[]);
                unsafe {
                    (*a.ptr::<list::ListObject>()).len = 0;
                }
                return if list::extend_from(a, &items) {
                    a
                } else {
                    Value::NULL
                };
            }
            return seq_repeat(a, b);
        }
        BinOp::Mul if is_seq(b) && int::is_int(a) => return seq_repeat(b, a),
        BinOp::Mod if ka == Kind::Str => return crate::builtins::format::percent(a, b),
        // The dict union operators arrived in 3.9.
        BinOp::Or
            if ka == Kind::Dict && kb == Kind::Dict && crate::sys::bytecode_version() >= (3, 9) =>
        {
            let d = if inplace { a } else { dict::copy(a) };
            if d.is_null() || !dict::update(d, b) {
                return Value::NULL;
            }
            return d;
        }
        _ => {}
    }
    notimplemented_value()
}

/// `a op b` (BINARY_OP), with Python's dispatch to `__op__`, `__rop__` and `__iop__`.
pub fn binary_op_full(a: Value, b: Value, op: BinOp, inplace: bool) -> Value {
    let (ta, tb) = (type_of(a), type_of(b));
    let user = type_::is_heap_type(ta) || type_::is_heap_type(tb);
    if !user {
        let r = builtin_binary(a, b, op, inplace);
        if r != notimplemented_value() {
            return r;
        }
        return binary_type_error(a, b, op, inplace);
    }
    let (name, rname, iname) = op.dunder();
    if inplace {
        let f = if type_::is_heap_type(ta) {
            type_::user_override(ta, iname)
        } else {
            Value::NULL
        };
        if !f.is_null() {
            let r = type_::call_bound(f, a, &[b]);
            if r != notimplemented_value() {
                return r;
            }
        } else if !type_::is_heap_type(ta) || kind_of(a) != Kind::Object {
            let r = builtin_binary(a, b, op, true);
            if r != notimplemented_value() {
                return r;
            }
        }
    }
    let left = || -> Value {
        if type_::is_heap_type(ta) {
            let f = type_::user_override(ta, name);
            if !f.is_null() {
                return type_::call_bound(f, a, &[b]);
            }
            if kind_of(a) == Kind::Object {
                return notimplemented_value();
            }
        }
        builtin_binary(a, b, op, false)
    };
    let right = || -> Value {
        if type_::is_heap_type(tb) {
            let f = type_::user_override(tb, rname);
            if !f.is_null() {
                return type_::call_bound(f, b, &[a]);
            }
            if kind_of(b) == Kind::Object {
                return notimplemented_value();
            }
        }
        builtin_binary(a, b, op, false)
    };
    let b_first = ta != tb && is_subtype(tb, ta);
    if b_first {
        let r = right();
        if r != notimplemented_value() {
            return r;
        }
    }
    let r = left();
    if r != notimplemented_value() {
        return r;
    }
    if ta != tb && !b_first {
        let r = right();
        if r != notimplemented_value() {
            return r;
        }
    }
    binary_type_error(a, b, op, inplace)
}

fn binary_type_error(a: Value, b: Value, op: BinOp, inplace: bool) -> Value {
    let (ka, kb) = (kind_of(a), kind_of(b));
    if op == BinOp::Add {
        if ka == Kind::Str && kb != Kind::Str {
            return errors::type_error(&format!(
                "can only concatenate str (not \"{}\") to str",
                type_name_of(b)
            ));
        }
        if ka == Kind::List && kb != Kind::List && !inplace {
            return errors::type_error(&format!(
                "can only concatenate list (not \"{}\") to list",
                type_name_of(b)
            ));
        }
        if ka == Kind::Tuple && kb != Kind::Tuple {
            return errors::type_error(&format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                type_name_of(b)
            ));
        }
    }
    if op == BinOp::Mul && (is_seq(a) || is_seq(b)) {
        let other = if is_seq(a) { b } else { a };
        return errors::type_error(&format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name_of(other)
        ));
    }
    let sym = op.symbol();
    let sym = if inplace {
        if op == BinOp::Pow {
            "**=".to_string()
        } else {
            format!("{sym}=")
        }
    } else {
        sym.to_string()
    };
    errors::type_error(&format!(
        "unsupported operand type(s) for {sym}: '{}' and '{}'",
        type_name_of(a),
        type_name_of(b)
    ))
}

#[inline]
pub fn binary_op(a: Value, b: Value, op: BinOp) -> Value {
    if a.is_small() && b.is_small() {
        if let Some(r) = int::small_op(a.small(), b.small(), op) {
            return r;
        }
        if errors::occurred() {
            return Value::NULL;
        }
    }
    binary_op_full(a, b, op, false)
}

pub fn negative(v: Value) -> Value {
    let f = type_::heap_override(v, "__neg__");
    if !f.is_null() {
        return type_::call_bound(f, v, &[]);
    }
    if crate::objects::complex::is_complex(v) {
        let (re, im) = crate::objects::complex::parts(v);
        return crate::objects::complex::new(-re, -im);
    }
    if int::is_int(v) {
        return int::neg(v);
    }
    if float::is_float(v) {
        return float::new(-float::value(v));
    }
    unary_dunder(v, "__neg__", "unary -")
}

pub fn positive(v: Value) -> Value {
    let f = type_::heap_override(v, "__pos__");
    if !f.is_null() {
        return type_::call_bound(f, v, &[]);
    }
    if crate::objects::complex::is_complex(v) {
        let (re, im) = crate::objects::complex::parts(v);
        return crate::objects::complex::new(re, im);
    }
    if int::is_int(v) {
        return if v.is_small() {
            v
        } else {
            int::from_big(int::to_big(v))
        };
    }
    if float::is_float(v) {
        return if type_of(v) == types().float {
            v
        } else {
            float::new(float::value(v))
        };
    }
    unary_dunder(v, "__pos__", "unary +")
}

pub fn invert(v: Value) -> Value {
    let f = type_::heap_override(v, "__invert__");
    if !f.is_null() {
        return type_::call_bound(f, v, &[]);
    }
    if int::is_int(v) {
        return int::invert(v);
    }
    unary_dunder(v, "__invert__", "unary ~")
}

fn unary_dunder(v: Value, name: &str, what: &str) -> Value {
    let r = call_dunder(v, name, &[]);
    if !r.is_null() || errors::occurred() {
        return r;
    }
    errors::type_error(&format!(
        "bad operand type for {what}: '{}'",
        type_name_of(v)
    ))
}

// ---- attributes ----------------------------------------------------------------------------

/// Binds what a type lookup found to the instance it was found for.
fn bind_found(found: Value, obj: Value) -> Value {
    if found.is_small() {
        return found;
    }
    match kind_of(found) {
        Kind::Function => method::new(found, obj),
        Kind::BuiltinFunction => {
            let f = builtin_function::get(found).flags;
            if f & METHOD != 0 {
                builtin_function::bind(found, obj)
            } else if f & CLASSMETHOD != 0 {
                builtin_function::bind(found, Value::from_ptr(type_of(obj)))
            } else {
                found
            }
        }
        _ => crate::objects::descriptor::get(found, obj, Value::from_ptr(type_of(obj))),
    }
}

fn attribute_error(v: Value, name: Value) -> Value {
    let n = pystr::as_str(name);
    match kind_of(v) {
        Kind::Module => {
            let mname = pystr::as_str(module::name_of(v));
            if crate::import::partially_initialized_note(mname) {
                errors::attribute_error(&format!(
                    "partially initialized module '{mname}' has no attribute '{n}' (most likely due to a circular import)"
                ))
            } else {
                errors::attribute_error(&format!("module '{mname}' has no attribute '{n}'"))
            }
        }
        Kind::Type => errors::attribute_error(&format!(
            "type object '{}' has no attribute '{n}'",
            crate::object::type_name(v.ptr::<TypeObject>())
        )),
        _ => errors::attribute_error(&format!(
            "'{}' object has no attribute '{n}'",
            type_name_of(v)
        )),
    }
}

/// `getattr(v, name)` without raising AttributeError: null (and no exception) when missing.
pub fn getattr_opt(v: Value, name: Value) -> Value {
    let r = getattr(v, name);
    if r.is_null() && errors::current_matches(exc_types().attribute_error) {
        errors::fetch();
    }
    r
}

/// `v.name` for a str `name`. The AttributeError of a failed lookup gets `name` and `obj`
/// (unless it has them already), as CPython's `PyObject_GetAttr` gives them, for the "Did you
/// mean" suggestions of an uncaught error.
pub fn getattr(v: Value, name: Value) -> Value {
    let r = getattr_plain(v, name);
    if r.is_null() {
        exception::set_attribute_error_context(v, name);
    }
    r
}

fn getattr_plain(v: Value, name: Value) -> Value {
    let k = kind_of(v);
    let n = pystr::as_str(name);
    if k != Kind::Type && type_::is_heap_type(type_of(v)) {
        return type_::instance_getattr(v, name);
    }
    match k {
        Kind::Super => return crate::objects::super_::getattr(v, name),
        Kind::Module => {
            let d = module::dict_of(v);
            let r = dict::get_str(d, name);
            if !r.is_null() {
                return r;
            }
            if n == "__dict__" {
                return d;
            }
            if n != "__getattr__" {
                // PEP 562: a module's own `__getattr__` answers for missing names.
                let hook = dict::get_by_name(d, "__getattr__");
                if !hook.is_null() {
                    return call(hook, &[name], Value::NULL);
                }
            }
        }
        Kind::Type => return type_::getattr(v, name),
        Kind::Exception => {
            let r = exception::getattr(v, n);
            if !r.is_null() {
                return r;
            }
            let d = exception::get(v).dict;
            if !d.is_null() {
                let r = dict::get_str(d, name);
                if !r.is_null() {
                    return r;
                }
            }
        }
        Kind::Function => {
            let r = function_attr(v, n);
            if !r.is_null() {
                return r;
            }
        }
        Kind::Traceback => {
            let r = crate::traceback::getattr(v, n);
            if !r.is_null() {
                return r;
            }
        }
        Kind::Frame => {
            let r = crate::objects::frame_object::getattr(v, n);
            if !r.is_null() {
                return r;
            }
        }
        Kind::Generator => {
            let r = crate::objects::generator::getattr(v, n);
            if !r.is_null() {
                return r;
            }
        }
        Kind::Code => {
            let c = code::get(v);
            match n {
                "co_name" => return c.name,
                "co_qualname" => return c.qualname,
                "co_filename" => return c.filename,
                "co_firstlineno" => return int::from_i64(c.firstlineno),
                "co_argcount" => return Value::from_small(c.argcount as i64),
                "co_posonlyargcount" => return Value::from_small(c.posonlyargcount as i64),
                "co_kwonlyargcount" => return Value::from_small(c.kwonlyargcount as i64),
                "co_flags" => return Value::from_small(c.flags as i64),
                "co_varnames" => return tuple::new(&code::varnames(c)),
                _ => {}
            }
        }
        Kind::Object => return type_::instance_getattr(v, name),
        _ => {}
    }
    if n == "__class__" {
        return Value::from_ptr(type_of(v));
    }
    let found = type_lookup(type_of(v), name);
    if !found.is_null() {
        return bind_found(found, v);
    }
    attribute_error(v, name)
}

fn function_attr(f: Value, n: &str) -> Value {
    let fo = function::get(f);
    match n {
        "__name__" => fo.name,
        "__qualname__" => fo.qualname,
        "__code__" => fo.code,
        "__globals__" => fo.globals,
        "__builtins__" => fo.builtins,
        "__module__" => fo.module,
        "__doc__" => fo.doc,
        "__defaults__" => {
            if fo.defaults.is_null() {
                none()
            } else {
                fo.defaults
            }
        }
        "__kwdefaults__" => {
            if fo.kwdefaults.is_null() {
                none()
            } else {
                fo.kwdefaults
            }
        }
        "__closure__" => {
            if fo.closure.is_null() {
                none()
            } else {
                fo.closure
            }
        }
        "__annotations__" => {
            if fo.annotations.is_null() || fo.annotations == none() {
                // 3.14 (PEP 649): made from `__annotate__` on first access.
                let annotate = if fo.dict.is_null() {
                    Value::NULL
                } else {
                    dict::get_by_name(fo.dict, "__annotate__")
                };
                fo.annotations = if annotate.is_null() {
                    dict::new()
                } else {
                    let a = call(annotate, &[Value::from_small(1)], Value::NULL);
                    if a.is_null() {
                        return a;
                    }
                    a
                };
            }
            fo.annotations
        }
        "__dict__" => {
            if fo.dict.is_null() {
                fo.dict = dict::new();
            }
            fo.dict
        }
        _ => {
            let r = if fo.dict.is_null() {
                Value::NULL
            } else {
                dict::get_str(fo.dict, pystr::intern(n))
            };
            // 3.12 (PEP 695): `def f[T]` sets the type parameters; other functions have none.
            if r.is_null() && n == "__type_params__" && crate::sys::bytecode_version() >= (3, 12) {
                return tuple::new(&[]);
            }
            r
        }
    }
}

/// `v.name = value`; false with an exception on failure.
pub fn setattr(v: Value, name: Value, value: Value) -> bool {
    let n = pystr::as_str(name);
    if kind_of(v) != Kind::Type && type_::is_heap_type(type_of(v)) {
        return type_::instance_setattr(v, name, value);
    }
    match kind_of(v) {
        Kind::Module => {
            dict::set_str(module::dict_of(v), name, value);
            return true;
        }
        Kind::Type => return type_::setattr(v, name, value),
        Kind::Object => return type_::instance_setattr(v, name, value),
        Kind::Exception => {
            if exception::setattr(v, n, value) {
                return true;
            }
            let e = exception::get(v);
            if e.dict.is_null() {
                e.dict = dict::new();
            }
            dict::set_str(e.dict, name, value);
            return true;
        }
        Kind::Function => {
            let fo = function::get(v);
            match n {
                "__name__" => fo.name = value,
                "__qualname__" => fo.qualname = value,
                "__doc__" => fo.doc = value,
                "__module__" => fo.module = value,
                "__defaults__" => fo.defaults = if value == none() { Value::NULL } else { value },
                "__kwdefaults__" => {
                    fo.kwdefaults = if value == none() { Value::NULL } else { value }
                }
                "__annotations__" => fo.annotations = value,
                "__globals__" | "__closure__" | "__builtins__" => {
                    errors::attribute_error("readonly attribute");
                    return false;
                }
                _ => {
                    if fo.dict.is_null() {
                        fo.dict = dict::new();
                    }
                    dict::set_str(fo.dict, name, value);
                }
            }
            return true;
        }
        _ => {}
    }
    let found = type_lookup(type_of(v), name);
    if let Some(ok) = crate::objects::descriptor::set(found, v, value) {
        return ok;
    }
    if found.is_null() {
        no_attribute_for_setting(v, name);
    } else {
        errors::attribute_error(&format!(
            "'{}' object attribute '{n}' is read-only",
            type_name_of(v)
        ));
    }
    false
}

/// The AttributeError of setting an attribute an object without `__dict__` lacks. From 3.13
/// the message says why and the exception carries `name` and `obj`, as on lookups.
pub fn no_attribute_for_setting(v: Value, name: Value) {
    let n = pystr::as_str(name);
    if crate::sys::bytecode_version() < (3, 13) {
        errors::attribute_error(&format!(
            "'{}' object has no attribute '{n}'",
            type_name_of(v)
        ));
        return;
    }
    errors::attribute_error(&format!(
        "'{}' object has no attribute '{n}' and no __dict__ for setting new attributes",
        type_name_of(v)
    ));
    exception::set_attribute_error_context(v, name);
}

pub fn delattr(v: Value, name: Value) -> bool {
    if kind_of(v) != Kind::Type && type_::is_heap_type(type_of(v)) {
        return type_::instance_delattr(v, name);
    }
    match kind_of(v) {
        Kind::Module => {
            let d = module::dict_of(v);
            match dict::pop_item(d, name) {
                Ok(x) if !x.is_null() => true,
                Ok(_) => {
                    attribute_error(v, name);
                    false
                }
                Err(()) => false,
            }
        }
        Kind::Type => type_::delattr(v, name),
        Kind::Object => type_::instance_delattr(v, name),
        _ => {
            attribute_error(v, name);
            false
        }
    }
}

// ---- items ---------------------------------------------------------------------------------

pub fn getitem(o: Value, k: Value) -> Value {
    let f = type_::heap_override(o, "__getitem__");
    if !f.is_null() {
        return type_::call_bound(f, o, &[k]);
    }
    getitem_builtin(o, k)
}

/// `o[k]` by the built-in layout of `o`.
pub fn getitem_builtin(o: Value, k: Value) -> Value {
    if o.is_small() {
        return errors::type_error("'int' object is not subscriptable");
    }
    match kind_of(o) {
        Kind::Bytes | Kind::ByteArray => crate::objects::bytes::getitem(o, k),
        Kind::List => {
            if k.is_small() {
                let items = list::items(o);
                let i = k.small();
                let j = if i < 0 { i + items.len() as i64 } else { i };
                if j >= 0 && (j as usize) < items.len() {
                    return items[j as usize];
                }
            }
            list::getitem(o, k)
        }
        Kind::Tuple => tuple::getitem(o, k),
        Kind::Str => pystr::getitem(o, k),
        Kind::Dict => match dict::get_item(o, k) {
            Err(()) => Value::NULL,
            Ok(v) if v.is_null() => {
                if type_of(o) != types().dict {
                    let r = call_dunder(o, "__missing__", &[k]);
                    if !r.is_null() || errors::occurred() {
                        return r;
                    }
                }
                errors::key_error(k)
            }
            Ok(v) => v,
        },
        Kind::Range => range::getitem(o, k),
        Kind::Type => type_::class_getitem(o, k),
        _ => {
            let r = call_dunder(o, "__getitem__", &[k]);
            if !r.is_null() || errors::occurred() {
                return r;
            }
            errors::type_error(&format!(
                "'{}' object is not subscriptable",
                type_name_of(o)
            ))
        }
    }
}

pub fn setitem(o: Value, k: Value, v: Value) -> bool {
    let f = type_::heap_override(o, "__setitem__");
    if !f.is_null() {
        return !type_::call_bound(f, o, &[k, v]).is_null();
    }
    setitem_builtin(o, k, v)
}

/// `o[k] = v` by the built-in layout of `o`.
pub fn setitem_builtin(o: Value, k: Value, v: Value) -> bool {
    if !o.is_small() {
        match kind_of(o) {
            Kind::ByteArray => return crate::objects::bytes::setitem(o, k, v),
            Kind::List => return list::setitem(o, k, v) == 0,
            Kind::Dict => return dict::set_item(o, k, v),
            Kind::Object => {
                let f = type_lookup(type_of(o), pystr::intern("__setitem__"));
                if !f.is_null() {
                    return !type_::call_bound(f, o, &[k, v]).is_null();
                }
            }
            _ => {}
        }
    }
    errors::type_error(&format!(
        "'{}' object does not support item assignment",
        type_name_of(o)
    ));
    false
}

pub fn delitem(o: Value, k: Value) -> bool {
    let f = type_::heap_override(o, "__delitem__");
    if !f.is_null() {
        return !type_::call_bound(f, o, &[k]).is_null();
    }
    delitem_builtin(o, k)
}

/// `del o[k]` by the built-in layout of `o`.
pub fn delitem_builtin(o: Value, k: Value) -> bool {
    if !o.is_small() {
        match kind_of(o) {
            Kind::ByteArray => return crate::objects::bytes::delitem(o, k),
            Kind::List => return list::delitem(o, k) == 0,
            Kind::Dict => {
                return match dict::pop_item(o, k) {
                    Err(()) => false,
                    Ok(v) if v.is_null() => {
                        errors::key_error(k);
                        false
                    }
                    Ok(_) => true,
                }
            }
            Kind::Object => {
                let f = type_lookup(type_of(o), pystr::intern("__delitem__"));
                if !f.is_null() {
                    return !type_::call_bound(f, o, &[k]).is_null();
                }
            }
            _ => {}
        }
    }
    errors::type_error(&format!(
        "'{}' object doesn't support item deletion",
        type_name_of(o)
    ));
    false
}

/// The items of a list or tuple.
#[inline]
pub fn seq_items(v: Value) -> &'static [Value] {
    if kind_of(v) == Kind::List {
        list::items(v)
    } else {
        tuple::items(v)
    }
}

// ---- iteration -----------------------------------------------------------------------------

/// `iter(v)`.
pub fn iter(v: Value) -> Value {
    if v.is_small() {
        return errors::type_error("'int' object is not iterable");
    }
    let f = type_::heap_override(v, "__iter__");
    if !f.is_null() {
        return crate::objects::slots::check_iterator(type_::call_bound(f, v, &[]));
    }
    match kind_of(v) {
        Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes | Kind::ByteArray => it::seq_iter(v),
        Kind::Set | Kind::FrozenSet => crate::objects::set::iter(v),
        Kind::SetIter | Kind::CallIter | Kind::File => v,
        Kind::Range => it::range_iter(v),
        Kind::Dict => it::dict_iter(v, DictPart::Keys),
        Kind::DictView => {
            let (d, part) = it::view_parts(v);
            it::dict_iter(d, part)
        }
        Kind::SeqIter
        | Kind::RangeIter
        | Kind::DictIter
        | Kind::Enumerate
        | Kind::Zip
        | Kind::Map
        | Kind::Filter
        | Kind::Reversed => v,
        Kind::Generator if type_of(v) == types().generator => v,
        _ => {
            let f = type_lookup(type_of(v), pystr::intern("__iter__"));
            if !f.is_null() {
                let r = type_::call_bound(f, v, &[]);
                if r.is_null() {
                    return r;
                }
                if type_lookup(type_of(r), pystr::intern("__next__")).is_null()
                    && !is_builtin_iterator(r)
                {
                    return errors::type_error(&format!(
                        "iter() returned non-iterator of type '{}'",
                        type_name_of(r)
                    ));
                }
                return r;
            }
            if !type_lookup(type_of(v), pystr::intern("__getitem__")).is_null() {
                return it::seq_iter(v);
            }
            errors::type_error(&format!("'{}' object is not iterable", type_name_of(v)))
        }
    }
}

fn is_builtin_iterator(v: Value) -> bool {
    matches!(
        kind_of(v),
        Kind::SeqIter
            | Kind::RangeIter
            | Kind::DictIter
            | Kind::Enumerate
            | Kind::Zip
            | Kind::Map
            | Kind::Filter
            | Kind::Reversed
            | Kind::SetIter
            | Kind::CallIter
            | Kind::File
    )
}

/// The built-in `__next__` of an iterator type (what `super().__next__()` in a subclass
/// reaches): the built-in layout's step, never the subclass's override.
pub fn next_builtin(iter: Value) -> Value {
    if !iter.is_small() && is_builtin_iterator(iter) {
        return it::next(iter);
    }
    next(iter)
}

/// The next item: a value, `Value::DONE` when exhausted, or null with an exception.
pub fn next(iter: Value) -> Value {
    // Generators first: a `for` over one comes here for every item (the type is final).
    if !iter.is_small() && type_of(iter) == types().generator {
        return crate::objects::generator::next(iter);
    }
    if !iter.is_small()
        && is_builtin_iterator(iter)
        && type_::heap_override(iter, "__next__").is_null()
    {
        return it::next(iter);
    }
    if crate::objects::generator::is_generator(iter) && type_of(iter) == types().generator {
        return crate::objects::generator::next(iter);
    }
    let f = type_lookup(type_of(iter), pystr::intern("__next__"));
    if f.is_null() {
        return errors::type_error(&format!(
            "'{}' object is not an iterator",
            type_name_of(iter)
        ));
    }
    let r = type_::call_bound(f, iter, &[]);
    if r.is_null() && errors::current_matches(exc_types().stop_iteration) {
        errors::fetch();
        return Value::DONE;
    }
    r
}

/// All items of an iterable, or None with an exception.
pub fn collect(v: Value) -> Option<Vec<Value>> {
    if !v.is_small()
        && matches!(kind_of(v), Kind::List | Kind::Tuple)
        && type_::heap_override(v, "__iter__").is_null()
    {
        return Some(seq_items(v).to_vec());
    }
    let i = iter(v);
    if i.is_null() {
        return None;
    }
    let mut out = Vec::new();
    loop {
        let x = next(i);
        if x.is_null() {
            return None;
        }
        if x == Value::DONE {
            return Some(out);
        }
        out.push(x);
    }
}

/// `len(v)`; None with an exception.
pub fn len(v: Value) -> Option<i64> {
    let f = type_::heap_override(v, "__len__");
    if !f.is_null() {
        return crate::objects::slots::len_result(type_::call_bound(f, v, &[]));
    }
    len_builtin(v)
}

/// `len(v)` by the built-in layout of `v`.
pub fn len_builtin(v: Value) -> Option<i64> {
    if !v.is_small() {
        match kind_of(v) {
            Kind::Set | Kind::FrozenSet => return Some(crate::objects::set::len(v) as i64),
            Kind::Bytes | Kind::ByteArray => return Some(crate::objects::bytes::len(v) as i64),
            Kind::Str => return Some(pystr::char_len(v) as i64),
            Kind::List => return Some(list::len(v) as i64),
            Kind::Tuple => return Some(tuple::len(v) as i64),
            Kind::Dict => return Some(dict::len(v) as i64),
            Kind::Range => return range::len_checked(v),
            Kind::DictView => return Some(dict::len(it::view_parts(v).0) as i64),
            _ => {
                let r = call_dunder(v, "__len__", &[]);
                if !r.is_null() {
                    return match int::as_i64(r) {
                        Some(n) if n >= 0 => Some(n),
                        Some(_) => {
                            errors::value_error("__len__() should return >= 0");
                            None
                        }
                        None => {
                            errors::type_error(&format!(
                                "'{}' object cannot be interpreted as an integer",
                                type_name_of(r)
                            ));
                            None
                        }
                    };
                }
                if errors::occurred() {
                    return None;
                }
            }
        }
    }
    errors::type_error(&format!(
        "object of type '{}' has no len()",
        type_name_of(v)
    ));
    None
}

/// `item in container`: 1, 0, or -1 with an exception.
pub fn contains(container: Value, item: Value) -> i32 {
    let f = type_::heap_override(container, "__contains__");
    if !f.is_null() {
        let r = type_::call_bound(f, container, &[item]);
        if r.is_null() {
            return -1;
        }
        return truthy(r);
    }
    contains_builtin(container, item)
}

/// `item in container` by the built-in layout of `container`.
pub fn contains_builtin(container: Value, item: Value) -> i32 {
    if !container.is_small() {
        match kind_of(container) {
            Kind::Set | Kind::FrozenSet => return crate::objects::set::contains(container, item),
            Kind::Bytes | Kind::ByteArray => {
                return crate::objects::bytes::contains(container, item)
            }
            Kind::List | Kind::Tuple => {
                for x in seq_items(container).to_vec() {
                    match eq(x, item) {
                        Some(true) => return 1,
                        Some(false) => {}
                        None => return -1,
                    }
                }
                return 0;
            }
            Kind::Dict => {
                return match dict::get_item(container, item) {
                    Ok(v) => (!v.is_null()) as i32,
                    Err(()) => -1,
                }
            }
            Kind::Str => return pystr::contains(container, item),
            Kind::Range => {
                let r = range::contains(container, item);
                if r != -2 {
                    return r;
                }
            }
            Kind::DictView => {
                let (d, part) = it::view_parts(container);
                if part == DictPart::Keys {
                    return contains(d, item);
                }
            }
            _ => {
                let f = type_lookup(type_of(container), pystr::intern("__contains__"));
                if !f.is_null() {
                    let r = type_::call_bound(f, container, &[item]);
                    if r.is_null() {
                        return -1;
                    }
                    return truthy(r);
                }
            }
        }
    }
    let i = iter(container);
    if i.is_null() {
        if errors::current_matches(exc_types().type_error) {
            errors::fetch();
            errors::type_error(&format!(
                "argument of type '{}' is not iterable",
                type_name_of(container)
            ));
        }
        return -1;
    }
    loop {
        let x = next(i);
        if x.is_null() {
            return -1;
        }
        if x == Value::DONE {
            return 0;
        }
        match eq(x, item) {
            Some(true) => return 1,
            Some(false) => {}
            None => return -1,
        }
    }
}

// ---- calls ---------------------------------------------------------------------------------

/// Calls `f` with positional `args`; when `kwnames` is a tuple of names, the last
/// `len(kwnames)` items of `args` are keyword arguments.
/// Runs `body` on `[first, args...]`, built on the stack when short (no heap allocation on the
/// path of every bound-method call).
#[inline]
pub fn with_first(first: Value, args: &[Value], body: impl FnOnce(&[Value]) -> Value) -> Value {
    const SHORT: usize = 8;
    if args.len() < SHORT {
        let mut buf = [Value::NULL; SHORT];
        buf[0] = first;
        buf[1..=args.len()].copy_from_slice(args);
        return body(&buf[..=args.len()]);
    }
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(first);
    all.extend_from_slice(args);
    body(&all)
}

pub fn call(f: Value, args: &[Value], kwnames: Value) -> Value {
    if f.is_small() {
        return errors::type_error("'int' object is not callable");
    }
    match kind_of(f) {
        Kind::Function => function::call(f, args, kwnames),
        Kind::BuiltinFunction => builtin_function::call(f, args, kwnames),
        Kind::Method => {
            let (func, slf) = method::parts(f);
            with_first(slf, args, |all| call(func, all, kwnames))
        }
        Kind::Type => type_::call(f, args, kwnames),
        _ => {
            let c = type_lookup(type_of(f), pystr::intern("__call__"));
            if !c.is_null() {
                return type_::call_bound_kw(c, f, args, kwnames);
            }
            errors::type_error(&format!("'{}' object is not callable", type_name_of(f)))
        }
    }
}

pub fn is_callable(v: Value) -> bool {
    if v.is_small() {
        return false;
    }
    matches!(
        kind_of(v),
        Kind::Function | Kind::BuiltinFunction | Kind::Method | Kind::Type
    ) || !type_lookup(type_of(v), pystr::intern("__call__")).is_null()
}

pub fn is_true_value(v: Value) -> bool {
    v == true_()
}

fn ops_qualname(g: Value) -> Value {
    crate::objects::generator::getattr(g, "__qualname__")
}
