//! Creates the built-in types that came after the first runtime (set, bytearray, complex,
//! the descriptors, super, files, ...) and fills the method tables of every type that
//! Python code can see.

use crate::object::{new_builtin_type, types, Kind, TF_FINAL, TYPES};

pub fn init() {
    unsafe {
        let t = &mut *std::ptr::addr_of_mut!(TYPES);
        let object = t.object;
        t.set = new_builtin_type("set", Kind::Set, object);
        t.frozenset = new_builtin_type("frozenset", Kind::FrozenSet, object);
        t.set_iter = new_builtin_type("set_iterator", Kind::SetIter, object);
        t.bytearray = new_builtin_type("bytearray", Kind::ByteArray, object);
        t.complex = new_builtin_type("complex", Kind::Complex, object);
        t.property = new_builtin_type("property", Kind::Property, object);
        t.classmethod = new_builtin_type("classmethod", Kind::ClassMethod, object);
        t.staticmethod = new_builtin_type("staticmethod", Kind::StaticMethod, object);
        t.member_descr = new_builtin_type("member_descriptor", Kind::MemberDescr, object);
        t.super_ = new_builtin_type("super", Kind::Super, object);
        t.text_file = new_builtin_type("TextIOWrapper", Kind::File, object);
        t.buffered_reader = new_builtin_type("BufferedReader", Kind::File, object);
        t.buffered_writer = new_builtin_type("BufferedWriter", Kind::File, object);
        t.call_iter = new_builtin_type("callable_iterator", Kind::CallIter, object);
        (*object).flags |= crate::object::TF_NO_DICT;
        for f in [
            t.bool,
            t.none,
            t.notimplemented,
            t.ellipsis,
            t.function,
            t.builtin_function,
            t.method,
            t.code,
            t.cell,
            t.range,
            t.slice,
            t.traceback,
            t.seq_iter,
            t.range_iter,
            t.dict_iter,
            t.dict_keys,
            t.dict_values,
            t.dict_items,
            t.set_iter,
            t.member_descr,
            t.call_iter,
            t.generator,
            t.coroutine,
            t.async_generator,
        ] {
            if !f.is_null() {
                (*f).flags |= TF_FINAL;
            }
        }
    }
    function_getters();
    crate::objects::type_::init_methods();
    crate::objects::exception::init_methods();
    crate::objects::file::init();
    crate::objects::memoryview::init();
    crate::objects::async_generator::init();
    crate::objects::method::init_methods();
    crate::objects::int::init_methods();
    crate::objects::float::init_methods();
    crate::objects::set::init_methods();
    crate::objects::bytes::init_methods();
    crate::objects::complex::init_methods();
    crate::objects::descriptor::init_methods();
    crate::objects::super_::init_methods();
    crate::objects::slots::init();
    crate::objects::type_::invalidate_lookups();
    let _ = types();
}

/// The data attributes of `function` as its type shows them (`types.py` takes the types of
/// `FunctionType.__code__` and `.__globals__`); instances answer them directly.
fn function_getters() {
    fn attr(args: &[crate::value::Value], name: &str) -> crate::value::Value {
        match args.first() {
            Some(f) => crate::ops::getattr(*f, crate::objects::str::intern(name)),
            None => crate::errors::type_error("descriptor needs an object"),
        }
    }
    let getters: &[(&str, crate::objects::builtin_function::NativeFn)] = &[
        ("__code__", |a, _| attr(a, "__code__")),
        ("__globals__", |a, _| attr(a, "__globals__")),
        ("__defaults__", |a, _| attr(a, "__defaults__")),
        ("__kwdefaults__", |a, _| attr(a, "__kwdefaults__")),
        ("__closure__", |a, _| attr(a, "__closure__")),
    ];
    for (name, f) in getters {
        crate::objects::descriptor::add_getter(types().function, name, *f);
    }
    // `f.__get__(obj, type=None)`: the method bound to `obj`, or `f` itself for None.
    crate::objects::builtin_function::add_method(types().function, "__get__", |a, k| {
        if !crate::objects::builtin_function::check_args("__get__", a, k, 1, 2) {
            return crate::value::Value::NULL;
        }
        if a[1] == crate::object::none() {
            return a[0];
        }
        crate::objects::method::new(a[0], a[1])
    });
}
