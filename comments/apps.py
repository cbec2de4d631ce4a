from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = gettext_lazy("Comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models can be imported only once every app is loaded (Django's ready() idiom).
        from blog.models import SiteSettings
        from support import resources

        # The default support region is a site setting (blog), which support must not import:
        # comments knows both, so it tells support where to read it.
        resources.site_default_region["read"] = lambda: SiteSettings.load().default_region
