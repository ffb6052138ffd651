"""The few things every layer below the command line shares, and that know nothing of plans:
the error types a run turns into one line and exit status 2, regular expressions compiled on
first use, and per-process memoisation of what a text says.

Nothing here imports another plancheck subpackage.
"""
