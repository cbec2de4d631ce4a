"""The rules of comments/policy.py, in order, each through the real endpoint.

POST /comments/post/<post_id>/ with a form signed ten seconds ago (conftest.comment_data), and
moderator emails read from mail.outbox after the transaction's on-commit hooks have run.
"""

import io
import time
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from comments import moderator_actions
from comments.forms import sign_form
from comments.models import Comment, ModerationTerm, Subscription

from .conftest import comment_data
from .factories import CommentFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db
Status = Comment.Status
CRISIS_TEXT = "I can't go on like this. Some nights I want to kill myself."


@pytest.fixture
def send(send_comment, django_capture_on_commit_callbacks):
    """Post a comment and run its on-commit work (emails), as a real request would."""

    def run(post, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return send_comment(post, **fields)

    return run


@pytest.fixture
def inbox(moderator, mailoutbox):
    """A moderator with an email address, and a reader with one who must never get these."""
    UserFactory(username="reader", email="reader@example.org")
    return mailoutbox


def stored(body):
    return Comment.objects.get(body=body)


# 1. Honeypot, forged: spam, silently (too fast is handed back: test_quick_submission.py) ------


@pytest.mark.parametrize(
    ("fields", "flag"),
    [
        ({"honeypot": "http://cheap.example"}, "honeypot"),
        ({"security": "not-a-signature"}, "forged"),
        ({"security": "__other_post__"}, "forged"),
    ],
)
def test_rule_1_trapped_forms_are_stored_as_spam_with_the_usual_redirect(
    send, post, inbox, settings, fields, flag
):
    settings.COMMENTS_MIN_SECONDS = 3
    normal = send(post, body="An ordinary comment from a person.")
    if fields.get("security") == "__other_post__":
        fields["security"] = sign_form(PostFactory().pk, now=time.time() - 10)
    inbox.clear()
    trapped = send(post, body="Visit my shop for cheap things.", **fields)
    assert trapped.status_code == normal.status_code == 302
    assert urlsplit(trapped["Location"]).path == urlsplit(normal["Location"]).path
    comment = stored("Visit my shop for cheap things.")
    assert comment.status == Status.SPAM
    assert any(flag in f for f in comment.flags)
    assert inbox == []


# A stale form is no trap: it is handed back --------------------------------------------------


def test_a_form_open_for_days_is_handed_back_with_the_text(send, post, settings):
    old = sign_form(post.pk, now=time.time() - settings.COMMENTS_FORM_MAX_AGE - 60)
    response = send(post, body="Words I took a long time to write.", security=old)
    assert response.status_code == 400
    page = response.content.decode()
    assert "the form expired" in page
    assert "Words I took a long time to write." in page
    assert not Comment.objects.exists()


# 2. Rate limit: 429, text kept ---------------------------------------------------------------


def test_rule_2_too_many_comments_get_429_with_the_text_in_the_form(send, post, settings):
    settings.COMMENTS_RATE = "2/10m"
    assert send(post, body="First comment.").status_code == 302
    assert send(post, body="Second comment.").status_code == 302
    response = send(post, body="Third comment, kept for me.")
    assert response.status_code == 429
    assert "Third comment, kept for me." in response.content.decode()
    assert "wait a few minutes" in response.content.decode()
    assert Comment.objects.count() == 2


def test_rate_limit_is_checked_before_duplicates(send, post, settings):
    settings.COMMENTS_RATE = "1/10m"
    send(post, body="Only once, please.")
    assert send(post, body="Only once, please.").status_code == 429


def test_rate_limit_counts_per_writer_address(send, post, settings):
    settings.COMMENTS_RATE = "1/10m"
    send(post, body="From the first address.")
    other = Client(REMOTE_ADDR="10.9.8.7")
    response = other.post(
        f"/comments/post/{post.pk}/",
        {
            "name": "Lee",
            "body": "From somewhere else.",
            "security": sign_form(post.pk, now=time.time() - 10),
        },
    )
    assert response.status_code == 302


def test_trapped_spam_does_not_use_up_a_persons_rate_limit(send, post, settings):
    settings.COMMENTS_RATE = "1/10m"
    send(post, body="Bot text.", honeypot="filled")
    assert send(post, body="A real comment.").status_code == 302


def _stored_rows():
    from comments.models import ModerationEvent, OutgoingEmail

    return (Comment.objects.count(), ModerationEvent.objects.count(), OutgoingEmail.objects.count())


def test_a_rate_limited_post_writes_nothing_at_all(send, post, settings, inbox):
    settings.COMMENTS_RATE = "1/10m"
    send(post, body="Held, so the moderators get an email.")
    before = _stored_rows()
    response = send(post, body="Over the limit: kept for me, stored nowhere.")
    assert response.status_code == 429
    assert "Over the limit: kept for me, stored nowhere." in response.content.decode()
    assert _stored_rows() == before
    from django.conf import settings as conf

    fresh = Client()  # same address, a browser the site has not seen: not even a session
    response = fresh.post(f"/comments/post/{post.pk}/", comment_data(post, body="Me too."))
    assert response.status_code == 429
    assert conf.SESSION_COOKIE_NAME not in response.cookies
    assert _stored_rows() == before


def test_a_flood_of_trapped_forms_stores_no_more_than_the_limit(send, post, settings, inbox):
    settings.COMMENTS_RATE = "2/10m"
    answers = [
        send(post, body=f"Cheap things number {n}.", honeypot="http://cheap.example")
        for n in range(10)
    ]
    assert {a.status_code for a in answers} == {302}  # the bot learns nothing
    assert _stored_rows() == (2, 2, 0)
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.SPAM}
    assert send(post, body="A person, after the bot.").status_code == 302


