from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers connect once the models are loaded (Django's ready() idiom).
        from . import signals  # noqa: F401  (connects the page-cache invalidation)
