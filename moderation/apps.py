from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"

    def ready(self):
        # Signal receivers connect once the models are loaded (Django's ready() idiom).
        from . import receivers  # noqa: F401  (moderator alerts for what comments signal)
