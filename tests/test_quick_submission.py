"""A quick submission (sooner than COMMENTS_MIN_SECONDS after the form was shown) is no spam.

The writer is told plainly, their text stays in the form, and sending it again after the wait
is accepted. The honeypot and a forged form stay silent spam (tests/test_policy.py rule 1).
"""

import re
import time
import types

import pytest
from django.urls import reverse

from comments import forms
from comments.forms import sign_form
from comments.models import Comment

from .conftest import comment_data

pytestmark = pytest.mark.django_db
QUICK = "That was quicker than we expected"


@pytest.fixture
def min_seconds(settings):
    settings.COMMENTS_MIN_SECONDS = 3
    return 3


def _security_field(html):
    return re.search(r'name="security" value="([^"]+)"', html).group(1)


def test_quick_submission_is_handed_back_with_a_plain_message_and_the_text(
    client, post, min_seconds
):
    url = reverse("comments:post", args=[post.pk])
    data = comment_data(post, body="Typed fast, meant slowly.", security=sign_form(post.pk))
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert QUICK in html and 'role="alert"' in html
    assert "Typed fast, meant slowly." in html
    assert Comment.objects.count() == 0  # nothing filed away as spam


def test_resend_after_the_wait_is_accepted(client, post, min_seconds, monkeypatch):
    url = reverse("comments:post", args=[post.pk])
    data = comment_data(post, body="Typed fast, meant slowly.", security=sign_form(post.pk))
    handed_back = client.post(url, data).content.decode()
    security = _security_field(handed_back)
    # The handed-back form keeps its first stamp: the wait counts from when it was shown.
    assert forms.check_signature(security, post.pk) == "too_fast"
    later = time.time() + min_seconds + 1
    monkeypatch.setattr(forms, "time", types.SimpleNamespace(time=lambda: later))
    resent = client.post(url, {**data, "security": security})
    assert resent.status_code == 302
    comment = Comment.objects.get()
    assert comment.body == "Typed fast, meant slowly." and comment.status != "spam"


def test_sending_again_at_once_is_still_too_quick_and_still_kept(client, post, min_seconds):
    url = reverse("comments:post", args=[post.pk])
    data = comment_data(post, body="Twice in a hurry.", security=sign_form(post.pk))
    first = client.post(url, data).content.decode()
    again = client.post(url, {**data, "security": _security_field(first)})
    assert again.status_code == 400 and QUICK in again.content.decode()
    assert "Twice in a hurry." in again.content.decode()
    assert Comment.objects.count() == 0


def test_quick_submission_does_not_count_against_the_rate_limit(client, post, settings):
    settings.COMMENTS_MIN_SECONDS = 3
    settings.COMMENTS_RATE = "1/10m"
    url = reverse("comments:post", args=[post.pk])
    client.post(url, comment_data(post, body="Too soon.", security=sign_form(post.pk)))
    resent = client.post(url, comment_data(post, body="Too soon."))  # signed 10 s ago
    assert resent.status_code == 302


@pytest.mark.parametrize(
    "fields", [{"honeypot": "http://cheap.example"}, {"security": "not-a-signature"}]
)
def test_honeypot_and_forged_form_stay_silent_spam(client, post, min_seconds, fields):
    url = reverse("comments:post", args=[post.pk])
    response = client.post(url, comment_data(post, body="Cheap things here.", **fields))
    assert response.status_code == 302
    assert Comment.objects.get().status == "spam"
    assert QUICK not in client.get(response["Location"]).content.decode()
