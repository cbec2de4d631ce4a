"""The queue's layout in Chromium: fits a 390 px phone, 44 px targets, axe-clean at both widths.

Every item below carries what makes a queue item wide: a long name, a long website address,
a crisis flag, a report, a content note, a parent quote and rule flags.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, Permission

from comments.models import Comment, Report
from tests.factories import CommentFactory, PostFactory, UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
PHONE, DESKTOP = 390, 1280
Status = Comment.Status


@pytest.fixture
def busy_queue(db):
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="moderate_comment"))
    UserFactory(username="ruth").groups.add(group)
    post = PostFactory(title="Living with grief after a long illness, and what came after it")
    CommentFactory(
        post=post,
        status=Status.PENDING,
        author_name="Anonymousreaderwithanamethatneverbreaks",
        author_url="https://example.org/" + "a-very-long-path/" * 6,
        body="I can't do this anymore. " * 8 + "https://example.org/" + "x" * 80,
        crisis_level="crisis",
        crisis_matches=["can't do this anymore"],
        flags=["crisis language: crisis", "3 links"],
        content_note="mentions self-harm",
    )
    reported = CommentFactory(post=post, author_name="Ben", open_reports=1)
    Report.objects.create(comment=reported, reason=Report.Reason.WORRIED, note="Sounds low " * 20)
    parent = CommentFactory(post=post, author_name="Cy", body="The parent comment. " * 10)
    CommentFactory(parent=parent, status=Status.PENDING, author_name="Dee")


def _open_queue(browser, live_server, width, scheme="light", tab="review"):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/%3Ftab%3D{tab}")
    page.fill("input[name=username]", "ruth")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_url(f"**/moderation/?tab={tab}")
    return page


def _scroll_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("tab", ["review", "unanswered", "approved"])
def test_the_queue_fits_a_390px_phone_without_sideways_scrolling(
    browser, live_server, busy_queue, tab
):
    page = _open_queue(browser, live_server, PHONE, tab=tab)
    assert _scroll_width(page) <= PHONE
    for toggle in page.locator("button[data-panel-toggle]").all():
        toggle.click()  # an open reply or content-note panel must fit too
        assert _scroll_width(page) <= PHONE
    page.context.close()


def test_every_button_on_a_queue_item_is_at_least_44px_tall_at_390px(
    browser, live_server, busy_queue
):
    page = _open_queue(browser, live_server, PHONE)
    buttons = page.locator(".queue-item .btn:visible, .queue-bulk .btn:visible").all()
    assert len(buttons) >= 20
    heights = {b.inner_text(): b.bounding_box()["height"] for b in buttons}
    assert {text: h for text, h in heights.items() if h < 44} == {}
    checkboxes = page.locator(".queue-check").all()
    assert all(box.bounding_box()["height"] >= 44 for box in checkboxes)
    page.context.close()


def test_the_actions_line_up_in_the_same_columns_on_every_item_at_1280px(
    browser, live_server, busy_queue
):
    page = _open_queue(browser, live_server, DESKTOP)
    lefts = page.evaluate(
        "Array.from(document.querySelectorAll('.queue-item .queue-actions'))"
        ".map(row => Math.round(row.getBoundingClientRect().left))"
    )
    checks = page.evaluate(
        "Array.from(document.querySelectorAll('.queue-check input, #select-all'))"
        ".map(box => Math.round(box.getBoundingClientRect().left))"
    )
    assert len(set(lefts)) == 1, lefts
    assert len(set(checks)) == 1, checks  # "select all" sits over the items' boxes
    assert _scroll_width(page) <= DESKTOP
    page.context.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_queue(browser, live_server, busy_queue, width, scheme):
    page = _open_queue(browser, live_server, width, scheme)
    page.locator("button[data-panel-toggle^='reply-panel']").first.click()
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    page.context.close()
