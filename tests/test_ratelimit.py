"""Rate limits count where every process sees them: Redis when set, else the database."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from comments import ratelimit
from comments.models import RateCounter

pytestmark = pytest.mark.django_db


def test_without_redis_the_count_is_one_row_in_the_database(settings):
    settings.REDIS_URL = ""
    assert [ratelimit.hit("comment", "abc", "3/10m") for _ in range(5)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    (row,) = RateCounter.objects.all()
    assert row.count == 5 and row.bucket.startswith("rl:comment:abc:600:")


def test_without_redis_the_local_memory_cache_is_not_the_count(settings):
    settings.REDIS_URL = ""
    ratelimit.hit("comment", "abc", "1/1h")
    from django.core.cache import cache

    cache.clear()  # a worker's own memory means nothing to the limit
    assert ratelimit.hit("comment", "abc", "1/1h") is False


def test_each_scope_and_key_counts_apart(settings):
    settings.REDIS_URL = ""
    assert ratelimit.hit("comment", "a", "1/1h")
    assert ratelimit.hit("comment", "b", "1/1h")
    assert ratelimit.hit("privacy", "a", "1/1h")
    assert not ratelimit.hit("comment", "a", "1/1h")


def test_when_the_shared_cache_fails_the_database_keeps_the_limit(settings, monkeypatch):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # configured, but the cache call fails

    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(ratelimit.cache, "add", down)
    results = [ratelimit.hit("comment", "abc", "2/10m") for _ in range(3)]
    assert results == [True, True, False]
    assert RateCounter.objects.get().count == 3


def test_finished_windows_are_purged_with_the_personal_data(settings):
    settings.REDIS_URL = ""
    ratelimit.hit("comment", "old", "5/1m")
    RateCounter.objects.update(expires_at=datetime.now(UTC) - timedelta(hours=1))
    ratelimit.hit("comment", "new", "5/1h")
    call_command("purge_personal_data", stdout=StringIO())
    (kept,) = RateCounter.objects.values_list("bucket", flat=True)
    assert kept.startswith("rl:comment:new:")


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (the PostgreSQL+Redis run)")
def test_with_redis_the_count_is_in_redis_not_the_database():
    assert [ratelimit.hit("comment", "redis", "1/10m") for _ in range(2)] == [True, False]
    assert not RateCounter.objects.exists()
