import pytest

from cleaner.errors import FetchError
from cleaner.fetch.urls import dedup_key, is_public_address, normalize_url, origin, resolve_address


def test_normalize_lowercases_scheme_and_host_and_drops_default_port():
    assert normalize_url("HTTP://Example.COM:80/News/A") == "http://example.com/News/A"
    assert normalize_url("https://example.com:443") == "https://example.com/"
    assert normalize_url("https://example.com:8443/x") == "https://example.com:8443/x"


def test_normalize_drops_fragment_and_tracking_parameters():
    url = "https://example.com/a?id=3&utm_source=rss&UTM_Medium=feed&fbclid=xyz#comments"
    assert normalize_url(url) == "https://example.com/a?id=3"


def test_normalize_resolves_relative_links_against_a_base():
    assert normalize_url("../b?x=1", base="https://example.com/news/a") == "https://example.com/b?x=1"


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "/relative"])
def test_normalize_refuses_other_schemes(url):
    with pytest.raises(FetchError, match="unsupported URL scheme"):
        normalize_url(url)


def test_dedup_key_ignores_query_order_but_fetch_url_keeps_it():
    assert dedup_key("https://e.com/a?b=2&a=1") == dedup_key("https://E.com/a?a=1&b=2#x")
    assert normalize_url("https://e.com/a?b=2&a=1") == "https://e.com/a?b=2&a=1"


def test_origin_keeps_non_default_port():
    assert origin("http://127.0.0.1:8080/a/b?c") == "http://127.0.0.1:8080"


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "224.0.0.1",
                "0.0.0.0", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "100.64.0.1", "240.0.0.1"],
)
def test_non_public_addresses_are_recognised(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111"])
def test_public_addresses_are_accepted(address):
    assert is_public_address(address)


def test_resolve_refuses_loopback_unless_allowed():
    with pytest.raises(FetchError, match=r"refusing private address 127\.0\.0\.1 for host 127\.0\.0\.1"):
        resolve_address("http://127.0.0.1:9/a", allow_private=False)
    assert resolve_address("http://127.0.0.1:9/a", allow_private=True) == "127.0.0.1"
