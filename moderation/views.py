"""The moderation queue and its actions: thin views over ``queue`` (reads) and ``moderation``.

Every action confirms on GET and acts on POST with CSRF. Without JavaScript a POST redirects
back to the same tab with a message; with it (``Accept: application/json``) the answer is a small
JSON object and the page updates in place.
"""

from dataclasses import dataclass
from functools import wraps
from urllib.parse import parse_qs, urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from blog.models import Post
from blog.params import id_param, text_param
from comments import moderator_actions, transitions
from comments.models import CONTENT_NOTE_MAX, Comment, ModerationEvent, Report
from support.resources import default_region, stale_resources, support_reply_text

from . import labels, queue
from .forms import BulkForm, ContentNoteForm, EditForm, ReplyForm
from .sessions import end_all_sessions

PERMISSION = "comments.moderate_comment"
CRISIS_BANNER = "moderation/crisis_banner.html"
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


def moderator_required(view):
    """Anonymous: to the log-in page. Logged in without the permission: 403, no data."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied("Only moderators can see the moderation queue.")
        return view(request, *args, **kwargs)

    return wrapped


@dataclass
class QueueFilters:
    tab: str = "review"
    query: str = ""
    post_id: int | None = None

    @classmethod
    def from_params(cls, params):
        tab = params.get("tab", "review")
        return cls(
            tab=tab if tab in queue.TAB_SLUGS else "review",
            query=text_param(params.get("q", "")).strip(),
            post_id=id_param(params.get("post")),
        )

    @classmethod
    def from_url(cls, url):
        params = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        return cls.from_params(params)


class KnownCountPaginator(Paginator):
    """The tab counts already hold the total: no second COUNT query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.count = count


class LoginView(auth_views.LoginView):
    """Django's log-in, minus the ``site`` it puts in the context.

    Auth's view sets ``site`` to a RequestSite, hiding the owner's SiteSettings that base.html
    reads (and a filter argument that does not resolve breaks the page).
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.pop("site", None)
        context.pop("site_name", None)
        return context


@require_POST
@login_required
def logout_everywhere(request):
    """End every session of this user, this one included (a stolen cookie ends with it)."""
    ended = end_all_sessions(request.user)
    logout(request)
    messages.info(
        request,
        ngettext(
            "You were logged out of %(count)d session.",
            "You were logged out of all %(count)d sessions.",
            ended,
        )
        % {"count": ended},
    )
    return redirect("login")


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def next_url(request):
    """Back to where the moderator was (same tab, search and page); never off-site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("moderation:queue")


def _item_state(comment):
    return {
        "id": comment.pk,
        "status": comment.status,
        "status_label": Comment.Status(comment.status).label,
    }


def _done(request, message, comments=(), status=200, **extra):
    """One answer for every action: JSON for the page's script, else message and redirect."""
    ok = status < 400
    if wants_json(request):
        filters = QueueFilters.from_url(next_url(request))
        payload = {
            "ok": ok,
            "message": message,
            "items": [_item_state(c) for c in comments],
            "counts": queue.tab_counts(query=filters.query, post_id=filters.post_id),
            **extra,
        }
        return JsonResponse(payload, status=status)
    (messages.success if ok else messages.error)(request, message)
    return redirect(next_url(request))


def _support_texts(regions):
    """One support reply per region on the page, not one per item."""
    regions = set(regions)
    fallback = default_region() if "" in regions else ""
    return {region: support_reply_text(region or fallback) for region in regions}


def _stale_resources_exist():
    return stale_resources().exists()


def _post_choices():
    """Posts that have comments, for the "filter by post" menu (one query)."""
    has_comments = Comment.objects.values("post_id")
    return Post.objects.filter(pk__in=has_comments).only("id", "title").order_by("-published_at")


