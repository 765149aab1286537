"""The export for the national volunteer register: volunteers who consented to that
transfer, with their hours, and the volunteer actions (aid actions) of a period.

No published import format of the national register or of the qaz.volunteer.kz
platform was found (docs/volunteers.md says what was searched and why the columns are
these); the columns follow what the Law "On volunteer activities" says the register
holds (art. 1 p. 7: volunteers, organisations, actions, place and time) and what the
ministry asks for (kinds of activity, number of participants, description). CSV is
UTF-8 with a byte-order mark (opens in Excel with Cyrillic intact); XLSX has two sheets.
Only volunteers with the "network" purpose, consent valid on the export day and not
erased, are written; a manager's action, written to the audit log with the count.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, func, select, type_coerce

from civicdesk.db.models import (
    AidAction,
    District,
    Region,
    Settlement,
    Volunteer,
    VolunteerAssignment,
)
from civicdesk.domain.collation import collation_key
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.volunteers import ASSIGNMENT_KINDS, consent_valid
from civicdesk.printing.common import write_output
from civicdesk.services.base import Context, audit, require_role

__all__ = ["ACTION_COLUMNS", "VOLUNTEER_COLUMNS", "NetworkExport", "network_export",
           "write_network_export"]

M = Message
#: (key, header kk, header ru) of the volunteers sheet, in order
VOLUNTEER_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("full_name", "Аты-жөні", "ФИО"),
    ("iin", "ЖСН", "ИИН"),
    ("sex", "Жынысы", "Пол"),
    ("birth_year", "Туған жылы", "Год рождения"),
    ("phone", "Телефон", "Телефон"),
    ("region", "Облыс", "Область"),
    ("district", "Аудан", "Район"),
    ("settlement", "Елді мекен", "Населённый пункт"),
    ("kato", "ӘАОЖ коды", "Код КАТО"),
    ("skills", "Дағдылары", "Навыки"),
    ("availability", "Бос уақыты", "Когда свободен"),
    ("kinds", "Волонтерлік қызмет түрлері", "Виды волонтёрской деятельности"),
    ("hours", "Сағат", "Часы"),
    ("actions", "Тапсырмалар саны", "Число поручений"),
    ("consent_date", "Беруге келісім күні", "Дата согласия на передачу"),
)
ACTION_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("date", "Күні", "Дата"),
    ("title", "Акция", "Акция"),
    ("region", "Облыс", "Область"),
    ("district", "Аудан", "Район"),
    ("settlement", "Елді мекен", "Населённый пункт"),
    ("kato", "ӘАОЖ коды", "Код КАТО"),
    ("volunteers", "Қатысқан еріктілер", "Участвовало волонтёров"),
    ("hours", "Сағат", "Часы"),
    ("households", "Көмек алған үйлер", "Семей получили помощь"),
    ("amount", "Көмек, ₸", "Помощь, ₸"),
    ("in_kind", "Заттай", "В натуральной форме"),
    ("services", "Қатысқан қызметтер", "Участвовавшие службы"),
)
FORMAT = M("Пішім: csv немесе xlsx.", "Формат: csv или xlsx.")
SEX = {"m": ("ер", "муж."), "f": ("әйел", "жен.")}


@dataclass(frozen=True)
class NetworkExport:
    volunteers: list[list[str]]
    actions: list[list[str]]


def _num(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return f"{Decimal(value).normalize():f}"


def _place(s: Any, settlement_id: str | None, cache: dict[str, list[str]]) -> list[str]:
    if not settlement_id:
        return ["", "", "", ""]
    if settlement_id not in cache:
        st = s.get(Settlement, settlement_id)
        district = s.get(District, st.district_id) if st and st.district_id else None
        region = s.scalar(select(Region).where(Region.kato == district.region_kato)) \
            if district else None
        cache[settlement_id] = [region.name_kk if region else "",
                                district.name_kk if district else "",
                                st.name_kk if st else "", (st.kato or "") if st else ""]
    return cache[settlement_id]


def network_export(ctx: Context, start: date, end: date) -> NetworkExport:
    """The rows (Kazakh values; sex as «ер»/«әйел») of the period ``start``–``end``."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    today = ctx.today()
    a = VolunteerAssignment
    raw = type_coerce(a.hours, Integer)
    with ctx.db.session() as s:
        vols = [v for v in s.scalars(select(Volunteer).where(
            Volunteer.deleted.is_(False), Volunteer.erased_at.is_(None),
            Volunteer.center_id == ctx.actor.center_id))
            if "network" in (v.consent_purposes or [])
            and consent_valid(v.consent_date, v.consent_purposes or [],
                              v.consent_withdrawn_on, today)]
        vols.sort(key=lambda v: collation_key(v.full_name))
        work: dict[str, tuple[int, int, set[str]]] = {}
        for vid, kind, hours, n in s.execute(
                select(a.volunteer_id, a.kind, func.sum(raw), func.count())
                .where(a.deleted.is_(False), a.done_on >= start, a.done_on <= end,
                       a.center_id == ctx.actor.center_id)
                .group_by(a.volunteer_id, a.kind)):
            h, c, kinds = work.get(vid, (0, 0, set()))
            work[vid] = (h + int(hours or 0), c + int(n), kinds | {kind})
        cache: dict[str, list[str]] = {}
        vol_rows = []
        for v in vols:
            h, n, kinds = work.get(v.id, (0, 0, set()))
            vol_rows.append([
                v.full_name, v.iin or "", SEX.get(v.sex or "", ("", ""))[0],
                str(v.birth_year or ""), v.phone or "", *_place(s, v.settlement_id, cache),
                v.skills, v.availability,
                ", ".join(ASSIGNMENT_KINDS[k].kk for k in ASSIGNMENT_KINDS if k in kinds),
                _num(Decimal(h) / 1000), str(n),
                v.consent_date.isoformat() if v.consent_date else ""])
        act_rows = []
        for aid in s.scalars(select(AidAction).where(
                AidAction.deleted.is_(False), AidAction.center_id == ctx.actor.center_id,
                AidAction.done_on >= start, AidAction.done_on <= end
        ).order_by(AidAction.done_on, AidAction.id)):
            n_vol, hours = s.execute(select(func.count(func.distinct(a.volunteer_id)),
                                            func.coalesce(func.sum(raw), 0)).where(
                a.aid_action_id == aid.id, a.deleted.is_(False))).one()
            act_rows.append([
                aid.done_on.isoformat(), aid.title, *_place(s, aid.settlement_id, cache),
                str(n_vol), _num(Decimal(int(hours)) / 1000), str(aid.households),
                _num(aid.amount), f"{_num(aid.quantity)} {aid.unit}".strip(), aid.services])
        audit(ctx, s, "export", "volunteer_network", None,
              after={"volunteers": len(vol_rows), "actions": len(act_rows),
                     "from": start.isoformat(), "to": end.isoformat()})
    return NetworkExport(vol_rows, act_rows)


