"""Administration: integrity check, backup, restore, export for head office."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from civicdesk.db.engine import (
    DB_FILE_NAME,
    DatabaseError,
    backup_file,
    check_file,
    integrity_problems,
    known_revisions,
    open_database,
    translate_operational_error,
)
from civicdesk.domain.errors import Lang, Message, UserError
from civicdesk.domain.iin import iin_check_digit

# --------------------------------------------------------------------------- check


@dataclass(frozen=True)
class CheckResult:
    name: Message
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def _invariant(sql: str) -> Callable[[Any], list[str]]:
    def run(conn: Any) -> list[str]:
        return [" | ".join(str(v) for v in row) for row in conn.execute(text(sql))]

    return run


INVARIANTS: list[tuple[Message, Callable[[Any], list[str]]]] = [
    (
        Message(kk="Кеңестердің тақырыптары анықтамалықта бар",
                ru="Темы консультаций есть в справочнике"),
        _invariant(
            "SELECT c.id, c.topic_code FROM consultations c LEFT JOIN topics t "
            "ON t.code = c.topic_code WHERE c.deleted = 0 AND t.id IS NULL"
        ),
    ),
    (
        Message(kk="Гранттар қоры асып кетпеген", ru="Сумма грантов не превышает фонд"),
        _invariant(
            "SELECT g.id, g.pool, sum(a.awarded_amount) FROM grant_calls g JOIN "
            "grant_applications a ON a.call_id = g.id AND a.deleted = 0 "
            "WHERE a.awarded_amount IS NOT NULL GROUP BY g.id, g.pool "
            "HAVING sum(a.awarded_amount) > g.pool"
        ),
    ),
    (
        Message(kk="Дауыстар қатысушылардан аспайды",
                ru="Голосов не больше, чем присутствующих"),
        _invariant(
            "SELECT i.id, m.members_present, i.votes_for + i.votes_against + i.votes_abstain "
            "FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
            "WHERE i.deleted = 0 AND m.deleted = 0 AND "
            "i.votes_for + i.votes_against + i.votes_abstain > m.members_present"
        ),
    ),
    (
        Message(kk="Қатысушылар мүшелерден көп емес",
                ru="Присутствующих не больше, чем членов"),
        _invariant(
            "SELECT id, members_present, members_eligible FROM meetings WHERE deleted = 0 "
            "AND members_eligible > 0 AND members_present > members_eligible"
        ),
    ),
    (
        Message(kk="Таратылған кітапшалар басылғаннан көп емес",
                ru="Распространено не больше, чем напечатано"),
        _invariant(
            "SELECT p.id, p.copies, sum(d.copies) FROM print_runs p JOIN distributions d "
            "ON d.print_run_id = p.id AND d.deleted = 0 WHERE p.deleted = 0 "
            "GROUP BY p.id, p.copies HAVING sum(d.copies) > p.copies"
        ),
    ),
    (
        Message(kk="Іздеу индексі толық", ru="Поисковый индекс полон"),
        _invariant(
            "SELECT 'consultations', (SELECT count(*) FROM consultations WHERE deleted = 0), "
            "(SELECT count(*) FROM consultations_fts) WHERE (SELECT count(*) FROM consultations "
            "WHERE deleted = 0) != (SELECT count(*) FROM consultations_fts) "
            "UNION ALL SELECT 'residents', (SELECT count(*) FROM residents WHERE deleted = 0 "
            "AND erased_at IS NULL), (SELECT count(*) FROM residents_fts) WHERE "
            "(SELECT count(*) FROM residents WHERE deleted = 0 AND erased_at IS NULL) != "
            "(SELECT count(*) FROM residents_fts)"
        ),
    ),
]


def _iin_problems(conn: Any) -> list[str]:
    out = []
    for rid, iin in conn.execute(text("SELECT id, iin FROM residents WHERE iin IS NOT NULL")):
        if len(iin) != 12 or not iin.isdigit() or iin_check_digit(iin[:11]) != int(iin[11]):
            out.append(f"{rid} | {iin}")
    return out


INVARIANTS.append(
    (Message(kk="ЖСН бақылау сандары дұрыс", ru="Контрольные цифры ИИН верны"), _iin_problems)
)


def check_database(path: Path) -> list[CheckResult]:
    """SQLite integrity and foreign keys, then the app's own invariants."""
    db = open_database(path, create=False)
    try:
        results = [
            CheckResult(
                Message(kk="SQLite тұтастығы және сыртқы кілттер",
                        ru="Целостность SQLite и внешние ключи"),
                integrity_problems(db.engine),
            )
        ]
        with db.engine.connect() as conn:
            for name, fn in INVARIANTS:
                results.append(CheckResult(name, fn(conn)))
        return results
    finally:
        db.close()


