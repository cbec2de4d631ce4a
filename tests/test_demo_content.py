"""Shape checks for the demo content in transfer/demo/.

These tests read the JSON files directly: they need neither Django nor a database.
"""

import html
import json
import pathlib
import re
import unicodedata

import pytest

DEMO_DIR = pathlib.Path(__file__).resolve().parent.parent / "transfer" / "demo"

POST_ONE_TITLE = "Saying goodbye & the therapeutic relationship"
POST_KEYS = {
    "title",
    "slug",
    "excerpt",
    "body_html",
    "categories",
    "days_ago",
    "sensitive_topics",
}
COMMENT_KEYS = {"name", "author", "days_after_post", "body", "replies"}
ALLOWED_TAGS = {"p", "em", "strong", "a", "blockquote"}


def _load(name):
    with open(DEMO_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def posts():
    return _load("posts.json")


@pytest.fixture(scope="module")
def comments():
    return _load("comments.json")


def _paragraphs(body_html):
    return re.findall(r"<p>(.*?)</p>", body_html, flags=re.DOTALL)


def _text(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def _walk(items, depth=1, parent=None):
    """Yield (comment, depth, parent) for every comment in a list of threads."""
    for item in items:
        yield item, depth, parent
        yield from _walk(item["replies"], depth + 1, item)


def _has_emoji(text):
    return any(unicodedata.category(ch) == "So" and ord(ch) > 0x2000 for ch in text)


# --- posts -----------------------------------------------------------------


def test_there_are_three_demo_posts_with_every_field(posts):
    assert len(posts) == 3
    for post in posts:
        assert set(post) == POST_KEYS
        assert post["title"].strip() and post["slug"].strip() and post["excerpt"].strip()
        assert post["categories"] and all(isinstance(c, str) and c for c in post["categories"])
        assert isinstance(post["days_ago"], int)
        assert isinstance(post["sensitive_topics"], bool)


def test_post_slugs_are_unique_and_url_safe(posts):
    slugs = [p["slug"] for p in posts]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s) for s in slugs)


def test_first_post_is_the_goodbye_post_from_sixty_days_ago(posts):
    first = posts[0]
    assert first["title"] == POST_ONE_TITLE
    assert first["slug"] == "saying-goodbye-the-therapeutic-relationship"
    assert first["days_ago"] == 60
    assert first["sensitive_topics"] is True


def test_first_post_has_thirteen_paragraphs_of_about_3500_characters(posts):
    paragraphs = _paragraphs(posts[0]["body_html"])
    assert len(paragraphs) == 13
    length = sum(len(_text(p)) for p in paragraphs)
    assert 3300 <= length <= 3800


def test_first_post_contains_a_winking_emoji_and_an_ellipsis(posts):
    text = _text(posts[0]["body_html"])
    assert "😉" in text
    assert "…" in text


def test_first_post_has_one_emphasis_and_a_support_link(posts):
    body = posts[0]["body_html"]
    assert body.count("<em>") == 1
    assert '<a href="/support/">' in body


def test_posts_use_only_plain_allowed_html_tags(posts):
    for post in posts:
        tags = {t.lower() for t in re.findall(r"</?([a-zA-Z0-9]+)", post["body_html"])}
        assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS


def test_shorter_posts_are_between_1200_and_1800_characters(posts):
    for post in posts[1:]:
        paragraphs = _paragraphs(post["body_html"])
        assert 5 <= len(paragraphs) <= 7
        assert 1200 <= len(_text(post["body_html"])) <= 1800


# --- comments --------------------------------------------------------------


def test_comment_file_has_threads_pending_and_spam(comments):
    assert set(comments) == {"threads", "pending", "spam"}


def test_conversation_has_seventeen_top_level_threads(comments):
    assert len(comments["threads"]) == 17


def test_conversation_has_forty_three_comments_in_total(comments):
    assert len(list(_walk(comments["threads"]))) == 43


def test_comments_are_split_seventeen_eighteen_eight_by_depth(comments):
    counts = {}
    for _, depth, _ in _walk(comments["threads"]):
        counts[depth] = counts.get(depth, 0) + 1
    assert counts == {1: 17, 2: 18, 3: 8}


def test_no_comment_is_nested_deeper_than_three(comments):
    for comment, depth, _ in _walk(comments["threads"]):
        assert depth <= 3
        if depth == 3:
            assert comment["replies"] == []


def test_every_comment_has_the_expected_fields_and_types(comments):
    every = list(_walk(comments["threads"] + comments["pending"] + comments["spam"]))
    for comment, _, _ in every:
        assert COMMENT_KEYS <= set(comment) <= COMMENT_KEYS | {"content_note"}
        assert isinstance(comment["author"], bool)
        assert isinstance(comment["days_after_post"], (int, float))
        assert isinstance(comment["body"], str) and comment["body"].strip()
        assert isinstance(comment.get("content_note", False), bool)


def test_the_author_answers_between_sixteen_and_twenty_times(comments):
    answers = [c for c, _, _ in _walk(comments["threads"]) if c["author"]]
    assert 16 <= len(answers) <= 20


def test_author_replies_are_signed_dana_and_never_start_a_thread(comments):
    for comment, depth, _ in _walk(comments["threads"]):
        if comment["author"]:
            assert comment["name"] == "Dana"
            assert depth in (2, 3)


def test_readers_come_back_to_answer_the_author_at_least_twice(comments):
    returns = [
        c
        for c, depth, parent in _walk(comments["threads"])
        if depth == 3 and not c["author"] and parent["author"]
    ]
    assert len(returns) >= 2


def test_at_least_three_comments_run_past_two_thousand_characters(comments):
    long_ones = [c for c, _, _ in _walk(comments["threads"]) if len(c["body"]) > 2000]
    assert len(long_ones) >= 3
    for comment in long_ones:
        assert comment["body"].count("\n\n") >= 4


def test_every_commenter_name_is_present_and_at_most_fifty_characters(comments):
    every = list(_walk(comments["threads"] + comments["pending"] + comments["spam"]))
    for comment, _, _ in every:
        assert comment["name"].strip()
        assert len(comment["name"]) <= 50


def test_a_reply_is_never_dated_before_its_parent(comments):
    for comment, _, parent in _walk(comments["threads"]):
        if parent is not None:
            assert comment["days_after_post"] >= parent["days_after_post"]


def test_no_comment_is_dated_after_today(comments, posts):
    post_age = posts[0]["days_ago"]
    every = list(_walk(comments["threads"] + comments["pending"] + comments["spam"]))
    for comment, _, _ in every:
        assert 0 <= comment["days_after_post"] <= post_age


def test_comment_bodies_are_plain_text(comments):
    every = list(_walk(comments["threads"] + comments["pending"] + comments["spam"]))
    for comment, _, _ in every:
        assert not re.search(r"<[a-zA-Z/][^>]*>", comment["body"])


def test_at_least_one_comment_carries_a_content_note(comments):
    noted = [c for c, _, _ in _walk(comments["threads"]) if c.get("content_note")]
    assert noted


def test_a_few_comments_contain_emoji(comments):
    with_emoji = [c for c, _, _ in _walk(comments["threads"]) if _has_emoji(c["body"])]
    assert len(with_emoji) >= 3


def test_one_comment_waits_in_moderation_and_one_is_spam(comments):
    assert len(comments["pending"]) == 1
    assert len(comments["spam"]) == 1
    for comment in comments["pending"] + comments["spam"]:
        assert comment["author"] is False
        assert comment["replies"] == []
    assert "http://" in comments["spam"][0]["body"]
