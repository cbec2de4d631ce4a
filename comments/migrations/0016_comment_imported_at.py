from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def date_earlier_imports(apps, schema_editor):
    """Comments imported before this field existed: their import's audit event has the date."""
    Comment = apps.get_model("comments", "Comment")
    ModerationEvent = apps.get_model("comments", "ModerationEvent")
    import_event = ModerationEvent.objects.filter(
        comment_id=OuterRef("pk"), actor_label="import", action="submit"
    ).order_by("at")
    Comment.objects.filter(import_key__isnull=False, imported_at=None).update(
        imported_at=Subquery(import_event.values("at")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0015_comment_language_and_about_other"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="imported_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(date_earlier_imports, migrations.RunPython.noop),
    ]
