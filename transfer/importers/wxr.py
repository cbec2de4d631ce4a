"""Import a WordPress export (WXR 1.0, 1.1 and 1.2), streamed so that memory stays flat.

Each ``<item>`` is read whole (a post with its comments), imported, then dropped from the tree.
Posts and comments are matched by ``import_key`` (their site and WordPress id, or GUID), so
running the same file twice changes nothing the second time; a post whose slug is taken by a
different post is imported under a new slug, and the summary says so.
"""

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from blog.models import Category, Page, Post, Tag
from comments.models import Comment

from . import (
    Authors,
    CommentWriter,
    ImportFailed,
    ascii_slug,
    clean_email,
    clean_name,
    clean_url,
    digest,
    ip_hash_if_recent,
    item_key,
    iter_xml,
    run_import,
    typed_text,
    unique_slug,
)

WP_NAMESPACE = re.compile(r"https?://wordpress\.org/export/1\.[012]/")
EXCERPT_NAMESPACE = re.compile(r"https?://wordpress\.org/export/1\.[012]/excerpt/")
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
POST_STATUS = {
    "publish": Post.Status.PUBLISHED,
    "future": Post.Status.SCHEDULED,
    "draft": Post.Status.DRAFT,
    "pending": Post.Status.DRAFT,
    "private": Post.Status.DRAFT,
}
SKIPPED_POST_STATUS = {"auto-draft", "trash", "inherit"}
COMMENT_STATUS = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "approved": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.REMOVED,
    "post-trashed": Comment.Status.REMOVED,
}
BLOCK_START = re.compile(
    r"^(<!--.*?-->\s*)*<(p|div|blockquote|ul|ol|h[1-6]|pre|figure|table|hr|dl|address)\b",
    re.IGNORECASE | re.DOTALL,
)
ZERO_DATE = "0000-00-00 00:00:00"


PROTECTED_BODY = (
    "<p>This post was password-protected in WordPress, so its text was not imported. "
    "Copy it from WordPress yourself if it should be public.</p>"
)


