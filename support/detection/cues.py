"""Compositional reading: word-level cues per language, combined into the engine's signal kinds.

The phrase patterns (``lexicon.py``) catch wordings someone wrote down; readers who never saw them
say the same things in other words. Here each language lists *cues* (``"cues"`` in its lexicon
file), small word families:

- who speaks: ``self`` ("I", "je", "ich"), ``other`` ("she", "my friend"), ``people`` in general
  (their risk words belong to nobody here), ``address`` (a letter's "liebe mama": no speaker);
  ``mine`` ("me", "my", "mich") is no speaker, but a cue
  holding one is the writer's own, except an ``object`` word ("me", "mir") in a farewell or
  thanks that ends on it or names someone else ("he gave me his dog", "said look after them for
  me"): that goodbye is its speaker's;
- what is said: ``want``, ``die`` (killing oneself), ``topic`` (death words that mean it only when
  wanted: "suicide", "disappear"), ``harm``, ``live`` (negated, a wish to die), ``means`` (pills),
  ``tool`` (a rope, a knife: other uses too), ``place`` (a bridge, a roof), ``spot`` (a river, a
  window: only named with dying), ``gather`` (saved, in front of me), ``bought`` (one purchase:
  pills bought are a method, not yet a plan), ``decided``, ``act``
  (doing "it"), ``time``, ``final`` (unmistakable goodbyes), ``farewell`` (giving things away,
  a note, "whoever finds this": weak alone), ``thanks`` (thanks to all, "love you all", "bye":
  weaker still, friendly comments say them every day), ``burden``, ``abuse`` (done to the
  writer now), ``sign`` (warning signs that count only in someone else: "she's ready to go",
  "stopped eating"), ``worry`` (about someone), ``neg`` and ``asked`` (a question someone
  put: "the nurse asked if") and ``joke`` ("lol", "jaja", "mdr", "kkkk": a clause laughed
  off is distress at most when only cues read it).

A clause's meaning is read from which cues meet in it, so "I've been saving up my pills" and "je
garde mes cachets" need no phrase of their own.

A cue is one or more words; a word ending in ``*`` is a stem (``stockpil*``), ``..`` lets up to
three other words sit between two words, ``...`` up to six (a German middle field: "hang* mich ...
auf"). A word of six letters or more in a cue also matches a
typed word one edit away (``stockpilling``, ``mourrir``, ``desided``; never a changed letter in
the last three, where "mataste" and "matarse" differ), found through a deletion index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CUE_CLASSES = (
    "self",
    "mine",
    "object",
    "other",
    "people",
    "address",
    "worry",
    "want",
    "die",
    "topic",
    "harm",
    "live",
    "means",
    "tool",
    "place",
    "spot",
    "gather",
    "bought",
    "decided",
    "act",
    "time",
    "final",
    "farewell",
    "thanks",
    "burden",
    "abuse",
    "sign",
    "neg",
    "asked",
    "joke",
    "relative",
    "affirm",
    "agree",
    "sender",  # "brief von": a letter from the person named next is theirs
    "plain",  # common words one slip from a cue word, read as typed: "beach" is not "bleach"
)
_WORD = re.compile(r"\w+")
_GAP = ".."
_MAX_GAP = 3
_LONG_GAP = "..."  # a German middle field: "ich hang mich am sonntag im schuppen auf"
_MAX_LONG_GAP = 6
_FUZZY_MIN = 6  # a cue word this long also matches a typed word one edit away
_HEAD_MIN = 5  # a compound head this long or longer ("zug" is not one: "anzug")
_SPELLED_MAX = 20000
_STARTS_NONE = ((), {}, ())  # what ``_starting_with`` gives a word that starts no cue
_NEG_REACH = 3  # a negation ending at most this many words before a cue negates it
_WANT_REACH = 4  # words between a wish ("I want", "thinking about") and the death word it wants


def _deletions(word: str) -> set[str]:
    """A letter less, never the first: people rarely slip on a word's first letter, and a
    changed first letter turns ordinary words into risk words ("leeds" is not "bleeds")."""
    return {word[:n] + word[n + 1 :] for n in range(1, len(word))}


def _substitutions(word: str) -> set[str]:
    """A changed letter, but not the first ("fridge" is not "bridge", "crying" not "trying")
    and not in the last three, where conjugations and plurals differ."""
    return {word[:n] + "?" + word[n + 1 :] for n in range(1, len(word) - 3)}


@dataclass(frozen=True)
class CueBook:
    """One language's cues, indexed by their first word for a fast scan."""

    by_word: dict[str, list[tuple[str, tuple[str, ...]]]]  # first word -> (class, words)
    # the first three letters of a stem (all of a shorter one) -> (class, stem, words)
    by_stem: dict[str, list[tuple[str, str, tuple[str, ...]]]]
    fuzzy: dict[str, set[str]]  # a long cue word less a letter, or with "?" for one -> words
    vocabulary: frozenset[str]
    long_words: frozenset[str]
    self_words: frozenset[str]  # "my", "myself", "mich": a cue holding one is the writer's
    # "me", "mir": the writer as the one given to; in a farewell they claim nothing ("my bro
    # gave me his playstation and said look after them for me" is the brother's goodbye)
    object_words: frozenset[str]
    elisions: frozenset[str]  # letters that stand for an elided word before an apostrophe
    # ordinary words a lexicon lists as spelled right, never a slip for a cue word ("toiture"
    # is not "voiture", "cachette" not "achete")
    known: frozenset[str] = frozenset()
    # one-word negations ("not", "nicht", "jamais"): a ``..`` gap never skips one, so "thinking
    # .. about dying" is not found in "not thinking about dying"
    negations: frozenset[str] = frozenset()
    # last parts of compounds ("brucke" in "eisenbahnbrucke", "tabletten" in
    # "schlaftabletten"): a typed word no cue knows that ends in one reads as it
    heads: frozenset[str] = frozenset()
    reflexive_others: frozenset[str] = frozenset()  # "himself": the subject's own self
    spelled: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # per first word, its cues split by their second word (a bounded memo, like ``spelled``)
    indexed: dict = field(default_factory=dict, compare=False, repr=False)
    # per cue class, the first words and stems its cues start with (``has_cue``'s quick test)
    class_starts: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        cues: dict[str, list[str]],
        elisions=(),
        known=(),
        compounds=(),
        reflexives=None,
        possessive=None,
    ) -> CueBook:
        by_word: dict = {}
        by_stem: dict = {}
        fuzzy: dict = {}
        vocabulary = set()
        closed = set()  # pronouns and negations: short, common, never typo-matched
        following = {w for t in (possessive or {}).get("then", ()) for w in t.split()}
        for name, phrases in cues.items():
            if name not in CUE_CLASSES:
                raise ValueError(f"unknown cue class {name!r}")
            phrases = _with_possessives(name, phrases, possessive)
            for phrase in _with_reflexives(name, phrases, reflexives):
                words = tuple(phrase.split())
                first = words[0]
                if first.endswith("*"):
                    stem = first[:-1]  # a stem under three letters is keyed by all of it ("tu")
                    by_stem.setdefault(stem[:3], []).append((name, stem, words))
                else:
                    by_word.setdefault(first, []).append((name, words))
                for word in words:
                    if word in (_GAP, _LONG_GAP) or word.endswith("*"):
                        continue
                    vocabulary.add(word)
                    if name in _NOT_SIGNALS and (word == words[0] or word not in following):
                        closed.add(word)  # a possessive's next word ("been", "cutting") stays open
        long_words = frozenset(w for w in vocabulary - closed if len(w) >= _FUZZY_MIN)
        for word in long_words:
            for key in _deletions(word) | _substitutions(word):
                fuzzy.setdefault(key, set()).add(word)
        self_words = frozenset(
            p for name in ("self", "mine") for p in cues.get(name, ()) if " " not in p
        )
        return cls(
            by_word,
            by_stem,
            fuzzy,
            frozenset(vocabulary),
            long_words,
            self_words,
            frozenset(cues.get("object", ())),
            frozenset(elisions),
            frozenset(known),
            frozenset(p for p in cues.get("neg", ()) if " " not in p and not p.endswith("*")),
            frozenset(
                p
                for name in compounds
                for p in cues.get(name, ())
                if " " not in p and not p.endswith("*") and len(p) >= _HEAD_MIN
            ),
            frozenset(
                other
                for word, others in (reflexives or {}).items()
                for other in others
                if other[-3:] == word[-3:]  # "himself" for "myself", not "his" for "my"
            ),
        )

    def spell(self, token: str) -> str:
        """The cue word a typed word stands for: itself, or a long cue word one edit away."""
        spelled = self.spelled.get(token)
        if spelled is None:
            if token in self.vocabulary or token in self.known or len(token) < _FUZZY_MIN - 1:
                spelled = token
            else:
                spelled = _near(self, token)
                if spelled == token and self.heads:
                    spelled = _head(self.heads, token)
            if len(self.spelled) < _SPELLED_MAX:  # a bounded memo of words already seen
                self.spelled[token] = spelled
        return spelled

    def risky_spans(self, text: str) -> list[int]:
        """Where in ``text`` (character offsets) a cue starts that can give a signal on its own
        or with others; speakers, wanting and negation alone give none."""
        matches = list(_WORD.finditer(text))
        spelled = self.spelled
        tokens = [spelled.get(w) or self.spell(w) for w in (m.group() for m in matches)]
        return [matches[start].start() for start, _, name in self.find(tokens) if name in _SIGNAL]

    def find(self, tokens: list[str]) -> list[tuple[int, int, str]]:
        """(first word, past last word, class) of every cue in ``tokens``."""
        found = []
        present = set(tokens)
        indexed = self.indexed
        for start, token in enumerate(tokens):
            entry = indexed.get(token) or self._starting_with(token)
            if entry is _STARTS_NONE:
                continue  # most words start no cue
            singles, by_second, loose = entry
            following = tokens[start + 1] if start + 1 < len(tokens) else ""
            hits = [(order, start + 1, name) for order, name in singles]
            for order, name, words, needed in (*by_second.get(following, ()), *loose):
                # a cue whose every whole word is not somewhere in the text cannot match here
                if needed <= present:
                    end = _match(tokens, start, words, self.negations)
                    if end:
                        hits.append((order, end, name))
            found.extend((start, end, name) for _, end, name in sorted(hits))
        return found

    def _starting_with(self, token: str):
        """The cues that can start at ``token``, in lexicon order: one-word ones, the rest keyed
        by their second word (most are ruled out by the next word alone), and those whose second
        word is a gap or a stem."""
        entry = self.indexed.get(token)
        if entry is None:
            candidates = list(self.by_word.get(token, ()))
            for key in dict.fromkeys((token[:3], token[:2], token[:1])):
                for name, stem, words in self.by_stem.get(key, ()):
                    if token.startswith(stem):
                        candidates.append((name, words))
            singles, by_second, loose = [], {}, []
            for order, (name, words) in enumerate(candidates):
                if len(words) == 1:
                    singles.append((order, name))
                    continue
                needed = frozenset(
                    w for w in words[1:] if w not in (_GAP, _LONG_GAP) and not w.endswith("*")
                )
                if words[1] in (_GAP, _LONG_GAP) or words[1].endswith("*"):
                    loose.append((order, name, words, needed))
                else:
                    by_second.setdefault(words[1], []).append((order, name, words, needed))
            entry = (singles, by_second, loose) if singles or by_second or loose else _STARTS_NONE
            if len(self.indexed) < _SPELLED_MAX:
                self.indexed[token] = entry
        return entry


