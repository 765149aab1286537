#!/usr/bin/env bash
# Screenshots of every page in Kazakh and Russian at 1366x768 under a virtual display.
#   bash scripts/screenshots.sh [OUT_DIR] [more arguments of scripts/screenshots.py]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-screenshots}
shift || true
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
if ! command -v Xvfb >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq xvfb libxcb-cursor0 libxcb-icccm4 \
      libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 \
      libxcb-xinerama0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 >/dev/null
  else
    echo "Xvfb is needed (Debian: apt-get install xvfb)" >&2
    exit 1
  fi
fi
DISPLAY_NO=${SCREENSHOT_DISPLAY:-97}
Xvfb ":$DISPLAY_NO" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill "$XVFB" 2>/dev/null || true' EXIT
sleep 1
unset QT_QPA_PLATFORM
DISPLAY=":$DISPLAY_NO" "$PY" scripts/qt_window_check.py >/dev/null
DISPLAY=":$DISPLAY_NO" "$PY" scripts/screenshots.py "$OUT" "$@"
