"""The admin command line end to end, including every refusal."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from civicdesk.cli import main
from civicdesk.db.engine import DB_FILE_NAME


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert main(["--data-dir", str(folder), "--lang", "kk", "demo", "--consultations", "300"]) == 0
    return folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_entry_point_runs_without_traceback_on_bad_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "civicdesk"), "--data-dir", str(tmp_path), "--lang", "ru",
         "demo", "--consultations", "0"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2
    assert "Число консультаций" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_demo_then_check_is_clean(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "--lang", "kk", "check")
    assert code == 0, out
    assert "Дерекқор дұрыс." in out


def test_check_finds_a_broken_invariant(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy"
    assert main(["--data-dir", str(demo_dir), "backup", "--out", str(copy / DB_FILE_NAME)]) == 0
    con = sqlite3.connect(copy / DB_FILE_NAME)
    con.execute("UPDATE meetings SET members_present = members_eligible + 5")
    con.commit()
    con.close()
    code, out, _ = _run(capsys, "--data-dir", str(copy), "--lang", "ru", "check")
    assert code == 1
    assert "[ERR] Присутствующих не больше, чем членов" in out


def test_backup_and_restore_round_trip(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.sqlite3"
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "backup",
                        "--out", str(backup))
    assert code == 0 and "Резервная копия создана" in out
    target = tmp_path / "restored"
    code, out, _ = _run(capsys, "--data-dir", str(target), "--lang", "ru", "restore",
                        str(backup))
    assert code == 0, out
    assert "consultations: 300" in out
    con = sqlite3.connect(target / DB_FILE_NAME)
    assert con.execute("SELECT count(*) FROM consultations").fetchone()[0] == 300
    assert con.execute("SELECT count(*) FROM consultations_fts").fetchone()[0] == 300
    con.close()


@pytest.mark.parametrize("kind", ["text", "newer", "truncated", "foreign"])
def test_restore_refuses_and_keeps_current_database(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    current = tmp_path / "current"
    assert main(["--data-dir", str(demo_dir), "backup", "--out", str(current / DB_FILE_NAME)]) == 0
    before = _digest(current / DB_FILE_NAME)
    bad = tmp_path / "bad.sqlite3"
    if kind == "text":
        bad.write_text("not a database at all\n" * 100, encoding="utf-8")
    elif kind == "foreign":
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        con.commit()
        con.close()
    else:
        assert main(["--data-dir", str(demo_dir), "backup", "--out", str(bad)]) == 0
        if kind == "newer":
            con = sqlite3.connect(bad)
            con.execute("UPDATE alembic_version SET version_num = '9999_future'")
            con.commit()
            con.close()
        else:
            data = bad.read_bytes()
            bad.write_bytes(data[: len(data) // 3])
    capsys.readouterr()
    code, out, err = _run(capsys, "--data-dir", str(current), "--lang", "kk", "restore", str(bad))
    assert code == 2
    assert "өзгертілген жоқ" in err or "бүлінген" in err
    assert "Traceback" not in out + err
    assert _digest(current / DB_FILE_NAME) == before


def test_export_csv_and_xlsx_keep_cyrillic(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "--lang", "kk", "export",
                        "--format", "csv", "--out", str(tmp_path / "csv"))
    assert code == 0 and "Экспорт дайын" in out
    with (tmp_path / "csv" / "consultations.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 300
    assert any("ә" in r["question"] or "қ" in r["question"] for r in rows)
    with (tmp_path / "csv" / "residents.csv").open(encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh))
    assert "full_name" not in header and "iin" not in header  # no identities leave the center
    code, _, _ = _run(capsys, "--data-dir", str(demo_dir), "export", "--format", "xlsx",
                      "--out", str(tmp_path / "all.xlsx"))
    assert code == 0
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "all.xlsx", read_only=True)
    ws = wb["consultations"]
    values = [row for row in ws.iter_rows(min_row=2, values_only=True)]
    assert len(values) == 300
    assert any(isinstance(v, str) and "қ" in v for row in values for v in row)


def test_check_on_a_corrupt_file_is_a_clear_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / DB_FILE_NAME).write_bytes(b"garbage" * 1000)
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "ru", "check")
    assert code == 2
    assert "не является базой данных CivicDesk" in err


def test_backup_to_an_unwritable_place_is_refused(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "backup",
                        "--out", str(blocker / "sub" / "b.sqlite3"))
    assert code == 2
    assert "Не удалось записать" in err or "нельзя записать" in err or "места" in err


def test_print_commands_make_pdfs_with_kazakh_intact(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "print", "templates")
    assert code == 0 and "appeal-to-state-bodies" in out
    con = sqlite3.connect(demo_dir / DB_FILE_NAME)
    meeting = con.execute("SELECT id FROM meetings LIMIT 1").fetchone()[0]
    application = con.execute("SELECT id FROM grant_applications LIMIT 1").fetchone()[0]
    con.close()
    jobs = {
        "booklet.pdf": ["print", "booklet", "residents-influence", "--layout", "a5-booklet"],
        "consent.pdf": ["print", "form", "consent"],
        "grant.pdf": ["print", "form", "grant-blank"],
        "minutes.pdf": ["print", "minutes", meeting],
        "application.pdf": ["print", "application", application],
    }
    for name, argv in jobs.items():
        target = tmp_path / name
        code, out, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "kk", *argv,
                              "--out", str(target))
        assert code == 0, err
        assert "PDF дайын" in out
        text = "".join(p.extract_text() or "" for p in PdfReader(target).pages)
        assert any(ch in text for ch in "әғқңөұүһі"), name


def test_print_refusals(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "print", "minutes",
                        "no-such-meeting", "--out", str(tmp_path / "m.pdf"))
    assert code == 2 and "не найдена" in err
    assert not (tmp_path / "m.pdf").exists()
    # the tri-fold used to be refused for every template; its short edition prints
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "kk", "print", "booklet",
                        "rural-youth", "--layout", "a4-trifold", "--out", str(tmp_path / "t.pdf"))
    assert code == 0, err
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "t.pdf").pages) == 2


def test_report_command(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year = str(__import__("datetime").date.today().year)
    code, out, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "report",
                          "--period", year, "--format", "xlsx", "--out", str(tmp_path / "r.xlsx"))
    assert code == 0, err
    assert "Отчёт готов" in out
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "report",
                        "--period", "2025Q5", "--format", "pdf", "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and "квартала" in err


def test_print_booklet_copies_order_and_single_pages(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "print", "booklet",
                        "rural-youth", "--copies", "300", "--order", "5", "--bleed",
                        "--pages", str(tmp_path / "p.pdf"), "--out", str(tmp_path / "b.pdf"))
    assert code == 0, err
    text = "".join(p.extract_text() or "" for p in PdfReader(tmp_path / "b.pdf").pages)
    assert "Заказ №: 5" in text
    assert len(PdfReader(tmp_path / "p.pdf").pages) % 4 == 0
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "kk", "print", "booklet",
                        "rural-youth", "--copies", "0", "--out", str(tmp_path / "c.pdf"))
    assert code == 2 and "Дана саны" in err


def test_print_demo_booklet_by_id_falls_back_to_its_template(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    con = sqlite3.connect(demo_dir / DB_FILE_NAME)
    try:
        rows = con.execute(
            "SELECT id, template_name, template_edition, content FROM booklets WHERE deleted = 0"
        ).fetchall()
    finally:
        con.close()
    assert rows and all(r[1] and r[2] == "full" for r in rows)
    booklet_id = rows[0][0]
    for layout in ("a5-booklet", "a4-trifold"):
        out = tmp_path / f"{layout}.pdf"
        code, stdout, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "kk", "print",
                                 "booklet", booklet_id, "--layout", layout, "--out", str(out))
        assert code == 0, err
        assert "PDF дайын" in stdout
        text = "".join(p.extract_text() or "" for p in PdfReader(out).pages)
        assert "Құқықтық негіз" in text