def _near(book: CueBook, token: str) -> str:
    """The long cue word a typed word is one slip from: a letter short or too many ("sterbn",
    "mourrir"), or one changed, but never in the last three letters, where conjugations differ
    ("desided" is "decided"; "mataste" is not "matarse"). None, or two candidates: as typed.
    """
    matches = set(book.fuzzy.get(token, ()))
    matches |= {word for word in _deletions(token) if word in book.long_words}
    for key in _substitutions(token):
        matches |= book.fuzzy.get(key, set())
    if not matches and len(token) > 3 and token[0] in book.elisions:
        tail = token[1:]  # French "detre" is "d'etre" with its apostrophe removed
        if tail in book.vocabulary:
            return tail
        near = _near(book, tail) if len(tail) > 4 else tail
        return near if near in book.vocabulary else token  # no cue word behind it: as typed
    return min(matches) if len(matches) == 1 else token


def _head(heads: frozenset[str], token: str) -> str:
    """The longest compound head ``token`` ends in, after at least three letters of its own
    ("eisenbahnbrucke" is "brucke"), or the token as typed."""
    for at in range(3, len(token) - _HEAD_MIN + 1):
        if token[at:] in heads:
            return token[at:]
    return token


# Cue classes whose first-person reflexive also reads in the third person ("hang myself" ->
# "hang himself"): the speaker check then gives it to the other person.
_REFLEXIVE_CLASSES = ("die", "harm")


