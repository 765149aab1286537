"""Wire format of the sync protocol, version 1 (docs/sync.md).

Bodies are UTF-8 JSON, never ASCII-escaped (Kazakh and Russian text stays 2 bytes a
letter instead of 6), gzip-compressed both ways (``Content-Encoding: gzip``); answers
are Zstandard to a PC that accepts it (``encode_answer``). Every
request carries ``X-CivicDesk-Protocol`` and ``X-CivicDesk-Schema``; a client older than
the server's minimum gets 426.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from typing import Annotated, Any, Literal, TypeVar

import orjson
from pydantic import BaseModel, ConfigDict, Field

try:  # answers in Zstandard where both sides have it (``encode_answer``)
    import zstandard as _zstd
except ImportError:  # pragma: no cover - a PC or server without it keeps gzip
    _zstd = None  # type: ignore[assignment]

PROTOCOL_VERSION = 1
# The desktop database schema this code writes (alembic revision 0004 -> 4).
SCHEMA_VERSION = 4
#: rows of a batch every protocol-1 server takes (a PC sends no more until the server
#: has said it takes more: ``max_batch_rows`` in the enrolment and push answers)
MAX_BATCH_ROWS = 500
#: rows of a batch this server takes, and the bytes (uncompressed JSON) a PC puts in one
SERVER_BATCH_ROWS = 20_000
SERVER_BATCH_BYTES = 24 * 1024 * 1024
#: rows of a pull page a PC may ask for; a page is also cut at ``PAGE_BYTES`` of JSON
MAX_PULL_LIMIT = 50_000
PAGE_BYTES = 24 * 1024 * 1024
DEFAULT_PULL_LIMIT = 1000
MAX_BODY_BYTES = 32 * 1024 * 1024
#: A timestamp more than this ahead of the server's clock is refused; a PC whose clock
#: differs from the server's by more than this is told so (docs/sync.md, clocks).
CLOCK_MARGIN_MS = 5 * 60 * 1000

H_PROTOCOL = "X-CivicDesk-Protocol"
H_SCHEMA = "X-CivicDesk-Schema"
H_DEVICE = "X-CivicDesk-Device"
H_INSTANCE = "X-CivicDesk-Instance"
#: A PC's sync round (a fresh id each round): the server leaves the versions the PC's
#: own pushes of that round wrote out of its pulls of the same round (no echo).
H_ROUND = "X-CivicDesk-Round"

API = "/sync/v1"

# A column value as stored in SQLite: text, integer, real or NULL (JSON columns travel as
# their JSON text, dates as ISO text, money as integer tiyn).
Scalar = str | int | float | bool | None
Op = Literal["upsert", "delete"]
RowStatus = Literal["applied", "merged", "conflict", "rejected"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


# Identifiers: printable, no control characters (PostgreSQL text refuses NUL bytes).
NAME_PATTERN = r"^[^\x00-\x1f\x7f]+$"
MAX_CURSOR = 2**62


class RowChange(_Model):
    table: str = Field(min_length=1, max_length=64, pattern=NAME_PATTERN)
    id: str = Field(min_length=1, max_length=64, pattern=NAME_PATTERN)
    op: Op
    rev: int = Field(ge=0)
    base_rev: int = Field(ge=0)
    hlc: str = Field(default="", max_length=80, pattern=r"^[^\x00-\x1f\x7f]*$")
    changed: list[Annotated[str, Field(max_length=64)]] | None = Field(default=None, max_length=500)
    data: dict[str, Scalar] = Field(default_factory=dict)
    # Sent again after the server was rewound, not edited since the PC saw the server's
    # revision ``base_rev``: the server takes it only if it lacks the record or holds an
    # earlier revision; otherwise it answers with its own version.
    restore: bool = False


class PushBatch(_Model):
    batch_id: str = Field(min_length=1, max_length=64, pattern=NAME_PATTERN)
    device_id: str = Field(min_length=1, max_length=64, pattern=NAME_PATTERN)
    schema_version: int = Field(ge=0)
    rows: list[RowChange] = Field(max_length=SERVER_BATCH_ROWS)


class FieldConflict(_Model):
    mine: Scalar
    theirs: Scalar


class RowResult(_Model):
    table: str
    id: str
    status: RowStatus
    reason: str | None = None
    rev: int = 0
    # For merged/conflict: the server's record after the merge, to apply locally.
    data: dict[str, Scalar] | None = None
    deleted: bool = False
    conflicts: dict[str, FieldConflict] | None = None


class PushResult(_Model):
    batch_id: str
    results: list[RowResult]
    server_time: str
    # The server's epoch (a new one after a restore) and its highest sequence number:
    # a client that sees another epoch, or a cursor above ``highest_seq``, knows the
    # server was rewound (docs/sync.md, restore).
    epoch: str = ""
    highest_seq: int = 0
    # How big a batch this server takes (0: a server that does not say; 500 rows then).
    max_batch_rows: int = 0
    max_batch_bytes: int = 0


class Change(_Model):
    table: str
    id: str
    rev: int
    hlc: str
    deleted: bool
    server_seq: int
    # Set only in a pull that asked for deltas: ``data`` then holds only the columns
    # changed since revision ``base_rev``, to apply to a copy at that revision.
    base_rev: int | None = None
    # With ``base_rev``: long texts changed in one place, as ``[head, tail, old length,
    # middle]`` (civicdesk/sync/textedit.py); these columns are not in ``data``.
    text: dict[str, tuple[int, int, int, str]] | None = None
    # Set only in a pull that asked for ``chain``: hash columns of an audit entry left
    # out of ``data`` because the PC works them out exactly (civicdesk/sync/chain.py).
    derive: list[str] | None = None
    data: dict[str, Scalar]


class PullPage(_Model):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_time: str
    epoch: str = ""
    highest_seq: int = 0


class EnrollRequest(_Model):
    code: str = Field(min_length=4, max_length=64, pattern=NAME_PATTERN)
    device_id: str = Field(min_length=1, max_length=64, pattern=NAME_PATTERN)
    instance_id: str = Field(min_length=1, max_length=64, pattern=NAME_PATTERN)
    # The center id the desktop already uses; adopted by the server at the first
    # enrolment of a center that has no data yet.
    center_id: str | None = Field(default=None, max_length=64, pattern=NAME_PATTERN)


class EnrollResponse(_Model):
    token: str
    center_id: str
    center_name: str
    region_kato: str
    head_office: bool
    server_id: str
    epoch: str = ""
    max_batch_rows: int = 0
    max_batch_bytes: int = 0


class StatusResponse(_Model):
    protocol: int
    min_protocol: int
    min_schema: int
    server_time: str
    server_id: str
    epoch: str = ""
    highest_seq: int = 0
    center_id: str | None = None
    head_office: bool | None = None
    pending_conflicts: int | None = None


class ErrorBody(_Model):
    code: str
    message_kk: str
    message_ru: str


# --------------------------------------------------------------------------- encoding


def dumps(model: BaseModel | dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON, letters kept as they are (never \\u escapes)."""
    data = model.model_dump(mode="json") if isinstance(model, BaseModel) else model
    return dump_json(data)


