# An instance's attributes (set in __init__) and its class's methods are the candidates.


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance


acct = Account("ann", 10)
print(acct.deposit(5))
print(acct.balence)
