"""Drafts in a real Chromium: gone after a successful submission, discardable, never kept for
moderators (issue 14, item 14). A shared computer must not show the next person a draft."""

import re

import pytest

from comments.models import Comment
from tests.factories import PostFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CRISIS_WORDS = "I can't go on like this. Some nights I want to kill myself."


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    settings.COMMENTS_MIN_SECONDS = 0


def stored_draft(page, post):
    return page.evaluate(f"localStorage.getItem('haven-draft-{post.pk}')")


def write(page, live_server, post, body, name="Sam"):
    page.goto(live_server.url + post.get_absolute_url())
    page.fill("textarea[name=body]", body)
    page.fill("input[name=name]", name)
    page.locator("[data-draft-status]", has_text="Draft saved").wait_for()
    assert body in stored_draft(page, post)


@pytest.mark.parametrize(
    ("body", "lands_on"),
    [
        ("An ordinary comment, sent and accepted.", r"#comment-\d+$"),
        (CRISIS_WORDS, r"/comments/\d+/sent/$"),
    ],
    ids=["ordinary", "crisis-panel"],
)
def test_a_sent_comment_leaves_no_draft_behind(page, live_server, body, lands_on):
    post = PostFactory()
    write(page, live_server, post, body)
    page.click("text=Post comment")
    page.wait_for_url(re.compile(lands_on))
    assert Comment.objects.filter(post=post, body=body).exists()
    page.wait_for_load_state("load")
    assert stored_draft(page, post) is None  # cleared by the page the writer lands on
    page.goto(live_server.url + post.get_absolute_url())  # the next person at this computer
    assert page.input_value("textarea[name=body]") == ""
    assert stored_draft(page, post) is None


def test_discard_draft_empties_the_form_and_the_browser(page, live_server):
    post = PostFactory()
    write(page, live_server, post, "Words I decided not to send.")
    page.click("text=Discard draft")
    assert page.input_value("textarea[name=body]") == ""
    assert stored_draft(page, post) is None
    assert page.locator("[data-draft-status]").inner_text() == "Draft discarded."
    page.reload()
    assert page.input_value("textarea[name=body]") == ""
    assert page.locator("[data-discard-draft]").is_hidden()


def test_a_moderators_page_never_stores_a_draft(queue_page, live_server):
    page = queue_page
    post = PostFactory()
    page.goto(live_server.url + post.get_absolute_url())
    assert page.get_attribute("form.comment-form", "data-autosave") == "off"
    page.fill("textarea[name=body]", "A moderator's reply, typed on the post page.")
    page.wait_for_timeout(800)  # well past the 300 ms autosave delay
    assert stored_draft(page, post) is None
    assert page.locator("[data-draft-status]").inner_text() == ""
    assert page.evaluate("localStorage.length") == 0


def test_an_expired_csrf_cookie_hands_the_text_back_to_this_browser(page, live_server):
    """The draft token the script sets on submit is what lets the server hand text back."""
    post = PostFactory()
    write(page, live_server, post, "Written while my session expired.")
    page.context.clear_cookies(name="csrftoken")
    page.click("text=Post comment")
    page.wait_for_load_state("load")
    assert "session expired" in page.content()
    assert page.input_value("textarea[name=body]") == "Written while my session expired."
    assert not Comment.objects.filter(post=post).exists()
