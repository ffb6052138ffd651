"""The module the ``plancheck`` console script and ``python -m checker`` import: the cyclic
garbage collector off while the program loads.

Loading plancheck (its modules, ``typing``, ``pathlib``, some seventy compiled patterns, the
rule data) makes a hundred thousand objects and none of them is garbage, yet the collector
walks them again and again as they are made: about 2 ms of a 60 ms check of one plan,
measured. A ``lint`` that launch reads leaves it off to the end: lint keeps the collector
off for its run and its report anyway (``lint.pause_collector``), and the process ends
after them. Every other command (report, diff, help…) is read by click, and ``launch.main``
turns the collector back on before, because this module turned it off.

Importing this module is the only thing in plancheck that changes the collector for the
rest of a process: a library user or a test imports ``checker.commandline.launch`` and keeps its own.
"""

import gc

gc.disable()

from . import launch  # noqa: E402 - after the collector is off: the import is the load

launch.COLLECTOR_OFF_WHILE_LOADING = True
run = launch.run

__all__ = ["run"]
