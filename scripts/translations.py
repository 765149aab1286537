"""Update and compile the interface translations.

    python scripts/translations.py          # lupdate the sources, then lrelease
    python scripts/translations.py --compile-only

Sources of the core screens go to resources/translations/core_{kk,ru}.ts, those of the
meetings, grants, seminars and booklets screens to screens_{kk,ru}.ts.  lupdate keeps
existing translations and marks new strings "unfinished"; tests/ui/test_translations.py
fails until every one of them is translated.  The .qm files are not kept in git; the
app also compiles missing or stale ones when it starts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "civicdesk" / "ui"
TS_DIR = ROOT / "resources" / "translations"
LANGS = {"kk": "kk_KZ", "ru": "ru_KZ"}
SCREENS = ("meetings", "grants", "seminars", "booklets", "screens_common", "pdf_preview")


def tool(name: str) -> str:
    exe = Path(PySide6.__file__).parent / name
    for candidate in (exe, exe.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    raise SystemExit(f"{name} not found beside PySide6")


def groups() -> dict[str, list[Path]]:
    files = sorted(p for p in UI.glob("*.py"))
    screens = [p for p in files if p.stem.split("_")[0] in SCREENS or p.stem in SCREENS]
    core = [p for p in files if p not in screens]
    return {"core": core, "screens": screens}


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for name, files in groups().items():
        if not files:
            continue
        for lang, locale in LANGS.items():
            ts = TS_DIR / f"{name}_{lang}.ts"
            subprocess.run(
                [tool("lupdate"), "-no-obsolete", "-locations", "none",
                 "-target-language", locale,
                 *[str(f.relative_to(ROOT)) for f in files], "-ts", str(ts.relative_to(ROOT))],
                check=True, cwd=ROOT,
            )


def compile_all() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run(
            [tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile-only", action="store_true")
    args = parser.parse_args(argv)
    if not args.compile_only:
        update()
    compile_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
