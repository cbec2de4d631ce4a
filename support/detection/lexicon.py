"""Loading the per-language lexicons (``lexicons/<language>.json``) and normalising text for them.

Each lexicon is data written for its own language: regex fragments for the normalised text
(NFKC, lower case, accents stripped, apostrophes removed, letters typed 3+ times squeezed, spaces
collapsed, line breaks kept), then the language's own txt-speak tokens replaced ("kms", "jpp",
"kiero", "vc"). ``{name}`` inserts a macro. Every category names the kind of signal it gives
(see ``KINDS``) and anchors: plain substrings one of which every pattern of the category holds,
so only the sentences holding an anchor are ever run through the big patterns.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .anchors import Guarded, covered, derive, first_characters, may_hold, proven_anchors
from .cues import CueBook

LEXICON_DIR = Path(__file__).with_name("lexicons")
ASSESSED_LANGUAGES = ("en", "es", "fr", "de", "pt")

# The kinds of signal a category gives, and how the combination step reads each one.
KINDS = (
    "plan",  # a plan, a means at hand, a method, a place: imminent on its own
    "goodbye",  # an unmistakable goodbye or suicide note: imminent on its own
    "farewell",  # thanks to everyone, a last post, things given away: imminent with distress
    "decision",  # a bare "I've decided": imminent after distress or intent
    "time",  # tonight, this weekend: imminent next to intent
    "intent",  # active or passive ideation, self-harm: crisis
    "burden",  # "everyone better off without me", "soon I won't be a problem": crisis
    "abuse",  # current abuse or assault, or danger now: crisis
    "attempt",  # an attempt or self-harm told without a time: crisis unless told as past
    "distress",  # hopelessness, emotional pain, isolation, exhaustion: distress
    "other",  # someone else at risk: about_other
)
MODIFIERS = (
    "past",
    "present",
    "negation",
    "third",
    "first",
    "subject",  # the writer as the subject of a verb ("i", "ive"): whose a phrase is
    "professional",
    "role",  # the writer names their job: "pharmacist here", "sou enfermeira"
    "comeback",
    "away",  # a move, a leaving do, an account closed: a goodbye next to it is a leave-taking
    "absent",  # ... unless the goodbye tells the writer's absence ("i wont be here tomorrow")
    "asked_risk",  # someone asked the writer about suicide or self-harm ("asked if i was suicidal")
    "answered",  # ... and the writer's answer is yes after all ("i lied", "but honestly i am")
    "asked",  # any question put to the writer: "the gp asked if", a questionnaire, "m'a demandé"
    "answered_no",  # ... answered no: "i said no", "j'ai répondu non", "le dije que no"
    "unjoked",  # the writer says a death word was no joke ("im not joking", "i mean it")
    "death_talk",  # ... about their own death ("joke about dying", "kill myself")
    "everyday",
    "until",
    "reported",
    "distant",
    "completed",  # a sentence that is only an act just finished: "done.", "took them."
    "postponed",  # a denial of today that names a later day: "not tonight, itll be tomorrow"
)

_SUBJECT_PREFIX = "{i}{adv}"  # an English first-person subject and its adverbs
_MACRO = re.compile(r"\{([a-z_]+)\}")
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        # Ligatures NFKC keeps: French "sœur", "cœur", "vœux" are typed "soeur" just as often.
        "\u0153": "oe",
        "\u00e6": "ae",
    }
)
_QUOTING_APOSTROPHE = re.compile(r"(?<![^\W_])'(?=\w)|(?<=[\w.!?,])'(?!\w)")  # 'like this'
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_STRETCHED = re.compile(r"([a-z])\1\1+")  # "sooooo" -> "so", "killll" -> "kil"
_COMBINING = re.compile(r"[\u0300-\u036f]")


def normalise(text: str) -> str:
    """Fold the many ways people type the same words into the one form the patterns are written for.

    NFKC turns fullwidth and styled letters into plain ones; accents are stripped ("está" and
    "esta" read the same, as readers often type them); apostrophes are removed so "don't",
    "don’t" and "dont" read the same, but a 'quoted phrase' keeps its quotes (someone else's
    words can then be told apart); line breaks stay because they end sentences.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    text = _COMBINING.sub("", unicodedata.normalize("NFD", text))
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


