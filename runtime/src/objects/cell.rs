//! `cell`: the box that a closure shares with the function that defined a variable.

use crate::object::{alloc_object, types};
use crate::value::{Header, Value};

#[repr(C)]
pub struct CellObject {
    pub header: Header,
    pub value: Value,
}

pub fn new(v: Value) -> Value {
    let c = alloc_object(types().cell, std::mem::size_of::<CellObject>());
    if !c.is_null() {
        unsafe { (*c.ptr::<CellObject>()).value = v };
    }
    c
}

pub fn get(c: Value) -> Value {
    unsafe { (*c.ptr::<CellObject>()).value }
}

pub fn set(c: Value, v: Value) {
    unsafe { (*c.ptr::<CellObject>()).value = v }
}
