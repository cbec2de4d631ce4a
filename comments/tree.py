"""The public comment tree of a post: a fixed number of queries, built in Python in O(n).

1. one aggregate: approved comments (the count line) and threads that have any (for pages);
2. the ids of this page's top-level threads;
3. every comment in those threads.
The tree is then linked by ``parent_id`` and flattened into the order the template walks, with
the open/close marks for nested ``<ol>`` lists, so the template never recurses or queries.
"""

import logging
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q

from .models import Comment

log = logging.getLogger(__name__)

Status = Comment.Status
VERSION_TTL = 30 * 24 * 3600


def _version_key(post_id):
    return f"comments:tree-version:{post_id}"


def tree_version(post_id):
    """The post's current tree version; 0 when the cache is empty or down."""
    try:
        return cache.get(_version_key(post_id)) or 0
    except Exception:  # a cache outage must never break reading
        return 0


def bump_tree_version(post_id):
    """Called by every state change: any cached page of this post's tree is now unreachable."""
    key = _version_key(post_id)
    try:
        if cache.add(key, 1, VERSION_TTL):
            return
        cache.incr(key)
    except Exception:
        # Missing key (evicted) or cache down: a fresh random start still invalidates.
        import random

        try:
            cache.set(key, random.randint(2, 2**30), VERSION_TTL)
        except Exception:
            log.warning("cache down: tree version for post %s not bumped", post_id)


@dataclass
class Node:
    comment: Comment
    number: int = 0
    parent_name: str = ""
    children: list = field(default_factory=list)
    placeholder: bool = False
    own_pending: bool = False
    closes: range = range(0)

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


def load_tree_page(post, page=1, own_ids=()):
    """The ``page``th page of threads of ``post`` as a TreePage (3 queries).

    ``own_ids`` are comments this browser wrote: pending ones show to their writer only.
    """
    per_page = settings.COMMENTS_THREADS_PER_PAGE
    visible = Q(status=Status.APPROVED)
    if own_ids:
        visible |= Q(pk__in=own_ids, status=Status.PENDING)
    totals = Comment.objects.filter(post=post).aggregate(
        count=Count("pk", filter=Q(status=Status.APPROVED)),
        threads=Count("root_id", filter=visible, distinct=True),
    )
    num_pages = max(1, math.ceil(totals["threads"] / per_page))
    page = min(max(1, page), num_pages)
    thread_roots = (
        Comment.objects.filter(post=post, depth=1)
        .filter(pk__in=Comment.objects.filter(visible, post=post).values("root_id"))
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[(page - 1) * per_page : page * per_page]
    )
    rows = list(
        Comment.objects.filter(post=post, root_id__in=list(thread_roots))
        .filter(visible | Q(status__in=[Status.SPAM, Status.REMOVED]))
        .tree_rows()
        .order_by("created_at", "pk")
    )
    roots = build_tree(rows, set(own_ids))
    items = flatten(roots, first_number=(page - 1) * per_page + 1)
    return TreePage(totals["count"], totals["threads"], page, num_pages, items)


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
