"""What the comments app tells the apps above it, which it must not import."""

from django.dispatch import Signal

# A comment a moderator should look at: held by the rules, or reported by a worried reader.
# Sent inside the transaction that stored it, with ``comment``; moderation mails the moderators.
# ``worried=True``: a reader's "worried about this person" report (one email per comment per
# hour); ``proposed_edit``: the text of a writer's edit held for review.
moderator_needed = Signal()
