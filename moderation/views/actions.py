"""One action on one comment or report: confirm on GET, act on POST.

The rules live in ``comments.moderator_actions``; a refusal (NotAllowed) carries its own message.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_http_methods

from comments import moderator_actions
from comments.models import ModerationEvent, Report

from .answers import answer, comment_or_404, moderator_required, next_url

Action = ModerationEvent.Action
DONE = {action: Action(action).label for action in moderator_actions.TRANSITIONS}
# What each action's button says (the queue item, the confirm page, the bulk bar).
VERBS = {
    Action.APPROVE: gettext_lazy("Approve"),
    Action.SPAM: pgettext_lazy("button: mark as spam", "Spam"),
    Action.REMOVE: gettext_lazy("Remove"),
    Action.RESTORE: gettext_lazy("Restore"),
    Action.NO_REPLY: gettext_lazy("No reply needed"),
}
EDIT_DECISION_LABELS = {
    "approve_edit": gettext_lazy("Publish the writer's edit"),
    "reject_edit": gettext_lazy("Reject the writer's edit"),
}


@moderator_required
@require_http_methods(["GET", "POST"])
def act(request, pk, action):
    """One transition on one comment: confirm on GET, do it on POST."""
    if action not in moderator_actions.TRANSITIONS:
        raise Http404("No such action.")
    comment = comment_or_404(pk)
    if request.method == "GET":
        context = {
            "comment": comment,
            "action": action,
            "label": VERBS[action],
            "next": next_url(request),
        }
        return render(request, "moderation/confirm.html", context)
    if not moderator_actions.action_changes_state(comment, action):
        return answer(
            request,
            _("Nothing to do: this comment is already %(status)s.")
            % {"status": comment.get_status_display().lower()},
            [comment],
            status=409,
        )
    try:
        comment = moderator_actions.TRANSITIONS[action](comment, actor=request.user)
    except moderator_actions.NotAllowed as refusal:
        return answer(request, str(refusal), [comment], status=409)
    done = _("%(action)s: the comment by %(name)s.")
    return answer(request, done % {"action": DONE[action], "name": comment.author_name}, [comment])


@moderator_required
@require_http_methods(["GET", "POST"])
def decide_edit(request, pk, decision):
    """A writer's held edit: publish it in place of the approved text, or drop it."""
    comment = comment_or_404(pk)
    label = EDIT_DECISION_LABELS[decision]
    if request.method == "GET":
        context = {"comment": comment, "action": decision, "label": label,
                   "next": next_url(request)}  # fmt: skip
        return render(request, "moderation/confirm.html", context)
    try:
        comment = moderator_actions.EDIT_DECISIONS[decision](comment, actor=request.user)
    except moderator_actions.NotAllowed as refusal:
        return answer(request, str(refusal), [comment], status=409)
    done = {
        "approve_edit": _("Published the edit by %(name)s."),
        "reject_edit": _("Rejected the edit by %(name)s; readers keep the approved text."),
    }[decision]
    message = done % {"name": comment.author_name}
    # The page's script swaps the two versions for the text readers now see.
    return answer(request, message, [comment], body_html=comment.body_html)


@moderator_required
@require_http_methods(["GET", "POST"])
def not_crisis(request, pk):
    """A false alarm: sort the comment normally; the evidence stays in the audit log."""
    comment = comment_or_404(pk)
    if request.method == "GET":
        context = {
            "comment": comment,
            "action": Action.NOT_CRISIS,
            "label": _("Not a crisis"),
            "next": next_url(request),
        }
        return render(request, "moderation/confirm.html", context)
    if not comment.is_flagged:
        return answer(request, _("This comment carries no crisis flag."), [comment], status=409)
    comment = moderator_actions.clear_crisis_flag(comment, actor=request.user)
    message = _("Crisis flag cleared on the comment by %(name)s.") % {"name": comment.author_name}
    return answer(request, message, [comment])


@moderator_required
@require_http_methods(["GET", "POST"])
def dismiss_report(request, pk):
    """A report that needs no action: resolved, the comment stays public (audit-logged)."""
    report = get_object_or_404(Report.objects.select_related("comment__post"), pk=pk)
    comment = report.comment
    if request.method == "GET":
        context = {"comment": comment, "action": "dismiss_report", "report": report,
                   "label": _("Dismiss report"), "next": next_url(request)}  # fmt: skip
        return render(request, "moderation/confirm.html", context)
    if report.resolved_at is not None:
        return answer(request, _("This report was already dealt with."), [comment], status=409)
    comment = moderator_actions.dismiss_report(report, actor=request.user)
    message = _("Report dismissed: the comment by %(name)s stays public.") % {
        "name": comment.author_name
    }
    # The item is done once no report is left open; otherwise only this report goes.
    return answer(request, message, [] if comment.open_reports else [comment], report_id=report.pk)
