"""``civicdesk --self-test``: is this installation able to do its work?

Checks, in a temporary folder that is removed afterwards: the print fonts (every
Kazakh letter, ₸, №), the translation catalogs (complete, loadable by Qt), the
migration chain (a new database reaches the current schema), a PDF render, and a
database round trip (write, search, read back). Prints one line per check; exit 0
when all pass, 1 with the reasons otherwise.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

from civicdesk.domain.errors import Lang, Message

KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІі₸№«»—"

CHECKS_TEXT: dict[str, Message] = {
    "fonts": Message(kk="Қаріптер", ru="Шрифты"),
    "translations": Message(kk="Аудармалар", ru="Переводы"),
    "migrations": Message(kk="Дерекқор схемасы", ru="Схема базы данных"),
    "pdf": Message(kk="PDF басып шығару", ru="Печать PDF"),
    "database": Message(kk="Дерекқорға жазу және іздеу", ru="Запись и поиск в базе"),
}
ALL_OK = Message(kk="Өзін-өзі тексеру сәтті өтті.", ru="Самопроверка пройдена.")
FAILED = Message(kk="Өзін-өзі тексеру: {n} қате.", ru="Самопроверка: ошибок {n}.")


def _fonts(tmp: Path) -> None:
    from civicdesk.printing.fonts import font_files, missing_glyphs, register_reportlab_fonts

    files = font_files()
    assert {"regular", "bold"} <= set(files), f"fonts: {sorted(files)}"
    register_reportlab_fonts()
    missing = missing_glyphs(KAZAKH + "\u00a0\u202f")
    assert not missing, f"missing glyphs: {sorted(missing)}"


def _translations(tmp: Path) -> None:
    import xml.etree.ElementTree as ET

    from civicdesk.paths import resources_dir

    folder = resources_dir() / "translations"
    catalogs = sorted(folder.glob("*.ts"))
    langs = {p.stem.rsplit("_", 1)[-1] for p in catalogs}
    assert {"kk", "ru"} <= langs, f"catalogs: {[p.name for p in catalogs]}"
    for ts in catalogs:
        for message in ET.parse(ts).getroot().iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                continue
            source = message.findtext("source")
            assert tr is not None and (tr.text or "").strip(), f"{ts.name}: {source!r}"
            assert tr.get("type") != "unfinished", f"{ts.name}: unfinished {source!r}"
    from civicdesk.ui.i18n import compiled, ensure_compiled

    ensure_compiled()
    from PySide6.QtCore import QTranslator

    for ts in catalogs:
        qm = compiled(ts)
        assert qm is not None, f"{ts.with_suffix('.qm').name} was not compiled"
        assert QTranslator().load(str(qm)), f"{qm.name} does not load"


def _migrations(tmp: Path) -> None:
    from civicdesk.db.engine import current_revision, head_revision, open_database

    db = open_database(tmp / "migrate.sqlite3")
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def _pdf(tmp: Path) -> None:
    from pypdf import PdfReader

    from civicdesk.domain.enums import BilingualArrangement, BookletLayout
    from civicdesk.printing.booklet import render_booklet
    from civicdesk.printing.templates import list_templates, load_template

    templates = list_templates()
    assert templates, "no booklet templates"
    out = tmp / "booklet.pdf"
    render_booklet(
        load_template(templates[0].name), layout=BookletLayout.A5_BOOKLET,
        arrangement=BilingualArrangement.PARALLEL, edition=None, out=out,
    )
    text = "".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert any(ch in text for ch in "ӘәҚқҢңӨөҰұҮүІі"), "Kazakh letters lost in the PDF"


def _database(tmp: Path) -> None:
    from civicdesk.services.app import CivicApp
    from civicdesk.services.base import ListQuery
    from civicdesk.services.residents import ResidentInput, create_resident, list_residents
    from civicdesk.services.users import authenticate, setup_center

    app = CivicApp(tmp / "data")
    try:
        setup_center(
            app, name_kk="Тексеру", name_ru="Проверка", region_kato="19", district_id=None,
            manager_login="selftest", manager_name="Тексеруші", manager_password="self-test-pw",
            language="kk",
        )
        ctx = app.context(authenticate(app, "selftest", "self-test-pw"))
        made = create_resident(
            ctx, ResidentInput(full_name="Әлия Өмірбекқызы", consent_date=date.today(),
                               consent_purposes=["consultation"]),
        )
        found = list_residents(ctx, ListQuery(search="өмірбек"))
        assert [r.id for r in found.rows] == [made.id], "search did not find the record"
    finally:
        app.close()


CHECKS: list[tuple[str, Callable[[Path], None]]] = [
    ("fonts", _fonts),
    ("translations", _translations),
    ("migrations", _migrations),
    ("pdf", _pdf),
    ("database", _database),
]


def run_self_test(lang: Lang) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="civicdesk-selftest-") as folder:
        root = Path(folder)
        for name, check in CHECKS:
            work = root / name
            work.mkdir()
            try:
                check(work)
                print(f"[OK ] {CHECKS_TEXT[name].text(lang)}")
            except Exception as exc:  # every failure is reported, none stops the others
                failures += 1
                reason = str(exc) or type(exc).__name__
                print(f"[ERR] {CHECKS_TEXT[name].text(lang)}: {reason}")
                if os.environ.get("CIVICDESK_DEBUG"):
                    traceback.print_exc()
    print((ALL_OK if not failures else FAILED).text(lang, n=failures))
    return 0 if not failures else 1
