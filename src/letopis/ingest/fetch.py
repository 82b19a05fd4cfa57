"""Fetching pages and feeds over HTTP(S), carefully.

- Only `http` and `https` URLs.
- The host name is resolved once and the connection goes to the address that was checked, so a name cannot
  point at one address for the check and another for the request. Private, loopback and other non-public
  addresses are refused unless `allow_private` (server-side request forgery); link-local (cloud metadata),
  multicast and unspecified addresses are refused always.
- Every redirect is checked the same way; redirect loops and chains longer than `max_redirects` fail.
- A total time limit and a size limit per response.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from letopis.errors import InputError

USER_AGENT = "letopis/0.1 (news chronicle; +https://pypi.org/project/letopis/)"


@dataclass(slots=True)
class FetchPolicy:
    allow_private: bool = False
    timeout: float = 20.0  # seconds for the whole response, redirects included
    max_bytes: int = 20_000_000
    max_redirects: int = 5


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


def is_url(source: str) -> bool:
    return "://" in source[:12]


def fetch(url: str, policy: FetchPolicy) -> Fetched:
    """The body of `url`; InputError (naming the URL) with the reason when it cannot or may not be fetched."""
    deadline = time.monotonic() + policy.timeout
    seen = {url}
    current = url
    for _ in range(policy.max_redirects + 1):
        status, headers, body = request(current, policy, deadline)
        if status in (301, 302, 303, 307, 308):
            location = headers.get("location")
            if not location:
                raise InputError(url, f"HTTP {status} redirect without a Location")
            current = urljoin(current, location)
            if current in seen:
                raise InputError(url, f"redirect loop at {current}")
            seen.add(current)
            continue
        if status >= 400:
            raise InputError(url, f"HTTP {status} from {current}")
        return Fetched(current, headers.get("content-type", ""), body)
    raise InputError(url, f"more than {policy.max_redirects} redirects")


def request(url: str, policy: FetchPolicy, deadline: float) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(url, f"only http and https URLs can be fetched, not {parts.scheme or 'no scheme'}")
    if not parts.hostname:
        raise InputError(url, "the URL has no host")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = checked_address(url, parts.hostname, port, policy.allow_private)
    conn = connection(parts.scheme, parts.hostname, port, address, remaining(url, deadline))
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity",
                                           "Accept": "text/html,application/xhtml+xml,application/xml,*/*;q=0.8"})
        response = conn.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        body = read_limited(url, response, policy.max_bytes, deadline)
        return response.status, headers, body
    except (OSError, http.client.HTTPException) as exc:
        if isinstance(exc, TimeoutError | socket.timeout):
            raise InputError(url, f"timed out after {policy.timeout:g} s") from None
        raise InputError(url, f"cannot fetch: {type(exc).__name__}: {exc}") from None
    finally:
        conn.close()


def remaining(url: str, deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(url, "timed out")
    return left


def read_limited(url: str, response: http.client.HTTPResponse, max_bytes: int, deadline: float) -> bytes:
    chunks, size = [], 0
    while True:
        remaining(url, deadline)
        chunk = response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(url, f"the response is larger than {max_bytes:,} bytes")
        chunks.append(chunk)


def checked_address(url: str, host: str, port: int, allow_private: bool) -> str:
    """An address of `host` that may be fetched: public, unless private ones are allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(url, f"cannot resolve {host}: {exc.strerror}") from None
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if never_fetched(ip):
            continue
        if ip.is_global or (allow_private and (ip.is_loopback or ip.is_private)):
            return address
    hint = "; pass --allow-private to allow it" if not allow_private else " (never fetched)"
    raise InputError(url, f"refusing to fetch {host} ({addresses[0]}): a private, loopback or reserved address{hint}")


def never_fetched(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Link-local (where cloud metadata services answer), multicast and unspecified addresses: `allow_private`
    opens loopback and private networks, never these."""
    return ip.is_link_local or ip.is_multicast or ip.is_unspecified


class PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to a checked address, sending the original host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address; the certificate is checked against the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def connection(scheme: str, host: str, port: int, address: str, timeout: float) -> http.client.HTTPConnection:
    cls = PinnedHTTPSConnection if scheme == "https" else PinnedHTTPConnection
    return cls(host, port, address, timeout)
