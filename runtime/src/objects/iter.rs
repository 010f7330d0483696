//! The built-in iterators: over sequences, ranges and dicts, plus `enumerate`, `zip`,
//! `reversed`, `map` and `filter`, and the dict views `keys()`, `values()`, `items()`.

use crate::errors;
use crate::object::{alloc_object, kind_of, none, types, Kind};
use crate::objects::{dict, int, list, range, str as pystr, tuple};
use crate::ops;
use crate::value::{Header, Value};

#[repr(C)]
pub struct SeqIter {
    pub header: Header,
    pub seq: Value,
    /// Item index (list, tuple) or byte offset (str).
    pub pos: usize,
}

#[repr(C)]
pub struct RangeIter {
    pub header: Header,
    pub next: i64,
    pub remaining: i64,
    pub step: i64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

#[repr(C)]
pub struct DictIter {
    pub header: Header,
    pub dict: Value,
    pub pos: usize,
    pub part: DictPart,
    pub len: usize,
}

#[repr(C)]
pub struct DictView {
    pub header: Header,
    pub dict: Value,
    pub part: DictPart,
}

/// enumerate, zip, map, filter and reversed share one layout.
#[repr(C)]
pub struct Combinator {
    pub header: Header,
    pub a: Value,
    pub b: Value,
    pub n: i64,
}

pub fn seq_iter(seq: Value) -> Value {
    let v = alloc_object(types().seq_iter, std::mem::size_of::<SeqIter>());
    if !v.is_null() {
        unsafe { (*v.ptr::<SeqIter>()).seq = seq };
    }
    v
}

pub fn range_iter(r: Value) -> Value {
    if range::is_big(r) {
        // Bounds past a machine word: through the range's own indexing.
        return seq_iter(r);
    }
    let (start, stop, step) = range::parts(r);
    let v = alloc_object(types().range_iter, std::mem::size_of::<RangeIter>());
    if !v.is_null() {
        unsafe {
            let o = v.ptr::<RangeIter>();
            (*o).next = start;
            (*o).remaining = range::length(start, stop, step);
            (*o).step = step;
        }
    }
    v
}

pub fn dict_iter(d: Value, part: DictPart) -> Value {
    let v = alloc_object(types().dict_iter, std::mem::size_of::<DictIter>());
    if !v.is_null() {
        unsafe {
            let o = v.ptr::<DictIter>();
            (*o).dict = d;
            (*o).part = part;
            (*o).len = dict::len(d);
        }
    }
    v
}

pub fn dict_view(d: Value, part: DictPart) -> Value {
    let ty = match part {
        DictPart::Keys => types().dict_keys,
        DictPart::Values => types().dict_values,
        DictPart::Items => types().dict_items,
    };
    let v = alloc_object(ty, std::mem::size_of::<DictView>());
    if !v.is_null() {
        unsafe {
            (*v.ptr::<DictView>()).dict = d;
            (*v.ptr::<DictView>()).part = part;
        }
    }
    v
}

pub fn view_parts(v: Value) -> (Value, DictPart) {
    unsafe { ((*v.ptr::<DictView>()).dict, (*v.ptr::<DictView>()).part) }
}

pub fn combinator(ty: *mut crate::object::TypeObject, a: Value, b: Value, n: i64) -> Value {
    let v = alloc_object(ty, std::mem::size_of::<Combinator>());
    if !v.is_null() {
        unsafe {
            let o = v.ptr::<Combinator>();
            (*o).a = a;
            (*o).b = b;
            (*o).n = n;
        }
    }
    v
}

/// The next item of a built-in iterator: a value, `Value::DONE`, or null with an exception.
pub fn next(it: Value) -> Value {
    unsafe {
        match kind_of(it) {
            Kind::SeqIter => {
                let o = it.ptr::<SeqIter>();
                let seq = (*o).seq;
                if seq.is_null() {
                    return Value::DONE;
                }
                match kind_of(seq) {
                    Kind::List | Kind::Tuple => {
                        let items = ops::seq_items(seq);
                        if (*o).pos < items.len() {
                            (*o).pos += 1;
                            return items[(*o).pos - 1];
                        }
                    }
                    Kind::Str => {
                        let s = pystr::as_str(seq);
                        if let Some(c) = s[(*o).pos..].chars().next() {
                            (*o).pos += c.len_utf8();
                            return pystr::from_char(c);
                        }
                    }
                    Kind::Bytes | Kind::ByteArray => {
                        let d = crate::objects::bytes::data(seq);
                        if (*o).pos < d.len() {
                            (*o).pos += 1;
                            return Value::from_small(d[(*o).pos - 1] as i64);
                        }
                    }
                    _ => {
                        // Any object with __getitem__: the old sequence protocol.
                        let r = ops::getitem(seq, Value::from_small((*o).pos as i64));
                        if r.is_null() {
                            if errors::current_matches(crate::object::exc_types().index_error)
                                || errors::current_matches(
                                    crate::object::exc_types().stop_iteration,
                                )
                            {
                                errors::fetch();
                                (*o).seq = Value::NULL;
                                return Value::DONE;
                            }
                            return r;
                        }
                        (*o).pos += 1;
                        return r;
                    }
                }
                (*o).seq = Value::NULL;
                Value::DONE
            }
            Kind::RangeIter => {
                let o = it.ptr::<RangeIter>();
                if (*o).remaining <= 0 {
                    return Value::DONE;
                }
                let v = (*o).next;
                (*o).remaining -= 1;
                (*o).next = v.wrapping_add((*o).step);
                int::from_i64(v)
            }
            Kind::DictIter => {
                let o = it.ptr::<DictIter>();
                let d = (*o).dict;
                if d.is_null() {
                    return Value::DONE;
                }
                if dict::len(d) != (*o).len {
                    (*o).len = usize::MAX;
                    return errors::runtime_error("dictionary changed size during iteration");
                }
                let ents = dict::entries(d);
                while (*o).pos < ents.len() {
                    let e = ents[(*o).pos];
                    (*o).pos += 1;
                    if e.key.is_null() {
                        continue;
                    }
                    return match (*o).part {
                        DictPart::Keys => e.key,
                        DictPart::Values => e.value,
                        DictPart::Items => tuple::new(&[e.key, e.value]),
                    };
                }
                (*o).dict = Value::NULL;
                Value::DONE
            }
            Kind::Enumerate => {
                let o = it.ptr::<Combinator>();
                let x = ops::next((*o).a);
                if x.is_null() || x == Value::DONE {
                    return x;
                }
                let i = (*o).b;
                (*o).b = ops::binary_op(i, Value::from_small(1), int::BinOp::Add);
                tuple::new(&[i, x])
            }
            Kind::Zip => {
                let o = it.ptr::<Combinator>();
                let iters = tuple::items((*o).a);
                if iters.is_empty() {
                    return Value::DONE;
                }
                let mut out = Vec::with_capacity(iters.len());
                for (k, i) in iters.iter().enumerate() {
                    let x = ops::next(*i);
                    if x.is_null() {
                        return x;
                    }
                    if x == Value::DONE {
                        if (*o).n != 0 {
                            return zip_strict_end(iters, k);
                        }
                        return x;
                    }
                    out.push(x);
                }
                tuple::new(&out)
            }
            Kind::Map => {
                let o = it.ptr::<Combinator>();
                let iters = tuple::items((*o).b);
                let mut args = Vec::with_capacity(iters.len());
                for i in iters {
                    let x = ops::next(*i);
                    if x.is_null() || x == Value::DONE {
                        return x;
                    }
                    args.push(x);
                }
                ops::call((*o).a, &args, Value::NULL)
            }
            Kind::Filter => {
                let o = it.ptr::<Combinator>();
                loop {
                    let x = ops::next((*o).b);
                    if x.is_null() || x == Value::DONE {
                        return x;
                    }
                    let keep = if (*o).a == none() {
                        ops::truthy(x)
                    } else {
                        let r = ops::call((*o).a, &[x], Value::NULL);
                        if r.is_null() {
                            return r;
                        }
                        ops::truthy(r)
                    };
                    match keep {
                        1 => return x,
                        0 => continue,
                        _ => return Value::NULL,
                    }
                }
            }
            Kind::Reversed => {
                let o = it.ptr::<Combinator>();
                if (*o).n <= 0 || (*o).a.is_null() {
                    return Value::DONE;
                }
                (*o).n -= 1;
                let seq = (*o).a;
                match kind_of(seq) {
                    Kind::List => {
                        let items = list::items(seq);
                        if ((*o).n as usize) < items.len() {
                            items[(*o).n as usize]
                        } else {
                            Value::DONE
                        }
                    }
                    _ => ops::getitem(seq, Value::from_small((*o).n)),
                }
            }
            Kind::SetIter => crate::objects::set::iter_next(it),
            Kind::CallIter => crate::builtins::extra::call_iter_next(it),
            Kind::File => crate::objects::file::next_line(it),
            _ => errors::type_error(&format!(
                "'{}' object is not an iterator",
                crate::object::type_name_of(it)
            )),
        }
    }
}

/// `zip(strict=True)` found iterator `k` exhausted: the others must be exhausted too.
fn zip_strict_end(iters: &[Value], k: usize) -> Value {
    let plural = |n: usize| {
        if n == 1 {
            "argument 1".to_string()
        } else {
            format!("arguments 1-{n}")
        }
    };
    if k > 0 {
        return errors::value_error(&format!(
            "zip() argument {} is shorter than {}",
            k + 1,
            plural(k)
        ));
    }
    for (j, i) in iters.iter().enumerate().skip(1) {
        let x = ops::next(*i);
        if x.is_null() {
            return x;
        }
        if x != Value::DONE {
            return errors::value_error(&format!(
                "zip() argument {} is longer than {}",
                j + 1,
                plural(j)
            ));
        }
    }
    Value::DONE
}

/// Items of a dict view as a list snapshot (for repr and comparisons).
pub fn view_items(v: Value) -> Vec<Value> {
    let (d, part) = view_parts(v);
    dict::items(d)
        .into_iter()
        .map(|(k, x)| match part {
            DictPart::Keys => k,
            DictPart::Values => x,
            DictPart::Items => tuple::new(&[k, x]),
        })
        .collect()
}
