"""Who may write: a token compared in constant time, and whether a host is loopback-only.

Reading is open. Writing (`POST /api/ingest`, saving from the analyze page) needs the server's token, sent
as `Authorization: Bearer TOKEN` (or the analyze form's token field). A server started without a token is
read-only, whatever its host; `letopis serve` says so loudly when it listens beyond the loopback interface.
"""

from __future__ import annotations

import hmac
import ipaddress

from fastapi import Request

from letopis.api.errors import ApiError


def token_matches(given: str | None, expected: str | None) -> bool:
    """True when the server has a token and `given` equals it; compared in constant time."""
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def check_write_access(request: Request, given: str | None) -> None:
    """Raise the right 401/403 unless this request may write."""
    expected = request.app.state.settings.token
    if not expected:
        raise ApiError(403, "read_only", "this server is read-only: start `letopis serve` with --token "
                                         "(or LETOPIS_TOKEN) to allow writing")
    if given is None:
        raise ApiError(401, "token_required", "writing needs the server's token: send "
                                              "`Authorization: Bearer TOKEN`", headers={"WWW-Authenticate": "Bearer"})
    if not token_matches(given, expected):
        raise ApiError(403, "token_invalid", "the token is wrong")


def require_token(request: Request) -> None:
    """FastAPI dependency for the API's write endpoints."""
    check_write_access(request, bearer_token(request))


def is_loopback_host(host: str) -> bool:
    """Does binding to `host` keep the server reachable from this machine only?"""
    if host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
