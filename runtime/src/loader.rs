//! Reads the module descriptors that compiled object files carry: each module's constants
//! (serialized by the compiler's `codegen::constants`) become values in the module's constant
//! table, and its code objects are joined to their compiled bodies.

use crate::object::{bool_value, ellipsis, none};
use crate::objects::code::{self, Entry};
use crate::objects::{float, int, str as pystr, tuple};
use crate::value::Value;

/// Emitted by the compiler, one per module. Keep in step with `codegen::module`.
#[repr(C)]
pub struct ModuleDesc {
    pub name: *const u8,
    pub name_len: usize,
    pub blob: *const u8,
    pub blob_len: usize,
    pub functions: *const Option<Entry>,
    pub nfunctions: usize,
    pub consts: *mut Value,
    pub nconsts: usize,
    /// `__package__` (meaningful when `flags` has [`HAS_PACKAGE`]).
    pub package: *const u8,
    pub package_len: usize,
    /// `__file__`: the source path the module was found at, as the build named it.
    pub file: *const u8,
    pub file_len: usize,
    pub flags: usize,
    /// The module's source text (empty when the build did not find it), for tracebacks.
    pub source: *const u8,
    pub source_len: usize,
}

/// The module is a package (its `__init__`): it gets `__path__`.
pub const IS_PACKAGE: usize = 1;
/// The module has a `__package__` (a script run as `__main__` has none).
pub const HAS_PACKAGE: usize = 2;

/// What the runtime needs to know of a module beside its code.
pub struct ModuleInfo {
    pub version: (u32, u32),
    pub package: Option<&'static str>,
    pub file: &'static str,
    pub is_package: bool,
}

/// The UTF-8 text a descriptor points at.
///
/// # Safety
/// `p` points at `len` bytes that live as long as the process (descriptor data).
pub unsafe fn text(p: *const u8, len: usize) -> &'static str {
    if p.is_null() || len == 0 {
        return "";
    }
    std::str::from_utf8(std::slice::from_raw_parts(p, len)).unwrap_or("?")
}

pub const BLOB_MAGIC: &[u8; 8] = b"KILNMOD1";

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    functions: &'a [Option<Entry>],
}

impl Reader<'_> {
    fn u8(&mut self) -> u8 {
        let b = self.data[self.pos];
        self.pos += 1;
        b
    }
    fn u32(&mut self) -> u32 {
        let b = u32::from_le_bytes(self.data[self.pos..self.pos + 4].try_into().unwrap());
        self.pos += 4;
        b
    }
    fn u64(&mut self) -> u64 {
        let b = u64::from_le_bytes(self.data[self.pos..self.pos + 8].try_into().unwrap());
        self.pos += 8;
        b
    }
    fn bytes(&mut self) -> &[u8] {
        let n = self.u32() as usize;
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        s
    }
    fn text(&mut self) -> &str {
        std::str::from_utf8(self.bytes()).unwrap_or("")
    }
    fn value(&mut self) -> Value {
        match self.u8() {
            b'N' => none(),
            b'T' => bool_value(true),
            b'F' => bool_value(false),
            b'.' => ellipsis(),
            b'i' => int::from_i64(self.u64() as i64),
            b'l' => {
                let negative = self.u8() != 0;
                let n = self.u32() as usize;
                let mut b = num_bigint::BigInt::from(0);
                let digits: Vec<u16> = (0..n)
                    .map(|_| {
                        let d = u16::from_le_bytes([self.data[self.pos], self.data[self.pos + 1]]);
                        self.pos += 2;
                        d
                    })
                    .collect();
                for d in digits.iter().rev() {
                    b = (b << 15) + num_bigint::BigInt::from(*d);
                }
                int::from_big(if negative { -b } else { b })
            }
            b'f' => float::new(f64::from_bits(self.u64())),
            b's' => pystr::intern(self.text()),
            b'b' => crate::objects::bytes::new(self.bytes()),
            b'x' => {
                let re = f64::from_bits(self.u64());
                let im = f64::from_bits(self.u64());
                crate::objects::complex::new(re, im)
            }
            b'<' => {
                let n = self.u32() as usize;
                let items: Vec<Value> = (0..n).map(|_| self.value()).collect();
                let s = crate::objects::set::new_frozenset();
                for x in items {
                    crate::objects::set::add(s, x);
                }
                s
            }
            b':' => {
                let start = self.value();
                let stop = self.value();
                let step = self.value();
                crate::objects::slice::new(start, stop, step)
            }
            b'(' => {
                let n = self.u32() as usize;
                let items: Vec<Value> = (0..n).map(|_| self.value()).collect();
                tuple::new(&items)
            }
            b'c' => {
                let fidx = self.u32() as usize;
                let name = self.value();
                let qualname = self.value();
                let filename = self.value();
                let firstlineno = self.u64() as i64;
                let counts = [self.u32(), self.u32(), self.u32()];
                let flags = self.u32();
                let n = self.u32() as usize;
                let names: Vec<Value> = (0..n).map(|_| pystr::intern(self.text())).collect();
                let kinds: Vec<Value> = (0..n)
                    .map(|_| Value::from_small(self.u8() as i64))
                    .collect();
                let save_slots = self.u32();
                let doc = self.value();
                let entry = self.functions.get(fidx).copied().flatten();
                let c = code::new(
                    entry,
                    name,
                    qualname,
                    filename,
                    firstlineno,
                    counts,
                    flags,
                    tuple::new(&names),
                    tuple::new(&kinds),
                    save_slots,
                );
                if !c.is_null() {
                    unsafe { (*c.ptr::<code::CodeObject>()).doc = doc };
                }
                c
            }
            t => panic!("corrupt module constant blob: tag {t}"),
        }
    }
}

/// Fills the module's constant table; returns its version, package and file.
pub fn load(desc: &ModuleDesc) -> ModuleInfo {
    unsafe {
        let data = std::slice::from_raw_parts(desc.blob, desc.blob_len);
        let functions = std::slice::from_raw_parts(desc.functions, desc.nfunctions);
        assert!(data.starts_with(BLOB_MAGIC), "corrupt module descriptor");
        let mut r = Reader {
            data,
            pos: 8,
            functions,
        };
        let version = (r.u32(), r.u32());
        let n = r.u32() as usize;
        assert_eq!(n, desc.nconsts, "constant table size mismatch");
        for i in 0..n {
            let v = r.value();
            *desc.consts.add(i) = v;
        }
        if desc.source_len > 0 && n > 0 {
            // The module's code object is its first constant; its lines are its file's.
            let root = *desc.consts;
            if crate::object::kind_of(root) == crate::object::Kind::Code {
                let filename = pystr::as_str(code::get(root).filename);
                crate::traceback::register_source(filename, text(desc.source, desc.source_len));
            }
        }
        ModuleInfo {
            version,
            package: (desc.flags & HAS_PACKAGE != 0).then(|| text(desc.package, desc.package_len)),
            file: text(desc.file, desc.file_len),
            is_package: desc.flags & IS_PACKAGE != 0,
        }
    }
}
