"""Real servers for the system tests: PostgreSQL, Redis, gunicorn, an SMTP sink, an HTTP client.

Everything listens on 127.0.0.1 only, on a free port, is bounded in time, and is stopped in a
``finally`` by whoever started it. Only the standard library and what the venv already has.
"""

import asyncio
import glob
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from contextlib import contextmanager
from html import unescape
from http.cookies import SimpleCookie
from pathlib import Path
from subprocess import DEVNULL

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
PG_ADMIN_URL = os.environ.get("SYSTEM_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 5
SETTINGS_MODULE = "tests.system.settings"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout, interval=0.1, what="condition"):
    """Poll ``predicate`` until it is truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not met within {timeout}s")
        time.sleep(interval)


# --- PostgreSQL and Redis ------------------------------------------------------------------


def postgres_problem(admin_url=PG_ADMIN_URL):
    """None if PostgreSQL answers, else why not."""
    try:
        psycopg.connect(admin_url, connect_timeout=3).close()
    except Exception as exc:
        return f"PostgreSQL not reachable at {admin_url}: {exc}"
    return None


def redis_problem(port=REDIS_PORT):
    try:
        redis.Redis(host=REDIS_HOST, port=port, socket_timeout=2).ping()
    except Exception as exc:
        return f"Redis not reachable at {REDIS_HOST}:{port}: {exc}"
    return None


@contextmanager
def database(admin_url=PG_ADMIN_URL):
    """A new, empty database ``haven_sys_<random>``; dropped on the way out."""
    name = f"haven_sys_{secrets.token_hex(4)}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sql(database_url, query, params=()):
    """Rows of one query, on a short-lived connection of our own."""
    with psycopg.connect(database_url, autocommit=True, connect_timeout=5) as conn:
        cursor = conn.execute(query, params or None)
        return cursor.fetchall() if cursor.description else []


def redis_client(port=REDIS_PORT, db=REDIS_DB):
    return redis.Redis(host=REDIS_HOST, port=port, db=db, socket_timeout=2)


def delete_redis_prefix(prefix, port=REDIS_PORT, db=REDIS_DB):
    """Remove this test's keys only: other runs may share the Redis database."""
    client = redis_client(port, db)
    keys = list(client.scan_iter(match=f"{prefix}*", count=500))
    if keys:
        client.delete(*keys)


def _as_postgres_user():
    return {"user": "postgres", "group": "postgres"} if os.geteuid() == 0 else {}


class PrivatePostgres:
    """A throw-away PostgreSQL cluster on its own port, so a restart disturbs nobody else."""

    def __init__(self):
        self.bin = self.find_bin()
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="haven_pg_"))
        self.data = self.dir / "data"
        try:
            os.chmod(self.dir, 0o755)
            if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to postgres
                shutil.chown(self.dir, "postgres", "postgres")
            self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
        except BaseException:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise

    @staticmethod
    def find_bin():
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_version_key)
        if not found:
            raise FileNotFoundError("pg_ctl not found under /usr/lib/postgresql/*/bin")
        return Path(found[-1]).parent

    def _run(self, tool, *args, timeout=60):
        return subprocess.run(
            [self.bin / tool, *map(str, args)],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.dir,
            **_as_postgres_user(),
        )

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", self.data, "-l", self.dir / "log", "-o", options, "-w", "start")

    def stop(self):
        self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def url(self, name="postgres"):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def create_database(self, name):
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def destroy(self):
        try:
            self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", timeout=30)
        except subprocess.CalledProcessError:
            pass  # not running
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def _version_key(path):
    match = re.search(r"/postgresql/(\d+)/", path)
    return int(match.group(1)) if match else 0


class PrivateRedis:
    """A Redis of our own on a free port, to stop and start without touching the shared one."""

    def __init__(self):
        self.port = free_port()
        self.proc = None

    def start(self):
        options = f"--port {self.port} --bind 127.0.0.1 --appendonly no".split()
        self.proc = subprocess.Popen(
            ["redis-server", *options, "--save", ""], stdout=DEVNULL, stderr=DEVNULL
        )
        wait_until(lambda: redis_problem(self.port) is None, 10, what="redis up")

    def stop(self):
        """``shutdown nosave`` as an operator would, then make sure the process is gone."""
        if self.proc is None:
            return
        command = ["redis-cli", "-p", str(self.port), "shutdown", "nosave"]
        subprocess.run(command, capture_output=True, timeout=10)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None

    def url(self, db=0):
        return f"redis://127.0.0.1:{self.port}/{db}"


# --- Django management commands and gunicorn ------------------------------------------------


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


