"""Fixtures for the system tests: real PostgreSQL, Redis and gunicorn, each test on its own data.

PostgreSQL and Redis must answer. When one does not, the tests skip and say why, except under
CI (the ``CI`` variable is set), where they fail: CI starts both services and must run these.
Each test gets a new database ``haven_sys_<random>`` (migrated by ``manage.py migrate`` in a
subprocess, dropped afterwards) and its own key prefix in Redis database 5 (deleted afterwards),
so nothing here touches the databases of the rest of the suite.
"""

import os
import secrets
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from . import backing_services, haven_processes
from .backing_services import REDIS_DB, REDIS_HOST, REDIS_PORT
from .http_client import Client

SHARED_REDIS_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"
_FIGURES = []


def require(problem):
    """Skip with ``problem`` as the reason, or fail under CI."""
    if not problem:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI runs the system tests, but: {problem}")
    pytest.skip(problem)


@pytest.fixture(scope="session")
def services():
    require(backing_services.postgres_problem())
    require(backing_services.redis_problem())


@pytest.fixture(scope="session")
def service_binaries(services):
    """What the fault tests need to run private PostgreSQL and Redis instances."""
    try:
        backing_services.PrivatePostgres.find_bin()
    except FileNotFoundError as exc:
        require(str(exc))
    for tool in ("redis-server", "redis-cli"):
        require(None if shutil.which(tool) else f"{tool} is not installed")


class Site:
    """One Haven deployment under test: its database, cache prefix, settings and post."""

    def __init__(self, database_url, redis_url, cache_prefix, *, servers_count=1, **settings):
        self.database_url = database_url
        self.ports = [backing_services.free_port() for _ in range(servers_count)]
        self.env = haven_processes.app_env(
            database_url, redis_url, ports=self.ports, cache_prefix=cache_prefix, **settings
        )
        seed = haven_processes.migrate_and_seed(self.env)
        self.post_id = seed["post_id"]
        self.post_url = seed["url"]
        self.comment_path = f"/comments/post/{self.post_id}/"

    def gunicorn(self, index=0, **options):
        return haven_processes.Gunicorn(
            self.env, port=self.ports[index], name=f"app{index}", **options
        )

    def sql(self, query, params=()):
        return backing_services.sql(self.database_url, query, params)

    def bodies(self):
        """{body: number of rows with it}."""
        return dict(self.sql("SELECT body, count(*) FROM comments_comment GROUP BY body"))

    def half_written(self):
        """Comments without their submission event or thread root: none may exist."""
        return self.sql(
            "SELECT c.id FROM comments_comment c WHERE c.root_id IS NULL OR NOT EXISTS "
            "(SELECT 1 FROM comments_moderationevent e "
            "WHERE e.comment_ref = c.id AND e.action = 'submit')"
        )


@pytest.fixture
def cache_prefix(services):
    prefix = f"haven_sys_{secrets.token_hex(4)}"
    yield prefix
    backing_services.delete_redis_prefix(prefix)


@pytest.fixture
def make_site(services, cache_prefix):
    """``make_site(**settings)``: a migrated database of its own, Redis db 5, one post."""
    made = []

    def make(*, database_url=None, redis_url=SHARED_REDIS_URL, servers_count=1, **settings):
        if database_url is None:
            context = backing_services.database()
            database_url = context.__enter__()
            made.append(context)
        return Site(database_url, redis_url, cache_prefix, servers_count=servers_count, **settings)

    yield make
    for context in reversed(made):
        context.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _fresh_connections_afterwards():
    """Services may restart here: the suite's own connections start afresh after each test."""
    yield
    connections.close_all()


@pytest.fixture
def figures(request):
    """``figures(**numbers)``: print a scenario's measured figures and list them at the end."""

    def report(**numbers):
        line = f"{request.node.name}: " + ", ".join(f"{k}={v}" for k, v in numbers.items())
        print(line)
        _FIGURES.append(line)

    return report


def simultaneous_posts(app, site, count=30, name="Hurried"):
    """One writer (one address, one set of cookies) sends ``count`` comments at the same moment,
    inside one rate-limit window; [(body, Response)] in sending order."""
    browser = Client(app.url)
    form = browser.comment_form(site.post_url, name=name)
    bodies = [f"Simultaneous note {n:02d} {secrets.token_hex(3)}" for n in range(count)]
    barrier = threading.Barrier(count, timeout=30)
    clear_of_window_edge(600)

    def send(body):
        client = Client(app.url, jar=browser.jar)
        barrier.wait()
        return body, client.post(site.comment_path, {**form, "body": body})

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(send, bodies, timeout=120))


def clear_of_window_edge(window_seconds, margin=20):
    """Rate limits count in fixed windows: start a scenario well inside one."""
    left = window_seconds - time.time() % window_seconds
    if left < margin:
        time.sleep(left + 0.5)


def pytest_terminal_summary(terminalreporter):
    if _FIGURES:
        terminalreporter.section("system test figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)
