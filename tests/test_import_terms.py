"""Imported comments meet this site's moderation terms, and wait from their import.

An import is one more path by which text reaches readers, so a published comment with a
disallowed or hold term is held for a person, as a new comment with that word would be. It
is held rather than spammed: a person approved it in the source.
"""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, ModerationEvent, ModerationTerm
from transfer.importers.wxr import import_wxr

from .factories import PostFactory
from .test_import_crisis import CALM, CRISIS, _by_body, _wxr

pytestmark = pytest.mark.django_db

CASINO = "Great post! I found help at the lucky casino bonus site."
MEDS = "My Medication made it worse for a month, then it helped."


@pytest.fixture
def terms(db):
    ModerationTerm.objects.create(term="casino", action=ModerationTerm.Action.DISALLOW)
    ModerationTerm.objects.create(term="medication", action=ModerationTerm.Action.HOLD)


def test_a_published_comment_with_a_disallowed_or_hold_term_is_held_not_published(tmp_path, terms):
    summary = import_wxr(_wxr(tmp_path, [(1, CASINO, "1", ""), (2, MEDS, "1", "")]))
    casino, meds = _by_body(CASINO), _by_body(MEDS)
    assert casino.status == meds.status == Comment.Status.PENDING
    assert casino.flags == ["disallowed term: casino", "import: held, was approved in the source"]
    assert meds.flags == ["hold term: medication", "import: held, was approved in the source"]
    assert (summary.held_for_terms, summary.held_for_crisis) == (2, 0)
    assert "hold term: medication" in ModerationEvent.objects.get(comment=meds).note


def test_terms_in_the_writers_name_or_website_count_as_for_a_new_comment(tmp_path, terms):
    extra = "<wp:comment_author_url>https://casino.example/</wp:comment_author_url>"
    import_wxr(_wxr(tmp_path, [(1, CALM, "1", extra)]))
    assert _by_body(CALM).flags[0] == "disallowed term: casino"
    assert _by_body(CALM).status == Comment.Status.PENDING


def test_the_sources_spam_pending_and_removed_decisions_stand_with_the_terms_shown(tmp_path, terms):
    import_wxr(
        _wxr(tmp_path, [(1, CASINO, "spam", ""), (2, MEDS, "0", ""), (3, CALM, "trash", "")])
    )
    assert (_by_body(CASINO).status, _by_body(CASINO).flags) == (
        Comment.Status.SPAM,
        ["disallowed term: casino"],
    )
    assert (_by_body(MEDS).status, _by_body(MEDS).flags) == (
        Comment.Status.PENDING,
        ["hold term: medication"],
    )
    assert _by_body(CALM).status == Comment.Status.REMOVED


def test_a_crisis_comment_with_a_term_is_counted_once_as_held_for_crisis(tmp_path, terms):
    text = CRISIS + " The casino took everything."
    summary = import_wxr(_wxr(tmp_path, [(1, text, "1", "")]))
    held = _by_body(text)
    assert held.flags[0].startswith("crisis language: ")
    assert "disallowed term: casino" in held.flags
    assert (summary.held_for_crisis, summary.held_for_terms) == (1, 0)


def test_with_no_terms_a_published_comment_stays_published(tmp_path):
    summary = import_wxr(_wxr(tmp_path, [(1, CASINO, "1", "")]))
    assert _by_body(CASINO).status == Comment.Status.APPROVED
    assert summary.held_for_terms == 0


def test_the_terms_are_read_once_per_import_not_once_per_comment(
    tmp_path, terms, django_assert_max_num_queries
):
    rows = [(n, f"{MEDS} ({n})", "1", "") for n in range(1, 41)]
    path = _wxr(tmp_path, rows)
    # Post, author and batch writes are a fixed handful; a per-comment read would add 40.
    with django_assert_max_num_queries(20):
        import_wxr(path)
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 40


def test_the_command_reports_how_many_were_held_for_terms(tmp_path, terms):
    out = io.StringIO()
    call_command("import_wxr", str(_wxr(tmp_path, [(1, CASINO, "1", "")])), stdout=out)
    assert "contain one of this site's disallowed or hold terms" in out.getvalue()


def test_a_held_import_waits_from_its_import_not_from_when_it_was_written(
    tmp_path, terms, moderator_client
):
    extra = "<wp:comment_date_gmt>2019-03-03 10:00:00</wp:comment_date_gmt>"
    import_wxr(_wxr(tmp_path, [(1, CASINO, "1", extra)]))
    held = _by_body(CASINO)
    assert held.created_at.year == 2019
    assert timezone.now() - held.imported_at < timedelta(minutes=1)
    assert held.waiting_since == held.imported_at
    page = moderator_client.get(reverse("moderation:queue")).content.decode()
    assert "waiting under a minute" in page
    assert "written 3 Mar 2019" in page and "imported " in page
    assert "years" not in page


def test_a_comment_written_here_waits_from_when_it_was_written(comment):
    assert comment.imported_at is None and comment.waiting_since == comment.created_at


@pytest.mark.django_db(transaction=True)
def test_migrating_dates_comments_imported_before_the_field_from_their_import_event():
    executor = MigrationExecutor(connection)
    executor.migrate([("comments", "0015_comment_language_and_about_other")])
    old = executor.loader.project_state([("comments", "0015_comment_language_and_about_other")])
    apps = old.apps
    post = PostFactory()  # only the comments app went back
    Comment_ = apps.get_model("comments", "Comment")
    written = timezone.now() - timedelta(days=2000)
    imported = Comment_.objects.create(
        post_id=post.pk, body="old", status="pending", import_key="wxr:a:1", created_at=written
    )
    local = Comment_.objects.create(post_id=post.pk, body="here", status="pending")
    event = apps.get_model("comments", "ModerationEvent").objects.create(
        comment=imported, comment_ref=imported.pk, actor_label="import", action="submit"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert Comment.objects.get(pk=imported.pk).imported_at == event.at
    assert Comment.objects.get(pk=local.pk).imported_at is None
