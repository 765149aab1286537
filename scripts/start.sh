#!/usr/bin/env bash
# Install CivicDesk into .venv (first time only) and start the app on its embedded
# SQLite database in the user's data folder. Nothing to configure.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if ! .venv/bin/python -c "import civicdesk, PySide6, sqlalchemy, reportlab" 2>/dev/null; then
  .venv/bin/pip install --quiet --upgrade pip
  .venv/bin/pip install --quiet -e .
fi
# Qt needs a few system libraries that a minimal Linux may lack.
if ! .venv/bin/python -c "from PySide6.QtGui import QGuiApplication" 2>/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
      libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
      libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 >/dev/null
  fi
fi
exec .venv/bin/civicdesk "$@"
