# kiln-test: native-only
# time's calendar half: struct_time, gmtime, localtime, mktime, strftime, asctime, ctime,
# strptime and the time-zone constants, with CPython's argument checks.
import time

t = time.gmtime(1000000000)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday,
      t.tm_isdst, t.tm_zone, t.tm_gmtoff)
print(t[:3], type(t[:3]).__name__, len(t), t == tuple(t), hash(t) == hash(tuple(t)))
print(time.gmtime(0), time.gmtime(-1.5)[:6], time.gmtime(86399.999)[3:6])
print(time.struct_time(range(9)), time.struct_time(range(11)).tm_zone,
      time.struct_time(range(9)).tm_gmtoff)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields,
      time.struct_time.n_unnamed_fields, type(t).__name__)

print(time.asctime(t), "|", time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %w %%", t))
print(time.strftime("%Y %m %d %j %w", (2020, 0, 1, 0, 0, 0, 0, 0, 5)))
print(time.asctime((2020, 1, 0, 0, 0, 0, 9, 1, 0)), repr(time.strftime("")))
print(time.strftime("%Z|%z", time.struct_time((2020, 1, 1, 0, 0, 0, 0, 1, 0, "ABC", 3600))))

# Local time round trips whatever the machine's zone is.
now = time.time()
lt = time.localtime(now)
print(time.mktime(lt) == int(now), time.localtime(time.mktime(lt))[:6] == lt[:6])
print(time.ctime(now) == time.asctime(lt), len(time.ctime()), type(time.localtime()).__name__)
print(isinstance(time.timezone, int), isinstance(time.altzone, int), time.daylight in (0, 1),
      len(time.tzname), lt.tm_gmtoff == -(time.altzone if lt.tm_isdst > 0 else time.timezone))

p = time.strptime("2021-07-04 12:30:05", "%Y-%m-%d %H:%M:%S")
print(p[:9], type(p).__name__)
print(time.strptime("Sun Jul  4 12:30:05 2021")[:8])

bad_calls = [
    lambda: time.mktime((1, 2, 3)),
    lambda: time.mktime([1] * 9),
    lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0)),
    lambda: time.asctime((2020, 1, 1, 0, 60, 0, 0, 1, 0)),
    lambda: time.asctime((2020, 1, 1, 0, 0, 62, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 32, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0)),
    lambda: time.struct_time((1, 2)),
    lambda: time.struct_time(range(12)),
    lambda: time.struct_time(5),
    lambda: time.gmtime(float("nan")),
    lambda: time.gmtime(1e20),
    lambda: time.gmtime(2 ** 70),
    lambda: time.gmtime("x"),
    lambda: time.mktime((2020, 1, 1, 0, 0, 0, 0, 1, "a")),
    lambda: time.mktime((2020, 1, 1, 0, 0, 0, 0, 1, 1.5)),
    lambda: time.strftime(5),
    lambda: time.strptime("x2021", "%Y"),
]
for f in bad_calls:
    try:
        print(repr(f()))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
time.strptime("nope")