def _with_reflexives(name: str, phrases: list[str], reflexives: dict | None) -> list[str]:
    """``phrases`` and, for death and harm cues, each with its reflexive in the other persons
    (the lexicon's ``reflexives``: "myself" -> "himself", "herself", "themselves"), so a verb
    listed once for the writer is known for a friend too."""
    if not reflexives or name not in _REFLEXIVE_CLASSES:
        return phrases
    out = list(phrases)
    for phrase in phrases:
        words = phrase.split()
        for n, word in enumerate(words):
            for other in reflexives.get(word, ()):
                out.append(" ".join([*words[:n], other, *words[n + 1 :]]))
    return list(dict.fromkeys(out))


def _with_possessives(name: str, phrases: list[str], possessive: dict | None) -> list[str]:
    """``other`` cues and, for each one-word person ("brother"), the apostrophe-less possessive
    or "has" that names them when a word of theirs follows ("my brothers been cutting", "my
    sisters messages"): alone, "my dads pistol" is a thing, and the writer's."""
    if not possessive or name != "other":
        return phrases
    suffix = possessive.get("suffix", "s")
    known = set(phrases)
    out = list(phrases)
    for phrase in phrases:
        if " " in phrase or len(phrase) < 3 or phrase.endswith(suffix) or phrase + suffix in known:
            continue
        out.extend(f"{phrase}{suffix} {then}" for then in possessive.get("then", ()))
    return out


