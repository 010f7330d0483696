//! The runtime's allocation API, backed by Boehm's conservative collector (bdwgc).
//!
//! Every Python object lives in collector memory. Objects that hold values are allocated with
//! `alloc` (scanned); objects that hold only bytes or numbers with `alloc_atomic` (not scanned).
//! Buffers that hold values (list items, dict entries) must come from `alloc` too, so the collector
//! sees every live reference. Nothing else in the runtime calls bdwgc directly.

use std::alloc::Layout;
use std::cell::Cell;
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
    fn GC_expand_hp(bytes: usize) -> i32;
    fn GC_set_markers_count(n: u32);
    fn GC_set_free_space_divisor(n: usize);
    fn GC_generic_malloc_many(lb: usize, kind: i32, result: *mut *mut u8);
}

/// Largest single allocation the runtime attempts; bigger requests are a `MemoryError`.
pub const MAX_ALLOC: usize = 1 << 46;

/// The heap the collector starts with. With bdwgc's default (a few hundred KiB) a program that
/// makes many short-lived objects (every float result is one) collects thousands of times, each
/// time scanning all roots: nbody spent a third of its time there. 32 MiB cuts that to a few
/// dozen collections for about 35 MiB more resident memory at most. `GC_INITIAL_HEAP_SIZE` in
/// the environment overrides it, as bdwgc documents.
const INITIAL_HEAP: usize = 32 << 20;

pub fn init() {
    unsafe {
        // One marking thread (the program's own) unless `GC_MARKERS` says otherwise, as bdwgc
        // documents. Compiled programs run one thread; a helper marker only pays on an idle
        // machine with a large heap, and on a loaded one the collection waits for it to be
        // scheduled: float_points ran 10-25% faster with one marker on a busy 2-core machine.
        if std::env::var_os("GC_MARKERS").is_none() {
            GC_set_markers_count(1);
        }
        GC_init();
        if std::env::var_os("GC_INITIAL_HEAP_SIZE").is_none() {
            GC_expand_hp(INITIAL_HEAP);
        }
        // Collect when the allocation since the last collection reaches the heap's size (bdwgc's
        // default, a third of it, marks a large live set three times as often): float_points,
        // 100 000 live objects, spent a quarter of its instructions marking, 13% fewer in all
        // with this; peak memory about the same. `GC_FREE_SPACE_DIVISOR` overrides it.
        if std::env::var_os("GC_FREE_SPACE_DIVISOR").is_none() {
            GC_set_free_space_divisor(1);
        }
        let float_class = (std::mem::size_of::<crate::objects::float::FloatObject>() + EXTRA_BYTE)
            .div_ceil(GRANULE);
        kiln_float_pool = std::ptr::addr_of_mut!(POOLS[KIND_PTRFREE][float_class]);
        STRESS_EVERY = std::env::var("KILN_GC_STRESS")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        STRESS_LEFT = STRESS_EVERY;
    }
}

/// Collector stress mode: with `KILN_GC_STRESS=N` in the environment, a full collection runs
/// before every N-th object allocation (1: before every one), so a value the collector cannot
/// see is freed at once and shows up as a wrong result or a crash in the tests.
static mut STRESS_EVERY: u64 = 0;
static mut STRESS_LEFT: u64 = 0;

#[cold]
fn stress_tick() {
    unsafe {
        STRESS_LEFT -= 1;
        if STRESS_LEFT == 0 {
            STRESS_LEFT = STRESS_EVERY;
            GC_gcollect();
        }
    }
}

/// Scanned, zeroed memory. Null when the collector cannot provide it.
#[inline]
pub fn alloc(size: usize) -> *mut u8 {
    if size > MAX_ALLOC {
        return std::ptr::null_mut();
    }
    if unsafe { STRESS_EVERY } != 0 {
        stress_tick();
    } else if size <= POOL_MAX {
        // (Stress mode bypasses the pools: every allocation is the collector's own.)
        return unsafe { pool_alloc(size, KIND_NORMAL) };
    }
    unsafe { GC_malloc(size) }
}

