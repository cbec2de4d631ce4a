from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = gettext_lazy("Moderation")

    def ready(self):
        # Signal receivers connect once the models are loaded (Django's ready() idiom).
        from . import receivers  # noqa: F401  (moderator alerts for what comments signal)
