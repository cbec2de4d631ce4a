"""A real Chromium for browser tests, driven by Playwright against pytest-django's live server.

Skips only when Chromium is missing and CI is not set; under CI a missing browser fails.
"""

import os
import shutil

import pytest
from django.contrib.auth.models import Group, Permission

from tests.factories import UserFactory
from tools.chromium import CHROMIUM, CHROMIUM_ARGS

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"CI runs the browser tests: {CHROMIUM} is missing")
        pytest.skip(f"Chromium not installed at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


@pytest.fixture
def moderator_user(db):
    """A moderator made here: a transactional test's flush removes the migration's group."""
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="moderate_comment"))
    user = UserFactory(username="ruth", first_name="Ruth", last_name="Hale")
    user.groups.add(group)
    return user


@pytest.fixture
def queue_page(page, live_server, moderator_user):
    """A logged-in moderator's browser tab (logged in through the real log-in page)."""
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/")
    page.fill("input[name=username]", moderator_user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_url("**/moderation/")
    return page
