# Tree walk: build a binary search tree from pseudo-random keys, then traverse it many times with
# recursive generators delegating through `yield from` (in-order, pre-order, leaves, paths).
# Generator creation and delegation depth; the checksum folds the traversal results.
KEYS = 4000
ROUNDS = 130


class Node:
    __slots__ = ("key", "left", "right")

    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


class Tree:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
            self.size += 1
            return
        node = self.root
        while True:
            if key < node.key:
                if node.left is None:
                    node.left = Node(key)
                    break
                node = node.left
            elif key > node.key:
                if node.right is None:
                    node.right = Node(key)
                    break
                node = node.right
            else:
                return
        self.size += 1

    def __iter__(self):
        return in_order(self.root)


def in_order(node):
    if node is not None:
        yield from in_order(node.left)
        yield node.key
        yield from in_order(node.right)


def pre_order(node):
    if node is None:
        return
    yield node.key
    yield from pre_order(node.left)
    yield from pre_order(node.right)


def leaves(node):
    if node is None:
        return
    if node.left is None and node.right is None:
        yield node
    else:
        yield from leaves(node.left)
        yield from leaves(node.right)


def paths(node, prefix):
    """Every root-to-leaf path's depth and key sum, passing state down the generator chain."""
    if node is None:
        return
    depth, total = prefix
    here = (depth + 1, total + node.key)
    if node.left is None and node.right is None:
        yield here
        return
    yield from paths(node.left, here)
    yield from paths(node.right, here)


def height(node):
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


def build(count, seed):
    tree = Tree()
    x = seed
    for _ in range(count):
        x = (x * 1103515245 + 12345) % 2147483648
        tree.insert(x >> 12)
    return tree


def main():
    tree = build(KEYS, 7)
    checksum = 0
    for r in range(ROUNDS):
        keys = list(tree)
        ordered = all(a < b for a, b in zip(keys, keys[1:]))
        pre = 0
        for i, k in enumerate(pre_order(tree.root)):
            pre = (pre * 31 + k + i) % 1_000_000_007
        leaf_count = sum(1 for _ in leaves(tree.root))
        deepest = max(d for d, _ in paths(tree.root, (0, 0)))
        path_sum = sum(s for _, s in paths(tree.root, (0, 0))) % 1_000_000_007
        checksum = (checksum * 7 + pre + leaf_count + deepest + path_sum + ordered) % 1_000_000_007
    print("nodes", tree.size, "height", height(tree.root), "leaves", leaf_count, "deepest", deepest)
    print("checksum", checksum, sum(keys) % 1_000_000_007)


main()
