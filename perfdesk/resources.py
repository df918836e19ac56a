"""Where perfdesk's data files (frameworks, rule data, examples, translations) live.

In a source checkout and an editable install they are in ``resources/`` at the repository
root; in a PyInstaller bundle they are unpacked beside the executable (``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
