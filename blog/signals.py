"""Retire every stored reader page when what pages show changes (see pagecache.pages).

Posts, static pages, categories and tags, authors' names and the site settings appear on pages, so
any change to them bumps the content version, and the lists version with it.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from pagecache.pages import CONTENT_VERSION, LISTS_VERSION

from .models import Category, Image, Page, Post, SiteSettings, Tag

SHOWN_ON_PAGES = (Post, Page, Category, Tag, SiteSettings, get_user_model())


def content_changed(**kwargs):
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # a login changes nothing a reader sees
    CONTENT_VERSION.bump_now_and_on_commit()
    LISTS_VERSION.bump_now_and_on_commit()


for model in SHOWN_ON_PAGES:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"pages-save-{model.__name__}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"pages-del-{model.__name__}")


@receiver(m2m_changed, sender=Post.categories.through, dispatch_uid="pages-post-categories")
@receiver(m2m_changed, sender=Post.tags.through, dispatch_uid="pages-post-tags")
def post_links_changed(action, **kwargs):
    if action.startswith("post_"):
        content_changed()


@receiver(post_delete, sender=Image, dispatch_uid="images-delete-files")
def image_deleted(instance, **kwargs):
    instance.delete_files()
