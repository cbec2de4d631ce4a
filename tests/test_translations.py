"""Haven in Spanish: every page, form error and email, with no English left in what people see.

The fixtures' content (posts, comments, names, categories) is Spanish, so any English word left in
a page's visible text (text, titles, alt, aria-label, placeholder, button values, the meta
description) or in an email is the site's own, untranslated. Crisis services' own names are
proper nouns and may stay as they are.
"""

import ast
import re
import shutil
import subprocess
import time
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from comments import moderator_actions, transitions
from comments.models import Comment, ModerationEvent, Report, Subscription
from comments.notifications import deliver
from moderation.mail import notify_moderators, send_digest
from privacy import personal_data
from support.models import CrisisResource
from support.resources import LANGUAGE_REGIONS

from .conftest import comment_data
from .factories import CategoryFactory, CommentFactory, ModeratorFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(django_settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
MAKEMESSAGES = {
    "locale": ["es"],
    "no_location": True,
    "ignore_patterns": ["tests", "bench", "tools"],
}

# Common English words that are not also Spanish words: one of them in a Spanish page is a string
# nobody translated.
ENGLISH = set(
    """the and your you comment comments reply replies with this that for are is was were will
    not our we to of on in it its from have has here please post posts page back email send
    save edit delete remove approve search support help now name website when what who waiting
    ago by an be or at all more new only see read write if yet been there their they should
    would could can cannot don't won't isn't let us my them which after before about
    moderation moderator queue report thank thanks sorry today previous next older newer""".split()
)

# Lines seeded for regions whose language is not English: their descriptions are written in that
# language, which a Spanish page shows as the service wrote it.
NATIVE_REGIONS = {region for pair in LANGUAGE_REGIONS.values() for region in pair} | {"CH"}


class VisibleText(HTMLParser):
    """Everything a person reads or hears: text outside <script>/<style>, the attributes screen
    readers and browsers show, and the data-text-* attributes the scripts show."""

    ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self.hidden += 1
        self.parts.extend(
            value
            for name, value in attrs.items()
            if value and (name in self.ATTRIBUTES or name.startswith("data-text-"))
        )
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])
        if tag == "meta" and attrs.get("name") == "description" and attrs.get("content"):
            self.parts.append(attrs["content"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html):
    """The visible pieces of ``html``: one string per text node or attribute."""
    parser = VisibleText()
    parser.feed(html)
    return [" ".join(part.split()) for part in parser.parts if part.strip()]


def proper_names():
    """Crisis services' own names (not translated), and the texts of the lines seeded in their
    own region's language (French, German, Portuguese ...), longest first."""
    from support.seeded_texts import TRANSLATED_NAMES

    names = set(CrisisResource.objects.values_list("name", flat=True)) - set(TRANSLATED_NAMES)
    own_language = CrisisResource.objects.filter(region__in=NATIVE_REGIONS)
    names |= {text for row in own_language for text in (row.description, row.hours) if text}
    return sorted(names | {"Find A Helpline", "Haven"}, key=len, reverse=True)


def english_left(pieces):
    """The pieces of text (text nodes, attributes, lines) that hold an English word."""
    names = proper_names()
    found = []
    for piece in pieces:
        text = piece
        for name in names:
            text = text.replace(name, " ")
        text = re.sub(r"\S+@\S+|https?://\S+|\S+\.[a-z]{2,4}\b\S*", " ", text)
        text = re.sub(r"\{[a-z_]+\}", " ", text)  # the scripts' placeholders, e.g. {name}
        words = {w.lower() for w in re.findall(r"(?<!\w)[A-Za-z][A-Za-z']*(?!\w)", text)}
        if words & ENGLISH and piece not in found:
            found.append(piece)
    return found


def assert_spanish(label, pieces):
    if isinstance(pieces, str):
        pieces = pieces.splitlines()
    offenders = english_left(pieces)
    assert not offenders, f"{label}: English left in the visible text:\n  " + "\n  ".join(offenders)


def assert_page_spanish(label, response, status=200):
    assert response.status_code == status, f"{label}: status {response.status_code}"
    html = response.content.decode()
    assert '<html lang="es">' in html, f"{label}: not marked as Spanish"
    assert_spanish(label, visible_text(html))


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what a call schedules after commit (emails, cache bumps), as production does."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


@pytest.fixture
def es(settings):
    settings.LANGUAGE_CODE = "es"
    with translation.override("es"):
        yield


@pytest.fixture
def entrada(db):
    category = CategoryFactory(name="Duelo", slug="duelo")
    post = PostFactory(
        title="Despedidas que duelen",
        slug="despedidas",
        body="<p>Una entrada sobre los finales en terapia.</p><p>Y sobre cómo despedirse.</p>",
        sensitive_topics=True,
        author=ModeratorFactory(username="ana", first_name="Ana", last_name="Ruiz"),
    )
    post.categories.add(category)
    return post


@pytest.fixture
def conversacion(entrada):
    first = CommentFactory(
        post=entrada, author_name="Lucía", body="Gracias por escribir esto, me ayudó mucho."
    )
    CommentFactory(
        post=entrada, parent=first, author_name="Marta", body="A mí también me pasó lo mismo."
    )
    return first


def own(client, comment):
    session = client.session
    session["own_comments"] = {str(comment.pk): int(time.time())}
    session.save()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = session.session_key
    return client


def spanish_comment(post, **fields):
    fields.setdefault("body", "Hoy fue un día difícil, pero leeros me acompaña.")
    fields.setdefault("name", "Lucía")
    return comment_data(post, **fields)


# Reader pages -------------------------------------------------------------------------------


def test_reader_pages_are_all_in_spanish(es, client, conversacion):
    post = conversacion.post
    pages = {
        "home": reverse("blog:home"),
        "post with comments": post.get_absolute_url(),
        "category": reverse("blog:category", args=["duelo"]),
        "month": post.get_absolute_url().rsplit("/", 2)[0] + "/",
        "search with results": reverse("blog:search") + "?q=despedidas",
        "search without results": reverse("blog:search") + "?q=zzzz",
        "support": reverse("comments:support"),
        "privacy": reverse("comments:privacy"),
        "privacy sent": reverse("comments:privacy_sent"),
    }
    for label, url in pages.items():
        assert_page_spanish(label, client.get(url))


def test_a_reply_form_and_closed_comments_are_in_spanish(es, client, conversacion):
    post = conversacion.post
    reply = client.get(post.get_absolute_url() + f"?replyto={conversacion.pk}")
    assert_page_spanish("reply form", reply)
    post.comments_open = False
    post.save()
    assert_page_spanish("closed comments", client.get(post.get_absolute_url()))


def test_long_threads_paginate_in_spanish(es, client, entrada, settings):
    settings.COMMENTS_THREADS_PER_PAGE = 1
    for name in ("Lucía", "Marta"):
        CommentFactory(post=entrada, author_name=name, body="Un abrazo desde aquí.")
    assert_page_spanish("comments page 2", client.get(entrada.get_absolute_url() + "?cpage=2"))


def test_writer_form_errors_and_refusals_are_in_spanish(es, client, entrada):
    url = reverse("comments:post", args=[entrada.pk])
    empty = client.post(url, spanish_comment(entrada, body="", name=""))
    assert_page_spanish("empty form", empty, status=empty.status_code)
    bad = client.post(url, spanish_comment(entrada, email="no-es-correo", url="nada"))
    assert_page_spanish("bad email and website", bad, status=bad.status_code)
    stale = client.post(url, spanish_comment(entrada, security="abc:def"))
    assert stale.status_code in (200, 302, 400)
    client.post(url, spanish_comment(entrada, body="Un texto único para repetir."))
    twice = Client().post(url, spanish_comment(entrada, body="Un texto único para repetir."))
    if twice.status_code != 302:
        assert_page_spanish("duplicate", twice, status=twice.status_code)


def test_what_a_writer_sees_after_sending_is_in_spanish(es, client, entrada, settings):
    response = client.post(
        reverse("comments:post", args=[entrada.pk]),
        spanish_comment(entrada, content_note="on"),
    )
    assert response.status_code == 302
    assert_page_spanish("pending notice", client.get(response["Location"]))
    mine = Comment.objects.get()
    for label, name in (("edit own", "comments:edit"), ("delete own", "comments:delete")):
        assert_page_spanish(label, client.get(reverse(name, args=[mine.pk])))
    empty_edit = client.post(reverse("comments:edit", args=[mine.pk]), {"body": ""})
    assert_page_spanish("edit own, empty", empty_edit, status=empty_edit.status_code)


@pytest.mark.parametrize("level", ["crisis", "imminent"])
def test_the_crisis_panel_after_sending_is_in_spanish(es, client, entrada, level):
    comment = CommentFactory(
        post=entrada,
        status=Comment.Status.PENDING,
        crisis_level=level,
        body="No puedo más.",
        author_name="Lucía",
    )
    response = own(client, comment).get(reverse("comments:after_submit", args=[comment.pk]))
    assert_page_spanish(f"after submit ({level})", response)


def test_reporting_a_comment_is_in_spanish(es, client, conversacion):
    url = reverse("comments:report", args=[conversacion.pk])
    assert_page_spanish("report", client.get(url))
    refused = client.post(url, {"note": "mm"})
    assert_page_spanish("report without a reason", refused)
    sent = client.post(url, {"reason": "worried", "note": "Me preocupa."}, follow=True)
    assert_page_spanish("report sent", sent)


def test_privacy_links_and_erasure_are_in_spanish(es, client, entrada, settings):
    CommentFactory(post=entrada, author_email="lucia@example.org", body="Mi comentario.")
    token = personal_data.make_token("lucia@example.org")
    url = reverse("comments:privacy_confirm", args=[token])
    assert_page_spanish("privacy confirm", client.get(url))
    assert_page_spanish("privacy erase", client.post(url, {"action": "erase"}))
    invalid = client.get(reverse("comments:privacy_confirm", args=[token + "x"]))
    assert_page_spanish("privacy invalid", invalid, status=400)
    bad = client.post(reverse("comments:privacy"), {"email": "no es un correo"})
    assert_page_spanish("privacy bad address", bad)
    settings.COMMENTS_EMAIL_RETENTION_DAYS = 30
    assert_page_spanish("privacy with retention", client.get(reverse("comments:privacy")))
    erased = client.post(url, {"action": "erase_confirmed"}, follow=True)
    assert_page_spanish("privacy erased", erased)


def test_reply_email_subscription_pages_are_in_spanish(es, client, conversacion):
    subscription = Subscription.objects.create(
        comment=conversacion, email="lucia@example.org", token="t" * 30
    )
    url = reverse("comments:confirm_subscription", args=[subscription.token])
    assert_page_spanish("confirm subscription", client.get(url))
    confirmed = client.post(url, follow=True)
    assert_page_spanish("subscription confirmed", confirmed)
    assert_page_spanish("confirmed again", client.get(url))
    gone = client.get(reverse("comments:unsubscribe", args=[subscription.token]))
    assert_page_spanish("unsubscribed", gone)


def test_error_pages_are_in_spanish(es, client, entrada, settings):
    assert_page_spanish("404", client.get("/no-existe/"), status=404)
    strict = Client(enforce_csrf_checks=True)
    refused = strict.post(reverse("comments:post", args=[entrada.pk]), spanish_comment(entrada))
    assert_page_spanish("403 csrf", refused, status=403)
    for template in ("400.html", "500.html"):
        html = render_to_string(template)
        assert '<html lang="es">' in html
        assert_spanish(template, visible_text(html))
    reader = Client()
    reader.force_login(UserFactory(username="lector"))
    assert_page_spanish("403", reader.get(reverse("moderation:queue")), status=403)
    huge = client.post(
        reverse("comments:post", args=[entrada.pk]),
        spanish_comment(entrada, body="palabra " * 40_000),
    )
    assert_page_spanish("413", huge, status=huge.status_code)


def test_the_database_away_page_is_in_spanish(es, entrada):
    from django.db import OperationalError

    from comments.middleware import DatabaseUnavailableMiddleware

    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    writing = RequestFactory().post(
        reverse("comments:post", args=[entrada.pk]), spanish_comment(entrada)
    )
    reading = RequestFactory().get(entrada.get_absolute_url())
    for label, request in (("503 with the text kept", writing), ("503", reading)):
        page = middleware.process_exception(request, OperationalError("gone"))
        assert_page_spanish(label, page, status=503)


# Moderators ---------------------------------------------------------------------------------


@pytest.fixture
def cola(conversacion):
    """A queue with one of everything: pending, crisis-flagged, reported, spam, removed."""
    post = conversacion.post
    CommentFactory(
        post=post,
        status=Comment.Status.PENDING,
        author_name="Pedro",
        body="Primera vez aquí.",
        flags=["first comment", "3 links", "crisis language: distress", "hold term: dinero"],
    )
    CommentFactory(
        post=post,
        status=Comment.Status.PENDING,
        author_name="Sol",
        author_email="sol@example.org",
        body="No quiero seguir.",
        crisis_level="imminent",
        crisis_categories=["plan", "method"],
        crisis_matches=["no quiero seguir"],
        created_at=timezone.now() - timedelta(hours=5),
    )
    Report.objects.create(comment=conversacion, reason="abusive", note="Me pareció duro.")
    Comment.objects.filter(pk=conversacion.pk).update(open_reports=1)
    CommentFactory(post=post, status=Comment.Status.SPAM, author_name="Bot", body="Compra ya.")
    CommentFactory(post=post, status=Comment.Status.REMOVED, author_name="Rui", body="Borrado.")
    return post


def test_login_and_locked_out_pages_are_in_spanish(es, client, moderator):
    url = reverse("login")
    assert_page_spanish("login", client.get(url))
    wrong = client.post(url, {"username": moderator.username, "password": "no"})
    assert_page_spanish("login refused", wrong)
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT):
        locked = client.post(url, {"username": moderator.username, "password": "no"})
    assert_page_spanish("locked out", locked, status=locked.status_code)


