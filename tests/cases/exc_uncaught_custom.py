# An uncaught exception of a class defined in __main__ with a custom __str__ and a note:
# the last traceback line is the note, after "ValidationError: field 'age' ...".
class ValidationError(ValueError):
    def __init__(self, field, value):
        super().__init__(field, value)
        self.field = field
        self.value = value
    def __str__(self):
        return f"field {self.field!r} has bad value {self.value!r}"

def check(age):
    if age < 0:
        err = ValidationError('age', age)
        err.add_note('ages must be non-negative')
        raise err
    return age

print(check(5))
try:
    check(-1)
except ValidationError as e:
    print('caught:', e, e.args, e.__notes__)
check(-2)
