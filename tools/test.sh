#!/usr/bin/env bash
# Set up (tools/setup.sh) and run the test suite. Extra arguments go to pytest.
# Without a -m of its own, tests marked slow (the installer bundle build, every command on the
# huge hostile workbooks) are left out: `bash tools/test.sh -m slow` runs them (CI does, as a
# separate, timed step of .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export QT_QPA_PLATFORM=offscreen
marks=(-m "not slow")
for argument in "$@"; do
    case "$argument" in -m|-m*) marks=() ;; esac
done
exec .venv/bin/python -m pytest -q --durations=10 "${marks[@]}" "$@"
