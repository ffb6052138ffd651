"""``python -m checker`` runs the same command line as ``plancheck``."""

from .launch import run

if __name__ == "__main__":
    run()
