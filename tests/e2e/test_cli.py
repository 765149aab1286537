"""The admin command line end to end, including every refusal."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from civicdesk import cli_signin
from civicdesk.cli import main as _main
from civicdesk.db.engine import DB_FILE_NAME


def main(argv: list[str]) -> int:
    """The command signed in as the demo's manager where it needs a person."""
    if "--user" not in argv and set(argv) & set(cli_signin.SIGNED_COMMANDS):
        argv = ["--user", "manager", *argv]
    return _main(argv)


@pytest.fixture(autouse=True)
def _demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_signin, "ask_password", lambda login, lang: "demo-password")


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


def _entry_point() -> list[str]:
    """The installed ``civicdesk`` command (bin/civicdesk in a venv, Scripts\\civicdesk.exe
    on Windows); ``python -m civicdesk`` where the install made no scripts (pip --target)."""
    script = Path(sysconfig.get_path("scripts")) / (
        "civicdesk.exe" if sys.platform == "win32" else "civicdesk"
    )
    return [str(script)] if script.is_file() else [sys.executable, "-m", "civicdesk"]


def test_entry_point_runs_without_traceback_on_bad_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [*_entry_point(), "--data-dir", str(tmp_path), "--lang", "ru",
         "demo", "--consultations", "0"],
        capture_output=True, encoding="utf-8", timeout=120, check=False,
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


def test_check_on_a_corrupt_file_reports_the_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / DB_FILE_NAME).write_bytes(b"garbage" * 1000)
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "ru", "check")
    assert code == 1  # damage found is check's result, not a refusal
    assert "не является базой данных CivicDesk" in err


def test_backup_to_an_unwritable_place_is_refused(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "backup",
                        "--out", str(blocker / "sub" / "b.sqlite3"))
    assert code == 2
    assert "Не удалось записать" in err or "нельзя записать" in err or "места" in err \
        or "Невозможно создать папку" in err


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


# --------------------------------------------------------------- recovery on damage


def _damaged_copy(demo_dir: Path, folder: Path, damage: str) -> Path:
    folder.mkdir()
    src = demo_dir / DB_FILE_NAME
    main(["--data-dir", str(demo_dir), "backup", "--out", str(folder / "whole.sqlite3")])
    data = (folder / "whole.sqlite3").read_bytes()
    (folder / "whole.sqlite3").unlink()
    assert src.exists()
    if damage == "empty":
        data = b""
    elif damage == "truncated":
        data = data[: len(data) // 2]
    else:  # malformed: a b-tree page in the middle overwritten
        page = 4096
        middle = (len(data) // page // 2) * page
        data = data[:middle] + b"\xee" * page + data[middle + page:]
    (folder / DB_FILE_NAME).write_bytes(data)
    return folder


@pytest.mark.parametrize("damage", ["empty", "truncated", "malformed"])
def test_check_reports_damage_with_exit_1_and_writes_nothing(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    folder = _damaged_copy(demo_dir, tmp_path / "d", damage)
    db = folder / DB_FILE_NAME
    before = _digest(db)
    code, out, err = _run(capsys, "--data-dir", str(folder), "--lang", "ru", "check")
    assert code == 1, (out, err)
    assert "Traceback" not in out + err
    assert "повреждена" in out + err or "пуст" in out + err or "проблем" in out + err
    assert _digest(db) == before
    assert not Path(str(db) + "-wal").exists()
    assert "База данных в порядке" not in out
    code, out, err = _run(capsys, "--data-dir", str(folder), "--lang", "kk", "check")
    assert code == 1 and "Дерекқор дұрыс" not in out


def test_check_on_an_empty_file_does_not_create_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / DB_FILE_NAME).write_bytes(b"")
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "kk", "check")
    assert code == 1
    assert "бос (0 байт)" in err
    assert (tmp_path / DB_FILE_NAME).stat().st_size == 0


@pytest.mark.parametrize("damage", ["empty", "truncated", "malformed"])
def test_restore_over_a_destroyed_database_from_the_command_line(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    good = tmp_path / "good.sqlite3"
    assert _run(capsys, "--data-dir", str(demo_dir), "backup", "--out", str(good))[0] == 0
    folder = _damaged_copy(demo_dir, tmp_path / "d", damage)
    code, out, err = _run(capsys, "--data-dir", str(folder), "--lang", "ru", "restore",
                          str(good))
    assert code == 0, err
    assert "before-restore-damaged" in out
    assert _run(capsys, "--data-dir", str(folder), "check")[0] == 0


def test_restoring_a_damaged_backup_is_refused_not_a_bug(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _damaged_copy(demo_dir, tmp_path / "d", "malformed")
    before = _digest(demo_dir / DB_FILE_NAME)
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "restore",
                        str(folder / DB_FILE_NAME))
    assert code == 2
    assert "повреждена" in err or "не база данных" in err
    assert _digest(demo_dir / DB_FILE_NAME) == before


# --------------------------------------------------------------- backups and refusals


def test_backup_never_overwrites_without_force_and_never_the_live_database(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "b.sqlite3"
    out_file.write_bytes(b"precious")
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "backup",
                        "--out", str(out_file))
    assert code == 2 and "--force" in err
    assert out_file.read_bytes() == b"precious"
    code, _, _ = _run(capsys, "--data-dir", str(demo_dir), "backup", "--out", str(out_file),
                      "--force")
    assert code == 0 and out_file.read_bytes()[:16] == b"SQLite format 3\x00"
    live = demo_dir / DB_FILE_NAME
    before = _digest(live)
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "kk", "backup",
                        "--out", str(live), "--force")
    assert code == 2 and "жұмыс дерекқорының өзі" in err
    assert _digest(live) == before
    assert not list(tmp_path.glob("*.part")) and not list(demo_dir.glob("*.part"))


def test_backup_file_is_one_self_contained_file(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "b.sqlite3"
    assert _run(capsys, "--data-dir", str(demo_dir), "backup", "--out", str(out_file))[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.sqlite3"]
    assert out_file.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL


@pytest.mark.parametrize(
    ("args", "ru", "kk"),
    [
        (["backup"], "не указаны обязательные параметры", "міндетті параметрлер жоқ"),
        (["export", "--format", "pdf", "--out", "x"], "недопустимое значение",
         "жарамайды"),
        (["demo", "--consultations", "many"], "недопустимое значение", "жарамайды"),
        (["frobnicate"], "недопустимое значение", "жарамайды"),
        (["check", "--nope"], "неизвестные параметры", "белгісіз параметрлер"),
    ],
)
def test_argument_errors_are_in_kazakh_and_russian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], ru: str, kk: str
) -> None:
    for lang, expected in (("ru", ru), ("kk", kk)):
        code, _, err = _run(capsys, "--lang", lang, "--data-dir", str(tmp_path), *args)
        assert code == 2
        assert expected in err, err
        assert "error:" not in err and "usage:" not in err


@pytest.mark.parametrize("code_text", ["ab", "\udcff\udcfe-code", "x" * 65, "abc\x01def"])
def test_bad_enrolment_code_is_refused_before_any_connection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], code_text: str
) -> None:
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "ru", "enroll",
                        "--server", "http://127.0.0.1:9", "--code", code_text)
    assert code == 2
    assert "Код подключения" in err


