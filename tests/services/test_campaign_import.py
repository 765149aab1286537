"""Import of a survey wave from ODK Central and KoboToolbox CSV exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import UserError
from civicdesk.services import campaigns as svc
from civicdesk.services.base import Context
from civicdesk.services.campaign_demo import DEMO_QUESTIONS
from civicdesk.services.campaign_import import import_wave_csv
from civicdesk.services.campaigns import CampaignInput
from civicdesk.services.reference import add_settlement

# KoboToolbox: ";" separated, group paths with "/", split columns of a multiple choice.
KOBO = (
    "start;end;grp/q1;grp/q2;grp/q3;grp/q3/1;grp/q3/2;grp/q3/3;grp/q3/4;grp/q4;sex;age;"
    "settlement;_id;_uuid;_submission_time\n"
    "2025-03-01;2025-03-01;2;2;1 2 3;1;1;1;0;1;f;27;Ақтоғай;1;aaa-1;2025-03-01\n"
    "2025-03-01;2025-03-01;1;;4;0;0;0;1;1;m;61;актогай;2;aaa-2;2025-03-01\n"
)
# ODK Central: "," separated, group paths with "-", KEY as the submission id.
ODK = (
    "SubmissionDate,g-q1,g-q2,g-q3,g-q4,sex,age_band,sheet,KEY\n"
    "2025-03-02,2,2,1 3,1,m,30_35,7,uuid:1\n"
    "2025-03-02,3,1,,2,,,8,uuid:2\n"
)


@pytest.fixture()
def wave(ctx: Context) -> str:
    add_settlement(ctx, "Ақтоғай", "Актогай")
    c = svc.create_campaign(ctx, CampaignInput("Н", "К", date(2025, 3, 1), DEMO_QUESTIONS))
    return c.waves[0].id


def test_kobo_export_imports_and_twice_adds_nothing(ctx: Context, wave: str,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "kobo.csv"
    path.write_bytes(KOBO.encode("utf-8-sig"))
    result = import_wave_csv(ctx, wave, path)
    assert (result.imported, result.skipped) == (2, 0)
    rows = svc.list_sheets(ctx, wave).rows
    assert [r.number for r in rows] == [1, 2]
    assert rows[0].answers == (frozenset({2}), frozenset({2}), frozenset({1, 2, 3}),
                               frozenset({1}))
    assert rows[0].sex is Sex.FEMALE and rows[0].age_band is not None
    assert rows[1].answers[1] == frozenset() and rows[1].settlement_id == rows[0].settlement_id
    again = import_wave_csv(ctx, wave, path)
    assert (again.imported, again.skipped) == (0, 2)


def test_odk_central_export_with_sheet_numbers(ctx: Context, wave: str) -> None:
    result = import_wave_csv(ctx, wave, ODK.encode())
    assert result.imported == 2
    assert [r.number for r in svc.list_sheets(ctx, wave).rows] == [7, 8]


def test_a_bad_row_imports_nothing_and_names_every_row(ctx: Context, wave: str) -> None:
    bad = ODK.replace("2025-03-02,3,1,,2,,,8", "2025-03-02,12,1,,9,x,200,8")
    with pytest.raises(UserError) as exc:
        import_wave_csv(ctx, wave, bad.encode())
    ru = exc.value.text("ru")
    assert "ничего не импортировано" in ru and "Строка 3" in ru and "Вопрос 1" in ru
    assert "Вопрос 4" in ru and "непонятный пол" in ru and "возраст" in ru
    assert "3-жол" in exc.value.text("kk")
    assert svc.list_sheets(ctx, wave).total == 0


def test_a_file_of_another_form_says_which_columns_it_lacks(ctx: Context, wave: str) -> None:
    with pytest.raises(UserError) as exc:
        import_wave_csv(ctx, wave, b"name,phone\n1,2\n")
    assert exc.value.code == "import.no_questions"
    with pytest.raises(UserError) as exc2:
        import_wave_csv(ctx, wave, b"q1,q2\n1,2\n")
    assert exc2.value.code == "import.missing" and "q3, q4" in exc2.value.text("kk")
    with pytest.raises(UserError) as exc3:
        import_wave_csv(ctx, wave, Path("/nonexistent/file.csv"))
    assert exc3.value.code == "import.unreadable"
