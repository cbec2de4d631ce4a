"""After reporting a comment, or deleting their own, the reader's confirmation is where they look.

It sits at the top of the comments on the page that shows the comment, the redirect's fragment
names it (so it is in view without JavaScript), and it is a focusable status region that
site.js focuses. The "worried about this person" form says truthfully what happens next.
"""

import pytest
from django.urls import reverse

from .factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db
CONFIRMATION = 'id="comment-confirmation" role="status" tabindex="-1" data-focus-on-load'


def _landing(client, response):
    assert response.status_code == 302
    path, _, fragment = response["Location"].partition("#")
    assert fragment == "comment-confirmation"
    return path, client.get(path).content.decode()


def test_report_confirmation_is_at_the_top_of_the_comments_and_named_by_the_fragment(
    client, comment
):
    response = client.post(reverse("comments:report", args=[comment.pk]), {"reason": "spam"})
    path, html = _landing(client, response)
    assert path == comment.post.get_absolute_url()
    assert CONFIRMATION in html
    assert "Your report was sent" in html
    assert f'href="#comment-{comment.pk}"' in html
    # inside the comments section, before the list, not in the site-wide messages at the top
    assert html.index('id="comments"') < html.index(CONFIRMATION) < html.index("comment-list")
    assert 'class="messages"' not in html


def test_report_confirmation_shows_once(client, comment):
    client.post(reverse("comments:report", args=[comment.pk]), {"reason": "spam"})
    client.get(comment.post.get_absolute_url())
    assert CONFIRMATION not in client.get(comment.post.get_absolute_url()).content.decode()


def test_report_on_page_two_lands_on_page_two(client, settings):
    settings.COMMENTS_THREADS_PER_PAGE = 2
    post = PostFactory()
    threads = [CommentFactory(post=post) for _ in range(3)]
    response = client.post(reverse("comments:report", args=[threads[2].pk]), {"reason": "spam"})
    path, html = _landing(client, response)
    assert path == f"{post.get_absolute_url()}?cpage=2"
    assert CONFIRMATION in html and f'id="comment-{threads[2].pk}"' in html


def test_worried_report_confirmation_says_what_happens_and_where_to_get_help(client, comment):
    response = client.post(reverse("comments:report", args=[comment.pk]), {"reason": "worried"})
    _, html = _landing(client, response)
    assert CONFIRMATION in html
    assert "a person will read this comment as soon as they can" in html
    assert "we cannot reach them for you" in html
    assert f'href="{reverse("comments:support")}"' in html


def test_deleting_own_comment_confirms_at_the_top_of_the_comments(client, send_comment, post):
    from comments.models import Comment

    send_comment(post, body="I would rather take this back.")
    comment = Comment.objects.get()
    response = client.post(reverse("comments:delete", args=[comment.pk]))
    path, html = _landing(client, response)
    assert path == post.get_absolute_url()
    assert CONFIRMATION in html and "Your comment was deleted" in html
    assert "I would rather take this back." not in html


def test_worried_form_says_truthfully_what_happens_next(client, comment):
    html = client.get(reverse("comments:report", args=[comment.pk])).content.decode()
    assert "what happens next" in html
    assert "A person reads it as soon as they can" in html
    assert "not watched around the clock" in html
    assert "cannot contact the writer in any other way" in html
    assert 'href="tel:988"' in html  # the reader's region's support lines, on the form itself
