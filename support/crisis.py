"""Crisis-language detector for reader comments.

No small offline model can grade suicide risk honestly, so this is a reviewed,
first-person phrase lexicon kept as data in ``crisis_lexicon.json``, plus tests of what it must and
must not catch. It never blocks a comment: the level only decides what help the writer is shown
and how fast a moderator sees the comment. What it misses is covered by the "Need help now?" link
shown on every form.
"""

from __future__ import annotations

import bisect
import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .levels import CrisisLevel

logger = logging.getLogger(__name__)

LEVELS = tuple(CrisisLevel.values)  # in rising order
# A reader's "I'm worried about this person" report is treated like crisis language.
WORRIED_REPORT_LEVEL = CrisisLevel.CRISIS
MAX_MATCHES = 10
LEXICON_PATH = Path(__file__).with_name("crisis_lexicon.json")

_SUBJECT_PREFIX = "{i}{adv}"  # patterns starting with it share one compiled copy of it
_MACRO = re.compile(r"\{([a-z_]+)\}")
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    }
)
_QUOTING_APOSTROPHE = re.compile(r"(?<![^\W_])'(?=\w)|(?<=[\w.!?,])'(?!\w)")  # 'like this'
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_STRETCHED = re.compile(r"([a-z])\1\1+")  # "sooooo" -> "so", "killll" -> "kil"
_SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)|\n")
_REACH = 300


@dataclass(frozen=True)
class Assessment:
    """What the detector found: the highest level, its categories and the phrases behind it."""

    level: str
    categories: tuple[str, ...] = ()
    matches: tuple[str, ...] = ()

    @property
    def is_flagged(self) -> bool:
        return self.level != CrisisLevel.NONE

    @property
    def rank(self) -> int:
        return LEVELS.index(self.level)

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "categories": list(self.categories),
            "matches": list(self.matches),
        }


NONE = Assessment(CrisisLevel.NONE)


def max_level(*levels: str | None) -> str:
    """Return the most severe of ``levels`` ("none" when empty); unknown names raise ValueError."""
    known = [level for level in levels if level]
    for level in known:
        if level not in LEVELS:
            raise ValueError(f"unknown crisis level: {level!r}")
    return max(known, key=LEVELS.index, default=CrisisLevel.NONE)


def normalise(text: str) -> str:
    """Fold the many ways people type the same words into the one form the patterns are written for.

    NFKC turns fullwidth and styled letters into plain ones; apostrophes are removed so "don't",
    "don’t" and "dont" read the same, but a 'quoted phrase' keeps its quotes (someone else's words
    can then be told apart); line breaks stay because they end sentences.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    text = _STRETCHED.sub(r"\1", _INVISIBLE.sub("", text))
    if "'" in text:
        text = _QUOTING_APOSTROPHE.sub('"', text).replace("'", "")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def expand_macros(pattern: str, macros: dict[str, str]) -> str:
    """Replace ``{name}`` with the macro of that name, recursively (macros may use macros)."""
    for _ in range(10):
        expanded = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError("crisis lexicon macros nest too deeply (a macro refers to itself?)")


def _compile(patterns: list[str], macros: dict[str, str]) -> re.Pattern:
    """One regex per category, word boundaries around every pattern; no capturing groups."""
    shared = [p[len(_SUBJECT_PREFIX) :] for p in patterns if p.startswith(_SUBJECT_PREFIX)]
    branches = [p for p in patterns if not p.startswith(_SUBJECT_PREFIX)]
    if shared:
        branches.insert(0, _SUBJECT_PREFIX + "(?:" + "|".join(f"(?:{p})" for p in shared) + ")")
    body = expand_macros("|".join(f"(?:{b})" for b in branches), macros)
    regex = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")
    if regex.groups:
        raise ValueError("crisis lexicon patterns must use (?:...), not capturing groups")
    return regex


def _trie(words: list[str]) -> re.Pattern:
    """Compile many literal words as a trie, so each position tries a few branches, not all."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(emit(root))


