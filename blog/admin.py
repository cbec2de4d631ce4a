from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .forms import ImageAdminForm, PostAdminForm
from .images import image_tag_for
from .markdown import render_markdown
from .models import Category, Image, Page, Post, SiteSettings, Tag


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


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    """Upload a picture (alt text required); its page shows what to paste into a post."""

    form = ImageAdminForm
    list_display = ["thumbnail", "alt_text", "caption", "dimensions", "uploaded_at"]
    search_fields = ["alt_text", "caption"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["file", "alt_text", "caption"]
        return ["shown", "alt_text", "caption", "markdown_snippet", "html_snippet", "dimensions"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["shown", "markdown_snippet", "html_snippet", "dimensions"]

    @admin.display(description=_("Picture"))
    def thumbnail(self, obj):
        return format_html('<img src="{}" alt="" width="80">', obj.smallest_url)

    @admin.display(description=_("Picture (stored upright, without its metadata)"))
    def shown(self, obj):
        return format_html('<img src="{}" alt="{}" width="320">', obj.smallest_url, obj.alt_text)

    @admin.display(description=_("Size"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}"

    @admin.display(description=_("Markdown to paste into a post"))
    def markdown_snippet(self, obj):
        return format_html('<code class="image-snippet">{}</code>', obj.markdown)

    @admin.display(description=_("HTML to paste into a post written in HTML"))
    def html_snippet(self, obj):
        return format_html(
            '<code class="image-snippet">{}</code>', image_tag_for(obj, obj.alt_text)
        )


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "published", "show_in_nav", "order"]
    list_editable = ["published", "show_in_nav", "order"]
    list_filter = ["published", "show_in_nav"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "body", "published", "show_in_nav", "order"]


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