# --------------------------------------------------------------------------- backup


def make_backup(data_dir: Path, out: Path) -> Path:
    src = data_dir / DB_FILE_NAME
    if not src.exists():
        raise DatabaseError("db.missing", NO_DATABASE, path=str(src))
    check_file(src)
    try:
        return backup_file(src, out)
    except OSError as exc:
        err = translate_operational_error(exc, out)
        if err is not None:
            raise err from exc
        raise UserError("backup.write", CANNOT_WRITE, path=str(out), detail=str(exc)) from exc


NO_DATABASE = Message(
    kk="«{path}» дерекқоры табылмады.",
    ru="База данных «{path}» не найдена.",
)
CANNOT_WRITE = Message(
    kk="«{path}» файлына жазу мүмкін болмады: {detail}",
    ru="Не удалось записать файл «{path}»: {detail}",
)
NOT_OURS = Message(
    kk="«{path}» — CivicDesk дерекқоры емес; ағымдағы деректер өзгертілген жоқ.",
    ru="«{path}» — не база данных CivicDesk; текущие данные не изменены.",
)
RESTORE_TOO_NEW = Message(
    kk="«{path}» көшірмесін бағдарламаның жаңарақ нұсқасы жасаған; ағымдағы деректер "
    "өзгертілген жоқ. Алдымен бағдарламаны жаңартыңыз.",
    ru="Копия «{path}» создана более новой версией программы; текущие данные не изменены. "
    "Сначала обновите программу.",
)
RESTORE_DAMAGED = Message(
    kk="«{path}» көшірмесі бүлінген ({detail}); ағымдағы деректер өзгертілген жоқ.",
    ru="Копия «{path}» повреждена ({detail}); текущие данные не изменены.",
)


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    revision: str
    made_at: datetime | None
    counts: dict[str, int]


SUMMARY_TABLES = ("residents", "consultations", "meetings", "grant_applications", "seminars",
                  "booklets")