@moderator_required
def queue_view(request):
    filters = QueueFilters.from_params(request.GET)
    counts = queue.tab_counts(query=filters.query, post_id=filters.post_id)
    comments = queue.filtered(
        queue.tab_queryset(filters.tab), query=filters.query, post_id=filters.post_id
    )
    paginator = KnownCountPaginator(
        queue.queue_items(comments), queue.PER_PAGE, count=counts[filters.tab]
    )
    page = paginator.get_page(request.GET.get("page"))
    items = list(page.object_list)
    focus = id_param(request.GET.get("focus"))
    if focus and all(item.pk != focus for item in items):
        items[:0] = list(queue.queue_items(Comment.objects.filter(pk=focus)))
    queue.decorate(items)
    support = _support_texts(item.region for item in items if item.can_reply)
    for item in items:
        item.support_text = support.get(item.region, "")
    tabs = [(tab, counts[tab.slug]) for tab in queue.TABS]
    context = {
        "filters": filters,
        "tabs": tabs,
        "current_tab": next(tab for tab in queue.TABS if tab.slug == filters.tab),
        "page": page,
        "items": items,
        "posts": _post_choices(),
        "stale_resources": _stale_resources_exist(),
        "crisis_banner": CRISIS_BANNER,
        "here": request.get_full_path(),
        "content_note_max": CONTENT_NOTE_MAX,
        "page_query": _page_query(filters),
    }
    return render(request, "moderation/queue.html", context)


def _page_query(filters):
    """The query string of the current tab, search and post, for pagination links."""
    params = {"tab": filters.tab, "q": filters.query, "post": filters.post_id or ""}
    return urlencode({k: v for k, v in params.items() if v})


def _comment(pk):
    return get_object_or_404(Comment.objects.select_related("post", "parent"), pk=pk)


@moderator_required
@require_http_methods(["GET", "POST"])
def act(request, pk, action):
    """One transition on one comment: confirm on GET, do it on POST."""
    if action not in moderator_actions.TRANSITIONS:
        raise Http404("No such action.")
    comment = _comment(pk)
    if request.method == "GET":
        context = {
            "comment": comment,
            "action": action,
            "label": VERBS[action],
            "next": next_url(request),
        }
        return render(request, "moderation/confirm.html", context)
    if comment.deleted_by_writer and action in ("approve", "restore"):
        return _done(request, str(moderator_actions.WRITER_DELETED), [comment], status=409)
    if not moderator_actions.action_applies(comment, action):
        return _done(
            request,
            _("Nothing to do: this comment is already %(status)s.")
            % {"status": comment.get_status_display().lower()},
            [comment],
            status=409,
        )
    try:
        comment = moderator_actions.TRANSITIONS[action](comment, actor=request.user)
    except moderator_actions.NotAllowed as refusal:
        return _done(request, str(refusal), [comment], status=409)
    done = _("%(action)s: the comment by %(name)s.")
    return _done(request, done % {"action": DONE[action], "name": comment.author_name}, [comment])


@moderator_required
@require_http_methods(["POST"])
def bulk(request):
    """The same transitions on every selected comment; ones already there are skipped."""
    form = BulkForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(e for field in form.errors.values() for e in field)
        return _done(request, errors or _("Choose comments and an action."), status=400)
    action = form.cleaned_data["bulk_action"]
    changed, skipped, refused, writer_deleted = [], 0, 0, 0
    for comment in Comment.objects.filter(pk__in=form.cleaned_data["ids"]).select_related("post"):
        if comment.deleted_by_writer and action in ("approve", "restore"):
            writer_deleted += 1
            continue
        if not moderator_actions.action_applies(comment, action):
            skipped += 1
            continue
        try:
            changed.append(moderator_actions.TRANSITIONS[action](comment, actor=request.user))
        except moderator_actions.NotAllowed:
            refused += 1
    message = ngettext(
        "%(action)s: %(count)s comment.", "%(action)s: %(count)s comments.", len(changed)
    ) % {"action": DONE[action], "count": len(changed)}
    if skipped:
        left = ngettext(
            "%(count)s already had that state and was left alone.",
            "%(count)s already had that state and were left alone.",
            skipped,
        )
        message += " " + left % {"count": skipped}
    if refused:
        held = ngettext(
            "%(count)s describes a plan or method and needs an edit before it can be published.",
            "%(count)s describe a plan or method and need an edit before they can be published.",
            refused,
        )
        message += " " + held % {"count": refused}
    if writer_deleted:
        message += " " + ngettext(
            "%(count)d was deleted by its writer and stays removed.",
            "%(count)d were deleted by their writers and stay removed.",
            writer_deleted,
        ) % {"count": writer_deleted}
    return _done(request, message, changed)


