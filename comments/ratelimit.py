"""Fixed-window rate limits on the shared cache, atomic across processes and servers.

``cache.add`` then ``cache.incr`` is atomic in Redis, so 30 simultaneous posts with a limit of 5
accept exactly 5. If the cache is down, a per-process counter keeps a limit in force.
"""

import logging
import re
import threading
import time

from django.core.cache import cache

log = logging.getLogger(__name__)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_local = {}
_local_lock = threading.Lock()
_warned = {"down": False}


def parse_rate(rate):
    """'5/10m' -> (5, 600)."""
    match = re.fullmatch(r"(\d+)/(\d*)([smhd])", rate.strip())
    if not match:
        raise ValueError(f"Bad rate {rate!r}: use e.g. 5/10m")
    count, number, unit = match.groups()
    return int(count), int(number or 1) * _UNITS[unit]


def _local_incr(key, window):
    now = time.monotonic()
    with _local_lock:
        for stale in [k for k, (_, expires) in _local.items() if expires < now]:
            del _local[stale]
        count, expires = _local.get(key, (0, now + window))
        _local[key] = (count + 1, expires)
        return count + 1


def hit(scope, key, rate):
    """Count one event; True if it is within ``rate``."""
    limit, window = parse_rate(rate)
    bucket = f"rl:{scope}:{key}:{int(time.time() // window)}"
    try:
        cache.add(bucket, 0, window + 5)
        count = cache.incr(bucket)
    except Exception:
        count = None
    if count is None:
        if not _warned["down"]:
            log.warning("cache unavailable: rate limits are per process until it returns")
            _warned["down"] = True
        count = _local_incr(bucket, window)
    else:
        _warned["down"] = False
    return count <= limit
