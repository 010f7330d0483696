# kiln's `_thread`: the lock API for a program with one thread (kiln's runtime runs one). A lock
# that is already held cannot be acquired again without a timeout: that would wait forever,
# so it fails at once (blocking) or after no wait (timeout), as a lone thread would see it.
import time as _time

error = RuntimeError
TIMEOUT_MAX = 9223372036.0
_MAIN_IDENT = 1


def get_ident():
    return _MAIN_IDENT


def get_native_id():
    return _MAIN_IDENT


def _count():
    return 0


def stack_size(size=0, /):
    if size:
        raise ValueError("setting the stack size is not supported")
    return 0


def start_new_thread(function, args, kwargs=None, /):
    raise RuntimeError("can't start new thread: kiln programs run on one thread")


start_new = start_new_thread


class _ThreadHandle:
    """Python 3.13's handle on a thread; kiln only ever has handles on the main thread."""

    def __init__(self, ident=None):
        self.ident = ident
        self._done = False

    def is_done(self):
        return self._done

    def _set_done(self):
        self._done = True

    def join(self, timeout=None):
        if self.ident == _MAIN_IDENT and not self._done:
            raise RuntimeError("Cannot join current thread")

    def __repr__(self):
        return f"<_thread._ThreadHandle object: ident={self.ident}>"


def start_joinable_thread(function, handle=None, daemon=True):
    raise RuntimeError("can't start new thread: kiln programs run on one thread")


def _make_thread_handle(ident, /):
    return _ThreadHandle(ident)


def _get_main_thread_ident():
    return _MAIN_IDENT


def _is_main_interpreter():
    return True


def _shutdown():
    pass


def interrupt_main(signum=2, /):
    raise KeyboardInterrupt


def daemon_threads_allowed():
    return True


class lock:
    def __init__(self):
        self._held = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be positive")
        if not self._held:
            self._held = True
            return True
        if blocking and timeout < 0:
            raise RuntimeError("deadlock: the only thread waits for a lock it holds")
        if blocking and timeout > 0:
            _time.sleep(timeout)
        return False

    def release(self):
        if not self._held:
            raise RuntimeError("release unlocked lock")
        self._held = False

    def locked(self):
        return self._held

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._held = False

    def __repr__(self):
        state = "locked" if self._held else "unlocked"
        return f"<{state} _thread.lock object at {hex(id(self))}>"


LockType = lock


def allocate_lock():
    return lock()


allocate = allocate_lock


class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def _is_owned(self):
        return self._count > 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._count = 0

    def __repr__(self):
        state = "locked" if self._count else "unlocked"
        return f"<{state} _thread.RLock object owner={_MAIN_IDENT if self._count else 0} count={self._count} at {hex(id(self))}>"


class _local:
    pass


def _set_sentinel():
    return LockType()


def _excepthook(args, /):
    pass


class _ExceptHookArgs:
    pass
