"""Faults: PostgreSQL restarted under load, Redis stopped, a worker killed, SMTP down.

PostgreSQL and Redis are stopped and started as private instances on their own ports
(backing_services.PrivatePostgres / PrivateRedis), so a restart here never cuts off the rest
of the suite or anyone else's tests; they are always started again, and removed, in a
``finally``.
"""

import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import psycopg
import pytest

from .backing_services import (
    PrivatePostgres,
    PrivateRedis,
    SmtpSink,
    free_port,
    redis_client,
    wait_until,
)
from .conftest import clear_of_window_edge
from .haven_processes import ROOT, add_alerted_moderator, manage
from .http_client import Client, count_line, form_fields, page_text, textarea_text

pytestmark = pytest.mark.system
CALM_TITLE = "We can&#x27;t save or show this right now"


@pytest.fixture
def private_postgres(service_binaries):
    pg = PrivatePostgres()
    try:
        pg.start()
        yield pg
    finally:
        pg.destroy()


@pytest.fixture
def private_redis(service_binaries):
    redis = PrivateRedis()
    try:
        redis.start()
        yield redis
    finally:
        redis.stop()


class Load:
    """Readers and writers hitting one server until stopped; every answer timed and kept."""

    def __init__(self, client_factory, site, *, readers=4, writers=2):
        self.site = site
        self.results = []
        self.stop = threading.Event()
        self.writers = []
        self.threads = [
            threading.Thread(target=self._read, args=(client_factory(),)) for _ in range(readers)
        ]
        for n in range(writers):
            client = client_factory()
            form = client.comment_form(site.post_url, name=f"Load writer {n}")
            self.writers.append(client)
            self.threads.append(threading.Thread(target=self._write, args=(client, form, n)))

    def _record(self, kind, started, outcome, body=None, writer=None):
        timing = {"t0": started, "t1": time.monotonic()}
        self.results.append({"kind": kind, "body": body, "writer": writer, **timing, **outcome})

    def _read(self, client):
        while not self.stop.is_set():
            started = time.monotonic()
            self._record("read", started, _outcome(lambda: client.get(self.site.post_url)))
            time.sleep(0.02)

    def _write(self, client, form, n):
        count = 0
        while not self.stop.is_set():
            count += 1
            body = f"Under load {n}-{count} {secrets.token_hex(3)}: please keep these words."
            started = time.monotonic()
            outcome = _outcome(
                lambda b=body: client.post(self.site.comment_path, {**form, "body": b})
            )
            self._record("write", started, outcome, body, writer=n)
            time.sleep(0.05)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(40)


def _outcome(call):
    try:
        response = call()
    except OSError as exc:
        return {"status": type(exc).__name__, "text": ""}
    return {"status": response.status, "text": response.text}


def test_postgresql_restart_under_load_answers_writes_503_keeps_text_and_recovers(
    private_postgres, make_site, figures
):
    database_url = private_postgres.create_database("haven")
    site = make_site(
        database_url=database_url, COMMENTS_RATE="100000/1m", COMMENTS_MODERATION="none"
    )
    with site.gunicorn(workers=2) as app:
        with Load(lambda: Client(app.url), site) as load:
            time.sleep(1.5)
            try:
                down = time.monotonic()
                private_postgres.stop()
                stopped = time.monotonic()
                time.sleep(3)
            finally:
                restarting = time.monotonic()
                private_postgres.start()
            up = time.monotonic()
            wait_until(lambda: _both_succeed_since(load.results, up), 30, what="site back")
            time.sleep(1)
        # A writer who got the 503 page presses "Send my comment again" on it.
        kept = next(r for r in load.results if r["status"] == 503 and r["kind"] == "write")
        resent = load.writers[kept["writer"]].post(
            site.comment_path, form_fields(kept["text"], site.comment_path)
        )
    results = load.results
    statuses = Counter(r["status"] for r in results)
    during = [r for r in results if r["t0"] >= stopped and r["t1"] <= restarting]
    after = [r for r in results if r["t0"] >= up]
    recovered_at = min(r["t1"] for r in after if r["status"] in (200, 302))
    writes_503 = [r for r in during if r["kind"] == "write"]
    stored = site.bodies()
    figures(
        requests=len(results),
        statuses=dict(statuses),
        unexpected_5xx=sum(n for s, n in statuses.items() if s not in (200, 302, 503)),
        during_outage=len(during),
        reads_served_during_outage=sum(1 for r in during if r["status"] == 200),
        outage_seconds=round(restarting - down, 1),
        recovery_seconds=round(recovered_at - up, 2),
        failures_after_restart=sum(1 for r in after if r["status"] not in (200, 302)),
        rows_stored=sum(stored.values()),
        writes_503_stored=sum(stored.get(r["body"], 0) for r in writes_503),
        resent_from_503_page=resent.status,
    )
    assert set(statuses) <= {200, 302, 503}, "no 500, no dropped connection"
    assert during and writes_503 and all(r["status"] == 503 for r in writes_503)
    # A stored page (pagecache.pages) needs no database: readers may go on reading it.
    assert all(r["status"] in (200, 503) for r in during if r["kind"] == "read")
    for r in during:
        assert "Traceback" not in r["text"]
        assert CALM_TITLE in r["text"] if r["status"] == 503 else "</article>" in r["text"]
    for r in writes_503:
        assert textarea_text(r["text"]) == r["body"], "the writer's text is handed back"
    # A 503 says "not saved": true for every one, also at the edges of the outage (a comment
    # saved just before the database went must not be answered with an error). The one sent
    # again from its 503 page below is stored by that second send.
    saved_but_503 = [
        r
        for r in results
        if r["status"] == 503 and r["body"] != kept["body"] and stored.get(r["body"], 0)
    ]
    assert saved_but_503 == []
    assert all(r["status"] in (200, 302) for r in after), "no stale connection after restart"
    for r in results:
        if r["kind"] == "write" and r["status"] == 302:
            assert stored.get(r["body"]) == 1, "every accepted comment stored exactly once"
    # A 503 means not stored: sent again, it is taken (a "duplicate" 400 would mean a 503 was
    # given for a comment that had in fact been saved).
    assert resent.status == 302, page_text(resent.text)[-2000:]
    assert site.bodies()[kept["body"]] == 1
    assert site.half_written() == []