def test_every_queue_tab_and_page_is_in_spanish(es, moderator_client, cola):
    from moderation.queue import TAB_SLUGS

    queue = reverse("moderation:queue")
    for slug in sorted(TAB_SLUGS):
        assert_page_spanish(f"queue tab {slug}", moderator_client.get(queue, {"tab": slug}))
    assert_page_spanish("queue search", moderator_client.get(queue, {"q": "nadie"}))
    waiting = Comment.objects.filter(status=Comment.Status.PENDING).first()
    for label, url in {
        "edit": reverse("moderation:edit", args=[waiting.pk]),
        "reply": reverse("moderation:reply", args=[waiting.pk]),
        "confirm": reverse("moderation:action", args=[waiting.pk, "approve"]),
        "activity": reverse("moderation:activity"),
    }.items():
        assert_page_spanish(label, moderator_client.get(url))
    bad_edit = moderator_client.post(reverse("moderation:edit", args=[waiting.pk]), {"body": ""})
    assert_page_spanish("edit refused", bad_edit, status=bad_edit.status_code)
    bad_reply = moderator_client.post(reverse("moderation:reply", args=[waiting.pk]), {"body": ""})
    assert_page_spanish("reply refused", bad_reply, status=bad_reply.status_code)


def test_queue_actions_answer_in_spanish(es, moderator_client, cola, run_on_commit):
    waiting = list(Comment.objects.filter(status=Comment.Status.PENDING))
    json = {"HTTP_ACCEPT": "application/json"}
    answers = [
        moderator_client.post(
            reverse("moderation:action", args=[waiting[0].pk, "approve"]), **json
        ),
        moderator_client.post(reverse("moderation:not_crisis", args=[waiting[1].pk]), **json),
        moderator_client.post(
            reverse("moderation:bulk"),
            {"bulk_action": "spam", "ids": [c.pk for c in waiting]},
            **json,
        ),
        moderator_client.post(reverse("moderation:bulk"), {"bulk_action": "spam"}, **json),
        moderator_client.post(
            reverse("moderation:reply", args=[waiting[1].pk]), {"body": "Gracias."}, **json
        ),
    ]
    for answer in answers:
        payload = answer.json()
        assert_spanish(f"queue answer {payload}", payload.get("message", ""))
        for item in payload.get("items", []):
            assert_spanish("status label", item.get("status_label", ""))
    followed = moderator_client.post(
        reverse("moderation:action", args=[waiting[0].pk, "remove"]), follow=True
    )
    assert_page_spanish("queue after an action", followed)
    assert_page_spanish(
        "activity with events", moderator_client.get(reverse("moderation:activity"))
    )
    assert ModerationEvent.objects.exists()