def compile_patterns(patterns: list[str], macros: dict[str, str]) -> re.Pattern:
    """One regex for a list of patterns, word boundaries around each; no capturing groups."""
    if not patterns:
        return re.compile(r"(?!)")
    # Patterns starting with the same subject prefix share one compiled copy of it, so the
    # engine tries the (long) prefix once per position rather than once per pattern.
    shared = [p[len(_SUBJECT_PREFIX) :] for p in patterns if p.startswith(_SUBJECT_PREFIX)]
    branches = [p for p in patterns if not p.startswith(_SUBJECT_PREFIX)]
    if len(shared) > 1:
        branches.insert(0, _SUBJECT_PREFIX + "(?:" + "|".join(f"(?:{p})" for p in shared) + ")")
    elif shared:
        branches.insert(0, _SUBJECT_PREFIX + shared[0])
    body = expand_macros("|".join(f"(?:{p})" for p in branches), macros)
    regex = re.compile(r"(?<!\w)" + _skipping(body) + r"(?:" + body + r")(?!\w)")
    if regex.groups:
        raise ValueError("crisis lexicon patterns must use (?:...), not capturing groups")
    return regex


def _skipping(body: str) -> str:
    """A lookahead for the characters a match of ``body`` can start with, when known."""
    return first_characters(body) or ""


def _trie_body(words) -> str:
    """Many literal words as one trie-shaped regex, so each position tries a few branches, not
    all; like an alternation of them longest first, it prefers the longest word that fits."""
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

    return emit(root)


def _trie(words: list[str]) -> re.Pattern:
    """The anchors as a trie in a lookahead, so finditer reports an anchor at every position,
    overlapping ones too; group 1 is the anchor."""
    return re.compile(f"(?=({_trie_body(words)}))")


@dataclass(frozen=True)
class Lexicon:
    language: str
    reviewed: str
    kinds: dict[str, str]  # category -> kind, in the file's order
    patterns: dict[str, re.Pattern]
    # Exceptions and modifiers are searched in many clauses, most of which hold none: each is
    # Guarded by its anchors where every one of its patterns has some (``compile_guarded``).
    exceptions: re.Pattern | Guarded
    # Those of the exceptions that may span a clause end (a quoted line, "live fast, die young",
    # 'im film sagt er: "..."'): a comma, a colon or a semicolon.
    clause_exceptions: re.Pattern | Guarded
    modifiers: dict[str, re.Pattern | Guarded]
    anchors: re.Pattern  # every category's anchors in one trie; group 1 is the anchor
    anchored: dict[str, frozenset[str]]  # anchor found -> categories worth examining
    anchor_kinds: dict[str, frozenset[str]]  # anchor found -> the kinds of those categories
    tokens: dict[str, str]
    token_pattern: re.Pattern | None
    cues: CueBook | None = None  # word cues for the compositional reading (cues.py)
    # Someone else's unquoted words ("my friend said i want to die"): the writer's pronouns
    # there and their third-person stand-ins, and the words where the report turns ("he").
    reported_pronouns: dict[str, str] = field(default_factory=dict)
    reported_turn: frozenset[str] = frozenset()
    reported_resume: frozenset[str] = frozenset()
    reported_advice: frozenset[str] = frozenset()
    # Letters typed for a letter a keyboard lacks (German "ue" for "ü", folded to "u"): group
    # name -> what it stands for.
    spellings: dict[str, str] = field(default_factory=dict)
    spelling_pattern: re.Pattern | None = None
    # Categories (``"reach_back": true``) whose patterns may begin in the sentence before: "since
    # we lost the baby. i just want to go where she is" is one wish, told over two sentences.
    reach_back: frozenset[str] = frozenset()

    def blank(self, text: str) -> str:
        """``text`` with its exceptions (figures of speech, negations, professional phrases,
        someone else's quoted words) blanked with a word character, which also stops a pattern
        joining the words around them."""
        return self.exceptions.sub(" _ ", text)

    def prepare(self, normalised: str) -> str:
        """The normalised text with this language's typed-out letters folded ("muede" is
        "mude") and its txt-speak spelled out."""
        if self.spelling_pattern is not None:
            normalised = self.spelling_pattern.sub(
                lambda m: self.spellings[m.lastgroup], normalised
            )
        if self.token_pattern is None:
            return normalised
        return self.token_pattern.sub(lambda m: self.tokens[m.group()], normalised)


def load_data(language: str) -> dict:
    return json.loads((LEXICON_DIR / f"{language}.json").read_text(encoding="utf-8"))


def missing_anchors(spec: dict, macros: dict[str, str]) -> set[str]:
    """Anchors derived for each of the category's patterns its listed anchors do not cover.

    Used when writing a lexicon (``python -m support.detection.lexicon`` adds them to the files)
    and by the tests, which require this to be empty: loading trusts the listed anchors.
    """
    listed = set(spec.get("anchors", ()))
    found: set[str] = set()
    for pattern in spec["patterns"]:
        expanded = expand_macros(pattern, macros)
        if covered(expanded, listed):
            continue
        derived = derive(expanded)
        if not derived:
            raise ValueError(f"no anchor can be derived for {pattern!r}; list one")
        found |= derived
    return found


