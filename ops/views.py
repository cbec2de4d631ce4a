"""Operations endpoints: /readyz says whether this instance can do its work right now."""

from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .readiness import run_checks


@require_safe
@cache_control(no_store=True)
def readyz(request):
    """200 when every check passes, 503 otherwise; the body lists each check."""
    checks = run_checks()
    ready = all(check["ok"] for check in checks.values())
    return JsonResponse({"ready": ready, "checks": checks}, status=200 if ready else 503)
