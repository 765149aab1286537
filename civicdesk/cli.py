"""The ``civicdesk`` command: opens the app, or runs an admin command.

Messages are in the user's language (``--lang``, else the app's setting, else the
system locale: Russian if it says so, Kazakh otherwise). Exit codes a script can rely on:

    0  done
    1  ``check`` found problems (also: the file is empty, truncated or malformed)
    2  the user's input or data was refused (message printed, nothing changed);
       also: CivicDesk is already open on this data folder, the disk is full, the
       folder is read-only
    3  no connection to the server
    4  the server refused our credentials
    5  sync finished but conflicts wait for a person
   70  a bug: the traceback is in the log file
"""

from __future__ import annotations

import argparse
import errno
import locale
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from civicdesk import cli_signin, console
from civicdesk.cli_messages import (
    _ARGPARSE_MESSAGES,
    M_BACKUP,
    M_BAD_CODE,
    M_BAD_COUNT,
    M_BUG,
    M_CANNOT_WRITE,
    M_CHECK_BAD,
    M_CHECK_OK,
    M_CONFLICTS_WAIT,
    M_DEMO,
    M_DEMO_SIGN_IN,
    M_ENROLLED,
    M_EXPORT,
    M_NO_FOLDER,
    M_OUT_IS_FOLDER,
    M_PRINTED,
    M_REPORT,
    M_RESTORE,
    M_RESTORE_COUNTS,
    M_ROWS_WAIT,
    M_SYNC,
    M_USAGE,
)
from civicdesk.domain.errors import Lang, Message, UserError
from civicdesk.paths import default_data_dir

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USER_ERROR = 2
EXIT_BUG = 70

log = logging.getLogger("civicdesk")


