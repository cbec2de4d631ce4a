from django.conf import settings
from django.db import migrations, models


def count_existing_comments(apps, schema_editor):
    """Fill the new counts on every post (comments.tree.recount keeps them from now on)."""
    Post = apps.get_model("blog", "Post")
    Comment = apps.get_model("comments", "Comment")
    for post_id in Post.objects.values_list("pk", flat=True).iterator():
        counts = Comment.objects.filter(post_id=post_id, status="approved").aggregate(
            count=models.Count("root_id"), threads=models.Count("root_id", distinct=True)
        )
        Post.objects.filter(pk=post_id).update(
            comment_count=counts["count"], comment_thread_count=counts["threads"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0002_post_comment_counts"),
        ("comments", "0003_seed_crisis_resources"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                condition=models.Q(("parent", None)),
                fields=["post", "created_at", "id"],
                name="comment_threads",
            ),
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(fields=["status", "created_at"], name="comment_feed"),
        ),
        migrations.RunPython(count_existing_comments, migrations.RunPython.noop),
    ]
