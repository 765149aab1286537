"""Booklets: content in the template format, print runs, distribution by village."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from civicdesk.db.models import AuditEntry, Booklet, Distribution, PrintRun
from civicdesk.domain.enums import BilingualArrangement, BookletLayout, Role
from civicdesk.domain.errors import UserError
from civicdesk.domain.validation import field_errors
from civicdesk.paths import resources_dir
from civicdesk.services import booklets as svc
from civicdesk.services.base import Actor, Context, ListQuery
from civicdesk.services.booklets import BookletFilters, BookletInput
from civicdesk.services.reference import add_settlement

PRINTED = date(2025, 2, 3)
TEMPLATE = "appeal-to-state-bodies"

SECTIONS: list[dict[str, Any]] = [
    {
        "heading": {"kk": "Жиын деген не", "ru": "Что такое сход"},
        "blocks": [
            {"type": "p", "kk": "Жиын — тұрғындардың жиналысы.", "ru": "Сход — собрание жителей."},
            {"type": "bullets", "items": [{"kk": "Бірінші", "ru": "Первое"}]},
            {"type": "fill", "kk": "Телефон", "ru": "Телефон", "lines": 2},
        ],
    }
]


def codes(exc: pytest.ExceptionInfo[UserError]) -> list[str]:
    errors = field_errors(exc.value)
    for e in errors:
        assert e.text("kk").strip() and e.text("ru").strip()
    return [e.code for e in errors]


def count(ctx: Context, model: Any) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def audits(ctx: Context, entity: str, entity_id: str) -> list[str]:
    with ctx.db.session() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.at, AuditEntry.id)
            )
        )


def booklet_input(**kw: Any) -> BookletInput:
    base: dict[str, Any] = dict(
        title_kk="Жиынға қалай қатысуға болады", title_ru="Как участвовать в сходе",
        content={"sections": SECTIONS},
    )
    base.update(kw)
    return BookletInput(**base)


def test_templates_listed_and_read() -> None:
    names = [t.name for t in svc.list_templates()]
    assert TEMPLATE in names and not any(n.startswith("_") for n in names)
    data = svc.template_content(TEMPLATE)
    on_disk = json.loads((resources_dir() / "templates" / f"{TEMPLATE}.json").read_text("utf-8"))
    assert data == on_disk
    for bad in ("no-such-template", "../reference/regions"):
        with pytest.raises(UserError) as exc:
            svc.template_content(bad)
        assert codes(exc) == ["booklet.template_missing"]


def test_create_from_template_keeps_the_format(ctx: Context) -> None:
    b = svc.create_from_template(ctx, TEMPLATE, layout=BookletLayout.A4_TRIFOLD)
    raw = svc.template_content(TEMPLATE, "trifold")
    assert (b.title_kk, b.title_ru) == (raw["title"]["kk"], raw["title"]["ru"])
    assert b.template_name == TEMPLATE and b.layout is BookletLayout.A4_TRIFOLD
    assert b.content["name"] == TEMPLATE
    assert len(b.content["sections"]) == len(raw["sections"])
    assert b.content["sections"][0]["heading"] == raw["sections"][0]["heading"]
    assert b.content["legal_basis"] == raw["legal_basis"]
    # the printing layer reads it as a template
    from civicdesk.printing.templates import booklet_from_dict

    parsed = booklet_from_dict(b.content)
    assert parsed.title.kk == b.title_kk and len(parsed.sections) == len(raw["sections"])


def test_create_get_update_delete(ctx: Context) -> None:
    b = svc.create_booklet(ctx, booklet_input(title_kk="  Жиын  туралы "))
    assert b.title_kk == "Жиын туралы"
    assert b.content["title"] == {"kk": "Жиын туралы", "ru": "Как участвовать в сходе"}
    assert b.content["name"] == b.id
    assert b.content["sections"][0]["blocks"][2]["lines"] == 2
    assert svc.get_booklet(ctx, b.id) == b
    more = [*SECTIONS, {"heading": {"kk": "Екінші", "ru": "Второй"},
                        "blocks": [{"type": "note", "kk": "Ескерту", "ru": "Примечание"}]}]
    upd = svc.update_booklet(
        ctx, b.id,
        booklet_input(content={"sections": more, "subtitle": {"kk": "Жадынама", "ru": "Памятка"}},
                      edition=2, arrangement=BilingualArrangement.SEQUENTIAL,
                      edition_date=date(2025, 1, 20)),
    )
    assert (upd.edition, upd.arrangement, len(upd.content["sections"])) == (
        2, BilingualArrangement.SEQUENTIAL, 2,
    )
    assert upd.content["subtitle"]["ru"] == "Памятка"
    svc.delete_booklet(ctx, b.id)
    with pytest.raises(UserError) as exc:
        svc.get_booklet(ctx, b.id)
    assert exc.value.code == "not_found"
    assert audits(ctx, "booklet", b.id) == ["create", "update", "delete"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title_ru": ""}, "booklet.title_required"),
        ({"layout": "a3-poster"}, "booklet.layout"),
        ({"arrangement": "mixed"}, "booklet.arrangement"),
        ({"edition": 0}, "booklet.edition"),
        ({"edition_date": date.today() + timedelta(days=3)}, "booklet.date_future"),
        ({"content": {"sections": [{"heading": {"kk": "Тек қазақша"}, "blocks": []}]}},
         "booklet.content"),
        ({"content": {"sections": [{"heading": {"kk": "А", "ru": "А"},
                                    "blocks": [{"type": "video"}]}]}}, "booklet.content"),
        ({"content": {"sections": [{"heading": {"kk": "А", "ru": "А"},
                                    "blocks": [{"type": "fill", "kk": "", "ru": "",
                                                "lines": 99}]}]}}, "booklet.content"),
        ({"content": {"sections": "not a list"}}, "booklet.content"),
    ],
)
def test_validation_saves_nothing(ctx: Context, changes: dict[str, Any], code: str) -> None:
    before = (count(ctx, Booklet), count(ctx, AuditEntry))
    with pytest.raises(UserError) as exc:
        svc.create_booklet(ctx, booklet_input(**changes))
    assert codes(exc) == [code]
    assert (count(ctx, Booklet), count(ctx, AuditEntry)) == before


def test_content_error_names_the_place(ctx: Context) -> None:
    bad = {"sections": [SECTIONS[0], {"heading": {"kk": "А", "ru": "А"},
                                      "blocks": [{"type": "p", "kk": "мәтін", "ru": 5}]}]}
    with pytest.raises(UserError) as exc:
        svc.create_booklet(ctx, booklet_input(content=bad))
    assert "sections[1].blocks[0].ru" in field_errors(exc.value)[0].text("ru")


def test_print_runs_and_distribution(ctx: Context) -> None:
    aksu = add_settlement(ctx, "Ақсу", "Аксу")
    koktal = add_settlement(ctx, "Көктал", "Коктал")
    b = svc.create_booklet(ctx, booklet_input())
    run = svc.record_print_run(ctx, b.id, 300, PRINTED, note="Баспахана")
    assert (run.copies, run.layout, run.left) == (300, BookletLayout.A5_BOOKLET, 300)
    second = svc.record_print_run(ctx, b.id, 100, PRINTED, layout=BookletLayout.A4)
    svc.distribute(ctx, run.id, aksu.id, 120, PRINTED + timedelta(days=1))
    svc.distribute(ctx, run.id, koktal.id, 80, PRINTED + timedelta(days=2))
    svc.distribute(ctx, run.id, aksu.id, 50, PRINTED + timedelta(days=3))
    office = svc.distribute(ctx, second.id, None, 30, PRINTED)
    before = (count(ctx, Distribution), count(ctx, AuditEntry))
    with pytest.raises(UserError) as exc:
        svc.distribute(ctx, run.id, koktal.id, 51, PRINTED + timedelta(days=4))
    assert codes(exc) == ["booklet.over_distributed"]
    assert "50" in field_errors(exc.value)[0].text("kk")
    assert (count(ctx, Distribution), count(ctx, AuditEntry)) == before
    last = svc.distribute(ctx, run.id, koktal.id, 50, PRINTED + timedelta(days=4))
    assert last.settlement_ru == "Коктал"
    with pytest.raises(UserError) as exc:
        svc.distribute(ctx, run.id, aksu.id, 1, PRINTED + timedelta(days=5))
    assert codes(exc) == ["booklet.over_distributed"]

    summary = svc.distribution_summary(ctx, b.id)
    assert (summary.printed, summary.distributed, summary.left) == (400, 330, 70)
    assert [(r.settlement_ru, r.copies) for r in summary.by_settlement] == [
        ("Аксу", 170), ("Коктал", 130), (None, 30),
    ]
    view = svc.get_booklet(ctx, b.id)
    assert [(r.copies, r.distributed, r.left) for r in view.print_runs] == [
        (300, 300, 0), (100, 30, 70),
    ]
    assert len(view.distributions) == 5
    svc.remove_distribution(ctx, office.id)
    assert svc.distribution_summary(ctx, b.id).left == 100
    assert audits(ctx, "distribution", office.id) == ["create", "delete"]
    assert audits(ctx, "print_run", run.id) == ["create"]
    with pytest.raises(UserError) as exc:
        svc.delete_booklet(ctx, b.id)
    assert codes(exc) == ["booklet.has_print_runs"]


def test_print_and_distribution_checks(ctx: Context) -> None:
    b = svc.create_booklet(ctx, booklet_input())
    for copies, when, code in (
        (0, PRINTED, "booklet.copies"),
        (100_001, PRINTED, "booklet.copies"),
        (10, date.today() + timedelta(days=1), "booklet.date_future"),
    ):
        with pytest.raises(UserError) as exc:
            svc.record_print_run(ctx, b.id, copies, when)
        assert codes(exc) == [code]
    assert count(ctx, PrintRun) == 0
    run = svc.record_print_run(ctx, b.id, 10, PRINTED)
    for copies, when, settlement, code in (
        (-1, PRINTED, None, "booklet.copies"),
        (1, PRINTED - timedelta(days=1), None, "booklet.before_printed"),
        (1, date.today() + timedelta(days=1), None, "booklet.date_future"),
        (1, PRINTED, "nowhere", "not_found"),
    ):
        with pytest.raises(UserError) as exc:
            svc.distribute(ctx, run.id, settlement, copies, when)
        assert codes(exc) == [code]
    assert count(ctx, Distribution) == 0


def test_other_center_and_head_office(ctx: Context, other_center_ctx: Context) -> None:
    b = svc.create_booklet(ctx, booklet_input())
    run = svc.record_print_run(ctx, b.id, 10, PRINTED)
    with pytest.raises(UserError) as exc:
        svc.get_booklet(other_center_ctx, b.id)
    assert exc.value.code == "not_found"
    with pytest.raises(UserError) as exc:
        svc.distribute(other_center_ctx, run.id, None, 1, PRINTED)
    assert exc.value.code == "not_found"
    assert svc.list_booklets(other_center_ctx, ListQuery()).total == 0
    ho = ctx.with_actor(Actor("ho", "Бас кеңсе", Role.HEAD_OFFICE, "head-office"))
    assert svc.distribution_summary(ho, b.id).printed == 10
    with pytest.raises(UserError) as exc:
        svc.update_booklet(ho, b.id, booklet_input())
    assert exc.value.code == "access.denied"


def test_consultant_prepares_booklets(consultant_ctx: Context) -> None:
    b = svc.create_booklet(consultant_ctx, booklet_input())
    run = svc.record_print_run(consultant_ctx, b.id, 5, PRINTED)
    svc.distribute(consultant_ctx, run.id, None, 5, PRINTED)
    assert svc.distribution_summary(consultant_ctx, b.id).left == 0


def test_list_sorted_paged_filtered(ctx: Context) -> None:
    made = []
    for i in range(6):
        b = svc.create_booklet(
            ctx,
            booklet_input(title_kk=f"Кітапша {i}", title_ru=f"Буклет {5 - i}", edition=1 + i % 3,
                          layout=BookletLayout.A4 if i % 2 else BookletLayout.A5_BOOKLET),
        )
        if i % 3 == 0:
            run = svc.record_print_run(ctx, b.id, 100 * (i + 1), PRINTED)
            svc.distribute(ctx, run.id, None, 10 * (i + 1), PRINTED)
        made.append(b)
    rows = svc.list_booklets(ctx, ListQuery(sort="title_ru", limit=100)).rows
    assert [r.title_ru for r in rows] == sorted(r.title_ru for r in rows)
    by_edition = svc.list_booklets(ctx, ListQuery(sort="edition", descending=True)).rows
    assert [(r.edition, r.id) for r in by_edition] == sorted(
        ((b.edition, b.id) for b in made), reverse=True
    )
    by_printed = svc.list_booklets(ctx, ListQuery(sort="printed", descending=True)).rows
    assert [(r.printed, r.distributed) for r in by_printed[:2]] == [(400, 40), (100, 10)]
    pages = [svc.list_booklets(ctx, ListQuery(offset=o, limit=4, sort="title_kk")) for o in (0, 4)]
    assert [len(p.rows) for p in pages] == [4, 2] and {p.total for p in pages} == {6}
    assert [r.title_kk for p in pages for r in p.rows] == [f"Кітапша {i}" for i in range(6)]
    a4 = svc.list_booklets(ctx, ListQuery(), BookletFilters(layout=BookletLayout.A4))
    assert a4.total == 3 and all(r.layout is BookletLayout.A4 for r in a4.rows)
    assert svc.list_booklets(ctx, ListQuery(search="Буклет 2")).total == 1
    with pytest.raises(UserError) as exc:
        svc.list_booklets(ctx, ListQuery(sort="content"))
    assert exc.value.code == "list.bad_sort"


def test_trifold_booklet_is_made_from_the_trifold_edition(ctx: Context) -> None:
    b = svc.create_from_template(ctx, TEMPLATE, layout=BookletLayout.A4_TRIFOLD)
    assert (b.template_name, b.template_edition) == (TEMPLATE, "trifold")
    short = svc.template_content(TEMPLATE, "trifold")
    full = svc.template_content(TEMPLATE)
    assert len(b.content["sections"]) == len(short["sections"]) < len(full["sections"])
    a5 = svc.create_from_template(ctx, TEMPLATE)
    assert a5.template_edition == "full"
    assert len(a5.content["sections"]) == len(full["sections"])
    rows = {r.id: r for r in svc.list_booklets(ctx, ListQuery(0, 50)).rows}
    assert (rows[b.id].template_name, rows[b.id].template_edition) == (TEMPLATE, "trifold")
    assert rows[a5.id].template_edition == "full"