def _system_lang() -> Lang:
    for key in ("CIVICDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(key, "")
        if value:
            return "ru" if value.lower().startswith("ru") else "kk"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "ru" if loc.lower().startswith("ru") else "kk"


class Out:
    """Prints bilingual messages in one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def say(self, message: Message, **params: object) -> None:
        print(message.text(self.lang, **params))

    def error(self, err: UserError) -> None:
        print(err.text(self.lang), file=sys.stderr)


def translate_argparse(message: str, lang: Lang) -> str:
    """argparse's English error in kk/ru (the unknown ones are quoted as they are)."""
    for pattern, text in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match:
            params = {k: (v or "—") for k, v in match.groupdict().items()}
            return M_USAGE.text(lang, detail=text.text(lang, **params))
    return M_USAGE.text(lang, detail=message)


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are in the user's language, exit code 2."""

    lang: Lang = "kk"

    def error(self, message: str) -> NoReturn:
        print(translate_argparse(message, Parser.lang), file=sys.stderr)
        raise SystemExit(EXIT_USER_ERROR)


def _lang_in_argv(argv: Sequence[str]) -> Lang:
    """The --lang asked for, before argparse runs (so its errors can use it)."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in ("kk", "ru"):
            return "ru" if value == "ru" else "kk"
    return _system_lang()


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="civicdesk",
        description="CivicDesk — ЖӨБ дамыту орталықтарына арналған бағдарлама / "
        "программа для центров развития МСУ",
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="data folder")
    parser.add_argument("--lang", choices=["kk", "ru"], default=None)
    parser.add_argument("--self-test", action="store_true", help="check the installation")
    cli_signin.add_arguments(parser)
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="fill a demo database")
    demo.add_argument("--consultations", type=int, default=2000)
    demo.add_argument("--seed", type=int, default=2025)
    demo.add_argument("--center-name", default=None)

    sub.add_parser("check", help="integrity and invariants report")

    backup = sub.add_parser("backup", help="online backup of the database")
    backup.add_argument("--out", type=Path, required=True)
    cli_signin.add_backup_arguments(backup)
    backup.add_argument("--force", action="store_true", help="replace an existing file")

    restore = sub.add_parser("restore", help="restore from a backup file")
    restore.add_argument("file", type=Path)
    restore.add_argument(
        "--move-center", action="store_true", help="take over the backup's center on this PC"
    )

    export = sub.add_parser("export", help="export tables for head office")
    export.add_argument("--format", choices=["csv", "xlsx"], required=True)
    export.add_argument("--out", type=Path, required=True)

    enroll = sub.add_parser("enroll", help="join the head-office server")
    enroll.add_argument("--server", required=True)
    enroll.add_argument("--code", required=True)

    sub.add_parser("sync", help="one sync round with head office")

    pr = sub.add_parser("print", help="print booklets and forms to PDF")
    psub = pr.add_subparsers(dest="what", required=True)
    pb = psub.add_parser("booklet")
    pb.add_argument("source", help="template name or booklet id")
    pb.add_argument("--layout", choices=["a5-booklet", "a4-trifold", "a4"], default="a5-booklet")
    pb.add_argument("--arrangement", choices=["parallel", "sequential"], default="parallel")
    pb.add_argument("--bleed", action="store_true")
    pb.add_argument("--crop-marks", action="store_true")
    pb.add_argument("--copies", type=int, default=None,
                    help="print run: printed in the imprint and, for a booklet id, recorded")
    pb.add_argument("--order", default="", help="print shop's order number for the imprint")
    pb.add_argument("--pages", type=Path, default=None,
                    help="A5 booklet: also write single pages in reading order to this PDF")
    pb.add_argument("--out", type=Path, required=True)
    pf = psub.add_parser("form")
    pf.add_argument("kind", choices=["consent", "attendance", "grant-blank"])
    pf.add_argument("--out", type=Path, required=True)
    pm = psub.add_parser("minutes")
    pm.add_argument("meeting_id")
    pm.add_argument("--out", type=Path, required=True)
    pa = psub.add_parser("application")
    pa.add_argument("application_id")
    pa.add_argument("--out", type=Path, required=True)
    psub.add_parser("templates")

    rep = sub.add_parser("report", help="statistics for a period as PDF or XLSX")
    rep.add_argument("--period", required=True, help="2025Q1 | 2025 | 2025-01-01..2025-03-31")
    rep.add_argument("--format", choices=["pdf", "xlsx"], required=True)
    rep.add_argument("--out", type=Path, required=True)
    cli_signin.add_commands(sub)
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def _setup_logging(data_dir: Path) -> Path:
    log_path = data_dir / "logs" / "civicdesk.log"
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(log_path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_path


def _open_app(data_dir: Path) -> Any:
    from civicdesk.services.app import CivicApp

    return CivicApp(data_dir)


def cmd_demo(args: argparse.Namespace, out: Out) -> int:
    from civicdesk.services.demo import (
        DEMO_LOGIN,
        DEMO_PASSWORD,
        demo_sign_in,
        generate_demo,
        mark_demo_center,
    )
    from civicdesk.services.users import setup_center

    if not 1 <= args.consultations <= 1_000_000:
        raise UserError("demo.count", M_BAD_COUNT)
    app = _open_app(_data_dir(args))
    try:
        if app.state.center_id is None:
            name = args.center_name or "Бақанас ауылының ЖӨБ дамыту орталығы"
            setup_center(
                app, name_kk=name, name_ru="Центр развития МСУ села Баканас",
                region_kato="19", district_id=None, manager_login=DEMO_LOGIN,
                manager_name="Әсел Нұрланқызы", manager_password=DEMO_PASSWORD,
                language=out.lang,
            )
            mark_demo_center(app)
        summary = generate_demo(
            app.admin_context(out.lang), consultations=args.consultations, seed=args.seed
        )
        sign_in = demo_sign_in(app)
    finally:
        app.close()
    out.say(M_DEMO, **summary.__dict__)
    if sign_in is not None:
        out.say(M_DEMO_SIGN_IN, login=sign_in[0], password=sign_in[1])
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: Out) -> int:
    from civicdesk.db.engine import DB_FILE_NAME, DatabaseError
    from civicdesk.services.admin import DAMAGE_CODES, check_database, check_text

    try:
        results = check_database(_data_dir(args) / DB_FILE_NAME)
    except DatabaseError as err:
        if err.code not in DAMAGE_CODES:
            raise
        out.error(err)  # damage found: that is what check is for, not a refusal
        return EXIT_PROBLEMS
    print(check_text(results, out.lang))
    problems = sum(len(r.problems) for r in results)
    if problems:
        out.say(M_CHECK_BAD, n=problems)
        return EXIT_PROBLEMS
    out.say(M_CHECK_OK)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: Out) -> int:
    from civicdesk.services.admin import make_backup
    from civicdesk.services.admin_actions import backup_as, refuse_bad_target

    _writable(args.out)
    refuse_bad_target(_data_dir(args), args.out, force=args.force)
    try:
        app = _open_app(_data_dir(args))
    except UserError as err:
        if err.code != "db.in_use":
            raise
        return _backup_while_open(args, out)
    try:
        actor = cli_signin.signed_actor(app, args, out.lang)
        if args.encrypt and not actor:
            raise UserError("cli.sign_in", cli_signin.M_NEED_USER)
        if actor:
            passphrase = cli_signin.ask_passphrase(out.lang, twice=True) if args.encrypt else None
            path = backup_as(app, actor, args.out, force=args.force, passphrase=passphrase)
        else:
            path = make_backup(app.data_dir, args.out, force=args.force)
    finally:
        app.close()
    out.say(M_BACKUP, path=path)
    return EXIT_OK


def _backup_while_open(args: argparse.Namespace, out: Out) -> int:
    """A backup only reads, so it is made while the window holds the folder; the person
    is checked read-only and the run goes to the log file (the audit log cannot be
    written meanwhile)."""
    from civicdesk.db.engine import DB_FILE_NAME
    from civicdesk.services.admin import make_backup
    from civicdesk.services.backup_crypt import encrypt_file

    data_dir = _data_dir(args)
    actor = cli_signin.signed_actor_read_only(data_dir / DB_FILE_NAME, args, out.lang)
    if args.encrypt:
        if actor is None:
            raise UserError("cli.sign_in", cli_signin.M_NEED_USER)
        passphrase = cli_signin.ask_passphrase(out.lang, twice=True)
        plain = make_backup(data_dir, args.out.with_name(args.out.name + ".plain"), force=True)
        try:
            path = encrypt_file(plain, args.out, passphrase)
        finally:
            plain.unlink(missing_ok=True)
    else:
        path = make_backup(data_dir, args.out, force=args.force)
    log.info("backup %s by %s while the app was open", path,
             actor.user_name if actor else "(no center yet)")
    out.say(M_BACKUP, path=path)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: Out) -> int:
    import shutil
    import tempfile

    from civicdesk.services.backup_crypt import decrypt_file, is_encrypted

    opened: Path | None = None
    source = args.file
    try:
        if is_encrypted(args.file):  # a sealed stick copy: opened into a scratch folder
            opened = Path(tempfile.mkdtemp(prefix="civicdesk-restore-"))
            passphrase = cli_signin.ask_passphrase(out.lang, twice=False)
            source = decrypt_file(args.file, opened / args.file.name, passphrase)
        return _restore_from(args, out, source)
    finally:
        if opened is not None:
            shutil.rmtree(opened, ignore_errors=True)


def _restore_from(args: argparse.Namespace, out: Out, source: Path) -> int:
    from civicdesk.db.engine import DB_FILE_NAME
    from civicdesk.services.admin import inspect_backup
    from civicdesk.services.admin_actions import restore_as
    from civicdesk.services.backup_guard import check_backup_belongs
    from civicdesk.services.restore import is_sound

    # a file that will be refused is refused before any sign-in touches the database
    inspect_backup(source)
    check_backup_belongs(_data_dir(args), source, move_center=args.move_center)
    actor = None
    live = _data_dir(args) / DB_FILE_NAME
    if live.exists() and is_sound(live):  # a destroyed database has no one to sign in
        app = _open_app(_data_dir(args))
        try:
            actor = cli_signin.signed_actor(app, args, out.lang)
        finally:
            app.close()
    summary, kept = restore_as(_data_dir(args), actor, source, move_center=args.move_center)
    out.say(M_RESTORE, path=args.file, revision=summary.revision, kept=kept or "—")
    out.say(M_RESTORE_COUNTS, counts=", ".join(f"{k}: {v}" for k, v in summary.counts.items()))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: Out) -> int:
    from civicdesk.services.admin import export_tables
    from civicdesk.services.admin_actions import export_as

    if args.format == "xlsx":
        _writable(args.out)  # csv writes into a folder; a workbook is one file
    app = _open_app(_data_dir(args))
    try:
        actor = cli_signin.signed_actor(app, args, out.lang)
        if actor:
            counts = export_as(app, actor, args.format, args.out)
        else:
            counts = export_tables(app.data_dir, args.format, args.out)
    finally:
        app.close()
    out.say(M_EXPORT, path=args.out, tables=len(counts), rows=sum(counts.values()))
    return EXIT_OK


def cmd_enroll(args: argparse.Namespace, out: Out) -> int:
    from civicdesk.services import sync

    code = _enrolment_code(args.code)
    app = _open_app(_data_dir(args))
    try:
        try:
            info = sync.enroll(app, args.server, code)
        except UserError as err:
            out.error(err)
            return sync.exit_code_for(err)
    finally:
        app.close()
    out.say(M_ENROLLED, center=info.center_name, server=info.server_url)
    return EXIT_OK


def cmd_sync(args: argparse.Namespace, out: Out) -> int:
    from civicdesk.services import sync

    app = _open_app(_data_dir(args))
    try:
        try:
            summary = sync.sync_now(app)
        except UserError as err:
            out.error(err)
            return sync.exit_code_for(err)
        # Conflicts queued by earlier rounds wait as much as the new ones.
        waiting = sync.status(app).open_conflicts
    finally:
        app.close()
    out.say(M_SYNC, pushed=summary.pushed, pulled=summary.pulled, new=summary.conflicts)
    if waiting:
        out.say(M_CONFLICTS_WAIT, n=waiting)
    if summary.waiting:
        out.say(M_ROWS_WAIT, n=summary.waiting)
    return sync.exit_code_for(None, open_conflicts=waiting, waiting=summary.waiting)


def cmd_print(args: argparse.Namespace, out: Out) -> int:
    from civicdesk.domain.enums import BilingualArrangement, BookletLayout
    from civicdesk.printing.templates import list_templates
    from civicdesk.services import printing

    if args.what == "templates":
        for t in list_templates():
            print(f"{t.name}\t{t.title_kk} / {t.title_ru}")
        return EXIT_OK
    _writable(args.out)
    if args.what == "form":
        pages = printing.print_blank_form(
            "grant_application" if args.kind == "grant-blank" else args.kind, args.out, out.lang
        )
        out.say(M_PRINTED, path=args.out, pages=pages)
        return EXIT_OK
    app = _open_app(_data_dir(args))
    try:
        actor = cli_signin.signed_actor(app, args, out.lang)
        ctx = app.context(actor) if actor else app.admin_context(out.lang)
        if args.what == "booklet":
            result = printing.print_booklet(
                ctx, args.source, BookletLayout(args.layout),
                BilingualArrangement(args.arrangement), args.bleed, args.out,
                crop_marks=args.crop_marks or args.bleed, copies=args.copies,
                order_number=args.order, pages_out=args.pages, record_run=True,
            )
            pages = result.pages
        elif args.what == "minutes":
            pages = printing.print_minutes(ctx, args.meeting_id, args.out)
        else:
            pages = printing.print_application(ctx, args.application_id, args.out)
    finally:
        app.close()
    out.say(M_PRINTED, path=args.out, pages=pages)
    return EXIT_OK


def _writable(path: Path) -> None:
    """Refuse an output path that is a folder, or in a folder that cannot be made,
    before any work."""
    if path.is_dir():
        raise UserError("output.is_folder", M_OUT_IS_FOLDER, path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError("output.folder", M_NO_FOLDER, path=path.parent) from exc


def _enrolment_code(code: str) -> str:
    """The code as head office gave it, or a kk/ru refusal (too short, control
    characters, bytes that are not text)."""
    code = code.strip()
    try:
        code.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError("enroll.code", M_BAD_CODE) from None
    if not 4 <= len(code) <= 64 or any(ord(ch) < 32 or ord(ch) == 127 for ch in code):
        raise UserError("enroll.code", M_BAD_CODE)
    return code


def environment_error(exc: OSError, target: object) -> UserError:
    """An operating-system failure outside the database (an output file, a folder)
    as a kk/ru message: disk full and read-only get their own advice, anything else
    names the error code (never an English sentence)."""
    from civicdesk.db.engine import error_code, translate_operational_error

    known = translate_operational_error(exc, str(target))
    if known is not None:
        return known
    if exc.errno == errno.EISDIR:
        return UserError("output.is_folder", M_OUT_IS_FOLDER, path=target)
    return UserError("output.write", M_CANNOT_WRITE, path=target, errcode=error_code(exc))


def cmd_report(args: argparse.Namespace, out: Out) -> int:
    from civicdesk.domain.periods import parse_period
    from civicdesk.services.admin_actions import report_as
    from civicdesk.services.report_export import write_report

    period = parse_period(args.period)
    _writable(args.out)
    app = _open_app(_data_dir(args))
    try:
        actor = cli_signin.signed_actor(app, args, out.lang)
        if actor:
            count = report_as(app.context(actor), period, args.format, args.out)
        else:
            count = write_report(app.admin_context(out.lang), period, args.format, args.out)
    finally:
        app.close()
    out.say(M_REPORT, path=args.out, n=count)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Out], int]] = {
    "demo": cmd_demo,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "export": cmd_export,
    "enroll": cmd_enroll,
    "sync": cmd_sync,
    "print": cmd_print,
    "report": cmd_report,
    "backup-token": lambda args, out: cli_signin.cmd_backup_token(args, _data_dir(args), out.lang),
}


def _lang_for(args: argparse.Namespace) -> Lang:
    if args.lang:
        return "ru" if args.lang == "ru" else "kk"
    return _system_lang()


def main(argv: Sequence[str] | None = None) -> int:
    console.install()
    argv = list(sys.argv[1:] if argv is None else argv)
    Parser.lang = _lang_in_argv(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USER_ERROR
    out = Out(_lang_for(args))
    data_dir = _data_dir(args)
    if args.self_test:
        from civicdesk.selftest import run_self_test

        return run_self_test(out.lang)
    if args.command is None:
        from civicdesk.ui.app import run

        return run(data_dir, lang=args.lang)
    log_path = _setup_logging(data_dir)
    try:
        return COMMANDS[args.command](args, out)
    except UserError as err:
        out.error(err)
        return EXIT_USER_ERROR
    except OSError as exc:
        # The user's environment (a full disk, a read-only or missing folder), not
        # a bug: a message and exit 2; the details go to the log.
        log.warning("command %s: %r", args.command, exc)
        out.error(environment_error(exc, getattr(exc, "filename", None) or "—"))
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("command %s failed", args.command)
        print(M_BUG.text(out.lang, log=log_path), file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":
    raise SystemExit(main())
