//! The value representation: one machine word per Python value.
//!
//! A word with its low bit set is a small integer (`value << 1 | 1`, 63 bits). Any other non-zero
//! word points to a heap object that starts with a [`Header`] naming its type. The zero word is
//! never a Python value: a runtime function returns it to say "an exception is set"
//! (see `errors`). The even word 2 is the iteration-finished marker of `FOR_ITER`.

use crate::object::TypeObject;

#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Value(pub usize);

/// Every heap object starts with this.
#[repr(C)]
pub struct Header {
    pub ty: *mut TypeObject,
}

pub const SMALL_MIN: i64 = -(1 << 62);
pub const SMALL_MAX: i64 = (1 << 62) - 1;

impl Value {
    pub const NULL: Value = Value(0);
    /// Returned by iteration helpers when an iterator is exhausted (never a real object).
    pub const DONE: Value = Value(2);

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
    #[inline(always)]
    pub fn is_small(self) -> bool {
        self.0 & 1 == 1
    }
    #[inline(always)]
    pub fn small(self) -> i64 {
        (self.0 as i64) >> 1
    }
    /// A small int; the caller guarantees the range.
    #[inline(always)]
    pub fn from_small(i: i64) -> Value {
        debug_assert!((SMALL_MIN..=SMALL_MAX).contains(&i));
        Value(((i << 1) | 1) as usize)
    }
    #[inline(always)]
    pub fn fits_small(i: i64) -> bool {
        (SMALL_MIN..=SMALL_MAX).contains(&i)
    }
    #[inline(always)]
    pub fn ptr<T>(self) -> *mut T {
        self.0 as *mut T
    }
    #[inline(always)]
    pub fn from_ptr<T>(p: *mut T) -> Value {
        Value(p as usize)
    }
    /// The object's header; only for non-small, non-null values.
    #[inline(always)]
    pub fn header(self) -> *mut Header {
        self.0 as *mut Header
    }
}
