# List methods: append, pop, insert, extend, index, reverse, sort.
a = []
a.append(3)
a.append(1)
a.append(2)
print(a)
a.insert(0, 10)
a.insert(2, 20)
a.insert(100, 30)
a.insert(-1, 40)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.extend([7, 8])
a.extend(range(2))
a.extend("xy")
a.extend((5,))
print(a)
print(a.index(7), a.index("x"), a.index(20))
a.reverse()
print(a)
nums = [5, 2, 9, 1, 5, 6, -3, 0]
nums.sort()
print(nums)
nums.reverse()
print(nums)
words = ["pear", "fig", "apple", "Banana", "cherry"]
words.sort()
print(words)
floats = [2.5, -1, 3, 0.5, 2]
floats.sort()
print(floats)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
nested = [[3, 1], [2], [3, 0], []]
nested.sort()
print(nested)
print(sorted([3, 1, 2]), sorted("hello"), sorted((9, 7, 8)), sorted([]))
orig = [4, 2, 3]
s = sorted(orig)
print(orig, s)
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print("pop", stack.pop())
queue = [1, 2, 3]
while len(queue) > 0:
    item = queue.pop(0)
    if item < 3:
        queue.append(item + 10)
    print("item", item, queue)
r = [1, 2, 3].reverse()
print(r, [].sort())
big = [2 ** 70, -2 ** 70, 0, 2 ** 69]
big.sort()
print(big)
