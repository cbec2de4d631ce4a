"""The comment admin's privacy actions: erase or download everything by the selected writers.

Added to comments' CommentAdmin here, as comments must not import privacy.
"""

from django.contrib import admin, messages
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy

from comments.admin import CommentAdmin
from comments.models import Comment

from .personal_data import erase_comments, export_data


class PrivacyCommentAdmin(CommentAdmin):
    actions = [*CommentAdmin.actions, "erase_writers", "download_writer_data"]

    @admin.action(
        description=gettext_lazy("Erase all comments by these writers' emails (privacy)"),
        permissions=["moderate"],
    )
    def erase_writers(self, request, queryset):
        """Erasure cannot be undone, so it asks once more before it runs."""
        emails = sorted({c.author_email.lower() for c in queryset if c.author_email})
        if not emails:
            self.message_user(
                request,
                gettext("None of these comments has an email address to erase by."),
                messages.WARNING,
            )
            return None
        if request.POST.get("confirm") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "title": gettext("Erase these writers' comments?"),
                "emails": emails,
                "queryset": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "privacy/admin_erase_confirm.html", context)
        erased = sum(erase_comments(email, actor=request.user) for email in emails)
        self.message_user(
            request,
            gettext("Erased %(comments)s comment(s) by %(writers)s writer(s).")
            % {"comments": erased, "writers": len(emails)},
            messages.SUCCESS,
        )
        return None

    @admin.action(
        description=gettext_lazy("Download all data of these writers' emails (privacy)"),
        permissions=["moderate"],
    )
    def download_writer_data(self, request, queryset):
        emails = sorted({c.author_email.lower() for c in queryset if c.author_email})
        response = JsonResponse(
            {"writers": [export_data(email) for email in emails]}, json_dumps_params={"indent": 2}
        )
        response["Content-Disposition"] = 'attachment; filename="writer-data.json"'
        return response


admin.site.unregister(Comment)
admin.site.register(Comment, PrivacyCommentAdmin)
