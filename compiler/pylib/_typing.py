# kiln's `_typing`. Up to 3.11 it holds `_idfunc` alone; from 3.12 on `typing` takes its
# primitives from here: TypeVar, ParamSpec (with ParamSpecArgs/ParamSpecKwargs),
# TypeVarTuple, TypeAliasType, Generic, and on 3.13 NoDefault. They call back into
# `typing` for the work it does in Python (substitution, Generic[...] and subclassing), as
# CPython's C types do. `_intrinsic` builds what the 3.12 type parameter syntax (`type X =
# ...`, `def f[T]`, `class C[T]`) asks the runtime for.
import sys


def _idfunc(_, x):
    return x


if sys.version_info >= (3, 12):
    _DEFAULTS = sys.version_info >= (3, 13)
    _MISSING = object()

    def _typing():
        import typing
        return typing

    def _caller_module(depth=2):
        try:
            return sys._getframe(depth).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            return None

    def _type_check(arg, msg):
        if arg is None:
            return type(None)
        return _typing()._type_check(arg, msg)

    def _check_variance(covariant, contravariant, infer_variance):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with infer_variance.")

    def _check_name(kind, name):
        if not isinstance(name, str):
            raise TypeError("%s() argument 'name' must be str, not %s"
                            % (kind, type(name).__name__))

    _sealed = False

    class _Final:
        # The C types cannot be subclassed (once this module has made its own).
        def __init_subclass__(cls, *args, **kwargs):
            if not _sealed:
                return
            raise TypeError("type '%s.%s' is not an acceptable base type"
                            % (cls.__mro__[1].__module__, cls.__mro__[1].__name__))

    if _DEFAULTS:
        class NoDefaultType(_Final):
            __slots__ = ()
            __module__ = 'builtins'

            def __new__(cls, *args, **kwargs):
                if args or kwargs:
                    raise TypeError("NoDefaultType takes no arguments")
                return NoDefault

            def __repr__(self):
                return 'typing.NoDefault'

            def __reduce__(self):
                return 'NoDefault'

        NoDefault = object.__new__(NoDefaultType)
    else:
        NoDefault = _MISSING

    class _TypeVarLike(_Final):
        # What TypeVar, ParamSpec and TypeVarTuple share: name, variance, the lazily
        # evaluated default, the module they were made in.
        def _setup(self, name, bound, covariant, contravariant, infer_variance, default):
            if not _DEFAULTS and default is not _MISSING:
                raise TypeError("%s() got an unexpected keyword argument 'default'"
                                % type(self).__name__)
            self.__name__ = self._name = name
            self._bound = bound
            self._covariant = bool(covariant)
            self._contravariant = bool(contravariant)
            self._infer_variance = bool(infer_variance)
            self._default = default
            self._evaluate_default = None

        @property
        def __covariant__(self):
            return self._covariant

        @property
        def __contravariant__(self):
            return self._contravariant

        @property
        def __infer_variance__(self):
            return self._infer_variance

        def __repr__(self):
            if self._infer_variance:
                return self._name
            return ('+' if self._covariant else '-' if self._contravariant else '~') \
                + self._name

        def __reduce__(self):
            return self._name

        def __copy__(self):
            return self

        def __deepcopy__(self, memo):
            return self

        def __mro_entries__(self, bases):
            raise TypeError("Cannot subclass an instance of %s" % type(self).__name__)

        if _DEFAULTS:
            @property
            def __default__(self):
                if self._default is _MISSING:
                    if self._evaluate_default is None:
                        return NoDefault
                    self._default = self._evaluate_default()
                return self._default

            @property
            def evaluate_default(self):
                return self._evaluate_default

            def has_default(self):
                return self._evaluate_default is not None or \
                    (self._default is not _MISSING and self._default is not NoDefault)

    class TypeVar(_TypeVarLike):
        __module__ = 'typing'

        def __init__(self, name, *constraints, bound=None, covariant=False,
                     contravariant=False, infer_variance=False, default=NoDefault):
            _check_name('TypeVar', name)
            _check_variance(covariant, contravariant, infer_variance)
            if bound is not None:
                bound = _type_check(bound, "Bound must be a type.")
            if len(constraints) == 1:
                raise TypeError("A single constraint is not allowed")
            if constraints and bound is not None:
                raise TypeError("Constraints cannot be combined with bound=...")
            self._setup(name, bound, covariant, contravariant, infer_variance, default)
            self._constraints = constraints
            self._evaluate_bound = None
            self._evaluate_constraints = None
            module = _caller_module()
            if module is not None:
                self.__module__ = module

        @property
        def __bound__(self):
            if self._bound is None and self._evaluate_bound is not None:
                self._bound = self._evaluate_bound()
            return self._bound

        @property
        def __constraints__(self):
            if not self._constraints and self._evaluate_constraints is not None:
                self._constraints = self._evaluate_constraints()
            return self._constraints

        def __or__(self, right):
            return _typing().Union[self, right]

        def __ror__(self, left):
            return _typing().Union[left, self]

        def __typing_subst__(self, arg):
            return _typing()._typevar_subst(self, arg)

        if _DEFAULTS:
            def __typing_prepare_subst__(self, alias, args):
                params = alias.__parameters__
                i = params.index(self)
                if i < len(args):
                    return args
                if i == len(args):
                    default = self.__default__
                    if default is not NoDefault:
                        return (*args, default)
                raise TypeError("Too few arguments for %s; actual %d, expected at least %d"
                                % (alias, len(args), i + 1))

    class ParamSpecArgs(_Final):
        __module__ = 'typing'

        def __init__(self, origin):
            self.__origin__ = origin

        def __repr__(self):
            if isinstance(self.__origin__, ParamSpec):
                return self.__origin__.__name__ + '.args'
            return repr(self.__origin__) + '.args'

        def __eq__(self, other):
            if not isinstance(other, ParamSpecArgs):
                return NotImplemented
            return self.__origin__ == other.__origin__

        __hash__ = object.__hash__

        def __mro_entries__(self, bases):
            raise TypeError("Cannot subclass an instance of ParamSpecArgs")

    class ParamSpecKwargs(_Final):
        __module__ = 'typing'

        def __init__(self, origin):
            self.__origin__ = origin

        def __repr__(self):
            if isinstance(self.__origin__, ParamSpec):
                return self.__origin__.__name__ + '.kwargs'
            return repr(self.__origin__) + '.kwargs'

        def __eq__(self, other):
            if not isinstance(other, ParamSpecKwargs):
                return NotImplemented
            return self.__origin__ == other.__origin__

        __hash__ = object.__hash__

        def __mro_entries__(self, bases):
            raise TypeError("Cannot subclass an instance of ParamSpecKwargs")

    class ParamSpec(_TypeVarLike):
        __module__ = 'typing'

        def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                     infer_variance=False, default=NoDefault):
            _check_name('ParamSpec', name)
            _check_variance(covariant, contravariant, infer_variance)
            if bound is not None:
                bound = _type_check(bound, "Bound must be a type.")
            self._setup(name, bound, covariant, contravariant, infer_variance, default)
            module = _caller_module()
            if module is not None:
                self.__module__ = module

        @property
        def __bound__(self):
            return self._bound

        @property
        def args(self):
            return ParamSpecArgs(self)

        @property
        def kwargs(self):
            return ParamSpecKwargs(self)

        def __or__(self, right):
            return _typing().Union[self, right]

        def __ror__(self, left):
            return _typing().Union[left, self]

        def __typing_subst__(self, arg):
            return _typing()._paramspec_subst(self, arg)

        def __typing_prepare_subst__(self, alias, args):
            return _typing()._paramspec_prepare_subst(self, alias, args)

    class TypeVarTuple(_TypeVarLike):
        __module__ = 'typing'

        def __init__(self, name, *, default=NoDefault):
            _check_name('TypeVarTuple', name)
            self._setup(name, None, False, False, False, default)
            module = _caller_module()
            if module is not None:
                self.__module__ = module

        def __repr__(self):
            return self._name

        def __iter__(self):
            yield _typing().Unpack[self]

        def __typing_subst__(self, arg):
            raise TypeError("Substitution of bare TypeVarTuple is not supported")

        def __typing_prepare_subst__(self, alias, args):
            return _typing()._typevartuple_prepare_subst(self, alias, args)

    def _unpack_typevartuples(params):
        if any(isinstance(p, TypeVarTuple) for p in params):
            unpack = _typing().Unpack
            return tuple(unpack[p] if isinstance(p, TypeVarTuple) else p for p in params)
        return params

    class TypeAliasType(_Final):
        __module__ = 'typing'

        def __init__(self, name, value, *, type_params=()):
            _check_name('TypeAliasType', name)
            if not isinstance(type_params, tuple):
                raise TypeError("type_params must be a tuple")
            self._setup(name, name, type_params, None, value, _caller_module())

        def _setup(self, name, qualname, type_params, compute_value, value, module):
            self.__name__ = self._name = name
            # 3.14 names an alias by its qualified name; 3.12 and 3.13 by its name alone.
            if sys.version_info >= (3, 14):
                self.__qualname__ = qualname
            self._repr = qualname if sys.version_info >= (3, 14) else name
            self._type_params = tuple(type_params) if type_params else ()
            self._compute_value = compute_value
            self._value = value
            if module is None and compute_value is not None:
                module = getattr(compute_value, '__module__', None)
            self.__module__ = module

        @property
        def __value__(self):
            if self._compute_value is not None and self._value is None:
                self._value = self._compute_value()
            return self._value

        @property
        def __type_params__(self):
            return self._type_params

        @property
        def __parameters__(self):
            return _unpack_typevartuples(self._type_params)

        def __repr__(self):
            return self._repr

        def __reduce__(self):
            return self._name

        def __getitem__(self, params):
            if not self._type_params:
                raise TypeError("Only generic type aliases are subscriptable")
            if not isinstance(params, tuple):
                params = (params,)
            import types
            return types.GenericAlias(self, params)

        def __or__(self, right):
            return _typing().Union[self, right]

        def __ror__(self, left):
            return _typing().Union[left, self]

        def __mro_entries__(self, bases):
            raise TypeError("Cannot subclass an instance of TypeAliasType")

    class Generic:
        """Abstract base class for generic types."""
        __module__ = 'typing'
        __slots__ = ()

        @classmethod
        def __class_getitem__(cls, *args, **kwargs):
            return _typing()._generic_class_getitem(cls, *args, **kwargs)

        @classmethod
        def __init_subclass__(cls, *args, **kwargs):
            return _typing()._generic_init_subclass(cls, *args, **kwargs)

    def _new_typevar(name, evaluate_bound=None, evaluate_constraints=None):
        tv = TypeVar.__new__(TypeVar)
        tv._setup(name, None, False, False, True, _MISSING)
        tv._constraints = ()
        tv._evaluate_bound = evaluate_bound
        tv._evaluate_constraints = evaluate_constraints
        return tv

    def _new_paramspec(name):
        ps = ParamSpec.__new__(ParamSpec)
        ps._setup(name, None, False, False, True, _MISSING)
        return ps

    def _new_typevartuple(name):
        tvt = TypeVarTuple.__new__(TypeVarTuple)
        tvt._setup(name, None, False, False, True, _MISSING)
        return tvt

    def _intrinsic(code, a, b):
        # CALL_INTRINSIC_1 codes 7-11 (b unused) and CALL_INTRINSIC_2 codes 2-5 as 102-105.
        if code == 7:
            return _new_typevar(a)
        if code == 8:
            return _new_paramspec(a)
        if code == 9:
            return _new_typevartuple(a)
        if code == 10:
            return _typing()._GenericAlias(Generic, _unpack_typevartuples(a))
        if code == 11:
            name, type_params, compute_value = a
            ta = TypeAliasType.__new__(TypeAliasType)
            code_obj = getattr(compute_value, '__code__', None)
            qualname = getattr(code_obj, 'co_qualname', None) or name
            ta._setup(name, qualname, type_params or (), compute_value, None, None)
            return ta
        if code == 102:
            return _new_typevar(a, evaluate_bound=b)
        if code == 103:
            return _new_typevar(a, evaluate_constraints=b)
        if code == 104:
            a.__type_params__ = b
            return a
        if code == 105:
            if not isinstance(a, _TypeVarLike):
                raise TypeError("Expected a type param, got %r" % (a,))
            a._evaluate_default = b
            return a
        raise SystemError("unknown intrinsic %d" % code)

    _sealed = True
