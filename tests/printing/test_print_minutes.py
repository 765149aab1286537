"""Minutes print exactly what was recorded, keep their parts together, mark drafts,
and use the official date form."""

from __future__ import annotations

import io
from dataclasses import replace

import form_samples as samples
import pytest
from printing_helpers import read_pdf

from civicdesk.domain.enums import MeetingKind, VoteOutcome
from civicdesk.printing.minutes import render_minutes


def pages_of(data: object) -> list[str]:
    buf = io.BytesIO()
    render_minutes(data, buf)  # type: ignore[arg-type]
    return [" ".join((p.extract_text() or "").split()) for p in read_pdf(buf.getvalue()).pages]


def test_minutes_without_quorum_print_no_votes_and_no_decisions() -> None:
    m = samples.minutes(8, 2)
    data = replace(m, present=5, quorum_reached=False, competent=False)
    text = " ".join(pages_of(data))
    assert "Из-за отсутствия кворума собрание неправомочно" in text
    assert "Кворум болмағандықтан жиын заңды емес" in text
    assert text.count("Не голосовали из-за отсутствия кворума") == 2
    for absent in ("РЕШИЛИ", "ШЕШТІ", "Воздержались", "Решение принято", "Поручить акиму"):
        assert absent not in text


def test_not_voted_item_prints_no_counts() -> None:
    m = samples.minutes(4, 1)
    item = replace(m.agenda[0], outcome=VoteOutcome.NOT_VOTED, votes_for=0, votes_against=0,
                   votes_abstain=0, decision="")
    text = " ".join(pages_of(replace(m, agenda=[item])))
    assert "На голосование не ставилось" in text and "Воздержались" not in text


@pytest.mark.parametrize("attendees", range(14, 40, 2))
def test_votes_outcome_decision_and_signatures_keep_together(attendees: int) -> None:
    data = samples.minutes(attendees, 3)
    pages = pages_of(data)
    for n in range(1, 4):
        # each item's vote counts, its outcome and its decision are on one page
        tail = f"Об освещении улиц села ({n})"
        where = [i for i, t in enumerate(pages) if t.count(tail) >= 1]
        last = where[-1]  # the agenda lists the title first; the item comes last
        page = pages[last]
        after = page[page.rindex(tail):]
        nxt = after.find("Об освещении улиц села (", len(tail))
        after = after if nxt < 0 else after[:nxt]
        assert "Воздержались" in after, (attendees, n)
        assert "Решение" in after, (attendees, n)
        if (n - 1) % 3:  # adopted in the sample: the decision follows the outcome
            assert "РЕШИЛИ" in after and "Поручить акиму" in after, (attendees, n)
        else:  # rejected: nothing was decided, so no РЕШИЛИ
            assert "РЕШИЛИ" not in after, (attendees, n)
    # the signatures are never alone on the last page
    assert "Председатель" in pages[-1] and "Секретарь" in pages[-1]
    assert "Об освещении улиц села (3)" in pages[-1]


def test_draft_is_marked_on_every_page() -> None:
    pages = pages_of(replace(samples.minutes(120, 3), draft=True))
    assert len(pages) >= 3
    for text in pages:
        assert "ЖОБА / ПРОЕКТ" in text
    final = pages_of(samples.minutes(120, 3))
    assert not any("ПРОЕКТ" in t for t in final)


def test_official_date_form_and_convened_by() -> None:
    text = " ".join(pages_of(samples.minutes(3, 1)))
    assert "2025 жылғы 22 ақпан" in text and "2025 ж. 22" not in text
    assert "22 февраля 2025 года" in text
    assert "Созвал" in text and "Созван" not in text
    assert "№\u00a07" in text or "№ 7" in text


def test_threshold_is_printed_as_the_centers_setting() -> None:
    text = " ".join(pages_of(samples.minutes(3, 1)))
    assert "не менее 8 присутствующих — порог из настроек центра" in text
    assert "Основание:" in text
    separate = replace(samples.separate_gathering(), quorum_required=None)
    text = " ".join(pages_of(separate))
    assert "порог участия не установлен" in text
    assert "не менее 1 " not in text
    assert separate.kind is MeetingKind.SEPARATE_GATHERING
