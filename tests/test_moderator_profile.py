"""Moderators sign replies with a display name: create_moderator, the profile page, replies."""

import io
import re
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from moderation.models import ModeratorProfile

from .factories import UserFactory

PROJECT = Path(__file__).resolve().parent.parent
PROFILE = "/moderation/profile/"
User = get_user_model()


def create_moderator(*args, **options):
    out = io.StringIO()
    call_command("create_moderator", *args, stdout=out, **options)
    return out.getvalue()


def printed_password(output):
    return re.search(r"shown only this once: (\S+)", output).group(1)


# create_moderator ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_create_moderator_makes_a_group_member_who_is_not_a_superuser():
    output = create_moderator(display_name="Dana")
    user = User.objects.get(username="dana")
    assert list(user.groups.values_list("name", flat=True)) == ["Moderators"]
    assert user.has_perm("comments.moderate_comment")
    assert not user.is_superuser and not user.is_staff
    assert user.moderator_profile.display_name == "Dana"
    password = printed_password(output)
    assert user.check_password(password)
    assert output.count(password) == 1
    assert "Created moderator 'dana', whose replies are signed \"Dana\"." in output


@pytest.mark.django_db
def test_create_moderator_with_superuser_makes_the_owner_account():
    create_moderator("owner", display_name="Sam Owner", superuser=True)
    user = User.objects.get(username="owner")
    assert user.is_superuser and user.is_staff
    assert user.groups.filter(name="Moderators").exists()
    assert user.moderator_profile.display_name == "Sam Owner"


@pytest.mark.django_db
def test_a_second_moderator_with_the_same_name_gets_a_free_login():
    create_moderator(display_name="Dana")
    create_moderator(display_name="Dana")
    assert set(User.objects.values_list("username", flat=True)) == {"dana", "dana2"}


@pytest.mark.django_db
def test_running_again_for_a_login_resets_its_password_and_keeps_superuser_rights():
    first = printed_password(create_moderator("owner", display_name="Sam", superuser=True))
    output = create_moderator("owner")
    user = User.objects.get(username="owner")
    assert user.check_password(printed_password(output)) and not user.check_password(first)
    assert user.is_superuser
    assert user.moderator_profile.display_name == "Sam"
    assert "Reset the password of superuser and moderator 'owner'" in output


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the name readers will see on your replies."),
        ("   ", "Give the name readers will see on your replies."),
        ("x" * 51, "Keep the display name to 50 characters (it has 51)."),
    ],
)
def test_create_moderator_refuses_a_bad_display_name_and_creates_nobody(name, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        create_moderator(display_name=name)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_create_moderator_without_a_display_name_and_no_terminal_says_how_to_give_one():
    with pytest.raises(CommandError, match='--display-name "Dana"'):
        create_moderator()
    assert not User.objects.exists()


def test_make_moderator_passes_display_name_to_the_command():
    result = subprocess.run(
        ["make", "-n", "moderator", "DISPLAY_NAME=Dana Hale"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert 'manage.py create_moderator --display-name "Dana Hale"' in result.stdout


# The profile page ----------------------------------------------------------------------------


def test_the_queue_header_links_to_the_profile_page(moderator_client):
    page = moderator_client.get("/moderation/").content.decode()
    assert f'<a href="{PROFILE}">Your profile</a>' in page


def test_the_profile_page_has_a_display_name_field_with_the_current_name(
    moderator_client, moderator
):
    moderator.first_name, moderator.last_name = "Ruth", "Hale"
    moderator.save()
    html = moderator_client.get(PROFILE).content.decode()
    assert re.search(r'<label\s+for="id_display_name"[^>]*>\s*Display name<', html)
    assert 'name="display_name" value="Ruth Hale" maxlength="50"' in html


def test_saving_the_profile_changes_the_name_on_the_next_reply(moderator_client, comment):
    response = moderator_client.post(PROFILE, {"display_name": "  Dana  "}, follow=True)
    assert "Saved: your replies are now signed “Dana”." in response.content.decode()
    assert ModeratorProfile.objects.get().display_name == "Dana"

    moderator_client.post(
        reverse("moderation:reply", args=[comment.pk]), {"body": "Thank you for writing."}
    )
    reply = Comment.objects.get(is_staff_reply=True)
    assert reply.author_name == "Dana"
    html = Client().get(comment.post.get_absolute_url()).content.decode()
    assert re.search(r'class="comment-author"[^>]*>Dana</span>\s*<span class="author-badge">', html)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Give the name readers will see on your replies."),
        ("   ", "Give the name readers will see on your replies."),
        ("x" * 51, "Keep the display name to 50 characters (it has 51)."),
    ],
)
def test_the_profile_refuses_a_missing_or_too_long_name(moderator_client, value, message):
    response = moderator_client.post(PROFILE, {"display_name": value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ModeratorProfile.objects.exists()


def test_a_moderator_without_a_profile_signs_with_the_full_name_then_the_login(
    moderator_client, moderator, comment
):
    reply_url = reverse("moderation:reply", args=[comment.pk])
    moderator_client.post(reply_url, {"body": "Hello there"})
    moderator.first_name = "Ruth"
    moderator.save()
    moderator_client.post(reply_url, {"body": "Hello again"})
    names = Comment.objects.filter(is_staff_reply=True).order_by("pk")
    assert list(names.values_list("author_name", flat=True)) == [moderator.username, "Ruth"]


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_only_moderators_have_a_profile_page(client, who, db):
    if who == "reader":
        client.force_login(UserFactory())
    response = client.post(PROFILE, {"display_name": "Mallory"})
    assert response.status_code == (302 if who == "anonymous" else 403)
    assert not ModeratorProfile.objects.exists()


def test_the_admin_edits_a_moderators_display_name_on_the_user_page(admin_client, moderator):
    ModeratorProfile.objects.create(user=moderator, display_name="Dana")
    url = reverse("admin:auth_user_change", args=[moderator.pk])
    html = admin_client.get(url).content.decode()
    assert "Display name" in html and 'value="Dana"' in html