/// Unscanned memory (not zeroed): for bytes and numbers only.
#[inline]
pub fn alloc_atomic(size: usize) -> *mut u8 {
    if size > MAX_ALLOC {
        return std::ptr::null_mut();
    }
    if unsafe { STRESS_EVERY } != 0 {
        stress_tick();
    } else if size <= POOL_MAX {
        // (Stress mode bypasses the pools: every allocation is the collector's own.)
        return unsafe { pool_alloc(size, KIND_PTRFREE) };
    }
    unsafe { GC_malloc_atomic(size) }
}

/// Small objects come from the runtime's own pools, one per kind and size class, refilled a
/// collector block at a time (`GC_generic_malloc_many`): taking one is a few instructions where
/// `GC_malloc_kind` spent about 45 finding its thread's free list (every float result is an
/// allocation: half of nbody's instructions were the allocator). The pools are arrays in the
/// program's data, which the collector scans as roots, so a pooled object stays alive and is
/// never handed out twice; the batch's own links run through the objects, which the collector
/// does not trace for unscanned objects, so they are not kept.
const POOL_MAX: usize = 256;
const POOL_CLASSES: usize = POOL_MAX / GRANULE + 2;
/// A collector block (4 KiB) holds at most 256 objects of the smallest class; a longer batch's
/// tail is left to the next collection.
const POOL_CAP: usize = 256;
const KIND_PTRFREE: usize = 0;
const KIND_NORMAL: usize = 1;

/// The layout compiled code relies on (its inline float boxing takes from the float pool):
/// keep the offsets in step with codegen's `POOL_*_OFFSET`.
#[repr(C)]
pub struct Pool {
    next: usize,
    end: usize,
    slot: [*mut u8; POOL_CAP],
}

const EMPTY_POOL: Pool = Pool {
    next: 0,
    end: 0,
    slot: [std::ptr::null_mut(); POOL_CAP],
};

/// The byte the collector adds to every object when it recognizes interior pointers, as it
/// does here (so a pointer just past an object does not keep the next one alive): a class
/// holds objects of up to `class * GRANULE - EXTRA_BYTE` bytes in blocks of `class * GRANULE`,
/// as `GC_malloc` rounds them (`GC_generic_malloc_many` takes the block size itself). A
/// constant, so an object of constant size has a constant class.
const EXTRA_BYTE: usize = 1;

static mut POOLS: [[Pool; POOL_CLASSES]; 2] = [const { [EMPTY_POOL; POOL_CLASSES] }; 2];

/// The pool floats come from (unscanned objects of `FloatObject`'s size), for compiled float
/// arithmetic, which boxes its results from it inline and calls the runtime when it is empty.
/// Stays empty in collector stress mode, where allocations bypass the pools.
#[no_mangle]
pub static mut kiln_float_pool: *mut Pool = std::ptr::null_mut();

/// One object of `size` (at most `POOL_MAX`) bytes of `kind`; scanned objects come zeroed.
#[inline(always)]
unsafe fn pool_alloc(size: usize, kind: usize) -> *mut u8 {
    let class = (size + EXTRA_BYTE).div_ceil(GRANULE).max(1);
    let pool = &mut *std::ptr::addr_of_mut!(POOLS[kind][class]);
    if pool.next == pool.end && !refill(pool, class, kind) {
        return std::ptr::null_mut();
    }
    // `next < end <= POOL_CAP`: `refill` fills `slot[..end]`.
    let slot = pool.slot.get_unchecked_mut(pool.next);
    let p = *slot;
    // Cleared, so the pool does not keep a handed-out object alive after its owner lets go.
    *slot = std::ptr::null_mut();
    pool.next += 1;
    if kind == KIND_NORMAL {
        // The batch's link word; the collector cleared the rest.
        *(p as *mut usize) = 0;
    }
    p
}

