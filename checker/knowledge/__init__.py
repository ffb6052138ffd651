"""What plancheck knows before it reads a plan: the shipped rule data (``rules/*.yaml``),
loaded and checked against its JSON Schema (``schema``), the agency registries built from it
(the national registry and the mirror of local names) and the laws and regulations a plan
may cite (titles, dates, repeals).

Knowledge imports only ``checker.base``: it is read the same whatever plan comes next.
"""
