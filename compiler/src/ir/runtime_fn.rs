//! The runtime functions compiled code calls, with their signatures: the compiler's view of
//! `runtime/src/abi.rs`. Keep the two in step; a mismatch is a link error or worse.

/// How a runtime function takes one operand.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Param {
    /// The current frame pointer (not an IR operand).
    Frame,
    /// One IR value.
    Obj,
    /// One IR value of type I32.
    I32,
    /// The next immediate of the instruction.
    Imm,
    /// All remaining IR values, passed as a pointer to an array and a count.
    Array,
    /// An array of `n` words the function fills (n is the next immediate); they become the
    /// instruction's results.
    Out,
    /// The address of inline-cache slot k of the module (k is the next immediate).
    Cache,
}

/// What a runtime function returns and how it says it failed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ret {
    /// A value; null means an exception is set.
    Obj,
    /// A value that is never an error.
    ObjInfallible,
    /// A status: negative means an exception is set; no result.
    Status,
    /// A truth value (0 or 1) as an I32 result; negative means an exception is set.
    Bool,
    /// Nothing, and it cannot fail.
    Void,
}

macro_rules! runtime_fns {
    ($($variant:ident = $sym:literal ($($p:ident),*) -> $r:ident;)*) => {
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum RtFn { $($variant,)* }
        impl RtFn {
            pub fn symbol(self) -> &'static str {
                match self { $(RtFn::$variant => $sym,)* }
            }
            pub fn params(self) -> &'static [Param] {
                match self { $(RtFn::$variant => &[$(Param::$p),*],)* }
            }
            pub fn ret(self) -> Ret {
                match self { $(RtFn::$variant => Ret::$r,)* }
            }
            pub const ALL: &'static [RtFn] = &[$(RtFn::$variant,)*];
        }
    };
}

