//! `import`: the modules a program can import. For now these are the runtime's native modules
//! (`sys`, `builtins`); modules of the program itself are resolved at build time (decision 11).

use crate::errors;
use crate::frame::Frame;
use crate::object::{exc_types, kind_of, Kind};
use crate::objects::{dict, module, str as pystr};
use crate::ops;
use crate::value::Value;

fn find_module(name: &str) -> Value {
    match name {
        "sys" => unsafe { crate::sys::MODULE },
        "builtins" => crate::builtins::module(),
        _ => Value::NULL,
    }
}

pub fn import_name(_f: *mut Frame, name: Value, _fromlist: Value, level: Value) -> Value {
    let n = pystr::as_str(name);
    if level.is_small() && level.small() > 0 {
        return errors::raise_msg(
            exc_types().import_error,
            "attempted relative import with no known parent package",
        );
    }
    let m = find_module(n);
    if m.is_null() {
        return errors::raise_msg(
            exc_types().module_not_found_error,
            &format!("No module named '{n}'"),
        );
    }
    m
}

pub fn import_from(m: Value, name: Value) -> Value {
    let r = ops::getattr_opt(m, name);
    if r.is_null() && !errors::occurred() {
        let mname = if kind_of(m) == Kind::Module {
            pystr::as_str(module::name_of(m))
        } else {
            "?"
        };
        return errors::raise_msg(
            exc_types().import_error,
            &format!(
                "cannot import name '{}' from '{mname}' (unknown location)",
                pystr::as_str(name)
            ),
        );
    }
    r
}

pub fn import_star(f: *mut Frame, m: Value) -> i32 {
    let locals = unsafe { (*f).locals };
    let d = module::dict_of(m);
    for (k, v) in dict::items(d) {
        if pystr::is_str(k) && pystr::as_str(k).starts_with('_') {
            continue;
        }
        if !dict::set_item(locals, k, v) {
            return -1;
        }
    }
    0
}
