"""CrisisResource moves from comments to support, rows and all (state only: its table is kept).

Its content type moves with it, so admin permissions granted on crisis resources keep working.
"""

import django.utils.timezone
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="comments", new="support"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    if not types.filter(app_label=new, model="crisisresource").exists():
        types.filter(app_label=old, model="crisisresource").update(app_label=new)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="support", new="comments")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("comments", "0004_thread_and_feed_indexes_and_counts"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CrisisResource',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120)),
                        ('category', models.CharField(choices=[('emergency', 'Emergency services'), ('crisis_line', 'Crisis line'), ('text_line', 'Text line'), ('sexual_assault', 'Sexual assault support'), ('directory', 'Directory of helplines')], max_length=20)),
                        ('region', models.CharField(help_text='ISO country code (GB, US...) or INTL.', max_length=4)),
                        ('phone', models.CharField(blank=True, help_text='Digits as dialled, e.g. 116 123.', max_length=40)),
                        ('phone_display', models.CharField(blank=True, help_text='e.g. 800-656-HOPE.', max_length=60)),
                        ('sms_number', models.CharField(blank=True, max_length=20)),
                        ('sms_keyword', models.CharField(blank=True, max_length=20)),
                        ('url', models.URLField(blank=True)),
                        ('hours', models.CharField(blank=True, max_length=100)),
                        ('languages', models.CharField(blank=True, max_length=100)),
                        ('description', models.TextField(blank=True)),
                        ('source_url', models.URLField(blank=True)),
                        ('last_verified', models.DateField(default=django.utils.timezone.localdate)),
                        ('order', models.PositiveSmallIntegerField(default=100)),
                        ('active', models.BooleanField(default=True)),
                    ],
                    options={
                        'db_table': 'comments_crisisresource',
                        'ordering': ['region', 'order', 'name'],
                    },
                ),
            ],
            database_operations=[],  # the table comments_crisisresource stays as it is
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
