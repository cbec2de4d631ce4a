"""A database made by the migrations of before the split keeps every row after migrating.

Migrates back to the app states of commit 474accf (CrisisResource still in comments), writes
rows with the historical models, migrates forward, and reads them through today's models.
"""

from datetime import date
from importlib import import_module

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from comments.models import Comment, ModerationEvent, OutgoingEmail, Report, Subscription
from support.models import CrisisResource

BEFORE_THE_SPLIT = [
    ("blog", "0002_post_comment_counts"),
    ("comments", "0004_thread_and_feed_indexes_and_counts"),
    ("support", None),
]


# Support lines seeded by migrations after the split: migrating forward adds them.
SEEDED_AFTER_THE_SPLIT = sum(
    len(import_module(f"support.migrations.{name}").RESOURCES)
    for name in ("0003_seed_resources_beyond_english", "0004_seed_helping_someone_resources")
)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def _write_old_rows(apps):
    user = apps.get_model("auth", "User").objects.create(username="dana", email="d@example.org")
    post = apps.get_model("blog", "Post").objects.create(
        title="Old post", slug="old-post", body="<p>Hello</p>", author_id=user.pk
    )
    Comment_ = apps.get_model("comments", "Comment")
    first = Comment_.objects.create(
        post=post,
        author_name="Ana",
        body="First",
        body_html="<p>First</p>",
        status="approved",
        crisis_level="distress",
        crisis_rank=1,
    )
    Comment_.objects.filter(pk=first.pk).update(root=first.pk)
    reply = Comment_.objects.create(
        post=post,
        parent=first,
        root=first,
        depth=2,
        author_name="Ben",
        body="Reply",
        body_html="<p>Reply</p>",
        status="pending",
        author_email="ben@example.org",
    )
    apps.get_model("comments", "ModerationEvent").objects.create(
        comment=first, comment_ref=first.pk, actor_label="writer", action="submit"
    )
    apps.get_model("comments", "ModerationEvent").objects.create(
        comment=first,
        comment_ref=first.pk,
        action="approve",
        from_status="pending",
        to_status="approved",
        actor_id=user.pk,
    )
    apps.get_model("comments", "Report").objects.create(comment=first, reason="worried")
    apps.get_model("comments", "Subscription").objects.create(
        comment=reply, email="ben@example.org", token="t" * 40
    )
    apps.get_model("comments", "OutgoingEmail").objects.create(
        to=["ben@example.org"], subject="Please confirm", body="...", kind="confirm"
    )
    apps.get_model("comments", "CrisisResource").objects.create(
        name="Old Line",
        category="crisis_line",
        region="GB",
        phone="116 123",
        last_verified=date(2026, 11, 1),
    )
    return first.pk, reply.pk


def _counts():
    models = [Comment, ModerationEvent, Report, Subscription, OutgoingEmail, CrisisResource]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db(transaction=True)
def test_migrating_a_database_from_before_the_split_keeps_every_row():
    latest = _latest()
    old_apps = _migrate(BEFORE_THE_SPLIT)
    old_type = ContentType.objects.get(model="crisisresource")
    assert old_type.app_label == "comments"
    change = Permission.objects.get(content_type=old_type, codename="change_crisisresource")
    editors = Group.objects.create(name="Resource editors")
    editors.permissions.add(change)
    first_pk, reply_pk = _write_old_rows(old_apps)
    before = {
        name: old_apps.get_model("comments", name).objects.count()
        for name in [
            "Comment",
            "ModerationEvent",
            "Report",
            "Subscription",
            "OutgoingEmail",
            "CrisisResource",
        ]
    }

    _migrate(latest)

    assert _counts() == {
        **before,
        "CrisisResource": before["CrisisResource"] + SEEDED_AFTER_THE_SPLIT,
    }
    first, reply = Comment.objects.get(pk=first_pk), Comment.objects.get(pk=reply_pk)
    assert (first.body, first.crisis_level, first.status) == ("First", "distress", "approved")
    assert (reply.parent_id, reply.root_id, reply.author_email) == (
        first_pk,
        first_pk,
        "ben@example.org",
    )
    assert list(first.events.values_list("action", flat=True).order_by("pk")) == [
        ModerationEvent.Action.SUBMIT,
        ModerationEvent.Action.APPROVE,
    ]
    assert reply.subscriptions.get().email == "ben@example.org"
    line = CrisisResource.objects.get(name="Old Line")
    assert (line.region, line.phone, line.last_verified) == ("GB", "116 123", date(2026, 11, 1))
    assert ContentType.objects.get_for_model(CrisisResource).pk == old_type.pk
    assert Group.objects.get(name="Resource editors").permissions.get() == change
    assert Permission.objects.get(pk=change.pk).content_type.app_label == "support"
    moderators = Group.objects.get(name="Moderators")
    assert moderators.permissions.filter(codename="moderate_comment").exists()
