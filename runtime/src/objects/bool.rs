//! `bool`: the two objects `True` and `False`, a subtype of `int`.

use crate::value::{Header, Value};

#[repr(C)]
pub struct BoolObject {
    pub header: Header,
    pub value: i64,
}

pub fn value(v: Value) -> bool {
    unsafe { (*v.ptr::<BoolObject>()).value != 0 }
}

/// Allocates one of the two singletons at startup.
pub fn make(b: bool) -> Value {
    let p = crate::gc::alloc_root(std::mem::size_of::<BoolObject>()) as *mut BoolObject;
    unsafe {
        (*p).header.ty = crate::object::types().bool;
        (*p).value = b as i64;
    }
    Value::from_ptr(p)
}
