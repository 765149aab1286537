"""Administration: integrity check, backup, restore, export for head office."""

from __future__ import annotations

import contextlib
import csv
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from civicdesk.db.engine import (
    CORRUPT,
    DB_FILE_NAME,
    DatabaseError,
    check_file,
    error_code,
    integrity_problems,
    open_database,
    ro_uri,
    stored_revision,
    translate_operational_error,
)
from civicdesk.db.schema_version import HEAD
from civicdesk.domain.errors import Lang, Message, UserError
from civicdesk.domain.iin import iin_check_digit
from civicdesk.services.audit_chain import chain_problems
from civicdesk.services.privacy import Scrubber
from civicdesk.services.restore import (
    CANNOT_WRITE,
    NO_DATABASE,
    NOT_OURS,
    RESTORE_DAMAGED,
    RESTORE_TOO_NEW,
    BackupSummary,
    inspect_backup,
    make_backup,
    restore_backup,
)

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
INVARIANTS.append(
    (
        Message(kk="Аудит журналының тізбегі бұзылмаған",
                ru="Цепочка журнала аудита не нарушена"),
        chain_problems,
    )
)


#: Codes of a damaged database: ``check`` reports them as problems found (exit 1).
DAMAGE_CODES = frozenset({"db.empty", "db.truncated", "db.not_sqlite", "db.corrupt",
                          "db.unreadable"})


def _read_only_engine(path: Path) -> Engine:
    uri = ro_uri(path)
    return create_engine(
        "sqlite+pysqlite://", poolclass=NullPool,
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
    )


def check_database(path: Path) -> list[CheckResult]:
    """SQLite integrity and foreign keys, then the app's own invariants.

    Only reads: a damaged file is reported, never "repaired" or replaced by an empty
    database.  An empty, truncated or malformed file raises ``DatabaseError`` with a
    code in ``DAMAGE_CODES``; a missing one ``db.missing``.
    """
    if not path.is_file():
        raise DatabaseError("db.missing", NO_DATABASE, path=str(path))
    check_file(path, allow_empty=False)
    engine = _read_only_engine(path)
    try:
        results = [
            CheckResult(
                Message(kk="SQLite тұтастығы және сыртқы кілттер",
                        ru="Целостность SQLite и внешние ключи"),
                integrity_problems(engine),
            )
        ]
        with engine.connect() as conn:
            revision = stored_revision(conn)
            if revision != HEAD:
                return results  # an older schema: the app upgrades it on opening
            for name, fn in INVARIANTS:
                results.append(CheckResult(name, fn(conn)))
        return results
    except (DBAPIError, sqlite3.Error) as exc:
        orig = getattr(exc, "orig", None) or exc
        err = translate_operational_error(orig, path)
        if err is not None and err.code != "db.corrupt":
            raise err from exc
        raise DatabaseError("db.corrupt", CORRUPT, path=str(path),
                            detail=error_code(orig)) from exc
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- backup

# Backup and restore live in ``civicdesk.services.restore``; re-exported here for the
# command line and the Backups page.
__all__ = [
    "CANNOT_WRITE", "NOT_OURS", "NO_DATABASE", "RESTORE_DAMAGED", "RESTORE_TOO_NEW",
    "BackupSummary", "CheckResult", "check_database", "check_text", "export_tables",
    "inspect_backup", "make_backup", "restore_backup",
]


# --------------------------------------------------------------------------- export

EXPORTS: dict[str, str] = {
    "consultations": (
        "SELECT c.id, c.center_id, c.occurred_at, c.channel, c.topic_code, t.name_kk AS topic_kk,"
        " t.name_ru AS topic_ru, c.status, c.language, s.name_kk AS settlement_kk,"
        " s.name_ru AS settlement_ru, u.role AS consultant_role, r.sex AS resident_sex,"
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
        " members_eligible, members_present, quorum_rule_version,"
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
        "SELECT a.id, a.center_id, a.call_id, a.applicant_kind, a.bin,"
        " a.title, a.beneficiaries, a.ben_women, a.ben_men, a.ben_under_18, a.ben_18_29,"
        " a.ben_30_44, a.ben_45_59, a.ben_60_plus, a.ben_youth, a.ben_disability,"
        " a.starts_on, a.ends_on, a.status,"
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
        "SELECT id, application_id, conflict_declared, total_score / 100.0 AS"
        " total_score, submitted_on FROM grant_reviews WHERE deleted = 0"
    ),
    "grant_indicators": (
        "SELECT id, application_id, name, unit, baseline / 1000.0 AS baseline,"
        " target / 1000.0 AS target, actual / 1000.0 AS actual FROM grant_indicators"
        " WHERE deleted = 0"
    ),
    "seminar_series": (
        "SELECT id, center_id, name_kk, name_ru, starts_on, ends_on, planned, programme_id"
        " FROM seminar_series WHERE deleted = 0"
    ),
    # participants counted, never named: by sex, age group, youth and disability
    "seminar_participants": (
        "SELECT p.id, p.seminar_id, p.attended, coalesce(p.sex, r.sex) AS sex,"
        " coalesce(p.age_group, r.age_group) AS age_group, p.youth,"
        " coalesce(p.disability, r.disability) AS disability, p.pre_score, p.post_score"
        " FROM seminar_participants p LEFT JOIN residents r ON r.id = p.resident_id"
        " WHERE p.deleted = 0"
    ),
    "seminars": (
        "SELECT s.id, s.center_id, s.series_id, s.audience, s.title, s.topic, s.held_on,"
        " s.place, s.hours,"
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
    """The rows of one export, every text cell through the privacy scrubber."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    scrub = Scrubber.from_connection(con)
    cur = con.execute(sql)
    columns = [d[0] for d in cur.description]
    return columns, (tuple(scrub(v) for v in row) for row in cur), con


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
            try:
                wb.save(tmp)
                tmp.replace(out)
            except OSError:
                with contextlib.suppress(OSError):
                    tmp.unlink(missing_ok=True)  # no half-written workbook stays
                raise
    except OSError as exc:
        err = translate_operational_error(exc, out)
        raise (err or UserError("export.write", CANNOT_WRITE, path=str(out), detail=error_code(exc))) from exc
    return counts


def check_text(results: list[CheckResult], lang: Lang) -> str:
    lines = []
    for r in results:
        mark = "OK " if r.ok else "ERR"
        lines.append(f"[{mark}] {r.name.text(lang)}" + ("" if r.ok else f": {len(r.problems)}"))
        lines.extend(f"      {p}" for p in r.problems[:20])
    return "\n".join(lines)

