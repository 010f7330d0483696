//! The dunder methods of the built-in types as Python code sees them (`int.__add__`,
//! `list.__len__`, `dict.__init__`, `str.__new__` ...), the hooks `ops` calls for instances of
//! Python subclasses of built-in types, and `types.GenericAlias` / `types.UnionType` for
//! `list[int]` and `int | None` in annotations.
//!
//! Every wrapper here runs the built-in behaviour of its type's layout (`ops::*_builtin`), never
//! the dispatching protocol, so `super().__len__()` inside an overriding `__len__` does not
//! recurse.

use crate::errors;
use crate::object::{
    alloc_object, bool_value, is_subtype, kind_of, none, notimplemented, type_lookup, type_name,
    type_name_of, type_of, types, Kind, TypeObject,
};
use crate::objects::builtin_function::{self, add_method, add_static, check_args, NativeFn};
use crate::objects::int::BinOp;
use crate::objects::iter::{self as it, DictPart};
use crate::objects::{bytes, complex, dict, float, int, list, set, str as pystr, tuple, type_};
use crate::ops;
use crate::value::Value;

// ---- hooks for ops ------------------------------------------------------------------------------

/// Truthiness of an instance of a Python subclass of a built-in type that overrides
/// `__bool__` or `__len__`; None when the built-in rule applies.
pub fn truthy_hook(v: Value) -> Option<i32> {
    let t = type_of(v);
    if !type_::is_heap_type(t) || kind_of(v) == Kind::Object {
        return None;
    }
    let b = type_::user_override(t, "__bool__");
    if !b.is_null() {
        let r = type_::call_bound(b, v, &[]);
        if r.is_null() {
            return Some(-1);
        }
        if r.is_small() || kind_of(r) != Kind::Bool {
            errors::type_error(&format!(
                "__bool__ should return bool, returned {}",
                type_name_of(r)
            ));
            return Some(-1);
        }
        return Some(ops::truthy(r));
    }
    let l = type_::user_override(t, "__len__");
    if !l.is_null() {
        return Some(match len_result(type_::call_bound(l, v, &[])) {
            Some(n) => (n != 0) as i32,
            None => -1,
        });
    }
    None
}

#[inline]
/// The hash of an instance of a Python subclass of a built-in type whose class sets
/// `__hash__` (to a function, or to None); None when the built-in hash applies.
pub fn hash_hook(v: Value) -> Option<Option<i64>> {
    let t = type_of(v);
    if !type_::is_heap_type(t) {
        if unsafe { (*t).kind } == Kind::Method {
            let (f, s) = crate::objects::method::parts(v);
            return Some(ops::hash(s).map(|hs| type_::identity_hash(f) ^ hs));
        }
        return None;
    }
    if kind_of(v) == Kind::Object {
        return None;
    }
    let f = type_::user_override(t, "__hash__");
    if f.is_null() {
        return None;
    }
    if f == none() {
        let name = type_::tp_name(type_of(v));
        errors::type_error(&format!("unhashable type: '{name}'"));
        return Some(None);
    }
    Some(hash_result(type_::call_bound(f, v, &[])))
}

static mut OBJECT_HASH: Value = Value::NULL;

/// Is `f` the built-in `object.__hash__`?
pub fn is_object_hash(f: Value) -> bool {
    f == unsafe { OBJECT_HASH }
}

/// What a `__hash__` method returned, as a hash: an int that fits a machine word is the hash
/// itself (-1, which means an error, becomes -2), a bigger one is hashed, as in CPython.
pub fn hash_result(r: Value) -> Option<i64> {
    if r.is_null() {
        return None;
    }
    if !int::is_int(r) {
        errors::type_error("__hash__ method should return an integer");
        return None;
    }
    Some(match int::as_i64(r) {
        Some(h) => {
            if h == -1 {
                -2
            } else {
                h
            }
        }
        None => int::hash(r),
    })
}

/// What a `__len__` method returned, as a length.
pub fn len_result(r: Value) -> Option<i64> {
    if r.is_null() {
        return None;
    }
    if !int::is_int(r) {
        errors::type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            type_name_of(r)
        ));
        return None;
    }
    match int::as_i64(r) {
        Some(n) if n >= 0 => Some(n),
        Some(_) => {
            errors::value_error("__len__() should return >= 0");
            None
        }
        None => {
            errors::overflow_error("cannot fit 'int' into an index-sized integer");
            None
        }
    }
}

/// Checks what an `__iter__` method returned.
pub fn check_iterator(r: Value) -> Value {
    if r.is_null() {
        return r;
    }
    let builtin = !r.is_small()
        && matches!(
            kind_of(r),
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
                | Kind::Generator
        );
    if !builtin && type_lookup(type_of(r), pystr::intern("__next__")).is_null() {
        return errors::type_error(&format!(
            "iter() returned non-iterator of type '{}'",
            type_name_of(r)
        ));
    }
    r
}

fn view_set(v: Value) -> Option<Value> {
    if !v.is_small() && kind_of(v) == Kind::DictView {
        let (_, part) = it::view_parts(v);
        if part == DictPart::Values {
            return None;
        }
        let s = set::new_set();
        for x in it::view_items(v) {
            if !set::add(s, x) {
                return None;
            }
        }
        return Some(s);
    }
    None
}

/// Built-in comparisons of the kinds `ops::compare_kinds` does not know itself (dict views,
/// bound methods); NotImplemented otherwise.
pub fn compare_more(a: Value, b: Value, op: u32) -> Value {
    let (ka, kb) = (kind_of(a), kind_of(b));
    if ka == Kind::DictView || kb == Kind::DictView {
        return view_compare(a, b, op);
    }
    if ka == Kind::Method && kb == Kind::Method && (op == ops::CMP_EQ || op == ops::CMP_NE) {
        let (x, y) = (
            crate::objects::method::parts(a),
            crate::objects::method::parts(b),
        );
        return bool_value((x.0 == y.0 && x.1 == y.1) == (op == ops::CMP_EQ));
    }
    notimplemented()
}

