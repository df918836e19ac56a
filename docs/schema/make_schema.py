"""Regenerate document.schema.json from the model (run from the repository root:
``.venv/bin/python docs/schema/make_schema.py``); tests/unit/test_fileio_json.py checks it is current."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from perfdesk.fileio.json_io import write_schema  # noqa: E402

if __name__ == "__main__":
    write_schema()
