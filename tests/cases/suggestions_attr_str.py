# A case-only slip in a str method name.
text = "hello"
print(text.upper())
print(text.Upper())
