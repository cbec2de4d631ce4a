from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Haven: backups, restores and readiness; it holds no data of its own."""

    name = "ops"
    default_auto_field = "django.db.models.BigAutoField"
