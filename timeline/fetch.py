"""Fetch one URL for reading, with a total deadline, a size cap, a redirect limit and an address guard.

The guard: a URL whose host resolves to a private, loopback, link-local,
multicast, reserved or unspecified address is refused unless allowed, and
it is checked again for every redirect. The connection goes to the address
that was checked (no second DNS look-up a rebinding attacker could answer).
``allow_private`` is False, True (allow all), or a collection of addresses
and networks to allow (``{"127.0.0.1"}``, ``{"10.0.0.0/8"}``).

Only http and https; no proxies, no cookies; the body is read up to
``MAX_BYTES`` and the whole exchange, redirects included, ends by
``TIMEOUT`` seconds. Every failure is an ArticleError naming the URL.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from timeline.errors import ArticleError
from timeline.readers.base import MAX_FILE_BYTES, human_size

TIMEOUT = 20.0            # seconds for the whole fetch, redirects included
MAX_BYTES = MAX_FILE_BYTES
MAX_REDIRECTS = 5
USER_AGENT = "timeline/0.1 (news timeline reader)"
_CHUNK = 64 * 1024


class _Problem(Exception):
    """What went wrong with one request; fetch() names the URL."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str                  # after redirects
    data: bytes
    content_type: str | None
    status: int


def fetch(url: str, *, allow_private: bool | Iterable[str] = False, timeout: float = TIMEOUT,
          max_bytes: int = MAX_BYTES, max_redirects: int = MAX_REDIRECTS) -> Response:
    """GET *url* and return its body; raise ArticleError("<url>: <problem>") on any failure."""
    allowed = _allowed(allow_private)
    deadline = time.monotonic() + timeout
    current = url
    for _ in range(max_redirects + 1):
        try:
            status, headers, data = _get(current, allowed, deadline, max_bytes)
        except _Problem as err:
            where = f"redirected to {current}: " if current != url else ""
            raise _error(url, f"{where}{err}") from None
        except TimeoutError:
            raise _error(url, f"timed out after {timeout:g} s") from None
        except socket.gaierror as err:
            host = urlsplit(current).hostname
            raise _error(url, f"cannot look up {host} (no network, or no such host: "
                              f"{err.strerror or err})") from None
        except ConnectionRefusedError:
            raise _error(url, f"connection refused by {_hostport(current)}") from None
        except ssl.SSLError as err:
            raise _error(url, f"secure connection failed ({err.reason or err})") from None
        except http.client.HTTPException as err:
            raise _error(url, f"bad HTTP response ({type(err).__name__}: {err})") from None
        except OSError as err:
            raise _error(url, f"cannot reach {_hostport(current)} (no network? "
                              f"{err.strerror or err})") from None
        except UnicodeError:                     # "a..b": IDNA cannot encode it
            raise _error(url, f"not a valid host name: {urlsplit(current).hostname}") from None
        except ValueError as err:                # a port past 65535
            raise _error(url, f"not a valid address ({err})") from None
        if status in (301, 302, 303, 307, 308) and headers.get("location"):
            current = urljoin(current, headers["location"].strip())
            continue
        if status >= 400:
            raise _error(url, f"the server answered {status} "
                              f"{http.client.responses.get(status, '')}".rstrip())
        return Response(url=current, data=data, content_type=headers.get("content-type"),
                        status=status)
    raise _error(url, f"too many redirects (more than {max_redirects})")


def check_address(host: str, port: int, allowed=()) -> list[str]:
    """The addresses *host* resolves to; ArticleError if any is private and not *allowed*.

    *allowed* is True (anything goes) or a tuple of ip networks.
    """
    addresses, problem = _check(host, port, allowed)
    if problem:
        raise ArticleError(f"{host}: {problem}", path=host)
    return addresses


def _check(host: str, port: int, allowed) -> tuple[list[str], str | None]:
    infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        kind = _kind(ip)
        if kind and allowed is not True and not any(ip in net for net in allowed):
            article = "an" if kind[0] in "aeiou" else "a"
            return addresses, (f"refused: {address} is {article} {kind} address "
                               f"(allow_private=True reads from it)")
    return addresses, None


def _kind(ip) -> str | None:
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, test in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                       ("multicast", ip.is_multicast), ("unspecified", ip.is_unspecified),
                       ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if test:
            return kind
    if not ip.is_global:
        return "non-public"
    return None


def _allowed(allow_private):
    if allow_private is True:
        return True
    if not allow_private:
        return ()
    if isinstance(allow_private, str):
        allow_private = [allow_private]
    try:
        return tuple(ipaddress.ip_network(a, strict=False) for a in allow_private)
    except ValueError as err:
        raise ValueError(f"allow_private: {err}") from None


def _get(url: str, allowed, deadline: float, max_bytes: int):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise _Problem("only http and https URLs can be read")
    host = parts.hostname
    if not host:
        raise _Problem("no host in the URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses, problem = _check(host, port, allowed)
    if problem:
        raise _Problem(problem)
    sock = _connect(addresses, port, deadline)
    try:
        if parts.scheme == "https":
            context = ssl.create_default_context()
            sock = context.wrap_socket(sock, server_hostname=host)
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        conn = cls(host, port, timeout=_remaining(deadline))
        conn.sock = sock                     # connected to the address that was checked
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        conn.request("GET", path, headers={
            "User-Agent": USER_AGENT, "Accept": "*/*", "Accept-Encoding": "gzip, identity",
            "Connection": "close"})
        response = conn.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        if response.status in (301, 302, 303, 307, 308):
            return response.status, headers, b""
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise _Problem(_too_large(int(length), max_bytes))
        data = _read_body(response, sock, headers, url, deadline, max_bytes)
        return response.status, headers, data
    finally:
        sock.close()


def _connect(addresses: list[str], port: int, deadline: float) -> socket.socket:
    last: OSError | None = None
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout=_remaining(deadline))
        except OSError as err:
            last = err
    raise last or OSError("no address")


def _read_body(response, sock, headers, url, deadline, max_bytes) -> bytes:
    encoding = headers.get("content-encoding", "identity").lower()
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS) \
        if encoding in ("gzip", "deflate") else None
    chunks, size = [], 0
    while True:
        sock.settimeout(_remaining(deadline))
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        if inflate is not None:
            chunk = inflate.decompress(chunk, max_bytes + 1 - size)
        size += len(chunk)
        if size > max_bytes:
            raise _Problem(_too_large(size, max_bytes, at_least=True))
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError
    return b"".join(chunks)


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"the response is too large ({more}{human_size(size)}; the limit is {human_size(limit)})"


def _hostport(url: str) -> str:
    return urlsplit(url).netloc


def _error(url: str, problem: str) -> ArticleError:
    return ArticleError(f"{url}: {problem}", path=url)
