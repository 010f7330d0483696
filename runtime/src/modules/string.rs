//! `_string`: the format-string parsing that `string.Formatter` is built on.
//! `formatter_parser(s)` is a `formatteriterator` over the pieces of `s`, each a tuple
//! `(literal, field_name, format_spec, conversion)`; `formatter_field_name_split(name)` is
//! `(first, fieldnameiterator)`, the iterator giving `(is_attribute, key)` for each `.attr` and
//! `[key]` after the first part. Both iterators are lazy, as CPython's (Objects/stringlib/
//! unicode_format.h), so an error in the string surfaces at the piece that holds it, after
//! the pieces before it were given.
//!
//! Each iterator keeps the string in slot 0 and the byte offset of what is left in slot 1.
//! The markup characters are ASCII, so scanning bytes never splits a character.

use crate::errors;
use crate::object::{bool_value, new_builtin_type, none, type_name_of, types, Kind, TypeObject};
use crate::objects::builtin_function::{add_method, add_static, NativeFn};
use crate::objects::type_::{alloc_instance_of, slot_ptr};
use crate::objects::{int, str as pystr, tuple};
use crate::value::Value;

static mut FORMATTER_ITERATOR: *mut TypeObject = std::ptr::null_mut();
static mut FIELD_NAME_ITERATOR: *mut TypeObject = std::ptr::null_mut();

fn iterator_type(name: &str, next: NativeFn) -> *mut TypeObject {
    let t = new_builtin_type(name, Kind::Object, types().object);
    unsafe {
        (*t).flags |= crate::object::TF_NO_DICT;
        (*t).nslots = 2;
    }
    add_static(t, "__new__", |a, _k| {
        let name = crate::object::type_name(a[0].ptr::<TypeObject>());
        errors::type_error(&format!("cannot create '{name}' instances"))
    });
    add_method(t, "__iter__", |a, _k| a[0]);
    add_method(t, "__next__", next);
    t
}

/// A new iterator of type `t` over `s` from byte `pos`.
fn iterator(t: *mut TypeObject, s: Value, pos: usize) -> Value {
    let v = alloc_instance_of(t);
    if !v.is_null() {
        unsafe {
            *slot_ptr(v, 0) = s;
            *slot_ptr(v, 1) = Value::from_small(pos as i64);
        }
    }
    v
}

fn state(it: Value) -> (&'static str, usize) {
    unsafe {
        (
            pystr::as_str(*slot_ptr(it, 0)),
            (*slot_ptr(it, 1)).small() as usize,
        )
    }
}

fn set_pos(it: Value, pos: usize) {
    unsafe { *slot_ptr(it, 1) = Value::from_small(pos as i64) }
}

fn stop() -> Value {
    errors::raise_args(crate::object::exc_types().stop_iteration, &[])
}

/// The argument of `name`, which must be one str: CPython's errors otherwise.
fn str_argument(name: &str, args: &[Value], kwnames: Value) -> Option<Value> {
    let qualified = if crate::sys::bytecode_version() >= (3, 9) {
        format!("_string.{name}")
    } else {
        name.to_string()
    };
    if !super::check_plain(&qualified, args, kwnames, 1, 1) {
        return None;
    }
    if !pystr::is_str(args[0]) {
        errors::type_error(&format!("expected str, got {}", type_name_of(args[0])));
        return None;
    }
    Some(args[0])
}

/// The value of `text` when it is all decimal digits (any script's), else None; a
/// ValueError when it does not fit a Py_ssize_t (CPython's `get_integer`).
fn integer(text: &str) -> Result<Option<i64>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut value: i64 = 0;
    for c in text.chars() {
        let Some(d) = crate::format::unicode_decimal(c) else {
            return Ok(None);
        };
        match value.checked_mul(10).and_then(|v| v.checked_add(d as i64)) {
            Some(v) => value = v,
            None => {
                errors::value_error("Too many decimal digits in format string");
                return Err(());
            }
        }
    }
    Ok(Some(value))
}

/// `text` as an int when it is one, else as a str.
fn key_object(text: &str) -> Value {
    match integer(text) {
        Ok(Some(n)) => int::from_i64(n),
        Ok(None) => pystr::new(text),
        Err(()) => Value::NULL,
    }
}

// ---- formatter_parser -------------------------------------------------------------------------

/// A replacement field parsed from just after its `{`.
struct Field<'a> {
    name: &'a str,
    spec: &'a str,
    conversion: Option<char>,
    /// The offset just after the field's `}`.
    end: usize,
}