def test_print_to_a_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "--data-dir", str(tmp_path), "--lang", "ru", "print", "form",
                        "consent", "--out", str(tmp_path))
    assert code == 2
    assert "это папка" in err


@pytest.mark.parametrize("args", [
    ["report", "--period", "2025", "--format", "pdf", "--out"],
    ["export", "--format", "xlsx", "--out"],
    ["backup", "--out"],
])
def test_report_export_backup_to_a_folder_are_refused(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    target = tmp_path / "a folder"
    target.mkdir()
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "kk", *args,
                        str(target))
    assert code == 2, err
    assert "қалта, файл емес" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a folder"]
    assert not list(target.iterdir())


def test_sync_exits_5_while_earlier_conflicts_wait(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    from civicdesk.services import sync
    from civicdesk.sync.client import SyncSummary

    folder = tmp_path / "d"
    folder.mkdir()
    shutil.copyfile(demo_dir / DB_FILE_NAME, folder / DB_FILE_NAME)
    with sqlite3.connect(folder / DB_FILE_NAME) as con:
        con.execute(
            "INSERT INTO sync_conflicts (table_name, row_id, fields, reason, server_rev, "
            "created_at) VALUES ('residents', 'r1', '{}', 'both changed', 2, "
            "'2025-03-01 10:00:00')"
        )
    # this round itself finds no new conflict, but one from an earlier round waits
    monkeypatch.setattr(sync, "sync_now", lambda app: SyncSummary(0, 0, 0, 0))
    code, out, _ = _run(capsys, "--data-dir", str(folder), "--lang", "ru", "sync")
    assert code == 5
    assert "ждут решения человека: 1" in out


def test_a_second_writing_command_is_refused_while_the_folder_is_open(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil
    import textwrap

    folder = tmp_path / "d"
    folder.mkdir()
    shutil.copyfile(demo_dir / DB_FILE_NAME, folder / DB_FILE_NAME)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys
            from civicdesk.services.app import CivicApp
            app = CivicApp(sys.argv[1]); print("open", flush=True)
            sys.stdin.readline(); app.close()
        """), str(folder)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "open"
        before = _digest(folder / DB_FILE_NAME)
        good = tmp_path / "good.sqlite3"
        assert _run(capsys, "--data-dir", str(demo_dir), "backup", "--out", str(good))[0] == 0
        for args in (["restore", str(good)], ["demo", "--consultations", "5"],
                     ["report", "--period", "2025", "--format", "xlsx", "--out",
                      str(tmp_path / "r.xlsx")]):
            code, _, err = _run(capsys, "--data-dir", str(folder), "--lang", "ru", *args)
            assert code == 2, (args, err)
            assert "уже открыт" in err
            assert "Traceback" not in err
        assert _digest(folder / DB_FILE_NAME) == before
        # a check only reads, so it still works while the app is open
        assert _run(capsys, "--data-dir", str(folder), "check")[0] == 0
        # so does a backup: it checks the person without writing, and its record goes
        # to the log because the open app holds the database
        code, _, err = _run(capsys, "--data-dir", str(folder), "--lang", "ru", "backup",
                            "--out", str(tmp_path / "while-open.sqlite3"))
        assert code == 0, err
        assert (tmp_path / "while-open.sqlite3").read_bytes()[:16] == b"SQLite format 3\x00"
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=60)


def test_environment_errors_name_a_code_never_an_english_sentence() -> None:
    import errno

    from civicdesk.cli import environment_error

    for number, expected in ((errno.EIO, "EIO"), (errno.ENOSPC, "места"),
                             (errno.EROFS, "нельзя записать")):
        err = environment_error(OSError(number, "Some English text"), "/x/y.pdf")
        assert expected in err.text("ru")
        assert "English" not in err.text("ru") and "English" not in err.text("kk")


def test_restore_from_a_missing_file_says_it_is_missing(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(demo_dir / DB_FILE_NAME)
    code, _, err = _run(capsys, "--data-dir", str(demo_dir), "--lang", "ru", "restore",
                        str(tmp_path / "E" / "нет.sqlite3"))
    assert code == 2 and "не найден" in err
    assert _digest(demo_dir / DB_FILE_NAME) == before

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
