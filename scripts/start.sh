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

# The print fonts are derived from the font package once (several seconds) into the
# user's cache folder, here rather than at the first print; when they are ready this
# returns at once. A failure is not fatal: the app then derives them when it needs them.
fonts_err=$(mktemp)
if ! .venv/bin/python -m civicdesk.printing.fonts >/dev/null 2>"$fonts_err"; then
  echo "The print fonts could not be prepared now; CivicDesk will prepare them later." >&2
  tail -n 1 "$fonts_err" >&2
fi
rm -f "$fonts_err"

# Qt needs a few system libraries that a minimal Linux may lack (its xcb plugin needs
# libxcb-cursor0 and friends). Importing Qt succeeds without them, so the check opens
# a real window; only when that fails are the libraries installed.
QT_LIBS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libxrender1"
qt_window() { timeout 60 .venv/bin/python scripts/qt_window_check.py >/dev/null 2>"$1"; }
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
  report=$(mktemp)
  if ! qt_window "$report"; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
      echo "Qt cannot open a window; installing the system libraries it needs..." >&2
      # shellcheck disable=SC2086
      apt-get update -qq && apt-get install -y -qq $QT_LIBS >/dev/null
    fi
    if ! qt_window "$report"; then
      echo "CivicDesk cannot open a window. Qt says:" >&2
      cat "$report" >&2
      echo "On Debian or Ubuntu, as root: apt-get install $(echo $QT_LIBS)" >&2
      rm -f "$report"
      exit 1
    fi
  fi
  rm -f "$report"
fi
exec .venv/bin/civicdesk "$@"
