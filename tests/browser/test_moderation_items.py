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
    toggle = page.locator(f"{item} .queue-actions button:has-text('Content note')")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.get_by_label("Content note", exact=True).fill("mentions self-harm")
    page.click(f"{item} button:has-text('Save content note')")
    page.wait_for_selector(f"{item} [data-note-current]:visible")
    assert page.inner_text(f"{item} [data-note-text]") == "mentions self-harm"
    assert "Content note saved" in page.inner_text(f"{item} [data-result]")
    assert page.input_value(f"#note-{comment.pk}") == "mentions self-harm"
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


def test_without_javascript_reply_and_content_note_open_their_own_pages(no_js_page, live_server):
    page = no_js_page
    page.set_default_timeout(10_000)
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="moderate_comment"))
    UserFactory(username="ruth").groups.add(group)
    comment = CommentFactory(post=PostFactory(), status=Status.PENDING, author_name="Ann")
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/")
    page.fill("input[name=username]", "ruth")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    item = f"#item-{comment.pk}"

    page.click(f"{item} .queue-actions a:has-text('Content note')")
    page.get_by_label("Content note").fill("mentions a death")
    page.click("button:has-text('Save content note')")
    page.wait_for_url("**/moderation/")
    assert "Content note saved" in page.inner_text(".queue-alert-ok")

    page.click(f"{item} .queue-actions a:has-text('Reply')")
    page.fill("textarea[name=body]", "Thank you, Ann.")
    page.click("button:has-text('Approve and reply')")
    page.wait_for_url("**/moderation/")
    comment.refresh_from_db()
    assert comment.content_note == "mentions a death"
    assert comment.status == Status.APPROVED
    assert Comment.objects.get(parent=comment).body == "Thank you, Ann."
