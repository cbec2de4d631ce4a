"""A backup taken from one site and restored onto an empty database serves the same pages."""

import re

import pytest

from . import backing_services, haven_processes

PAGES_CODE = """
import json, re
from django.test import Client
from blog.models import Post
client = Client(HTTP_HOST="127.0.0.1")
paths = ["/"] + sorted(p.get_absolute_url() for p in Post.objects.published())
pages = {}
for path in paths:
    response = client.get(path)
    pages[path] = [response.status_code, response.content.decode()]
print(json.dumps(pages))
"""
# What differs between two renders of one page: the CSRF token and the form's signed stamp.
pytestmark = pytest.mark.system
_PER_REQUEST = re.compile(r'<input type="hidden"[^>]*>|value="[A-Za-z0-9:_\-]{20,}"')


def _pages(env):
    pages = haven_processes.django_code(env, PAGES_CODE)
    return {path: [status, _PER_REQUEST.sub("", html)] for path, (status, html) in pages.items()}


def test_a_restored_backup_serves_the_same_pages_and_media(services, tmp_path, cache_prefix):
    with backing_services.database() as source_url, backing_services.database() as target_url:
        source = haven_processes.app_env(
            source_url,
            "",
            ports=[0],
            cache_prefix=cache_prefix,
            MEDIA_ROOT=tmp_path / "source-media",
            VERSION_CACHE_DIR=tmp_path / "v1",
        )
        target = {
            **source,
            "DATABASE_URL": target_url,
            "MEDIA_ROOT": str(tmp_path / "target-media"),
            "VERSION_CACHE_DIR": str(tmp_path / "v2"),
        }
        haven_processes.manage(source, "migrate", "--noinput", "-v0")
        haven_processes.manage(source, "load_demo")
        picture = tmp_path / "source-media" / "images" / "garden.png"
        picture.parent.mkdir(parents=True)
        picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
        backup = tmp_path / "haven.tar.gz"
        haven_processes.manage(source, "backup", str(backup))

        haven_processes.manage(target, "migrate", "--noinput", "-v0")
        haven_processes.manage(target, "restore", str(backup))

        before, after = _pages(source), _pages(target)
        assert len(before) >= 3 and all(status == 200 for status, _ in before.values())
        assert after == before
        restored = tmp_path / "target-media" / "images" / "garden.png"
        assert restored.read_bytes() == picture.read_bytes()
        counts = "SELECT (SELECT count(*) FROM comments_comment), (SELECT count(*) FROM blog_post)"
        assert backing_services.sql(target_url, counts) == backing_services.sql(source_url, counts)

        with pytest.raises(RuntimeError, match="restore into an empty one"):
            haven_processes.manage(target, "restore", str(backup))
