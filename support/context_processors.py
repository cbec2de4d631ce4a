"""Per-page context: the reader's support lines for every page's footer."""

from .resources import footer_context


def support(request):
    return footer_context(request)
