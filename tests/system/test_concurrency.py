"""Concurrency and scale-out against real gunicorn, PostgreSQL and Redis (see conftest.py)."""

import secrets
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import clear_of_window_edge, simultaneous_posts
from .haven_processes import django_code
from .http_client import Client, count_line, input_value, textarea_text

pytestmark = pytest.mark.system

APPROVE_PENDING = """
import json
from comments import moderator_actions
from comments.models import Comment
approved = [moderator_actions.approve(c, actor_label="system test").pk
            for c in Comment.objects.pending().order_by("pk")]
print(json.dumps(len(approved)))
"""


def _post_all(client, path, forms):
    """POST each form in turn; [(body, status or the exception's name)]."""
    results = []
    for form in forms:
        try:
            results.append((form["body"], client.post(path, form).status))
        except OSError as exc:
            results.append((form["body"], type(exc).__name__))
    return results


def test_200_concurrent_submissions_are_each_stored_once_and_counted_after_approval(
    make_site, figures
):
    site = make_site(COMMENTS_RATE="10000/1m")
    run = secrets.token_hex(3)
    with site.gunicorn(workers=2) as app:
        clients = [Client(app.url) for _ in range(40)]
        batches = []
        for n, client in enumerate(clients):
            form = client.comment_form(site.post_url, name=f"Writer {n}")
            batches.append(
                [
                    {**form, "body": f"[{run}-{n:02d}-{k}] Words written at the same time."}
                    for k in range(5)
                ]
            )
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=40) as pool:
            jobs = [
                pool.submit(_post_all, c, site.comment_path, b)
                for c, b in zip(clients, batches, strict=True)
            ]
            results = [item for job in jobs for item in job.result(timeout=120)]
        elapsed = time.monotonic() - started

        statuses = Counter(status for _, status in results)
        stored = site.bodies()
        accepted = [body for body, status in results if status == 302]
        approved = django_code(site.env, APPROVE_PENDING)
        shown = count_line(Client(app.url).get(site.post_url).text)
        approved_rows = site.sql("SELECT count(*) FROM comments_comment WHERE status='approved'")

    figures(
        requests=len(results),
        clients=40,
        statuses=dict(statuses),
        server_errors=sum(n for s, n in statuses.items() if isinstance(s, int) and s >= 500),
        rows_stored=sum(stored.values()),
        approved=approved,
        count_line=shown,
        seconds=round(elapsed, 1),
    )
    assert len(results) == 200
    assert statuses == {302: 200}, "every submission accepted, none lost, no 5xx"
    assert all(stored.get(body) == 1 for body in accepted), "each stored exactly once"
    assert sum(stored.values()) == 200
    assert site.half_written() == []
    assert approved == 200
    assert shown == approved_rows[0][0] == 200


def test_rate_limit_accepts_exactly_5_of_30_simultaneous_posts_and_hands_back_the_rest(
    make_site, figures
):
    site = make_site(COMMENTS_RATE="5/10m")
    with site.gunicorn(workers=2, threads=4) as app:
        results = [
            (body, r.status, textarea_text(r.text)) for body, r in simultaneous_posts(app, site)
        ]

    statuses = Counter(status for _, status, _ in results)
    stored = site.bodies()
    figures(requests=30, statuses=dict(statuses), rows_stored=sum(stored.values()))
    assert statuses == {302: 5, 429: 25}
    accepted = {body for body, status, _ in results if status == 302}
    assert set(stored) == accepted and set(stored.values()) == {1}
    for body, status, kept in results:
        if status == 429:
            assert kept == body, "the refused writer's text is back in the form"


