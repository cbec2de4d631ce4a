"""The version counters' store without Redis: one small file per counter, shared by every worker.

Django's FileBasedCache reads an entry as two pickles, one of them compressed, after checking
the key character by character; a stored page reads four counters per request. A counter is
one int, so here a file holds two numbers as text, "<expiry> <value>" (no pickle to trust), read
with one os.open() and one os.read() (no buffered file object), its path worked out once per
key and process. Writes still go through a temporary file and a rename, so a reader never sees
half a file. Integers only: anything else is refused.
"""

import os
import time
from hashlib import md5

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class CounterFiles(FileBasedCache):
    cache_suffix = ".counter"

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._paths = {}  # (key, version) -> file: a site has a few counters per post

    def _key_to_file(self, key, version=None):
        path = self._paths.get((key, version))
        if path is None:
            # Our own keys (pagecache.versions.CacheVersion): no need to validate each character.
            name = md5(self.make_key(key, version).encode(), usedforsecurity=False).hexdigest()
            path = self._paths[key, version] = os.path.join(self._dir, name + self.cache_suffix)
        return path

    def _read(self, fname):
        """(expiry, value), or None when missing, unreadable or expired (then it is deleted)."""
        try:
            fd = os.open(fname, os.O_RDONLY)
        except FileNotFoundError:
            return None
        try:
            expiry, value = os.read(fd, 64).split()  # "<expiry> <value>": about 40 bytes
            expiry, value = (float(expiry) if expiry != b"-" else None), int(value)
        except ValueError:  # empty, or another format
            return None
        finally:
            os.close(fd)
        if expiry is not None and expiry < time.time():
            self._delete(fname)
            return None
        return expiry, value

    def get(self, key, default=None, version=None):
        found = self._read(self._key_to_file(key, version))
        return default if found is None else found[1]

    def has_key(self, key, version=None):
        return self._read(self._key_to_file(key, version)) is not None

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        found = self._read(self._key_to_file(key, version))
        if found is None:
            return False
        self.set(key, found[1], timeout, version)
        return True

    def _write_content(self, file, timeout, value):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"CounterFiles keeps integers only, not {type(value).__name__}")
        expiry = self.get_backend_timeout(timeout)
        file.write(f"{'-' if expiry is None else repr(expiry)} {value}".encode())
