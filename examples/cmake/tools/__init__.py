# A package of the CMake example's program.
