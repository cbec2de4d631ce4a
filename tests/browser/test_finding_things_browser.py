"""The home page helps a reader find things, by keyboard too; the pages changed on day one pass axe.

Tabbing from the top reaches "Need help now?", the search box, the header's page links and the
topics and archive; axe-core finds nothing serious on the home page, a static page, the report
form, its confirmation, and a crisis text handed back, in light and dark, at 1280 and 390 px.
"""

import pytest
from django.utils import timezone

from tests.browser.test_accessibility import CRISIS_WORDS, _focused, _seeded, blocking_violations
from tests.factories import CommentFactory
from transfer.demo.loader import load_demo

pytestmark = pytest.mark.django_db(transaction=True)
_seeded = _seeded  # the same seeded rows as the accessibility tests


def _tab_count_until(page, wanted, limit=40):
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if wanted(_focused(page)):
            return presses
    raise AssertionError(f"not reached with {limit} presses of Tab")


@pytest.mark.parametrize("width", [1280, 390])
def test_tab_from_the_top_reaches_help_search_pages_and_topics(browser, live_server, width):
    post = load_demo()[0]
    month = timezone.localtime(post.published_at)
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        assert _tab_count_until(page, lambda f: f["text"] == "Need help now?") == 2
        assert _tab_count_until(page, lambda f: f["name"] == "q") == 2  # brand, then search
        # The page links sit below the search row, so they come after it (focus follows the eye).
        assert _tab_count_until(page, lambda f: f["tag"] == "a" and f["text"] == "About") == 2
        _tab_count_until(page, lambda f: f["tag"] == "a" and f["text"] == "Grief", limit=80)
        name = f"{month:%B}"
        _tab_count_until(page, lambda f: f["tag"] == "a" and f["text"].startswith(name))
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/{month:%Y}/{month:%m}/")
        assert post.title in page.inner_text("main")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_changed_on_day_one_have_no_serious_axe_violations(browser, live_server, scheme):
    post = load_demo()[0]
    comment = CommentFactory(post=post, body="Something to report.")
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    found = {}
    try:
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(live_server.url + "/")
            found[f"home {width}"] = blocking_violations(page)
            page.goto(live_server.url + "/pages/about/")
            found[f"static page {width}"] = blocking_violations(page)
        page.goto(live_server.url + f"/comments/{comment.pk}/report/")
        found["report form"] = blocking_violations(page)
        page.check("input[value=worried]")
        page.click("text=Send report")
        page.wait_for_selector("#comment-confirmation")
        found["report confirmation"] = blocking_violations(page)
        page.fill("textarea[name=body]", CRISIS_WORDS)
        page.click("button:has-text('Post comment')")  # no name: handed back, with help
        page.wait_for_selector("#crisis-help")
        found["crisis text handed back"] = blocking_violations(page)
    finally:
        context.close()
    assert {name: lines for name, lines in found.items() if lines} == {}
