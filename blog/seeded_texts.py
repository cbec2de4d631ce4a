"""The site settings' default English, listed for the translation catalogue.

The tagline and footer disclaimer are edited in the admin; pages show them through ``gettext``
(``{% translate site.tagline %}``), so the defaults read in the site's language while an edited
text shows exactly as typed.
"""

from django.utils.translation import gettext_noop

DEFAULTS = [
    gettext_noop("a quiet place to read and talk about hard things"),
    gettext_noop(
        "This site is for information only. Reading it or commenting here does not create a "
        "therapeutic relationship."
    ),
]
