"""The shipped topology, run here: nginx (deploy/nginx) in front of two gunicorn servers, a
task worker (``manage.py db_worker``) sending to an SMTP server, PostgreSQL and Redis, with
TRUSTED_PROXIES set to the proxy. A reader, a crisis writer and a moderator walk through it,
and readers are told apart by their own addresses, not the proxy's.
"""

import re
import secrets
import time
import urllib.parse

import pytest

from .backing_services import SmtpSink, wait_until
from .conftest import clear_of_window_edge, require
from .haven_processes import TaskWorker, add_alerted_moderator
from .http_client import Client, form_fields, page_text
from .proxy import Nginx, nginx_problem

pytestmark = pytest.mark.system
CRISIS_TEXT = "I want to die. I can't keep going and nobody would notice if I was gone."


@pytest.fixture
def topology(make_site, tmp_path):
    require(nginx_problem())
    smtp = SmtpSink().start()
    try:
        site = make_site(
            servers_count=2,
            TRUSTED_PROXIES="127.0.0.1",
            COMMENTS_RATE="5/10m",
            MEDIA_ROOT=tmp_path / "media",
            EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
        )
        add_alerted_moderator(site.env)
        with site.gunicorn(0) as first, site.gunicorn(1) as second, TaskWorker(site.env):
            with Nginx([first.port, second.port], media_root=tmp_path / "media") as proxy:
                yield site, proxy, smtp
    finally:
        smtp.stop()


def _comment(client, site, body, **headers):
    form = client.comment_form(site.post_url, name="Reader", body=body)
    return client.request(
        "POST",
        site.comment_path,
        body=urllib.parse.urlencode(form).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": client.base_url,
            "Referer": client.base_url + site.post_url,
            **headers,
        },
    )


def test_a_reader_a_crisis_writer_and_a_moderator_through_the_proxy(topology, figures):
    site, proxy, smtp = topology
    reader = Client(proxy.url, source="127.0.0.10")
    home = reader.get("/")
    assert home.status == 200 and home.headers["X-Request-ID"]
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', home.text).group(1)
    css = reader.get(stylesheet)
    assert css.status == 200 and css.headers["Content-Type"].startswith("text/css")
    assert reader.get(site.post_url).status == 200

    writer = Client(proxy.url, source="127.0.0.11")
    posted_at = time.monotonic()
    sent = _comment(writer, site, CRISIS_TEXT)
    assert sent.status == 302, page_text(sent.text)[:300]
    after = writer.get(sent.location)
    assert 'class="crisis-panel"' in after.text, "help shown in the same response"
    (alert,) = wait_until(lambda: smtp.messages, 30, what="the crisis alert at the SMTP server")
    assert "Urgent: crisis flag" in alert["data"] and "nobody would notice" in alert["data"]
    assert alert["to"] == ["<alerts@example.org>"]

    assert "nobody would notice" not in reader.get(site.post_url).text, "held until approved"

    moderator = Client(proxy.url, source="127.0.0.12")
    moderator.login("moderator")
    queue = moderator.get("/moderation/")
    assert queue.status == 200 and "nobody would notice" in queue.text
    assert "crisis-banner" in queue.text
    pk = site.sql("SELECT id FROM comments_comment WHERE body = %s", (CRISIS_TEXT,))[0][0]
    action = f"/moderation/comment/{pk}/approve/"
    approved = moderator.post(action, form_fields(queue.text, action))
    assert approved.status in (200, 302)
    status = site.sql("SELECT status FROM comments_comment WHERE id = %s", (pk,))[0][0]
    assert status == "approved"
    assert "nobody would notice" in reader.get(site.post_url).text, "the reader sees it"
    figures(
        proxy="nginx",
        app_servers=2,
        task_workers=1,
        crisis_comment=pk,
        status=status,
        alert_at_smtp_seconds=round(alert["accepted_at"] - posted_at, 2),
    )


def test_readers_behind_the_proxy_are_limited_by_their_own_address(topology, figures):
    site, proxy, _smtp = topology
    clear_of_window_edge(600)
    busy = Client(proxy.url, source="127.0.0.20")
    run = secrets.token_hex(3)
    statuses = [
        _comment(busy, site, f"Note {n} of {run}: thank you for writing this.").status
        for n in range(6)
    ]
    other = Client(proxy.url, source="127.0.0.21")
    others = _comment(other, site, f"A different reader, {run}.").status
    # A forged header names the busy reader; nginx appends the real address, which decides.
    forged = _comment(
        Client(proxy.url, source="127.0.0.22"),
        site,
        f"Someone else again, {run}.",
        **{"X-Forwarded-For": "127.0.0.20"},
    ).status
    figures(busy_reader=statuses, other_reader=others, forged_header=forged)
    assert statuses == [302] * 5 + [429]
    assert others == 302, "one busy reader does not rate-limit everyone behind the proxy"
    assert forged == 302, "a forged X-Forwarded-For from an untrusted peer is ignored"