# 3. Duplicate: refused with a message, stored once -------------------------------------------


def test_rule_3_the_same_comment_twice_is_refused_and_stored_once(send, post):
    send(post, body="I sent this and then pressed again.")
    response = send(post, body="I sent this and then pressed again.")
    assert response.status_code == 400
    assert "already sent this comment" in response.content.decode()
    assert Comment.objects.filter(body="I sent this and then pressed again.").count() == 1


def test_the_same_words_from_another_writer_are_not_a_duplicate(send, post):
    send(post, body="Thank you.")
    other = Client(REMOTE_ADDR="10.1.2.3")
    other.post(
        f"/comments/post/{post.pk}/",
        {"name": "Jo", "body": "Thank you.", "security": sign_form(post.pk, now=time.time() - 10)},
    )
    assert Comment.objects.filter(body="Thank you.").count() == 2


# 4. Disallowed terms: spam -------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "Casino Bob"},
        {"email": "bob@casino.example"},
        {"url": "https://casino.example/"},
        {"body": "Try the CASINO tonight, friends."},
    ],
)
def test_rule_4_a_disallowed_term_anywhere_makes_it_spam(send, post, inbox, fields):
    ModerationTerm.objects.create(term="casino", action=ModerationTerm.Action.DISALLOW)
    fields.setdefault("body", "A comment about something.")
    send(post, **fields)
    comment = Comment.objects.get()
    assert comment.status == Status.SPAM
    assert "disallowed term: casino" in comment.flags
    assert inbox == []


def test_disallowed_terms_win_over_links_and_hold_terms(send, post, settings):
    settings.COMMENTS_MODERATION = "none"
    ModerationTerm.objects.create(term="casino", action=ModerationTerm.Action.DISALLOW)
    ModerationTerm.objects.create(term="casino", action=ModerationTerm.Action.HOLD)
    send(post, body="casino http://a.example http://b.example http://c.example")
    assert Comment.objects.get().status == Status.SPAM


# 5. Crisis language: pending, flagged, moderators alerted at once ----------------------------


def test_rule_5_crisis_language_is_held_flagged_and_alerts_moderators_now(
    send, post, inbox, moderator, settings
):
    settings.COMMENTS_MODERATION = "none"
    settings.COMMENTS_MODERATOR_EMAILS = "digest"
    response = send(post, body=CRISIS_TEXT)
    comment = stored(CRISIS_TEXT)
    assert comment.status == Status.PENDING
    assert comment.crisis_rank >= 2 and comment.crisis_matches
    assert response.status_code == 302
    assert [m.to for m in inbox] == [[moderator.email]]
    assert "crisis" in inbox[0].subject.lower()
    assert f"focus={comment.pk}" in inbox[0].body


# 6. Links and hold terms: pending ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "held"),
    [
        ({"body": "See http://a.example and http://b.example"}, False),
        ({"body": "See http://a.example http://b.example www.c.example"}, True),
        ({"body": "See http://a.example and http://b.example", "url": "https://me.example"}, True),
    ],
)
def test_rule_6_more_links_than_allowed_hold_the_comment(send, post, settings, fields, held):
    settings.COMMENTS_MODERATION = "none"
    send(post, **fields)
    comment = Comment.objects.get()
    assert comment.status == (Status.PENDING if held else Status.APPROVED)
    assert any(f.endswith(" links") for f in comment.flags) is held


def test_rule_6_a_hold_term_holds_the_comment(send, post, settings):
    settings.COMMENTS_MODERATION = "none"
    ModerationTerm.objects.create(term="medication", action=ModerationTerm.Action.HOLD)
    send(post, body="Which Medication helped you?")
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    assert "hold term: medication" in comment.flags


