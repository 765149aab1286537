"""TLS rules of the desktop's connection to the head-office server.

- ``https://`` is required; plain ``http://`` only to this PC itself (``localhost``,
  ``127.0.0.0/8``, ``::1``: a test server or a tunnel ending here).
- Certificates are checked against the operating system's store (``truststore``): on
  Windows the Windows certificate store, so a private certificate authority installed
  there by the administrator (group policy, or ``certmgr.msc``) is trusted, and so is a
  public one kept current by Windows Update.
- A certificate error is named as such, with the server's host, in kk/ru — never the
  plain "no connection".
"""

from __future__ import annotations

import functools
import ipaddress
import ssl
from urllib.parse import urlsplit

from civicdesk.domain.errors import Message, UserError

HTTPS_REQUIRED = Message(
    kk="Серверге тек қорғалған байланыс арқылы (https://) қосылуға болады: «{url}». "
    "Бас кеңседен https:// басталатын мекенжайды сұраңыз.",
    ru="К серверу можно подключаться только по защищённому соединению (https://): «{url}». "
    "Попросите в головном офисе адрес, начинающийся с https://.",
)
BAD_URL = Message(
    kk="Сервер мекенжайы дұрыс емес: «{url}».",
    ru="Неверный адрес сервера: «{url}».",
)
BAD_CERTIFICATE = Message(
    kk="«{host}» серверінің сертификаты тексерістен өтпеді ({detail}). Байланыс "
    "үзілді, деректер жіберілген жоқ. Компьютердің күні мен уақытын тексеріңіз және "
    "бас кеңсенің әкімшісіне хабарласыңыз.",
    ru="Сертификат сервера «{host}» не прошёл проверку ({detail}). Соединение прервано, "
    "данные не отправлены. Проверьте дату и время на компьютере и сообщите "
    "администратору головного офиса.",
)


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> None:
    """Refuse a server address that is not https (except to this PC itself)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:
        raise UserError("sync.bad_url", BAD_URL, url=url) from exc
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise UserError("sync.bad_url", BAD_URL, url=url)
    if parts.scheme == "http" and not is_loopback(host):
        raise UserError("sync.https_required", HTTPS_REQUIRED, url=url)


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """Verification against the operating system's certificate store."""
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def certificate_error(exc: BaseException) -> str | None:
    """The reason if ``exc`` (an httpx error) came from a failed certificate check."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        cur = todo.pop()
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, ssl.SSLCertVerificationError):
            return str(cur.verify_message or cur.reason or "certificate")
        text = str(cur)
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
            return text.rsplit("certificate verify failed:", maxsplit=1)[-1].strip(" )") or "certificate"
        todo.extend(c for c in (cur.__cause__, cur.__context__) if c is not None)
        todo.extend(a for a in cur.args if isinstance(a, BaseException))
    return None
