"""The home page lists topics and the archive by month, cached without costing a query.

blog.directory builds both with one query, kept under the content version until the next
scheduled post appears; the stored home page lasts exactly as long.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from blog.directory import directory
from blog.models import Category, Post

from .factories import CategoryFactory, PostFactory

pytestmark = pytest.mark.django_db


def _post(days_ago, *categories, **fields):
    post = PostFactory(published_at=timezone.now() - timedelta(days=days_ago), **fields)
    post.categories.add(*categories)
    return post


def test_home_lists_topics_with_their_post_counts_and_the_months_of_the_archive(client):
    grief, care = CategoryFactory(name="Grief", slug="grief"), CategoryFactory(name="Self-care")
    first = _post(1, grief, care)
    second = _post(40, grief)
    html = client.get("/").content.decode()
    assert 'href="/category/grief/">Grief</a> <span class="meta">2 posts</span>' in html
    care_link = f'href="{care.get_absolute_url()}">Self-care</a>'
    assert f'{care_link} <span class="meta">1 post</span>' in html
    for post in (first, second):
        local = timezone.localtime(post.published_at)
        assert f'href="/{local:%Y}/{local:%m}/"' in html
        assert f'<time datetime="{local:%Y-%m}">{local:%B}</time>' in html


def test_drafts_and_empty_categories_are_not_listed(client):
    CategoryFactory(name="Nothing yet")
    hidden = CategoryFactory(name="Only drafts")
    _post(1, hidden, status=Post.Status.DRAFT)
    html = client.get("/").content.decode()
    assert "Nothing yet" not in html and "Only drafts" not in html


def test_a_scheduled_post_appears_in_topics_and_archive_when_its_time_comes(client, monkeypatch):
    topic = CategoryFactory(name="Later topic")
    soon = timezone.now() + timedelta(days=40)
    _post(-40, topic, status=Post.Status.PUBLISHED)  # saved as scheduled
    reader = Client()
    assert "Later topic" not in reader.get("/").content.decode()  # stored until `soon`
    assert directory()["valid_until"] is not None
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(days=41))
    html = reader.get("/").content.decode()
    assert "Later topic" in html and f'href="/{soon:%Y}/{soon:%m}/"' in html


def test_a_new_category_shows_on_the_stored_home_page_at_once():
    post = _post(1)
    reader = Client()
    reader.get("/")
    post.categories.add(Category.objects.create(name="New topic", slug="new-topic"))
    assert "New topic" in reader.get("/").content.decode()


def test_the_directory_costs_no_query_once_kept(client, django_assert_max_num_queries):
    _post(1, CategoryFactory())
    directory()
    with django_assert_max_num_queries(0):
        assert directory()["topics"]


def test_home_rendered_anew_keeps_its_query_budget(client, django_assert_max_num_queries):
    for days in range(12):
        _post(days * 20, CategoryFactory(name=f"Topic {days}"))
    client.get("/")
    _post(1)  # the content changed: the page and its directory are built again
    with django_assert_max_num_queries(3):  # count, the page of posts, the directory
        assert "Topic 11" in client.get("/").content.decode()


def test_category_pages_show_the_directory_with_the_current_topic_marked(client):
    grief = CategoryFactory(name="Grief", slug="grief")
    _post(1, grief)
    html = client.get("/category/grief/").content.decode()
    assert 'href="/category/grief/" aria-current="page">Grief</a>' in html
