"""The head-office sync server: FastAPI app (``create_app``) over a SQLAlchemy store.

Runs on SQLite (default, no set-up) or PostgreSQL (``postgresql+psycopg://``).
Imports nothing from the desktop side (ui, services, printing).
"""

from civicdesk.sync.server.app import create_app

__all__ = ["create_app"]
