"""Static pages (About, Contact, how the practice works): their model, address, nav and import.

A Page lives at /pages/<slug>/ (no clash with posts at /<year>/<month>/<slug>/ or any other
address), its body is sanitised like a post's, published pages marked "show in navigation"
are linked from every page's header, and WordPress ``page`` items are imported as Pages.
"""

import pytest
from django.test import Client
from django.urls import reverse

from blog.models import Page, SiteSettings
from transfer.demo.loader import load_demo
from transfer.importers.wxr import import_wxr

from .test_import_wxr import FULL

pytestmark = pytest.mark.django_db


def _page(**fields):
    values = {"title": "About", "slug": "about", "body": "<p>Who I am.</p>", "published": True}
    return Page.objects.create(**{**values, **fields})


def test_a_published_page_lives_at_pages_slug(client):
    page = _page()
    assert page.get_absolute_url() == "/pages/about/"
    html = client.get("/pages/about/").content.decode()
    assert "<h1>About</h1>" in html and "<p>Who I am.</p>" in html


def test_an_unpublished_or_unknown_page_is_not_found(client):
    _page(published=False)
    assert client.get("/pages/about/").status_code == 404
    assert client.get("/pages/nothing-here/").status_code == 404


def test_page_body_is_sanitised_like_a_post(client):
    page = _page(body='<p onclick="x()">Hi</p><script>alert(1)</script>')
    assert "script" not in page.body and "onclick" not in page.body


def test_pages_do_not_take_the_addresses_of_other_pages(client, post):
    _page(title="Support", slug="support")
    assert client.get(reverse("comments:support")).status_code == 200
    assert "Support" in client.get("/pages/support/").content.decode()
    assert client.get(post.get_absolute_url()).status_code == 200


def test_published_pages_in_the_nav_are_linked_from_every_header_in_order(client, post):
    _page(title="Contact", slug="contact", show_in_nav=True, order=2)
    _page(title="About", slug="about", show_in_nav=True, order=1)
    _page(title="Draft page", slug="draft", show_in_nav=True, published=False)
    _page(title="Not in nav", slug="hidden")
    for url in ("/", post.get_absolute_url(), "/pages/hidden/"):
        html = client.get(url).content.decode()
        nav = html[html.index('class="nav-pages"') : html.index("</ul>", html.index("nav-pages"))]
        assert nav.index('href="/pages/about/"') < nav.index('href="/pages/contact/"')
        assert "/pages/draft/" not in nav and "/pages/hidden/" not in nav


def test_the_current_page_is_marked_in_the_nav(client):
    _page(show_in_nav=True)
    html = client.get("/pages/about/").content.decode()
    assert 'href="/pages/about/" aria-current="page"' in html


def test_a_nav_change_shows_at_once_on_stored_pages():
    reader = Client()
    assert "nav-pages" not in reader.get("/").content.decode()  # stored now
    page = _page(show_in_nav=True)
    assert 'href="/pages/about/"' in reader.get("/").content.decode()
    page.delete()
    assert 'href="/pages/about/"' not in reader.get("/").content.decode()


def test_nav_links_cost_no_query_of_their_own(client, django_assert_max_num_queries):
    _page(show_in_nav=True)
    assert SiteSettings.load().nav_pages == [["About", "/pages/about/"]]
    client.get("/pages/about/")
    with django_assert_max_num_queries(0):  # the stored page, nav and all
        assert "nav-pages" in client.get("/pages/about/").content.decode()


def test_an_edit_of_a_page_shows_at_once_to_readers():
    reader = Client()
    page = _page()
    reader.get("/pages/about/")
    page.body = "<p>Who I am now.</p>"
    page.save()
    assert "Who I am now." in reader.get("/pages/about/").content.decode()


def test_the_owner_adds_a_page_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("admin:blog_page_add"),
        {"title": "Contact", "slug": "contact", "body": "<p>Write to me.</p>",
         "published": "on", "show_in_nav": "on", "order": "0"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Page.objects.get().show_in_nav
    assert admin_client.get(reverse("admin:blog_page_changelist")).status_code == 200


def test_sitemap_lists_published_pages(client):
    _page()
    _page(title="Secret", slug="secret", published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/pages/about/" in xml and "/pages/secret/" not in xml


def test_wordpress_pages_are_imported_as_pages_once():
    summary = import_wxr(FULL)
    page = Page.objects.get(slug="about")
    assert summary.pages_created == 1 and page.published and not page.show_in_nav
    assert page.import_key == "wxr:https://quiet.example:20"
    again = import_wxr(FULL)
    assert again.pages_existing == 1 and Page.objects.count() == 1
    assert "About" in again.already_imported


def test_an_imported_page_whose_slug_is_taken_gets_a_new_one_and_is_reported():
    mine = _page(title="About me", body="<p>Mine.</p>")
    summary = import_wxr(FULL)
    imported = Page.objects.get(import_key="wxr:https://quiet.example:20")
    assert imported.slug == "about-2" and Page.objects.get(pk=mine.pk).body == "<p>Mine.</p>"
    assert ("page", "About", "about", "about-2") in summary.renamed


def test_the_demo_site_has_about_practice_and_contact_pages_in_its_header(client):
    load_demo()
    load_demo()  # loading again adds nothing
    assert list(Page.objects.in_nav().values_list("slug", flat=True)) == [
        "about",
        "the-practice",
        "contact",
    ]
    html = client.get("/").content.decode()
    assert 'href="/pages/contact/"' in html
    contact = client.get("/pages/contact/").content.decode()
    assert 'href="/support/"' in contact  # an inbox is no place to wait in a crisis
