"""The version counters' store with Redis: read from each worker's memory, kept exact by Redis.

Every stored page reads its version counters first (pagecache.versions), which cost one Redis
round trip per request: on a busy two-core machine, half of a warm post page's own time. Here
each worker process keeps the counters it has read, and Redis tells it when one changes: a
thread per process holds one connection with CLIENT TRACKING in broadcast mode for this store's
key prefix, so every change to a counter (a bump from any process or server, a deletion, an
expiry, an eviction, a flush) arrives as an invalidation and the worker's copy is dropped; the
next read asks Redis again. A change is seen by other workers as soon as its message is read
(within Python's thread switch interval, 5 ms, when a worker is busy): a read racing the write,
as before. Writes made through this store drop the process's copies at once.

No copies are used while the listening connection is not up (at start, after a fork, after a
lost connection: then it reconnects and starts empty): every read goes to Redis, as without
the mirror. A read from Redis is kept only if no invalidation arrived while it was in flight.
``VERSION_MIRROR=false`` turns it off.
"""

import logging
import os
import select
import threading
import time

from django.conf import settings
from django_redis.cache import RedisCache
from redis import ConnectionPool
from redis.exceptions import ResponseError

log = logging.getLogger(__name__)
HEALTH_SECONDS = 1.0  # a silent connection is pinged after this, and dropped if still silent
RETRY_SECONDS = 1.0


class Mirror:
    """One process's copy of the counters under one key prefix, and the thread keeping it exact."""

    def __init__(self, url, prefix):
        self.url = url
        self.prefix = prefix
        self._reset()

    def _reset(self):
        self.lock = threading.Lock()
        self.values = {}
        self.generation = 0  # changes with every invalidation: a read in flight is then not kept
        self.live = False
        self.pid = None
        self.connection = None
        self.connection_id = None
        self.reading = False  # the thread is reading or applying invalidations

    def read(self, names, fetch):
        """{full key: value} for ``names`` ({full key: key}): copies, and ``fetch`` for the rest.

        ``fetch(full keys)`` reads them from Redis, {full key: value} of those that exist.
        """
        if self.pid != os.getpid():
            self._start()
        if not self.live or self._unread():
            return fetch(list(names))
        values = self.values
        found = {name: values[name] for name in names if name in values}
        if len(found) < len(names):
            generation = self.generation
            fetched = fetch([name for name in names if name not in found])
            with self.lock:
                if self.live and generation == self.generation:
                    values.update(fetched)
            found.update(fetched)
        return found

    def forget(self, names=None):
        """Drop copies: these full keys (bytes or str), or all of them (None)."""
        with self.lock:
            self.generation += 1
            if names is None:
                self.values.clear()
            else:
                for name in names:
                    self.values.pop(name.decode() if isinstance(name, bytes) else name, None)

    def stop(self):
        """Stop listening (within HEALTH_SECONDS) and use no copies; a read starts it again."""
        with self.lock:
            self.pid = None
        self._set_live(False)

    def _unread(self):
        """True while an invalidation has arrived but is not applied yet: Redis sends it before
        it answers the write, so a reader who learnt of the change never gets the old copy."""
        if self.reading:
            return True
        sock = getattr(self.connection, "_sock", None)
        try:
            return sock is None or bool(select.select([sock], [], [], 0)[0])
        except (OSError, ValueError):  # closed meanwhile: the thread is reconnecting
            return True

    def _set_live(self, live):
        with self.lock:
            self.generation += 1
            self.values.clear()
            self.live = live

    def _start(self):
        with self.lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
        threading.Thread(target=self._listen, name="version-mirror", daemon=True).start()

    def _connect(self):
        connection = ConnectionPool.from_url(self.url, protocol=2).make_connection()
        connection.connect()
        connection.send_command("CLIENT", "ID")
        self.connection_id = connection.read_response()
        tracking = ("ON", "REDIRECT", self.connection_id, "BCAST", "PREFIX", self.prefix)
        connection.send_command("CLIENT", "TRACKING", *tracking)
        connection.read_response()
        connection.send_command("SUBSCRIBE", "__redis__:invalidate")
        connection.read_response()
        return connection

    def _pause(self, seconds):
        time.sleep(seconds)

    def _listen(self):
        pid, warned = os.getpid(), False
        while self.pid == pid:
            connection = None
            try:
                connection = self.connection = self._connect()
                self._set_live(True)
                warned = False
                while self.pid == pid:
                    if not connection.can_read(timeout=HEALTH_SECONDS):
                        connection.send_command("PING")
                        if not connection.can_read(timeout=HEALTH_SECONDS):
                            raise TimeoutError("Redis did not answer a PING")
                    self.reading = True
                    while True:  # everything received, including what the parser buffered
                        message = connection.read_response()
                        if isinstance(message, list) and message[0] == b"message":
                            self.forget(message[2])  # the keys changed, or None: a flush
                        if not connection.can_read(timeout=0):
                            break
                    self.reading = False
            except Exception as exc:  # noqa: BLE001 -- any failure: stop using copies, retry
                self._set_live(False)
                self.reading = False
                if not warned:
                    # An outage is logged where it matters (rate limits); a Redis that refuses
                    # tracking is news: every page then costs a round trip.
                    refused = isinstance(exc, ResponseError)
                    (log.warning if refused else log.info)(
                        "version counters read from Redis on every request until it %s: %s",
                        "allows CLIENT TRACKING" if refused else "answers again",
                        exc,
                    )
                    warned = True
                self._pause(RETRY_SECONDS)
            finally:
                if connection is not None:
                    connection.disconnect()


