"""Imports are idempotent by the item's id or GUID, and never merge into a post by its slug.

Importing the same file again changes nothing and says what it left alone; an item whose slug
belongs to a different post (the demo content, another site's post) comes in under a new slug,
and the summary says so; everything skipped is listed with the reason.
"""

import io

import pytest
from django.core.management import call_command

from blog.models import Post
from comments.models import Comment
from transfer.demo.loader import load_demo
from transfer.importers.wxr import import_wxr

from .conftest import shared_testdata
from .factories import CommentFactory, PostFactory
from .test_import_wxr import FULL

pytestmark = pytest.mark.django_db
DEMO_SLUG = "saying-goodbye-the-therapeutic-relationship"


def _item(wp_id, slug, title, *, comment_id=None, guid=None):
    comment = (
        f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
        "<wp:comment_author>Reader</wp:comment_author>"
        "<wp:comment_content>A comment from the other site.</wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>"
        "</wp:comment>"
        if comment_id
        else ""
    )
    return (
        f"<item><title>{title}</title><dc:creator>sam</dc:creator>"
        + (f'<guid isPermaLink="false">{guid}</guid>' if guid else "")
        + f"<content:encoded><![CDATA[<p>Body of {title}.</p>]]></content:encoded>"
        + (f"<wp:post_id>{wp_id}</wp:post_id>" if wp_id else "")
        + f"<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_date_gmt>2024-01-02 03:04:05</wp:post_date_gmt>"
        f"<wp:post_type>post</wp:post_type>{comment}</item>"
    )


def _export(tmp_path, *items, site="https://elsewhere.example", name="export.xml"):
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Elsewhere</title>'
        f"<wp:base_site_url>{site}</wp:base_site_url>{''.join(items)}</channel></rss>"
    )
    return path


def snapshot():
    from comments.models import ModerationEvent

    return (
        sorted(Post.objects.values_list("pk", "slug", "status", "title")),
        sorted(Comment.objects.values_list("pk", "post_id", "status", "depth")),
        ModerationEvent.objects.count(),
    )


def _report(path):
    out = io.StringIO()
    call_command("import_wxr", str(path), stdout=out)
    return out.getvalue()


def test_the_same_file_twice_changes_nothing_and_lists_what_it_left_alone():
    import_wxr(FULL)
    before = snapshot()
    output = _report(FULL)
    assert snapshot() == before
    assert "Already imported, left as they are" in output and "On grief" in output


def test_a_post_whose_slug_is_taken_comes_in_under_a_new_slug_and_is_reported():
    mine = PostFactory(slug="on-grief", title="My own post on grief")
    CommentFactory(post=mine, body="A comment on my own post.")
    output = _report(FULL)
    imported = Post.objects.get(title="On grief")
    assert imported.slug == "on-grief-2" and imported.pk != mine.pk
    assert mine.comments.count() == 1  # nothing merged into my post
    assert imported.comments.exists()
    assert "Imported post “On grief” at /on-grief-2/ because /on-grief/ already" in output


def test_after_a_rename_the_second_import_finds_the_post_by_its_key():
    PostFactory(slug="on-grief")
    import_wxr(FULL)
    before = snapshot()
    summary = import_wxr(FULL)
    assert snapshot() == before and not summary.changed
    assert Post.objects.filter(title="On grief").count() == 1


def test_importing_another_sites_post_onto_the_demo_site_never_merges_into_the_demo_post(
    tmp_path,
):
    load_demo()
    demo = Post.objects.get(slug=DEMO_SLUG)
    demo_comments = demo.comments.count()
    path = _export(tmp_path, _item(7, DEMO_SLUG, "Saying goodbye", comment_id=70))
    output = _report(path)
    assert demo.comments.count() == demo_comments
    other = Post.objects.get(title="Saying goodbye")
    assert other.slug == f"{DEMO_SLUG}-2" and other.comments.count() == 1
    assert f"because /{DEMO_SLUG}/ already belongs to a different post" in output
    assert not import_wxr(path).changed  # and once only


def test_a_haven_export_imported_back_into_the_same_site_changes_nothing(tmp_path):
    load_demo()
    path = tmp_path / "haven.xml"
    call_command("export_wxr", "-o", str(path))
    before = snapshot()
    summary = import_wxr(path)
    assert snapshot() == before and not summary.changed
    assert summary.posts_existing == Post.objects.count()


def test_a_haven_export_of_another_haven_site_comes_in_beside_the_demo(tmp_path, settings):
    load_demo()
    path = tmp_path / "haven.xml"
    call_command("export_wxr", "-o", str(path))
    posts, comments = Post.objects.count(), Comment.objects.count()
    settings.SITE_URL = "https://another-haven.example"  # the file now comes from elsewhere
    summary = import_wxr(path)
    assert Post.objects.count() == 2 * posts and Comment.objects.count() == 2 * comments
    assert len(summary.renamed) == posts
    assert not import_wxr(path).changed


def test_a_post_imported_before_posts_kept_their_key_is_recognised_by_its_comments():
    earlier = PostFactory(slug="on-grief", title="On grief")
    CommentFactory(post=earlier, import_key="wxr:https://quiet.example:10:101")
    summary = import_wxr(FULL)
    earlier.refresh_from_db()
    assert earlier.import_key == "wxr:https://quiet.example:10"
    assert Post.objects.filter(title="On grief").count() == 1
    assert "On grief" in summary.already_imported


def test_two_items_with_one_slug_in_a_file_both_come_in(tmp_path):
    path = _export(tmp_path, _item(1, "hello", "Hello"), _item(2, "hello", "Hello again"))
    summary = import_wxr(path)
    assert sorted(Post.objects.values_list("slug", flat=True)) == ["hello", "hello-2"]
    assert summary.renamed == [("post", "Hello again", "hello", "hello-2")]
    assert not import_wxr(path).changed


def test_an_item_without_an_id_is_matched_by_its_guid(tmp_path):
    path = _export(tmp_path, _item(None, "no-id", "No id", guid="https://elsewhere.example/?p=9"))
    import_wxr(path)
    assert Post.objects.get().import_key == "wxr-guid:https://elsewhere.example/?p=9"
    assert not import_wxr(path).changed


def test_the_report_says_why_each_kind_of_item_was_skipped():
    output = _report(FULL)
    assert "attachment (1): media files are not imported" in output
    assert "nav_menu_item (1): menus are not imported" in output
    assert "pingback (1): pingbacks are not comments written here" in output
    assert "auto-draft post (1): not published content" in output


def test_shared_isso_export_imported_twice_is_left_alone_the_second_time():
    path = shared_testdata("wxr", "isso__wordpress.xml")
    import_wxr(path)
    before = snapshot()
    output = _report(path)
    assert snapshot() == before
    assert "Already imported, left as they are" in output
    assert "Nothing changed" in output
