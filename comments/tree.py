"""The public comment tree of a post: a fixed number of queries, built in Python in O(n).

The counts (the count line, and threads for paging) are stored on the post by recount() at each
change, so a page costs one query: every comment in this page's threads (their top-level ids
come from a subquery over the post's top-level comments, in the order of an index).
The tree is then linked by ``parent_id`` and flattened into the order the template walks, with
the open/close marks for nested ``<ol>`` lists, so the template never recurses or queries.
"""

import functools
import math
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

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
    """One comment in page order, with what its markup needs already worked out.

    Worked out once here (build_tree, flatten, _prepare) rather than through template filters
    and ``{% url %}`` per comment: on a page of 50 threads that was most of a cold render.
    """

    comment: Comment
    number: int = 0
    parent_name: str = ""
    children: list = field(default_factory=list)
    placeholder: bool = False
    own_pending: bool = False
    editable: bool = False
    closes: range = range(0)
    created: datetime | None = None  # in the current time zone
    reportable: bool = False
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


def _prepare(items, post):
    """The per-comment values the markup needs: local time, whether to offer Reply and Report."""
    open_to_replies = comments_open(post)
    zone = timezone.get_current_timezone()
    for node in items:
        comment = node.comment
        node.created = comment.created_at.astimezone(zone)
        node.reportable = comment.status == Status.APPROVED
        node.can_reply = node.reportable and open_to_replies and takes_nested_replies(comment)


# The markup ------------------------------------------------------------------------------------
# A template loop costs about 100 us a comment; this about 11 (python -m bench.render).
# The page is one format string and one format_html() call: every value a reader typed (names,
# links, content notes) is a positional argument, so format_html escapes it; the rest of the
# string is fixed markup, digits, and words translated and escaped once per page (_literal).
# body_html was sanitised on save.
# CSS and comments.js rely on the classes; tests/test_tree_markup.py holds the exact bytes.


def _literal(text):
    """Fixed text as part of a format string for format_html: HTML-escaped, braces doubled."""
    return escape(text).replace("{", "{{").replace("}", "}}")


def _url_around_id(name):
    """reverse() once per page: the URL of ``name`` before and after a comment's id."""
    marker = "987654321987"
    before, after = reverse(name, args=[marker]).split(marker)
    return _literal(before), _literal(after)


@dataclass(frozen=True)
class _Words:
    """A page's fixed words and markup, translated and made _literal once."""

    badge: str
    pending: str
    note_open: tuple
    in_reply_to: str
    reply_to: str
    reply: str
    edit: str
    delete: str
    report: tuple
    removed: str
    when: str

    @classmethod
    def translated(cls):
        # gettext outside f-strings, where makemessages finds every word.
        author, report = _literal(gettext("Author")), _literal(gettext("Report"))
        note_label = _literal(gettext("Content note:"))
        note_hint = _literal(gettext("show the comment"))
        awaiting = _literal(gettext("Your comment is awaiting moderation. Only you can see it."))
        report_before, report_after = _url_around_id("comments:report")
        return cls(
            badge=f'<span class="author-badge">{author}</span>\n  ',
            pending=f'<p class="pending-note">{awaiting}</p>\n',
            # Around the note, which differs by comment.
            note_open=(
                '<details class="content-note"><summary><span class="content-note-label">'
                f'{note_label}</span> <span class="content-note-text">',
                f'</span> <span class="content-note-hint">({note_hint})</span></summary>'
                '<div class="comment-body">',
            ),
            in_reply_to=_literal(gettext("in reply to %(name)s")),
            reply_to=_literal(gettext("Reply to %(name)s")),
            reply=_literal(gettext("Reply")),
            edit=_literal(gettext("Edit")),
            delete=_literal(gettext("Delete")),
            # Around the comment's id (digits).
            report=(
                f'<a class="report-link" href="{report_before}',
                f'{report_after}" rel="nofollow">{report}</a>',
            ),
            removed=_literal(gettext("This comment was removed.")),
            # Translators: a comment's date, e.g. "4 December 2026 at 18:56".
            when=_literal(gettext("%(day)s %(month)s %(year)s at %(time)s")),
        )


def _words():
    """This page's words: translated once per language, URL prefix and URLconf, then kept.

    Made afresh each page they were 5-10% of a render. ``gettext`` is part of the key so a
    stand-in catalogue (tests) is seen at once.
    """
    return _words_for(get_language(), get_script_prefix(), get_urlconf(), gettext)


