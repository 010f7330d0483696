# The main module of a two-module program built by make (see Makefile).
import greeting

print(greeting.greet("make"))
print("squares:", [greeting.square(i) for i in range(5)])
