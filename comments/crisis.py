"""Crisis-language detector for reader comments.

No small offline model can grade suicide risk honestly (see CRISIS.md), so this is a reviewed,
first-person phrase lexicon kept as data in ``crisis_lexicon.json``, plus tests of what it must and
must not catch. It never blocks a comment: the level only decides what help the writer is shown
and how fast a moderator sees the comment. What it misses is covered by the "Need help now?" link
shown on every form.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

LEVELS = ("none", "distress", "crisis", "imminent")
# A reader's "I'm worried about this person" report is treated like crisis language.
WORRIED_REPORT_LEVEL = "crisis"
MAX_MATCHES = 10
LEXICON_PATH = Path(__file__).with_name("crisis_lexicon.json")

# Patterns in the lexicon that start with this prefix share one compiled branch (see _compile).
_SUBJECT_PREFIX = "{i}{adv}"
_MACRO = re.compile(r"\{([a-z_]+)\}")
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    }
)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")  # "sooooo" -> "so", "killll" -> "kil"
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"[^\S\n]+")


@dataclass(frozen=True)
class Assessment:
    """What the detector found: the highest level, its categories and the phrases behind it."""

    level: str
    categories: tuple[str, ...] = ()
    matches: tuple[str, ...] = ()

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
        }


NONE = Assessment("none")


def max_level(*levels: str | None) -> str:
    """Return the most severe of ``levels`` ("none" when empty); unknown names raise ValueError."""
    known = [level for level in levels if level]
    for level in known:
        if level not in LEVELS:
            raise ValueError(f"unknown crisis level: {level!r}")
    return max(known, key=LEVELS.index, default="none")


def normalise(text: str) -> str:
    """Fold the many ways people type the same words into one form the patterns are written for.

    NFKC turns fullwidth and styled letters into plain ones; apostrophes are removed so that
    "don't", "don’t" and "dont" read the same; line breaks are kept because they end sentences.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    text = _INVISIBLE.sub("", text).replace("'", "")
    text = _STRETCHED.sub(r"\1", text)
    text = _LINE_BREAKS.sub("\n", text)
    return _SPACES.sub(" ", text).strip()


def expand_macros(pattern: str, macros: dict[str, str]) -> str:
    """Replace ``{name}`` with the macro of that name, recursively (macros may use macros)."""
    for _ in range(10):
        expanded = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError("crisis lexicon macros nest too deeply (a macro refers to itself?)")


def _compile(patterns: list[str], macros: dict[str, str]) -> re.Pattern:
    """Compile one category into one regex with word boundaries around every pattern.

    Patterns sharing the first-person prefix are joined behind a single copy of it, so the
    subject alternatives are tried once per position instead of once per pattern (speed only).
    """
    shared = [p[len(_SUBJECT_PREFIX) :] for p in patterns if p.startswith(_SUBJECT_PREFIX)]
    branches = [p for p in patterns if not p.startswith(_SUBJECT_PREFIX)]
    if shared:
        branches.insert(0, _SUBJECT_PREFIX + "(?:" + "|".join(f"(?:{p})" for p in shared) + ")")
    body = "|".join(f"(?:{b})" for b in branches)
    return re.compile(r"(?<!\w)(?:" + expand_macros(body, macros) + r")(?!\w)")


@dataclass(frozen=True)
class Lexicon:
    version: int
    reviewed: str
    exceptions: re.Pattern
    categories: tuple[tuple[str, str, re.Pattern], ...]  # (name, level, regex), severe first


@functools.lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Load and compile the reviewed lexicon once per process."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    macros = data.get("macros", {})
    categories = []
    for name, spec in data["categories"].items():
        if spec["level"] not in LEVELS[1:]:
            raise ValueError(f"category {name!r} has unknown level {spec['level']!r}")
        categories.append((name, spec["level"], _compile(spec["patterns"], macros)))
    categories.sort(key=lambda item: -LEVELS.index(item[1]))
    return Lexicon(
        version=data["version"],
        reviewed=data["reviewed"],
        exceptions=_compile(data["exceptions"], macros),
        categories=tuple(categories),
    )


def assess(text: str) -> Assessment:
    """Grade one text. Never raises: a detector failure must not stop a comment being posted."""
    try:
        return _assess(text)
    except Exception:  # pragma: no cover - defensive; logged so a broken lexicon is noticed
        logger.exception("crisis detector failed; treating the text as level none")
        return NONE


def _assess(text: str) -> Assessment:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    lexicon = load_lexicon()
    # Figures of speech ("dying to read more") are blanked with a word character, which also
    # stops a pattern from joining the words on either side of the gap.
    cleaned = lexicon.exceptions.sub(" _ ", normalise(text))
    if not cleaned.strip(" _"):
        return NONE
    level, categories, found = "none", [], []
    for name, category_level, regex in lexicon.categories:
        hits = [(m.start(), m.group().strip()) for m in regex.finditer(cleaned)]
        if hits:
            categories.append(name)
            found.extend(hits)
            level = max_level(level, category_level)
    if not categories:
        return NONE
    matches = list(dict.fromkeys(phrase for _, phrase in sorted(found)))[:MAX_MATCHES]
    return Assessment(level, tuple(categories), tuple(matches))
