# kiln-test: native-only
# The native errno and time modules.
import errno
import time

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN == errno.EWOULDBLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EINTR], len(errno.errorcode) > 100)
try:
    open("/no/such/dir/file.txt")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
ns = time.time_ns()
time.sleep(0.05)
print(time.time() - t0 >= 0.04, time.monotonic() - m0 >= 0.04, time.perf_counter() - p0 >= 0.04)
print(type(ns).__name__, ns > 1_600_000_000 * 10 ** 9, abs(ns / 1e9 - t0) < 5)
print(time.process_time() >= 0, isinstance(time.monotonic_ns(), int))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
