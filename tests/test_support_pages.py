"""Where readers see support: /support/, the footer, the panel after a crisis comment, the
pinned note on sensitive posts, the note above the form, and the moderation queue's banner."""

import re
import time
from datetime import timedelta

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from comments.models import Comment
from support.models import CrisisResource
from support.resources import REGION_COOKIE

from .factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db

SUPPORT = "/support/"


def own(client, settings, comment):
    """Make ``client`` the browser that wrote ``comment`` (signed-cookie session)."""
    session = client.session
    session["own_comments"] = {str(comment.pk): int(time.time())}
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


def footer_of(html):
    match = re.search(r'<section class="support-footer".*?</section>', html, re.S)
    assert match, "no support footer on the page"
    return match.group(0)


def position(html, text):
    index = html.find(text)
    assert index >= 0, f"{text!r} not on the page"
    return index


# /support/ ----------------------------------------------------------------------------------


def test_support_page_lists_every_resource_with_call_and_text_links(client):
    html = client.get(SUPPORT).content.decode()
    for resource in CrisisResource.objects.all():
        assert escape(resource.name) in html
        if resource.phone:
            assert f'href="{resource.tel_href}"' in html
        if resource.sms_number:
            assert f'href="{resource.sms_href}"' in html
    assert 'href="tel:116123"' in html
    assert 'href="sms:741741?body=HOME"' in html
    assert 'href="sms:85258?body=SHOUT"' in html
    assert "Call 800-656-HOPE (4673)" in html


def test_support_page_shows_hours_languages_and_when_each_line_was_checked(client):
    html = client.get(SUPPORT).content.decode()
    assert "<dt>Hours</dt><dd>24/7</dd>" in html
    assert "<dd>English, French</dd>" in html
    assert "<dd>English, Spanish</dd>" in html
    assert "25 November 2026" in html


