//! CPython's marshal format (format version 4, and version 5's slices), as written by
//! CPython 3.8–3.14 into `.pyc` files.
//!
//! Every value starts with a type byte; bit 7 of it (`FLAG_REF`) asks the reader to remember the
//! value in a reference table so that a later `TYPE_REF` (`'r'` + index) can name it again. As in
//! CPython, containers and code objects take their table slot *before* their contents are read
//! (so slot numbers come out in the order the writer assigned them), scalars and strings after.
//! Singletons (`None`, `True`, ...) never take a slot, whatever their flag says. A reference to a
//! slot whose object is still being read (only possible in hand-made data) is an error, since
//! [`Const`] values cannot be cyclic.
//!
//! Code object layouts (all fields `r_long` integers or nested objects):
//! - 3.8–3.10: argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, code, consts,
//!   names, varnames, freevars, cellvars, filename, name, firstlineno, lnotab (3.10: linetable).
//! - 3.11–3.14: argcount, posonlyargcount, kwonlyargcount, stacksize, flags, code, consts, names,
//!   localsplusnames, localspluskinds, filename, name, qualname, firstlineno, linetable,
//!   exceptiontable.
//!
//! Limits against hostile input: nesting deeper than [`MAX_DEPTH`] is an error (CPython's own
//! limit); the reader keeps unfinished containers on an explicit stack instead of recursing, so
//! deep nesting cannot overflow the thread's stack; every declared size is checked against the
//! remaining input before allocating; and the total size that back-references may copy is
//! bounded (a chain of references to tuples of references would otherwise grow exponentially).

use std::rc::Rc;

use super::code::{
    legacy_from_localsplus, localsplus_from_legacy, CodeObject, Const, LocalKind, PyVersion,
};
use super::PycError;

/// The deepest nesting of marshal objects accepted (CPython's `MAX_MARSHAL_STACK_DEPTH`).
pub const MAX_DEPTH: usize = 2000;

/// Bit 7 of a type byte: remember this object for later `TYPE_REF`s.
pub const FLAG_REF: u8 = 0x80;

pub const TYPE_NULL: u8 = b'0';
pub const TYPE_NONE: u8 = b'N';
pub const TYPE_FALSE: u8 = b'F';
pub const TYPE_TRUE: u8 = b'T';
pub const TYPE_STOPITER: u8 = b'S';
pub const TYPE_ELLIPSIS: u8 = b'.';
pub const TYPE_INT: u8 = b'i';
pub const TYPE_INT64: u8 = b'I';
pub const TYPE_FLOAT: u8 = b'f';
pub const TYPE_BINARY_FLOAT: u8 = b'g';
pub const TYPE_COMPLEX: u8 = b'x';
pub const TYPE_BINARY_COMPLEX: u8 = b'y';
pub const TYPE_LONG: u8 = b'l';
pub const TYPE_STRING: u8 = b's';
pub const TYPE_INTERNED: u8 = b't';
pub const TYPE_REF: u8 = b'r';
pub const TYPE_TUPLE: u8 = b'(';
pub const TYPE_LIST: u8 = b'[';
pub const TYPE_DICT: u8 = b'{';
pub const TYPE_CODE: u8 = b'c';
pub const TYPE_UNICODE: u8 = b'u';
pub const TYPE_UNKNOWN: u8 = b'?';
pub const TYPE_SET: u8 = b'<';
pub const TYPE_FROZENSET: u8 = b'>';
pub const TYPE_ASCII: u8 = b'a';
pub const TYPE_ASCII_INTERNED: u8 = b'A';
pub const TYPE_SMALL_TUPLE: u8 = b')';
pub const TYPE_SHORT_ASCII: u8 = b'z';
pub const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
pub const TYPE_SLICE: u8 = b':';

/// Rough size in bytes of one materialized [`Const`] node, for the back-reference budget.
const NODE_WEIGHT: usize = std::mem::size_of::<Const>();

/// Reads one marshalled object from `data` (marshal bytes only, no `.pyc` header). Code objects
/// are read with `version`'s layout. Trailing bytes are ignored. Error offsets count from the
/// start of `data`.
pub fn loads(data: &[u8], version: PyVersion) -> Result<Const, PycError> {
    let mut r = Reader::new(data, 0, version, "truncated marshal data: it ends");
    r.read_top()
}

/// Reads one marshalled object starting at byte `start` of `file` (a whole `.pyc`), so that error
/// offsets are file offsets.
pub fn read_object_at(file: &[u8], start: usize, version: PyVersion) -> Result<Const, PycError> {
    let mut r = Reader::new(file, start, version, "truncated .pyc: marshal data ends");
    r.read_top()
}

enum Slot {
    /// Taken by a container or code object that is still being read.
    Reserved,
    /// A finished object and the estimated cost of copying it.
    Filled { value: Const, weight: usize },
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    start: usize,
    version: PyVersion,
    refs: Vec<Slot>,
    /// What is being read, innermost last ("a tuple", "a code object", ...), for messages.
    context: Vec<&'static str>,
    /// Estimated bytes of `Const` data built so far (including copies made by references).
    materialized: usize,
    /// How many more estimated bytes back-references may copy.
    ref_budget: usize,
    truncated_prefix: &'static str,
}