def test_two_app_servers_share_cache_versions_rate_limits_and_sessions(make_site, figures):
    site = make_site(servers_count=2, COMMENTS_RATE="3/10m")
    one, two = site.gunicorn(0, workers=2), site.gunicorn(1, workers=2)
    with one, two:
        clear_of_window_edge(600)
        writer = Client(one.url)
        form = writer.comment_form(site.post_url, name="Two servers")
        first = f"Written through server one {secrets.token_hex(3)}"
        assert writer.post(site.comment_path, {**form, "body": first}).status == 302

        # The writer's session (a signed cookie) works on the other server.
        own_view = writer.at(two.url).get(site.post_url).text
        assert first in own_view and "awaiting moderation" in own_view

        reader = Client(two.url)
        before = reader.get(site.post_url).text  # caches the tree without the pending comment
        assert first not in before and count_line(before) == 0

        moderator = Client(one.url)
        moderator.login("moderator")
        (pk,) = site.sql("SELECT id FROM comments_comment WHERE body = %s", (first,))[0]
        token = input_value(moderator.get("/moderation/").text, "csrfmiddlewaretoken")
        approve = moderator.post(
            f"/moderation/comment/{pk}/approve/", {"csrfmiddlewaretoken": token}
        )
        assert approve.status == 302
        status = site.sql("SELECT status FROM comments_comment WHERE id = %s", (pk,))
        assert status == [("approved",)]

        after = reader.get(site.post_url).text  # the very next request, on the other server
        assert first in after and count_line(after) == 1

        # The limit (3 in 10 minutes) is reached through server one and holds on server two.
        statuses = [
            writer.post(
                site.comment_path, {**form, "body": f"More {n} {secrets.token_hex(3)}"}
            ).status
            for n in range(2)
        ]
        refused_two = writer.at(two.url).post(site.comment_path, {**form, "body": "Over on two"})
        refused_one = writer.post(site.comment_path, {**form, "body": "Over on one"})

    figures(
        session_across_servers=True,
        approved_on_one_visible_on_two=first in after,
        posts_through_one=[302, *statuses, refused_one.status],
        post_through_two_after_limit=refused_two.status,
    )
    assert statuses == [302, 302]
    assert refused_two.status == 429 and textarea_text(refused_two.text) == "Over on two"
    assert refused_one.status == 429


RACE = """
import json, threading
from django.db import connection
from blog.models import Post
from comments import moderator_actions, transitions
from comments.models import Comment, ModerationEvent

post = Post.objects.get()
rounds = []
for n in range(ROUNDS):
    comment = Comment.objects.create(post=post, author_name="Racer", body=f"Race {n}")
    transitions.record_submission(comment, actor_label="system test")
    barrier = threading.Barrier(2, timeout=10)
    errors = []

    def act(transition, label, comment=comment, barrier=barrier, errors=errors):
        try:
            barrier.wait()
            transition(comment, actor_label=label)
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(moderator_actions.approve, "moderator A")),
        threading.Thread(target=act, args=(moderator_actions.remove, "moderator B")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    events = list(
        ModerationEvent.objects.filter(comment_ref=comment.pk).exclude(action="submit")
        .order_by("id").values_list("action", "from_status", "to_status")
    )
    final = Comment.objects.get(pk=comment.pk).status
    rounds.append({"final": final, "events": events, "errors": errors})
print(json.dumps(rounds))
"""


def test_two_moderators_approving_and_removing_at_once_leave_one_consistent_state(
    make_site, figures
):
    site = make_site()
    rounds = django_code(site.env, RACE.replace("ROUNDS", "30"))
    finals = Counter(r["final"] for r in rounds)
    figures(rounds=len(rounds), final_states=dict(finals))
    for r in rounds:
        assert r["errors"] == []
        (a_action, a_from, a_to), (b_action, b_from, b_to) = r["events"]
        assert {a_action, b_action} == {"approve", "remove"}
        assert a_from == "pending", "the first change starts from the submitted state"
        assert b_from == a_to, "the second change starts where the first one left it"
        assert b_to == r["final"], "the log ends in the comment's real state"


RETITLE_POST = """
import json
from blog.models import Post
post = Post.objects.get()
post.title = "Retitled by another process"
post.save()
print(json.dumps(post.pk))
"""


def test_without_redis_every_worker_shows_a_change_made_anywhere_at_once(
    make_site, figures, tmp_path
):
    """Local-memory caches are per process; the versions keying them are shared files.

    Both workers first store the page (many readers at once reach both); the change is made
    by a third process (manage.py), so only shared versions can tell the workers of it.
    """
    site = make_site(redis_url="", VERSION_CACHE_DIR=tmp_path / "versions")
    with site.gunicorn(workers=2) as app:
        writer = Client(app.url)
        form = writer.comment_form(site.post_url, name="Anywhere")
        body = f"Approved in a third process {secrets.token_hex(3)}"
        assert writer.post(site.comment_path, {**form, "body": body}).status == 302

        def pages(path=site.post_url, reads=40):
            with ThreadPoolExecutor(8) as pool:
                return list(pool.map(lambda _: Client(app.url).get(path).text, range(reads)))

        before = pages()
        assert django_code(site.env, APPROVE_PENDING) == 1
        after = pages()
        pages("/")
        django_code(site.env, RETITLE_POST)
        retitled = pages("/")
    figures(
        reads_before=sum(count_line(page) == 0 for page in before),
        reads_showing_the_approval=sum(body in page and count_line(page) == 1 for page in after),
        home_reads_showing_new_title=sum("Retitled by another process" in p for p in retitled),
    )
    assert all(body not in page and count_line(page) == 0 for page in before)
    assert all(body in page and count_line(page) == 1 for page in after)
    assert all("Retitled by another process" in page for page in retitled)
