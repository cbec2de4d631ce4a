"""The public comment tree of a post: a fixed number of queries, built in Python in O(n).

The counts (the count line, and threads for paging) are stored on the post by recount() at each
change, so a page costs one query: every comment in this page's threads (their top-level ids
come from a subquery over the post's top-level comments, in the order of an index).
The tree is then linked by ``parent_id`` and flattened into the order the template walks, with
the open/close marks for nested ``<ol>`` lists, so the template never recurses or queries.
"""

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from blog.models import Post
from pagecache.pages import LISTS_VERSION
from pagecache.versions import CacheVersion

from .models import Comment
from .policy import comments_open
from .threads import takes_nested_replies

Status = Comment.Status


def tree_version_of(post_id):
    return CacheVersion(f"comments:tree-version:{post_id}")


def tree_version(post_id):
    """The post's current tree version; 0 when the cache is down."""
    return tree_version_of(post_id).get()


def tree_changed(post_id):
    """Called by every change to a post's comments: recount them, retire every cached tree."""
    try:
        recount(post_id)
    finally:
        tree_version_of(post_id).bump()


def tree_changed_now_and_on_commit(post_id):
    """As tree_changed, again once the change commits (see CacheVersion.bump_now_and_on_commit).

    After the commit the change is stored: should the database go away just then, the failed
    recount is logged, never turned into an error page for a comment that was saved (the
    recount inside the transaction already stored the counts).
    """
    tree_changed(post_id)
    transaction.on_commit(lambda: tree_changed(post_id), robust=True)


def recount(post_id):
    """Store the post's public counts, so no page view counts 10,000 rows.

    Recounted from the rows, not incremented, so a count never drifts. Most changes leave the
    counts as they were: that is found by reading alone, with no write lock. Otherwise, run
    after a commit, the post's row lock orders concurrent recounts (the last to take it sees
    every committed change); inside a transaction it takes no lock, as one transaction may
    touch many posts. List pages show the count, so a change of count retires them too.
    """
    if _stored_counts(post_id) == _counted(post_id):
        return
    after_commit = not transaction.get_connection().in_atomic_block
    with transaction.atomic():
        if after_commit:
            list(Post.objects.select_for_update().filter(pk=post_id).values_list("pk"))
        count, threads = _counted(post_id)
        Post.objects.filter(pk=post_id).update(comment_count=count, comment_thread_count=threads)
    LISTS_VERSION.bump()


def _counted(post_id):
    counts = Comment.objects.filter(post_id=post_id).public_counts()
    return counts["count"], counts["threads"]


def _stored_counts(post_id):
    return (
        Post.objects.filter(pk=post_id).values_list("comment_count", "comment_thread_count").first()
    )


@dataclass
class Node:
    """One comment in page order, with what the template prints already worked out.

    Strings are prepared once here rather than through template filters and ``{% url %}``
    per comment: on a page of 50 threads that is most of the cost of a cold render.
    """

    comment: Comment
    number: int = 0
    parent_name: str = ""
    children: list = field(default_factory=list)
    placeholder: bool = False
    own_pending: bool = False
    editable: bool = False
    closes: range = range(0)
    anchor: str = ""
    time_iso: str = ""
    time_text: str = ""
    report_url: str = ""
    pk: str = ""
    depth: str = ""
    can_reply: bool = False

    @property
    def has_children(self):
        return bool(self.children)


@dataclass
class TreePage:
    count: int
    thread_count: int
    page: int
    num_pages: int
    items: list

    @property
    def has_other_pages(self):
        return self.num_pages > 1

    @property
    def page_range(self):
        return range(1, self.num_pages + 1)

    @property
    def html(self):
        return render_tree(self.items)


def _visible(own_ids):
    """Approved comments, plus this browser's own pending ones."""
    visible = Q(status=Status.APPROVED)
    if own_ids:
        visible |= Q(pk__in=own_ids, status=Status.PENDING)
    return visible


