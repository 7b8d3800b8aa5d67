"""robots.txt (RFC 9309): fetched once per origin, longest match wins, `*` and `$` understood.

urllib.robotparser takes `*` literally and lets the first matching rule win, so it would let
a crawler into `Disallow: /*?print=` pages; this module follows the RFC instead.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from cleaner.errors import FetchError
from cleaner.fetch.client import Exchange
from cleaner.fetch.urls import origin

# RFC 9309 asks crawlers to read at least the first 500 KiB.
MAX_ROBOTS_BYTES = 512 * 1024
# A Crawl-delay larger than this is read as this: a typo of 3600 must not stall a crawl.
MAX_CRAWL_DELAY = 30.0
DISALLOWED = "disallowed by robots.txt"


@dataclass(frozen=True, slots=True)
class Rule:
    allow: bool
    pattern: str
    regex: re.Pattern


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The rules of one origin that apply to our user agent."""

    rules: tuple[Rule, ...] = ()
    crawl_delay: float | None = None
    disallow_all_reason: str | None = None  # set when robots.txt could not be read (5xx, network)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return True
        if self.disallow_all_reason:
            return False
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        matches = [rule for rule in self.rules if rule.regex.match(target)]
        if not matches:
            return True
        # Longest pattern wins; on a tie the allow rule wins (RFC 9309 section 2.2.2).
        best = max(matches, key=lambda rule: (len(rule.pattern), rule.allow))
        return best.allow


def _pattern_regex(pattern: str) -> re.Pattern:
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(part) for part in body.split("*"))
    return re.compile(regex + ("$" if anchored else ""))


def parse_robots(text: str, agent: str) -> RobotsRules:
    """The rules of the groups naming agent (or of the `*` groups when none does)."""
    groups: list[tuple[list[str], list[Rule], list[float]]] = []
    in_agent_lines = False
    for raw_line in text.splitlines():
        key, _, value = raw_line.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if not in_agent_lines:
                groups.append(([], [], []))
            groups[-1][0].append(value.lower())
            in_agent_lines = True
            continue
        in_agent_lines = False
        if not groups:
            continue
        if key in ("allow", "disallow") and value:
            groups[-1][1].append(Rule(key == "allow", value, _pattern_regex(value)))
        elif key == "crawl-delay":
            try:
                groups[-1][2].append(float(value))
            except ValueError:
                pass
    agent = agent.lower()
    chosen = [g for g in groups if any(a != "*" and a in agent for a in g[0])]
    chosen = chosen or [g for g in groups if "*" in g[0]]
    rules = tuple(rule for g in chosen for rule in g[1])
    delays = [delay for g in chosen for delay in g[2]]
    return RobotsRules(rules, min(max(delays), MAX_CRAWL_DELAY) if delays else None)


def rules_from_exchange(exchange: Exchange, agent: str) -> RobotsRules:
    """Rules from the answer to a robots.txt request: 4xx allows all, 5xx disallows all."""
    if exchange.status >= 500:
        return RobotsRules(disallow_all_reason=f"robots.txt unavailable (HTTP {exchange.status})")
    if exchange.status >= 300:
        return RobotsRules()
    body = exchange.decoded_body(MAX_ROBOTS_BYTES * 4)[:MAX_ROBOTS_BYTES]
    return parse_robots(body.decode("utf-8", errors="replace"), agent)


class RobotsCache:
    """robots.txt rules per origin, each fetched once even when many threads ask at the same time."""

    def __init__(self, fetch: Callable[[str], Exchange], agent: str) -> None:
        self._fetch = fetch
        self._agent = agent
        self._rules: dict[str, RobotsRules] = {}
        self._origin_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def rules_for(self, url: str) -> RobotsRules:
        key = origin(url)
        with self._lock:
            origin_lock = self._origin_locks.setdefault(key, threading.Lock())
        with origin_lock:
            if key not in self._rules:
                self._rules[key] = self._load(key)
            return self._rules[key]

    def check(self, url: str) -> None:
        """Raises FetchError if robots.txt keeps us out of url."""
        rules = self.rules_for(url)
        if not rules.allows(url):
            reason = DISALLOWED
            if rules.disallow_all_reason:
                reason = f"{DISALLOWED}: {rules.disallow_all_reason}"
            raise FetchError(reason)

    def _load(self, key: str) -> RobotsRules:
        try:
            exchange = self._fetch(f"{key}/robots.txt")
        except FetchError as err:
            return RobotsRules(disallow_all_reason=f"robots.txt unreachable ({err.reason})")
        return rules_from_exchange(exchange, self._agent)
