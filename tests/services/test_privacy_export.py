"""Finding 5 for free text: a name, IIN or phone typed into a consultation's question
reaches no export.

Before, the export carried the question as typed, with the resident's name and phone.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from civicdesk.domain.enums import ConsultationChannel, Sex
from civicdesk.domain.iin import make_iin
from civicdesk.services.admin import export_tables
from civicdesk.services.base import Context
from civicdesk.services.consultations import ConsultationInput, create_consultation
from civicdesk.services.privacy import Scrubber
from civicdesk.services.residents import ResidentInput, create_resident

IIN = make_iin(date(1979, 3, 12), Sex.FEMALE, 1234)


def test_names_iins_and_phones_in_free_text_are_masked(ctx: Context, tmp_path: Path) -> None:
    resident = create_resident(
        ctx,
        ResidentInput(
            full_name="Жанар Төлеуқызы", sex=Sex.FEMALE, birth_year=1979,
            iin=IIN, phone="+77015554433", consent_date=date(2025, 1, 10),
            consent_purposes=["consultation"],
        ),
    )
    create_consultation(
        ctx,
        ConsultationInput(
            occurred_at=ctx.now().replace(microsecond=0) - timedelta(hours=1),
            channel=ConsultationChannel.IN_PERSON,
            topic_codes=["appeals"],
            question="Жанар Төлеуқызы (ЖСН " + IIN + ", тел. 8 701 555 44 33) жер туралы сұрады",
            advice="Төлеуқызы ханымға аудан әкімдігіне жазуды ұсындық",
            resident_id=resident.id,
        ),
    )
    out = tmp_path / "export"
    export_tables(ctx.db.path.parent, "csv", out)
    text = (out / "consultations.csv").read_text(encoding="utf-8-sig")
    for secret in ("Жанар", "Төлеуқызы", IIN, "8 701 555 44 33"):
        assert secret not in text
    assert "жер туралы сұрады" in text and "***" in text


def test_scrubber_masks_phone_forms_and_leaves_other_numbers() -> None:
    scrub = Scrubber({"Ерлан Бекұлы"})
    assert scrub("+7 (701) 123-45-67, 87011234567") == "***, ***"
    assert scrub("ерлан бекұлы келді") == "*** *** келді"
    assert scrub("2025 жылы 150 000 теңге") == "2025 жылы 150 000 теңге"
