# kiln-test: native-only
# datetime: date, time, datetime, timedelta, timezone arithmetic, formatting and parsing.
import datetime as dt

d = dt.date(2024, 2, 28)
print(d, repr(d), d.isoformat(), d.weekday(), d.isoweekday(), d.toordinal())
print(d + dt.timedelta(days=1), d + dt.timedelta(days=2), d - dt.date(2023, 12, 25))
print(d.replace(day=1), d.timetuple()[:7], d.isocalendar()[:3])
print(dt.date.fromordinal(738000), dt.date.fromisoformat("2021-07-04"))
print(d.strftime("%Y/%m/%d %A %B %j %a %b"), format(d, "%d.%m.%y"))
print(dt.date.max, dt.date.min, dt.date.resolution)

t = dt.time(13, 5, 9, 250)
print(t, repr(t), t.isoformat(), t.isoformat(timespec="minutes"), t.replace(hour=1))
print(t.strftime("%H:%M:%S.%f %p %I"))

x = dt.datetime(2023, 12, 31, 23, 59, 30, 500000)
print(x, repr(x), x.date(), x.time(), x.isoformat(sep=" "))
y = x + dt.timedelta(seconds=45)
print(y, y.year, y.month, y.day, y.hour, y.minute, y.second, y.microsecond)
print(y - x, x - y, (y - x).total_seconds(), abs(x - y))
print(dt.datetime.fromisoformat("2020-05-17T08:30:00"), dt.datetime.strptime("03/04/21 10:11", "%d/%m/%y %H:%M"))
print(dt.datetime.combine(d, t), x.strftime("%c"), x.ctime())
print(sorted([y, x, dt.datetime(2000, 1, 1)]), x < y, x == x.replace())

td = dt.timedelta(days=3, hours=25, minutes=-5, seconds=7.5, milliseconds=3)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(td * 2, td / 3, td // 4, td % dt.timedelta(hours=5), -td, td / dt.timedelta(hours=1))
print(dt.timedelta(microseconds=-1), dt.timedelta.max, dt.timedelta(0) == dt.timedelta())

utc = dt.timezone.utc
plus2 = dt.timezone(dt.timedelta(hours=2), "EET")
a = dt.datetime(2022, 6, 1, 12, 0, tzinfo=utc)
b = a.astimezone(plus2)
print(a, b, b.tzname(), b.utcoffset(), a == b, b - a, repr(plus2))
print(a.timestamp(), dt.datetime.fromtimestamp(0, utc), dt.date.fromtimestamp(86400 * 365), dt.datetime.fromtimestamp(1e9, plus2))
print(a.isoformat(), b.strftime("%Y-%m-%d %H:%M %Z %z"), dt.timezone(dt.timedelta(minutes=-90)))


class Fixed(dt.tzinfo):
    def utcoffset(self, when):
        return dt.timedelta(hours=-5)

    def dst(self, when):
        return dt.timedelta(0)

    def tzname(self, when):
        return "EST-ish"


c = dt.datetime(2022, 1, 1, tzinfo=Fixed())
print(c, c.tzname(), c.astimezone(utc), c.utctimetuple()[:6])

print(hash(d) == hash(dt.date(2024, 2, 28)), {d: 1}[dt.date(2024, 2, 28)])
print(dt.MINYEAR, dt.MAXYEAR, isinstance(x, dt.date), issubclass(dt.datetime, dt.date))
for bad in (lambda: dt.date(2023, 2, 29), lambda: dt.time(24), lambda: d - 1,
            lambda: dt.datetime.strptime("x", "%Y")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        # kiln compiles the pure-Python datetime, whose messages differ from _datetime's.
        print(type(e).__name__)
print({d: 1}[dt.date(1999, 1, 1)])
