"""The consultation journal: record, edit, find, follow up."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, aliased

from civicdesk.db.models import Consultation, ConsultationTopic, Resident, Settlement, Topic, User
from civicdesk.db.ordering import ordered_join
from civicdesk.domain.consultations import validate_consultation
from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.domain.errors import Message, ValidationError, ValidationErrors
from civicdesk.domain.text import fts_query
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    audit,
    get_live,
    record_change,
    scoped,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)
from civicdesk.services.permissions import authorize

UNKNOWN_TOPIC = Message(
    kk="Мұндай тақырып жоқ: {topic}.",
    ru="Такой темы нет: {topic}.",
)


@dataclass(frozen=True)
class ConsultationInput:
    occurred_at: datetime
    channel: ConsultationChannel
    topic_codes: list[str]
    question: str
    advice: str = ""
    resident_id: str | None = None
    settlement_id: str | None = None
    consultant_id: str | None = None
    legal_refs: str = ""
    referral_to: str = ""
    follow_up_on: date | None = None
    status: ConsultationStatus = ConsultationStatus.OPEN
    language: str = "kk"


@dataclass(frozen=True)
class ConsultationView:
    id: str
    occurred_at: datetime
    channel: ConsultationChannel
    topic_codes: list[str]
    question: str
    advice: str
    resident_id: str | None
    resident_name: str | None
    settlement_id: str | None
    consultant_id: str | None
    consultant_name: str | None
    legal_refs: str
    referral_to: str
    follow_up_on: date | None
    status: ConsultationStatus
    language: str
    rev: int


@dataclass(frozen=True)
class ConsultationRow:
    """One line of the journal."""

    id: str
    occurred_at: datetime
    resident_name: str | None
    topic_code: str
    topic_kk: str | None
    topic_ru: str | None
    channel: ConsultationChannel
    status: ConsultationStatus
    consultant_name: str | None
    settlement_kk: str | None
    settlement_ru: str | None
    follow_up_on: date | None
    question: str


@dataclass(frozen=True)
class ConsultationFilters:
    date_from: date | None = None
    date_to: date | None = None
    topic_code: str | None = None
    settlement_id: str | None = None
    consultant_id: str | None = None
    status: ConsultationStatus | None = None
    channel: ConsultationChannel | None = None
    resident_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _check_refs(s: Session, data: ConsultationInput, ctx: Context) -> None:
    known = set(s.scalars(select(Topic.code).where(Topic.code.in_(data.topic_codes))))
    errors = [
        ValidationError("consultation.topic_unknown", UNKNOWN_TOPIC, field="topics", topic=c)
        for c in data.topic_codes
        if c not in known
    ]
    if errors:
        raise ValidationErrors(list(errors))
    if data.resident_id:
        get_live(s, Resident, data.resident_id, ctx)
    if data.settlement_id:
        get_live(s, Settlement, data.settlement_id)


def _apply(ctx: Context, s: Session, row: Consultation, data: ConsultationInput) -> None:
    validate_consultation(
        data.occurred_at,
        data.channel,
        data.topic_codes,
        data.question,
        data.follow_up_on,
        now=ctx.now(),
    )
    _check_refs(s, data, ctx)
    row.occurred_at = data.occurred_at
    row.channel = ConsultationChannel(data.channel).value
    row.topic_code = data.topic_codes[0]
    row.question = data.question.strip()
    row.advice = data.advice.strip()
    row.resident_id = data.resident_id or None
    row.settlement_id = data.settlement_id or None
    row.consultant_id = data.consultant_id or ctx.actor.user_id
    row.legal_refs = data.legal_refs.strip()
    row.referral_to = data.referral_to.strip()
    row.follow_up_on = data.follow_up_on
    row.status = ConsultationStatus(data.status).value
    row.language = data.language
    if row.settlement_id is None and row.resident_id:
        resident = s.get(Resident, row.resident_id)
        row.settlement_id = resident.settlement_id if resident else None


def _sync_topics(ctx: Context, s: Session, row: Consultation, codes: list[str]) -> None:
    wanted = list(dict.fromkeys(codes[1:]))
    existing = {t.topic_code: t for t in row.topics if not t.deleted}
    for code, link in existing.items():
        if code not in wanted:
            link.deleted = True
            stamp_update(ctx, link)
    for code in wanted:
        if code not in existing:
            link = ConsultationTopic(topic_code=code)
            stamp_new(ctx, link, center_id=row.center_id)
            row.topics.append(link)


def _view(s: Session, c: Consultation) -> ConsultationView:
    resident = s.get(Resident, c.resident_id) if c.resident_id else None
    consultant = s.get(User, c.consultant_id) if c.consultant_id else None
    return ConsultationView(
        id=c.id,
        occurred_at=c.occurred_at,
        channel=ConsultationChannel(c.channel),
        topic_codes=[c.topic_code] + [t.topic_code for t in c.topics if not t.deleted],
        question=c.question,
        advice=c.advice,
        resident_id=c.resident_id,
        resident_name=resident.full_name if resident else None,
        settlement_id=c.settlement_id,
        consultant_id=c.consultant_id,
        consultant_name=consultant.full_name if consultant else None,
        legal_refs=c.legal_refs,
        referral_to=c.referral_to,
        follow_up_on=c.follow_up_on,
        status=ConsultationStatus(c.status),
        language=c.language,
        rev=c.rev,
    )


def create_consultation(ctx: Context, data: ConsultationInput) -> ConsultationView:
    with ctx.db.session() as s:
        row = Consultation()
        _apply(ctx, s, row, data)
        stamp_new(ctx, row)
        s.add(row)
        _sync_topics(ctx, s, row, data.topic_codes)
        s.flush()
        record_change(ctx, s, "consultation", row, None)
        return _view(s, row)


def update_consultation(
    ctx: Context, consultation_id: str, data: ConsultationInput
) -> ConsultationView:
    with ctx.db.session() as s:
        row = get_live(s, Consultation, consultation_id, ctx)
        before = snapshot(row)
        _apply(ctx, s, row, data)
        _sync_topics(ctx, s, row, data.topic_codes)
        stamp_update(ctx, row)
        record_change(ctx, s, "consultation", row, before)
        return _view(s, row)


def get_consultation(ctx: Context, consultation_id: str) -> ConsultationView:
    with ctx.db.session() as s:
        row = get_live(s, Consultation, consultation_id, ctx)
        if row.resident_id:
            audit(ctx, s, "view", "consultation", row.id)
        return _view(s, row)


def delete_consultation(ctx: Context, consultation_id: str) -> None:
    authorize(ctx.actor, "consultation.delete")
    with ctx.db.session() as s:
        row = get_live(s, Consultation, consultation_id, ctx)
        soft_delete(ctx, s, row, "consultation")


_R = aliased(Resident)
_U = aliased(User)
_S = aliased(Settlement)
_T = aliased(Topic)

SORTS: dict[str, Any] = {
    "occurred_at": Consultation.occurred_at,
    "resident": _R.sort_name,
    "topic": Consultation.topic_code,
    "channel": Consultation.channel,
    "status": Consultation.status,
    "consultant": _U.sort_name,
    "settlement": _S.sort_name,
    "follow_up_on": Consultation.follow_up_on,
    # the first 60 characters, as indexed (ix_consultations_question)
    "question": func.substr(Consultation.question, 1, 60),
}


def _journal_select() -> Any:
    return (
        select(
            Consultation.id, Consultation.occurred_at, _R.full_name, Consultation.topic_code,
            _T.name_kk, _T.name_ru, Consultation.channel, Consultation.status, _U.full_name,
            _S.name_kk, _S.name_ru, Consultation.follow_up_on, Consultation.question,
        )
        .outerjoin(_R, _R.id == Consultation.resident_id)
        .outerjoin(_U, _U.id == Consultation.consultant_id)
        .outerjoin(_S, _S.id == Consultation.settlement_id)
        .outerjoin(_T, _T.code == Consultation.topic_code)
    )


def _row(r: Any) -> ConsultationRow:
    return ConsultationRow(
        r[0], r[1], r[2], r[3], r[4], r[5], ConsultationChannel(r[6]),
        ConsultationStatus(r[7]), r[8], r[9], r[10], r[11], r[12],
    )


def _day_start(d: date) -> datetime:
    return datetime.combine(d, datetime.min.time())


# Sorting by a name on another table walks that table's index of Kazakh sort keys
# (civicdesk.db.collation, via ordered_join);
# consultations without that link come first in ascending order, last in descending.
NAME_SORTS: dict[str, tuple[Any, Any, Any]] = {
    "resident": (Resident, Resident.sort_name, Consultation.resident_id),
    "consultant": (User, User.sort_name, Consultation.consultant_id),
    "settlement": (Settlement, Settlement.sort_name, Consultation.settlement_id),
}


# Above this many matches the first page is read in date order from the date index,
# checking each row against the matches, instead of reading every match and sorting.
MANY_MATCHES = 1000
_FTS = "(SELECT rowid FROM consultations_fts WHERE consultations_fts MATCH :m)"


def _no_filters(f: ConsultationFilters) -> bool:
    return not any((f.date_from, f.date_to, f.topic_code, f.settlement_id, f.consultant_id,
                    f.status, f.channel, f.resident_id, f.extra))


def _search_total(ctx: Context, s: Session, match: str) -> int:
    """Matches of a search with no other filter, without reading the consultations.

    The index holds exactly the live consultations; those of other centers (a few at
    a center, pulled for reference) are counted through the center index and taken off.
    """
    n = int(s.scalar(text(
        "SELECT count(*) FROM consultations_fts WHERE consultations_fts MATCH :m"
    ).bindparams(m=match)) or 0)
    if n and not ctx.actor.is_head_office:
        n -= int(s.scalar(text(
            "SELECT count(*) FROM consultations WHERE (center_id < :c OR center_id > :c) "
            f"AND +consultations.rowid IN {_FTS}"
        ).bindparams(c=ctx.actor.center_id, m=match)) or 0)
    return n


def _filter_clauses(
    ctx: Context, query: ListQuery, f: ConsultationFilters, *, many: bool = False
) -> list[Any] | None:
    """WHERE clauses over the consultations table alone; None when nothing can match."""
    clauses: list[Any] = [Consultation.deleted.is_(False)]
    if not ctx.actor.is_head_office:
        clauses.append(Consultation.center_id == ctx.actor.center_id)
    if query.search:
        # one index holds the text, the resident (name, IIN, phone) and the settlement
        match = fts_query(query.search)
        if match is None:
            return None
        # "+" keeps SQLite from looking every match up by rowid when there are many
        prefix = "+" if many else ""
        clauses.append(text(f"{prefix}consultations.rowid IN {_FTS}").bindparams(m=match))
    if f.date_from:
        clauses.append(Consultation.occurred_at >= _day_start(f.date_from))
    if f.date_to:
        clauses.append(Consultation.occurred_at < _day_start(f.date_to + timedelta(days=1)))
    if f.topic_code:
        clauses.append(Consultation.topic_code == f.topic_code)
    if f.settlement_id:
        clauses.append(Consultation.settlement_id == f.settlement_id)
    if f.consultant_id:
        clauses.append(Consultation.consultant_id == f.consultant_id)
    if f.status:
        clauses.append(Consultation.status == ConsultationStatus(f.status).value)
    if f.channel:
        clauses.append(Consultation.channel == ConsultationChannel(f.channel).value)
    if f.resident_id:
        clauses.append(Consultation.resident_id == f.resident_id)
    return clauses


def list_consultations(
    ctx: Context, query: ListQuery, filters: ConsultationFilters | None = None
) -> Page[ConsultationRow]:
    """The journal: paged, sorted and filtered in SQL; full-text search in kk and ru.

    Two steps keep the first page fast on 100k rows: the ids of the page are chosen
    with only the join the sort needs, then the page's display rows are fetched.
    """
    q = query.clamp()
    if q.sort is None:
        q = ListQuery(q.offset, q.limit, "occurred_at", True, q.search, q.filters)
    f = filters or ConsultationFilters()
    match = fts_query(q.search) if q.search else None
    if q.search and match is None:
        return Page([], 0, q.offset, q.limit)
    with ctx.db.session() as s:
        total: int | None = None
        if match is not None and _no_filters(f):
            total = _search_total(ctx, s, match)
        many = total is not None and total > MANY_MATCHES and q.sort == "occurred_at"
        clauses = _filter_clauses(ctx, q, f, many=many)
        assert clauses is not None
        if total is None:
            total = int(
                s.scalar(select(func.count()).select_from(Consultation).where(*clauses)) or 0
            )
        if q.sort in NAME_SORTS:
            ids = _ids_by_name(s, q, clauses)
        else:
            ids_stmt = apply_sort(
                select(Consultation.id).where(*clauses), q, SORTS, "occurred_at",
                Consultation.occurred_at, Consultation.id,
            )
            ids = list(s.scalars(ids_stmt.offset(q.offset).limit(q.limit)))
        rows = {r[0]: _row(r) for r in s.execute(_journal_select().where(Consultation.id.in_(ids)))}
    return Page([rows[i] for i in ids if i in rows], total, q.offset, q.limit)


def _ids_by_name(s: Session, q: ListQuery, clauses: list[Any]) -> list[str]:
    """One page of ids sorted by a linked table's name, without sorting every row.

    Consultations without the link (NULL name) come first ascending, last descending,
    as SQL orders NULLs. Residents are many: SQLite walks their name index as the outer
    loop (``ordered_join``). Consultants and settlements are few with many consultations
    each: the page is filled group by group, each group read in index order.
    """
    table, name, link = NAME_SORTS[q.sort or ""]

    def ordered(*cols: Any) -> list[Any]:
        return [c.desc() if q.descending else c.asc() for c in cols]

    unlinked = (
        select(Consultation.id)
        .where(*clauses, link.is_(None))
        .order_by(*ordered(Consultation.occurred_at, Consultation.id))
    )
    n_unlinked = None
    if not q.descending or q.offset:
        n_unlinked = int(
            s.scalar(select(func.count()).select_from(Consultation).where(*clauses, link.is_(None)))
            or 0
        )

    def linked_ids(offset: int, limit: int) -> list[str]:
        if table is Resident:
            stmt = (
                select(Consultation.id)
                .select_from(ordered_join(table.__table__, Consultation.__table__))
                .where(link == table.id, *clauses)
                .order_by(*ordered(name, table.id, Consultation.occurred_at, Consultation.id))
            )
            return list(s.scalars(stmt.offset(offset).limit(limit)))
        groups = s.execute(
            select(table.id).order_by(*ordered(name, table.id))
        ).scalars().all()
        sizes: dict[str, int] = {}
        if offset:
            sizes = {
                k: int(n)
                for k, n in s.execute(
                    select(link, func.count()).where(*clauses, link.is_not(None)).group_by(link)
                )
            }
        out: list[str] = []
        for group in groups:
            if offset and sizes.get(group, 0) <= offset:
                offset -= sizes.get(group, 0)
                continue
            stmt = (
                select(Consultation.id)
                .where(link == group, *clauses)
                .order_by(*ordered(Consultation.occurred_at, Consultation.id))
                .offset(offset)
                .limit(limit - len(out))
            )
            out += s.scalars(stmt)
            offset = 0
            if len(out) >= limit:
                break
        return out

    ids: list[str] = []
    if not q.descending:
        assert n_unlinked is not None
        if q.offset < n_unlinked:
            ids = list(s.scalars(unlinked.offset(q.offset).limit(q.limit)))
        if len(ids) < q.limit:
            ids += linked_ids(max(0, q.offset - n_unlinked), q.limit - len(ids))
        return ids
    total = int(s.scalar(select(func.count()).select_from(Consultation).where(*clauses)) or 0)
    n_linked = total - (n_unlinked if n_unlinked is not None else int(
        s.scalar(select(func.count()).select_from(Consultation).where(*clauses, link.is_(None)))
        or 0
    ))
    if q.offset < n_linked:
        ids = linked_ids(q.offset, q.limit)
    if len(ids) < q.limit:
        ids += s.scalars(
            unlinked.offset(max(0, q.offset - n_linked)).limit(q.limit - len(ids))
        )
    return ids


def follow_ups_due(
    ctx: Context, *, within_days: int = 7, limit: int = 200
) -> list[ConsultationRow]:
    """Consultations not closed whose follow-up date is overdue or within ``within_days``."""
    horizon = ctx.today() + timedelta(days=within_days)
    stmt = scoped(ctx, _journal_select(), Consultation).where(
        Consultation.follow_up_on.is_not(None),
        Consultation.follow_up_on <= horizon,
        Consultation.status != ConsultationStatus.CLOSED.value,
    )
    stmt = stmt.order_by(Consultation.follow_up_on, Consultation.id).limit(limit)
    with ctx.db.session() as s:
        return [_row(r) for r in s.execute(stmt)]
