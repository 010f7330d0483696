# Go: random playouts on a 9x9 board (captures, suicide and simple-ko rules, eye filling avoided)
# and a flat Monte-Carlo player built on them. Flood fills, list copying, method calls on board
# objects and an LCG; the checksum is the game record digest and the playout results.
SIZE = 9
KOMI = 7
MATCH_MOVES = 8
CANDIDATES = 6
PLAYOUTS_PER_CANDIDATE = 8
EXTRA_PLAYOUTS = 120

EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1


def other(color):
    return 3 - color


class Random:
    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def below(self, n):
        # Numerical Recipes LCG; take the high bits, which are the better ones.
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        return (self.state >> 8) % n


def make_neighbours(size):
    table = []
    diagonals = []
    for pos in range(size * size):
        row, col = divmod(pos, size)
        near = []
        diag = []
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            r, c = row + dr, col + dc
            if 0 <= r < size and 0 <= c < size:
                near.append(r * size + c)
        for dr, dc in ((-1, -1), (-1, 1), (1, -1), (1, 1)):
            r, c = row + dr, col + dc
            if 0 <= r < size and 0 <= c < size:
                diag.append(r * size + c)
        table.append(tuple(near))
        diagonals.append(tuple(diag))
    return table, diagonals


NEIGHBOURS, DIAGONALS = make_neighbours(SIZE)


class EmptySet:
    """The empty points, with O(1) add and remove."""

    def __init__(self, n):
        self.points = list(range(n))
        self.index = list(range(n))

    def copy(self):
        e = EmptySet.__new__(EmptySet)
        e.points = self.points[:]
        e.index = self.index[:]
        return e

    def add(self, pos):
        self.index[pos] = len(self.points)
        self.points.append(pos)

    def remove(self, pos):
        i = self.index[pos]
        last = self.points.pop()
        if last != pos:
            self.points[i] = last
            self.index[last] = i

    def __len__(self):
        return len(self.points)


