//! `frame`: the Python-visible frame object of `sys._getframe()`, made on demand for a frame
//! record (decision 7) and kept while the call runs; when the call returns it keeps what it
//! last saw (line, locals).

use crate::frame::Frame;
use crate::object::{alloc_object, none, types, TypeObject};
use crate::objects::{code, dict, int, tuple};
use crate::value::{Header, Value};

#[repr(C)]
pub struct FrameObject {
    pub header: Header,
    /// The live record, or null once the call returned.
    pub record: *mut Frame,
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    pub locals: Value,
    pub line: i64,
    pub back: Value,
}

pub static mut FRAME_TYPE: *mut TypeObject = std::ptr::null_mut();

/// The frame object of record `f` (made once, then shared).
pub fn of(f: *mut Frame) -> Value {
    unsafe {
        if !(*f).obj.is_null() {
            return (*f).obj;
        }
        let v = alloc_object(FRAME_TYPE, std::mem::size_of::<FrameObject>());
        if v.is_null() {
            return v;
        }
        let o = v.ptr::<FrameObject>();
        (*o).record = f;
        (*o).code = Value::from_ptr((*f).code as *mut code::CodeObject);
        (*o).globals = (*f).globals;
        (*o).builtins = (*f).builtins;
        (*o).locals = (*f).locals;
        (*o).line = (*f).line as i64;
        (*o).back = Value::NULL;
        (*f).obj = v;
        v
    }
}

/// A frame object for a call that has returned, known only by its code, globals, builtins
/// and last line (a traceback's `tb_frame`).
pub fn detached(code: Value, globals: Value, builtins: Value, line: i64) -> Value {
    let v = alloc_object(unsafe { FRAME_TYPE }, std::mem::size_of::<FrameObject>());
    if v.is_null() {
        return v;
    }
    unsafe {
        let o = v.ptr::<FrameObject>();
        (*o).record = std::ptr::null_mut();
        (*o).code = code;
        (*o).globals = globals;
        (*o).builtins = builtins;
        (*o).locals = dict::new();
        (*o).line = line;
        (*o).back = none();
    }
    v
}

/// Called when the record's call returns: the object keeps the last line.
pub fn detach(f: &mut Frame) {
    unsafe {
        let o = f.obj.ptr::<FrameObject>();
        (*o).line = f.line as i64;
        (*o).record = std::ptr::null_mut();
        if (*o).back.is_null() {
            (*o).back = if f.back.is_null() { none() } else { of(f.back) };
        }
    }
}

/// The arguments of a function frame as a dict (what `f_locals` can show of a compiled
/// function: its other locals live in registers).
fn argument_locals(f: *mut Frame) -> Value {
    unsafe {
        let c = &*(*f).code;
        let d = dict::new();
        let names = tuple::items(c.localsplus);
        for (i, n) in names.iter().enumerate().take(c.total_args()) {
            let v = *(*f).args.add(i);
            if !v.is_null() {
                dict::set_item(d, *n, v);
            }
        }
        d
    }
}

pub fn getattr(v: Value, name: &str) -> Value {
    unsafe {
        let o = v.ptr::<FrameObject>();
        let rec = (*o).record;
        match name {
            "f_code" => (*o).code,
            "f_globals" => (*o).globals,
            "f_builtins" => (*o).builtins,
            "f_lineno" => int::from_i64(if rec.is_null() {
                (*o).line
            } else {
                (*rec).line as i64
            }),
            "f_locals" => {
                if !(*o).locals.is_null() {
                    (*o).locals
                } else if !rec.is_null() {
                    argument_locals(rec)
                } else {
                    dict::new()
                }
            }
            "f_back" => {
                if !(*o).back.is_null() {
                    return (*o).back;
                }
                if rec.is_null() || (*rec).back.is_null() {
                    none()
                } else {
                    of((*rec).back)
                }
            }
            "f_lasti" => Value::from_small(-1),
            "f_trace" => none(),
            _ => Value::NULL,
        }
    }
}

pub fn init() {
    unsafe {
        FRAME_TYPE =
            crate::object::new_builtin_type("frame", crate::object::Kind::Object, types().object);
        (*FRAME_TYPE).kind = crate::object::Kind::Frame;
    }
}