def inspect_backup(path: Path) -> BackupSummary:
    """What a backup holds and when it was made; refuses what is not ours."""
    check_file(path)
    if not path.exists() or path.stat().st_size == 0:
        raise UserError("restore.not_ours", NOT_OURS, path=str(path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UserError("restore.not_ours", NOT_OURS, path=str(path)) from exc
    try:
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise UserError(
                "restore.damaged", RESTORE_DAMAGED, path=str(path), detail=str(exc)
            ) from exc
        if not {"alembic_version", "consultations", "residents"} <= tables:
            raise UserError("restore.not_ours", NOT_OURS, path=str(path))
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        if revision not in known_revisions():
            raise UserError("restore.too_new", RESTORE_TOO_NEW, path=str(path))
        check = con.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise UserError("restore.damaged", RESTORE_DAMAGED, path=str(path), detail=check)
        counts = {
            t: int(con.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0])
            for t in SUMMARY_TABLES
            if t in tables
        }
        made = con.execute("SELECT max(updated_at) FROM audit_log").fetchone()[0]
        made_at = datetime.fromisoformat(made) if made else None
        return BackupSummary(path, revision, made_at, counts)
    finally:
        con.close()


def restore_backup(data_dir: Path, backup: Path) -> tuple[BackupSummary, Path | None]:
    """Replace the current database with ``backup`` after checking it.

    The current database is copied aside first; on any refusal it stays untouched.
    Returns the summary and where the previous database was kept.
    """
    summary = inspect_backup(backup)
    target = data_dir / DB_FILE_NAME
    kept: Path | None = None
    data_dir.mkdir(parents=True, exist_ok=True)
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = backup_file(target, data_dir / "backups" / f"before-restore-{stamp}.sqlite3")
    tmp = target.with_name(target.name + ".restoring")
    try:
        backup_file(backup, tmp)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        err = translate_operational_error(exc, tmp)
        raise (err or UserError("backup.write", CANNOT_WRITE, path=str(tmp), detail=str(exc))) from exc
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    tmp.replace(target)
    db = open_database(target)  # migrates an older backup to the current schema
    try:
        with db.engine.begin() as conn:
            from civicdesk.db.search import rebuild_fts

            for table in ("residents", "consultations"):
                rebuild_fts(conn, table)
    finally:
        db.close()
    return summary, kept


# --------------------------------------------------------------------------- export

EXPORTS: dict[str, str] = {
    "consultations": (
        "SELECT c.id, c.center_id, c.occurred_at, c.channel, c.topic_code, t.name_kk AS topic_kk,"
        " t.name_ru AS topic_ru, c.status, c.language, s.name_kk AS settlement_kk,"
        " s.name_ru AS settlement_ru, u.full_name AS consultant, r.sex AS resident_sex,"
        " r.age_group AS resident_age_group, c.question, c.advice, c.legal_refs, c.referral_to,"
        " c.follow_up_on FROM consultations c LEFT JOIN topics t ON t.code = c.topic_code"
        " LEFT JOIN settlements s ON s.id = c.settlement_id LEFT JOIN users u"
        " ON u.id = c.consultant_id LEFT JOIN residents r ON r.id = c.resident_id"
        " WHERE c.deleted = 0 ORDER BY c.occurred_at"
    ),
    # Residents without names, IIN or phone: head office needs counts, not identities.
    "residents": (
        "SELECT r.id, r.center_id, r.sex, r.age_group, r.disability, s.name_kk AS settlement_kk,"
        " s.name_ru AS settlement_ru, r.consent_date, r.consent_form_version,"
        " r.erased_at IS NOT NULL AS erased FROM residents r LEFT JOIN settlements s"
        " ON s.id = r.settlement_id WHERE r.deleted = 0 ORDER BY r.created_at"
    ),
    "meetings": (
        "SELECT id, center_id, kind, number, held_on, starts_at, ends_at, place, convened_by,"
        " chair_name, secretary_name, members_eligible, members_present, quorum_rule_version,"
        " status, sent_to_akim_on, akim_response_on, akim_response FROM meetings"
        " WHERE deleted = 0 ORDER BY held_on"
    ),
    "agenda_items": (
        "SELECT i.id, i.meeting_id, m.held_on, i.position, i.title, i.proposal, i.votes_for,"
        " i.votes_against, i.votes_abstain, i.outcome, i.decision FROM agenda_items i"
        " JOIN meetings m ON m.id = i.meeting_id WHERE i.deleted = 0 AND m.deleted = 0"
        " ORDER BY m.held_on, i.position"
    ),
    "grant_calls": (
        "SELECT id, title_kk, title_ru, region_kato, pool / 100.0 AS pool, opens_on, closes_on,"
        " status FROM grant_calls WHERE deleted = 0"
    ),
    "grant_applications": (
        "SELECT a.id, a.center_id, a.call_id, a.applicant_kind, a.applicant_name, a.bin,"
        " a.title, a.beneficiaries, a.starts_on, a.ends_on, a.status,"
        " a.awarded_amount / 100.0 AS awarded_amount, a.awarded_on,"
        " (SELECT sum(b.qty * b.unit_cost) / 100000.0 FROM budget_lines b"
        "  WHERE b.application_id = a.id AND b.deleted = 0) AS budget_total"
        " FROM grant_applications a WHERE a.deleted = 0"
    ),
    "budget_lines": (
        "SELECT b.id, b.application_id, b.position, b.category, b.item, b.unit,"
        " b.qty / 1000.0 AS qty, b.unit_cost / 100.0 AS unit_cost,"
        " b.cofinancing / 100.0 AS cofinancing FROM budget_lines b WHERE b.deleted = 0"
        " ORDER BY b.application_id, b.position"
    ),
    "grant_reviews": (
        "SELECT id, application_id, reviewer_name, conflict_declared, total_score / 100.0 AS"
        " total_score, submitted_on FROM grant_reviews WHERE deleted = 0"
    ),
    "grant_indicators": (
        "SELECT id, application_id, name, unit, baseline / 1000.0 AS baseline,"
        " target / 1000.0 AS target, actual / 1000.0 AS actual FROM grant_indicators"
        " WHERE deleted = 0"
    ),
    "seminars": (
        "SELECT s.id, s.center_id, s.title, s.topic, s.held_on, s.place, s.trainer, s.hours,"
        " (SELECT count(*) FROM seminar_participants p WHERE p.seminar_id = s.id"
        "  AND p.deleted = 0) AS participants,"
        " (SELECT count(*) FROM seminar_participants p WHERE p.seminar_id = s.id"
        "  AND p.deleted = 0 AND p.attended = 1) AS attended,"
        " (SELECT avg(pre_score) FROM seminar_participants p WHERE p.seminar_id = s.id"
        "  AND p.deleted = 0) AS mean_pre,"
        " (SELECT avg(post_score) FROM seminar_participants p WHERE p.seminar_id = s.id"
        "  AND p.deleted = 0) AS mean_post FROM seminars s WHERE s.deleted = 0"
    ),
    "booklets": (
        "SELECT id, center_id, template_name, title_kk, title_ru, layout, arrangement, edition,"
        " edition_date FROM booklets WHERE deleted = 0"
    ),
    "print_runs": (
        "SELECT p.id, p.booklet_id, b.title_kk, p.copies, p.printed_on, p.layout FROM print_runs p"
        " JOIN booklets b ON b.id = p.booklet_id WHERE p.deleted = 0"
    ),
    "distributions": (
        "SELECT d.id, d.print_run_id, s.name_kk AS settlement_kk, s.name_ru AS settlement_ru,"
        " d.copies, d.distributed_on FROM distributions d LEFT JOIN settlements s"
        " ON s.id = d.settlement_id WHERE d.deleted = 0"
    ),
    # Measured campaigns: the sheets are anonymous (sex, age band, village, answers).
    "campaigns": (
        "SELECT id, center_id, title_kk, title_ru, booklet_id, starts_on, ends_on,"
        " knows_threshold, questions FROM campaigns WHERE deleted = 0"
    ),
    "survey_waves": (
        "SELECT id, campaign_id, kind, number, starts_on, ends_on FROM survey_waves"
        " WHERE deleted = 0"
    ),
    "survey_sheets": (
        "SELECT sh.id, sh.wave_id, sh.number, sh.sex, sh.age_band, s.name_kk AS settlement_kk,"
        " s.name_ru AS settlement_ru, sh.answers, sh.source FROM survey_sheets sh"
        " LEFT JOIN settlements s ON s.id = sh.settlement_id WHERE sh.deleted = 0"
    ),
    "hand_outs": (
        "SELECT id, print_run_id, copies, distributed_on, handed_by, people_briefed"
        " FROM distributions WHERE deleted = 0"
    ),
}


def _rows(path: Path, sql: str) -> tuple[list[str], Iterator[tuple[Any, ...]], sqlite3.Connection]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    cur = con.execute(sql)
    columns = [d[0] for d in cur.description]
    return columns, iter(cur), con


def export_tables(data_dir: Path, fmt: str, out: Path) -> dict[str, int]:
    """Every table head office wants, as CSV files in a folder or one XLSX workbook."""
    src = data_dir / DB_FILE_NAME
    if not src.exists():
        raise DatabaseError("db.missing", NO_DATABASE, path=str(src))
    open_database(src).close()  # checks and migrates first
    counts: dict[str, int] = {}
    try:
        if fmt == "csv":
            out.mkdir(parents=True, exist_ok=True)
            for name, sql in EXPORTS.items():
                columns, rows, con = _rows(src, sql)
                try:
                    with (out / f"{name}.csv").open("w", newline="", encoding="utf-8-sig") as fh:
                        writer = csv.writer(fh)
                        writer.writerow(columns)
                        n = 0
                        for row in rows:
                            writer.writerow(row)
                            n += 1
                    counts[name] = n
                finally:
                    con.close()
        else:
            from openpyxl import Workbook
            from openpyxl.cell import WriteOnlyCell
            from openpyxl.styles import Font

            wb = Workbook(write_only=True)
            for name, sql in EXPORTS.items():
                ws = wb.create_sheet(title=name[:31])
                columns, rows, con = _rows(src, sql)
                try:
                    header = []
                    for c in columns:
                        cell = WriteOnlyCell(ws, value=c)
                        cell.font = Font(bold=True)
                        header.append(cell)
                    ws.append(header)
                    n = 0
                    for row in rows:
                        ws.append(list(row))
                        n += 1
                    counts[name] = n
                finally:
                    con.close()
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp = out.with_name(out.name + ".part")
            wb.save(tmp)
            tmp.replace(out)
    except OSError as exc:
        err = translate_operational_error(exc, out)
        raise (err or UserError("export.write", CANNOT_WRITE, path=str(out), detail=str(exc))) from exc
    return counts


def check_text(results: list[CheckResult], lang: Lang) -> str:
    lines = []
    for r in results:
        mark = "OK " if r.ok else "ERR"
        lines.append(f"[{mark}] {r.name.text(lang)}" + ("" if r.ok else f": {len(r.problems)}"))
        lines.extend(f"      {p}" for p in r.problems[:20])
    return "\n".join(lines)

