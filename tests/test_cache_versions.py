"""Version counters (pagecache.versions): unique on every bump, zero when their store is down."""

import pytest
from django.core.cache import caches
from django.test import Client

from pagecache.versions import CacheVersion, VersionedEntries, current_versions

from .factories import CommentFactory

DEAD_REDIS = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    "OPTIONS": {
        "SOCKET_CONNECT_TIMEOUT": 0.2,
        "SOCKET_TIMEOUT": 0.2,
        "IGNORE_EXCEPTIONS": False,  # as a store that raises (CI's Redis pass ignores them)
    },
}


def test_every_bump_gives_a_value_never_seen_before():
    version = CacheVersion("test:version")
    seen = {version.get()}
    for _ in range(50):
        version.bump()
        seen.add(version.get())
    assert len(seen) == 51


def test_a_lost_version_restarts_above_the_old_one():
    version = CacheVersion("test:lost")
    old = version.get()
    caches["versions"].delete(version.key)
    assert version.get() > old


def test_versions_are_read_together_and_zero_when_their_store_is_down(settings):
    one, two = CacheVersion("test:one"), CacheVersion("test:two")
    assert all(current_versions([one, two]))
    settings.CACHES = {**settings.CACHES, "versions": DEAD_REDIS}
    assert current_versions([one, two]) == [0, 0]
    one.bump()  # logged, never raised


@pytest.mark.django_db
def test_with_the_version_store_down_pages_are_rendered_and_never_stored(post, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    CommentFactory(post=post, body="Shown though nothing can be stored.")
    settings.CACHES = {**settings.CACHES, "versions": DEAD_REDIS}
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            html = Client().get(post.get_absolute_url()).content.decode()
        assert "Shown though nothing can be stored." in html
        counts.append(len(queries))
    # Read whole from the database each time (settings, resources, post, comments): nothing
    # was kept, since nothing could have retired a stale copy.
    assert counts[0] == counts[1] >= 4


def test_a_worker_keeps_versioned_entries_and_forgets_the_oldest():
    entries = VersionedEntries(size=2)
    entries.set("page:a:1", "A", 60)
    caches["default"].delete("page:a:1")  # gone from the shared cache, kept in this process
    assert entries.get("page:a:1") == "A"
    caches["default"].set("page:b:1", "B")  # written by another process
    assert entries.get_many(["page:a:1", "page:b:1"]) == {"page:a:1": "A", "page:b:1": "B"}
    entries.set("page:c:1", "C", 60)  # a third: the least recently used goes
    caches["default"].clear()
    assert entries.get("page:a:1") is None and entries.get("page:c:1") == "C"