def _thread_listed(own_ids=()):
    """A top-level comment whose thread is listed: it, or any comment of its thread, shows."""
    visible = _visible(own_ids)
    return Q(parent=None) & (
        visible | Q(Exists(Comment.objects.filter(visible, root_id=OuterRef("pk"))))
    )


def pages_of(comments, own_ids=()):
    """{comment pk: the page of its post's threads that shows it}, in one query for them all.

    The one rule for where a comment is: its thread's place among the threads listed, in the
    order load_tree_page lists them (oldest first), counted as the reader with ``own_ids``
    sees them (a writer's own pending threads count for the writer only).
    """
    roots = {c.pk: c.root_id or c.pk for c in comments}
    if not roots:
        return {}
    earlier = (
        Comment.objects.filter(_thread_listed(own_ids), post_id=OuterRef("post_id"))
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("post_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    before = dict(
        Comment.objects.filter(pk__in=set(roots.values()))
        .annotate(before=Coalesce(Subquery(earlier), 0))
        .values_list("pk", "before")
    )
    per_page = settings.COMMENTS_THREADS_PER_PAGE
    return {pk: before.get(root, 0) // per_page + 1 for pk, root in roots.items()}


def comment_url(comment, own_ids=(), page=None):
    """The address that shows ``comment``: its post, the page of threads it is on, its anchor.

    Used by every link to one comment (the writer's redirect, feeds, emails, the queue), so
    none lands on page 1 for a comment on page 2. ``page``: from pages_of(), when known.
    """
    page = page or pages_of([comment], own_ids)[comment.pk]
    query = f"?cpage={page}" if page > 1 else ""
    return f"{comment.post.get_absolute_url()}{query}#comment-{comment.pk}"


def load_tree_page(post, page=1, own_ids=()):
    """The ``page``th page of threads of ``post`` as a TreePage (1 query; 2 with own_ids).

    ``own_ids`` are comments this browser wrote: pending ones show to their writer only.
    A thread is listed when any of its comments is visible; a hidden top-level comment with
    visible replies shows as a placeholder. The page's threads are read from the index of
    top-level comments in time order, and their rows then found by root alone: page 1 of a
    10,000-comment post reads only its threads (hidden rows are kept: removed or spam become
    placeholders, others' pending go).
    """
    per_page = settings.COMMENTS_THREADS_PER_PAGE
    visible = _visible(own_ids)
    thread_listed = _thread_listed(own_ids)
    count, threads = post.comment_count, post.comment_thread_count  # kept by recount()
    if own_ids:  # this browser's pending comments may add threads only it sees
        threads = Comment.objects.filter(post=post).aggregate(
            n=Count("root_id", filter=visible, distinct=True)
        )["n"]
    num_pages = max(1, math.ceil(threads / per_page))
    page = min(max(1, page), num_pages)
    thread_roots = (
        Comment.objects.filter(thread_listed, post=post)
        .order_by("created_at", "pk")
        .values("pk")[(page - 1) * per_page : page * per_page]
    )
    own = set(own_ids)
    # Filtered here, not in SQL: a status condition there tempts SQLite into the status index.
    rows = [
        row
        for row in Comment.objects.filter(root_id__in=thread_roots)
        .tree_rows()
        .order_by("created_at", "pk")
        if row.status != Status.PENDING or row.pk in own
    ]
    roots = build_tree(rows, own)
    items = flatten(roots, first_number=(page - 1) * per_page + 1)
    _prepare(items, post)
    return TreePage(count, threads, page, num_pages, items)


def build_tree(rows, own_ids=frozenset()):
    """Link rows by parent into top-level nodes; drop hidden leaves, keep placeholders."""
    nodes = {row.pk: Node(row, own_pending=row.pk in own_ids) for row in rows}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.comment.parent_id)
        if node.comment.parent_id is None:
            roots.append(node)
        elif parent is not None:
            node.parent_name = parent.comment.author_name
            parent.children.append(node)
    return [n for n in roots if _prune(n)]


def _prune(node):
    """Keep a node if it is visible, or hidden but with visible replies (a placeholder)."""
    node.children = [child for child in node.children if _prune(child)]
    if node.comment.status in (Status.SPAM, Status.REMOVED):
        node.placeholder = True
        return bool(node.children)
    return True


def flatten(roots, first_number=1):
    """Depth-first order; ``closes`` tells the template how many lists close after a leaf."""
    items = []

    def walk(siblings, start, depth_closes):
        for index, node in enumerate(siblings):
            node.number = start + index
            items.append(node)
            last = index == len(siblings) - 1
            if node.children:
                walk(node.children, 1, depth_closes + 1 if last else 1)
            else:
                node.closes = range(depth_closes if last else 0)

    walk(roots, first_number, 0)
    return items


def _url_with_id(name):
    """reverse() once per page, as a format string for any comment id."""
    marker = 987654321987
    return reverse(name, args=[marker]).replace(str(marker), "{}")


def _prepare(items, post):
    """The per-comment values the markup needs: times, links, whether to offer Reply."""
    report_url = _url_with_id("comments:report")
    open_to_replies = comments_open(post)
    zone = timezone.get_current_timezone()
    # Translators: a comment's date, e.g. "4 December 2026 at 18:56".
    when = gettext("%(day)s %(month)s %(year)s at %(time)s")
    months = {}
    for node in items:
        comment = node.comment
        created = comment.created_at.astimezone(zone)
        month = months.get(created.month) or months.setdefault(
            created.month, str(MONTHS[created.month])
        )
        # Built here from numbers and dates only, so safe in HTML as they are.
        node.pk = SafeString(comment.pk)
        node.depth = SafeString(comment.depth)
        node.anchor = SafeString(f"comment-{comment.pk}")
        node.time_iso = SafeString(created.isoformat())
        node.time_text = when % {
            "day": created.day,
            "month": month,
            "year": created.year,
            "time": f"{created:%H:%M}",
        }
        approved = comment.status == Status.APPROVED
        node.report_url = SafeString(report_url.format(comment.pk)) if approved else ""
        node.can_reply = approved and open_to_replies and takes_nested_replies(comment)


# The markup ------------------------------------------------------------------------------------
# Built with format_html rather than a template: this runs once per comment on every cold page,
# and the template engine spends about 100 us a comment on it against about 10 us here.
# format_html escapes every value a reader typed; body_html was sanitised when it was saved.
# Each visible word is translated once per page (_words). CSS and comments.js rely on the classes.

_ITEM = (
    '<li id="{anchor}" class="comment-item depth-{depth}">\n'
    '<article class="comment{pending_class}" aria-labelledby="{anchor}-by">\n'
)
_COMMENT = (
    _ITEM + '<header class="comment-meta">\n'
    '  <span class="comment-number" aria-hidden="true">{number}.</span>\n'
    '  <span class="comment-author" id="{anchor}-by">{author}</span>\n'
    "  {badge}{reply_to}"
    '<a class="permalink" href="#{anchor}"><time datetime="{iso}">{when}</time></a>\n'
    "</header>\n"
    "{pending}{body_open}{body}{body_close}"
    '<footer class="comment-actions">\n  {actions}\n</footer>'
    "\n</article>\n{after}"
)
_PLACEHOLDER = (
    _ITEM + '<p class="comment-placeholder" id="{anchor}-by">{removed}</p>\n</article>\n{after}'
)
_AUTHOR_LINK = '<a href="{}" rel="nofollow ugc noopener">{}</a>'
_REPLY_TO = '<span class="in-reply-to">{}</span>\n  '
_REPLY = (
    '<a class="reply-link" href="?replyto={pk}#respond" data-reply-to="{pk}" '
    'data-reply-name="{name}" aria-label="{label}">{reply}</a>'
)
_OWN = '<a href="{}">{}</a> <a href="{}">{}</a>'
_NOTHING = SafeString("")
_JOIN_ACTIONS = "\n  "
_PENDING_CLASS = {False: _NOTHING, True: SafeString(" comment-pending")}


def _words():
    """The fixed markup and visible words of the tree, translated and escaped once per page."""
    return {
        "badge": format_html('<span class="author-badge">{}</span>\n  ', gettext("Author")),
        "pending": format_html(
            '<p class="pending-note">{}</p>\n',
            gettext("Your comment is awaiting moderation. Only you can see it."),
        ),
        # The note differs by comment: its place is a "{}" filled by format_html per comment.
        "note_open": format_html(
            '<details class="content-note"><summary><span class="content-note-label">{}</span> '
            '<span class="content-note-text">{}</span> <span class="content-note-hint">({})</span>'
            '</summary><div class="comment-body">',
            gettext("Content note:"),
            SafeString("{}"),
            gettext("show the comment"),
        ),
        "note_close": SafeString("</div></details>\n"),
        "body_open": SafeString('<div class="comment-body">'),
        "body_close": SafeString("</div>\n"),
        "in_reply_to": escape(gettext("in reply to %(name)s")),
        "reply_to": escape(gettext("Reply to %(name)s")),
        "reply": escape(gettext("Reply")),
        "edit": escape(gettext("Edit")),
        "delete": escape(gettext("Delete")),
        # The report link differs only by the comment's id (digits): made once per page.
        "report": format_html(
            '<a class="report-link" href="{}" rel="nofollow">{}</a>',
            SafeString("{}"),
            gettext("Report"),
        ),
        "removed": escape(gettext("This comment was removed.")),
        "opens_list": SafeString('<ol class="children">\n'),
    }


def _actions(node, words):
    comment, links = node.comment, []
    if node.can_reply:
        name = escape(comment.author_name)
        label = SafeString(words["reply_to"] % {"name": name})  # both parts are escaped
        links.append(format_html(_REPLY, pk=node.pk, name=name, label=label, reply=words["reply"]))
    if node.editable:
        edit = reverse("comments:edit", args=[comment.pk])
        delete = reverse("comments:delete", args=[comment.pk])
        links.append(format_html(_OWN, edit, words["edit"], delete, words["delete"]))
    if node.report_url:
        links.append(words["report"].format(node.report_url))
    return SafeString(_JOIN_ACTIONS.join(links))  # each link came from format_html


def _comment_html(node, words, after):
    """One comment's <li> up to its replies: header, body and actions."""
    comment = node.comment
    author = comment.author_name
    if comment.author_url and not comment.is_staff_reply:
        author = format_html(_AUTHOR_LINK, comment.author_url, author)
    reply_to = _NOTHING
    if node.parent_name:
        text = SafeString(words["in_reply_to"] % {"name": escape(node.parent_name)})
        reply_to = format_html(_REPLY_TO, text)
    note = comment.content_note_text
    return format_html(
        _COMMENT,
        anchor=node.anchor,
        depth=node.depth,
        pending_class=_PENDING_CLASS[node.own_pending],
        number=node.number,
        author=author,
        badge=words["badge"] if comment.is_staff_reply else _NOTHING,
        reply_to=reply_to,
        iso=node.time_iso,
        when=node.time_text,
        pending=words["pending"] if node.own_pending else _NOTHING,
        body_open=format_html(words["note_open"], note) if note else words["body_open"],
        body=SafeString(comment.body_html),  # sanitised by render_comment_body on save
        body_close=words["note_close"] if note else words["body_close"],
        actions=_actions(node, words),
        after=after,
    )


def render_tree(items):
    """The nested <ol> of a page of threads, from flatten()'s order and close marks."""
    if not items:
        return mark_safe("")
    words = _words()
    parts = ['<ol class="comment-list">\n']
    for node in items:
        if node.children:
            after = words["opens_list"]
        else:
            after = SafeString("</li>" + "</ol></li>" * len(node.closes) + "\n")
        if node.placeholder:
            parts.append(
                format_html(
                    _PLACEHOLDER,
                    anchor=node.anchor,
                    depth=node.depth,
                    pending_class=_PENDING_CLASS[node.own_pending],
                    removed=words["removed"],
                    after=after,
                )
            )
        else:
            parts.append(_comment_html(node, words, after))
    parts.append("</ol>")
    # Every part is a constant or came from format_html, which escaped what readers typed.
    return mark_safe("".join(parts))