type Res<T> = Result<T, PycError>;

impl<'a> Reader<'a> {
    fn new(
        data: &'a [u8],
        start: usize,
        version: PyVersion,
        truncated_prefix: &'static str,
    ) -> Reader<'a> {
        Reader {
            data,
            pos: start,
            start,
            version,
            refs: Vec::new(),
            context: Vec::new(),
            materialized: 0,
            ref_budget: (64usize << 20).saturating_add(data.len().saturating_mul(16)),
            truncated_prefix,
        }
    }

    // ----- low-level input -----

    fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    #[cold]
    #[inline(never)]
    fn truncated(&self, leaf: &str) -> PycError {
        let end = self.data.len();
        if self.pos >= end && self.pos == self.start && self.context.is_empty() && leaf.is_empty() {
            return PycError::at(
                end,
                format!(
                    "{} at byte {}: no object after the header",
                    self.truncated_prefix, end
                ),
            );
        }
        let mut msg = format!("{} at byte {}", self.truncated_prefix, end);
        let ctx = self.context.last().copied();
        if !leaf.is_empty() {
            msg.push_str(" inside ");
            msg.push_str(leaf);
            if let Some(c) = ctx {
                msg.push_str(" in ");
                msg.push_str(c);
            }
        } else if let Some(c) = ctx {
            msg.push_str(" inside ");
            msg.push_str(c);
        }
        PycError::at(end, msg)
    }

    fn take(&mut self, n: usize, leaf: &str) -> Res<&'a [u8]> {
        if self.remaining() < n {
            return Err(self.truncated(leaf));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u8(&mut self, leaf: &str) -> Res<u8> {
        Ok(self.take(1, leaf)?[0])
    }

    fn i32(&mut self, leaf: &str) -> Res<i32> {
        let b = self.take(4, leaf)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn i64(&mut self, leaf: &str) -> Res<i64> {
        let b = self.take(8, leaf)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(i64::from_le_bytes(a))
    }

    fn f64(&mut self, leaf: &str) -> Res<f64> {
        Ok(f64::from_bits(self.i64(leaf)? as u64))
    }

    /// A size read as `r_long`: must be non-negative.
    fn size(&mut self, leaf: &str, at: usize) -> Res<usize> {
        let n = self.i32(leaf)?;
        if n < 0 {
            return Err(PycError::at(
                at,
                format!(
                    "bad marshal data: negative size {} for {} at byte {}",
                    n, leaf, at
                ),
            ));
        }
        Ok(n as usize)
    }

    // ----- reference table -----

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        if flag {
            self.refs.push(Slot::Reserved);
            Some(self.refs.len() - 1)
        } else {
            None
        }
    }

    fn fill(&mut self, slot: Option<usize>, value: &Const, weight: usize) {
        if let Some(i) = slot {
            if let Some(s) = self.refs.get_mut(i) {
                *s = Slot::Filled {
                    value: value.clone(),
                    weight,
                };
            }
        }
    }

    /// Finishes a scalar or string: counts it, and takes a reference slot if flagged.
    fn leaf_value(&mut self, flag: bool, value: Const, extra_bytes: usize) -> Const {
        let weight = NODE_WEIGHT.saturating_add(extra_bytes);
        self.materialized = self.materialized.saturating_add(weight);
        if flag {
            self.refs.push(Slot::Filled {
                value: value.clone(),
                weight,
            });
        }
        value
    }

    // ----- objects -----
    //
    // Nesting is handled with an explicit stack of unfinished containers (`Frame`s) rather than
    // recursion, so no input can exhaust the thread's stack, in any build mode; the frame stack
    // itself is capped at MAX_DEPTH.

    fn read_top(&mut self) -> Res<Const> {
        let mut stack: Vec<Frame> = Vec::new();
        // A finished object on its way to the innermost frame: its position, and the value
        // (`None` for TYPE_NULL).
        let mut incoming: Option<(usize, Option<Const>)> = None;
        loop {
            if let Some((at, value)) = incoming.take() {
                match stack.last_mut() {
                    None => {
                        return value.ok_or_else(|| {
                            PycError::at(
                                at,
                                format!(
                                    "bad marshal data: NULL object at byte {} where a value is expected",
                                    at
                                ),
                            )
                        })
                    }
                    Some(frame) => self.accept(frame, at, value)?,
                }
            }
            if let Some(frame) = stack.pop_if(|f| f.is_complete()) {
                self.context.pop();
                let at = frame.at;
                incoming = Some((at, Some(self.finish(frame)?)));
                continue;
            }
            let at = self.pos;
            if stack.len() >= MAX_DEPTH {
                return Err(too_deep(at));
            }
            match self.begin(at)? {
                Begun::Value(v) => incoming = Some((at, v)),
                Begun::Frame(f) => stack.push(f),
            }
        }
    }

    /// Reads the start of the object at `at`: all of it for scalars, strings and references;
    /// the header of a container or code object, which becomes a new frame.
    fn begin(&mut self, at: usize) -> Res<Begun> {
        let code = self.u8("")?;
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        let before = self.materialized;
        let (what, kind) = match ty {
            TYPE_NULL => return Ok(Begun::Value(None)),
            TYPE_NONE => return Ok(Begun::Value(Some(self.singleton(Const::None)))),
            TYPE_FALSE => return Ok(Begun::Value(Some(self.singleton(Const::Bool(false))))),
            TYPE_TRUE => return Ok(Begun::Value(Some(self.singleton(Const::Bool(true))))),
            TYPE_STOPITER => return Ok(Begun::Value(Some(self.singleton(Const::StopIteration)))),
            TYPE_ELLIPSIS => return Ok(Begun::Value(Some(self.singleton(Const::Ellipsis)))),
            TYPE_SMALL_TUPLE | TYPE_TUPLE | TYPE_LIST | TYPE_SET | TYPE_FROZENSET => {
                let what = match ty {
                    TYPE_LIST => "a list",
                    TYPE_SET => "a set",
                    TYPE_FROZENSET => "a frozenset",
                    _ => "a tuple",
                };
                let n = if ty == TYPE_SMALL_TUPLE {
                    usize::from(self.u8(what)?)
                } else {
                    self.size(what, at)?
                };
                // Every item takes at least one byte: never allocate more than the input can
                // fill.
                let items = Vec::with_capacity(n.min(self.remaining()));
                (what, FrameKind::Seq { ty, left: n, items })
            }
            TYPE_DICT => (
                "a dict",
                FrameKind::Dict {
                    items: Vec::new(),
                    key: None,
                    done: false,
                },
            ),
            TYPE_SLICE => (
                "a slice",
                FrameKind::Slice {
                    items: Vec::with_capacity(3),
                },
            ),
            TYPE_CODE => {
                // As in CPython: the slot is taken before the fields are read.
                let slot = self.reserve(flag);
                self.context.push("a code object");
                let modern = self.version >= PyVersion::new(3, 11);
                let argcount = self.code_u32("co_argcount", at)?;
                let posonly = self.code_u32("co_posonlyargcount", at)?;
                let kwonly = self.code_u32("co_kwonlyargcount", at)?;
                if !modern {
                    self.code_u32("co_nlocals", at)?;
                }
                let stacksize = self.code_u32("co_stacksize", at)?;
                let flags = self.i32("a code object")? as u32;
                return Ok(Begun::Frame(Frame {
                    at,
                    slot,
                    before,
                    kind: FrameKind::Code {
                        ints: [argcount, posonly, kwonly, stacksize, flags],
                        firstlineno: 0,
                        fields: Vec::with_capacity(10),
                        nfields: self.code_fields().len(),
                    },
                }));
            }
            _ => return Ok(Begun::Value(Some(self.read_scalar(ty, flag, at)?))),
        };
        // Containers take their slot before their items, as in CPython.
        let slot = self.reserve(flag);
        self.context.push(what);
        Ok(Begun::Frame(Frame {
            at,
            slot,
            before,
            kind,
        }))
    }

    /// Gives the finished object `value` (read at `at`; `None` = NULL) to `frame`.
    fn accept(&mut self, frame: &mut Frame, at: usize, value: Option<Const>) -> Res<()> {
        match &mut frame.kind {
            FrameKind::Seq { ty, left, items } => {
                let what = match *ty {
                    TYPE_LIST => "a list",
                    TYPE_SET => "a set",
                    TYPE_FROZENSET => "a frozenset",
                    _ => "a tuple",
                };
                items.push(value.ok_or_else(|| null_in(at, what))?);
                *left -= 1;
            }
            // As in CPython, a NULL key or value ends the dict.
            FrameKind::Dict { items, key, done } => match value {
                None => *done = true,
                Some(v) => match key.take() {
                    None => *key = Some(v),
                    Some(k) => items.push((k, v)),
                },
            },
            FrameKind::Slice { items } => items.push(value.ok_or_else(|| null_in(at, "a slice"))?),
            FrameKind::Code {
                fields,
                firstlineno,
                ..
            } => {
                let names = self.code_fields();
                let Some(v) = value else {
                    let field = names.get(fields.len()).copied().unwrap_or("a field");
                    return Err(PycError::at(
                        at,
                        format!("bad code object at byte {}: {} is NULL", frame.at, field),
                    ));
                };
                fields.push(v);
                // co_firstlineno is a plain int between co_name/co_qualname and the line table.
                if fields.len() == FIRSTLINENO_AFTER {
                    *firstlineno = self.code_u32("co_firstlineno", frame.at)?;
                }
            }
        }
        Ok(())
    }

    /// Turns a complete frame into its value and fills its reference slot.
    fn finish(&mut self, frame: Frame) -> Res<Const> {
        let v = match frame.kind {
            FrameKind::Seq { ty, items, .. } => match ty {
                TYPE_LIST => Const::List(items),
                TYPE_SET => Const::Set(items),
                TYPE_FROZENSET => Const::FrozenSet(items),
                _ => Const::Tuple(items),
            },
            FrameKind::Dict { items, .. } => Const::Dict(items),
            FrameKind::Slice { items } => match <[Const; 3]>::try_from(items) {
                Ok([a, b, c]) => Const::Slice(Box::new((a, b, c))),
                Err(_) => return Err(null_in(frame.at, "a slice")),
            },
            FrameKind::Code {
                ints,
                firstlineno,
                fields,
                ..
            } => {
                let code = self.build_code(frame.at, ints, firstlineno, fields)?;
                let v = Const::Code(Rc::new(code));
                self.materialized = self.materialized.saturating_add(NODE_WEIGHT);
                // Copying a code constant only clones an `Rc`.
                self.fill(frame.slot, &v, NODE_WEIGHT);
                return Ok(v);
            }
        };
        self.materialized = self.materialized.saturating_add(NODE_WEIGHT);
        let weight = self.materialized - frame.before;
        self.fill(frame.slot, &v, weight);
        Ok(v)
    }

    /// Singletons never take a reference slot (CPython ignores their `FLAG_REF`), but they count
    /// towards the size of the container that holds them.
    fn singleton(&mut self, v: Const) -> Const {
        self.materialized = self.materialized.saturating_add(NODE_WEIGHT);
        v
    }

    #[inline(never)]
    fn read_scalar(&mut self, ty: u8, flag: bool, at: usize) -> Res<Const> {
        Ok(match ty {
            TYPE_INT => {
                let v = self.i32("an int")?;
                self.leaf_value(flag, Const::Int(i64::from(v)), 0)
            }
            TYPE_INT64 => {
                let v = self.i64("an int")?;
                self.leaf_value(flag, Const::Int(v), 0)
            }
            TYPE_LONG => {
                let v = self.read_long(at)?;
                let extra = match &v {
                    Const::BigInt { digits, .. } => digits.len() * 2,
                    _ => 0,
                };
                self.leaf_value(flag, v, extra)
            }
            TYPE_FLOAT => {
                let v = self.text_float(at)?;
                self.leaf_value(flag, Const::Float(v), 0)
            }
            TYPE_BINARY_FLOAT => {
                let v = self.f64("a float")?;
                self.leaf_value(flag, Const::Float(v), 0)
            }
            TYPE_COMPLEX => {
                let re = self.text_float(at)?;
                let im = self.text_float(at)?;
                self.leaf_value(flag, Const::Complex(re, im), 0)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.f64("a complex")?;
                let im = self.f64("a complex")?;
                self.leaf_value(flag, Const::Complex(re, im), 0)
            }
            TYPE_STRING => {
                let n = self.size("a bytes object", at)?;
                let b = self.take(n, "a bytes object")?.to_vec();
                self.leaf_value(flag, Const::Bytes(b), n)
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size("a string", at)?;
                let b = self.take(n, "a string")?;
                let s = decode_utf8_surrogatepass(b).ok_or_else(|| {
                    PycError::at(
                        at,
                        format!("bad marshal data: string at byte {} is not valid UTF-8", at),
                    )
                })?;
                self.leaf_value(flag, Const::Str(s), n)
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.size("a string", at)?;
                let b = self.take(n, "a string")?;
                self.leaf_value(flag, Const::Str(latin1(b)), n)
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = usize::from(self.u8("a string")?);
                let b = self.take(n, "a string")?;
                self.leaf_value(flag, Const::Str(latin1(b)), n)
            }
            TYPE_REF => self.read_ref(at)?,
            _ => {
                return Err(PycError::at(
                    at,
                    format!(
                        "bad marshal data: unknown type code 0x{:02x}{} at byte {}",
                        ty,
                        if ty.is_ascii_graphic() {
                            format!(" '{}'", ty as char)
                        } else {
                            String::new()
                        },
                        at
                    ),
                ))
            }
        })
    }

    #[inline(never)]
    fn read_ref(&mut self, at: usize) -> Res<Const> {
        let n = self.i32("a reference")?;
        let slot = usize::try_from(n).ok().and_then(|i| self.refs.get(i));
        match slot {
            Some(Slot::Filled { value, weight }) => {
                let weight = *weight;
                if weight > self.ref_budget {
                    return Err(PycError::at(
                        at,
                        format!(
                            "bad marshal data: back-references expand the data too much (at byte {})",
                            at
                        ),
                    ));
                }
                let v = value.clone();
                self.ref_budget -= weight;
                self.materialized = self.materialized.saturating_add(weight);
                Ok(v)
            }
            Some(Slot::Reserved) => Err(PycError::at(
                at,
                format!(
                    "bad marshal data: reference {} at byte {} names an object that contains it",
                    n, at
                ),
            )),
            None => Err(PycError::at(
                at,
                format!(
                    "bad marshal data: invalid reference {} at byte {} ({} objects remembered)",
                    n,
                    at,
                    self.refs.len()
                ),
            )),
        }
    }

    fn read_long(&mut self, at: usize) -> Res<Const> {
        let n = self.i32("an int")?;
        let negative = n < 0;
        let size = n.unsigned_abs() as usize;
        if size == 0 {
            return Ok(Const::Int(0));
        }
        if size.saturating_mul(2) > self.remaining() {
            return Err(self.truncated("an int"));
        }
        let mut digits = Vec::with_capacity(size);
        for _ in 0..size {
            let b = self.take(2, "an int")?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d > 0x7fff {
                return Err(PycError::at(
                    at,
                    format!("bad marshal data: digit out of range in int at byte {}", at),
                ));
            }
            digits.push(d);
        }
        if digits.last() == Some(&0) {
            return Err(PycError::at(
                at,
                format!("bad marshal data: unnormalized int at byte {}", at),
            ));
        }
        // Five 15-bit digits hold 75 bits: anything that fits i64 has at most five.
        if size <= 5 {
            let mut mag: i128 = 0;
            for &d in digits.iter().rev() {
                mag = (mag << 15) | i128::from(d);
            }
            let v = if negative { -mag } else { mag };
            if let Ok(v) = i64::try_from(v) {
                return Ok(Const::Int(v));
            }
        }
        Ok(Const::BigInt { negative, digits })
    }

    fn text_float(&mut self, at: usize) -> Res<f64> {
        let n = usize::from(self.u8("a float")?);
        let b = self.take(n, "a float")?;
        std::str::from_utf8(b)
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .ok_or_else(|| {
                PycError::at(
                    at,
                    format!("bad marshal data: unreadable float text at byte {}", at),
                )
            })
    }

    // ----- code objects -----

    /// The object fields of a code object of this version, in marshal order.
    fn code_fields(&self) -> &'static [&'static str] {
        if self.version >= PyVersion::new(3, 11) {
            &[
                "co_code",
                "co_consts",
                "co_names",
                "co_localsplusnames",
                "co_localspluskinds",
                "co_filename",
                "co_name",
                "co_qualname",
                "co_linetable",
                "co_exceptiontable",
            ]
        } else if self.version >= PyVersion::new(3, 10) {
            &[
                "co_code",
                "co_consts",
                "co_names",
                "co_varnames",
                "co_freevars",
                "co_cellvars",
                "co_filename",
                "co_name",
                "co_linetable",
            ]
        } else {
            &[
                "co_code",
                "co_consts",
                "co_names",
                "co_varnames",
                "co_freevars",
                "co_cellvars",
                "co_filename",
                "co_name",
                "co_lnotab",
            ]
        }
    }

    fn code_u32(&mut self, field: &str, at: usize) -> Res<u32> {
        let v = self.i32("a code object")?;
        u32::try_from(v).map_err(|_| {
            PycError::at(
                at,
                format!(
                    "bad code object at byte {}: {} is negative ({})",
                    at, field, v
                ),
            )
        })
    }

    fn build_code(
        &self,
        at: usize,
        ints: [u32; 5],
        firstlineno: u32,
        fields: Vec<Const>,
    ) -> Res<CodeObject> {
        let version = self.version;
        let modern = version >= PyVersion::new(3, 11);
        let mut f = Fields {
            names: self.code_fields(),
            items: fields.into_iter(),
            index: 0,
            at,
        };
        let code = f.bytes()?;
        let consts = f.tuple()?;
        let names = f.str_tuple()?;
        let (localsplus, varnames, cellvars, freevars);
        if modern {
            let lp_names = f.str_tuple()?;
            let kinds = f.bytes()?;
            if kinds.len() != lp_names.len() {
                return Err(PycError::at(
                    at,
                    format!(
                        "bad code object at byte {}: {} local names but {} local kinds",
                        at,
                        lp_names.len(),
                        kinds.len()
                    ),
                ));
            }
            localsplus = lp_names
                .into_iter()
                .zip(kinds.iter().map(|&k| LocalKind(k)))
                .collect::<Vec<_>>();
            (varnames, cellvars, freevars) = legacy_from_localsplus(&localsplus);
        } else {
            varnames = f.str_tuple()?;
            freevars = f.str_tuple()?;
            cellvars = f.str_tuple()?;
            localsplus = localsplus_from_legacy(&varnames, &cellvars, &freevars);
        }
        let filename = f.string()?;
        let name = f.string()?;
        let qualname = if modern { f.string()? } else { name.clone() };
        let linetable = f.bytes()?;
        let exceptiontable = if modern { f.bytes()? } else { Vec::new() };
        let [argcount, posonlyargcount, kwonlyargcount, stacksize, flags] = ints;
        Ok(CodeObject {
            version,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplus,
            varnames,
            cellvars,
            freevars,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        })
    }
}

