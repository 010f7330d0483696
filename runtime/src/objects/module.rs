//! `module`: a namespace object whose attributes live in its dict.

use crate::object::{alloc_object, types};
use crate::objects::{dict, str as pystr};
use crate::value::{Header, Value};

#[repr(C)]
pub struct ModuleObject {
    pub header: Header,
    pub dict: Value,
    pub name: Value,
}

pub fn new(name: &str) -> Value {
    let m = alloc_object(types().module, std::mem::size_of::<ModuleObject>());
    if m.is_null() {
        return m;
    }
    let d = dict::new();
    unsafe {
        (*m.ptr::<ModuleObject>()).dict = d;
        (*m.ptr::<ModuleObject>()).name = pystr::intern(name);
    }
    dict::set_by_name(d, "__name__", pystr::intern(name));
    dict::set_by_name(d, "__doc__", crate::object::none());
    m
}

pub fn dict_of(m: Value) -> Value {
    unsafe { (*m.ptr::<ModuleObject>()).dict }
}

pub fn name_of(m: Value) -> Value {
    unsafe { (*m.ptr::<ModuleObject>()).name }
}

/// `repr(module)`: `<module 'name' from 'file'>`, `(built-in)` for the runtime's own.
pub fn repr(m: Value) -> String {
    let d = dict_of(m);
    let n = dict::get_by_name(d, "__name__");
    let name = if !n.is_null() && pystr::is_str(n) {
        pystr::as_str(n)
    } else {
        "?"
    };
    let f = dict::get_by_name(d, "__file__");
    if !f.is_null() && pystr::is_str(f) {
        format!("<module '{name}' from '{}'>", pystr::as_str(f))
    } else if name == "sys" || name == "builtins" {
        format!("<module '{name}' (built-in)>")
    } else {
        format!("<module '{name}'>")
    }
}
