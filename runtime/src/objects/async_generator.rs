//! Async generators (PEP 525): the awaitables `__anext__`/`asend` and `athrow`/`aclose` return,
//! and the wrapper that tells an async `yield` apart from an `await` passing through.
//!
//! An async generator is a generator object (see `generator`) whose body marks each value of a
//! `yield` with `ASYNC_GEN_WRAP`. Driving one of the awaitables below resumes the body: a marked
//! value ends the awaitable with `StopIteration(value)` (the result of `await agen.__anext__()`),
//! an unmarked one is something an inner `await` hands to the event loop and passes out as it
//! is, and the end of the body is `StopAsyncIteration`.

use crate::errors;
use crate::object::{alloc_object, exc_types, none, type_of, types, Kind, TypeObject};
use crate::objects::builtin_function::{add_method, check_args, NativeFn};
use crate::objects::generator::{self, GeneratorObject, Resumed};
use crate::objects::type_;
use crate::value::Value;

/// The generator finished or was closed: `athrow`/`aclose` awaitables end at once.
const ASYNC_CLOSED: u32 = 1;
/// One of its awaitables is being driven: another may not start.
const ASYNC_RUNNING: u32 = 2;

/// Awaitable states, as CPython names them.
const INIT: i64 = 0;
const ITER: i64 = 1;
const CLOSED: i64 = 2;

static mut WRAPPED: *mut TypeObject = std::ptr::null_mut();
static mut ASEND: *mut TypeObject = std::ptr::null_mut();
static mut ATHROW: *mut TypeObject = std::ptr::null_mut();

// Slots of the awaitables: the generator, the value to send first (asend) or the arguments to
// throw (athrow; null for aclose), and the state.
const GEN: usize = 0;
const ARG: usize = 1;
const STATE: usize = 2;

fn slot(v: Value, i: usize) -> Value {
    unsafe { *type_::slot_ptr(v, i) }
}

fn set_slot(v: Value, i: usize, x: Value) {
    unsafe { *type_::slot_ptr(v, i) = x }
}

fn state(aw: Value) -> i64 {
    slot(aw, STATE).small()
}

fn set_state(aw: Value, s: i64) {
    set_slot(aw, STATE, Value::from_small(s));
}

fn gen_of(aw: Value) -> &'static mut GeneratorObject {
    unsafe { &mut *slot(aw, GEN).ptr::<GeneratorObject>() }
}

fn make(t: *mut TypeObject, slots: &[Value]) -> Value {
    let v = alloc_object(
        t,
        std::mem::size_of::<type_::InstanceObject>() + 8 * slots.len(),
    );
    if !v.is_null() {
        for (i, x) in slots.iter().enumerate() {
            set_slot(v, i, *x);
        }
    }
    v
}

/// ASYNC_GEN_WRAP: marks `v` as the value of an async generator's `yield`.
pub fn wrap(v: Value) -> Value {
    make(unsafe { WRAPPED }, &[v])
}

fn unwrapped(v: Value) -> Option<Value> {
    (!v.is_null() && !v.is_small() && type_of(v) == unsafe { WRAPPED }).then(|| slot(v, 0))
}

fn is_async_generator(v: Value) -> bool {
    !v.is_small() && type_of(v) == types().async_generator
}

fn stop_iteration_with(v: Value) -> Value {
    if v == none() {
        errors::raise_args(exc_types().stop_iteration, &[])
    } else {
        // StopIteration(value) with a tuple value must not spread it into args.
        let e = crate::objects::exception::new(exc_types().stop_iteration, &[v]);
        errors::raise(e);
        Value::NULL
    }
}

/// What the body produced, as the awaitable's `send` returns it: a marked value becomes
/// `StopIteration(value)`, the end of the body `StopAsyncIteration`.
fn unwrap(g: &mut GeneratorObject, r: Resumed) -> Value {
    match r {
        Resumed::Yielded(y) => match unwrapped(y) {
            Some(v) => {
                g.async_flags &= !ASYNC_RUNNING;
                stop_iteration_with(v)
            }
            None => y,
        },
        Resumed::Returned(_) | Resumed::Failed => {
            if !errors::occurred() {
                errors::raise_args(exc_types().stop_async_iteration, &[]);
            }
            if errors::current_matches(exc_types().stop_async_iteration)
                || errors::current_matches(exc_types().generator_exit)
            {
                g.async_flags |= ASYNC_CLOSED;
            }
            g.async_flags &= !ASYNC_RUNNING;
            Value::NULL
        }
    }
}

fn resume(gen: Value, sent: Value) -> Resumed {
    generator::resume(gen, sent, false)
}

/// Throws the exception made of `args` (`throw()`'s arguments) into the generator.
fn throw_into(gen: Value, args: &[Value]) -> Resumed {
    let e = generator::exception_from(args);
    if e.is_null() {
        return Resumed::Failed;
    }
    errors::raise(e);
    generator::resume(gen, none(), true)
}

