from django.apps import AppConfig


class TransferConfig(AppConfig):
    """Moving a whole site in and out: WordPress and Disqus imports, WXR export, demo content."""

    name = "transfer"
