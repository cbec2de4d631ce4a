"""Haven itself in the system tests: its environment, ``manage.py`` and gunicorn.

Processes run with production-like settings (tests.system.settings), on 127.0.0.1 only, and
are stopped by whoever started them.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .backing_services import free_port, wait_until
from .http_client import Client

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
SETTINGS_MODULE = "tests.system.settings"


def app_env(database_url, redis_url, *, ports, cache_prefix, **overrides):
    """The environment of a production-like Haven process (gunicorn or manage.py)."""
    origins = ",".join(f"http://127.0.0.1:{port}" for port in ports)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "DJANGO_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(45)[:60],
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "WHITENOISE_USE_FINDERS": "true",
        "SITE_URL": f"http://127.0.0.1:{ports[0]}",
        "CSRF_TRUSTED_ORIGINS": origins,
        "COMMENTS_MIN_SECONDS": "0",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CACHE_PREFIX": cache_prefix,
        "EMAIL_URL": "dummymail://",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *args, timeout=120):
    """Run ``manage.py`` with ``env``; the completed process (raises on a non-zero exit)."""
    command = [sys.executable, "manage.py", *args]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def django_code(env, code, timeout=120):
    """Run Python inside Django (``manage.py shell -c``); its last stdout line, parsed as JSON."""
    out = manage(env, "shell", "-c", code, timeout=timeout).stdout.strip().splitlines()
    return json.loads(out[-1])


SEED_CODE = """
import json
from datetime import timedelta
from django.utils import timezone
from blog.models import Post
from tests.factories import ModeratorFactory, UserFactory
author = UserFactory(username="author")
ModeratorFactory(username="moderator", email="")
post = Post.objects.create(
    title="A place to put it down", slug="a-place-to-put-it-down", author=author,
    body="<p>Write what you need to.</p>", status=Post.Status.PUBLISHED,
    published_at=timezone.now() - timedelta(days=1),
)
print(json.dumps({"post_id": post.pk, "url": post.get_absolute_url()}))
"""


def migrate_and_seed(env):
    """Migrate a fresh database and add one published post and a moderator (no email)."""
    manage(env, "migrate", "--noinput", "-v0")
    return django_code(env, SEED_CODE)


ADD_MODERATOR = """
import json
from tests.factories import ModeratorFactory
print(json.dumps(ModeratorFactory(username="alerts", email="alerts@example.org").pk))
"""


def add_alerted_moderator(env):
    """A second moderator, who gets alert emails at alerts@example.org; their id."""
    return django_code(env, ADD_MODERATOR)


class Gunicorn:
    """``gunicorn config.wsgi`` with the shipped deploy/gunicorn.conf.py (its hooks too), on a free
    127.0.0.1 port, in its own process group."""

    def __init__(self, env, *, port=None, workers=2, threads=1, name="app"):
        self.env = env
        self.port = port or free_port()
        self.workers = workers
        self.threads = threads
        self.name = name
        self.proc = None
        self.log_path = Path(tempfile.mkstemp(prefix=f"haven_{name}_", suffix=".log")[1])

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=40):
        options = (
            "--config deploy/gunicorn.conf.py "
            f"--bind 127.0.0.1:{self.port} --workers {self.workers} --threads {self.threads} "
            "--timeout 30 --graceful-timeout 3 --no-control-socket"  # no shared ~/.gunicorn
        ).split()
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [VENV_BIN / "gunicorn", "config.wsgi", *options],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # stop() signals the whole process group
            )
        try:
            wait_until(self._healthy, timeout, interval=0.2, what=f"{self.name} /healthz")
        except BaseException:
            self.stop()
            raise
        return self

    def _healthy(self):
        if self.proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited early:\n{self.log()}")
        try:
            return Client(self.url, timeout=2).get("/healthz").status == 200
        except OSError:
            return False

    def worker_pids(self):
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def log(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        _stop_group(self.proc)

    def __enter__(self):
        return self.start()

    def __exit__(self, exc_type, *exc):
        self.stop()
        if exc_type is not None:  # shown with the failing test's output
            print(f"--- last lines of {self.name}'s log ---\n{self.log()[-3000:]}")
        self.log_path.unlink(missing_ok=True)


class TaskWorker:
    """``manage.py db_worker`` as deploy/systemd/haven-worker.service runs it (1 s polling).

    It has no port to poll: it is running once the process lives, and tasks wait in the
    database until it takes them.
    """

    def __init__(self, env, *, name="worker"):
        self.env = env
        self.name = name
        self.proc = None
        self.log_path = Path(tempfile.mkstemp(prefix=f"haven_{name}_", suffix=".log")[1])

    def start(self):
        command = [sys.executable, "manage.py", "db_worker", "--worker-id", self.name]
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def log(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        _stop_group(self.proc)

    __enter__ = start
    __exit__ = Gunicorn.__exit__


def _stop_group(proc):
    """SIGTERM the process group (a graceful stop), SIGKILL if it lingers."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        with _ignored(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@contextmanager
def _ignored(*exceptions):
    try:
        yield
    except exceptions:
        pass