@lru_cache(maxsize=256)
def qname(tag):
    """'{http://wordpress.org/export/1.2/}comment' -> 'wp:comment', whatever the version."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if WP_NAMESPACE.fullmatch(uri):
        return f"wp:{local}"
    if EXCERPT_NAMESPACE.fullmatch(uri):
        return f"excerpt:{local}"
    return f"{PREFIXES.get(uri, uri)}:{local}"


def import_wxr(path, *, dry_run=False):
    """Import the WXR file at ``path``; return a Summary. Raises ImportFailed on a bad file."""
    return run_import(WxrImport, path, source=f"WordPress export: {path}", dry_run=dry_run)


class WxrImport:
    def __init__(self, summary):
        self.summary = summary
        self.authors = Authors(summary)
        self.author_ids = {}
        self.writer = CommentWriter(summary)
        self.site = ""
        self.terms = {}
        self.from_haven = False

    def run(self, path):
        stack = []
        channel = None
        namespaces = {}
        for event, elem in iter_xml(path):
            if event == "start-ns":
                namespaces.setdefault(elem[1], elem[0])
                continue
            if event == "start":
                if not stack:
                    self.check_root(elem, namespaces)
                stack.append(elem)
                if len(stack) == 2 and qname(elem.tag) == "channel":
                    channel = elem
                continue
            stack.pop()
            if len(stack) == 2 and stack[1] is channel:
                self.channel_child(qname(elem.tag), elem)
                channel.clear()
        self.writer.finish()

    def check_root(self, root, namespaces):
        """An <rss> root declaring a WordPress export namespace, whatever its prefix."""
        if root.tag != "rss":
            raise ImportFailed(
                f"This is not a WordPress export (WXR): its root element is <{qname(root.tag)}>, "
                "not <rss>. Nothing was imported."
            )
        if not any(WP_NAMESPACE.fullmatch(uri) for uri in namespaces):
            wp_uri = next((uri for uri, prefix in namespaces.items() if prefix == "wp"), None)
            found = f"its wp: namespace is {wp_uri}" if wp_uri else "it has no wp: namespace"
            raise ImportFailed(
                f"This is not a WordPress export (WXR 1.0-1.2): {found}; expected "
                "http(s)://wordpress.org/export/1.0/, 1.1/ or 1.2/. Nothing was imported."
            )

    def channel_child(self, name, elem):
        if name == "generator":
            self.from_haven = (elem.text or "").strip() == "Haven"
        elif name == "wp:base_site_url" or (name == "link" and not self.site):
            self.site = (elem.text or "").strip().rstrip("/")
        elif name == "wp:author":
            self.author(fields(elem))
        elif name in ("wp:category", "wp:tag", "wp:term"):
            self.term(name, fields(elem))
        elif name == "item":
            self.item(elem)

    def author(self, data):
        user = self.authors.get(
            data.get("wp:author_login"),
            email=clean_email(data.get("wp:author_email")),
            first_name=data.get("wp:author_first_name", ""),
            last_name=data.get("wp:author_last_name", ""),
        )
        if data.get("wp:author_id"):
            self.author_ids[data["wp:author_id"]] = user

    def term(self, name, data):
        kind = {"wp:category": "category", "wp:tag": "post_tag"}.get(name)
        kind = kind or data.get("wp:term_taxonomy", "")
        slug = (
            data.get("wp:category_nicename") or data.get("wp:tag_slug") or data.get("wp:term_slug")
        )
        label = data.get("wp:cat_name") or data.get("wp:tag_name") or data.get("wp:term_name")
        if kind in ("category", "post_tag"):
            self.taxonomy(kind, slug, label, data.get("wp:category_description", ""))
        else:
            self.summary.skipped[f"term ({kind or 'unknown'})"] += 1

    def taxonomy(self, kind, slug, label, description=""):
        """The Category or Tag for a WordPress term, created on first sight (matched by slug)."""
        model = Category if kind == "category" else Tag
        slug = ascii_slug(slug, label, fallback=f"{kind}-{digest(label)[:8]}", max_length=100)
        if (kind, slug) in self.terms:
            return self.terms[kind, slug]
        obj = model.objects.filter(slug=slug).first()
        if obj is None:
            name = (label or slug).strip()[:100]
            if model.objects.filter(name=name).exists():
                name = f"{name} ({slug})"[:100]
            extra = {"description": strip_tags(description)} if model is Category else {}
            obj = model.objects.create(slug=slug, name=name, **extra)
            if model is Category:
                self.summary.categories_created += 1
            else:
                self.summary.tags_created += 1
        self.terms[kind, slug] = obj
        return obj

    def item(self, elem):
        data = fields(elem)
        post_type = data.get("wp:post_type") or "post"
        comments = elem.findall("{*}comment")
        status = data.get("wp:status", "draft")
        if post_type == "page" and status not in SKIPPED_POST_STATUS:
            self.page(data, status)
            if comments:
                self.summary.skipped["comment on a page"] += len(comments)
            return
        if post_type != "post" or status in SKIPPED_POST_STATUS:
            kind = post_type if post_type != "post" else f"{status} post"
            self.summary.skipped[kind] += 1
            if comments:
                self.summary.skipped[f"comment on a skipped {kind}"] += len(comments)
            return
        post, wp_id = self.post(elem, data, status)
        self.comments(post, wp_id, [fields(c) for c in comments])

    def post(self, elem, data, status):
        wp_id = data.get("wp:post_id") or _query_id(data.get("link", ""))
        wanted = ascii_slug(
            data.get("wp:post_name"), data.get("title"), fallback=f"post-{wp_id or 'untitled'}"
        )
        title = (data.get("title") or wanted)[:250]
        meta = dict(data.get("meta", ()))
        key = meta.get("_haven_key") or item_key(self.site, wp_id, data.get("guid"), title)
        post = self.existing_post(key, wp_id, wanted)
        if post is not None:
            self.summary.posts_existing += 1
            self.summary.already_imported.append(title)
            return post, wp_id or wanted
        slug = unique_slug(Post, wanted)
        if slug != wanted:
            self.summary.renamed.append(("post", title, wanted, slug))
        author = self.authors.get(data.get("dc:creator"))
        protected = bool((data.get("wp:post_password") or "").strip())
        if protected:  # meant for a few readers: its text is never stored, so never published
            self.summary.password_protected.append((data.get("title") or slug)[:250])
        post = Post(
            title=title,
            slug=slug,
            import_key=key,
            body=PROTECTED_BODY if protected else self.post_body(data.get("content:encoded", "")),
            excerpt="" if protected else strip_tags(data.get("excerpt:encoded", "")).strip(),
            author=author,
            status=Post.Status.DRAFT if protected else POST_STATUS.get(status, Post.Status.DRAFT),
            published_at=_post_date(data) or timezone.now(),
            comments_open=data.get("wp:comment_status", "open") != "closed",
        )
        post.save()
        self.summary.posts_created += 1
        for category in elem.findall("category"):
            kind = {"tag": "post_tag", None: "category"}.get(
                category.get("domain"), category.get("domain")
            )
            if kind in ("category", "post_tag") and (category.text or "").strip():
                term = self.taxonomy(kind, category.get("nicename"), category.text.strip())
                (post.categories if kind == "category" else post.tags).add(term)
        return post, wp_id or slug

    def page(self, data, status):
        """A WordPress page becomes a Page: found again by its key, never by its slug."""
        wp_id = data.get("wp:post_id") or _query_id(data.get("link", ""))
        wanted = ascii_slug(data.get("wp:post_name"), data.get("title"),
                            fallback=f"page-{wp_id or 'untitled'}", max_length=100)  # fmt: skip
        title = (data.get("title") or wanted)[:250]
        meta = dict(data.get("meta", ()))
        key = meta.get("_haven_key") or item_key(self.site, wp_id, data.get("guid"), title)
        if Page.objects.filter(import_key=key).exists():
            self.summary.pages_existing += 1
            self.summary.already_imported.append(title)
            return
        slug = unique_slug(Page, wanted, max_length=100)
        if slug != wanted:
            self.summary.renamed.append(("page", title, wanted, slug))
        Page(
            title=title, slug=slug, import_key=key,
            body=self.post_body(data.get("content:encoded", "")),
            published=status == "publish", order=_int(data.get("wp:menu_order")),
        ).save()  # fmt: skip
        self.summary.pages_created += 1

    def existing_post(self, key, wp_id, slug):
        """The post this item was imported as before, found by its key, never by its slug alone.

        A Haven export of this very site names its posts by their ids here. A post imported
        before posts kept their key is recognised by the keys of its imported comments, and
        given its key now.
        """
        post = Post.objects.filter(import_key=key).first()
        own = f"haven:{settings.SITE_URL}:"
        if post is None and key.startswith(own) and key[len(own) :].isdigit():
            post = Post.objects.filter(pk=int(key[len(own) :]), import_key=None).first()
        if post is None and wp_id:
            earlier = Post.objects.filter(slug=slug, import_key=None).first()
            prefix = f"wxr:{self.site}:{wp_id}:"
            if earlier and earlier.comments.filter(import_key__startswith=prefix).exists():
                Post.objects.filter(pk=earlier.pk).update(import_key=key)
                post = earlier
        return post

    def post_body(self, content):
        """WordPress stores posts before its display filters; our own exports are final HTML."""
        return content if self.from_haven else autop(content)

    def comment_body(self, content):
        return content.strip() if self.from_haven else typed_text(content)

    def comments(self, post, wp_post_id, records):
        """Import one post's comments, parents before replies, each thread in date order."""
        self.writer.forget()
        by_id = {}
        for record in records:
            kind = record.get("wp:comment_type") or "comment"
            wp_id = record.get("wp:comment_id", "")
            if kind != "comment":
                self.summary.skipped[kind] += 1
            elif wp_id in by_id:
                self.summary.skipped["duplicate comment id"] += 1
            else:
                record["meta"] = dict(record.get("meta", ()))
                record["key"] = self.key(wp_post_id, wp_id, record["meta"])
                by_id[wp_id] = record
        existing = self.writer.existing([r["key"] for r in by_id.values()])
        done = {}
        for wp_id, record in by_id.items():
            if record["key"] in existing:
                done[wp_id] = existing[record["key"]]
                self.summary.comments_existing += 1
        order = sorted(by_id.items(), key=lambda kv: (_comment_date(kv[1]), _int(kv[0])))
        for wp_id, _record in order:
            self.place(wp_id, by_id, done, post)

    def key(self, wp_post_id, wp_id, meta):
        """The comment's import_key: kept from a Haven export, else site, post and comment id."""
        key = meta.get("_haven_key") or f"wxr:{self.site}:{wp_post_id}:{wp_id}"
        return key if len(key) <= 200 else f"wxr-sha256:{digest(key)}"

    def place(self, wp_id, by_id, done, post):
        """Create ``wp_id`` after its ancestors; a missing or circular parent makes it top-level.

        Walks up iteratively, so a pathologically deep thread cannot exhaust the stack.
        """
        chain, seen, current, parent = [], set(), wp_id, None
        while current not in done:
            chain.append(current)
            seen.add(current)
            parent_id = by_id[current].get("wp:comment_parent") or "0"
            if parent_id == "0":
                break
            if parent_id not in by_id or parent_id in seen:
                self.summary.orphans += 1
                break
            current = parent_id
        else:
            parent = done[current]
        for ancestor in reversed(chain):
            parent = done[ancestor] = self.create(by_id[ancestor], post, parent)

    def create(self, record, post, parent):
        raw_status = record.get("wp:comment_approved", "").strip().lower()
        status = COMMENT_STATUS.get(raw_status, Comment.Status.PENDING)
        if raw_status and raw_status not in COMMENT_STATUS:
            self.summary.unknown_statuses[raw_status] += 1
        created_at = _comment_date(record)
        user = self.author_ids.get(record.get("wp:comment_user_id", "0"))
        meta = record["meta"]
        return self.writer.add(
            post_id=post.pk,
            parent=parent,
            key=record["key"],
            status=status,
            author_name=clean_name(record.get("wp:comment_author")),
            author_email=clean_email(record.get("wp:comment_author_email")),
            author_url=clean_url(record.get("wp:comment_author_url")),
            user=user,
            content_note=meta.get("_haven_content_note") == "1",
            is_staff_reply=bool(user and (user.is_staff or meta.get("_haven_staff_reply") == "1")),
            body=self.comment_body(record.get("wp:comment_content", "")),
            created_at=created_at,
            ip_hash=ip_hash_if_recent(
                record.get("wp:comment_author_IP"), created_at, self.writer.now
            ),
        )


