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