/// Comparisons involving dict views (keys and items views compare like sets).
pub fn view_compare(a: Value, b: Value, op: u32) -> Value {
    let is_view = |v: Value| !v.is_small() && kind_of(v) == Kind::DictView;
    let setlike =
        |v: Value| (is_view(v) && it::view_parts(v).1 != DictPart::Values) || set::is_anyset(v);
    if !setlike(a) || !setlike(b) {
        if (op == ops::CMP_EQ || op == ops::CMP_NE) && is_view(a) && is_view(b) {
            return bool_value((a == b) == (op == ops::CMP_EQ));
        }
        return notimplemented();
    }
    let x = if is_view(a) { view_set(a) } else { Some(a) };
    let y = if is_view(b) { view_set(b) } else { Some(b) };
    match (x, y) {
        (Some(x), Some(y)) => set::compare(x, y, op),
        _ => {
            if errors::occurred() {
                Value::NULL
            } else {
                notimplemented()
            }
        }
    }
}

/// Binary operators of the types added after the first runtime (complex, sets, bytes, dict
/// views, type unions); None when none applies.
pub fn binary_more(a: Value, b: Value, op: BinOp, inplace: bool) -> Option<Value> {
    if a.is_small() && b.is_small() {
        return None;
    }
    if complex::is_complex(a) || complex::is_complex(b) {
        return Some(complex::binary(a, b, op));
    }
    let (ka, kb) = (kind_of(a), kind_of(b));
    if op == BinOp::Or && inplace && ka == Kind::Dict {
        return Some(if dict::update(a, b) { a } else { Value::NULL });
    }
    if matches!(ka, Kind::Set | Kind::FrozenSet) && matches!(kb, Kind::Set | Kind::FrozenSet) {
        return Some(set::binary(a, b, op, inplace));
    }
    if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor | BinOp::Sub)
        && (ka == Kind::DictView || kb == Kind::DictView)
    {
        return Some(view_binary(a, b, op));
    }
    if matches!(ka, Kind::Bytes | Kind::ByteArray)
        || (op == BinOp::Mul && matches!(kb, Kind::Bytes | Kind::ByteArray))
    {
        return Some(bytes::binary(a, b, op, inplace));
    }
    if op == BinOp::Or
        && is_union_arg(a)
        && is_union_arg(b)
        && (ka == Kind::Type || kb == Kind::Type || is_alias(a) || is_alias(b))
    {
        return Some(make_union(a, b));
    }
    None
}

fn view_binary(a: Value, b: Value, op: BinOp) -> Value {
    let is_view = |v: Value| {
        !v.is_small() && kind_of(v) == Kind::DictView && it::view_parts(v).1 != DictPart::Values
    };
    if !is_view(a) && !is_view(b) {
        return notimplemented();
    }
    let left = if is_view(a) {
        match view_set(a) {
            Some(s) => s,
            None => {
                return if errors::occurred() {
                    Value::NULL
                } else {
                    notimplemented()
                }
            }
        }
    } else {
        let s = set::make_new(types().set, a);
        if s.is_null() {
            if errors::current_matches(crate::object::exc_types().type_error) {
                errors::fetch();
                return notimplemented();
            }
            return s;
        }
        s
    };
    let ok = match op {
        BinOp::Or => set::update(left, b),
        BinOp::And => {
            let r = set::intersection(left, b);
            return r;
        }
        BinOp::Sub => {
            let r = set::difference(
                left,
                if is_view(b) {
                    view_set(b).unwrap_or(b)
                } else {
                    b
                },
            );
            return r;
        }
        _ => {
            let r = set::symmetric_difference(left, b);
            return r;
        }
    };
    if ok {
        left
    } else {
        Value::NULL
    }
}

// ---- generic wrappers -----------------------------------------------------------------------

const OPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::And,
    BinOp::FloorDiv,
    BinOp::LShift,
    BinOp::MatMul,
    BinOp::Mul,
    BinOp::Mod,
    BinOp::Or,
    BinOp::Pow,
    BinOp::RShift,
    BinOp::Sub,
    BinOp::TrueDiv,
    BinOp::Xor,
];

fn is_intlike(v: Value) -> bool {
    int::is_int(v)
}

/// Do `x` and `y` fit the operand types of the numeric family of `x`'s layout (so that
/// `int.__add__(1, 2.0)` is NotImplemented as in CPython)?
fn family_ok(x: Value, y: Value) -> bool {
    if x.is_small() || matches!(kind_of(x), Kind::Int | Kind::Bool) {
        return is_intlike(y);
    }
    match kind_of(x) {
        Kind::Float => float::is_float(y) || is_intlike(y),
        Kind::Complex => complex::is_complex(y) || float::is_float(y) || is_intlike(y),
        _ => true,
    }
}

fn w_bin<const OP: usize, const R: bool>(a: &[Value], k: Value) -> Value {
    let name = OPS[OP].dunder();
    if !check_args(if R { name.1 } else { name.0 }, a, k, 1, 1) {
        return Value::NULL;
    }
    if !family_ok(a[0], a[1]) {
        return notimplemented();
    }
    if R {
        ops::builtin_binary(a[1], a[0], OPS[OP], false)
    } else {
        ops::builtin_binary(a[0], a[1], OPS[OP], false)
    }
}

fn w_ibin<const OP: usize>(a: &[Value], k: Value) -> Value {
    if !check_args(OPS[OP].dunder().2, a, k, 1, 1) {
        return Value::NULL;
    }
    ops::builtin_binary(a[0], a[1], OPS[OP], true)
}

