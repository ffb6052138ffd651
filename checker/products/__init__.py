"""What plancheck hands back to people: the output formats (``formats/``, one registry),
the drafting report and next year's items, the task-by-task diff, Word review copies, the
agency table, and the commented ``.plancheck.yaml`` that ``plancheck init`` writes.

Products import the layers below and ``checker.locale`` for their words; no lower layer
imports them.
"""
