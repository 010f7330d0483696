//! Structural pattern matching (`match`) and `except*`: the checks behind MATCH_MAPPING,
//! MATCH_SEQUENCE, MATCH_KEYS, MATCH_CLASS, COPY_DICT_WITHOUT_KEYS, CHECK_EG_MATCH and
//! PREP_RERAISE_STAR.

use crate::errors;
use crate::object::{
    kind_of, none, type_lookup, type_name, type_name_of, type_of, Kind, TypeObject,
};
use crate::objects::{dict, list, str as pystr, tuple};
use crate::ops;
use crate::value::Value;

/// Is `v` a mapping for `case {...}`: a dict (or subclass), or a class that says so with
/// `__match_args__`-style registration is not supported; objects with `keys` and `__getitem__`
/// are not mappings to CPython either unless registered, so dicts are what count.
pub fn is_mapping(v: Value) -> bool {
    !v.is_small() && kind_of(v) == Kind::Dict
}

/// Is `v` a sequence for `case [...]`: list, tuple, range and their subclasses (not str/bytes).
pub fn is_sequence(v: Value) -> bool {
    !v.is_small() && matches!(kind_of(v), Kind::List | Kind::Tuple | Kind::Range)
}

/// MATCH_KEYS: the values for `keys` in `subject`, as a tuple; None when one is missing.
pub fn match_keys(subject: Value, keys: Value) -> Value {
    let mut vals = Vec::new();
    let ks = tuple::items(keys);
    for (i, k) in ks.iter().enumerate() {
        if ks[..i].iter().any(|p| ops::eq(*p, *k) == Some(true)) {
            let r = ops::repr(*k);
            if r.is_null() {
                return r;
            }
            return errors::value_error(&format!(
                "mapping pattern checks duplicate key ({})",
                pystr::as_str(r)
            ));
        }
        let v = if kind_of(subject) == Kind::Dict && type_of(subject) == crate::object::types().dict
        {
            match dict::get_item(subject, *k) {
                Ok(v) => v,
                Err(()) => return Value::NULL,
            }
        } else {
            let get = ops::getattr(subject, pystr::intern("get"));
            if get.is_null() {
                return get;
            }
            let marker = crate::objects::builtin_function::new("_marker", |_, _| none(), 0);
            let v = ops::call(get, &[*k, marker], Value::NULL);
            if v.is_null() {
                return v;
            }
            if v == marker {
                Value::NULL
            } else {
                v
            }
        };
        if v.is_null() {
            return none();
        }
        vals.push(v);
    }
    tuple::new(&vals)
}

/// COPY_DICT_WITHOUT_KEYS: a dict of `subject`'s items minus `keys`.
pub fn copy_without_keys(subject: Value, keys: Value) -> Value {
    let d = dict::new();
    if !dict::update(d, subject) {
        return Value::NULL;
    }
    for k in tuple::items(keys) {
        if dict::pop_item(d, *k).is_err() {
            return Value::NULL;
        }
    }
    d
}

