"""Options of a crawl: one frozen object passed to every part of the fetcher."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

TOOL_NAME = "cleaner"


def tool_version() -> str:
    try:
        return metadata.version(TOOL_NAME)
    except metadata.PackageNotFoundError:
        return "0.1"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely and how far to fetch. Variants are made with dataclasses.replace()."""

    # Seconds between two requests to the same host (robots.txt Crawl-delay may raise it).
    delay: float = 1.0
    # Requests in flight at once, over all hosts.
    concurrency: int = 4
    # Connect and read timeout of one request, in seconds.
    timeout: float = 30.0
    # Extra tries after a 429/5xx answer or a network failure.
    retries: int = 3
    # Wait before the first retry, doubled at each further one (a Retry-After header overrides it).
    backoff: float = 1.0
    # Longest wait for a retry; a server asking for more is not retried.
    max_retry_wait: float = 60.0
    # Largest response body kept; larger downloads are aborted.
    max_bytes: int = 10_000_000
    # Redirect hops followed from one URL.
    max_redirects: int = 10
    # Fetch hosts that resolve to loopback/private/link-local addresses (testing, intranets).
    allow_private: bool = False
    # An e-mail address or URL put in the User-Agent so site owners can reach the crawler's operator.
    contact: str | None = None
    # Sitemap files read from one sitemap index tree, and how deep indexes may nest.
    max_sitemaps: int = 50
    max_sitemap_depth: int = 3
    # Stop discovering page URLs after this many (None: no limit).
    max_urls: int | None = None

    @property
    def user_agent(self) -> str:
        base = f"{TOOL_NAME}/{tool_version()}"
        if not self.contact:
            return base
        contact = self.contact
        if "@" in contact and not contact.startswith("mailto:"):
            contact = f"mailto:{contact}"
        return f"{base} (+{contact})"
