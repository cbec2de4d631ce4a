"""The version counters with Redis (pagecache.redis_counters): read from the worker's copy,
which every change made anywhere drops. Runs against the local Redis whatever the database."""

import logging
import os
import secrets
import socket
import time
from types import SimpleNamespace

import pytest
import redis
from django_redis.cache import RedisCache
from redis.exceptions import ResponseError

from pagecache.redis_counters import Mirror, RedisCounters

URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def _redis_answers():
    try:
        return redis.Redis.from_url(URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


pytestmark = pytest.mark.skipif(not _redis_answers(), reason="no Redis on " + URL)


def _wait_for(condition, seconds=10):
    """Poll until ``condition()`` holds; False if it never did (a message is asynchronous)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


@pytest.fixture
def store():
    """A counters store of its own prefix, its mirror listening, and Redis as another worker."""
    prefix = f"test-mirror-{secrets.token_hex(4)}"
    store = RedisCounters(URL, {"KEY_PREFIX": prefix})
    store.get("warm-up")  # starts the listening thread
    assert _wait_for(lambda: store._mirror.live)
    elsewhere = redis.Redis.from_url(URL)
    yield store, elsewhere
    store.delete_pattern("*")
    store._mirror.stop()


def test_a_counter_read_once_is_then_read_from_the_copy(store, monkeypatch):
    store, _ = store
    store.set("v", 1_733_000_000_000_000_001, 60)
    # The announcement of this very write may overtake the first read, which is then not kept.
    assert _wait_for(lambda: store.get("v") and store.make_key("v") in store._mirror.values)

    def no_redis(*args, **kwargs):
        raise AssertionError("read from Redis")

    monkeypatch.setattr(RedisCache, "get_many", no_redis)
    assert store.get_many(["v"]) == {"v": 1_733_000_000_000_000_001}


def test_a_change_made_by_another_process_replaces_the_copy(store):
    store, elsewhere = store
    store.set("v", 1, 60)
    assert store.get("v") == 1
    elsewhere.set(store.make_key("v"), 2)  # as django-redis writes an int
    assert _wait_for(lambda: store.get("v") == 2)


def test_a_deletion_or_an_expiry_elsewhere_drops_the_copy(store):
    store, elsewhere = store
    store.set_many({"gone": 1, "expiring": 2}, 60)
    assert store.get_many(["gone", "expiring"]) == {"gone": 1, "expiring": 2}
    elsewhere.delete(store.make_key("gone"))
    elsewhere.pexpire(store.make_key("expiring"), 20)
    assert _wait_for(lambda: store.get_many(["gone", "expiring"]) == {})


def test_this_processes_own_writes_are_read_at_once(store):
    store, _ = store
    store.set("v", 1, 60)
    assert store.get("v") == 1
    store.set("v", 2, 60)
    assert store.get("v") == 2  # no waiting for the message
    assert store.add("new", 3, 60) and store.get("new") == 3
    store.delete("v")
    assert store.get("v") is None


def test_a_lost_connection_stops_the_copies_until_it_is_back(store):
    store, elsewhere = store
    store.set("v", 1, 60)
    assert store.get("v") == 1
    mirror = store._mirror
    elsewhere.client_kill_filter(_id=mirror.connection_id)
    assert _wait_for(lambda: not mirror.live)
    assert mirror.values == {}
    elsewhere.set(store.make_key("v"), 2)
    assert store.get("v") == 2  # read from Redis: nothing old was kept
    assert _wait_for(lambda: mirror.live)  # listening again, starting empty
    assert store.get("v") == 2


@pytest.fixture
def listening_mirror():
    """A Mirror as if its thread listened on one end of a socket pair (Redis at the other)."""
    here, redis_end = socket.socketpair()
    mirror = Mirror(URL, "unused:")
    mirror.pid, mirror.live = os.getpid(), True
    mirror.connection = SimpleNamespace(_sock=here)
    yield mirror, redis_end
    here.close()
    redis_end.close()


def test_a_read_that_a_change_overtook_is_not_kept(listening_mirror):
    mirror, _ = listening_mirror

    def read_while_a_change_arrives(names):
        mirror.forget([b"k"])  # the message about k, read while the answer was on its way
        return {"k": 1}

    assert mirror.read({"k": "k"}, read_while_a_change_arrives) == {"k": 1}
    assert "k" not in mirror.values
    assert mirror.read({"k": "k"}, lambda names: {"k": 2}) == {"k": 2}
    assert mirror.values == {"k": 2}


def test_with_the_mirror_off_every_read_goes_to_redis(settings):
    settings.VERSION_MIRROR = False
    store = RedisCounters(URL, {"KEY_PREFIX": f"test-mirror-{secrets.token_hex(4)}"})
    assert store._mirror is None
    store.set("v", 5, 60)
    redis.Redis.from_url(URL).set(store.make_key("v"), 6)
    assert store.get("v") == 6
    store.delete("v")


def test_no_copy_is_used_while_an_invalidation_waits_to_be_read(listening_mirror):
    """Redis announces a change before it answers the write: a reader told of the change by
    the writer finds the announcement at least waiting on the socket, and asks Redis."""
    mirror, redis_end = listening_mirror
    mirror.read({"k": "k"}, lambda names: {"k": 1})
    assert mirror.read({"k": "k"}, lambda names: {}) == {"k": 1}  # the copy
    redis_end.sendall(b"*3\r\n$7\r\nmessage\r\n")  # the thread has not read it yet
    assert mirror.read({"k": "k"}, lambda names: {"k": 2}) == {"k": 2}
    mirror.reading = True  # read by the thread, not yet applied
    assert mirror.read({"k": "k"}, lambda names: {"k": 3}) == {"k": 3}


def test_a_redis_that_refuses_tracking_is_named_once_and_read_every_time(caplog, monkeypatch):
    mirror = Mirror(URL, "unused:")
    mirror.pid = os.getpid()
    pauses = []

    def refuse():
        raise ResponseError("unknown command 'CLIENT'")

    def pause(seconds):
        pauses.append(seconds)
        if len(pauses) == 3:
            mirror.pid = None  # stops the loop

    monkeypatch.setattr(mirror, "_connect", refuse)
    monkeypatch.setattr(mirror, "_pause", pause)
    with caplog.at_level(logging.INFO, logger="pagecache.redis_counters"):
        mirror._listen()
    assert len(pauses) == 3  # tried again each time
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "CLIENT TRACKING" in warnings[0].getMessage()
    mirror.pid = os.getpid()
    assert not mirror.live and mirror.read({"k": "k"}, lambda names: {"k": 4}) == {"k": 4}
    assert mirror.values == {}
