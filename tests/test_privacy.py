"""Privacy: a commenter can download or erase everything under their email; retention runs."""

import io
import json
import re
from datetime import timedelta

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments import transitions
from comments.models import Comment, ModerationEvent, OutgoingEmail, Report, Subscription
from comments.tree import load_tree_page
from privacy import personal_data as privacy

from .factories import CommentFactory

pytestmark = pytest.mark.django_db
EMAIL = "Ann@Example.org"
PRIVACY = reverse("comments:privacy")


@pytest.fixture
def anns(post):
    """Ann's two comments (one with a reply from Ben), her subscription, and Ben's own."""
    first = CommentFactory(
        post=post,
        author_email="ann@example.org",
        author_name="Ann",
        body="I lost my brother.",
        ip_hash="a" * 64,
    )
    second = CommentFactory(
        post=post, author_email="ANN@example.org", author_name="Ann", body="Thank you all."
    )
    reply = CommentFactory(
        post=post, parent=first, author_email="ben@example.org", author_name="Ben"
    )
    Subscription.objects.create(comment=first, email="ann@example.org", token="t1")
    return first, second, reply


def link_for(email):
    return reverse("comments:privacy_confirm", args=[privacy.make_token(email)])


def ask(client, email, **extra):
    return client.post(PRIVACY, {"email": email}, **extra)


# --- the page and the request form ------------------------------------------------------------


def test_privacy_page_says_what_is_stored_for_how_long_and_how_to_take_it_back(client, settings):
    settings.COMMENTS_EMAIL_RETENTION_DAYS = 0
    html = client.get(PRIVACY).content.decode()
    assert "What we keep when you comment" in html and "How long we keep it" in html
    assert "30 days" in html and "until you ask us to erase it" in html
    assert "How to take it back" in html and 'name="email"' in html
    assert 'style="' not in html and "<script>" not in html


def test_privacy_page_states_the_email_retention_when_it_is_set(client, settings):
    settings.COMMENTS_EMAIL_RETENTION_DAYS = 365
    assert "365 days after your comment" in client.get(PRIVACY).content.decode()


def test_asking_with_an_address_that_has_comments_emails_one_link_naming_no_topic(
    client, anns, post, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, EMAIL)
    assert response.status_code == 302 and response.url == reverse("comments:privacy_sent")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [EMAIL]
    assert post.title not in message.subject and post.title not in message.body
    assert re.search(r"/privacy/confirm/[^/\s]+/", message.body)
    assert OutgoingEmail.objects.get().kind == "privacy"


