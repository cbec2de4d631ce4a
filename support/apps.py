from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = gettext_lazy("Support")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models can be imported only once every app is loaded (Django's ready() idiom).
        from pagecache import pages
        from pagecache.versions import SITE_SETTINGS_VERSION

        from .models import RESOURCES_VERSION
        from .resources import REGION_COOKIE, region_for_request

        # Every page's footer lists the reader's region's support lines: stored pages differ by
        # region, and the region cookie does not make a reader's page their own.
        pages.vary_on(
            cookie=REGION_COOKIE,
            versions=[RESOURCES_VERSION, SITE_SETTINGS_VERSION],
            part=lambda request, numbers: region_for_request(request, versions=numbers),
        )
