#!/usr/bin/env python3
"""Generate kiln's per-version CPython opcode tables.

Writes compiler/src/bytecode/opcodes/v3_8.rs ... v3_14.rs (one `TABLE: [Option<OpInfo>; 256]` per
version) and compiler/src/bytecode/opcodes/mod.rs (the union `Op` enum and the table types).

The data comes from each CPython version's OWN sources, never from the `dis` module of the Python
running this script:

- `Lib/opcode.py` is executed as text in an isolated namespace. Its imports are served by stubs:
  `_opcode_metadata` (3.13+) by executing the sibling `Lib/_opcode_metadata.py` the same way, and
  the C module `_opcode` by a stub (see below). Nothing else may be imported.
- From that namespace: `opmap`, `HAVE_ARGUMENT`, `EXTENDED_ARG`, `hasarg` (3.12+; before that an
  opcode has an argument iff it is >= HAVE_ARGUMENT), `hasjrel`/`hasjabs`, `hasconst`, `hasname`,
  `haslocal`, `hasfree`, `hascompare`, and `_inline_cache_entries` (3.11+; a list indexed by
  opcode in 3.11/3.12, a dict keyed by name from 3.13).
- Which relative jumps go backward is decided in CPython by `dis._is_backward_jump` (3.11+), so
  that one function is taken from the version's own `Lib/dis.py` (parsed with `ast`, executed
  alone with the version's `opname`).
- From 3.13, `opcode.py` asks the C module `_opcode` (`has_arg`, `has_const`, `has_jump`, ...).
  The stub answers from the version's own metadata: `pycore_opcode_metadata.h` (the flags the C
  module reads; pyenv installs it under include/python3.X/internal/), or else an
  `_opcode_flags.json` made by running `python3.X tools/gen_opcodes.py --dump-flags` with that
  version's own interpreter (for 3.14 that can be Pyodide under Node: run the script text through
  `pyodide.runPython`).

Sources for 3.8-3.13 are found in ~/.pyenv/versions/3.X.*/ by default. Give others with
`--src 3.14=DIR`, where DIR holds opcode.py, dis.py and, as needed, _opcode_metadata.py,
pycore_opcode_metadata.h or _opcode_flags.json. When a version's sources cannot be found, its
existing generated file is read back and kept as it is (with a warning), so that the union enum
in mod.rs stays complete; `--strict` makes that an error instead.

Pseudo-instructions (opcodes >= 256, 3.12+) and specialized instructions are not part of any
table: they never appear in `.pyc` files. Instrumented instructions, CACHE, RESERVED and
ENTER_EXECUTOR are in the tables (they are real opcodes of the interpreter) but flagged
`internal`: they never appear in marshalled code either.

Usage: tools/gen_opcodes.py [--src 3.X=DIR]... [--out DIR] [--strict]
"""

import argparse
import ast
import builtins
import glob
import json
import os
import re
import sys
import types

VERSIONS = [(3, 8), (3, 9), (3, 10), (3, 11), (3, 12), (3, 13), (3, 14)]

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "compiler", "src", "bytecode", "opcodes")

FLAG_NAMES = ["has_arg", "has_const", "has_name", "has_jump", "has_free", "has_local", "has_exc"]


# --------------------------------------------------------------------------------------------
# --dump-flags: run by a target interpreter to record what its own `_opcode` module says.


def dump_flags():
    import _opcode  # the running interpreter's own C module (this is the target version)

    out = {"version": "%d.%d" % sys.version_info[:2]}
    for fn in FLAG_NAMES:
        f = getattr(_opcode, fn, None)
        out[fn] = [op for op in range(512) if f is not None and f(op)]
    return json.dumps(out, indent=1)


# --------------------------------------------------------------------------------------------
# Finding sources


def pyenv_root():
    return os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))


