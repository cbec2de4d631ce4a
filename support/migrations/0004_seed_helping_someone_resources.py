"""Seed guidance for a writer worried about someone else (issue 15, "third person").

Each is the service's own page on helping another person (a web page: the listening line
itself is listed beside it, see support.resources.helping_resources), checked on 2026-12-05 against
published descriptions of the service; the admin warns when the date goes stale. They are shown
only to a writer whose comment is about someone else at risk, never in place of the lines for
a writer's own crisis.
"""

from datetime import date

from django.db import migrations

VERIFIED = date(2026, 12, 5)

RESOURCES = [
    {
        "region": "US",
        "order": 60,
        "category": "helping",
        "name": "988 Lifeline: help someone else",
        "url": "https://988lifeline.org/help-someone-else/",
        "languages": "English, Spanish",
        "description": "How to ask someone directly if they are thinking about suicide, how to "
        "listen, and how to help them stay safe. You can call or text 988 yourself, too, to "
        "talk through what to do.",
        "source_url": "https://988lifeline.org/help-someone-else/",
    },
    {
        "region": "GB",
        "order": 60,
        "category": "helping",
        "name": "Samaritans: if you're worried about someone",
        "url": "https://www.samaritans.org/how-we-can-help/if-youre-worried-about-someone-else/",
        "languages": "English",
        "description": "Signs that someone may be struggling, how to start a conversation and "
        "what to say. You can call Samaritans yourself, too, to talk it over.",
        "source_url": "https://www.samaritans.org/how-we-can-help/"
        "if-youre-worried-about-someone-else/",
    },
]


def seed(apps, schema_editor):
    CrisisResource = apps.get_model("support", "CrisisResource")
    for row in RESOURCES:
        CrisisResource.objects.create(last_verified=VERIFIED, active=True, **row)


def unseed(apps, schema_editor):
    CrisisResource = apps.get_model("support", "CrisisResource")
    for row in RESOURCES:
        CrisisResource.objects.filter(region=row["region"], name=row["name"]).delete()


class Migration(migrations.Migration):
    dependencies = [("support", "0003_seed_resources_beyond_english")]

    operations = [migrations.RunPython(seed, unseed)]