M = TypeVar("M", bound=BaseModel)

def load_model(raw: bytes, model: type[M]) -> M:
    """A body as ``model``: decoded by orjson and validated from the plain values, several
    times faster on a big batch or page than pydantic's own JSON parser, with the same
    checks. What orjson refuses (malformed JSON, NaN, infinities, lone surrogates) goes
    through pydantic's parser, so the answer or refusal is what it was. orjson reads an
    integer beyond 64 bits as a float: see ``load_push`` where that matters.
    Raises ``pydantic.ValidationError``."""
    try:
        plain = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return model.model_validate_json(raw)
    return model.model_validate(plain)


#: orjson reads an integer beyond 64 bits as a float; pydantic's parser keeps it
_U64 = 2**64
_I64 = 2**63


def load_push(raw: bytes) -> PushBatch:
    """A pushed batch (``load_model``). A number orjson may have read as a float where
    pydantic's parser keeps an integer beyond 64 bits (which the server then refuses as
    ``bad_value``) sends the body through pydantic's parser, so such a row is refused as
    before."""
    batch = load_model(raw, PushBatch)
    for r in batch.rows:
        if r.rev >= _U64 or r.base_rev >= _U64:
            return PushBatch.model_validate_json(raw)
        for v in r.data.values():
            if type(v) is float and not -_I64 < v < _I64:
                return PushBatch.model_validate_json(raw)
    return batch


def dump_json(data: Any) -> bytes:
    """Compact UTF-8 JSON of plain values (orjson; the standard library for what orjson
    refuses, such as an integer beyond 64 bits: the same JSON either way)."""
    try:
        return orjson.dumps(data)
    except TypeError:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


#: the server compresses big answers fast (level 1: some per cent more bytes for a
#: fraction of the time) and small ones (an incremental round) hard, where bytes on a
#: slow link cost more than the CPU; the PC compresses what it sends once (level 3)
FAST_GZIP_LEVEL = 1
#: what a PC sends: level 3 costs about what level 1 does (29 against 25 ms for 4.4 MB
#: of batches) and sends 16 % fewer bytes; level 6 costs twice as much
PUSH_GZIP_LEVEL = 3
SMALL_ANSWER_BYTES = 1024 * 1024


