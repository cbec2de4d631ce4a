"""Moderation's answers to what the comments app signals."""

from django.dispatch import receiver

from comments.signals import moderator_needed

from . import mail


@receiver(moderator_needed, dispatch_uid="moderation-alert")
def alert_moderators(sender, comment, **kwargs):
    mail.notify_moderators(comment)
