"""Server-side sessions: log-out, a password change and "log out everywhere" revoke them."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from .factories import CommentFactory, ModeratorFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
QUEUE = "/moderation/"


@pytest.fixture
def mod():
    user = ModeratorFactory(username="mod", is_superuser=True)
    return user


def logged_in(ip="10.0.0.1"):
    client = Client(REMOTE_ADDR=ip)
    assert (
        client.post("/accounts/login/", {"username": "mod", "password": PASSWORD}).status_code
        == 302
    )
    return client


def copy_of(client):
    """A second browser holding a copy of ``client``'s session cookie (a stolen cookie)."""
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return thief


def authenticates(client):
    return client.get(QUEUE).status_code == 200


def test_sessions_are_kept_on_the_server():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_a_copied_cookie_stops_working_after_log_out(mod):
    client = logged_in()
    thief = copy_of(client)
    assert authenticates(thief)
    client.post(reverse("logout"))
    assert not authenticates(thief)
    assert not authenticates(client)


def test_a_copied_cookie_stops_working_after_a_password_change(mod):
    client = logged_in()
    thief = copy_of(client)
    response = client.post(
        reverse("admin:password_change"),
        {"old_password": PASSWORD, "new_password1": "a new long passphrase 42",
         "new_password2": "a new long passphrase 42"},
    )  # fmt: skip
    assert response.status_code == 302
    assert authenticates(client), "the browser that changed it stays logged in"
    assert not authenticates(thief)


def test_log_out_everywhere_ends_every_session_of_that_moderator_only(mod):
    laptop, phone = logged_in(), logged_in("10.0.0.2")
    thief = copy_of(phone)
    other = ModeratorFactory(username="other")
    colleague = Client()
    colleague.force_login(other)
    response = laptop.post(reverse("logout_everywhere"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert not authenticates(laptop) and not authenticates(phone) and not authenticates(thief)
    assert authenticates(colleague)
    assert Session.objects.count() == 1


def test_log_out_everywhere_is_a_post_for_a_logged_in_user(mod):
    client = logged_in()
    assert client.get(reverse("logout_everywhere")).status_code == 405
    assert Client().post(reverse("logout_everywhere")).status_code == 302
    assert authenticates(client)


def test_the_queue_offers_log_out_everywhere(mod):
    page = logged_in().get(QUEUE).content.decode()
    assert f'action="{reverse("logout_everywhere")}"' in page


def test_readers_without_a_session_still_get_stored_pages(
    post, client, django_assert_max_num_queries
):
    CommentFactory(post=post)
    client.get(post.get_absolute_url())
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    with django_assert_max_num_queries(0):
        assert client.get(post.get_absolute_url()).status_code == 200
