//! `memoryview` over `bytes` and `bytearray`: one-dimensional, format `'B'`, contiguous
//! slices. Indexing gives ints, slicing gives views sharing the buffer, and views of a
//! bytearray write through to it. `cast` to another native integer format (`'I'`, `'q'`, ...)
//! gives a read-only reinterpretation: its length, items, `tolist`, `itemsize` and `format`.

use crate::errors;
use crate::object::{
    alloc_object, bool_value, kind_of, none, type_name_of, type_of, types, Kind, TypeObject,
};
use crate::objects::builtin_function::{add_method, add_static, check_args, NativeFn};
use crate::objects::{bytes, int, list, slice, str as pystr, tuple, type_};
use crate::ops;
use crate::value::Value;

static mut MEMORYVIEW: *mut TypeObject = std::ptr::null_mut();

const OBJ: usize = 0;
const START: usize = 1;
const LEN: usize = 2;
/// The format of a `cast` view (a str), or null for `'B'`.
const FMT: usize = 3;

/// The native integer formats `cast` accepts: (code, size, signed).
const INT_FORMATS: &[(char, usize, bool)] = &[
    ('B', 1, false),
    ('b', 1, true),
    ('c', 1, false),
    ('H', 2, false),
    ('h', 2, true),
    ('I', 4, false),
    ('i', 4, true),
    ('L', 8, false),
    ('l', 8, true),
    ('Q', 8, false),
    ('q', 8, true),
    ('N', 8, false),
    ('n', 8, true),
];

/// The view's format: (code, item size, signed).
fn format_of(v: Value) -> (char, usize, bool) {
    let f = slot(v, FMT);
    if f.is_null() {
        return ('B', 1, false);
    }
    let c = pystr::as_str(f).chars().next().unwrap_or('B');
    INT_FORMATS
        .iter()
        .copied()
        .find(|(k, _, _)| *k == c)
        .unwrap_or(('B', 1, false))
}

/// Item `i` of a cast view (native byte order).
fn item_at(v: Value, i: usize) -> Value {
    let (code, size, signed) = format_of(v);
    let d = &data(v)[i * size..(i + 1) * size];
    if code == 'c' {
        return bytes::new(d);
    }
    let mut buf = [0u8; 8];
    buf[..size].copy_from_slice(d);
    let raw = u64::from_ne_bytes(buf);
    if signed {
        let shift = 64 - 8 * size as u32;
        int::from_i64(((raw << shift) as i64) >> shift)
    } else {
        int::from_i128(raw as i128)
    }
}

fn item_count(v: Value) -> usize {
    data(v).len() / format_of(v).1
}

fn slot(v: Value, i: usize) -> Value {
    unsafe { *type_::slot_ptr(v, i) }
}

fn set_slot(v: Value, i: usize, x: Value) {
    unsafe { *type_::slot_ptr(v, i) = x }
}

pub fn is_memoryview(v: Value) -> bool {
    !v.is_small() && type_of(v) == unsafe { MEMORYVIEW }
}

fn released(v: Value) -> bool {
    slot(v, OBJ).is_null()
}

fn check(v: Value) -> bool {
    if released(v) {
        errors::value_error("operation forbidden on released memoryview object");
        return false;
    }
    true
}

/// The bytes a view shows (valid while the underlying object is not resized).
pub fn data(v: Value) -> &'static [u8] {
    let d = bytes::data(slot(v, OBJ));
    let s = slot(v, START).small() as usize;
    let n = slot(v, LEN).small() as usize;
    let end = (s + n).min(d.len());
    &d[s.min(end)..end]
}

fn make(obj: Value, start: usize, len: usize) -> Value {
    let t = unsafe { MEMORYVIEW };
    let v = alloc_object(t, std::mem::size_of::<type_::InstanceObject>() + 8 * 4);
    if v.is_null() {
        return v;
    }
    set_slot(v, OBJ, obj);
    set_slot(v, START, Value::from_small(start as i64));
    set_slot(v, LEN, Value::from_small(len as i64));
    v
}

/// `memoryview(obj)`.
pub fn new(obj: Value) -> Value {
    if is_memoryview(obj) {
        if !check(obj) {
            return Value::NULL;
        }
        let v = make(
            slot(obj, OBJ),
            slot(obj, START).small() as usize,
            slot(obj, LEN).small() as usize,
        );
        if !v.is_null() {
            set_slot(v, FMT, slot(obj, FMT));
        }
        return v;
    }
    if !bytes::is_bytes_like(obj) {
        return errors::type_error(&format!(
            "memoryview: a bytes-like object is required, not '{}'",
            type_name_of(obj)
        ));
    }
    make(obj, 0, bytes::data(obj).len())
}

