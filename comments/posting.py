"""Storing a reader's comment: where the form, the rules and the tree meet."""

from django.db import transaction
from django.utils.translation import gettext

from support.levels import CrisisLevel, rank

from . import notifications, transitions
from .models import DEFAULT_CONTENT_NOTE, Comment
from .policy import Refused, Submission, Verdict, ensure_open, evaluate, judge_text
from .signals import moderator_needed
from .threads import build_comment, reply_attaches_to

Status = Comment.Status


def resolve_parent(post, parent_id):
    """The comment a reply attaches to, or None for a new thread.

    Replies to a comment at the maximum depth attach to its parent (as WordPress does).
    Raises Refused for a parent that is not visible or belongs to another post.
    """
    if not parent_id:
        return None
    parent = Comment.objects.filter(pk=parent_id, status=Status.APPROVED).first()
    if parent is None or parent.post_id != post.pk:
        raise Refused(
            "bad_parent",
            gettext(
                "The comment you were replying to is not available any more. "
                "Your text is kept below: you can post it as a new comment."
            ),
        )
    return reply_attaches_to(parent)


def submit_comment(*, post, data, submission: Submission, user=None, region=""):
    """Run the rules and store the comment. Returns (comment, verdict); raises Refused."""
    ensure_open(post)
    parent = resolve_parent(post, data.get("parent"))
    verdict: Verdict = evaluate(submission)
    assessment = verdict.assessment
    with transaction.atomic():
        comment = build_comment(
            post=post,
            parent=parent,
            author_name=submission.name,
            author_email=submission.email,
            author_url=submission.url,
            user=user if submission.is_staff else None,
            is_staff_reply=submission.is_staff,
            body=submission.body,
            content_note=DEFAULT_CONTENT_NOTE if data.get("content_note") else "",
            status=verdict.status,
            ip_hash=submission.ip_hash,
            browser_hash=submission.browser_hash,
            region=region,
            flags=verdict.flags,
            notify_replies=bool(data.get("notify")) and not verdict.silent_spam,
        )
        if assessment is not None:
            comment.keep_assessment(assessment)
        comment.save()
        transitions.record_submission(
            comment,
            actor=user if submission.is_staff else None,
            note="; ".join(verdict.flags),
        )
        if comment.notify_replies and comment.author_email:
            notifications.request_subscription(comment)
        if verdict.alert_moderators:
            moderator_needed.send(sender=Comment, comment=comment)
    return comment, verdict


def edit_own_comment(comment, *, body, browser_hash=""):
    """A writer's edit of their own comment, judged by the same rules as a new comment.

    Returns (comment, verdict). An approved comment whose new text the rules would hold keeps
    its approved text in public; the edit waits for a moderator (transitions.propose_edit). A
    pending comment simply takes the new text: nobody but its writer sees it yet. Either way
    crisis language raises the comment's flag and alerts the moderators as a new one would.
    """
    if body == comment.body:  # unchanged, or back to the approved text: nothing to judge
        comment = transitions.edit(
            comment, body=body, actor_label="writer", supersede_proposal=True
        )
        return comment, Verdict(comment.status)
    verdict: Verdict = judge_text(
        Submission(
            post=comment.post,
            name=comment.author_name,
            email=comment.author_email,
            url=comment.author_url,
            body=body,
            signature="ok",
            honeypot="",
            ip_hash=comment.ip_hash,
            browser_hash=browser_hash or comment.browser_hash,
        )
    )
    held = verdict.status != Status.APPROVED
    rank_before = comment.crisis_rank
    with transaction.atomic():
        if comment.status == Status.APPROVED and held:
            comment = transitions.propose_edit(
                comment, body=body, flags=verdict.flags, assessment=verdict.assessment
            )
            alert = True
        else:
            comment = transitions.edit(
                comment, body=body, actor_label="writer", supersede_proposal=True
            )
            comment = transitions.raise_crisis_flag(comment, verdict.assessment)
            alert = held and comment.crisis_rank > rank_before  # already in the queue
        if alert:
            moderator_needed.send(
                sender=Comment,
                comment=comment,
                proposed_edit=body if comment.pending_body else None,
            )
    return comment, verdict


def shows_crisis_panel(verdict):
    """After a new comment or an edit: does its text send the writer to the support panel?"""
    level = verdict.assessment.level if verdict.assessment is not None else CrisisLevel.NONE
    return rank(level) >= rank(CrisisLevel.CRISIS)
