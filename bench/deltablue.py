# DeltaBlue: the incremental dataflow constraint solver of Freeman-Benson, Maloney and Borning,
# driven by the classic chain and projection tests. Polymorphic method calls, list queues; the
# checksum sums the solved variable values the tests observe.
CHAIN_LENGTH = 100
ITERATIONS = 480

planner = None


class Strength:
    def __init__(self, level, name):
        self.level = level
        self.name = name

    def stronger(self, other):
        return self.level < other.level

    def weaker(self, other):
        return self.level > other.level

    def weakest_of(self, other):
        return self if self.weaker(other) else other

    def next_weaker(self):
        return STRENGTHS[self.level + 1]

    def __repr__(self):
        return f"<{self.name}>"


STRENGTHS = [Strength(i, name) for i, name in enumerate(
    ["required", "strong-preferred", "preferred", "strong-default", "normal", "weak-default",
     "weakest"])]
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = STRENGTHS

# Directions of a binary constraint.
NONE, FORWARD, BACKWARD = 0, 1, 2


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def add_constraint(self, constraint):
        self.constraints.append(constraint)

    def remove_constraint(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None

    def __repr__(self):
        return f"Variable({self.name!r}, {self.value})"


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def add(self):
        self.add_to_graph()
        planner.incremental_add(self)

    def satisfy(self, mark):
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not planner.add_propagate(self, mark):
            raise RuntimeError("cycle encountered")
        out.mark = mark
        return overridden

    def destroy(self):
        if self.is_satisfied():
            planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, var, strength):
        Constraint.__init__(self, strength)
        self.var = var
        self.satisfied = False
        self.add()

    def add_to_graph(self):
        self.var.add_constraint(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.var.remove_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = self.var.mark != mark and self.strength.stronger(self.var.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def recalculate(self):
        self.var.walk_strength = self.strength
        self.var.stay = not self.is_input()
        if self.var.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True


class StayConstraint(UnaryConstraint):
    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, v1, v2, strength, add=True):
        Constraint.__init__(self, strength)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE
        if add:
            self.add()

    def choose_method(self, mark):
        v1, v2 = self.v1, self.v2
        if v1.mark == mark:
            ok = v2.mark != mark and self.strength.stronger(v2.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif v2.mark == mark:
            ok = v1.mark != mark and self.strength.stronger(v1.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif v1.walk_strength.weaker(v2.walk_strength):
            self.direction = BACKWARD if self.strength.stronger(v1.walk_strength) else NONE
        else:
            self.direction = FORWARD if self.strength.stronger(v2.walk_strength) else BACKWARD

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def remove_from_graph(self):
        self.v1.remove_constraint(self)
        self.v2.remove_constraint(self)
        self.direction = NONE

    def is_satisfied(self):
        return self.direction != NONE

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def mark_inputs(self, mark):
        self.input().mark = mark

    def recalculate(self):
        source = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest_of(source.walk_strength)
        out.stay = source.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        source = self.input()
        return source.mark == mark or source.stay or source.determined_by is None


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    def __init__(self, source, scale, offset, dest, strength):
        BinaryConstraint.__init__(self, source, dest, strength, add=False)
        self.scale = scale
        self.offset = offset
        self.add()

    def add_to_graph(self):
        BinaryConstraint.add_to_graph(self)
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        BinaryConstraint.remove_from_graph(self)
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        BinaryConstraint.mark_inputs(self, mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value

    def recalculate(self):
        source = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest_of(source.walk_strength)
        out.stay = source.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Plan:
    def __init__(self):
        self.steps = []

    def add(self, constraint):
        self.steps.append(constraint)

    def execute(self):
        for constraint in self.steps:
            constraint.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint):
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while True:
            for c in unsatisfied:
                if c.strength is strength:
                    self.incremental_add(c)
            strength = strength.next_weaker()
            if strength is WEAKEST:
                break

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        while todo:
            c = todo.pop(0)
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.add(c)
                out.mark = mark
                self.add_consumers(out, todo)
        return plan

    def plan_for(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])

    def add_propagate(self, constraint, mark):
        todo = [constraint]
        while todo:
            d = todo.pop(0)
            if d.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            d.recalculate()
            self.add_consumers(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop(0)
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_consumers(self, var, todo):
        determining = var.determined_by
        for c in var.constraints:
            if c is not determining and c.is_satisfied():
                todo.append(c)


def chain_test(n):
    """A long chain of equalities; editing the first variable must reach the last one."""
    global planner
    planner = Planner()
    variables = [Variable(f"v{i}") for i in range(n + 1)]
    for a, b in zip(variables, variables[1:]):
        EqualityConstraint(a, b, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(last, STRONG_DEFAULT)
    edit = EditConstraint(first, PREFERRED)
    plan = planner.plan_for([edit])
    total = 0
    for i in range(100):
        first.value = i
        plan.execute()
        if last.value != i:
            raise RuntimeError(f"chain test failed: {last.value} != {i}")
        total += last.value
    return total


def change(var, value):
    edit = EditConstraint(var, PREFERRED)
    plan = planner.plan_for([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.destroy()


def projection_test(n):
    """n variable pairs related by dst = src * scale + offset; edits flow both ways."""
    global planner
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Variable(f"src{i}", i)
        dst = Variable(f"dst{i}", i)
        dests.append(dst)
        StayConstraint(src, NORMAL)
        ScaleConstraint(src, scale, offset, dst, REQUIRED)
    total = 0
    change(src, 17)
    if dst.value != 1170:
        raise RuntimeError("projection test 1 failed")
    total += dst.value
    change(dst, 1050)
    if src.value != 5:
        raise RuntimeError("projection test 2 failed")
    total += src.value
    change(scale, 5)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 1000:
            raise RuntimeError("projection test 3 failed")
        total += dests[i].value
    change(offset, 2000)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 2000:
            raise RuntimeError("projection test 4 failed")
        total += dests[i].value
    return total


def main():
    checksum = 0
    for _ in range(ITERATIONS):
        checksum += chain_test(CHAIN_LENGTH)
        checksum += projection_test(CHAIN_LENGTH)
    print("last planner mark", planner.current_mark)
    print("checksum", checksum)


main()
