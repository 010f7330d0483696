# Interpreter: tokenize, parse (recursive descent) and compile a tiny imperative language to
# stack bytecode, then run it on a dispatch loop. String scanning, dicts of handlers, closures,
# tuples and a hot while loop; the checksum is the programs' printed results.
LIMIT = 4500

SOURCE = """
fn collatz(n) {
    steps = 0;
    while (n != 1) {
        if (n % 2 == 0) { n = n / 2; } else { n = 3 * n + 1; }
        steps = steps + 1;
    }
    return steps;
}
fn is_prime(n) {
    if (n < 2) { return 0; }
    d = 2;
    while (d * d <= n) {
        if (n % d == 0) { return 0; }
        d = d + 1;
    }
    return 1;
}
fn gcd(a, b) {
    while (b != 0) { t = b; b = a % b; a = t; }
    return a;
}
fn main(limit) {
    longest = 0; best = 0; i = 1;
    while (i < limit) {
        s = collatz(i);
        if (s > longest) { longest = s; best = i; }
        i = i + 1;
    }
    print(best); print(longest);
    count = 0; i = 0;
    while (i < limit * 2) { count = count + is_prime(i); i = i + 1; }
    print(count);
    g = 0; i = 1;
    while (i < limit) { g = g + gcd(i * 7919, limit * 104729 % i + 1); i = i + 1; }
    print(g);
    return longest + count + g;
}
"""

KEYWORDS = {"fn", "while", "if", "else", "return"}


class Token:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind = kind
        self.text = text
        self.line = line

    def __repr__(self):
        return f"Token({self.kind}, {self.text!r}, line {self.line})"


def tokenize(source):
    tokens = []
    i = 0
    line = 1
    n = len(source)
    while i < n:
        ch = source[i]
        if ch == "\n":
            line += 1
            i += 1
        elif ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < n and source[j].isdigit():
                j += 1
            tokens.append(Token("num", source[i:j], line))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (source[j].isalnum() or source[j] == "_"):
                j += 1
            word = source[i:j]
            tokens.append(Token("kw" if word in KEYWORDS else "name", word, line))
            i = j
        else:
            two = source[i:i + 2]
            if two in ("==", "!=", "<=", ">="):
                tokens.append(Token("op", two, line))
                i += 2
            else:
                tokens.append(Token("op", ch, line))
                i += 1
    tokens.append(Token("eof", "", line))
    return tokens


class ParseError(Exception):
    pass


