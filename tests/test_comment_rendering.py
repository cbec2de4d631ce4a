"""What a reader typed becomes safe HTML, once, on save."""

import pytest

from comments.rendering import COMMENT_ATTRIBUTES, COMMENT_TAGS, render_comment_body

from .conftest import shared_testdata
from .html_checks import assert_inert
from .xss_vectors import OWN_XSS_VECTORS

RENDERED_TAGS = COMMENT_TAGS | {"p", "br"}
RENDERED_ATTRIBUTES = {**COMMENT_ATTRIBUTES, "a": ["href", "title", "rel"]}


def test_plain_text_becomes_paragraphs_and_line_breaks():
    html = render_comment_body("First line\nsecond line\n\nNew paragraph")
    assert html == "<p>First line<br>\nsecond line</p>\n<p>New paragraph</p>"


def test_urls_are_linked_with_nofollow_ugc_noopener():
    html = render_comment_body("See https://example.org/page for more")
    assert '<a href="https://example.org/page" rel="nofollow ugc noopener">' in html


def test_allowed_inline_tags_are_kept_and_others_are_shown_as_typed():
    html = render_comment_body("<b>bold</b> <em>soft</em> <code>x</code> <h1>big</h1>")
    assert "<b>bold</b>" in html and "<em>soft</em>" in html and "<code>x</code>" in html
    assert "&lt;h1&gt;big&lt;/h1&gt;" in html


def test_typed_links_get_rel_and_unsafe_links_lose_their_href():
    html = render_comment_body(
        '<a href="https://ok.example">ok</a> <a href="javascript:x()">no</a>'
    )
    assert 'rel="nofollow ugc noopener"' in html
    assert "javascript:" not in html


def test_unicode_is_normalised_and_bidi_and_control_characters_removed():
    decomposed = "cafe\u0301"
    html = render_comment_body(f"{decomposed} \u202eevil\u202c \x00\x07ok")
    assert "café" in html
    assert "\u202e" not in html and "\x00" not in html and "\x07" not in html
    assert "evil" in html and "ok" in html


def test_emoji_are_kept():
    assert "💛 🌱 😉" in render_comment_body("💛 🌱 😉")


def test_a_tag_left_open_cannot_swallow_the_next_paragraph():
    html = render_comment_body("<b>never closed\n\nnext paragraph")
    assert html.count("<b>") == html.count("</b>") == 1
    assert "<p>next paragraph</p>" in html


@pytest.mark.parametrize("vector", OWN_XSS_VECTORS)
def test_our_xss_vectors_render_inert(vector):
    assert_inert(render_comment_body(vector), RENDERED_TAGS, RENDERED_ATTRIBUTES)


def test_every_public_xss_vector_renders_inert():
    for name in ("PayloadsAllTheThings__RSNAKE_XSS.txt", "PayloadsAllTheThings__IntrudersXSS.txt"):
        for line in shared_testdata("xss", name).read_text(errors="replace").splitlines():
            assert_inert(render_comment_body(line), RENDERED_TAGS, RENDERED_ATTRIBUTES)


def test_every_public_xss_vector_renders_inert_in_a_real_post_page(client, db):
    from .factories import CommentFactory, PostFactory

    post = PostFactory()
    lines = []
    for name in ("PayloadsAllTheThings__RSNAKE_XSS.txt", "PayloadsAllTheThings__IntrudersXSS.txt"):
        lines += shared_testdata("xss", name).read_text(errors="replace").splitlines()
    for line in lines[:150]:
        if line.strip():
            CommentFactory(post=post, body=line)
    html = client.get(post.get_absolute_url()).content.decode()
    start = html.index('<ol class="comment-list">')
    end = html.index('<div class="comment-form-wrap"')
    allowed_page = RENDERED_TAGS | {
        "ol",
        "li",
        "article",
        "header",
        "span",
        "time",
        "div",
        "footer",
        "details",
        "summary",
        "nav",
    }
    page_attrs = {
        tag: [
            "id",
            "class",
            "aria-labelledby",
            "aria-hidden",
            "aria-label",
            "href",
            "datetime",
            "rel",
            "title",
            "data-reply-to",
            "data-reply-name",
            "cite",
        ]
        for tag in allowed_page
    }
    assert_inert(html[start:end], allowed_page, page_attrs)