def complete_anchors(language: str) -> int:
    """Add derived anchors to the lexicon file wherever its listed ones fall short."""
    path = LEXICON_DIR / f"{language}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    added = 0
    for spec in data["categories"].values():
        extra = missing_anchors(spec, data.get("macros", {}))
        if extra:
            spec["anchors"] = sorted(set(spec.get("anchors", ())) | extra)
            added += len(extra)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return added


def _as_prepared(cues: dict[str, list[str]], tokens: dict[str, str]) -> dict[str, list[str]]:
    """The cues spelled as prepared text spells them: a cue word that is txt-speak the lexicon
    spells out ("hab" is "habe") would never be met, so it is spelled out too."""
    return {
        name: list(dict.fromkeys(" ".join(tokens.get(w, w) for w in p.split()) for p in phrases))
        for name, phrases in cues.items()
    }


@functools.cache
def load_lexicon(language: str) -> Lexicon:
    """Load and compile one language's lexicon once per process."""
    data = load_data(language)
    macros = data.get("macros", {})
    owners: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for name, spec in data["categories"].items():
        if spec["kind"] not in KINDS:
            raise ValueError(f"{language}: category {name!r} has an unknown kind")
        kinds[name] = spec["kind"]
        if not spec.get("anchors"):
            raise ValueError(f"{language}: category {name!r} lists no anchors")
        for anchor in spec["anchors"]:  # matched as written: lower case, spaces kept
            owners.setdefault(anchor, set()).add(name)
    # An anchor found inside a longer anchor ("self" in "myself") also counts for its categories.
    anchored = {
        anchor: frozenset().union(*(cats for other, cats in owners.items() if other in anchor))
        for anchor in owners
    }
    tokens = data.get("tokens", {})
    token_pattern = re.compile(r"(?<!\w)(?:" + _trie_body(tokens) + r")(?!\w)") if tokens else None
    # "spellings": a regex for the letters as typed -> the folded letter ("(?<![aeiouq])ue": "u").
    spelled = data.get("spellings", {})
    spellings = {f"s{n}": folded for n, folded in enumerate(spelled.values())}
    spelling = "|".join(f"(?P<s{n}>{typed})" for n, typed in enumerate(spelled))
    spelling_pattern = re.compile(_skipping(spelling) + f"(?:{spelling})") if spelled else None
    return Lexicon(
        language=language,
        reviewed=data["reviewed"],
        kinds=kinds,
        patterns={
            name: compile_patterns(spec["patterns"], macros)
            for name, spec in data["categories"].items()
        },
        exceptions=compile_guarded(data.get("exceptions", []), macros),
        clause_exceptions=compile_guarded(
            [
                p
                for p in data.get("exceptions", [])
                if any(may_hold(expand_macros(p, macros), mark) for mark in ",:;")
            ],
            macros,
        ),
        modifiers={
            name: compile_guarded(data.get("modifiers", {}).get(name, []), macros)
            for name in MODIFIERS
        },
        anchors=_trie(sorted(owners)) if owners else re.compile(r"(?!)()"),
        anchored=anchored,
        anchor_kinds={
            anchor: frozenset(kinds[name] for name in names) for anchor, names in anchored.items()
        },
        tokens=tokens,
        token_pattern=token_pattern,
        cues=(
            CueBook.build(
                _as_prepared(data["cues"], tokens),
                data.get("elisions", ()),
                known=data.get("known", ()),
                compounds=data.get("compounds", ()),
                reflexives=data.get("reflexives"),
                possessive=data.get("possessive"),
            )
            if data.get("cues")
            else None
        ),
        reported_pronouns=data.get("reported", {}).get("pronouns", {}),
        reported_turn=frozenset(data.get("reported", {}).get("turn", ())),
        reported_resume=frozenset(data.get("reported", {}).get("resume", ())),
        reported_advice=frozenset(data.get("reported", {}).get("advice", ())),
        spellings=spellings,
        spelling_pattern=spelling_pattern,
        reach_back=frozenset(
            name for name, spec in data["categories"].items() if spec.get("reach_back")
        ),
    )


def compile_guarded(patterns: list[str], macros: dict[str, str]) -> re.Pattern | Guarded:
    """``compile_patterns``, Guarded by anchors when every pattern has some."""
    regex = compile_patterns(patterns, macros)
    anchors = _anchors_of([expand_macros(p, macros) for p in patterns])
    return Guarded(regex, anchors) if anchors else regex


def _anchors_of(patterns: list[str]) -> re.Pattern | None:
    """A regex finding a piece every match of one of ``patterns`` must hold, or None when some
    pattern has no such piece (``derive``) or its pieces do not cover every match."""
    found: set[str] = set()
    for pattern in patterns:
        proven = proven_anchors(pattern)
        if proven is None:
            return None
        found |= proven
    return re.compile(_trie_body(sorted(found))) if found else None


if __name__ == "__main__":
    for code in ASSESSED_LANGUAGES:
        print(code, complete_anchors(code), "anchors added")