def pyenv_dirs(ver):
    """(lib dir, include/internal dir) of the newest pyenv install of `ver`, or (None, None)."""
    major, minor = ver
    cands = glob.glob(os.path.join(pyenv_root(), "versions", "%d.%d.*" % ver))
    cands = [c for c in cands if re.fullmatch(r"\d+\.\d+\.\d+", os.path.basename(c))]
    if not cands:
        return None, None
    cands.sort(key=lambda p: tuple(int(x) for x in os.path.basename(p).split(".")))
    root = cands[-1]
    lib = os.path.join(root, "lib", "python%d.%d" % ver)
    inc = os.path.join(root, "include", "python%d.%d" % ver, "internal")
    return (lib if os.path.isfile(os.path.join(lib, "opcode.py")) else None,
            inc if os.path.isdir(inc) else None)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# --------------------------------------------------------------------------------------------
# Executing a version's Lib/opcode.py in isolation


class Flags:
    """What the version's `_opcode.has_*` functions answer, from its own metadata."""

    def __init__(self, sets, source):
        self.sets = sets  # flag name -> set of opcodes
        self.source = source


def parse_metadata_header(path, name_to_op):
    """Flags from pycore_opcode_metadata.h's `_PyOpcode_opcode_metadata` array."""
    text = read(path)
    bits = {m.group(1): int(m.group(2))
            for m in re.finditer(r"#define (HAS_\w+_FLAG) \((\d+)\)", text)}
    m = re.search(r"_PyOpcode_opcode_metadata\[\w*\] = \{(.*?)\n\};", text, re.S)
    if not m:
        raise SystemExit("%s: no _PyOpcode_opcode_metadata table" % path)
    sets = {fn: set() for fn in FLAG_NAMES}
    for e in re.finditer(r"\[(\w+)\] = \{ *(true|false|1|0), *[^,]+, *([^}]*?) *\}", m.group(1)):
        name, valid, flagexpr = e.groups()
        if valid not in ("true", "1"):
            continue
        if name not in name_to_op:
            raise SystemExit("%s: opcode %s is not in opmap" % (path, name))
        op = name_to_op[name]
        value = 0
        for part in flagexpr.split("|"):
            part = part.strip()
            if part in ("", "0"):
                continue
            if part not in bits:
                raise SystemExit("%s: unknown flag %s" % (path, part))
            value |= bits[part]
        for fn, flag in [("has_arg", "HAS_ARG_FLAG"), ("has_const", "HAS_CONST_FLAG"),
                         ("has_name", "HAS_NAME_FLAG"), ("has_jump", "HAS_JUMP_FLAG"),
                         ("has_free", "HAS_FREE_FLAG"), ("has_local", "HAS_LOCAL_FLAG")]:
            if value & bits[flag]:
                sets[fn].add(op)
    # has_exc is IS_BLOCK_PUSH_OPCODE (in the sibling pycore_opcode_utils.h): the SETUP_*
    # pseudo-instructions. Only pseudo-instructions, so it never reaches a table.
    utils = os.path.join(os.path.dirname(path), "pycore_opcode_utils.h")
    for t in (text, read(utils) if os.path.isfile(utils) else ""):
        bp = re.search(r"#define IS_BLOCK_PUSH_OPCODE\((\w+)\)\s*\\\s*\((.*?)\)\n", t, re.S)
        if bp:
            for name in re.findall(r"== *(\w+)", bp.group(2)):
                if name in name_to_op:
                    sets["has_exc"].add(name_to_op[name])
    return Flags(sets, os.path.basename(path))


def load_flags_json(path, ver):
    data = json.loads(read(path))
    if data.get("version") != "%d.%d" % ver:
        raise SystemExit("%s was dumped by Python %s, not %d.%d" % ((path, data.get("version")) + ver))
    return Flags({fn: set(data.get(fn, [])) for fn in FLAG_NAMES}, os.path.basename(path))


def make_opcode_stub(flags):
    m = types.ModuleType("_opcode")

    def need():
        if flags is None:
            raise RuntimeError("this opcode.py needs _opcode flags: supply "
                               "pycore_opcode_metadata.h or _opcode_flags.json")
        return flags.sets

    def stack_effect(*args, **kwargs):
        raise NotImplementedError("stub")

    m.stack_effect = stack_effect
    for fn in FLAG_NAMES:
        m.__dict__[fn] = (lambda name: lambda op: op in need()[name])(fn)
    m.is_valid = lambda op: any(op in s for s in need().values())
    for fn in ["get_intrinsic1_descs", "get_intrinsic2_descs", "get_special_method_names",
               "get_nb_ops", "get_executor", "get_specialization_stats"]:
        m.__dict__[fn] = lambda *a: []
    return m


