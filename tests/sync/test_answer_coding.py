"""How the server compresses its answers: small ones (an incremental round) harder
than big ones (a first pull's pages), in either coding, and always decodable."""

from __future__ import annotations

import gzip
import json
import random

import pytest

from civicdesk.sync import protocol
from civicdesk.sync.protocol import (
    SMALL_ANSWER_BYTES,
    encode_answer,
    unzstd_limited,
)

WORDS = [
    "әкімдік", "жиын", "бюджет", "жол", "су", "мектеп", "сұрақ", "жауап", "қаржы", "ауыл",
    "округ", "кеңес",
]


def _page(n: int) -> bytes:
    rnd = random.Random(n)
    changes = [
        {
            "table": "consultations", "id": f"{i:08x}-0000", "rev": 2,
            "data": {"advice": " ".join(rnd.choice(WORDS) for _ in range(40)),
                     "hash": f"{rnd.getrandbits(256):064x}"},
        }
        for i in range(n)
    ]
    return json.dumps({"changes": changes}, ensure_ascii=False).encode("utf-8")


@pytest.mark.skipif(protocol._zstd is None, reason="no Zstandard here")
def test_a_small_answer_is_compressed_harder_than_a_big_one() -> None:
    import zstandard

    small = _page(300)
    assert len(small) <= SMALL_ANSWER_BYTES
    packed, coding = encode_answer(small, "zstd, gzip")
    assert coding == "zstd"
    assert unzstd_limited(packed) == small
    fast = zstandard.ZstdCompressor(level=protocol.ZSTD_LEVEL).compress(small)
    assert len(packed) < len(fast)

    big = _page(3000)
    assert len(big) > SMALL_ANSWER_BYTES
    packed, coding = encode_answer(big, "zstd")
    assert coding == "zstd" and unzstd_limited(packed) == big
    assert len(packed) == len(zstandard.ZstdCompressor(level=protocol.ZSTD_LEVEL).compress(big))


def test_gzip_answers_follow_the_same_rule() -> None:
    small, big = _page(300), _page(3000)
    for body in (small, big):
        packed, coding = encode_answer(body, "gzip")
        assert coding == "gzip" and gzip.decompress(packed) == body
    packed, _ = encode_answer(small, "gzip")
    assert len(packed) < len(gzip.compress(small, compresslevel=1, mtime=0))


def test_an_asker_that_takes_no_coding_gets_the_body_as_it_is() -> None:
    body = _page(10)
    assert encode_answer(body, "") == (body, None)
    assert encode_answer(body, "zstd;q=0, gzip;q=0") == (body, None)
