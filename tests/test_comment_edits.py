"""A writer's edit goes through the same rules as a new comment (issue 14, item 1).

An approved comment edited into text the rules would hold keeps its approved text everywhere
readers look (the page, the stored page, the feeds) until a moderator approves the edit.
"""

import pytest
from django.test import Client
from django.urls import reverse

from comments import moderator_actions
from comments.models import Comment, ModerationEvent

pytestmark = pytest.mark.django_db
Status = Comment.Status
Action = ModerationEvent.Action

KIND = "Thank you for this post."
SUICIDE_NOTE = (
    "This is my goodbye. I have saved up my pills and I will take them all on Friday "
    "night. I'm going to kill myself. Thank you all."
)


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


@pytest.fixture
def moderator_client(moderator):
    """The moderator in a browser of their own (``client`` is the writer's)."""
    browser = Client()
    browser.force_login(moderator)
    return browser


@pytest.fixture
def approved(client, send_comment, post, settings, run_on_commit):
    """A comment its writer (``client``) sent and a moderator approved."""
    run_on_commit(send_comment, post, body=KIND)
    comment = Comment.objects.get()
    return moderator_actions.approve(comment)


def edit(client, comment, body, run_on_commit):
    return run_on_commit(client.post, reverse("comments:edit", args=[comment.pk]), {"body": body})


def public_views(post):
    """What a stranger sees: the post page twice (rendered, then stored) and both feeds."""
    stranger = Client()
    pages = [stranger.get(post.get_absolute_url()).content.decode() for _ in range(2)]
    feeds = [
        stranger.get(reverse("comments:feed")).content.decode(),
        stranger.get(reverse("comments:post_feed", args=[post.pk])).content.decode(),
    ]
    return pages + feeds


def test_the_policy_judges_the_edit_with_the_same_verdict_as_a_new_comment(
    client, approved, run_on_commit, mailoutbox, moderator
):
    from support.detection import assess

    assert assess(SUICIDE_NOTE).level in ("crisis", "imminent")
    edit(client, approved, SUICIDE_NOTE, run_on_commit)
    approved.refresh_from_db()
    assert approved.pending_flags and approved.pending_flags[0].startswith("crisis language")


def test_a_suicide_note_edited_into_an_approved_comment_is_never_published(
    client, approved, post, run_on_commit, mailoutbox, moderator
):
    public_views(post)  # the stored page and the cached tree exist before the edit
    response = edit(client, approved, SUICIDE_NOTE, run_on_commit)

    # The writer sees the crisis panel, as after a new crisis comment.
    assert response.status_code == 302
    assert response["Location"] == reverse("comments:after_submit", args=[approved.pk])
    panel = client.get(response["Location"]).content.decode()
    assert "Thank you for writing this" in panel

    # Readers keep the approved text everywhere.
    for html in public_views(post):
        assert KIND in html
        assert "saved up my pills" not in html

    # The moderators are alerted at once, by the same email a new crisis comment sends.
    urgent = [m for m in mailoutbox if m.subject.startswith("[Urgent: crisis flag]")]
    assert len(urgent) == 1 and moderator.email in urgent[0].to
    assert "saved up my pills" in urgent[0].body
    assert "Readers still see the approved" in urgent[0].body

    # Stored aside, recorded in the audit log with its action.
    approved.refresh_from_db()
    assert approved.status == Status.APPROVED and approved.body == KIND
    assert approved.pending_body == SUICIDE_NOTE
    assert approved.crisis_level in ("crisis", "imminent")
    event = ModerationEvent.objects.get(comment=approved, action=Action.EDIT_PROPOSED)
    assert event.actor_label == "writer" and SUICIDE_NOTE in event.note


def test_the_queue_shows_both_versions_with_approve_and_reject_edit(
    client, approved, run_on_commit, moderator_client
):
    edit(client, approved, SUICIDE_NOTE, run_on_commit)
    html = moderator_client.get(reverse("moderation:queue")).content.decode()
    start = html.index(f'id="item-{approved.pk}"')
    item = html[start : html.index("</article>", start)]
    approved_at = item.index("Approved text (what readers see now)")
    proposed_at = item.index("Proposed edit by the writer (not published)")
    shown_now, proposed = item[approved_at:proposed_at], item[proposed_at:]
    assert KIND in shown_now and "saved up my pills" not in shown_now
    assert "saved up my pills" in proposed
    assert 'data-action="approve_edit"' in item and 'data-action="reject_edit"' in item


def test_rejecting_the_edit_keeps_the_approved_text(
    client, approved, post, run_on_commit, moderator_client, moderator
):
    edit(client, approved, SUICIDE_NOTE, run_on_commit)
    response = run_on_commit(
        moderator_client.post, reverse("moderation:reject_edit", args=[approved.pk])
    )
    assert response.status_code == 302
    approved.refresh_from_db()
    assert approved.body == KIND and approved.pending_body == ""
    assert approved not in Comment.objects.needs_review()
    rejected = ModerationEvent.objects.get(comment=approved, action=Action.EDIT_REJECTED)
    assert rejected.actor == moderator and SUICIDE_NOTE in rejected.note
    for html in public_views(post):
        assert KIND in html and "saved up my pills" not in html


