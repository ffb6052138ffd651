"""``python -m checker`` runs the same command line as ``plancheck``."""

from .cli import run

if __name__ == "__main__":
    run()
