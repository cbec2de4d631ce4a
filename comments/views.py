"""Reader-side comment views. Thin: rules live in policy/posting, state changes in moderation."""

import json
import time

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from blog.models import Post
from pagecache import pages
from pagecache.versions import versioned
from support import resources
from support.crisis import WORRIED_REPORT_LEVEL, assess
from support.levels import CrisisLevel, rank
from support.resources import resources_version

from . import identity, transitions
from .forms import CommentForm, EditOwnCommentForm, ReportForm, check_signature
from .models import Comment, Report, Subscription
from .policy import Refused, Submission, ensure_open
from .posting import submit_comment
from .signals import moderator_needed
from .tree import load_tree_page, tree_version

REMEMBER_COOKIE = "haven_commenter"
REMEMBER_SALT = "haven.commenter"
NOTICE_KEY = "comment_notice"


def _remembered(request):
    raw = request.get_signed_cookie(REMEMBER_COOKIE, default=None, salt=REMEMBER_SALT)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return {k: v for k, v in data.items() if k in ("name", "email", "url")}


def comment_page_number(request):
    try:
        return int(request.GET.get("cpage", 1))
    except ValueError:
        return 1


def comments_key(post_id, version, page, comments_open):
    # comments_open is part of the key: closing a post removes every Reply link at once.
    language = get_language()  # the tree holds translated words (Reply, Report...)
    return f"comments:tree:{language}:{post_id}:{version}:{page}:{int(comments_open)}"


def rendered_comments(request, post_id, comments_open, page, own_ids=(), post=None, read=None):
    """The count line, a page of threads and its page links, as HTML.

    From the cache unless this browser has its own comments (they show only to it). ``post`` is
    read only on a miss, so a cached page of comments costs no query at all. ``read``: (the
    tree version, {key: html}) when the caller read them already, in its own round trip.
    """
    version, found = read or (tree_version(post_id), None)
    key = comments_key(post_id, version, page, comments_open)
    use_cache = settings.COMMENTS_TREE_CACHE and not own_ids and version != 0  # 0: cache down
    if use_cache:
        cached = found.get(key) if found is not None else versioned.get(key)
        if cached is not None:
            return cached
    post = post or get_object_or_404(Post, pk=post_id)
    tree = load_tree_page(post, page, own_ids)
    if own_ids:
        edit_until = time.time() - settings.COMMENTS_EDIT_MINUTES * 60
        own = set(own_ids)
        for node in tree.items:
            if node.comment.pk in own:
                written = identity.own_comment_time(request, node.comment.pk) or 0
                node.editable = written > edit_until
    html = render_to_string("comments/thread_block.html", {"tree": tree, "post": post})
    if use_cache:
        versioned.set(key, html, 24 * 3600)
    return html


def comment_section_context(request, post, form=None, refusal=None):
    """Everything the post page needs below the article."""
    own_ids = identity.own_comment_ids(request)
    block = rendered_comments(
        request, post.pk, post.comments_open, comment_page_number(request), own_ids, post=post
    )
    reply_to = None
    parent_id = (
        form.data.get("parent")
        if form is not None and form.is_bound
        else request.GET.get("replyto")
    )
    if parent_id and str(parent_id).isdigit():
        reply_to = (
            Comment.objects.filter(pk=parent_id, post=post, status=Comment.Status.APPROVED)
            .only("pk", "author_name")
            .first()
        )
    if form is None:
        form = CommentForm(post=post, initial={**_remembered(request), "parent": parent_id})
    notice = request.session.pop(NOTICE_KEY, None) if hasattr(request, "session") else None
    return {
        "comment_block": mark_safe(block),  # every typed value is escaped by render_tree
        **_form_context(form),
        "reply_to": reply_to,
        "refusal": refusal,
        "comment_notice": notice,
    }


def shared_section_context(post):
    """comment_section_context for a page stored for every reader: markers for per-request values.

    pagecache.pages fills them in: the comments, the CSRF token and the form's signed timestamp.
    """
    return {
        "comment_block": pages.COMMENTS_MARK,
        "csrf_token": pages.CSRF_MARK,
        **_form_context(CommentForm(post=post, initial={"security": pages.SECURITY_MARK})),
    }


