"""Values every page needs: the owner's site settings."""

from .models import SiteSettings


def site(request):
    return {"site": SiteSettings.load()}
