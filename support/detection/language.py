"""Which language a comment is written in: py3langid (measured against lingua in docs/crisis.md).

The model is loaded on the first comment assessed, not at import, so a worker that only serves
pages never pays its memory. It is narrowed to the languages readers are likely to write in,
which also makes short texts less often mistaken for a language nobody here writes.
"""

from __future__ import annotations

import functools
import logging
import re

logger = logging.getLogger(__name__)

# Assessed languages first; the rest only tell "not assessed" from "assessed".
CANDIDATES = (
    "en es fr de pt it nl pl ru uk tr sv da no fi cs sk hu ro el bg hr sr sl lt lv et ca gl eu "
    "id ms tl vi ar he fa hi bn ur ja zh ko th sw af cy ga"
).split()
# Below this confidence, or below this length, the guess is treated as unsure.
SURE_CONFIDENCE = 0.9
SURE_LENGTH = 25
SAMPLE = 1000
_LETTERS = re.compile(r"[^\W\d_]")


@functools.lru_cache(maxsize=1)
def _identifier():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:  # pragma: no cover - the pinned dependency is missing
        logger.warning("py3langid is not installed; every comment is read as English")
        return None
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(CANDIDATES)
    # Forget the full 142-language table so only the narrowed one stays in memory.
    identifier._full_model = (identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes)
    return identifier


def identify(text: str) -> tuple[str, bool]:
    """(ISO 639-1 code, sure?) for ``text``; ("en", False) when nothing can be said."""
    identifier = _identifier()
    sample = text[:SAMPLE]  # a long comment's opening says enough, and keeps this fast
    letters = len(_LETTERS.findall(sample[:200]))
    if identifier is None or letters < 3:
        return "en", False
    language, confidence = identifier.classify(sample)
    return language, confidence >= SURE_CONFIDENCE and letters >= SURE_LENGTH
