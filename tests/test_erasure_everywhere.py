"""After erasure the erased words and address are in no table and no cache entry."""

import json

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from comments import moderator_actions
from comments.models import Comment, Report, Subscription
from privacy import personal_data as privacy

from .cache_keys import cache_entries
from .factories import CommentFactory

pytestmark = pytest.mark.django_db
WORDS = "Quietly tangerine-walrus, I am not sure I can keep going"
ADDRESS = "ann.erasable@example.org"
NAME = "Annwyl Erasable"


def every_stored_text():
    """Every text and JSON value of every row of every model, as one list of strings."""
    texts = []
    for model in apps.get_models():
        columns = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if not columns:
            continue
        for row in model._default_manager.values_list(*columns):
            texts.extend(json.dumps(v) if not isinstance(v, str) else v for v in row)
    return texts


def every_cached_text():
    from pagecache.versions import versioned

    values = list(cache_entries().values()) + list(versioned.local.values())
    return [json.dumps(v, default=str) if not isinstance(v, str) else v for v in values]


@pytest.fixture
def anns_reply_everywhere(
    post, moderator, send_comment, settings, django_capture_on_commit_callbacks
):
    """Ann's reply to Ben, copied into the outbox, a report, events, subscriptions and caches."""
    settings.COMMENTS_MODERATION = "all"
    moderator.email = "mod@example.org"
    moderator.save()
    ben = CommentFactory(post=post, author_name="Ben", author_email="ben@example.org")
    Subscription.objects.create(
        comment=ben, email="ben@example.org", token="ben", confirmed_at=ben.created_at
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = send_comment(
            post, name=NAME, email=ADDRESS, body=WORDS, parent=str(ben.pk), notify="on"
        )
    assert response.status_code == 302
    ann = Comment.objects.get(author_email=ADDRESS)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_actions.approve(ann, actor=moderator, note=f"Approved: {WORDS[:30]}")
    Report.objects.create(comment=ann, reason="worried", note=f"They wrote '{WORDS}'")
    for _ in range(2):
        Client().get(post.get_absolute_url())  # the comment pages are cached for readers
    return ann


def test_the_scenario_copies_the_words_everywhere_first(anns_reply_everywhere):
    assert any(WORDS in text for text in every_stored_text() if text != WORDS)
    assert any(WORDS in text for text in every_cached_text())
    from comments.models import OutgoingEmail

    assert OutgoingEmail.objects.filter(body__contains="tangerine-walrus").count() >= 2


def test_after_erasure_no_table_holds_the_words_or_the_address(
    anns_reply_everywhere, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert privacy.erase_comments(ADDRESS) == 1
    leaks = [
        text
        for text in every_stored_text()
        if "tangerine-walrus" in text or ADDRESS in text.lower() or NAME in text
    ]
    assert leaks == []


def test_after_erasure_no_cache_entry_holds_the_words(
    anns_reply_everywhere, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase_comments(ADDRESS)
    assert [text for text in every_cached_text() if "tangerine-walrus" in text] == []
    page = Client().get(anns_reply_everywhere.post.get_absolute_url()).content.decode()
    assert "tangerine-walrus" not in page


def test_the_retention_purge_forgets_old_addresses_in_the_outbox(anns_reply_everywhere, settings):
    from datetime import timedelta

    from django.utils import timezone

    from comments.models import OutgoingEmail

    settings.COMMENTS_EMAIL_RETENTION_DAYS = 10
    Comment.objects.update(created_at=timezone.now() - timedelta(days=11))
    OutgoingEmail.objects.create(kind="reply", to=[ADDRESS], subject="s", body="b")
    privacy.purge_personal_data()
    assert not [text for text in every_stored_text() if ADDRESS in text.lower()]


def test_the_retention_purge_deletes_sent_mail_older_than_the_ip_retention(
    anns_reply_everywhere, settings
):
    from datetime import timedelta

    from django.utils import timezone

    from comments.models import OutgoingEmail

    OutgoingEmail.objects.update(sent_at=timezone.now() - timedelta(days=31))
    assert privacy.purge_personal_data()["sent_emails"] >= 2
    assert not OutgoingEmail.objects.exists()