def test_profile_content_note_and_new_queue_actions_answer_in_spanish(
    es, moderator_client, cola, run_on_commit
):
    assert_page_spanish("profile", moderator_client.get(reverse("moderation:profile")))
    refused = moderator_client.post(reverse("moderation:profile"), {"display_name": ""})
    assert_page_spanish("profile refused", refused, status=refused.status_code)
    waiting = Comment.objects.filter(status=Comment.Status.PENDING).first()
    note_url = reverse("moderation:content_note", args=[waiting.pk])
    assert_page_spanish("content note", moderator_client.get(note_url))
    too_long = moderator_client.post(note_url, {"content_note": "x" * 500})
    assert_page_spanish("content note refused", too_long, status=too_long.status_code)
    json = {"HTTP_ACCEPT": "application/json"}
    approved = Comment.objects.get(author_name="Marta")
    report = Report.objects.get()
    answers = [
        moderator_client.post(note_url, {"content_note": "menciona una pérdida"}, **json),
        moderator_client.post(note_url, {"content_note": "menciona una pérdida"}, **json),
        moderator_client.post(note_url, {"content_note": ""}, **json),
        moderator_client.post(reverse("moderation:action", args=[approved.pk, "no_reply"]), **json),
        moderator_client.post(reverse("moderation:dismiss_report", args=[report.pk]), **json),
    ]
    for answer in answers:
        assert_spanish(f"queue answer {answer.json()}", answer.json()["message"])


