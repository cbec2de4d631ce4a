"""The tree's markup is exactly what it was: a fixture tree against stored renderings.

tests/fixtures/tree/*.html were written by the format_html renderer as of commit ae01e4c (the
markup issue 13 keeps while making it faster). The tree has every kind of comment the markup
distinguishes; names, links and notes hold characters HTML and format strings treat specially.
Set REWRITE_TREE_FIXTURES=1 to write the files again after a deliberate change of markup.
"""

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from blog.models import Post
from comments import tree
from comments.models import Comment

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tree"
APPROVED, PENDING, REMOVED, SPAM = (
    Comment.Status.APPROVED,
    Comment.Status.PENDING,
    Comment.Status.REMOVED,
    Comment.Status.SPAM,
)
START = datetime(2026, 3, 9, 7, 5, tzinfo=UTC)

# (pk, parent pk, depth, status, name, url, staff reply, content note)
ROWS = [
    (101, None, 1, APPROVED, "Ana", "", False, ""),
    (102, 101, 2, APPROVED, "Ben <b>\"&'", "https://example.org/?a=1&b=<2>", False, ""),
    (103, 102, 3, APPROVED, "Cleo {0} {name}", "", False, "mentions {a} death & <loss>"),
    (104, 101, 2, APPROVED, "Dana", "https://example.org/dana", True, ""),
    (105, None, 1, REMOVED, "Gone", "", False, ""),
    (106, 105, 2, APPROVED, "Edie}", "", False, ""),
    (107, None, 1, PENDING, "Finn (mine)", "", False, ""),
    (108, None, 1, SPAM, "Spammer", "", False, ""),
    (109, None, 1, APPROVED, "Gus", "https://example.org/gus", True, "a note"),
    (110, 109, 2, PENDING, "Hana {}", "", False, ""),
    (111, None, 1, PENDING, "Someone else's pending", "", False, ""),
]
OWN = {107, 110}
EDITABLE = {107}


def _rows():
    rows = []
    for index, (pk, parent, depth, status, name, url, staff, note) in enumerate(ROWS):
        comment = Comment(
            pk=pk,
            post_id=1,
            parent_id=parent,
            root_id=pk if parent is None else None,
            depth=depth,
            status=status,
            author_name=name,
            author_url=url,
            is_staff_reply=staff,
            content_note=note,
            body_html=f"<p>Body of {pk} with {{braces}} &amp; <em>markup</em>.</p>",
            created_at=START + timedelta(days=40 * index, minutes=7 * index),
        )
        if status != PENDING or pk in OWN:
            rows.append(comment)
    return rows


def _render(comments_open=True):
    items = tree.flatten(tree.build_tree(_rows(), OWN))
    tree._prepare(items, Post(pk=1, comments_open=comments_open))
    for node in items:
        node.editable = node.comment.pk in EDITABLE
    return tree.render_tree(items)


def _odd_words(text):
    """A stand-in catalogue whose words hold the characters HTML treats specially."""
    return "<" + text + ">&'\""


def _braced_words(text):
    """A stand-in catalogue whose words hold format-string braces."""
    return "{0}{" + text + "}"


CASES = {
    "page.html": {},
    "page-closed.html": {"comments_open": False},
}


def _compare(name, html):
    path = FIXTURES / name
    if os.environ.get("REWRITE_TREE_FIXTURES"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
def test_tree_markup_is_byte_identical_to_the_stored_rendering(name):
    with timezone.override("Europe/London"):
        _compare(name, _render(**CASES[name]))


def test_translated_words_with_markup_characters_render_as_before(monkeypatch):
    monkeypatch.setattr("comments.tree.gettext", _odd_words)
    with timezone.override("Europe/London"):
        _compare("page-odd-words.html", _render())


def test_translated_words_with_braces_are_printed_as_they_are(monkeypatch):
    monkeypatch.setattr("comments.tree.gettext", _braced_words)
    html = _render()
    for words in ["{0}{Reply}", "{0}{Report}", "{0}{Content note:}", "{0}{in reply to Ana}"]:
        assert words in html


def test_words_follow_a_change_of_catalogue_at_once(monkeypatch):
    assert "[Reply]" not in _render()
    monkeypatch.setattr("comments.tree.gettext", lambda text: f"[{text}]")
    assert "[Reply]" in _render()


def test_every_typed_value_in_the_fixture_is_escaped():
    html = _render()
    for raw in ['Ben <b>"', "<loss>", "b=<2>"]:
        assert raw not in html
    assert "Ben &lt;b&gt;&quot;&amp;&#x27;" in html
