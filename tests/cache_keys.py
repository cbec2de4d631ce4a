"""Every key the test run's caches hold, whatever the backend (for "nothing was stored")."""

from django.core.cache import caches

from pagecache.versions import versioned


def cache_entries(alias="default"):
    """{key: value} of the cache ``alias``: local memory or Redis (django-redis)."""
    cache = caches[alias]
    if hasattr(cache, "_cache") and isinstance(cache._cache, dict):  # LocMemCache
        return {key: cache.get(key.split(":", 2)[-1]) for key in list(cache._cache)}
    if hasattr(cache, "keys"):  # django-redis
        keys = cache.keys("*")
        return dict(zip(keys, cache.get_many(keys).values(), strict=False)) if keys else {}
    if hasattr(cache, "_list_cache_files"):  # FileBasedCache: keys are hashed
        return {path: None for path in cache._list_cache_files()}
    raise AssertionError(f"cannot list the keys of {type(cache).__name__}")


def all_keys():
    """Keys of the shared cache and of this process's copy of versioned entries."""
    return set(cache_entries()) | {f"local:{key}" for key in versioned.local}
