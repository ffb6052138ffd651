"""What plancheck knows before it reads a plan: the shipped rule data (``rules/*.yaml``),
loaded and shape-checked, and the agency registries built from it (the national registry and
the mirror of local names).

Knowledge imports only ``checker.base``: it is read the same whatever plan comes next.
"""
