"""Entry point of the frozen build: the same as the ``civicdesk`` command."""

import sys

from civicdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
