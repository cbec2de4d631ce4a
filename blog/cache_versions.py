"""Version counters that make cached data unreachable the moment what it was built from changes.

A cached entry puts the current version of everything it was built from in its key. A change
bumps the version, so no old entry can be read again and nothing needs deleting. Every cache of
the site (comment trees, crisis resources, site settings, whole reader pages) uses this one
mechanism. The counters live in the "versions" cache, which every worker process shares (Redis,
or files on this machine): the entries themselves may sit in one process's memory.
"""

import logging
import time

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
        found = _store().get_many([v.key for v in versions])
        return [found.get(v.key) or v._start() for v in versions]
    except Exception:  # a cache outage must never break reading
        return [0] * len(versions)