def _word_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


def _match(
    tokens: list[str], start: int, words: tuple[str, ...], negations: frozenset[str] = frozenset()
) -> int:
    """Past the last word of ``words`` matched at ``start``, or 0. A gap stops at a negation:
    "ich weiss nicht wie" is not "weiss .. wie", "denk nicht ans sterben" not "denk* .. ans
    sterben"."""
    at = start
    gap = 0
    for word in words:
        if word == _GAP:
            gap = _MAX_GAP
            continue
        if word == _LONG_GAP:
            gap = _MAX_LONG_GAP
            continue
        limit = min(len(tokens), at + 1 + gap)
        for position in range(at, limit):
            if _word_matches(word, tokens[position]):
                at = position + 1
                break
            if gap and tokens[position] in negations:
                return 0
        else:
            return 0
        gap = 0
    return at


def tokens_of(book: CueBook, text: str) -> list[str]:
    spelled = book.spelled  # the memo first: most words were seen before
    return [spelled.get(token) or book.spell(token) for token in _WORD.findall(text)]


@dataclass
class Reading:
    """What one clause's cues say: signal kinds, the words behind them, the writer's farewells,
    and ``denied`` when a risk word was negated or only asked about ("I'm not going to hurt
    myself", "the nurse asked if I'd thought of ending my life")."""

    kinds: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)
    farewells: int = 0
    denied: bool = False
    joking: bool = False