/// MATCH_CLASS: the attributes a class pattern extracts, or None when it does not match.
pub fn match_class(subject: Value, cls: Value, count: usize, names: Value) -> Value {
    if cls.is_small() || kind_of(cls) != Kind::Type {
        return errors::type_error("called match pattern must be a class");
    }
    let t = cls.ptr::<TypeObject>();
    if !crate::object::isinstance(subject, t) {
        return none();
    }
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    if count > 0 {
        let match_args = type_lookup(t, pystr::intern("__match_args__"));
        let self_match = !crate::objects::type_::is_heap_type(t)
            && matches!(
                unsafe { (*t).kind },
                Kind::Int
                    | Kind::Bool
                    | Kind::Float
                    | Kind::Str
                    | Kind::Bytes
                    | Kind::Tuple
                    | Kind::List
                    | Kind::Dict
            );
        if match_args.is_null() {
            if self_match && count == 1 {
                out.push(subject);
            } else if self_match {
                return errors::type_error(&format!(
                    "{}() accepts 1 positional sub-pattern ({count} given)",
                    type_name(t)
                ));
            } else {
                return errors::type_error(&format!(
                    "{}() accepts 0 positional sub-patterns ({count} given)",
                    type_name(t)
                ));
            }
        } else {
            if kind_of(match_args) != Kind::Tuple {
                return errors::type_error(&format!(
                    "{}.__match_args__ must be a tuple (got {})",
                    type_name(t),
                    type_name_of(match_args)
                ));
            }
            let args = tuple::items(match_args);
            if count > args.len() {
                return errors::type_error(&format!(
                    "{}() accepts {} positional sub-pattern{} ({count} given)",
                    type_name(t),
                    args.len(),
                    if args.len() == 1 { "" } else { "s" }
                ));
            }
            for a in &args[..count] {
                if !pystr::is_str(*a) {
                    return errors::type_error("__match_args__ elements must be strings");
                }
                let name = pystr::as_str(*a);
                seen.push(name);
                let v = ops::getattr_opt(subject, pystr::intern(name));
                if v.is_null() {
                    return if errors::occurred() { v } else { none() };
                }
                out.push(v);
            }
        }
    }
    for n in tuple::items(names) {
        let name = pystr::as_str(*n);
        if seen.contains(&name) {
            return errors::type_error(&format!(
                "{}() got multiple sub-patterns for attribute '{name}'",
                type_name(t)
            ));
        }
        seen.push(name);
        let v = ops::getattr_opt(subject, *n);
        if v.is_null() {
            return if errors::occurred() { v } else { none() };
        }
        out.push(v);
    }
    tuple::new(&out)
}

/// CHECK_EG_MATCH: splits the exception group `eg` by `ty`: (rest, match), match None when
/// nothing matched (then rest is `eg` itself).
pub fn check_eg_match(eg: Value, ty: Value) -> Option<(Value, Value)> {
    if crate::abi::kiln_check_exc_match(eg, ty) < 0 {
        return None;
    }
    let base_group = dict::get_by_name(crate::builtins::dict(), "BaseExceptionGroup");
    let is_group = !base_group.is_null() && crate::object::isinstance(eg, base_group.ptr());
    if !is_group {
        // A naked exception caught by except*: wrap it in a group when it matches.
        if crate::abi::kiln_check_exc_match(eg, ty) == 1 {
            let g = ops::call(
                base_group,
                &[pystr::intern(""), list::from_slice(&[eg])],
                Value::NULL,
            );
            if g.is_null() {
                return None;
            }
            return Some((none(), g));
        }
        return Some((eg, none()));
    }
    let split = ops::getattr(eg, pystr::intern("split"));
    if split.is_null() {
        return None;
    }
    let r = ops::call(split, &[ty], Value::NULL);
    if r.is_null() {
        return None;
    }
    let parts = tuple::items(r);
    let (m, rest) = (parts[0], parts[1]);
    if m == none() {
        return Some((eg, none()));
    }
    Some((rest, m))
}

/// PREP_RERAISE_STAR: what a try/except* block re-raises: None, the one exception, or a group
/// of the raised and re-raised ones.
pub fn prep_reraise_star(orig: Value, excs: Value) -> Value {
    let items: Vec<Value> = list::items(excs)
        .iter()
        .copied()
        .filter(|e| *e != none())
        .collect();
    match items.len() {
        0 => none(),
        1 => items[0],
        _ => {
            let base_group = dict::get_by_name(crate::builtins::dict(), "BaseExceptionGroup");
            let msg = ops::getattr_opt(orig, pystr::intern("message"));
            let msg = if msg.is_null() {
                pystr::intern("")
            } else {
                msg
            };
            if base_group.is_null() {
                return items[0];
            }
            ops::call(base_group, &[msg, list::from_slice(&items)], Value::NULL)
        }
    }
}