# 7. COMMENTS_MODERATION ----------------------------------------------------------------------


def test_rule_7_moderation_all_holds_every_reader_comment(send, post, settings):
    settings.COMMENTS_MODERATION = "all"
    CommentFactory(post=post, author_email="known@example.org")
    send(post, body="I have written here before.", email="known@example.org")
    assert stored("I have written here before.").status == Status.PENDING


def test_rule_7_moderation_none_publishes_at_once(send, post, settings):
    settings.COMMENTS_MODERATION = "none"
    send(post, body="Straight through.")
    assert stored("Straight through.").status == Status.APPROVED


def test_rule_7_first_time_holds_a_new_writer(send, post, settings):
    settings.COMMENTS_MODERATION = "first_time"
    send(post, body="My first time here.", email="new@example.org")
    assert stored("My first time here.").status == Status.PENDING


def test_rule_7_first_time_approves_a_writer_whose_email_is_confirmed(send, post, settings):
    settings.COMMENTS_MODERATION = "first_time"
    known = CommentFactory(post=post, author_email="known@example.org")
    Subscription.objects.create(
        comment=known, email="known@example.org", token="t1", confirmed_at=timezone.now()
    )
    send(post, body="Back again.", email="KNOWN@example.org")
    assert stored("Back again.").status == Status.APPROVED


def test_rule_7_typing_someone_elses_email_is_held_as_a_first_comment(send, post, settings):
    settings.COMMENTS_MODERATION = "first_time"
    known = CommentFactory(post=post, author_email="known@example.org")
    Subscription.objects.create(comment=known, email="known@example.org", token="t2")  # unconfirmed
    send(post, body="Pretending to be a regular.", email="known@example.org")
    impostor = stored("Pretending to be a regular.")
    assert impostor.status == Status.PENDING
    assert impostor.flags == ["first comment"]


def test_rule_7_the_queue_calls_an_unconfirmed_email_first_time(send, post, settings, moderator):
    settings.COMMENTS_MODERATION = "first_time"
    CommentFactory(post=post, author_email="known@example.org")
    send(post, body="Pretending again.", email="known@example.org")
    client = Client()
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    start = html.index(f'id="item-{stored("Pretending again.").pk}"')
    assert "First-time writer" in html[start : html.index("</li>", start)]


def test_rule_7_first_time_approves_a_writer_known_by_browser(send, post, settings):
    settings.COMMENTS_MODERATION = "first_time"
    send(post, body="My first comment, no email.")
    first = stored("My first comment, no email.")
    assert first.status == Status.PENDING
    send(post, body="Second one, still pending as the first is.")
    assert stored("Second one, still pending as the first is.").status == Status.PENDING
    moderator_actions.approve(first)
    send(post, body="Second comment, same browser.")
    assert stored("Second comment, same browser.").status == Status.APPROVED


# Staff ---------------------------------------------------------------------------------------


def test_staff_comments_are_approved_with_the_author_badge(send, moderator_client, moderator, post):
    send(post, body="A reply from the author.")
    comment = stored("A reply from the author.")
    assert comment.status == Status.APPROVED
    assert comment.is_staff_reply and comment.user == moderator


# Moderator emails ----------------------------------------------------------------------------


def test_a_held_comment_emails_the_moderators_group_with_only_an_excerpt(
    send, post, inbox, moderator
):
    words = " ".join(f"word{i}" for i in range(60))
    send(post, body=f"{words} lastsecretword")
    assert len(inbox) == 1
    message = inbox[0]
    assert message.to == [moderator.email]
    assert "reader@example.org" not in message.to
    assert "word0" in message.body
    assert "lastsecretword" not in message.body and "word59" not in message.body
    assert "/moderation/?focus=" in message.body


def test_approved_comments_email_nobody(send, post, inbox, settings):
    settings.COMMENTS_MODERATION = "none"
    send(post, body="Nothing to review here.")
    assert inbox == []


def test_digest_mode_batches_ordinary_comments_but_not_crisis_ones(
    send, post, inbox, settings, django_capture_on_commit_callbacks
):
    settings.COMMENTS_MODERATOR_EMAILS = "digest"
    send(post, body="An ordinary comment to review.")
    assert inbox == []
    send(post, body=CRISIS_TEXT)
    assert len(inbox) == 1 and "crisis" in inbox[0].subject.lower()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_moderation_digest", stdout=io.StringIO())
    assert len(inbox) == 2
    digest = inbox[1]
    assert digest.subject == "2 comments waiting"
    assert "An ordinary comment to review." in digest.body
