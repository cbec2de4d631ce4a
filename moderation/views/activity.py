"""A moderator's own pages: the audit log of who did what, and the name replies are signed with."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from blog.params import id_param

from .. import labels, queue
from ..forms import ProfileForm
from ..models import ModeratorProfile, display_name
from .answers import moderator_required


@moderator_required
def activity(request):
    """Who did what, when: the audit log, filterable by moderator."""
    actor_id = id_param(request.GET.get("actor"))
    page = Paginator(queue.activity(actor_id=actor_id), queue.PER_PAGE).get_page(
        request.GET.get("page")
    )
    for event in page.object_list:
        event.note_text = labels.note_label(event.note)
        event.actor_text = labels.actor_label(event.actor_label)
    context = {"page": page, "actors": queue.event_actors(), "actor_id": actor_id}
    return render(request, "moderation/activity.html", context)


@moderator_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    instance = ModeratorProfile.objects.filter(user=user).first() or ModeratorProfile(
        user=user, display_name=display_name(user)
    )
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        name = form.cleaned_data["display_name"]
        message = _("Saved: your replies are now signed “%(name)s”.") % {"name": name}
        messages.success(request, message)
        return redirect("moderation:profile")
    status = 400 if form.errors else 200
    return render(request, "moderation/profile.html", {"form": form}, status=status)
