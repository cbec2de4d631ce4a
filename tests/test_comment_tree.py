"""Reading comments: the tree, its numbering, the count line, placeholders, pages, queries."""

import re

import pytest
from django.db.models import F
from django.test import Client

from comments import moderator_actions
from comments.models import Comment
from comments.tree import build_tree, flatten, load_tree_page, recount, tree_version

from .factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


def _seed_shape(post, threads=17, replies_per_thread=1, grandchildren_every=2):
    """Threads with replies and some grandchildren, like the page we model."""
    made = 0
    for t in range(threads):
        top = CommentFactory(post=post)
        made += 1
        for _ in range(replies_per_thread):
            reply = CommentFactory(parent=top)
            made += 1
            if t % grandchildren_every == 0:
                CommentFactory(parent=reply)
                made += 1
    return made


def test_count_line_equals_the_approved_comments_a_reader_can_see(client, post):
    approved = _seed_shape(post, threads=5)
    CommentFactory(post=post, status="pending")
    CommentFactory(post=post, status="spam")
    html = client.get(post.get_absolute_url()).content.decode()
    assert f"{approved} comments on “{post.title}”" in html
    shown = len(re.findall(r'<li id="comment-\d+"', html))
    assert shown == approved


def test_threads_are_oldest_first_with_replies_numbered_per_level(client, post):
    first = CommentFactory(post=post, author_name="Ann")
    second = CommentFactory(post=post, author_name="Ben")
    reply_a = CommentFactory(parent=first, author_name="Dana")
    reply_b = CommentFactory(parent=first, author_name="Cleo")
    items = load_tree_page(post).items
    assert [n.comment.pk for n in items] == [first.pk, reply_a.pk, reply_b.pk, second.pk]
    assert [n.number for n in items] == [1, 1, 2, 2]
    assert items[1].parent_name == "Ann"


def test_replies_render_as_nested_lists_with_in_reply_to(client, post):
    top = CommentFactory(post=post, author_name="Ann")
    reply = CommentFactory(parent=top, author_name="Dana")
    html = client.get(post.get_absolute_url()).content.decode()
    nested = re.search(
        rf'<li id="comment-{top.pk}".*?<ol class="children">\s*<li id="comment-{reply.pk}"',
        html,
        re.S,
    )
    assert nested
    assert "in reply to Ann" in html


def test_html_lists_are_balanced_for_any_tree_shape(post):
    _seed_shape(post, threads=6, replies_per_thread=2, grandchildren_every=1)
    from django.template.loader import render_to_string

    html = render_to_string(
        "comments/thread_block.html", {"tree": load_tree_page(post), "post": post}
    )
    assert html.count("<ol") == html.count("</ol>")
    assert html.count("<li") == html.count("</li>")


def test_removed_comment_with_visible_replies_becomes_a_placeholder(client, post):
    top = CommentFactory(post=post, body="Hidden words.")
    CommentFactory(parent=top, body="A visible reply.")
    lonely = CommentFactory(post=post, body="Gone entirely.")
    moderator_actions.remove(top)
    moderator_actions.mark_spam(lonely)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "This comment was removed." in html
    assert "A visible reply." in html
    assert "Hidden words." not in html and "Gone entirely." not in html
    assert "1 comment on" in html


def test_threads_are_paginated_by_top_level_comment(client, post, settings):
    settings.COMMENTS_THREADS_PER_PAGE = 3
    tops = [CommentFactory(post=post, body=f"Thread {n} text") for n in range(7)]
    CommentFactory(parent=tops[4], body="Reply on page two")
    page2 = client.get(post.get_absolute_url() + "?cpage=2").content.decode()
    assert "Thread 3 text" in page2 and "Reply on page two" in page2
    assert "Thread 0 text" not in page2
    assert "Comments page 2 of 3" in page2
    assert "Newest" in client.get(post.get_absolute_url()).content.decode()
    post.refresh_from_db()  # the thread count is stored on the post as comments change
    numbers = [n.number for n in load_tree_page(post, 2).items if n.comment.depth == 1]
    assert numbers == [4, 5, 6]


