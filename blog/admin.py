from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path

from .forms import PostAdminForm
from .markdown import render_markdown
from .models import Category, Post, SiteSettings, Tag


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    form = PostAdminForm
    list_display = ["title", "status", "published_at", "comments_open", "sensitive_topics"]
    list_filter = ["status", "categories", "comments_open", "sensitive_topics"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    filter_horizontal = ["categories", "tags"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body_markdown", "body", "excerpt", "author"]}),
        ("Publishing", {"fields": ["status", "published_at", "categories", "tags"]}),
        ("Comments", {"fields": ["comments_open", "sensitive_topics"]}),
    ]

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk}

    def get_urls(self):
        preview = self.admin_site.admin_view(self.markdown_preview)
        return [
            path("markdown-preview/", preview, name="blog_post_markdown_preview"),
            *super().get_urls(),
        ]

    def markdown_preview(self, request):
        """The sanitised HTML for posted Markdown: for staff who may write posts, POST only.

        admin_view() sends anyone else to the log-in page and checks the CSRF token.
        """
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        return JsonResponse({"html": render_markdown(request.POST.get("markdown", ""))})


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list jumps straight to it, and it can't be added twice or deleted."""

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        from django.shortcuts import redirect

        obj = SiteSettings.load()
        return redirect("admin:blog_sitesettings_change", obj.pk)