/// `co_firstlineno` comes after this many object fields (co_name in 3.8-3.10, co_qualname in
/// 3.11+: the eighth either way).
const FIRSTLINENO_AFTER: usize = 8;

/// An unfinished container or code object.
struct Frame {
    /// Where its type byte is.
    at: usize,
    slot: Option<usize>,
    /// `Reader::materialized` when it began, to weigh it for the reference budget.
    before: usize,
    kind: FrameKind,
}

enum FrameKind {
    Seq {
        ty: u8,
        left: usize,
        items: Vec<Const>,
    },
    Dict {
        items: Vec<(Const, Const)>,
        key: Option<Const>,
        done: bool,
    },
    Slice {
        items: Vec<Const>,
    },
    Code {
        /// argcount, posonlyargcount, kwonlyargcount, stacksize, flags.
        ints: [u32; 5],
        firstlineno: u32,
        fields: Vec<Const>,
        /// How many object fields this version's code objects have (10 for 3.11+, 9 before).
        nfields: usize,
    },
}

impl Frame {
    fn is_complete(&self) -> bool {
        match &self.kind {
            FrameKind::Seq { left, .. } => *left == 0,
            FrameKind::Dict { done, .. } => *done,
            FrameKind::Slice { items } => items.len() == 3,
            FrameKind::Code {
                fields, nfields, ..
            } => fields.len() == *nfields,
        }
    }
}

