"""Every link to a comment lands on the page of threads that shows it (comments.tree.pages_of).

Threads are listed oldest first, COMMENTS_THREADS_PER_PAGE to a page; a writer's own pending
threads count for the writer (they see them), not for anyone else.
"""

import re

import pytest
from django.urls import reverse

from comments.models import Comment
from comments.tree import comment_url, load_tree_page, pages_of

from .factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db
Status = Comment.Status


def _threads(post, count):
    return [CommentFactory(post=post, body=f"Thread {n} on this post.") for n in range(count)]


def _follow(client, response):
    """The page the redirect leads to, and the comment id its fragment names."""
    assert response.status_code == 302
    location = response["Location"]
    path, _, fragment = location.partition("#")
    return client.get(path).content.decode(), fragment


def test_on_the_17_thread_post_the_4th_new_thread_redirects_to_page_2(send_comment, client):
    post = PostFactory()
    _threads(post, 17)
    locations = []
    for n in range(4):
        response = send_comment(post, body=f"My new thread number {n}, written with care.")
        locations.append(response["Location"])
    mine = list(Comment.objects.filter(author_name="Sam").order_by("pk"))
    assert locations[:3] == [f"{post.get_absolute_url()}#comment-{c.pk}" for c in mine[:3]]
    assert locations[3] == f"{post.get_absolute_url()}?cpage=2#comment-{mine[3].pk}"
    html, fragment = _follow(client, response)
    assert fragment == f"comment-{mine[3].pk}" and f'id="{fragment}"' in html


@pytest.fixture
def busy_post(settings):
    settings.COMMENTS_THREADS_PER_PAGE = 3
    post = PostFactory()
    return post, _threads(post, 5)  # threads 1-3 on page 1, 4-5 on page 2


def test_new_thread_redirects_to_the_last_page_and_that_page_shows_it(
    send_comment, client, busy_post
):
    post, _ = busy_post
    response = send_comment(post, body="A new thread on a busy post.")
    comment = Comment.objects.get(body="A new thread on a busy post.")
    assert response["Location"] == f"{post.get_absolute_url()}?cpage=2#comment-{comment.pk}"
    html, fragment = _follow(client, response)
    assert fragment == f"comment-{comment.pk}"
    assert f'id="comment-{comment.pk}"' in html


def test_reply_redirects_to_the_page_of_its_thread(send_comment, client, busy_post):
    post, threads = busy_post
    for thread, page in ((threads[0], ""), (threads[4], "?cpage=2")):
        body = f"A reply to thread {thread.pk}, kindly meant."
        response = send_comment(post, body=body, parent=thread.pk)
        reply = Comment.objects.get(body=body)
        assert response["Location"] == f"{post.get_absolute_url()}{page}#comment-{reply.pk}"
        html, _ = _follow(client, response)
        assert f'id="comment-{reply.pk}"' in html


def test_edit_redirects_to_the_page_that_shows_the_edited_comment(send_comment, client, busy_post):
    post, _ = busy_post
    send_comment(post, body="First words, to be edited.")
    comment = Comment.objects.get(body="First words, to be edited.")
    response = client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Better words."})
    assert response["Location"] == f"{post.get_absolute_url()}?cpage=2#comment-{comment.pk}"
    html, _ = _follow(client, response)
    assert f'id="comment-{comment.pk}"' in html and "Better words." in html


def test_a_writers_pending_thread_counts_for_them_but_not_for_other_readers(busy_post):
    post, threads = busy_post
    CommentFactory(post=post, status=Status.PENDING, body="Someone else's, waiting.")
    mine = CommentFactory(post=post, status=Status.PENDING, body="Mine, waiting.")
    later = CommentFactory(post=post, body="Approved after both.")
    # For the public: 5 threads, then `later` is the 6th -> page 2.
    assert pages_of([later]) == {later.pk: 2}
    # For the writer of `mine`: 7 threads; `later` is the 7th -> page 3.
    assert pages_of([later], own_ids=[mine.pk]) == {later.pk: 3}
    assert pages_of([mine], own_ids=[mine.pk]) == {mine.pk: 2}


def test_page_of_every_comment_is_the_page_that_renders_it(settings):
    """Oldest threads first (the order the site lists them): replies, placeholders and all."""
    settings.COMMENTS_THREADS_PER_PAGE = 2
    post = PostFactory()
    first, removed, third, fourth, fifth = _threads(post, 5)
    removed.status = Status.REMOVED
    removed.save()
    reply_in_removed = CommentFactory(parent=removed)
    spam_thread = CommentFactory(post=post, status=Status.SPAM)  # hidden: listed nowhere
    replies = [CommentFactory(parent=fifth), CommentFactory(parent=first)]
    post.refresh_from_db()
    comments = [first, reply_in_removed, third, fourth, fifth, *replies]
    pages = pages_of(comments)
    for comment in comments:
        rendered = load_tree_page(post, pages[comment.pk])
        assert comment.pk in {node.comment.pk for node in rendered.items}, comment.body
    assert [pages[c.pk] for c in (first, reply_in_removed, third, fourth, fifth)] == [1, 1, 2, 2, 3]
    assert spam_thread.pk not in pages_of([first])


def test_public_links_to_a_comment_name_its_page(client, busy_post):
    post, threads = busy_post
    on_page_two = threads[3]
    expected = f"{post.get_absolute_url()}?cpage=2#comment-{on_page_two.pk}"
    assert on_page_two.get_absolute_url() == expected
    assert threads[0].get_absolute_url() == f"{post.get_absolute_url()}#comment-{threads[0].pk}"
    for feed in (reverse("comments:feed"), reverse("comments:post_feed", args=[post.pk])):
        xml = client.get(feed).content.decode()
        assert f"{post.get_absolute_url()}?cpage=2#comment-{on_page_two.pk}" in xml


def test_feed_of_comments_finds_every_page_in_one_query(
    client, busy_post, django_assert_max_num_queries
):
    post, _ = busy_post
    client.get(reverse("comments:feed"))  # site settings cached
    with django_assert_max_num_queries(3):  # the comments, their pages, the site settings
        client.get(reverse("comments:feed"))


def test_reply_email_links_to_the_page_of_the_reply(busy_post):
    from comments import notifications
    from comments.models import Subscription

    post, threads = busy_post
    thread = threads[4]
    Subscription.objects.create(
        comment=thread, email="writer@example.org", token="t" * 20, confirmed_at=thread.created_at
    )
    reply = CommentFactory(parent=thread, body="A reply on page two.")
    assert notifications.notify_reply_approved(reply) == 1
    from comments.models import OutgoingEmail

    links = re.findall(r"http\S+#comment-\d+", OutgoingEmail.objects.get(kind="reply").body)
    assert links and all("?cpage=2#" in link for link in links)


def test_comment_url_without_a_page_reads_it(busy_post):
    post, threads = busy_post
    assert comment_url(threads[4]).endswith(f"?cpage=2#comment-{threads[4].pk}")
    assert comment_url(threads[4], page=1).endswith(f"/#comment-{threads[4].pk}")


def test_a_stored_comment_redirects_to_its_anchor_even_if_the_page_cannot_be_read(
    send_comment, busy_post, monkeypatch
):
    """The database going away after the commit must not turn a saved comment into an error."""
    from django.db import OperationalError

    from comments import views

    def gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    post, _ = busy_post
    monkeypatch.setattr(views, "comment_url", gone)
    response = send_comment(post, body="Saved just before the database went.")
    comment = Comment.objects.get(body="Saved just before the database went.")
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#comment-{comment.pk}"
