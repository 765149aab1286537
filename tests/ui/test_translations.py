"""Every catalog is complete, and every string the code translates is in a catalog."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "civicdesk" / "resources" / "translations"
UI_DIR = ROOT / "civicdesk" / "ui"
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def catalogs() -> list[Path]:
    return sorted(TS_DIR.glob("*.ts"))


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out.append((name, m.findtext("source") or "", m))
    return out


def code_strings() -> set[tuple[str, str, str]]:
    """(file, context, source) of every self.tr("...") and translate("ctx", "...")."""
    found: set[tuple[str, str, str]] = set()
    for path in sorted(UI_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node: ast.AST, cls: str | None, _path: Path = path) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef):
                    visit(child, child.name)
                    continue
                if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                    args = child.args
                    if (child.func.attr == "tr" and cls and args
                            and isinstance(args[0], ast.Constant)
                            and isinstance(args[0].value, str)):
                        found.add((_path.name, cls, args[0].value))
                    if (child.func.attr == "translate" and len(args) >= 2
                            and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                    for a in args[:2])):
                        found.add((_path.name, str(args[0].value), str(args[1].value)))  # type: ignore[attr-defined]
                visit(child, cls)

        visit(tree, None)
    return found


def test_there_are_catalogs_for_both_languages() -> None:
    names = {p.name for p in catalogs()}
    assert {"core_kk.ts", "core_ru.ts"} <= names


@pytest.mark.parametrize("path", catalogs(), ids=lambda p: p.name)
def test_catalog_is_complete(path: Path) -> None:
    problems = []
    for ctx, source, m in messages(path):
        tr = m.find("translation")
        if tr is None:
            problems.append(f"{ctx}: {source!r} has no translation")
            continue
        if tr.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{ctx}: {source!r} is {tr.get('type')}")
        if not (tr.text or "").strip() and m.get("numerus") != "yes":
            problems.append(f"{ctx}: {source!r} has an empty translation")
        if m.get("numerus") == "yes" and not all(
            (f.text or "").strip() for f in tr.iter("numerusform")
        ):
            problems.append(f"{ctx}: {source!r} has an empty plural form")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", catalogs(), ids=lambda p: p.name)
def test_placeholders_survive_translation(path: Path) -> None:
    bad = []
    for ctx, source, m in messages(path):
        text = m.findtext("translation") or ""
        for n in range(1, 10):
            if (f"%{n}" in source) != (f"%{n}" in text):
                bad.append(f"{ctx}: {source!r} -> {text!r}")
    assert not bad, "\n".join(bad)


def test_kazakh_catalogs_use_kazakh_letters() -> None:
    for path in catalogs():
        if path.stem.endswith("_kk"):
            texts = "".join(m.findtext("translation") or "" for _c, _s, m in messages(path))
            assert KAZAKH_LETTERS & set(texts), f"{path.name} has no Kazakh-specific letters"


def test_every_source_string_is_in_the_catalogs() -> None:
    known: dict[str, set[tuple[str, str]]] = {"kk": set(), "ru": set()}
    for path in catalogs():
        lang = path.stem.rsplit("_", 1)[-1]
        known.setdefault(lang, set()).update((c, s) for c, s, _m in messages(path))
    missing = [
        f"{file}: [{ctx}] {src!r} ({lang})"
        for file, ctx, src in sorted(code_strings())
        for lang in ("kk", "ru")
        if (ctx, src) not in known[lang]
    ]
    assert not missing, "run scripts/translations.py and translate:\n" + "\n".join(missing)
