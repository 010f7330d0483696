# print() to file objects, sys.stdout.write, sep/end/flush, and reading the result back.
import sys
path = '/tmp/kiln_case_print_to_files.txt'
with open(path, 'w') as f:
    print('hello', 'world', file=f)
    print(1, 2, 3, sep=', ', end=';\n', file=f)
    print(file=f)
    print('no newline', end='', file=f)
    print(flush=True, file=f)
    print(*['a', 'b'], sep='-', file=f)
print(repr(open(path).read()))
sys.stdout.write('direct write\n')
n = sys.stdout.write('count me\n')
print(n)
print('to stdout explicitly', file=sys.stdout)
print('with None file', file=None)
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
c = Collector()
print('x', 42, [1], file=c)
print('second', end='!', file=c)
print(c.parts)
lines = []
with open(path) as f:
    for line in f:
        lines.append(line.rstrip('\n'))
print(lines)
with open(path, 'rb') as f:
    print(f.read().count(b'\n'))
open(path, 'w').close()
