"""Attachment blobs on the server: "which do you lack", resumable chunked upload, download.

Blobs live in a folder of their own (``BlobStore``), named by sha256 as on the desktop
(``ab/cdef…``). The folder is ``CIVICDESK_SERVER_BLOBS`` if set, else ``blobs`` beside
the SQLite file, else (PostgreSQL) ``blobs`` in the server's user data folder.

A center may send and fetch only blobs named by live ``attachments`` records of its own
center (head office: of any center), as the ``records`` table holds them; anything else
is 403 on upload and 404 on download, so nobody learns which blobs exist elsewhere.
Upload chunks are appended to a per-center partial file; after the last one the size
and hash are checked and the file is renamed into place, or thrown away (422).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from civicdesk.domain.errors import Message
from civicdesk.sync import messages as m
from civicdesk.sync.attachments import (
    ATTACHMENTS_TABLE,
    BLOB_BAD_NAME,
    BLOB_MISMATCH,
    BLOB_NOT_FOUND,
    BLOB_NOT_YOURS,
    BLOB_OFFSET,
    BLOB_TOO_LARGE,
    CHUNK_BYTES,
    MAX_ASK,
    MAX_BLOB_BYTES,
    MAX_CHUNK_BYTES,
    PARTIAL_DIR,
    blob_path,
    file_sha256,
    fsync_dir,
    is_sha256,
    place,
)
from civicdesk.sync.protocol import API, ErrorBody
from civicdesk.sync.server.store import Store, TokenInfo, records, sha256_text

BLOBS_ENV = "CIVICDESK_SERVER_BLOBS"

Authenticate = Callable[[Request], Awaitable[TokenInfo]]
CheckVersions = Callable[[Request], None]


class MissingRequest(BaseModel):
    sha256: list[str] = Field(max_length=MAX_ASK)


class MissingResponse(BaseModel):
    missing: list[str]


class UploadStatus(BaseModel):
    sha256: str
    received: int
    complete: bool


class _RefusalError(Exception):
    def __init__(self, status: int, code: str, message: Message, **params: object) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.params = params

    def response(self) -> JSONResponse:
        body = ErrorBody(
            code=self.code,
            message_kk=self.message.text("kk", **self.params),
            message_ru=self.message.text("ru", **self.params),
        )
        return JSONResponse(status_code=self.status, content=body.model_dump())


def default_blob_dir(db_url: str) -> Path:
    """``$CIVICDESK_SERVER_BLOBS``, else beside the SQLite file, else the data folder."""
    env = os.environ.get(BLOBS_ENV)
    if env:
        return Path(env)
    if db_url.startswith("sqlite") and ":///" in db_url:
        path = db_url.split(":///", 1)[1].split("?", 1)[0]
        if path and path != ":memory:":
            return Path(path).parent / "blobs"
    import platformdirs

    return Path(platformdirs.user_data_dir("CivicDesk-Server", appauthor=False)) / "blobs"


class BlobStore:
    """Complete blobs by sha256, and partial uploads per (center, sha256)."""

    def __init__(self, root: Path, *, max_bytes: int = MAX_BLOB_BYTES) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()

    def has(self, sha: str) -> bool:
        return blob_path(self.root, sha).is_file()

    def path(self, sha: str) -> Path:
        return blob_path(self.root, sha)

    def partial(self, center_id: str, sha: str) -> Path:
        # The center id is hashed: never a path part made from what a client sent.
        return self.root / PARTIAL_DIR / f"{sha}.{sha256_text(center_id)[:16]}"

    def received(self, center_id: str, sha: str) -> int:
        part = self.partial(center_id, sha)
        return part.stat().st_size if part.is_file() else 0

    def append(self, center_id: str, sha: str, offset: int, size: int, data: bytes) -> int:
        """Add a chunk at ``offset``; returns bytes received. Raises ``_RefusalError``."""
        with self._lock:
            if self.has(sha):
                return size
            part = self.partial(center_id, sha)
            have = part.stat().st_size if part.is_file() else 0
            if offset != have:
                raise _RefusalError(409, "attachments.offset", BLOB_OFFSET, received=have)
            if have + len(data) > size:
                part.unlink(missing_ok=True)
                raise _RefusalError(422, "attachments.mismatch", BLOB_MISMATCH)
            part.parent.mkdir(parents=True, exist_ok=True)
            with part.open("ab") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            got = have + len(data)
            if got < size:
                return got
            digest, _ = file_sha256(part)
            if digest != sha:
                part.unlink(missing_ok=True)
                raise _RefusalError(422, "attachments.mismatch", BLOB_MISMATCH)
            place(self.root, sha, part)
            fsync_dir(part.parent)
            return got


def _referenced(store: Store, who: TokenInfo, shas: list[str]) -> set[str]:
    """Which of ``shas`` live attachment records of the caller's center name."""
    if not shas:
        return set()
    value = records.c.data["sha256"].as_string()
    stmt = select(value).where(
        records.c.table_name == ATTACHMENTS_TABLE,
        records.c.deleted.is_(False),
        value.in_(shas),
    )
    if not who.head_office:
        stmt = stmt.where(records.c.center_id == who.center_id)
    with store.engine.connect() as conn:
        return {str(v) for v in conn.scalars(stmt.distinct())}


