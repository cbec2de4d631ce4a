"""Stored reader pages (pagecache.pages): served without queries, never stale, never shared."""

import os
import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from blog.models import Post, SiteSettings
from comments import moderator_actions, transitions
from comments.models import Comment
from pagecache import pages
from support.models import CrisisResource

from .factories import CategoryFactory, CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


def _read(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


def _fresh_reader():
    return Client(enforce_csrf_checks=True)


def _form_value(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def test_a_post_page_is_served_from_the_store_without_queries(post, django_assert_num_queries):
    CommentFactory(post=post, body="Stored with the page.")
    _read(Client(), post.get_absolute_url())
    with django_assert_num_queries(0):
        html = _read(Client(), post.get_absolute_url())
    assert "Stored with the page." in html and "1 comment on" in html
    assert "\x00" not in html


def test_each_reader_gets_a_fresh_form_stamp_and_a_csrf_token_when_writing(post, settings):
    settings.COMMENTS_MIN_SECONDS = 0
    reader = _fresh_reader()
    html = _read(reader, post.get_absolute_url())
    assert 'name="csrfmiddlewaretoken" value=""' in html  # a cached page carries none
    assert _form_value(html, "security")  # a signed stamp for this post, made now
    time.sleep(1.1)  # stamps count whole seconds
    later = _read(_fresh_reader(), post.get_absolute_url())
    assert _form_value(later, "security") != _form_value(html, "security")
    token = reader.get(reverse("comments:csrf")).json()["token"]  # what comments.js asks
    response = reader.post(
        reverse("comments:post", args=[post.pk]),
        {
            "csrfmiddlewaretoken": token,
            "security": _form_value(html, "security"),
            "name": "Ann",
            "body": "Posted from a stored page.",
            "honeypot": "",
            "parent": "",
        },
    )
    assert response.status_code == 302
    assert Comment.objects.filter(body="Posted from a stored page.").exists()


def test_a_reader_holding_the_csrf_cookie_finds_a_token_in_the_stored_page(post):
    reader = _fresh_reader()
    reader.get(reverse("comments:csrf"))
    html = _read(reader, post.get_absolute_url())
    assert len(_form_value(html, "csrfmiddlewaretoken")) == 64


def test_approving_a_comment_shows_it_on_the_stored_page_at_once(post):
    waiting = CommentFactory(post=post, status=Comment.Status.PENDING, body="Waiting for a nod.")
    assert "Waiting for a nod." not in _read(Client(), post.get_absolute_url())
    moderator_actions.approve(waiting)
    html = _read(Client(), post.get_absolute_url())
    assert "Waiting for a nod." in html and "1 comment on" in html
    moderator_actions.remove(waiting)
    assert "Waiting for a nod." not in _read(Client(), post.get_absolute_url())


def test_a_moderators_edit_or_an_erasure_shows_on_the_stored_page_at_once(post):
    comment = CommentFactory(post=post, body="Words with a method in them.")
    CommentFactory(parent=comment, body="A reply that keeps the thread.")
    assert "Words with a method in them." in _read(Client(), post.get_absolute_url())
    transitions.edit(comment, body="Words, edited by the moderator.")
    html = _read(Client(), post.get_absolute_url())
    assert "Words, edited by the moderator." in html and "a method" not in html
    transitions.erase(comment)
    html = _read(Client(), post.get_absolute_url())
    assert "Words, edited" not in html and "This comment was removed." in html


def test_editing_a_post_or_closing_comments_shows_at_once(post):
    _read(Client(), post.get_absolute_url())
    post.title = "A retitled post"
    post.save()
    assert "A retitled post" in _read(Client(), post.get_absolute_url())
    assert 'id="respond-heading"' in _read(Client(), post.get_absolute_url())
    post.comments_open = False
    post.save()
    html = _read(Client(), post.get_absolute_url())
    assert "Comments are closed on this post." in html and "Post comment" not in html


def test_renaming_a_category_or_the_site_shows_at_once(post):
    category = CategoryFactory(name="Grief")
    post.categories.add(category)
    assert ">Grief<" in _read(Client(), post.get_absolute_url())
    category.name = "Loss and grief"
    category.save()
    assert ">Loss and grief<" in _read(Client(), post.get_absolute_url())
    site = SiteSettings.load()
    site.site_name = "Quiet Harbour"
    site.save()
    assert "Quiet Harbour" in _read(Client(), "/")
    assert "Quiet Harbour" in _read(Client(), post.get_absolute_url())


def test_an_edited_support_line_shows_on_stored_pages_at_once(post):
    assert "Samaritans" not in _read(Client(), post.get_absolute_url())  # US by default
    html = _read(Client(), post.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-GB")
    assert "Samaritans" in html  # the reader's region has its own stored page
    samaritans = CrisisResource.objects.get(name="Samaritans", region="GB")
    samaritans.name = "Samaritans (UK and Ireland)"
    samaritans.save()
    html = _read(Client(), post.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-GB")
    assert "Samaritans (UK and Ireland)" in html


def test_home_counts_follow_moderation_without_a_stale_page(post):
    comment = CommentFactory(post=post, status=Comment.Status.PENDING)
    assert "0 comments" in _read(Client(), "/")
    moderator_actions.approve(comment)
    assert "1 comment<" in _read(Client(), "/")
    moderator_actions.mark_spam(comment)
    assert "0 comments" in _read(Client(), "/")


def test_a_scheduled_post_appears_on_the_stored_home_page_when_its_time_comes(post):
    soon = PostFactory(title="Published in a moment", published_at=timezone.now())
    Post.objects.filter(pk=soon.pk).update(
        status=Post.Status.SCHEDULED, published_at=timezone.now() + timedelta(seconds=1)
    )
    assert "Published in a moment" not in _read(Client(), "/")
    time.sleep(1.2)
    assert "Published in a moment" in _read(Client(), "/")


def test_a_readers_own_pending_comment_never_reaches_the_shared_page(post, client, send_comment):
    _read(Client(), post.get_absolute_url())
    assert send_comment(post, body="Only I should see this for now.").status_code == 302
    assert "Only I should see this for now." in _read(client, post.get_absolute_url())
    assert "Only I should see this for now." not in _read(Client(), post.get_absolute_url())


def test_other_cookies_or_queries_get_a_full_render(post, django_assert_max_num_queries):
    CommentFactory(post=post)
    reply_url = f"{post.get_absolute_url()}?replyto={post.comments.get().pk}"
    _read(Client(), reply_url)
    with django_assert_max_num_queries(6):
        html = _read(Client(), reply_url)
    assert "Reply to" in html  # the reply form, which a stored page never holds
    remembered = Client()
    remembered.cookies["sessionid"] = "someone"
    _read(remembered, post.get_absolute_url())
    with django_assert_max_num_queries(6) as queries:
        _read(remembered, post.get_absolute_url())
    assert len(queries) >= 1  # rendered, not stored


def test_with_the_tree_cache_off_comments_are_read_anew_inside_a_stored_page(
    post, settings, django_assert_num_queries
):
    settings.COMMENTS_TREE_CACHE = False
    CommentFactory(post=post, body="Read from the database.")
    _read(Client(), post.get_absolute_url())
    with django_assert_num_queries(2):  # the post's counts, then its threads
        html = _read(Client(), post.get_absolute_url())
    assert "Read from the database." in html


def test_text_shaped_like_a_marker_is_printed_as_written(post):
    CommentFactory(post=post, body="haven:csrf haven:comments {haven:security}")
    assert "haven:csrf haven:comments {haven:security}" in _read(Client(), post.get_absolute_url())


def test_no_nul_from_a_post_body_reaches_a_stored_page(post):
    """Markers are the only NULs a stored page holds: the post sanitiser drops every other one
    (comment forms refuse NUL, and PostgreSQL would not store one)."""
    post.body = "<p>Before \x00haven:unknown\x00 after \x00haven:csrf\x00.</p>"
    post.save()  # past the admin form, which would refuse NUL
    for _ in range(2):
        html = _read(Client(), post.get_absolute_url())
        assert "Before" in html and "after" in html and "\x00" not in html


def test_pages_still_render_when_the_cache_keeps_nothing(post, settings):
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    settings.CACHES = {"default": dummy, "versions": dummy}
    CommentFactory(post=post, body="Still here.")
    for _ in range(2):
        assert "Still here." in _read(Client(), post.get_absolute_url())
        assert post.title in _read(Client(), "/")


def test_a_new_deploy_names_a_new_build(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>old</p>")
    before = pages.build_id(release="")
    page.write_text("<p>the new one</p>")
    assert pages.build_id(release="") != before


def _copy_of_the_code(root):
    """The project's code and templates, as a second server built from the same commit has them."""
    source = Path(__file__).resolve().parents[1]
    for relative, path in pages.code_files(source):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return root


def test_two_checkouts_of_the_same_code_in_different_folders_share_one_build_id(tmp_path):
    first = _copy_of_the_code(tmp_path / "srv" / "a")
    second = _copy_of_the_code(tmp_path / "elsewhere" / "haven-release")
    os.utime(second / "config" / "settings.py", (1, 1))  # file times differ between servers
    assert pages.build_id(first, release="") == pages.build_id(second, release="")


def test_a_change_to_one_template_of_a_copy_names_a_new_build(tmp_path):
    first = _copy_of_the_code(tmp_path / "a")
    second = _copy_of_the_code(tmp_path / "b")
    base = second / "templates" / "base.html"
    base.write_text(base.read_text() + "\n")
    assert pages.build_id(first, release="") != pages.build_id(second, release="")


def test_the_release_named_in_haven_release_is_the_build_id(tmp_path, monkeypatch):
    first = _copy_of_the_code(tmp_path / "a")
    monkeypatch.setenv("HAVEN_RELEASE", "2026.12.04-1")
    named = pages.build_id(first)
    assert named == pages.build_id(tmp_path) != pages.build_id(first, release="")
    monkeypatch.setenv("HAVEN_RELEASE", "2026.12.04-2")
    assert pages.build_id(first) != named


def test_an_address_taken_over_by_another_post_shows_that_posts_comments(post):
    CommentFactory(post=post, body="On the first post.")
    url = post.get_absolute_url()
    assert "On the first post." in _read(Client(), url)
    slug, published_at = post.slug, post.published_at
    post.delete()
    newcomer = PostFactory(slug=slug, published_at=published_at)
    CommentFactory(post=newcomer, body="On the post that took the address.")
    assert newcomer.get_absolute_url() == url
    html = _read(Client(), url)
    assert "On the post that took the address." in html and "On the first post." not in html


def test_the_footer_year_is_worked_out_again_once_the_year_it_knew_has_ended(post, monkeypatch):
    """The year is kept until the next New Year in the site's zone, not asked on each request."""
    monkeypatch.setattr(pages, "_year", {"zone": None, "year": 0, "until": 0.0})
    this_year = timezone.localdate().year
    assert pages._this_year() == this_year
    next_new_year = timezone.make_aware(timezone.datetime(this_year + 1, 1, 1))
    assert pages._year["until"] == next_new_year.timestamp()
    pages._year.update(year=1999, until=time.time() - 1)  # as if New Year had just passed
    html = _read(Client(), post.get_absolute_url())
    assert pages._this_year() == this_year and f"&copy; {this_year} " in html
    pages._year.update(year=1999)  # a year still current is not asked again
    key, _ = pages.page_key(RequestFactory().get(post.get_absolute_url()))
    assert ":1999:" in key
