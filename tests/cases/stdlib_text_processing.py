# kiln-test: native-only
# A text-processing program over re, collections and string compiled from the standard
# library: tokenizing, word frequencies, a log parser, a template report.
import re
import string
from collections import Counter, defaultdict, OrderedDict

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness."""

words = re.findall(r"[a-z']+", TEXT.lower())
freq = Counter(words)
print(len(words), freq.most_common(6))
by_first = defaultdict(list)
for w in sorted(set(words)):
    by_first[w[0]].append(w)
print(dict(sorted(by_first.items())))
print(re.sub(r"\bit was\b", "'twas", TEXT, flags=re.I).splitlines()[0])
sentences = [s.strip() for s in re.split(r"[,.]", TEXT) if s.strip()]
print(len(sentences), sentences[-1])

LOG = """2024-01-05 12:00:01 INFO  server started port=8080
2024-01-05 12:00:07 WARN  slow request path=/api/items ms=812
2024-01-05 12:01:13 ERROR db timeout path=/api/orders ms=30000
2024-01-05 12:02:00 INFO  request path=/api/items ms=35
2024-01-05 12:03:45 ERROR db timeout path=/api/items ms=30000"""
line_re = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>[A-Z]+)\s+(?P<msg>.*)$", re.M)
levels = Counter()
paths = defaultdict(list)
for m in line_re.finditer(LOG):
    levels[m["level"]] += 1
    fields = dict(re.findall(r"(\w+)=(\S+)", m.group("msg")))
    if "path" in fields:
        paths[fields["path"]].append(int(fields["ms"]))
print(sorted(levels.items()))
for path, times in sorted(paths.items()):
    print(f"{path:<12} n={len(times)} avg={sum(times) / len(times):.1f} max={max(times)}")
report = string.Template("$errors errors, $warns warnings in $n lines")
print(report.substitute(errors=levels["ERROR"], warns=levels["WARN"], n=len(LOG.splitlines())))

def camel_to_snake(name):
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower()
print([camel_to_snake(n) for n in ["CamelCase", "HTTPServerError", "getURLForID", "simple"]])
print(re.sub(r"(?<!^)(?=[A-Z])", "_", "ThisIsATest").lower())
csv_line = 'a,"b,c",d,"e ""q"" f",'
print([f.replace('""', '"').strip('"') for f in re.findall(r'(?:^|,)("(?:[^"]|"")*"|[^,]*)', csv_line)])
od = OrderedDict((w, len(w)) for w in re.split(r"\s+", "alpha beta gamma delta"))
od.move_to_end("alpha")
print(list(od.items()))
tmpl = "Dear {name}, your order #{num:05d} of {qty} item{s} ships {when}."
print(tmpl.format(name="Ann", num=42, qty=3, s="s", when="today"))
print(string.capwords(" ".join(freq.keys())[:60]))
