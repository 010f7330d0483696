//! End-to-end tests of the `.pyc` reader and the bytecode decoder against real CPython output.
//!
//! CPython interpreters are looked up at test time (`python3` on PATH when it is 3.11, and pyenv
//! installs under ~/.pyenv/versions); a test whose interpreter is missing says so and passes.
//! The interpreters' own `dis`/`opcode` modules serve as oracles here (and only here).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use kiln_compiler::bytecode::{
    decode, decode_unnormalized, format_listing, opcodes, Decoded, JumpKind,
};
use kiln_compiler::pyc::{read_pyc, CodeObject, Const, PyVersion};

// ------------------------------------------------------------------------------------------
// Helpers

fn python_version_of(exe: &Path) -> Option<(u8, u8)> {
    let out = Command::new(exe)
        .args(["-c", "import sys; print(*sys.version_info[:2])"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?;
    let mut it = s.split_whitespace().map(|x| x.parse::<u8>().ok());
    Some((it.next()??, it.next()??))
}

/// A CPython 3.`minor` interpreter, if one can be found. `KILN_TEST_PYTHON3_<minor>` names one
/// explicitly (anything that runs `-c CODE ARGS...`, e.g. a wrapper around Pyodide under Node).
fn python(minor: u8) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(format!("KILN_TEST_PYTHON3_{}", minor)) {
        let p = PathBuf::from(p);
        return (python_version_of(&p) == Some((3, minor))).then_some(p);
    }
    if minor == 11 {
        let p = PathBuf::from("python3");
        if python_version_of(&p) == Some((3, 11)) {
            return Some(p);
        }
    }
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")))?;
    let mut found: Vec<PathBuf> = std::fs::read_dir(root.join("versions"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .map(|n| n.starts_with(&format!("3.{}.", minor)))
                .unwrap_or(false)
        })
        .map(|p| p.join("bin").join(format!("python3.{}", minor)))
        .filter(|p| p.is_file())
        .collect();
    found.sort();
    let exe = found.pop()?;
    (python_version_of(&exe) == Some((3, minor))).then_some(exe)
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!(
            "kiln-pyc-test-{}-{}-{}",
            tag,
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run_py(exe: &Path, args: &[&str]) -> String {
    let out = Command::new(exe).args(args).output().expect("run python");
    assert!(
        out.status.success(),
        "{} {:?} failed: {}",
        exe.display(),
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Compiles `source` with `exe` into `dir/name.pyc`; returns the .pyc path.
fn compile(exe: &Path, dir: &Path, name: &str, source: &str) -> PathBuf {
    let src = dir.join(format!("{}.py", name));
    std::fs::write(&src, source).unwrap();
    let pyc = dir.join(format!("{}.pyc", name));
    run_py(
        exe,
        &[
            "-c",
            "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
            src.to_str().unwrap(),
            pyc.to_str().unwrap(),
        ],
    );
    pyc
}

fn decode_any(code: &CodeObject) -> Result<Decoded, String> {
    if code.version == PyVersion::new(3, 11) {
        decode(code).map_err(|e| e.to_string())
    } else {
        decode_unnormalized(code).map_err(|e| e.to_string())
    }
}

// ------------------------------------------------------------------------------------------
// Sources

const SNIPPETS: &[(&str, &str)] = &[
    (
        "basics",
        r#"
import sys
x = 1 + 2
big = 123456789012345678901234567890
neg = -98765432109876543210
f = 1.5; c = 2j; b = b"\x00bytes"; s = "caf\u00e9 \u4e2d"; e = ...
t = (1, "two", 3.0, None, True, (4, 5), frozenset({1}))
def add(a, b=2, *args, c, d=4, **kw):
    return a + b + c + d
def posonly(a, b, /, c):
    return a * b - c
print(add(1, c=3), posonly(1, 2, 3), x in {1, 2, 3}, big, neg)
sl = t[1:3], t[::2], t[x:]
"#,
    ),
    (
        "control",
        r#"
def loops(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        while total < i:
            total += 1
            if total > 100:
                break
        else:
            total -= 1
    return total

def excs(x):
    try:
        y = 1 / x
    except ZeroDivisionError as e:
        y = str(e)
    except (TypeError, ValueError):
        y = None
    else:
        y = y * 2
    finally:
        print("done")
    with open(__file__) as fh, open(__file__) as gh:
        fh.read(1)
    return y

def comp(xs):
    return [x * 2 for x in xs if x], {k: v for k, v in zip(xs, xs)}, {x for x in xs}, (x for x in xs)
print(loops(10), excs(2), comp([1, 2]))
"#,
    ),
    (
        "closures",
        r#"
def outer(a, b):
    c = a + b
    def middle(d):
        def inner():
            nonlocal c
            c += d
            return a, c, d
        return inner
    return middle

class K:
    attr = 1
    def method(self):
        return __class__, super().__init__
    @property
    def p(self):
        return self.attr
    @staticmethod
    def s(): return 0

async def coro(it):
    async with it as v:
        async for x in v:
            await x
    return [y async for y in it]

def gen():
    x = yield 1
    yield from range(x)
lam = lambda q, *r: (q, r)
print(outer(1, 2)(3)(), K().method(), K().p, lam(1, 2))
"#,
    ),
    (
        "strings",
        r#"
name = "world"
a = f"hello {name!r:>10} {1+1}"
b = "\ud800 lone surrogate"
c = "emoji \U0001F600"
d = r"raw\n" + '\'' + "\x00"
print(a, len(b), c, d)
"#,
    ),
];

/// A function big enough to need EXTENDED_ARG (many constants, long jumps).
fn big_source() -> String {
    let mut s = String::from("def big(x):\n    total = 0\n    if x:\n");
    for i in 0..400 {
        s.push_str(&format!("        total += {} * x + {}.5\n", i, i));
    }
    s.push_str("    for i in range(x):\n");
    for i in 0..150 {
        s.push_str(&format!("        total -= i * {}\n", i + 1000));
    }
    s.push_str("    return total\nprint(big(3))\n");
    s
}

const MATCH_SNIPPET: &str = r#"
def m(p):
    match p:
        case (0, 0): return "origin"
        case {"x": x, **rest}: return x
        case [1, *others]: return others
        case str() | bytes(): return "s"
        case _: return None
print(m((0, 0)))
"#;

fn snippets_for(minor: u8) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = SNIPPETS
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect();
    v.push(("big".to_string(), big_source()));
    if minor >= 10 {
        v.push(("matching".to_string(), MATCH_SNIPPET.to_string()));
    }
    v
}

// ------------------------------------------------------------------------------------------
// The dis oracle

/// Prints, for every code object (depth-first, in const order): a header line and one line per
/// instruction (EXTENDED_ARG and CACHE omitted): offset, name, arg, jump target, line; then the
/// exception table (3.11+).
const ORACLE: &str = r#"
import dis, marshal, sys, types
data = open(sys.argv[1], 'rb').read()
code = marshal.loads(data[16:])
V = sys.version_info[:2]
hasjump = set(dis.hasjrel) | set(dis.hasjabs)
def lines_of(co):
    if V >= (3, 11):
        pos = list(co.co_positions())
        return lambda off: pos[off // 2][0]
    if V >= (3, 10):
        ranges = list(co.co_lines())
        def f(off):
            for s, e, l in ranges:
                if s <= off < e:
                    return l
            return None
        return f
    starts = list(dis.findlinestarts(co))
    def g(off):
        line = None
        for s, l in starts:
            if s <= off:
                line = l
        return line
    return g
def walk(co):
    yield co
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            yield from walk(c)
out = []
for co in walk(code):
    out.append("CODE %s %d" % (co.co_name, len(co.co_code)))
    line = lines_of(co)
    for ins in dis.get_instructions(co):
        if ins.opname in ('EXTENDED_ARG', 'CACHE'):
            continue
        target = ins.argval if ins.opcode in hasjump else -1
        l = line(ins.offset)
        out.append("%d %s %d %d %d" % (ins.offset, ins.opname, ins.arg or 0, target, -1 if l is None else l))
    if V >= (3, 11):
        for e in dis._parse_exception_table(co):
            out.append("EXC %d %d %d %d %d" % (e.start, e.end, e.target, e.depth, int(e.lasti)))
print("\n".join(out))
"#;

/// Our view of a .pyc in the oracle's format.
fn our_view(pyc_bytes: &[u8]) -> Result<String, String> {
    let pyc = read_pyc(pyc_bytes).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut err = None;
    pyc.code.walk(&mut |co| {
        if err.is_some() {
            return;
        }
        out.push(format!("CODE {} {}", co.name, co.code.len()));
        match decode_any(co) {
            Ok(d) => {
                for i in &d.instructions {
                    out.push(format!(
                        "{} {} {} {} {}",
                        i.offset,
                        i.op.name(),
                        i.arg,
                        i.jump_target.map(i64::from).unwrap_or(-1),
                        i.line.map(i64::from).unwrap_or(-1)
                    ));
                }
                for e in &d.exception_table {
                    out.push(format!(
                        "EXC {} {} {} {} {}",
                        e.start,
                        e.end,
                        e.target,
                        e.depth,
                        u8::from(e.lasti)
                    ));
                }
            }
            Err(e) => err = Some(format!("{} in {}", e, co.qualname)),
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(out.join("\n")),
    }
}

/// dis reports jump targets and exception offsets at EXTENDED_ARG prefixes; kiln at the opcode
/// unit. Rewrites the oracle's positions accordingly, using the code's own bytes.
fn normalize_oracle(oracle: &str, pyc_bytes: &[u8]) -> String {
    let pyc = read_pyc(pyc_bytes).unwrap();
    let mut codes = Vec::new();
    pyc.code.walk(&mut |c| codes.push(c.clone()));
    let mut out = Vec::new();
    let mut map: HashMap<i64, i64> = HashMap::new();
    let mut k = 0;
    for line in oracle.lines() {
        if line.starts_with("CODE ") {
            map.clear();
            if let Some(co) = codes.get(k) {
                if let Ok(d) = decode_any(co) {
                    for i in &d.instructions {
                        map.insert(i64::from(i.start), i64::from(i.offset));
                    }
                }
            }
            k += 1;
            out.push(line.to_string());
            continue;
        }
        let f: Vec<&str> = line.split(' ').collect();
        let m = |s: &str| -> String {
            let v: i64 = s.parse().unwrap();
            map.get(&v).copied().unwrap_or(v).to_string()
        };
        if f[0] == "EXC" {
            // dis's `end` is exclusive in bytes too; map start/target; end maps when it is
            // an instruction start.
            out.push(format!(
                "EXC {} {} {} {} {}",
                m(f[1]),
                m(f[2]),
                m(f[3]),
                f[4],
                f[5]
            ));
        } else {
            out.push(format!("{} {} {} {} {}", f[0], f[1], f[2], m(f[3]), f[4]));
        }
    }
    out.join("\n")
}

fn compare_with_oracle(exe: &Path, pyc: &Path) {
    let bytes = std::fs::read(pyc).unwrap();
    let ours = our_view(&bytes).unwrap_or_else(|e| panic!("{}: {}", pyc.display(), e));
    let oracle = run_py(exe, &["-c", ORACLE, pyc.to_str().unwrap()]);
    let oracle = normalize_oracle(oracle.trim_end(), &bytes);
    if ours != oracle {
        let (a, b): (Vec<_>, Vec<_>) = (ours.lines().collect(), oracle.lines().collect());
        let first = a
            .iter()
            .zip(&b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        panic!(
            "{}: kiln and dis differ at line {}:\n kiln: {:?}\n dis:  {:?}",
            pyc.display(),
            first,
            a.get(first),
            b.get(first)
        );
    }
}

// ------------------------------------------------------------------------------------------
// Tests

#[test]
fn snippets_match_dis_311() {
    let Some(exe) = python(11) else {
        eprintln!("skipping: no CPython 3.11 found");
        return;
    };
    let dir = TempDir::new("snip311");
    for (name, src) in snippets_for(11) {
        let pyc = compile(&exe, &dir.0, &name, &src);
        compare_with_oracle(&exe, &pyc);
    }
}

#[test]
fn snippets_match_dis_all_versions() {
    let mut tested = Vec::new();
    for minor in 8..=14u8 {
        let Some(exe) = python(minor) else {
            eprintln!("skipping CPython 3.{}: no interpreter found", minor);
            continue;
        };
        let dir = TempDir::new(&format!("snip3{}", minor));
        for (name, src) in snippets_for(minor) {
            let pyc = compile(&exe, &dir.0, &name, &src);
            let bytes = std::fs::read(&pyc).unwrap();
            assert_eq!(read_pyc(&bytes).unwrap().version, PyVersion::new(3, minor));
            compare_with_oracle(&exe, &pyc);
            if name == "basics" && minor >= 14 {
                // 3.14 marshals constant slices (format version 5).
                let p = read_pyc(&bytes).unwrap();
                assert!(p.code.consts.iter().any(|c| matches!(c, Const::Slice(_))));
            }
        }
        tested.push(format!("3.{}", minor));
    }
    eprintln!("compared with dis for CPython {}", tested.join(", "));
}

/// The constants and metadata the reader produces match what CPython's marshal loads.
#[test]
fn constants_match_marshal() {
    let Some(exe) = python(11) else {
        eprintln!("skipping: no CPython 3.11 found");
        return;
    };
    let dir = TempDir::new("consts");
    let pyc = compile(&exe, &dir.0, "basics", SNIPPETS[0].1);
    let pyc_s = compile(&exe, &dir.0, "strings", SNIPPETS[3].1);
    let p = read_pyc(&std::fs::read(&pyc).unwrap()).unwrap();
    let code = &p.code;
    assert_eq!(code.name, "<module>");
    assert_eq!(code.qualname, "<module>");
    assert!(code.consts.contains(&Const::Int(3)));
    assert!(code.consts.contains(&Const::Float(1.5)));
    assert!(code.consts.contains(&Const::Complex(0.0, 2.0)));
    assert!(code.consts.contains(&Const::Bytes(b"\x00bytes".to_vec())));
    assert!(code
        .consts
        .contains(&Const::Str("caf\u{e9} \u{4e2d}".into())));
    assert!(code.consts.contains(&Const::Ellipsis));
    assert!(code.consts.contains(&Const::FrozenSet(vec![
        Const::Int(1),
        Const::Int(2),
        Const::Int(3)
    ])));
    let big = code
        .consts
        .iter()
        .find(|c| {
            matches!(
                c,
                Const::BigInt {
                    negative: false,
                    ..
                }
            )
        })
        .expect("big int");
    assert_eq!(big.repr(), "123456789012345678901234567890");
    // The reprs of all module-level constants agree with CPython's repr (for these types).
    let ours: Vec<String> = code
        .consts
        .iter()
        .filter(|c| !matches!(c, Const::Code(_)))
        .map(|c| c.repr())
        .collect();
    let theirs = run_py(
        &exe,
        &[
            "-c",
            "import marshal,sys,types\nc=marshal.loads(open(sys.argv[1],'rb').read()[16:])\nfor k in c.co_consts:\n    if not isinstance(k, types.CodeType): print(repr(k))",
            pyc.to_str().unwrap(),
        ],
    );
    assert_eq!(ours, theirs.lines().collect::<Vec<_>>());
    let add = code
        .all_code_objects()
        .into_iter()
        .find(|c| c.name == "add")
        .unwrap();
    assert_eq!(add.argcount, 2);
    assert_eq!(add.kwonlyargcount, 2);
    assert_eq!(add.varnames, vec!["a", "b", "c", "d", "args", "kw"]);
    assert_eq!(add.qualname, "add");
    let posonly = code
        .all_code_objects()
        .into_iter()
        .find(|c| c.name == "posonly")
        .unwrap();
    assert_eq!(posonly.posonlyargcount, 2);

    let s = read_pyc(&std::fs::read(&pyc_s).unwrap()).unwrap();
    assert!(s
        .code
        .consts
        .contains(&Const::Str("\u{FFFD} lone surrogate".into())));
}

/// Cells and free variables: localsplus as stored (3.11) and as built for 3.8-3.10 agree with
/// what the interpreters say.
#[test]
fn locals_cells_and_frees() {
    for minor in [8u8, 9, 10, 11, 12, 13] {
        let Some(exe) = python(minor) else {
            continue;
        };
        let dir = TempDir::new(&format!("cells3{}", minor));
        let pyc = compile(&exe, &dir.0, "closures", SNIPPETS[2].1);
        let p = read_pyc(&std::fs::read(&pyc).unwrap()).unwrap();
        let ours: Vec<String> = p
            .code
            .all_code_objects()
            .iter()
            .map(|c| {
                format!(
                    "{} {:?} {:?} {:?}",
                    c.name, c.varnames, c.cellvars, c.freevars
                )
            })
            .collect();
        let theirs = run_py(
            &exe,
            &[
                "-c",
                "import marshal,sys,types\nc=marshal.loads(open(sys.argv[1],'rb').read()[16:])\ndef w(c):\n    yield c\n    for k in c.co_consts:\n        if isinstance(k, types.CodeType): yield from w(k)\nfor k in w(c): print(k.co_name, list(k.co_varnames), list(k.co_cellvars), list(k.co_freevars))",
                pyc.to_str().unwrap(),
            ],
        );
        let theirs: Vec<String> = theirs
            .lines()
            .map(|l| {
                // Python prints lists with single quotes; Rust's Debug uses double quotes.
                l.replace('\'', "\"")
            })
            .collect();
        assert_eq!(ours, theirs, "CPython 3.{}", minor);
        if minor < 11 {
            // Built like 3.11: varnames, then cells not in varnames, then frees.
            for c in p.code.all_code_objects() {
                let names: Vec<&str> = c.localsplus.iter().map(|(n, _)| n.as_str()).collect();
                let mut want: Vec<&str> = c.varnames.iter().map(|s| s.as_str()).collect();
                want.extend(
                    c.cellvars
                        .iter()
                        .filter(|v| !c.varnames.contains(v))
                        .map(|s| s.as_str()),
                );
                want.extend(c.freevars.iter().map(|s| s.as_str()));
                assert_eq!(names, want);
            }
        }
    }
}

/// The generated opcode tables agree with each interpreter's own `opcode`/`dis` data.
#[test]
fn tables_match_interpreters() {
    const DUMP: &str = r#"
import dis, opcode, sys
V = sys.version_info[:2]
ice = getattr(opcode, '_inline_cache_entries', None)
hasarg = set(getattr(opcode, 'hasarg', []))
back = getattr(dis, '_is_backward_jump', lambda op: False)
for name, op in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
    if op >= 256:
        continue
    if isinstance(ice, dict): c = ice.get(name, 0)
    elif ice is not None: c = ice[op]
    else: c = 0
    if op in opcode.hasjrel: j = 'Backward' if back(op) else 'Forward'
    elif op in opcode.hasjabs: j = 'Absolute'
    else: j = 'None'
    a = (op in hasarg) if hasarg else op >= opcode.HAVE_ARGUMENT
    print(op, name, c, j, int(a))
"#;
    let mut tested = Vec::new();
    for minor in 8..=14u8 {
        let Some(exe) = python(minor) else {
            continue;
        };
        let table = opcodes::table(PyVersion::new(3, minor)).unwrap();
        let theirs = run_py(&exe, &["-c", DUMP]);
        let mut n = 0;
        for line in theirs.lines() {
            let f: Vec<&str> = line.split(' ').collect();
            let op: usize = f[0].parse().unwrap();
            let info = table[op].unwrap_or_else(|| panic!("3.{}: opcode {} missing", minor, op));
            let jump = match info.jump {
                JumpKind::None => "None",
                JumpKind::Forward => "Forward",
                JumpKind::Backward => "Backward",
                JumpKind::Absolute => "Absolute",
            };
            assert_eq!(
                (info.op.name(), info.caches.to_string(), jump, info.has_arg),
                (f[1], f[2].to_string(), f[3], f[4] == "1"),
                "CPython 3.{} opcode {}",
                minor,
                op
            );
            n += 1;
        }
        assert_eq!(n, table.iter().flatten().count(), "3.{}", minor);
        tested.push(format!("3.{}", minor));
    }
    eprintln!(
        "opcode tables checked against CPython {}",
        tested.join(", ")
    );
}

/// Every code object of every module of CPython 3.11's standard library decodes.
#[test]
fn stdlib_311_decodes() {
    let Some(exe) = python(11) else {
        eprintln!("skipping: no CPython 3.11 found");
        return;
    };
    let dir = TempDir::new("stdlib311");
    let lib = run_py(
        &exe,
        &[
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ],
    );
    let lib = lib.trim();
    // PYTHONPYCACHEPREFIX sends every .pyc into our temp dir; nothing is written into Lib.
    let status = Command::new(&exe)
        .env("PYTHONPYCACHEPREFIX", &dir.0)
        .args([
            "-m",
            "compileall",
            "-q",
            "-j",
            "0",
            "-x",
            "site-packages",
            lib,
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("compileall");
    // compileall fails on the deliberately broken test files; that is expected.
    let _ = status;
    let mut pycs = Vec::new();
    let mut stack = vec![dir.0.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().and_then(|x| x.to_str()) == Some("pyc") {
                pycs.push(p);
            }
        }
    }
    pycs.sort();
    assert!(pycs.len() > 500, "only {} .pyc files compiled", pycs.len());
    let (mut files, mut codes, mut insts, mut excs) = (0usize, 0usize, 0usize, 0usize);
    let mut errors = Vec::new();
    for p in &pycs {
        let bytes = std::fs::read(p).unwrap();
        let pyc = match read_pyc(&bytes) {
            Ok(p) => p,
            Err(e) => {
                errors.push(format!("{}: {}", p.display(), e));
                continue;
            }
        };
        assert_eq!(pyc.version, PyVersion::new(3, 11));
        files += 1;
        pyc.code.walk(&mut |co| {
            codes += 1;
            match decode(co) {
                Ok(d) => {
                    insts += d.instructions.len();
                    excs += d.exception_table.len();
                    // Listings never fail either.
                    let _ = format_listing(co, &d);
                }
                Err(e) => errors.push(format!("{} ({}): {}", p.display(), co.qualname, e)),
            }
        });
    }
    eprintln!(
        "CPython 3.11 stdlib: {} .pyc files, {} code objects, {} instructions, {} exception entries decoded; {} errors",
        files,
        codes,
        insts,
        excs,
        errors.len()
    );
    assert!(
        errors.is_empty(),
        "{}",
        errors[..errors.len().min(20)].join("\n")
    );
    // A few stdlib modules are also compared instruction by instruction with dis.
    let wanted = [
        "dis",
        "json/decoder",
        "asyncio/base_events",
        "typing",
        "re/_parser",
    ];
    let mut compared = 0;
    for m in wanted {
        let suffix = format!("/{}.cpython-311.pyc", m);
        if let Some(p) = pycs.iter().find(|p| p.to_string_lossy().ends_with(&suffix)) {
            compare_with_oracle(&exe, p);
            compared += 1;
        }
    }
    assert_eq!(compared, wanted.len(), "stdlib modules compared with dis");
}

/// xorshift64*: deterministic pseudo-random numbers for the fuzz tests.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Reads and decodes everything; must return, never panic.
fn exercise(bytes: &[u8]) -> bool {
    match read_pyc(bytes) {
        Ok(p) => {
            p.code.walk(&mut |co| {
                if let Ok(d) = decode_unnormalized(co) {
                    let _ = format_listing(co, &d);
                }
            });
            true
        }
        Err(e) => {
            assert!(!e.to_string().contains('\n'));
            false
        }
    }
}

#[test]
fn truncation_and_bit_flips_never_panic() {
    let Some(exe) = python(11) else {
        eprintln!("skipping: no CPython 3.11 found");
        return;
    };
    let dir = TempDir::new("fuzz");
    let mut files = vec![
        compile(&exe, &dir.0, "control", SNIPPETS[1].1),
        compile(&exe, &dir.0, "closures", SNIPPETS[2].1),
    ];
    files.push(compile(&exe, &dir.0, "big", &big_source()));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        assert!(exercise(&bytes));
        // Every proper prefix is an error (the marshal data is cut), never a panic.
        for n in 0..bytes.len() {
            let ok = exercise(&bytes[..n]);
            assert!(!ok, "prefix of {} bytes of {} read fine", n, f.display());
            let msg = read_pyc(&bytes[..n]).unwrap_err().to_string();
            let want = if n < 16 {
                "truncated .pyc header".to_string()
            } else {
                format!("truncated .pyc: marshal data ends at byte {}", n)
            };
            assert!(msg.starts_with(&want), "prefix {}: {}", n, msg);
            if n == bytes.len() / 2 {
                eprintln!("e.g. {}", msg);
            }
        }
        // Random single-byte changes.
        let mut oks = 0;
        for _ in 0..400 {
            let mut b = bytes.clone();
            let i = (rng.next() % b.len() as u64) as usize;
            let v = (rng.next() & 0xff) as u8;
            b[i] = if b[i] == v { v ^ 0x55 } else { v };
            if exercise(&b) {
                oks += 1;
            }
        }
        eprintln!("{}: {} of 400 flipped copies still read", f.display(), oks);
    }
    // And across versions: one file per available interpreter.
    for minor in [8u8, 9, 10, 12, 13] {
        if let Some(exe) = python(minor) {
            let d = TempDir::new(&format!("fuzz3{}", minor));
            let bytes = std::fs::read(compile(&exe, &d.0, "control", SNIPPETS[1].1)).unwrap();
            for n in 0..bytes.len() {
                exercise(&bytes[..n]);
            }
            for _ in 0..200 {
                let mut b = bytes.clone();
                let i = (rng.next() % b.len() as u64) as usize;
                b[i] ^= 1 << (rng.next() % 8);
                exercise(&b);
            }
        }
    }
}

#[test]
fn listing_looks_right() {
    let Some(exe) = python(11) else {
        eprintln!("skipping: no CPython 3.11 found");
        return;
    };
    let dir = TempDir::new("listing");
    let pyc = compile(
        &exe,
        &dir.0,
        "lst",
        "def f(a):\n    try:\n        return g(a, 'x')\n    except E:\n        return None\nfor i in range(3):\n    print(i)\n",
    );
    let p = read_pyc(&std::fs::read(&pyc).unwrap()).unwrap();
    let d = decode(&p.code).unwrap();
    let text = format_listing(&p.code, &d);
    assert!(text.starts_with("code object <module> from "), "{}", text);
    assert!(text.contains("LOAD_NAME"), "{}", text);
    assert!(text.contains("(print)"), "{}", text);
    assert!(text.contains("FOR_ITER"), "{}", text);
    assert!(text.contains("(to "), "{}", text);
    assert!(text.contains(">>"), "{}", text);
    let f = p
        .code
        .all_code_objects()
        .into_iter()
        .find(|c| c.name == "f")
        .unwrap();
    let df = decode(f).unwrap();
    let text = format_listing(f, &df);
    assert!(text.contains("ExceptionTable:"), "{}", text);
    assert!(text.contains("(NULL + g)"), "{}", text);
    assert!(
        text.contains("LOAD_FAST                        0 (a)"),
        "{}",
        text
    );
    assert!(text.contains("LOAD_CONST"), "{}", text);
    assert!(text.contains("('x')") || text.contains("(\"x\")") || text.contains("'x'"));
    println!("{}", text);
}
