"""The script PyInstaller freezes: the bundled ``perfdesk`` (and ``perfdesk-cli``) executable.

It is the same entry point as the ``perfdesk`` console script: no arguments or a file opens
the window, a subcommand (``export``, ``check`` ...) runs on the command line.
"""

import sys

from perfdesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
