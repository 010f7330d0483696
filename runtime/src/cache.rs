//! Inline caches (decision 6), in the spirit of CPython's `Python/specialize.c`: every cached
//! site in compiled code owns one `CACHE_SLOT_SIZE`-byte slot in its module's cache table.
//!
//! LOAD_GLOBAL: the slot remembers where the name was found — an entry position in the globals
//! dict, or (when globals lack it) in the builtins dict — guarded by the dicts' versions. A dict's
//! version changes whenever a key is added or removed, and versions are unique across all dicts,
//! so a matching version also proves it is the same dict. Rebinding a name keeps the version:
//! the hit reads the entry's current value, so it is never stale.

use crate::frame::Frame;
use crate::objects::dict;
use crate::value::Value;

#[repr(C)]
pub struct GlobalCache {
    pub globals_version: u64,
    /// Zero when the name was found in globals.
    pub builtins_version: u64,
    pub index: u64,
    pub _spare: u64,
}

/// The builtins namespace of a frame as a dict (a module's dict when it is a module).
#[inline]
pub fn builtins_dict(b: Value) -> Value {
    if !b.is_small() && !b.is_null() && crate::object::kind_of(b) == crate::object::Kind::Module {
        crate::objects::module::dict_of(b)
    } else {
        b
    }
}

/// LOAD_GLOBAL with an inline cache.
///
/// # Safety
/// `f` is the current frame and `cache` a slot of the module's cache table.
#[no_mangle]
pub unsafe extern "C" fn kiln_load_global_cached(
    f: *mut Frame,
    name: Value,
    cache: *mut GlobalCache,
) -> Value {
    let g = (*f).globals;
    let c = &mut *cache;
    if c.globals_version == dict::version(g) {
        if c.builtins_version == 0 {
            return dict::entries(g)[c.index as usize].value;
        }
        let b = builtins_dict((*f).builtins);
        if !b.is_small()
            && crate::object::kind_of(b) == crate::object::Kind::Dict
            && c.builtins_version == dict::version(b)
        {
            return dict::entries(b)[c.index as usize].value;
        }
    }
    // Miss: look the name up and remember where it was.
    if let Some((i, v)) = dict::get_str_at(g, name) {
        c.globals_version = dict::version(g);
        c.builtins_version = 0;
        c.index = i as u64;
        return v;
    }
    let b = builtins_dict((*f).builtins);
    if !b.is_small() && !b.is_null() && crate::object::kind_of(b) == crate::object::Kind::Dict {
        if let Some((i, v)) = dict::get_str_at(b, name) {
            c.globals_version = dict::version(g);
            c.builtins_version = dict::version(b);
            c.index = i as u64;
            return v;
        }
    }
    crate::abi::kiln_load_global(f, name)
}

/// The `range_iterator` type object, for the inline FOR_ITER fast path of compiled code. Set
/// once at start-up.
#[no_mangle]
pub static mut kiln_range_iter_type: *mut crate::object::TypeObject = std::ptr::null_mut();

/// The `float` type object, for compiled float arithmetic and comparisons. Set once at
/// start-up.
#[no_mangle]
pub static mut kiln_float_type: *mut crate::object::TypeObject = std::ptr::null_mut();

/// The `list` and `tuple` type objects, for compiled subscripts (`xs[i]`, `xs[i] = v`). Set
/// once at start-up.
#[no_mangle]
pub static mut kiln_list_type: *mut crate::object::TypeObject = std::ptr::null_mut();
#[no_mangle]
pub static mut kiln_tuple_type: *mut crate::object::TypeObject = std::ptr::null_mut();

/// A new float from its bits (compiled float arithmetic boxes its result here); null when
/// memory is exhausted, and the compiled code then retries through the runtime's operator.
#[no_mangle]
pub extern "C" fn kiln_float_from_bits(bits: u64) -> crate::value::Value {
    let v = crate::objects::float::new(f64::from_bits(bits));
    if v.is_null() {
        crate::errors::fetch();
    }
    v
}

/// The `builtin_function_or_method` type object, for compiled one-argument calls that go
/// straight to a builtin's `fast1` entry. Set once at start-up.
#[no_mangle]
pub static mut kiln_builtin_function_type: *mut crate::object::TypeObject = std::ptr::null_mut();
