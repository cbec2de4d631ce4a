"""How worrying a text reads: the one list of crisis levels, in rising order.

Detection (``support.detection``) assigns a level; comments store it and sort the moderation queue
by its rank; the support panels choose their lines by it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CrisisLevel(models.TextChoices):
    NONE = "none", _("None")
    DISTRESS = "distress", _("Distress")
    CRISIS = "crisis", _("Crisis")
    IMMINENT = "imminent", _("Imminent")


CRISIS_RANK = {level: rank for rank, level in enumerate(CrisisLevel.values)}


def rank(level):
    """The level's place in CrisisLevel (0 for none or anything unknown)."""
    return CRISIS_RANK.get(level, 0)
