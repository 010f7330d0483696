//! `type.__subclasses__()`: every type ever created is registered here in creation order, and a
//! type's direct subclasses are the registered types naming it among their bases. (CPython keeps
//! weak references; kiln keeps classes alive, as a program rarely lets a class die.)

use crate::object::TypeObject;
use crate::objects::tuple;
use crate::value::Value;

static mut ALL: Vec<*mut TypeObject> = Vec::new();

pub fn register(t: *mut TypeObject) {
    unsafe { (*std::ptr::addr_of_mut!(ALL)).push(t) }
}

/// Forgets `t` (a built-in type the program's Python version does not have).
pub fn unregister(t: *mut TypeObject) {
    unsafe { (*std::ptr::addr_of_mut!(ALL)).retain(|x| *x != t) }
}

/// The direct subclasses of `t`, oldest first.
pub fn of(t: *mut TypeObject) -> Vec<Value> {
    let all = unsafe { &*std::ptr::addr_of!(ALL) };
    all.iter()
        .filter(|s| unsafe {
            tuple::items((***s).bases)
                .iter()
                .any(|b| b.ptr::<TypeObject>() == t)
        })
        .map(|s| Value::from_ptr(*s))
        .collect()
}
