//! Generators and coroutines (decision 10): a heap frame and a resume index, no separate stack.
//!
//! A generator's compiled body starts by dispatching on `resume`: 0 starts from the top, k
//! continues after the k-th yield, reloading the values live there from `save`. At a yield the
//! body stores those values, sets `resume` and `state = SUSPENDED`, and returns the yielded
//! value; a plain return leaves `state` RUNNING, which tells `resume` the generator finished.
//! `sent` is the value `send()` passes in; null means `throw()`: the body then raises the
//! exception waiting in `errors` at the yield point. The field offsets are codegen's
//! `GEN_*_OFFSET` constants: keep them in step.

use crate::errors;
use crate::frame::{self, Frame};
use crate::object::{alloc_object, exc_types, is_subtype, kind_of, none, type_of, types, Kind};
use crate::objects::builtin_function::{add_method, check_args, NativeFn};
use crate::objects::code::{self, CodeObject};
use crate::objects::function::FunctionObject;
use crate::objects::{exception, str as pystr};
use crate::ops;
use crate::value::{Header, Value};

pub const CREATED: u32 = 0;
pub const RUNNING: u32 = 1;
pub const SUSPENDED: u32 = 2;
pub const DONE: u32 = 3;

#[repr(C)]
pub struct GeneratorObject {
    pub header: Header,
    pub resume: u32,
    pub state: u32,
    pub sent: Value,
    pub save: *mut Value,
    /// The object a `yield from` / `await` at the current suspension delegates to, or null.
    pub yieldfrom: Value,
    pub frame: Frame,
    pub func: Value,
    pub args: *mut Value,
    /// The result a `yield from` completed with while suspended (its delegate's `throw()` ended
    /// in StopIteration); the next SEND of this generator returns it.
    pub pending: Value,
    /// Async generators only: `ASYNC_CLOSED` and `ASYNC_RUNNING` (see `async_generator`).
    pub async_flags: u32,
}

pub fn new(f: Value, fo: &FunctionObject, c: &CodeObject, bound: &[Value]) -> Value {
    let ty = if c.flags & code::CO_COROUTINE != 0 {
        types().coroutine
    } else if c.flags & code::CO_ASYNC_GENERATOR != 0 {
        types().async_generator
    } else {
        types().generator
    };
    // One block: the object, then its argument slots, then its save slots (one allocation per
    // generator instead of three; the collector sees interior pointers).
    let head = std::mem::size_of::<GeneratorObject>();
    let nargs = bound.len().max(1);
    let nsave = (c.save_slots as usize).max(1);
    let g = alloc_object(ty, head + (nargs + nsave) * 8);
    if g.is_null() {
        return g;
    }
    unsafe {
        let args = (g.ptr::<u8>().add(head)) as *mut Value;
        let save = args.add(nargs);
        std::ptr::copy_nonoverlapping(bound.as_ptr(), args, bound.len());
        let o = g.ptr::<GeneratorObject>();
        (*o).resume = 0;
        (*o).state = CREATED;
        (*o).sent = none();
        (*o).save = save;
        (*o).yieldfrom = Value::NULL;
        (*o).func = f;
        (*o).args = args;
        (*o).pending = Value::NULL;
        (*o).async_flags = 0;
        (*o).frame = Frame {
            back: std::ptr::null_mut(),
            func: f,
            globals: fo.globals,
            builtins: fo.builtins,
            locals: Value::NULL,
            args,
            code: c,
            line: 0,
            gen: o,
            obj: Value::NULL,
        };
    }
    g
}

pub fn is_generator(v: Value) -> bool {
    !v.is_small() && kind_of(v) == Kind::Generator
}

fn get(g: Value) -> &'static mut GeneratorObject {
    unsafe { &mut *g.ptr::<GeneratorObject>() }
}

fn kind_name(g: Value) -> &'static str {
    let t = type_of(g);
    if t == types().coroutine {
        "coroutine"
    } else if t == types().async_generator {
        "async generator"
    } else {
        "generator"
    }
}

/// What one resumption produced.
pub enum Resumed {
    Yielded(Value),
    Returned(Value),
    Failed,
}

