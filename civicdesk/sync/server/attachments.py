"""Attachment blobs on the server: "which do you lack", resumable chunked upload, download.

Blobs live in a folder of their own (``BlobStore``), named by sha256 as on the desktop
(``ab/cdef…``). The folder is ``CIVICDESK_SERVER_BLOBS`` if set, else ``blobs`` beside
the SQLite file, else (PostgreSQL) ``blobs`` in the server's user data folder.

A center may send only blobs named by live ``attachments`` records of its own center
(head office: of any center), as the ``records`` table holds them; anything else is
403 on upload and 404 on download, so nobody learns which blobs exist elsewhere.
Upload chunks are appended to a per-center partial file; after the last one the size
and hash are checked and the file is renamed into place, or thrown away (422).

A center may *fetch* a blob only if it sent those bytes itself (an owner mark,
``owners/ab/<sha>.<center hash>``, is made when its upload is verified) — naming
another center's sha256 in a record of one's own proves nothing. A center that
attaches a file another center already sent uploads it once more to become an owner.
Head office fetches every blob. Blobs stored before owner marks existed belong to the
center whose record named them first.

Partial uploads untouched for ``PARTIAL_MAX_AGE`` seconds (a day) are removed.
"""

from __future__ import annotations

import os
import threading
import time
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


OWNERS_DIR = "owners"
PARTIAL_MAX_AGE = 24 * 3600.0
_CLEAN_EVERY = 3600.0


class BlobStore:
    """Complete blobs by sha256, who sent them, and partial uploads per (center, sha256)."""

    def __init__(self, root: Path, *, max_bytes: int = MAX_BLOB_BYTES) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._cleaned_at = 0.0

    def _owner_mark(self, center_id: str, sha: str) -> Path:
        return self.root / OWNERS_DIR / sha[:2] / f"{sha}.{sha256_text(center_id)[:16]}"

    def add_owner(self, center_id: str, sha: str) -> None:
        mark = self._owner_mark(center_id, sha)
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.touch()

    def is_owner(self, center_id: str, sha: str) -> bool:
        return self._owner_mark(center_id, sha).is_file()

    def has_owners(self, sha: str) -> bool:
        folder = self.root / OWNERS_DIR / sha[:2]
        return folder.is_dir() and any(folder.glob(f"{sha}.*"))

    def clean_partials(self, now: float | None = None, max_age: float = PARTIAL_MAX_AGE) -> int:
        """Remove partial uploads untouched for ``max_age`` seconds; returns how many."""
        now = time.time() if now is None else now
        folder = self.root / PARTIAL_DIR
        removed = 0
        if not folder.is_dir():
            return 0
        for part in folder.iterdir():
            try:
                if part.is_file() and now - part.stat().st_mtime > max_age:
                    part.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

    def _maybe_clean(self) -> None:
        now = time.time()
        if now - self._cleaned_at >= _CLEAN_EVERY:
            self._cleaned_at = now
            self.clean_partials(now)

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
            self._maybe_clean()
            if self.has(sha) and self.is_owner(center_id, sha):
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
            if self.has(sha):
                part.unlink(missing_ok=True)  # the same bytes are here: now also theirs
            else:
                place(self.root, sha, part)
                fsync_dir(part.parent)
            self.add_owner(center_id, sha)
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


def _first_center(store: Store, sha: str) -> str | None:
    """The center whose attachment record named ``sha`` first (blobs stored before owner
    marks existed)."""
    value = records.c.data["sha256"].as_string()
    stmt = (
        select(records.c.center_id)
        .where(records.c.table_name == ATTACHMENTS_TABLE, value == sha)
        .order_by(records.c.server_seq.asc())
        .limit(1)
    )
    with store.engine.connect() as conn:
        found = conn.scalar(stmt)
    return None if found is None else str(found)


def _may_fetch(store: Store, blobs: BlobStore, who: TokenInfo, sha: str) -> bool:
    if who.head_office or blobs.is_owner(who.center_id, sha):
        return True
    return not blobs.has_owners(sha) and _first_center(store, sha) == who.center_id


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
            lacking = []
            for s in shas:
                if s not in mine:
                    continue
                if the_blobs.has(s) and await run_in_threadpool(
                    _may_fetch, store, the_blobs, who, s
                ):
                    continue  # here, and this center sent it (or head office asks)
                lacking.append(s)
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
            complete = the_blobs.has(sha256) and await run_in_threadpool(
                _may_fetch, store, the_blobs, who, sha256
            )
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
            who = await who_may(request, sha256)
            if not the_blobs.has(sha256) or not await run_in_threadpool(
                _may_fetch, store, the_blobs, who, sha256
            ):
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
