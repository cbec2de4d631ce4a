"""gunicorn settings shared by the container, the systemd units and `make serve`.

Request limits match Haven's own (a comment is at most 256 KB of form data); the proxy in front
refuses bigger bodies first (deploy/nginx: client_max_body_size).
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Behind nginx on the same host or network: the proxy's X-Forwarded-* headers are trusted by
# Haven's TRUSTED_PROXIES setting, not by gunicorn.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("ACCESS_LOG") else None


def post_worker_init(worker):
    """Load the crisis detector's language model (about 3 s) before the worker takes requests,
    so the first crisis comment after a restart is answered as fast as the rest."""
    from support.detection import assess

    for text in ("I am fine", "estoy bien", "je vais bien", "mir geht es gut", "estou bem"):
        assess(text)
