# Nested finally bodies entered both normally and by an exception, with handlers, bare
# `raise`, `return`/`break`/`continue` through them and `with` blocks that swallow: the shapes
# that older bytecode (3.8's BEGIN_FINALLY/CALL_FINALLY, the block stack) compiles differently.


class Sock:
    def __init__(self, errno):
        self.errno = errno
        self.log = []

    def shutdown(self):
        self.log.append("shutdown")
        if self.errno:
            e = OSError("down")
            e.errno = self.errno
            raise e

    def close(self):
        self.log.append("close")


def close(sock, fail_first):
    try:
        if fail_first:
            raise KeyError("first")
    finally:
        if sock is not None:
            try:
                try:
                    sock.shutdown()
                except OSError as exc:
                    if exc.errno != 5 and exc.errno != 6:
                        raise
            finally:
                sock.close()


for errno in (0, 5, 7):
    for fail_first in (False, True):
        s = Sock(errno)
        try:
            close(s, fail_first)
            print(errno, fail_first, "ok", s.log)
        except (KeyError, OSError) as e:
            print(errno, fail_first, type(e).__name__, e, s.log)


def ret_through(n):
    log = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            try:
                if i == 2:
                    return log + ["returned at 2"]
            finally:
                log.append("inner %d" % i)
        finally:
            log.append("outer %d" % i)
    return log


print(ret_through(2))
print(ret_through(5))


class Swallow:
    def __init__(self, swallow):
        self.swallow = swallow

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("  exit", t.__name__ if t else None, self.swallow)
        return self.swallow


def with_paths(kind):
    try:
        with Swallow(kind == "swallow"):
            if kind != "plain":
                raise ValueError(kind)
            return "returned from with"
        return "after swallowed"
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("  finally", kind)


for k in ("plain", "swallow", "raise"):
    print(with_paths(k))


def handled_inside():
    try:
        raise TypeError("outer")
    except TypeError:
        try:
            raise ValueError("inner")
        except ValueError as e:
            print("inner handled", e)
        import sys
        print("still handling", sys.exc_info()[0].__name__)
    import sys
    print("after", sys.exc_info()[0])


handled_inside()
