"""Bad input through the real comment form: naughty strings, XSS lists, oversized requests,
and reply chains that try to go too deep or loop."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from comments.models import Comment
from comments.rendering import COMMENT_ATTRIBUTES, COMMENT_TAGS

from .conftest import comment_data, shared_testdata
from .factories import CommentFactory, PostFactory
from .html_checks import assert_inert

RELIABILITY_MIDDLEWARE = [
    "comments.middleware.RequestLimitsMiddleware",
    "comments.middleware.DatabaseUnavailableMiddleware",
]
RENDERED_TAGS = COMMENT_TAGS | {"p", "br"}
RENDERED_ATTRIBUTES = {**COMMENT_ATTRIBUTES, "a": ["href", "title", "rel"]}
XSS_LISTS = ("PayloadsAllTheThings__RSNAKE_XSS.txt", "PayloadsAllTheThings__IntrudersXSS.txt")
_UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data|livescript):", re.I)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "cite", "data", "background", "poster"}


@pytest.fixture(autouse=True)
def _open_gates(settings):
    """Every line must reach the rules: no rate limit, no queue, one page of threads."""
    missing = [path for path in RELIABILITY_MIDDLEWARE if path not in settings.MIDDLEWARE]
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, *missing]
    settings.COMMENTS_RATE = "100000/1m"
    settings.COMMENTS_MODERATION = "none"
    settings.COMMENTS_THREADS_PER_PAGE = 5  # handed-back pages stay small; see _whole_page


def naughty_lines():
    text = shared_testdata("naughty", "blns.txt").read_text(encoding="utf-8", errors="replace")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def xss_lines():
    lines = []
    for name in XSS_LISTS:
        text = shared_testdata("xss", name).read_text(encoding="utf-8", errors="replace")
        lines += [line for line in text.splitlines() if line.strip()]
    return lines


class _ExecutableFinder(HTMLParser):
    """Anything in a page that could run: inline or foreign scripts, handlers, script URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not (attrs.get("src") or "").startswith("/static/"):
            self.found.append(f"<script {attrs}>")
        if tag in ("iframe", "object", "embed", "base", "frame", "applet"):
            self.found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in _URL_ATTRIBUTES and _UNSAFE_URL.match(
                re.sub(r"[\x00-\x20]", "", value or "")
            ):
                self.found.append(f"{tag}[{name}={value!r}]")

    handle_startendtag = handle_starttag


def assert_not_executable(html):
    finder = _ExecutableFinder()
    finder.feed(html)
    finder.close()
    assert finder.found == [], finder.found[:5]


def assert_bodies_inert(html, expected):
    """Each rendered comment body on the page holds only allowlisted, safe markup."""
    bodies = re.findall(r'<div class="comment-body">(.*?)</div>', html, re.S)
    assert len(bodies) == expected
    for body in bodies:
        assert_inert(body, RENDERED_TAGS, RENDERED_ATTRIBUTES)


def _whole_page(client, post, settings):
    settings.COMMENTS_THREADS_PER_PAGE = 5000
    return client.get(post.get_absolute_url()).content.decode()


def _send_each(send_comment, post, lines, field):
    statuses = {}
    for n, line in enumerate(lines):
        fields = {"body": line} if field == "body" else {"name": line, "body": f"Comment {n}."}
        response = send_comment(post, **fields)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code != 302:
            assert_not_executable(response.content.decode())
    return statuses


@pytest.mark.parametrize("lines", [naughty_lines, xss_lines], ids=["naughty", "xss"])
@pytest.mark.parametrize("field", ["body", "name"])
def test_every_naughty_string_and_xss_vector_is_stored_or_handed_back_and_never_executes(
    client, post, send_comment, settings, field, lines
):
    lines = lines()
    statuses = _send_each(send_comment, post, lines, field)
    assert set(statuses) <= {302, 400}, statuses
    assert statuses.get(302, 0) > len(lines) / 2, "most lines are ordinary and are stored"
    page = _whole_page(client, post, settings)
    assert_not_executable(page)
    assert_bodies_inert(page, Comment.objects.approved().filter(post=post).count())


def test_a_5_mb_post_is_refused_with_413_before_anything_reads_it(client, post):
    body = "body=" + "a" * (5 * 1024 * 1024)
    response = client.post(
        reverse("comments:post", args=[post.pk]),
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "too much to send at once" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_1000_form_fields_are_refused_with_400_and_a_plain_explanation(client, post, content_type):
    fields = {f"field{n}": "x" for n in range(1_000)}  # under the 256 KB cap
    url = reverse("comments:post", args=[post.pk])
    if content_type == "multipart/form-data":
        response = client.post(url, {**comment_data(post), **fields})
    else:
        from urllib.parse import urlencode

        encoded = urlencode({**comment_data(post), **fields})
        response = client.post(url, encoded, content_type=content_type)
    assert response.status_code == 400
    assert "far more fields than any form on this site" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_100_kb_name_is_refused_with_400_and_the_comment_text_kept(post, send_comment):
    words = "Two thousand words about my worst year, kept safe."
    response = send_comment(post, name="n" * 100_000, body=words)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="name-error"' in html and "at most 50 characters" in html
    assert f">{words}</textarea>" in html
    assert not Comment.objects.exists()


def test_a_ten_deep_reply_chain_stays_within_the_maximum_depth(post, send_comment, settings):
    assert send_comment(post, body="The first word.").status_code == 302
    for n in range(10):
        latest = Comment.objects.latest("pk")
        response = send_comment(post, body=f"Reply number {n + 1}.", parent=str(latest.pk))
        assert response.status_code == 302
    chain = list(Comment.objects.order_by("pk"))
    assert len(chain) == 11
    assert max(c.depth for c in chain) == settings.COMMENTS_MAX_DEPTH
    top = chain[0]
    for reply in chain[1:]:
        assert reply.parent_id < reply.pk, "a parent always exists before its reply: no loop"
        assert reply.root_id == top.pk
        assert reply.depth == reply.parent.depth + 1


def _foreign_comment(post):
    return CommentFactory(post=PostFactory()).pk


@pytest.mark.parametrize(
    "parent",
    [
        pytest.param(lambda post: CommentFactory(post=post, status="pending").pk, id="pending"),
        pytest.param(lambda post: CommentFactory(post=post, status="spam").pk, id="spam"),
        pytest.param(lambda post: CommentFactory(post=post, status="removed").pk, id="removed"),
        pytest.param(_foreign_comment, id="other-post"),
        pytest.param(lambda post: CommentFactory(post=post).pk + 1, id="not-yet-written"),
        pytest.param(lambda post: "not-a-number", id="garbage"),
        pytest.param(lambda post: "-1", id="negative"),
    ],
)
def test_a_reply_to_a_parent_that_is_not_visible_here_is_refused_with_the_text_kept(
    post, send_comment, parent
):
    parent_id = parent(post)
    before = Comment.objects.count()
    words = "A reply that must come back to its writer."
    response = send_comment(post, body=words, parent=str(parent_id))
    assert response.status_code == 400
    assert f">{words}</textarea>" in response.content.decode()
    assert Comment.objects.count() == before