def _check_name(sha: str) -> None:
    if not is_sha256(sha):
        raise _RefusalError(400, "attachments.bad_name", BLOB_BAD_NAME)


def attachments_router(
    store: Store,
    authenticate: Authenticate,
    check_versions: CheckVersions,
    *,
    blobs: BlobStore | None = None,
    max_chunk: int = MAX_CHUNK_BYTES,
) -> APIRouter:
    """The ``/sync/v1/attachments`` endpoints, guarded by the app's token check."""
    the_blobs = blobs or BlobStore(default_blob_dir(store.url))
    router = APIRouter()

    async def who_may(request: Request, sha: str) -> TokenInfo:
        check_versions(request)
        _check_name(sha)
        who = await authenticate(request)
        mine = await run_in_threadpool(_referenced, store, who, [sha])
        if sha not in mine:
            raise _RefusalError(404, "attachments.not_found", BLOB_NOT_FOUND)
        return who

    async def guarded(work: Callable[[], Awaitable[Response]]) -> Response:
        try:
            return await work()
        except _RefusalError as refusal:
            return refusal.response()

    @router.post(
        f"{API}/attachments/missing",
        responses={200: {"model": MissingResponse}, 400: {"model": ErrorBody}},
        summary="Which of these blobs (by sha256) the server lacks",
    )
    async def missing(request: Request) -> Response:
        async def work() -> Response:
            check_versions(request)
            who = await authenticate(request)
            raw = bytearray()
            async for part in request.stream():
                raw += part
                if len(raw) > MAX_ASK * 80:
                    raise _RefusalError(413, "body.too_large", m.TOO_LARGE, limit=MAX_ASK * 80)
            try:
                asked = MissingRequest.model_validate_json(bytes(raw))
            except ValidationError as exc:
                raise _RefusalError(400, "body.invalid", m.BAD_REQUEST, detail="sha256") from exc
            shas = sorted({s for s in asked.sha256 if is_sha256(s)})
            mine = await run_in_threadpool(_referenced, store, who, shas)
            lacking = [s for s in shas if s in mine and not the_blobs.has(s)]
            return JSONResponse(MissingResponse(missing=lacking).model_dump())

        return await guarded(work)

    @router.get(
        f"{API}/attachments/{{sha256}}/status",
        responses={200: {"model": UploadStatus}, 404: {"model": ErrorBody}},
        summary="How many bytes of an upload the server holds",
    )
    async def status(request: Request, sha256: str) -> Response:
        async def work() -> Response:
            who = await who_may(request, sha256)
            complete = the_blobs.has(sha256)
            got = (
                the_blobs.path(sha256).stat().st_size
                if complete
                else the_blobs.received(who.center_id, sha256)
            )
            return JSONResponse(
                UploadStatus(sha256=sha256, received=got, complete=complete).model_dump()
            )

        return await guarded(work)

    @router.put(
        f"{API}/attachments/{{sha256}}",
        responses={
            200: {"model": UploadStatus},
            409: {"model": ErrorBody},
            413: {"model": ErrorBody},
            422: {"model": ErrorBody},
        },
        summary="One chunk of a blob at ?offset=N of ?size=S bytes (raw body)",
    )
    async def upload(request: Request, sha256: str, offset: int = 0, size: int = -1) -> Response:
        async def work() -> Response:
            check_versions(request)
            _check_name(sha256)
            if size > the_blobs.max_bytes:
                raise _RefusalError(
                    413,
                    "attachments.too_large",
                    BLOB_TOO_LARGE,
                    size=size,
                    limit=the_blobs.max_bytes,
                )
            if size < 0 or offset < 0 or offset > size:
                raise _RefusalError(400, "body.invalid", m.BAD_REQUEST, detail="offset/size")
            try:
                who = await who_may(request, sha256)
            except _RefusalError as refusal:
                if refusal.status != 404:
                    raise
                raise _RefusalError(403, "attachments.not_yours", BLOB_NOT_YOURS) from None
            if request.headers.get("content-encoding", "identity").lower() not in (
                "identity",
                "",
            ):
                raise _RefusalError(415, "body.encoding", m.BAD_REQUEST, detail="encoding")
            data = bytearray()
            async for part in request.stream():
                data += part
                if len(data) > max_chunk:
                    raise _RefusalError(413, "body.too_large", m.TOO_LARGE, limit=max_chunk)
            got = await run_in_threadpool(
                the_blobs.append, who.center_id, sha256, offset, size, bytes(data)
            )
            complete = got >= size and the_blobs.has(sha256)
            return JSONResponse(
                UploadStatus(sha256=sha256, received=got, complete=complete).model_dump()
            )

        return await guarded(work)

    @router.get(
        f"{API}/attachments/{{sha256}}",
        responses={404: {"model": ErrorBody}, 416: {"model": ErrorBody}},
        summary="A blob's bytes; 'Range: bytes=N-' resumes",
    )
    async def download(request: Request, sha256: str) -> Response:
        async def work() -> Response:
            await who_may(request, sha256)
            if not the_blobs.has(sha256):
                raise _RefusalError(404, "attachments.not_found", BLOB_NOT_FOUND)
            path = the_blobs.path(sha256)
            total = path.stat().st_size
            start = _range_start(request.headers.get("range"), total)
            headers = {"Accept-Ranges": "bytes", "Content-Length": str(total - start)}
            status_code = 200
            if start:
                status_code = 206
                headers["Content-Range"] = f"bytes {start}-{total - 1}/{total}"
            return StreamingResponse(
                _read_from(path, start),
                status_code=status_code,
                headers=headers,
                media_type="application/octet-stream",
            )

        return await guarded(work)

    return router


def _range_start(header: str | None, total: int) -> int:
    """The N of 'bytes=N-' (the only form the client sends); 0 if absent."""
    if not header:
        return 0
    unit, _, spec = header.strip().partition("=")
    first, dash, last = spec.partition("-")
    if unit.strip().lower() != "bytes" or not dash or last.strip() or not first.isdigit():
        raise _RefusalError(416, "attachments.range", m.BAD_REQUEST, detail="range")
    start = int(first)
    if start >= total:
        raise _RefusalError(416, "attachments.range", m.BAD_REQUEST, detail="range")
    return start


def _read_from(path: Path, start: int) -> Iterator[bytes]:
    with path.open("rb") as f:
        f.seek(start)
        while block := f.read(CHUNK_BYTES):
            yield block


__all__ = ["BLOBS_ENV", "BlobStore", "attachments_router", "default_blob_dir"]