_mirrors = {}
_mirrors_lock = threading.Lock()


def mirror_for(url, prefix):
    """The process's one Mirror for this server and key prefix (cache objects are per thread)."""
    with _mirrors_lock:
        mirror = _mirrors.get((url, prefix))
        if mirror is None:
            mirror = _mirrors[url, prefix] = Mirror(url, prefix)
        return mirror


def _after_fork():
    global _mirrors_lock
    _mirrors_lock = threading.Lock()
    for mirror in _mirrors.values():
        mirror._reset()  # the thread and its connection stayed in the parent


os.register_at_fork(after_in_child=_after_fork)

_WRITES = (
    "set",
    "add",
    "set_many",
    "delete",
    "delete_many",
    "delete_pattern",
    "clear",
    "incr",
    "decr",
    "incr_version",
    "decr_version",
    "touch",
    "expire",
    "expire_at",
    "pexpire",
    "pexpire_at",
    "persist",
)


class RedisCounters(RedisCache):
    """django-redis, with reads of the counters served from the process's Mirror when it is up.

    The key prefix must be this store's own (settings: "<prefix>-versions"): every change
    under it is announced to every worker.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._names = {}  # (key, version) -> full key
        self._mirror = None
        if getattr(settings, "VERSION_MIRROR", True):
            url = server if isinstance(server, str) else server[0]
            self._mirror = mirror_for(url.split(",")[0], f"{self.key_prefix}:")

    def _full_key(self, key, version):
        name = self._names.get((key, version))
        if name is None:
            name = self._names[key, version] = self.make_key(key, version)
        return name

    def get_many(self, keys, version=None, client=None):
        if self._mirror is None or client is not None:
            return super().get_many(keys, version=version, client=client)
        names = {self._full_key(key, version): key for key in keys}

        def fetch(missing):
            found = super(RedisCounters, self).get_many([names[n] for n in missing], version)
            return {self._full_key(key, version): value for key, value in found.items()}

        return {names[name]: value for name, value in self._mirror.read(names, fetch).items()}

    def get(self, key, default=None, version=None, client=None):
        if self._mirror is None or client is not None:
            return super().get(key, default, version, client)
        return self.get_many([key], version).get(key, default)


def _dropping_copies(name):
    write = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        try:
            return write(self, *args, **kwargs)
        finally:
            if self._mirror is not None:
                self._mirror.forget()  # this process reads its own writes at once

    method.__name__ = name
    return method


for _name in _WRITES:
    if hasattr(RedisCache, _name):
        setattr(RedisCounters, _name, _dropping_copies(_name))