/// Parses the field that starts at byte `i` of `s` (CPython's `parse_field`); None with a
/// ValueError when it is malformed.
fn parse_field(s: &str, mut i: usize) -> Option<Field<'_>> {
    let b = s.as_bytes();
    let n = b.len();
    let start = i;
    let mut c = 0u8;
    while i < n {
        c = b[i];
        i += 1;
        match c {
            b'{' => {
                errors::value_error("unexpected '{' in field name");
                return None;
            }
            b'[' => {
                while i < n && b[i] != b']' {
                    i += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    let name = &s[start..if matches!(c, b'}' | b':' | b'!') {
        i - 1
    } else {
        i
    }];
    if c != b'!' && c != b':' {
        if c != b'}' {
            errors::value_error("expected '}' before end of string");
            return None;
        }
        return Some(Field {
            name,
            spec: "",
            conversion: None,
            end: i,
        });
    }
    let mut conversion = None;
    if c == b'!' {
        let Some(conv) = s[i..].chars().next() else {
            errors::value_error("end of string while looking for conversion specifier");
            return None;
        };
        conversion = Some(conv);
        i += conv.len_utf8();
        if i < n {
            let after = b[i];
            i += 1;
            if after == b'}' {
                return Some(Field {
                    name,
                    spec: "",
                    conversion,
                    end: i,
                });
            }
            if after != b':' {
                errors::value_error("expected ':' after conversion specifier");
                return None;
            }
        }
    }
    let spec_start = i;
    let mut depth = 1;
    while i < n {
        let c = b[i];
        i += 1;
        if c == b'{' {
            depth += 1;
        } else if c == b'}' {
            depth -= 1;
            if depth == 0 {
                return Some(Field {
                    name,
                    spec: &s[spec_start..i - 1],
                    conversion,
                    end: i,
                });
            }
        }
    }
    errors::value_error("unmatched '{' in format spec");
    None
}

/// The next piece of the format string (CPython's `MarkupIterator_next`).
fn formatter_next(a: &[Value], _k: Value) -> Value {
    let it = a[0];
    let (s, mut i) = state(it);
    let b = s.as_bytes();
    let n = b.len();
    if i >= n {
        return stop();
    }
    let start = i;
    let mut c = 0u8;
    let mut markup = false;
    while i < n {
        c = b[i];
        i += 1;
        if c == b'{' || c == b'}' {
            markup = true;
            break;
        }
    }
    let at_end = i >= n;
    let mut len = i - start;
    if c == b'}' && markup && (at_end || b[i] != b'}') {
        set_pos(it, n);
        return errors::value_error("Single '}' encountered in format string");
    }
    if at_end && c == b'{' && markup {
        set_pos(it, n);
        return errors::value_error("Single '{' encountered in format string");
    }
    if !at_end && markup {
        if b[i] == c {
            i += 1;
            markup = false;
        } else {
            len -= 1;
        }
    }
    let literal = pystr::new(&s[start..start + len]);
    if !markup {
        set_pos(it, i);
        return tuple::new(&[literal, none(), none(), none()]);
    }
    let Some(field) = parse_field(s, i) else {
        set_pos(it, n);
        return Value::NULL;
    };
    set_pos(it, field.end);
    let conversion = match field.conversion {
        Some(c) => pystr::new(c.encode_utf8(&mut [0; 4])),
        None => none(),
    };
    tuple::new(&[
        literal,
        pystr::new(field.name),
        pystr::new(field.spec),
        conversion,
    ])
}

fn formatter_parser(a: &[Value], k: Value) -> Value {
    let Some(s) = str_argument("formatter_parser", a, k) else {
        return Value::NULL;
    };
    iterator(unsafe { FORMATTER_ITERATOR }, s, 0)
}

// ---- formatter_field_name_split ---------------------------------------------------------------

/// The next `(is_attribute, key)` of a field name (CPython's `FieldNameIterator_next`).
fn field_name_next(a: &[Value], _k: Value) -> Value {
    let it = a[0];
    let (s, mut i) = state(it);
    let b = s.as_bytes();
    let n = b.len();
    if i >= n {
        return stop();
    }
    let c = b[i];
    i += 1;
    let (is_attr, key) = match c {
        b'.' => {
            let start = i;
            while i < n && b[i] != b'.' && b[i] != b'[' {
                i += 1;
            }
            (true, &s[start..i])
        }
        b'[' => {
            let start = i;
            while i < n && b[i] != b']' {
                i += 1;
            }
            if i >= n {
                set_pos(it, n);
                return errors::value_error("Missing ']' in format string");
            }
            let key = &s[start..i];
            i += 1;
            (false, key)
        }
        _ => {
            set_pos(it, n);
            return errors::value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
    };
    set_pos(it, i);
    if key.is_empty() {
        set_pos(it, n);
        return errors::value_error("Empty attribute in format string");
    }
    let key = if is_attr {
        pystr::new(key)
    } else {
        key_object(key)
    };
    if key.is_null() {
        return key;
    }
    tuple::new(&[bool_value(is_attr), key])
}

fn formatter_field_name_split(a: &[Value], k: Value) -> Value {
    let Some(name) = str_argument("formatter_field_name_split", a, k) else {
        return Value::NULL;
    };
    let s = pystr::as_str(name);
    let first_end = s.find(['.', '[']).unwrap_or(s.len());
    let first = key_object(&s[..first_end]);
    if first.is_null() {
        return first;
    }
    let rest = iterator(unsafe { FIELD_NAME_ITERATOR }, name, first_end);
    tuple::new(&[first, rest])
}

pub fn create() -> Value {
    unsafe {
        if FORMATTER_ITERATOR.is_null() {
            FORMATTER_ITERATOR = iterator_type("formatteriterator", formatter_next);
            FIELD_NAME_ITERATOR = iterator_type("fieldnameiterator", field_name_next);
        }
    }
    let m = super::with_functions(
        "_string",
        &[
            ("formatter_parser", formatter_parser),
            ("formatter_field_name_split", formatter_field_name_split),
        ],
    );
    if !m.is_null() {
        crate::objects::dict::set_by_name(
            crate::objects::module::dict_of(m),
            "__doc__",
            pystr::new("string helper module"),
        );
    }
    m
}
