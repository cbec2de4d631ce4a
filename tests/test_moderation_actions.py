"""Moderation actions: each goes through comments.moderator_actions, leaves an event, bumps the
cache."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments import moderator_actions
from comments.models import Comment, ModerationEvent, Report, Subscription
from comments.tree import tree_version

from .factories import CommentFactory, PostFactory, UserFactory

Status = Comment.Status


def action_url(comment, name):
    return reverse("moderation:action", args=[comment.pk, name])


def events(comment, action=None):
    found = ModerationEvent.objects.filter(comment_ref=comment.pk)
    return found.filter(action=action) if action else found


@pytest.fixture
def waiting(post):
    return CommentFactory(post=post, status=Status.PENDING, body="Original words.")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what the views schedule after commit (cache bumps, emails), as production does."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


# One transition each -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "action", "end"),
    [
        (Status.PENDING, "approve", Status.APPROVED),
        (Status.PENDING, "spam", Status.SPAM),
        (Status.PENDING, "remove", Status.REMOVED),
        (Status.APPROVED, "spam", Status.SPAM),
        (Status.APPROVED, "remove", Status.REMOVED),
        (Status.SPAM, "approve", Status.APPROVED),
    ],
)
def test_each_action_writes_its_event_and_bumps_the_tree_version(
    moderator_client, moderator, post, run_on_commit, start, action, end
):
    comment = CommentFactory(post=post, status=start)
    before = tree_version(post.pk)
    response = run_on_commit(moderator_client.post, action_url(comment, action))
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == end
    event = events(comment, action).get()
    assert (event.actor, event.from_status, event.to_status) == (moderator, start, end)
    assert tree_version(post.pk) > before


@pytest.mark.parametrize(
    ("before_hidden", "hide"),
    [(Status.APPROVED, "spam"), (Status.APPROVED, "remove"), (Status.PENDING, "remove")],
)
def test_restore_returns_a_comment_to_the_state_it_had(
    moderator_client, post, before_hidden, hide, run_on_commit
):
    comment = CommentFactory(post=post, status=before_hidden)
    moderator_client.post(action_url(comment, hide))
    version = tree_version(post.pk)
    run_on_commit(moderator_client.post, action_url(comment, "restore"))
    comment.refresh_from_db()
    assert comment.status == before_hidden
    assert events(comment, "restore").get().from_status == {"spam": "spam"}.get(hide, "removed")
    assert tree_version(post.pk) > version


def test_approving_a_reported_comment_dismisses_its_reports(moderator_client, post):
    reported = CommentFactory(post=post, open_reports=1)
    Report.objects.create(comment=reported, reason=Report.Reason.ABUSIVE)
    moderator_client.post(action_url(reported, "approve"))
    reported.refresh_from_db()
    assert reported.open_reports == 0
    assert not reported.reports.filter(resolved_at=None).exists()
    assert reported.pk not in [c.pk for c in moderator_client.get("/moderation/").context["items"]]


def test_an_action_that_changes_nothing_is_refused_and_leaves_no_event(moderator_client, comment):
    response = moderator_client.post(action_url(comment, "restore"), HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert not events(comment, "restore").exists()


def test_an_unknown_action_is_not_found(moderator_client, waiting):
    assert moderator_client.post(action_url(waiting, "delete")).status_code == 404
    assert Comment.objects.filter(pk=waiting.pk).exists()


def test_an_action_on_a_missing_comment_is_not_found(moderator_client):
    assert moderator_client.post("/moderation/comment/999999/approve/").status_code == 404


def test_without_javascript_an_action_redirects_back_to_the_same_tab(moderator_client, waiting):
    here = "/moderation/?tab=review&q=Original"
    response = moderator_client.post(action_url(waiting, "approve"), {"next": here})
    assert response["Location"] == here
    page = moderator_client.get(here).content.decode()
    assert f"Approved: the comment by {waiting.author_name}." in page


def test_an_offsite_next_url_is_ignored(moderator_client, waiting):
    response = moderator_client.post(
        action_url(waiting, "approve"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == "/moderation/"


def test_with_javascript_an_action_answers_json_with_the_new_counts(moderator_client, waiting):
    response = moderator_client.post(action_url(waiting, "spam"), HTTP_ACCEPT="application/json")
    data = response.json()
    assert data["ok"] is True
    assert data["items"] == [{"id": waiting.pk, "status": "spam", "status_label": "Spam"}]
    assert data["counts"]["review"] == 0 and data["counts"]["spam"] == 1


# Safe methods and CSRF -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["approve", "spam", "remove"])
def test_get_on_an_action_url_only_asks_to_confirm(moderator_client, waiting, name):
    response = moderator_client.get(action_url(waiting, name))
    assert response.status_code == 200
    assert b'method="post"' in response.content
    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING
    assert not ModerationEvent.objects.exists()


def test_get_on_not_a_crisis_only_asks_to_confirm(moderator_client, post):
    flagged = CommentFactory(post=post, status=Status.PENDING, crisis_level="crisis")
    assert (
        moderator_client.get(reverse("moderation:not_crisis", args=[flagged.pk])).status_code == 200
    )
    flagged.refresh_from_db()
    assert flagged.crisis_level == "crisis"


def test_a_post_without_the_csrf_token_changes_nothing(moderator, waiting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    for url, data in [
        (action_url(waiting, "approve"), {}),
        (reverse("moderation:bulk"), {"ids": [waiting.pk], "bulk_action": "spam"}),
        (reverse("moderation:reply", args=[waiting.pk]), {"body": "Hello there"}),
        (reverse("moderation:edit", args=[waiting.pk]), {"body": "Changed"}),
    ]:
        assert client.post(url, data).status_code == 403
    waiting.refresh_from_db()
    assert (waiting.status, waiting.body) == (Status.PENDING, "Original words.")
    assert not Comment.objects.filter(is_staff_reply=True).exists()


def test_bulk_accepts_only_post(moderator_client):
    assert moderator_client.get(reverse("moderation:bulk")).status_code == 405


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_actions_refuse_anyone_but_moderators(client, waiting, who):
    if who == "reader":
        client.force_login(UserFactory())
    urls = [
        action_url(waiting, "approve"),
        reverse("moderation:bulk"),
        reverse("moderation:reply", args=[waiting.pk]),
        reverse("moderation:not_crisis", args=[waiting.pk]),
    ]
    for url in urls:
        data = {"ids": [waiting.pk], "bulk_action": "approve", "body": "Hi there"}
        response = client.post(url, data)
        assert response.status_code == (302 if who == "anonymous" else 403)
    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING
    assert not ModerationEvent.objects.exists()


# Bulk ----------------------------------------------------------------------------------------


def test_bulk_action_runs_the_transition_on_every_selected_comment(
    moderator_client, post, moderator
):
    chosen = [CommentFactory(post=post, status=Status.PENDING) for _ in range(3)]
    left = CommentFactory(post=post, status=Status.PENDING)
    response = moderator_client.post(
        reverse("moderation:bulk"), {"ids": [c.pk for c in chosen], "bulk_action": "approve"}
    )
    assert response.status_code == 302
    assert set(Comment.objects.approved().values_list("pk", flat=True)) == {c.pk for c in chosen}
    assert ModerationEvent.objects.filter(action="approve", actor=moderator).count() == 3
    left.refresh_from_db()
    assert left.status == Status.PENDING


def test_bulk_skips_comments_already_in_that_state(moderator_client, post):
    already = CommentFactory(post=post, status=Status.SPAM)
    fresh = CommentFactory(post=post, status=Status.PENDING)
    response = moderator_client.post(
        reverse("moderation:bulk"),
        {"ids": [already.pk, fresh.pk], "bulk_action": "spam"},
        HTTP_ACCEPT="application/json",
    )
    assert [item["id"] for item in response.json()["items"]] == [fresh.pk]
    assert "1 already had that state" in response.json()["message"]
    assert not events(already).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"bulk_action": "approve"},
        {"ids": ["abc"], "bulk_action": "approve"},
        {"ids": ["1"], "bulk_action": "delete"},
        {"ids": ["1"]},
    ],
)
def test_bulk_with_bad_input_changes_nothing_and_says_why(moderator_client, waiting, data):
    data = {k: ([str(waiting.pk)] if v == ["1"] else v) for k, v in data.items()}
    response = moderator_client.post(
        reverse("moderation:bulk"), data, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert response.json()["ok"] is False and response.json()["message"]
    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING


# Edit ----------------------------------------------------------------------------------------


def test_edit_changes_the_text_and_keeps_the_original_in_the_event(
    moderator_client, waiting, moderator, run_on_commit
):
    url = reverse("moderation:edit", args=[waiting.pk])
    assert b"Original words." in moderator_client.get(url).content
    version = tree_version(waiting.post_id)
    run_on_commit(moderator_client.post, url, {"body": "Edited words.", "note": "method detail"})
    waiting.refresh_from_db()
    assert waiting.body == "Edited words."
    assert "Edited words." in waiting.body_html
    event = events(waiting, "edit").get()
    assert event.actor == moderator
    assert "Original words." in event.note and "method detail" in event.note
    assert tree_version(waiting.post_id) > version


def test_edit_to_empty_text_is_refused(moderator_client, waiting):
    response = moderator_client.post(reverse("moderation:edit", args=[waiting.pk]), {"body": ""})
    assert response.status_code == 400
    assert b"cannot be empty" in response.content
    waiting.refresh_from_db()
    assert waiting.body == "Original words."
    assert not events(waiting, "edit").exists()


# Approve and reply ---------------------------------------------------------------------------


def test_approve_and_reply_publishes_a_staff_reply_and_tells_subscribers(
    moderator_client, moderator, waiting, mailoutbox, run_on_commit
):
    moderator.first_name, moderator.last_name = "Ruth", "Hale"
    moderator.save()
    Subscription.objects.create(
        comment=waiting, email="writer@example.org", token="t" * 20, confirmed_at=timezone.now()
    )
    response = run_on_commit(
        moderator_client.post,
        reverse("moderation:reply", args=[waiting.pk]),
        {"body": "Thank you for trusting us with this."},
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["ok"] is True
    waiting.refresh_from_db()
    assert waiting.status == Status.APPROVED
    reply = Comment.objects.get(parent=waiting)
    assert (reply.status, reply.is_staff_reply, reply.user) == (Status.APPROVED, True, moderator)
    assert reply.author_name == "Ruth Hale"
    assert (reply.depth, reply.root_id) == (2, waiting.pk)
    assert response.json()["reply_url"].endswith(f"#comment-{reply.pk}")
    assert events(waiting, "approve").get().actor == moderator
    assert events(reply, "submit").get().actor == moderator
    assert [m.to for m in mailoutbox] == [["writer@example.org"]]
    assert "Someone replied" in mailoutbox[0].subject


def test_replying_to_an_approved_comment_does_not_approve_it_again(moderator_client, comment):
    moderator_client.post(reverse("moderation:reply", args=[comment.pk]), {"body": "Thank you."})
    assert not events(comment, "approve").exists()
    assert Comment.objects.filter(parent=comment, is_staff_reply=True).count() == 1


def test_a_reply_to_the_deepest_comment_attaches_to_its_parent(moderator_client, post, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    top = CommentFactory(post=post)
    deep = CommentFactory(post=post, parent=top)
    moderator_client.post(reverse("moderation:reply", args=[deep.pk]), {"body": "Thank you."})
    reply = Comment.objects.get(is_staff_reply=True)
    assert (reply.parent_id, reply.depth) == (top.pk, 2)


@pytest.mark.parametrize("body", ["", " ", "x"])
def test_approve_and_reply_with_no_reply_changes_nothing(moderator_client, waiting, body):
    url = reverse("moderation:reply", args=[waiting.pk])
    response = moderator_client.post(url, {"body": body}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert "Write a reply first" in response.json()["message"]
    without_js = moderator_client.post(url, {"body": body})
    assert without_js.status_code == 400
    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING
    assert not Comment.objects.filter(is_staff_reply=True).exists()


def test_a_spam_comment_cannot_be_answered_until_restored(moderator_client, post):
    spam = CommentFactory(post=post, status=Status.SPAM)
    response = moderator_client.post(
        reverse("moderation:reply", args=[spam.pk]),
        {"body": "Hello there"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 409
    assert not Comment.objects.filter(is_staff_reply=True).exists()


# Not a crisis --------------------------------------------------------------------------------


def test_not_a_crisis_clears_the_flag_and_records_the_evidence(moderator_client, moderator, post):
    flagged = CommentFactory(
        post=post, status=Status.PENDING, crisis_level="crisis", crisis_matches=["dying to"]
    )
    moderator_client.post(reverse("moderation:not_crisis", args=[flagged.pk]))
    flagged.refresh_from_db()
    assert (flagged.crisis_level, flagged.crisis_rank) == ("none", 0)
    event = events(flagged, "not_crisis").get()
    assert event.actor == moderator and "dying to" in event.note


def test_not_a_crisis_on_an_unflagged_comment_does_nothing(moderator_client, waiting):
    response = moderator_client.post(reverse("moderation:not_crisis", args=[waiting.pk]))
    assert response.status_code == 302
    assert not events(waiting, "not_crisis").exists()


# The admin goes through the same functions ---------------------------------------------------


@pytest.fixture
def admin_client(client, moderator):
    moderator.is_superuser = True
    moderator.save()
    client.force_login(moderator)
    return client


@pytest.mark.parametrize(
    ("action", "start", "end"),
    [
        ("approve_comments", Status.PENDING, Status.APPROVED),
        ("spam_comments", Status.PENDING, Status.SPAM),
        ("remove_comments", Status.APPROVED, Status.REMOVED),
        ("restore_comments", Status.SPAM, Status.PENDING),
    ],
)
def test_admin_actions_use_the_moderation_functions(
    admin_client, moderator, post, action, start, end
):
    comment = CommentFactory(post=post, status=start)
    response = admin_client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": action, "_selected_action": [comment.pk]},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == end
    assert ModerationEvent.objects.get(comment=comment, actor=moderator).to_status == end


def test_admin_body_edit_goes_through_the_audit_log(admin_client, moderator, waiting):
    url = reverse("admin:comments_comment_change", args=[waiting.pk])
    assert admin_client.get(url).status_code == 200
    admin_client.post(url, {"body": "Edited in the admin."})
    waiting.refresh_from_db()
    assert waiting.body == "Edited in the admin."
    assert waiting.status == Status.PENDING
    assert "Original words." in events(waiting, "edit").get().note


def test_admin_cannot_delete_a_comment_or_change_its_status_directly(admin_client, waiting):
    assert (
        admin_client.get(reverse("admin:comments_comment_delete", args=[waiting.pk])).status_code
        == 403
    )
    admin_client.post(
        reverse("admin:comments_comment_change", args=[waiting.pk]),
        {"body": "Original words.", "status": "approved"},
    )
    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING


def test_admin_erase_asks_first_then_erases_by_each_writers_email(
    admin_client, moderator, post, monkeypatch
):
    calls = []
    monkeypatch.setattr(
        "privacy.admin.erase_comments",
        lambda email, *, actor=None, actor_label="": calls.append((email, actor)) or 2,
    )
    one = CommentFactory(post=post, author_email="Someone@Example.org")
    two = CommentFactory(post=post, author_email="")
    url = reverse("admin:comments_comment_changelist")
    data = {"action": "erase_writers", "_selected_action": [one.pk, two.pk]}
    confirm = admin_client.post(url, data)
    assert confirm.status_code == 200 and b"cannot be undone" in confirm.content
    assert calls == []
    admin_client.post(url, {**data, "confirm": "yes"})
    assert calls == [("someone@example.org", moderator)]


def test_read_only_records_cannot_be_edited_in_the_admin(admin_client, waiting):
    moderator_actions.approve(waiting)
    event = ModerationEvent.objects.get()
    url = reverse("admin:comments_moderationevent_change", args=[event.pk])
    admin_client.post(url, {"note": "rewritten"})
    event.refresh_from_db()
    assert event.note == ""
    assert admin_client.get(reverse("admin:comments_outgoingemail_add")).status_code == 403


def test_admin_erase_with_the_privacy_tool_erases_every_comment_by_that_email(
    admin_client, moderator, post
):
    pytest.importorskip("privacy.personal_data")
    mine = CommentFactory(post=post, author_email="gone@example.org", body="Please forget me.")
    also_mine = CommentFactory(post=PostFactory(), author_email="gone@example.org")
    other = CommentFactory(post=post, author_email="stays@example.org")
    url = reverse("admin:comments_comment_changelist")
    admin_client.post(
        url, {"action": "erase_writers", "_selected_action": [mine.pk], "confirm": "yes"}
    )
    for erased in (mine, also_mine):
        erased.refresh_from_db()
        assert (erased.body, erased.author_email, erased.status) == ("", "", Status.REMOVED)
        assert events(erased, "erase").get().actor == moderator
    other.refresh_from_db()
    assert other.author_email == "stays@example.org"


def test_a_reply_post_with_no_fields_at_all_is_refused(moderator_client, waiting):
    response = moderator_client.post(reverse("moderation:reply", args=[waiting.pk]), {})
    assert response.status_code == 400
    assert b"Write a reply first" in response.content
    assert not Comment.objects.filter(is_staff_reply=True).exists()
