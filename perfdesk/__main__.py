"""``python -m perfdesk`` runs the command line."""

import sys

from perfdesk.cli.main import main

sys.exit(main())
