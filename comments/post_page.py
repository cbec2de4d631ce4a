"""A post's page: the article (blog) with its comments, stored whole for readers with no session.

It lives here, not in blog, because blog must not know about comments. The URL keeps its name,
``blog:post`` (config/urls.py).
"""

import time

from django.conf import settings
from django.db.models import Q

from blog.models import Post
from blog.views import published_post, render_post
from pagecache import http, pages

from . import views as comment_views
from .forms import sign_form
from .tree import tree_version, tree_version_of


def post_detail(request, year, month, slug):
    """A post and its comments; for readers with no session, from pagecache."""
    past_last = comment_views.past_last_comment_page(request, Q(slug=slug))
    if past_last is not None:
        return past_last
    if pages.is_shared(request, params=("cpage",)):
        return _shared_post_page(request, slug)
    post = published_post(request, slug)
    if not isinstance(post, Post):
        return post  # the redirect to the right date
    context = {"post": post, **comment_views.comment_section_context(request, post)}
    return render_post(request, post, context)


# A post's address -> (its id, comments open), as last stored; a hint that lets one cache round
# trip read both the stored page and its comments. A wrong hint only costs a second read.
_POST_AT = {}


def _shared_post_page(request, slug):
    """The stored page with this request's comments and form stamp; 304 when nothing changed."""
    page = comment_views.comment_page_number(request)
    hint = _POST_AT.get(request.path) if settings.COMMENTS_TREE_CACHE else None
    key, tree = pages.page_key(request, also=[tree_version_of(hint[0])] if hint else [])
    comments_key = comment_views.comments_key(hint[0], tree[0], page, hint[1]) if hint else None
    entry, found = pages.fetch(key, *filter(None, [comments_key]))
    if entry is None:
        post = published_post(request, slug)
        if not isinstance(post, Post):
            return post
        context = {"post": post, **comment_views.shared_section_context(post)}
        response = render_post(request, post, context)
        entry = pages.store(key, response, post_id=post.pk, comments_open=post.comments_open)
    post_id, comments_open = entry["post_id"], entry["comments_open"]
    _POST_AT[request.path] = (post_id, comments_open)
    hinted = hint == (post_id, comments_open)
    version = tree[0] if hinted else tree_version(post_id)
    checked = pages.validators(request, entry, *_changing_parts(version))
    answer = http.not_modified(request, checked)
    if answer is not None:
        return answer
    read = (version, found) if hinted else (version, None)
    comments = comment_views.rendered_comments(request, post_id, comments_open, page, read=read)
    return pages.respond(request, entry, checked, comments=comments, security=sign_form(post_id))


def _changing_parts(tree_version):
    """(parts, times) a stored post page changes with besides itself: its comments and stamp.

    The form's signed stamp is good for COMMENTS_FORM_MAX_AGE: a copy is current for half of
    that at most, so a browser's kept page never carries an expired form.
    """
    period = max(1, settings.COMMENTS_FORM_MAX_AGE // 2)
    epoch = int(time.time()) // period
    return [tree_version, epoch], [http.time_of(tree_version), epoch * period]
