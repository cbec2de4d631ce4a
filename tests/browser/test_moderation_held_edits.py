"""A writer's held edit in Chromium: Approve edit and Reject edit work in place with JavaScript,
like every other queue action, and still post and come back without it."""

import os

import pytest

from comments import transitions
from comments.models import Comment
from tests.factories import CommentFactory, PostFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's
APPROVED = "Thank you for this post."
PROPOSED = "Thank you for this post, and for the reading list at the end."
DECISIONS = [
    ("Approve edit", "Published the edit by", PROPOSED),
    ("Reject edit", "Rejected the edit by", APPROVED),
]


@pytest.fixture
def held_edit(db):
    """An approved comment whose writer's edit waits for a moderator."""
    comment = CommentFactory(post=PostFactory(), body=APPROVED, author_name="Ann")
    return transitions.propose_edit(comment, body=PROPOSED, flags=[])


@pytest.mark.parametrize(("button", "said", "readers_see"), DECISIONS)
def test_deciding_a_held_edit_updates_the_item_in_place(
    queue_page, held_edit, button, said, readers_see
):
    page = queue_page
    item = f"#item-{held_edit.pk}"
    page.reload()
    assert page.inner_text('[data-count="review"]') == "1"
    page.click(f"{item} .queue-actions button:has-text('{button}')")
    page.wait_for_selector(f"{item}.is-done")  # gone from Needs review after a reload
    assert said in page.inner_text(f"{item} [data-result]")
    assert page.locator(".queue-alert-ok").count() == 0  # no redirect with a message
    assert page.locator(f"{item} [data-proposed]").count() == 0
    assert page.inner_text(f"{item} [data-body]").strip() == readers_see
    assert page.inner_text('[data-count="review"]') == "0"
    held_edit.refresh_from_db()
    assert (held_edit.body, held_edit.pending_body) == (readers_see, "")
    assert held_edit.status == Comment.Status.APPROVED


@pytest.mark.parametrize(("button", "said", "readers_see"), DECISIONS)
def test_without_javascript_deciding_a_held_edit_posts_and_comes_back(
    no_js_page, live_server, moderator_user, held_edit, button, said, readers_see
):
    page = no_js_page
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/")
    page.fill("input[name=username]", moderator_user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_url("**/moderation/")
    page.click(f"#item-{held_edit.pk} .queue-actions button:has-text('{button}')")
    page.wait_for_url("**/moderation/")
    assert said in page.inner_text(".queue-alert-ok")
    assert page.locator(f"#item-{held_edit.pk}").count() == 0  # no longer needs review
    held_edit.refresh_from_db()
    assert (held_edit.body, held_edit.pending_body) == (readers_see, "")
