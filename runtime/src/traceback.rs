//! Traceback entries, added as an exception leaves each frame, and the printing of an uncaught
//! exception in CPython's format (chained exceptions included).

use crate::errors;
use crate::frame::Frame;
use crate::object::{alloc_object, none, type_of, types};
use crate::objects::exception;
use crate::objects::str as pystr;
use crate::value::{Header, Value};

#[repr(C)]
pub struct TracebackObject {
    pub header: Header,
    pub next: Value,
    pub code: Value,
    pub line: i64,
    /// The globals and builtins of the frame (the candidates of a NameError's suggestion).
    pub globals: Value,
    pub builtins: Value,
}

/// The source texts the program's modules carry, by file name (`co_filename`).
static SOURCES: std::sync::Mutex<Vec<(&'static str, &'static str)>> =
    std::sync::Mutex::new(Vec::new());

/// Makes `text` the source of `filename` for tracebacks (at module load).
pub fn register_source(filename: &'static str, text: &'static str) {
    if let Ok(mut s) = SOURCES.lock() {
        s.push((filename, text));
    }
}

/// Line `line` (1-based) of `filename`'s source without its indentation, as CPython prints
/// it under a traceback entry; `None` when the source is unknown or the line blank.
fn source_line(filename: &str, line: i64) -> Option<String> {
    let sources = SOURCES.lock().ok()?;
    let text = sources.iter().find(|(f, _)| *f == filename)?.1;
    let l = text
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let l = l.trim();
    (!l.is_empty()).then(|| l.to_string())
}

/// Records that the exception being raised passed through `frame` at `line`.
pub fn here(frame: *mut Frame, line: i64) {
    let exc = errors::current();
    if exc.is_null() || !exception::is_exception(exc) {
        return;
    }
    let tb = alloc_object(types().traceback, std::mem::size_of::<TracebackObject>());
    if tb.is_null() {
        return;
    }
    unsafe {
        let o = tb.ptr::<TracebackObject>();
        let e = exception::get(exc);
        (*o).next = if e.traceback == none() {
            Value::NULL
        } else {
            e.traceback
        };
        (*o).code = Value::from_ptr((*frame).code as *mut crate::objects::code::CodeObject);
        (*o).line = line;
        (*o).globals = (*frame).globals;
        (*o).builtins = (*frame).builtins;
        e.traceback = tb;
    }
}

/// `tb.tb_next`, `tb.tb_lineno`, `tb.tb_lasti`, `tb.tb_frame`; null when `name` is none of
/// them. The frame is made on demand from what the entry recorded (code, line, globals).
pub fn getattr(tb: Value, name: &str) -> Value {
    let o = unsafe { &*tb.ptr::<TracebackObject>() };
    match name {
        "tb_next" => {
            if o.next.is_null() {
                none()
            } else {
                o.next
            }
        }
        "tb_lineno" => crate::objects::int::from_i64(o.line),
        "tb_lasti" => Value::from_small(-1),
        "tb_frame" => crate::objects::frame_object::detached(o.code, o.globals, o.builtins, o.line),
        _ => Value::NULL,
    }
}

/// The state of printing nested exception groups (`_ExceptionPrintContext` in traceback.py).
struct Ctx {
    depth: usize,
    need_close: bool,
    out: String,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    /// Emits `text` (one or more lines), each prefixed by the group margin.
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

/// The name of an exception's type as tracebacks show it: the qualified name, with the module
/// unless it is `builtins` or `__main__`.
fn exception_type_name(exc: Value) -> String {
    let t = type_of(exc);
    // 3.8 names the class by its `__name__`, later versions by its `__qualname__`.
    let q = if crate::sys::bytecode_version() < (3, 9) {
        crate::object::type_name(t).to_string()
    } else {
        crate::objects::type_::qualname_of(t)
    };
    let m = unsafe { crate::objects::dict::get_by_name((*t).dict, "__module__") };
    let m = if m.is_null() {
        unsafe { (*t).module }
    } else {
        m
    };
    if pystr::is_str(m) {
        let ms = pystr::as_str(m);
        // Up to 3.10 the interpreter names `__main__` too.
        let main_too = crate::sys::bytecode_version() < (3, 11);
        if ms != "builtins" && (ms != "__main__" || main_too) {
            return format!("{ms}.{q}");
        }
    }
    q
}

fn stack_text(exc: Value) -> String {
    let mut out = String::new();
    let mut tb = exception::get(exc).traceback;
    while !tb.is_null() && tb != none() {
        unsafe {
            let o = tb.ptr::<TracebackObject>();
            let c = crate::objects::code::get((*o).code);
            let filename = pystr::as_str(c.filename);
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                filename,
                (*o).line,
                pystr::as_str(c.name)
            ));
            if let Some(text) = source_line(filename, (*o).line) {
                out.push_str(&format!("    {text}\n"));
            }
            tb = (*o).next;
        }
    }
    out
}

