"""An HTTPS server for the EHR-like pages in tests/ehr_pages, on a free 127.0.0.1 port.

The browser maps the EHR host names to 127.0.0.1 and the server picks the page folder by the
Host header, so each EHR shape has its own origin, different from the daemon's. It also
keeps what the pages' spy script ships to ``/collect``.
"""

from __future__ import annotations

import datetime
import ssl
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

PAGES = Path(__file__).resolve().parent.parent / "ehr_pages"
# The real editor libraries, bundled by tests/editors/build.mjs (the editor_bundles fixture).
EDITOR_BUNDLES = Path(__file__).resolve().parent.parent / "editors" / "dist"
FOLDER_BY_DOMAIN = {
    "simplepractice.com": "simplepractice",
    "therapynotes.com": "therapynotes",
    "janeapp.com": "jane",
    "theranest.com": "theranest",
    "clinic.test": "generic",
}
HOSTS = {
    "simplepractice": "secure.simplepractice.com",
    "therapynotes": "www.therapynotes.com",
    "jane": "acme.janeapp.com",
    "theranest": "clinic.theranest.com",
    "generic": "ehr.clinic.test",
}


@dataclass
class EhrServer:
    port: int
    collected: list[bytes] = field(default_factory=list)
    server: Any = None

    def url(self, site: str, path: str = "/") -> str:
        return f"https://{HOSTS[site]}:{self.port}{path}"

    def host_resolver_rules(self) -> str:
        rules = [f"MAP *.{domain} 127.0.0.1" for domain in FOLDER_BY_DOMAIN]
        return ", ".join(rules)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "margin-test-ehr")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(f"*.{domain}") for domain in FOLDER_BY_DOMAIN]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "ehr-cert.pem", tmp / "ehr-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def editor_asset(clean: str) -> str | None:
    """The file for /_editors/NAME.js (or a library's own asset beside it), or None."""
    if not clean.startswith("/_editors/"):
        return None
    target = (EDITOR_BUNDLES / clean.removeprefix("/_editors/")).resolve()
    return str(target) if EDITOR_BUNDLES.resolve() in target.parents else None


def start_ehr_server(tmp: Path) -> EhrServer:
    state = EhrServer(port=0)

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet test output
            pass

        def _folder(self) -> Path:
            host = self.headers.get("Host", "").split(":")[0]
            for domain, folder in FOLDER_BY_DOMAIN.items():
                if host == domain or host.endswith("." + domain):
                    return PAGES / folder
            return PAGES / "generic"

        def translate_path(self, path: str) -> str:
            clean = path.split("?", 1)[0].split("#", 1)[0]
            if clean == "/spy.js":
                return str(PAGES / "spy.js")
            if clean.startswith("/_editors/"):
                return editor_asset(clean) or str(EDITOR_BUNDLES / "missing")
            folder = self._folder()
            target = (folder / clean.lstrip("/")).resolve()
            if clean == "/" or (not target.exists() and "." not in clean.rsplit("/", 1)[-1]):
                return str(folder / "index.html")  # single-page app routes
            if folder.resolve() not in target.parents and target != folder.resolve():
                return str(folder / "missing")
            return str(target)

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            if self.path.startswith("/collect"):
                state.collected.append(body)
            self.send_response(204)
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    cert_path, key_path = _self_signed(tmp)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    state.port = server.server_address[1]
    state.server = server
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state
