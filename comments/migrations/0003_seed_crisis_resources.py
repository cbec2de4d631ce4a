"""Seed the default crisis resources from ../shared/CRISIS.md ("Default resources").

Every row of that table, with its official page and the date it was last checked, so the admin
can warn when one goes stale. The owner edits them in the admin afterwards. Emergency services
come first within a region (lowest ``order``); the support page keeps that order.
"""

from datetime import date

from django.db import migrations

VERIFIED = date(2026, 11, 25)

RESOURCES = [
    # United States
    {
        "region": "US",
        "order": 10,
        "category": "emergency",
        "name": "Emergency services",
        "phone": "911",
        "hours": "24/7",
        "description": "Police, ambulance and fire. Call if you or someone else is in danger now.",
        "source_url": "https://www.911.gov/",
    },
    {
        "region": "US",
        "order": 20,
        "category": "crisis_line",
        "name": "988 Suicide & Crisis Lifeline",
        "phone": "988",
        "sms_number": "988",
        "url": "https://988lifeline.org",
        "hours": "24/7",
        "languages": "English, Spanish",
        "description": "Free, confidential support from a trained counselor by call, text or chat, "
        "for anyone in distress or thinking about suicide.",
        "source_url": "https://988lifeline.org/get-help/",
    },
    {
        "region": "US",
        "order": 30,
        "category": "text_line",
        "name": "Crisis Text Line",
        "sms_number": "741741",
        "sms_keyword": "HOME",
        "url": "https://www.crisistextline.org",
        "hours": "24/7",
        "languages": "English",
        "description": "Text with a trained volunteer if talking out loud feels like too much.",
        "source_url": "https://www.crisistextline.org/text-us/",
    },
    {
        "region": "US",
        "order": 40,
        "category": "sexual_assault",
        "name": "RAINN National Sexual Assault Hotline",
        "phone": "800-656-4673",
        "phone_display": "800-656-HOPE (4673)",
        "url": "https://www.rainn.org",
        "hours": "24/7",
        "languages": "English, Spanish",
        "description": "Confidential support after sexual assault or abuse, by phone or online "
        "chat, however long ago it happened.",
        "source_url": "https://www.rainn.org/resources",
    },
    # Canada
    {
        "region": "CA",
        "order": 20,
        "category": "crisis_line",
        "name": "9-8-8 Suicide Crisis Helpline",
        "phone": "988",
        "phone_display": "9-8-8",
        "sms_number": "988",
        "url": "https://988.ca",
        "hours": "24/7",
        "languages": "English, French",
        "description": "Call or text 9-8-8 to reach a trained responder if you are thinking about "
        "suicide or worried about someone.",
        "source_url": "https://988.ca",
    },
    {
        "region": "CA",
        "order": 30,
        "category": "text_line",
        "name": "Kids Help Phone",
        "sms_number": "686868",
        "sms_keyword": "CONNECT",
        "url": "https://kidshelpphone.ca",
        "hours": "24/7",
        "languages": "English, French",
        "description": "Text a trained volunteer. Open to young people and to adults.",
        "source_url": "https://kidshelpphone.ca/text",
    },
    # United Kingdom
    {
        "region": "GB",
        "order": 10,
        "category": "emergency",
        "name": "Emergency services",
        "phone": "999",
        "hours": "24/7",
        "description": "Police, ambulance and fire. Call if you or someone else is in danger now.",
        "source_url": "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/"
        "when-to-call-999/",
    },
    {
        "region": "GB",
        "order": 20,
        "category": "crisis_line",
        "name": "Samaritans",
        "phone": "116 123",
        "url": "https://www.samaritans.org",
        "hours": "24/7",
        "languages": "English",
        "description": "Free from any phone. Someone to listen, whatever you are going through. "
        "You can also email jo@samaritans.org.",
        "source_url": "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
    },
    {
        "region": "GB",
        "order": 30,
        "category": "text_line",
        "name": "Shout",
        "sms_number": "85258",
        "sms_keyword": "SHOUT",
        "url": "https://giveusashout.org",
        "hours": "24/7",
        "languages": "English",
        "description": "Free, confidential text support with a trained volunteer.",
        "source_url": "https://giveusashout.org/get-help/",
    },
    # Ireland
    {
        "region": "IE",
        "order": 20,
        "category": "crisis_line",
        "name": "Samaritans",
        "phone": "116 123",
        "url": "https://www.samaritans.org/ireland/",
        "hours": "24/7",
        "languages": "English",
        "description": "Free from any phone. Someone to listen, whatever you are going through.",
        "source_url": "https://www.samaritans.org/ireland/how-we-can-help/contact-samaritan/",
    },
    {
        "region": "IE",
        "order": 30,
        "category": "text_line",
        "name": "50808",
        "sms_number": "50808",
        "sms_keyword": "TALK",
        "url": "https://50808.ie",
        "hours": "24/7",
        "languages": "English",
        "description": "Free, anonymous text support with a trained volunteer.",
        "source_url": "https://50808.ie",
    },
    # Australia
    {
        "region": "AU",
        "order": 10,
        "category": "emergency",
        "name": "Emergency services",
        "phone": "000",
        "phone_display": "000 (112 from mobiles)",
        "hours": "24/7",
        "description": "Police, ambulance and fire. Call if you or someone else is in danger now. "
        "112 also works from mobile phones.",
        "source_url": "https://www.triplezero.gov.au/",
    },
    {
        "region": "AU",
        "order": 20,
        "category": "crisis_line",
        "name": "Lifeline",
        "phone": "13 11 14",
        "sms_number": "0477 13 11 14",
        "url": "https://www.lifeline.org.au",
        "hours": "24/7",
        "languages": "English",
        "description": "Crisis support and suicide prevention by phone, text or online chat.",
        "source_url": "https://www.lifeline.org.au/131114/",
    },
    # Everywhere else
    {
        "region": "INTL",
        "order": 90,
        "category": "directory",
        "name": "Find A Helpline",
        "url": "https://findahelpline.com",
        "languages": "Many languages",
        "description": "Free, confidential helplines in your country: about 1,300 services in "
        "130 countries.",
        "source_url": "https://findahelpline.com",
    },
]


def seed(apps, schema_editor):
    CrisisResource = apps.get_model("comments", "CrisisResource")
    for row in RESOURCES:
        # The historical model's save() skips full_clean: the rows above are valid as written.
        CrisisResource.objects.create(last_verified=VERIFIED, active=True, **row)


def unseed(apps, schema_editor):
    CrisisResource = apps.get_model("comments", "CrisisResource")
    for row in RESOURCES:
        CrisisResource.objects.filter(region=row["region"], name=row["name"]).delete()


class Migration(migrations.Migration):
    dependencies = [("comments", "0002_moderators_group")]

    operations = [migrations.RunPython(seed, unseed)]
