"""Crisis resources as data: validation, the seeded defaults, region choice, caching, the admin."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from blog.models import SiteSettings
from support import resources
from support.models import CrisisResource

from .test_support_beyond_english import BEYOND, HELPING

pytestmark = pytest.mark.django_db

# CRISIS.md "Default resources": (region, name, phone, sms_number, sms_keyword)
CRISIS_MD_ROWS = [
    ("US", "988 Suicide & Crisis Lifeline", "988", "988", ""),
    ("US", "Crisis Text Line", "", "741741", "HOME"),
    ("US", "RAINN National Sexual Assault Hotline", "800-656-4673", "", ""),
    ("US", "Emergency services", "911", "", ""),
    ("CA", "9-8-8 Suicide Crisis Helpline", "988", "988", ""),
    ("CA", "Kids Help Phone", "", "686868", "CONNECT"),
    ("GB", "Samaritans", "116 123", "", ""),
    ("GB", "Shout", "", "85258", "SHOUT"),
    ("GB", "Emergency services", "999", "", ""),
    ("IE", "Samaritans", "116 123", "", ""),
    ("IE", "50808", "", "50808", "TALK"),
    ("AU", "Lifeline", "13 11 14", "0477 13 11 14", ""),
    ("AU", "Emergency services", "000", "", ""),
    ("INTL", "Find A Helpline", "", "", ""),
]


def make_resource(**fields):
    values = {"name": "Test line", "category": "crisis_line", "region": "NZ", "phone": "1737"}
    values.update(fields)
    return CrisisResource(**values)


def request_with(cookie=None, accept_language=None):
    request = RequestFactory().get("/")
    if cookie is not None:
        request.COOKIES[resources.REGION_COOKIE] = cookie
    if accept_language is not None:
        request.META["HTTP_ACCEPT_LANGUAGE"] = accept_language
    return request


# Validation ---------------------------------------------------------------------------------


def test_a_resource_with_no_phone_no_sms_and_no_url_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as error:
        make_resource(phone="").save()
    assert "Give at least one way to reach this service" in str(error.value)
    assert not CrisisResource.objects.filter(name="Test line").exists()


@pytest.mark.parametrize("phone", ["call us", "12ab34", "(555) 1234", "1", "+", "116 123 ext 4"])
def test_a_malformed_phone_number_is_refused(phone):
    with pytest.raises(ValidationError) as error:
        make_resource(phone=phone).full_clean()
    assert "phone" in error.value.message_dict
    assert "digits, spaces and dashes" in error.value.message_dict["phone"][0]


def test_a_malformed_sms_number_is_refused():
    with pytest.raises(ValidationError) as error:
        make_resource(phone="", sms_number="TEXT-ME").full_clean()
    assert "sms_number" in error.value.message_dict


@pytest.mark.parametrize("url", ["not a url", "javascript:alert(1)", "ftp://example.org", "www."])
def test_a_malformed_url_is_refused(url):
    with pytest.raises(ValidationError) as error:
        make_resource(url=url, source_url=url).full_clean()
    assert "starting with https://" in " ".join(error.value.message_dict["url"])
    assert "source_url" in error.value.message_dict


@pytest.mark.parametrize("region", ["USA", "U1", "", "intl2", "G"])
def test_a_region_that_is_not_a_country_code_or_intl_is_refused(region):
    with pytest.raises(ValidationError) as error:
        make_resource(region=region).full_clean()
    assert "two-letter country code" in " ".join(error.value.message_dict["region"])


def test_a_lower_case_region_is_stored_upper_case():
    resource = make_resource(region="nz")
    resource.save()
    assert CrisisResource.objects.get(pk=resource.pk).region == "NZ"


@pytest.mark.parametrize(
    ("fields", "href"),
    [({"phone": "116 123"}, "tel:116123"), ({"phone": "800-656-4673"}, "tel:8006564673")],
)
def test_phone_numbers_become_tap_to_call_links(fields, href):
    assert make_resource(**fields).tel_href == href


# The seeded defaults ------------------------------------------------------------------------


@pytest.mark.parametrize(("region", "name", "phone", "sms", "keyword"), CRISIS_MD_ROWS)
def test_every_crisis_md_row_is_seeded_with_its_source_and_date(region, name, phone, sms, keyword):
    resource = CrisisResource.objects.get(region=region, name=name)
    assert (resource.phone, resource.sms_number, resource.sms_keyword) == (phone, sms, keyword)
    assert resource.source_url.startswith("https://")
    assert resource.last_verified == date(2026, 11, 25)
    assert resource.active
    resource.full_clean()  # the migration skips validation: the data must pass it anyway


def test_the_seed_holds_exactly_the_crisis_md_tables_with_official_urls():
    # The English defaults, the lines beyond English and the helping-someone pages (each
    # seed's own rows are checked in tests/test_support_beyond_english.py).
    assert CrisisResource.objects.count() == len(CRISIS_MD_ROWS) + len(BEYOND) + len(HELPING)
    urls = set(CrisisResource.objects.values_list("url", flat=True))
    official = {
        "https://988lifeline.org",
        "https://www.rainn.org",
        "https://findahelpline.com",
        "https://www.samaritans.org",
        "https://giveusashout.org",
        "https://988.ca",
        "https://kidshelpphone.ca",
        "https://www.lifeline.org.au",
        "https://50808.ie",
    }
    assert official <= urls
    rainn = CrisisResource.objects.get(name__startswith="RAINN")
    assert rainn.phone_display == "800-656-HOPE (4673)"


def test_seeded_emergency_services_come_first_within_their_region():
    for region in ["US", "GB", "AU"]:
        first = CrisisResource.objects.filter(region=region).order_by("order", "name").first()
        assert first.category == CrisisResource.Category.EMERGENCY


def test_seeded_lines_publish_their_hours():
    lines = CrisisResource.objects.exclude(region="INTL").exclude(category="helping")
    assert "" not in set(lines.values_list("hours", flat=True))
    assert lines.exclude(hours="24/7").count() == 1  # SOS Voz Amiga: afternoons and evenings


# Stale resources ------------------------------------------------------------------------------


def test_a_resource_not_verified_for_over_180_days_is_stale():
    today = timezone.localdate()
    old = make_resource(name="Old", last_verified=today - timedelta(days=181))
    edge = make_resource(name="Edge", last_verified=today - timedelta(days=180))
    retired = make_resource(name="Retired", active=False, last_verified=today - timedelta(days=900))
    for resource in (old, edge, retired):
        resource.save()
    assert list(resources.stale_resources().values_list("name", flat=True)) == ["Old"]
    assert old.is_stale and not edge.is_stale


def test_fresh_seed_has_no_stale_resources():
    assert not resources.stale_resources().exists()


# Region choice --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "region"),
    [
        ("en-GB,en;q=0.9", "GB"),
        ("en-AU", "AU"),
        ("fr-CA,fr;q=0.8", "CA"),
        ("en-UK", "GB"),
        ("en-ie", "IE"),
        ("de-DE,en-GB;q=0.7", "DE"),
        ("nl-NL,en-GB;q=0.7", "GB"),  # first tag with a region we have resources for
        ("en-US;q=0.5,en-GB;q=0.9", "GB"),  # by preference, not by position
        ("zh-Hant-AU", "AU"),
    ],
)
def test_region_comes_from_accept_language(header, region):
    assert resources.region_for_request(request_with(accept_language=header)) == region


@pytest.mark.parametrize("header", ["", "en", "nl-NL", "es-419", "*", "garbage;;;q=x", "x" * 600])
def test_region_falls_back_to_the_sites_default_region(header):
    site = SiteSettings.load()
    site.default_region = "IE"
    site.save()
    assert resources.region_for_request(request_with(accept_language=header)) == "IE"


def test_the_pickers_cookie_beats_accept_language():
    request = request_with(cookie="AU", accept_language="en-GB")
    assert resources.region_for_request(request) == "AU"


@pytest.mark.parametrize("cookie", ["XX", "<script>", "usa", ""])
def test_a_cookie_that_is_not_a_listed_region_is_ignored(cookie):
    request = request_with(cookie=cookie, accept_language="en-GB")
    assert resources.region_for_request(request) == "GB"


# Choosing resources ---------------------------------------------------------------------------


@pytest.mark.parametrize("region", ["US", "GB", "IE", "CA", "AU", "DE", "INTL", "", "bad"])
def test_find_a_helpline_is_always_offered(region):
    chosen = resources.resources_for(region)
    assert 1 <= len(chosen) <= 3
    assert chosen[-1].name == "Find A Helpline"


def test_listening_lines_lead_unless_risk_looks_immediate():
    names = [r.name for r in resources.resources_for("US")]
    assert names == ["988 Suicide & Crisis Lifeline", "Crisis Text Line", "Find A Helpline"]
    urgent = [r.name for r in resources.resources_for("US", emergency_first=True)]
    assert urgent == ["Emergency services", "988 Suicide & Crisis Lifeline", "Find A Helpline"]


def test_resources_for_a_category_returns_only_that_regions_lines():
    chosen = resources.resources_for("US", category=CrisisResource.Category.SEXUAL_ASSAULT)
    assert [r.name for r in chosen] == ["RAINN National Sexual Assault Hotline"]
    assert resources.resources_for("GB", category=CrisisResource.Category.SEXUAL_ASSAULT) == []


def test_a_crisis_about_abuse_adds_the_sexual_assault_line():
    chosen = resources.panel_resources("US", level="crisis", categories=["sexual_abuse"])
    assert [r.name for r in chosen] == [
        "988 Suicide & Crisis Lifeline",
        "RAINN National Sexual Assault Hotline",
        "Find A Helpline",
    ]


def test_support_reply_text_is_kind_and_carries_the_regions_lines():
    text = resources.support_reply_text("GB")
    assert text.startswith("Thank you for telling us this.")
    assert "Samaritans: call 116 123 (24/7)" in text
    assert "Shout: text SHOUT to 85258" in text
    assert "https://findahelpline.com" in text
    assert "please call 999" in text


def test_support_reply_text_without_a_region_uses_the_sites_default_region():
    site = SiteSettings.load()
    site.default_region = "AU"
    site.save()
    assert "Lifeline: call 13 11 14 or text 0477 13 11 14 (24/7)" in resources.support_reply_text(
        ""
    )
    assert "please call 000 (112 from mobiles)" in resources.support_reply_text("")


def test_support_reply_text_for_an_unlisted_region_still_offers_help():
    text = resources.support_reply_text("NL")
    assert "Find A Helpline" in text
    assert "your local emergency number" in text


# Caching --------------------------------------------------------------------------------------


def add_resources(count):
    for n in range(count):
        make_resource(name=f"Extra line {n}", region="US", order=50 + n).save()


def test_support_page_adds_no_query_per_resource(client, django_assert_max_num_queries):
    client.get(reverse("comments:support"))  # warm the site settings and the resources
    with django_assert_max_num_queries(0):
        assert client.get(reverse("comments:support")).status_code == 200
    add_resources(15)
    with django_assert_max_num_queries(1):  # cold after the bump: one query for all of them
        html = client.get(reverse("comments:support")).content.decode()
    assert "Extra line 14" in html


def test_footer_adds_no_query_per_resource(client, post, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = post.get_absolute_url()
    client.cookies["sessionid"] = "a-reader"  # not a stored page: the footer is rendered
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    few = list(context.captured_queries)  # read now: the next request resets the log
    assert not any("crisisresource" in q["sql"].lower() for q in few)
    add_resources(15)
    client.get(url)
    with django_assert_num_queries(len(few)):
        html = client.get(url).content.decode()
    assert "support-footer" in html


def test_an_edit_shows_at_once_through_the_version_bump(client):
    url = reverse("comments:support")
    client.get(url)
    samaritans = CrisisResource.objects.get(region="GB", name="Samaritans")
    samaritans.name = "Samaritans (renamed)"
    samaritans.save()
    assert "Samaritans (renamed)" in client.get(url).content.decode()
    CrisisResource.objects.get(name="Shout").delete()
    assert ">Shout<" not in client.get(url).content.decode()


def test_a_deactivated_resource_disappears_at_once(client):
    client.get(reverse("comments:support"))
    shout = CrisisResource.objects.get(name="Shout")
    shout.active = False
    shout.save()
    assert "85258" not in client.get(reverse("comments:support")).content.decode()


def test_a_lost_version_key_never_serves_an_older_list():
    from django.core.cache import caches

    resources.all_by_region()
    old_version = resources.resources_version()
    caches["versions"].delete(resources.RESOURCES_VERSION.key)  # evicted, or Redis restarted
    assert resources.resources_version() > old_version


# Admin ----------------------------------------------------------------------------------------


@pytest.fixture
def owner_client(client, django_user_model):
    import support.admin  # noqa: F401  (registered by comments/admin.py in the site)

    user = django_user_model.objects.create_superuser("owner", "owner@example.org", "pw")
    client.force_login(user)
    return client


def changelist_url():
    return reverse("admin:support_crisisresource_changelist")


def test_admin_warns_when_a_resource_is_stale(owner_client):
    CrisisResource.objects.filter(name="Shout").update(last_verified=date(2020, 1, 1))
    html = owner_client.get(changelist_url()).content.decode()
    assert "1 support line not checked for over 180 days" in html
    assert "stale" in html.lower()


def test_admin_shows_no_warning_when_all_resources_are_fresh(owner_client):
    html = owner_client.get(changelist_url()).content.decode()
    assert "not checked for over" not in html


def test_admin_form_shows_the_models_validation_messages(owner_client):
    data = {
        "name": "Nowhere line",
        "category": "crisis_line",
        "region": "usa",
        "phone": "call me",
        "url": "",
        "last_verified": "2026-11-25",
        "order": "10",
        "active": "on",
    }
    response = owner_client.post(reverse("admin:support_crisisresource_add"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Use digits, spaces and dashes only" in html
    assert "two-letter country code" in html
    assert not CrisisResource.objects.filter(name="Nowhere line").exists()
    data.update(phone="", region="NZ")
    html = owner_client.post(reverse("admin:support_crisisresource_add"), data).content.decode()
    assert "Give at least one way to reach this service" in html


def test_admin_bulk_delete_refreshes_the_cached_lists(owner_client, client):
    assert "Shout" in client.get(reverse("comments:support")).content.decode()
    shout = CrisisResource.objects.get(name="Shout")
    data = {"action": "delete_selected", "_selected_action": [shout.pk], "post": "yes"}
    owner_client.post(changelist_url(), data)
    assert not CrisisResource.objects.filter(name="Shout").exists()
    assert ">Shout<" not in client.get(reverse("comments:support")).content.decode()


def test_admin_can_mark_resources_verified_today(owner_client):
    CrisisResource.objects.filter(name="Shout").update(last_verified=date(2020, 1, 1))
    shout = CrisisResource.objects.get(name="Shout")
    data = {"action": "mark_verified_today", "_selected_action": [shout.pk]}
    owner_client.post(changelist_url(), data)
    shout.refresh_from_db()
    assert shout.last_verified == timezone.localdate()
