//! `type`: calling a type (construction), class attributes, and instances of classes defined
//! in Python (a dict per instance).

use crate::errors;
use crate::object::{
    alloc_object, kind_of, none, type_lookup, type_name, type_name_of, type_of, types, Kind,
    TypeObject,
};
use crate::objects::builtin_function::{self, check_count};
use crate::objects::iter::{self as it};
use crate::objects::{dict, exception, float, int, list, method, range, slice, str as pystr, tuple};
use crate::ops;
use crate::value::{Header, Value};

/// An instance of a class defined in Python.
#[repr(C)]
pub struct InstanceObject {
    pub header: Header,
    pub dict: Value,
}

/// Heap types are classes created at run time (by `class` statements).
pub fn is_heap_type(t: *mut TypeObject) -> bool {
    unsafe { (*t).module != pystr::intern("builtins") }
}

pub fn qualified_name(t: *mut TypeObject) -> String {
    unsafe {
        let m = (*t).module;
        if pystr::is_str(m) && pystr::as_str(m) != "builtins" {
            format!("{}.{}", pystr::as_str(m), type_name(t))
        } else {
            type_name(t).to_string()
        }
    }
}

pub fn repr(v: Value) -> Value {
    pystr::new(&format!("<class '{}'>", qualified_name(v.ptr())))
}

/// Applies `__get__` of a descriptor found on a type; None when `found` is not a descriptor.
pub fn descriptor_get(found: Value, obj: Value, owner: Value) -> Option<Value> {
    if found.is_small() || !is_heap_type(type_of(found)) {
        return None;
    }
    let g = type_lookup(type_of(found), pystr::intern("__get__"));
    if g.is_null() {
        return None;
    }
    Some(ops::call(g, &[found, obj, owner], Value::NULL))
}

/// `cls.name`: along the MRO, binding classmethods; then the metatype's attributes.
pub fn getattr(t: Value, name: Value) -> Value {
    let tp = t.ptr::<TypeObject>();
    let n = pystr::as_str(name);
    unsafe {
        match n {
            "__name__" => return (*tp).name,
            "__qualname__" => {
                let q = dict::get_by_name((*tp).dict, "__qualname__");
                return if q.is_null() { (*tp).name } else { q };
            }
            "__mro__" => return (*tp).mro,
            "__bases__" => return (*tp).bases,
            "__base__" => return if (*tp).base.is_null() { none() } else { Value::from_ptr((*tp).base) },
            "__dict__" => return (*tp).dict,
            "__module__" => {
                let m = dict::get_by_name((*tp).dict, "__module__");
                return if m.is_null() { (*tp).module } else { m };
            }
            "__class__" => return Value::from_ptr(type_of(t)),
            _ => {}
        }
    }
    let found = type_lookup(tp, name);
    if !found.is_null() {
        if !found.is_small() && kind_of(found) == Kind::BuiltinFunction {
            let f = builtin_function::get(found).flags;
            if f & builtin_function::CLASSMETHOD != 0 {
                return builtin_function::bind(found, t);
            }
        }
        if let Some(r) = descriptor_get(found, none(), t) {
            return r;
        }
        return found;
    }
    let meta = type_lookup(type_of(t), name);
    if !meta.is_null() {
        if !meta.is_small() && kind_of(meta) == Kind::BuiltinFunction {
            return builtin_function::bind(meta, t);
        }
        return meta;
    }
    errors::attribute_error(&format!("type object '{}' has no attribute '{n}'", type_name(tp)))
}

pub fn setattr(t: Value, name: Value, value: Value) -> bool {
    let tp = t.ptr::<TypeObject>();
    if !is_heap_type(tp) {
        errors::type_error(&format!(
            "cannot set '{}' attribute of immutable type '{}'",
            pystr::as_str(name),
            type_name(tp)
        ));
        return false;
    }
    unsafe { dict::set_str((*tp).dict, name, value) };
    true
}

pub fn delattr(t: Value, name: Value) -> bool {
    let tp = t.ptr::<TypeObject>();
    unsafe {
        match dict::pop_item((*tp).dict, name) {
            Ok(v) if !v.is_null() => true,
            Ok(_) => {
                errors::attribute_error(&format!(
                    "type object '{}' has no attribute '{}'",
                    type_name(tp),
                    pystr::as_str(name)
                ));
                false
            }
            Err(()) => false,
        }
    }
}

