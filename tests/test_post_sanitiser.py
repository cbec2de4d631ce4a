"""Post bodies keep the post allowlist and lose everything that could run."""

import pytest

from blog.sanitize import POST_ATTRIBUTES, POST_TAGS, sanitize_post_html

from .conftest import shared_testdata
from .html_checks import assert_inert
from .xss_vectors import OWN_XSS_VECTORS


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script><p>text</p>",
        '<p onclick="alert(1)">text</p>',
        '<a href="javascript:alert(1)">link</a>',
        '<a href="JaVaScRiPt:alert(1)">link</a>',
        '<img src="x" onerror="alert(1)">',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<svg><script>alert(1)</script></svg>",
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    ],
)
def test_sanitiser_removes_scripts_handlers_and_javascript_urls(dirty):
    clean = sanitize_post_html(dirty).lower()
    assert "<script" not in clean
    assert "onerror" not in clean and "onclick" not in clean
    assert "javascript:" not in clean
    assert "<iframe" not in clean and "style=" not in clean
    assert "data:text/html" not in clean


def test_sanitiser_keeps_headings_lists_links_emphasis_quotes_and_images():
    html = (
        '<h2>Title</h2><ul><li>one</li></ul><p><a href="https://example.org">x</a> '
        "<em>e</em> <strong>s</strong></p><blockquote>q</blockquote>"
        '<img src="/static/a.png" alt="A lamp">'
    )
    clean = sanitize_post_html(html)
    for piece in (
        "<h2>",
        "<ul>",
        "<li>",
        'href="https://example.org"',
        "<em>",
        "<strong>",
        "<blockquote>",
        'alt="A lamp"',
    ):
        assert piece in clean


def test_images_without_alt_text_get_an_empty_alt():
    assert 'alt=""' in sanitize_post_html('<img src="/a.png">')


def test_post_is_sanitised_when_saved(db):
    from .factories import PostFactory

    post = PostFactory(body='<p onmouseover="x()">Hi</p><script>bad()</script>')
    assert post.body == "<p>Hi</p>bad()"


def test_every_public_xss_vector_is_inert_in_a_post_body():
    allowed = {**POST_ATTRIBUTES}
    for name in ("PayloadsAllTheThings__RSNAKE_XSS.txt", "PayloadsAllTheThings__IntrudersXSS.txt"):
        for line in shared_testdata("xss", name).read_text(errors="replace").splitlines():
            assert_inert(sanitize_post_html(line), POST_TAGS, allowed)


def test_our_own_xss_vectors_are_inert_in_a_post_body():
    for vector in OWN_XSS_VECTORS:
        assert_inert(sanitize_post_html(vector), POST_TAGS, POST_ATTRIBUTES)


def test_images_on_another_host_become_links_so_no_page_loads_them():
    html = sanitize_post_html('<img src="https://old-site.example/wp-content/a.jpg" alt="Sea">')
    assert "<img" not in html
    assert 'href="https://old-site.example/wp-content/a.jpg"' in html and "[Sea]" in html