def test_asking_with_an_unknown_address_gets_the_same_answer_and_sends_nothing(
    client, anns, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = ask(client, EMAIL)
        unknown = ask(client, "nobody@example.org")
    assert (unknown.status_code, unknown.url) == (known.status_code, known.url)
    assert len(mailoutbox) == 1
    page = client.get(unknown.url).content.decode()
    assert "If we have comments under that address, we've sent it a link" in page


@pytest.mark.parametrize("bad", ["", "not an email", "a@", "x" * 250 + "@example.org"])
def test_a_bad_address_is_refused_and_kept_in_the_form(client, bad):
    response = ask(client, bad)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please enter an email address" in html and 'aria-invalid="true"' in html
    assert OutgoingEmail.objects.count() == 0


def test_requests_are_rate_limited_per_connection_and_the_address_is_kept(client, anns):
    for _ in range(5):
        assert ask(client, "someone@example.org").status_code == 302
    response = ask(client, EMAIL)
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert f'value="{EMAIL}"' in response.content.decode()
    other = ask(client, EMAIL, REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 302


def test_the_request_form_needs_a_csrf_token(anns):
    strict = Client(enforce_csrf_checks=True)
    assert ask(strict, EMAIL).status_code == 403


# --- the emailed link -------------------------------------------------------------------------


def test_the_link_page_shows_two_choices_and_changes_nothing_on_get(client, anns):
    before = list(Comment.objects.values_list("body", "status"))
    html = client.get(link_for(EMAIL) + "?action=erase_confirmed").content.decode()
    assert "Download my data" in html and "Erase all my comments" in html
    assert "We have 2 comments under this email address" in html
    assert list(Comment.objects.values_list("body", "status")) == before


def test_download_returns_everything_stored_under_the_address_as_a_json_file(client, anns):
    response = client.post(link_for(EMAIL), {"action": "download"})
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="my-comments.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert [c["text"] for c in data["comments"]] == ["I lost my brother.", "Thank you all."]
    assert data["comments"][0]["post_url"].endswith(anns[0].post.get_absolute_url())
    assert data["comments"][0]["ip_address_hash"] == "a" * 64
    assert len(data["subscriptions"]) == 1
    assert "Ben" not in response.content.decode()


def test_erasing_asks_to_confirm_first(client, anns):
    response = client.post(link_for(EMAIL), {"action": "erase"})
    assert "Erase all 2 of your comments?" in response.content.decode()
    assert Comment.objects.filter(author_email__iexact=EMAIL).count() == 2


def test_confirmed_erasure_removes_text_and_identity_and_keeps_replies_in_their_thread(
    client, anns, post
):
    first, second, reply = anns
    response = client.post(link_for(EMAIL), {"action": "erase_confirmed"})
    assert response.status_code == 302
    assert "2 comments erased" in client.get(response.url).content.decode()
    for comment in (first, second):
        comment.refresh_from_db()
        assert (comment.body, comment.author_name, comment.author_email, comment.ip_hash) == (
            "",
            "(erased)",
            "",
            "",
        )
        assert comment.status == "removed"
    items = load_tree_page(post).items
    assert [n.comment.pk for n in items] == [first.pk, reply.pk]
    assert items[0].placeholder and items[1].comment.body == reply.body
    assert "I lost my brother" not in client.get(post.get_absolute_url()).content.decode()


def test_every_erasure_writes_a_moderation_event(anns):
    privacy.erase_comments(EMAIL)
    events = ModerationEvent.objects.filter(action="erase")
    assert sorted(events.values_list("comment_ref", flat=True)) == [anns[0].pk, anns[1].pk]
    assert set(events.values_list("actor_label", flat=True)) == {"privacy request"}


def test_erasure_deletes_subscriptions_and_emails_addressed_to_that_person(anns):
    OutgoingEmail.objects.create(kind="reply", to=["ann@example.org"], subject="s", body="b")
    OutgoingEmail.objects.create(kind="reply", to=["bob@example.org"], subject="s", body="b")
    Subscription.objects.create(comment=anns[2], email="ben@example.org", token="t2")
    assert privacy.erase_comments(EMAIL) == 2
    assert list(Subscription.objects.values_list("email", flat=True)) == ["ben@example.org"]
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [["bob@example.org"]]


def test_erasure_also_removes_the_original_text_kept_by_edit_events(anns):
    transitions.edit(anns[0], body="Edited words.", actor_label="writer")
    privacy.erase_comments(EMAIL)
    notes = " ".join(ModerationEvent.objects.values_list("note", flat=True))
    assert "I lost my brother" not in notes and "Edited words" not in notes


def test_erasure_leaves_other_peoples_comments_alone_and_a_second_run_erases_nothing(anns):
    reply = anns[2]
    privacy.erase_comments(EMAIL)
    reply.refresh_from_db()
    assert reply.author_email == "ben@example.org" and reply.body
    assert privacy.erase_comments(EMAIL) == 0


def test_erasure_by_a_moderator_records_who_did_it(anns, moderator):
    privacy.erase_comments(EMAIL, actor=moderator, actor_label="")
    assert set(ModerationEvent.objects.filter(action="erase").values_list("actor", flat=True)) == {
        moderator.pk
    }


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        signing.dumps({"email": "ann@example.org"}, salt="another.purpose"),
        privacy.make_token(EMAIL)[:-2] + "xx",
    ],
)
def test_forged_or_altered_links_are_refused_and_change_nothing(client, anns, token):
    url = reverse("comments:privacy_confirm", args=[token])
    assert client.get(url).status_code == 400
    assert client.post(url, {"action": "erase_confirmed"}).status_code == 400
    assert Comment.objects.filter(author_name="Ann").count() == 2


