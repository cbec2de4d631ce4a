"""Issue 15 outside the detector: support lines for the languages Haven assesses, the help a
writer sees for a language it cannot assess or for someone else at risk, and what moderators see.

Every comment here goes through the real form and the real detector; each test first states what
the detector says of its sentence, so a change of the lexicons shows up as that, not as a
mystery further down.
"""

import re
from datetime import date
from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from comments import posting
from comments.models import Comment
from support import resources
from support.detection import assess
from support.models import CrisisResource

from .factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db

VERIFIED = date(2026, 12, 5)
# CRISIS.md "Resources beyond English", as seeded: (region, name, phone)
BEYOND = [
    ("ES", "Línea 024", "024"),
    ("ES", "Emergencias", "112"),
    ("MX", "Línea de la Vida", "800 911 2000"),
    ("MX", "Emergencias", "911"),
    ("FR", "3114", "3114"),
    ("FR", "Urgences", "112"),
    ("BE", "Centre de Prévention du Suicide", "0800 32 123"),
    ("BE", "Urgences", "112"),
    ("DE", "TelefonSeelsorge", "0800 111 0 111"),
    ("DE", "Notruf", "112"),
    ("AT", "TelefonSeelsorge", "142"),
    ("AT", "Euro-Notruf", "112"),
    ("CH", "Die Dargebotene Hand / La Main Tendue", "143"),
    ("BR", "CVV (Centro de Valorização da Vida)", "188"),
    ("BR", "SAMU", "192"),
    ("PT", "SOS Voz Amiga", "213 544 545"),
    ("PT", "SNS 24", "808 24 24 24"),
    ("PT", "Emergência", "112"),
]
HELPING = [
    ("US", "988 Lifeline: help someone else", "https://988lifeline.org/help-someone-else/"),
    (
        "GB",
        "Samaritans: if you're worried about someone",
        "https://www.samaritans.org/how-we-can-help/if-youre-worried-about-someone-else/",
    ),
]
REGION_LANGUAGE = {
    "ES": "es",
    "MX": "es",
    "FR": "fr",
    "BE": "fr",
    "DE": "de",
    "AT": "de",
    "BR": "pt",
    "PT": "pt",
}

SPANISH_CRISIS = "Quiero morirme, ya no puedo más con todo esto."
ITALIAN = "Non voglio più vivere, sono stanca di tutto."
ABOUT_A_FRIEND = "I'm worried about my friend. She keeps saying she wants to die."


