# A tiny stack-based (RPN) calculator evaluating token lists, with error handling.
def tokenize(text):
    tokens = []
    for part in text.split():
        if part.isdigit():
            tokens.append(int(part))
        elif part.startswith("-") and part[1:].isdigit():
            tokens.append(int(part))
        elif "." in part:
            tokens.append(float(part))
        else:
            tokens.append(part)
    return tokens
def binary(stack, op):
    if len(stack) < 2:
        raise IndexError("stack underflow at " + repr(op))
    b = stack.pop()
    a = stack.pop()
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    if op == "//":
        return a // b
    if op == "%":
        return a % b
    if op == "^":
        return a ** b
    raise ValueError("unknown operator " + op)
def evaluate(tokens):
    stack = []
    for tok in tokens:
        if type(tok) is int or type(tok) is float:
            stack.append(tok)
        elif tok == "dup":
            stack.append(stack[-1])
        elif tok == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif tok == "drop":
            stack.pop()
        elif tok == "sum":
            total = sum(stack)
            stack = [total]
        else:
            stack.append(binary(stack, tok))
    if len(stack) != 1:
        raise ValueError("malformed expression, stack is " + str(stack))
    return stack[0]
programs = [
    "2 3 +",
    "5 1 2 + 4 * + 3 -",
    "2 10 ^",
    "2 100 ^ 3 //",
    "7 2 /",
    "-7 2 //",
    "-7 2 %",
    "1.5 2 * dup *",
    "1 2 3 4 5 sum",
    "3 4 swap -",
    "9 8 drop",
    "1 0 /",
    "1 +",
    "1 2 3 +",
    "4 2 &",
    "2 64 ^ 1 - 2 64 ^ %",
    "1 [] 2",
]
ok = 0
failed = 0
for src in programs:
    try:
        result = evaluate(tokenize(src))
        print(src, "=>", result)
        ok += 1
    except ZeroDivisionError as e:
        print(src, "=> division error:", e)
        failed += 1
    except (IndexError, ValueError) as e:
        print(src, "=> error:", e)
        failed += 1
    except KeyError:
        print("unexpected")
print("ok", ok, "failed", failed)
results = {}
for src in programs[:6]:
    results[src] = evaluate(tokenize(src))
print(results)
print(max(results.values()), min(results.values()))
