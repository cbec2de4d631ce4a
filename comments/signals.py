"""What the comments app tells the apps above it, which it must not import."""

from django.dispatch import Signal

# A comment a moderator should look at: held by the rules, or reported by a worried reader.
# Sent inside the transaction that stored it, with ``comment``; moderation mails the moderators.
moderator_needed = Signal()