// ---- the async generator's own methods -------------------------------------------------------

fn agen(a: &[Value], name: &str) -> Option<Value> {
    if a.first().is_some_and(|g| is_async_generator(*g)) {
        return Some(a[0]);
    }
    errors::type_error(&format!(
        "descriptor '{name}' requires an 'async_generator' object"
    ));
    None
}

fn m_aiter(a: &[Value], k: Value) -> Value {
    if !check_args("__aiter__", a, k, 0, 0) {
        return Value::NULL;
    }
    a[0]
}

fn m_anext(a: &[Value], k: Value) -> Value {
    if !check_args("__anext__", a, k, 0, 0) {
        return Value::NULL;
    }
    match agen(a, "__anext__") {
        Some(g) => make(unsafe { ASEND }, &[g, none(), Value::from_small(INIT)]),
        None => Value::NULL,
    }
}

fn m_asend(a: &[Value], k: Value) -> Value {
    if !check_args("asend", a, k, 1, 1) {
        return Value::NULL;
    }
    match agen(a, "asend") {
        Some(g) => make(unsafe { ASEND }, &[g, a[1], Value::from_small(INIT)]),
        None => Value::NULL,
    }
}

fn m_athrow(a: &[Value], k: Value) -> Value {
    if !check_args("athrow", a, k, 1, 3) {
        return Value::NULL;
    }
    match agen(a, "athrow") {
        Some(g) => {
            let args = crate::objects::tuple::new(&a[1..]);
            make(unsafe { ATHROW }, &[g, args, Value::from_small(INIT)])
        }
        None => Value::NULL,
    }
}

fn m_aclose(a: &[Value], k: Value) -> Value {
    if !check_args("aclose", a, k, 0, 0) {
        return Value::NULL;
    }
    match agen(a, "aclose") {
        Some(g) => make(
            unsafe { ATHROW },
            &[g, Value::NULL, Value::from_small(INIT)],
        ),
        None => Value::NULL,
    }
}

// ---- `__anext__()` / `asend(v)` --------------------------------------------------------------

fn asend_send(aw: Value, v: Value) -> Value {
    if state(aw) == CLOSED {
        return errors::runtime_error("cannot reuse already awaited __anext__()/asend()");
    }
    let g = gen_of(aw);
    let mut v = v;
    if state(aw) == INIT {
        if g.async_flags & ASYNC_RUNNING != 0 {
            return errors::runtime_error("anext(): asynchronous generator is already running");
        }
        if v == none() {
            v = slot(aw, ARG);
        }
        set_state(aw, ITER);
    }
    g.async_flags |= ASYNC_RUNNING;
    let r = resume(slot(aw, GEN), v);
    let out = unwrap(g, r);
    if out.is_null() {
        set_state(aw, CLOSED);
    }
    out
}

fn asend_m_send(a: &[Value], k: Value) -> Value {
    if !check_args("send", a, k, 1, 1) {
        return Value::NULL;
    }
    asend_send(a[0], a[1])
}

fn asend_m_next(a: &[Value], k: Value) -> Value {
    if !check_args("__next__", a, k, 0, 0) {
        return Value::NULL;
    }
    asend_send(a[0], none())
}

fn asend_m_throw(a: &[Value], k: Value) -> Value {
    if !check_args("throw", a, k, 1, 3) {
        return Value::NULL;
    }
    let aw = a[0];
    if state(aw) == CLOSED {
        return errors::runtime_error("cannot reuse already awaited __anext__()/asend()");
    }
    let r = throw_into(slot(aw, GEN), &a[1..]);
    let out = unwrap(gen_of(aw), r);
    if out.is_null() {
        set_state(aw, CLOSED);
    }
    out
}

fn m_close(a: &[Value], k: Value) -> Value {
    if !check_args("close", a, k, 0, 0) {
        return Value::NULL;
    }
    set_state(a[0], CLOSED);
    none()
}

fn m_self(a: &[Value], k: Value) -> Value {
    if !check_args("__await__", a, k, 0, 0) {
        return Value::NULL;
    }
    a[0]
}

// ---- `athrow(...)` / `aclose()` --------------------------------------------------------------

fn is_aclose(aw: Value) -> bool {
    slot(aw, ARG).is_null()
}

/// An `aclose()` that saw the body yield: the generator ignored GeneratorExit.
fn ignored_exit(aw: Value) -> Value {
    gen_of(aw).async_flags &= !ASYNC_RUNNING;
    set_state(aw, CLOSED);
    errors::runtime_error("async generator ignored GeneratorExit")
}

