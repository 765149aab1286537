"""Fixtures of the sync tests: a server (SQLite or PostgreSQL) and desktop replicas."""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

# `pytest` (unlike `python -m pytest`) does not put the checkout on sys.path; the sync
# tests import their helpers as tests.sync.* (so do other suites), so put it there.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from civicdesk.services.app import CivicApp  # noqa: E402
from civicdesk.sync.server import create_app  # noqa: E402
from civicdesk.sync.server.store import Store  # noqa: E402
from tests.sync.helpers import AppTransport, make_template, replica  # noqa: E402

Make = Callable[[str], CivicApp]

PG_ADMIN = os.environ.get("CIVICDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("sync-templates")
    return {
        "a": make_template(base / "a", name="Ақсу", login="manager.a"),
        "b": make_template(base / "b", name="Бесқарағай", login="manager.b"),
        "ho": make_template(base / "ho", name="Бас кеңсе", login="manager.ho", head_office=True),
    }


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}")
    yield s
    s.dispose()


@pytest.fixture()
def transport(store: Store) -> AppTransport:
    return AppTransport(create_app(store=store))


@pytest.fixture()
def make_replica(templates: dict[str, Path], tmp_path: Path) -> Iterator[Callable[[str], CivicApp]]:
    opened: list[CivicApp] = []

    def make(kind: str) -> CivicApp:
        app = replica(templates[kind], tmp_path / f"replica-{kind}-{len(opened)}")
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()


def _pg_reachable() -> bool:
    import psycopg

    try:
        with psycopg.connect(
            PG_ADMIN.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3
        ):
            return True
    except psycopg.Error:
        return False


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    with new_pg_database() as url:
        yield url


@contextlib.contextmanager
def new_pg_database() -> Iterator[str]:
    """A new, empty PostgreSQL database (its URL), dropped afterwards; skips the test
    when PostgreSQL is not reachable (fails it under CI)."""
    import psycopg

    if not _pg_reachable():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not reachable and CI is set")
        pytest.skip("PostgreSQL is not reachable")
    name = f"civicdesk_test_{secrets.token_hex(4)}"
    admin = PG_ADMIN.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture()
def pg_store(pg_url: str) -> Iterator[Store]:
    s = Store(pg_url)
    with s.engine.begin() as conn:
        for table in (
            "records",
            "batches",
            "conflicts",
            "tokens",
            "devices",
            "enrol_codes",
            "centers",
        ):
            conn.exec_driver_sql(f"DELETE FROM {table}")
        conn.exec_driver_sql("UPDATE server_meta SET value = '0' WHERE key = 'purged_seq'")
    yield s
    s.dispose()


def app_transport(store: Store) -> httpx.BaseTransport:
    return AppTransport(create_app(store=store))