def test_support_page_groups_by_region_and_category(client):
    html = client.get(SUPPORT, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    for heading in ["United States", "Canada", "United Kingdom", "Ireland", "Australia"]:
        assert f">{heading}" in html
    us = re.search(r'<section class="support-region" id="region-US".*?</section>', html, re.S)[0]
    headings = re.findall(r'<h3 class="support-category">([^<]+)</h3>', us)
    assert headings == [
        "Emergency services",
        "Crisis line",
        "Text line",
        "Sexual assault support",
        "Helping someone else",
    ]
    assert "Samaritans" not in us


def test_support_page_puts_the_readers_region_first(client):
    html = client.get(SUPPORT, HTTP_ACCEPT_LANGUAGE="en-AU,en;q=0.8").content.decode()
    sections = re.findall(r'<section class="support-region" id="region-(\w+)"', html)
    assert sections[0] == "AU"
    assert sections[-1] == "INTL"
    assert "(your region)" in html


def test_support_page_makes_no_request_to_another_host(client):
    html = client.get(SUPPORT).content.decode()
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', html)


def test_support_page_varies_on_cookie_and_language(client):
    response = client.get(SUPPORT)
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


def test_region_picker_is_a_plain_form_with_a_label_select_and_button(client):
    html = client.get(SUPPORT).content.decode()
    assert '<form class="region-picker" method="post"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label id="region-picker-label" class="form-label" for="region-select">' in html
    assert '<option value="GB">United Kingdom</option>' in html
    assert '<option value="INTL">Another country</option>' in html


def test_region_picker_remembers_the_region_in_a_cookie_for_a_year(client):
    response = client.post(SUPPORT, {"region": "IE"})
    assert response.status_code == 302
    cookie = response.cookies[REGION_COOKIE]
    assert cookie.value == "IE"
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["samesite"] == "Lax"
    html = client.get(SUPPORT, HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert re.findall(r'<section class="support-region" id="region-(\w+)"', html)[0] == "IE"
    assert "Showing support lines for Ireland first on this browser." in html
    assert '<option value="IE" selected>' in html


@pytest.mark.parametrize("region", ["", "XX", "<script>", "usa", "gb'--"])
def test_region_picker_refuses_a_region_we_do_not_list(client, region):
    response = client.post(SUPPORT, {"region": region})
    assert response.status_code == 400
    assert "Please choose a country from the list." in response.content.decode()
    assert REGION_COOKIE not in response.cookies


def test_region_picker_needs_the_csrf_token():
    response = Client(enforce_csrf_checks=True).post(SUPPORT, {"region": "GB"})
    assert response.status_code == 403


def test_region_picker_accepts_lower_case_and_the_uk_alias(client):
    assert client.post(SUPPORT, {"region": "uk"}).cookies[REGION_COOKIE].value == "GB"


# The footer on every page ---------------------------------------------------------------------


@pytest.mark.parametrize("page", ["home", "post", "missing", "support"])
def test_every_page_has_the_support_footer_with_two_or_three_resources(client, post, page):
    url = {
        "home": "/",
        "post": post.get_absolute_url(),
        "missing": "/no/such/page/",
        "support": SUPPORT,
    }[page]
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    footer = footer_of(html)
    assert "If you are struggling and need support now" in footer
    assert 2 <= footer.count('<li class="resource">') <= 3
    assert 'href="tel:116123"' in footer and 'href="sms:85258?body=SHOUT"' in footer
    assert "findahelpline.com" in footer
    assert f'href="{SUPPORT}"' in footer


def test_footer_follows_the_readers_region(client):
    footer = footer_of(client.get("/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode())
    assert "988 Suicide &amp; Crisis Lifeline" in footer
    assert "Samaritans" not in footer


# Above the comment form and on sensitive posts ------------------------------------------------


def test_support_lines_come_before_the_comment_form(client, post):
    html = client.get(post.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    form = position(html, 'class="comment-form"')
    assert position(html, "Comments are read by a person") < form
    assert position(html, 'href="tel:116123"') < form


def test_a_sensitive_post_pins_a_support_note_above_its_comments(client):
    post = PostFactory(sensitive_topics=True)
    CommentFactory(post=post, body="The first reader comment.")
    html = client.get(post.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    note = position(html, 'class="pinned-note"')
    assert note < position(html, "The first reader comment.")
    assert "Before you read the comments" in html
    assert 'href="tel:988"' in html[note : note + 3000]


def test_an_ordinary_post_has_no_pinned_note(client, post):
    html = client.get(post.get_absolute_url()).content.decode()
    assert "pinned-note" not in html
    assert "Before you read the comments" not in html


# After a crisis comment -----------------------------------------------------------------------


def crisis_comment(level="crisis", **fields):
    return CommentFactory(status=Comment.Status.PENDING, crisis_level=level, **fields)


def test_after_submit_panel_is_seen_only_by_its_writer(client, settings):
    comment = crisis_comment()
    url = reverse("comments:after_submit", args=[comment.pk])
    assert client.get(url).status_code == 404
    assert own(client, settings, comment).get(url).status_code == 200
    someone_else = CommentFactory(status=Comment.Status.PENDING)
    assert client.get(reverse("comments:after_submit", args=[someone_else.pk])).status_code == 404


def test_after_submit_for_a_comment_that_no_longer_exists_is_404(client, settings):
    comment = crisis_comment()
    own(client, settings, comment)
    Comment.objects.filter(pk=comment.pk).delete()
    assert client.get(reverse("comments:after_submit", args=[comment.pk])).status_code == 404


def test_after_submit_shows_resources_first_then_back_to_the_post(client, settings):
    comment = crisis_comment()
    own(client, settings, comment)
    response = client.get(
        reverse("comments:after_submit", args=[comment.pk]), HTTP_ACCEPT_LANGUAGE="en-US"
    )
    html = response.content.decode()
    main = html[position(html, '<main id="main"') :]
    assert re.search(r'<a [^>]*href="([^"]+)"', main)[1] == "tel:988"  # the first link
    assert position(main, 'href="tel:988"') < position(main, "Back to the post")
    assert "Your comment is saved and a person will read it" in main
    assert f'href="{comment.post.get_absolute_url()}#comment-{comment.pk}"' in main
    assert "Thank you for writing this" in main
    assert "talk to someone now" in main
    assert 'href="tel:911"' not in main[: position(main, "Back to the post")]
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_after_submit_never_says_the_comment_was_rejected(client, settings):
    comment = crisis_comment()
    html = (
        own(client, settings, comment)
        .get(reverse("comments:after_submit", args=[comment.pk]))
        .content.decode()
        .lower()
    )
    for word in ["rejected", "refused", "not allowed", "blocked", "deleted"]:
        assert word not in html
    assert "saved" in html


def test_after_submit_puts_emergency_services_first_when_imminent(client, settings):
    comment = crisis_comment(level="imminent")
    own(client, settings, comment)
    html = client.get(
        reverse("comments:after_submit", args=[comment.pk]), HTTP_ACCEPT_LANGUAGE="en-GB"
    ).content.decode()
    main = html[position(html, '<main id="main"') :]
    assert position(main, 'href="tel:999"') < position(main, 'href="tel:116123"')
    assert "please call emergency services" in main


def test_after_submit_about_abuse_includes_the_sexual_assault_line(client, settings):
    comment = crisis_comment(crisis_categories=["sexual_abuse"])
    own(client, settings, comment)
    html = client.get(
        reverse("comments:after_submit", args=[comment.pk]), HTTP_ACCEPT_LANGUAGE="en-US"
    ).content.decode()
    main = html[position(html, '<main id="main"') : position(html, "Back to the post")]
    assert 'href="tel:8006564673"' in main


def test_a_crisis_comment_through_the_form_leads_to_the_panel_and_is_kept(send_comment, client):
    post = PostFactory()
    response = send_comment(post, body="I want to kill myself. I can't do this anymore.")
    comment = Comment.objects.get(post=post)
    assert comment.crisis_level in ("crisis", "imminent")
    assert comment.status == Comment.Status.PENDING
    assert response["Location"] == reverse("comments:after_submit", args=[comment.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Thank you for writing this" in html and "Back to the post" in html


# The moderation queue's banner ----------------------------------------------------------------


def test_queue_banner_shows_level_categories_phrases_and_waiting_time():
    comment = crisis_comment(
        level="imminent",
        crisis_categories=["plan", "method"],
        crisis_matches=["end it tonight", "i have the pills"],
        created_at=timezone.now() - timedelta(hours=5),
    )
    html = render_to_string("moderation/crisis_banner.html", {"comment": comment})
    assert "Reads as imminent" in html
    assert "a plan, method" in html  # a category without a label shows as stored
    assert "<q>end it tonight</q>" in html and "<q>i have the pills</q>" in html
    assert "waiting" in html and "5\xa0hours" in html
    assert "never publish unedited" in html


def test_queue_banner_escapes_matched_phrases():
    comment = crisis_comment(crisis_matches=["<script>alert(1)</script>"])
    html = render_to_string("moderation/crisis_banner.html", {"comment": comment})
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_queue_banner_is_empty_for_an_unflagged_comment():
    comment = CommentFactory(crisis_level="none")
    html = render_to_string("moderation/crisis_banner.html", {"comment": comment})
    assert html.strip() == ""


def test_moderation_queue_shows_the_banner_on_a_flagged_comment(moderator_client):
    crisis_comment(crisis_categories=["active_ideation"], crisis_matches=["want to die"])
    html = moderator_client.get(reverse("moderation:queue")).content.decode()
    assert 'class="crisis-banner crisis-crisis' in html
    assert "<q>want to die</q>" in html


def test_queue_banner_names_the_categories_in_words_not_codes(moderator_client):
    crisis_comment(crisis_categories=["active_ideation", "plan_or_means", "brand_new_category"])
    html = moderator_client.get(reverse("moderation:queue")).content.decode()
    assert "Categories: thoughts of suicide, a plan or means, brand new category" in html
    assert "active_ideation" not in html
