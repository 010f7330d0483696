# kiln-test: native-only
# decimal (the pure _pydecimal over _contextvars) and fractions.
import decimal
from decimal import Decimal, localcontext, getcontext, ROUND_HALF_UP, ROUND_DOWN
from fractions import Fraction

print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), Decimal("0.1") * 3)
print(Decimal(10) ** -3, Decimal("2").sqrt(), Decimal("1.5").quantize(Decimal("1"), rounding=ROUND_HALF_UP))
print(Decimal("7.325").quantize(Decimal(".01"), rounding=ROUND_DOWN), Decimal(0.5), Decimal("-0"), Decimal("NaN"))
print(repr(Decimal("3.14")), str(Decimal("1e5")), Decimal("1E+2").normalize(), Decimal(2) == 2, hash(Decimal(5)) == hash(5))
print(Decimal("1.20") + Decimal("1.3"), Decimal("12.5") // 4, Decimal("12.5") % 4, -Decimal("3"), abs(Decimal("-2.5")))
print(sorted([Decimal("2.5"), Decimal("-1"), Decimal("10")]), max(Decimal("1"), Decimal("1.0")), int(Decimal("9.99")), float(Decimal("0.25")))
getcontext().prec = 5
print(Decimal(1) / Decimal(7), getcontext().prec)
with localcontext() as ctx:
    ctx.prec = 3
    print(Decimal(2).sqrt(), ctx.prec)
print(Decimal(2).sqrt(), getcontext().prec)
getcontext().prec = 28
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__)
try:
    Decimal("abc")
except decimal.InvalidOperation:
    print("InvalidOperation")
print(Decimal("1.23456789").as_tuple(), Decimal("12.34").to_integral_value(), Decimal(3).is_finite())
print(f"{Decimal('3.14159'):.2f}", "{:>8}".format(Decimal("2.5")), Decimal("1.00").to_eng_string())

print(Fraction(3, 4) + Fraction(1, 4), Fraction(1, 3) * 3, Fraction(5, 10), Fraction("3/7"), Fraction("1.25"))
print(Fraction(1, 3) - Fraction(1, 2), Fraction(2, 3) / Fraction(4, 9), Fraction(3, 2) ** 2, Fraction(-7, 2) // 1)
print(Fraction(0.75), Fraction(1, 3).limit_denominator(10), Fraction(22, 7).numerator, Fraction(22, 7).denominator)
print(float(Fraction(1, 8)), int(Fraction(7, 2)), round(Fraction(7, 2)), Fraction(1, 2) < 0.6, Fraction(1, 2) == 0.5)
print(repr(Fraction(2, 6)), hash(Fraction(1, 2)) == hash(0.5), Fraction(Decimal("1.5")), sum(Fraction(1, n) for n in range(1, 5)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(e)