def read(book: CueBook, text: str, named: bool = False) -> Reading:
    """The engine's signal kinds one clause gives, and the cue words behind them.

    Who a risk word belongs to is the nearest speaker before it ("my sister says she wants to
    die": she); a negation just before a cue cancels it, and a negated ``live`` ("I don't want
    to wake up") is a wish to die; a question someone asked ("asked if") is nobody's statement.
    """
    reading = Reading()
    tokens = tokens_of(book, text)
    cues = book.find(tokens)
    if not cues:
        return reading
    # A negation inside a longer cue is that cue's own word ("can't stop thinking", "won't be
    # here"), not a denial of what follows.
    negations = [
        (s, e)
        for s, e, n in cues
        if n == "neg"
        and not any(o != "neg" and os <= s and e <= oe and oe - os > 1 for os, oe, o in cues)
    ]
    negated = {
        (start, name)
        for start, _, name in cues
        if name in _NEGATABLE
        and any(
            start - _NEG_REACH <= e <= start and not _JOINED & set(tokens[e:start])
            for _, e in negations
        )
    }
    asked_at = min((s for s, _, n in cues if n == "asked"), default=len(tokens))
    # "before anyone wakes up and walk to the tracks": a speaker inside a time is the time's,
    # not the subject of what follows it.
    timed = [(s, e) for s, e, n in cues if n == "time"]
    # "liebe mama, wenn du das liest": a letter's ``address`` names whom it is said to, not
    # who speaks.
    timed += [(s, e) for s, e, n in cues if n == "address"]
    voiced = [
        (s, e, n)
        for s, e, n in cues
        if n in ("self", "other", "people") and not any(ts <= s < te for ts, te in timed)
    ]
    # A speaker inside a longer one is that one's word: "someone i know" is one person, not
    # "someone" and the writer.
    voiced = [
        (s, e, n)
        for s, e, n in voiced
        if not any(os <= s and e <= oe and oe - os > e - s for os, oe, _ in voiced)
    ]
    reflexives = {s for s, _, n in voiced if n == "other" and tokens[s] in book.reflexive_others}
    speakers = _relatives_resolved(sorted((s, n) for s, _, n in voiced), cues, reflexives)
    # A question has one subject: a second "I" after it is the writer answering or going on
    # ("my teacher asked if i was ok and i said yes but i think about killing myself").
    answers = [s for s, n in speakers if n == "self" and s > asked_at]
    asked_end = answers[1] if len(answers) > 1 else len(tokens)
    if any(n == "affirm" and s > asked_at for s, _, n in cues):
        asked_end = asked_at  # "asked if i self harm and honestly i do": answered yes

    def in_question(start: int) -> bool:
        return asked_at < start < asked_end

    # A death word counts as wanted only with the wanting near it ("I want to disappear",
    # "death is all I want"), not anywhere in the clause ("I wanted to say this post about
    # suicide helped").
    # A decision wants what it decides ("jai decide de mourir", "decided to die").
    wants = [(s, e) for s, e, n in cues if n in ("want", "decided") and (s, n) not in negated]
    wanted = {
        s
        for s, e, n in cues
        if n == "topic"
        and any(s - _WANT_REACH <= we <= s or e <= ws <= e + _NEG_REACH for ws, we in wants)
    }

    # "my son is 15, keeps saying he wants to die": a clause that opens on a third-person verb
    # ("agree" cues: "keeps", "says") after the sentence named someone has them as its subject.
    lead = "other" if named and cues[0][0] == 0 and cues[0][2] == "agree" else "self"

    senders = [(s, e) for s, e, n in cues if n == "sender"]
    named_at = [s for s, _, n in cues if n in ("other", "address")]

    def _sent_by_other(start: int, end: int) -> bool:
        """A goodbye letter followed at once by "von"/"vom" and a person (``sender``: "brief
        von"; "von ihr", "von meiner besten freundin", "vom opa") is that person's, not the
        writer's ("der brief von mir" stays; "abschied von meiner familie" is no letter)."""
        return any(
            s < end == e - 1 and any(e - 1 <= p < e + _SENDER_REACH for p in named_at)
            for s, e in senders
        )

    def whose(start: int, end: int, name: str = "") -> str:
        if name in _ADDRESSED and end == len(tokens) and end - start > 1:
            if any(s == end - 1 and n == "other" for s, n in speakers):
                return "self"  # "im so sorry mum", "bye dad": the clause ends on who is addressed
        claims = book.self_words
        theirs = any(start <= s < end and n == "other" for s, n in speakers)
        if name in _GIVEN and (theirs or tokens[end - 1] in book.object_words):
            claims = claims - book.object_words  # "gave me his", "look after them for me"
        if name == "sign":
            # A warning sign is never the writer's risk, so its own "me" or "ill" claims
            # nothing: "thanked me for everything", "the last time ill hear from her".
            claims = frozenset()
        if any(token in claims for token in tokens[start:end]):
            return "self"  # "take care of my cat", "kill myself": the writer's own words
        if name in _REFLEXIVE_CLASSES and any(
            start <= s < end and n == "people" for s, n in speakers
        ):
            return "people"  # "in der serie springt die hauptperson vom dach": a character's
        before = [n for s, n in speakers if s < start]
        if any(s < end and n == "other" for s, n in speakers if s >= start):
            # "cutting his arms", "kill herself"; "the main character kills himself" is people
            reflexive = any(t in book.reflexive_others for t in tokens[start:end])
            return "people" if reflexive and before and before[-1] == "people" else "other"
        return before[-1] if before else lead

    # A "live" word inside a longer death cue is that cue's own word ("ich würde mir niemals
    # das leben nehmen"): denied, it is the act denied, not a wish not to live.
    held = {
        (s, e)
        for s, e, n in cues
        if n == "live"
        and any(o in _HOLD_LIVE and os <= s and e <= oe and oe - os > e - s for os, oe, o in cues)
    }
    own: set[str] = set()
    others: set[str] = set()
    farewell_at: set[int] = set()
    addressing = False  # after "tell my brother", the rest of the message is the writer's
    for start, end, name in cues:
        if name in _NOT_SIGNALS or name == "live" and (start, end) in held:
            continue
        if (start, name) in negated or (in_question(start) and name in _NEGATABLE):
            if name != "live" or in_question(start):
                reading.denied |= name in ("die", "harm", "topic")
                continue
            name = "die"  # "I don't want to live", "je veux plus vivre"
        elif name == "live" or name == "topic" and start not in wanted:
            continue
        if name in _SENT and _sent_by_other(start, end):
            # "der abschiedsbrief von meinem opa": the letter is the sender's, a worry about
            # them; a plain letter from someone ("einen brief von meiner oma") is nobody's risk
            if name != "final":
                continue
            speaker = "other"
        else:
            speaker = whose(start, end, name)
        if name == "sign" and named and not any(s < start for s, _ in speakers):
            # "my pupil, year 9, has scratches on both wrists": a warning sign in a clause with
            # no speaker of its own is the person the sentence named before it (a sign is never
            # the writer's risk, so nothing the writer says is lost).
            speaker = "other"
        if name in ("farewell", "final", "thanks"):
            if speaker == "people" and name != "final":
                speaker = "self"  # "if anyone finds this": a goodbye is said to people
            if speaker == "self":
                addressing = True
            elif addressing:
                speaker = "self"
        if speaker == "people":
            continue  # "people who want to die": talk about people in general
        if name == "time" and any(n == "self" for _, n in speakers):
            # the writer's day too: "ben is away this weekend so thats when ill do it"
            own.add(name)
        (others if speaker == "other" else own).add(name)
        if name == "farewell" and speaker == "self" and start not in farewell_at:
            farewell_at.add(start)  # two cues on one word ("abschied", "abschied*") are one
            reading.farewells += 1
        reading.words.append(" ".join(tokens[start:end]))
    reading.kinds = _kinds(own)
    reading.joking = any(n == "joke" for _, _, n in cues)
    someone_else = any(n == "other" for _, n in speakers)
    their = _kinds(others) - {"time", "decision", "obtained", "gathered"}
    if their or others & _RISKY or ("worry" in own | others and someone_else):
        reading.kinds.add("other")  # "my son told me he's been cutting", "worried about my friend"
    return reading


