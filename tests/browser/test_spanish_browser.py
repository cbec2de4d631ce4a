"""The scripts speak the site's language: their words come from data-text-* attributes."""

import pytest

from comments.models import Comment
from tests.factories import CommentFactory, PostFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
Status = Comment.Status


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


def test_the_queue_script_speaks_spanish(spanish_site, page, live_server, moderator_user):
    post = PostFactory()
    answered = CommentFactory(post=post, status=Status.PENDING, body="Hoy me cuesta levantarme.")
    failed = CommentFactory(post=post, status=Status.PENDING, body="Gracias por este espacio.")
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/accounts/login/?next=/moderation/")
    page.fill("input[name=username]", moderator_user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click(".login-form button[type=submit]")
    page.wait_for_url("**/moderation/")

    item = f"#item-{answered.pk}"
    page.click(f"{item} button[data-panel-toggle^='reply-panel-']")
    page.fill(f"#reply-{answered.pk}", "Gracias por escribir. Aquí estamos.")
    page.click(f"{item} button[data-action=reply]")
    page.wait_for_selector(f"{item}.is-done")
    assert page.inner_text(f"{item} [data-result] a") == "Ver la respuesta en la publicación"

    alert = page.locator("[data-queue-error]")
    page.route("**/moderation/bulk/", lambda route: route.fulfill(status=404, body="Not found"))
    page.check(f"#select-{failed.pk}")
    page.click("button[name=bulk_action][value=approve]")
    alert.wait_for()
    assert "puede que no haya cambiado nada" in alert.inner_text()
    assert "(HTTP 404)" in alert.inner_text()

    page.unroute("**/moderation/bulk/")
    page.route("**/moderation/bulk/", lambda route: route.abort())
    page.click("button[name=bulk_action][value=approve]")
    # A locator, not wait_for_function: the site's CSP forbids evaluating a string as script.
    page.locator("[data-queue-error]", has_text="No pudimos conectar").wait_for()
    assert "no se cambió nada" in alert.inner_text()
