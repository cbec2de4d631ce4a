"""export_wxr: a WXR 1.2 file of the whole site that WordPress and import_wxr read back."""

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from blog.models import Category, Post, Tag
from comments import transitions
from comments.models import Comment, ModerationEvent
from transfer.exporters import cdata, export_wxr
from transfer.importers.wxr import import_wxr

from .factories import CategoryFactory, CommentFactory, ModeratorFactory, PostFactory

pytestmark = pytest.mark.django_db
WP = "{http://wordpress.org/export/1.2/}"


@pytest.fixture
def site():
    """Two posts with threads in every status, a staff reply and awkward text."""
    grief = PostFactory(slug="on-grief", title="On grief & <loss>")
    grief.categories.add(CategoryFactory(slug="grief", name="Grief"))
    grief.tags.add(Tag.objects.create(slug="letters", name="Letters"))
    draft = PostFactory(slug="unfinished", status=Post.Status.DRAFT, comments_open=False)
    top = CommentFactory(post=grief, author_name="Ann", body="First ]]> <![CDATA[ tricky\n\nok")
    staff = ModeratorFactory(username="dana")
    reply = CommentFactory(
        post=grief, parent=top, author_name="Dana", user=staff, is_staff_reply=True
    )
    CommentFactory(post=grief, parent=reply, author_name="Ben", content_note=True, body="Third.")
    CommentFactory(post=grief, status="pending", author_name="Cy")
    CommentFactory(post=grief, status="spam", author_name="Spam")
    CommentFactory(post=grief, status="removed", author_name="Gone")
    CommentFactory(post=draft, author_name="Eve", author_url="https://eve.example/")
    return grief


def export():
    out = io.StringIO()
    export_wxr(out)
    return out.getvalue()


def seconds(value):
    return value.replace(microsecond=0)


def snapshot():
    posts = sorted(
        (
            p.slug,
            p.title,
            p.status,
            seconds(p.published_at),
            p.body,
            p.excerpt,
            p.comments_open,
            tuple(p.categories.values_list("slug", flat=True)),
            tuple(p.tags.values_list("slug", flat=True)),
        )
        for p in Post.objects.all()
    )
    comments = sorted(
        (
            c.post.slug,
            c.author_name,
            c.author_email,
            c.author_url,
            c.body,
            c.status,
            seconds(c.created_at),
            c.depth,
            c.parent.author_name if c.parent else None,
            c.content_note,
            c.is_staff_reply,
        )
        for c in Comment.objects.select_related("post", "parent")
    )
    return posts, comments


def wipe():
    Comment.objects.all().delete()
    ModerationEvent.objects.all().delete()
    Post.objects.all().delete()
    Category.objects.all().delete()
    Tag.objects.all().delete()


def test_import_of_the_export_keeps_posts_threads_and_statuses(site, tmp_path):
    before = snapshot()
    path = tmp_path / "site.xml"
    path.write_text(export(), encoding="utf-8")
    wipe()
    summary = import_wxr(path)
    assert summary.posts_created == 2
    assert dict(summary.comments) == {"approved": 4, "pending": 1, "spam": 1, "removed": 1}
    assert snapshot() == before


def test_importing_the_export_into_the_same_site_changes_nothing(site, tmp_path):
    before = snapshot()
    path = tmp_path / "site.xml"
    path.write_text(export(), encoding="utf-8")
    summary = import_wxr(path)
    assert not summary.changed and summary.comments_existing == 7
    assert snapshot() == before


def test_an_erased_comment_travels_as_a_placeholder_that_keeps_its_replies(site, tmp_path):
    top = Comment.objects.get(author_name="Ann")
    transitions.erase(top)
    path = tmp_path / "site.xml"
    path.write_text(export(), encoding="utf-8")
    assert "First ]]" not in path.read_text()
    wipe()
    import_wxr(path)
    erased = Comment.objects.get(author_name="(erased)")
    assert erased.status == "removed" and erased.body == ""
    assert erased.replies.get().author_name == "Dana"


def test_export_is_well_formed_wxr_1_2_with_what_wordpress_reads(site):
    root = ET.fromstring(export())
    channel = root.find("channel")
    assert channel.findtext(f"{WP}wxr_version") == "1.2"
    assert channel.findtext(f"{WP}base_site_url")
    assert {a.findtext(f"{WP}author_login") for a in channel.iter(f"{WP}author")} >= {"dana"}
    items = channel.findall("item")
    assert len(items) == 2
    for item in items:
        for name in (
            "post_id",
            "post_date",
            "post_date_gmt",
            "comment_status",
            "ping_status",
            "post_name",
            "status",
            "post_parent",
            "menu_order",
            "post_type",
            "post_password",
            "is_sticky",
        ):
            assert item.find(f"{WP}{name}") is not None, name
        assert item.findtext("guid") and item.findtext("{http://purl.org/dc/elements/1.1/}creator")
    grief = next(i for i in items if i.findtext(f"{WP}post_name") == "on-grief")
    assert grief.findtext("title") == "On grief & <loss>"
    statuses = sorted(c.findtext(f"{WP}comment_approved") for c in grief.iter(f"{WP}comment"))
    assert statuses == ["0", "1", "1", "1", "spam", "trash"]


def test_cdata_end_markers_in_text_are_split_so_the_text_survives(site):
    root = ET.fromstring(export())
    bodies = [c.text for c in root.iter(f"{WP}comment_content")]
    assert "First ]]> <![CDATA[ tricky\n\nok" in bodies
    assert cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>"


def test_characters_xml_cannot_carry_are_dropped_so_the_file_stays_readable(post):
    CommentFactory(post=post, body="bell\x07 and escape\x1b here")
    root = ET.fromstring(export())
    assert root.find(".//" + f"{WP}comment_content").text == "bell and escape here"


def test_export_holds_no_ip_hashes(site):
    Comment.objects.update(ip_hash="f" * 64)
    assert "f" * 64 not in export()


def test_export_queries_stay_bounded_per_post(site, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        export()


def test_command_writes_to_stdout_or_a_file(site, tmp_path, capsys):
    out = io.StringIO()
    call_command("export_wxr", stdout=out)
    assert out.getvalue().startswith('<?xml version="1.0" encoding="UTF-8" ?>')
    target = tmp_path / "backup.xml"
    call_command("export_wxr", "-o", str(target))
    assert ET.parse(target).getroot().tag == "rss"
    assert "Exported 2 post(s) and 7 comment(s)." in capsys.readouterr().err


def test_command_reports_a_file_it_cannot_write(site, tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_wxr", "-o", str(tmp_path / "missing-dir" / "x.xml"))


def test_export_of_an_empty_site_is_a_valid_wxr(tmp_path):
    path = Path(tmp_path / "empty.xml")
    path.write_text(export(), encoding="utf-8")
    summary = import_wxr(path)
    assert summary.posts_created == 0 and not summary.changed
