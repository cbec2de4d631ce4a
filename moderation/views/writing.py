"""What a moderator writes on a comment: a reply, an edit of its text, a content note."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from comments import moderator_actions, transitions
from comments.models import Comment

from .. import queue
from ..forms import ContentNoteForm, EditForm, ReplyForm
from .answers import (
    answer,
    comment_or_404,
    moderator_required,
    next_url,
    support_texts,
    wants_json,
)


@moderator_required
@require_http_methods(["GET", "POST"])
def reply(request, pk):
    """Approve (if needed) and answer, as the moderator, approved at once."""
    comment = comment_or_404(pk)
    form = ReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "GET" or (not form.is_valid() and not wants_json(request)):
        support_text = support_texts([comment.region]).get(comment.region, "")
        context = {
            "comment": comment,
            "form": form,
            "next": next_url(request),
            "support_text": support_text,
        }
        return render(request, "moderation/reply.html", context, status=400 if form.errors else 200)
    if not form.is_valid():
        return answer(request, form.errors["body"][0], [comment], status=400)
    if comment.status in (Comment.Status.SPAM, Comment.Status.REMOVED):
        return answer(
            request, _("Restore this comment before replying to it."), [comment], status=409
        )
    try:
        comment, staff_reply = queue.approve_and_reply(
            comment, user=request.user, body=form.cleaned_data["body"]
        )
    except moderator_actions.NotAllowed as refusal:
        return answer(request, str(refusal), [comment], status=409)
    return answer(
        request,
        _("Approved and replied to %(name)s.") % {"name": comment.author_name},
        [comment],
        reply_id=staff_reply.pk,
        reply_url=staff_reply.get_absolute_url(),
    )


@moderator_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    """Change a comment's text; the original is kept in the audit log."""
    comment = comment_or_404(pk)
    form = EditForm(
        request.POST if request.method == "POST" else None, initial={"body": comment.body}
    )
    if request.method == "POST" and form.is_valid():
        transitions.edit(
            comment,
            body=form.cleaned_data["body"],
            actor=request.user,
            note=form.cleaned_data["note"],
        )
        saved = _("Saved your edit of the comment by %(name)s.")
        messages.success(request, saved % {"name": comment.author_name})
        return redirect(next_url(request))
    context = {"comment": comment, "form": form, "next": next_url(request)}
    return render(request, "moderation/edit.html", context, status=400 if form.errors else 200)


@moderator_required
@require_http_methods(["GET", "POST"])
def content_note(request, pk):
    """Add, change or clear the note readers see before the comment (audit-logged)."""
    comment = comment_or_404(pk)
    form = ContentNoteForm(
        request.POST if request.method == "POST" else None,
        initial={"content_note": comment.content_note_text},
    )
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["content_note"]
        if note in (comment.content_note, comment.content_note_text):
            return answer(request, _("The content note is unchanged."))
        comment = moderator_actions.set_content_note(comment, note=note, actor=request.user)
        if note:
            message = _("Content note saved: readers now see “%(note)s” first.") % {"note": note}
        else:
            message = _("Content note removed: readers see the comment straight away.")
        return answer(request, message, content_note=note)
    if request.method == "POST" and wants_json(request):
        return answer(request, form.errors["content_note"][0], status=400)
    context = {"comment": comment, "form": form, "next": next_url(request)}
    return render(
        request, "moderation/content_note.html", context, status=400 if form.errors else 200
    )