def _both_succeed_since(results, since):
    ok = {r["kind"] for r in results if r["t0"] >= since and r["status"] in (200, 302)}
    return ok == {"read", "write"}


def test_redis_stopped_reading_and_posting_continue_and_redis_is_used_again(
    private_redis, make_site, figures
):
    workers, limit = 2, 3
    site = make_site(redis_url=private_redis.url(5), COMMENTS_RATE=f"{limit}/10m")
    cache = redis_client(private_redis.port, 5)
    with site.gunicorn(workers=workers) as app:
        clear_of_window_edge(600)
        writer = Client(app.url)
        form = writer.comment_form(site.post_url, name="Steady")
        assert writer.post(site.comment_path, {**form, "body": "Before the outage"}).status == 302
        assert any(b"rl:comment" in key for key in cache.keys("*"))
        log_before = app.log()
        try:
            private_redis.stop()
            reads = [Client(app.url).get(site.post_url) for _ in range(10)]
            posts = [
                writer.post(site.comment_path, {**form, "body": f"During the outage {n}"})
                for n in range(10)
            ]
            outage_log = app.log()[len(log_before) :]
        finally:
            private_redis.start()
        cache.flushdb()  # a restarted Redis is empty: anything written now is new use
        started = time.monotonic()
        used_again = wait_until(
            lambda: Client(app.url).get(site.post_url).status == 200 and cache.keys("*"),
            10,
            what="the site writes to Redis again",
        )
        reuse_seconds = time.monotonic() - started
        after = writer.post(site.comment_path, {**form, "body": "After the outage"})

    post_statuses = Counter(r.status for r in posts)
    fallback_logs = outage_log.count("rate limits count in the database")
    cache_lines = [line for line in outage_log.splitlines() if re.search("cache|redis", line, re.I)]
    figures(
        reads=len(reads),
        read_statuses=dict(Counter(r.status for r in reads)),
        posts=len(posts),
        post_statuses=dict(post_statuses),
        fallback_warnings=fallback_logs,
        cache_log_lines=len(cache_lines),
        redis_reused_seconds=round(reuse_seconds, 2),
        keys_after_return=len(used_again),
    )
    assert all(r.status == 200 and count_line(r.text) == 0 for r in reads)
    assert set(post_statuses) <= {302, 429}, "posting keeps working, no 5xx"
    assert post_statuses[302] == limit, "the database keeps one limit for every worker"
    assert 1 <= fallback_logs <= workers, "logged once per process, not per request"
    assert len(cache_lines) == fallback_logs, "nothing else about the cache, per request"
    assert after.status == 302
    assert any(b"rl:comment" in key for key in cache.keys("*")), "the shared limit is back"


def _waiting_insert(site):
    """Backends of this site blocked on a lock while inserting the comment's first event."""
    rows = site.sql(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO \"comments_moderationevent\"%'"
    )
    return [pid for (pid,) in rows]


