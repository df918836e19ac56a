#!/usr/bin/env bash
# Set up (tools/setup.sh) and start perfdesk on the bundled example (or the file given).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
exec .venv/bin/perfdesk "${@:-resources/examples/funing-2024.xlsx}"