pub fn class_getitem(t: Value, k: Value) -> Value {
    let f = type_lookup(t.ptr(), pystr::intern("__class_getitem__"));
    if !f.is_null() {
        return ops::call(f, &[t, k], Value::NULL);
    }
    errors::type_error(&format!("type '{}' is not subscriptable", type_name(t.ptr())))
}

/// Instance attribute lookup: data descriptors on the type, the instance dict, then the type.
pub fn instance_getattr(v: Value, name: Value) -> Option<Value> {
    let t = type_of(v);
    let n = pystr::as_str(name);
    if n == "__class__" {
        return Some(Value::from_ptr(t));
    }
    let d = unsafe { (*v.ptr::<InstanceObject>()).dict };
    if n == "__dict__" && !d.is_null() {
        return Some(d);
    }
    let found = type_lookup(t, name);
    if !found.is_null() && !found.is_small() && is_heap_type(type_of(found)) {
        let ft = type_of(found);
        if !type_lookup(ft, pystr::intern("__set__")).is_null() {
            return descriptor_get(found, v, Value::from_ptr(t));
        }
    }
    if !d.is_null() {
        let r = dict::get_str(d, name);
        if !r.is_null() {
            return Some(r);
        }
    }
    if !found.is_null() {
        return Some(match kind_of(found) {
            Kind::Function => method::new(found, v),
            Kind::BuiltinFunction if builtin_function::get(found).flags & builtin_function::METHOD != 0 => {
                builtin_function::bind(found, v)
            }
            _ => descriptor_get(found, v, Value::from_ptr(t)).unwrap_or(found),
        });
    }
    let ga = type_lookup(t, pystr::intern("__getattr__"));
    if !ga.is_null() {
        return Some(ops::call(ga, &[v, name], Value::NULL));
    }
    None
}

pub fn instance_setattr(v: Value, name: Value, value: Value) -> bool {
    let t = type_of(v);
    let found = type_lookup(t, name);
    if !found.is_null() && !found.is_small() && is_heap_type(type_of(found)) {
        let s = type_lookup(type_of(found), pystr::intern("__set__"));
        if !s.is_null() {
            return !ops::call(s, &[found, v, value], Value::NULL).is_null();
        }
    }
    let sa = type_lookup(t, pystr::intern("__setattr__"));
    if !sa.is_null() && kind_of(sa) == Kind::Function {
        return !ops::call(sa, &[v, name, value], Value::NULL).is_null();
    }
    instance_store(v, name, value)
}

/// Stores into the instance dict (object.__setattr__).
pub fn instance_store(v: Value, name: Value, value: Value) -> bool {
    unsafe {
        let o = v.ptr::<InstanceObject>();
        if (*o).dict.is_null() {
            (*o).dict = dict::new();
        }
        dict::set_str((*o).dict, name, value);
    }
    true
}

pub fn instance_delattr(v: Value, name: Value) -> bool {
    let d = unsafe { (*v.ptr::<InstanceObject>()).dict };
    if !d.is_null() {
        if let Ok(x) = dict::pop_item(d, name) {
            if !x.is_null() {
                return true;
            }
        }
    }
    errors::attribute_error(&format!("'{}' object has no attribute '{}'", type_name_of(v), pystr::as_str(name)));
    false
}

fn no_kwargs(name: &str, kwnames: Value) -> bool {
    if !kwnames.is_null() && tuple::len(kwnames) > 0 {
        errors::type_error(&format!("{name}() takes no keyword arguments"));
        return false;
    }
    true
}