/// `format_exception_only`: the `Type: message` line and the notes.
fn exception_only(exc: Value) -> String {
    let name = exception_type_name(exc);
    let s = crate::ops::str_(exc);
    let text = if s.is_null() {
        errors::fetch();
        "<exception str() failed>".to_string()
    } else {
        pystr::as_str(s).to_string()
    };
    let hint = crate::suggestions::offer(exc).unwrap_or_default();
    let mut out = if text.is_empty() {
        format!("{name}{hint}\n")
    } else {
        format!("{name}: {text}{hint}\n")
    };
    let notes = exception::notes(exc);
    if !notes.is_null() {
        if !notes.is_small()
            && matches!(
                crate::object::kind_of(notes),
                crate::object::Kind::List | crate::object::Kind::Tuple
            )
        {
            for n in crate::ops::seq_items(notes).to_vec() {
                let t = if pystr::is_str(n) {
                    n
                } else {
                    crate::ops::str_(n)
                };
                if t.is_null() {
                    errors::fetch();
                    out.push_str("<note str() failed>\n");
                } else {
                    out.push_str(pystr::as_str(t));
                    out.push('\n');
                }
            }
        } else {
            let r = crate::ops::repr(notes);
            if r.is_null() {
                errors::fetch();
            } else {
                out.push_str(pystr::as_str(r));
                out.push('\n');
            }
        }
    }
    out
}

fn group_members(exc: Value) -> Option<Vec<Value>> {
    let beg = exception::find_type("BaseExceptionGroup");
    if !crate::object::isinstance(exc, beg) {
        return None;
    }
    let e = exception::getattr(exc, "exceptions");
    if e.is_null() || e.is_small() || crate::object::kind_of(e) != crate::object::Kind::Tuple {
        return None;
    }
    Some(crate::objects::tuple::items(e).to_vec())
}

fn format_exc(exc: Value, ctx: &mut Ctx, seen: &mut Vec<Value>) {
    // The chain, oldest first.
    let mut chain: Vec<(Option<&str>, Value)> = Vec::new();
    let mut cur = exc;
    let mut msg: Option<&str> = None;
    loop {
        seen.push(cur);
        chain.push((msg, cur));
        let e = exception::get(cur);
        if exception::is_exception(e.cause) && !seen.contains(&e.cause) {
            msg =
                Some("\nThe above exception was the direct cause of the following exception:\n\n");
            cur = e.cause;
        } else if exception::is_exception(e.context)
            && !e.suppress_context
            && !seen.contains(&e.context)
        {
            msg = Some("\nDuring handling of the above exception, another exception occurred:\n\n");
            cur = e.context;
        } else {
            break;
        }
    }
    // `chain[i].0` is the message printed after chain[i] (it links chain[i-1] to chain[i]).
    let n = chain.len();
    for i in (0..n).rev() {
        let x = chain[i].1;
        match group_members(x) {
            None => {
                let st = stack_text(x);
                if !st.is_empty() {
                    ctx.emit("Traceback (most recent call last):\n", '|');
                    ctx.emit(&st, '|');
                }
                ctx.emit(&exception_only(x), '|');
            }
            Some(_) if ctx.depth > 10 => {
                ctx.emit("... (max_group_depth is 10)\n", '|');
            }
            Some(members) => {
                let toplevel = ctx.depth == 0;
                if toplevel {
                    ctx.depth += 1;
                }
                let st = stack_text(x);
                if !st.is_empty() {
                    ctx.emit(
                        "Exception Group Traceback (most recent call last):\n",
                        if toplevel { '+' } else { '|' },
                    );
                    ctx.emit(&st, '|');
                }
                ctx.emit(&exception_only(x), '|');
                let num = members.len();
                let shown = if num <= 15 { num } else { 16 };
                ctx.need_close = false;
                for (j, m) in members.iter().take(shown).enumerate() {
                    let last = j == shown - 1;
                    if last {
                        ctx.need_close = true;
                    }
                    let truncated = j >= 15;
                    let title = if truncated {
                        "...".to_string()
                    } else {
                        (j + 1).to_string()
                    };
                    let line = format!(
                        "{}{}+---------------- {title} ----------------\n",
                        ctx.indent(),
                        if j == 0 { "+-" } else { "  " }
                    );
                    ctx.out.push_str(&line);
                    ctx.depth += 1;
                    if !truncated {
                        if seen.contains(m) {
                            ctx.emit(&exception_only(*m), '|');
                        } else {
                            format_exc(*m, ctx, seen);
                        }
                    } else {
                        let rem = num - 15;
                        ctx.emit(
                            &format!(
                                "and {rem} more exception{}\n",
                                if rem > 1 { "s" } else { "" }
                            ),
                            '|',
                        );
                    }
                    if last && ctx.need_close {
                        let l = format!("{}+------------------------------------\n", ctx.indent());
                        ctx.out.push_str(&l);
                        ctx.need_close = false;
                    }
                    ctx.depth -= 1;
                }
                if toplevel {
                    ctx.depth -= 1;
                }
            }
        }
        if let Some(m) = chain[i].0 {
            ctx.emit(m, '|');
        }
    }
}

/// Prints an uncaught exception to stderr as CPython does.
pub fn print_exception(exc: Value) {
    let mut ctx = Ctx {
        depth: 0,
        need_close: false,
        out: String::new(),
    };
    if exception::is_exception(exc) {
        format_exc(exc, &mut ctx, &mut Vec::new());
    } else {
        ctx.out.push_str("<non-exception raised>\n");
    }
    if !crate::io::write_fd(2, ctx.out.as_bytes()) {
        // Nowhere left to report it.
        crate::errors::fetch();
    }
}
