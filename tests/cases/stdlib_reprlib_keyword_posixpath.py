# kiln-test: native-only
# Three small pure modules compiled from the interpreter's Lib: reprlib (Repr limits,
# recursive_repr), keyword (kwlist, iskeyword, softkwlist where it exists) and posixpath
# (join, split, normpath, relpath, expanduser with HOME set, splitext, commonpath).
import keyword
import os
import posixpath
import reprlib
import sys

print(reprlib.repr(list(range(100))))
print(reprlib.repr("x" * 100))
print(reprlib.repr({i: str(i) for i in range(20)}))
print(reprlib.repr(set(range(3))), reprlib.repr((1, 2, 3, 4, 5, 6, 7, 8)))
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
print(r.repr([1, 2, 3, 4, 5]), r.repr("abcdefghijklmnop"), r.repr([[1, [2, [3, [4, [5]]]]]]))


class Tree:
    def __init__(self):
        self.kids = [self]

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Tree(%r)" % self.kids


print(repr(Tree()))

print(len(keyword.kwlist) > 30, keyword.iskeyword("for"), keyword.iskeyword("print"))
print("async" in keyword.kwlist, "await" in keyword.kwlist, "True" in keyword.kwlist)
print(getattr(keyword, "softkwlist", ["match"])[:1] in (["_"], ["match"], []),
      keyword.issoftkeyword("match") if hasattr(keyword, "issoftkeyword") else True)

print(posixpath.join("a", "b", "c"), posixpath.join("/a", "/b"), posixpath.join("a/", "b"))
print(posixpath.split("/usr/lib/python3"), posixpath.split("file"), posixpath.split("/"))
print(posixpath.normpath("a//b/./c/../d"), posixpath.normpath("/../x"), posixpath.normpath(""))
print(posixpath.splitext("archive.tar.gz"), posixpath.splitext(".bashrc"), posixpath.splitext("a/b"))
print(posixpath.basename("/x/y.txt"), posixpath.dirname("/x/y.txt"), posixpath.isabs("/x"))
print(posixpath.relpath("/a/b/c", "/a/d"), posixpath.commonpath(["/a/b/c", "/a/b/d"]))
print(posixpath.commonprefix(["interstellar", "internet", "interval"]))
os.environ["HOME"] = "/home/kiln"
print(posixpath.expanduser("~/notes"), posixpath.expanduser("plain"))
os.environ["KILN_VAR"] = "value"
print(posixpath.expandvars("$KILN_VAR/x ${KILN_VAR} $NOPE_NOT_SET"))
print(posixpath.splitdrive("/a/b"), posixpath.sep, posixpath.pathsep, posixpath.curdir)
print(os.path is posixpath, posixpath.abspath("/a/./b"), posixpath.realpath("/") == "/")
try:
    posixpath.join("a", 3)
except TypeError as e:
    print("TypeError:", e)
try:
    posixpath.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError:", e)
posixpath.relpath("")
