"""Finding 8: https is required except to this PC itself, and a certificate error is
named as such with the server's host, in Kazakh and Russian.

Before, ``http://`` to any host was accepted (the token crossed the network in the
clear), and a bad certificate showed as "no connection".
"""

from __future__ import annotations

import datetime as dt
import http.server
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from civicdesk.domain.errors import UserError
from civicdesk.services import sync
from civicdesk.sync import tls
from civicdesk.sync.client import SyncError
from tests.sync.conftest import Make


@pytest.mark.parametrize(
    "url", ["http://sync.example.kz", "http://10.0.0.5:8080", "http://[2001:db8::1]/"]
)
def test_plain_http_to_another_host_is_refused(url: str, make_replica: Make) -> None:
    app = make_replica("a")
    with pytest.raises(UserError) as err:
        sync.enroll(app, url, "ABCD-EFGH")
    assert err.value.code == "sync.https_required"
    assert "https://" in err.value.text("kk") and "защищённому" in err.value.text("ru")
    assert not sync.status(app).enrolled


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080", "http://localhost", "http://[::1]:9000", "https://x.kz"]
)
def test_https_and_loopback_are_allowed(url: str) -> None:
    tls.check_server_url(url)


def test_not_a_server_address_is_refused() -> None:
    for url in ("ftp://x.kz", "https://", "sync.example.kz"):
        with pytest.raises(UserError) as err:
            tls.check_server_url(url)
        assert err.value.code == "sync.bad_url"


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture()
def untrusted_server(tmp_path: Path) -> Iterator[int]:
    """An https server on this PC whose certificate no store trusts."""
    cert, key = _self_signed(tmp_path)
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def test_certificate_error_is_named_with_the_host(untrusted_server: int, make_replica: Make) -> None:
    app = make_replica("a")
    with pytest.raises(SyncError) as err:
        sync.enroll(app, f"https://localhost:{untrusted_server}", "ABCD-EFGH")
    assert err.value.code == "sync.certificate"
    kk, ru = err.value.text("kk"), err.value.text("ru")
    assert "localhost" in kk and "сертификаты" in kk
    assert "localhost" in ru and "Сертификат" in ru
    assert "нет соединения" not in ru.lower()
