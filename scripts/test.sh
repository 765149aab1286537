#!/usr/bin/env bash
# Install everything the tests need and run the whole suite: linters, types, layering,
# then pytest (Qt offscreen, PostgreSQL on 127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
export QT_QPA_PLATFORM=offscreen
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e '.[dev]'

# System libraries: Qt's offscreen platform, PDF page rendering for checks.
need_apt=()
.venv/bin/python -c "from PySide6.QtWidgets import QApplication; QApplication([])" \
  >/dev/null 2>&1 || need_apt+=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0)
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing system packages: ${need_apt[*]}" >&2
  fi
fi

# PostgreSQL for the sync server tests: start the local cluster if it is installed and down.
if ! .venv/bin/python -c "import psycopg; psycopg.connect('host=127.0.0.1 port=5432 user=postgres dbname=test', connect_timeout=3).close()" 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    sleep 2
  fi
fi

# Fonts for printing are derived once from the font package into a cache the tests share.
export CIVICDESK_TEST_CACHE="$PWD/.venv/test-cache"
mkdir -p "$CIVICDESK_TEST_CACHE"
CIVICDESK_CACHE_DIR="$CIVICDESK_TEST_CACHE" .venv/bin/python -m civicdesk.printing.fonts >/dev/null

echo "== ruff";          .venv/bin/ruff check civicdesk tests bench
echo "== mypy";          .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"
set +e
.venv/bin/python -m pytest -q "$@"
status=$?
set -e
if [ $status -eq 5 ]; then
  echo "no tests were collected" >&2
  exit 1
fi
exit $status
