# kiln-test: native-only
# locale over kiln's native _locale: the locale CPython starts in (LC_CTYPE from the
# environment, the rest "C"), setlocale to C and back, localeconv, nl_langinfo,
# getpreferredencoding, getlocale, format_string with grouping, strcoll/strxfrm, and
# locale.Error for a locale that does not exist.
import locale
import sys

print(locale.getpreferredencoding(False))
print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_TIME, None))
start_ctype = locale.setlocale(locale.LC_CTYPE)
print(locale.getlocale())
print(locale.getlocale(locale.LC_NUMERIC))
if sys.version_info >= (3, 11):
    print(locale.getencoding() == locale.nl_langinfo(locale.CODESET))
conv = locale.localeconv()
print(conv['decimal_point'], repr(conv['thousands_sep']), conv['grouping'])
# CHAR_MAX ("not available") is 127 where char is signed (x86-64) and 255 where it is not
# (aarch64), in CPython as in kiln: print it by name.
print(sorted((k, 'CHAR_MAX' if v == locale.CHAR_MAX else v) for k, v in conv.items()))
print(locale.format_string("%d", 1234, grouping=True))
print(locale.format_string("%.2f and %s", (1234567.891, "x"), grouping=True))
print(locale.str(3.25), locale.atof("2.5"), locale.atoi("42"), locale.delocalize("1.5"))
print(locale.currency(1.5, symbol=False, grouping=False) if conv['frac_digits'] != locale.CHAR_MAX
      else "no currency in the C locale")

print(locale.setlocale(locale.LC_ALL, "C"))
print(locale.setlocale(locale.LC_ALL))
print(locale.getlocale(), locale.nl_langinfo(locale.CODESET))
print(locale.nl_langinfo(locale.RADIXCHAR), locale.nl_langinfo(locale.D_T_FMT))
print(locale.nl_langinfo(locale.DAY_1), locale.nl_langinfo(locale.ABMON_12),
      locale.nl_langinfo(locale.YESEXPR))
print(locale.setlocale(locale.LC_ALL, "POSIX"))
print(locale.strcoll("apple", "banana") < 0, locale.strcoll("b", "a") > 0,
      locale.strcoll("same", "same"))
print(locale.strxfrm("kiln"), sorted(["pear", "Apple", "fig"], key=locale.strxfrm))
print(locale.normalize("en_US"), locale.normalize("C.UTF-8"))

try:
    locale.setlocale(locale.LC_ALL, "xx_NOWHERE.UTF-8")
except locale.Error as e:
    print("locale.Error:", e, isinstance(e, Exception))
try:
    locale.nl_langinfo(123456789)
except ValueError as e:
    print("ValueError:", e)
try:
    locale.setlocale(12345, "C")
except locale.Error as e:
    print("locale.Error:", e)
print(locale.Error.__module__, locale.LC_ALL == locale.LC_ALL, locale.CHAR_MAX in (127, 255))

print(locale.setlocale(locale.LC_CTYPE, start_ctype))
print(locale.setlocale(locale.LC_ALL, "") == locale.setlocale(locale.LC_ALL))
print(locale.getlocale())
locale.setlocale(locale.LC_ALL, "C")
print(locale.getdefaultlocale()[1] if sys.version_info < (3, 11) else "UTF-8")