def fields(elem):
    """The direct children of ``elem`` as {qualified name: text}; comments and meta as lists."""
    data = {}
    for child in elem:
        name = qname(child.tag)
        if name in ("wp:comment", "category"):
            continue
        if name in ("wp:commentmeta", "wp:postmeta"):
            meta = {qname(m.tag): (m.text or "").strip() for m in child}
            data.setdefault("meta", []).append((meta.get("wp:meta_key"), meta.get("wp:meta_value")))
            continue
        data[name] = (child.text or "").strip()
    return data


def autop(html):
    """WordPress adds paragraphs when it displays a post; do it once, here, for bare text."""
    blocks = []
    for block in re.split(r"\n\s*\n", (html or "").replace("\r\n", "\n").strip()):
        block = block.strip()
        if not block:
            continue
        if BLOCK_START.match(block):
            blocks.append(block)
        else:
            blocks.append("<p>" + block.replace("\n", "<br>\n") + "</p>")
    return "\n".join(blocks)


def _wp_date(value, *, gmt):
    value = (value or "").strip()
    if not value or value == ZERO_DATE:
        return None
    try:
        parsed = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    if gmt:
        return parsed.replace(tzinfo=UTC)
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


def _post_date(data):
    date = _wp_date(data.get("wp:post_date_gmt"), gmt=True)
    date = date or _wp_date(data.get("wp:post_date"), gmt=False)
    if date is None and data.get("pubDate"):
        try:
            date = parsedate_to_datetime(data["pubDate"])
        except (TypeError, ValueError):
            date = None
    return date


def _comment_date(record):
    if "date" not in record:
        record["date"] = (
            _wp_date(record.get("wp:comment_date_gmt"), gmt=True)
            or _wp_date(record.get("wp:comment_date"), gmt=False)
            or timezone.now()
        )
    return record["date"]


def _query_id(link):
    """A ``?p=12`` permalink's post id, for items that carry no wp:post_id."""
    return (parse_qs(urlparse(link).query).get("p") or [""])[0]


def _int(value):
    return int(value) if str(value).isdigit() else 0