fn w_cmp<const OP: u32>(a: &[Value], k: Value) -> Value {
    if !check_args("comparison", a, k, 1, 1) {
        return Value::NULL;
    }
    if !family_ok(a[0], a[1]) {
        return notimplemented();
    }
    ops::compare_kinds(a[0], a[1], OP)
}

fn w_repr(a: &[Value], k: Value) -> Value {
    if !check_args("__repr__", a, k, 0, 0) {
        return Value::NULL;
    }
    ops::repr_builtin(a[0])
}

/// The hash of `v` by its built-in layout.
pub fn hash_builtin(v: Value) -> Option<i64> {
    if v.is_small() {
        return Some(int::hash_i64(v.small()));
    }
    match kind_of(v) {
        Kind::Str => Some(pystr::hash(v)),
        Kind::Int | Kind::Bool => Some(int::hash(v)),
        Kind::Float => Some(float::hash_f64(float::value(v))),
        Kind::Tuple => ops::hash(tuple::new(tuple::items(v))),
        Kind::FrozenSet => Some(set::hash(v)),
        Kind::Bytes => Some(bytes::hash(v)),
        Kind::Complex => Some(complex::hash(v)),
        _ => Some(type_::identity_hash(v)),
    }
}

fn w_hash(a: &[Value], k: Value) -> Value {
    if !check_args("__hash__", a, k, 0, 0) {
        return Value::NULL;
    }
    match hash_builtin(a[0]) {
        Some(h) => int::from_i64(h),
        None => Value::NULL,
    }
}

fn w_len(a: &[Value], k: Value) -> Value {
    if !check_args("__len__", a, k, 0, 0) {
        return Value::NULL;
    }
    match ops::len_builtin(a[0]) {
        Some(n) => int::from_i64(n),
        None => Value::NULL,
    }
}

fn w_getitem(a: &[Value], k: Value) -> Value {
    if !check_args("__getitem__", a, k, 1, 1) {
        return Value::NULL;
    }
    ops::getitem_builtin(a[0], a[1])
}

fn w_setitem(a: &[Value], k: Value) -> Value {
    if !check_args("__setitem__", a, k, 2, 2) {
        return Value::NULL;
    }
    if ops::setitem_builtin(a[0], a[1], a[2]) {
        none()
    } else {
        Value::NULL
    }
}

fn w_delitem(a: &[Value], k: Value) -> Value {
    if !check_args("__delitem__", a, k, 1, 1) {
        return Value::NULL;
    }
    if ops::delitem_builtin(a[0], a[1]) {
        none()
    } else {
        Value::NULL
    }
}

fn w_contains(a: &[Value], k: Value) -> Value {
    if !check_args("__contains__", a, k, 1, 1) {
        return Value::NULL;
    }
    match ops::contains_builtin(a[0], a[1]) {
        -1 => Value::NULL,
        r => bool_value(r == 1),
    }
}

fn w_iter(a: &[Value], k: Value) -> Value {
    if !check_args("__iter__", a, k, 0, 0) {
        return Value::NULL;
    }
    let v = a[0];
    match kind_of(v) {
        Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes | Kind::ByteArray => it::seq_iter(v),
        Kind::Dict => it::dict_iter(v, DictPart::Keys),
        Kind::Set | Kind::FrozenSet => set::iter(v),
        Kind::Range => it::range_iter(v),
        Kind::DictView => {
            let (d, part) = it::view_parts(v);
            it::dict_iter(d, part)
        }
        _ => ops::iter(v),
    }
}

fn w_self(a: &[Value], _k: Value) -> Value {
    a[0]
}

fn w_next(a: &[Value], k: Value) -> Value {
    if !check_args("__next__", a, k, 0, 0) {
        return Value::NULL;
    }
    let r = ops::next_builtin(a[0]);
    if r == Value::DONE {
        return errors::raise_args(crate::object::exc_types().stop_iteration, &[]);
    }
    r
}

fn w_reversed(a: &[Value], k: Value) -> Value {
    if !check_args("__reversed__", a, k, 0, 0) {
        return Value::NULL;
    }
    let v = a[0];
    match kind_of(v) {
        Kind::Dict => {
            let keys: Vec<Value> = dict::keys(v).into_iter().rev().collect();
            it::seq_iter(tuple::new(&keys))
        }
        _ => {
            let Some(n) = ops::len_builtin(v) else {
                return Value::NULL;
            };
            it::combinator(types().reversed, v, Value::NULL, n)
        }
    }
}

fn w_bool(a: &[Value], k: Value) -> Value {
    if !check_args("__bool__", a, k, 0, 0) {
        return Value::NULL;
    }
    let v = a[0];
    let t = match kind_of(v) {
        Kind::Float => float::value(v) != 0.0,
        Kind::Complex => {
            let (re, im) = complex::parts(v);
            re != 0.0 || im != 0.0
        }
        _ if int::is_int(v) => !int::is_zero(v),
        _ => ops::len_builtin(v).map(|n| n != 0).unwrap_or(true),
    };
    bool_value(t)
}

fn plain_int(v: Value) -> Value {
    int::from_big(int::to_big(v))
}

fn w_neg(a: &[Value], _k: Value) -> Value {
    let v = a[0];
    if float::is_float(v) {
        return float::new(-float::value(v));
    }
    int::neg(v)
}
fn w_pos(a: &[Value], _k: Value) -> Value {
    let v = a[0];
    if float::is_float(v) {
        return float::new(float::value(v));
    }
    plain_int(v)
}
fn w_abs(a: &[Value], _k: Value) -> Value {
    let v = a[0];
    if float::is_float(v) {
        return float::new(float::value(v).abs());
    }
    int::abs(v)
}
fn w_invert(a: &[Value], _k: Value) -> Value {
    int::invert(a[0])
}
fn w_int(a: &[Value], _k: Value) -> Value {
    let v = a[0];
    if float::is_float(v) {
        return float::to_int(float::value(v));
    }
    plain_int(v)
}
fn w_float(a: &[Value], _k: Value) -> Value {
    match float::coerce(a[0]) {
        Some(f) => float::new(f),
        None => Value::NULL,
    }
}