class Board:
    def __init__(self, size):
        self.size = size
        self.colors = [EMPTY] * (size * size)
        self.empty = EmptySet(size * size)
        self.ko = PASS
        self.to_move = BLACK
        self.passes = 0
        self.moves = 0
        self.captures = 0
        self.marks = [0] * (size * size)
        self.stamp = 0

    def copy(self):
        b = Board.__new__(Board)
        b.size = self.size
        b.colors = self.colors[:]
        b.empty = self.empty.copy()
        b.ko = self.ko
        b.to_move = self.to_move
        b.passes = self.passes
        b.moves = self.moves
        b.captures = self.captures
        b.marks = [0] * len(self.colors)
        b.stamp = 0
        return b

    def group(self, pos):
        """The stones of pos's chain, and whether the chain has a liberty."""
        self.stamp += 1
        stamp = self.stamp
        marks = self.marks
        colors = self.colors
        color = colors[pos]
        stones = [pos]
        marks[pos] = stamp
        free = False
        i = 0
        while i < len(stones):
            for n in NEIGHBOURS[stones[i]]:
                c = colors[n]
                if c == EMPTY:
                    free = True
                elif c == color and marks[n] != stamp:
                    marks[n] = stamp
                    stones.append(n)
            i += 1
        return stones, free

    def is_eye(self, pos, color):
        for n in NEIGHBOURS[pos]:
            if self.colors[n] != color:
                return False
        enemy = 0
        for d in DIAGONALS[pos]:
            if self.colors[d] == other(color):
                enemy += 1
        if len(DIAGONALS[pos]) < 4:
            return enemy == 0
        return enemy <= 1

    def try_move(self, pos, color):
        if pos == self.ko:
            return False
        colors = self.colors
        colors[pos] = color
        enemy = other(color)
        captured = []
        for n in NEIGHBOURS[pos]:
            if colors[n] == enemy:
                stones, free = self.group(n)
                if not free:
                    for s in stones:
                        colors[s] = EMPTY
                        self.empty.add(s)
                    captured.extend(stones)
        stones, free = self.group(pos)
        if not free:
            colors[pos] = EMPTY  # suicide; nothing was captured, so this undoes the move
            return False
        self.empty.remove(pos)
        if len(captured) == 1 and len(stones) == 1:
            self.ko = captured[0]
        else:
            self.ko = PASS
        self.captures += len(captured)
        return True

    def play(self, pos):
        if pos == PASS:
            self.passes += 1
            self.ko = PASS
        else:
            if not self.try_move(pos, self.to_move):
                raise ValueError(f"illegal move {pos}")
            self.passes = 0
        self.moves += 1
        self.to_move = other(self.to_move)

    def random_move(self, rng):
        color = self.to_move
        candidates = self.empty.points[:]
        n = len(candidates)
        while n > 0:
            i = rng.below(n)
            pos = candidates[i]
            if not self.is_eye(pos, color) and self.try_move(pos, color):
                self.empty_played(pos)
                return pos
            n -= 1
            candidates[i] = candidates[n]
        return PASS

    def empty_played(self, pos):
        # try_move already placed the stone; finish the bookkeeping play() would do.
        self.passes = 0
        self.moves += 1
        self.to_move = other(self.to_move)

    def playout(self, rng, limit):
        while self.passes < 2 and self.moves < limit:
            pos = self.random_move(rng)
            if pos == PASS:
                self.passes += 1
                self.ko = PASS
                self.moves += 1
                self.to_move = other(self.to_move)

    def score(self):
        """Area score, black minus white minus komi."""
        black = white = 0
        for pos, c in enumerate(self.colors):
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            else:
                seen = set()
                for n in NEIGHBOURS[pos]:
                    seen.add(self.colors[n])
                if seen == {BLACK}:
                    black += 1
                elif seen == {WHITE}:
                    white += 1
        return black - white - KOMI

    def __str__(self):
        chars = ".XO"
        lines = []
        for r in range(self.size):
            lines.append(" ".join(chars[c] for c in self.colors[r * self.size:(r + 1) * self.size]))
        return "\n".join(lines)


class MonteCarloPlayer:
    def __init__(self, rng, candidates, playouts):
        self.rng = rng
        self.candidates = candidates
        self.playouts = playouts
        self.total_playouts = 0

    def choose(self, board):
        color = board.to_move
        limit = 3 * board.size * board.size
        points = board.empty.points[:]
        best, best_wins = PASS, -1
        tried = 0
        while points and tried < self.candidates:
            pos = points.pop(self.rng.below(len(points)))
            if board.is_eye(pos, color):
                continue
            trial = board.copy()
            if not trial.try_move(pos, color):
                continue
            trial.empty_played(pos)
            tried += 1
            wins = 0
            for _ in range(self.playouts):
                game = trial.copy()
                game.playout(self.rng, limit)
                self.total_playouts += 1
                s = game.score()
                if (s > 0) == (color == BLACK):
                    wins += 1
            if wins > best_wins:
                best, best_wins = pos, wins
        return best


def main():
    rng = Random(42)
    board = Board(SIZE)
    player = MonteCarloPlayer(rng, CANDIDATES, PLAYOUTS_PER_CANDIDATE)
    record = []
    for _ in range(MATCH_MOVES):
        move = player.choose(board)
        board.play(move)
        record.append(move)
    print("opening:", record)
    print(board)
    digest = 0
    score_sum = 0
    black_wins = 0
    for _ in range(EXTRA_PLAYOUTS):
        game = board.copy()
        game.playout(rng, 3 * SIZE * SIZE)
        s = game.score()
        score_sum += s
        black_wins += s > 0
        digest = (digest * 131 + game.moves * 7 + game.captures + (s & 0xFF)) % 1_000_000_007
    print("playouts", player.total_playouts + EXTRA_PLAYOUTS, "black wins", black_wins)
    print("checksum", digest, score_sum, sum(record))


main()
