"""Programmes and their targets: what head office promised a donor, per region.

A target names an indicator, optionally a region (KATO region code) and a quarter
("2025Q3"), and the value to reach. The actual comes from the same records the
statistics count; awareness change is compared in percentage points.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import Message

__all__ = ["INDICATOR_NAMES", "Indicator"]


class Indicator(StrEnum):
    SEMINARS_HELD = "seminars_held"
    PARTICIPANTS = "participants"  # seminar participants marked present
    COPIES_DISTRIBUTED = "copies_distributed"  # booklet copies handed out
    CONSULTATIONS = "consultations"
    APPLICATIONS_FUNDED = "applications_funded"
    AWARENESS_CHANGE_PP = "awareness_change_pp"  # of one campaign, percentage points


INDICATOR_NAMES: dict[Indicator, Message] = {
    Indicator.SEMINARS_HELD: Message("Өткізілген семинарлар", "Проведено семинаров"),
    Indicator.PARTICIPANTS: Message("Семинарға қатысқандар", "Участники семинаров"),
    Indicator.COPIES_DISTRIBUTED: Message("Таратылған кітапшалар, дана",
                                          "Роздано буклетов, экз."),
    Indicator.CONSULTATIONS: Message("Кеңестер", "Консультации"),
    Indicator.APPLICATIONS_FUNDED: Message("Қаржыландырылған өтінімдер",
                                           "Профинансированные заявки"),
    Indicator.AWARENESS_CHANGE_PP: Message("Хабардарлықтың өзгерісі, п.т.",
                                           "Изменение осведомлённости, п.п."),
}
