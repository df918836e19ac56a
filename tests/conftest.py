"""Test-wide set-up: Qt runs offscreen, paths to the shared samples and test data."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = DATA / "samples"  # copies of ../shared/samples, the real published texts


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES

# tests/expected_samples holds the sample texts transcribed by hand into documents; tests
# import it as a plain package.
import sys  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Property tests explore new random cases on a developer's machine; in CI (CI=true) they run a
# fixed sequence, so that a submission's result does not depend on the draw.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")
