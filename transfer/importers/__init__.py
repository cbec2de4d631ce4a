"""What the WordPress and Disqus importers share: errors, the summary, XML streaming, threads.

Both importers stream their file with ``iterparse`` and run inside one transaction: a bad file
or a crash leaves the database as it was. Comments are placed in threads exactly as the reply
form places them (a reply to a comment at the maximum depth attaches to that comment's parent),
and every comment gets the "submit" audit event that ``comments.transitions.record_submission``
writes, by the import.
"""

import hashlib
import re
import xml.etree.ElementTree as ET  # noqa: S405 - expat: no external entities, expansion capped
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comments.identity import keyed_hash
from comments.models import Comment, ModerationEvent, comments_changed
from comments.policy import CRISIS_FLAG, Terms, judge_imported
from comments.rendering import render_comment_body
from comments.threads import reply_attaches_to
from support.levels import rank

BATCH = 1000
FALLBACK_AUTHOR = "imported"
AGED_NOTE = "older than COMMENTS_IMPORT_ANSWERED_DAYS: marked as needing no reply"


class ImportFailed(Exception):
    """A file we cannot import; the message says why in words the site owner can act on."""


@dataclass
class Summary:
    """What an import did (or, in a dry run, would do)."""

    source: str
    dry_run: bool = False
    users_created: int = 0
    categories_created: int = 0
    tags_created: int = 0
    posts_created: int = 0
    posts_existing: int = 0
    drafts_created: list = field(default_factory=list)
    password_protected: list = field(default_factory=list)
    comments: Counter = field(default_factory=Counter)
    comments_existing: int = 0
    skipped: Counter = field(default_factory=Counter)
    unknown_statuses: Counter = field(default_factory=Counter)
    threads_flattened: int = 0
    answered_by_age: int = 0
    held_for_crisis: int = 0
    held_for_terms: int = 0
    orphans: int = 0
    missing_thread: list = field(default_factory=list)
    already_imported: list = field(default_factory=list)  # titles of items found by their key
    renamed: list = field(default_factory=list)  # (kind, title, wanted slug, slug given)
    pages_created: int = 0
    pages_existing: int = 0

    @property
    def changed(self):
        return bool(
            self.users_created
            or self.categories_created
            or self.tags_created
            or self.posts_created
            or self.pages_created
            or sum(self.comments.values())
        )

    def lines(self):
        created = sum(self.comments.values())
        by_status = ", ".join(f"{self.comments[s]} {s}" for s in Comment.Status.values)
        lines = [
            f"{self.source}",
            f"Posts: {self.posts_created} created, {self.posts_existing} already here.",
            f"Comments: {created} created ({by_status}); "
            f"{self.comments_existing} already imported.",
            f"Users created: {self.users_created}; categories created: "
            f"{self.categories_created}; tags created: {self.tags_created}.",
            _("Pages: %(created)d created, %(existing)d already here.")
            % {"created": self.pages_created, "existing": self.pages_existing},
            "Skipped: " + (_counts(self.skipped) or "nothing") + ".",
            *(f"  {kind} ({n}): {skip_reason(kind)}" for kind, n in sorted(self.skipped.items())),
            f"Threads flattened (replies deeper than {settings.COMMENTS_MAX_DEPTH} levels "
            f"attached to their deepest allowed ancestor): {self.threads_flattened}.",
            f"Replies whose parent is missing (now top-level): {self.orphans}.",
            f"Older than {settings.COMMENTS_IMPORT_ANSWERED_DAYS} days, so marked as needing no "
            f"reply (kept out of Unanswered): {self.answered_by_age}.",
        ]
        if self.held_for_crisis:
            lines.append(
                _(
                    "Held for a moderator because they read as crisis or imminent (they were "
                    "published or filed as spam in the source): %(count)d. They are at the top "
                    "of the moderation queue."
                )
                % {"count": self.held_for_crisis}
            )
        if self.held_for_terms:
            lines.append(
                _(
                    "Held for a moderator because they contain one of this site's disallowed or "
                    "hold terms (they were published in the source): %(count)d."
                )
                % {"count": self.held_for_terms}
            )
        if self.unknown_statuses:
            lines.append(
                "Unknown comment statuses (held as pending): "
                + _counts(self.unknown_statuses)
                + "."
            )
        for title in self.password_protected:
            lines.append(
                f"Password-protected post imported as an unpublished draft, without its text: "
                f"{title}"
            )
        if self.already_imported:
            titles = "; ".join(self.already_imported[:20])
            more = len(self.already_imported) - 20
            lines.append(
                _(
                    "Already imported, left as they are (matched by their id in the export, "
                    "not by their address): %(count)d: %(titles)s"
                )
                % {"count": len(self.already_imported), "titles": titles}
                + (_("; and %(more)d more.") % {"more": more} if more > 0 else ".")
            )
        kinds = {"post": _("post"), "page": _("page")}
        for kind, title, wanted, given in self.renamed:
            lines.append(
                _(
                    "Imported %(kind)s \u201c%(title)s\u201d at /%(given)s/ because /%(wanted)s/ "
                    "already belongs to a different %(kind)s on this site."
                )
                % {"kind": kinds[kind], "title": title, "given": given, "wanted": wanted}
            )
        if self.pages_created:
            lines.append(
                _(
                    "Imported pages are not in the site's navigation until you tick "
                    "\u201cshow in navigation\u201d on them in the admin."
                )
            )
        for title in self.drafts_created:
            lines.append(f"Draft post created for unmatched thread: {title}")
        if self.missing_thread:
            ids = ", ".join(self.missing_thread[:20])
            lines.append(
                f"Comments pointing at a thread that is not in the file (not imported): "
                f"{len(self.missing_thread)} ({ids})."
            )
        if not self.changed:
            lines.append("Nothing changed: everything in this file was already imported.")
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines


