"""Accessibility in a real Chromium: axe-core on every kind of page in light and dark, and a
reader who uses only the keyboard replying to a comment."""

import importlib
import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission

from comments.models import Comment
from support.models import CrisisResource
from tests.factories import CommentFactory, ModeratorFactory, PostFactory
from transfer.demo.loader import load_demo

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
CRISIS_WORDS = "I want to kill myself. I don't see the point of going on."
ABOUT_A_FRIEND = "I'm worried about my friend. She keeps saying she wants to die."
NOT_ASSESSED = "Non voglio più vivere, sono stanca di tutto."
BLOCKING = ("serious", "critical")
# Violations reported to the owners of the file that can fix them, as (scheme, page, rule).
# Each must still occur (so the entry is removed the day it is fixed); nothing else may.
# Empty now; add an entry with a comment naming the file and the fix when one is reported.
KNOWN: set[tuple[str, str, str]] = set()


@pytest.fixture(autouse=True)
def _seeded(settings):
    """A transactional test starts from an empty database: put back what migrations seed."""
    settings.COMMENTS_MIN_SECONDS = 0
    if not CrisisResource.objects.exists():
        module = importlib.import_module("comments.migrations.0003_seed_crisis_resources")
        module.seed(django_apps, None)
        for name in ("0003_seed_resources_beyond_english", "0004_seed_helping_someone_resources"):
            importlib.import_module(f"support.migrations.{name}").seed(django_apps, None)
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="moderate_comment"))


def blocking_violations(page):
    """axe-core's serious and critical violations on the page, as short readable lines."""
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


def _post_comment(page, body, name="Robin"):
    page.fill("textarea[name=body]", body)
    page.fill("input[name=name]", name)
    page.click("button:has-text('Post comment')")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_of_page_has_no_serious_or_critical_axe_violations(browser, live_server, scheme):
    post = load_demo()[0]
    moderator = ModeratorFactory()
    # axe injects itself with page.evaluate, which a strict CSP may refuse: bypass for axe only.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    found = {}

    def check(name, wait_for=None):
        if wait_for:
            page.wait_for_selector(wait_for)
        found[name] = blocking_violations(page)

    try:
        page.goto(live_server.url + "/")
        check("home page")
        page.goto(live_server.url + post.get_absolute_url())
        check("post with comments", ".comment-list")
        _post_comment(page, "", name="")
        check("comment form with errors", "#form-problem")
        page.goto(live_server.url + "/support/")
        check("support page")
        page.goto(live_server.url + post.get_absolute_url())
        _post_comment(page, CRISIS_WORDS)
        check("crisis panel", "#crisis-panel-heading")
        page.goto(live_server.url + post.get_absolute_url())
        _post_comment(page, ABOUT_A_FRIEND, name="Kim")
        check("notice with help for someone else", ".helping-someone")
        page.goto(live_server.url + post.get_absolute_url())
        _post_comment(page, NOT_ASSESSED, name="Gio")  # the queue below shows both notes
        page.wait_for_selector(".not-assessed-help")
        page.goto(live_server.url + "/accounts/login/")
        check("log-in page")
        page.fill("input[name=username]", moderator.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button:has-text('Log in')")
        page.wait_for_url(re.compile(r"/moderation/"))
        check("moderation queue", ".queue-note")
    finally:
        context.close()
    assert len(found) == 8
    known = {(name, rule) for s, name, rule in KNOWN if s == scheme}
    unexpected = {
        name: [line for line in lines if (name, line.split(" ", 1)[0]) not in known]
        for name, lines in found.items()
    }
    assert {name: lines for name, lines in unexpected.items() if lines} == {}
    still = {(name, line.split(" ", 1)[0]) for name, lines in found.items() for line in lines}
    assert known <= still, f"fixed, remove from KNOWN: {known - still}"


def _focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || '').trim(),"
        " name: e.getAttribute('name') || '', cls: e.className || ''}; }"
    )


def _tab_until(page, wanted, limit=150):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if wanted(_focused(page)):
            return _focused(page)
    raise AssertionError(f"not reached with {limit} presses of Tab")


def test_a_keyboard_only_reader_can_reach_help_and_reply_to_a_comment(page, live_server):
    post = PostFactory()
    parent = CommentFactory(post=post, author_name="Ann", body="It still hurts, years later.")
    page.goto(live_server.url + post.get_absolute_url())

    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Skip to content"
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Need help now?"

    _tab_until(page, lambda f: "reply-link" in f["cls"])
    page.keyboard.press("Enter")
    if _focused(page)["name"] != "body":
        _tab_until(page, lambda f: f["name"] == "body")
    page.keyboard.type("Ann, thank you. Mine still hurts too.")
    _tab_until(page, lambda f: f["name"] == "name")
    page.keyboard.type("Lee")
    _tab_until(page, lambda f: f["tag"] == "button" and f["text"] == "Post comment")
    page.keyboard.press("Enter")

    notice = page.wait_for_selector("#comment-notice")
    assert "awaiting moderation" in notice.inner_text()
    reply = Comment.objects.get(body="Ann, thank you. Mine still hurts too.")
    assert reply.parent_id == parent.pk and reply.author_name == "Lee"
