"""The module the ``plancheck`` console script and ``python -m checker`` import: the cyclic
garbage collector off while the program loads.

Loading plancheck (its modules, ``typing``, ``pathlib``, some seventy compiled patterns, the
rule data) makes a hundred thousand objects and none of them is garbage, yet the collector
walks them again and again as they are made: about 2 ms of a 60 ms check of one plan,
measured. ``lint`` keeps the collector off until its report is written anyway
(``lint.pause_collector``), and the process ends after it. Every other command (report, diff,
help…) is read by click, and ``launch.main`` turns the collector back on before it does.

Importing this module is the only thing in plancheck that changes the collector for the
rest of a process: a library user or a test imports ``checker.launch`` and keeps its own.
"""

import gc

gc.disable()

from .launch import run  # noqa: E402 - after the collector is off: the import is the load

__all__ = ["run"]
