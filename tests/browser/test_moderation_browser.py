"""The moderation queue in a real Chromium: approve-and-reply in place, and keyboard shortcuts."""

import os
import time

import pytest

from comments.models import Comment
from support.models import CrisisResource
from tests.factories import CommentFactory, PostFactory

from .conftest import PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_approve_and_reply_in_place_shows_the_reply_on_the_post(queue_page, live_server):
    page = queue_page
    post = PostFactory()
    waiting = CommentFactory(
        post=post,
        status=Comment.Status.PENDING,
        author_name="Ann",
        body="I lost my mother in spring and still cannot sleep.",
    )
    CrisisResource.objects.create(
        name="Find A Helpline",
        category="directory",
        region="INTL",
        url="https://findahelpline.com/",
    )
    item = f"#item-{waiting.pk}"

    started = time.perf_counter()
    page.goto(f"{live_server.url}/moderation/")
    page.click(f"{item} summary:has-text('Reply')")
    page.click(f"{item} button:has-text('Insert support resources')")
    assert "Find A Helpline" in page.input_value(f"#reply-{waiting.pk}")
    page.fill(f"#reply-{waiting.pk}", "Thank you for writing, Ann. Sleep comes back slowly.")
    page.click(f"{item} button:has-text('Approve and reply')")
    page.wait_for_selector(f"{item}.is-done")
    page.click(f"{item} a:has-text('See the reply on the post')")
    page.wait_for_selector("text=Sleep comes back slowly.")
    elapsed = time.perf_counter() - started
    print(f"\napprove-and-reply, queue load to reply visible on the post: {elapsed:.2f}s")

    assert page.locator(".author-badge").first.is_visible()
    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.APPROVED
    reply = Comment.objects.get(parent=waiting)
    assert reply.is_staff_reply and reply.status == Comment.Status.APPROVED


def _focused_item(page):
    return page.evaluate("document.activeElement.closest('[data-item]')?.id || ''")


def test_keyboard_shortcuts_move_approve_and_show_help(queue_page, live_server):
    page = queue_page
    post = PostFactory()
    first, second, third = (
        CommentFactory(post=post, status=Comment.Status.PENDING, body=f"Waiting comment {n}.")
        for n in range(3)
    )
    page.goto(f"{live_server.url}/moderation/")
    assert page.locator("#shortcuts").is_visible()

    page.keyboard.press("j")
    assert _focused_item(page) == f"item-{first.pk}"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert _focused_item(page) == f"item-{third.pk}"
    page.keyboard.press("k")
    assert _focused_item(page) == f"item-{second.pk}"

    page.keyboard.press("a")
    page.wait_for_selector(f"#item-{second.pk}.is-done")
    assert _focused_item(page) == f"item-{third.pk}"
    assert page.inner_text('[data-count="review"]') == "2"
    second.refresh_from_db()
    assert second.status == Comment.Status.APPROVED

    page.keyboard.press("?")
    assert page.locator("#shortcut-help").is_visible()
    page.keyboard.press("?")
    assert not page.locator("#shortcut-help").is_visible()

    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.id") == f"reply-{third.pk}"
    page.keyboard.type("so sorry")  # letters typed in the reply box are text, not shortcuts
    third.refresh_from_db()
    assert third.status == Comment.Status.PENDING
    assert page.input_value(f"#reply-{third.pk}") == "so sorry"


def test_without_javascript_approve_posts_and_returns_to_the_same_tab(
    no_js_page, live_server, moderator_user
):
    page = no_js_page
    post = PostFactory()
    waiting = CommentFactory(post=post, status=Comment.Status.PENDING)
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/%3Ftab%3Dreview")
    page.fill("input[name=username]", moderator_user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.click(f"#item-{waiting.pk} .queue-actions [data-action=approve]")
    assert "tab=review" in page.url
    assert f"Approved: the comment by {waiting.author_name}." in page.content()
    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.APPROVED


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_queue_and_its_pages_pass_axe_in_light_and_dark(queue_page, live_server, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page = queue_page
    post = PostFactory()
    flagged = CommentFactory(
        post=post,
        status=Comment.Status.PENDING,
        crisis_level="crisis",
        crisis_matches=["want to die"],
        flags=["crisis language: crisis"],
    )
    CommentFactory(post=post, open_reports=1)
    page.emulate_media(color_scheme=scheme)
    urls = [
        "/moderation/",
        "/moderation/activity/",
        f"/moderation/comment/{flagged.pk}/edit/",
        f"/moderation/comment/{flagged.pk}/spam/",
        f"/moderation/comment/{flagged.pk}/reply/",
    ]
    for url in urls:
        page.goto(live_server.url + url)
        if url == "/moderation/":
            page.hover(f"#item-{flagged.pk} summary")
            page.click(f"#item-{flagged.pk} summary")
        violations = Axe().run(page, context="main").response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == [], url