fn w_format(a: &[Value], k: Value) -> Value {
    if !check_args("__format__", a, k, 1, 1) {
        return Value::NULL;
    }
    if !pystr::is_str(a[1]) {
        return errors::type_error(&format!(
            "format() argument 2 must be str, not {}",
            type_name_of(a[1])
        ));
    }
    crate::builtins::format::format_builtin(a[0], a[1])
}

fn w_getnewargs(a: &[Value], _k: Value) -> Value {
    tuple::new(&[a[0]])
}

// ---- constructors (`T.__new__`, `T.__init__`) -------------------------------------------------

fn cls_arg(a: &[Value], base: *mut TypeObject) -> Option<*mut TypeObject> {
    let bn = type_name(base);
    if a.is_empty() {
        errors::type_error(&format!("{bn}.__new__(): not enough arguments"));
        return None;
    }
    if a[0].is_small() || kind_of(a[0]) != Kind::Type {
        errors::type_error(&format!(
            "{bn}.__new__(X): X is not a type object ({})",
            type_name_of(a[0])
        ));
        return None;
    }
    let t = a[0].ptr::<TypeObject>();
    if !is_subtype(t, base) {
        errors::type_error(&format!(
            "{bn}.__new__({}): {} is not a subtype of {bn}",
            type_name(t),
            type_name(t)
        ));
        return None;
    }
    Some(t)
}

fn n_int(a: &[Value], k: Value) -> Value {
    let Some(t) = cls_arg(a, types().int) else {
        return Value::NULL;
    };
    let v = type_::int_new(&a[1..], k);
    type_::retype(v, t)
}
fn n_float(a: &[Value], k: Value) -> Value {
    let Some(t) = cls_arg(a, types().float) else {
        return Value::NULL;
    };
    if !k.is_null() && tuple::len(k) > 0 {
        return errors::type_error("float() takes no keyword arguments");
    }
    let v = type_::float_new(&a[1..]);
    type_::retype(v, t)
}
fn n_str(a: &[Value], k: Value) -> Value {
    let Some(t) = cls_arg(a, types().str) else {
        return Value::NULL;
    };
    let v = pystr::construct(&a[1..], k);
    if v.is_null() {
        return v;
    }
    let v = if type_of(v) != types().str {
        pystr::new(pystr::as_str(v))
    } else {
        v
    };
    type_::retype(v, t)
}
fn n_tuple(a: &[Value], k: Value) -> Value {
    let Some(t) = cls_arg(a, types().tuple) else {
        return Value::NULL;
    };
    if !k.is_null() && tuple::len(k) > 0 {
        return errors::type_error("tuple() takes no keyword arguments");
    }
    if a.len() > 2 {
        return errors::type_error(&format!(
            "tuple expected at most 1 argument, got {}",
            a.len() - 1
        ));
    }
    let v = if a.len() == 2 {
        match ops::collect(a[1]) {
            Some(items) => tuple::new(&items),
            None => return Value::NULL,
        }
    } else {
        tuple::new(&[])
    };
    type_::retype(v, t)
}
fn n_list(a: &[Value], _k: Value) -> Value {
    let Some(t) = cls_arg(a, types().list) else {
        return Value::NULL;
    };
    type_::retype(list::with_capacity(0), t)
}
fn i_list(a: &[Value], k: Value) -> Value {
    if !k.is_null() && tuple::len(k) > 0 {
        return errors::type_error("list() takes no keyword arguments");
    }
    if a.len() > 2 {
        return errors::type_error(&format!(
            "list expected at most 1 argument, got {}",
            a.len() - 1
        ));
    }
    let l = a[0];
    let items = if a.len() == 2 {
        match ops::collect(a[1]) {
            Some(v) => v,
            None => return Value::NULL,
        }
    } else {
        Vec::new()
    };
    unsafe { (*l.ptr::<list::ListObject>()).len = 0 };
    if list::extend_from(l, &items) {
        none()
    } else {
        Value::NULL
    }
}
fn n_dict(a: &[Value], _k: Value) -> Value {
    let Some(t) = cls_arg(a, types().dict) else {
        return Value::NULL;
    };
    type_::retype(dict::new(), t)
}
fn i_dict(a: &[Value], k: Value) -> Value {
    if type_::dict_init(a[0], &a[1..], k) {
        none()
    } else {
        Value::NULL
    }
}

// ---- GenericAlias and UnionType -----------------------------------------------------------

static mut GENERIC_ALIAS: *mut TypeObject = std::ptr::null_mut();
static mut UNION_TYPE: *mut TypeObject = std::ptr::null_mut();

fn is_alias(v: Value) -> bool {
    !v.is_small() && unsafe { type_of(v) == GENERIC_ALIAS || type_of(v) == UNION_TYPE }
}

fn is_union_arg(v: Value) -> bool {
    v == none() || (!v.is_small() && kind_of(v) == Kind::Type) || is_alias(v)
}

fn alias_field(v: Value, name: &str) -> Value {
    let d = type_::instance_dict(v);
    dict::get_by_name(d, name)
}

fn new_alias(ty: *mut TypeObject, origin: Value, args: Value) -> Value {
    let v = alloc_object(ty, std::mem::size_of::<type_::InstanceObject>());
    if v.is_null() {
        return v;
    }
    let d = type_::instance_dict(v);
    if !origin.is_null() {
        dict::set_by_name(d, "__origin__", origin);
    }
    dict::set_by_name(d, "__args__", args);
    dict::set_by_name(d, "__parameters__", tuple::new(&[]));
    v
}

