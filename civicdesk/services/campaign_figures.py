"""The awareness figures of a campaign: per wave, the change, and the breakdowns.

Per wave: the share answering each question correctly and the share who "know", each
with n and its 95 % Wilson interval. Between the first baseline and the last endline:
the change in percentage points with Newcombe's interval and as relative growth. Both
broken down by sex, age group, the youth band (14-35) and settlement. Sheets are read
with one query per campaign and scored in ``civicdesk.domain.awareness``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from civicdesk.db.models import Campaign, Settlement
from civicdesk.domain.awareness import (
    AgeBand,
    Comparison,
    Question,
    Sheet,
    WaveFigures,
    WaveKind,
    band_age_group,
    compare,
    figures,
    figures_by,
    is_youth,
)
from civicdesk.domain.collation import collation_key
from civicdesk.domain.enums import AgeGroup, Sex
from civicdesk.domain.errors import Message
from civicdesk.domain.labels import AGE_GROUP_NAMES, SEX_NAMES
from civicdesk.domain.statistics import Change, change_between
from civicdesk.services.base import Context, get_live
from civicdesk.services.campaigns import CampaignView, WaveView, get_campaign, load_sheets

__all__ = [
    "AwarenessReport",
    "GroupRow",
    "awareness_report",
]

NOT_STATED = Message(kk="көрсетілмеген", ru="не указано")
YOUTH = Message(kk="Жастар (14–35 жас)", ru="Молодёжь (14–35 лет)")
NOT_YOUTH = Message(kk="Басқа жастағылар", ru="Остальные возрасты")
DIMENSIONS: dict[str, Message] = {
    "sex": Message(kk="Жынысы", ru="Пол"),
    "age_group": Message(kk="Жас тобы", ru="Возрастная группа"),
    "youth": Message(kk="Жастар", ru="Молодёжь"),
    "settlement": Message(kk="Елді мекен", ru="Населённый пункт"),
}


@dataclass(frozen=True)
class GroupRow:
    """One group of a breakdown: its figures in the two compared waves and the change."""

    key: str | None
    name: Message
    before: WaveFigures
    after: WaveFigures
    change: Change


@dataclass(frozen=True)
class AwarenessReport:
    campaign: CampaignView
    questions: tuple[Question, ...]
    waves: tuple[tuple[WaveView, WaveFigures], ...]
    baseline: WaveView | None
    endline: WaveView | None
    comparison: Comparison | None
    breakdowns: dict[str, tuple[GroupRow, ...]]


def _settlement_names(ctx: Context, ids: set[str]) -> dict[str, Message]:
    if not ids:
        return {}
    with ctx.db.session() as s:
        rows = s.execute(select(Settlement.id, Settlement.name_kk, Settlement.name_ru).where(
            Settlement.id.in_(sorted(ids)))).all()
    return {r[0]: Message(kk=r[1], ru=r[2]) for r in rows}


def _breakdown(
    questions: tuple[Question, ...], before: list[Sheet], after: list[Sheet],
    key: Callable[[Sheet], str | None], names: Callable[[str | None], Message],
    threshold: int | None, *, alphabetical: bool = False,
) -> tuple[GroupRow, ...]:
    b = figures_by(questions, before, key, threshold)
    a = figures_by(questions, after, key, threshold)
    empty = figures(questions, [], threshold)
    # "not stated" last; settlements in Kazakh alphabetical order, the others by key
    keys = sorted({*b, *a}, key=lambda k: (
        k is None, collation_key(names(k).kk) if alphabetical else "", k or ""))
    rows = []
    for k in keys:
        fb, fa = b.get(k, empty), a.get(k, empty)
        rows.append(GroupRow(k, names(k), fb, fa, change_between(fb.knows, fa.knows)))
    return tuple(rows)


def awareness_report(ctx: Context, campaign_id: str) -> AwarenessReport:
    campaign = get_campaign(ctx, campaign_id)
    with ctx.db.session() as s:
        get_live(s, Campaign, campaign_id, ctx)
        sheets = load_sheets(s, [w.id for w in campaign.waves])
    questions = campaign.questions
    threshold = campaign.knows_threshold
    waves = tuple((w, figures(questions, sheets[w.id], threshold)) for w in campaign.waves)
    baseline = next((w for w in campaign.waves if w.kind is WaveKind.BASELINE), None)
    endline = next((w for w in reversed(campaign.waves) if w.kind is WaveKind.ENDLINE), None)
    comparison = None
    breakdowns: dict[str, tuple[GroupRow, ...]] = {}
    if baseline is not None and endline is not None:
        comparison = compare(
            next(f for w, f in waves if w.id == baseline.id),
            next(f for w, f in waves if w.id == endline.id),
        )
        before, after = sheets[baseline.id], sheets[endline.id]
        settlements = _settlement_names(
            ctx, {x.settlement_id for x in (*before, *after) if x.settlement_id})

        def sex_name(k: str | None) -> Message:
            return SEX_NAMES[Sex(k)] if k else NOT_STATED

        def age_name(k: str | None) -> Message:
            return AGE_GROUP_NAMES[AgeGroup(k)] if k else NOT_STATED

        def youth_name(k: str | None) -> Message:
            return NOT_STATED if k is None else (YOUTH if k == "youth" else NOT_YOUTH)

        def settlement_name(k: str | None) -> Message:
            return settlements.get(k, NOT_STATED) if k else NOT_STATED

        def age_key(x: Sheet) -> str | None:
            return band_age_group(x.age_band).value if x.age_band else None

        def youth_key(x: Sheet) -> str | None:
            if x.age_band is None:
                return None
            return "youth" if is_youth(AgeBand(x.age_band)) else "other"

        breakdowns = {
            "sex": _breakdown(questions, before, after,
                              lambda x: x.sex.value if x.sex else None, sex_name, threshold),
            "age_group": _breakdown(questions, before, after, age_key, age_name, threshold),
            "youth": _breakdown(questions, before, after, youth_key, youth_name, threshold),
            "settlement": _breakdown(questions, before, after, lambda x: x.settlement_id,
                                     settlement_name, threshold, alphabetical=True),
        }
    return AwarenessReport(campaign, questions, waves, baseline, endline, comparison,
                           breakdowns)