SKIP_REASONS = {
    "attachment": gettext_lazy(
        "media files are not imported; posts keep the addresses of their images"
    ),
    "nav_menu_item": gettext_lazy(
        "menus are not imported; pages marked \u201cshow in navigation\u201d make the menu"
    ),
    "pingback": gettext_lazy("pingbacks are not comments written here"),
    "trackback": gettext_lazy("trackbacks are not comments written here"),
    "duplicate comment id": gettext_lazy(
        "the same comment id twice in one item: the first is kept"
    ),
    "revision": gettext_lazy("revisions are earlier copies of a post"),
}


def skip_reason(kind):
    """Why the importer leaves ``kind`` out, in words the site owner can act on."""
    if kind in SKIP_REASONS:
        return SKIP_REASONS[kind]
    if kind.startswith("comment on a skipped"):
        return _("the item it belongs to is not imported")
    if kind == "comment on a page":
        return _("pages take no comments in Haven")
    if kind.startswith("term"):
        return _("only categories and tags are imported")
    if kind.endswith(" post") or kind.endswith(" page"):
        return _("not published content (an auto-draft, the trash or a revision)")
    return _("this kind of WordPress item has no place in Haven")


def unique_slug(model, slug, max_length=250):
    """``slug``, or ``slug-2``, ``slug-3``... : the first that no ``model`` row has."""
    candidate, n = slug, 1
    while model.objects.filter(slug=candidate).exists():
        n += 1
        suffix = f"-{n}"
        candidate = f"{slug[: max_length - len(suffix)]}{suffix}"
    return candidate


def item_key(site, wp_id, guid, title=""):
    """The import_key of a WordPress post or page: its site and id, else its GUID.

    The same file imported again, or a later export of the same site, gives the same key, so
    the item is found and left alone whatever its slug; another site's item never matches.
    """
    if wp_id:
        key = f"wxr:{site}:{wp_id}"
    elif guid:
        key = f"wxr-guid:{guid}"
    else:
        key = f"wxr-title:{site}:{title}"
    return key if len(key) <= 200 else f"wxr-sha256:{digest(key)}"


def _counts(counter):
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counter.items()) if n)


# --- files and XML --------------------------------------------------------------------------


def check_file(path):
    """Fail early, in plain words, on a missing or 0-byte file."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"{path}: no such file.")
    if path.stat().st_size == 0:
        raise ImportFailed(f"{path.name} is empty (0 bytes). Nothing was imported.")
    return path


def iter_xml(path, events=("start-ns", "start", "end")):
    """``iterparse`` events of ``path``; a parse error becomes ImportFailed naming the line."""
    path = check_file(path)
    seen_element = False
    try:
        with path.open("rb") as handle:
            for event, elem in ET.iterparse(handle, events=events):  # noqa: S314
                seen_element = seen_element or event == "start"
                yield event, elem
    except ET.ParseError as exc:
        line, column = exc.position
        if not seen_element and "no element found" in str(exc):
            raise ImportFailed(
                f"{path.name} has no XML elements (an empty export?). Nothing was imported."
            )
        raise ImportFailed(
            f"{path.name} is not well-formed XML: {_reason(exc)} at line {line}, column "
            f"{column + 1}. Nothing was imported."
        )


def _reason(exc):
    return re.sub(r":\s*line \d+, column \d+$", "", str(exc))


# --- cleaning values ------------------------------------------------------------------------


_URL = URLValidator(schemes=["http", "https"])
_BR = re.compile(r"<br\s*/?>\s*", re.IGNORECASE)
_P_BREAK = re.compile(r"</p>\s*<p(\s[^>]*)?>", re.IGNORECASE)
_P_EDGE = re.compile(r"^\s*<p(\s[^>]*)?>|</p>\s*$", re.IGNORECASE)


def ascii_slug(*candidates, fallback, max_length=250):
    """The first candidate that makes a URL-safe slug (URL-encoded names decoded first)."""
    for candidate in candidates:
        slug = slugify(unquote(candidate or ""))[:max_length].strip("-")
        if slug:
            return slug
    return slugify(fallback)[:max_length]


def digest(text):
    """A short stable fingerprint (the same on every run, unlike ``hash``)."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:32]


