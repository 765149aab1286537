"""Backup, restore, export and report on behalf of a signed-in person: the role is
checked first (permissions.PERMISSIONS) and each run is written to the audit log.

The file-level functions in ``admin`` and ``report_export`` know nothing of users;
the command line and the windows call these instead.
"""

from __future__ import annotations

from pathlib import Path

from civicdesk.db.engine import BACKUP_EXISTS, BACKUP_OVER_LIVE, DB_FILE_NAME, same_file
from civicdesk.domain.errors import UserError
from civicdesk.domain.periods import Period
from civicdesk.services.admin import BackupSummary, export_tables, make_backup, restore_backup
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context, audit
from civicdesk.services.permissions import authorize, authorize_in


def _record(ctx: Context, action: str, entity: str, details: dict[str, object]) -> None:
    with ctx.db.session() as s:
        audit(ctx, s, action, entity, None, None, details)


def refuse_bad_target(data_dir: Path, out: Path, *, force: bool = False) -> None:
    """The refusals of ``make_backup`` about where the copy goes, before anyone signs
    in (a sign-in writes to the database, and a refused backup must leave it as it was)."""
    live = data_dir / DB_FILE_NAME
    if same_file(live, out) or out.resolve() == live.resolve():
        raise UserError("backup.over_live", BACKUP_OVER_LIVE, path=str(out))
    if out.exists() and not force:
        raise UserError("backup.exists", BACKUP_EXISTS, path=str(out))


def backup_as(app: CivicApp, actor: Actor, out: Path, *, force: bool = False) -> Path:
    ctx = app.context(actor)
    with ctx.db.session() as s:
        authorize_in(ctx, s, "backup.make")
    path = make_backup(app.data_dir, out, force=force)
    _record(ctx, "backup", "database", {"path": str(path)})
    return path


def export_as(app: CivicApp, actor: Actor, fmt: str, out: Path) -> dict[str, int]:
    ctx = app.context(actor)
    with ctx.db.session() as s:
        authorize_in(ctx, s, "export")
    counts = export_tables(app.data_dir, fmt, out)
    _record(ctx, "export", "database", {"path": str(out), "format": fmt, "rows": counts})
    return counts


def report_as(ctx: Context, period: Period, fmt: str, out: Path) -> int:
    from civicdesk.services.report_export import write_report

    with ctx.db.session() as s:
        authorize_in(ctx, s, "report")
    n = write_report(ctx, period, fmt, out)
    _record(
        ctx, "report", "report",
        {"path": str(out), "format": fmt, "from": str(period.start), "to": str(period.end)},
    )
    return n


def restore_as(
    data_dir: Path, actor: Actor | None, backup: Path, *, move_center: bool = False
) -> tuple[BackupSummary, Path | None]:
    """``actor`` None only where no center is set up yet (nothing here to protect)."""
    if actor is not None:
        authorize(actor, "backup.restore")
    summary, kept = restore_backup(data_dir, backup, move_center=move_center)
    if actor is not None:
        app = CivicApp(data_dir)
        try:
            _record(
                app.context(actor), "restore", "database",
                {"from": str(backup), "kept": str(kept) if kept else None,
                 "moved_center": move_center},
            )
        finally:
            app.close()
    return summary, kept
