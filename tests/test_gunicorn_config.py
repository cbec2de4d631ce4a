"""deploy/gunicorn.conf.py: what every production worker does before its first request."""

import runpy
from pathlib import Path

from django.conf import settings

from support.detection import language

CONFIG = Path(settings.BASE_DIR, "deploy", "gunicorn.conf.py")


def test_each_worker_loads_the_language_model_before_taking_requests():
    language._identifier.cache_clear()
    hooks = runpy.run_path(str(CONFIG))
    hooks["post_worker_init"](worker=None)
    assert language._identifier.cache_info().currsize == 1


def test_the_config_reads_its_worker_count_from_web_concurrency(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    assert runpy.run_path(str(CONFIG))["workers"] == 5
