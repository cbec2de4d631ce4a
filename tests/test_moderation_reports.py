"""Reader reports in the queue: a moderator dismisses one, the comment stays public."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, ModerationEvent, Report

from .factories import CommentFactory, UserFactory

Status = Comment.Status


def reported(post, *reasons, body="A comment someone reported."):
    comment = CommentFactory(post=post, body=body, open_reports=len(reasons))
    reports = [Report.objects.create(comment=comment, reason=reason) for reason in reasons]
    return comment, reports


def dismiss_url(report):
    return reverse("moderation:dismiss_report", args=[report.pk])


def review_ids(client):
    return [item.pk for item in client.get("/moderation/").context["items"]]


def test_dismissing_a_report_resolves_it_and_leaves_the_comment_public(
    moderator_client, moderator, post
):
    comment, [report] = reported(post, Report.Reason.ABUSIVE)
    assert comment.pk in review_ids(moderator_client)

    response = moderator_client.post(dismiss_url(report), {"next": "/moderation/"})

    assert response.status_code == 302
    report.refresh_from_db()
    comment.refresh_from_db()
    assert report.resolved_at is not None
    assert (comment.status, comment.open_reports) == (Status.APPROVED, 0)
    assert comment.pk not in review_ids(moderator_client)
    event = ModerationEvent.objects.get(comment=comment, action="dismiss_report")
    assert (event.actor, event.from_status, event.to_status) == (moderator, "approved", "approved")
    assert event.note == "Report dismissed (Abusive or unkind)"
    assert "A comment someone reported." in Client().get(post.get_absolute_url()).content.decode()


def test_dismissing_one_of_two_reports_keeps_the_comment_in_review(moderator_client, post):
    comment, [first, second] = reported(post, Report.Reason.SPAM, Report.Reason.OTHER)
    response = moderator_client.post(dismiss_url(first), HTTP_ACCEPT="application/json")
    assert response.json()["report_id"] == first.pk
    assert response.json()["items"] == []  # the item is not done: a report is still open
    comment.refresh_from_db()
    assert comment.open_reports == 1
    assert comment.pk in review_ids(moderator_client)
    page = moderator_client.get("/moderation/").content.decode()
    assert f'data-report="{second.pk}"' in page and f'data-report="{first.pk}"' not in page


def test_dismissing_the_last_report_answers_json_with_the_item_and_new_counts(
    moderator_client, post
):
    comment, [report] = reported(post, Report.Reason.SPAM)
    response = moderator_client.post(dismiss_url(report), HTTP_ACCEPT="application/json")
    payload = response.json()
    assert payload["ok"] is True
    assert payload["message"] == (
        f"Report dismissed: the comment by {comment.author_name} stays public."
    )
    assert [item["id"] for item in payload["items"]] == [comment.pk]
    assert payload["counts"]["review"] == 0


def test_a_report_already_dealt_with_cannot_be_dismissed_again(moderator_client, post):
    comment, [report] = reported(post, Report.Reason.SPAM)
    Report.objects.filter(pk=report.pk).update(resolved_at=timezone.now())
    response = moderator_client.post(dismiss_url(report), HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert response.json()["message"] == "This report was already dealt with."
    assert not ModerationEvent.objects.filter(action="dismiss_report").exists()


def test_dismissing_a_missing_report_is_not_found(moderator_client):
    assert moderator_client.post("/moderation/report/999999/dismiss/").status_code == 404


def test_get_on_dismiss_only_asks_to_confirm(moderator_client, post):
    comment, [report] = reported(post, Report.Reason.WORRIED)
    response = moderator_client.get(dismiss_url(report))
    assert response.status_code == 200
    assert "Dismissing the report leaves the comment public." in response.content.decode()
    report.refresh_from_db()
    assert report.resolved_at is None


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_only_moderators_can_dismiss_a_report(client, post, who):
    if who == "reader":
        client.force_login(UserFactory())
    comment, [report] = reported(post, Report.Reason.SPAM)
    response = client.post(dismiss_url(report))
    assert response.status_code == (302 if who == "anonymous" else 403)
    report.refresh_from_db()
    assert report.resolved_at is None


def test_each_open_report_has_its_own_dismiss_button(moderator_client, post):
    comment, reports = reported(post, Report.Reason.SPAM, Report.Reason.ABUSIVE)
    page = moderator_client.get("/moderation/").content.decode()
    assert page.count(">Dismiss report</button>") == 2
    for report in reports:
        assert f'action="{dismiss_url(report)}"' in page
