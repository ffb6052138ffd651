"""plancheck: a linter for Chinese government annual plans."""

__version__ = "0.1.0"
