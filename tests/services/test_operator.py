"""The center as the operator of personal data, and the consent form that names it
(Law No. 94-V, art. 8)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from civicdesk.domain.errors import UserError
from civicdesk.domain.validation import field_errors
from civicdesk.services import operator as svc
from civicdesk.services import printing
from civicdesk.services.base import Context
from civicdesk.services.residents import ResidentInput, create_resident

BIN = "050340001235"
DATIVE = "Центру развития местного самоуправления Аксуского сельского округа"
GENITIVE = "Ақсу ауылдық округінің жергілікті өзін-өзі басқаруды дамыту орталығының"


def _text(path: Path) -> str:
    data = path.read_bytes()
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages
    )


def test_operator_details_are_checked(ctx: Context) -> None:
    with pytest.raises(UserError) as exc:
        svc.update_operator_details(ctx, svc.OperatorInput("050340001234", "", " ", 0))
    got = {e.code for e in field_errors(exc.value)}
    assert got == {"bin.checksum", "operator.name_form", "operator.term"}  # the domain check
    for e in field_errors(exc.value):
        assert e.text("kk") and e.text("ru")
    assert svc.operator_details(ctx).bin == ""
    done = svc.update_operator_details(ctx, svc.OperatorInput(f" {BIN} ", DATIVE, GENITIVE, 3))
    assert (done.bin, done.name_ru_dative, done.name_kk_genitive, done.consent_term_years) == (
        BIN, DATIVE, GENITIVE, 3)


def test_consultant_cannot_change_operator_details(consultant_ctx: Context) -> None:
    with pytest.raises(UserError):
        svc.update_operator_details(consultant_ctx, svc.OperatorInput(BIN, DATIVE, GENITIVE))


def test_consent_form_meets_article_8(ctx: Context, tmp_path: Path) -> None:
    svc.update_operator_details(ctx, svc.OperatorInput(BIN, DATIVE, GENITIVE, 3))
    r = create_resident(ctx, ResidentInput(full_name="Сәрсенова Айгүл Болатқызы",
                                           consent_date=date(2025, 3, 1),
                                           consent_purposes=["consultation"]))
    out = tmp_path / "c.pdf"
    printing.print_consent(ctx, r.id, out)
    text = _text(out)
    # the operator with its BIN, in the cases the running text needs
    assert f"даю согласие {DATIVE} (далее — оператор)" in text
    assert f"{GENITIVE} (бұдан әрі — оператор)" in text
    assert BIN in text and "БИН оператора" in text
    assert "статьёй 8 Закона" in text and "8-бабына" in text
    # the subject, the data, the purposes, the third party, the term, withdrawal
    assert "Сәрсенова Айгүл Болатқызы" in text
    for item in ("фамилия, имя, отчество", "контактный телефон", "ИИН — только если"):
        assert item in text
    assert "Ведение записи о консультации" in text
    assert "головному офису программы" in text and "сервер синхронизации" in text
    assert "трансграничная передача не осуществляется" in text
    assert "в течение 3 лет со дня подписания" in text and "3 жыл бойы" in text
    assert "Отзыв согласия" in text and "п. 2 ст. 8" in text


def test_blank_consent_names_the_center_or_leaves_lines(ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    printing.print_blank_form("consent", out, ctx=ctx)
    text = _text(out)
    # no case forms stored yet: the text refers to the operator named above
    assert "оператору, указанному выше (далее — оператор)" in text
    assert "жоғарыда көрсетілген оператордың" in text
    name = svc.operator_details(ctx).name_ru
    assert name and name in text
    svc.update_operator_details(ctx, svc.OperatorInput(BIN, DATIVE, GENITIVE))
    printing.print_blank_form("consent", out, ctx=ctx)
    text = _text(out)
    assert DATIVE in text and BIN in text and "в течение 5 лет" in text
    # with no center at all (the command line's blank form) nothing is invented
    printing.print_blank_form("consent", out)
    assert "оператору, указанному выше" in _text(out)
