"""Checking a plan: the rule registry and the engine, the rules themselves (``rules/``, one
module per rule or family; YAML rule kinds in ``kinds``), what a rule sees (``context``,
``profile``), findings and their fixes, suppressions, baselines, the configuration, the
result cache and a lint run over many files (``lint``: ``lintrun``, ``lintfile``,
``cached``, ``pool``).

Checking imports ``base``, ``knowledge`` and ``reading``; it never renders output or reads a
command line.
"""
