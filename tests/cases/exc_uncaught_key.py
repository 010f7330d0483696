# Ends with an uncaught KeyError with a string key.
config = {"host": "localhost", "port": 8080}
for k, v in config.items():
    print(k, "=", v)
print(config.get("user", "anonymous"))
try:
    config["timeout"]
except KeyError as e:
    print("handled", e)
def require(cfg, key):
    print("requiring", key)
    return cfg[key]
print(require(config, "host"))
print(require(config, "port"))
print(require(config, "password"))
print("never")
def unused():
    return 1
x = unused()
y = x + 1
print(y)
