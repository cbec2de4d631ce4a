"""Version counters that make cached data unreachable the moment what it was built from changes.

A cached entry puts the current version of everything it was built from in its key. A change
bumps the version, so no old entry can be read again and nothing needs deleting. Every cache of
the site (comment trees, crisis resources, site settings, whole reader pages) uses this one
mechanism. The counters live in the "versions" cache, which every worker process shares (Redis,
or files on this machine): the entries themselves may sit in one process's memory.
"""

import logging
import threading
import time
from collections import OrderedDict

from django.core.cache import caches
from django.db import transaction

log = logging.getLogger(__name__)

VERSION_TTL = 30 * 24 * 3600


def _store():
    return caches["versions"]


class CacheVersion:
    """One named counter, e.g. ``CacheVersion("comments:tree-version:42")``."""

    def __init__(self, key, timeout=VERSION_TTL):
        self.key = key
        self.timeout = timeout

    def __repr__(self):
        return f"CacheVersion({self.key!r})"

    def get(self):
        """The current version; 0 when the cache is down (callers then skip caching)."""
        return current_versions([self])[0]

    def _start(self):
        """A lost version (evicted, expired) restarts from the clock, never from an old number."""
        version = time.time_ns()
        if not _store().add(self.key, version, self.timeout):
            version = _store().get(self.key) or version
        return version

    def bump(self):
        """Make every entry keyed by the current version unreachable.

        The new version is the clock, not an increment: two processes bumping at once (the
        file store has no atomic increment) still each write a value no reader has used.
        """
        try:
            _store().set(self.key, time.time_ns(), self.timeout)
        except Exception:
            log.warning("cache down: %s not bumped", self.key)

    def bump_now_and_on_commit(self):
        """Bump now and again once the change commits.

        The second bump stops a reader who read the old rows mid-transaction from caching them
        under the new version.
        """
        self.bump()
        transaction.on_commit(self.bump)


def current_versions(versions):
    """The current values of several versions in one cache round trip; zeros if it is down."""
    try:
        found = _store().get_many(list(dict.fromkeys(v.key for v in versions)))  # once each
        return [found.get(v.key) or v._start() for v in versions]
    except Exception:  # a cache outage must never break reading
        return [0] * len(versions)


def kept(store, name, numbers, build, timeout):
    """``build()``, kept in ``store`` under ``name`` and the version ``numbers`` it came from.

    Never kept while a version is 0: the version store is down, so nothing could retire it.
    """
    if not all(numbers):
        return build()
    key = ":".join(map(str, (name, *numbers)))
    value = store.get(key)
    if value is None:
        value = build()
        store.set(key, value, timeout)
    return value


class VersionedEntries:
    """The cache, for entries whose key holds the versions they were built from.

    Such an entry never changes (a change makes a new key), so each worker process keeps the
    most recently used ones in its own memory as well: a stored page then costs one shared
    cache read (the versions) instead of one per piece, and no unpickling.
    """

    def __init__(self, size=256):
        self.size = size
        self.local = OrderedDict()
        self.lock = threading.Lock()

    def get_many(self, keys):
        with self.lock:
            found = {key: self.local[key] for key in keys if key in self.local}
            for key in found:
                self.local.move_to_end(key)
        missing = [key for key in keys if key not in found]
        if missing:
            fetched = caches["default"].get_many(missing)
            self._keep(fetched)
            found.update(fetched)
        return found

    def get(self, key):
        return self.get_many([key]).get(key)

    def set(self, key, value, timeout):
        caches["default"].set(key, value, timeout)
        self._keep({key: value})

    def clear_local(self):
        with self.lock:
            self.local.clear()

    def _keep(self, entries):
        with self.lock:
            self.local.update(entries)
            while len(self.local) > self.size:
                self.local.popitem(last=False)


versioned = VersionedEntries()


# The site's own settings (name, footer, default support region) appear on every page and key
# several caches; the app that stores them bumps this counter on every save.
SITE_SETTINGS_VERSION = CacheVersion("blog:site-settings-version")
