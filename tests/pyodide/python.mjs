// A `python3` for the tests, backed by Pyodide (CPython compiled to WebAssembly) under Node:
// CPython 3.14 where no native 3.14 is installed. It understands what the test harnesses ask
// of an interpreter: `-c CODE ARGS...` and `FILE [ARGS...]` (a .py or .pyc). The host's
// files are visible under their own paths, the working directory is kept, stdout and stderr
// are passed through byte for byte, and the exit status is the program's.
const { loadPyodide } = await import(process.env.KILN_PYODIDE + "/pyodide.mjs");

const args = process.argv.slice(2);
const py = await loadPyodide({ stdin: () => null });
const dec = (buf) => Buffer.from(buf);
py.setStdout({ write: (buf) => { process.stdout.write(dec(buf)); return buf.length; } });
py.setStderr({ write: (buf) => { process.stderr.write(dec(buf)); return buf.length; } });
// The host's root under /host, and paths given as arguments translated into it.
py.FS.mkdirTree("/host");
py.FS.mount(py.FS.filesystems.NODEFS, { root: "/" }, "/host");
const host = (p) => (p.startsWith("/") ? "/host" + p : p);
py.globals.set("kiln_args", py.toPy(args.map((a, i) => (i === 0 && a === "-c" ? a : host(a)))));
py.globals.set("kiln_cwd", "/host" + process.cwd());
const status = py.runPython(`
import os, sys, runpy, traceback
os.chdir(kiln_cwd)
argv = list(kiln_args)

def _exit_code(e):
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1

def _main():
    if argv and argv[0] == "-c":
        sys.argv = ["-c"] + argv[2:]
        exec(compile(argv[1], "<string>", "exec"), {"__name__": "__main__"})
    else:
        sys.argv = argv
        runpy.run_path(argv[0], run_name="__main__")

try:
    _main()
    status = 0
except SystemExit as e:
    status = _exit_code(e)
except BaseException as e:
    traceback.print_exception(e)
    status = 1
finally:
    sys.stdout.flush()
    sys.stderr.flush()
status
`);
process.exitCode = status;