def exec_isolated(source, filename, modules):
    """Executes `source` with imports limited to `modules` (plus `builtins`)."""

    def isolated_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "builtins":
            return builtins
        if name in modules:
            return modules[name]
        raise ImportError("gen_opcodes: %s may not import %r" % (filename, name))

    safe_builtins = dict(builtins.__dict__)
    safe_builtins["__import__"] = isolated_import
    ns = {"__name__": os.path.splitext(os.path.basename(filename))[0],
          "__file__": filename, "__builtins__": safe_builtins}
    exec(compile(source, filename, "exec"), ns)
    return ns


def backward_predicate(dis_path, opname):
    """The version's own `dis._is_backward_jump`, or None if its dis.py has none (< 3.11)."""
    tree = ast.parse(read(dis_path), dis_path)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_is_backward_jump":
            mod = ast.Module(body=[node], type_ignores=[])
            ns = {"opname": opname, "__builtins__": builtins}
            exec(compile(mod, dis_path, "exec"), ns)
            return ns["_is_backward_jump"]
    return None


class VersionData:
    def __init__(self, ver):
        self.ver = ver
        self.entries = {}  # opcode -> dict(name, caches, jump, has_arg, arg, internal)
        self.have_argument = None
        self.extended_arg = None
        self.sources = []