_RISKY = {"die", "harm", "burden", "final", "farewell", "means", "tool", "act", "sign"}
_NOT_SIGNALS = {
    "self",
    "mine",
    "object",
    "other",
    "people",
    "address",
    "neg",
    "asked",
    "joke",
    "plain",
    "relative",
    "affirm",
    "agree",
    "sender",
}
_ADDRESSED = {"farewell", "final", "thanks"}  # said to someone named last in the clause
_GIVEN = {"farewell", "thanks"}  # said or given to the writer, they are someone else's
_HOLD_LIVE = {"die", "topic", "harm"}  # cues that may hold a "live" word of their own
_SENT = {"farewell", "final"}  # a letter or goodbye that can be from someone ("sender")
_SENDER_REACH = 3  # "von" + up to two words ("meiner besten") before the person it names
# What a negation can cancel: the verbs and states, not the things ("can't stop looking at the
# beam" keeps the beam).
_NEGATABLE = {"die", "topic", "harm", "live", "want", "decided", "act", "gather", "bought"}
# A negation does not reach over "and"/"but" into the next verb: "ich kann nicht mehr und will
# sterben", "not sad, just tired and want to die" (the first clause's "not" is its own).
_JOINED = frozenset({"und", "and", "et", "y", "e", "aber", "but", "pero", "oder", "or", "ou"})
_SIGNAL = set(CUE_CLASSES) - _NOT_SIGNALS - {"want"}


