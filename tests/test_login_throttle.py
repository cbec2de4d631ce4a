"""Log-in at /accounts/login/: the site's design, and django-axes throttling per address+name."""

import pytest
from django.test import Client

from .factories import ModeratorFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def author():
    return ModeratorFactory(username="author")


def attempt(username, password, ip="10.0.0.1"):
    return Client(REMOTE_ADDR=ip).post(LOGIN, {"username": username, "password": password})


def is_locked_out(response):
    return response.status_code == 429 and "too many failed log-ins" in response.content.decode()


def test_login_page_is_in_the_sites_design(client):
    response = client.get(LOGIN)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Log in</h1>" in page
    assert "css/site.css" in page and "Need help now?" in page
    assert 'name="username"' in page and 'name="password"' in page
    assert 'for="id_username"' in page and 'for="id_password"' in page


def test_a_moderator_logs_in_and_lands_on_the_queue(author):
    response = attempt("author", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/moderation/"


def test_a_wrong_password_shows_a_plain_message_and_no_lockout_yet(author):
    response = attempt("author", "wrong")
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_five_failed_log_ins_from_one_address_lock_it_out(author):
    for _ in range(5):
        attempt("author", "wrong")
    response = attempt("author", PASSWORD)
    assert is_locked_out(response)
    assert "try again in 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in response.client.session


def test_a_stranger_failing_against_a_moderators_name_does_not_lock_the_moderator_out(author):
    for _ in range(8):
        attempt("author", "wrong", ip="203.0.113.66")
    assert is_locked_out(attempt("author", PASSWORD, ip="203.0.113.66"))
    assert attempt("author", PASSWORD, ip="10.0.2.99").status_code == 302


def test_behind_a_trusted_proxy_lock_outs_count_per_reader_not_per_proxy(author, settings):
    settings.TRUSTED_PROXIES = ["10.9.0.0/16"]

    def via_proxy(password, reader):
        return Client(REMOTE_ADDR="10.9.0.2", HTTP_X_FORWARDED_FOR=reader).post(
            LOGIN, {"username": "author", "password": password}
        )

    for _ in range(6):
        via_proxy("wrong", "198.51.100.7")
    assert is_locked_out(via_proxy(PASSWORD, "198.51.100.7"))
    assert via_proxy(PASSWORD, "192.0.2.10").status_code == 302


def test_failures_for_many_names_from_one_address_lock_that_address(author):
    for n in range(5):
        attempt(f"guess{n}", "wrong", ip="10.0.3.3")
    assert is_locked_out(attempt("author", PASSWORD, ip="10.0.3.3"))
    assert attempt("author", PASSWORD, ip="10.0.4.4").status_code == 302


def test_four_failures_still_let_the_right_password_in(author):
    for _ in range(4):
        attempt("author", "wrong")
    assert attempt("author", PASSWORD).status_code == 302
