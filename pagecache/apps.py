from django.apps import AppConfig


class PagecacheConfig(AppConfig):
    """Stored reader pages and the version counters that retire them. No models."""

    name = "pagecache"