def load_version(ver, srcdir, incdir):
    opcode_py = os.path.join(srcdir, "opcode.py")
    modules = {}
    sources = ["Lib/opcode.py"]
    meta_py = os.path.join(srcdir, "_opcode_metadata.py")
    opcode_text = read(opcode_py)
    meta_ns = None
    if "_opcode_metadata" in opcode_text:
        if not os.path.isfile(meta_py):
            raise SystemExit("%s imports _opcode_metadata but %s is missing" % (opcode_py, meta_py))
        meta_ns = exec_isolated(read(meta_py), meta_py, {})
        meta_mod = types.ModuleType("_opcode_metadata")
        meta_mod.__dict__.update(meta_ns)
        modules["_opcode_metadata"] = meta_mod
        sources.append("Lib/_opcode_metadata.py")

    flags = None
    uses_c_flags = re.search(r"_opcode\.has_\w+\(", opcode_text) is not None
    if uses_c_flags:
        name_to_op = dict(meta_ns["opmap"]) if meta_ns else {}
        if meta_ns and "_specialized_opmap" in meta_ns:
            name_to_op.update(meta_ns["_specialized_opmap"])
        header = None
        for d in (srcdir, incdir):
            if d and os.path.isfile(os.path.join(d, "pycore_opcode_metadata.h")):
                header = os.path.join(d, "pycore_opcode_metadata.h")
                break
        flags_json = os.path.join(srcdir, "_opcode_flags.json")
        if header:
            flags = parse_metadata_header(header, name_to_op)
            sources.append("Include/internal/pycore_opcode_metadata.h")
        elif os.path.isfile(flags_json):
            flags = load_flags_json(flags_json, ver)
            sources.append("its _opcode module (_opcode_flags.json)")
        else:
            raise SystemExit("CPython %d.%d's opcode.py needs _opcode's flags: put "
                             "pycore_opcode_metadata.h or _opcode_flags.json in %s" % (ver + (srcdir,)))
    modules["_opcode"] = make_opcode_stub(flags)

    ns = exec_isolated(opcode_text, opcode_py, modules)

    opmap = ns["opmap"]
    data = VersionData(ver)
    data.have_argument = ns["HAVE_ARGUMENT"]
    data.extended_arg = ns["EXTENDED_ARG"]
    hasarg = set(ns.get("hasarg") or [])
    hasjrel = set(ns.get("hasjrel", []))
    hasjabs = set(ns.get("hasjabs", []))
    lists = {k: set(ns.get(k, [])) for k in ["hasconst", "hasname", "haslocal", "hasfree", "hascompare"]}
    ice = ns.get("_inline_cache_entries")
    min_instrumented = ns.get("MIN_INSTRUMENTED_OPCODE")

    opname = ["<%r>" % op for op in range(max(opmap.values()) + 1)]
    for name, op in opmap.items():
        opname[op] = name

    dis_py = os.path.join(srcdir, "dis.py")
    is_backward = backward_predicate(dis_py, opname) if os.path.isfile(dis_py) else None
    if ver >= (3, 11) and is_backward is None:
        raise SystemExit("CPython %d.%d: need Lib/dis.py with _is_backward_jump in %s" % (ver + (srcdir,)))
    if is_backward is not None:
        sources.append("Lib/dis.py (_is_backward_jump)")

    for name, op in sorted(opmap.items(), key=lambda kv: kv[1]):
        if op >= 256:
            continue  # pseudo-instruction
        if isinstance(ice, list):
            caches = ice[op]
        elif isinstance(ice, dict):
            caches = ice.get(name, 0)
        else:
            caches = 0
        if op in hasjrel:
            jump = "Backward" if (is_backward and is_backward(op)) else "Forward"
        elif op in hasjabs:
            jump = "Absolute"
        else:
            jump = "None"
        has_arg = (op in hasarg) if hasarg else (op >= data.have_argument)
        kinds = [k for k, v in [("Const", "hasconst"), ("Name", "hasname"), ("Local", "haslocal"),
                                ("Free", "hasfree"), ("Compare", "hascompare")] if op in lists[v]]
        if len(kinds) > 1:
            raise SystemExit("CPython %d.%d: %s is in several has* lists: %s" % (ver + (name, kinds)))
        arg = kinds[0] if kinds else "Plain"
        internal = (name in ("CACHE", "RESERVED", "ENTER_EXECUTOR")
                    or name.startswith("INSTRUMENTED_")
                    or (min_instrumented is not None and op >= min_instrumented))
        if jump != "None" and not has_arg:
            raise SystemExit("CPython %d.%d: jump %s takes no argument" % (ver + (name,)))
        data.entries[op] = dict(name=name, caches=caches, jump=jump, has_arg=has_arg,
                                arg=arg, internal=internal)
    if opmap.get("EXTENDED_ARG") != data.extended_arg:
        raise SystemExit("CPython %d.%d: EXTENDED_ARG mismatch" % ver)
    data.sources = sources
    return data


# --------------------------------------------------------------------------------------------
# Reading back an existing generated file (when a version's sources are not on this machine)

ENTRY_RE = re.compile(
    r"/\* *(\d+) *\*/ *e\(Op::(\w+), (\d+), J::(\w+), (true|false), A::(\w+), (true|false)\)")


def load_generated(ver, out_dir):
    path = os.path.join(out_dir, "v%d_%d.rs" % ver)
    if not os.path.isfile(path):
        return None
    text = read(path)
    data = VersionData(ver)
    m = re.search(r"pub const HAVE_ARGUMENT: u8 = (\d+);", text)
    data.have_argument = int(m.group(1)) if m else 0
    m = re.search(r"pub const EXTENDED_ARG: u8 = (\d+);", text)
    data.extended_arg = int(m.group(1)) if m else 0
    m = re.search(r"^// Sources: (.*)$", text, re.M)
    data.sources = m.group(1).split("; ") if m else ["Lib/opcode.py"]
    for e in ENTRY_RE.finditer(text):
        op, name, caches, jump, has_arg, arg, internal = e.groups()
        data.entries[int(op)] = dict(name=name, caches=int(caches), jump=jump,
                                     has_arg=has_arg == "true", arg=arg,
                                     internal=internal == "true")
    return data


# --------------------------------------------------------------------------------------------
# Rust output