/// `T(args...)`.
pub fn call(t: Value, args: &[Value], kwnames: Value) -> Value {
    let tp = t.ptr::<TypeObject>();
    if is_heap_type(tp) && unsafe { (*tp).kind } == Kind::Object {
        return new_instance(tp, args, kwnames);
    }
    let kind = unsafe { (*tp).kind };
    let name = type_name(tp);
    if kind == Kind::Exception {
        if !no_kwargs(name, kwnames) {
            return Value::NULL;
        }
        let e = exception::new(tp, args);
        if is_heap_type(tp) {
            let init = type_lookup(tp, pystr::intern("__init__"));
            if !init.is_null() {
                let mut all = vec![e];
                all.extend_from_slice(args);
                if ops::call(init, &all, kwnames).is_null() {
                    return Value::NULL;
                }
            }
        }
        return e;
    }
    if kind != Kind::Dict && kind != Kind::List && !no_kwargs(name, kwnames) && kind != Kind::Int && kind != Kind::Str {
        return Value::NULL;
    }
    match kind {
        Kind::Type => {
            if args.len() == 1 {
                return Value::from_ptr(type_of(args[0]));
            }
            errors::type_error("type() takes 1 or 3 arguments")
        }
        Kind::Object => {
            if !check_count("object", args.len(), 0, 0) {
                return Value::NULL;
            }
            alloc_object(tp, std::mem::size_of::<InstanceObject>())
        }
        Kind::Int => crate::builtins::int_new(args, kwnames),
        Kind::Bool => {
            if !check_count("bool", args.len(), 0, 1) {
                return Value::NULL;
            }
            if args.is_empty() {
                return crate::object::false_();
            }
            match ops::truthy(args[0]) {
                -1 => Value::NULL,
                b => crate::object::bool_value(b == 1),
            }
        }
        Kind::Float => crate::builtins::float_new(args),
        Kind::Str => crate::builtins::str_new(args, kwnames),
        Kind::Tuple => {
            if !check_count("tuple", args.len(), 0, 1) {
                return Value::NULL;
            }
            if args.is_empty() {
                return tuple::new(&[]);
            }
            if kind_of(args[0]) == Kind::Tuple {
                return args[0];
            }
            match ops::collect(args[0]) {
                Some(v) => tuple::new(&v),
                None => Value::NULL,
            }
        }
        Kind::List => {
            if !no_kwargs("list", kwnames) || !check_count("list", args.len(), 0, 1) {
                return Value::NULL;
            }
            let l = list::with_capacity(0);
            if !args.is_empty() && !list::extend(l, args[0]) {
                return Value::NULL;
            }
            l
        }
        Kind::Dict => {
            let nkw = if kwnames.is_null() { 0 } else { tuple::len(kwnames) };
            let npos = args.len() - nkw;
            if npos > 1 {
                return errors::type_error(&format!("dict expected at most 1 argument, got {npos}"));
            }
            let d = dict::new();
            if npos == 1 && !dict::update(d, args[0]) {
                return Value::NULL;
            }
            for i in 0..nkw {
                if !dict::set_item(d, tuple::items(kwnames)[i], args[npos + i]) {
                    return Value::NULL;
                }
            }
            d
        }
        Kind::Range => range::construct(args),
        Kind::Slice => match args.len() {
            1 => slice::new(none(), args[0], none()),
            2 => slice::new(args[0], args[1], none()),
            3 => slice::new(args[0], args[1], args[2]),
            n => errors::type_error(&format!("slice expected at least 1 argument, got {n}")),
        },
        Kind::Enumerate => {
            if args.is_empty() || args.len() > 2 {
                return errors::type_error("enumerate() missing required argument 'iterable' (pos 1)");
            }
            let i = ops::iter(args[0]);
            if i.is_null() {
                return i;
            }
            let start = if args.len() > 1 { args[1] } else { Value::from_small(0) };
            it::combinator(tp, i, start, 0)
        }
        Kind::Zip => {
            let mut iters = Vec::new();
            for a in args {
                let i = ops::iter(*a);
                if i.is_null() {
                    return i;
                }
                iters.push(i);
            }
            it::combinator(tp, tuple::new(&iters), Value::NULL, 0)
        }
        Kind::Map => {
            if args.len() < 2 {
                return errors::type_error("map() must have at least two arguments.");
            }
            let mut iters = Vec::new();
            for a in &args[1..] {
                let i = ops::iter(*a);
                if i.is_null() {
                    return i;
                }
                iters.push(i);
            }
            it::combinator(tp, args[0], tuple::new(&iters), 0)
        }
        Kind::Filter => {
            if !check_count("filter", args.len(), 2, 2) {
                return Value::NULL;
            }
            let i = ops::iter(args[1]);
            if i.is_null() {
                return i;
            }
            it::combinator(tp, args[0], i, 0)
        }
        Kind::Reversed => {
            if !check_count("reversed", args.len(), 1, 1) {
                return Value::NULL;
            }
            let s = args[0];
            match kind_of(s) {
                Kind::List | Kind::Tuple | Kind::Str | Kind::Range => {
                    let Some(n) = ops::len(s) else { return Value::NULL };
                    it::combinator(tp, s, Value::NULL, n)
                }
                Kind::Dict => {
                    let keys: Vec<Value> = dict::keys(s).into_iter().rev().collect();
                    it::seq_iter(tuple::new(&keys))
                }
                _ => {
                    let r = ops::call_dunder(s, "__reversed__", &[]);
                    if !r.is_null() || errors::occurred() {
                        return r;
                    }
                    errors::type_error(&format!("'{}' object is not reversible", type_name_of(s)))
                }
            }
        }
        _ => errors::type_error(&format!("cannot create '{name}' instances")),
    }
}