@moderator_required
@require_http_methods(["GET", "POST"])
def reply(request, pk):
    """Approve (if needed) and answer, as the moderator, approved at once."""
    comment = _comment(pk)
    form = ReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "GET" or (not form.is_valid() and not wants_json(request)):
        support_text = _support_texts([comment.region]).get(comment.region, "")
        context = {
            "comment": comment,
            "form": form,
            "next": next_url(request),
            "support_text": support_text,
        }
        return render(request, "moderation/reply.html", context, status=400 if form.errors else 200)
    if not form.is_valid():
        return _done(request, form.errors["body"][0], [comment], status=400)
    if comment.status in (Comment.Status.SPAM, Comment.Status.REMOVED):
        return _done(
            request, _("Restore this comment before replying to it."), [comment], status=409
        )
    try:
        comment, staff_reply = queue.approve_and_reply(
            comment, user=request.user, body=form.cleaned_data["body"]
        )
    except moderator_actions.NotAllowed as refusal:
        return _done(request, str(refusal), [comment], status=409)
    return _done(
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
    comment = _comment(pk)
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


EDIT_DECISION_LABELS = {
    "approve_edit": gettext_lazy("Publish the writer's edit"),
    "reject_edit": gettext_lazy("Reject the writer's edit"),
}


@moderator_required
@require_http_methods(["GET", "POST"])
def decide_edit(request, pk, decision):
    """A writer's held edit: publish it in place of the approved text, or drop it."""
    comment = _comment(pk)
    label = EDIT_DECISION_LABELS[decision]
    if request.method == "GET":
        context = {"comment": comment, "action": decision, "label": label,
                   "next": next_url(request)}  # fmt: skip
        return render(request, "moderation/confirm.html", context)
    try:
        comment = moderator_actions.EDIT_DECISIONS[decision](comment, actor=request.user)
    except moderator_actions.NotAllowed as refusal:
        return _done(request, str(refusal), [comment], status=409)
    done = {
        "approve_edit": _("Published the edit by %(name)s."),
        "reject_edit": _("Rejected the edit by %(name)s; readers keep the approved text."),
    }[decision]
    return _done(request, done % {"name": comment.author_name}, [comment])


@moderator_required
@require_http_methods(["GET", "POST"])
def not_crisis(request, pk):
    """A false alarm: sort the comment normally; the evidence stays in the audit log."""
    comment = _comment(pk)
    if request.method == "GET":
        context = {
            "comment": comment,
            "action": Action.NOT_CRISIS,
            "label": _("Not a crisis"),
            "next": next_url(request),
        }
        return render(request, "moderation/confirm.html", context)
    if not comment.is_flagged:
        return _done(request, _("This comment carries no crisis flag."), [comment], status=409)
    comment = moderator_actions.clear_crisis_flag(comment, actor=request.user)
    message = _("Crisis flag cleared on the comment by %(name)s.") % {"name": comment.author_name}
    return _done(request, message, [comment])


@moderator_required
@require_http_methods(["GET", "POST"])
def content_note(request, pk):
    """Add, change or clear the note readers see before the comment (audit-logged)."""
    comment = _comment(pk)
    form = ContentNoteForm(
        request.POST if request.method == "POST" else None,
        initial={"content_note": comment.content_note_text},
    )
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["content_note"]
        if note in (comment.content_note, comment.content_note_text):
            return _done(request, _("The content note is unchanged."))
        comment = moderator_actions.set_content_note(comment, note=note, actor=request.user)
        if note:
            message = _("Content note saved: readers now see “%(note)s” first.") % {"note": note}
        else:
            message = _("Content note removed: readers see the comment straight away.")
        return _done(request, message, content_note=note)
    if request.method == "POST" and wants_json(request):
        return _done(request, form.errors["content_note"][0], status=400)
    context = {"comment": comment, "form": form, "next": next_url(request)}
    return render(
        request, "moderation/content_note.html", context, status=400 if form.errors else 200
    )


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
        return _done(request, _("This report was already dealt with."), [comment], status=409)
    comment = moderator_actions.dismiss_report(report, actor=request.user)
    message = _("Report dismissed: the comment by %(name)s stays public.") % {
        "name": comment.author_name
    }
    # The item is done once no report is left open; otherwise only this report goes.
    return _done(request, message, [] if comment.open_reports else [comment], report_id=report.pk)


@moderator_required
def activity(request):
    """Who did what, when: the audit log, filterable by moderator."""
    actor_id = id_param(request.GET.get("actor"))
    page = Paginator(queue.activity(actor_id=actor_id), queue.PER_PAGE).get_page(
        request.GET.get("page")
    )
    for event in page.object_list:
        event.note_text = labels.note_label(event.note)
        event.actor_text = labels.actor_label(event.actor_label)
    context = {"page": page, "actors": queue.event_actors(), "actor_id": actor_id}
    return render(request, "moderation/activity.html", context)