/// Runs the generator until its next yield or its end. `throwing`: an exception is waiting in
/// `errors` to be raised at the suspension point.
///
/// Inline, for the common case (a suspended generator resumed with a value, or a new one
/// started with None): every level of a `yield from` chain passes each value through here.
#[inline(always)]
pub fn resume(g: Value, sent: Value, throwing: bool) -> Resumed {
    let o = get(g);
    if !(o.state == SUSPENDED || (o.state == CREATED && !throwing && sent == none())) {
        return resume_unusual(g, throwing);
    }
    o.state = RUNNING;
    o.sent = if throwing { Value::NULL } else { sent };
    let c = unsafe { &*o.frame.code };
    let Some(entry) = c.entry else {
        return no_body();
    };
    let r = frame::with_frame(&mut o.frame, |p| unsafe { entry(p) });
    if o.state == SUSPENDED {
        return Resumed::Yielded(r);
    }
    finished(g, r)
}

#[cold]
#[inline(never)]
fn no_body() -> Resumed {
    errors::runtime_error("code object has no compiled body");
    Resumed::Failed
}

/// `resume` of a generator that is running, finished, or new and thrown into or sent a value.
#[cold]
#[inline(never)]
fn resume_unusual(g: Value, throwing: bool) -> Resumed {
    let o = get(g);
    match o.state {
        RUNNING => {
            if throwing {
                errors::fetch();
            }
            errors::value_error(&format!("{} already executing", kind_name(g)));
            Resumed::Failed
        }
        DONE => {
            if throwing {
                return Resumed::Failed;
            }
            if type_of(g) == types().coroutine {
                errors::runtime_error("cannot reuse already awaited coroutine");
                return Resumed::Failed;
            }
            Resumed::Returned(none())
        }
        CREATED if throwing => {
            o.state = DONE;
            Resumed::Failed
        }
        _ => {
            errors::type_error(&format!(
                "can't send non-None value to a just-started {}",
                kind_name(g)
            ));
            Resumed::Failed
        }
    }
}

/// The end of a resumption that did not yield: the body returned `r` or raised (null).
#[inline(never)]
fn finished(g: Value, r: Value) -> Resumed {
    let o = get(g);
    o.state = DONE;
    o.yieldfrom = Value::NULL;
    if r.is_null() {
        let is_async = type_of(g) == types().async_generator;
        let stop = if errors::current_matches(exc_types().stop_iteration) {
            Some("StopIteration")
        } else if is_async && errors::current_matches(exc_types().stop_async_iteration) {
            Some("StopAsyncIteration")
        } else {
            None
        };
        if let Some(stop) = stop {
            let inner = errors::fetch();
            let e = exception::new(
                exc_types().runtime_error,
                &[pystr::new(&format!("{} raised {stop}", kind_name(g)))],
            );
            exception::get(e).cause = inner;
            exception::get(e).suppress_context = true;
            exception::get(e).context = inner;
            errors::reraise(e);
        }
        return Resumed::Failed;
    }
    Resumed::Returned(r)
}

/// The iterator protocol's `next`: a value, `Value::DONE`, or null with an exception.
pub fn next(g: Value) -> Value {
    match resume(g, none(), false) {
        Resumed::Yielded(v) => v,
        Resumed::Returned(_) => Value::DONE,
        Resumed::Failed => Value::NULL,
    }
}

fn stop_iteration(v: Value) -> Value {
    if v == none() {
        errors::raise_args(exc_types().stop_iteration, &[])
    } else {
        errors::raise_args(exc_types().stop_iteration, &[v])
    }
}

/// `gen.send(value)`: the next yielded value, or StopIteration carrying the return value.
pub fn send(g: Value, v: Value) -> Value {
    match resume(g, v, false) {
        Resumed::Yielded(y) => y,
        Resumed::Returned(r) => stop_iteration(r),
        Resumed::Failed => Value::NULL,
    }
}

/// Closes a `yield from` delegate: `close()` for generators, the object's `close` method if it
/// has one. False with an exception set when closing failed.
fn close_delegate(sub: Value) -> bool {
    if is_generator(sub) {
        return !close(sub).is_null();
    }
    let m = ops::getattr_opt(sub, pystr::intern("close"));
    if m.is_null() {
        return !errors::occurred();
    }
    !ops::call(m, &[], Value::NULL).is_null()
}

fn finish_throw(g: Value) -> Value {
    match resume(g, none(), true) {
        Resumed::Yielded(y) => y,
        Resumed::Returned(r) => stop_iteration(r),
        Resumed::Failed => Value::NULL,
    }
}

