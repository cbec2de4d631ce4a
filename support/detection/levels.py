"""Levels of concern, from none to imminent, and the Assessment the detector returns."""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("none", "distress", "crisis", "imminent")
# A reader's "I'm worried about this person" report is treated like crisis language.
WORRIED_REPORT_LEVEL = "crisis"
MAX_MATCHES = 10
# The dataset's label for each level ("concern" is the data's word for distress).
LABEL_LEVEL = {"none": "none", "concern": "distress", "crisis": "crisis", "imminent": "imminent"}


def max_level(*levels: str | None) -> str:
    """Return the most severe of ``levels`` ("none" when empty); unknown names raise ValueError."""
    known = [level for level in levels if level]
    for level in known:
        if level not in LEVELS:
            raise ValueError(f"unknown crisis level: {level!r}")
    return max(known, key=LEVELS.index, default="none")


@dataclass(frozen=True)
class Assessment:
    """What the detector found in one comment.

    ``level`` is the writer's own risk. ``about_other`` says the comment worries about someone
    else at risk (the writer gets "how to help someone" resources; the moderator sees it).
    ``assessed`` is False when the comment is in a language Haven has no lexicon for: then
    ``level`` says nothing and the moderator sees "language not assessed".
    """

    level: str
    categories: tuple[str, ...] = ()
    matches: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    about_other: bool = False
    language: str = "en"
    assessed: bool = True

    @property
    def is_flagged(self) -> bool:
        return self.level != "none"

    @property
    def rank(self) -> int:
        return LEVELS.index(self.level)

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "categories": list(self.categories),
            "matches": list(self.matches),
            "signals": list(self.signals),
            "about_other": self.about_other,
            "language": self.language,
            "assessed": self.assessed,
        }


NONE = Assessment("none")
