"""A queue item's own buttons in Chromium: dismiss a report, no reply needed, content note."""

import os

import pytest
from django.contrib.auth.models import Group, Permission

from comments.models import Comment, Report
from tests.factories import CommentFactory, PostFactory, UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
Status = Comment.Status


@pytest.fixture
def queue_page(page, live_server):
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="moderate_comment"))
    user = UserFactory(username="ruth")
    user.groups.add(group)
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_url("**/moderation/")
    return page


def test_dismiss_report_in_place_leaves_the_comment_public(queue_page, live_server):
    page = queue_page
    comment = CommentFactory(post=PostFactory(), open_reports=1, body="Reported words.")
    report = Report.objects.create(comment=comment, reason=Report.Reason.ABUSIVE)
    page.goto(f"{live_server.url}/moderation/")
    page.click(f"#item-{comment.pk} button:has-text('Dismiss report')")
    page.wait_for_selector(f"#item-{comment.pk}.is-done")
    assert page.locator(f'[data-report="{report.pk}"]').count() == 0
    assert "stays public" in page.inner_text(f"#item-{comment.pk} [data-result]")
    assert page.inner_text('[data-count="review"]') == "0"
    comment.refresh_from_db()
    report.refresh_from_db()
    assert (comment.status, comment.open_reports) == (Status.APPROVED, 0)
    assert report.resolved_at is not None


def test_no_reply_needed_in_place_takes_the_item_out_of_unanswered(queue_page, live_server):
    page = queue_page
    comment = CommentFactory(post=PostFactory(), body="Just saying thank you.")
    page.goto(f"{live_server.url}/moderation/?tab=unanswered")
    assert page.inner_text('[data-count="unanswered"]') == "1"
    page.click(f"#item-{comment.pk} button:has-text('No reply needed')")
    page.wait_for_selector(f"#item-{comment.pk}.is-done")
    assert page.inner_text('[data-count="unanswered"]') == "0"
    comment.refresh_from_db()
    assert comment.no_reply_needed and comment.status == Status.APPROVED


def test_content_note_from_the_queue_folds_the_comment_for_readers(
    queue_page, live_server, browser
):
    page = queue_page
    post = PostFactory()
    comment = CommentFactory(post=post, status=Status.PENDING, body="Words about a hard night.")
    item = f"#item-{comment.pk}"
    page.goto(f"{live_server.url}/moderation/")
    page.click(f"{item} summary:has-text('Add a content note')")
    page.get_by_label("Content note", exact=True).fill("mentions self-harm")
    page.click(f"{item} button:has-text('Save content note')")
    page.wait_for_selector(f"{item} [data-note-current]:visible")
    assert page.inner_text(f"{item} [data-note-text]") == "mentions self-harm"
    assert "Content note saved" in page.inner_text(f"{item} [data-result]")
    assert page.inner_text(f"{item} [data-note] > summary") == "Change the content note"
    page.click(f"{item} .queue-actions [data-action=approve]")
    page.wait_for_selector(f"{item}.is-done")

    reader = browser.new_context().new_page()
    reader.goto(live_server.url + post.get_absolute_url())
    summary = reader.locator(".content-note summary")
    assert "mentions self-harm" in summary.inner_text()
    assert not reader.is_visible("text=Words about a hard night.")
    summary.click()
    assert reader.is_visible("text=Words about a hard night.")
    reader.context.close()
