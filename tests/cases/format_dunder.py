# format(), str.format and f-strings call a class's own __format__ with any spec.
class Fmt:
    def __format__(self, spec):
        return "Fmt:" + spec


print(f"{Fmt():short}", format(Fmt(), "ab"), "{:x}".format(Fmt()), f"{Fmt()}")


class Money(float):
    def __format__(self, spec):
        return "$" + float.__format__(self, spec or ".2f")


print(f"{Money(3.14159)}", f"{Money(2.5):.1f}", "{0:>6}".format(Money(1)))
