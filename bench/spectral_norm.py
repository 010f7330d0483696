# Spectral norm: power iteration on the infinite matrix A[i][j] = 1/((i+j)(i+j+1)/2 + i + 1).
# Float arithmetic in nested loops, zip/sum over lists; the checksum is the norm to 9 places.
N = 500
ITERATIONS = 10


def a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(i, j) * v[j]
        out.append(s)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(j, i) * v[j]
        out.append(s)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main():
    n = N
    u = [1.0] * n
    v = u
    for _ in range(ITERATIONS):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = sum(x * y for x, y in zip(u, v))
    vv = sum(x * x for x in v)
    norm = (vbv / vv) ** 0.5
    print(f"{norm:.9f}")
    print("checksum", f"{norm:.9f}", f"{sum(u):.6f}")


main()
