"""Load the original demo content (posts.json, comments.json) into an empty site.

The content is written for Haven, in the shape of the page we model: one long post with a
43-comment conversation, 17 threads, 3 levels deep, the author answering most readers late.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from blog.models import Category, Page, Post, SiteSettings
from comments.models import DEFAULT_CONTENT_NOTE, Comment
from comments.threads import build_comment
from comments.transitions import record_submission

HERE = Path(__file__).resolve().parent
AUTHOR = {"username": "dana", "first_name": "Dana", "last_name": "", "email": "dana@localhost"}


def _author():
    user, created = get_user_model().objects.get_or_create(
        username=AUTHOR["username"],
        defaults={k: v for k, v in AUTHOR.items() if k != "username"} | {"is_staff": True},
    )
    if created:
        user.set_unusable_password()
        user.save()
        from django.contrib.auth.models import Group

        user.groups.add(Group.objects.get(name="Moderators"))
    return user


def _add_comment(post, spec, published, author, parent=None, status=Comment.Status.APPROVED):
    is_author = spec.get("author", False)
    comment = build_comment(
        post=post,
        parent=parent,
        author_name=spec["name"],
        user=author if is_author else None,
        is_staff_reply=is_author,
        body=spec["body"],
        content_note=DEFAULT_CONTENT_NOTE if spec.get("content_note") else "",
        status=status,
        created_at=published + timedelta(days=spec["days_after_post"]),
        import_key=None,
    )
    comment.save()
    record_submission(comment, actor_label="demo content")
    for reply in spec.get("replies", []):
        _add_comment(post, reply, published, author, parent=comment)
    return comment


def _add_pages():
    """About, the practice and Contact in the header, so a new site looks like a real one."""
    for spec in json.loads((HERE / "pages.json").read_text(encoding="utf-8")):
        Page.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "body": spec["body_html"],
                "order": spec["order"],
                "published": True,
                "show_in_nav": True,
            },
        )


@transaction.atomic
def load_demo():
    """Create the demo posts and comments unless they exist. Returns the posts created."""
    author = _author()
    site = SiteSettings.load()
    if site.site_name == "Haven" and not site.copyright_holder:
        site.copyright_holder = "Dana, counsellor"
        site.save()
    posts = json.loads((HERE / "posts.json").read_text(encoding="utf-8"))
    conversation = json.loads((HERE / "comments.json").read_text(encoding="utf-8"))
    _add_pages()
    now = timezone.now()
    created = []
    for index, spec in enumerate(posts):
        if Post.objects.filter(slug=spec["slug"]).exists():
            continue
        post = Post.objects.create(
            title=spec["title"],
            slug=spec["slug"],
            excerpt=spec["excerpt"],
            body=spec["body_html"],
            author=author,
            status=Post.Status.PUBLISHED,
            published_at=now - timedelta(days=spec["days_ago"]),
            sensitive_topics=spec.get("sensitive_topics", False),
        )
        for name in spec.get("categories", []):
            category, _ = Category.objects.get_or_create(
                slug=slugify(name), defaults={"name": name}
            )
            post.categories.add(category)
        if index == 0:
            for thread in conversation["threads"]:
                _add_comment(post, thread, post.published_at, author)
            for spec_ in conversation.get("pending", []):
                _add_comment(post, spec_, post.published_at, author, status=Comment.Status.PENDING)
            for spec_ in conversation.get("spam", []):
                _add_comment(post, spec_, post.published_at, author, status=Comment.Status.SPAM)
        created.append(post)
    return created
