"""``python -m checker`` runs the same command line as ``plancheck``."""

from .commandline.cli import main

if __name__ == "__main__":
    main()
