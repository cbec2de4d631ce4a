"""The queue page (tabs, search, filter by post, pages) and the bulk bar's actions."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from blog.models import Post
from blog.params import id_param
from comments import moderator_actions
from comments.models import CONTENT_NOTE_MAX, Comment
from support.resources import stale_resources

from .. import queue
from ..forms import BulkForm
from .actions import DONE
from .answers import QueueFilters, answer, moderator_required, support_texts

CRISIS_BANNER = "moderation/crisis_banner.html"


class KnownCountPaginator(Paginator):
    """The tab counts already hold the total: no second COUNT query."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.count = count


def _stale_resources_exist():
    return stale_resources().exists()


def _post_choices():
    """Posts that have comments, for the "filter by post" menu (one query)."""
    has_comments = Comment.objects.values("post_id")
    return Post.objects.filter(pk__in=has_comments).only("id", "title").order_by("-published_at")


def _page_query(filters):
    """The query string of the current tab, search and post, for pagination links."""
    params = {"tab": filters.tab, "q": filters.query, "post": filters.post_id or ""}
    return urlencode({k: v for k, v in params.items() if v})


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
    support = support_texts(item.region for item in items if item.can_reply)
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


@moderator_required
@require_http_methods(["POST"])
def bulk(request):
    """The same transitions on every selected comment; ones already there are skipped."""
    form = BulkForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(e for field in form.errors.values() for e in field)
        return answer(request, errors or _("Choose comments and an action."), status=400)
    action = form.cleaned_data["bulk_action"]
    changed, skipped, refused, writer_deleted = [], 0, 0, 0
    for comment in Comment.objects.filter(pk__in=form.cleaned_data["ids"]).select_related("post"):
        if not moderator_actions.action_changes_state(comment, action):
            skipped += 1
            continue
        try:
            changed.append(moderator_actions.TRANSITIONS[action](comment, actor=request.user))
        except moderator_actions.WriterDeleted:
            writer_deleted += 1
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
    return answer(request, message, changed)
