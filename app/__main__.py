"""``python -m app``: the same as the ``scorenet`` command (no arguments: the app)."""

import sys

from app.cli import main

sys.exit(main())