def test_the_activity_log_shows_automatic_notes_and_who_in_spanish(
    es, moderator_client, cola, run_on_commit
):
    waiting = Comment.objects.get(author_name="Pedro")
    moderator_client.post(reverse("moderation:reply", args=[waiting.pk]), {"body": "Gracias."})
    moderator_client.post(
        reverse("moderation:content_note", args=[waiting.pk]), {"content_note": "menciona un duelo"}
    )
    moderator_client.post(reverse("moderation:dismiss_report", args=[Report.objects.get().pk]))
    moderator_client.post(
        reverse("moderation:not_crisis", args=[Comment.objects.get(author_name="Sol").pk])
    )
    transitions.propose_edit(
        Comment.objects.get(author_name="Marta"),
        body="Lo mismo, en otras palabras.",
        flags=["staff"],
    )
    transitions.record_submission(
        CommentFactory(post=cola, author_name="Eva"), note="first comment"
    )
    page = moderator_client.get(reverse("moderation:activity"))
    assert_page_spanish("activity with automatic notes", page)
    text = page.content.decode()
    assert "aprobado con una respuesta" in text
    assert "quien escribió" in text
    assert "Lo mismo, en otras palabras." in text  # the proposed words, untouched


def test_an_audit_note_translates_up_to_the_comments_own_words(es):
    from moderation.labels import note_label

    note = "first comment; 2 links\nProposed text:\nstaff\napproved with a reply"
    assert note_label(note) == (
        "primer comentario; 2 enlaces\nTexto propuesto:\nstaff\napproved with a reply"
    )
    assert note_label("a moderator's own words") == "a moderator's own words"


