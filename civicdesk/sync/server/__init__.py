"""The head-office sync server: FastAPI app (``create_app``) over a SQLAlchemy store.

Runs on SQLite (default, no set-up) or PostgreSQL (``postgresql+psycopg://``).
Imports nothing from the desktop side (ui, services, printing).
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # lazily, so that civicdesk-server can say what is missing when the "server" extra
    # (FastAPI, uvicorn, psycopg) is not installed, instead of failing on import
    if name == "create_app":
        from civicdesk.sync.server.app import create_app

        return create_app
    raise AttributeError(name)
