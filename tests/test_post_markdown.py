"""Posts written in Markdown: rendered by markdown-it-py, then through the one post sanitiser."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from blog.markdown import render_markdown
from blog.models import Post
from blog.sanitize import POST_ATTRIBUTES, POST_TAGS

from .factories import PostFactory, UserFactory
from .html_checks import assert_inert
from .xss_vectors import OWN_XSS_VECTORS

PREVIEW = "admin:blog_post_markdown_preview"


def test_markdown_makes_headings_quotes_lists_links_and_emphasis():
    html = render_markdown(
        "## Grief\n\n> A quote\n\n- one\n- two\n\n1. first\n\n"
        "[a link](https://example.org/help) with *emphasis* and **strength**\n\n### Smaller"
    )
    for piece in (
        "<h2>Grief</h2>",
        "<blockquote>",
        "<ul>",
        "<li>one</li>",
        "<ol>",
        '<a href="https://example.org/help">a link</a>',
        "<em>emphasis</em>",
        "<strong>strength</strong>",
        "<h3>Smaller</h3>",
    ):
        assert piece in html


def test_a_top_level_markdown_heading_becomes_h2_since_the_title_is_the_only_h1():
    assert render_markdown("# Section") == "<h2>Section</h2>\n"


def test_empty_markdown_renders_nothing():
    assert render_markdown("  \n") == ""


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert(1)</script>",
        "text <script>alert(1)</script> more",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
        '<img src="x" onerror="alert(1)">',
        "<a href='/' onclick='alert(1)'>x</a>",
        '<p style="background:url(javascript:alert(1))">x</p>',
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<iframe src='https://evil.example'></iframe>",
    ],
)
def test_raw_html_and_dangerous_links_in_markdown_never_reach_readers(markdown):
    html = render_markdown(markdown)
    assert_inert(html, POST_TAGS, POST_ATTRIBUTES)
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", lowered)  # no event handler in a tag
    assert 'href="javascript:' not in lowered and 'src="javascript:' not in lowered


@pytest.mark.parametrize("vector", OWN_XSS_VECTORS)
def test_every_xss_vector_written_as_markdown_comes_out_inert(vector):
    assert_inert(render_markdown(vector), POST_TAGS, POST_ATTRIBUTES)


def test_raw_html_in_markdown_is_shown_as_text_not_trusted():
    html = render_markdown('<b class="x">bold?</b>')
    assert "&lt;b" in html and "<b" not in html


def test_a_remote_image_in_markdown_becomes_a_link_so_no_page_loads_another_host():
    html = render_markdown("![A lamp](https://tracker.example/lamp.jpg)")
    assert "<img" not in html
    assert '<a href="https://tracker.example/lamp.jpg"' in html


def test_saving_a_post_with_markdown_stores_sanitised_html_made_from_it(db):
    post = PostFactory(body="<p>old</p>", body_markdown="## New\n\nHello <script>x</script>")
    post.refresh_from_db()
    assert post.body.startswith("<h2>New</h2>")
    assert "<script" not in post.body and "old" not in post.body
    assert post.body_markdown.startswith("## New")


def test_a_post_without_markdown_keeps_its_html_sanitised(db):
    post = PostFactory(body='<p onclick="x()">Kept</p><script>alert(1)</script>')
    post.refresh_from_db()
    assert post.body == "<p>Kept</p>alert(1)"


def test_the_reader_sees_the_markdown_post_as_html(client, db):
    post = PostFactory(body="", body_markdown="> Quoted *gently*")
    response = client.get(post.get_absolute_url())
    assert "<blockquote>\n<p>Quoted <em>gently</em></p>\n</blockquote>" in response.content.decode()


# The admin form ---------------------------------------------------------------------------


@pytest.fixture
def author(db):
    return UserFactory(username="author", is_staff=True, is_superuser=True)


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client


def _post_form(author, **fields):
    data = {
        "title": "Written in Markdown",
        "slug": "written-in-markdown",
        "body_markdown": "",
        "body": "",
        "excerpt": "",
        "author": author.pk,
        "status": "published",
        "published_at_0": "2026-01-02",
        "published_at_1": "10:00:00",
        "comments_open": "on",
    }
    data.update(fields)
    return data


def test_the_admin_saves_a_post_written_only_in_markdown(author_client, author):
    response = author_client.post(
        reverse("admin:blog_post_add"),
        _post_form(author, body_markdown="## Hello\n\n- a [link](/about/)"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    post = Post.objects.get(slug="written-in-markdown")
    assert post.body.startswith("<h2>Hello</h2>")
    assert '<a href="/about/">link</a>' in post.body


def test_the_admin_asks_for_a_body_when_neither_markdown_nor_html_is_given(author_client, author):
    response = author_client.post(reverse("admin:blog_post_add"), _post_form(author))
    assert response.status_code == 200
    assert "Write the post, in Markdown above or in HTML here." in response.content.decode()
    assert not Post.objects.exists()


def test_the_change_form_has_the_preview_region_and_its_script(author_client):
    page = author_client.get(reverse("admin:blog_post_add")).content.decode()
    assert 'data-preview-url="/admin/blog/post/markdown-preview/"' in page
    assert 'aria-live="polite"' in page and 'role="region"' in page
    assert "Preview (what readers will see)" in page
    assert "js/markdown_preview.js" in page
    assert "<script>" not in page  # no inline script: CSP stays 'self' only


def test_the_preview_script_is_loaded_only_on_the_change_form(author_client):
    page = author_client.get(reverse("admin:blog_post_changelist")).content.decode()
    assert "markdown_preview.js" not in page


# The preview endpoint ---------------------------------------------------------------------


def test_the_preview_returns_sanitised_html_for_an_author(author_client):
    response = author_client.post(
        reverse(PREVIEW), {"markdown": "## Hi\n\n[x](javascript:alert(1)) <script>y</script>"}
    )
    assert response.status_code == 200
    html = response.json()["html"]
    assert "<h2>Hi</h2>" in html
    assert "<script" not in html and 'href="javascript:' not in html


def test_the_preview_sends_anonymous_visitors_to_the_log_in_page(client, db):
    response = client.post(reverse(PREVIEW), {"markdown": "# x"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_preview_sends_a_logged_in_reader_who_is_not_staff_to_log_in(client, db):
    client.force_login(UserFactory(username="reader"))
    response = client.post(reverse(PREVIEW), {"markdown": "# x"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_preview_refuses_staff_who_may_not_write_posts(client, moderator):
    client.force_login(moderator)
    assert client.post(reverse(PREVIEW), {"markdown": "# x"}).status_code == 403


def test_the_preview_answers_post_only(author_client):
    assert author_client.get(reverse(PREVIEW), {"markdown": "# x"}).status_code == 405


def test_the_preview_needs_the_csrf_token(author):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(author)
    assert browser.post(reverse(PREVIEW), {"markdown": "# x"}).status_code == 403

    browser.get(reverse("admin:blog_post_add"))  # sets the CSRF cookie, as the page does
    token = browser.cookies["csrftoken"].value
    response = browser.post(reverse(PREVIEW), {"markdown": "# x"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response.json()["html"] == "<h2>x</h2>\n"
