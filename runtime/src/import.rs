//! `import`: CPython's import system over the modules the executable carries. The program's own
//! modules were found and compiled in at build time (decision 11); they are registered here at
//! start-up and run on first import, once, with `sys.modules`, packages, relative imports,
//! circular imports and CPython's `ImportError`/`ModuleNotFoundError` messages. The runtime's
//! native modules (`sys`, `builtins`, and those of `modules`) are found first.

use crate::errors;
use crate::loader::{self, ModuleDesc};
use crate::object::{exc_types, kind_of, none, Kind};
use crate::objects::{code, dict, exception, function, list, module, str as pystr};
use crate::ops;
use crate::value::Value;

/// A module compiled into the executable.
struct Compiled {
    desc: &'static ModuleDesc,
    name: String,
}

static mut COMPILED: Vec<Compiled> = Vec::new();
/// Names of the modules whose body is running (CPython's `__spec__._initializing`).
static mut INITIALIZING: Vec<String> = Vec::new();

/// Registers the program's modules (all but `__main__`) for import.
///
/// # Safety
/// The descriptors are emitted by kiln and live as long as the process.
pub unsafe fn register(descs: &[*const ModuleDesc]) {
    let table = &mut *std::ptr::addr_of_mut!(COMPILED);
    for d in descs {
        let desc: &'static ModuleDesc = &**d;
        table.push(Compiled {
            desc,
            name: loader::text(desc.name, desc.name_len).to_string(),
        });
    }
}

fn find_compiled(name: &str) -> Option<&'static ModuleDesc> {
    unsafe { &*std::ptr::addr_of!(COMPILED) }
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.desc)
}

/// Can `name` be imported: is it compiled into the executable or one of the runtime's own?
pub fn is_importable(name: &str) -> bool {
    find_compiled(name).is_some()
        || matches!(name, "sys" | "builtins")
        || crate::modules::NAMES.contains(&name)
}

fn is_initializing(name: &str) -> bool {
    unsafe { &*std::ptr::addr_of!(INITIALIZING) }
        .iter()
        .any(|n| n == name)
}

fn sys_modules() -> Value {
    dict::get_by_name(module::dict_of(unsafe { crate::sys::MODULE }), "modules")
}

fn native_module(name: &str) -> Value {
    match name {
        "sys" => unsafe { crate::sys::MODULE },
        "builtins" => crate::builtins::module(),
        _ => crate::modules::create(name),
    }
}

/// Raises `ty(msg)` with the exception's `name` attribute set to `name`.
fn raise_named(ty: *mut crate::object::TypeObject, msg: &str, name: &str) -> Value {
    errors::raise_msg(ty, msg);
    let exc = errors::current();
    if !exc.is_null() {
        exception::setattr(exc, "name", pystr::new(name));
    }
    Value::NULL
}

fn not_found(name: &str, msg: &str) -> Value {
    raise_named(exc_types().module_not_found_error, msg, name)
}

/// The package that relative imports start from: `__package__`, else derived from `__name__`
/// (a package's own name when it has `__path__`, else its parent's).
fn calc_package(globals: Value) -> Option<String> {
    if globals.is_null() || kind_of(globals) != Kind::Dict {
        return None;
    }
    let p = dict::get_by_name(globals, "__package__");
    if !p.is_null() && p != none() {
        return pystr::is_str(p).then(|| pystr::as_str(p).to_string());
    }
    let n = dict::get_by_name(globals, "__name__");
    if n.is_null() || !pystr::is_str(n) {
        return None;
    }
    let n = pystr::as_str(n);
    if !dict::get_by_name(globals, "__path__").is_null() {
        return Some(n.to_string());
    }
    Some(n.rsplit_once('.').map(|(p, _)| p).unwrap_or("").to_string())
}

