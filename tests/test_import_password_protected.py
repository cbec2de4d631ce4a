"""Password-protected WordPress posts come in unpublished and without their text, anywhere."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from blog.models import Post
from transfer.exporters import export_wxr
from transfer.importers import ImportFailed, iter_xml
from transfer.importers.wxr import import_wxr

from .conftest import shared_testdata

pytestmark = pytest.mark.django_db
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "wxr" / "password-protected.xml"
SECRETS = ("zebra-lantern", "quartz-owl")


def test_a_password_protected_post_is_imported_as_an_unpublished_draft():
    import_wxr(FIXTURE)
    protected = Post.objects.get(slug="for-my-group-only")
    assert protected.status == Post.Status.DRAFT
    assert Post.objects.get(slug="open-to-all").status == Post.Status.PUBLISHED


def test_its_text_is_stored_nowhere_so_never_published():
    import_wxr(FIXTURE)
    protected = Post.objects.get(slug="for-my-group-only")
    for secret in SECRETS:
        assert secret not in protected.body and secret not in protected.excerpt
    assert "password-protected" in protected.body


def test_its_text_is_in_no_page_search_feed_sitemap_or_export():
    import_wxr(FIXTURE)
    protected = Post.objects.get(slug="for-my-group-only")
    reader = Client()
    pages = [
        reader.get(path)
        for path in ("/", "/search/?q=zebra", "/search/?q=group", "/feed/", "/feed/atom/",
                     "/sitemap.xml", protected.get_absolute_url())
    ]  # fmt: skip
    assert pages[-1].status_code == 404
    export = io.StringIO()
    export_wxr(export)
    for text in [p.content.decode() for p in pages] + [export.getvalue()]:
        for secret in SECRETS:
            assert secret not in text
    assert "For my group only" not in pages[1].content.decode()


def test_the_import_report_names_the_password_protected_post():
    out = io.StringIO()
    call_command("import_wxr", str(FIXTURE), stdout=out)
    report = out.getvalue()
    assert "Password-protected post imported as an unpublished draft" in report
    assert "For my group only" in report


def test_every_password_protected_post_in_the_shared_wordpress_exports_stays_unpublished():
    folder = shared_testdata("wxr")
    for path in sorted(folder.glob("*.xml")):
        try:
            protected = _protected_titles(path)
            import_wxr(path)
        except ImportFailed:  # files made to fail import nothing
            continue
        for title in protected:
            assert not Post.objects.published().filter(title=title).exists(), (path, title)


def _protected_titles(path):
    titles = []
    for event, elem in iter_xml(path):
        if event == "end" and re.sub(r"\{.*\}", "", elem.tag) == "item":
            fields = {re.sub(r"\{.*\}", "", child.tag): (child.text or "") for child in elem}
            if fields.get("post_password", "").strip():
                titles.append(fields.get("title", ""))
    return titles