@functools.lru_cache(maxsize=64)
def _words_for(language, script_prefix, urlconf, gettext_in_use):
    return _Words.translated()


def render_tree(items):
    """The nested <ol> of a page of threads, from flatten()'s order and close marks."""
    if not items:
        return mark_safe("")
    words = _words()
    months = {}
    typed = []  # format_html's arguments: what readers wrote

    def slot(value):
        """The place of a typed value in the format string; format_html escapes it there."""
        typed.append(value)
        return f"{{{len(typed) - 1}}}"

    parts = ['<ol class="comment-list">\n']
    for node in items:
        comment = node.comment
        pk = comment.pk
        pending_class = " comment-pending" if node.own_pending else ""
        parts.append(
            f'<li id="comment-{pk}" class="comment-item depth-{comment.depth}">\n'
            f'<article class="comment{pending_class}" aria-labelledby="comment-{pk}-by">\n'
        )
        if node.placeholder:
            parts.append(f'<p class="comment-placeholder" id="comment-{pk}-by">{words.removed}</p>')
        else:
            created = node.created
            month = months.get(created.month) or months.setdefault(
                created.month, _literal(str(MONTHS[created.month]))
            )
            when = words.when % {
                "day": created.day,
                "month": month,
                "year": created.year,
                "time": f"{created.hour:02d}:{created.minute:02d}",
            }
            parts.append(_comment(node, pk, words, slot, when, created.isoformat()))
        parts.append(_after(node))
    parts.append("</ol>")
    return format_html("".join(parts), *typed)


def _comment(node, pk, words, slot, when, iso):
    """One comment's header, body and actions, with slots for what its writer typed."""
    comment = node.comment
    name = slot(comment.author_name)
    author = name
    if comment.author_url and not comment.is_staff_reply:
        author = f'<a href="{slot(comment.author_url)}" rel="nofollow ugc noopener">{name}</a>'
    reply_to = ""
    if node.parent_name:
        text = words.in_reply_to % {"name": slot(node.parent_name)}
        reply_to = f'<span class="in-reply-to">{text}</span>\n  '
    body_open, body_close = '<div class="comment-body">', "</div>\n"
    if comment.content_note:
        before, after = words.note_open
        body_open, body_close = (
            before + slot(comment.content_note_text) + after,
            "</div></details>\n",
        )
    return (
        '<header class="comment-meta">\n'
        f'  <span class="comment-number" aria-hidden="true">{node.number}.</span>\n'
        f'  <span class="comment-author" id="comment-{pk}-by">{author}</span>\n'
        f"  {words.badge if comment.is_staff_reply else ''}{reply_to}"
        f'<a class="permalink" href="#comment-{pk}"><time datetime="{iso}">{when}</time></a>\n'
        "</header>\n"
        f"{words.pending if node.own_pending else ''}"
        # body_html was sanitised by render_comment_body on save: printed as it is.
        f"{body_open}{slot(SafeString(comment.body_html))}{body_close}"
        '<footer class="comment-actions">\n  '
        f"{_actions(node, pk, words, slot, name)}\n</footer>"
    )


def _actions(node, pk, words, slot, name):
    """Reply, Edit and Delete, Report: whichever this reader may use. ``name``: its slot."""
    links = []
    if node.can_reply:
        label = words.reply_to % {"name": name}
        links.append(
            f'<a class="reply-link" href="?replyto={pk}#respond" data-reply-to="{pk}" '
            f'data-reply-name="{name}" aria-label="{label}">{words.reply}</a>'
        )
    if node.editable:
        edit = slot(reverse("comments:edit", args=[pk]))
        delete = slot(reverse("comments:delete", args=[pk]))
        links.append(f'<a href="{edit}">{words.edit}</a> <a href="{delete}">{words.delete}</a>')
    if node.reportable:
        before, after = words.report
        links.append(f"{before}{pk}{after}")
    return "\n  ".join(links)


def _after(node):
    """What follows a comment's <article>: its replies' list opening, or the lists it closes."""
    if node.children:
        return '\n</article>\n<ol class="children">\n'
    return "\n</article>\n</li>" + "</ol></li>" * len(node.closes) + "\n"