#[cold]
#[inline(never)]
unsafe fn refill(pool: &mut Pool, class: usize, kind: usize) -> bool {
    let mut p: *mut u8 = std::ptr::null_mut();
    GC_generic_malloc_many(class * GRANULE, kind as i32, &mut p);
    let mut n = 0;
    while !p.is_null() && n < POOL_CAP {
        pool.slot[n] = p;
        n += 1;
        p = *(p as *mut *mut u8);
    }
    pool.next = 0;
    pool.end = n;
    n > 0
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
///
/// bdwgc takes its allocation lock for every uncollectable block, which made short-lived
/// vectors (argument lists, slice assignments, collected iterables) a third of some programs'
/// time; small blocks are therefore recycled through per-thread free lists of size classes.
pub struct RustHeap;

/// Blocks up to this size are recycled; bigger ones go straight to the collector.
const SMALL_MAX: usize = 512;
const GRANULE: usize = 16;
const CLASSES: usize = SMALL_MAX / GRANULE + 1;
/// At most this many free blocks are kept per class; more go back to the collector.
const KEEP: u32 = 1024;

/// One thread's free lists: the first free block of each class (linked through its first
/// word) and how many blocks each list holds.
struct FreeLists {
    head: [Cell<*mut u8>; CLASSES],
    count: [Cell<u32>; CLASSES],
}

std::thread_local! {
    static FREE: FreeLists = const {
        FreeLists {
            head: [const { Cell::new(std::ptr::null_mut()) }; CLASSES],
            count: [const { Cell::new(0) }; CLASSES],
        }
    };
}

/// The size class of a small layout, None for blocks the free lists do not handle.
#[inline(always)]
fn class_of(layout: &Layout) -> Option<usize> {
    (layout.size() <= SMALL_MAX && layout.align() <= GRANULE)
        .then(|| layout.size().max(1).div_ceil(GRANULE))
}

/// `p`, unless the collector could not give the runtime's own Rust code its memory. Rust's
/// collections cannot raise MemoryError (sizes users control are checked against [`MAX_ALLOC`]
/// before they get here), and Rust's reaction, an abort, would lose the buffered output: the
/// program ends as an uncaught MemoryError ends it instead, output written, status 1.
#[inline(always)]
fn or_out_of_memory(p: *mut u8, size: usize) -> *mut u8 {
    if p.is_null() {
        out_of_memory(size)
    }
    p
}

#[cold]
#[inline(never)]
fn out_of_memory(size: usize) -> ! {
    crate::io::flush_stdout();
    crate::objects::file::flush_all();
    let msg = format!("kiln: the runtime could not allocate {size} bytes\nMemoryError\n");
    crate::io::write_fd(2, msg.as_bytes());
    std::process::exit(1)
}

unsafe impl std::alloc::GlobalAlloc for RustHeap {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() > GRANULE {
            return std::ptr::null_mut();
        }
        if let Some(c) = class_of(&layout) {
            let p = FREE.with(|f| {
                let p = f.head[c].get();
                if !p.is_null() {
                    f.head[c].set(*(p as *mut *mut u8));
                    *(p as *mut *mut u8) = std::ptr::null_mut();
                    f.count[c].set(f.count[c].get() - 1);
                }
                p
            });
            if !p.is_null() {
                return p;
            }
            return or_out_of_memory(GC_malloc_uncollectable(c * GRANULE), c * GRANULE);
        }
        or_out_of_memory(GC_malloc_uncollectable(layout.size().max(1)), layout.size())
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some(c) = class_of(&layout) {
            let kept = FREE.with(|f| {
                if f.count[c].get() >= KEEP {
                    return false;
                }
                // Cleared, so a stale value in a free block keeps nothing alive (the block is
                // still scanned: it is uncollectable).
                // (Constant sizes for the commonest classes: stores, not a call to memset.)
                match c {
                    1 => std::ptr::write_bytes(ptr, 0, GRANULE),
                    2 => std::ptr::write_bytes(ptr, 0, 2 * GRANULE),
                    3 => std::ptr::write_bytes(ptr, 0, 3 * GRANULE),
                    4 => std::ptr::write_bytes(ptr, 0, 4 * GRANULE),
                    _ => std::ptr::write_bytes(ptr, 0, c * GRANULE),
                }
                *(ptr as *mut *mut u8) = f.head[c].get();
                f.head[c].set(ptr);
                f.count[c].set(f.count[c].get() + 1);
                true
            });
            if kept {
                return;
            }
        }
        GC_free(ptr)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() > GRANULE {
            return std::ptr::null_mut();
        }
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        match (class_of(&layout), class_of(&new_layout)) {
            (Some(a), Some(b)) if a == b => ptr,
            (None, None) => or_out_of_memory(GC_realloc(ptr, new_size.max(1)), new_size),
            _ => {
                let q = self.alloc(new_layout);
                if !q.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, q, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                q
            }
        }
    }
}
