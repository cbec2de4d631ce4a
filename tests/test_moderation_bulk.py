"""Bulk moderation over HTTP: no control that shadows a form property, errors shown in the queue.

The same flows in Chromium, JavaScript on and off: tests/browser/test_moderation_bulk.py.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from comments.models import Comment

from .factories import CommentFactory

Status = Comment.Status
# A form's own properties that a control with this name would hide from scripts (form.action...).
SHADOWING_NAMES = {"action", "submit", "method", "target", "elements", "length", "reset"}


class _Controls(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.names = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "button", "select", "textarea") and attrs.get("name"):
            self.names.append((tag, attrs["name"]))


@pytest.mark.parametrize("tab", ["review", "unanswered", "spam"])
def test_no_queue_form_control_is_named_after_a_form_property(moderator_client, post, tab):
    CommentFactory(post=post, status=Status.PENDING)
    CommentFactory(post=post, status=Status.APPROVED)
    CommentFactory(post=post, status=Status.SPAM)
    html = moderator_client.get(reverse("moderation:queue"), {"tab": tab}).content.decode()
    parser = _Controls()
    parser.feed(html)
    assert ("button", "bulk_action") in parser.names
    assert [c for c in parser.names if c[1] in SHADOWING_NAMES] == []


def test_the_old_action_field_name_is_refused_and_changes_nothing(moderator_client, post):
    waiting = CommentFactory(post=post, status=Status.PENDING)
    response = moderator_client.post(
        reverse("moderation:bulk"),
        {"ids": [waiting.pk], "action": "approve"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert response.json()["message"] == "Choose what to do with the selected comments."
    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING


def test_without_javascript_a_bulk_error_is_a_focusable_alert_inside_the_queue(
    moderator_client, post
):
    CommentFactory(post=post, status=Status.PENDING)
    response = moderator_client.post(
        reverse("moderation:bulk"), {"bulk_action": "approve", "next": "/moderation/"}, follow=True
    )
    html = response.content.decode()
    assert (
        '<div class="queue-alert queue-alert-error" role="alert" tabindex="-1" autofocus>'
        "Select at least one comment first.</div>"
    ) in html
    # Shown once, in the queue next to the bulk bar, not in the site-wide strip above <main>.
    assert html.count("Select at least one comment first.") == 1
    assert html.index("Select at least one comment first.") > html.index('<main id="main"')


def test_without_javascript_a_bulk_success_is_a_status_line_inside_the_queue(
    moderator_client, post
):
    chosen = [CommentFactory(post=post, status=Status.PENDING) for _ in range(2)]
    response = moderator_client.post(
        reverse("moderation:bulk"),
        {"ids": [c.pk for c in chosen], "bulk_action": "remove", "next": "/moderation/"},
        follow=True,
    )
    assert '<p class="queue-alert queue-alert-ok" role="status">Removed: 2 comments.</p>' in (
        response.content.decode()
    )
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.REMOVED}
