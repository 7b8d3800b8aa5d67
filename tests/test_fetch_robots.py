from cleaner.fetch.client import Exchange
from cleaner.fetch.robots import MAX_CRAWL_DELAY, parse_robots, rules_from_exchange

ROBOTS = """
# comment
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*?print=
Disallow: /*.pdf$
Crawl-delay: 2
"""


def test_longest_match_wins_and_allow_overrides_shorter_disallow():
    rules = parse_robots(ROBOTS, "cleaner")
    assert not rules.allows("http://h/private/secret")
    assert rules.allows("http://h/private/open/page")
    assert rules.allows("http://h/public")


def test_wildcards_and_end_anchor():
    rules = parse_robots(ROBOTS, "cleaner")
    assert not rules.allows("http://h/news/a?print=1")
    assert not rules.allows("http://h/files/report.pdf")
    assert rules.allows("http://h/files/report.pdf.html")


def test_a_group_naming_the_agent_replaces_the_star_group():
    rules = parse_robots(ROBOTS, "otherbot")
    assert not rules.allows("http://h/public")
    assert parse_robots(ROBOTS, "cleaner").crawl_delay == 2.0


def test_grouped_user_agent_lines_share_rules():
    rules = parse_robots("User-agent: a\nUser-agent: cleaner\nDisallow: /x\n", "cleaner")
    assert not rules.allows("http://h/x/1")


def test_crawl_delay_is_capped():
    assert parse_robots("User-agent: *\nCrawl-delay: 3600\n", "cleaner").crawl_delay == MAX_CRAWL_DELAY


def test_robots_txt_itself_is_always_allowed():
    assert parse_robots("User-agent: *\nDisallow: /\n", "cleaner").allows("http://h/robots.txt")


def _exchange(status: int, body: bytes = b"") -> Exchange:
    return Exchange("http://h/robots.txt", "1.2.3.4", "2024-01-01T00:00:00Z", (), status, "", "HTTP/1.1",
                    (("Content-Type", "text/plain"),), body)


def test_missing_robots_allows_everything_and_server_error_disallows_everything():
    assert rules_from_exchange(_exchange(404), "cleaner").allows("http://h/anything")
    unavailable = rules_from_exchange(_exchange(503), "cleaner")
    assert not unavailable.allows("http://h/anything")
    assert "HTTP 503" in unavailable.disallow_all_reason


def test_rules_are_read_from_a_200_answer():
    rules = rules_from_exchange(_exchange(200, b"User-agent: *\nDisallow: /a\n"), "cleaner")
    assert not rules.allows("http://h/a")
    assert rules.allows("http://h/b")
