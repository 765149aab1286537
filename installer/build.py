"""Build the one-folder CivicDesk bundle with PyInstaller.

    python installer/build.py                  # -> dist/civicdesk
    python installer/build.py --dist OUT --work TMP

Steps: stage a copy of resources/ with the .ts catalogs compiled to .qm and the
static print fonts made (``python -m civicdesk.printing.fonts --out``), run
PyInstaller on installer/civicdesk.spec, make the shipped .qm files newer than their
.ts (so the installed app never tries to recompile them), then report the size.
Nothing generated is written into the source tree.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "civicdesk.spec"
# 160 MB until the sealed USB copies brought the cryptography library (12 MB); the
# Windows bundle keeps its own limit of 150 MB (scripts/windows.sh)
BUDGET_MB = 170


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def stage_resources(stage: Path) -> Path:
    """resources/ as the bundle ships it: sources plus compiled .qm and fonts."""
    res = stage / "resources"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(
        ROOT / "civicdesk" / "resources", res, ignore=shutil.ignore_patterns("*.qm", "fonts", "__pycache__")
    )
    env = dict(os.environ, CIVICDESK_RESOURCES=str(res), PYTHONPATH=str(ROOT))
    # translations: compiled with the lrelease shipped in the PySide6 wheel
    code = (
        "import sys; from civicdesk.ui.i18n import ensure_compiled, lrelease_path;"
        "from civicdesk.paths import resources_dir;"
        "assert lrelease_path(), 'lrelease not found in PySide6';"
        "print(*[p.name for p in ensure_compiled(resources_dir() / 'translations')])"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)
    missing = [ts.name for ts in res.glob("translations/*.ts") if not ts.with_suffix(".qm").is_file()]
    if missing:
        raise SystemExit(f"not compiled: {missing}")
    # the static print fonts (several seconds; the frozen app must not make them)
    subprocess.run(
        [sys.executable, "-m", "civicdesk.printing.fonts", "--out", str(res / "fonts")],
        check=True, env=env, cwd=ROOT,
    )
    return stage


def freshen_translations(bundle: Path) -> None:
    """Copies may reorder modification times; a .qm older than its .ts would make the
    app try to recompile it (in a read-only program folder, without lrelease)."""
    now = time.time()
    for qm in bundle.rglob("resources/translations/*.qm"):
        os.utime(qm, (now + 60, now + 60))


# the head-office server's stack: a center PC's bundle carries none of it
SERVER_MODULES = ("fastapi", "starlette", "uvicorn", "psycopg", "psycopg_binary",
                  "civicdesk.sync.server")


def bundled_server_modules(work: Path) -> list[str]:
    """Modules of the server stack in the bundle's archive (PyInstaller's PYZ table of
    contents, a Python literal of (name, path, kind) entries)."""
    tocs = list((work / "pyinstaller").rglob("PYZ-*.toc"))
    if not tocs:
        raise SystemExit(f"no PYZ table of contents under {work / 'pyinstaller'}")
    pattern = re.compile(r"'((?:%s)(?:\.[\w.]+)?)'" % "|".join(re.escape(m) for m in SERVER_MODULES))
    return sorted({m for toc in tocs for m in pattern.findall(toc.read_text(encoding="utf-8"))})


def build(dist: Path, work: Path, *, clean: bool, with_cups: bool = False) -> Path:
    stage = stage_resources(work / "stage")
    env = dict(os.environ, CIVICDESK_STAGE=str(stage),
               CIVICDESK_BUNDLE_CUPS="1" if with_cups else "0")
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC),
    ]
    if clean:
        cmd.insert(3, "--clean")
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)
    bundle = dist / "civicdesk"
    freshen_translations(bundle)
    server = bundled_server_modules(work)
    if server:
        raise SystemExit(f"the bundle holds the server stack: {', '.join(server[:10])}")
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--with-cups", action="store_true",
                        help="Linux: include the CUPS print plugin (about 9 MB more)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    bundle = build(args.dist.resolve(), args.work.resolve(), clean=args.clean,
                   with_cups=args.with_cups)
    size = folder_size(bundle) / 1_000_000
    print(f"bundle: {bundle}")
    print(f"size: {size:.1f} MB (budget {BUDGET_MB} MB)")
    print(f"build time: {time.perf_counter() - t0:.0f} s")
    if size > BUDGET_MB:
        print("the bundle is over its size budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
