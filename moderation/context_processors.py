"""Per-page context: the queue's counts in the header, for moderators."""

from .queue import header_counts


def moderation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("comments.moderate_comment"):
        return {}
    return {"moderation_counts": header_counts()}
