# Chaos game: iterate random affine maps (a Barnsley-style fern and a restricted pentagon game)
# and accumulate the visited points into a grid of counters. Float math, small method calls,
# an LCG, list-of-lists indexing; the checksum digests the grid.
POINTS = 1_100_000
GRID = 128


class Random:
    """A 48-bit linear congruential generator (the drand48 constants)."""

    def __init__(self, seed):
        self.state = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next_bits(self, bits):
        self.state = (self.state * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return self.state >> (48 - bits)

    def random(self):
        return self.next_bits(31) / 2147483648.0

    def below(self, n):
        return self.next_bits(31) % n


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


class Grid:
    def __init__(self, size, xmin, xmax, ymin, ymax):
        self.size = size
        self.cells = [[0] * size for _ in range(size)]
        self.xmin, self.ymin = xmin, ymin
        self.xscale = size / (xmax - xmin)
        self.yscale = size / (ymax - ymin)
        self.outside = 0

    def plot(self, x, y):
        col = int((x - self.xmin) * self.xscale)
        row = int((y - self.ymin) * self.yscale)
        if 0 <= col < self.size and 0 <= row < self.size:
            self.cells[row][col] += 1
        else:
            self.outside += 1

    def digest(self):
        total = 0
        filled = 0
        peak = 0
        for r, row in enumerate(self.cells):
            for c, n in enumerate(row):
                if n:
                    filled += 1
                    total = (total + n * (r * self.size + c + 1)) % 4_294_967_291
                    if n > peak:
                        peak = n
        return filled, peak, total, self.outside


def fern(rng, count, grid):
    maps = [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ]
    cumulative = []
    acc = 0.0
    for m in maps:
        acc += m.weight
        cumulative.append((acc, m))
    x, y = 0.0, 0.0
    for i in range(count):
        r = rng.random() * acc
        for limit, m in cumulative:
            if r < limit:
                break
        x, y = m.apply(x, y)
        if i >= 20:
            grid.plot(x, y)


def pentagon(rng, count, grid):
    # Vertices of a regular pentagon, from precomputed cos/sin of multiples of 72 degrees.
    unit = [(0.0, 1.0), (0.9510565162951535, 0.30901699437494745),
            (0.5877852522924732, -0.8090169943749473), (-0.5877852522924730, -0.8090169943749476),
            (-0.9510565162951536, 0.30901699437494723)]
    x, y = 0.1, 0.2
    last = -1
    for i in range(count):
        v = rng.below(5)
        if v == last:
            continue  # the restriction that makes the pattern: never the same vertex twice
        last = v
        vx, vy = unit[v]
        x = (x + vx) * 0.5
        y = (y + vy) * 0.5
        grid.plot(x, y)


def main():
    rng = Random(20240611)
    fern_grid = Grid(GRID, -2.2, 2.7, 0.0, 10.0)
    fern(rng, POINTS, fern_grid)
    penta_grid = Grid(GRID, -1.0, 1.0, -1.0, 1.0)
    pentagon(rng, POINTS, penta_grid)
    a = fern_grid.digest()
    b = penta_grid.digest()
    print("fern: filled", a[0], "peak", a[1], "outside", a[3])
    print("pentagon: filled", b[0], "peak", b[1], "outside", b[3])
    print("checksum", a[2], b[2], rng.next_bits(31))


main()