runtime_fns! {
    LoadGlobal = "kiln_load_global"(Frame, Obj) -> Obj;
    LoadGlobalCached = "kiln_load_global_cached"(Frame, Obj, Cache) -> Obj;
    StoreGlobal = "kiln_store_global"(Frame, Obj, Obj) -> Status;
    DeleteGlobal = "kiln_delete_global"(Frame, Obj) -> Status;
    LoadName = "kiln_load_name"(Frame, Obj) -> Obj;
    StoreName = "kiln_store_name"(Frame, Obj, Obj) -> Status;
    DeleteName = "kiln_delete_name"(Frame, Obj) -> Status;
    LoadBuildClass = "kiln_load_build_class"(Frame) -> Obj;
    ClosureItem = "kiln_closure_item"(Frame, Imm) -> ObjInfallible;
    MakeFunction = "kiln_make_function"(Frame, Obj, Obj, Obj, Obj, Obj) -> Obj;
    ImportName = "kiln_import_name"(Frame, Obj, Obj, Obj) -> Obj;
    ImportFrom = "kiln_import_from"(Obj, Obj) -> Obj;
    ImportStar = "kiln_import_star"(Frame, Obj) -> Status;
    SetupAnnotations = "kiln_setup_annotations"(Frame) -> Status;
    BinaryOp = "kiln_binary_op"(Obj, Obj, Imm) -> Obj;
    CompareOp = "kiln_compare_op"(Obj, Obj, Imm) -> Obj;
    CompareBool = "kiln_compare_bool"(Obj, Obj, Imm) -> Bool;
    IsTrue = "kiln_is_true"(Obj) -> Bool;
    Not = "kiln_not"(Obj) -> Obj;
    BoxBool = "kiln_bool"(I32) -> ObjInfallible;
    // Called by codegen's float fast path only (a null result sends it to the slow path).
    FloatFromBits = "kiln_float_from_bits"(Obj) -> ObjInfallible;
    Negative = "kiln_negative"(Obj) -> Obj;
    Positive = "kiln_positive"(Obj) -> Obj;
    Invert = "kiln_invert"(Obj) -> Obj;
    Contains = "kiln_contains"(Obj, Obj) -> Bool;
    GetAttr = "kiln_getattr"(Obj, Obj) -> Obj;
    LoadMethod = "kiln_load_method"(Obj, Obj, Out) -> Status;
    SetAttr = "kiln_setattr"(Obj, Obj, Obj) -> Status;
    GetAttrCached = "kiln_getattr_cached"(Obj, Obj, Cache) -> Obj;
    LoadMethodCached = "kiln_load_method_cached"(Obj, Obj, Cache, Out) -> Status;
    SetAttrCached = "kiln_setattr_cached"(Obj, Obj, Obj, Cache) -> Status;
    DelAttr = "kiln_delattr"(Obj, Obj) -> Status;
    GetItem = "kiln_getitem"(Obj, Obj) -> Obj;
    SetItem = "kiln_setitem"(Obj, Obj, Obj) -> Status;
    DelItem = "kiln_delitem"(Obj, Obj) -> Status;
    // o[start:stop:step] and o[start:stop:step] = v with the bounds directly (step may be null).
    GetSlice = "kiln_get_slice"(Obj, Obj, Obj, Obj) -> Obj;
    SetSlice = "kiln_set_slice"(Obj, Obj, Obj, Obj, Obj) -> Status;
    // A slice read whose only use is a slice assignment, and that assignment: the read goes
    // into a scratch list kept in the site's cache slot (`runtime/src/slice_subscript.rs`).
    GetSliceScratch = "kiln_get_slice_scratch"(Obj, Obj, Obj, Obj, Cache) -> Obj;
    SetSliceScratch = "kiln_set_slice_scratch"(Obj, Obj, Obj, Obj, Obj, Cache) -> Status;
    BuildTuple = "kiln_build_tuple"(Array) -> Obj;
    BuildList = "kiln_build_list"(Array) -> Obj;
    BuildSet = "kiln_build_set"(Array) -> Obj;
    BuildMap = "kiln_build_map"(Array) -> Obj;
    BuildConstKeyMap = "kiln_build_const_key_map"(Obj, Array) -> Obj;
    BuildString = "kiln_build_string"(Array) -> Obj;
    BuildSlice = "kiln_build_slice"(Obj, Obj, Obj) -> Obj;
    ListAppend = "kiln_list_append"(Obj, Obj) -> Status;
    ListExtend = "kiln_list_extend"(Obj, Obj) -> Status;
    ListToTuple = "kiln_list_to_tuple"(Obj) -> Obj;
    SetAdd = "kiln_set_add"(Obj, Obj) -> Status;
    SetUpdate = "kiln_set_update"(Obj, Obj) -> Status;
    DictUpdate = "kiln_dict_update"(Obj, Obj) -> Status;
    DictMerge = "kiln_dict_merge"(Obj, Obj, Obj) -> Status;
    MapAdd = "kiln_map_add"(Obj, Obj, Obj) -> Status;
    UnpackSequence = "kiln_unpack_sequence"(Obj, Imm, Out) -> Status;
    UnpackEx = "kiln_unpack_ex"(Obj, Imm, Imm, Out) -> Status;
    FormatValue = "kiln_format_value"(Obj, Imm, Obj) -> Obj;
    GetLen = "kiln_get_len"(Obj) -> Obj;
    GetIter = "kiln_get_iter"(Obj) -> Obj;
    ForIter = "kiln_for_iter"(Obj) -> Obj;
    Call = "kiln_call"(Obj, Array) -> Obj;
    CallKw = "kiln_call_kw"(Obj, Obj, Array) -> Obj;
    CallMaybeMethod = "kiln_call_maybe_method"(Obj, Obj, Array) -> Obj;
    CallEx = "kiln_call_ex"(Obj, Obj, Obj) -> Obj;
    CallWithLocals = "kiln_call_with_locals"(Frame, Obj, Array) -> Obj;
    Raise = "kiln_raise"(Obj, Obj) -> Obj;
    RaiseCurrent = "kiln_raise_current"() -> Obj;
    Reraise = "kiln_reraise"(Obj) -> Obj;
    FetchException = "kiln_fetch_exception"() -> ObjInfallible;
    PushExcInfo = "kiln_push_exc_info"(Obj) -> ObjInfallible;
    PopExcept = "kiln_pop_except"(Obj) -> Void;
    CheckExcMatch = "kiln_check_exc_match"(Obj, Obj) -> Bool;
    LoadAssertionError = "kiln_load_assertion_error"() -> ObjInfallible;
    BeforeWith = "kiln_before_with"(Obj, Out) -> Status;
    WithExit = "kiln_with_exit"(Obj, Obj) -> Obj;
    WithExitNone = "kiln_with_exit_none"(Obj) -> Obj;
    NewCell = "kiln_new_cell"(Obj) -> Obj;
    CellGet = "kiln_cell_get"(Obj) -> ObjInfallible;
    CellSet = "kiln_cell_set"(Obj, Obj) -> Void;
    LoadClassDeref = "kiln_load_classderef"(Frame, Obj, Obj) -> Obj;
    Send = "kiln_send"(Obj, Obj, Out) -> Bool;
    GetYieldFromIter = "kiln_get_yield_from_iter"(Obj) -> Obj;
    GetAwaitable = "kiln_get_awaitable"(Obj, Imm) -> Obj;
    GetAIter = "kiln_get_aiter"(Obj) -> Obj;
    GetANext = "kiln_get_anext"(Obj) -> Obj;
    EndAsyncFor = "kiln_end_async_for"(Obj) -> Bool;
    BeforeAsyncWith = "kiln_before_async_with"(Obj, Out) -> Status;
    AsyncGenWrap = "kiln_async_gen_wrap"(Obj) -> Obj;
    MatchMapping = "kiln_match_mapping"(Obj) -> ObjInfallible;
    MatchSequence = "kiln_match_sequence"(Obj) -> ObjInfallible;
    MatchKeys = "kiln_match_keys"(Obj, Obj) -> Obj;
    CopyDictWithoutKeys = "kiln_copy_dict_without_keys"(Obj, Obj) -> Obj;
    MatchClass = "kiln_match_class"(Obj, Obj, Obj, Imm) -> Obj;
    CheckEgMatch = "kiln_check_eg_match"(Obj, Obj, Out) -> Status;
    CallSelfOrNull = "kiln_call_self_or_null"(Obj, Obj, Array) -> Obj;
    LoadMethodCallableFirst = "kiln_load_method_callable_first"(Obj, Obj, Cache, Out) -> Status;
    LoadSuperAttr = "kiln_load_super_attr"(Obj, Obj, Obj, Obj, Imm) -> Obj;
    CleanupThrow = "kiln_cleanup_throw"(Obj) -> Obj;
    LoadLocals = "kiln_load_locals"(Frame) -> Obj;
    LoadFromDictOrGlobals = "kiln_load_from_dict_or_globals"(Frame, Obj, Obj) -> Obj;
    LoadFromDictOrDeref = "kiln_load_from_dict_or_deref"(Obj, Obj, Obj) -> Obj;
    SetFunctionAttribute = "kiln_set_function_attribute"(Obj, Obj, Imm) -> Obj;
    UnsupportedIntrinsic = "kiln_unsupported_intrinsic"(Imm) -> Obj;
    TypingIntrinsic = "kiln_typing_intrinsic"(Obj, Obj, Imm) -> Obj;
    ExcTriple = "kiln_exc_triple"(Obj, Out) -> Void;
    ExcClassMatch = "kiln_exc_class_match"(Obj, Obj) -> Bool;
    LoadSpecial = "kiln_load_special"(Obj, Imm, Out) -> Status;
    WithExitSelf = "kiln_with_exit_self"(Obj, Obj, Obj) -> Obj;
    LoadCommonConstant = "kiln_load_common_constant"(Imm) -> Obj;
    MatchClass310 = "kiln_match_class_310"(Obj, Obj, Obj, Imm, Out) -> Status;
    PrepReraiseStar = "kiln_prep_reraise_star"(Obj, Obj) -> Obj;
    // Only in executables built with --trace: after each bytecode instruction, its line,
    // offset, name and argument hint (str constants), how many values it consumed and
    // produced, then those values and the stack after it (`runtime/src/trace.rs`).
    Trace = "kiln_trace"(Frame, Imm, Imm, Obj, Obj, Imm, Imm, Array) -> Void;
}