/// The absolute name of a relative import (`level` leading dots) from `package`.
fn resolve_name(name: &str, package: Option<String>, level: usize) -> Result<String, ()> {
    let package = match package {
        Some(p) if !p.is_empty() => p,
        _ => {
            errors::raise_msg(
                exc_types().import_error,
                "attempted relative import with no known parent package",
            );
            return Err(());
        }
    };
    let bits: Vec<&str> = package.rsplitn(level, '.').collect();
    if bits.len() < level {
        errors::raise_msg(
            exc_types().import_error,
            "attempted relative import beyond top-level package",
        );
        return Err(());
    }
    let base = bits[bits.len() - 1];
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// Creates, registers and runs a compiled module; returns what `sys.modules` then holds.
fn load_compiled(name: &str, desc: &'static ModuleDesc) -> Value {
    let info = loader::load(desc);
    let code_v = unsafe { *desc.consts };
    let m = module::new(name);
    if m.is_null() {
        return m;
    }
    let g = module::dict_of(m);
    if !crate::modules::BUILT_IN_STAND_INS.contains(&name) {
        dict::set_by_name(g, "__file__", pystr::new(info.file));
    }
    dict::set_by_name(
        g,
        "__package__",
        match info.package {
            Some(p) => pystr::new(p),
            None => none(),
        },
    );
    if info.is_package {
        let dir = info.file.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        dict::set_by_name(g, "__path__", list::from_slice(&[pystr::new(dir)]));
    }
    dict::set_by_name(g, "__loader__", none());
    dict::set_by_name(g, "__spec__", none());
    // An imported module's `__builtins__` is the builtins module's dict (decision 5).
    dict::set_by_name(g, "__builtins__", crate::builtins::dict());
    let modules = sys_modules();
    if !dict::set_item(modules, pystr::new(name), m) {
        return Value::NULL;
    }
    unsafe { (*std::ptr::addr_of_mut!(INITIALIZING)).push(name.to_string()) };
    let f = function::new(code_v, g, crate::builtins::dict());
    let r = if f.is_null() {
        Value::NULL
    } else {
        function::run(f, function::get(f), code::get(code_v), std::ptr::null(), g)
    };
    unsafe {
        let ini = &mut *std::ptr::addr_of_mut!(INITIALIZING);
        if let Some(i) = ini.iter().rposition(|n| n == name) {
            ini.remove(i);
        }
    }
    if r.is_null() {
        // A module that failed to run is not left behind (CPython's `_load_unlocked`).
        let exc = errors::fetch();
        let _ = dict::pop_item(modules, pystr::new(name));
        errors::fetch();
        return errors::reraise(exc);
    }
    let now = dict::get_by_name(modules, name);
    if now.is_null() {
        return errors::raise_msg(
            exc_types().import_error,
            &format!("loader for {name} cannot handle {name}"),
        );
    }
    now
}

/// CPython's `_gcd_import`: the module named `name` (absolute), importing its parents first.
pub fn import_absolute(name: &str) -> Value {
    if name.is_empty() {
        return errors::value_error("Empty module name");
    }
    let modules = sys_modules();
    let m = dict::get_by_name(modules, name);
    if !m.is_null() {
        if m == none() {
            return not_found(
                name,
                &format!("import of {name} halted; None in sys.modules"),
            );
        }
        return m;
    }
    let mut parent_module = Value::NULL;
    if let Some((parent, _)) = name.rsplit_once('.') {
        let p = import_absolute(parent);
        if p.is_null() {
            return p;
        }
        // Importing the parent may have imported this module too.
        let m = dict::get_by_name(modules, name);
        if !m.is_null() {
            return m;
        }
        let pm = dict::get_by_name(modules, parent);
        let is_package = !pm.is_null() && {
            let path = ops::getattr_opt(pm, pystr::intern("__path__"));
            if path.is_null() && errors::occurred() {
                return Value::NULL;
            }
            !path.is_null()
        };
        if !is_package {
            return not_found(
                name,
                &format!("No module named '{name}'; '{parent}' is not a package"),
            );
        }
        parent_module = pm;
    }
    let m = native_module(name);
    let m = if !m.is_null() {
        let _ = dict::set_item(modules, pystr::new(name), m);
        m
    } else if let Some(desc) = find_compiled(name) {
        load_compiled(name, desc)
    } else {
        return not_found(name, &format!("No module named '{name}'"));
    };
    if m.is_null() {
        return m;
    }
    if !parent_module.is_null() {
        let child = name.rsplit_once('.').map(|(_, c)| c).unwrap_or(name);
        if !ops::setattr(parent_module, pystr::intern(child), m) {
            return Value::NULL;
        }
    }
    m
}

/// For `from package import a, b`: imports the names that are submodules not yet loaded.
fn handle_fromlist(m: Value, fromlist: Value) -> Value {
    let items = match ops::collect(fromlist) {
        Some(v) => v,
        None => return Value::NULL,
    };
    let mname = ops::getattr(m, pystr::intern("__name__"));
    if mname.is_null() {
        return Value::NULL;
    }
    for x in items {
        if !pystr::is_str(x) {
            return errors::type_error(&format!(
                "Item in {}.__all__ must be str, not {}",
                pystr::as_str(mname),
                crate::object::type_name_of(x)
            ));
        }
        let xs = pystr::as_str(x);
        if xs == "*" {
            let all = ops::getattr_opt(m, pystr::intern("__all__"));
            if all.is_null() {
                if errors::occurred() {
                    return Value::NULL;
                }
                continue;
            }
            if handle_fromlist(m, all).is_null() {
                return Value::NULL;
            }
            continue;
        }
        let has = ops::getattr_opt(m, x);
        if !has.is_null() {
            continue;
        }
        if errors::occurred() {
            return Value::NULL;
        }
        let sub = format!("{}.{xs}", pystr::as_str(mname));
        if import_absolute(&sub).is_null() {
            // A submodule that does not exist is not an error here: IMPORT_FROM reports it.
            if errors::current_matches(exc_types().module_not_found_error) {
                let exc = errors::current();
                let n = exception::getattr(exc, "name");
                if !n.is_null() && pystr::is_str(n) && pystr::as_str(n) == sub {
                    errors::fetch();
                    continue;
                }
            }
            return Value::NULL;
        }
    }
    m
}

/// `IMPORT_NAME` and `__import__(name, globals, locals, fromlist, level)`.
pub fn import_name(globals: Value, name: Value, fromlist: Value, level: Value) -> Value {
    let n = pystr::as_str(name).to_string();
    let level = match crate::objects::int::as_i64(level) {
        Some(l) if l >= 0 => l as usize,
        Some(_) => return errors::value_error("level must be >= 0"),
        None => return errors::type_error("module name must be str, not int"),
    };
    let absolute = if level > 0 {
        match resolve_name(&n, calc_package(globals), level) {
            Ok(a) => a,
            Err(()) => return Value::NULL,
        }
    } else {
        n.clone()
    };
    let m = import_absolute(&absolute);
    if m.is_null() {
        return m;
    }
    let empty_fromlist = fromlist.is_null() || fromlist == none() || ops::truthy(fromlist) == 0;
    if empty_fromlist {
        if level == 0 {
            let top = n.split('.').next().unwrap_or("");
            return import_absolute(top);
        }
        if n.is_empty() {
            return m;
        }
        // `from .a.b import` is not this case; `import` with dots returns the top package
        // reached from the relative base.
        let cut = n.len() - n.split('.').next().unwrap_or("").len();
        let modname = ops::getattr(m, pystr::intern("__name__"));
        if modname.is_null() {
            return modname;
        }
        let full = pystr::as_str(modname);
        let keep = &full[..full.len().saturating_sub(cut)];
        let r = dict::get_by_name(sys_modules(), keep);
        if r.is_null() {
            return errors::raise_msg(
                exc_types().key_error,
                &format!("'{keep}' not in sys.modules as expected"),
            );
        }
        return r;
    }
    let path = ops::getattr_opt(m, pystr::intern("__path__"));
    if path.is_null() {
        if errors::occurred() {
            return Value::NULL;
        }
        return m;
    }
    handle_fromlist(m, fromlist)
}

/// `IMPORT_FROM`: `name` from module `m`, falling back to `sys.modules` for a submodule that a
/// circular import has not bound yet.
pub fn import_from(m: Value, name: Value) -> Value {
    let r = ops::getattr_opt(m, name);
    if !r.is_null() || errors::occurred() {
        return r;
    }
    let n = pystr::as_str(name);
    let mname = ops::getattr_opt(m, pystr::intern("__name__"));
    if mname.is_null() && errors::occurred() {
        return Value::NULL;
    }
    let mname_s = if !mname.is_null() && pystr::is_str(mname) {
        Some(pystr::as_str(mname).to_string())
    } else {
        None
    };
    if let Some(pkg) = &mname_s {
        let sub = dict::get_by_name(sys_modules(), &format!("{pkg}.{n}"));
        if !sub.is_null() {
            return sub;
        }
    }
    let shown = mname_s
        .clone()
        .unwrap_or_else(|| "<unknown module name>".into());
    let file = if kind_of(m) == Kind::Module {
        dict::get_by_name(module::dict_of(m), "__file__")
    } else {
        Value::NULL
    };
    let msg = if file.is_null() || !pystr::is_str(file) {
        format!("cannot import name '{n}' from '{shown}' (unknown location)")
    } else if is_initializing(&shown) {
        format!(
            "cannot import name '{n}' from partially initialized module '{shown}' (most likely due to a circular import) ({})",
            pystr::as_str(file)
        )
    } else {
        format!(
            "cannot import name '{n}' from '{shown}' ({})",
            pystr::as_str(file)
        )
    };
    errors::raise_msg(exc_types().import_error, &msg);
    let exc = errors::current();
    if !exc.is_null() {
        exception::setattr(
            exc,
            "name",
            mname_s.map(|s| pystr::new(&s)).unwrap_or(none()),
        );
        if !file.is_null() {
            exception::setattr(exc, "path", file);
        }
    }
    Value::NULL
}

/// The AttributeError of a module attribute that is missing while the module is still running
/// its body (a circular import), worded as CPython words it.
pub fn partially_initialized_note(module_name: &str) -> bool {
    is_initializing(module_name)
}

/// `from m import *`: the names in `m.__all__`, else every name not starting with `_`.
pub fn import_star(f: *mut crate::frame::Frame, m: Value) -> i32 {
    let locals = unsafe { (*f).locals };
    let all = ops::getattr_opt(m, pystr::intern("__all__"));
    if all.is_null() {
        if errors::occurred() {
            return -1;
        }
        if kind_of(m) != Kind::Module {
            return 0;
        }
        let d = module::dict_of(m);
        for (k, v) in dict::items(d) {
            if pystr::is_str(k) && pystr::as_str(k).starts_with('_') {
                continue;
            }
            if !dict::set_item(locals, k, v) {
                return -1;
            }
        }
        return 0;
    }
    let Some(names) = ops::collect(all) else {
        return -1;
    };
    for k in names {
        if !pystr::is_str(k) {
            let mname = ops::getattr_opt(m, pystr::intern("__name__"));
            let shown = if !mname.is_null() && pystr::is_str(mname) {
                format!("{}.__all__", pystr::as_str(mname))
            } else {
                "__all__".into()
            };
            errors::type_error(&format!(
                "Item in {shown} must be str, not {}",
                crate::object::type_name_of(k)
            ));
            return -1;
        }
        let v = ops::getattr(m, k);
        if v.is_null() || !dict::set_item(locals, k, v) {
            return -1;
        }
    }
    0
}

/// The module `name` if the program carries it (importing it on first use); null, with no
/// exception, when it does not.
pub fn compiled_module(name: &str) -> Value {
    let m = dict::get_by_name(sys_modules(), name);
    if !m.is_null() {
        return m;
    }
    match find_compiled(name) {
        Some(_) => {
            let m = import_absolute(name);
            if m.is_null() {
                errors::fetch();
            }
            m
        }
        None => Value::NULL,
    }
}

/// Runs the parents of `-m package.module`'s package before `__main__`, as `python -m` does.
pub fn import_main_package(package: &str) -> bool {
    package.is_empty() || !import_absolute(package).is_null()
}
