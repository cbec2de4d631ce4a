"""The moderation queue: who may see it, what each tab holds and in which order, what it costs."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments import moderator_actions
from comments.models import Comment, Report
from moderation import queue
from moderation.labels import CATEGORY_LABELS
from support.detection.classifier import SIGNAL
from support.detection.lexicon import LEXICON_DIR
from support.models import CrisisResource

from .factories import CommentFactory, PostFactory, UserFactory

QUEUE = "/moderation/"
Status = Comment.Status


def pending(post, **kwargs):
    return CommentFactory(post=post, status=Status.PENDING, **kwargs)


def aged(comment, **delta):
    """Move a comment back in time (created_at is what the queue sorts and measures by)."""
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(**delta))
    comment.refresh_from_db()
    return comment


def ids_in(response):
    return [item.pk for item in response.context["items"]]


# Permissions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [QUEUE, "/moderation/activity/", "/moderation/?tab=spam", "/moderation/?q=secret"],
)
def test_anonymous_visitor_is_sent_to_log_in(client, comment, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_logged_in_reader_without_permission_gets_403_and_no_comment_data(client, post):
    secret = pending(post, body="A very private sentence.", author_email="hidden@example.org")
    client.force_login(UserFactory())
    for url in [QUEUE, "/moderation/activity/", f"/moderation/comment/{secret.pk}/edit/"]:
        response = client.get(url)
        assert response.status_code == 403
        assert b"private sentence" not in response.content
        assert b"hidden@example.org" not in response.content


def test_a_user_given_the_permission_directly_can_open_the_queue(client, post):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="moderate_comment"))
    client.force_login(user)
    assert client.get(QUEUE).status_code == 200


# Tabs and counts -----------------------------------------------------------------------------


@pytest.fixture
def one_of_each(post, moderator):
    answered = CommentFactory(post=post)
    CommentFactory(parent=answered, is_staff_reply=True, user=moderator)
    return {
        "pending": pending(post),
        "reported": CommentFactory(post=post, open_reports=1),
        "unanswered": CommentFactory(post=post),
        "answered": answered,
        "spam": CommentFactory(post=post, status=Status.SPAM),
        "removed": CommentFactory(post=post, status=Status.REMOVED),
    }


def test_tabs_show_how_many_comments_each_holds(moderator_client, one_of_each):
    response = moderator_client.get(QUEUE)
    counts = {tab.slug: count for tab, count in response.context["tabs"]}
    # approved: reported, unanswered, answered and the staff reply itself.
    assert counts == {"review": 2, "unanswered": 2, "approved": 4, "spam": 1, "removed": 1}
    assert b'data-count="review">2<' in response.content


@pytest.mark.parametrize(
    ("tab", "expected"),
    [
        ("review", {"pending", "reported"}),
        ("unanswered", {"reported", "unanswered"}),
        ("spam", {"spam"}),
        ("removed", {"removed"}),
    ],
)
def test_each_tab_lists_its_comments(moderator_client, one_of_each, tab, expected):
    response = moderator_client.get(QUEUE, {"tab": tab})
    assert set(ids_in(response)) == {one_of_each[name].pk for name in expected}


def test_unknown_tab_and_bad_parameters_fall_back_to_needs_review(moderator_client, one_of_each):
    response = moderator_client.get(QUEUE, {"tab": "<script>", "post": "abc", "page": "zzz"})
    assert response.status_code == 200
    assert response.context["filters"].tab == "review"
    assert b"<script>" not in response.content


def test_needs_review_puts_crisis_first_then_reported_then_oldest(moderator_client, post):
    oldest = aged(pending(post), days=5)
    newer = aged(pending(post), days=1)
    reported = aged(CommentFactory(post=post, open_reports=2), hours=1)
    distress = aged(pending(post, crisis_level="distress"), hours=2)
    crisis = pending(post, crisis_level="crisis")
    assert ids_in(moderator_client.get(QUEUE)) == [
        crisis.pk,
        distress.pk,
        reported.pk,
        oldest.pk,
        newer.pk,
    ]


def test_each_waiting_comment_says_how_long_it_has_waited(moderator_client, post):
    aged(pending(post), days=3, hours=2)
    response = moderator_client.get(QUEUE)
    assert "waiting 3 days" in response.content.decode()


def test_a_comment_that_just_arrived_has_waited_under_a_minute():
    now = timezone.now()
    assert queue.waiting_time(now - timedelta(seconds=20), now) == "under a minute"
    assert queue.waiting_time(now - timedelta(hours=5, minutes=9), now) == "5 hours"


def test_unanswered_lists_reader_comments_oldest_first(moderator_client, post, moderator):
    late = CommentFactory(post=post)
    early = aged(CommentFactory(post=post), days=9)
    CommentFactory(post=post, is_staff_reply=True, user=moderator)
    assert ids_in(moderator_client.get(QUEUE, {"tab": "unanswered"})) == [early.pk, late.pk]


def test_a_staff_reply_takes_the_parent_out_of_unanswered(moderator_client, comment, moderator):
    assert comment.pk in ids_in(moderator_client.get(QUEUE, {"tab": "unanswered"}))
    queue.reply_as_staff(comment, user=moderator, body="Thank you for writing this.")
    assert comment.pk not in ids_in(moderator_client.get(QUEUE, {"tab": "unanswered"}))


def test_a_removed_staff_reply_puts_the_parent_back_in_unanswered(
    moderator_client, comment, moderator
):
    reply = queue.reply_as_staff(comment, user=moderator, body="Thank you for writing this.")
    moderator_actions.remove(reply, actor=moderator)
    assert comment.pk in ids_in(moderator_client.get(QUEUE, {"tab": "unanswered"}))


# Search and filters --------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Marigold", "marigold@example", "lighthouse"])
def test_search_finds_comments_by_name_email_or_text(moderator_client, post, query):
    wanted = pending(
        post,
        author_name="Marigold",
        author_email="marigold@example.org",
        body="I keep thinking about the lighthouse.",
    )
    pending(post, author_name="Someone", body="Something else entirely.")
    response = moderator_client.get(QUEUE, {"q": query})
    assert ids_in(response) == [wanted.pk]
    assert {t.slug: n for t, n in response.context["tabs"]}["review"] == 1


def test_search_with_no_match_says_nothing_is_waiting(moderator_client, post):
    pending(post)
    response = moderator_client.get(QUEUE, {"q": "no such words anywhere"})
    assert ids_in(response) == []
    assert "Nothing is waiting for review." in response.content.decode()


def test_filter_by_post_shows_only_that_posts_comments(moderator_client, post):
    mine = pending(post)
    pending(PostFactory())
    response = moderator_client.get(QUEUE, {"post": post.pk})
    assert ids_in(response) == [mine.pk]


# What each item shows ------------------------------------------------------------------------


def test_moderators_see_the_writers_email_and_readers_never_do(moderator_client, client, post):
    shown = CommentFactory(post=post, author_email="only-for-mods@example.org")
    assert (
        "only-for-mods@example.org"
        in moderator_client.get(QUEUE, {"tab": "approved"}).content.decode()
    )
    client.logout()
    assert b"only-for-mods@example.org" not in client.get(post.get_absolute_url()).content
    assert shown.pk


def test_item_shows_the_post_and_the_comment_it_answers(moderator_client, comment):
    reply = pending(comment.post, parent=comment, body="I feel the same way.")
    page = moderator_client.get(QUEUE).content.decode()
    assert comment.post.title in page
    assert f"In reply to {comment.author_name}" in page
    assert "I feel the same way." in page
    assert reply.pk in ids_in(moderator_client.get(QUEUE))


def test_first_time_and_returning_writers_are_told_apart(moderator_client, post):
    known = CommentFactory(post=post, author_email="back@example.org", browser_hash="b" * 64)
    known.subscriptions.create(email="back@example.org", token="t", confirmed_at=timezone.now())
    by_email = pending(post, author_email="BACK@example.org")
    by_browser = pending(post, author_email="", browser_hash="b" * 64)
    newcomer = pending(post, author_email="new@example.org")
    items = {item.pk: item for item in moderator_client.get(QUEUE).context["items"]}
    assert items[by_email.pk].returning and items[by_email.pk].returning_by_email
    assert items[by_browser.pk].returning and not items[by_browser.pk].returning_by_email
    assert not items[newcomer.pk].returning
    assert "First-time writer" in moderator_client.get(QUEUE).content.decode()


def test_flagged_item_shows_level_matched_phrases_and_rules(moderator_client, post):
    pending(
        post,
        crisis_level="crisis",
        crisis_matches=["want to die"],
        flags=["crisis language: crisis", "3 links"],
    )
    page = moderator_client.get(QUEUE).content.decode()
    assert "Crisis flag: Crisis" in page or "Reads as crisis" in page
    assert "<q>want to die</q>" in page
    assert "3 links" in page
    assert "Not a crisis" in page
    # the banner says the level; a chip saying it again is noise
    assert "crisis language: crisis" not in page


def test_crisis_flag_chip_returns_once_a_moderator_says_not_a_crisis(moderator_client, post):
    pending(post, crisis_level="none", flags=["crisis language: crisis"])
    page = moderator_client.get(QUEUE).content.decode()
    assert "Reads as" not in page
    assert "crisis language: crisis" in page


def test_reported_item_shows_each_open_report_and_its_reason(moderator_client, post):
    reported = CommentFactory(post=post, open_reports=1)
    Report.objects.create(comment=reported, reason=Report.Reason.WORRIED, note="They sound low.")
    Report.objects.create(comment=reported, reason=Report.Reason.SPAM, resolved_at=timezone.now())
    page = moderator_client.get(QUEUE).content.decode()
    assert "Reported: I&#x27;m worried about this person: “They sound low.”" in page
    assert "Reported: Spam" not in page


def test_every_item_offers_the_actions_by_their_names(moderator_client, post):
    pending(post)
    page = moderator_client.get(QUEUE).content.decode()
    for name in [">Approve<", ">Spam<", ">Remove<", ">Edit<", ">Approve and reply<"]:
        assert name in page
    assert "Keyboard shortcuts" in page


def test_a_spam_item_offers_restore_and_no_reply(moderator_client, post):
    CommentFactory(post=post, status=Status.SPAM)
    page = moderator_client.get(QUEUE, {"tab": "spam"}).content.decode()
    assert ">Restore<" in page
    assert "Approve and reply" not in page


def test_a_link_from_an_email_shows_its_comment_even_off_the_first_page(moderator_client, post):
    old = CommentFactory(post=post, status=Status.SPAM)
    response = moderator_client.get(QUEUE, {"focus": old.pk})
    assert ids_in(response)[0] == old.pk


def test_stale_crisis_resources_raise_a_warning_in_the_queue(moderator_client, post):
    assert "have not been checked" not in moderator_client.get(QUEUE).content.decode()
    CrisisResource.objects.create(
        name="Old line",
        category="crisis_line",
        region="GB",
        phone="116 123",
        last_verified=timezone.localdate() - timedelta(days=400),
    )
    assert "have not been checked" in moderator_client.get(QUEUE).content.decode()


def test_the_site_header_shows_moderators_how_many_wait(moderator_client, client, post):
    pending(post)
    pending(post)
    assert "moderation_counts" in moderator_client.get("/").context
    assert moderator_client.get("/").context["moderation_counts"] == {"needs_review": 2}


# Cost and pages ------------------------------------------------------------------------------


def _seed_pending(post, n):
    now = timezone.now()
    Comment.objects.bulk_create(
        Comment(
            post=post,
            author_name=f"Reader {i}",
            author_email=f"r{i}@example.org",
            body=f"Text {i}",
            body_html=f"<p>Text {i}</p>",
            status=Status.PENDING,
            created_at=now - timedelta(minutes=i),
            region="GB" if i % 2 else "",
        )
        for i in range(n)
    )


def _queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE)
    assert response.status_code == 200
    return len(queries), response


def test_queue_costs_the_same_number_of_queries_at_10_and_at_500_pending(
    moderator_client, post, django_assert_max_num_queries
):
    parent = CommentFactory(post=post)
    pending(post, parent=parent, crisis_level="crisis")
    _seed_pending(post, 9)
    moderator_client.get(QUEUE)  # warm: site settings and crisis resources are cached after it
    with django_assert_max_num_queries(12):
        small, response = _queue_queries(moderator_client)
    assert len(response.context["items"]) == 10
    _seed_pending(PostFactory(), 490)
    with django_assert_max_num_queries(12):
        large, response = _queue_queries(moderator_client)
    assert len(response.context["items"]) == queue.PER_PAGE
    assert small == large
    print(f"\nqueue page: {large} queries at 10 and at 500 pending")


def test_queue_shows_50_a_page_and_links_to_the_next(moderator_client, post):
    _seed_pending(post, 60)
    first = moderator_client.get(QUEUE)
    assert len(first.context["items"]) == 50
    assert "page=2" in first.content.decode()
    second = moderator_client.get(QUEUE, {"page": 2})
    assert len(second.context["items"]) == 10
    assert not set(ids_in(first)) & set(ids_in(second))


# Activity ------------------------------------------------------------------------------------


def test_activity_lists_who_did_what_and_filters_by_moderator(moderator_client, moderator, post):
    other = UserFactory(username="colleague")
    mine, theirs = pending(post), pending(post)
    moderator_actions.approve(mine, actor=moderator)
    moderator_actions.mark_spam(theirs, actor=other)
    everything = moderator_client.get(reverse("moderation:activity"))
    assert {e.comment_ref for e in everything.context["page"].object_list} >= {mine.pk, theirs.pk}
    assert "colleague" in everything.content.decode()
    only_mine = moderator_client.get(reverse("moderation:activity"), {"actor": moderator.pk})
    events = list(only_mine.context["page"].object_list)
    assert [(e.comment_ref, e.action) for e in events] == [(mine.pk, "approve")]


def test_activity_ignores_a_bad_moderator_filter(moderator_client, comment):
    response = moderator_client.get(reverse("moderation:activity"), {"actor": "x'; drop"})
    assert response.status_code == 200


def test_every_category_the_detector_can_name_has_words_for_moderators():
    codes = {SIGNAL, "cues"}
    for path in LEXICON_DIR.glob("*.json"):
        codes |= set(json.loads(path.read_text(encoding="utf-8"))["categories"])
    assert codes <= set(CATEGORY_LABELS), sorted(codes - set(CATEGORY_LABELS))
