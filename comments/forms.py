"""The "Leave a Reply" form and the reader's report form.

The anti-spoofing fields follow django-contrib-comments: a signed timestamp bound to the post (too
fast, forged or stale is caught), and a honeypot that people never see.
"""

import time
from functools import lru_cache

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext, gettext_lazy

from .models import Report

SIGNING_SALT = "haven.comments.form"
BODY_MIN, BODY_MAX = 2, 10_000


def sign_form(post_id, now=None):
    return _signed(post_id, int(now if now is not None else time.time()), settings.SECRET_KEY)


@lru_cache(maxsize=256)
def _signed(post_id, second, secret_key):
    """The same value for the same post and second, so a busy page signs once a second."""
    return signing.dumps({"p": post_id, "t": second}, key=secret_key, salt=SIGNING_SALT)


def check_signature(value, post_id, now=None):
    """'ok', 'forged', 'too_fast' or 'stale' for a submitted security field."""
    now = now if now is not None else time.time()
    try:
        data = signing.loads(value or "", salt=SIGNING_SALT)
    except signing.BadSignature:
        return "forged"
    if not isinstance(data, dict) or data.get("p") != post_id or not isinstance(data.get("t"), int):
        return "forged"
    age = now - data["t"]
    if age < settings.COMMENTS_MIN_SECONDS:
        return "too_fast"
    if age > settings.COMMENTS_FORM_MAX_AGE:
        return "stale"
    return "ok"


class CommentForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Comment"),
        min_length=BODY_MIN,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": BODY_MAX}),
        error_messages={
            "required": gettext_lazy("Please write your comment."),
            "min_length": gettext_lazy("Your comment needs at least %(limit_value)d characters."),
            "max_length": gettext_lazy(
                "Comments can be up to %(limit_value)d characters; this one has "
                "%(show_value)d. Your text is still here: shorten it, or split it in two."
            ),
        },
    )
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=50,
        help_text=gettext_lazy("A first name, an initial or a pseudonym is fine."),
        error_messages={
            "required": gettext_lazy("Please give a name; a first name or an initial is fine.")
        },
    )
    email = forms.EmailField(
        label=gettext_lazy("Email"),
        required=False,
        help_text=gettext_lazy("Optional. Never published."),
    )
    url = forms.URLField(
        label=gettext_lazy("Website"), required=False, max_length=200, assume_scheme="https"
    )
    content_note = forms.BooleanField(
        label=gettext_lazy(
            "This comment talks about something distressing (readers will see a note first)"
        ),
        required=False,
    )
    notify = forms.BooleanField(label=gettext_lazy("Email me when someone replies"), required=False)
    remember = forms.BooleanField(
        label=gettext_lazy(
            "Save my name, email and website in this browser for the next time I comment"
        ),
        required=False,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    security = forms.CharField(required=False, widget=forms.HiddenInput)
    honeypot = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this field empty"),
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, post=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post
        if not self.is_bound and post is not None:
            self.initial.setdefault("security", sign_form(post.pk))

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(
                gettext("Please give a name; a first name or an initial is fine.")
            )
        return name

    def clean(self):
        data = super().clean()
        if data.get("notify") and not data.get("email"):
            self.add_error(
                "email", gettext("To be told of replies, give an email address (never shown).")
            )
        return data

    def fresh_security(self):
        """A new signed timestamp, for a form handed back to its writer."""
        return sign_form(self.post.pk)


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("What is wrong?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Anything to add (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EditOwnCommentForm(forms.Form):
    body = CommentForm.base_fields["body"]
