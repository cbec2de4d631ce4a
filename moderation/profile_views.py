"""A moderator's own profile: the display name their replies are signed with."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import ProfileForm
from .models import ModeratorProfile, display_name
from .views import moderator_required


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
