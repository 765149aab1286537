#!/usr/bin/env bash
# Build the one-folder Linux bundle into dist/civicdesk and print its size.
#   scripts/build-bundle.sh            # extra arguments go to installer/build.py
# Then: QT_QPA_PLATFORM=offscreen dist/civicdesk/civicdesk --self-test
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
start=$(date +%s)
"$PY" installer/build.py "$@"
echo "built in $(( $(date +%s) - start )) s"
du -sh dist/civicdesk