def test_worker_killed_mid_request_leaves_no_partial_comment(make_site, figures):
    site = make_site(COMMENTS_RATE="1000/1m")
    body = f"Killed mid-write {secrets.token_hex(3)}: this must be all or nothing."
    with site.gunicorn(workers=1) as app:
        client = Client(app.url, timeout=60)
        form = client.comment_form(site.post_url, name="Interrupted")
        blocker = psycopg.connect(site.database_url)
        outcome = {}
        try:
            # The comment row is inserted, then its ModerationEvent insert waits on this lock.
            blocker.execute("LOCK TABLE comments_moderationevent IN EXCLUSIVE MODE")
            sender = threading.Thread(
                target=lambda: outcome.update(
                    _outcome(lambda: client.post(site.comment_path, {**form, "body": body}))
                )
            )
            sender.start()
            (backend,) = wait_until(lambda: _waiting_insert(site), 20)
            (worker,) = app.worker_pids()
            os.kill(worker, signal.SIGKILL)
            sender.join(30)
        finally:
            blocker.rollback()
            blocker.close()
        # Its backend inserts the event, finds the client gone, and rolls everything back.
        wait_until(lambda: backend not in _backends(site), 20, what="backend gone")
        stored_after_kill = site.bodies().get(body, 0)
        wait_until(lambda: _replaced(app, worker), 20, what="a new worker")
        again = Client(app.url)
        retry = again.comment_form(site.post_url, name="Interrupted")
        resent = again.post(site.comment_path, {**retry, "body": body})

    figures(
        killed_request=outcome.get("status"),
        rows_after_kill=stored_after_kill,
        resent_status=resent.status,
        rows_after_resend=site.bodies().get(body, 0),
    )
    assert outcome["status"] not in (200, 302), "the killed request was not answered as saved"
    assert stored_after_kill == 0, "no partial comment row"
    assert site.half_written() == []
    assert resent.status == 302 and site.bodies()[body] == 1


def _replaced(app, worker):
    pids = app.worker_pids()
    return bool(pids) and worker not in pids


def _backends(site):
    rows = site.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
    return {pid for (pid,) in rows}


def test_smtp_down_comments_accepted_and_notifications_sent_later_once_each(make_site, figures):
    smtp_port = free_port()
    site = make_site(EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}", COMMENTS_RATE="1000/1m")
    add_alerted_moderator(site.env)
    bodies = [f"Mail outage note {n} {secrets.token_hex(3)}" for n in range(5)]
    with site.gunicorn(workers=2) as app:
        client = Client(app.url)
        form = client.comment_form(site.post_url, name="Patient")
        statuses = [client.post(site.comment_path, {**form, "body": b}).status for b in bodies]
        subscriber = {**form, "body": "Tell me of replies", "email": "me@example.org"}
        statuses.append(client.post(site.comment_path, {**subscriber, "notify": "on"}).status)
    queued = site.sql(
        "SELECT count(*), min(attempts) FROM comments_outgoingemail WHERE sent_at IS NULL"
    )

    sink = SmtpSink(smtp_port).start()
    command = [sys.executable, "manage.py", "send_pending_notifications"]
    runs = []
    try:  # two cron runs overlapping, then a third one later
        for _ in range(2):
            runs.append(subprocess.Popen(command, cwd=ROOT, env=site.env, stdout=subprocess.PIPE))
        outputs = [run.communicate(timeout=60)[0].decode() for run in runs]
        last = manage(site.env, "send_pending_notifications").stdout
    finally:
        for run in runs:
            if run.poll() is None:
                run.kill()
        sink.stop()

    texts = [m["data"] for m in sink.messages]
    figures(
        comments=len(statuses),
        statuses=dict(Counter(statuses)),
        queued_while_down=queued[0][0],
        delivered=len(texts),
        concurrent_runs=[o.strip() for o in outputs],
        third_run=last.strip(),
    )
    assert statuses == [302] * 6
    # Production enqueues each email for the worker (none runs here): no request tried SMTP.
    assert queued[0] == (7, 0), "6 moderator alerts and 1 confirmation, queued, none tried"
    assert len(texts) == 7, "none lost, none sent twice"
    for body in bodies:
        assert sum(body in text for text in texts) == 1
    assert sum("Please confirm reply notifications" in text for text in texts) == 1
    assert "Sent 0 email(s)" in last
    assert site.sql("SELECT count(*) FROM comments_outgoingemail WHERE sent_at IS NULL") == [(0,)]