enum Begun {
    /// A complete object (`None` = TYPE_NULL).
    Value(Option<Const>),
    /// A container or code object whose contents follow.
    Frame(Frame),
}

/// Type-checked access to a finished code object's fields, in order.
struct Fields {
    names: &'static [&'static str],
    items: std::vec::IntoIter<Const>,
    index: usize,
    at: usize,
}

impl Fields {
    fn next(&mut self) -> Res<(Const, &'static str)> {
        let name = self.names.get(self.index).copied().unwrap_or("a field");
        self.index += 1;
        let v = self.items.next().ok_or_else(|| {
            PycError::at(
                self.at,
                format!("bad code object at byte {}: {} is missing", self.at, name),
            )
        })?;
        Ok((v, name))
    }

    fn wrong_type(&self, field: &str, got: &Const, want: &str) -> PycError {
        PycError::at(
            self.at,
            format!(
                "bad code object at byte {}: {} is a {}, not a {}",
                self.at,
                field,
                got.type_name(),
                want
            ),
        )
    }

    fn bytes(&mut self) -> Res<Vec<u8>> {
        match self.next()? {
            (Const::Bytes(b), _) => Ok(b),
            (other, name) => Err(self.wrong_type(name, &other, "bytes")),
        }
    }

    fn string(&mut self) -> Res<String> {
        match self.next()? {
            (Const::Str(s), _) => Ok(s),
            (other, name) => Err(self.wrong_type(name, &other, "str")),
        }
    }