def gen_version(data):
    major, minor = data.ver
    lines = []
    w = lines.append
    w("// Generated by tools/gen_opcodes.py from CPython %d.%d's Lib/opcode.py. Do not edit." % data.ver)
    w("// Sources: %s" % "; ".join(data.sources))
    w("")
    w("//! The opcode table of CPython %d.%d, indexed by opcode byte." % data.ver)
    w("")
    w("use super::{ArgKind as A, JumpKind as J, Op, OpInfo};")
    w("")
    w("/// Opcodes from here up take an argument (the classic rule; see `OpInfo::has_arg`).")
    w("pub const HAVE_ARGUMENT: u8 = %d;" % data.have_argument)
    w("/// The opcode of `EXTENDED_ARG`.")
    w("pub const EXTENDED_ARG: u8 = %d;" % data.extended_arg)
    w("")
    w("const fn e(op: Op, caches: u8, jump: J, has_arg: bool, arg: A, internal: bool) -> Option<OpInfo> {")
    w("    Some(OpInfo {")
    w("        op,")
    w("        caches,")
    w("        jump,")
    w("        has_arg,")
    w("        arg,")
    w("        internal,")
    w("    })")
    w("}")
    w("")
    w("/// `TABLE[opcode]` describes the opcode, or is `None` if CPython %d.%d has no such opcode." % data.ver)
    w("#[rustfmt::skip]")
    w("pub static TABLE: [Option<OpInfo>; 256] = [")
    for op in range(256):
        e = data.entries.get(op)
        if e is None:
            w("    /* %3d */ None," % op)
        else:
            w("    /* %3d */ e(Op::%s, %d, J::%s, %s, A::%s, %s)," % (
                op, e["name"], e["caches"], e["jump"], "true" if e["has_arg"] else "false",
                e["arg"], "true" if e["internal"] else "false"))
    w("];")
    return "\n".join(lines) + "\n"


MOD_HEADER = '''\
// Generated by tools/gen_opcodes.py from CPython 3.8-3.14's Lib/opcode.py. Do not edit.

//! Opcode tables, one per CPython version (`v3_8` ... `v3_14`), generated from each version's own
//! `Lib/opcode.py` data by `tools/gen_opcodes.py`.
//!
//! [`Op`] is the union of the opcode names of all versions, with CPython's own spelling. The same
//! name may mean different things in different versions (and have different numbers); what an
//! opcode byte means in one version is `TABLE[byte]` of that version's module.

use crate::pyc::PyVersion;

/// How an instruction's argument designates a jump target.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum JumpKind {
    /// Not a jump.
    None,
    /// Relative, forward: the target is after the instruction (and its inline caches).
    Forward,
    /// Relative, backward: the target is before the end of the instruction (and its caches).
    Backward,
    /// Absolute: the argument is the target's position.
    Absolute,
}

/// What an instruction's argument indexes, from the version's `has*` lists.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ArgKind {
    /// No argument, or a plain number (a count, a flag set, a jump distance, ...).
    Plain,
    /// `hasconst`: an index into `co_consts`.
    Const,
    /// `hasname`: an index into `co_names` (3.11+: some ops shift flag bits into it).
    Name,
    /// `haslocal`: a local variable (3.11+: an index into the fast locals plus array).
    Local,
    /// `hasfree`: a cell or free variable (3.11+: an index into the fast locals plus array).
    Free,
    /// `hascompare`: a comparison operator.
    Compare,
}

/// One opcode of one version.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct OpInfo {
    pub op: Op,
    /// Inline CACHE code units that follow the instruction (3.11+).
    pub caches: u8,
    pub jump: JumpKind,
    /// Whether the instruction uses its argument byte.
    pub has_arg: bool,
    pub arg: ArgKind,
    /// Never appears in marshalled code: CACHE, RESERVED, ENTER_EXECUTOR and instrumented
    /// instructions exist only in a running interpreter.
    pub internal: bool,
}
'''


