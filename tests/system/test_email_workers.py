"""Email through the shipped task worker (``manage.py db_worker``) and a real SMTP server.

Comments are posted to gunicorn as a reader would: each held comment queues a moderator alert
in the outbox (one of them a crisis alert), and the workers send them to an SMTP sink in this
process. Nothing is mocked: two worker processes, PostgreSQL, and SMTP over TCP.
"""

import secrets
import statistics
import subprocess
import sys
import time

import pytest

from .backing_services import SmtpBlackHole, SmtpSink, wait_until
from .haven_processes import ROOT, TaskWorker, add_alerted_moderator
from .http_client import Client

pytestmark = pytest.mark.system
CRISIS_TEXT = "I want to die tonight. I can't keep going and nobody would notice"
DELIVERIES_BY = (  # the deliver_email tasks that ran, counted by {0}
    "SELECT {0}, count(*) FROM django_tasks_database_dbtaskresult "
    "WHERE task_path = 'comments.tasks.deliver_email' AND status = 'SUCCESSFUL' GROUP BY {0}"
)
UNFINISHED_TASKS = (
    "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
)


def _emailing_site(make_site, smtp_port, **settings):
    site = make_site(EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}", COMMENTS_RATE="1000/1m", **settings)
    add_alerted_moderator(site.env)
    return site


def _timed_post(client, site, form, body):
    started = time.monotonic()
    response = client.post(site.comment_path, {**form, "body": body})
    return response, started, time.monotonic() - started


def test_two_workers_send_every_email_exactly_once(make_site, figures):
    sink = SmtpSink(delay=0.1).start()  # a slow relay, so both workers are busy at once
    try:
        site = _emailing_site(make_site, sink.port)
        tokens = [secrets.token_hex(4) for _ in range(30)]
        bodies = [f"Note {n} ({token}) for the moderators." for n, token in enumerate(tokens)]
        bodies[12] = f"{CRISIS_TEXT} ({tokens[12]})"
        with site.gunicorn(workers=2) as app:
            client = Client(app.url)
            form = client.comment_form(site.post_url, name="Many")
            statuses = {client.post(site.comment_path, {**form, "body": b}).status for b in bodies}
        assert statuses == {302}
        assert site.sql(UNFINISHED_TASKS) == [(30,)], "each alert enqueued once, none sent yet"

        # Two workers, and an overlapping cron-style retry run, all take the same outbox.
        retry = [sys.executable, "manage.py", "send_pending_notifications"]
        with TaskWorker(site.env, name="w1"), TaskWorker(site.env, name="w2"):
            cron = subprocess.Popen(retry, cwd=ROOT, env=site.env, stdout=subprocess.PIPE)
            cron_output = cron.communicate(timeout=120)[0].decode().strip()
            wait_until(lambda: site.sql(UNFINISHED_TASKS) == [(0,)], 60, what="queue drained")
    finally:
        sink.stop()

    texts = [m["data"] for m in sink.messages]
    outbox = site.sql("SELECT count(*), min(attempts), max(attempts) FROM comments_outgoingemail")
    unsent = site.sql("SELECT count(*) FROM comments_outgoingemail WHERE sent_at IS NULL")
    by_worker = dict(site.sql(DELIVERIES_BY.format("worker_ids->>0")))
    outcomes = dict(site.sql(DELIVERIES_BY.format("return_value#>>'{}'")))
    figures(
        delivered=len(texts), tasks_by_worker=by_worker, outcomes=outcomes, cron_run=cron_output
    )
    assert len(texts) == 30, "none lost, none sent twice"
    for token in tokens:
        assert sum(token in text for text in texts) == 1, f"message {token} arrived once"
    urgent = [t for t in texts if "Urgent: crisis flag" in t]
    assert len(urgent) == 1 and tokens[12] in urgent[0]
    assert outbox == [(30, 1, 1)], "every outbox row claimed exactly once"
    assert unsent == [(0,)]
    assert set(by_worker) == {"w1", "w2"} and sum(by_worker.values()) == 30
    # A message another sender had claimed is "skipped", never reported as a failure.
    assert set(outcomes) <= {"sent", "skipped"}
    assert "; 0 failed" in cron_output and "already claimed" in cron_output


def test_crisis_alert_reaches_smtp_within_seconds_while_the_post_never_waits_on_it(
    make_site, figures
):
    """20 crisis comments, one at a time: POST time, and POST start to SMTP's 250."""
    sink = SmtpSink().start()
    try:
        site = _emailing_site(make_site, sink.port)
        with site.gunicorn(workers=2) as app, TaskWorker(site.env):
            client = Client(app.url)
            form = client.comment_form(site.post_url, name="Struggling")
            posts, alerts = [], []
            for n in range(20):
                token = secrets.token_hex(4)
                response, started, took = _timed_post(
                    client, site, form, f"{CRISIS_TEXT} ({token})"
                )
                assert response.status == 302
                posts.append(took)
                message = wait_until(
                    lambda token=token: next(
                        (m for m in sink.messages if token in m["data"]), None
                    ),
                    60,
                    what=f"crisis alert {n}",
                )
                alerts.append(message["accepted_at"] - started)
    finally:
        sink.stop()
    figures(
        alert_seconds_median=round(statistics.median(alerts), 2),
        alert_seconds_max=round(max(alerts), 2),
        post_ms_median=round(statistics.median(posts) * 1000),
        posts_ms=[round(p * 1000) for p in posts],
    )
    assert len(sink.messages) == 20
    assert all("Urgent: crisis flag" in m["data"] for m in sink.messages)


def test_comments_post_at_full_speed_while_smtp_hangs(make_site, figures):
    """A relay that accepts TCP and never answers holds up the worker, never the writer."""
    hole = SmtpBlackHole().start()
    try:
        site = _emailing_site(make_site, hole.port, EMAIL_TIMEOUT=3)  # so the worker stops soon
        with site.gunicorn(workers=2) as app, TaskWorker(site.env):
            client = Client(app.url)
            form = client.comment_form(site.post_url, name="Struggling")
            posts = []
            for _ in range(20):
                body = f"{CRISIS_TEXT} ({secrets.token_hex(4)})"
                response, _started, took = _timed_post(client, site, form, body)
                assert response.status == 302
                posts.append(took)
            wait_until(lambda: hole.connections, 30, what="the worker trying SMTP")
    finally:
        hole.stop()
    unsent, timed_out = site.sql(
        "SELECT count(*) FILTER (WHERE sent_at IS NULL), "
        "count(*) FILTER (WHERE last_error ILIKE %s) FROM comments_outgoingemail",
        ("%timed out%",),
    )[0]
    retries_later = site.sql(
        "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY' "
        "AND task_path = 'comments.tasks.deliver_email' "
        "AND run_after BETWEEN enqueued_at AND enqueued_at + interval '1 day'"  # a deferred retry
    )[0][0]
    figures(
        post_ms_median=round(statistics.median(posts) * 1000),
        post_ms_max=round(max(posts) * 1000),
        smtp_connections=hole.connections,
        retries_scheduled=retries_later,
        posts_ms=[round(p * 1000) for p in posts],  # a gunicorn worker's first is cold
    )
    assert unsent == 20, "every alert kept in the outbox for a retry (the worker has stopped)"
    assert timed_out >= 1, "the worker tried, and gave up after EMAIL_TIMEOUT"
    assert retries_later == timed_out, "each failed send was given a later try (backoff)"
