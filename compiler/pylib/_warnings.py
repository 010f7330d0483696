# kiln's `_warnings`: what the import machinery needs of CPython's C `_warnings`. The
# warnings module itself runs its pure-Python implementation (this module has no `filters`,
# so `warnings` does not take its functions from here); these hand on to it.


def warn(message, category=None, stacklevel=1, source=None):
    import warnings
    warnings.warn(message, category, stacklevel + 1, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    import warnings
    warnings.warn_explicit(message, category, filename, lineno, module, registry,
                           module_globals, source)
