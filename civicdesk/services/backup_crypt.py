"""Backup copies encrypted with a center passphrase (for USB sticks that can be lost).

The file is sealed with AES-256-GCM from the ``cryptography`` package, in 1 MiB
chunks (the STREAM construction: each chunk's nonce is a random prefix, the chunk's
number and a last-chunk flag, so chunks cannot be reordered, dropped or the file cut
short unnoticed). The key comes from the passphrase through scrypt (N=2^15, r=8, p=1,
a random salt per file). Nothing here is home-made cryptography: only the library's
primitives, put together as published.

**If the passphrase is lost, nobody can open the copy** — not the center, not head
office, not the program's authors. Keep it written down where the center keeps its
seal, apart from the stick.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from civicdesk.domain.errors import Message, UserError

MAGIC = b"CDENC001"
CHUNK = 1 << 20
SALT_BYTES = 16
PREFIX_BYTES = 7
SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P = 15, 8, 1
MIN_PASSPHRASE = 10
HEADER_BYTES = len(MAGIC) + SALT_BYTES + 3 + PREFIX_BYTES

WRONG_PASSPHRASE = Message(
    kk="«{path}» көшірмесін ашу мүмкін болмады: құпия сөз тіркесі қате немесе файл "
    "бүлінген. Ағымдағы деректер өзгертілген жоқ.",
    ru="Не удалось открыть копию «{path}»: неверная парольная фраза или файл повреждён. "
    "Текущие данные не изменены.",
)
WEAK_PASSPHRASE = Message(
    kk="Құпия сөз тіркесі кемінде {n} таңбадан тұруы керек. Оны жоғалтсаңыз, көшірмені "
    "ешкім аша алмайды — орталық мөрі сақталатын жерде жазып қойыңыз.",
    ru="Парольная фраза должна содержать не менее {n} символов. Если её потерять, копию "
    "не откроет никто — запишите её и храните там же, где печать центра.",
)
NOT_ENCRYPTED = Message(
    kk="«{path}» шифрланған көшірме емес.", ru="«{path}» — не зашифрованная копия."
)


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=1 << log_n, r=r, p=p).derive(
        passphrase.encode("utf-8")
    )


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError("backup.weak_passphrase", WEAK_PASSPHRASE, n=MIN_PASSPHRASE)


def encrypt_file(src: Path, dest: Path, passphrase: str) -> Path:
    """``src`` sealed into ``dest`` (written under a temporary name, then renamed)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    salt, prefix = os.urandom(SALT_BYTES), os.urandom(PREFIX_BYTES)
    header = MAGIC + salt + bytes([SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P]) + prefix
    aead = AESGCM(_key(passphrase, salt, SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P))
    tmp = dest.with_name(dest.name + ".part")
    try:
        with src.open("rb") as inp, tmp.open("wb") as out:
            out.write(header)
            counter = 0
            chunk = inp.read(CHUNK)
            while True:
                following = inp.read(CHUNK)
                last = not following
                sealed = aead.encrypt(_nonce(prefix, counter, last), chunk, header)
                out.write(struct.pack(">I", len(sealed)) + sealed)
                if last:
                    break
                chunk, counter = following, counter + 1
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def decrypt_file(src: Path, dest: Path, passphrase: str) -> Path:
    """Open a sealed copy into ``dest``; a wrong passphrase or a changed, cut or
    reordered file is refused with one kk/ru message and leaves no ``dest``."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    refused = UserError("backup.wrong_passphrase", WRONG_PASSPHRASE, path=str(src))
    tmp = dest.with_name(dest.name + ".part")
    try:
        with src.open("rb") as inp:
            header = inp.read(HEADER_BYTES)
            if len(header) != HEADER_BYTES or not header.startswith(MAGIC):
                raise UserError("backup.not_encrypted", NOT_ENCRYPTED, path=str(src))
            at = len(MAGIC)
            salt = header[at:at + SALT_BYTES]
            log_n, r, p = header[at + SALT_BYTES:at + SALT_BYTES + 3]
            prefix = header[-PREFIX_BYTES:]
            if not (10 <= log_n <= 20 and 1 <= r <= 16 and 1 <= p <= 4):
                raise refused
            aead = AESGCM(_key(passphrase, salt, log_n, r, p))
            with tmp.open("wb") as out:
                counter = 0
                while True:
                    size_raw = inp.read(4)
                    if len(size_raw) != 4:
                        raise refused  # cut short before the last chunk
                    (size,) = struct.unpack(">I", size_raw)
                    if size > CHUNK + 16:
                        raise refused
                    sealed = inp.read(size)
                    following = inp.peek(1)[:1] if hasattr(inp, "peek") else b""
                    last = not following
                    try:
                        out.write(aead.decrypt(_nonce(prefix, counter, last), sealed, header))
                    except InvalidTag:
                        raise refused from None
                    if last:
                        break
                    counter += 1
                out.flush()
                os.fsync(out.fileno())
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest
