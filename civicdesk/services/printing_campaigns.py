"""Gathering what the campaign printouts need: questionnaire sheets of a wave."""

from __future__ import annotations

from civicdesk.domain.awareness import QuestionKind, WaveKind
from civicdesk.printing.questionnaire import QuestionnaireData, SheetQuestion, render_questionnaires
from civicdesk.services.base import Context
from civicdesk.services.campaigns import campaign_settlements, get_campaign, next_sheet_number
from civicdesk.services.printing import PrintJob, _center_names

__all__ = ["prepare_questionnaires", "questionnaire_input"]

_WAVE_NAMES = {
    WaveKind.BASELINE: ("{n}-кезең (бастапқы, кітапша таратылғанға дейін)",
                        "Волна {n} (исходная, до раздачи буклета)"),
    WaveKind.ENDLINE: ("{n}-кезең (қорытынды, кітапша таратылғаннан кейін)",
                       "Волна {n} (итоговая, после раздачи буклета)"),
}


def questionnaire_input(ctx: Context, wave_id: str, count: int, *, a5: bool = False
                        ) -> QuestionnaireData:
    """Sheets numbered from the wave's next free number."""
    from civicdesk.db.models import SurveyWave
    from civicdesk.services.base import get_live

    with ctx.db.session() as s:
        wave = get_live(s, SurveyWave, wave_id, ctx)
        campaign_id, number, kind = wave.campaign_id, wave.number, WaveKind(wave.kind)
    campaign = get_campaign(ctx, campaign_id)
    villages = tuple((kk, ru) for _id, kk, ru in campaign_settlements(ctx, campaign_id))
    center_kk, center_ru = _center_names(ctx)
    wave_kk, wave_ru = _WAVE_NAMES[kind]
    return QuestionnaireData(
        campaign_id=campaign.id, wave_id=wave_id, title_kk=campaign.title_kk,
        title_ru=campaign.title_ru, wave_kk=wave_kk.format(n=number),
        wave_ru=wave_ru.format(n=number),
        center_name=center_kk if center_kk == center_ru else f"{center_kk} / {center_ru}",
        questions=tuple(SheetQuestion(q.text_kk, q.text_ru, q.kind is QuestionKind.MULTIPLE,
                                      q.options) for q in campaign.questions),
        villages=villages, first_number=next_sheet_number(ctx, wave_id), count=count, a5=a5,
    )


def prepare_questionnaires(ctx: Context, wave_id: str, count: int, *, a5: bool = False
                           ) -> PrintJob:
    return PrintJob(render_questionnaires,
                    {"data": questionnaire_input(ctx, wave_id, count, a5=a5)})
