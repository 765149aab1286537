"""``python -m civicdesk``: the same as the ``civicdesk`` command."""

from __future__ import annotations

import sys

from civicdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