class Parser:
    """Parses straight into bytecode: a list of (opcode, argument) tuples per function."""

    BINARY = {"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod",
              "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
    PRECEDENCE = [("==", "!="), ("<", "<=", ">", ">="), ("+", "-"), ("*", "/", "%")]

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
        self.functions = {}
        self.code = None

    def peek(self):
        return self.tokens[self.pos]

    def advance(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, text):
        tok = self.advance()
        if tok.text != text:
            raise ParseError(f"expected {text!r}, got {tok!r}")
        return tok

    def emit(self, op, arg=None):
        self.code.append((op, arg))
        return len(self.code) - 1

    def patch(self, at, target):
        op, _ = self.code[at]
        self.code[at] = (op, target)

    def program(self):
        while self.peek().kind != "eof":
            self.function()
        return self.functions

    def function(self):
        self.expect("fn")
        name = self.advance().text
        self.expect("(")
        params = []
        while self.peek().text != ")":
            params.append(self.advance().text)
            if self.peek().text == ",":
                self.advance()
        self.expect(")")
        self.code = []
        self.block()
        self.emit("const", 0)
        self.emit("ret")
        self.functions[name] = (tuple(params), self.code)

    def block(self):
        self.expect("{")
        while self.peek().text != "}":
            self.statement()
        self.expect("}")

    def statement(self):
        tok = self.peek()
        if tok.text == "while":
            self.advance()
            top = len(self.code)
            self.expect("(")
            self.expression(0)
            self.expect(")")
            exit_jump = self.emit("jump_if_false")
            self.block()
            self.emit("jump", top)
            self.patch(exit_jump, len(self.code))
        elif tok.text == "if":
            self.advance()
            self.expect("(")
            self.expression(0)
            self.expect(")")
            else_jump = self.emit("jump_if_false")
            self.block()
            if self.peek().text == "else":
                self.advance()
                end_jump = self.emit("jump")
                self.patch(else_jump, len(self.code))
                self.block()
                self.patch(end_jump, len(self.code))
            else:
                self.patch(else_jump, len(self.code))
        elif tok.text == "return":
            self.advance()
            self.expression(0)
            self.expect(";")
            self.emit("ret")
        elif tok.kind == "name" and self.tokens[self.pos + 1].text == "=":
            self.advance()
            self.advance()
            self.expression(0)
            self.expect(";")
            self.emit("store", tok.text)
        else:
            self.expression(0)
            self.expect(";")
            self.emit("pop")

    def expression(self, level):
        if level == len(self.PRECEDENCE):
            return self.primary()
        self.expression(level + 1)
        while self.peek().text in self.PRECEDENCE[level]:
            op = self.advance().text
            self.expression(level + 1)
            self.emit(self.BINARY[op])

    def primary(self):
        tok = self.advance()
        if tok.kind == "num":
            self.emit("const", int(tok.text))
        elif tok.kind == "name":
            if self.peek().text == "(":
                self.advance()
                argc = 0
                while self.peek().text != ")":
                    self.expression(0)
                    argc += 1
                    if self.peek().text == ",":
                        self.advance()
                self.expect(")")
                self.emit("call", (tok.text, argc))
            else:
                self.emit("load", tok.text)
        elif tok.text == "(":
            self.expression(0)
            self.expect(")")
        elif tok.text == "-":
            self.primary()
            self.emit("neg")
        else:
            raise ParseError(f"unexpected {tok!r}")


def make_binary_ops():
    def div(a, b):
        q = abs(a) // abs(b)
        return q if (a < 0) == (b < 0) else -q

    def mod(a, b):
        return a - b * div(a, b)

    return {
        "add": lambda a, b: a + b,
        "sub": lambda a, b: a - b,
        "mul": lambda a, b: a * b,
        "div": div,
        "mod": mod,
        "eq": lambda a, b: int(a == b),
        "ne": lambda a, b: int(a != b),
        "lt": lambda a, b: int(a < b),
        "le": lambda a, b: int(a <= b),
        "gt": lambda a, b: int(a > b),
        "ge": lambda a, b: int(a >= b),
    }


class VM:
    def __init__(self, functions):
        self.functions = functions
        self.binary = make_binary_ops()
        self.output = []
        self.instructions = 0

    def call(self, name, args):
        if name == "print":
            self.output.append(args[0])
            return 0
        params, code = self.functions[name]
        env = dict(zip(params, args))
        stack = []
        pc = 0
        binary = self.binary
        count = 0
        while True:
            op, arg = code[pc]
            pc += 1
            count += 1
            if op == "load":
                stack.append(env[arg])
            elif op == "const":
                stack.append(arg)
            elif op == "store":
                env[arg] = stack.pop()
            elif op in binary:
                b = stack.pop()
                a = stack.pop()
                stack.append(binary[op](a, b))
            elif op == "jump_if_false":
                if not stack.pop():
                    pc = arg
            elif op == "jump":
                pc = arg
            elif op == "call":
                callee, argc = arg
                args = stack[len(stack) - argc:]
                del stack[len(stack) - argc:]
                stack.append(self.call(callee, args))
            elif op == "ret":
                self.instructions += count
                return stack.pop()
            elif op == "pop":
                stack.pop()
            elif op == "neg":
                stack.append(-stack.pop())
            else:
                raise RuntimeError(f"bad opcode {op}")


def main():
    functions = Parser(tokenize(SOURCE)).program()
    vm = VM(functions)
    result = vm.call("main", [LIMIT])
    print("output", vm.output)
    print("instructions", vm.instructions)
    print("checksum", result, sum(len(code) for _, code in functions.values()))


main()