def test_the_default_content_note_reads_in_spanish_and_a_typed_one_as_typed(es, client, entrada):
    from comments.models import DEFAULT_CONTENT_NOTE

    CommentFactory(
        post=entrada,
        author_name="Lucía",
        body="Hoy lo echo de menos.",
        content_note=DEFAULT_CONTENT_NOTE,
    )
    CommentFactory(
        post=entrada,
        author_name="Marta",
        body="A mí me pasó igual.",
        content_note="menciona a mi padre",
    )
    page = client.get(entrada.get_absolute_url())
    assert_page_spanish("post with content notes", page)
    text = page.content.decode()
    assert "Habla de algo que puede afectar" in text
    assert "menciona a mi padre" in text


# Emails -------------------------------------------------------------------------------------


def assert_mail_spanish(message):
    label = f"email {message.subject!r}"
    assert_spanish(label + " (subject)", message.subject)
    assert_spanish(label, message.body)


def test_the_edit_and_worried_alerts_are_in_spanish(es, cola, mailoutbox, run_on_commit):
    from moderation.mail import alert_worried

    ModeratorFactory(email="modera@example.org")
    approved = Comment.objects.get(author_name="Marta")
    run_on_commit(notify_moderators, approved, proposed_edit="Lo mismo, en otras palabras.")
    Report.objects.create(comment=approved, reason="worried", ip_hash="a" * 64)
    run_on_commit(alert_worried, approved)
    assert len(mailoutbox) == 2
    for message in mailoutbox:
        assert_mail_spanish(message)


def test_every_email_is_in_spanish(es, client, cola, mailoutbox, run_on_commit, settings):
    ModeratorFactory(email="modera@example.org")
    post = cola
    # The writer asks for reply emails; the moderators hear of the held comment.
    run_on_commit(
        client.post,
        reverse("comments:post", args=[post.pk]),
        spanish_comment(post, email="lucia@example.org", notify="on"),
    )
    # A crisis comment: the urgent alert.
    flagged = Comment.objects.get(author_name="Sol")
    run_on_commit(notify_moderators, flagged)
    # The digest.
    settings.COMMENTS_MODERATOR_EMAILS = "digest"
    message = send_digest()
    deliver(message.pk)
    # A confirmed subscriber hears of an approved reply.
    parent = Comment.objects.get(author_name="Lucía", parent=None, body__startswith="Gracias")
    Subscription.objects.create(
        comment=parent, email="lucia@example.org", token="s" * 30, confirmed_at=timezone.now()
    )
    reply = CommentFactory(
        parent=parent, status=Comment.Status.PENDING, author_name="Marta", body="Te entiendo."
    )
    run_on_commit(moderator_actions.approve, reply)
    # The privacy link.
    CommentFactory(post=post, author_email="rosa@example.org", body="Mío.")
    run_on_commit(client.post, reverse("comments:privacy"), {"email": "rosa@example.org"})
    kinds = {m.subject for m in mailoutbox}
    assert len(kinds) >= 5, kinds
    for message in mailoutbox:
        assert_mail_spanish(message)


