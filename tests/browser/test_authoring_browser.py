"""An author in the admin, in a real Chromium: Markdown typed, the live preview follows."""

import pytest

from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def admin_page(page, live_server):
    author = UserFactory(username="author", is_staff=True, is_superuser=True)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/blog/post/add/")
    page.fill("input[name=username]", author.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/blog/post/add/")
    return page


def test_typing_markdown_in_the_admin_updates_the_sanitised_live_preview(admin_page):
    page = admin_page
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    region = page.get_by_role("region", name="Preview (what readers will see)")
    assert region.get_attribute("aria-live") == "polite"

    page.click("#id_body_markdown")
    page.keyboard.type("## Slow mornings\n\n> Be gentle.\n\n- tea\n- [help](javascript:alert(1))")
    region.locator("h2", has_text="Slow mornings").wait_for()
    assert region.locator("blockquote", has_text="Be gentle.").is_visible()
    assert region.locator("li").count() == 2
    assert region.locator("a[href^='javascript']").count() == 0

    page.keyboard.type("\n\n<img src=x onerror=alert(1)>")
    region.get_by_text("<img src=x onerror=alert(1)>").wait_for()  # shown as text, not run
    assert region.locator("img").count() == 0
    assert errors == []  # no CSP violation, no failed request


def test_an_uploaded_image_inserted_in_markdown_shows_on_the_post_from_this_host_only(
    admin_page, live_server, settings, tmp_path
):
    from blog.models import Image, Post
    from tests.test_images import picture

    settings.MEDIA_ROOT, settings.SERVE_MEDIA = tmp_path, True  # as under `make run`
    page = admin_page
    page.goto(f"{live_server.url}/admin/blog/image/add/")
    page.set_input_files(
        "#id_file",
        files=[{"name": "lamp.jpg", "mimeType": "image/jpeg", "buffer": picture(1800, 900)}],
    )
    page.get_by_label("Alt text").fill("A lamp on a kitchen table")
    page.click("input[name=_continue]")
    snippet = page.locator(".image-snippet").first.inner_text()
    image = Image.objects.get()
    assert snippet == f"![A lamp on a kitchen table]({image.url})"

    page.goto(f"{live_server.url}/admin/blog/post/add/")
    page.fill("#id_title", "A lamp")
    page.fill("#id_body_markdown", f"Evening.\n\n{snippet}")
    page.get_by_role("region", name="Preview (what readers will see)").locator("img").wait_for()
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/blog/post/")

    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}{Post.objects.get().get_absolute_url()}")
    shown = page.locator(".post-body img")
    shown.wait_for()
    page.wait_for_load_state("load")
    assert shown.get_attribute("alt") == "A lamp on a kitchen table"
    assert "480w" in shown.get_attribute("srcset")
    assert shown.evaluate("img => img.complete && img.naturalWidth > 0")
    assert requested and all(url.startswith(live_server.url) for url in requested)
