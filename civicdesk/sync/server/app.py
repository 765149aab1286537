"""FastAPI app of the head-office sync server (``create_app``).

Every refusal is a 4xx with ``{code, message_kk, message_ru}``; hostile bodies
(malformed JSON, wrong types, oversized or gzip-bomb bodies, wrong/revoked/copied
tokens) never reach a 500.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from civicdesk.domain.errors import Message
from civicdesk.sync import messages as m
from civicdesk.sync.protocol import (
    ACCEPT_ENCODING,
    API,
    DEFAULT_PULL_LIMIT,
    H_DEVICE,
    H_INSTANCE,
    H_PROTOCOL,
    H_ROUND,
    H_SCHEMA,
    MAX_BODY_BYTES,
    MAX_CURSOR,
    MAX_PULL_LIMIT,
    PROTOCOL_VERSION,
    BadBodyError,
    BodyTooLargeError,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    PullPage,
    PushBatch,
    PushResult,
    StatusResponse,
    body_hash,
    dumps,
    encode_answer,
    gunzip_limited,
    load_model,
    load_push,
    takes_zstd,
    unzstd_limited,
)
from civicdesk.sync.server.attachments import attachments_router
from civicdesk.sync.server.ratelimit import TRUSTED_PROXIES_ENV, FailureLimiter
from civicdesk.sync.server.ratelimit import client_address as forwarded_client
from civicdesk.sync.server.store import Store, StoreError, TokenInfo
from civicdesk.sync.server.store_schema import Credentials
from civicdesk.sync.server.timing import ServerTiming

M = TypeVar("M", bound=BaseModel)

#: bodies over this many bytes are compressed or decompressed in a worker thread (the
#: libraries let go of the interpreter meanwhile), so that one center's big page or
#: batch does not hold up every other center's requests on the event loop
OFF_LOOP_BYTES = 1024 * 1024

log = logging.getLogger(__name__)

#: a push of at least this many rows is numbered right after it (``Numbering``); the
#: many small ones of an ordinary day wait for the next pull, which numbers them
#: together (numbering each on its own made 50 centers at once slower)
NUMBER_AFTER_ROWS = 1000

STORE_MESSAGES: dict[str, Message] = {
    "enroll.bad_code": m.BAD_CODE,
    "auth.unknown_token": m.UNAUTHORIZED,
    "auth.revoked": m.UNAUTHORIZED,
    "auth.copied_token": m.TOKEN_COPIED,
    "push.batch_reused": m.BATCH_REUSED,
    "pull.cursor_expired": m.CURSOR_EXPIRED,
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: Message, **params: object) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.params = params


def error_response(status: int, code: str, message: Message, **params: object) -> JSONResponse:
    body = ErrorBody(
        code=code, message_kk=message.text("kk", **params), message_ru=message.text("ru", **params)
    )
    return JSONResponse(status_code=status, content=body.model_dump())


def _doc_body(model: type[BaseModel]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": model.model_json_schema()}},
        }
    }


class Numbering:
    """PostgreSQL: the records a push has just committed are numbered (``sequence``)
    beside the requests, by one thread, rather than all at once by the next pull: a
    center's first sync pushes its batches and then pulls, and that pull numbered the
    whole push (0.4 s for 40 000 records). Numbering is what any pull does first, and
    skips when another is numbering, so this changes when, never which numbers."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future[None] | None = None

    def soon(self) -> None:
        """After a push: number its records unless numbering is already waiting."""
        if not self._store.is_pg or (self._pending is not None and not self._pending.done()):
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="numbering")
        self._pending = self._pool.submit(self._number)

    def _number(self) -> None:
        try:
            self._store.sequence()
        except Exception:  # the next pull numbers them; the push was answered
            log.warning("numbering after a push failed", exc_info=True)


