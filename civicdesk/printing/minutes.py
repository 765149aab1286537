"""Minutes (хаттама / протокол) of a gathering, meeting or separate gathering."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from civicdesk.domain.enums import VoteOutcome
from civicdesk.domain.errors import Message

from .common import (
    MM,
    Output,
    check_texts,
    dmy,
    esc,
)
from .data import (
    MinutesAttendee,
    MinutesData,
)
from .form_kit import (
    KIND,
    OUTCOME,
    L,
    _bilingual_date_line,
    _build,
    _Ctx,
    _ctx,
)

# ------------------------------------------------------------------------- minutes

ML: dict[str, Message] = {
    "draft": Message("ЖОБА", "ПРОЕКТ"),
    "threshold_none": Message(
        "қатысу шегі белгіленбеген", "порог участия не установлен"
    ),
    "threshold": Message(
        "кемінде {n} қатысушы қажет — орталықтың баптауындағы шек",
        "нужно не менее {n} присутствующих — порог из настроек центра",
    ),
    "basis": Message("Негізі", "Основание"),
    "not_competent": Message(
        "Кворум болмағандықтан жиын заңды емес. Шешімдер қабылданған жоқ.",
        "Из-за отсутствия кворума собрание неправомочно. Решения не принимались.",
    ),
}

#: Outcomes that were voted on: only these print the vote counts.
_VOTED = (VoteOutcome.ADOPTED, VoteOutcome.REJECTED)


def _draft_mark(font: str) -> Any:
    """ЖОБА / ПРОЕКТ across every page of a draft."""

    def on_page(canvas: Canvas, doc: Any) -> None:
        w, h = doc.pagesize
        canvas.saveState()
        canvas.setFillColor(Color(0.8, 0.8, 0.8, alpha=0.45))
        canvas.setFont(font, 64)
        canvas.translate(w / 2, h / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, 0, f"{ML['draft'].kk} / {ML['draft'].ru}")
        canvas.restoreState()

    return on_page


def _quorum_cell(c: _Ctx, data: MinutesData) -> Paragraph:
    st = c.st
    quorum = L["quorum_yes"] if data.quorum_reached else L["quorum_no"]
    if data.quorum_required is None:
        need = ML["threshold_none"]
        kk, ru = need.kk, need.ru
    else:
        need = ML["threshold"]
        kk, ru = need.text("kk", n=data.quorum_required), need.text("ru", n=data.quorum_required)
    basis = ML["basis"]
    return Paragraph(
        f"<b>{esc(quorum.kk)} / {esc(quorum.ru)}</b> ({esc(kk)} / {esc(ru)})<br/>"
        f"<font size={st.size * 0.85}>{esc(basis.kk)}: {esc(data.quorum_source.kk)}<br/>"
        f"{esc(basis.ru)}: {esc(data.quorum_source.ru)}</font>",
        st.body,
    )


def _item_blocks(c: _Ctx, i: int, item: Any, competent: bool) -> list[Flowable]:
    """One agenda item: heading, speakers and proposal, then the vote counts together
    with their outcome and the decision (never split from each other)."""
    st = c.st
    head = Paragraph(f"{i}. {esc(item.title)}", st.h2)
    out: list[Flowable] = [Spacer(1, 4 * MM), head]
    rows: list[tuple[str | Message | Paragraph, Flowable | str | None]] = []
    if item.speakers:
        rows.append(("speakers", item.speakers))
    if item.proposal:
        rows.append(("proposal", item.proposal))
    if rows:
        out.append(c.fields(rows, underline=False))
    outcome = item.outcome if competent else VoteOutcome.NO_QUORUM
    if outcome in _VOTED:
        out += [
            Spacer(1, 2 * MM),
            _votes_table(c, item.votes_for, item.votes_against, item.votes_abstain, outcome),
        ]
    elif outcome is not None and outcome is not VoteOutcome.PENDING:
        text = OUTCOME[outcome]
        out += [Spacer(1, 2 * MM), Paragraph(f"<b>{esc(text.kk)} / {esc(text.ru)}</b>", st.body)]
    if competent and item.decision and outcome is VoteOutcome.ADOPTED:
        decided = Paragraph(
            f"<b>{esc(L['decided'].kk)}</b><br/><b>{esc(L['decided'].ru)}</b>", st.label
        )
        out += [Spacer(1, 2 * MM), c.fields([(decided, item.decision)], underline=False)]
    return out


def render_minutes(data: MinutesData, out: Output) -> int:
    """Minutes of a gathering or meeting, exactly as recorded: a meeting without a
    quorum prints no votes and no decisions; a draft carries ЖОБА / ПРОЕКТ. Returns
    the number of pages."""
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    kind = KIND[data.kind]
    draft = ML["draft"]
    story: list[Flowable] = [
        *c.title("minutes", f"№\u00a0{data.number}" if data.number else ""),
    ]
    if data.draft:
        story.append(Paragraph(f"<b>{esc(draft.kk)} / {esc(draft.ru)}</b>", st.center))
    story += [
        Paragraph(
            f"{esc(kind.kk[:1].upper() + kind.kk[1:])} / {esc(kind.ru[:1].upper() + kind.ru[1:])}",
            st.center,
        ),
        Spacer(1, 1.5 * MM),
        Paragraph(esc(_bilingual_date_line(data.held_on, data.settlement)), st.center),
        Spacer(1, 4 * MM),
    ]
    time = "–".join(t for t in (data.starts_at, data.ends_at) if t)
    story.append(
        c.fields(
            [
                ("date", dmy(data.held_on)),
                ("time", time or None),
                ("place", data.place or None),
                ("settlement", data.settlement or None),
                ("convened_by", data.convened_by or None),
                ("chair", data.chair or None),
                ("secretary", data.secretary or None),
                ("eligible", str(data.members_eligible)),
                ("present", str(data.present)),
                ("quorum", _quorum_cell(c, data)),
            ]
        )
    )
    competent = data.quorum_reached and data.competent
    if not competent and not data.draft:
        text = ML["not_competent"]
        story += [Spacer(1, 3 * MM), c.parallel(text.kk, text.ru, st.bold)]
    if data.agenda:
        story += [Spacer(1, 4 * MM), c.section("agenda")]
        for i, item in enumerate(data.agenda, 1):
            story.append(Paragraph(f"{i}. {esc(item.title)}", st.body))
    if data.attendance:
        story += [Spacer(1, 3 * MM), c.section("attendance"), Spacer(1, 1.5 * MM)]
        story.append(_people_table(c, data.attendance))
    blocks = [_item_blocks(c, i, item, competent) for i, item in enumerate(data.agenda, 1)]
    if data.elected_representatives:
        blocks.append([
            Spacer(1, 4 * MM), c.section("elected"), Spacer(1, 1.5 * MM),
            _people_table(c, data.elected_representatives),
        ])
    signatures: list[Flowable] = [
        Spacer(1, 6 * MM),
        c.signature("chair_sign", data.chair),
        c.signature("secretary_sign", data.secretary),
    ]
    if blocks:
        # the signatures go with the last lines above them, never alone on a page
        last = blocks.pop()
        story += [KeepTogether(b) for b in blocks]
        story.append(KeepTogether([*last, *signatures]))
    else:
        story.append(KeepTogether(signatures))
    number = f" №\u00a0{data.number}" if data.number else ""
    footer = f"{L['minutes'].kk} / {L['minutes'].ru}{number} — {dmy(data.held_on)}"
    if data.draft:
        footer += f" — {draft.kk} / {draft.ru}"
    return _build(
        story,
        out,
        st,
        title=f"{L['minutes'].kk} / {L['minutes'].ru}{number}",
        author=data.center_name,
        footer=footer,
        on_page=_draft_mark(st.fonts.bold) if data.draft else None,
    )


def _people_table(c: _Ctx, people: Sequence[MinutesAttendee]) -> Table:
    w = c.width
    widths = [10 * MM, w * 0.42, w * 0.3, w - 10 * MM - w * 0.72]
    rows: list[list[Any]] = [
        [c.head("no", True), c.head("full_name"), c.head("settlement"), c.head("note")]
    ]
    for i, p in enumerate(people, 1):
        rows.append(
            [c.cell(str(i), center=True), c.cell(p.name), c.cell(p.settlement), c.cell(p.note)]
        )
    return c.grid(rows, widths)


def _votes_table(
    c: _Ctx, yes: int | None, no: int | None, abstain: int | None, outcome: VoteOutcome | None
) -> Table:
    def n(v: int | None) -> str:
        return "" if v is None else str(v)

    result = OUTCOME[outcome] if outcome is not None else None
    w = c.width
    rows: list[list[Any]] = [
        [c.head("for", True), c.head("against", True), c.head("abstain", True), c.head("votes")],
        [
            c.cell(n(yes), center=True),
            c.cell(n(no), center=True),
            c.cell(n(abstain), center=True),
            Paragraph(f"<b>{esc(result.kk)}</b><br/><b>{esc(result.ru)}</b>", c.st.cell)
            if result
            else "",
        ],
    ]
    t = c.grid(rows, [25 * MM, 25 * MM, 25 * MM, w - 75 * MM])
    t.keepWithNext = False
    return t


