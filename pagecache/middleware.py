"""Who may keep a copy of a response: ``private, no-store`` for anything one person's own."""

from django.conf import settings

from .http import PRIVATE, SAFE_METHODS
from .pages import shared_cookies


def _is_private(request, response):
    if request.method not in SAFE_METHODS or response.cookies:
        return True
    if request.path.startswith(tuple(settings.HTTP_PRIVATE_PATHS)):
        return True
    varies_on_cookie = "cookie" in response.get("Vary", "").lower()
    return varies_on_cookie and not set(request.COOKIES) <= shared_cookies()


class PrivateResponsesMiddleware:
    """``Cache-Control: private, no-store`` for any response that may be one person's own.

    That is: the answer to a POST (a form handed back, a confirmation), a response that sets a
    cookie, the staff and privacy pages (HTTP_PRIVATE_PATHS), and a page that depends on
    cookies read with one a stranger would not have (a session: a writer's own pending
    comment, a message). It sits above the session and CSRF middleware, so it sees every
    cookie they set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "no-store" in response.get("Cache-Control", ""):
            return response
        if _is_private(request, response):
            response["Cache-Control"] = PRIVATE
            for header in ("ETag", "Last-Modified", "Expires"):
                if header in response:
                    del response[header]
        return response
