from django.contrib import admin

from .models import Category, Page, Post, SiteSettings, Tag


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "comments_open", "sensitive_topics"]
    list_filter = ["status", "categories", "comments_open", "sensitive_topics"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    filter_horizontal = ["categories", "tags"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body", "excerpt", "author"]}),
        ("Publishing", {"fields": ["status", "published_at", "categories", "tags"]}),
        ("Comments", {"fields": ["comments_open", "sensitive_topics"]}),
    ]

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk}


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