fn new_instance(tp: *mut TypeObject, args: &[Value], kwnames: Value) -> Value {
    let t = Value::from_ptr(tp);
    let new_f = type_lookup(tp, pystr::intern("__new__"));
    let obj = if !new_f.is_null() && kind_of(new_f) == Kind::Function {
        let mut all = vec![t];
        all.extend_from_slice(args);
        let o = ops::call(new_f, &all, kwnames);
        if o.is_null() || !crate::object::isinstance(o, tp) {
            return o;
        }
        o
    } else {
        alloc_object(tp, std::mem::size_of::<InstanceObject>())
    };
    if obj.is_null() {
        return obj;
    }
    let init = type_lookup(tp, pystr::intern("__init__"));
    if !init.is_null() && kind_of(init) == Kind::Function {
        let mut all = vec![obj];
        all.extend_from_slice(args);
        let r = ops::call(init, &all, kwnames);
        if r.is_null() {
            return r;
        }
        if r != none() {
            return errors::type_error(&format!("__init__() should return None, not '{}'", type_name_of(r)));
        }
    } else if !args.is_empty() && new_f.is_null() {
        return errors::type_error(&format!("{}() takes no arguments", type_name(tp)));
    }
    obj
}

/// Creates a class from a `class` statement: name, bases and the namespace its body filled.
pub fn new_class(name: Value, bases: &[Value], ns: Value) -> Value {
    let mut base = types().object;
    for b in bases {
        if b.is_small() || kind_of(*b) != Kind::Type {
            return errors::type_error("bases must be types");
        }
    }
    if let Some(b) = bases.first() {
        base = b.ptr();
    }
    let t = alloc_object(types().type_, std::mem::size_of::<TypeObject>());
    if t.is_null() {
        return t;
    }
    let tp = t.ptr::<TypeObject>();
    unsafe {
        let bk = (*base).kind;
        (*tp).kind = match bk {
            Kind::Exception => Kind::Exception,
            Kind::Object => Kind::Object,
            k => {
                return errors::type_error(&format!(
                    "kiln: subclassing the built-in type '{}' is not supported yet ({k:?})",
                    type_name(base)
                ))
            }
        };
        (*tp).name = name;
        (*tp).base = base;
        (*tp).bases = tuple::new(if bases.is_empty() { &[] } else { bases });
        if bases.is_empty() {
            (*tp).bases = tuple::new(&[Value::from_ptr(base)]);
        }
        (*tp).dict = dict::copy(ns);
        let m = dict::get_by_name(ns, "__module__");
        (*tp).module = if m.is_null() { pystr::intern("__main__") } else { m };
        let Some(mro) = c3_mro(tp, bases) else { return Value::NULL };
        (*tp).mro = tuple::new(&mro);
    }
    t
}

fn c3_mro(t: *mut TypeObject, bases: &[Value]) -> Option<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| unsafe { tuple::items((*b.ptr::<TypeObject>()).mro).to_vec() }).collect();
    seqs.push(bases.to_vec());
    if bases.is_empty() {
        seqs = vec![vec![Value::from_ptr(types().object)]];
    }
    let mut out = vec![Value::from_ptr(t)];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let cand = seqs.iter().map(|s| s[0]).find(|c| !seqs.iter().any(|s| s[1..].contains(c)));
        let Some(c) = cand else {
            errors::type_error("Cannot create a consistent method resolution order (MRO)");
            return None;
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

pub fn float_value_of(v: Value) -> Option<f64> {
    float::coerce(v)
}

pub fn int_of(v: Value) -> Value {
    int::from_big(int::to_big(v))
}
