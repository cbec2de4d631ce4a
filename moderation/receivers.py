"""Moderation's answers to what the comments app signals."""

from django.dispatch import receiver

from comments.signals import moderator_needed

from . import mail


@receiver(moderator_needed, dispatch_uid="moderation-alert")
def alert_moderators(sender, comment, worried=False, proposed_edit=None, **kwargs):
    if worried:  # readers' reports: coalesced to one email per comment per hour
        mail.alert_worried(comment)
    else:
        mail.notify_moderators(comment, proposed_edit=proposed_edit)
