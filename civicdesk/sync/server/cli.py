"""``civicdesk-server``: run and administer the head-office sync server.

    civicdesk-server [--db URL] serve [--host H] [--port P] [--ssl-certfile F --ssl-keyfile F]
    civicdesk-server [--db URL] migrate
    civicdesk-server [--db URL] enroll --center NAME --region KATO [--head-office]
    civicdesk-server [--db URL] centers
    civicdesk-server [--db URL] revoke CENTER_OR_DEVICE
    civicdesk-server [--db URL] purge [--days N]
    civicdesk-server [--db URL] restored        # right after putting back a dump
    civicdesk-server [--db URL] import-kato FILE

The default database is a SQLite file in the user data folder (created on first use);
``--db postgresql+psycopg://user@host/db`` (or ``CIVICDESK_SERVER_DB``) for PostgreSQL.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import sys
from collections.abc import Sequence
from datetime import timedelta

from civicdesk import console
from civicdesk.sync.server.store import DEFAULT_CLOCK_MARGIN_MS, Store, default_db_url


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="civicdesk-server", description="CivicDesk sync server")
    p.add_argument("--db", default=os.environ.get("CIVICDESK_SERVER_DB"), help="database URL")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--min-schema", type=int, default=1)
    serve.add_argument(
        "--clock-margin",
        type=float,
        default=DEFAULT_CLOCK_MARGIN_MS / 60_000,
        help="minutes a pushed timestamp may be ahead of the server's clock (default 5)",
    )
    sub.add_parser("migrate", help="create or upgrade the server database")
    enroll = sub.add_parser("enroll", help="issue a one-time enrolment code for a center")
    enroll.add_argument("--center", required=True, help="center name (created if new)")
    enroll.add_argument("--region", required=True, help="2-digit KATO region code")
    enroll.add_argument("--head-office", action="store_true")
    sub.add_parser("centers", help="list centers")
    revoke = sub.add_parser("revoke", help="revoke a center (all its PCs) or one device")
    revoke.add_argument("target", help="center id or name, or device id")
    purge = sub.add_parser("purge", help="forget tombstones older than the horizon")
    purge.add_argument("--days", type=float, default=90.0)
    sub.add_parser(
        "restored",
        help="after putting the database back from a dump: start a new epoch, so every "
        "PC re-sends what the server lost and pulls again",
    )
    kato = sub.add_parser(
        "import-kato", help="load the statistics bureau's KATO classifier (xlsx or csv)")
    kato.add_argument("file", help="the classifier file as downloaded")
    return p


SERVER_EXTRA = ("fastapi", "uvicorn", "psycopg")


def main(argv: Sequence[str] | None = None) -> int:
    console.install()
    args = _parser().parse_args(argv)
    missing = [m for m in SERVER_EXTRA if importlib.util.find_spec(m) is None]
    if missing:
        print(f"civicdesk-server needs {', '.join(missing)}: pip install 'civicdesk[server]'",
              file=sys.stderr)
        return 2
    url = args.db or default_db_url()
    if args.command == "serve":
        import uvicorn

        from civicdesk.sync.server.app import create_app

        os.environ["CIVICDESK_SERVER_DB"] = url
        os.environ["CIVICDESK_SERVER_CLOCK_MARGIN_MINUTES"] = str(args.clock_margin)
        ssl = {}
        if args.ssl_certfile:
            ssl = {"ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile}
        if args.workers > 1:
            uvicorn.run(
                "civicdesk.sync.server.app:app_from_env",
                factory=True,
                host=args.host,
                port=args.port,
                workers=args.workers,
                **ssl,
            )
        else:
            margin_ms = int(args.clock_margin * 60_000)
            uvicorn.run(
                create_app(store=Store(url, clock_margin_ms=margin_ms), min_schema=args.min_schema),
                host=args.host,
                port=args.port,
                **ssl,
            )
        return 0
    store = Store(url)
    try:
        if args.command == "migrate":
            print(f"ok: {url}")
        elif args.command == "enroll":
            if not re.fullmatch(r"\d{2}", args.region):
                print("region must be a 2-digit KATO code", file=sys.stderr)
                return 2
            cid = store.find_center(args.center) or store.create_center(
                args.center, args.region, head_office=args.head_office
            )
            code = store.issue_code(cid)
            print(f"center {cid}\ncode   {code}  (one use, expires in 14 days)")
        elif args.command == "centers":
            for c in store.list_centers():
                flags = (" head-office" if c.head_office else "") + (
                    " REVOKED" if c.revoked else ""
                )
                print(
                    f"{c.id}  {c.region_kato}  {c.name}  devices={c.devices} "
                    f"records={c.records}{flags}"
                )
        elif args.command == "revoke":
            known = store.find_center(args.target) is not None
            n = store.revoke(args.target)
            print(f"revoked {n} token(s)")
            return 0 if n or known else 1
        elif args.command == "restored":
            print(f"new epoch {store.new_epoch()}: PCs re-send and pull again at their next sync")
        elif args.command == "import-kato":
            from civicdesk.sync.server.kato_import import run_import

            return run_import(store, args.file)
        elif args.command == "purge":
            n = store.purge_tombstones(timedelta(days=args.days))
            print(f"purged {n} tombstone(s)")
        return 0
    finally:
        store.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
