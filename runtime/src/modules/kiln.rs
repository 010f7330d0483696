//! `_kiln`: primitives for kiln's own Python modules (`compiler/pylib/`), not for programs.
//! `weak_new(obj)` makes a cell that refers to `obj` without keeping it alive (a disappearing
//! link of the collector, cleared when `obj` is collected); `weak_get(cell)` is `obj`, or
//! None once it is gone. Objects outside the collected heap (static objects, small ints)
//! never die and are held strongly. `io_types()` hands `_io` the runtime's file types.
//! `with_names` and `interpreted` make functions for `_kiln_eval`/`_kiln_exec`.

use crate::errors;
use crate::object::{new_builtin_type, none, type_of, types, Kind, TypeObject};
use crate::objects::cell::{self, CellObject};
use crate::value::Value;

extern "C" {
    fn GC_base(p: *mut u8) -> *mut u8;
    fn GC_general_register_disappearing_link(link: *mut *mut u8, obj: *const u8) -> i32;
}

static mut WEAK_CELL: *mut TypeObject = std::ptr::null_mut();

fn weak_cell_type() -> *mut TypeObject {
    unsafe {
        if WEAK_CELL.is_null() {
            WEAK_CELL = new_builtin_type("weak_cell", Kind::Cell, types().object);
            (*WEAK_CELL).flags |= crate::object::TF_FINAL;
        }
        WEAK_CELL
    }
}

fn weak_new(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("weak_new", args, kw, 1, 1) {
        return Value::NULL;
    }
    weak_cell(args[0])
}

/// A weak cell for `obj` (a strong one for an object outside the collected heap).
pub fn weak_cell(obj: Value) -> Value {
    let heap = !obj.is_small() && unsafe { GC_base(obj.ptr::<u8>()) } == obj.ptr::<u8>();
    if !heap {
        return cell::new(obj);
    }
    let c = crate::object::alloc_object(weak_cell_type(), std::mem::size_of::<CellObject>());
    if c.is_null() {
        return c;
    }
    unsafe {
        let slot = &mut (*c.ptr::<CellObject>()).value;
        // The address as a small int: the collector does not see a pointer in it.
        *slot = Value::from_small(obj.0 as i64);
        if GC_general_register_disappearing_link(
            slot as *mut Value as *mut *mut u8,
            obj.ptr::<u8>(),
        ) == 2
        {
            return errors::no_memory();
        }
    }
    c
}

fn weak_get(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("weak_get", args, kw, 1, 1) {
        return Value::NULL;
    }
    let c = args[0];
    if c.is_small() || crate::object::kind_of(c) != Kind::Cell {
        return errors::type_error("weak_get() needs a cell made by weak_new()");
    }
    weak_target(c)
}

/// What the cell `c` from [`weak_cell`] refers to; None once it has died.
pub fn weak_target(c: Value) -> Value {
    let v = cell::get(c);
    if type_of(c) != weak_cell_type() {
        return v;
    }
    if v.is_null() {
        return none();
    }
    Value(v.small() as usize)
}

/// `with_names(func, names, name)`: a copy of `func` named `name` whose parameters after the
/// first are called `names` (its code object copied with those slot names): what kiln's
/// `_kiln_eval` makes of a template function for code that CPython generates at run time.
fn with_names(args: &[Value], kw: Value) -> Value {
    use crate::objects::{code, function, str as pystr, tuple};
    if !super::check_plain("with_names", args, kw, 3, 3) {
        return Value::NULL;
    }
    let (f, names, name) = (args[0], args[1], args[2]);
    if !function::is_function(f)
        || names.is_small()
        || crate::object::kind_of(names) != Kind::Tuple
        || !pystr::is_str(name)
    {
        return errors::type_error("with_names(function, tuple of str, str)");
    }
    let fo = function::get(f);
    let c = code::get(fo.code);
    let mut slots = tuple::items(c.localsplus).to_vec();
    let new_names = tuple::items(names);
    if new_names.len() + 1 != c.argcount as usize || slots.len() < c.argcount as usize {
        return errors::value_error("with_names: the template takes another number of arguments");
    }
    for (i, n) in new_names.iter().enumerate() {
        if !pystr::is_str(*n) {
            return errors::type_error("with_names: names must be str");
        }
        slots[i + 1] = *n;
    }
    let nc = code::new(
        c.entry,
        name,
        name,
        c.filename,
        c.firstlineno,
        [c.argcount, c.posonlyargcount, c.kwonlyargcount],
        c.flags,
        tuple::new(&slots),
        c.kinds,
        c.save_slots,
    );
    if nc.is_null() {
        return nc;
    }
    unsafe { (*nc.ptr::<code::CodeObject>()).doc = c.doc };
    function::new(nc, fo.globals, fo.builtins)
}

