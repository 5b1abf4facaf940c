#!/usr/bin/env python3
"""Prints the NumPy legacy RandomState draws that tests/core/test_rng.cpp checks against.

Run with Debian's python3-numpy:  /usr/bin/python3 tests/golden/make_rng_golden.py
(The numbers are committed in the test; this script is how they were made.)
"""
import numpy as np

np.set_printoptions(precision=17)

np.random.seed(123)
print("random(4) seed 123:", repr(np.random.random(4)))
np.random.seed(7)
print("standard_normal(5) seed 7:", repr(np.random.standard_normal(5)))
np.random.seed(2024)
print("permutation(10) seed 2024:", repr(np.random.permutation(10)))
np.random.seed(5)
print("normal(3, 2, 3) then random(2) seed 5:", repr(np.random.normal(3.0, 2.0, 3)), repr(np.random.random(2)))
np.random.seed(99)
print("permutation(1000)[:8] seed 99:", repr(np.random.permutation(1000)[:8]))
