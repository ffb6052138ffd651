"""The command line: the console script's entry, click's declaration of every command and
option, and what ``lint`` does between them and a ``RunReport``.

Only this package reads ``sys.argv``; nothing else imports it.
"""
