# Exceptions: a bank-transfer simulation whose hot paths raise and catch exceptions: a custom
# exception hierarchy, builtin errors (KeyError, ZeroDivisionError, IndexError, ValueError),
# try/except/else/finally, raise ... from, and context managers that suppress or record errors.
# The checksum counts every outcome and the final balances.
OPERATIONS = 700_000


class Lcg:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 214013 + 2531011) & 0xFFFFFFFF
        return (self.x >> 16) % n


class BankError(Exception):
    code = 1


class InsufficientFunds(BankError):
    code = 2

    def __init__(self, account, wanted):
        super().__init__(f"account {account} short by {wanted}")
        self.account = account
        self.wanted = wanted


class FrozenAccount(BankError):
    code = 3


class AuditFailure(Exception):
    pass


class Journal:
    """A context manager that records how each block ended and swallows BankErrors."""

    def __init__(self):
        self.entries = {"ok": 0}
        self.depth = 0

    def __enter__(self):
        self.depth += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        self.depth -= 1
        if exc_type is None:
            self.entries["ok"] += 1
            return False
        name = exc_type.__name__
        self.entries[name] = self.entries.get(name, 0) + 1
        return issubclass(exc_type, BankError)


class Bank:
    def __init__(self, accounts):
        self.balances = {f"acct{i}": 1000 for i in range(accounts)}
        self.frozen = set()
        self.history = []

    def withdraw(self, name, amount):
        if name in self.frozen:
            raise FrozenAccount(name)
        balance = self.balances[name]  # KeyError for unknown accounts
        if balance < amount:
            raise InsufficientFunds(name, amount - balance)
        self.balances[name] = balance - amount

    def deposit(self, name, amount):
        if name in self.frozen:
            raise FrozenAccount(name)
        self.balances[name] += amount

    def transfer(self, src, dst, amount):
        self.withdraw(src, amount)
        try:
            self.deposit(dst, amount)
        except BankError:
            self.balances[src] += amount  # roll back, then let the caller see it
            raise
        except KeyError as e:
            self.balances[src] += amount
            raise BankError(f"no such account {e.args[0]}") from e
        else:
            self.history.append(amount)
        finally:
            self.history.append(0)


def share(total, parts):
    return total // parts  # ZeroDivisionError when parts == 0


def audit(bank, rng):
    try:
        values = list(bank.balances.values())
        probe = values[rng.next(len(values) + 3)]  # IndexError sometimes
        return probe
    except IndexError:
        try:
            return int("n/a")
        except ValueError as e:
            raise AuditFailure("audit could not read a balance") from e


def main():
    rng = Lcg(7)
    bank = Bank(50)
    journal = Journal()
    stats = {}
    chained = 0
    audits = 0
    for i in range(OPERATIONS):
        op = rng.next(10)
        src = f"acct{rng.next(53)}"
        dst = f"acct{rng.next(53)}"
        amount = rng.next(400)
        if i % 997 == 0:
            bank.frozen ^= {src}
        if i % 7919 == 0:
            bank.frozen.clear()
        try:
            if op < 6:
                with journal:
                    bank.transfer(src, dst, amount)
            elif op < 8:
                with journal:
                    bank.deposit(dst, share(amount, rng.next(4)))
            else:
                audits += audit(bank, rng) % 7
        except BankError as e:
            key = "bank:" + type(e).__name__
            stats[key] = stats.get(key, 0) + 1
        except KeyError as e:
            stats["key:" + e.args[0]] = stats.get("key:" + e.args[0], 0) + 1
        except ZeroDivisionError:
            stats["zero"] = stats.get("zero", 0) + 1
        except AuditFailure as e:
            if isinstance(e.__cause__, ValueError):
                chained += 1
        finally:
            stats["ops"] = stats.get("ops", 0) + 1
    total = sum(bank.balances.values())
    for key in sorted(journal.entries):
        print(f"{key}: {journal.entries[key]}")
    print("stats", sum(stats.values()), len(stats), "chained", chained)
    print("checksum", total, len(bank.history), sum(bank.history), audits,
          sum(v * len(k) for k, v in stats.items()))


main()
