# Nested lists: matrices, list of lists, deep equality and copying by hand.
def make_matrix(rows, cols, start):
    m = []
    v = start
    for r in range(rows):
        row = []
        for c in range(cols):
            row.append(v)
            v += 1
        m.append(row)
    return m
def transpose(m):
    t = []
    for c in range(len(m[0])):
        col = []
        for r in range(len(m)):
            col.append(m[r][c])
        t.append(col)
    return t
def matmul(a, b):
    res = []
    for i in range(len(a)):
        row = []
        for j in range(len(b[0])):
            s = 0
            for k in range(len(b)):
                s += a[i][k] * b[k][j]
            row.append(s)
        res.append(row)
    return res
a = make_matrix(2, 3, 1)
b = make_matrix(3, 2, 7)
print(a)
print(b)
print(transpose(a))
print(matmul(a, b))
print(transpose(transpose(a)) == a, transpose(a) == b)
ident = [[1, 0], [0, 1]]
print(matmul(ident, [[5, 6], [7, 8]]))
tree = [1, [2, [3, [4, []]]]]
depth = 0
node = tree
while node:
    depth += 1
    print("level", depth, node[0])
    node = node[1]
copy = []
for row in a:
    copy.append(row[:])
copy[0][0] = 100
print(a[0][0], copy[0][0], a == copy)
flat = []
for row in matmul(a, b):
    for x in row:
        flat.append(x)
print(flat, sum(flat), max(flat))
jag = [[], [1], [1, 2], [1, 2, 3]]
lens = []
for r in jag:
    lens.append(len(r))
print(lens, jag[3][2], jag[-1][-1])
