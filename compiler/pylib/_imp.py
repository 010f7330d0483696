# kiln's `_imp`: the import machinery's built-in half, for `importlib` to set itself up over.
# kiln links every module a program can import into the executable; none is loaded from a
# file at run time, so there are no frozen modules and no extension modules. A "built-in"
# module is one sys.builtin_module_names lists (the runtime's, and kiln's own Python
# stand-ins for CPython's built-in ones); creating one imports it through kiln's imports.
# `KilnFinder`, on sys.meta_path, finds every module compiled into the executable.
import sys
import _kiln

check_hash_based_pycs = "default"
_LOCK_DEPTH = 0


def lock_held():
    return _LOCK_DEPTH > 0


def acquire_lock():
    global _LOCK_DEPTH
    _LOCK_DEPTH += 1


def release_lock():
    global _LOCK_DEPTH
    if _LOCK_DEPTH == 0:
        raise RuntimeError("not holding the import lock")
    _LOCK_DEPTH -= 1


def is_builtin(name, /):
    return 1 if name in sys.builtin_module_names else 0


def create_builtin(spec, /):
    name = spec.name
    if not is_builtin(name):
        raise ImportError(f"no built-in module named {name}", name=name)
    if name in sys.modules:
        return sys.modules[name]
    return __import__(name)


def exec_builtin(mod, /):
    return 0


def is_frozen(name, /):
    return False


def is_frozen_package(name, /):
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def find_frozen(name, /, *, withdata=False):
    return None


def get_frozen_object(name, data=None, /):
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def init_frozen(name, /):
    return None


def _frozen_module_names():
    return ()


def _override_frozen_modules_for_tests(override, /):
    return None


def _override_multi_interp_extensions_check(override, /):
    return -1


def extension_suffixes():
    return []


def create_dynamic(spec, file=None, /):
    raise ImportError(f"kiln executables cannot load extension modules ({spec.name})",
                      name=spec.name)


def exec_dynamic(mod, /):
    return 0


def _fix_co_filename(code, path, /):
    return None


def source_hash(key, source):
    raise NotImplementedError("kiln: _imp.source_hash (hash-based .pyc files) is not supported")


class KilnFinder:
    """The meta path finder of the modules compiled into the executable: what importlib's
    own import (`importlib.import_module`) finds them by. Loading one runs kiln's import."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if not _kiln.has_module(name):
            return None
        from importlib._bootstrap import ModuleSpec
        return ModuleSpec(name, cls, origin="kiln")

    @staticmethod
    def create_module(spec):
        __import__(spec.name)
        return sys.modules[spec.name]

    @staticmethod
    def exec_module(module):
        return None


if KilnFinder not in sys.meta_path:
    sys.meta_path.append(KilnFinder)
