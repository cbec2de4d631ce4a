"""import_disqus: Disqus conversations join their posts, replies under their parents."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from blog.models import Post
from comments.identity import keyed_hash
from comments.models import Comment, ModerationEvent
from comments.tree import load_tree_page
from transfer.importers.disqus import import_disqus

from .conftest import shared_testdata
from .factories import PostFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPORT = FIXTURES / "disqus" / "disqus.xml"


@pytest.fixture
def posts():
    """The posts the fixture's threads point at: one by our URL, one by a WordPress URL."""
    return {
        "grief": PostFactory(slug="on-grief", title="On grief"),
        "letting": PostFactory(slug="letting-go", title="Letting go"),
    }


def run(path, *args):
    out = io.StringIO()
    call_command("import_disqus", str(path), *args, stdout=out)
    return out.getvalue()


def dsq(number):
    return Comment.objects.get(import_key=f"disqus:{number}")


def snapshot():
    return (
        sorted(Post.objects.values_list("slug", "status")),
        sorted(Comment.objects.values_list("import_key", "status", "parent_id", "post_id")),
        ModerationEvent.objects.count(),
    )


def test_summary_counts_comments_by_status_drafts_orphans_and_missing_threads(posts):
    summary = import_disqus(EXPORT)
    assert dict(summary.comments) == {"approved": 10, "spam": 1, "removed": 1}
    assert summary.posts_created == 1 and len(summary.drafts_created) == 1
    assert summary.posts_existing == 3  # threads 100, 101 and 105 matched existing posts
    assert summary.missing_thread == ["dsq:id 9"]
    assert summary.orphans == 1 and summary.threads_flattened == 1


def test_threads_are_matched_to_posts_by_our_url_or_a_wordpress_style_url(posts):
    import_disqus(EXPORT)
    assert dsq(1).post == posts["grief"]
    assert dsq(7).post == posts["letting"]  # /2019/05/12/letting-go/
    assert dsq(11).post == posts["grief"]  # a second thread with the same link


def test_a_thread_without_a_matching_post_becomes_a_draft_listed_in_the_summary(posts):
    output = run(EXPORT)
    draft = dsq(8).post
    assert draft.status == Post.Status.DRAFT and draft.title == "Unmatched thread"
    assert (
        "Draft post created for unmatched thread: Unmatched thread (https://old.example/?p=77)"
        in (output)
    )
    assert not Post.objects.filter(title="No comments").exists()  # no comments, no draft


def test_deleted_comments_become_removed_and_spam_stays_spam(posts):
    import_disqus(EXPORT)
    assert dsq(4).status == "removed" and dsq(3).status == "spam" and dsq(1).status == "approved"


def test_replies_keep_their_parents_even_when_listed_first(posts):
    import_disqus(EXPORT)
    assert dsq(2).parent == dsq(1)
    assert dsq(6).parent == dsq(7)
    assert dsq(5).parent == dsq(4)


def test_a_reply_to_a_deleted_comment_keeps_its_thread_under_a_placeholder(posts):
    import_disqus(EXPORT)
    items = load_tree_page(posts["grief"]).items
    placeholder = next(node for node in items if node.comment == dsq(4))
    assert placeholder.placeholder and placeholder.children[0].comment == dsq(5)


def test_a_comment_pointing_at_a_missing_thread_is_reported_not_fatal(posts):
    output = run(EXPORT)
    assert "thread that is not in the file (not imported): 1 (dsq:id 9)" in output
    assert not Comment.objects.filter(import_key="disqus:9").exists()


def test_a_reply_whose_parent_is_missing_becomes_top_level(posts):
    import_disqus(EXPORT)
    assert dsq(10).parent is None and dsq(10).depth == 1


def test_a_thread_listed_after_its_comments_still_gets_them(posts):
    import_disqus(EXPORT)
    assert dsq(11).post == posts["grief"]


def test_too_deep_replies_attach_to_the_deepest_allowed_ancestor(posts):
    import_disqus(EXPORT)
    assert (dsq(12).parent, dsq(12).depth) == (dsq(2), 3)
    assert (dsq(13).parent, dsq(13).depth) == (dsq(2), 3)


def test_messages_are_stored_as_typed_text_and_rendered_like_the_form(posts):
    import_disqus(EXPORT)
    assert dsq(2).body == "Same here.\nReally."
    assert dsq(2).body_html == "<p>Same here.<br>\nReally.</p>"


def test_ip_addresses_are_kept_only_as_recent_keyed_hashes(posts, settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 100_000
    import_disqus(EXPORT)
    assert dsq(1).ip_hash == keyed_hash("192.0.2.1", "ip")
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    Comment.objects.all().delete()
    import_disqus(EXPORT)
    assert dsq(1).ip_hash == ""


def test_every_imported_comment_gets_a_submit_event(posts):
    import_disqus(EXPORT)
    assert ModerationEvent.objects.filter(action="submit", actor_label="import").count() == 12


def test_a_second_run_changes_nothing_and_says_so(posts):
    run(EXPORT)
    before = snapshot()
    output = run(EXPORT)
    assert snapshot() == before
    assert "Nothing changed: everything in this file was already imported." in output
    assert "12 already imported" in output and "Posts: 0 created, 4 already here." in output


def test_dry_run_prints_the_summary_and_writes_nothing(posts):
    before = snapshot()
    output = run(EXPORT, "--dry-run")
    assert "Comments: 12 created" in output and "Dry run: nothing was written." in output
    assert snapshot() == before


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("disqus/wrong-root.xml", "This is not a Disqus export"),
        ("wxr/wxr-1.1-http.xml", "This is not a Disqus export"),
        (
            "disqus/not-well-formed.xml",
            "not well-formed XML: not well-formed (invalid token) at line 5",
        ),
        ("wxr/zero-bytes.xml", "is empty (0 bytes)"),
        ("wxr/empty.xml", "has no XML elements"),
    ],
)
def test_files_that_are_not_disqus_exports_fail_clearly_and_write_nothing(path, message):
    before = snapshot()
    with pytest.raises(CommandError, match=re.escape(message)):
        run(FIXTURES / path)
    assert snapshot() == before


def test_isso_disqus_export_three_threads_six_comments_two_replies_one_deleted_one_orphan():
    path = shared_testdata("disqus", "isso__disqus.xml")
    summary = import_disqus(path)
    assert sum(summary.comments.values()) + len(summary.missing_thread) == 6
    assert summary.missing_thread == ["dsq:id 6"]
    assert Comment.objects.filter(parent__isnull=False).count() == 2
    assert Comment.objects.filter(status="removed").count() == 1
    assert dsq(11).parent == dsq(9) and dsq(5).parent == dsq(4)
    assert len(summary.drafts_created) == 2  # threads 2 and 7; thread 3 has no comments
    assert not import_disqus(path).changed


def test_isso_thread_with_an_index_html_link_matches_a_post_by_slug():
    post = PostFactory(slug="redacted")
    import_disqus(shared_testdata("disqus", "isso__disqus.xml"))
    assert dsq(8).post == post