/// `gen.throw(exc)`: raises `exc` at the suspension point, delegating to a `yield from` first
/// (GeneratorExit closes the delegate instead), as CPython's `_gen_throw` does.
pub fn throw(g: Value, exc: Value) -> Value {
    let o = get(g);
    if !o.yieldfrom.is_null() && o.state == SUSPENDED {
        let sub = o.yieldfrom;
        if crate::object::isinstance(exc, exc_types().generator_exit) {
            o.yieldfrom = Value::NULL;
            o.state = RUNNING;
            let closed = close_delegate(sub);
            o.state = SUSPENDED;
            if closed {
                errors::raise(exc);
            }
            return finish_throw(g);
        }
        o.state = RUNNING;
        let r = if is_generator(sub) {
            throw(sub, exc)
        } else {
            let m = ops::getattr_opt(sub, pystr::intern("throw"));
            if m.is_null() {
                if errors::occurred() {
                    Value::NULL
                } else {
                    o.state = SUSPENDED;
                    o.yieldfrom = Value::NULL;
                    errors::raise(exc);
                    return finish_throw(g);
                }
            } else {
                ops::call(m, &[exc], Value::NULL)
            }
        };
        o.state = SUSPENDED;
        if !r.is_null() {
            return r;
        }
        o.yieldfrom = Value::NULL;
        if errors::current_matches(exc_types().stop_iteration) {
            // The delegate finished: the `yield from` completes with its value.
            let e = errors::fetch();
            o.pending = exception::getattr(e, "value");
            return send(g, none());
        }
        return finish_throw(g);
    }
    errors::raise(exc);
    finish_throw(g)
}

/// `gen.close()`: closes a `yield from` delegate first, then raises GeneratorExit here.
pub fn close(g: Value) -> Value {
    let o = get(g);
    if o.state == CREATED || o.state == DONE {
        o.state = DONE;
        return none();
    }
    let mut closed = true;
    if !o.yieldfrom.is_null() {
        let sub = o.yieldfrom;
        o.yieldfrom = Value::NULL;
        o.state = RUNNING;
        closed = close_delegate(sub);
        o.state = SUSPENDED;
    }
    if closed {
        errors::raise(exception::new(exc_types().generator_exit, &[]));
    }
    match resume(g, none(), true) {
        Resumed::Yielded(_) => {
            errors::runtime_error(&format!("{} ignored GeneratorExit", kind_name(g)))
        }
        Resumed::Returned(_) => none(),
        Resumed::Failed => {
            if errors::current_matches(exc_types().generator_exit)
                || errors::current_matches(exc_types().stop_iteration)
            {
                errors::fetch();
                none()
            } else {
                Value::NULL
            }
        }
    }
}

/// The result a suspended `yield from` of the running generator completed with, if any.
pub fn take_pending() -> Value {
    let f = crate::frame::current();
    if f.is_null() {
        return Value::NULL;
    }
    let gp = unsafe { (*f).gen };
    if gp.is_null() {
        return Value::NULL;
    }
    unsafe {
        let v = (*gp).pending;
        (*gp).pending = Value::NULL;
        v
    }
}

/// Makes an exception instance from `throw`'s arguments (a class or an instance).
pub fn exception_from(args: &[Value]) -> Value {
    let t = args[0];
    if exception::is_exception(t) {
        return t;
    }
    if !t.is_small() && kind_of(t) == Kind::Type && is_subtype(t.ptr(), exc_types().base_exception)
    {
        if let Some(v) = args.get(1) {
            // throw(Class, instance of Class): the instance itself.
            if exception::is_exception(*v) && is_subtype(type_of(*v), t.ptr()) {
                return *v;
            }
            // throw(Class, args-tuple): Class(*args).
            if !v.is_small() && kind_of(*v) == Kind::Tuple {
                return ops::call(t, crate::objects::tuple::items(*v), Value::NULL);
            }
        }
        let a: Vec<Value> = args
            .get(1)
            .filter(|v| **v != none())
            .into_iter()
            .copied()
            .collect();
        return ops::call(t, &a, Value::NULL);
    }
    errors::type_error(&format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        crate::object::type_name_of(t)
    ))
}

