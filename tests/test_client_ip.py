"""The client address behind reverse proxies (TRUSTED_PROXIES, X-Forwarded-For)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from comments import identity


def ip(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return identity.client_ip(RequestFactory().get("/", **extra))


@pytest.fixture
def proxies(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1", "172.16.0.0/12", "fd00::/8"]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert ip("198.51.100.1", "203.0.113.9") == "198.51.100.1"


def test_a_trusted_proxy_passes_on_the_reader_it_saw(proxies):
    assert ip("10.0.0.1", "203.0.113.9") == "203.0.113.9"


def test_a_forged_header_from_an_untrusted_peer_is_ignored(proxies):
    assert ip("198.51.100.1", "203.0.113.9") == "198.51.100.1"
    assert ip("198.51.100.1", "10.0.0.1") == "198.51.100.1"


def test_a_reader_cannot_choose_their_address_by_prefilling_the_header(proxies):
    # The reader sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it saw.
    assert ip("10.0.0.1", "1.2.3.4, 203.0.113.9") == "203.0.113.9"


def test_several_trusted_proxies_are_walked_right_to_left(proxies):
    chain = "1.2.3.4, 203.0.113.9, 172.20.1.5, 172.16.0.7"
    assert ip("10.0.0.1", chain) == "203.0.113.9"


def test_when_every_hop_is_trusted_the_leftmost_is_the_client(proxies):
    assert ip("10.0.0.1", "172.16.0.3") == "172.16.0.3"


def test_ipv6_readers_and_proxies(proxies):
    assert ip("fd00::1", "2001:db8::7") == "2001:db8::7"
    assert ip("10.0.0.1", "[2001:db8::8]:4431") == "2001:db8::8"
    assert ip("2001:db8::9", "203.0.113.9") == "2001:db8::9"


def test_ipv4_mapped_ipv6_is_the_ipv4_address(proxies):
    assert ip("::ffff:10.0.0.1", "203.0.113.9") == "203.0.113.9"


def test_a_port_after_an_ipv4_address_is_dropped(proxies):
    assert ip("10.0.0.1", "203.0.113.9:51234") == "203.0.113.9"


@pytest.mark.parametrize(
    "garbage",
    ["", "unknown", "not an address", "999.1.1.1", "\x00", "1.2.3.4\x00", ",,,", "a" * 10_000],
)
def test_garbage_in_the_header_never_becomes_the_address(proxies, garbage):
    assert ip("10.0.0.1", garbage) == "10.0.0.1"
    assert ip("10.0.0.1", f"203.0.113.9, {garbage}") == "10.0.0.1"
    assert ip("198.51.100.1", garbage) == "198.51.100.1"


def test_a_garbage_peer_address_is_no_address(proxies):
    assert ip("garbage", "203.0.113.9") == ""


def test_the_hash_of_comments_and_reports_uses_the_client_address(proxies):
    via_proxy = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    direct = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")
    assert identity.ip_hash(via_proxy) == identity.ip_hash(direct)


def test_a_bad_trusted_proxies_setting_refuses_to_start(monkeypatch):
    import importlib

    import config.settings as live

    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.1,not-a-network")
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        importlib.reload(live)
    monkeypatch.delenv("TRUSTED_PROXIES")
    importlib.reload(live)
