"""Support in a real Chromium: the footer on a 320px phone, and the panel after a crisis comment."""

import importlib
import os
import re

import pytest
from django.apps import apps as django_apps

from comments.models import Comment
from support.models import CrisisResource
from tests.factories import PostFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CRISIS_WORDS = "I want to kill myself. I can't do this anymore and I don't see the point."


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    settings.COMMENTS_MIN_SECONDS = 0


@pytest.fixture(autouse=True)
def _seeded_resources():
    """Transactional tests flush the database, seeds included: put the default resources back.

    (serialized_rollback cannot do it here: once Playwright's loop runs, Django's connection
    for this thread no longer carries the serialized copy.)
    """
    if not CrisisResource.objects.exists():
        seed = importlib.import_module("comments.migrations.0003_seed_crisis_resources").seed
        seed(django_apps, None)


@pytest.fixture
def phone(browser):
    """A 320px-wide phone in the UK, recording every request the page makes."""
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, locale="en-GB", has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    yield page
    context.close()


def assert_only_own_host(page, live_server):
    others = [url for url in page.requested if not url.startswith(live_server.url)]
    assert others == [], f"requests to other hosts: {others}"


@pytest.mark.parametrize("where", ["home", "post", "support"])
def test_footer_fits_a_320px_phone_with_visible_resources_and_big_tap_targets(
    phone, live_server, where
):
    post = PostFactory()
    path = {"home": "/", "post": post.get_absolute_url(), "support": "/support/"}[where]
    phone.goto(live_server.url + path)
    footer = phone.locator(".support-footer")
    footer.scroll_into_view_if_needed()
    assert footer.locator("h2").inner_text() == "If you are struggling and need support now"
    resources = footer.locator("li.resource")
    assert 2 <= resources.count() <= 3
    for index in range(resources.count()):
        assert resources.nth(index).is_visible()
    assert footer.locator('a[href="tel:116123"]').is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    for link in footer.locator("a").all():
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, f"{link.inner_text()}: {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, f"{link.inner_text()}: {box}"
    assert_only_own_host(phone, live_server)


def test_crisis_comment_through_the_form_shows_the_panel_resources_first(phone, live_server):
    post = PostFactory()
    phone.goto(live_server.url + post.get_absolute_url())
    phone.fill("textarea[name=body]", CRISIS_WORDS)
    phone.fill("input[name=name]", "Robin")
    phone.click("text=Post comment")
    phone.wait_for_url(re.compile(r"/comments/\d+/sent/$"))

    comment = Comment.objects.get(post=post)
    assert comment.status == Comment.Status.PENDING  # kept and queued, never rejected
    panel = phone.locator(".crisis-panel")
    assert panel.locator("h1").inner_text() == "Thank you for writing this"
    first_call = panel.locator('a[href="tel:116123"]')
    back = panel.locator("text=Back to the post")
    assert first_call.is_visible()
    assert first_call.bounding_box()["y"] < back.bounding_box()["y"]
    assert first_call.bounding_box()["height"] >= 44
    assert panel.locator("li.resource").first.bounding_box()["y"] < phone.viewport_size["height"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320

    back.click()
    phone.wait_for_url(re.compile(re.escape(post.get_absolute_url()) + r"#comment-\d+$"))
    assert f"#comment-{comment.pk}" in phone.url
    assert "awaiting moderation" in phone.content()
    assert_only_own_host(phone, live_server)