def create_app(
    db_url: str | None = None,
    *,
    store: Store | None = None,
    min_protocol: int = 1,
    min_schema: int = 1,
    max_body: int = MAX_BODY_BYTES,
    enroll_limit: tuple[int, float] = (10, 60.0),
    trusted_proxies: Sequence[str] | None = None,
) -> FastAPI:
    """The sync server over the store at ``db_url`` (a SQLite file by default).

    ``enroll_limit``: failed enrolments per client and window (ratelimit.py);
    ``trusted_proxies``: the peers whose X-Forwarded-For names the client (default:
    ``$CIVICDESK_SERVER_TRUSTED_PROXIES``, else none).
    """
    the_store = store or Store(db_url)
    limiter = FailureLimiter(*enroll_limit)
    if trusted_proxies is None:
        env = os.environ.get(TRUSTED_PROXIES_ENV, "")
        trusted_proxies = [p.strip() for p in env.split(",") if p.strip()]
    proxies = frozenset(trusted_proxies)
    app = FastAPI(
        title="CivicDesk sync server",
        version=str(PROTOCOL_VERSION),
        description="Center ⇄ head office sync, protocol version 1 (see docs/sync.md).",
    )
    app.state.store = the_store
    numbering = Numbering(the_store)
    app.add_middleware(ServerTiming)
    # what a PC may put in one batch: within the body limit, with room to spare
    the_store.max_batch_bytes = min(the_store.max_batch_bytes, max_body * 3 // 4)

    # -------------------------------------------------------------- error handlers

    @app.exception_handler(ApiError)
    async def _api_error(_r: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, **exc.params)

    @app.exception_handler(StoreError)
    async def _store_error(_r: Request, exc: StoreError) -> JSONResponse:
        msg = STORE_MESSAGES.get(exc.code, m.BAD_REQUEST)
        return error_response(exc.status, exc.code, msg, detail=exc.code)

    @app.exception_handler(RequestValidationError)
    async def _validation(_r: Request, exc: RequestValidationError) -> JSONResponse:
        detail = "; ".join(str(e.get("msg", "")) for e in exc.errors()[:3])[:300]
        return error_response(400, "request.invalid", m.BAD_REQUEST, detail=detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_r: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error_response(404, "not_found", m.NOT_FOUND)
        return error_response(
            exc.status_code, f"http.{exc.status_code}", m.BAD_REQUEST, detail=str(exc.detail)
        )

    @app.exception_handler(Exception)
    async def _bug(_r: Request, _exc: Exception) -> JSONResponse:
        return error_response(500, "server.error", m.SERVER_ERROR)

    # -------------------------------------------------------------- helpers

    def check_versions(request: Request) -> None:
        try:
            protocol = int(request.headers.get(H_PROTOCOL, "0"))
            schema = int(request.headers.get(H_SCHEMA, "0"))
        except ValueError:
            protocol = schema = 0
        if protocol < min_protocol or schema < min_schema:
            raise ApiError(426, "client.too_old", m.UPDATE_REQUIRED)
        if protocol > PROTOCOL_VERSION:
            raise ApiError(400, "protocol.unknown", m.BAD_REQUEST, detail="protocol")

    async def read_body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None:
            try:
                if int(declared) > max_body:
                    raise ApiError(413, "body.too_large", m.TOO_LARGE, limit=max_body)
            except ValueError as exc:
                raise ApiError(400, "body.invalid", m.BAD_REQUEST, detail="length") from exc
        buf = bytearray()
        async for chunk in request.stream():
            buf += chunk
            if len(buf) > max_body:
                raise ApiError(413, "body.too_large", m.TOO_LARGE, limit=max_body)
        encoding = request.headers.get("content-encoding", "identity").lower().strip()
        unpack = {"gzip": gunzip_limited, "zstd": unzstd_limited}.get(encoding)
        if encoding == "zstd" and not takes_zstd(ACCEPT_ENCODING):
            unpack = None  # this server has no Zstandard library: 415, as for any other
        if unpack is not None:
            try:
                if len(buf) > OFF_LOOP_BYTES // 8:  # a big batch: beside the event loop
                    return cast(bytes, await call(unpack, bytes(buf), max_body))
                return unpack(bytes(buf), max_body)
            except BodyTooLargeError as exc:
                raise ApiError(413, "body.too_large", m.TOO_LARGE, limit=max_body) from exc
            except BadBodyError as exc:
                raise ApiError(
                    400, f"body.bad_{encoding}", m.BAD_REQUEST, detail=encoding
                ) from exc
        if encoding not in ("identity", ""):
            raise ApiError(415, "body.encoding", m.BAD_REQUEST, detail=encoding[:40])
        return bytes(buf)

    def parse(raw: bytes, model: type[M]) -> M:
        try:
            if model is PushBatch:
                return cast(M, load_push(raw))
            return load_model(raw, model)
        except ValidationError as exc:
            errors = exc.errors()
            if errors:
                where = ".".join(str(p) for p in errors[0]["loc"])[:80]
                detail = f"{where}: {errors[0]['msg']}"[:200]
            else:
                detail = "invalid"
            raise ApiError(400, "body.invalid", m.BAD_REQUEST, detail=detail) from exc

    def round_of(request: Request) -> str | None:
        value = request.headers.get(H_ROUND, "").strip()
        if not value:
            return None
        if len(value) > 64 or not value.isprintable():
            raise ApiError(400, "body.invalid", m.BAD_REQUEST, detail="round")
        return value

    async def reply(request: Request, body: bytes, status: int = 200) -> Response:
        # what a PC may send its bodies in (RFC 9110 §12.5.3)
        headers = {H_PROTOCOL: str(PROTOCOL_VERSION), "Accept-Encoding": ACCEPT_ENCODING}
        accepted = request.headers.get("accept-encoding", "")
        if len(body) > OFF_LOOP_BYTES:  # a big page: compressed beside the event loop
            body, coding = await call(encode_answer, body, accepted)
        else:
            body, coding = encode_answer(body, accepted)
        if coding is not None:
            headers["Content-Encoding"] = coding
        return Response(
            content=body,
            status_code=status,
            headers=headers,
            media_type="application/json; charset=utf-8",
        )

    def credentials(request: Request) -> Credentials:
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "auth.missing", m.UNAUTHORIZED)
        return Credentials(
            token.strip(), request.headers.get(H_DEVICE, ""), request.headers.get(H_INSTANCE, "")
        )

    async def authenticate(request: Request) -> TokenInfo:
        cred = credentials(request)
        return await run_in_threadpool(
            the_store.check_token, cred.token, cred.device_id, cred.instance_id
        )

    def client_address(request: Request) -> str:
        peer = request.client.host if request.client else None
        return forwarded_client(peer, request.headers, proxies)

    async def call(fn: Callable[..., Any], *args: Any) -> Any:
        return await run_in_threadpool(fn, *args)

    # -------------------------------------------------------------- endpoints

    @app.post(
        f"{API}/enroll",
        openapi_extra=_doc_body(EnrollRequest),
        responses={200: {"model": EnrollResponse}, 400: {"model": ErrorBody}},
        summary="Exchange a one-time enrolment code for a token",
    )
    async def enroll(request: Request) -> Response:
        check_versions(request)
        who = client_address(request)
        if not limiter.allow(who):
            raise ApiError(429, "enroll.rate_limited", m.RATE_LIMITED)
        try:
            req = parse(await read_body(request), EnrollRequest)
            token, info = await call(
                the_store.enroll, req.code, req.device_id, req.instance_id, req.center_id
            )
        except (ApiError, StoreError):
            limiter.failed(who)  # only failures count: centers behind one NAT enrol freely
            raise
        answer = EnrollResponse(
            token=token, server_id=the_store.server_id, epoch=the_store.epoch(),
            max_batch_rows=the_store.max_batch_rows,
            max_batch_bytes=the_store.max_batch_bytes, **info
        )
        return await reply(request, dumps(answer))

    @app.post(
        f"{API}/push",
        openapi_extra=_doc_body(PushBatch),
        responses={
            200: {"model": PushResult},
            409: {"model": ErrorBody},
            426: {"model": ErrorBody},
        },
        summary="Apply a batch of changed rows in one transaction",
    )
    async def push(request: Request) -> Response:
        check_versions(request)
        who = await authenticate(request)
        raw = await read_body(request)
        rid = round_of(request)

        def apply() -> tuple[bytes, int]:
            batch = parse(raw, PushBatch)
            if batch.device_id != who.device_id:
                raise ApiError(403, "auth.copied_token", m.TOKEN_COPIED)
            answer = the_store.push(who, batch, body_hash(raw), dumps, round_id=rid)
            return answer, len(batch.rows)

        # read beside the event loop too: 50 to 100 ms for a batch of 8 000 rows
        body, rows = await call(apply)
        if rows >= NUMBER_AFTER_ROWS:
            numbering.soon()
        return await reply(request, body)

    @app.get(
        f"{API}/pull",
        responses={200: {"model": PullPage}, 410: {"model": ErrorBody}},
        summary="Changes after a cursor, in server order",
    )
    async def pull(
        request: Request,
        cursor: int = 0,
        limit: int = DEFAULT_PULL_LIMIT,
        delta: bool = False,
        chain: bool = False,
    ) -> Response:
        check_versions(request)
        cred = credentials(request)
        if cursor < 0 or cursor > MAX_CURSOR or limit < 1:
            raise ApiError(400, "pull.bad_cursor", m.BAD_REQUEST, detail="cursor/limit")
        rid = round_of(request)
        # the token is checked in the page's own transaction: one connection a pull
        page: bytes = await call(
            lambda: the_store.pull_json(
                cred, cursor, min(limit, MAX_PULL_LIMIT), round_id=rid, delta=delta,
                chain=chain,
            )
        )
        return await reply(request, page)

    @app.get(
        f"{API}/status",
        responses={200: {"model": StatusResponse}},
        summary="Server time and versions; with a token also the caller's center",
    )
    async def status(request: Request) -> Response:
        answer = StatusResponse(
            protocol=PROTOCOL_VERSION,
            min_protocol=min_protocol,
            min_schema=min_schema,
            server_time=the_store.clock.now(),
            server_id=the_store.server_id,
            epoch=await call(the_store.epoch),
            highest_seq=await call(the_store.highest_seq),
        )
        if request.headers.get("authorization"):
            check_versions(request)
            who = await authenticate(request)
            answer.center_id = who.center_id
            answer.head_office = who.head_office
            answer.pending_conflicts = await call(the_store.open_conflicts, who.center_id)
        return await reply(request, dumps(answer))

    app.include_router(attachments_router(the_store, authenticate, check_versions))
    return app


def app_from_env() -> FastAPI:
    """Factory for several uvicorn workers: the database URL comes from the environment."""
    import os

    margin = os.environ.get("CIVICDESK_SERVER_CLOCK_MARGIN_MINUTES")
    url = os.environ.get("CIVICDESK_SERVER_DB")
    if margin:
        return create_app(store=Store(url, clock_margin_ms=int(float(margin) * 60_000)))
    return create_app(url)
