"""URL normalisation (one fetch per page) and the safety checks every hop must pass."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from cleaner.errors import FetchError

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# Query parameters that only tell analytics where a click came from; they never change the page.
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid"})
TRACKING_PREFIXES = ("utm_",)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def normalize_url(url: str, base: str | None = None) -> str:
    """The URL to fetch: scheme and host lowercased, default port, fragment and tracking parameters dropped.

    Raises:
        FetchError: the URL is not an absolute http(s) URL.
    """
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(f"unsupported URL scheme {scheme or '(none)'!r}: {url}")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError(f"URL has no host: {url}")
    try:
        port = parts.port
    except ValueError as err:
        raise FetchError(f"bad port in URL: {url}") from err
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def dedup_key(url: str) -> str:
    """A key equal for URLs that name the same page: the normalised URL with its query sorted."""
    parts = urlsplit(normalize_url(url))
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit(parts._replace(query=query))


def origin(url: str) -> str:
    """scheme://host[:port] of a normalised URL: the unit of robots.txt and of politeness."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def resolve_address(url: str, allow_private: bool) -> str:
    """The IP address the URL's host resolves to, refused if it is not a public address.

    Raises:
        FetchError: the host does not resolve, or resolves to a loopback, private, link-local,
            multicast or reserved address while allow_private is off.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or DEFAULT_PORTS.get(parts.scheme, 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {host}: {err}") from err
    addresses = [info[4][0] for info in infos]
    if not allow_private:
        # Every address is checked: a host may list a public and a private one and the
        # connection could go to either.
        for address in addresses:
            if not is_public_address(address):
                raise FetchError(f"refusing private address {address} for host {host}")
    return addresses[0]


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local)
