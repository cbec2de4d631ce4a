"""Logging in, and logging out of every session at once."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..sessions import end_all_sessions


class LoginView(auth_views.LoginView):
    """Django's log-in, minus the ``site`` it puts in the context.

    Auth's view sets ``site`` to a RequestSite, hiding the owner's SiteSettings that base.html
    reads (and a filter argument that does not resolve breaks the page).
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.pop("site", None)
        context.pop("site_name", None)
        return context


@require_POST
@login_required
def logout_everywhere(request):
    """End every session of this user, this one included (a stolen cookie ends with it)."""
    ended = end_all_sessions(request.user)
    logout(request)
    messages.info(
        request,
        ngettext(
            "You were logged out of %(count)d session.",
            "You were logged out of all %(count)d sessions.",
            ended,
        )
        % {"count": ended},
    )
    return redirect("login")
