//! `super`: attribute lookup that starts after a given class in the MRO of an object's type.
//!
//! `super()` without arguments reads the calling frame: its first argument and the `__class__`
//! cell that the compiler creates for methods that use `super` or `__class__`.

use crate::errors;
use crate::object::{
    alloc_object, is_subtype, kind_of, none, type_lookup, type_of, types, Kind, TypeObject,
};
use crate::objects::builtin_function::{self, add_method};
use crate::objects::{cell, descriptor, dict, function, str as pystr, tuple, type_};
use crate::ops;
use crate::value::{Header, Value};

#[repr(C)]
pub struct SuperObject {
    pub header: Header,
    /// The class after which the search starts.
    pub ty: Value,
    /// The instance (or class) bound; null for an unbound super.
    pub obj: Value,
    /// The type whose MRO is searched: type(obj), or obj itself when it is a class.
    pub obj_type: Value,
}

fn get(v: Value) -> &'static mut SuperObject {
    unsafe { &mut *v.ptr::<SuperObject>() }
}

/// The type whose MRO `super(ty, obj)` searches; None with TypeError when `obj` fits not.
fn check(ty: *mut TypeObject, obj: Value) -> Option<Value> {
    if !obj.is_small() && kind_of(obj) == Kind::Type && is_subtype(obj.ptr(), ty) {
        return Some(obj);
    }
    let t = type_of(obj);
    if is_subtype(t, ty) {
        return Some(Value::from_ptr(t));
    }
    let cls = ops::getattr_opt(obj, pystr::intern("__class__"));
    if !cls.is_null()
        && !cls.is_small()
        && kind_of(cls) == Kind::Type
        && cls != Value::from_ptr(t)
        && is_subtype(cls.ptr(), ty)
    {
        return Some(cls);
    }
    if errors::current_matches(crate::object::exc_types().attribute_error) {
        errors::fetch();
    }
    if crate::sys::bytecode_version() >= (3, 13) {
        let (what, name) = if !obj.is_small() && kind_of(obj) == Kind::Type {
            ("type", crate::object::type_name(obj.ptr()).to_string())
        } else {
            ("instance of", crate::object::type_name_of(obj).to_string())
        };
        errors::type_error(&format!(
            "super(type, obj): obj ({what} {name}) is not an instance or subtype of type ({}).",
            crate::object::type_name(ty)
        ));
    } else {
        errors::type_error("super(type, obj): obj must be an instance or subtype of type");
    }
    None
}

/// The arguments of a zero-argument `super()`: (`__class__`, first argument of the caller).
fn from_frame() -> Option<(Value, Value)> {
    let f = crate::frame::current();
    if f.is_null() {
        errors::runtime_error("super(): no current frame");
        return None;
    }
    unsafe {
        let c = &*(*f).code;
        if c.argcount == 0 {
            errors::runtime_error("super(): no arguments");
            return None;
        }
        let first = if (*f).args.is_null() {
            Value::NULL
        } else {
            *(*f).args
        };
        let first = if !first.is_null()
            && !first.is_small()
            && kind_of(first) == Kind::Cell
            && tuple::items(c.kinds)[0].small() == 3
        {
            cell::get(first)
        } else {
            first
        };
        if first.is_null() {
            errors::runtime_error("super(): arg[0] deleted");
            return None;
        }
        let kinds = tuple::items(c.kinds);
        let names = tuple::items(c.localsplus);
        let mut free_index = 0;
        for (i, k) in kinds.iter().enumerate() {
            if k.small() != 2 {
                continue;
            }
            if pystr::as_str(names[i]) == "__class__" {
                let fo = function::get((*f).func);
                if fo.closure.is_null() || free_index >= tuple::len(fo.closure) {
                    break;
                }
                let cl = tuple::items(fo.closure)[free_index];
                let cls = cell::get(cl);
                if cls.is_null() {
                    errors::runtime_error("super(): empty __class__ cell");
                    return None;
                }
                if cls.is_small() || kind_of(cls) != Kind::Type {
                    errors::runtime_error("super(): __class__ is not a type");
                    return None;
                }
                return Some((cls, first));
            }
            free_index += 1;
        }
        errors::runtime_error("super(): __class__ cell not found");
        None
    }
}