    fn tuple(&mut self) -> Res<Vec<Const>> {
        match self.next()? {
            (Const::Tuple(t), _) => Ok(t),
            (other, name) => Err(self.wrong_type(name, &other, "tuple")),
        }
    }

    fn str_tuple(&mut self) -> Res<Vec<String>> {
        let (items, name) = match self.next()? {
            (Const::Tuple(t), name) => (t, name),
            (other, name) => return Err(self.wrong_type(name, &other, "tuple")),
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Const::Str(s) => out.push(s),
                other => {
                    return Err(PycError::at(
                        self.at,
                        format!(
                            "bad code object at byte {}: {} holds a {}, not a str",
                            self.at,
                            name,
                            other.type_name()
                        ),
                    ))
                }
            }
        }
        Ok(out)
    }
}

#[cold]
#[inline(never)]
fn too_deep(at: usize) -> PycError {
    PycError::at(
        at,
        format!(
            "bad marshal data: objects nested more than {} levels deep at byte {}",
            MAX_DEPTH, at
        ),
    )
}

#[cold]
#[inline(never)]
fn null_in(at: usize, what: &str) -> PycError {
    PycError::at(
        at,
        format!("bad marshal data: NULL object at byte {} in {}", at, what),
    )
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| char::from(c)).collect()
}

