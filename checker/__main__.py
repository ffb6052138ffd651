"""``python -m checker`` runs the same command line as ``plancheck``."""

from .commandline.start import run  # the collector off while the program loads

if __name__ == "__main__":
    run()
