"""The national-register export: only volunteers who consented to the transfer, with
their hours; the period's aid actions; CSV and XLSX; managers only; audited."""

from __future__ import annotations

import csv
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from civicdesk.db.models import AuditEntry
from civicdesk.domain.errors import UserError
from civicdesk.services.base import Context
from civicdesk.services.volunteer_network import (
    ACTION_COLUMNS,
    VOLUNTEER_COLUMNS,
    write_network_export,
)
from civicdesk.services.volunteer_work import AidInput, AssignmentInput, add_assignment, save_aid
from civicdesk.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    erase_volunteer,
    withdraw_consent,
)


def _setup(ctx: Context) -> None:
    day = ctx.today() - timedelta(days=2)
    since = ctx.today() - timedelta(days=20)
    yes = create_volunteer(ctx, VolunteerInput("Бақыт Ержанов", consent_date=since,
                                               consent_purposes=["register", "network"]))
    no = create_volunteer(ctx, VolunteerInput("Арман Қасымов", consent_date=since,
                                              consent_purposes=["register"]))
    gone = create_volunteer(ctx, VolunteerInput("Әсел Нұрова", consent_date=since,
                                                consent_purposes=["register", "network"]))
    erased = create_volunteer(ctx, VolunteerInput("Ұлан Жандосов", consent_date=since,
                                                  consent_purposes=["register", "network"]))
    aid = save_aid(ctx, AidInput("Көмір", day, "kind", quantity=Decimal(3), unit="тонна",
                                 households=5))
    for v in (yes, no, gone, erased):
        add_assignment(ctx, AssignmentInput(v.id, "aid", day, Decimal("2.5"),
                                            aid_action_id=aid.id))
    withdraw_consent(ctx, gone.id, ctx.today())
    erase_volunteer(ctx, erased.id)


def test_only_those_who_consented_are_exported(ctx: Context, tmp_path: Path) -> None:
    _setup(ctx)
    out = tmp_path / "network.csv"
    start = ctx.today() - timedelta(days=30)
    assert write_network_export(ctx, start, ctx.today(), "csv", out) == 1
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "Аты-жөні / ФИО" and len(rows[0]) == len(VOLUNTEER_COLUMNS)
    assert [r[0] for r in rows[1:]] == ["Бақыт Ержанов"]
    assert rows[1][12] == "2.5" and rows[1][11] == "Көмек жеткізу"
    actions = list(csv.reader((tmp_path / "network_actions.csv").read_text(
        encoding="utf-8-sig").splitlines()))
    assert len(actions[0]) == len(ACTION_COLUMNS)
    assert actions[1][1] == "Көмір" and actions[1][6:9] == ["4", "10", "5"]
    text = out.read_text(encoding="utf-8-sig") + (tmp_path / "network_actions.csv").read_text(
        encoding="utf-8-sig")
    assert "Арман" not in text and "Әсел" not in text and "Ұлан" not in text
    xlsx = tmp_path / "network.xlsx"
    assert write_network_export(ctx, start, ctx.today(), "xlsx", xlsx) == 1
    wb = load_workbook(xlsx, read_only=True)
    assert wb.sheetnames == ["Еріктілер", "Акциялар"]
    wb.close()
    with ctx.db.session() as s:
        assert s.scalars(select(AuditEntry).where(
            AuditEntry.entity == "volunteer_network")).all()


def test_network_export_is_for_managers(consultant_ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        write_network_export(consultant_ctx, consultant_ctx.today(), consultant_ctx.today(),
                             "csv", tmp_path / "x.csv")
    assert info.value.code == "access.denied"