fn m_new(a: &[Value], k: Value) -> Value {
    let Some(p) =
        crate::objects::builtin_function::parse_kw("memoryview", &a[1..], k, &["object"], 1)
    else {
        return Value::NULL;
    };
    new(p[0])
}

fn m_len(a: &[Value], _k: Value) -> Value {
    if !check(a[0]) {
        return Value::NULL;
    }
    Value::from_small(item_count(a[0]) as i64)
}

/// `cast(format)`: the same bytes read as items of a native integer format.
fn m_cast(a: &[Value], k: Value) -> Value {
    let Some(p) =
        crate::objects::builtin_function::parse_kw("cast", &a[1..], k, &["format", "shape"], 1)
    else {
        return Value::NULL;
    };
    if !check(a[0]) {
        return Value::NULL;
    }
    if !pystr::is_str(p[0]) {
        return errors::type_error(&format!(
            "cast() argument 'format' must be str, not {}",
            type_name_of(p[0])
        ));
    }
    if !p[1].is_null() {
        return crate::objects::builtin_function::not_yet("memoryview.cast with a shape");
    }
    let f = pystr::as_str(p[0]);
    let f = f.strip_prefix('@').unwrap_or(f);
    let Some(&(_, size, _)) = INT_FORMATS
        .iter()
        .find(|(c, _, _)| f.len() == 1 && f.starts_with(*c))
    else {
        return errors::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        );
    };
    if format_of(a[0]).1 != 1 && size != 1 {
        return errors::type_error("memoryview: cannot cast between two non-byte formats");
    }
    let n = data(a[0]).len();
    if !n.is_multiple_of(size) {
        return errors::type_error("memoryview: length is not a multiple of itemsize");
    }
    let v = make(slot(a[0], OBJ), slot(a[0], START).small() as usize, n);
    if !v.is_null() && f != "B" {
        set_slot(v, FMT, pystr::intern(f));
    }
    v
}

fn m_getitem(a: &[Value], k: Value) -> Value {
    if !check_args("__getitem__", a, k, 1, 1) || !check(a[0]) {
        return Value::NULL;
    }
    let d = data(a[0]);
    let key = a[1];
    if !key.is_small() && kind_of(key) == Kind::Slice {
        if !slot(a[0], FMT).is_null() {
            return crate::objects::builtin_function::not_yet("slices of a cast memoryview");
        }
        let Some((start, stop, step)) = slice::indices(key, d.len() as i64) else {
            return Value::NULL;
        };
        if step != 1 {
            return crate::objects::builtin_function::not_yet("memoryview slices with a step");
        }
        let n = (stop - start).max(0) as usize;
        return make(
            slot(a[0], OBJ),
            slot(a[0], START).small() as usize + start as usize,
            n,
        );
    }
    let Some(i) = int::index_value(key, "memoryview") else {
        return Value::NULL;
    };
    let n = item_count(a[0]) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return errors::index_error("index out of bounds on dimension 1");
    }
    item_at(a[0], j as usize)
}

fn m_setitem(a: &[Value], k: Value) -> Value {
    if !check_args("__setitem__", a, k, 2, 2) || !check(a[0]) {
        return Value::NULL;
    }
    let obj = slot(a[0], OBJ);
    if kind_of(obj) != Kind::ByteArray {
        return errors::type_error("cannot modify read-only memory");
    }
    if !slot(a[0], FMT).is_null() {
        return crate::objects::builtin_function::not_yet("assignment to a cast memoryview");
    }
    let base = slot(a[0], START).small() as usize;
    let n = data(a[0]).len();
    let key = a[1];
    let mut whole = bytes::data(obj).to_vec();
    if !key.is_small() && kind_of(key) == Kind::Slice {
        let Some((start, stop, step)) = slice::indices(key, n as i64) else {
            return Value::NULL;
        };
        if step != 1 {
            return crate::objects::builtin_function::not_yet("memoryview slices with a step");
        }
        let src: Vec<u8> = if is_memoryview(a[2]) {
            data(a[2]).to_vec()
        } else if bytes::is_bytes_like(a[2]) {
            bytes::data(a[2]).to_vec()
        } else {
            return errors::type_error(&format!(
                "a bytes-like object is required, not '{}'",
                type_name_of(a[2])
            ));
        };
        let len = (stop - start).max(0) as usize;
        if src.len() != len {
            return errors::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            );
        }
        whole[base + start as usize..base + start as usize + len].copy_from_slice(&src);
    } else {
        let Some(i) = int::index_value(key, "memoryview") else {
            return Value::NULL;
        };
        let j = if i < 0 { i + n as i64 } else { i };
        if j < 0 || j >= n as i64 {
            return errors::index_error("index out of bounds on dimension 1");
        }
        let b = match int::as_i64(a[2]) {
            Some(b) if (0..256).contains(&b) => b as u8,
            Some(_) => return errors::value_error("memoryview: invalid value for format 'B'"),
            None => return errors::type_error("memoryview: invalid type for format 'B'"),
        };
        whole[base + j as usize] = b;
    }
    if bytes::ba_set(obj, &whole) {
        none()
    } else {
        Value::NULL
    }
}