def test_an_imminent_edit_cannot_be_published_as_written(
    client, approved, run_on_commit, moderator
):
    edit(client, approved, SUICIDE_NOTE, run_on_commit)
    approved.refresh_from_db()
    if approved.crisis_level != "imminent":
        pytest.skip("the lexicon reads this note as crisis, not imminent")
    with pytest.raises(moderator_actions.NotAllowed):
        moderator_actions.approve_edit(approved, actor=moderator)


def test_approving_a_held_edit_publishes_it_and_keeps_the_old_text_in_the_log(
    client, approved, post, run_on_commit, moderator_client, moderator
):
    linked = "Thank you for this post. See https://a.example https://b.example https://c.example"
    edit(client, approved, linked, run_on_commit)
    approved.refresh_from_db()
    assert approved.pending_body and approved.body == KIND
    assert any("links" in flag for flag in approved.pending_flags)
    run_on_commit(moderator_client.post, reverse("moderation:approve_edit", args=[approved.pk]))
    approved.refresh_from_db()
    assert approved.body.startswith("Thank you for this post. See") and not approved.pending_body
    assert "a.example" in public_views(post)[0]
    event = ModerationEvent.objects.get(comment=approved, action=Action.EDIT_APPROVED)
    assert event.actor == moderator and KIND in event.note


def test_a_harmless_edit_under_moderation_none_is_published_at_once(
    client, approved, post, settings, run_on_commit, mailoutbox
):
    settings.COMMENTS_MODERATION = "none"
    public_views(post)
    response = edit(client, approved, "Thank you for this post, truly.", run_on_commit)
    assert response.status_code == 302 and "#comment-" in response["Location"]
    approved.refresh_from_db()
    assert approved.body == "Thank you for this post, truly." and not approved.pending_body
    assert all("Thank you for this post, truly." in html for html in public_views(post))
    assert ModerationEvent.objects.filter(comment=approved, action=Action.EDIT).exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("setup", "text"),
    [
        ("all", "Thank you for this post, I mean it."),
        ("links", "Thanks! https://a.example https://b.example https://c.example"),
        ("hold", "Thank you, and my shop sells hats."),
    ],
    ids=["moderation-mode", "links", "hold-term"],
)
def test_an_edit_the_rules_would_hold_waits_for_a_moderator(
    client, approved, post, settings, run_on_commit, setup, text
):
    from comments.models import ModerationTerm

    settings.COMMENTS_MODERATION = "all" if setup == "all" else "none"
    if setup == "hold":
        ModerationTerm.objects.create(term="hats", action=ModerationTerm.Action.HOLD)
    edit(client, approved, text, run_on_commit)
    approved.refresh_from_db()
    assert approved.body == KIND and approved.pending_body == text
    assert approved in Comment.objects.needs_review()
    assert all(text not in html for html in public_views(post))


def test_a_crisis_edit_of_a_pending_comment_alerts_and_shows_the_panel(
    client, send_comment, post, run_on_commit, mailoutbox, moderator
):
    run_on_commit(send_comment, post, body=KIND)
    comment = Comment.objects.get()
    mailoutbox.clear()
    response = edit(client, comment, SUICIDE_NOTE, run_on_commit)
    assert response["Location"] == reverse("comments:after_submit", args=[comment.pk])
    comment.refresh_from_db()
    assert comment.status == Status.PENDING and comment.body == SUICIDE_NOTE
    assert comment.crisis_level in ("crisis", "imminent")
    assert [m.subject for m in mailoutbox] == ["[Urgent: crisis flag] A comment needs you now"]
    assert all("saved up my pills" not in html for html in public_views(post))


def test_a_moderators_edit_is_applied_directly(moderator_client, approved, post, moderator):
    moderator_client.post(
        reverse("moderation:edit", args=[approved.pk]), {"body": "Thank you for this post!"}
    )
    approved.refresh_from_db()
    assert approved.body == "Thank you for this post!" and not approved.pending_body


def test_going_back_to_the_approved_text_withdraws_the_held_edit(client, approved, run_on_commit):
    edit(client, approved, SUICIDE_NOTE, run_on_commit)
    edit(client, approved, KIND, run_on_commit)
    approved.refresh_from_db()
    assert approved.body == KIND and approved.pending_body == ""
    assert approved not in Comment.objects.needs_review()


def test_with_javascript_deciding_an_edit_answers_with_the_text_readers_now_see(
    client, approved, run_on_commit, moderator_client
):
    linked = "Thank you for this post. See https://a.example https://b.example https://c.example"
    edit(client, approved, linked, run_on_commit)
    response = run_on_commit(
        moderator_client.post,
        reverse("moderation:approve_edit", args=[approved.pk]),
        HTTP_ACCEPT="application/json",
    )
    data = response.json()
    assert data["ok"] and "a.example" in data["body_html"]
    assert [item["id"] for item in data["items"]] == [approved.pk]
    assert data["counts"]["review"] == 0