_RELATIVE_REACH = 4  # "a boy in my class who": the person a relative word stands for


def _relatives_resolved(
    speakers: list[tuple[int, str]], cues: list[tuple[int, int, str]], reflexives=frozenset()
) -> list[tuple[int, str]]:
    """A relative word ("who") speaks for the person just before it: "a cousin who wants to
    die" is the cousin, "im the one who" the writer, "people who" people in general. The
    nearest other person within reach wins over the writer ("my friend i told you about who").
    A reflexive ("himself") after people in general is theirs too ("the villain throws himself
    off the tower").
    """
    relatives = {s for s, _, n in cues if n == "relative"}
    if not relatives and not reflexives:
        return speakers
    resolved: list[tuple[int, str]] = []
    for start, name in speakers:
        back = [n for s, n in resolved if start - _RELATIVE_REACH <= s < start]
        if start in reflexives:
            name = "people" if back and back[-1] == "people" else name
        elif start in relatives:
            others = [n for n in back if n != "self"]
            name = others[-1] if others else "self" if back else name
        resolved.append((start, name))
    return resolved


def _kinds(cues: set[str]) -> set[str]:
    """The signal kinds a set of the writer's own cues makes."""
    kinds = set()
    if cues & {"die", "harm"} or "topic" in cues and cues & {"want", "decided"}:
        kinds.add("intent")  # "I want to disappear", not "a documentary about suicide"
    if "burden" in cues:
        kinds.add("burden")
    if "abuse" in cues:
        kinds.add("abuse")
    if "means" in cues and cues & {"gather", "decided", "want"}:
        kinds.add("plan")  # pills saved up, tablets in front of me
    if "place" in cues and cues & {"decided", "want", "act", "gather"}:
        kinds.add("plan")  # the bridge chosen, going to the tracks
    if cues & {"means", "tool", "place"}:
        kinds.add("method")  # named by the writer: imminent next to a decision or intent
    elif "gather" in cues:
        kinds.add("gathered")  # "theres enough now" after the pills: the engine joins them
    if "spot" in cues and (cues & {"die", "harm"} or {"topic", "want"} <= cues):
        kinds.add("plan")  # "walk into the sea": an everyday place, named with dying
    if "tool" in cues and cues & {"decided", "act"}:
        kinds.add("plan")  # a gun and "I know where the key is"; with only a day, an outing
    elif "tool" in cues and cues & {"gather", "bought"}:
        kinds.add("obtained")  # a rope bought: imminent only with distress nearby, not a day
    if "act" in cues and cues & {"decided", "time"}:
        kinds.add("plan")  # "I know how I'll do it", "it's happening tonight"
    if "decided" in cues and cues & {"die", "harm", "act", "burden"}:
        kinds.add("plan")
    if "decided" in cues:
        kinds.add("decision")
    if "time" in cues:
        kinds.add("time")
        if cues & {"die", "final", "burden"}:
            kinds.add("plan")
    if "final" in cues:
        kinds.add("goodbye")
    if "farewell" in cues:
        kinds.add("farewell")
    if "thanks" in cues:
        kinds.add("thanks")
    return kinds


def has_cue(book: CueBook, text: str, name: str) -> bool:
    """Whether ``text`` holds a cue of class ``name``: someone other than the writer named in
    the sentence before a clause (``other``), a sentence laughed off (``joke``)."""
    if not text:
        return False
    tokens = tokens_of(book, text)
    words, stems = _class_starts(book, name)
    if not any(t in words or t.startswith(stems) for t in tokens):
        return False  # no word here can start such a cue: skip the full scan
    return any(found == name for _, _, found in book.find(tokens))


def _class_starts(book: CueBook, name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The first words and first stems of ``book``'s cues of class ``name`` (kept per book)."""
    if name in book.class_starts:
        return book.class_starts[name]
    words = frozenset(
        w for w, entries in book.by_word.items() if any(n == name for n, _ in entries)
    )
    stems = tuple(
        sorted({stem for entries in book.by_stem.values() for n, stem, _ in entries if n == name})
    )
    book.class_starts[name] = (words, stems)
    return words, stems