/// `interpreted(body, name, qualname, filename, line, names, counts, flags, globals)`: a
/// function whose arguments the runtime binds as for compiled code (CPython's rules and error
/// messages), and whose body is `body(bound)`, called with the tuple of bound arguments in
/// slot order: how kiln's run-time evaluator (`_kiln_exec`) makes the functions that source
/// text given to `exec` defines. `names` are the parameter names, `counts` the tuple
/// (argcount, posonlyargcount, kwonlyargcount); `flags` may hold CO_VARARGS, CO_VARKEYWORDS.
fn interpreted(args: &[Value], kw: Value) -> Value {
    use crate::objects::{code, function, str as pystr, tuple};
    if !super::check_plain("interpreted", args, kw, 9, 9) {
        return Value::NULL;
    }
    let [body, name, qualname, filename, line, names, counts, flags, globals] = args else {
        return Value::NULL;
    };
    let is_tuple = |v: &Value| !v.is_small() && crate::object::kind_of(*v) == Kind::Tuple;
    let is_dict = !globals.is_small() && crate::object::kind_of(*globals) == Kind::Dict;
    if !pystr::is_str(*name)
        || !pystr::is_str(*qualname)
        || !pystr::is_str(*filename)
        || !line.is_small()
        || !is_tuple(names)
        || !is_tuple(counts)
        || tuple::len(*counts) != 3
        || !flags.is_small()
        || !is_dict
    {
        return errors::type_error("interpreted(): arguments of the wrong types");
    }
    let mut c3 = [0u32; 3];
    for (slot, v) in c3.iter_mut().zip(tuple::items(*counts)) {
        if !v.is_small() || v.small() < 0 {
            return errors::type_error("interpreted(): counts must be non-negative ints");
        }
        *slot = v.small() as u32;
    }
    let fl = flags.small() as u32 & (code::CO_VARARGS | code::CO_VARKEYWORDS);
    let slots = tuple::items(*names);
    let mut wanted = (c3[0] + c3[2]) as usize;
    wanted += (fl & code::CO_VARARGS != 0) as usize + (fl & code::CO_VARKEYWORDS != 0) as usize;
    if slots.len() != wanted || c3[1] > c3[0] || !slots.iter().all(|n| pystr::is_str(*n)) {
        return errors::value_error("interpreted(): the names do not match the counts");
    }
    let kinds = tuple::new(&vec![Value::from_small(0); slots.len()]);
    if kinds.is_null() {
        return kinds;
    }
    let c = code::new(
        Some(interpreted_entry),
        *name,
        *qualname,
        *filename,
        line.small(),
        c3,
        fl,
        *names,
        kinds,
        0,
    );
    if c.is_null() {
        return c;
    }
    unsafe { (*c.ptr::<code::CodeObject>()).body = *body };
    let here = crate::frame::current();
    if here.is_null() {
        return errors::runtime_error("interpreted() needs a calling frame");
    }
    function::new(c, *globals, unsafe { (*here).builtins })
}

/// The compiled body of every `interpreted` function: hands the bound arguments to its body.
unsafe extern "C" fn interpreted_entry(f: *mut crate::frame::Frame) -> Value {
    let c = &*(*f).code;
    let n = c.total_args();
    let bound = if n == 0 {
        &[][..]
    } else {
        std::slice::from_raw_parts((*f).args, n)
    };
    let t = crate::objects::tuple::new(bound);
    if t.is_null() {
        return t;
    }
    crate::ops::call(c.body, &[t], Value::NULL)
}

/// `has_module(name)`: can `name` be imported (compiled into the executable, or native)?
fn has_module(args: &[Value], kw: Value) -> Value {
    use crate::objects::str as pystr;
    if !super::check_plain("has_module", args, kw, 1, 1) {
        return Value::NULL;
    }
    if !pystr::is_str(args[0]) {
        return errors::type_error("has_module() needs a str");
    }
    crate::object::bool_value(crate::import::is_importable(pystr::as_str(args[0])))
}

/// `io_types()`: the runtime's file types, which kiln's `_io` names.
fn io_types(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("io_types", args, kw, 0, 0) {
        return Value::NULL;
    }
    crate::objects::file::io_types()
}

pub fn create() -> Value {
    super::with_functions(
        "_kiln",
        &[
            ("weak_new", weak_new),
            ("weak_get", weak_get),
            ("with_names", with_names),
            ("interpreted", interpreted),
            ("has_module", has_module),
            ("io_types", io_types),
        ],
    )
}
