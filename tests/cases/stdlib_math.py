# The native math module: float functions on libm (bit-identical reprs), integer functions on
# big ints, and CPython's domain and range errors.
import math

for x in [0.0, 0.5, 1.0, 2.0, 10.0, 1e-10, 123.456]:
    print(x, repr(math.sqrt(x)), repr(math.exp(x)), repr(math.sin(x)), repr(math.cos(x)),
          repr(math.tan(x)), repr(math.atan(x)), repr(math.log1p(x)), repr(math.expm1(x)))
for x in [0.5, 1.0, 2.5, 100.0, 1e300]:
    print(repr(math.log(x)), repr(math.log2(x)), repr(math.log10(x)), repr(math.log(x, 3)))
print(math.log(2 ** 1000), math.log2(2 ** 1000), math.log10(10 ** 400), math.log(10 ** 500, 10))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(1e20), math.ceil(7))
print(math.floor(True), type(math.floor(True)).__name__, math.trunc(3.99))
print(math.fabs(-3), math.copysign(2, -0.0), math.fmod(7.5, 2), math.fmod(-7.5, 2))
print(math.modf(3.25), math.modf(-3.25), math.frexp(8.0), math.frexp(0.1), math.frexp(-1e-310))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.hypot(3, 4), math.hypot(1, 2, 3))
print(math.dist((1, 2), (4, 6)), math.atan2(1, -1), math.degrees(math.pi), math.radians(180))
print(math.pow(2, 10), math.pow(2.5, 0.5), math.pow(-8, 1 / 3) if False else "skip")
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.inf))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.factorial(20), math.factorial(30), math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6))
print(math.isqrt(10 ** 30), math.isqrt(99), math.comb(10, 3), math.comb(100, 50), math.perm(5, 2))
print(math.perm(5), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2], start=2))
print(math.gamma(5), math.gamma(1), math.lgamma(1), math.lgamma(2), math.erf(0.5), math.erfc(0.5))
print(math.asinh(1), math.acosh(2), math.atanh(0.5), math.sinh(1), math.cosh(1), math.tanh(1))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)


class Half:
    def __float__(self):
        return 0.5

    def __index__(self):
        return 7


print(math.sqrt(Half()), math.factorial(Half()), math.floor(2 ** 70 + 0.0))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-5), lambda: math.acos(2),
            lambda: math.exp(1000), lambda: math.factorial(-1), lambda: math.factorial(2.0),
            lambda: math.floor(math.nan), lambda: math.ceil(math.inf), lambda: math.sqrt("x"),
            lambda: math.pow(0, -1), lambda: math.gamma(0), lambda: math.comb(-1, 2),
            lambda: math.fmod(math.inf, 1), lambda: math.ldexp(1.0, 5000)]:
    try:
        print("no error", bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(math.sqrt(-1))
