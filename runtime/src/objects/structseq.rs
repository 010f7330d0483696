//! Struct sequences: the named tuples of the C runtime (`sys.version_info`, `sys.float_info`,
//! `sys.hash_info`, `sys.int_info`, `sys.flags`). An instance is a tuple whose type names
//! each item: `sys.version_info.major` is item 0, and the repr lists `name=value` pairs.

use crate::object::{new_builtin_type, types, Kind, TypeObject};
use crate::objects::builtin_function::{self, NativeFn};
use crate::objects::{descriptor, dict, str as pystr, tuple};
use crate::value::Value;

/// The most fields a struct sequence here has (`sys.flags` of 3.11+ has 18).
const MAX_FIELDS: usize = 20;

macro_rules! field_getters {
    ($($i:literal),*) => {
        /// `field(i)` reads item `i` of the instance.
        const FIELD_GETTERS: [NativeFn; MAX_FIELDS] = [$(|a: &[Value], _k: Value| {
            match a.first() {
                Some(v) if !v.is_small() && crate::object::kind_of(*v) == Kind::Tuple
                    && tuple::len(*v) > $i => tuple::items(*v)[$i],
                _ => crate::errors::type_error("descriptor needs a struct sequence"),
            }
        }),*];
    };
}
field_getters!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);

/// A struct-sequence type `module.name` with the given fields, in item order.
pub fn new_type(module: &str, name: &str, fields: &[&str]) -> *mut TypeObject {
    assert!(
        fields.len() <= MAX_FIELDS,
        "struct sequence {name}: too many fields"
    );
    let t = new_builtin_type(name, Kind::Tuple, types().tuple);
    unsafe {
        (*t).module = pystr::intern(module);
        for (i, f) in fields.iter().enumerate() {
            descriptor::add_getter(t, f, FIELD_GETTERS[i]);
        }
        let names: Vec<Value> = fields.iter().map(|f| pystr::intern(f)).collect();
        dict::set_by_name((*t).dict, "_fields", tuple::new(&names));
        dict::set_by_name(
            (*t).dict,
            "n_fields",
            Value::from_small(fields.len() as i64),
        );
        dict::set_by_name(
            (*t).dict,
            "n_sequence_fields",
            Value::from_small(fields.len() as i64),
        );
        dict::set_by_name((*t).dict, "n_unnamed_fields", Value::from_small(0));
    }
    builtin_function::add_method(t, "__repr__", m_repr);
    builtin_function::add_method(t, "__reduce__", m_reduce);
    t
}

/// An instance of struct-sequence type `t` holding `items` (one per field).
pub fn new(t: *mut TypeObject, items: &[Value]) -> Value {
    let v = tuple::new(items);
    if !v.is_null() && !items.is_empty() {
        unsafe { (*v.ptr::<crate::value::Header>()).ty = t };
    }
    v
}

/// Is `v` an instance of a struct-sequence type (a tuple of a built-in type other than tuple)?
pub fn is_structseq(v: Value) -> bool {
    let t = crate::object::type_of(v);
    t != types().tuple && !crate::objects::type_::is_heap_type(t)
}

fn field_names(t: *mut TypeObject) -> &'static [Value] {
    let f = unsafe { dict::get_str((*t).dict, pystr::intern("_fields")) };
    if f.is_null() {
        &[]
    } else {
        tuple::items(f)
    }
}

/// `repr(seq)`: `module.name(field=value, ...)`.
pub fn repr(v: Value) -> Value {
    let t = crate::object::type_of(v);
    let mut out = crate::objects::type_::qualified_name(t);
    out.push('(');
    for (i, (name, item)) in field_names(t).iter().zip(tuple::items(v)).enumerate() {
        let r = crate::ops::repr(*item);
        if r.is_null() {
            return r;
        }
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(pystr::as_str(*name));
        out.push('=');
        out.push_str(pystr::as_str(r));
    }
    out.push(')');
    pystr::new(&out)
}

fn m_repr(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__repr__", a, k, 1, 1) {
        return Value::NULL;
    }
    repr(a[0])
}

/// `seq.__reduce__()`: `(type, (items,))`, as for any tuple subclass built from its items.
fn m_reduce(a: &[Value], k: Value) -> Value {
    if !builtin_function::check_args("__reduce__", a, k, 1, 1) {
        return Value::NULL;
    }
    let items = tuple::new(tuple::items(a[0]));
    let t = Value::from_ptr(crate::object::type_of(a[0]));
    tuple::new(&[t, tuple::new(&[items])])
}
