# Float: create many small objects with __slots__, normalize them and fold them with a running
# maximum (the idea of pyperformance's "float"). Object allocation, slot attributes, float math;
# the checksum is the maximized point's coordinates.
POINTS = 100_000
ROUNDS = 5


def sine(t):
    # Reduce to [-pi, pi] and use a Taylor series; deterministic plain float arithmetic.
    two_pi = 6.283185307179586
    t = t - two_pi * int(t / two_pi)
    if t > 3.141592653589793:
        t -= two_pi
    elif t < -3.141592653589793:
        t += two_pi
    t2 = t * t
    term = t
    total = t
    for k in range(1, 10):
        term = -term * t2 / ((2 * k) * (2 * k + 1))
        total += term
    return total


def cosine(t):
    return sine(t + 1.5707963267948966)


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sine(i)
        self.y = cosine(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return f"<Point: x={self.x:.9f}, y={self.y:.9f}, z={self.z:.9f}>"

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = (x * x + y * y + z * z) ** 0.5
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def benchmark(n, offset):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i + offset)
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    total = 0.0
    last = None
    for r in range(ROUNDS):
        last = benchmark(POINTS, r * 7)
        total += last.x + last.y + last.z
    print(last)
    print("checksum", f"{total:.9f}")


main()
