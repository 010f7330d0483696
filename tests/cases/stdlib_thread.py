# kiln-test: native-only
# _thread with one thread: locks (acquire, release, timeouts, with), RLock, get_ident, and
# the threading module's Lock, RLock, Event, Condition and local over it.
import _thread
import threading

lock = _thread.allocate_lock()
print(type(lock).__name__, lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError", e)

ident = _thread.get_ident()
print(isinstance(ident, int), ident == threading.get_ident(), _thread.TIMEOUT_MAX > 0)

r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
r.release(), r.release(), r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("reentered")

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set())

cond = threading.Condition()
with cond:
    print("notify", cond.notify(), cond.notify_all(), cond.wait(0.01))

data = threading.local()
data.x = 5
print(data.x, getattr(data, "y", "no y"))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(),
      threading.active_count())

sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01))
sem.release()
sem.release()
sem.release()
