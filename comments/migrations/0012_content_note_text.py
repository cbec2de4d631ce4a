"""content_note was a yes/no box; it becomes the note itself ("mentions self-harm").

Comments that had the box ticked keep a note that says what the box said.
"""

from django.db import migrations, models

DEFAULT_CONTENT_NOTE = "Talks about something distressing"  # as comments.models, frozen here


def to_text(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    Comment.objects.filter(content_note=True).update(content_note_text=DEFAULT_CONTENT_NOTE)


def to_flag(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    Comment.objects.exclude(content_note_text="").update(content_note=True)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0011_comment_no_reply_needed"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="content_note_text",
            field=models.CharField(blank=True, default="", max_length=120),
        ),
        migrations.RunPython(to_text, to_flag),
        migrations.RemoveField(model_name="comment", name="content_note"),
        migrations.RenameField(
            model_name="comment", old_name="content_note_text", new_name="content_note"
        ),
        migrations.AlterField(
            model_name="comment",
            name="content_note",
            field=models.CharField(
                blank=True,
                help_text="Shown first; the comment stays collapsed behind it (e.g. mentions self-harm).",
                max_length=120,
            ),
        ),
    ]