/// The body ended with an exception (or returned) while an athrow/aclose drove it.
fn athrow_failed(aw: Value) -> Value {
    gen_of(aw).async_flags &= !ASYNC_RUNNING;
    set_state(aw, CLOSED);
    if is_aclose(aw)
        && (errors::current_matches(exc_types().stop_async_iteration)
            || errors::current_matches(exc_types().generator_exit))
    {
        // aclose() is done: its await completes normally.
        errors::fetch();
        return errors::raise_args(exc_types().stop_iteration, &[]);
    }
    Value::NULL
}

/// What athrow/aclose's `send` or `throw` makes of one resumption of the body.
fn athrow_result(aw: Value, r: Resumed) -> Value {
    if !is_aclose(aw) {
        return unwrap(gen_of(aw), r);
    }
    match r {
        Resumed::Yielded(y) if unwrapped(y).is_some() => ignored_exit(aw),
        Resumed::Yielded(y) => y,
        Resumed::Returned(_) | Resumed::Failed => {
            if !errors::occurred() {
                errors::raise_args(exc_types().stop_async_iteration, &[]);
            }
            athrow_failed(aw)
        }
    }
}

fn athrow_send(aw: Value, v: Value) -> Value {
    if state(aw) == CLOSED {
        return errors::runtime_error("cannot reuse already awaited aclose()/athrow()");
    }
    let gv = slot(aw, GEN);
    let g = gen_of(aw);
    if g.state == generator::DONE {
        set_state(aw, CLOSED);
        return errors::raise_args(exc_types().stop_iteration, &[]);
    }
    if state(aw) == INIT {
        if g.async_flags & ASYNC_RUNNING != 0 {
            set_state(aw, CLOSED);
            let which = if is_aclose(aw) { "aclose" } else { "athrow" };
            return errors::runtime_error(&format!(
                "{which}(): asynchronous generator is already running"
            ));
        }
        if g.async_flags & ASYNC_CLOSED != 0 {
            set_state(aw, CLOSED);
            return errors::raise_args(exc_types().stop_async_iteration, &[]);
        }
        if v != none() {
            return errors::runtime_error("can't send non-None value to a just-started coroutine");
        }
        set_state(aw, ITER);
        g.async_flags |= ASYNC_RUNNING;
        let r = if is_aclose(aw) {
            g.async_flags |= ASYNC_CLOSED;
            let e = crate::objects::exception::new(exc_types().generator_exit, &[]);
            errors::raise(e);
            generator::resume(gv, none(), true)
        } else {
            let args = slot(aw, ARG);
            throw_into(gv, crate::objects::tuple::items(args))
        };
        return athrow_result(aw, r);
    }
    let r = resume(gv, v);
    athrow_result(aw, r)
}

fn athrow_m_send(a: &[Value], k: Value) -> Value {
    if !check_args("send", a, k, 1, 1) {
        return Value::NULL;
    }
    athrow_send(a[0], a[1])
}

fn athrow_m_next(a: &[Value], k: Value) -> Value {
    if !check_args("__next__", a, k, 0, 0) {
        return Value::NULL;
    }
    athrow_send(a[0], none())
}

fn athrow_m_throw(a: &[Value], k: Value) -> Value {
    if !check_args("throw", a, k, 1, 3) {
        return Value::NULL;
    }
    let aw = a[0];
    if state(aw) == CLOSED {
        return errors::runtime_error("cannot reuse already awaited aclose()/athrow()");
    }
    let r = throw_into(slot(aw, GEN), &a[1..]);
    athrow_result(aw, r)
}

pub fn init() {
    unsafe {
        let object = types().object;
        let new = |name: &str, nslots: u32| {
            let t = crate::object::new_builtin_type(name, Kind::Object, object);
            (*t).flags |= crate::object::TF_FINAL | crate::object::TF_NO_DICT;
            (*t).nslots = nslots;
            t
        };
        WRAPPED = new("async_generator_wrapped_value", 1);
        ASEND = new("async_generator_asend", 3);
        ATHROW = new("async_generator_athrow", 3);
        let awaitable: &[(&str, NativeFn)] = &[
            ("close", m_close),
            ("__await__", m_self),
            ("__iter__", m_self),
        ];
        for t in [ASEND, ATHROW] {
            for (n, f) in awaitable {
                add_method(t, n, *f);
            }
        }
        add_method(ASEND, "send", asend_m_send);
        add_method(ASEND, "__next__", asend_m_next);
        add_method(ASEND, "throw", asend_m_throw);
        add_method(ATHROW, "send", athrow_m_send);
        add_method(ATHROW, "__next__", athrow_m_next);
        add_method(ATHROW, "throw", athrow_m_throw);
        let ag = types().async_generator;
        let own: &[(&str, NativeFn)] = &[
            ("__aiter__", m_aiter),
            ("__anext__", m_anext),
            ("asend", m_asend),
            ("athrow", m_athrow),
            ("aclose", m_aclose),
        ];
        for (n, f) in own {
            add_method(ag, n, *f);
        }
    }
}
