# String formatting: render pseudo-random sales records into report lines with f-string format
# specs (width, alignment, fill, sign, thousands separators, precision, e/g/%/x/b types),
# str.format, %-formatting and str methods, then digest the text. The checksum is the report's
# length and a rolling hash of its characters.
RECORDS = 110_000


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 6364136223846793005 + 1) & 0xFFFFFFFFFFFFFFFF
        return (self.x >> 35) % n


REGIONS = ["north", "south", "east", "west", "central"]
PRODUCTS = ["widget", "gadget", "doohickey", "gizmo", "thingamajig", "whatsit"]


class Sale:
    __slots__ = ("ident", "region", "product", "units", "price", "discount")

    def __init__(self, rng, ident):
        self.ident = ident
        self.region = REGIONS[rng.next(len(REGIONS))]
        self.product = PRODUCTS[rng.next(len(PRODUCTS))]
        self.units = rng.next(5000) - 200
        self.price = rng.next(100_000) / 100
        self.discount = rng.next(40) / 200

    @property
    def total(self):
        return self.units * self.price * (1 - self.discount)

    def __format__(self, spec):
        if spec == "short":
            return f"{self.product[:3].upper()}-{self.ident:05d}"
        return f"{self.region}/{self.product}#{self.ident}"


def line_fstring(s):
    return (f"{s:short} | {s.region:<8}|{s.product:^13}|{s.units:>+7d} | {s.price:>9,.2f} | "
            f"{s.discount:>6.1%} | {s.total:>14,.3f} | {s.total:12.4e} | {s.price:g} | "
            f"{s.ident:#06x} {s.ident % 256:08b} {s.units:_>9}")


def line_format(s):
    return "{0:>6} {1!r:>12} {2:*<10} {3:.3f} {total:+.2f} {4:o}".format(
        s.ident, s.region, s.product, s.price, s.units & 0o777, total=s.total)


def line_percent(s):
    return "%-8s %5d %10.3f %-6.2e %x %s %r %%" % (s.region, s.units, s.price, s.total,
                                                  s.ident, s.product.title(), s.discount)


def summary(sales):
    by_region = {}
    for s in sales:
        agg = by_region.setdefault(s.region, [0, 0.0])
        agg[0] += s.units
        agg[1] += s.total
    rows = []
    for region in sorted(by_region):
        units, total = by_region[region]
        rows.append(f"{region.capitalize():.<12}{units:>10,}{round(total, 2):>18,.2f}")
    return rows


def main():
    rng = Lcg(31337)
    sales = [Sale(rng, i) for i in range(RECORDS)]
    lines = []
    for s in sales:
        lines.append(line_fstring(s))
        lines.append(line_format(s))
        lines.append(line_percent(s))
    lines.extend(summary(sales))
    report = "\n".join(lines)
    digest = 0
    for part in report.split("|"):
        digest = (digest * 131 + len(part.strip()) + part.count("0")) % 1_000_000_007
    for line in lines[:3]:
        print(line)
    for line in lines[-5:]:
        print(line)
    print("checksum", len(report), digest, report.count("e+"), report.count("-"))


main()
