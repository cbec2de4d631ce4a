"""Reader-side comment views. Thin: rules live in policy/posting, state changes in moderation."""

import json
import math
import time

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from blog.models import Post
from blog.params import id_param
from pagecache import pages
from pagecache.http import PRIVATE
from pagecache.versions import versioned
from support import resources
from support.resources import resources_version
from support.views import help_for_text
from support.writer_help import writer_help

from . import drafts, identity, posting, reports, transitions
from .forms import CommentForm, EditOwnCommentForm, ReportForm, check_signature
from .models import Comment, Report, Subscription
from .policy import Refused, Submission, ensure_open
from .posting import submit_comment
from .tree import comment_url, load_tree_page, tree_version

REMEMBER_COOKIE = "haven_commenter"
REMEMBER_SALT = "haven.commenter"
NOTICE_KEY = "comment_notice"
CONFIRMATION_KEY = "comment_confirmation"  # after a reader reports, or deletes their own
CONFIRMATION_ID = "comment-confirmation"


def _remembered(request):
    raw = request.get_signed_cookie(REMEMBER_COOKIE, default=None, salt=REMEMBER_SALT)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return {k: v for k, v in data.items() if k in ("name", "email", "url")}


def comment_page_number(request):
    """The page of comments asked for (``?cpage=``): 1 when absent, 404 unless a number from 1."""
    if not request.META.get("QUERY_STRING"):
        return 1  # most readers: no query to parse
    raw = request.GET.get("cpage")
    if raw is None:
        return 1
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 1000) or int(raw) < 1:
        raise Http404("No such page of comments.")
    return int(raw)


def past_last_comment_page(request, post_filter):
    """A redirect to the last page of comments when ``?cpage=`` is beyond it, else None.

    Nothing is rendered or stored for a page that does not exist, so counting up cpage cannot
    fill the cache. A browser with its own pending comments may see one more page: left alone.
    """
    page = comment_page_number(request)
    if page == 1 or identity.own_comment_ids(request):
        return None
    threads = (
        Post.objects.published()
        .filter(post_filter)
        .values_list("comment_thread_count", flat=True)
        .first()
    )
    if threads is None:
        return None  # no such post: the view answers 404
    last = max(1, math.ceil(threads / settings.COMMENTS_THREADS_PER_PAGE))
    if page <= last:
        return None
    query = request.GET.copy()
    if last > 1:
        query["cpage"] = str(last)
    else:
        query.pop("cpage")
    return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)


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
    if id_param(parent_id):
        reply_to = (
            Comment.objects.filter(
                pk=id_param(parent_id), post=post, status=Comment.Status.APPROVED
            )
            .only("pk", "author_name")
            .first()
        )
    if form is None:
        form = CommentForm(post=post, initial={**_remembered(request), "parent": parent_id})
    session = getattr(request, "session", {})
    notice = session.pop(NOTICE_KEY, None)
    if notice:
        notice["help"] = _notice_help(request, notice)
    confirmation = session.pop(CONFIRMATION_KEY, None)
    return {
        "comment_block": mark_safe(block),  # every typed value is escaped by render_tree
        **_form_context(form),
        "reply_to": reply_to,
        "refusal": refusal,
        "comment_notice": notice,
        "comment_confirmation": confirmation,
    }