/// Decodes UTF-8 the way CPython's `surrogatepass` error handler does, except that each lone
/// surrogate (encoded as `ED A0..BF 80..BF`) becomes U+FFFD since a `String` cannot hold it.
/// Returns `None` for anything else that is not UTF-8.
pub(crate) fn decode_utf8_surrogatepass(mut b: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(b.len());
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                out.push_str(s);
                return Some(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                // `valid_up_to` bytes are valid UTF-8 by definition.
                out.push_str(std::str::from_utf8(&b[..good]).ok()?);
                let rest = &b[good..];
                if rest.len() >= 3
                    && rest[0] == 0xED
                    && (0xA0..=0xBF).contains(&rest[1])
                    && (0x80..=0xBF).contains(&rest[2])
                {
                    out.push('\u{FFFD}');
                    b = &rest[3..];
                } else {
                    return None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V311: PyVersion = PyVersion::new(3, 11);

    fn load(b: &[u8]) -> Result<Const, PycError> {
        loads(b, V311)
    }

    #[test]
    fn scalars() {
        assert_eq!(load(b"N").unwrap(), Const::None);
        assert_eq!(load(b"T").unwrap(), Const::Bool(true));
        assert_eq!(load(b"F").unwrap(), Const::Bool(false));
        assert_eq!(load(b"S").unwrap(), Const::StopIteration);
        assert_eq!(load(b".").unwrap(), Const::Ellipsis);
        assert_eq!(load(b"i\xff\xff\xff\xff").unwrap(), Const::Int(-1));
        assert_eq!(
            load(b"I\x00\x00\x00\x00\x00\x00\x00\x80").unwrap(),
            Const::Int(i64::MIN)
        );
        assert_eq!(load(b"f\x031.5").unwrap(), Const::Float(1.5));
        assert_eq!(
            load(&[b"g".as_slice(), &2.25f64.to_le_bytes()].concat()).unwrap(),
            Const::Float(2.25)
        );
        assert_eq!(
            load(b"x\x031.0\x04-2.0").unwrap(),
            Const::Complex(1.0, -2.0)
        );
        assert_eq!(load(b"z\x03abc").unwrap(), Const::Str("abc".into()));
        assert_eq!(
            load(b"a\x01\x00\x00\x00\xe9").unwrap(),
            Const::Str("é".into())
        );
        assert_eq!(
            load(b"u\x02\x00\x00\x00\xc3\xa9").unwrap(),
            Const::Str("é".into())
        );
        assert_eq!(
            load(b"u\x03\x00\x00\x00\xed\xa0\x80").unwrap(),
            Const::Str("\u{FFFD}".into())
        );
        assert!(load(b"u\x01\x00\x00\x00\xff").is_err());
        assert_eq!(
            load(b"s\x02\x00\x00\x00\x00\xff").unwrap(),
            Const::Bytes(vec![0, 0xff])
        );
    }

    #[test]
    fn longs() {
        // 2**30 = digits [0, 0, 1]
        assert_eq!(
            load(b"l\x03\x00\x00\x00\x00\x00\x00\x00\x01\x00").unwrap(),
            Const::Int(1 << 30)
        );
        // -(2**63) fits i64: 2**63 = 2**60 * 8 -> digits [0,0,0,0,8]
        let mut b = b"l\xfb\xff\xff\xff".to_vec();
        for d in [0u16, 0, 0, 0, 8] {
            b.extend_from_slice(&d.to_le_bytes());
        }
        assert_eq!(load(&b).unwrap(), Const::Int(i64::MIN));
        // +2**63 does not fit.
        b[1] = 5;
        b[2] = 0;
        b[3] = 0;
        b[4] = 0;
        assert_eq!(
            load(&b).unwrap(),
            Const::BigInt {
                negative: false,
                digits: vec![0, 0, 0, 0, 8]
            }
        );
        // Unnormalized and out-of-range digits.
        assert!(load(b"l\x01\x00\x00\x00\x00\x00").is_err());
        assert!(load(b"l\x01\x00\x00\x00\x00\x80").is_err());
        // Huge declared size: an error, not an allocation.
        assert!(load(b"l\xff\xff\xff\x7f\x01\x00").is_err());
    }

    #[test]
    fn containers_and_refs() {
        // A flagged tuple takes slot 0 before its items; its first item (flagged str) slot 1.
        // (Z'ab', r1) -> ('ab', 'ab')
        let data = b"\xa9\x02\xda\x02abr\x01\x00\x00\x00";
        assert_eq!(
            load(data).unwrap(),
            Const::Tuple(vec![Const::Str("ab".into()), Const::Str("ab".into())])
        );
        // A reference to the tuple from inside itself is rejected, not looped on.
        let data = b"\xa9\x01r\x00\x00\x00\x00";
        let e = load(data).unwrap_err().to_string();
        assert!(e.contains("contains it"), "{}", e);
        // Invalid reference.
        assert!(load(b"r\x05\x00\x00\x00").is_err());
        // dict ends at NULL.
        assert_eq!(
            load(b"{z\x01ai\x01\x00\x00\x000").unwrap(),
            Const::Dict(vec![(Const::Str("a".into()), Const::Int(1))])
        );
        assert_eq!(
            load(b"<\x01\x00\x00\x00N").unwrap(),
            Const::Set(vec![Const::None])
        );
        assert_eq!(
            load(b">\x00\x00\x00\x00").unwrap(),
            Const::FrozenSet(vec![])
        );
        assert_eq!(load(b"[\x00\x00\x00\x00").unwrap(), Const::List(vec![]));
        assert_eq!(
            load(b":NNi\x02\x00\x00\x00").unwrap(),
            Const::Slice(Box::new((Const::None, Const::None, Const::Int(2))))
        );
        // NULL inside a tuple is an error.
        assert!(load(b")\x010").is_err());
        // Huge declared tuple: error without allocating.
        assert!(load(b"(\xff\xff\xff\x7fN").is_err());
    }

    #[test]
    fn errors_are_clear() {
        let e = load(b"s\x10\x00\x00\x00abc").unwrap_err();
        assert_eq!(
            e.to_string(),
            "truncated marshal data: it ends at byte 8 inside a bytes object"
        );
        let e = load(b"?").unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad marshal data: unknown type code 0x3f '?' at byte 0"
        );
        let e = load(b")\x02N").unwrap_err();
        assert_eq!(
            e.to_string(),
            "truncated marshal data: it ends at byte 3 inside a tuple"
        );
    }

    /// Runs `f` on a thread with a 2 MiB stack (Rust's default for spawned threads).
    fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    fn depth_limit() {
        let mut deep = [b')', 1].repeat(MAX_DEPTH + 5);
        deep.push(b'N');
        let r = on_small_stack(move || loads(&deep, V311).map(|_| ()));
        assert!(r.unwrap_err().to_string().contains("nested more than 2000"));
        let mut ok = [b')', 1].repeat(MAX_DEPTH - 1);
        ok.push(b'N');
        assert!(on_small_stack(move || loads(&ok, V311).is_ok()));
        // Lists, dicts, sets and slices nest the same way.
        for open in [
            &b"[\x01\x00\x00\x00"[..],
            b"<\x01\x00\x00\x00",
            b"{N",
            b":NN",
        ] {
            let mut deep = open.repeat(MAX_DEPTH + 5);
            deep.push(b'N');
            let r = on_small_stack(move || loads(&deep, V311).map(|_| ()));
            assert!(r.is_err());
        }
    }

    /// A code object (3.11 layout) whose consts are `consts` (marshalled).
    fn code_with_consts(consts: &[u8]) -> Vec<u8> {
        let mut c = vec![b'c'];
        for _ in 0..5 {
            c.extend_from_slice(&0i32.to_le_bytes());
        }
        c.extend_from_slice(b"s\x02\x00\x00\x00\x97\x00"); // co_code: RESUME 0
        c.extend_from_slice(consts); // co_consts
        c.extend_from_slice(b")\x00"); // co_names
        c.extend_from_slice(b")\x00"); // co_localsplusnames
        c.extend_from_slice(b"s\x00\x00\x00\x00"); // co_localspluskinds
        c.extend_from_slice(b"z\x01f"); // co_filename
        c.extend_from_slice(b"z\x01n"); // co_name
        c.extend_from_slice(b"z\x01q"); // co_qualname
        c.extend_from_slice(&1i32.to_le_bytes()); // co_firstlineno
        c.extend_from_slice(b"s\x00\x00\x00\x00"); // co_linetable
        c.extend_from_slice(b"s\x00\x00\x00\x00"); // co_exceptiontable
        c
    }

    #[test]
    fn nested_code_objects() {
        let inner = code_with_consts(b")\x01N");
        let mut outer_consts = b")\x01".to_vec();
        outer_consts.extend_from_slice(&inner);
        let outer = code_with_consts(&outer_consts);
        let Const::Code(code) = load(&outer).unwrap() else {
            panic!("not code")
        };
        assert_eq!(code.qualname, "q");
        assert_eq!(code.all_code_objects().len(), 2);
        // Code objects nested as deep as the limit allows fit a small stack too.
        let mut deep = b")\x01N".to_vec();
        for _ in 0..(MAX_DEPTH / 2 + 5) {
            let mut consts = b")\x01".to_vec();
            consts.extend_from_slice(&code_with_consts(&deep));
            deep = consts;
        }
        let r = on_small_stack(move || loads(&deep, V311).map(|_| ()));
        assert!(r.unwrap_err().to_string().contains("nested"));
    }

    #[test]
    fn exponential_refs_are_bounded() {
        // top = (A, L0, L1, ...): A = (T, r1) flagged (slot 0) with T = (None,)*200 flagged
        // (slot 1); level k = (r_prev, r_prev) flagged (slot 2 + k). Unbounded, the last level
        // would hold 200 * 2**60 Nones.
        let levels = 60u32;
        let mut top = vec![b'('];
        top.extend_from_slice(&(1 + levels).to_le_bytes());
        top.extend_from_slice(&[0xa9, 2, 0xa8, 200, 0, 0, 0]);
        top.extend(std::iter::repeat_n(b'N', 200));
        top.extend_from_slice(&[b'r', 1, 0, 0, 0]);
        let mut prev = 0u32;
        for k in 0..levels {
            top.extend_from_slice(&[0xa9, 2, b'r']);
            top.extend_from_slice(&prev.to_le_bytes());
            top.push(b'r');
            top.extend_from_slice(&prev.to_le_bytes());
            prev = 2 + k;
        }
        let e = loads(&top, V311).unwrap_err().to_string();
        assert!(e.contains("expand"), "{}", e);
    }
}
