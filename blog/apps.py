from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = gettext_lazy("Blog")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers connect once the models are loaded (Django's ready() idiom).
        from . import signals  # noqa: F401  (connects the page-cache invalidation)
