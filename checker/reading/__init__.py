"""Reading a document: bytes → text (encodings, line endings; Word, PDF, a saved web page;
paragraphs rebuilt from joined or hard-wrapped text) → layout (tables, columns) → the plan
model (sections, tasks, responsibility clauses, agencies; the document numbers and law
titles it writes), plus the vocabulary the reading shares with the rules and whether a file
is a plan at all.

Reading reports facts, never judgements: it imports ``base`` and ``knowledge``, and nothing
that checks, renders or parses a command line.
"""
