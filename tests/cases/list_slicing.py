# List slicing, slice assignment and del of items and slices.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[::-1], a[8:2:-2])
print(a[100:], a[-100:2], a[5:5], a[::-3], a[1:9:4])
b = a[:]
b[0] = -1
print(a[0], b[0])
a[2:4] = ["x", "y", "z"]
print(a)
a[5:8] = []
print(a)
a[:0] = [100, 101]
print(a)
a[len(a):] = [200]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[0]
print(a)
del a[-1]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
c = [1, 2, 3, 4, 5, 6]
c[1:5] = [9]
print(c)
c[:] = "abc"
print(c)
d = [5, 6, 7, 8]
del d[:]
print(d, len(d))
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][::-1], m[::-1][0], m[-1][1:])
col = []
for row in m:
    col.append(row[1])
print(col)
e = list(range(20))
print(e[3:17:5], e[-1:-20:-6], e[19:0:-7])
