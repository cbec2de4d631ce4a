"""Crisis-language detection for reader comments, in the languages Haven assesses.

``assess(text)`` never blocks anything: the level only decides what help the writer is shown and
how fast a moderator sees the comment (see docs/crisis.md for what it does and cannot do).
"""

from __future__ import annotations

import logging

from . import classifier
from .engine import assess_with, may_reach_crisis
from .language import identify
from .levels import (
    LABEL_LEVEL,
    LEVELS,
    MAX_MATCHES,
    NONE,
    WORRIED_REPORT_LEVEL,
    Assessment,
    max_level,
)
from .lexicon import ASSESSED_LANGUAGES, load_lexicon, normalise

__all__ = [
    "ASSESSED_LANGUAGES",
    "LABEL_LEVEL",
    "LEVELS",
    "MAX_MATCHES",
    "NONE",
    "WORRIED_REPORT_LEVEL",
    "Assessment",
    "assess",
    "load_lexicon",
    "max_level",
    "normalise",
]

logger = logging.getLogger(__name__)
_STRONG = ("crisis", "imminent")


def assess(text: str) -> Assessment:
    """Grade one comment. Never raises: a detector failure must not stop a comment being posted."""
    try:
        return _assess(text if isinstance(text, str) else str(text or ""))
    except Exception:  # pragma: no cover - defensive; logged so a broken lexicon is noticed
        logger.exception("crisis detector failed; treating the text as level none")
        return NONE


def _assess(text: str) -> Assessment:
    normalised = normalise(text)
    if not normalised:
        return NONE
    # The optional classifier (off unless CRISIS_CLASSIFIER_PATH names a model) can only raise.
    return classifier.raise_level(_lexicon_assess(text, normalised), normalised)


def _blanked_for_others(language: str, normalised: str) -> str:
    """What the own language blanks as a figure, a story, a milestone or someone else's letter
    ("un an sans me couper", "la carta de despedida del abuelo") is blanked for the other
    lexicons too: they do not know the own language's exceptions."""
    if language not in ASSESSED_LANGUAGES:
        return normalised
    return load_lexicon(language).blank(normalised)


def _lexicon_assess(text: str, normalised: str) -> Assessment:
    language, sure = identify(text)
    best = None
    settled = False  # the comment's own language read its risk words as past or denied
    others_read = None
    for code in sorted(ASSESSED_LANGUAGES, key=lambda c: c != language):
        # The comment's own language counts in full; another assessed language's lexicon (a
        # short text, a mixed one, a wrong guess) counts only when it finds something strong,
        # and not when the own language already read the risk as past or denied ("ja nao me
        # corto ha dois anos": Spanish reads "me corto" and knows no "nao").
        own = code == language or (not sure and code == "en" and language not in ASSESSED_LANGUAGES)
        lexicon = load_lexicon(code)
        if not own and (settled or not may_reach_crisis(lexicon, normalised)):
            continue  # its reading could not count (below), so it is not made
        if own:
            result = assess_with(lexicon, normalised, code, compose=True)
        else:
            if others_read is None:
                others_read = _blanked_for_others(language, normalised)
            result = assess_with(lexicon, others_read, code)
        if code == language:
            settled = result.level not in _STRONG and bool(
                {"past", "negation"} & set(result.signals)
            )
        if not own and result.level not in _STRONG:
            continue
        if best is None or (result.rank, result.about_other) > (best.rank, best.about_other):
            best = result
    assessed = language in ASSESSED_LANGUAGES
    if best is None or best.level == "none" and not best.about_other:
        return Assessment("none", language=language, assessed=assessed)
    if best.language != language:
        assessed = True
    return Assessment(
        best.level,
        categories=best.categories,
        matches=best.matches,
        signals=best.signals,
        about_other=best.about_other,
        language=language if language in ASSESSED_LANGUAGES else best.language,
        assessed=assessed,
    )
