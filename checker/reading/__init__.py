"""Reading a document: bytes → text (encodings, line endings, Word) → layout (tables,
columns) → the plan model (sections, tasks, responsibility clauses, agencies), plus the
vocabulary the reading shares with the rules and whether a file is a plan at all.

Reading reports facts, never judgements: it imports ``base`` and ``knowledge``, and nothing
that checks, renders or parses a command line.
"""
