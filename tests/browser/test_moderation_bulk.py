"""Bulk approve and bulk remove in a real Chromium, with JavaScript on and off.

With JavaScript on, the bulk buttons once shadowed ``form.action`` and the page posted to
"/moderation/[object RadioNodeList]", hiding the 404. Both ways must change the comments.
"""

import os

import pytest
from django.contrib.auth.models import Group, Permission

from comments.models import Comment
from tests.browser.waiting import wait_until_true
from tests.factories import CommentFactory, PostFactory, UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
Status = Comment.Status


@pytest.fixture
def moderator_user(db):
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="moderate_comment"))
    user = UserFactory(username="ruth")
    user.groups.add(group)
    return user


def _log_in(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_url("**/moderation/")


@pytest.fixture(params=["javascript", "no-javascript"])
def any_page(request, browser, live_server, moderator_user):
    context = browser.new_context(java_script_enabled=request.param == "javascript")
    page = context.new_page()
    page.set_default_timeout(10_000)
    _log_in(page, live_server, moderator_user)
    page.js = request.param == "javascript"
    yield page
    context.close()


@pytest.fixture
def js_page(browser, live_server, moderator_user):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    _log_in(page, live_server, moderator_user)
    yield page
    context.close()


def _statuses(comments):
    return [Comment.objects.get(pk=c.pk).status for c in comments]


@pytest.mark.parametrize(
    ("start", "button", "end"),
    [
        (Status.PENDING, "Approve selected", Status.APPROVED),
        (Status.PENDING, "Remove selected", Status.REMOVED),
    ],
)
def test_bulk_action_changes_the_selected_comments(any_page, live_server, start, button, end):
    page = any_page
    post = PostFactory()
    chosen = [CommentFactory(post=post, status=start, body=f"Chosen {n}.") for n in range(2)]
    left = CommentFactory(post=post, status=start, body="Left alone.")
    page.goto(f"{live_server.url}/moderation/")
    for comment in chosen:
        page.check(f"#select-{comment.pk}")
    page.click(f"button:has-text('{button}')")
    if page.js:
        for comment in chosen:
            page.wait_for_selector(f"#item-{comment.pk}.is-done")
        assert page.url == f"{live_server.url}/moderation/"  # stayed, no navigation to a 404
        assert page.is_hidden("[data-queue-error]")
    else:
        page.wait_for_selector(".queue-alert-ok")
        assert page.inner_text(".queue-alert-ok").endswith(": 2 comments.")
    assert _statuses(chosen) == [end, end]
    assert _statuses([left]) == [start]


def test_bulk_with_nothing_selected_shows_a_focused_alert(any_page, live_server):
    page = any_page
    waiting = CommentFactory(post=PostFactory(), status=Status.PENDING)
    page.goto(f"{live_server.url}/moderation/")
    page.click("button:has-text('Approve selected')")
    alert = page.locator(".queue-alert-error:visible")
    alert.wait_for()
    assert alert.inner_text() == "Select at least one comment first."
    assert alert.get_attribute("role") == "alert"
    wait_until_true(page, "() => document.activeElement.classList.contains('queue-alert-error')")
    assert _statuses([waiting]) == [Status.PENDING]


def test_a_server_failure_during_bulk_is_shown_not_swallowed(js_page, live_server):
    page = js_page
    waiting = CommentFactory(post=PostFactory(), status=Status.PENDING)
    page.goto(f"{live_server.url}/moderation/")
    page.route("**/moderation/bulk/", lambda route: route.fulfill(status=404, body="Not found"))
    page.check(f"#select-{waiting.pk}")
    page.click("button:has-text('Approve selected')")
    alert = page.locator("[data-queue-error]")
    alert.wait_for()
    assert "nothing may have changed" in alert.inner_text()
    assert "(HTTP 404)" in alert.inner_text()
    wait_until_true(page, "() => document.activeElement.hasAttribute('data-queue-error')")
