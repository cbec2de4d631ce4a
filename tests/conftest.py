"""Shared fixtures. Test settings: fast hasher, in-memory email, per-test cache."""

import os
from pathlib import Path

import pytest
from django.core.cache import caches

from .factories import CommentFactory, ModeratorFactory, PostFactory

SHARED_TESTDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata"


def shared_testdata(*parts):
    """A file from ../shared/testdata, or a skip (a failure under CI) when it is absent."""
    path = SHARED_TESTDATA.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the shared test data: {path} is missing")
        pytest.skip(f"shared test data not present at {path} (only in the team's workspace)")
    return path


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.COMMENTS_MIN_SECONDS = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.AXES_ENABLED = True


@pytest.fixture(autouse=True)
def _seed_data(request):
    """Data migrations' rows, back after a transactional test flushed every table."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db"} & set(request.fixturenames):
        return
    request.getfixturevalue("_django_db_helper")
    from django.apps import apps
    from django.contrib.auth.models import Group

    from support.models import CrisisResource

    if not Group.objects.filter(name="Moderators").exists():
        _run_migration_function("0002_moderators_group", "create_group", apps)
    if not CrisisResource.objects.exists():
        _run_migration_function("0003_seed_crisis_resources", "seed", _TodaysApps(apps))
        for module in SUPPORT_SEEDS:
            _run_migration_function(module, "seed", apps, app="support")


class _TodaysApps:
    """The app registry as a data migration from before CrisisResource moved sees it."""

    def __init__(self, apps):
        self.apps = apps

    def get_model(self, app_label, model_name):
        if model_name.lower() == "crisisresource":
            app_label = "support"
        return self.apps.get_model(app_label, model_name)

    def __getattr__(self, name):
        return getattr(self.apps, name)


SUPPORT_SEEDS = ("0003_seed_resources_beyond_english", "0004_seed_helping_someone_resources")


def _run_migration_function(module, function, apps, app="comments"):
    from importlib import import_module

    getattr(import_module(f"{app}.migrations.{module}"), function)(apps, None)


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """Compile the catalogues when a .po is newer than its .mo, as `make` does, so that running
    pytest directly tests the translations people would see (needs gettext's msgfmt)."""
    from django.conf import settings
    from django.core.management import call_command

    catalogues = Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po")
    stale = [
        po
        for po in catalogues
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        call_command("compilemessages", ignore_patterns=[".venv"], verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _own_version_files(tmp_path_factory):
    """Without Redis the cache versions are files: this run's own, never `make run`'s."""
    from django.conf import settings
    from django.test.utils import override_settings

    versions = settings.CACHES["versions"]
    if versions["BACKEND"] != "pagecache.counters.CounterFiles":
        yield
        return
    location = str(tmp_path_factory.mktemp("cache-versions"))
    with override_settings(
        CACHES={**settings.CACHES, "versions": {**versions, "LOCATION": location}}
    ):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    from pagecache.versions import versioned

    for alias in ("default", "versions"):
        caches[alias].clear()
    versioned.clear_local()
    yield
    for alias in ("default", "versions"):
        caches[alias].clear()
    versioned.clear_local()


@pytest.fixture
def post(db):
    return PostFactory()


@pytest.fixture
def comment(post):
    return CommentFactory(post=post)


@pytest.fixture
def moderator(db):
    return ModeratorFactory()


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def comment_data(post, **fields):
    """Form data as a browser would send it, with a form signed ten seconds ago."""
    import time

    from comments.forms import sign_form

    data = {
        "name": "Sam",
        "email": "",
        "url": "",
        "body": "Thank you for writing this; it helped me today.",
        "security": sign_form(post.pk, now=time.time() - 10),
        "honeypot": "",
        "parent": "",
    }
    data.update({k: v for k, v in fields.items()})
    return data


@pytest.fixture
def send_comment(client):
    """POST a comment through the real form endpoint; returns the response."""
    from django.urls import reverse

    def send(post, via=None, **fields):
        return (via or client).post(
            reverse("comments:post", args=[post.pk]), comment_data(post, **fields)
        )

    return send
