"""Lists as spreadsheets and printouts: what the screen shows, paged in SQL, audited."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from civicdesk.db.models import AuditEntry
from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.domain.errors import UserError
from civicdesk.services import consultations as svc
from civicdesk.services import list_export
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.consultations import ConsultationFilters, ConsultationInput
from civicdesk.services.list_export import ListTable, export_paged, export_rows
from civicdesk.services.reference import topics


def _add(ctx: Context, question: str, channel: ConsultationChannel, days_ago: int) -> None:
    code = topics(ctx)[0].code
    assert code is not None
    svc.create_consultation(ctx, ConsultationInput(
        occurred_at=datetime.now().replace(microsecond=0) - timedelta(days=days_ago),
        channel=channel, topic_codes=[code], question=question,
        status=ConsultationStatus.OPEN,
    ))


def _rows(path: Path) -> list[list[str]]:
    ws = load_workbook(path).active
    assert ws is not None
    return [[("" if c is None else str(c)) for c in row] for row in ws.iter_rows(values_only=True)]


def test_paged_export_has_every_filtered_row_in_the_screen_order(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(list_export, "MAX_PAGE", 2)  # several pages even on a few rows
    for i in range(5):
        _add(ctx, f"Жер сұрағы {i}", ConsultationChannel.IN_PERSON, i)
    _add(ctx, "Телефон арқылы", ConsultationChannel.PHONE, 0)
    filters = ConsultationFilters(channel=ConsultationChannel.IN_PERSON)
    table = ListTable("consultations", "Кеңестер", ["Сұрақ"], note="Арна: жеке")
    out = tmp_path / "Кеңестер.xlsx"
    n = export_paged(ctx, table, lambda q: svc.list_consultations(ctx, q, filters),
                     ListQuery(sort="occurred_at", descending=False), lambda r: [r.question], out)
    assert n == 5
    rows = _rows(out)
    assert rows[0][0] == "Кеңестер" and rows[1][0] == "Арна: жеке"
    assert rows[3] == ["Сұрақ"]
    assert [r[0] for r in rows[4:]] == [f"Жер сұрағы {i}" for i in range(4, -1, -1)]
    with ctx.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
        assert entry.entity == "list:consultations"
        assert entry.after is not None and entry.after["rows"] == 5
        assert "Жер" not in str(entry.after)  # the audit names the export, not its rows


def test_a_text_that_looks_like_a_formula_stays_text(ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    export_rows(ctx, ListTable("users", "Users", ["Name"]), [["=HYPERLINK(1)"]], out)
    ws = load_workbook(out).active
    assert ws is not None
    cell = ws.cell(row=4, column=1)
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def test_printout_is_a_pdf_with_kazakh_letters(ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "list.pdf"
    n = export_rows(ctx, ListTable("residents", "Тұрғындар", ["Аты-жөні", "Елді мекен"]),
                    [["Әсемгүл Өмірзақова", "Ұзынағаш"]] * 3, out, "pdf")
    assert n == 3
    text = PdfReader(out).pages[0].extract_text()
    assert "Әсемгүл Өмірзақова" in text and "Тұрғындар" in text


def test_a_file_that_cannot_be_written_is_said_plainly_and_nothing_is_left(
    ctx: Context, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(UserError) as err:
            export_rows(ctx, ListTable("users", "Users", ["Name"]), [["a"]], locked / "a.xlsx")
        assert "Excel" in err.value.text("kk") and "Excel" in err.value.text("ru")
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(locked, 0o700)


def test_busy_file_is_reported_in_both_languages(ctx: Context, tmp_path: Path) -> None:
    target = tmp_path / "dir-in-the-way.xlsx"
    target.mkdir()  # replacing a folder fails as a file open in Excel would on Windows
    with pytest.raises(UserError) as err:
        export_rows(ctx, ListTable("users", "Users", ["Name"]), [["a"]], target)
    assert "басқа бағдарламада" in err.value.text("kk")
    assert "в другой программе" in err.value.text("ru")
    assert not (tmp_path / ".dir-in-the-way.xlsx.part").exists()
