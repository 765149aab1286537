"""Minutes (хаттама / протокол) of a gathering, meeting or separate gathering."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
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


def render_minutes(data: MinutesData, out: Output) -> int:
    """Minutes of a gathering or meeting. Returns the number of pages."""
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    kind = KIND[data.kind]
    story: list[Flowable] = [
        *c.title("minutes", f"№ {data.number}" if data.number else ""),
        Paragraph(
            f"{esc(kind.kk[:1].upper() + kind.kk[1:])} / {esc(kind.ru[:1].upper() + kind.ru[1:])}",
            st.center,
        ),
        Spacer(1, 1.5 * MM),
        Paragraph(esc(_bilingual_date_line(data.held_on, data.settlement)), st.center),
        Spacer(1, 4 * MM),
    ]
    time = "–".join(t for t in (data.starts_at, data.ends_at) if t)
    quorum = L["quorum_yes"] if data.quorum_reached else L["quorum_no"]
    need = L["quorum_need"]
    quorum_text = Paragraph(
        f"<b>{esc(quorum.kk)} / {esc(quorum.ru)}</b> "
        f"({esc(need.text('kk', n=data.quorum_required))} / {esc(need.text('ru', n=data.quorum_required))})<br/>"
        f"<font size={st.size * 0.85}>{esc(data.quorum_source.kk)}<br/>{esc(data.quorum_source.ru)}</font>",
        st.body,
    )
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
                ("quorum", quorum_text),
            ]
        )
    )
    if data.agenda:
        story += [Spacer(1, 4 * MM), c.section("agenda")]
        for i, item in enumerate(data.agenda, 1):
            story.append(Paragraph(f"{i}. {esc(item.title)}", st.body))
    if data.attendance:
        story += [Spacer(1, 3 * MM), c.section("attendance"), Spacer(1, 1.5 * MM)]
        story.append(_people_table(c, data.attendance))
    for i, item in enumerate(data.agenda, 1):
        story += [CondPageBreak(40 * MM), Spacer(1, 4 * MM)]
        head = Paragraph(f"{i}. {esc(item.title)}", st.h2)
        head.keepWithNext = True
        story.append(head)
        rows: list[tuple[str | Message | Paragraph, Flowable | str | None]] = []
        if item.speakers:
            rows.append(("speakers", item.speakers))
        if item.proposal:
            rows.append(("proposal", item.proposal))
        if rows:
            story.append(c.fields(rows, underline=False))
        if item.votes_for is not None or item.outcome is not None:
            story.append(Spacer(1, 2 * MM))
            story.append(
                _votes_table(
                    c, item.votes_for, item.votes_against, item.votes_abstain, item.outcome
                )
            )
        if item.decision:
            story.append(Spacer(1, 2 * MM))
            story.append(
                c.fields(
                    [
                        (
                            Paragraph(
                                f"<b>{esc(L['decided'].kk)}</b><br/><b>{esc(L['decided'].ru)}</b>",
                                st.label,
                            ),
                            item.decision,
                        )
                    ],
                    underline=False,
                )
            )
    if data.elected_representatives:
        story += [Spacer(1, 4 * MM), c.section("elected"), Spacer(1, 1.5 * MM)]
        story.append(_people_table(c, data.elected_representatives))
    story += [
        Spacer(1, 6 * MM),
        c.signature("chair_sign", data.chair),
        c.signature("secretary_sign", data.secretary),
    ]
    footer = f"{L['minutes'].kk} / {L['minutes'].ru} № {data.number} — {dmy(data.held_on)}"
    return _build(
        story,
        out,
        st,
        title=f"{L['minutes'].kk} / {L['minutes'].ru} № {data.number}",
        author=data.center_name,
        footer=footer,
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