pub fn new(ty: Value, obj: Value) -> Value {
    let obj_type = if obj.is_null() || obj == none() {
        Value::NULL
    } else {
        match check(ty.ptr(), obj) {
            Some(t) => t,
            None => return Value::NULL,
        }
    };
    let v = alloc_object(types().super_, std::mem::size_of::<SuperObject>());
    if v.is_null() {
        return v;
    }
    let s = get(v);
    s.ty = ty;
    s.obj = if obj == none() { Value::NULL } else { obj };
    s.obj_type = obj_type;
    v
}

fn m_new(a: &[Value], k: Value) -> Value {
    if !k.is_null() && tuple::len(k) > 0 {
        return errors::type_error("super() takes no keyword arguments");
    }
    let args = &a[1..];
    let (ty, obj) = match args.len() {
        0 => match from_frame() {
            Some(p) => p,
            None => return Value::NULL,
        },
        1 | 2 => (
            args[0],
            if args.len() == 2 {
                args[1]
            } else {
                Value::NULL
            },
        ),
        n => return errors::type_error(&format!("super() takes at most 2 arguments ({n} given)")),
    };
    if ty.is_small() || kind_of(ty) != Kind::Type {
        return errors::type_error(&format!(
            "super() argument 1 must be a type, not {}",
            crate::object::type_name_of(ty)
        ));
    }
    let v = new(ty, obj);
    if v.is_null() {
        return v;
    }
    type_::retype(v, a[0].ptr())
}

fn m_init(_a: &[Value], _k: Value) -> Value {
    none()
}

/// `super(...).name`.
pub fn getattr(v: Value, name: Value) -> Value {
    let s = get(v);
    let n = pystr::as_str(name);
    if !s.obj_type.is_null() && n != "__class__" {
        let start = s.obj_type.ptr::<TypeObject>();
        let mro = unsafe { tuple::items((*start).mro) };
        if let Some(i) = mro.iter().position(|m| *m == s.ty) {
            for m in &mro[i + 1..] {
                let d = unsafe { (*m.ptr::<TypeObject>()).dict };
                let r = dict::get_str(d, name);
                if !r.is_null() {
                    let inst = if s.obj == s.obj_type {
                        Value::NULL
                    } else {
                        s.obj
                    };
                    return descriptor::get(r, inst, s.obj_type);
                }
            }
        }
    }
    match n {
        "__thisclass__" => return s.ty,
        "__self__" => return if s.obj.is_null() { none() } else { s.obj },
        "__self_class__" => {
            return if s.obj_type.is_null() {
                none()
            } else {
                s.obj_type
            }
        }
        "__class__" => return Value::from_ptr(type_of(v)),
        _ => {}
    }
    let found = type_lookup(type_of(v), name);
    if !found.is_null() {
        return descriptor::get(found, v, Value::from_ptr(type_of(v)));
    }
    errors::attribute_error(&format!("'super' object has no attribute '{n}'"))
}

pub fn repr(v: Value) -> Value {
    let s = get(v);
    let tn = crate::object::type_name(s.ty.ptr());
    if s.obj_type.is_null() {
        return pystr::new(&format!("<super: <class '{tn}'>, NULL>"));
    }
    pystr::new(&format!(
        "<super: <class '{tn}'>, <{} object>>",
        crate::object::type_name(s.obj_type.ptr())
    ))
}

fn m_repr(a: &[Value], _k: Value) -> Value {
    repr(a[0])
}

pub fn init_methods() {
    let t = types().super_;
    builtin_function::add_static(t, "__new__", m_new);
    add_method(t, "__init__", m_init);
    add_method(t, "__repr__", m_repr);
}
