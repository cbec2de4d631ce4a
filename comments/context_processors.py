"""Per-page context: support resources for the footer, queue counts for moderators."""

from .queue import header_counts
from .resources import footer_context


def support(request):
    return footer_context(request)


def moderation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("comments.moderate_comment"):
        return {}
    return {"moderation_counts": header_counts()}