def _form_context(form):
    return {
        "comment_form": form,
        "comment_checkboxes": [form[name] for name in ("content_note", "notify", "remember")],
        "resources_version": resources_version(),  # keys the cached support-line fragments
    }


def _hand_back(request, post, form, refusal):
    """Show the post again with the writer's text in the form and the reason on top."""
    if form.is_bound:
        form.data = form.data.copy()
        form.data["security"] = form.fresh_security()
    context = {"post": post, **comment_section_context(request, post, form, refusal)}
    status = refusal.status_code if refusal else 400
    return render(request, "blog/post_detail.html", context, status=status)


@require_POST
def post_comment(request, post_id):
    post = get_object_or_404(Post.objects.published(), pk=post_id)
    form = CommentForm(request.POST, post=post)
    try:
        ensure_open(post)
    except Refused as refusal:
        return _hand_back(request, post, form, refusal)
    if not form.is_valid():
        return _hand_back(request, post, form, None)
    data = form.cleaned_data
    user = request.user if request.user.is_authenticated else None
    submission = Submission(
        post=post,
        name=data["name"],
        email=data["email"],
        url=data["url"],
        body=data["body"],
        signature=check_signature(data["security"], post.pk),
        honeypot=data["honeypot"],
        ip_hash=identity.ip_hash(request),
        browser_hash=identity.browser_hash(request, True),
        is_staff=bool(user and user.has_perm("comments.moderate_comment")),
    )
    try:
        comment, verdict = submit_comment(
            post=post,
            data=data,
            submission=submission,
            user=user,
            region=resources.region_for_request(request),
        )
    except Refused as refusal:
        return _hand_back(request, post, form, refusal)
    if verdict.silent_spam:
        # Bots learn nothing: the same redirect a person gets, without a pending preview.
        return redirect(post.get_absolute_url() + "#comments")
    identity.remember_own_comment(request, comment)
    level = comment.crisis_level
    request.session[NOTICE_KEY] = {"id": comment.pk, "status": comment.status, "level": level}
    if rank(level) >= rank(CrisisLevel.CRISIS):
        response = redirect("comments:after_submit", pk=comment.pk)
    else:
        response = redirect(f"{post.get_absolute_url()}#comment-{comment.pk}")
    if data["remember"]:
        value = json.dumps({k: data[k] for k in ("name", "email", "url")})
        response.set_signed_cookie(
            REMEMBER_COOKIE,
            value,
            salt=REMEMBER_SALT,
            max_age=365 * 86400,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    else:
        response.delete_cookie(REMEMBER_COOKIE)
    return response


def _own_editable_comment(request, pk):
    """The writer's own comment, if still within the edit window and unanswered."""
    written = identity.own_comment_time(request, pk)
    if not written or time.time() - written > settings.COMMENTS_EDIT_MINUTES * 60:
        raise Http404(gettext("This comment can no longer be changed from this browser."))
    comment = get_object_or_404(
        Comment.objects.select_related("post"),
        pk=pk,
        status__in=[Comment.Status.PENDING, Comment.Status.APPROVED],
    )
    if comment.replies.exclude(status=Comment.Status.SPAM).exists():
        raise Http404(
            gettext("Someone has replied to this comment, so it can no longer be changed.")
        )
    return comment


def edit_own_comment(request, pk):
    comment = _own_editable_comment(request, pk)
    form = EditOwnCommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            comment = transitions.edit(
                comment, body=form.cleaned_data["body"], actor_label="writer"
            )
            result = assess(comment.body)
            if rank(result.level) > comment.crisis_rank:
                Comment.objects.filter(pk=comment.pk).update(
                    crisis_level=result.level,
                    crisis_rank=rank(result.level),
                    crisis_matches=list(result.matches),
                    crisis_categories=list(result.categories),
                )
        messages.success(request, gettext("Your comment was updated."))
        return redirect(comment.get_absolute_url())
    return render(request, "comments/edit_own.html", {"comment": comment, "form": form})


def delete_own_comment(request, pk):
    comment = _own_editable_comment(request, pk)
    if request.method == "POST":
        transitions.remove(comment, actor_label="writer", note="deleted by its writer")
        messages.success(request, gettext("Your comment was deleted."))
        return redirect(comment.post.get_absolute_url() + "#comments")
    return render(request, "comments/delete_own.html", {"comment": comment})


def report_comment(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related("post"), pk=pk, status=Comment.Status.APPROVED
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        with transaction.atomic():
            Report.objects.create(
                comment=comment,
                reason=reason,
                note=form.cleaned_data["note"],
                ip_hash=identity.ip_hash(request),
            )
            updates = {"open_reports": comment.open_reports + 1}
            if reason == Report.Reason.WORRIED and comment.crisis_rank < rank(CrisisLevel.CRISIS):
                updates.update(
                    crisis_level=WORRIED_REPORT_LEVEL, crisis_rank=rank(WORRIED_REPORT_LEVEL)
                )
            Comment.objects.filter(pk=comment.pk).update(**updates)
            if reason == Report.Reason.WORRIED:
                comment.refresh_from_db()
                moderator_needed.send(sender=Comment, comment=comment)
        messages.success(request, gettext("Thank you. A moderator will look at this comment."))
        return redirect(comment.get_absolute_url())
    return render(request, "comments/report.html", {"comment": comment, "form": form})


def confirm_subscription(request, token):
    """Confirm on POST, so a mail scanner opening the link confirms nothing."""
    subscription = get_object_or_404(Subscription, token=token)
    if request.method == "POST":
        Subscription.objects.filter(pk=subscription.pk, confirmed_at=None).update(
            confirmed_at=timezone.now(), unsubscribed_at=None
        )
        messages.success(request, gettext("Thank you: you will get an email when someone replies."))
        return redirect(subscription.comment.post.get_absolute_url())
    return render(request, "comments/confirm_subscription.html", {"subscription": subscription})


def unsubscribe(request, token):
    """One click, from the email link or the List-Unsubscribe-Post header; idempotent."""
    subscription = get_object_or_404(Subscription, token=token)
    Subscription.objects.filter(pk=subscription.pk, unsubscribed_at=None).update(
        unsubscribed_at=timezone.now()
    )
    return render(request, "comments/unsubscribed.html", {"subscription": subscription})


def csrf_failure(request, reason=""):
    """An expired or missing CSRF token: never lose the writer's text."""
    post_id = getattr(request, "resolver_match", None) and request.resolver_match.kwargs.get(
        "post_id"
    )
    if request.method == "POST" and post_id:
        post = Post.objects.published().filter(pk=post_id).first()
        if post is not None:
            form = CommentForm(request.POST, post=post)
            refusal = Refused(
                "csrf",
                gettext(
                    "Your session expired before the comment was sent. Your "
                    "text is safe below: please press Post comment again."
                ),
                403,
            )
            form.is_valid()
            return _hand_back(request, post, form, refusal)
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


@never_cache
def after_submit(request, pk):
    """Shown right after a comment that reads as crisis or imminent, to its writer only."""
    if pk not in identity.own_comment_ids(request):
        raise Http404("No such page.")
    comment = get_object_or_404(
        Comment.objects.select_related("post").only(
            "id",
            "crisis_level",
            "crisis_categories",
            "post__id",
            "post__slug",
            "post__published_at",
        ),
        pk=pk,
    )
    region = resources.region_for_request(request)
    context = {
        "comment": comment,
        "post": comment.post,
        "imminent": comment.crisis_level == CrisisLevel.IMMINENT,
        "resources": resources.panel_resources(
            region,
            level=comment.crisis_level,
            categories=comment.crisis_categories,
            grouped=resources.grouped_for_request(request),
        ),
    }
    return render(request, "comments/after_submit.html", context)
