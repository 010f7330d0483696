//! `method`: a Python function bound to an instance.

use crate::object::{alloc_object, types};
use crate::value::{Header, Value};

#[repr(C)]
pub struct MethodObject {
    pub header: Header,
    pub func: Value,
    pub slf: Value,
}

pub fn new(func: Value, slf: Value) -> Value {
    let v = alloc_object(types().method, std::mem::size_of::<MethodObject>());
    if !v.is_null() {
        unsafe {
            (*v.ptr::<MethodObject>()).func = func;
            (*v.ptr::<MethodObject>()).slf = slf;
        }
    }
    v
}

/// `types.MethodType(func, instance)`: binds any callable to an instance.
pub fn construct(args: &[Value], kwnames: Value) -> Value {
    use crate::errors::type_error;
    if !kwnames.is_null() && crate::objects::tuple::len(kwnames) > 0 {
        return type_error("method() takes no keyword arguments");
    }
    if args.len() != 2 {
        return type_error(&format!("method expected 2 arguments, got {}", args.len()));
    }
    if !crate::ops::is_callable(args[0]) {
        return type_error("first argument must be callable");
    }
    if args[1] == crate::object::none() {
        return type_error("instance must not be None");
    }
    new(args[0], args[1])
}

pub fn parts(v: Value) -> (Value, Value) {
    unsafe {
        (
            (*v.ptr::<MethodObject>()).func,
            (*v.ptr::<MethodObject>()).slf,
        )
    }
}

fn g_self(a: &[Value], _k: Value) -> Value {
    parts(a[0]).1
}

fn g_func(a: &[Value], _k: Value) -> Value {
    parts(a[0]).0
}

fn g_forward(a: &[Value], name: &str) -> Value {
    crate::ops::getattr(parts(a[0]).0, crate::objects::str::intern(name))
}

fn g_name(a: &[Value], _k: Value) -> Value {
    g_forward(a, "__name__")
}

fn g_qualname(a: &[Value], _k: Value) -> Value {
    g_forward(a, "__qualname__")
}

fn g_doc(a: &[Value], _k: Value) -> Value {
    g_forward(a, "__doc__")
}

fn g_module(a: &[Value], _k: Value) -> Value {
    g_forward(a, "__module__")
}

fn m_eq(a: &[Value], _k: Value) -> Value {
    if a.len() != 2
        || a[1].is_small()
        || crate::object::kind_of(a[1]) != crate::object::Kind::Method
    {
        return crate::object::notimplemented();
    }
    let (x, y) = (parts(a[0]), parts(a[1]));
    crate::object::bool_value(x.0 == y.0 && x.1 == y.1)
}

fn m_hash(a: &[Value], _k: Value) -> Value {
    let (f, s) = parts(a[0]);
    crate::objects::int::from_i64(
        crate::objects::type_::identity_hash(f) ^ crate::objects::type_::identity_hash(s),
    )
}

fn b_self(a: &[Value], _k: Value) -> Value {
    let b = crate::objects::builtin_function::get(a[0]).bound;
    if b.is_null() {
        crate::builtins::module()
    } else {
        b
    }
}

fn b_name(a: &[Value], _k: Value) -> Value {
    crate::objects::builtin_function::get(a[0]).name
}

fn b_module(a: &[Value], _k: Value) -> Value {
    if crate::objects::builtin_function::get(a[0]).bound.is_null() {
        crate::objects::str::intern("builtins")
    } else {
        crate::object::none()
    }
}

/// The attributes of bound methods and built-in functions.
pub fn init_methods() {
    use crate::objects::descriptor::add_getter;
    let t = types().method;
    add_getter(t, "__self__", g_self);
    add_getter(t, "__func__", g_func);
    add_getter(t, "__name__", g_name);
    add_getter(t, "__qualname__", g_qualname);
    add_getter(t, "__doc__", g_doc);
    add_getter(t, "__module__", g_module);
    crate::objects::builtin_function::add_method(t, "__eq__", m_eq);
    crate::objects::builtin_function::add_method(t, "__hash__", m_hash);
    let b = types().builtin_function;
    add_getter(b, "__self__", b_self);
    add_getter(b, "__name__", b_name);
    add_getter(b, "__qualname__", b_name);
    add_getter(b, "__module__", b_module);
    crate::objects::builtin_function::add_method(b, "__call__", b_call);
}

/// `builtin.__call__(*args, **kwargs)`: calls the built-in.
fn b_call(a: &[Value], k: Value) -> Value {
    crate::ops::call(a[0], &a[1..], k)
}
