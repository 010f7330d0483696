# Equally near candidates: the first one in the namespace's order wins ('max' comes before
# 'min' among CPython's builtins, so 'mix' suggests 'max').
print(max(1, 2), min(1, 2))
print(mix(3, 4))
