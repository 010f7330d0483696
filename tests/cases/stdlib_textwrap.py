# kiln-test: native-only
# textwrap compiled from the interpreter's standard library (over re): wrap, fill, shorten,
# dedent, indent, TextWrapper's options.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. " * 4).strip()
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=25, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten(text, width=40), textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten(text, 30, placeholder=" [...]"))
print(repr(textwrap.dedent("""\
    def f():
        return 1
    """)))
print(repr(textwrap.dedent("  a\n\t b\n")), repr(textwrap.dedent("   x\n\n   y")))
print(textwrap.indent("a\nb\n\nc", "+ "), textwrap.indent("a\n b", "> ", lambda line: line.startswith(" ")))
w = textwrap.TextWrapper(width=12, break_long_words=True, max_lines=3, placeholder="~")
print(w.wrap("supercalifragilisticexpialidocious is a long word indeed"))
w = textwrap.TextWrapper(width=10, break_long_words=False, break_on_hyphens=True)
print(w.wrap("a well-known hyphenated-expression here"))
w = textwrap.TextWrapper(width=20, expand_tabs=True, tabsize=4, replace_whitespace=True,
                         drop_whitespace=False, fix_sentence_endings=True)
print(w.wrap("One.\tTwo.  Three! four?  five"))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("x " * 30, 15))
try:
    textwrap.wrap("abc", width=0)
except ValueError as e:
    print("ValueError", e)