class Gunicorn:
    """``gunicorn config.wsgi`` on a free 127.0.0.1 port, in its own process group."""

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
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=10)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            with _ignored(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def __enter__(self):
        return self.start()

    def __exit__(self, exc_type, *exc):
        self.stop()
        if exc_type is not None:  # shown with the failing test's output
            print(f"--- last lines of {self.name}'s log ---\n{self.log()[-3000:]}")
        self.log_path.unlink(missing_ok=True)


@contextmanager
def _ignored(*exceptions):
    try:
        yield
    except exceptions:
        pass


# --- HTTP client ------------------------------------------------------------------------------


class Response:
    def __init__(self, status, headers, text):
        self.status = status
        self.headers = headers
        self.text = text

    @property
    def location(self):
        return self.headers.get("Location", "")

    def __repr__(self):
        return f"<Response {self.status}>"


class Client:
    """A browser-like client over http.client: cookies kept (Secure ignored: plain http on
    127.0.0.1), Origin and Referer sent with posts. One jar can be shared across servers."""

    def __init__(self, base_url, *, jar=None, timeout=30):
        self.base_url = base_url.rstrip("/")
        parts = urllib.parse.urlsplit(self.base_url)
        self.host, self.port = parts.hostname, parts.port
        assert self.host == "127.0.0.1", "system tests talk to 127.0.0.1 only"
        self.jar = jar if jar is not None else {}
        self.timeout = timeout

    def at(self, base_url):
        """The same browser (same cookies) talking to another server."""
        return Client(base_url, jar=self.jar, timeout=self.timeout)

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        sent = {"User-Agent": "haven-system-test", **(headers or {})}
        if self.jar:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.jar.items())
        try:
            conn.request(method, path, body=body, headers=sent)
            raw = conn.getresponse()
            text = raw.read().decode("utf-8", errors="replace")
            self._keep_cookies(raw.headers.get_all("Set-Cookie") or [])
            return Response(raw.status, raw.headers, text)
        finally:
            conn.close()

    def _keep_cookies(self, values):
        for value in values:
            cookie = SimpleCookie()
            cookie.load(value)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.jar.pop(name, None)
                else:
                    self.jar[name] = morsel.value

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        body = urllib.parse.urlencode(data, doseq=True)
        return self.request(
            "POST",
            path,
            body=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.base_url,
                "Referer": self.base_url + path,
            },
        )

    def comment_form(self, post_url, **fields):
        """GET the post and fill in its comment form (CSRF token and signed timestamp)."""
        page = self.get(post_url)
        assert page.status == 200, f"post page answered {page.status}"
        return {
            "csrfmiddlewaretoken": input_value(page.text, "csrfmiddlewaretoken"),
            "security": input_value(page.text, "security"),
            "name": "Reader",
            "email": "",
            "url": "",
            "parent": "",
            "honeypot": "",
            **fields,
        }

    def login(self, username, password="correct horse battery staple"):
        page = self.get("/accounts/login/")
        response = self.post(
            "/accounts/login/",
            {
                "csrfmiddlewaretoken": input_value(page.text, "csrfmiddlewaretoken"),
                "username": username,
                "password": password,
            },
        )
        assert response.status == 302, f"log-in answered {response.status}"
        return response


def input_value(html, name):
    """The value of the first ``<input name=...>`` in ``html``."""
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', html)
    if tag is None:
        raise AssertionError(f"no input named {name!r} in the page")
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return unescape(value.group(1)) if value else ""


def form_fields(html, action):
    """The hidden inputs and textareas of the form posting to ``action``, as a browser sends."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.S).group(0)
    fields = {
        name: unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
    }
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        fields[name] = unescape(text)
    return fields


def textarea_text(html, name="body"):
    match = re.search(
        rf'<textarea[^>]*\bname="{re.escape(name)}"[^>]*>(.*?)</textarea>', html, re.S
    )
    return unescape(match.group(1)).strip() if match else None


def count_line(html):
    """The number in the post page's "N comments on ..." heading (0 for "No comments yet")."""
    match = re.search(r'class="count-line">\s*(?:(\d+) comments?|No comments)', html)
    assert match, "no count line on the page"
    return int(match.group(1) or 0)


# --- SMTP sink ---------------------------------------------------------------------------------


class SmtpSink:
    """A minimal SMTP server that stores what it receives (aiosmtpd is not a dependency)."""

    def __init__(self, port):
        self.port = port
        self.messages = []
        self._loop = None
        self._server = None
        self._thread = None

    def start(self):
        ready = threading.Event()

        def run():
            self._loop = asyncio.new_event_loop()
            self._server = self._loop.run_until_complete(
                asyncio.start_server(self._session, "127.0.0.1", self.port)
            )
            ready.set()
            self._loop.run_forever()
            self._server.close()
            self._loop.run_until_complete(self._server.wait_closed())
            self._loop.close()

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise TimeoutError("SMTP sink did not start")
        return self

    def stop(self):
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop = None

    async def _session(self, reader, writer):
        def say(line):
            writer.write(line.encode() + b"\r\n")

        say("220 haven-test-sink ESMTP")
        recipients = []
        try:
            while True:
                line = (await asyncio.wait_for(reader.readline(), 30)).decode(errors="replace")
                if not line:
                    break
                verb = line[:4].upper()
                if verb in ("EHLO", "HELO"):
                    say("250 haven-test-sink")
                elif verb == "MAIL":
                    recipients = []
                    say("250 OK")
                elif verb == "RCPT":
                    recipients.append(line[8:].strip())
                    say("250 OK")
                elif verb == "DATA":
                    say("354 End data with <CR><LF>.<CR><LF>")
                    self.messages.append({"to": recipients, "data": await self._data(reader)})
                    say("250 OK: queued")
                elif verb == "QUIT":
                    say("221 Bye")
                    break
                else:  # RSET, NOOP and anything else
                    say("250 OK")
                await writer.drain()
        finally:
            await writer.drain()
            writer.close()

    @staticmethod
    async def _data(reader):
        lines = []
        while True:
            line = (await reader.readline()).decode(errors="replace")
            if line in (".\r\n", ".\n", ""):
                return "".join(lines)
            lines.append(line[1:] if line.startswith("..") else line)
