"""Every URL, hostile query values, anonymous and as a moderator: never a 5xx.

The walk resolves the URLconf itself (the admin's own hundreds of URLs excepted: its index
is walked), fills each path converter from a small fixture, and sends each GET parameter the
views read with each hostile value.
"""

import pytest
from django.test import Client
from django.test.utils import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .factories import CategoryFactory, CommentFactory, PostFactory

pytestmark = pytest.mark.django_db
PARAMS = ("q", "page", "cpage", "replyto", "post", "tab", "focus", "actor", "next", "region",
          "action", "month", "year")  # fmt: skip
HOSTILE = ("\x00", "a\x00b", str(10**30), "-1", "0", "²", "ü💥\u202e", "x" * 10_240, "1e3", "")


def walk(resolver=None, prefix="", namespace=""):
    """(view name, route pattern) of every named URL, outside the admin."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if getattr(entry, "app_name", None) == "admin":
                continue
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern)


@pytest.fixture
def site():
    post = PostFactory()
    category = CategoryFactory()
    post.categories.add(category)
    comment = CommentFactory(post=post)
    return post, category, comment


def concrete_urls(post, category, comment):
    published = post.published_at
    values = {
        "post_id": post.pk,
        "pk": comment.pk,
        "slug": post.slug,
        "year": published.year,
        "month": f"{published:%m}",
        "token": "not-a-real-token",
        "action": "approve",
        "path": "images/none.png",
    }
    urls = ["/admin/"]
    for name, route in walk():
        kwargs = {key: value for key, value in values.items() if f":{key}>" in route}
        if name == "blog:category":
            kwargs["slug"] = category.slug
        urls.append(reverse(name, kwargs=kwargs))
    return urls


def test_the_walk_reaches_every_reader_and_moderator_page(site):
    urls = concrete_urls(*site)
    assert len(urls) >= 20
    for expected in ("/search/", "/moderation/", "/moderation/activity/", "/privacy/"):
        assert expected in urls
    assert site[0].get_absolute_url() in urls


@pytest.mark.parametrize("who", ["anonymous", "moderator"])
def test_no_url_answers_a_hostile_query_with_a_server_error(site, who, moderator):
    client = Client(raise_request_exception=False)
    if who == "moderator":
        client.force_login(moderator)
    failures = []
    for url in concrete_urls(*site):
        for value in HOSTILE:
            queries = [{name: value} for name in PARAMS] + [dict.fromkeys(PARAMS, value)]
            for query in queries:
                status = client.get(url, query).status_code
                if status >= 500:
                    failures.append((url, query if len(query) == 1 else "all", value[:20], status))
    assert failures == []


REDIS_DOWN = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": True},
}


@pytest.fixture
def redis_down(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    with override_settings(CACHES={"default": REDIS_DOWN, "versions": REDIS_DOWN}):
        yield


def test_with_redis_down_log_in_works_and_lock_out_still_holds(redis_down, moderator):
    client = Client(raise_request_exception=False)
    login = {"username": moderator.username, "password": "wrong"}
    statuses = [client.post("/accounts/login/", login).status_code for _ in range(5)]
    assert statuses[:4] == [200] * 4 and max(statuses) < 500
    login["password"] = "correct horse battery staple"
    assert client.post("/accounts/login/", login).status_code == 429  # counted in the database
    other = Client(REMOTE_ADDR="10.1.1.1", raise_request_exception=False)
    assert other.post("/accounts/login/", login).status_code == 302


def test_with_redis_down_reader_pages_and_a_comment_answer_without_a_server_error(
    redis_down, site, send_comment
):
    post = site[0]
    client = Client(raise_request_exception=False)
    for url in ("/", post.get_absolute_url(), "/search/?q=a", "/feed/", "/support/"):
        assert client.get(url).status_code < 500, url
    assert send_comment(post, via=client).status_code in (200, 302)