def test_links_expire_after_a_day(client, anns, monkeypatch):
    url = link_for(EMAIL)
    monkeypatch.setattr(privacy, "TOKEN_MAX_AGE", -1)
    response = client.post(url, {"action": "erase_confirmed"})
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert Comment.objects.filter(author_name="Ann").count() == 2


def test_acting_on_a_link_needs_a_csrf_token(anns):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(link_for(EMAIL), {"action": "erase_confirmed"}).status_code == 403


# --- export_data ------------------------------------------------------------------------------


def test_export_data_is_json_serialisable_and_matches_the_address_in_any_case(anns):
    data = privacy.export_data("ann@EXAMPLE.org")
    assert json.loads(json.dumps(data))["email"] == "ann@example.org"
    assert len(data["comments"]) == 2 and data["comments"][0]["status"] == "approved"


def test_export_data_for_an_unknown_or_empty_address_holds_nothing():
    assert privacy.export_data("nobody@example.org")["comments"] == []
    assert privacy.export_data("")["comments"] == []


def test_export_data_costs_a_fixed_number_of_queries(anns, post, django_assert_max_num_queries):
    for _ in range(20):
        CommentFactory(post=post, author_email="ann@example.org")
    with django_assert_max_num_queries(4):
        privacy.export_data(EMAIL)


# --- retention --------------------------------------------------------------------------------


def test_purge_drops_ip_hashes_older_than_the_retention_period_only(post):
    old = CommentFactory(
        post=post, ip_hash="o" * 64, created_at=timezone.now() - timedelta(days=31)
    )
    new = CommentFactory(post=post, ip_hash="n" * 64)
    report = Report.objects.create(
        comment=new, reason="spam", ip_hash="r" * 64, created_at=timezone.now() - timedelta(days=40)
    )
    counts = privacy.purge_personal_data()
    assert counts["comment_ip_hashes"] == 1 and counts["report_ip_hashes"] == 1
    old.refresh_from_db(), new.refresh_from_db(), report.refresh_from_db()
    assert (old.ip_hash, new.ip_hash, report.ip_hash) == ("", "n" * 64, "")


def test_purge_keeps_emails_by_default_and_forgets_old_ones_when_a_retention_is_set(post, settings):
    old = CommentFactory(post=post, created_at=timezone.now() - timedelta(days=400))
    Subscription.objects.create(comment=old, email=old.author_email, token="t3")
    new = CommentFactory(post=post)
    assert privacy.purge_personal_data()["emails"] == 0
    settings.COMMENTS_EMAIL_RETENTION_DAYS = 365
    counts = privacy.purge_personal_data()
    assert (counts["emails"], counts["subscriptions"]) == (1, 1)
    old.refresh_from_db(), new.refresh_from_db()
    assert old.author_email == "" and new.author_email


def test_purge_is_idempotent_and_the_command_reports_counts(post, settings):
    settings.COMMENTS_EMAIL_RETENTION_DAYS = 10
    CommentFactory(post=post, ip_hash="x" * 64, created_at=timezone.now() - timedelta(days=60))
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "IP hashes dropped (older than 30 days): 1 from comments" in out.getvalue()
    assert "Emails forgotten (comments older than 10 days): 1" in out.getvalue()
    again = io.StringIO()
    call_command("purge_personal_data", stdout=again)
    assert "1 from comments" not in again.getvalue() and ": 0 from comments" in again.getvalue()
    assert privacy.purge_personal_data() == {
        "comment_ip_hashes": 0,
        "report_ip_hashes": 0,
        "emails": 0,
        "subscriptions": 0,
        "rate_counters": 0,
        "sent_emails": 0,
    }
