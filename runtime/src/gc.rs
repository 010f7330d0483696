//! The runtime's allocation API, backed by Boehm's conservative collector (bdwgc).
//!
//! Every Python object lives in collector memory. Objects that hold values are allocated with
//! `alloc` (scanned); objects that hold only bytes or numbers with `alloc_atomic` (not scanned).
//! Buffers that hold values (list items, dict entries) must come from `alloc` too, so the collector
//! sees every live reference. Nothing else in the runtime calls bdwgc directly.

use std::alloc::Layout;
use std::ptr::NonNull;

extern "C" {
    fn GC_init();
    fn GC_malloc(size: usize) -> *mut u8;
    fn GC_malloc_atomic(size: usize) -> *mut u8;
    fn GC_malloc_uncollectable(size: usize) -> *mut u8;
    fn GC_realloc(ptr: *mut u8, size: usize) -> *mut u8;
    fn GC_register_finalizer_no_order(
        obj: *mut u8,
        f: Option<unsafe extern "C" fn(*mut u8, *mut u8)>,
        cd: *mut u8,
        ofn: *mut Option<unsafe extern "C" fn(*mut u8, *mut u8)>,
        ocd: *mut *mut u8,
    );
    fn GC_gcollect();
    fn GC_free(ptr: *mut u8);
    fn GC_get_heap_size() -> usize;
}

/// Largest single allocation the runtime attempts; bigger requests are a `MemoryError`.
pub const MAX_ALLOC: usize = 1 << 46;

pub fn init() {
    unsafe { GC_init() }
}

/// Scanned, zeroed memory. Null when the collector cannot provide it.
#[inline]
pub fn alloc(size: usize) -> *mut u8 {
    if size > MAX_ALLOC {
        return std::ptr::null_mut();
    }
    unsafe { GC_malloc(size) }
}

/// Unscanned memory (not zeroed): for bytes and numbers only.
#[inline]
pub fn alloc_atomic(size: usize) -> *mut u8 {
    if size > MAX_ALLOC {
        return std::ptr::null_mut();
    }
    unsafe { GC_malloc_atomic(size) }
}

/// Scanned memory that is never collected: type objects and other runtime roots.
pub fn alloc_root(size: usize) -> *mut u8 {
    unsafe { GC_malloc_uncollectable(size) }
}

/// Grows a block from `alloc`; the new tail is zeroed by the collector.
pub fn realloc(ptr: *mut u8, size: usize) -> *mut u8 {
    if size > MAX_ALLOC {
        return std::ptr::null_mut();
    }
    unsafe { GC_realloc(ptr, size) }
}

/// Runs `drop_in_place::<T>` on `obj` when the collector frees it: for objects that own memory
/// outside the collector (a big integer's digits).
pub fn drop_on_free<T>(obj: *mut T) {
    unsafe extern "C" fn run<T>(obj: *mut u8, _: *mut u8) {
        std::ptr::drop_in_place(obj as *mut T);
    }
    unsafe {
        GC_register_finalizer_no_order(
            obj as *mut u8,
            Some(run::<T>),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        )
    }
}

pub fn collect() {
    unsafe { GC_gcollect() }
}

pub fn heap_size() -> usize {
    unsafe { GC_get_heap_size() }
}

/// An `Allocator` over unscanned collector memory, for tables that hold indices only
/// (the dict's hash index). Freed by the collector once the owning object is unreachable.
#[derive(Clone, Copy, Default)]
pub struct AtomicGcAlloc;

unsafe impl allocator_api2::alloc::Allocator for AtomicGcAlloc {
    fn allocate(&self, layout: Layout) -> Result<NonNull<[u8]>, allocator_api2::alloc::AllocError> {
        // bdwgc aligns to 16 bytes, enough for every table we keep.
        let p = alloc_atomic(layout.size().max(1));
        match NonNull::new(p) {
            Some(p) => Ok(NonNull::slice_from_raw_parts(p, layout.size())),
            None => Err(allocator_api2::alloc::AllocError),
        }
    }
    unsafe fn deallocate(&self, _ptr: NonNull<u8>, _layout: Layout) {}
}

/// Rust's own heap (every `Vec`, `String` and `HashMap` of the runtime) lives in scanned,
/// uncollectable collector memory: a value held only by a Rust temporary stays alive.
pub struct RustHeap;

unsafe impl std::alloc::GlobalAlloc for RustHeap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > 16 {
            return std::ptr::null_mut();
        }
        GC_malloc_uncollectable(layout.size().max(1))
    }
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        GC_free(ptr)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() > 16 {
            return std::ptr::null_mut();
        }
        GC_realloc(ptr, new_size.max(1))
    }
}
