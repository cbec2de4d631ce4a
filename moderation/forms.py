"""The forms of the moderation queue: reply, edit, bulk actions, content note, profile."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comments import moderator_actions
from comments.forms import BODY_MAX
from comments.models import CONTENT_NOTE_MAX

from .models import ModeratorProfile

BULK_LIMIT = 100


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your reply"),
        min_length=2,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": gettext_lazy("Write a reply first: nothing was changed."),
            "min_length": gettext_lazy("Write a reply first: nothing was changed."),
        },
    )


class EditForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Comment text"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": gettext_lazy("The text cannot be empty. To hide a comment, remove it.")
        },
    )
    note = forms.CharField(
        label=gettext_lazy("Why (kept in the audit log, optional)"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("For example: took out method detail."),
    )


class BulkForm(forms.Form):
    """The bulk bar. Its button is ``bulk_action``: a control named ``action`` (or ``submit``,
    ``method``) would shadow the form's own property of that name in the page's script."""

    ids = forms.TypedMultipleChoiceField(coerce=int, choices=(), required=True)
    bulk_action = forms.ChoiceField(
        choices=[(name, name) for name in moderator_actions.TRANSITIONS],
        error_messages={"required": gettext_lazy("Choose what to do with the selected comments.")},
    )

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        raw = data.getlist("ids") if hasattr(data, "getlist") else []
        self.fields["ids"].choices = [(v, v) for v in raw if str(v).isdigit()][:BULK_LIMIT]
        self.fields["ids"].error_messages["required"] = _("Select at least one comment first.")


class ContentNoteForm(forms.Form):
    content_note = forms.CharField(
        label=gettext_lazy("Content note"),
        required=False,
        max_length=CONTENT_NOTE_MAX,
        help_text=gettext_lazy(
            "Readers see this first and open the comment if they choose, for example "
            "“mentions self-harm”. Leave it empty for no note."
        ),
        error_messages={
            "max_length": gettext_lazy(
                "Keep the content note to %(limit_value)d characters (it has %(show_value)d)."
            )
        },
    )

    def clean_content_note(self):
        return " ".join(self.cleaned_data["content_note"].split())


class ProfileForm(forms.ModelForm):
    """A moderator's display name; the command-line tool validates with this same form."""

    class Meta:
        model = ModeratorProfile
        fields = ["display_name"]
        error_messages = {
            "display_name": {
                "required": gettext_lazy("Give the name readers will see on your replies."),
                "max_length": gettext_lazy(
                    "Keep the display name to %(limit_value)d characters (it has %(show_value)d)."
                ),
            }
        }
