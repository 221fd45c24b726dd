"""``python -m app``: the same as the ``scorenet`` command (no arguments: the app)."""

import sys

from app.cli import main

# Guarded: the model's child process imports this module again (multiprocessing "spawn").
if __name__ == "__main__":
    sys.exit(main())