def speaking(client, header):
    """``client`` as a browser that sends this Accept-Language on every request."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = header
    return client


def main_of(html):
    return html[html.index('<main id="main"') :]


def notice_of(html):
    match = re.search(r'<div class="comment-pending".*?\n</div>', html, re.S)
    assert match, "no notice after submitting"
    return match.group(0)


# The seeds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("region", "name", "phone"), BEYOND)
def test_every_line_beyond_english_is_seeded_with_its_source_and_date(region, name, phone):
    line = CrisisResource.objects.get(region=region, name=name)
    assert line.phone == phone
    assert line.source_url.startswith("https://")
    assert line.last_verified == VERIFIED and line.active and line.description
    line.full_clean()  # the migration skips validation: the data must pass it anyway


@pytest.mark.parametrize(("region", "language"), REGION_LANGUAGE.items())
def test_descriptions_are_written_in_the_regions_own_language(region, language):
    for line in CrisisResource.objects.filter(region=region):
        assert assess(line.description).language == language, line.name


def test_each_region_beyond_english_has_a_listening_line_its_own_site_as_source():
    for region in {row[0] for row in BEYOND}:
        line = resources.resources_for(region)[0]
        assert line.category == CrisisResource.Category.CRISIS_LINE
        assert line.url and line.source_url == line.url


@pytest.mark.parametrize(("region", "name", "url"), HELPING)
def test_helping_someone_pages_are_seeded_with_their_source_and_date(region, name, url):
    page = CrisisResource.objects.get(region=region, name=name)
    assert page.category == CrisisResource.Category.HELPING
    assert (page.url, page.source_url, page.last_verified) == (url, url, VERIFIED)
    page.full_clean()


def test_helping_someone_pages_never_replace_the_lines_for_a_writers_own_crisis():
    for region in ("US", "GB"):
        chosen = resources.resources_for(region, limit=10)
        assert CrisisResource.Category.HELPING not in {r.category for r in chosen}


@pytest.mark.django_db(transaction=True)
def test_the_seed_migrations_add_their_rows_and_take_them_back():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate([("support", "0002_helping_someone_category")])
    assert not CrisisResource.objects.filter(region__in=["ES", "MX", "BR", "CH"]).exists()
    assert not CrisisResource.objects.filter(category="helping").exists()

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)
    seeded = CrisisResource.objects.filter(last_verified=VERIFIED)
    assert {(r.region, r.name) for r in seeded} == {
        (region, name) for region, name, _phone in BEYOND
    } | {(region, name) for region, name, _url in HELPING}


# The reader's region --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "region"),
    [
        ("es-ES", "ES"),
        ("es-MX,es;q=0.9", "MX"),
        ("fr-FR", "FR"),
        ("fr-BE", "BE"),
        ("fr-CH", "CH"),
        ("de-DE", "DE"),
        ("de-AT", "AT"),
        ("de-CH,de;q=0.9", "CH"),
        ("pt-BR", "BR"),
        ("pt-PT", "PT"),
    ],
)
def test_accept_language_hints_the_regions_beyond_english(client, header, region):
    response = client.get("/support/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.context["region"] == region
    html = response.content.decode()
    assert html.index(f'id="region-{region}"') < html.index('id="region-INTL"')


def test_the_region_picker_offers_every_region_beyond_english(client):
    html = client.get("/support/").content.decode()
    picker = html[html.index('<select id="region-select"') : html.index("</select>")]
    for region in REGION_LANGUAGE | {"CH": "de"}:
        assert f'<option value="{region}"' in picker


def test_the_region_picker_remembers_a_region_beyond_english(client):
    response = client.post("/support/", {"region": "BR"})
    assert response.cookies[resources.REGION_COOKIE].value == "BR"
    assert client.get("/support/").context["region"] == "BR"


# A comment in a language Haven assesses, from a writer of unknown region -----------------------


def test_a_spanish_crisis_comment_without_a_region_gets_spain_and_mexico_and_find_a_helpline(
    send_comment, client
):
    assert assess(SPANISH_CRISIS).level == "crisis"
    assert assess(SPANISH_CRISIS).language == "es"
    post = PostFactory()
    response = send_comment(post, body=SPANISH_CRISIS, via=speaking(client, "es"))
    comment = Comment.objects.get(post=post)
    assert (comment.crisis_language, comment.crisis_assessed) == ("es", True)
    main = main_of(client.get(response["Location"]).content.decode())
    panel = main[: main.index("Back to the post")]
    assert 'href="tel:024"' in panel and 'href="tel:8009112000"' in panel
    assert "findahelpline.com" in panel
    assert "Spain" in panel and "Mexico" in panel  # lines from two countries say whose they are
    assert panel.index('href="tel:024"') < panel.index("findahelpline.com")


@pytest.mark.parametrize(
    ("text", "language", "phones"),
    [
        ("J'ai envie de mourir, je n'en peux vraiment plus.", "fr", ["3114", "080032123"]),
        ("Ich will nicht mehr leben, ich kann einfach nicht mehr.", "de", ["08001110111", "142"]),
        ("Eu quero morrer, não aguento mais nada disso.", "pt", ["188", "808242424"]),
    ],
)
def test_each_assessed_language_gets_its_own_regions_lines(
    send_comment, client, text, language, phones
):
    found = assess(text)
    assert (found.language, found.level) == (language, "crisis")
    response = send_comment(PostFactory(), body=text)
    panel = main_of(client.get(response["Location"]).content.decode())
    for phone in phones:
        assert f'href="tel:{phone}"' in panel
    assert "findahelpline.com" in panel


def test_an_imminent_comment_in_spanish_puts_both_emergency_numbers_first(send_comment, client):
    text = "Llevo semanas guardando las pastillas y ya tengo suficientes."
    assert (assess(text).language, assess(text).level) == ("es", "imminent")
    response = send_comment(PostFactory(), body=text)
    main = main_of(client.get(response["Location"]).content.decode())
    links = re.findall(r'href="(tel:[0-9]+)"', main[: main.index("Back to the post")])
    assert links[:2] == ["tel:112", "tel:911"]


def test_a_writer_who_told_us_their_region_gets_that_regions_lines_whatever_the_language(
    send_comment, client
):
    response = send_comment(PostFactory(), body=SPANISH_CRISIS, via=speaking(client, "en-GB"))
    panel = main_of(client.get(response["Location"]).content.decode())
    assert 'href="tel:116123"' in panel and 'href="tel:024"' not in panel


def test_a_distress_comment_in_french_lists_french_and_belgian_lines_under_the_notice(
    send_comment, client
):
    text = "Je me sens tellement seule et vide ces derniers temps."
    assert (assess(text).language, assess(text).level) == ("fr", "distress")
    post = PostFactory()
    response = send_comment(post, body=text)
    notice = notice_of(client.get(response["Location"]).content.decode())
    assert 'href="tel:3114"' in notice and 'href="tel:080032123"' in notice
    assert "findahelpline.com" in notice


# A comment in a language Haven cannot assess --------------------------------------------------


def test_a_comment_in_a_language_haven_cannot_assess_still_offers_find_a_helpline(
    send_comment, client
):
    found = assess(ITALIAN)
    assert (found.language, found.assessed, found.level) == ("it", False, "none")
    post = PostFactory()
    response = send_comment(post, body=ITALIAN)
    comment = Comment.objects.get(post=post)
    assert (comment.crisis_language, comment.crisis_assessed) == ("it", False)
    notice = notice_of(client.get(response["Location"]).content.decode())
    assert "awaiting moderation" in notice
    assert 'href="https://findahelpline.com"' in notice
    assert "helplines in your country and language" in notice


def test_an_english_comment_gets_no_international_line_in_its_notice(send_comment, client):
    response = send_comment(PostFactory(), body="Lovely post, thank you for writing it.")
    notice = notice_of(client.get(response["Location"]).content.decode())
    assert "findahelpline.com" not in notice


def test_the_queue_says_language_not_assessed(moderator_client, send_comment):
    post = PostFactory()
    send_comment(post, body=ITALIAN, via=Client())
    send_comment(post, body="Lovely post, thank you for writing it.", name="Lee", via=Client())
    html = moderator_client.get(reverse("moderation:queue")).content.decode()
    assert "Language not assessed (Italian)" in html
    assert html.count('data-note="not-assessed"') == 1


# A comment about someone else -----------------------------------------------------------------


def test_a_writer_worried_about_a_friend_gets_how_to_help_someone(send_comment, client):
    found = assess(ABOUT_A_FRIEND)
    assert (found.about_other, found.level, found.language) == (True, "distress", "en")
    post = PostFactory()
    response = send_comment(post, body=ABOUT_A_FRIEND, via=speaking(client, "en-US"))
    comment = Comment.objects.get(post=post)
    assert comment.crisis_about_other
    notice = notice_of(client.get(response["Location"]).content.decode())
    assert "If you are worried about someone" in notice
    assert 'href="https://988lifeline.org/help-someone-else/"' in notice
    assert 'href="tel:988"' in notice  # someone to talk it through with
    assert "findahelpline.com" in notice
    assert "these services are free and confidential" not in notice  # not their own crisis


def test_a_writer_in_britain_worried_about_someone_gets_samaritans_guidance(send_comment, client):
    response = send_comment(PostFactory(), body=ABOUT_A_FRIEND, via=speaking(client, "en-GB"))
    notice = notice_of(client.get(response["Location"]).content.decode())
    assert "Samaritans: if you&#x27;re worried about someone" in notice
    assert "samaritans.org/how-we-can-help/if-youre-worried-about-someone-else/" in notice
    assert 'href="tel:116123"' in notice


def test_a_writer_worried_about_a_friend_in_spanish_gets_the_spanish_lines(send_comment, client):
    text = "Estoy preocupada por mi amiga, dice que se quiere morir."
    assert (assess(text).about_other, assess(text).language) == (True, "es")
    response = send_comment(PostFactory(), body=text)
    notice = notice_of(client.get(response["Location"]).content.decode())
    assert "If you are worried about someone" in notice
    assert 'href="tel:024"' in notice and 'href="tel:8009112000"' in notice


def test_the_queue_says_worried_about_another_person(moderator_client, send_comment):
    post = PostFactory()
    send_comment(post, body=ABOUT_A_FRIEND, via=Client())
    send_comment(post, body="I feel empty and nothing seems to help.", name="Lee", via=Client())
    html = moderator_client.get(reverse("moderation:queue")).content.decode()
    assert html.count('data-note="about-other"') == 1
    assert "Worried about another person" in html


def test_a_writers_held_edit_about_someone_else_shows_in_the_queue(moderator_client):
    comment = CommentFactory(status=Comment.Status.APPROVED, body="Thank you for this post.")
    posting.edit_own_comment(comment, body=ABOUT_A_FRIEND)
    comment.refresh_from_db()
    assert comment.pending_body == ABOUT_A_FRIEND and comment.crisis_about_other
    html = moderator_client.get(reverse("moderation:queue")).content.decode()
    assert 'data-note="about-other"' in html


def test_queue_notes_cost_no_query_per_item(moderator_client, django_assert_max_num_queries):
    post = PostFactory()
    for i in range(20):
        CommentFactory(
            post=post,
            status=Comment.Status.PENDING,
            crisis_level="distress",
            crisis_language="it" if i % 2 else "en",
            crisis_assessed=not i % 2,
            crisis_about_other=not i % 2,
        )
    moderator_client.get(reverse("moderation:queue"))  # warm the cached settings and lines
    with django_assert_max_num_queries(12):
        html = moderator_client.get(reverse("moderation:queue")).content.decode()
    assert html.count('data-note="not-assessed"') == 10
    assert html.count('data-note="about-other"') == 10


def test_seed_modules_match_the_tables_here():
    beyond = import_module("support.migrations.0003_seed_resources_beyond_english")
    helping = import_module("support.migrations.0004_seed_helping_someone_resources")
    assert {(r["region"], r["name"]) for r in beyond.RESOURCES} == {(r, n) for r, n, _ in BEYOND}
    assert {(r["region"], r["name"]) for r in helping.RESOURCES} == {(r, n) for r, n, _ in HELPING}


def test_a_handed_back_comment_about_a_friend_offers_how_to_help_them(send_comment, client):
    post = PostFactory()
    send_comment(post, body=ABOUT_A_FRIEND, via=speaking(client, "en-US"))
    again = send_comment(post, body=ABOUT_A_FRIEND)  # a duplicate: refused, text handed back
    html = again.content.decode()
    assert again.status_code == 400 and "already sent this comment" in html
    panel = html[html.index('id="crisis-help"') :]
    assert "If you are worried about someone" in panel
    assert 'href="https://988lifeline.org/help-someone-else/"' in panel