def _headers(columns: Sequence[tuple[str, str, str]]) -> list[str]:
    return [f"{kk} / {ru}" for _k, kk, ru in columns]


def write_network_export(ctx: Context, start: date, end: date, fmt: str,
                         out: Path) -> int:
    """``fmt`` "xlsx": one file with the sheets «Еріктілер» and «Акциялар»; "csv": the
    volunteers in ``out`` and the actions beside it (``<name>_actions.csv``). Returns
    the number of volunteers written."""
    kind = fmt.strip().lower().lstrip(".")
    if kind not in ("csv", "xlsx"):
        raise UserError("export.format", FORMAT, field="format")
    data = network_export(ctx, start, end)
    if kind == "csv":
        for path, columns, rows in (
                (out, VOLUNTEER_COLUMNS, data.volunteers),
                (out.with_name(out.stem + "_actions.csv"), ACTION_COLUMNS, data.actions)):
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(_headers(columns))
            w.writerows(rows)
            write_output(("\ufeff" + buf.getvalue()).encode("utf-8"), path)
        return len(data.volunteers)
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Еріктілер"
    for title, columns, rows in (("Еріктілер", VOLUNTEER_COLUMNS, data.volunteers),
                                 ("Акциялар", ACTION_COLUMNS, data.actions)):
        sheet = ws if title == "Еріктілер" else wb.create_sheet(title)
        sheet.append(_headers(columns))
        for row in rows:
            sheet.append(row)
    buf2 = io.BytesIO()
    wb.save(buf2)
    write_output(buf2.getvalue(), out)
    return len(data.volunteers)
