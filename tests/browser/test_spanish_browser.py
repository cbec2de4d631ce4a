"""The scripts speak the site's language: their words come from data-text-* attributes."""

import pytest

from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def spanish_site(settings):
    settings.LANGUAGE_CODE = "es"


def test_reply_form_moved_by_javascript_speaks_spanish(spanish_site, page, live_server):
    post = PostFactory()
    parent = CommentFactory(post=post, author_name="Lucía")
    page.goto(live_server.url + post.get_absolute_url())
    assert page.get_attribute("html", "lang") == "es"
    page.click(f"#comment-{parent.pk} a.reply-link")
    assert page.inner_text("#respond-heading") == "Responder a Lucía"
    assert "Respondes a Lucía." in page.inner_text(".replying-to")
    page.fill("textarea[name=body]", "Un borrador a medias.")
    page.locator("[data-draft-status]", has_text="Borrador guardado").wait_for()
    page.click("a.cancel-reply")
    assert page.inner_text("#respond-heading") == "Deja un comentario"
    page.reload()
    restored = page.locator("[data-draft-status]", has_text="Recuperamos el borrador")
    restored.wait_for()
