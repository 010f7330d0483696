# A bank-account simulation with dicts, a transaction log and error handling.
import sys
accounts = {}
log = []
next_id = 100
def open_account(owner, deposit=0):
    global next_id
    if deposit < 0:
        raise ValueError("initial deposit cannot be negative")
    acct = next_id
    next_id += 1
    accounts[acct] = {"owner": owner, "balance": deposit, "history": [("open", deposit)]}
    log.append(("open", acct, deposit))
    return acct
def deposit(acct, amount):
    if amount <= 0:
        raise ValueError("deposit must be positive, got " + str(amount))
    accounts[acct]["balance"] += amount
    accounts[acct]["history"].append(("deposit", amount))
    log.append(("deposit", acct, amount))
def withdraw(acct, amount):
    info = accounts[acct]
    if amount > info["balance"]:
        raise RuntimeError(f"insufficient funds in {acct}: balance {info['balance']}, wanted {amount}")
    info["balance"] -= amount
    info["history"].append(("withdraw", amount))
    log.append(("withdraw", acct, amount))
def transfer(src, dst, amount):
    if dst not in accounts:
        raise KeyError(dst)
    withdraw(src, amount)
    try:
        deposit(dst, amount)
    except ValueError:
        deposit(src, amount)
        raise
def apply_interest(rate_percent):
    for acct, info in accounts.items():
        interest = info["balance"] * rate_percent // 100
        if interest > 0:
            deposit(acct, interest)
alice = open_account("alice", 500)
bob = open_account("bob")
carol = open_account("carol", 1250)
requests = [
    ("deposit", bob, 300), ("withdraw", alice, 120), ("transfer", carol, bob, 250),
    ("withdraw", bob, 10000), ("deposit", alice, -5), ("transfer", alice, 999, 10),
    ("transfer", bob, alice, 0), ("withdraw", 555, 1), ("open", "dave", -1),
]
errors = {}
for req in requests:
    kind = req[0]
    try:
        if kind == "deposit":
            deposit(req[1], req[2])
        elif kind == "withdraw":
            withdraw(req[1], req[2])
        elif kind == "transfer":
            transfer(req[1], req[2], req[3])
        else:
            open_account(req[1], req[2])
        print("ok   ", req)
    except (ValueError, RuntimeError) as e:
        print("error", req, "->", e)
        errors[kind] = errors.get(kind, 0) + 1
    except KeyError as e:
        print("error", req, "-> no such account", e)
        errors["missing"] = errors.get("missing", 0) + 1
apply_interest(3)
for acct, info in accounts.items():
    print(acct, info["owner"], info["balance"], len(info["history"]))
print("history of bob:", accounts[bob]["history"])
print("errors:", errors)
print("log entries:", len(log), "last:", log[-1])
total = 0
for info in accounts.values():
    total += info["balance"]
print("bank total", total)
richest = None
for acct in accounts:
    if richest is None or accounts[acct]["balance"] > accounts[richest]["balance"]:
        richest = acct
print("richest", accounts[richest]["owner"])
if total != 1987:
    print("unexpected total", file=sys.stderr)
    sys.exit(2)
print("audit passed")