fn m_tobytes(a: &[Value], _k: Value) -> Value {
    if !check(a[0]) {
        return Value::NULL;
    }
    bytes::new(data(a[0]))
}

fn m_tolist(a: &[Value], _k: Value) -> Value {
    if !check(a[0]) {
        return Value::NULL;
    }
    list::from_vec((0..item_count(a[0])).map(|i| item_at(a[0], i)).collect())
}

fn m_hex(a: &[Value], k: Value) -> Value {
    if !check(a[0]) {
        return Value::NULL;
    }
    let b = bytes::new(data(a[0]));
    let f = ops::getattr(b, pystr::intern("hex"));
    if f.is_null() {
        return f;
    }
    ops::call(f, &a[1..], k)
}

fn m_release(a: &[Value], _k: Value) -> Value {
    set_slot(a[0], OBJ, Value::NULL);
    none()
}

fn m_enter(a: &[Value], _k: Value) -> Value {
    if !check(a[0]) {
        return Value::NULL;
    }
    a[0]
}

fn m_eq(a: &[Value], k: Value) -> Value {
    if !check_args("__eq__", a, k, 1, 1) {
        return Value::NULL;
    }
    if released(a[0]) {
        return bool_value(a[0] == a[1]);
    }
    let other: &[u8] = if is_memoryview(a[1]) && !released(a[1]) {
        data(a[1])
    } else if bytes::is_bytes_like(a[1]) {
        bytes::data(a[1])
    } else {
        return crate::object::notimplemented();
    };
    bool_value(data(a[0]) == other)
}

fn m_repr(a: &[Value], _k: Value) -> Value {
    let what = if released(a[0]) {
        "released memory"
    } else {
        "memory"
    };
    pystr::new(&format!("<{what} at {}>", ops::address(a[0])))
}

fn g_obj(a: &[Value], _k: Value) -> Value {
    let o = slot(a[0], OBJ);
    if o.is_null() {
        none()
    } else {
        o
    }
}
fn g_readonly(a: &[Value], _k: Value) -> Value {
    if !check(a[0]) {
        return Value::NULL;
    }
    bool_value(kind_of(slot(a[0], OBJ)) != Kind::ByteArray)
}
fn g_nbytes(a: &[Value], _k: Value) -> Value {
    if !check(a[0]) {
        return Value::NULL;
    }
    Value::from_small(data(a[0]).len() as i64)
}
fn g_itemsize(a: &[Value], _k: Value) -> Value {
    Value::from_small(format_of(a[0]).1 as i64)
}
fn g_ndim(_a: &[Value], _k: Value) -> Value {
    Value::from_small(1)
}
fn g_format(a: &[Value], _k: Value) -> Value {
    let f = slot(a[0], FMT);
    if f.is_null() {
        pystr::intern("B")
    } else {
        f
    }
}
fn g_shape(a: &[Value], _k: Value) -> Value {
    if !check(a[0]) {
        return Value::NULL;
    }
    tuple::new(&[Value::from_small(item_count(a[0]) as i64)])
}

pub fn init() {
    unsafe {
        let t = crate::object::new_builtin_type("memoryview", Kind::Object, types().object);
        (*t).flags |= crate::object::TF_FINAL | crate::object::TF_NO_DICT;
        (*t).nslots = 4;
        MEMORYVIEW = t;
        add_static(t, "__new__", m_new);
        let m: &[(&str, NativeFn)] = &[
            ("__len__", m_len),
            ("__getitem__", m_getitem),
            ("__setitem__", m_setitem),
            ("tobytes", m_tobytes),
            ("__bytes__", m_tobytes),
            ("tolist", m_tolist),
            ("cast", m_cast),
            ("hex", m_hex),
            ("release", m_release),
            ("__enter__", m_enter),
            ("__exit__", m_release),
            ("__eq__", m_eq),
            ("__repr__", m_repr),
        ];
        for (n, f) in m {
            add_method(t, n, *f);
        }
        let g: &[(&str, NativeFn)] = &[
            ("obj", g_obj),
            ("readonly", g_readonly),
            ("nbytes", g_nbytes),
            ("itemsize", g_itemsize),
            ("ndim", g_ndim),
            ("format", g_format),
            ("shape", g_shape),
        ];
        for (n, f) in g {
            crate::objects::descriptor::add_getter(t, n, *f);
        }
        crate::objects::dict::set_by_name((*t).dict, "__hash__", none());
    }
}

/// The memoryview type, for the builtins namespace.
pub fn type_object() -> *mut TypeObject {
    unsafe { MEMORYVIEW }
}