def clean_name(name):
    return " ".join((name or "").split())[:50] or "Anonymous"


def clean_email(email):
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        return ""
    return email[:254]


def clean_url(url):
    url = (url or "").strip()
    if not url or len(url) > 200:
        return ""
    try:
        _URL(url)
    except ValidationError:
        return ""
    return url


def typed_text(html):
    """An exported comment's HTML back to what its writer typed: breaks and paragraphs as text.

    The comment renderer then treats it exactly like text from the comment form.
    """
    text = (html or "").strip()
    text = _P_BREAK.sub("\n\n", text)
    text = _P_EDGE.sub("", text)
    return _BR.sub("\n", text).strip()


def ip_hash_if_recent(ip, created_at, now):
    """IPs are kept only as keyed hashes, and only while they would be kept for a new comment."""
    ip = (ip or "").strip()
    limit = now - timezone.timedelta(days=settings.COMMENTS_IP_RETENTION_DAYS)
    return keyed_hash(ip, "ip") if ip and created_at >= limit else ""


# --- users ----------------------------------------------------------------------------------


class Authors:
    """Users by login: matched when they exist, created without a usable password otherwise."""

    def __init__(self, summary):
        self.summary = summary
        self.by_login = {}

    def get(self, login, **details):
        login = (login or "").strip()[:150] or FALLBACK_AUTHOR
        if login not in self.by_login:
            model = get_user_model()
            user = model.objects.filter(username=login).first()
            if user is None:
                user = model(username=login, **{k: v[:150] for k, v in details.items() if v})
                user.set_unusable_password()
                user.save()
                self.summary.users_created += 1
            self.by_login[login] = user
        return self.by_login[login]


# --- comments and threads -------------------------------------------------------------------


class Node:
    """One comment's place in a thread: stored already, or waiting for the next batch."""

    __slots__ = ("pk", "post_id", "depth", "parent_id", "root_id", "parent", "comment")

    def __init__(self, pk, post_id, depth, parent_id, root_id, parent=None, comment=None):
        self.pk, self.post_id, self.depth = pk, post_id, depth
        self.parent_id, self.root_id = parent_id, root_id
        self.parent, self.comment = parent, comment


NODE_FIELDS = ("pk", "post_id", "depth", "parent_id", "root_id")