@dataclass(frozen=True)
class Lexicon:
    version: int
    reviewed: str
    levels: dict[str, str]  # category -> level, most severe first
    patterns: dict[str, re.Pattern]
    exceptions: re.Pattern
    anchors: re.Pattern  # every category's anchors in one trie
    anchored: dict[str, frozenset[str]]  # anchor found -> categories worth examining


@functools.lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Load and compile the reviewed lexicon once per process.

    Each category lists anchors: words one of which every one of its patterns needs (the tests
    check this). Only sentences holding an anchor are matched against the category, which keeps a
    long comment fast: most of its sentences are never run through the big patterns at all.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    macros = data.get("macros", {})
    specs = sorted(data["categories"].items(), key=lambda item: -LEVELS.index(item[1]["level"]))
    owners: dict[str, set[str]] = {}
    for name, spec in specs:
        if spec["level"] not in LEVELS[1:] or not spec.get("anchors"):
            raise ValueError(f"category {name!r} needs a known level and at least one anchor")
        for anchor in spec["anchors"]:  # matched as written: lower case, spaces kept
            owners.setdefault(anchor, set()).add(name)
    # An anchor found inside a longer anchor ("self" in "myself") also counts for its categories.
    anchored = {
        anchor: frozenset().union(*(cats for other, cats in owners.items() if other in anchor))
        for anchor in owners
    }
    return Lexicon(
        version=data["version"],
        reviewed=data["reviewed"],
        levels={name: spec["level"] for name, spec in specs},
        patterns={name: _compile(spec["patterns"], macros) for name, spec in specs},
        exceptions=_compile(data["exceptions"], macros),
        anchors=_trie(sorted(owners)),
        anchored=anchored,
    )


def assess(text: str) -> Assessment:
    """Grade one text. Never raises: a detector failure must not stop a comment being posted."""
    try:
        return _assess(text if isinstance(text, str) else str(text or ""))
    except Exception:  # pragma: no cover - defensive; logged so a broken lexicon is noticed
        logger.exception("crisis detector failed; treating the text as level none")
        return NONE


def _windows(lexicon: Lexicon, text: str) -> list[tuple[int, int, set[str]]]:
    """Where to look: the sentences holding an anchor, with the categories to examine there.

    A very long run-on sentence is cut to the words around the anchor (_REACH characters each
    side, more than any pattern spans), so unpunctuated text cannot make the scan slow.
    """
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    windows: list[tuple[int, int, set[str]]] = []
    padded, pos = f" {text} ", 0  # so an anchor such as " od" is found at either end too
    while match := lexicon.anchors.search(padded, pos):
        at, pos = max(match.start() - 1, 0), match.start() + 1
        index = bisect.bisect_right(starts, at) - 1
        first = max(starts[index], text.rfind(" ", 0, max(at - _REACH, 0)) + 1)
        last = min(starts[index + 1], (text.find(" ", at + _REACH) + 1) or len(text))
        categories = lexicon.anchored[match.group()]
        if windows and first <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(last, windows[-1][1]), windows[-1][2] | categories)
        else:
            windows.append((first, last, set(categories)))
    return windows


def _assess(text: str) -> Assessment:
    lexicon = load_lexicon()
    text = normalise(text)
    covered: dict[str, tuple[int, int]] = {}  # category -> (window, end) of its last kept match
    matches: list[str] = []
    for number, (start, end, categories) in enumerate(_windows(lexicon, text)):
        # Figures of speech ("dying to read more") and negations ("I would never hurt myself")
        # are blanked with a word character, which also stops a pattern joining the words around.
        window = lexicon.exceptions.sub(" _ ", text[start:end])
        hits = sorted(
            (m.start(), -m.end(), name, m.group().strip())
            for name in categories
            for m in lexicon.patterns[name].finditer(window)
        )
        for _, negative_end, name, phrase in hits:
            if (number, -negative_end) > covered.get(name, (-1, -1)):  # not inside a longer one
                covered[name] = (number, -negative_end)
                matches.append(phrase)
    if not covered:
        return NONE
    categories = tuple(name for name in lexicon.levels if name in covered)
    level = max_level(*(lexicon.levels[name] for name in categories))
    return Assessment(level, categories, tuple(dict.fromkeys(matches))[:MAX_MATCHES])
