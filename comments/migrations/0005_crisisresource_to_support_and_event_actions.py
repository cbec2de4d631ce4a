"""CrisisResource now belongs to support (support 0001 takes it over, table and rows kept);
moderation event actions become choices (no change to the column)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0004_thread_and_feed_indexes_and_counts"),
        ("support", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CrisisResource")],
            database_operations=[],  # the table now belongs to support.CrisisResource
        ),
        migrations.AlterField(
            model_name="moderationevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("submit", "Submitted"),
                    ("approve", "Approved"),
                    ("spam", "Marked as spam"),
                    ("remove", "Removed"),
                    ("restore", "Restored"),
                    ("edit", "Edited"),
                    ("not_crisis", "Marked as not a crisis"),
                    ("erase", "Erased on request"),
                    ("purge", "Purged"),
                ],
                max_length=30,
            ),
        ),
    ]