/// `GenericAlias(origin, args)`, and `__new__` of its subclasses.
fn alias_new(args: &[Value], kw: Value) -> Value {
    if !kw.is_null() && tuple::len(kw) > 0 {
        return errors::type_error("GenericAlias() takes no keyword arguments");
    }
    if args.len() != 3 {
        return errors::type_error(&format!(
            "GenericAlias expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        ));
    }
    let cls = args[0];
    if cls.is_small() || kind_of(cls) != Kind::Type {
        return errors::type_error("GenericAlias.__new__(X): X is not a type object");
    }
    let tp = cls.ptr::<TypeObject>();
    let v = if tp == unsafe { GENERIC_ALIAS } {
        alloc_object(tp, std::mem::size_of::<type_::InstanceObject>())
    } else {
        type_::alloc_instance_of(tp)
    };
    if v.is_null() {
        return v;
    }
    let a = args[2];
    let a = if !a.is_small() && kind_of(a) == Kind::Tuple {
        a
    } else {
        tuple::new(&[a])
    };
    let d = type_::instance_dict(v);
    dict::set_by_name(d, "__origin__", args[1]);
    dict::set_by_name(d, "__args__", a);
    dict::set_by_name(d, "__parameters__", tuple::new(&[]));
    v
}

/// `T[args]` for a built-in generic type.
pub fn generic_alias(t: Value, args: Value) -> Value {
    let args = if !args.is_small() && kind_of(args) == Kind::Tuple {
        args
    } else {
        tuple::new(&[args])
    };
    new_alias(unsafe { GENERIC_ALIAS }, t, args)
}

fn make_union(a: Value, b: Value) -> Value {
    let mut items: Vec<Value> = Vec::new();
    for v in [a, b] {
        let parts = if !v.is_small() && type_of(v) == unsafe { UNION_TYPE } {
            tuple::items(alias_field(v, "__args__")).to_vec()
        } else if v == none() {
            vec![Value::from_ptr(types().none)]
        } else {
            vec![v]
        };
        for p in parts {
            let mut dup = false;
            for q in &items {
                match ops::eq(*q, p) {
                    Some(true) => dup = true,
                    Some(false) => {}
                    None => return Value::NULL,
                }
            }
            if !dup {
                items.push(p);
            }
        }
    }
    if items.len() == 1 {
        return items[0];
    }
    new_alias(unsafe { UNION_TYPE }, Value::NULL, tuple::new(&items))
}

fn alias_item_repr(v: Value) -> Option<String> {
    if v == crate::object::ellipsis() {
        return Some("...".into());
    }
    if v == Value::from_ptr(types().none) {
        return Some("None".into());
    }
    if !v.is_small() && kind_of(v) == Kind::Type {
        return Some(type_::qualified_name(v.ptr()));
    }
    if !v.is_small() && kind_of(v) == Kind::List {
        let mut parts = Vec::new();
        for x in list::items(v).to_vec() {
            parts.push(alias_item_repr(x)?);
        }
        return Some(format!("[{}]", parts.join(", ")));
    }
    let r = ops::repr(v);
    if r.is_null() {
        return None;
    }
    Some(pystr::as_str(r).to_string())
}

fn alias_repr(a: &[Value], _k: Value) -> Value {
    let v = a[0];
    let args = tuple::items(alias_field(v, "__args__")).to_vec();
    let mut parts = Vec::new();
    for x in &args {
        match alias_item_repr(*x) {
            Some(s) => parts.push(s),
            None => return Value::NULL,
        }
    }
    if type_of(v) == unsafe { UNION_TYPE } {
        return pystr::new(&parts.join(" | "));
    }
    let Some(o) = alias_item_repr(alias_field(v, "__origin__")) else {
        return Value::NULL;
    };
    if args.is_empty() {
        return pystr::new(&format!("{o}[()]"));
    }
    pystr::new(&format!("{o}[{}]", parts.join(", ")))
}

fn alias_call(a: &[Value], k: Value) -> Value {
    let o = alias_field(a[0], "__origin__");
    if o.is_null() {
        return errors::type_error(&format!("'{}' object is not callable", type_name_of(a[0])));
    }
    ops::call(o, &a[1..], k)
}

fn alias_eq(a: &[Value], k: Value) -> Value {
    if !check_args("__eq__", a, k, 1, 1) {
        return Value::NULL;
    }
    if a[1].is_small() || type_of(a[1]) != type_of(a[0]) {
        return notimplemented();
    }
    if type_of(a[0]) == unsafe { UNION_TYPE } {
        let x = set::make_new(types().frozenset, alias_field(a[0], "__args__"));
        let y = set::make_new(types().frozenset, alias_field(a[1], "__args__"));
        if x.is_null() || y.is_null() {
            return Value::NULL;
        }
        return set::compare(x, y, ops::CMP_EQ);
    }
    let x = tuple::new(&[
        alias_field(a[0], "__origin__"),
        alias_field(a[0], "__args__"),
    ]);
    let y = tuple::new(&[
        alias_field(a[1], "__origin__"),
        alias_field(a[1], "__args__"),
    ]);
    ops::compare(x, y, ops::CMP_EQ)
}

fn alias_hash(a: &[Value], _k: Value) -> Value {
    let x = tuple::new(&[alias_field(a[0], "__args__")]);
    match ops::hash(x) {
        Some(h) => int::from_i64(h),
        None => Value::NULL,
    }
}

fn alias_or(a: &[Value], k: Value) -> Value {
    if !check_args("__or__", a, k, 1, 1) {
        return Value::NULL;
    }
    if !is_union_arg(a[1]) {
        return notimplemented();
    }
    make_union(a[0], a[1])
}

fn alias_ror(a: &[Value], k: Value) -> Value {
    if !check_args("__ror__", a, k, 1, 1) {
        return Value::NULL;
    }
    if !is_union_arg(a[1]) {
        return notimplemented();
    }
    make_union(a[1], a[0])
}

fn alias_getattr(a: &[Value], _k: Value) -> Value {
    let o = alias_field(a[0], "__origin__");
    if o.is_null() || pystr::as_str(a[1]).starts_with("__") {
        return errors::attribute_error(&format!(
            "'{}' object has no attribute '{}'",
            type_name_of(a[0]),
            pystr::as_str(a[1])
        ));
    }
    ops::getattr(o, a[1])
}

fn alias_mro_entries(a: &[Value], _k: Value) -> Value {
    tuple::new(&[alias_field(a[0], "__origin__")])
}

fn class_getitem(a: &[Value], k: Value) -> Value {
    if !check_args("__class_getitem__", a, k, 1, 1) {
        return Value::NULL;
    }
    generic_alias(a[0], a[1])
}

/// Union members for `isinstance(x, int | str)`: the types of a UnionType; None otherwise.
pub fn union_members(v: Value) -> Option<Vec<Value>> {
    if !v.is_small() && type_of(v) == unsafe { UNION_TYPE } {
        return Some(tuple::items(alias_field(v, "__args__")).to_vec());
    }
    None
}

fn type_or(a: &[Value], k: Value) -> Value {
    if !check_args("__or__", a, k, 1, 1) {
        return Value::NULL;
    }
    if !is_union_arg(a[1]) {
        return notimplemented();
    }
    make_union(a[0], a[1])
}

fn type_ror(a: &[Value], k: Value) -> Value {
    if !check_args("__ror__", a, k, 1, 1) {
        return Value::NULL;
    }
    if !is_union_arg(a[1]) {
        return notimplemented();
    }
    make_union(a[1], a[0])
}

// ---- registration ---------------------------------------------------------------------------

fn add(t: *mut TypeObject, name: &str, f: NativeFn) {
    add_method(t, name, f);
}

fn add_numeric(t: *mut TypeObject, ops_mask: &[usize]) {
    macro_rules! bin {
        ($($i:literal),*) => {
            [$((
                w_bin::<$i, false> as NativeFn,
                w_bin::<$i, true> as NativeFn,
                w_ibin::<$i> as NativeFn
            )),*]
        };
    }
    let fns = bin!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    for &i in ops_mask {
        let (n, r, _) = OPS[i].dunder();
        add(t, n, fns[i].0);
        add(t, r, fns[i].1);
    }
}

fn add_inplace(t: *mut TypeObject, op: usize, f: NativeFn) {
    add(t, OPS[op].dunder().2, f);
}

fn add_compare(t: *mut TypeObject) {
    let c: [(&str, NativeFn); 6] = [
        ("__lt__", w_cmp::<0>),
        ("__le__", w_cmp::<1>),
        ("__eq__", w_cmp::<2>),
        ("__ne__", w_cmp::<3>),
        ("__gt__", w_cmp::<4>),
        ("__ge__", w_cmp::<5>),
    ];
    for (n, f) in c {
        add(t, n, f);
    }
}

const ADD: usize = 0;
const AND: usize = 1;
const FLOORDIV: usize = 2;
const LSHIFT: usize = 3;
const MUL: usize = 5;
const MOD: usize = 6;
const OR: usize = 7;
const POW: usize = 8;
const RSHIFT: usize = 9;
const SUB: usize = 10;
const TRUEDIV: usize = 11;
const XOR: usize = 12;

pub fn init() {
    let t = types();
    unsafe {
        OBJECT_HASH = dict::get_by_name((*t.object).dict, "__hash__");
    }
    // Numbers.
    let int_ops = [
        ADD, AND, FLOORDIV, LSHIFT, MUL, MOD, OR, POW, RSHIFT, SUB, TRUEDIV, XOR,
    ];
    add_numeric(t.int, &int_ops);
    add_numeric(t.float, &[ADD, FLOORDIV, MUL, MOD, POW, SUB, TRUEDIV]);
    add_numeric(t.complex, &[ADD, MUL, POW, SUB, TRUEDIV]);
    for ty in [t.int, t.float, t.complex] {
        add_compare(ty);
        add(ty, "__repr__", w_repr);
        add(ty, "__hash__", w_hash);
        add(ty, "__bool__", w_bool);
        add(ty, "__neg__", w_neg);
        add(ty, "__pos__", w_pos);
        add(ty, "__format__", w_format);
        add(ty, "__getnewargs__", w_getnewargs);
    }
    for ty in [t.int, t.float] {
        add(ty, "__abs__", w_abs);
        add(ty, "__int__", w_int);
        add(ty, "__float__", w_float);
    }
    add(t.int, "__invert__", w_invert);
    add(t.int, "__index__", w_int);
    add_static(t.int, "__new__", n_int);
    add_static(t.float, "__new__", n_float);
    add(t.bool, "__repr__", w_repr);
    // Strings and sequences.
    for ty in [t.str, t.list, t.tuple, t.bytes, t.bytearray] {
        add_compare(ty);
        add(ty, "__len__", w_len);
        add(ty, "__getitem__", w_getitem);
        add(ty, "__contains__", w_contains);
        add(ty, "__iter__", w_iter);
        add(ty, "__repr__", w_repr);
    }
    for ty in [t.str, t.list, t.tuple, t.bytes, t.bytearray] {
        add_numeric(ty, &[ADD, MUL]);
    }
    add_numeric(t.str, &[MOD]);
    add(t.str, "__hash__", w_hash);
    add(t.str, "__str__", w_self_str);
    add(t.str, "__format__", w_format);
    add(t.tuple, "__hash__", w_hash);
    add(t.list, "__setitem__", w_setitem);
    add(t.list, "__delitem__", w_delitem);
    add(t.list, "__reversed__", w_reversed);
    add_inplace(t.list, ADD, w_ibin::<0>);
    add_inplace(t.list, MUL, w_ibin::<5>);
    add(t.bytearray, "__setitem__", w_setitem);
    add(t.bytearray, "__delitem__", w_delitem);
    add_inplace(t.bytearray, ADD, w_ibin::<0>);
    add_static(t.str, "__new__", n_str);
    add_static(t.tuple, "__new__", n_tuple);
    add_static(t.list, "__new__", n_list);
    add(t.list, "__init__", i_list);
    add(t.tuple, "__getnewargs__", w_getnewargs);
    unsafe {
        dict::set_by_name((*t.list).dict, "__hash__", none());
        dict::set_by_name((*t.dict).dict, "__hash__", none());
    }
    // Dicts.
    add(t.dict, "__len__", w_len);
    add(t.dict, "__getitem__", w_getitem);
    add(t.dict, "__setitem__", w_setitem);
    add(t.dict, "__delitem__", w_delitem);
    add(t.dict, "__contains__", w_contains);
    add(t.dict, "__iter__", w_iter);
    add(t.dict, "__reversed__", w_reversed);
    add(t.dict, "__repr__", w_repr);
    add(t.dict, "__eq__", w_cmp::<2>);
    add(t.dict, "__ne__", w_cmp::<3>);
    add_numeric(t.dict, &[OR]);
    add_inplace(t.dict, OR, w_ibin::<7>);
    add_static(t.dict, "__new__", n_dict);
    add(t.dict, "__init__", i_dict);
    // Sets.
    for ty in [t.set, t.frozenset] {
        add_compare(ty);
        add_numeric(ty, &[AND, OR, SUB, XOR]);
    }
    for op in [AND, OR, SUB, XOR] {
        let f: NativeFn = match op {
            AND => w_ibin::<1>,
            OR => w_ibin::<7>,
            SUB => w_ibin::<10>,
            _ => w_ibin::<12>,
        };
        add_inplace(t.set, op, f);
    }
    // Ranges and iterators.
    add(t.range, "__len__", w_len);
    add(t.range, "__getitem__", w_getitem);
    add(t.range, "__contains__", w_contains);
    add(t.range, "__iter__", w_iter);
    add(t.range, "__reversed__", w_reversed);
    for ty in [
        t.seq_iter,
        t.range_iter,
        t.dict_iter,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
        t.call_iter,
    ] {
        add(ty, "__iter__", w_self);
        add(ty, "__next__", w_next);
    }
    for ty in [t.dict_keys, t.dict_items, t.dict_values] {
        add(ty, "__iter__", w_iter);
        add(ty, "__len__", w_len);
        add(ty, "__contains__", w_contains);
        add(ty, "__repr__", w_repr);
        add(ty, "__reversed__", w_view_reversed);
    }
    for ty in [t.list, t.dict, t.tuple, t.set, t.frozenset, t.type_] {
        builtin_function::add_classmethod(ty, "__class_getitem__", class_getitem);
    }
    crate::objects::descriptor::add_getter(t.slice, "start", g_slice_start);
    crate::objects::descriptor::add_getter(t.slice, "stop", g_slice_stop);
    crate::objects::descriptor::add_getter(t.slice, "step", g_slice_step);
    add(t.slice, "indices", m_slice_indices);
    add(t.type_, "__or__", type_or);
    add(t.type_, "__ror__", type_ror);
    init_mapping_proxy();
    init_iterator_new();
    // types.GenericAlias, types.UnionType
    unsafe {
        GENERIC_ALIAS = crate::object::new_builtin_type("GenericAlias", Kind::Object, t.object);
        UNION_TYPE = crate::object::new_builtin_type("UnionType", Kind::Object, t.object);
        (*UNION_TYPE).flags |= crate::object::TF_FINAL;
        // GenericAlias may be subclassed (`_collections_abc._CallableGenericAlias`).
        crate::objects::builtin_function::add_static(GENERIC_ALIAS, "__new__", alias_new);
        for ty in [GENERIC_ALIAS, UNION_TYPE] {
            (*ty).module = pystr::intern("types");
            add(ty, "__repr__", alias_repr);
            add(ty, "__eq__", alias_eq);
            add(ty, "__hash__", alias_hash);
            add(ty, "__or__", alias_or);
            add(ty, "__ror__", alias_ror);
        }
        add(GENERIC_ALIAS, "__call__", alias_call);
        add(GENERIC_ALIAS, "__getattr__", alias_getattr);
        add(GENERIC_ALIAS, "__mro_entries__", alias_mro_entries);
    }
}

fn g_slice_start(a: &[Value], _k: Value) -> Value {
    crate::objects::slice::parts(a[0]).0
}
fn g_slice_stop(a: &[Value], _k: Value) -> Value {
    crate::objects::slice::parts(a[0]).1
}
fn g_slice_step(a: &[Value], _k: Value) -> Value {
    crate::objects::slice::parts(a[0]).2
}
fn m_slice_indices(a: &[Value], k: Value) -> Value {
    if !check_args("indices", a, k, 1, 1) {
        return Value::NULL;
    }
    let Some(n) = int::index_value(a[1], "indices") else {
        return Value::NULL;
    };
    if n < 0 {
        return errors::value_error("length should not be negative");
    }
    match crate::objects::slice::indices(a[0], n) {
        Some((x, y, z)) => {
            // A step beyond a machine word is clipped for indexing, but reported as it is.
            let step = crate::objects::slice::parts(a[0]).2;
            let z = if int::is_int(step) && int::as_i64(step).is_none() {
                step
            } else {
                int::from_i64(z)
            };
            tuple::new(&[int::from_i64(x), int::from_i64(y), z])
        }
        None => Value::NULL,
    }
}

fn w_self_str(a: &[Value], _k: Value) -> Value {
    let v = a[0];
    if type_of(v) == types().str {
        v
    } else {
        pystr::new(pystr::as_str(v))
    }
}

fn w_view_reversed(a: &[Value], _k: Value) -> Value {
    let (d, part) = it::view_parts(a[0]);
    let items: Vec<Value> = dict::items(d)
        .into_iter()
        .rev()
        .map(|(k, x)| match part {
            DictPart::Keys => k,
            DictPart::Values => x,
            DictPart::Items => tuple::new(&[k, x]),
        })
        .collect();
    it::seq_iter(tuple::new(&items))
}

// ---- mappingproxy ------------------------------------------------------------------------------

static mut MAPPING_PROXY: *mut TypeObject = std::ptr::null_mut();

/// A read-only view of a class's namespace (`cls.__dict__`).
pub fn mapping_proxy(d: Value) -> Value {
    let t = unsafe { MAPPING_PROXY };
    let v = alloc_object(t, std::mem::size_of::<type_::InstanceObject>() + 8);
    if !v.is_null() {
        unsafe { *type_::slot_ptr(v, 0) = d };
    }
    v
}

fn proxied(v: Value) -> Value {
    unsafe { *type_::slot_ptr(v, 0) }
}

fn mp_getitem(a: &[Value], k: Value) -> Value {
    if !check_args("__getitem__", a, k, 1, 1) {
        return Value::NULL;
    }
    ops::getitem(proxied(a[0]), a[1])
}
fn mp_contains(a: &[Value], k: Value) -> Value {
    if !check_args("__contains__", a, k, 1, 1) {
        return Value::NULL;
    }
    match ops::contains(proxied(a[0]), a[1]) {
        -1 => Value::NULL,
        r => bool_value(r == 1),
    }
}
fn mp_iter(a: &[Value], _k: Value) -> Value {
    ops::iter(proxied(a[0]))
}
fn mp_len(a: &[Value], _k: Value) -> Value {
    match ops::len(proxied(a[0])) {
        Some(n) => int::from_i64(n),
        None => Value::NULL,
    }
}
fn mp_forward(a: &[Value], k: Value, name: &str) -> Value {
    let f = ops::getattr(proxied(a[0]), pystr::intern(name));
    if f.is_null() {
        return f;
    }
    ops::call(f, &a[1..], k)
}
fn mp_keys(a: &[Value], k: Value) -> Value {
    mp_forward(a, k, "keys")
}
fn mp_values(a: &[Value], k: Value) -> Value {
    mp_forward(a, k, "values")
}
fn mp_items(a: &[Value], k: Value) -> Value {
    mp_forward(a, k, "items")
}
fn mp_get(a: &[Value], k: Value) -> Value {
    mp_forward(a, k, "get")
}
fn mp_copy(a: &[Value], k: Value) -> Value {
    mp_forward(a, k, "copy")
}
fn mp_repr(a: &[Value], _k: Value) -> Value {
    let r = ops::repr(proxied(a[0]));
    if r.is_null() {
        return r;
    }
    pystr::new(&format!("mappingproxy({})", pystr::as_str(r)))
}
fn mp_eq(a: &[Value], k: Value) -> Value {
    if !check_args("__eq__", a, k, 1, 1) {
        return Value::NULL;
    }
    let other = if !a[1].is_small() && type_of(a[1]) == unsafe { MAPPING_PROXY } {
        proxied(a[1])
    } else {
        a[1]
    };
    ops::compare(proxied(a[0]), other, ops::CMP_EQ)
}
fn mp_or(a: &[Value], k: Value) -> Value {
    if !check_args("__or__", a, k, 1, 1) {
        return Value::NULL;
    }
    ops::binary_op(proxied(a[0]), a[1], BinOp::Or)
}

/// `mappingproxy(mapping)`: a read-only view of any mapping (not of a list or tuple).
fn mp_new(a: &[Value], k: Value) -> Value {
    if !k.is_null() && tuple::len(k) > 0 {
        return errors::type_error("mappingproxy() takes no keyword arguments");
    }
    if a.len() != 2 {
        return errors::type_error(&format!(
            "mappingproxy() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        ));
    }
    let m = a[1];
    let sequence = !m.is_small() && matches!(kind_of(m), Kind::List | Kind::Tuple);
    let has_getitem = !ops::getattr_opt(m, pystr::intern("__getitem__")).is_null();
    if errors::occurred() {
        return Value::NULL;
    }
    if sequence || !has_getitem {
        return errors::type_error(&format!(
            "mappingproxy() argument must be a mapping, not {}",
            crate::object::type_name_of(m)
        ));
    }
    mapping_proxy(m)
}

pub fn init_mapping_proxy() {
    unsafe {
        let t = crate::object::new_builtin_type("mappingproxy", Kind::Object, types().object);
        (*t).flags |= crate::object::TF_FINAL | crate::object::TF_NO_DICT;
        (*t).nslots = 1;
        MAPPING_PROXY = t;
        let m: &[(&str, NativeFn)] = &[
            ("__getitem__", mp_getitem),
            ("__contains__", mp_contains),
            ("__iter__", mp_iter),
            ("__len__", mp_len),
            ("keys", mp_keys),
            ("values", mp_values),
            ("items", mp_items),
            ("get", mp_get),
            ("copy", mp_copy),
            ("__repr__", mp_repr),
            ("__eq__", mp_eq),
            ("__or__", mp_or),
        ];
        for (n, f) in m {
            add(t, n, *f);
        }
        add_static(t, "__new__", mp_new);
    }
}

fn n_builtin_iterator(a: &[Value], k: Value) -> Value {
    if a.is_empty() || a[0].is_small() || kind_of(a[0]) != Kind::Type {
        return errors::type_error("__new__(X): X is not a type object");
    }
    type_::construct_as(a[0].ptr(), &a[1..], k)
}

/// `__new__` for the built-in iterator types, so that Python classes can derive from them.
pub fn init_iterator_new() {
    let t = types();
    for ty in [t.enumerate, t.zip, t.map, t.filter, t.reversed] {
        add_static(ty, "__new__", n_builtin_iterator);
    }
}
