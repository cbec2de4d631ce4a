"""The blog a reader sees: what is public, where it lives, how it is found."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.models import Post, SiteSettings

from .factories import CategoryFactory, CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_draft_and_future_posts_are_not_public(client):
    draft = PostFactory(status=Post.Status.DRAFT, title="Secret draft")
    future = PostFactory(published_at=timezone.now() + timedelta(days=2), title="Future post")
    PostFactory(title="Visible post")
    home = client.get("/").content.decode()
    assert "Visible post" in home
    assert "Secret draft" not in home and "Future post" not in home
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(future.get_absolute_url()).status_code == 404


def test_published_post_with_future_time_becomes_scheduled_and_appears_when_due(client):
    post = PostFactory(published_at=timezone.now() + timedelta(hours=1))
    assert post.status == Post.Status.SCHEDULED
    assert not Post.objects.published().filter(pk=post.pk).exists()
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    post.refresh_from_db()
    assert Post.objects.published().filter(pk=post.pk).exists()
    assert client.get(post.get_absolute_url()).status_code == 200


def test_post_url_has_year_month_and_slug(client):
    post = PostFactory(slug="on-endings", published_at=timezone.now() - timedelta(days=3))
    local = timezone.localtime(post.published_at)
    assert post.get_absolute_url() == f"/{local.year}/{local.month:02d}/on-endings/"
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert post.title in response.content.decode()


def test_wrong_date_in_post_url_redirects_to_the_right_one(client):
    post = PostFactory(slug="moved")
    response = client.get("/1999/01/moved/")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


def test_unknown_slug_gives_the_styled_404_page(client):
    response = client.get("/2020/01/no-such-post/")
    assert response.status_code == 404
    assert "couldn" in response.content.decode()


def test_home_lists_newest_first_with_approved_comment_counts(client):
    old = PostFactory(title="Older", published_at=timezone.now() - timedelta(days=5))
    new = PostFactory(title="Newer", published_at=timezone.now() - timedelta(days=1))
    CommentFactory.create_batch(3, post=old)
    CommentFactory(post=old, status="pending")
    CommentFactory(post=old, status="spam")
    html = client.get("/").content.decode()
    assert html.index("Newer") < html.index("Older")
    assert "3 comments" in html
    assert new.title in html


def test_home_is_paginated(client):
    for n in range(12):
        PostFactory(title=f"Paged post {n:02d}")
    first = client.get("/").content.decode()
    second = client.get("/?page=2").content.decode()
    assert first.count("Paged post") == 10
    assert second.count("Paged post") == 2
    assert "Older posts" in first


def test_category_page_lists_only_its_posts(client):
    grief = CategoryFactory(name="Grief", slug="grief")
    inside = PostFactory(title="About grief")
    inside.categories.add(grief)
    PostFactory(title="About something else")
    html = client.get(reverse("blog:category", args=["grief"])).content.decode()
    assert "About grief" in html and "About something else" not in html


def test_month_archive_lists_posts_of_that_month(client):
    when = timezone.now().replace(day=10) - timedelta(days=40)
    PostFactory(title="Archived post", published_at=when)
    local = timezone.localtime(when)
    url = reverse("blog:month", args=[local.year, f"{local.month:02d}"])
    assert "Archived post" in client.get(url).content.decode()


def test_search_finds_a_post_by_a_word_in_its_body(client):
    PostFactory(title="Endings", body="<p>The word lighthouse appears here.</p>")
    PostFactory(title="Unrelated", body="<p>Nothing to see.</p>")
    html = client.get("/search/?q=lighthouse").content.decode()
    assert "Endings" in html and "Unrelated" not in html


def test_search_with_no_words_finds_nothing_and_does_not_fail(client):
    PostFactory()
    assert client.get("/search/?q=").status_code == 200


def _parse(response):
    return ET.fromstring(response.content)


def test_rss_and_atom_feeds_parse_and_list_only_published_posts(client):
    PostFactory(title="Public one")
    PostFactory(title="Draft one", status=Post.Status.DRAFT)
    rss = _parse(client.get("/feed/"))
    titles = [t.text for t in rss.iter("title")]
    assert "Public one" in titles and "Draft one" not in titles
    atom = _parse(client.get("/feed/atom/"))
    ns = "{http://www.w3.org/2005/Atom}"
    assert "Public one" in [t.text for t in atom.iter(f"{ns}title")]


def test_sitemap_lists_published_posts_only(client):
    public = PostFactory(slug="in-sitemap")
    PostFactory(slug="not-in-sitemap", status=Post.Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert public.get_absolute_url() in xml
    assert "not-in-sitemap" not in xml


def test_robots_txt_points_to_sitemap_and_hides_private_areas(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /moderation/" in text


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_home_page_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, django_assert_num_queries
):
    for _ in range(3):
        CommentFactory.create_batch(2, post=PostFactory())
    client.get("/")  # warm the site-settings cache
    with django_assert_num_queries(0):  # the stored page
        client.get("/")
    for _ in range(8):
        CommentFactory.create_batch(3, post=PostFactory())
    # rendered anew (the posts changed): count, the page of posts, the next scheduled post
    with django_assert_max_num_queries(3):
        client.get("/")
    client.cookies["sessionid"] = "someone"  # a reader with a session: rendered every time
    with django_assert_max_num_queries(2):
        assert "comments" in client.get("/").content.decode()


def test_content_security_policy_header_is_strict(client):
    PostFactory()
    csp = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


RESOURCE_ATTRS = re.compile(
    r"""<(script|link|img|iframe|source|video|audio)\b[^>]*?\b(?:src|href)=["']([^"']+)"""
)


@pytest.mark.parametrize("path_name", ["home", "post", "search", "feed-link", "support", "404"])
def test_no_page_loads_anything_from_another_host(client, path_name):
    post = PostFactory(body='<p>Pic <img src="https://tracker.example/p.gif" alt="x"></p>')
    CommentFactory(post=post, body="See https://elsewhere.example/page")
    urls = {
        "home": "/",
        "post": post.get_absolute_url(),
        "search": "/search/?q=pic",
        "feed-link": "/category/none/",
        "support": reverse("comments:support"),
        "404": "/nope/",
    }
    html = client.get(urls[path_name]).content.decode()
    for tag, url in RESOURCE_ATTRS.findall(html):
        assert not re.match(r"^(https?:)?//", url), f"<{tag}> loads {url} from another host"
    assert "url(http" not in html and "@import" not in html


def test_site_settings_announcement_and_social_links_show_on_every_page(client):
    settings_row = SiteSettings.load()
    settings_row.site_name = "Quiet Rooms"
    settings_row.tagline = "company for hard weeks"
    settings_row.linkedin_url = "https://www.linkedin.com/in/example"
    settings_row.save()
    html = client.get("/").content.decode()
    assert "Quiet Rooms ~ company for hard weeks" in html
    assert 'href="https://www.linkedin.com/in/example"' in html
    assert 'rel="me noopener noreferrer"' in html


def test_page_has_skip_link_landmarks_and_help_link_first(client):
    PostFactory()
    html = client.get("/").content.decode()
    skip = html.index('class="skip-link"')
    help_now = html.index("Need help now?")
    assert skip < help_now < html.index('class="brand"')
    for landmark in ("<header", "<main", "<footer", "<nav"):
        assert landmark in html


def test_server_error_page_renders_without_a_database():
    from django.test import RequestFactory

    from blog.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
