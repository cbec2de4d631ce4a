"""Log-in at /accounts/login/: the site's design, and django-axes throttling per IP and account."""

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


def test_failures_against_one_account_from_many_addresses_lock_the_account(author):
    for n in range(5):
        attempt("author", "wrong", ip=f"10.0.1.{n}")
    assert is_locked_out(attempt("author", PASSWORD, ip="10.0.2.99"))


def test_failures_for_many_names_from_one_address_lock_that_address(author):
    for n in range(5):
        attempt(f"guess{n}", "wrong", ip="10.0.3.3")
    assert is_locked_out(attempt("author", PASSWORD, ip="10.0.3.3"))
    assert attempt("author", PASSWORD, ip="10.0.4.4").status_code == 302


def test_four_failures_still_let_the_right_password_in(author):
    for _ in range(4):
        attempt("author", "wrong")
    assert attempt("author", PASSWORD).status_code == 302
