"""The script PyInstaller freezes: the bundled ``perfdesk`` (and ``perfdesk-cli``) executable.

It is the same entry point as the ``perfdesk`` console script: no arguments or a file opens
the window, a subcommand (``export``, ``check`` ...) runs on the command line.
"""

import multiprocessing
import sys

from perfdesk.cli.main import main

if __name__ == "__main__":
    # `check` over many files runs a process pool: in a frozen program each worker is this
    # executable started again, and freeze_support() turns it into the worker
    multiprocessing.freeze_support()
    sys.exit(main())
