"""Imported comments meet the crisis rules of a new one (comments.policy.judge_imported).

A WordPress or Disqus export publishes its comments here for the first time: one that reads
as crisis must not reach readers before a person here has read it, whatever the source said.
"""

import io
from xml.sax.saxutils import escape

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from comments.models import Comment, ModerationEvent
from comments.policy import CRISIS_FLAG
from moderation.labels import flag_label
from transfer.importers.disqus import import_disqus
from transfer.importers.wxr import import_wxr

from .factories import PostFactory

pytestmark = pytest.mark.django_db

CRISIS = "I have the pills saved up and tonight I am going to take them all. Goodbye everyone."
CRISIS_FR = "J'ai tout préparé, ce soir je vais en finir. Adieu à tous."
DISTRESS = "Reading this made me cry. Grief has been so heavy this year and I feel so alone."
CALM = "Thank you, this helped me today."
UNASSESSED = "この記事を読んで、少し気持ちが楽になりました。ありがとうございます。"


def _wxr(tmp_path, comments, channel=""):
    """A one-post WordPress export holding ``comments``: (id, text, approved, extra XML)."""
    items = "".join(
        f"<wp:comment><wp:comment_id>{n}</wp:comment_id>"
        f"<wp:comment_author>Reader {n}</wp:comment_author>"
        f"<wp:comment_content>{escape(text)}</wp:comment_content>"
        f"<wp:comment_approved>{approved}</wp:comment_approved>{extra}</wp:comment>"
        for n, text, approved, extra in comments
    )
    path = tmp_path / "export.xml"
    path.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.2/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<wp:base_site_url>https://quiet.example</wp:base_site_url>{channel}<item>"
        "<title>On grief</title><content:encoded>A post.</content:encoded>"
        "<wp:post_id>10</wp:post_id><wp:post_name>on-grief</wp:post_name>"
        f"<wp:status>publish</wp:status>{items}</item></channel></rss>",
        encoding="utf-8",
    )
    return path


def _by_body(text):
    return Comment.objects.get(body=text)


def test_an_approved_comment_in_crisis_is_held_flagged_and_ranked_first_in_the_queue(tmp_path):
    summary = import_wxr(_wxr(tmp_path, [(1, CRISIS, "1", ""), (2, CALM, "1", "")]))
    held = _by_body(CRISIS)
    assert held.status == Comment.Status.PENDING
    assert held.crisis_level == "imminent" and held.crisis_rank == 3
    assert f"{CRISIS_FLAG}imminent" in held.flags
    assert "import: held, was approved in the source" in held.flags
    assert summary.held_for_crisis == 1
    assert dict(summary.comments) == {"approved": 1, "pending": 1}
    assert Comment.objects.needs_review().first() == held
    event = ModerationEvent.objects.get(comment_id=held.pk)
    assert event.actor_label == "import" and "was approved in the source" in event.note


def test_a_crisis_comment_in_another_assessed_language_is_held_too(tmp_path):
    import_wxr(_wxr(tmp_path, [(1, CRISIS_FR, "1", "")]))
    held = _by_body(CRISIS_FR)
    assert (held.status, held.crisis_language) == (Comment.Status.PENDING, "fr")


def test_distress_stays_published_with_its_level_for_moderators(tmp_path):
    summary = import_wxr(_wxr(tmp_path, [(1, DISTRESS, "1", ""), (2, CALM, "1", "")]))
    assert _by_body(DISTRESS).status == Comment.Status.APPROVED
    assert (_by_body(DISTRESS).crisis_level, _by_body(CALM).crisis_level) == ("distress", "none")
    assert summary.held_for_crisis == 0


def test_a_language_haven_cannot_assess_is_marked_not_assessed(tmp_path):
    import_wxr(_wxr(tmp_path, [(1, UNASSESSED, "1", "")]))
    comment = _by_body(UNASSESSED)
    assert (comment.crisis_assessed, comment.crisis_language) == (False, "ja")
    assert comment.status == Comment.Status.APPROVED


def test_a_spam_filter_never_files_a_writer_in_crisis_away_but_removed_stays_removed(tmp_path):
    import_wxr(_wxr(tmp_path, [(1, CRISIS, "spam", ""), (2, CRISIS_FR, "trash", "")]))
    assert _by_body(CRISIS).status == Comment.Status.PENDING
    removed = _by_body(CRISIS_FR)
    assert removed.status == Comment.Status.REMOVED and removed.crisis_level == "imminent"


def test_a_comment_already_pending_keeps_pending_and_gains_the_crisis_flag(tmp_path):
    summary = import_wxr(_wxr(tmp_path, [(1, CRISIS, "0", "")]))
    comment = _by_body(CRISIS)
    assert comment.status == Comment.Status.PENDING
    assert comment.flags == [f"{CRISIS_FLAG}imminent"]
    assert summary.held_for_crisis == 0, "nothing was held that the source had not held"


def test_a_staff_reply_is_not_read_by_the_detector_as_for_a_new_one(tmp_path):
    author = "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>dana</wp:author_login>"
    author += "</wp:author>"
    meta = "<wp:comment_user_id>1</wp:comment_user_id><wp:commentmeta><wp:meta_key>"
    meta += "_haven_staff_reply</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:commentmeta>"
    quoting = "You wrote: " + CRISIS + " Please call the line below tonight."
    import_wxr(_wxr(tmp_path, [(1, quoting, "1", meta)], channel=author))
    reply = _by_body(quoting)
    assert reply.is_staff_reply
    assert (reply.status, reply.crisis_level) == (Comment.Status.APPROVED, "none")


def test_the_command_tells_the_site_owner_how_many_were_held(tmp_path):
    out = io.StringIO()
    call_command("import_wxr", str(_wxr(tmp_path, [(1, CRISIS, "1", "")])), stdout=out)
    assert "Held for a moderator because they read as crisis or imminent" in out.getvalue()
    assert "): 1." in out.getvalue()


def test_a_disqus_comment_in_crisis_is_held(tmp_path):
    PostFactory(slug="on-grief", title="On grief")
    path = tmp_path / "disqus.xml"
    path.write_text(
        '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
        '<thread dsq:id="100"><id>on-grief</id><link>https://quiet.example/on-grief/</link>'
        "<title>On grief</title><createdAt>2023-03-01T09:00:00Z</createdAt></thread>"
        f'<post dsq:id="1"><message><![CDATA[<p>{CRISIS}</p>]]></message>'
        "<createdAt>2023-03-02T10:00:00Z</createdAt><isDeleted>false</isDeleted>"
        "<isSpam>false</isSpam><author><name>A</name></author>"
        '<thread dsq:id="100" /></post></disqus>',
        encoding="utf-8",
    )
    summary = import_disqus(path)
    comment = Comment.objects.get(import_key="disqus:1")
    assert (comment.status, comment.crisis_level) == (Comment.Status.PENDING, "imminent")
    assert summary.held_for_crisis == 1


def test_the_queue_tells_a_moderator_why_an_imported_comment_waits(tmp_path, moderator_client):
    import_wxr(_wxr(tmp_path, [(1, CRISIS, "1", "")]))
    page = moderator_client.get(reverse("moderation:queue")).content.decode()
    assert "imported: held, it was published in the source" in page
    with translation.override("es"):
        assert flag_label("import: held, was spam in the source") == (
            "importado: retenido, estaba archivado como spam en el origen"
        )
