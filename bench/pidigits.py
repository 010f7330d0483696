# Pi digits: Gibbons' unbounded spigot (linear fractional transformations on big integers),
# the first fifty printed ten a line as in the shootout. Arbitrary-precision multiply, add and floor
# division; the checksum is the digit sum and the last digits.
DIGITS = 7500


def pi_digits(count):
    q, r, t = 1, 0, 1
    k = 1
    digits = []
    while len(digits) < count:
        # Compose with the next term (k, 4k+2, 0, 2k+1).
        q, r, t = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1)
        k += 1
        if q > r:
            continue
        d = (3 * q + r) // t
        if d == (4 * q + r) // t:
            digits.append(d)
            # Extract the digit: multiply by 10 and subtract d.
            q, r = 10 * q, 10 * (r - d * t)
    return digits


def main():
    digits = pi_digits(DIGITS)
    text = "".join(str(d) for d in digits)
    for i in range(0, 50, 10):
        print(f"{text[i:i + 10]}\t:{i + 10}")
    print("checksum", sum(digits), text[-20:])


main()