@pytest.mark.parametrize("comment_count", [0, 43, 5000])
def test_post_page_costs_the_same_queries_whatever_the_comment_count(
    comment_count, django_assert_max_num_queries, settings
):
    settings.COMMENTS_TREE_CACHE = False  # measure the cold path
    post = PostFactory()
    if comment_count:
        rows = []
        tops = Comment.objects.bulk_create(
            Comment(
                post=post,
                author_name="R",
                body="x",
                body_html="<p>x</p>",
                status="approved",
                depth=1,
            )
            for _ in range(comment_count // 3)
        )
        Comment.objects.filter(post=post).update(root_id=F("pk"))
        for top in tops:
            rows.append(
                Comment(
                    post=post,
                    parent=top,
                    root_id=top.pk,
                    depth=2,
                    author_name="R",
                    body="y",
                    body_html="<p>y</p>",
                    status="approved",
                )
            )
        Comment.objects.bulk_create(rows)
        left = comment_count - Comment.objects.filter(post=post).count()
        CommentFactory.create_batch(left, post=post)
        assert Comment.objects.filter(post=post).count() == comment_count
        recount(post.pk)  # bulk_create skips Comment.save, which keeps the counts
    client = Client()
    client.get(post.get_absolute_url())  # warm site settings, resources, the stored page
    with django_assert_max_num_queries(2):  # the post's counts, then this page's threads
        html = client.get(post.get_absolute_url()).content.decode()
    assert (f"{comment_count} comments on" if comment_count else "No comments yet") in html
    client.cookies["sessionid"] = "a-reader"  # a reader with a session: the whole page rendered
    client.get(post.get_absolute_url())
    with django_assert_max_num_queries(4):  # + the post and its categories
        assert client.get(post.get_absolute_url()).status_code == 200


def test_cached_tree_is_served_without_tree_queries_and_refreshed_by_a_change(
    client, post, django_assert_max_num_queries
):
    comment = CommentFactory(post=post, body="Before the change.")
    client.get(post.get_absolute_url())
    with django_assert_max_num_queries(3):
        client.get(post.get_absolute_url())
    version = tree_version(post.pk)
    moderator_actions.remove(comment)
    assert tree_version(post.pk) > version
    assert "Before the change." not in client.get(post.get_absolute_url()).content.decode()


def test_flatten_closes_every_open_list():
    class Row:
        def __init__(self, pk, parent_id, status="approved"):
            self.pk, self.parent_id, self.status, self.author_name = pk, parent_id, status, "x"

    rows = [Row(1, None), Row(2, 1), Row(3, 2), Row(4, 1), Row(5, None)]
    items = flatten(build_tree(rows))
    assert [n.comment.pk for n in items] == [1, 2, 3, 4, 5]
    assert [len(n.closes) for n in items] == [0, 0, 1, 1, 0]


def test_every_visible_word_of_the_tree_goes_through_gettext(post, monkeypatch):
    """Words come from the translation catalogue: a stand-in catalogue changes every one of them."""
    monkeypatch.setattr("comments.tree.gettext", lambda text: f"[{text}]")
    staff = CommentFactory(
        post=post, author_name="Dana", is_staff_reply=True, content_note="mentions a death"
    )
    CommentFactory(post=post, parent=staff, root=staff, depth=2, author_name="Ana <b>")
    html = load_tree_page(post).html
    for words in [
        "[Author]",
        "[Reply]",
        "[Report]",
        "[Content note:]",
        "[show the comment]",
        "[in reply to Dana]",
        "[Reply to Ana &lt;b&gt;]",
    ]:
        assert words in html
    visible = re.sub(r"<[^>]+>|\s+", " ", html)
    for english in [" Reply ", " Report ", " Author ", " in reply to "]:
        assert english not in visible
    assert "<b>" not in html  # a typed name is escaped wherever it appears
