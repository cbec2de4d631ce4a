"""The reader's side of comments in a real Chromium."""

import pytest

from comments.models import Comment
from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    settings.COMMENTS_MIN_SECONDS = 0


def _fill(page, body, name="Sam"):
    page.fill("textarea[name=body]", body)
    page.fill("input[name=name]", name)


def test_reply_with_javascript_moves_the_form_under_the_comment(page, live_server):
    post = PostFactory()
    parent = CommentFactory(post=post, author_name="Ann")
    page.goto(live_server.url + post.get_absolute_url())
    page.click(f"#comment-{parent.pk} a.reply-link")
    assert page.locator(f"#comment-{parent.pk} #respond").count() == 1
    assert "Reply to Ann" in page.inner_text("#respond-heading")
    _fill(page, "Answering Ann with JavaScript on.")
    page.click("text=Post comment")
    page.wait_for_selector("#comment-notice")
    reply = Comment.objects.get(body="Answering Ann with JavaScript on.")
    assert reply.parent_id == parent.pk


def test_reply_without_javascript_uses_replyto_and_keeps_the_thread(no_js_page, live_server):
    page = no_js_page
    post = PostFactory()
    parent = CommentFactory(post=post, author_name="Ben")
    page.goto(live_server.url + post.get_absolute_url())
    page.click(f"#comment-{parent.pk} a.reply-link")
    assert "replyto=" in page.url
    assert "Replying to Ben" in page.inner_text(".replying-to")
    _fill(page, "Answering Ben without JavaScript.")
    page.click("text=Post comment")
    assert Comment.objects.get(body="Answering Ben without JavaScript.").parent_id == parent.pk
    assert "awaiting moderation" in page.content()


def test_draft_survives_a_reload_until_the_comment_is_accepted(page, live_server):
    post = PostFactory()
    page.goto(live_server.url + post.get_absolute_url())
    page.fill("textarea[name=body]", "Half-written thoughts I must not lose.")
    page.locator("[data-draft-status]", has_text="Draft saved").wait_for()
    page.reload()
    assert page.input_value("textarea[name=body]") == "Half-written thoughts I must not lose."
    page.fill("input[name=name]", "Kit")
    page.click("text=Post comment")
    page.wait_for_selector("#comment-notice")
    page.goto(live_server.url + post.get_absolute_url())
    assert page.input_value("textarea[name=body]") == ""


def test_pending_preview_is_shown_to_the_writer_only(page, browser, live_server):
    post = PostFactory()
    page.goto(live_server.url + post.get_absolute_url())
    _fill(page, "My pending words for the preview.")
    page.click("text=Post comment")
    page.wait_for_selector("#comment-notice")
    assert page.locator("text=Your comment is awaiting moderation").count() >= 1
    assert page.locator("text=My pending words for the preview.").count() == 1
    other = browser.new_context().new_page()
    other.goto(live_server.url + post.get_absolute_url())
    assert other.locator("text=My pending words for the preview.").count() == 0
    other.context.close()


def test_content_note_collapses_until_the_reader_opens_it(page, live_server):
    post = PostFactory()
    CommentFactory(post=post, content_note="mentions a death", body="A hard memory kept folded.")
    page.goto(live_server.url + post.get_absolute_url())
    assert not page.is_visible("text=A hard memory kept folded.")
    page.click("summary")
    assert page.is_visible("text=A hard memory kept folded.")


def test_xss_vectors_stay_inert_in_a_real_page(page, live_server):
    from tests.xss_vectors import OWN_XSS_VECTORS

    post = PostFactory()
    for vector in OWN_XSS_VECTORS:
        CommentFactory(post=post, body=vector)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url + post.get_absolute_url())
    page.mouse.move(10, 10)
    page.hover("#comments")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert (
        page.evaluate("document.querySelectorAll('#comments script, #comments iframe').length") == 0
    )
