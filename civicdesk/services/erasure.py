"""Erasure that erases: a resident's data removed on request, everywhere this PC can
reach, and a report of what it cannot.

``erase_person`` does, in order:

1. the resident's own record, meeting and seminar lists and the resident's audit
   entries (``residents.erase_resident``);
2. every other audit entry whose values hold the person's name, IIN or phone (meeting
   attendance, seminar participation, consultations …), and every free-text field of
   consultations, meetings, agenda items, seminars and grant applications that holds
   them: blanked, and sent to the server like any change (the server accepts exactly
   this change of an audit entry, nothing else), so every replica loses them too;
3. the search index rebuilt, and the database file rewritten with ``secure_delete`` and
   ``VACUUM`` so no free page or index shadow table keeps the old text, then the WAL
   emptied;
4. the copies made before an upgrade or a restore removed (they hold the person and
   are not part of the rotation);
5. a report: what was blanked, the consultations linked to the person whose text a
   manager should read (a nickname or a relative cannot be found automatically), and
   every daily backup older than the erasure with the date the rotation removes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from civicdesk.db.models import (
    AgendaItem,
    AuditEntry,
    Consultation,
    GrantApplication,
    Meeting,
    Resident,
    Seminar,
)
from civicdesk.services.app import CivicApp
from civicdesk.services.audit_chain import mark_erased
from civicdesk.services.base import Actor, get_live, stamp_update
from civicdesk.services.permissions import authorize_in
from civicdesk.services.residents import ERASED, ERASED_NAME, erase_resident

TEXT_FIELDS: dict[type[Any], tuple[str, ...]] = {
    Consultation: ("question", "advice", "referral_to", "legal_refs"),
    Meeting: ("place", "akim_response", "chair_name", "secretary_name"),
    AgendaItem: ("title", "proposal", "decision", "speakers"),
    Seminar: ("title", "topic", "place", "trainer"),
    GrantApplication: ("title", "leader_name", "contact_phone", "contact_email"),
}


@dataclass(frozen=True)
class OldBackup:
    path: Path
    made_at: datetime
    removed_by: date | None
    """When the daily rotation deletes it (None: not rotated, delete it by hand)."""


@dataclass(frozen=True)
class ErasureReport:
    resident_id: str
    audit_entries: int
    texts: int
    to_review: list[str]
    """Consultations linked to the person: read their text, it may still identify them."""
    removed_copies: list[Path]
    old_backups: list[OldBackup]


def _needles(row: Resident) -> list[str]:
    out = [row.full_name] if row.full_name and len(row.full_name) >= 3 else []
    out += [v for v in (row.iin, row.phone) if v]
    return out


def _blank(text: str, needles: list[str]) -> str:
    for n in needles:
        text = text.replace(n, ERASED_NAME)
    return text


def _scrub_values(values: Any, needles: list[str]) -> Any:
    if isinstance(values, dict):
        return {k: _scrub_values(v, needles) for k, v in values.items()}
    if isinstance(values, list):
        return [_scrub_values(v, needles) for v in values]
    if isinstance(values, str) and any(n in values for n in needles):
        return ERASED if values in needles else _blank(values, needles)
    return values


def erase_person(app: CivicApp, actor: Actor, resident_id: str) -> ErasureReport:
    ctx = app.context(actor)
    with ctx.db.session() as s:
        authorize_in(ctx, s, "resident.erase")
        needles = _needles(get_live(s, Resident, resident_id, ctx))
    erase_resident(ctx, resident_id)
    audit_count = texts = 0
    with ctx.db.session() as s:
        if needles:
            for entry in s.scalars(select(AuditEntry)):
                raw = json.dumps([entry.before, entry.after], ensure_ascii=False)
                if not any(n in raw for n in needles):
                    continue
                entry.before = mark_erased(_scrub_values(entry.before, needles))
                entry.after = mark_erased(_scrub_values(entry.after, needles))
                audit_count += 1
            for model, fields in TEXT_FIELDS.items():
                conds = [
                    getattr(model, f).contains(n, autoescape=True) for f in fields for n in needles
                ]
                for row in s.scalars(select(model).where(or_(*conds))):
                    for f in fields:
                        value = getattr(row, f)
                        if isinstance(value, str) and any(n in value for n in needles):
                            setattr(row, f, _blank(value, needles))
                    stamp_update(ctx, row)
                    texts += 1
        review = list(
            s.scalars(
                select(Consultation.id).where(
                    Consultation.resident_id == resident_id, Consultation.deleted.is_(False)
                )
            )
        )
    _compact(app)
    removed = _remove_copies(app)
    return ErasureReport(
        resident_id, audit_count, texts, review, removed, _old_backups(app)
    )


def _compact(app: CivicApp) -> None:
    """The file rewritten (no free page keeps old text), then the search index anew
    (VACUUM may renumber the rowids it points at; its old pages are overwritten as
    they are freed), then the WAL emptied."""
    from civicdesk.db.search import rebuild_fts

    with app.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
        conn.commit()
        conn.exec_driver_sql("VACUUM")
        conn.commit()
        for table in ("residents", "consultations"):
            rebuild_fts(conn, table)
        conn.commit()
        # VACUUM renumbered rowids the sync round's answers may still refer to: the index
        # is rebuilt once more at the end of the next sync round or start
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES ('search_index_stale', 'true') "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )
        conn.commit()
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("PRAGMA secure_delete = OFF")
        conn.commit()


def _remove_copies(app: CivicApp) -> list[Path]:
    from civicdesk.services.backups import OTHER_RE

    folder = app.data_dir / "backups"
    removed: list[Path] = []
    try:
        files = [p for p in folder.iterdir() if OTHER_RE.match(p.name) and p.is_file()]
    except OSError:
        return removed
    for p in files:
        try:
            p.unlink()
            removed.append(p)
            for side in ("-wal", "-shm", "-journal"):
                Path(str(p) + side).unlink(missing_ok=True)
        except OSError:
            continue
    return removed


def _old_backups(app: CivicApp) -> list[OldBackup]:
    from civicdesk.services.backups import list_backups, load_policy

    keep = load_policy(app).keep
    out: list[OldBackup] = []
    for entry in list_backups(app):
        rotated = entry.kind in ("daily", "second")
        removed_by = (entry.made_at + timedelta(days=keep)).date() if rotated else None
        out.append(OldBackup(entry.path, entry.made_at, removed_by))
    return out
