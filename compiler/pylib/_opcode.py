# kiln's `_opcode`: the facts about CPython 3.13's opcodes that `opcode` and `dis` read at
# import (which opcodes take an argument, a constant, a name, a jump target, a cell, a local
# or an exception-table entry), by opcode name. kiln runs no bytecode and keeps no stack
# accounting at run time: `stack_effect` and `get_executor` raise.
import _opcode_metadata as _meta

_NO_ARG = frozenset((
    "BEFORE_ASYNC_WITH", "BEFORE_WITH", "BINARY_SLICE", "BINARY_SUBSCR", "CACHE",
    "CHECK_EG_MATCH", "CHECK_EXC_MATCH", "CLEANUP_THROW", "DELETE_SUBSCR", "END_ASYNC_FOR",
    "END_FOR", "END_SEND", "EXIT_INIT_CHECK", "FORMAT_SIMPLE", "FORMAT_WITH_SPEC", "GET_AITER",
    "GET_ANEXT", "GET_ITER", "GET_LEN", "GET_YIELD_FROM_ITER", "INSTRUMENTED_CALL_FUNCTION_EX",
    "INSTRUMENTED_END_FOR", "INSTRUMENTED_END_SEND", "INSTRUMENTED_INSTRUCTION",
    "INSTRUMENTED_LINE", "INSTRUMENTED_RETURN_VALUE", "INTERPRETER_EXIT", "JUMP",
    "JUMP_NO_INTERRUPT", "LOAD_ASSERTION_ERROR", "LOAD_BUILD_CLASS", "LOAD_CLOSURE",
    "LOAD_LOCALS", "LOAD_METHOD", "LOAD_SUPER_METHOD", "LOAD_ZERO_SUPER_ATTR",
    "LOAD_ZERO_SUPER_METHOD", "MAKE_FUNCTION", "MATCH_KEYS", "MATCH_MAPPING", "MATCH_SEQUENCE",
    "NOP", "POP_BLOCK", "POP_EXCEPT", "POP_TOP", "PUSH_EXC_INFO", "PUSH_NULL", "RESERVED",
    "RETURN_GENERATOR", "RETURN_VALUE", "SETUP_ANNOTATIONS", "SETUP_CLEANUP", "SETUP_FINALLY",
    "SETUP_WITH", "STORE_FAST_MAYBE_NULL", "STORE_SLICE", "STORE_SUBSCR", "TO_BOOL",
    "UNARY_INVERT", "UNARY_NEGATIVE", "UNARY_NOT", "WITH_EXCEPT_START"))
_CONST = frozenset(("INSTRUMENTED_RETURN_CONST", "LOAD_CONST", "RETURN_CONST"))
_NAME = frozenset((
    "DELETE_ATTR", "DELETE_GLOBAL", "DELETE_NAME", "IMPORT_FROM", "IMPORT_NAME", "LOAD_ATTR",
    "LOAD_FROM_DICT_OR_GLOBALS", "LOAD_GLOBAL", "LOAD_METHOD", "LOAD_NAME", "LOAD_SUPER_ATTR",
    "LOAD_SUPER_METHOD", "LOAD_ZERO_SUPER_ATTR", "LOAD_ZERO_SUPER_METHOD", "STORE_ATTR",
    "STORE_GLOBAL", "STORE_NAME"))
_JUMP = frozenset((
    "FOR_ITER", "JUMP", "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT", "JUMP_FORWARD",
    "JUMP_NO_INTERRUPT", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE",
    "POP_JUMP_IF_TRUE", "SEND"))
_FREE = frozenset(("DELETE_DEREF", "LOAD_DEREF", "LOAD_FROM_DICT_OR_DEREF", "MAKE_CELL",
                   "STORE_DEREF"))
_LOCAL = frozenset((
    "DELETE_FAST", "LOAD_CLOSURE", "LOAD_FAST", "LOAD_FAST_AND_CLEAR", "LOAD_FAST_CHECK",
    "LOAD_FAST_LOAD_FAST", "STORE_FAST", "STORE_FAST_LOAD_FAST", "STORE_FAST_MAYBE_NULL",
    "STORE_FAST_STORE_FAST"))
_EXC = frozenset(("SETUP_CLEANUP", "SETUP_FINALLY", "SETUP_WITH"))
_NAMES = {op: name for name, op in _meta.opmap.items()}

_INTRINSIC_1 = ["INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
                "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP",
                "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR",
                "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE",
                "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS"]
_INTRINSIC_2 = ["INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR",
                "INTRINSIC_TYPEVAR_WITH_BOUND", "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
                "INTRINSIC_SET_FUNCTION_TYPE_PARAMS", "INTRINSIC_SET_TYPEPARAM_DEFAULT"]
_NB_OPS = [("NB_ADD", "+"), ("NB_AND", "&"), ("NB_FLOOR_DIVIDE", "//"), ("NB_LSHIFT", "<<"),
           ("NB_MATRIX_MULTIPLY", "@"), ("NB_MULTIPLY", "*"), ("NB_REMAINDER", "%"),
           ("NB_OR", "|"), ("NB_POWER", "**"), ("NB_RSHIFT", ">>"), ("NB_SUBTRACT", "-"),
           ("NB_TRUE_DIVIDE", "/"), ("NB_XOR", "^")]


def _has(group, opcode):
    name = _NAMES.get(opcode)
    return name is not None and name in group


def is_valid(opcode):
    return opcode in _NAMES


def has_arg(opcode):
    name = _NAMES.get(opcode)
    return name is not None and name not in _NO_ARG


def has_const(opcode):
    return _has(_CONST, opcode)


def has_name(opcode):
    return _has(_NAME, opcode)


def has_jump(opcode):
    return _has(_JUMP, opcode)


def has_free(opcode):
    return _has(_FREE, opcode)


def has_local(opcode):
    return _has(_LOCAL, opcode)


def has_exc(opcode):
    return _has(_EXC, opcode)


def get_intrinsic1_descs():
    return list(_INTRINSIC_1)


def get_intrinsic2_descs():
    return list(_INTRINSIC_2)


def get_nb_ops():
    return _NB_OPS + [(n.replace("NB_", "NB_INPLACE_"), s + "=") for n, s in _NB_OPS]


def get_specialization_stats():
    return None


def stack_effect(opcode, oparg=None, /, *, jump=None):
    raise NotImplementedError("kiln: opcode stack effects are not available in compiled programs")


def get_executor(code, offset):
    raise NotImplementedError("kiln: compiled programs have no bytecode executors")
