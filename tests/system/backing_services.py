"""The services Haven talks to in the system tests: PostgreSQL, Redis and an SMTP sink.

The shared PostgreSQL and Redis give each test its own database and key prefix; private
instances on their own ports can be stopped and restarted without disturbing anyone else.
Everything listens on 127.0.0.1 only, on a free port, is bounded in time, and is stopped in a
``finally`` by whoever started it. Only the standard library and what the venv already has.
"""

import asyncio
import glob
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from subprocess import DEVNULL

import psycopg
import redis

PG_ADMIN_URL = os.environ.get("SYSTEM_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 5


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


# --- SMTP sink ---------------------------------------------------------------------------------


class SmtpSink:
    """A minimal SMTP server that stores what it receives (aiosmtpd is not a dependency).

    Each message is kept with ``accepted_at`` (``time.monotonic()`` when it answered 250 to
    the data). ``delay`` seconds before that answer make a send take as long as a slow relay's.
    """

    def __init__(self, port=None, *, delay=0):
        self.port = port or free_port()
        self.delay = delay
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
                    await writer.drain()
                    data = await self._data(reader)
                    await asyncio.sleep(self.delay)
                    say("250 OK: queued")
                    self.messages.append(
                        {"to": recipients, "data": data, "accepted_at": time.monotonic()}
                    )
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


class SmtpBlackHole:
    """An SMTP server that accepts connections and never says a word (a hung relay)."""

    def __init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._listener.settimeout(0.2)
        self._held = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while not self._stopping.is_set():
            try:
                self._held.append(self._listener.accept()[0])
            except TimeoutError:
                continue

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stopping.set()
        self._thread.join(10)
        self._listener.close()
        for conn in self._held:
            conn.close()

    @property
    def connections(self):
        return len(self._held)