def gen_mod(all_data):
    names = sorted({e["name"] for d in all_data for e in d.entries.values()})
    lines = [MOD_HEADER]
    w = lines.append
    # In rustfmt's (string) order, so that the generated file is rustfmt-clean.
    for modname in sorted("v%d_%d" % d.ver for d in all_data):
        w("pub mod %s;" % modname)
    w("")
    w("/// Every opcode name of CPython 3.8 to 3.14.")
    w("#[allow(non_camel_case_types)]")
    w("#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]")
    w("pub enum Op {")
    for n in names:
        w("    %s," % n)
    w("}")
    w("")
    w("impl Op {")
    w("    /// Every variant, in declaration (alphabetical) order.")
    w("    pub const ALL: [Op; %d] = [" % len(names))
    for n in names:
        w("        Op::%s," % n)
    w("    ];")
    w("")
    w("    /// CPython's name of the opcode.")
    w("    pub fn name(self) -> &'static str {")
    w("        match self {")
    for n in names:
        w("            Op::%s => \"%s\"," % (n, n))
    w("        }")
    w("    }")
    w("")
    w("    /// The variant named `name`, if any version has such an opcode.")
    w("    pub fn from_name(name: &str) -> Option<Op> {")
    w("        Op::ALL.iter().copied().find(|op| op.name() == name)")
    w("    }")
    w("}")
    w("")
    w("impl std::fmt::Display for Op {")
    w("    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {")
    w("        f.write_str(self.name())")
    w("    }")
    w("}")
    w("")
    w("/// The opcode table of `version`, if kiln has one.")
    w("pub fn table(version: PyVersion) -> Option<&'static [Option<OpInfo>; 256]> {")
    w("    match (version.major, version.minor) {")
    for d in all_data:
        w("        (%d, %d) => Some(&v%d_%d::TABLE)," % (d.ver + d.ver))
    w("        _ => None,")
    w("    }")
    w("}")
    w("")
    w("/// The `EXTENDED_ARG` opcode of `version`, if kiln has a table for it.")
    w("pub fn extended_arg(version: PyVersion) -> Option<u8> {")
    w("    match (version.major, version.minor) {")
    for d in all_data:
        w("        (%d, %d) => Some(v%d_%d::EXTENDED_ARG)," % (d.ver + d.ver))
    w("        _ => None,")
    w("    }")
    w("}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", action="append", default=[], metavar="3.X=DIR",
                    help="directory with that version's opcode.py, dis.py, ... (repeatable)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    ap.add_argument("--strict", action="store_true",
                    help="fail instead of keeping the existing file of a version without sources")
    ap.add_argument("--dump-flags", action="store_true",
                    help="print the running interpreter's _opcode flags as JSON and exit")
    args = ap.parse_args()
    if args.dump_flags:
        print(dump_flags())
        return

    given = {}
    for s in args.src:
        ver, _, path = s.partition("=")
        try:
            given[tuple(int(x) for x in ver.split("."))] = path
        except ValueError:
            ap.error("bad --src %r (want 3.X=DIR)" % s)

    all_data = []
    for ver in VERSIONS:
        lib, inc = pyenv_dirs(ver)
        srcdir = given.get(ver, lib)
        if srcdir and os.path.isfile(os.path.join(srcdir, "opcode.py")):
            data = load_version(ver, srcdir, inc if ver not in given else None)
            print("CPython %d.%d: %d opcodes from %s" % (ver + (len(data.entries), srcdir)), file=sys.stderr)
        else:
            if args.strict:
                raise SystemExit("no sources for CPython %d.%d (give --src %d.%d=DIR)" % (ver + ver))
            data = load_generated(ver, args.out)
            if data is None:
                raise SystemExit("no sources and no generated file for CPython %d.%d" % ver)
            print("warning: no sources for CPython %d.%d; keeping %s/v%d_%d.rs" % (ver + (args.out,) + ver),
                  file=sys.stderr)
        all_data.append(data)

    os.makedirs(args.out, exist_ok=True)
    outputs = {"v%d_%d.rs" % d.ver: gen_version(d) for d in all_data}
    outputs["mod.rs"] = gen_mod(all_data)
    for fname, text in outputs.items():
        path = os.path.join(args.out, fname)
        old = read(path) if os.path.isfile(path) else None
        if old != text:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote %s" % path, file=sys.stderr)


if __name__ == "__main__":
    main()
