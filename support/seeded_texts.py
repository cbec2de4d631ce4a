"""The crisis resources' seeded English, listed for the translation catalogue.

CrisisResource rows are data: seeded by a migration, edited by the owner in the admin. Pages
show their name, hours, languages and description through ``gettext`` (``{% translate
resource.description %}``), so a seeded text reads in the site's language while a text edited
in the admin shows exactly as typed. Names are the services' own, so only the ones that merely
describe (for example "Emergency services") are translated.
"""

from django.utils.translation import gettext_noop

TRANSLATED_NAMES = [gettext_noop("Emergency services")]

HOURS = [gettext_noop("24/7")]

# Only the phone displays with words in them.
PHONE_DISPLAYS = [gettext_noop("000 (112 from mobiles)")]

LANGUAGES = [
    gettext_noop("English"),
    gettext_noop("English, French"),
    gettext_noop("English, Spanish"),
    gettext_noop("Many languages"),
]

DESCRIPTIONS = [
    gettext_noop(
        "Call or text 9-8-8 to reach a trained responder if you are thinking about suicide or "
        "worried about someone."
    ),
    gettext_noop(
        "Confidential support after sexual assault or abuse, by phone or online chat, however "
        "long ago it happened."
    ),
    gettext_noop("Crisis support and suicide prevention by phone, text or online chat."),
    gettext_noop("Free from any phone. Someone to listen, whatever you are going through."),
    gettext_noop(
        "Free from any phone. Someone to listen, whatever you are going through. You can also "
        "email jo@samaritans.org."
    ),
    gettext_noop("Free, anonymous text support with a trained volunteer."),
    gettext_noop(
        "How to ask someone directly if they are thinking about suicide, how to listen, and how "
        "to help them stay safe. You can call or text 988 yourself, too, to talk through what to "
        "do."
    ),
    gettext_noop(
        "Signs that someone may be struggling, how to start a conversation and what to say. You "
        "can call Samaritans yourself, too, to talk it over."
    ),
    gettext_noop(
        "Free, confidential helplines in your country: about 1,300 services in 130 countries."
    ),
    gettext_noop(
        "Free, confidential support from a trained counselor by call, text or chat, for anyone "
        "in distress or thinking about suicide."
    ),
    gettext_noop("Free, confidential text support with a trained volunteer."),
    gettext_noop("Police, ambulance and fire. Call if you or someone else is in danger now."),
    gettext_noop(
        "Police, ambulance and fire. Call if you or someone else is in danger now. 112 also "
        "works from mobile phones."
    ),
    gettext_noop("Text a trained volunteer. Open to young people and to adults."),
    gettext_noop("Text with a trained volunteer if talking out loud feels like too much."),
]
