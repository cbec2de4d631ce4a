"""The privacy page and the emailed link that lets a commenter download or erase their data.

Asking never reveals whether an address has comments here: the answer is always the same,
and the link goes only to the mailbox that owns the address (double opt-in).
"""

import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from comments import identity, ratelimit
from comments.notifications import absolute, queue_email

from . import personal_data as privacy

REQUEST_RATE = "5/1h"
EMAIL_SUBJECT = gettext_lazy("Your request about your comments")


class PrivacyRequestForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your email address"), max_length=254)


def retention_context():
    return {
        "ip_days": settings.COMMENTS_IP_RETENTION_DAYS,
        "email_days": settings.COMMENTS_EMAIL_RETENTION_DAYS,
        "edit_minutes": settings.COMMENTS_EDIT_MINUTES,
    }


@require_http_methods(["GET", "POST"])
def privacy_page(request):
    """What we store and for how long; the form that sends a download/erase link."""
    form = PrivacyRequestForm(request.POST or None)
    context = {"form": form, **retention_context()}
    if request.method == "POST" and form.is_valid():
        if not ratelimit.hit("privacy", identity.ip_hash(request), REQUEST_RATE):
            context["rate_limited"] = True
            return render(request, "privacy/privacy.html", context, status=429)
        send_link(form.cleaned_data["email"])
        return redirect(reverse("comments:privacy_sent"))
    return render(request, "privacy/privacy.html", context)


def send_link(email):
    """Email the link only if we hold something under ``email``; the page says the same."""
    if not privacy.has_data(email):
        return None
    link = absolute(reverse("comments:privacy_confirm", args=[privacy.make_token(email)]))
    body = gettext(
        "Someone (we hope you) asked to see or erase the comments written under this email "
        "address.\n\n"
        "Open this link to choose what to do: %(link)s\n\n"
        "The link works for 24 hours. Nothing happens until you press a button on that page.\n"
        "If this wasn't you, ignore this email: nothing will change.\n"
    ) % {"link": link}
    return queue_email(kind="privacy", to=[email], subject=str(EMAIL_SUBJECT), body=body)


def privacy_sent(request):
    return render(request, "privacy/privacy_sent.html")


@never_cache
@require_http_methods(["GET", "POST"])
def privacy_confirm(request, token):
    """GET shows the choices; POST downloads, asks to confirm erasure, or erases."""
    email = privacy.read_token(token)
    if email is None:
        return render(request, "privacy/privacy_invalid.html", status=400)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "download":
        return download(email)
    if action == "erase_confirmed":
        erased = privacy.erase_comments(email)
        done = ngettext(
            "Done: %(count)s comment erased. Replies from others stay as they were.",
            "Done: %(count)s comments erased. Replies from others stay as they were.",
            erased,
        )
        messages.success(request, done % {"count": erased})
        return redirect(reverse("comments:privacy"))
    count = privacy.comments_of(email).count()
    template = "privacy_erase.html" if action == "erase" else "privacy_confirm.html"
    return render(request, f"privacy/{template}", {"count": count, "token": token})


def download(email):
    data = json.dumps(privacy.export_data(email), indent=2, ensure_ascii=False)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-comments.json"'
    return response