class CommentWriter:
    """Stores imported comments in batches, placed in threads like the reply form places them.

    A batch is inserted level by level (parents first, so replies know their parent's id), with
    the same rendering ``Comment.save`` applies and the "submit" event ``record_submission``
    writes; finish() then recounts each post touched and retires its cached tree. Memory stays
    flat however many comments the file holds.
    """

    def __init__(self, summary):
        self.summary = summary
        self.now = timezone.now()
        # Years-old comments were answered (or not) long ago: keep them out of "Unanswered".
        self.answered_before = self.now - timedelta(days=settings.COMMENTS_IMPORT_ANSWERED_DAYS)
        self.nodes = {}
        self.pending = []
        self.touched_posts = set()
        self.own_prefix = f"haven:{settings.SITE_URL}:"

    @cached_property
    def terms(self):
        """The site's moderation terms, read once, when the first comment is judged."""
        return Terms.current()

    def existing(self, keys):
        """Nodes of comments already imported under ``keys`` (or exported by this very site)."""
        keys = [k for k in keys if k]
        own = {int(k.rsplit(":", 1)[1]): k for k in keys if _own_key(k, self.own_prefix)}
        found = {}
        for key, *values in Comment.objects.filter(import_key__in=keys).values_list(
            "import_key", *NODE_FIELDS
        ):
            found[key] = Node(*values)
        if own:
            rows = Comment.objects.filter(pk__in=own, import_key=None).values_list(*NODE_FIELDS)
            for values in rows:
                found[own[values[0]]] = Node(*values)
        for node in found.values():
            self.nodes[node.pk] = node
        return found

    def parent_of(self, node):
        if node.parent is not None:
            return node.parent
        if node.parent_id not in self.nodes:
            values = Comment.objects.filter(pk=node.parent_id).values_list(*NODE_FIELDS).get()
            self.nodes[node.parent_id] = Node(*values)
        return self.nodes[node.parent_id]

    def place(self, parent):
        """The comment a reply to ``parent`` really attaches to (same rule as the form)."""
        placed = reply_attaches_to(parent, self.parent_of)
        if placed is not parent:
            self.summary.threads_flattened += 1
        return placed

    def add(self, *, post_id, parent, key, status, **fields):
        """Queue one comment under ``parent`` (a Node or None); return its Node.

        The crisis and term rules of a new comment apply (comments.policy.judge_imported).
        """
        parent = self.place(parent)
        created_at = fields.get("created_at")
        if not fields.get("is_staff_reply") and created_at and created_at < self.answered_before:
            fields["no_reply_needed"] = True
            self.summary.answered_by_age += 1
        judged, flags, assessment = judge_imported(
            fields.get("body", ""),
            status,
            is_staff=bool(fields.get("is_staff_reply")),
            writer=[fields.get(f, "") for f in ("author_name", "author_email", "author_url")],
            terms=self.terms,
        )
        if judged != status:
            if flags[0].startswith(CRISIS_FLAG):
                self.summary.held_for_crisis += 1
            else:
                self.summary.held_for_terms += 1
        status = judged
        comment = Comment(
            post_id=post_id, status=status, import_key=key, flags=flags, imported_at=self.now,
            **fields,
        )  # fmt: skip
        comment.keep_assessment(assessment)
        node = Node(None, post_id, parent.depth + 1 if parent else 1, None, None, parent, comment)
        self.pending.append(node)
        self.summary.comments[status] += 1
        self.touched_posts.add(post_id)
        if len(self.pending) >= BATCH:
            self.flush()
        return node

    def forget(self):
        """Drop the node cache between posts (WXR keeps a post's comments together)."""
        self.nodes.clear()

    def finish(self):
        """Insert what is left; recount each post touched and retire its cached tree."""
        self.flush()
        for post_id in sorted(self.touched_posts):
            comments_changed(post_id)

    def flush(self):
        """Insert the waiting comments, one level at a time, then their audit events."""
        for depth in sorted({node.depth for node in self.pending}):
            level = [node for node in self.pending if node.depth == depth]
            for node in level:
                _prepare(node)
            Comment.objects.bulk_create([node.comment for node in level])
            for node in level:
                node.pk = node.comment.pk
            tops = [node.pk for node in level if node.parent is None]
            if tops:
                Comment.objects.filter(pk__in=tops).update(root_id=F("pk"))
            for node in level:
                node.root_id = node.root_id or node.pk
        ModerationEvent.objects.bulk_create(
            ModerationEvent(
                comment_id=node.pk,
                comment_ref=node.pk,
                actor_label="import",
                action=ModerationEvent.Action.SUBMIT,
                to_status=node.comment.status,
                note=_event_note(node.comment),
            )
            for node in self.pending
        )
        for node in self.pending:
            node.parent = node.comment = None
            self.nodes[node.pk] = node
        self.pending = []


def _prepare(node):
    """What ``Comment.save`` does before an insert: link the thread and render the body once."""
    comment, parent = node.comment, node.parent
    comment.depth = node.depth
    comment.parent_id = node.parent_id = parent.pk if parent else None
    comment.root_id = node.root_id = parent.root_id if parent else None
    comment.body_html = render_comment_body(comment.body)
    comment.crisis_rank = rank(comment.crisis_level)


def _event_note(comment):
    """The import's audit note: why it was held (as the queue shows flags), then its age."""
    lines = ["; ".join(comment.flags), AGED_NOTE if comment.no_reply_needed else ""]
    return "\n".join(line for line in lines if line)


def _own_key(key, prefix):
    return key.startswith(prefix) and key.rsplit(":", 1)[1].isdigit()


@contextmanager
def import_transaction(summary):
    """One transaction for the whole file; a dry run rolls it back at the end."""
    with transaction.atomic():
        yield
        if summary.dry_run:
            transaction.set_rollback(True)


def run_import(importer_class, path, *, source, dry_run=False):
    """Run ``importer_class(summary).run(path)`` in one transaction; return the Summary."""
    summary = Summary(source=source, dry_run=dry_run)
    with import_transaction(summary):
        importer_class(summary).run(path)
    return summary