# The catalogue ------------------------------------------------------------------------------


def test_spanish_pages_say_so_in_the_html_lang(es, client, entrada):
    html = client.get(entrada.get_absolute_url()).content.decode()
    assert '<html lang="es">' in html


def test_english_stays_the_default(client, entrada):
    html = client.get(entrada.get_absolute_url()).content.decode()
    assert '<html lang="en">' in html and "Leave a Reply" in html


def test_seeded_crisis_resources_read_in_spanish_and_edited_ones_as_typed(es, client):
    html = client.get(reverse("comments:support")).content.decode()
    assert "Servicios de emergencia" in html
    resource = CrisisResource.objects.exclude(description="").first()
    resource.description = "Texto escrito a mano en la administración."
    resource.save()
    html = client.get(reverse("comments:support")).content.decode()
    assert "Texto escrito a mano en la administración." in html


def entries(po_text):
    """{(msgctxt, msgid): translated?} of a .po file's live (not obsolete) entries."""
    found = {}
    for block in po_text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        fields, current = {}, None
        for line in lines:
            if line.startswith("#"):
                if line.startswith("#,") and "fuzzy" in line:
                    fields["fuzzy"] = True
                continue
            keyword, _, rest = line.partition(" ")
            if line.startswith('"'):
                fields[current] += ast.literal_eval(line)  # C-quoted, as gettext writes
            else:
                current = keyword
                fields[current] = ast.literal_eval(rest)
        key = (fields.get("msgctxt"), fields["msgid"])
        if key == (None, ""):
            continue
        strings = [v for k, v in fields.items() if k.startswith("msgstr")]
        found[key] = bool(strings) and all(strings) and not fields.get("fuzzy")
    return found


def test_the_committed_catalogue_is_complete_with_no_fuzzy_or_empty_entry():
    catalogue = entries(CATALOGUE.read_text())
    assert len(catalogue) > 250
    untranslated = sorted(msgid for (ctx, msgid), done in catalogue.items() if not done)
    assert not untranslated, f"untranslated or fuzzy: {untranslated}"
    checked = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(CATALOGUE)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr


def test_every_marked_string_is_in_the_catalogue(tmp_path, settings, monkeypatch):
    """What `makemessages -l es` would add to the committed catalogue: nothing."""
    copy = tmp_path / "haven"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "staticfiles", ".cache", "media", "__pycache__", "*.mo", "*.sqlite3*"
        ),
    )
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command("makemessages", verbosity=0, **MAKEMESSAGES)
    after = entries((copy / "locale" / "es" / "LC_MESSAGES" / "django.po").read_text())
    before = entries(CATALOGUE.read_text())
    missing = sorted(
        msgid for (ctx, msgid), done in after.items() if (ctx, msgid) not in before or not done
    )
    assert not missing, (
        "marked but not in locale/es/LC_MESSAGES/django.po (run makemessages and translate):\n  "
        + "\n  ".join(missing)
    )


def test_every_seeded_text_readers_see_is_listed_for_the_catalogue():
    from importlib import import_module

    from blog import seeded_texts as site_texts
    from blog.models import SiteSettings
    from support import seeded_texts

    seed = import_module("comments.migrations.0003_seed_crisis_resources").RESOURCES
    listed = {
        "description": seeded_texts.DESCRIPTIONS,
        "languages": seeded_texts.LANGUAGES,
        "hours": seeded_texts.HOURS,
    }
    for field, texts in listed.items():
        assert {r[field] for r in seed if r.get(field)} <= set(texts), field
    worded = {r["phone_display"] for r in seed if re.search("[a-z]", r.get("phone_display", ""))}
    assert worded <= set(seeded_texts.PHONE_DISPLAYS)
    for field in ("tagline", "footer_disclaimer"):
        assert SiteSettings._meta.get_field(field).default in site_texts.DEFAULTS
