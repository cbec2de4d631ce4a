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
# Most comments say their language in their opening words: those are read first, and the whole
# sample only when that guess is unsure (a quoted line, a greeting in another language).
FIRST_SAMPLE = 240
_LETTERS = re.compile(r"[^\W\d_]")
# A short Brazilian or European Portuguese comment ("n quero mais vive, ta tudo escuro") is often
# guessed as Galician or, unsure, as Spanish or Estonian ("vo me mata hj"): a Galician guess, or an
# unsure one of Spanish or an unassessed language, with more words only Portuguese uses than words
# only Spanish uses is read as Portuguese.
_PORTUGUESE = re.compile(
    r"\b(?:n|nao|não|naum|vc|vcs|voce|você|voces|vocês|qro|kero|to|tô|tou|ta|tá|mt|mto|muito|muita|"
    r"obrigad[oa]|estou|minha|meu|meus|minhas|hj|pra|pro|ngm|ninguem|ninguém|tb|tbm|mds|pq|"
    r"pelos?|pelas?|nunca mais|sumir|agora|tava|isso|isto|aqui|obg|cansad[oa]|vou|tudo|mim|"
    r"comigo|cansei|viver)\b"
    r"|ção|ções|ã|õ",
    re.IGNORECASE,
)
_SPANISH = re.compile(
    r"\b(?:no|yo|quiero|estoy|muy|mi|mis|gracias|ya|aquí|aqui|nadie|eso|esto|pero|porque|también|"
    r"tambien|hoy|nunca|contigo|conmigo|ahora|cansad[oa]|vos|sos|tengo|kiero|xq|ke)\b|ñ|ción|¿|¡",
    re.IGNORECASE,
)
# A short Spanish comment ("ya me canse de vivir") is guessed as Galician too, or unsure, as
# Italian or Romanian: a Galician guess, or an unsure one of an unassessed language, with more
# words only Spanish uses than words only Portuguese or only Galician uses is read as Spanish.
# Galician's own words ("xa", "non", "moi", "hoxe", "teño") keep a real Galician comment Galician.
_NOT_SPANISH_REREAD = ("en", "fr", "de", "es")  # an unsure "pt" may be Spanish ("me volvi a ...")
_SPANISH_ONLY = re.compile(
    r"\b(?:ya|yo|muy|hoy|estoy|soy|quiero|kiero|puedo|tengo|nadie|xq|pero|ahora|el|los|las|"
    r"del|y|vivir|morir|morirme|harto|harta|canse|harte|aguanto|sos|vos|otra|anoche|mañana|"
    r"manana)\b|¿|¡",
    re.IGNORECASE,
)
_GALICIAN = re.compile(
    r"\b(?:xa|non|moi|hoxe|teño|teno|unha|unhas|coa|coas|máis|dende|ata|xente|facer)\b",
    re.IGNORECASE,
)
# A short Austrian, Bavarian or chat-style German comment ("i mog nimma lebn, echt ned") is often
# guessed, unsure, as Dutch or another Germanic or Slavic neighbour, and dialect ("mei lebn is a
# oanzige qual") as Italian, Irish or Portuguese: an unsure guess of anything but English, French
# or German with at least two words only German uses, and more of them than words only Dutch
# uses, is read as German.
_NOT_REGUESSED = frozenset({"en", "fr", "de"})
_GERMAN = re.compile(
    r"\b(?:ich|isch|nicht|nich|ned|net|nimma|nimmer|mehr|mog|mag|hab|hob|habe|bin|mich|mir|"
    r"ois|koa|kroft|lebn|heut|grad|iwie|und|auch|scho|schon|wieder|sterben|tabletten|kb|kp|"
    r"keine?n?|einfach|alles|bissl)\b|ä|ö|ü|ß",
    re.IGNORECASE,
)
_DUTCH = re.compile(
    r"\b(?:ik|niet|meer|het|een|ben|mijn|maar|wil|ook|nog|zo|moe|leven|heb|jij|dat|dit|geen|"
    r"jeg|ikke|jag|inte|nie|jest|sie)\b|ij",
    re.IGNORECASE,
)


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
    language, confidence = identifier.classify(sample[:FIRST_SAMPLE])
    if confidence < SURE_CONFIDENCE and len(sample) > FIRST_SAMPLE:
        language, confidence = identifier.classify(sample)
    sure = confidence >= SURE_CONFIDENCE and letters >= SURE_LENGTH
    if (language == "gl" or not sure and language not in ("en", "fr", "de", "pt")) and (
        _reads_portuguese(sample)
    ):
        return "pt", sure
    if (language == "gl" or not sure and language not in _NOT_SPANISH_REREAD) and (
        _reads_spanish(sample)
    ):
        return "es", sure
    if language == "gl" and not _GALICIAN.search(sample):
        # "pensamentos suicidas de novo": no word only Galician uses, none only Spanish uses
        # either; Haven has no Galician readers to speak of, so the nearest assessed language.
        return "pt", sure
    if not sure and language not in _NOT_REGUESSED and _reads_german(sample):
        return "de", sure
    return language, sure


def _reads_portuguese(text: str) -> bool:
    return len(_PORTUGUESE.findall(text)) > len(_SPANISH.findall(text))


def _reads_spanish(text: str) -> bool:
    spanish = len(_SPANISH_ONLY.findall(text))
    return spanish > len(_PORTUGUESE.findall(text)) and spanish > len(_GALICIAN.findall(text))


def _reads_german(text: str) -> bool:
    german = len(_GERMAN.findall(text))
    return german >= 2 and german > len(_DUTCH.findall(text))