fn m_send(a: &[Value], k: Value) -> Value {
    if !check_args("send", a, k, 1, 1) {
        return Value::NULL;
    }
    send(a[0], a[1])
}
fn m_throw(a: &[Value], k: Value) -> Value {
    if !check_args("throw", a, k, 1, 3) {
        return Value::NULL;
    }
    let (g, o) = (a[0], get(a[0]));
    let sub = o.yieldfrom;
    if !sub.is_null() && o.state == SUSPENDED && !is_generator(sub) {
        // A delegate that is not a generator gets throw()'s arguments as they are.
        let t = a[1];
        let genexit = crate::object::isinstance(t, exc_types().generator_exit)
            || (!t.is_small()
                && kind_of(t) == Kind::Type
                && is_subtype(t.ptr(), exc_types().generator_exit));
        let m = if genexit {
            Value::NULL
        } else {
            ops::getattr_opt(sub, pystr::intern("throw"))
        };
        if !m.is_null() {
            o.state = RUNNING;
            let r = ops::call(m, &a[1..], Value::NULL);
            o.state = SUSPENDED;
            if !r.is_null() {
                return r;
            }
            o.yieldfrom = Value::NULL;
            if errors::current_matches(exc_types().stop_iteration) {
                let e = errors::fetch();
                o.pending = exception::getattr(e, "value");
                return send(g, none());
            }
            return finish_throw(g);
        }
        if errors::occurred() {
            return Value::NULL;
        }
    }
    let e = exception_from(&a[1..]);
    if e.is_null() {
        return e;
    }
    throw(g, e)
}
fn m_close(a: &[Value], k: Value) -> Value {
    if !check_args("close", a, k, 0, 0) {
        return Value::NULL;
    }
    close(a[0])
}
fn m_next(a: &[Value], k: Value) -> Value {
    if !check_args("__next__", a, k, 0, 0) {
        return Value::NULL;
    }
    send(a[0], none())
}
fn m_iter(a: &[Value], k: Value) -> Value {
    if !check_args("__iter__", a, k, 0, 0) {
        return Value::NULL;
    }
    a[0]
}
fn m_await(a: &[Value], k: Value) -> Value {
    if !check_args("__await__", a, k, 0, 0) {
        return Value::NULL;
    }
    a[0]
}

pub fn init_methods() {
    let t = types();
    for ty in [t.generator, t.coroutine] {
        let m: &[(&str, NativeFn)] = &[("send", m_send), ("throw", m_throw), ("close", m_close)];
        for (name, f) in m {
            add_method(ty, name, *f);
        }
    }
    add_method(t.generator, "__next__", m_next);
    add_method(t.generator, "__iter__", m_iter);
    add_method(t.coroutine, "__await__", m_await);
}

/// Name attributes of a generator (`__name__`, `__qualname__`, `gi_running`, ...).
pub fn getattr(g: Value, name: &str) -> Value {
    let o = get(g);
    let fo = crate::objects::function::get(o.func);
    match name {
        "__name__" => fo.name,
        "__qualname__" => fo.qualname,
        "gi_running" | "cr_running" | "ag_running" => crate::object::bool_value(o.state == RUNNING),
        "gi_code" | "cr_code" | "ag_code" => fo.code,
        "gi_yieldfrom" | "cr_await" | "ag_await" => {
            if o.yieldfrom.is_null() {
                none()
            } else {
                o.yieldfrom
            }
        }
        "gi_frame" | "cr_frame" | "ag_frame" => none(),
        _ => Value::NULL,
    }
}

/// SEND: drives `receiver` one step with `v`. Returns 0 when it yielded (`out` = the value),
/// 1 when it finished (`out` = its return value), -1 on error.
#[inline]
pub fn send_step(receiver: Value, v: Value, out: &mut Value) -> i32 {
    if is_generator(receiver) {
        return match resume(receiver, v, false) {
            Resumed::Yielded(y) => {
                *out = y;
                0
            }
            Resumed::Returned(r) => {
                *out = r;
                1
            }
            Resumed::Failed => -1,
        };
    }
    send_step_other(receiver, v, out)
}

/// SEND to an iterator that is not a generator: `__next__` for None, else its `send` method.
#[inline(never)]
fn send_step_other(receiver: Value, v: Value, out: &mut Value) -> i32 {
    let r = if v == none() {
        let f = crate::object::type_lookup(type_of(receiver), pystr::intern("__next__"));
        if f.is_null() {
            ops::next(receiver)
        } else {
            // Through `__next__` itself: its StopIteration carries the delegate's result.
            crate::objects::type_::call_bound(f, receiver, &[])
        }
    } else {
        let m = ops::getattr(receiver, pystr::intern("send"));
        if m.is_null() {
            return -1;
        }
        let r = ops::call(m, &[v], Value::NULL);
        if r.is_null() && errors::current_matches(exc_types().stop_iteration) {
            let e = errors::fetch();
            *out = exception::getattr(e, "value");
            return 1;
        }
        r
    };
    if r.is_null() {
        if errors::current_matches(exc_types().stop_iteration) {
            // The delegate finished by raising StopIteration: its value is the result.
            let e = errors::fetch();
            *out = exception::getattr(e, "value");
            return 1;
        }
        return -1;
    }
    if r == Value::DONE {
        *out = none();
        return 1;
    }
    *out = r;
    0
}
