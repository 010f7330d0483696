# Fannkuch-redux: count pancake flips over every permutation of 0..N-1 (counting-rotation order).
# List slicing, reversal and pop/insert; the checksum is the alternating flip sum and the maximum.
N = 9
REPEAT = 3


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    odd = False
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        k = perm1[0]
        if k:
            perm = perm1[:]
            flips = 0
            while k:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            if odd:
                checksum -= flips
            else:
                checksum += flips
        # Advance to the next permutation by rotating the shortest exhausted prefix.
        while True:
            if r == n:
                return checksum, max_flips
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        odd = not odd


def main():
    results = []
    for _ in range(REPEAT):
        results.append(fannkuch(N))
    for n in range(3, N):
        results.append(fannkuch(n))
    checksum, flips = results[0]
    print(f"Pfannkuchen({N}) = {flips}")
    print("checksum", checksum, flips, sum(c for c, _ in results), sum(f for _, f in results))


main()
