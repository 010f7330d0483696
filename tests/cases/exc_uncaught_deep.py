# Ends with an exception raised three calls deep and never caught.
def validate(record):
    if "id" not in record:
        raise RuntimeError("record without id: " + str(record))
    return record["id"]
def load(records):
    ids = []
    for r in records:
        ids.append(validate(r))
    return ids
def main(batches):
    for b in batches:
        try:
            print("batch ok", load(b))
        except KeyError:
            print("never a KeyError")
    return "done"
good = [{"id": 1}, {"id": 2}]
print(load(good))
try:
    load([{"x": 1}])
except RuntimeError as e:
    print("caught first:", e)
main([good, [{"id": 3}], [{"id": 4}, {"name": "bad"}], good])
print("never printed")
