"""One search in the journal: resident's name, IIN and phone endings, settlement, text."""

from __future__ import annotations

from datetime import date, timedelta

from civicdesk.domain.enums import ConsultationChannel, Sex
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.consultations import (
    ConsultationFilters,
    ConsultationInput,
    create_consultation,
    list_consultations,
)
from civicdesk.services.reference import add_settlement
from civicdesk.services.residents import (
    ResidentInput,
    create_resident,
    erase_resident,
    update_resident,
)


def _person(ctx: Context, name: str, **kw: object) -> str:
    data: dict[str, object] = dict(full_name=name, consent_date=date(2025, 1, 5),
                                   consent_purposes=["consultation"])
    data.update(kw)
    return create_resident(ctx, ResidentInput(**data)).id  # type: ignore[arg-type]


def _consult(ctx: Context, question: str, **kw: object) -> str:
    return create_consultation(ctx, ConsultationInput(
        occurred_at=ctx.now().replace(microsecond=0) - timedelta(hours=1),
        channel=ConsultationChannel.IN_PERSON, topic_codes=["appeals"], question=question,
        **kw,  # type: ignore[arg-type]
    )).id


def _found(ctx: Context, words: str) -> set[str]:
    return {r.id for r in list_consultations(ctx, ListQuery(search=words, limit=200)).rows}


def test_journal_finds_by_name_iin_phone_settlement_and_text(ctx: Context) -> None:
    village = add_settlement(ctx, "Жаңатұрмыс", "Жанатурмыс")
    asem = _person(ctx, "Әсемгүл Серікқызы Төлеуова", iin="850515400002",
                   phone="+7 701 123 45 67")
    petr = _person(ctx, "Пётр Ёлкин", sex=Sex.MALE)
    c1 = _consult(ctx, "Бюджет туралы сұрақ", resident_id=asem, settlement_id=village.id)
    c2 = _consult(ctx, "Жер телімі", resident_id=petr)
    c3 = _consult(ctx, "Бюджет, анонимно")
    assert _found(ctx, "әсем") == {c1}
    assert _found(ctx, "ӘСЕМГҮЛ") == {c1}
    assert _found(ctx, "төлеуова") == {c1}
    assert _found(ctx, "0002") == {c1}  # the IIN's ending
    assert _found(ctx, "400002") == {c1}
    assert _found(ctx, "4567") == {c1}  # the phone's ending
    assert _found(ctx, "45 67") == {c1}
    assert _found(ctx, "жаңатұр") == {c1}  # the settlement, kk
    assert _found(ctx, "жанатурм") == {c1}  # and ru
    assert _found(ctx, "петр") == {c2}  # ё folded to е
    assert _found(ctx, "ЕЛКИН") == {c2}
    assert _found(ctx, "бюджет") == {c1, c3}
    assert _found(ctx, "әсем бюджет") == {c1}  # every word must find it, wherever
    assert _found(ctx, "петр бюджет") == set()
    assert _found(ctx, "1") == set() or _found(ctx, "1") <= {c1}


def test_search_follows_renames_and_forgets_the_erased(ctx: Context) -> None:
    rid = _person(ctx, "Айгүл Серікова")
    cid = _consult(ctx, "Сұрақ", resident_id=rid)
    assert _found(ctx, "айгүл") == {cid}
    update_resident(ctx, rid, ResidentInput(full_name="Айгерім Серікова",
                                            consent_date=date(2025, 1, 5),
                                            consent_purposes=["consultation"]))
    assert _found(ctx, "айгүл") == set()
    assert _found(ctx, "айгерім") == {cid}
    erase_resident(ctx, rid)
    assert _found(ctx, "айгерім") == set()


def test_notes_of_a_resident_do_not_find_their_consultations(ctx: Context) -> None:
    rid = _person(ctx, "Болат Қасымов", notes="бюджет комиссиясының мүшесі")
    _consult(ctx, "Жер", resident_id=rid)
    assert _found(ctx, "комиссия") == set()


def test_all_consultations_of_a_resident(ctx: Context) -> None:
    rid = _person(ctx, "Дәулет Омаров")
    mine = {_consult(ctx, f"Сұрақ {i}", resident_id=rid) for i in range(3)}
    _consult(ctx, "Басқа")
    page = list_consultations(ctx, ListQuery(limit=50), ConsultationFilters(resident_id=rid))
    assert {r.id for r in page.rows} == mine and page.total == 3


def test_many_matches_read_in_date_order_and_other_centers_not_counted(
    ctx: Context, other_center_ctx: Context, monkeypatch
) -> None:
    import civicdesk.services.consultations as consultations

    rid = _person(ctx, "Нұрлан Әбенов")
    base = ctx.now().replace(microsecond=0) - timedelta(days=10)
    mine = [
        create_consultation(ctx, ConsultationInput(
            occurred_at=base + timedelta(hours=i), channel=ConsultationChannel.PHONE,
            topic_codes=["appeals"], question=f"Бюджет {i}", resident_id=rid,
        )).id
        for i in range(5)
    ]
    _consult(other_center_ctx, "Бюджет басқа орталықта", consultant_id=ctx.actor.user_id)
    monkeypatch.setattr(consultations, "MANY_MATCHES", 1)
    page = list_consultations(ctx, ListQuery(search="бюджет", limit=3))
    assert page.total == 5
    assert [r.id for r in page.rows] == mine[::-1][:3]
    page = list_consultations(ctx, ListQuery(search="нұрлан бюджет", limit=10, offset=3))
    assert page.total == 5 and [r.id for r in page.rows] == mine[1::-1]
    assert list_consultations(other_center_ctx, ListQuery(search="бюджет")).total == 1


def test_an_edit_that_keeps_the_words_keeps_them_findable(ctx: Context) -> None:
    """SQLite fires separate update triggers newest first: a delete after the insert
    took out every word the old and new versions shared (closing a consultation lost it)."""
    from civicdesk.domain.enums import ConsultationStatus
    from civicdesk.services.consultations import get_consultation, update_consultation

    rid = _person(ctx, "Гүлмира Ахметова", phone="+77015550011")
    cid = _consult(ctx, "Көше жарығы", resident_id=rid)
    view = get_consultation(ctx, cid)
    update_consultation(ctx, cid, ConsultationInput(
        occurred_at=view.occurred_at, channel=view.channel, topic_codes=view.topic_codes,
        question=view.question, resident_id=rid, status=ConsultationStatus.CLOSED))
    update_resident(ctx, rid, ResidentInput(full_name="Гүлмира Ахметова", phone="+77015550011",
                                            consent_date=date(2025, 1, 5),
                                            consent_purposes=["consultation"], notes="жаңа"))
    assert _found(ctx, "жарығы") == {cid}
    assert _found(ctx, "гүлмира") == {cid}
    assert _found(ctx, "0011") == {cid}
    from civicdesk.services.residents import list_residents

    assert [r.id for r in list_residents(ctx, ListQuery(search="ахметова")).rows] == [rid]
