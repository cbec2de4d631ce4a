"""Import a Disqus XML export: threads become (or match) posts, posts become comments.

Threads are matched to our posts by URL path: the post's own URL, a WordPress-style
``/yyyy/mm/slug/`` or just the last path segment as a slug. A thread with comments and no
matching post becomes a draft post, listed in the summary. Replies keep their parents; a
comment whose thread is not in the file is reported and left out.
"""

import re
from datetime import datetime
from urllib.parse import urlparse

from django.utils import timezone
from django.utils.html import escape

from blog.models import Post
from comments.models import Comment

from . import (
    FALLBACK_AUTHOR,
    Authors,
    CommentWriter,
    ImportFailed,
    ascii_slug,
    clean_email,
    clean_name,
    ip_hash_if_recent,
    iter_xml,
    run_import,
    typed_text,
)

DISQUS = "{http://disqus.com}"
DSQ_ID = "{http://disqus.com/disqus-internals}id"
INDEX_PAGE = re.compile(r"^index\.(html?|php)$")


def import_disqus(path, *, dry_run=False):
    """Import the Disqus export at ``path``; return a Summary. Raises ImportFailed."""
    return run_import(DisqusImport, path, source=f"Disqus export: {path}", dry_run=dry_run)


class DisqusImport:
    def __init__(self, summary):
        self.summary = summary
        self.writer = CommentWriter(summary)
        self.threads = {}
        self.thread_posts = {}
        self.imported = {}
        self.waiting = {}
        self.authors = Authors(summary)

    def run(self, path):
        depth = 0
        root = None
        for event, elem in iter_xml(path, events=("start", "end")):
            if event == "start":
                if root is None:
                    root = elem
                    if elem.tag != f"{DISQUS}disqus":
                        raise ImportFailed(
                            f"This is not a Disqus export: its root element is <{elem.tag}>, "
                            "not <disqus> in the http://disqus.com namespace. Nothing was "
                            "imported."
                        )
                depth += 1
                continue
            depth -= 1
            if depth == 1:
                if elem.tag == f"{DISQUS}thread":
                    self.thread(elem)
                elif elem.tag == f"{DISQUS}post":
                    self.post(elem)
                root.clear()
        self.finish()

    def thread(self, elem):
        thread_id = elem.get(DSQ_ID, "")
        self.threads[thread_id] = {
            "link": _text(elem, "link"),
            "title": _text(elem, "title"),
            "created": _date(_text(elem, "createdAt")),
        }
        for record in self.waiting.pop(("thread", thread_id), []):
            self.add(record)

    def post(self, elem):
        author = elem.find(f"{DISQUS}author")
        record = {
            "id": elem.get(DSQ_ID, ""),
            "thread": _ref(elem, "thread"),
            "parent": _ref(elem, "parent"),
            "message": _text(elem, "message"),
            "created": _date(_text(elem, "createdAt")) or timezone.now(),
            "deleted": _text(elem, "isDeleted").lower() == "true",
            "spam": _text(elem, "isSpam").lower() == "true",
            "name": _text(author, "name") if author is not None else "",
            "email": _text(author, "email") if author is not None else "",
            "ip": _text(elem, "ipAddress"),
        }
        self.add(record)

    def add(self, record):
        """Import ``record`` now, or hold it until its thread or parent has been seen."""
        if record["thread"] not in self.threads:
            self.waiting.setdefault(("thread", record["thread"]), []).append(record)
            return
        if record["parent"] and record["parent"] not in self.imported:
            self.waiting.setdefault(("parent", record["parent"]), []).append(record)
            return
        self.create(record, self.imported.get(record["parent"]))

    def create(self, record, parent):
        """Import ``record`` under ``parent``, then any replies that were waiting for it."""
        todo = [(record, parent)]
        while todo:
            record, parent = todo.pop()
            row = self.create_one(record, parent)
            self.imported[record["id"]] = row
            todo.extend((child, row) for child in self.waiting.pop(("parent", record["id"]), []))

    def create_one(self, record, parent):
        key = f"disqus:{record['id']}"
        existing = self.writer.existing([key]).get(key)
        if existing is not None:
            self.summary.comments_existing += 1
            if record["thread"] not in self.thread_posts:
                self.thread_posts[record["thread"]] = existing.post_id
                self.summary.posts_existing += 1
            return existing
        status = (
            Comment.Status.REMOVED
            if record["deleted"]
            else Comment.Status.SPAM
            if record["spam"]
            else Comment.Status.APPROVED
        )
        return self.writer.add(
            post_id=self.post_for(record),
            parent=parent,
            key=key,
            status=status,
            author_name=clean_name(record["name"]),
            author_email=clean_email(record["email"]),
            body=typed_text(record["message"]),
            created_at=record["created"],
            ip_hash=ip_hash_if_recent(record["ip"], record["created"], self.writer.now),
        )

    def post_for(self, record):
        """Our post for the record's thread: matched by URL once, else a new draft."""
        thread_id = record["thread"]
        if thread_id not in self.thread_posts:
            thread = self.threads[thread_id]
            post = match_post(thread["link"])
            if post is None:
                post = self.draft(thread_id, thread)
            else:
                self.summary.posts_existing += 1
            self.thread_posts[thread_id] = post.pk
        return self.thread_posts[thread_id]

    def draft(self, thread_id, thread):
        segment = _path_segments(thread["link"])[-1:] or [""]
        slug = base = ascii_slug(segment[0], thread["title"], fallback=f"disqus-{thread_id}")
        number = 2
        while Post.objects.filter(slug=slug).exists():
            slug, number = f"{base[:240]}-{number}", number + 1
        title = thread["title"] or thread["link"] or f"Disqus thread {thread_id}"
        link = escape(thread["link"])
        post = Post.objects.create(
            title=title[:250],
            slug=slug,
            status=Post.Status.DRAFT,
            body=f"<p>Created by the Disqus import for the comments of {link or 'a thread'}.</p>",
            author=self.authors.get(FALLBACK_AUTHOR),
            published_at=thread["created"] or timezone.now(),
        )
        self.summary.posts_created += 1
        where = thread["link"] or "no link"
        self.summary.drafts_created.append(f"{title[:80]} ({where})" if thread["title"] else where)
        return post

    def finish(self):
        """Replies whose parent never came become top-level; thread-less comments are listed."""
        while self.waiting:
            (kind, ref), records = self.waiting.popitem()
            for record in records:
                if kind == "thread":
                    self.summary.missing_thread.append(f"dsq:id {record['id']}")
                else:
                    self.summary.orphans += 1
                    self.create(record, None)
        self.writer.finish()


def match_post(link):
    """The existing post whose URL path matches ``link``, or None.

    Our own URLs and WordPress's are ``/yyyy/mm/slug/`` (WordPress may add a day); anything
    else is tried by its last path segment as a slug.
    """
    segments = _path_segments(link)
    if not segments:
        return None
    dated = re.fullmatch(r"/(?:.*/)?\d{4}/\d{2}/(?:\d{2}/)?([^/]+)/?", urlparse(link).path)
    slug = ascii_slug(dated.group(1) if dated else segments[-1], fallback="")
    return Post.objects.filter(slug=slug).first() if slug else None


def _path_segments(link):
    segments = [s for s in urlparse(link or "").path.split("/") if s]
    if segments and INDEX_PAGE.match(segments[-1]):
        segments.pop()
    return segments


def _text(elem, name):
    child = elem.find(f"{DISQUS}{name}") if elem is not None else None
    return (child.text or "").strip() if child is not None else ""


def _ref(elem, name):
    child = elem.find(f"{DISQUS}{name}")
    return child.get(DSQ_ID, "") if child is not None else ""


def _date(value):
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed
