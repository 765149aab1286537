"""Alembic environment: runs on the connection CivicDesk hands over.

After the migrations, change capture is reinstalled on every synced table.

Batch mode ("render_as_batch") so that SQLite tables can be altered by copy-and-move.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from civicdesk.db.changes import install_capture
from civicdesk.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        assert url, "sqlalchemy.url or a connection is needed"
        engine = create_engine(url)
        with engine.begin() as conn:
            context.configure(
                connection=conn, target_metadata=target_metadata, render_as_batch=True
            )
            context.run_migrations()
            install_capture(conn)
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transaction_per_migration=False,
    )
    context.run_migrations()
    # A migration that rebuilds a table (batch mode: copy and rename) drops its
    # triggers: change capture is reinstalled for every synced table after every
    # upgrade, from the one definition in civicdesk/db/changes.py.
    install_capture(connection)


run_migrations()
