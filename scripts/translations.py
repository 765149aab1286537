"""Update and compile the interface translations.

    python scripts/translations.py          # lupdate the sources, then lrelease
    python scripts/translations.py --compile-only

Sources of the core screens go to resources/translations/core_{kk,ru}.ts, those of the
meetings, grants, seminars and booklets screens to screens_{kk,ru}.ts, and a module with
a catalog of its own (reports_{kk,ru}.ts, ...) to that catalog.  lupdate keeps
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
TS_DIR = ROOT / "civicdesk" / "resources" / "translations"
LANGS = {"kk": "kk_KZ", "ru": "ru_KZ"}
SCREENS = ("meetings", "meeting_agenda", "meeting_akim", "meeting_attendance", "grants", "seminars", "booklets", "booklet_blocks", "screens_common", "pdf_preview")


def tool(name: str) -> str:
    exe = Path(PySide6.__file__).parent / name
    for candidate in (exe, exe.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    raise SystemExit(f"{name} not found beside PySide6")


def groups() -> dict[str, list[Path]]:
    """Which catalog each UI module's strings go to.

    A module ``x.py`` (or ``x_something.py``) whose own catalog ``x_kk.ts`` exists keeps
    its strings there (reports, sync, backups); the meetings, grants, seminars and
    booklets screens go to ``screens``; everything else to ``core``.
    """
    files = sorted(p for p in UI.glob("*.py"))
    own = {ts.stem.rsplit("_", 1)[0] for ts in TS_DIR.glob("*_kk.ts")} - {"core", "screens"}
    out: dict[str, list[Path]] = {"core": [], "screens": []}
    for p in files:
        head = p.stem.split("_")[0]
        if p.stem in own or head in own:
            out.setdefault(p.stem if p.stem in own else head, []).append(p)
        elif head in SCREENS or p.stem in SCREENS:
            out["screens"].append(p)
        else:
            out["core"].append(p)
    return out


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
