"""Files attached to records (a signed protocol, a photo of a gathering, a budget).

add_attachment(ctx, app, entity, entity_id, path_or_bytes, file_name, mime) -> AttachmentInfo
open_attachment(ctx, app, attachment_id) -> Path     verified against its sha256

The bytes are stored once per content under ``attachments/ab/cdef…`` beside the
database (temp file, fsync, rename); the ``attachments`` row names them by sha256 and
syncs like any record, the blob follows it (docs/sync.md §12).

Policy (Law of RK on personal data): never attach scans of identity documents. Nothing
here detects them; the rule is the user's and is said in the user guide.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from civicdesk.db.models import Attachment
from civicdesk.domain.errors import Message, UserError
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Context, get_live, get_setting, record_change, stamp_new
from civicdesk.sync.attachments import (
    BLOB_BROKEN_HERE,
    BLOB_TOO_LARGE,
    MAX_BLOB_BYTES,
    TooLargeError,
    blob_ok,
    blob_path,
    store_stream,
)

# A versioned setting, not a constant: head office may raise or lower it.
MAX_BYTES_KEY = "attachments.max_bytes"

BAD_INPUT = Message(
    kk="Файл көрсетілмеген немесе оқылмады: {detail}.",
    ru="Файл не указан или не читается: {detail}.",
)


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    sha256: str
    mime: str
    size: int
    file_name: str
    entity: str
    entity_id: str


def _info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        id=row.id,
        sha256=row.sha256,
        mime=row.mime,
        size=row.size,
        file_name=row.file_name,
        entity=row.entity,
        entity_id=row.entity_id,
    )


def max_bytes(app: CivicApp) -> int:
    with app.db.session() as s:
        value = get_setting(s, MAX_BYTES_KEY, MAX_BLOB_BYTES)
    return int(value) if isinstance(value, int) and value > 0 else MAX_BLOB_BYTES


def _clean(text: str, limit: int, what: str) -> str:
    value = text.strip()
    if not value or any(ord(c) < 32 for c in value):
        raise UserError("attachments.bad_input", BAD_INPUT, detail=what)
    return value[:limit]


def add_attachment(
    ctx: Context,
    app: CivicApp,
    entity: str,
    entity_id: str,
    path_or_bytes: Path | str | bytes,
    file_name: str,
    mime: str,
) -> AttachmentInfo:
    """Store a file and attach it to ``entity``/``entity_id``. Refuses files over the limit."""
    limit = max_bytes(app)
    entity = _clean(entity, 40, "entity")
    entity_id = _clean(entity_id, 36, "entity_id")
    # Only the last part of a path-like name: it is shown and used when saving a copy.
    file_name = _clean(Path(file_name.replace("\\", "/")).name or file_name, 300, "file_name")
    mime = _clean(mime or "application/octet-stream", 100, "mime")
    source: IO[bytes]
    if isinstance(path_or_bytes, bytes):
        source = io.BytesIO(path_or_bytes)
    else:
        path = Path(path_or_bytes)
        try:
            size = path.stat().st_size
            if size > limit:
                raise UserError("attachments.too_large", BLOB_TOO_LARGE, size=size, limit=limit)
            source = path.open("rb")
        except OSError as exc:
            raise UserError("attachments.bad_input", BAD_INPUT, detail=path.name) from exc
    try:
        with source:
            sha, size = store_stream(app.attachments_dir, source, limit)
    except TooLargeError as exc:
        raise UserError(
            "attachments.too_large", BLOB_TOO_LARGE, size=exc.size, limit=exc.limit
        ) from exc
    with ctx.db.session() as s:
        row = Attachment(
            sha256=sha,
            mime=mime,
            size=size,
            file_name=file_name,
            entity=entity,
            entity_id=entity_id,
        )
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "attachment", row, None)
        return _info(row)


def get_attachment(ctx: Context, attachment_id: str) -> AttachmentInfo:
    with ctx.db.session() as s:
        return _info(get_live(s, Attachment, attachment_id, ctx))


def open_attachment(ctx: Context, app: CivicApp, attachment_id: str) -> Path:
    """The blob's path, after checking its bytes against the row's sha256 and size.

    A blob not here yet (it arrives with the next sync) or damaged is a ``UserError``.
    """
    info = get_attachment(ctx, attachment_id)
    if not blob_ok(app.attachments_dir, info.sha256, info.size):
        raise UserError("attachments.broken", BLOB_BROKEN_HERE, file_name=info.file_name)
    return blob_path(app.attachments_dir, info.sha256)
