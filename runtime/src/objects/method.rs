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

pub fn parts(v: Value) -> (Value, Value) {
    unsafe { ((*v.ptr::<MethodObject>()).func, (*v.ptr::<MethodObject>()).slf) }
}
