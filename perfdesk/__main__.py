"""``python -m perfdesk`` runs the command line."""

import multiprocessing
import sys

from perfdesk.cli.main import main

if __name__ == "__main__":
    # `check` over many files uses a process pool; a frozen bundle's workers start here
    multiprocessing.freeze_support()
    sys.exit(main())
