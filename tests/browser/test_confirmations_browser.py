"""Where the reader looks after acting on a comment, or after a form is handed back (Chromium).

The confirmation of a report or a deletion, a quick submission's message and the support panel
for a crisis text are each focused and in the viewport, at 1280 and 390 px, with JavaScript;
without it the address's fragment brings the confirmation into view.
"""

import pytest

from comments.models import Comment
from tests.browser.waiting import wait_focused
from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db(transaction=True)
CRISIS_TEXT = "I can't go on like this. Some nights I want to kill myself."
IN_VIEW = """(id) => {
  const box = document.getElementById(id).getBoundingClientRect();
  return box.top >= 0 && box.top < window.innerHeight && box.height > 0;
}"""


@pytest.fixture
def long_post(db):
    post = PostFactory(body="<p>" + "A long paragraph of the post. " * 200 + "</p>")
    threads = [CommentFactory(post=post, body="A reply worth reading. " * 20) for _ in range(8)]
    return post, threads


def _wait_in_view(page, element_id, attempts=50):
    """Bootstrap scrolls smoothly: wait for the element to arrive in the viewport.

    Polled from here, not with wait_for_function, which needs the page's JavaScript on.
    """
    for _ in range(attempts):
        if page.evaluate(IN_VIEW, element_id):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"#{element_id} is not in the viewport")


@pytest.mark.parametrize("width", [1280, 390])
def test_report_confirmation_is_focused_and_in_view(page, live_server, long_post, width):
    post, threads = long_post
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + post.get_absolute_url())
    page.click(f"#comment-{threads[6].pk} a.report-link")
    page.check("input[value=worried]")
    page.click("text=Send report")
    page.wait_for_selector("#comment-confirmation")
    wait_focused(page, "comment-confirmation")
    _wait_in_view(page, "comment-confirmation")
    assert "a person will read this comment" in page.inner_text("#comment-confirmation")


def test_report_confirmation_is_in_view_without_javascript(no_js_page, live_server, long_post):
    post, threads = long_post
    page = no_js_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + post.get_absolute_url())
    page.click(f"#comment-{threads[6].pk} a.report-link")
    page.check("input[value=spam]")
    page.click("text=Send report")
    page.wait_for_selector("#comment-confirmation")
    assert page.url.endswith("#comment-confirmation")
    _wait_in_view(page, "comment-confirmation")


def test_delete_confirmation_is_focused_and_in_view(page, live_server, long_post, settings):
    settings.COMMENTS_MIN_SECONDS = 0
    post, _ = long_post
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + post.get_absolute_url())
    page.fill("textarea[name=body]", "Something I will take back.")
    page.fill("input[name=name]", "Kit")
    page.click("text=Post comment")
    page.wait_for_selector("#comment-notice")
    mine = Comment.objects.get(body="Something I will take back.")
    page.click(f"#comment-{mine.pk} >> text=Delete")
    page.click("text=Delete it")
    page.wait_for_selector("#comment-confirmation")
    wait_focused(page, "comment-confirmation")
    _wait_in_view(page, "comment-confirmation")


@pytest.mark.parametrize(
    ("body", "focused"),
    [("Typed in a hurry, meant kindly.", "form-problem"), (CRISIS_TEXT, "crisis-help")],
)
def test_quick_submission_is_handed_back_in_view_with_the_text(
    page, live_server, long_post, settings, body, focused
):
    settings.COMMENTS_MIN_SECONDS = 60
    post, _ = long_post
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + post.get_absolute_url())
    page.fill("textarea[name=body]", body)
    page.fill("input[name=name]", "Kit")
    page.click("text=Post comment")
    page.wait_for_selector("#form-problem")
    wait_focused(page, focused)
    _wait_in_view(page, focused)
    assert "quicker than we expected" in page.inner_text("#form-problem")
    assert page.input_value("textarea[name=body]") == body
    assert not Comment.objects.filter(body=body).exists()
