# kiln's `time` module: the clocks and `sleep` of the runtime's `_kiln_time`, and the calendar
# half of CPython's `time` (`struct_time`, `gmtime`, `localtime`, `mktime`, `strftime`,
# `asctime`, `ctime`, `strptime`, the time-zone constants) over its C-library conversions.
# Argument checks and messages follow CPython's `Modules/timemodule.c`.

import sys as _sys
import _kiln_time as _raw
from _kiln_time import (time, time_ns, monotonic, monotonic_ns, perf_counter,
                        perf_counter_ns, process_time, process_time_ns, thread_time, sleep)

CLOCK_REALTIME = 0
CLOCK_MONOTONIC = 1
CLOCK_PROCESS_CPUTIME_ID = 2
CLOCK_THREAD_CPUTIME_ID = 3

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
           'tm_wday', 'tm_yday', 'tm_isdst')
_STRUCT_TM_ITEMS = 11
_TIME_T_MIN = -(1 << 63)
_TIME_T_MAX = (1 << 63) - 1


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
    accepted by asctime(), mktime() and strftime()."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, sequence, dict=None):
        try:
            seq = tuple(sequence)
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence "
                            "(%d-sequence given)" % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence "
                            "(%d-sequence given)" % len(seq))
        self = tuple.__new__(cls, seq[:9])
        extra = seq[9:] + (None,) * (11 - len(seq))
        self._zone, self._gmtoff = extra
        return self

    tm_year = property(lambda self: self[0], doc="year, for example, 1993")
    tm_mon = property(lambda self: self[1], doc="month of year, range [1, 12]")
    tm_mday = property(lambda self: self[2], doc="day of month, range [1, 31]")
    tm_hour = property(lambda self: self[3], doc="hours, range [0, 23]")
    tm_min = property(lambda self: self[4], doc="minutes, range [0, 59]")
    tm_sec = property(lambda self: self[5], doc="seconds, range [0, 61])")
    tm_wday = property(lambda self: self[6], doc="day of week, range [0, 6], Monday is 0")
    tm_yday = property(lambda self: self[7], doc="day of year, range [1, 366]")
    tm_isdst = property(lambda self: self[8], doc="1 if summer time is in effect, 0 if not, "
                        "and -1 if unknown")
    tm_zone = property(lambda self: self._zone, doc="abbreviation of timezone name")
    tm_gmtoff = property(lambda self: self._gmtoff, doc="offset from UTC in seconds")

    def __repr__(self):
        return 'time.struct_time(' + ', '.join(
            '%s=%r' % (n, v) for n, v in zip(_FIELDS, self)) + ')'

    def __reduce__(self):
        return (struct_time, (tuple(self), {'tm_zone': self._zone,
                                            'tm_gmtoff': self._gmtoff}))


_OLD_MESSAGES = _sys.version_info < (3, 10)


def _index(x, field=False):
    """`x` as an int, as C's "i" argument format (`field`) or a time_t conversion takes it."""
    if isinstance(x, int):
        return int(x)
    index = getattr(type(x), '__index__', None)
    if index is None:
        name = type(x).__name__
        if not _OLD_MESSAGES:
            raise TypeError("'%s' object cannot be interpreted as an integer" % name)
        if field and isinstance(x, float):
            raise TypeError("integer argument expected, got float")
        raise TypeError("an integer is required (got type %s)" % name)
    return index(x)


def _time_t(secs):
    """`secs` (None: now) as whole seconds, rounded toward minus infinity."""
    if secs is None:
        secs = time()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        if not (-9.3e18 < secs < 9.3e18):
            raise OverflowError("timestamp out of range for platform time_t")
        whole = int(secs)
        if whole > secs:
            whole -= 1
        secs = whole
    else:
        secs = _index(secs)
    if not (_TIME_T_MIN <= secs <= _TIME_T_MAX):
        raise OverflowError("timestamp out of range for platform time_t")
    return secs


def gmtime(seconds=None):
    """Convert seconds since the Epoch to a time tuple expressing UTC."""
    return struct_time(_raw.broken_down(_time_t(seconds), False))


def localtime(seconds=None):
    """Convert seconds since the Epoch to a time tuple expressing local time."""
    return struct_time(_raw.broken_down(_time_t(seconds), True))


def _fields(who, t):
    """The nine ints of a time tuple, and its zone and offset (struct_time only)."""
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError("%s(): illegal time tuple argument" % who)
    fields = [_index(x, True) for x in t]
    if isinstance(t, struct_time):
        return fields, t.tm_zone, t.tm_gmtoff
    return fields, None, None


def _checked(who, t):
    """`_fields`, normalized and range-checked as CPython does before strftime and asctime."""
    if t is None:
        t = localtime()
    f, zone, gmtoff = _fields(who, t)
    if f[1] == 0:
        f[1] = 1
    elif not 1 <= f[1] <= 12:
        raise ValueError("month out of range")
    if f[2] == 0:
        f[2] = 1
    elif not 0 <= f[2] <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= f[3] <= 23:
        raise ValueError("hour out of range")
    if not 0 <= f[4] <= 59:
        raise ValueError("minute out of range")
    if not 0 <= f[5] <= 61:
        raise ValueError("seconds out of range")
    # C's remainder: a negative weekday stays negative.
    wday = f[6] + 1
    if wday < 0:
        raise ValueError("day of week out of range")
    f[6] = wday % 7 - 1
    if f[7] == 0:
        f[7] = 1
    elif not 0 <= f[7] <= 366:
        raise ValueError("day of year out of range")
    if f[8] < -1:
        f[8] = -1
    elif f[8] > 1:
        f[8] = 1
    return f, zone, gmtoff


def mktime(t):
    """Convert a time tuple in local time to seconds since the Epoch."""
    f, _zone, _gmtoff = _fields('mktime', t)
    return _raw.mktime(*f)


def strftime(format, t=None):
    """Convert a time tuple to a string according to a format specification."""
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    f, zone, gmtoff = _checked('strftime', t)
    return _raw.strftime(format, *f, zone, gmtoff)


_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
           'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def _asctime(f):
    return '%s %s%3d %.2d:%.2d:%.2d %d' % (_DAYS[f[6]], _MONTHS[f[1] - 1], f[2],
                                          f[3], f[4], f[5], f[0])


def asctime(t=None):
    """Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."""
    return _asctime(_checked('asctime', t)[0])


def ctime(seconds=None):
    """Convert a time in seconds since the Epoch to a string in local time."""
    return _asctime(list(localtime(seconds)))


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    """Parse a string to a time tuple according to a format specification."""
    import _strptime
    return _strptime._strptime_time(string, format)


def _zones():
    # As CPython does on glibc: the offsets and names of January and July of this year.
    year = 365 * 24 * 3600 + 6 * 3600
    t = int(time()) // year * year
    jan = _raw.broken_down(t, True)
    jul = _raw.broken_down(t + year // 2, True)
    janzone, julzone = -jan[10], -jul[10]
    janname, julname = jan[9] or '', jul[9] or ''
    if janzone < julzone:
        # Summer time is in January: the southern hemisphere.
        return julzone, janzone, int(janzone != julzone), (julname, janname)
    return janzone, julzone, int(janzone != julzone), (janname, julname)


def tzset():
    """Initialize, or reinitialize, the local timezone to the value of TZ."""
    global timezone, altzone, daylight, tzname
    timezone, altzone, daylight, tzname = _zones()


tzset()