def _notice_help(request, notice):
    """The help under the "thank you" notice, from the detector's results kept in the session."""
    return writer_help(
        request,
        level=notice.get("level"),
        language=notice.get("language", ""),
        assessed=notice.get("assessed", True),
        about_other=notice.get("about_other", False),
    )


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
    if form.is_bound and not (refusal and refusal.kind == "too_fast"):
        # Too fast keeps its genuine stamp: the wait counts from when the form was first shown.
        form.data = form.data.copy()
        form.data["security"] = form.fresh_security()
    context = {
        "post": post,
        **comment_section_context(request, post, form, refusal),
        "crisis_help": help_for_text(request, form.data.get("body")),
    }
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
    token = identity.browser_token(request)
    submission = Submission(
        post=post,
        name=data["name"],
        email=data["email"],
        url=data["url"],
        body=data["body"],
        signature=check_signature(data["security"], post.pk),
        honeypot=data["honeypot"],
        ip_hash=identity.ip_hash(request),
        browser_hash=identity.browser_hash(request, token=token),
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
        if refusal.silent:
            return redirect(post.get_absolute_url() + "#comments")
        return _hand_back(request, post, form, refusal)
    if verdict.silent_spam:
        # Bots learn nothing: the same redirect a person gets, without a pending preview.
        return redirect(post.get_absolute_url() + "#comments")
    identity.keep_browser_token(request, token)
    identity.remember_own_comment(request, comment)
    request.session[NOTICE_KEY] = {
        "id": comment.pk,
        "status": comment.status,
        "level": comment.crisis_level,
        "language": comment.crisis_language,
        "assessed": comment.crisis_assessed,
        "about_other": comment.crisis_about_other,
    }
    if posting.shows_crisis_panel(verdict):
        response = redirect("comments:after_submit", pk=comment.pk)
    else:
        response = redirect(_stored_comment_url(request, comment))
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


def _stored_comment_url(request, comment):
    """Where the writer sees the comment just stored; never an error page once it is stored.

    The page number is one more query, after the commit: should the database go away just
    then, the comment is saved all the same, so the writer goes to its anchor on page 1.
    """
    try:
        return comment_url(comment, identity.own_comment_ids(request))
    except DatabaseError:
        return f"{comment.post.get_absolute_url()}#comment-{comment.pk}"


def _own_editable_comment(request, pk):
    """The writer's own comment, if still within the edit window and unanswered."""
    written = identity.own_comment_time(request, pk)
    if not written or time.time() - written > settings.COMMENTS_EDIT_MINUTES * 60:
        raise Http404(_("This comment can no longer be changed from this browser."))
    comment = get_object_or_404(
        Comment.objects.select_related("post"),
        pk=pk,
        status__in=[Comment.Status.PENDING, Comment.Status.APPROVED],
    )
    if comment.replies.exclude(status=Comment.Status.SPAM).exists():
        raise Http404(_("Someone has replied to this comment, so it can no longer be changed."))
    return comment


def edit_own_comment(request, pk):
    comment = _own_editable_comment(request, pk)
    proposal = comment.pending_body or comment.body
    form = EditOwnCommentForm(request.POST or None, initial={"body": proposal})
    if request.method == "POST" and form.is_valid():
        comment, verdict = posting.edit_own_comment(
            comment, body=form.cleaned_data["body"], browser_hash=identity.browser_hash(request)
        )
        if posting.shows_crisis_panel(verdict):
            return redirect("comments:after_submit", pk=comment.pk)  # as for a new comment
        if comment.pending_body:
            messages.info(
                request,
                _(
                    "Your edit was saved. A moderator will read it before it replaces your "
                    "comment; until then, readers see your comment as it was."
                ),
            )
        else:
            messages.success(request, _("Your comment was updated."))
        return redirect(comment_url(comment, identity.own_comment_ids(request)))
    context = {"comment": comment, "form": form, "edit_waiting": bool(comment.pending_body)}
    if form.is_bound:
        context["crisis_help"] = help_for_text(request, form.data.get("body"))
    return render(request, "comments/edit_own.html", context)


def delete_own_comment(request, pk):
    comment = _own_editable_comment(request, pk)
    if request.method == "POST":
        transitions.delete_by_writer(comment)
        return _confirm(request, comment, "deleted")
    return render(request, "comments/delete_own.html", {"comment": comment})


def report_comment(request, pk):
    comment = get_object_or_404(
        Comment.objects.select_related("post"), pk=pk, status=Comment.Status.APPROVED
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        filed = reports.file_report(
            comment,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            ip_hash=identity.ip_hash(request),
        )
        if filed == reports.Filed.RATE_LIMITED:
            context = {"comment": comment, "form": form, "rate_limited": True}
            return render(request, "comments/report.html", context, status=429)
        if filed == reports.Filed.ALREADY_REPORTED:
            messages.info(
                request,
                _(
                    "You have already reported this comment, thank you. A moderator will look "
                    "at it; there is no need to report it again."
                ),
            )
            return redirect(comment_url(comment, identity.own_comment_ids(request)))
        worried = form.cleaned_data["reason"] == Report.Reason.WORRIED
        return _confirm(request, comment, "worried" if worried else "reported")
    return render(request, "comments/report.html", {"comment": comment, "form": form})


def _confirm(request, comment, kind):
    """Back to the page that shows the comment, the confirmation at the top of its comments.

    The address's fragment names the confirmation, so it is in view without JavaScript; with
    it, site.js moves focus there (data-focus-on-load).
    """
    request.session[CONFIRMATION_KEY] = {"kind": kind, "comment": comment.pk}
    url = comment_url(comment, identity.own_comment_ids(request)).partition("#")[0]
    return redirect(f"{url}#{CONFIRMATION_ID}")


def confirm_subscription(request, token):
    """Confirm on POST, so a mail scanner opening the link confirms nothing."""
    subscription = get_object_or_404(Subscription, token=token)
    if request.method == "POST":
        Subscription.objects.filter(pk=subscription.pk, confirmed_at=None).update(
            confirmed_at=timezone.now(), unsubscribed_at=None
        )
        messages.success(request, _("Thank you: you will get an email when someone replies."))
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
    """An expired or missing CSRF token: the writer's text back, to their own browser only.

    A POST from another site, or without this browser's draft token, gets the plain page: its
    text is never put into a reader's form (drafts.is_own_draft).
    """
    post_id = getattr(request, "resolver_match", None) and request.resolver_match.kwargs.get(
        "post_id"
    )
    if request.method == "POST" and post_id and drafts.is_own_draft(request):
        post = Post.objects.published().filter(pk=post_id).first()
        if post is not None:
            form = CommentForm(request.POST, post=post)
            refusal = Refused("csrf", _csrf_refusal_message(request), 403)
            form.is_valid()
            return _hand_back(request, post, form, refusal)
    # Help for a crisis text shows even here; the text itself is never put back on this page.
    text = request.POST.get("body") if request.method == "POST" else None
    context = {"reason": reason, "crisis_help": help_for_text(request, text)}
    return render(request, "403_csrf.html", context, status=403)


def _csrf_refusal_message(request):
    had_token = request.POST.get("csrfmiddlewaretoken") or request.COOKIES.get(
        settings.CSRF_COOKIE_NAME
    )
    if not had_token:
        # A page kept by a cache carries no token; without JavaScript nothing fetched one.
        return _(
            "One more step to keep this form safe: your comment has not been sent yet. Your "
            "text is safe below: please press Post comment again."
        )
    return _(
        "Your session expired before the comment was sent. Your text is safe below: please "
        "press Post comment again."
    )


@require_safe
def csrf_token(request):
    """The CSRF token, and its cookie, for a form on a page kept by caches (which has none).

    comments.js asks for it when the reader starts writing, so reading a page sets no cookie.
    """
    response = JsonResponse({"token": get_token(request)})
    response["Cache-Control"] = PRIVATE
    return response


@never_cache
def after_submit(request, pk):
    """Shown right after a comment that reads as crisis or imminent, to its writer only."""
    if pk not in identity.own_comment_ids(request):
        raise Http404("No such page.")
    comment = get_object_or_404(
        Comment.objects.select_related("post").only(
            "id",
            "root_id",
            "post_id",
            "crisis_level",
            "crisis_categories",
            "crisis_language",
            "crisis_assessed",
            "crisis_about_other",
            "post__id",
            "post__slug",
            "post__published_at",
        ),
        pk=pk,
    )
    context = {
        "comment": comment,
        "post": comment.post,
        "comment_url": comment_url(comment, identity.own_comment_ids(request)),
        "help": writer_help(
            request,
            level=comment.crisis_level,
            categories=comment.crisis_categories,
            language=comment.crisis_language,
            assessed=comment.crisis_assessed,
            about_other=comment.crisis_about_other,
        ),
    }
    return render(request, "comments/after_submit.html", context)