def answer_gzip_level(size: int) -> int:
    return 6 if size <= SMALL_ANSWER_BYTES else FAST_GZIP_LEVEL


#: Answers to a PC that accepts it are Zstandard (RFC 8878, ``Content-Encoding: zstd``)
#: at level 1: on sync pages it is both smaller than gzip at level 6 and about ten
#: times faster to compress, and faster to decompress (docs/benchmarks.md). A PC or
#: server without the library, and every older PC, keeps gzip.
ZSTD_LEVEL = 1
#: small answers (an incremental round) at level 6, as gzip: on a 190 KB page of 100
#: edits 7 % fewer bytes (19.1 against 20.5 KB) for 0.7 ms more
SMALL_ZSTD_LEVEL = 6


def answer_zstd_level(size: int) -> int:
    return SMALL_ZSTD_LEVEL if size <= SMALL_ANSWER_BYTES else ZSTD_LEVEL
ACCEPT_ENCODING = "zstd, gzip" if _zstd is not None else "gzip"


def _accepted(header: str) -> set[str]:
    """The codings an ``Accept-Encoding`` header accepts (``q=0`` refuses one)."""
    out: set[str] = set()
    for part in header.lower().split(","):
        name, *params = (p.strip() for p in part.split(";"))
        refused = any(
            p.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000") for p in params
        )
        if name and not refused:
            out.add(name)
    return out


def encode_answer(body: bytes, accept_encoding: str) -> tuple[bytes, str | None]:
    """An answer compressed as the asker accepts: (bytes, Content-Encoding or None)."""
    accepted = _accepted(accept_encoding)
    if _zstd is not None and "zstd" in accepted:
        return _zstd.ZstdCompressor(level=answer_zstd_level(len(body))).compress(body), "zstd"
    if "gzip" in accepted:
        return gzip_bytes(body, answer_gzip_level(len(body))), "gzip"
    return body, None


def takes_zstd(accept_encoding: str) -> bool:
    """Whether a body may go in Zstandard to a server whose answers say (RFC 9110
    §12.5.3, ``Accept-Encoding`` in a response) it accepts these codings."""
    return _zstd is not None and "zstd" in _accepted(accept_encoding)


def zstd_bytes(raw: bytes) -> bytes:
    """A body in Zstandard (level ``ZSTD_LEVEL``; only where ``takes_zstd``)."""
    if _zstd is None:  # pragma: no cover - guarded by takes_zstd
        raise RuntimeError("zstd")
    return bytes(_zstd.ZstdCompressor(level=ZSTD_LEVEL).compress(raw))


def unzstd_limited(data: bytes, limit: int = MAX_BODY_BYTES) -> bytes:
    """Decompress a Zstandard body, at most ``limit`` bytes of it: read in steps, as
    the size a frame declares is not to be trusted (a few bytes can declare
    terabytes). A cut body comes out short, which its JSON then refuses."""
    if _zstd is None:
        raise BadBodyError("zstd")
    out = bytearray()
    try:
        with _zstd.ZstdDecompressor().stream_reader(data, read_across_frames=True) as reader:
            while chunk := reader.read(1 << 20):
                out += chunk
                if len(out) > limit:
                    raise BodyTooLargeError(limit)
    except _zstd.ZstdError as exc:
        raise BadBodyError("zstd") from exc
    return bytes(out)


def gzip_bytes(raw: bytes, level: int = 6) -> bytes:
    """Deterministic gzip (mtime 0): the same body compresses to the same bytes."""
    return gzip.compress(raw, compresslevel=level, mtime=0)


def body_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class BodyTooLargeError(ValueError):
    pass


class BadBodyError(ValueError):
    pass


def gunzip_limited(data: bytes, limit: int = MAX_BODY_BYTES) -> bytes:
    """Decompress at most ``limit`` bytes; a gzip bomb stops at the limit."""
    dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    chunk = data
    try:
        while chunk:
            out += dec.decompress(chunk, limit + 1 - len(out))
            if len(out) > limit:
                raise BodyTooLargeError(limit)
            chunk = dec.unconsumed_tail
        out += dec.flush()
    except zlib.error as exc:
        raise BadBodyError("gzip") from exc
    if len(out) > limit:
        raise BodyTooLargeError(limit)
    if not dec.eof:
        raise BadBodyError("gzip truncated")
    return bytes(out)
