"""Commenting from a page a cache kept: it carries no CSRF token and set no cookie.

With JavaScript the form asks /comments/csrf/ for its token when the reader starts writing;
without it the first press hands the text back with a token, and the second sends it.
"""

import re

import pytest

from comments.models import Comment
from tests.browser.waiting import wait_until_true
from tests.factories import PostFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    settings.COMMENTS_MIN_SECONDS = 0


def _read_cookie_free(page, live_server, post):
    response = page.goto(live_server.url + post.get_absolute_url())
    assert response.headers["cache-control"].startswith("public")
    assert page.context.cookies() == []
    assert page.input_value("input[name=csrfmiddlewaretoken]") == ""


def test_with_javascript_the_form_fetches_its_token_and_the_comment_is_sent(page, live_server):
    post = PostFactory()
    _read_cookie_free(page, live_server, post)
    page.fill("textarea[name=body]", "Sent from a page every reader shares.")
    page.fill("input[name=name]", "Sam")
    wait_until_true(
        page,
        "() => document.querySelector('input[name=csrfmiddlewaretoken]').value.length > 0",
        message="the form has its CSRF token",
    )
    page.click("button:has-text('Post comment')")
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    assert Comment.objects.filter(post=post, body="Sent from a page every reader shares.").exists()


def test_a_send_before_the_token_arrived_waits_for_it(page, live_server):
    post = PostFactory()
    _read_cookie_free(page, live_server, post)
    page.evaluate(
        """() => {
          const form = document.querySelector('form.comment-form');
          form.querySelector('textarea[name=body]').value = 'Sent at once, no focus first.';
          form.querySelector('input[name=name]').value = 'Kit';
          form.requestSubmit();
        }"""
    )
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    assert Comment.objects.filter(post=post, body="Sent at once, no focus first.").exists()


def test_without_javascript_the_text_comes_back_once_and_one_press_sends_it(
    no_js_page, live_server
):
    page = no_js_page
    post = PostFactory()
    _read_cookie_free(page, live_server, post)
    page.fill("textarea[name=body]", "Written with scripts off on a shared page.")
    page.fill("input[name=name]", "Ola")
    page.click("button:has-text('Post comment')")
    page.wait_for_load_state("load")
    assert "not been sent yet" in page.content()
    assert page.input_value("textarea[name=body]") == "Written with scripts off on a shared page."
    assert not Comment.objects.filter(post=post).exists()
    page.click("button:has-text('Post comment')")  # the message above names it too
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    assert Comment.objects.filter(
        post=post, body="Written with scripts off on a shared page."
    ).exists()
