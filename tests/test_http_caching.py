"""HTTP done right: 304s from the page store's validators, no cookie on anonymous pages, and
Cache-Control/Vary that let a shared cache keep what every reader sees and nothing else."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import http_date

from blog.models import Page, SiteSettings
from comments import moderator_actions, transitions
from comments.models import Comment
from support.models import CrisisResource

from .conftest import comment_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


@pytest.fixture
def about(db):
    return Page.objects.create(title="About", slug="about", body="<p>Who I am.</p>", published=True)


@pytest.fixture
def anonymous_urls(post, about):
    CommentFactory(post=post, body="A reader's kind words.")
    return {
        "post": post.get_absolute_url(),
        "home": "/",
        "page": about.get_absolute_url(),
        "rss": reverse("blog:feed_rss"),
        "atom": reverse("blog:feed_atom"),
        "comment feed": reverse("comments:feed"),
        "post's comment feed": reverse("comments:post_feed", args=[post.pk]),
    }


PAGES = ["post", "home", "page", "rss", "atom", "comment feed", "post's comment feed"]


@pytest.mark.parametrize("name", PAGES)
def test_an_anonymous_page_sets_no_cookie_and_may_be_kept_briefly(anonymous_urls, name, settings):
    settings.HTTP_CACHE_SECONDS = 45
    response = Client().get(anonymous_urls[name])
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers and not response.cookies
    assert response["Cache-Control"] == "public, max-age=45"
    assert response["ETag"] and response["Last-Modified"]


@pytest.mark.parametrize("name", PAGES)
def test_a_current_copy_gets_304_by_etag_without_a_query(
    anonymous_urls, name, django_assert_max_num_queries
):
    reader = Client()
    etag = reader.get(anonymous_urls[name])["ETag"]
    with django_assert_max_num_queries(0):
        response = reader.get(anonymous_urls[name], HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b""
    assert response["ETag"] == etag
    assert not response.cookies


@pytest.mark.parametrize("name", PAGES)
def test_a_current_copy_gets_304_by_date_without_a_query(
    anonymous_urls, name, django_assert_max_num_queries
):
    reader = Client()
    modified = reader.get(anonymous_urls[name])["Last-Modified"]
    with django_assert_max_num_queries(0):
        response = reader.get(anonymous_urls[name], HTTP_IF_MODIFIED_SINCE=modified)
    assert response.status_code == 304
    before = http_date(time.time() - 3600)
    assert reader.get(anonymous_urls[name], HTTP_IF_MODIFIED_SINCE=before).status_code == 200


def _etag(url, **headers):
    response = Client().get(url, **headers)
    assert response.status_code == 200
    return response["ETag"]


def test_approving_a_comment_changes_the_validators_of_every_page_that_shows_it(post):
    waiting = CommentFactory(post=post, status=Comment.Status.PENDING, body="Waiting words.")
    urls = [post.get_absolute_url(), "/", reverse("comments:feed")]
    before = {url: Client().get(url) for url in urls}
    time.sleep(1.1)  # Last-Modified counts whole seconds (an ETag, which browsers send, does not)
    moderator_actions.approve(waiting)
    for url in urls:
        answer = Client().get(url, HTTP_IF_NONE_MATCH=before[url]["ETag"])
        assert answer.status_code == 200, url
        assert "Waiting words." in answer.content.decode() or url == "/"
        later = Client().get(url, HTTP_IF_MODIFIED_SINCE=before[url]["Last-Modified"])
        assert later.status_code == 200, url


def test_a_moderators_edit_changes_the_post_and_comment_feed_validators(post):
    comment = CommentFactory(post=post, body="First words.")
    urls = [post.get_absolute_url(), reverse("comments:feed")]
    before = {url: _etag(url) for url in urls}
    transitions.edit(comment, body="Edited words.")
    for url in urls:
        assert _etag(url) != before[url], url


def test_editing_a_post_a_page_or_the_site_changes_their_validators(post, about):
    urls = [post.get_absolute_url(), "/", reverse("blog:feed_rss")]
    before = {url: _etag(url) for url in urls}
    page_before = _etag(about.get_absolute_url())
    post.title = "A retitled post"
    post.save()
    after_post = {url: _etag(url) for url in urls}
    assert all(after_post[url] != before[url] for url in urls)
    # Made from what the page shows: the About page, which does not show the post, keeps its tag.
    assert _etag(about.get_absolute_url()) == page_before
    about.body = "<p>Who I am now.</p>"
    about.save()
    assert _etag(about.get_absolute_url()) != page_before
    site = SiteSettings.load()
    site.site_name = "Quiet Harbour"
    site.save()
    assert _etag("/") not in (before["/"], after_post["/"])


def test_each_region_has_its_own_validator_and_a_resource_edit_changes_it(post):
    url = post.get_absolute_url()
    us, gb = _etag(url), _etag(url, HTTP_ACCEPT_LANGUAGE="en-GB")
    assert us != gb
    samaritans = CrisisResource.objects.get(name="Samaritans", region="GB")
    samaritans.name = "Samaritans (UK and Ireland)"
    samaritans.save()
    assert _etag(url, HTTP_ACCEPT_LANGUAGE="en-GB") != gb


def test_a_kept_post_page_is_refreshed_before_its_form_stamp_expires(post, settings):
    settings.COMMENTS_FORM_MAX_AGE = 2  # a stamp is then good for 2 s: a copy for 1 s at most
    url = post.get_absolute_url()
    first = _etag(url)
    deadline = time.time() + 3
    while _etag(url) == first and time.time() < deadline:
        time.sleep(0.2)
    assert _etag(url) != first


def test_anonymous_pages_vary_on_cookie_and_accept_language(post):
    vary = Client().get(post.get_absolute_url())["Vary"]
    assert {"Cookie", "Accept-Language"} <= {part.strip() for part in vary.split(",")}
    answer = Client().get("/", HTTP_IF_NONE_MATCH=_etag("/"))
    assert "Accept-Language" in answer["Vary"]  # a 304 names them too


def test_feeds_vary_on_nothing_a_reader_sends(post):
    response = Client().get(reverse("comments:feed"))
    assert "Cookie" not in response.get("Vary", "")


def test_a_writer_seeing_their_own_pending_comment_gets_a_private_page(client, send_comment, post):
    send_comment(post, body="My words, waiting for a moderator.")
    response = client.get(post.get_absolute_url())
    assert "My words, waiting for a moderator." in response.content.decode()
    assert response["Cache-Control"] == PRIVATE
    assert "ETag" not in response and "Cookie" in response["Vary"]


def test_the_moderation_queue_is_private(moderator_client):
    response = moderator_client.get(reverse("moderation:queue"))
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize("path", ["/privacy/", "/accounts/login/"])
def test_privacy_and_log_in_pages_are_private(path):
    response = Client().get(path)
    assert response.status_code == 200
    said = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= said


def test_every_answer_to_a_post_is_private(send_comment, post):
    accepted = send_comment(post)
    assert accepted.status_code == 302 and accepted["Cache-Control"] == PRIVATE
    handed_back = send_comment(post, email="not-an-email", body="Keep these words.")
    assert handed_back.status_code == 400 and handed_back["Cache-Control"] == PRIVATE
    assert "Keep these words." in handed_back.content.decode()


def test_the_csrf_token_endpoint_is_never_kept(post):
    response = Client().get(reverse("comments:csrf"))
    assert response["Cache-Control"] == PRIVATE
    assert len(response.json()["token"]) == 64
    assert "csrftoken" in response.cookies


def _token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]*)"', html).group(1)


def test_without_javascript_a_comment_from_a_cached_page_is_handed_back_once_then_sent(post):
    """A browser with no cookie and no script: the first POST fails CSRF, its text comes back
    with a token and the cookie, and pressing Post comment again sends it."""
    reader = Client(enforce_csrf_checks=True)
    html = reader.get(post.get_absolute_url()).content.decode()
    assert _token(html) == ""
    data = comment_data(post, body="Written on a page a cache kept.")
    same_origin = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
    url = reverse("comments:post", args=[post.pk])
    refused = reader.post(url, {**data, "csrfmiddlewaretoken": ""}, **same_origin)
    page = refused.content.decode()
    assert refused.status_code == 403 and refused["Cache-Control"] == PRIVATE
    assert "Written on a page a cache kept." in page and "not been sent yet" in page
    assert "csrftoken" in refused.cookies
    resent = reader.post(url, {**data, "csrfmiddlewaretoken": _token(page)}, **same_origin)
    assert resent.status_code == 302
    assert Comment.objects.filter(body="Written on a page a cache kept.").exists()


@pytest.mark.parametrize("fetch_site", ["cross-site", "same-site", "none"])
def test_a_post_the_browser_says_came_from_elsewhere_never_gets_its_text_back(post, fetch_site):
    reader = Client(enforce_csrf_checks=True)
    response = reader.post(
        reverse("comments:post", args=[post.pk]),
        comment_data(post, body="Planted words from another site."),
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE=fetch_site,
    )
    assert response.status_code == 403
    assert "Planted words from another site." not in response.content.decode()
