"""Assess a whole comment: find signals sentence by sentence, adjust them for tense, person and
voice, then combine them across the comment (the strongest decides).

A sentence's signals are found by its language's lexicon (see ``lexicon.py``). Then:
- told as past ("years ago", "when I was 15", "used to") with nothing present ("again", "now")
  -> intent, self-harm, plans and abuse count as distress, not crisis;
- about someone else ("my friend", "she", "my son") -> signals whose words are not the writer's
  own ("I", "me", "my") are the other person's: the comment is ``about_other``;
- a professional's voice ("as a therapist", "our training") -> no risk signal counts there.
Across the comment: intent in one sentence + a plan, a time or a goodbye in another is imminent,
and so is a bare "I've decided." after distress.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import cues
from .levels import MAX_MATCHES, Assessment, max_level
from .lexicon import Lexicon

_SENTENCE_END = re.compile(r"[.!?;]+(?:\s+|$)|\n|\s[-–—]\s")
# Cues are read per clause, so "years ago I tried, today I'm fine" keeps each tense to its clause.
_CLAUSE_END = re.compile(r"[.!?;,:]+(?:\s+|$)|\n|\s[-–—]\s")
_CLAUSE_MARK = re.compile(r"[,:;]")  # inside a blanked exception: it spans a clause end
_REACH = 300
_RISK_KINDS = {
    "plan",
    "goodbye",
    "intent",
    "burden",
    "abuse",
    "attempt",
    "time",
    "decision",
    "obtained",
    "method",
}
_CUE_RISK = {
    "plan",
    "goodbye",
    "farewell",
    "thanks",
    "intent",
    "burden",
    "method",
    "decision",
    "obtained",
}
_PAST_CAN_LOWER = {"plan", "intent", "burden", "abuse", "attempt"}
# What a sentence loses when its risk words are found not to be the writer's (a professional's
# talk, a screening question answered no): every risk kind and the goodbyes with it.
_SET_ASIDE = _RISK_KINDS | {"farewell", "thanks"}
# Modifiers that make a wish of words the exceptions or negations set aside (see below).
_TAKEN_BACK = ("unjoked", "answered", "postponed")
# The lexicon kinds that can make a reading crisis or above on their own or beside others.
_REACH_CRISIS = {"plan", "goodbye", "farewell", "decision", "intent", "burden", "abuse", "attempt"}
# What an everyday purpose told in the same sentence undoes, unless a heavier signal is there too.
_ERRAND_KINDS = {"plan", "method", "time", "decision", "obtained", "gathered"}
_HEAVY_KINDS = {"intent", "burden", "abuse", "attempt", "goodbye"}
_BARE_WORDS = 3  # a sentence this short, one clause, holding only a time: a day told alone
_OWN_LEVEL = {"intent": "crisis", "burden": "crisis", "abuse": "crisis", "attempt": "crisis"}


@dataclass
class Sentence:
    index: int
    end: int = 0
    number: int = 0  # which sentence of the comment
    kinds: set[str] = field(default_factory=set)
    categories: list[str] = field(default_factory=list)
    matches: list[str] = field(default_factory=list)
    notes: set[str] = field(default_factory=set)
    farewells: int = 0
    words: int = 0  # words in the whole sentence it sits in
    rest: int = 0  # of those, words none of its matches hold (kisses and "so", "im" aside)


def windows(lexicon: Lexicon, text: str) -> list[tuple[int, int, set[str]]]:
    """Where to look: the sentences holding an anchor, with the categories to examine there.

    A very long run-on sentence is cut to the words around the anchor (_REACH characters each
    side, more than any pattern spans), so unpunctuated text cannot make the scan slow.
    """
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    found: list[tuple[int, int, set[str]]] = []
    padded = f" {text} "  # so an anchor such as " od" is found at either end too
    for match in lexicon.anchors.finditer(padded):
        at = max(match.start() - 1, 0)
        index = bisect.bisect_right(starts, at) - 1
        first = max(starts[index], text.rfind(" ", 0, max(at - _REACH, 0)) + 1)
        last = min(starts[index + 1], (text.find(" ", at + _REACH) + 1) or len(text))
        categories = lexicon.anchored[match.group(1)]
        if found and first < found[-1][1]:
            found[-1] = (found[-1][0], max(last, found[-1][1]), found[-1][2] | categories)
        else:
            found.append((first, last, set(categories)))
    return found


def _sentence_before(text: str, start: int) -> str:
    """The sentence just before the one starting at ``start`` (its last _REACH characters), or
    "" when ``start`` is not where a sentence starts."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    if not ends or ends[-1] != start:
        return ""
    return text[ends[-2] if len(ends) > 1 else 0 : start][-_REACH:]


def read_sentences(lexicon: Lexicon, text: str) -> list[Sentence]:
    """The signals of each examined sentence of ``text`` (already prepared for the lexicon)."""
    sentences = []
    for start, end, categories in windows(lexicon, text):
        raw = text[start:end]
        back = _sentence_before(text, start) if categories & lexicon.reach_back else ""
        if not any(lexicon.patterns[name].search(back + raw) for name in categories):
            continue  # most windows: an anchor word, but no pattern (blanking only removes)
        # Figures of speech ("dying to read more") and negations ("I would never hurt myself")
        # are blanked first (``Lexicon.blank``).
        window = lexicon.blank(raw)
        hits = sorted(
            (m.start(), -m.end(), name, m.group().strip())
            for name in categories
            for m in lexicon.patterns[name].finditer(window)
        )
        if back:
            # A reach-back category may begin in the sentence before, if it ends in this one.
            lead = lexicon.blank(back)
            hits = sorted(
                hits
                + [
                    (0, -(m.end() - len(lead)), name, m.group().strip())
                    for name in categories & lexicon.reach_back
                    for m in lexicon.patterns[name].finditer(lead + window)
                    if m.start() < len(lead) < m.end()
                ]
            )
        if not hits:
            continue
        sentence = Sentence(index=start, end=end)
        for _, _, name, phrase in hits:
            sentence.kinds.add(lexicon.kinds[name])
            sentence.categories.append(name)
            sentence.matches.append(phrase)
            sentence.farewells += lexicon.kinds[name] == "farewell"
        before = text[max(0, start - _BEFORE) : start]
        _apply_modifiers(lexicon, raw, sentence, after=text[end : end + _NEAR], before=before)
        sentences.append(sentence)
    return sentences


def _apply_modifiers(
    lexicon: Lexicon,
    raw: str,
    sentence: Sentence,
    person=True,
    context: str = "",
    after: str = "",
    before: str = "",
) -> None:
    """Adjust a sentence's kinds for voice, person, negation, tense and everyday purpose.

    ``person=False`` for cue clauses, which already gave each risk word its speaker; their
    ``context`` is the whole sentence around the clause, where a purpose or a return is told
    ("packed the rope, the tent and the stove for the camping trip").
    """
    context = context or raw
    mods = lexicon.modifiers
    if mods["professional"].search(raw):
        sentence.notes.add("professional")
        # A teacher or nurse worried about one pupil or patient the cues named ("a pupil told
        # me she wants to die") is still worried about someone; people in general are not.
        named = (
            not person
            and "other" in sentence.kinds
            and any(" " in m.group().strip() for m in mods["third"].finditer(raw))
        )  # "a pupil", "my client": not "they" or "someone", who are people in general here
        sentence.kinds -= _SET_ASIDE | {"other", "distress"}
        if named:
            sentence.kinds.add("other")
        return
    if person and mods["third"].search(raw):
        own = [
            phrase
            for phrase, name in zip(sentence.matches, sentence.categories, strict=True)
            if lexicon.kinds[name] in _RISK_KINDS
            and (mods["first"].search(phrase) or _said_by_writer(mods, raw, phrase))
        ]
        risky = sentence.kinds & _RISK_KINDS
        if risky and not own:
            sentence.kinds -= _RISK_KINDS
            if risky - {"time"}:  # a day alone ("my grandads report came back today") is no worry
                sentence.notes.add("third_person")
                sentence.kinds.add("other")
    if "other" in sentence.kinds:
        sentence.notes.add("third_person")
    denied = _PAST_CAN_LOWER - ({"plan"} if {"plan", "time"} <= sentence.kinds else set())
    if sentence.kinds & denied and _denied(lexicon, context, sentence):
        # "I'd never act on it, but I get these thoughts": told, and at once denied. A plan
        # with its day is not undone by a denial beside it ("im not suicidal but i bought a
        # rope and im doing it tonight").
        sentence.notes.add("negation")
        sentence.kinds -= denied
        sentence.kinds.add("distress")
    past = (
        _past_phrases(mods, raw, context) if sentence.kinds & (_PAST_CAN_LOWER | {"other"}) else []
    )
    if past:
        if not _told_now(mods, raw, past):
            sentence.notes.add("past")
            if sentence.kinds & _PAST_CAN_LOWER:
                # "i used to plan how id do it": the decision was that plan's, told as past too
                sentence.kinds -= _PAST_CAN_LOWER | {"decision"}
                sentence.kinds.add("distress")
            if not _keeps_other(mods, raw):
                sentence.kinds.discard("other")
    elif "attempt" in sentence.kinds and not mods["present"].search(raw):
        # "I attempted suicide" with no time at all reads as a past attempt, not a present one.
        sentence.notes.add("past")
        sentence.kinds.discard("attempt")
        sentence.kinds.add("distress")
    if (
        sentence.kinds & {"farewell", "goodbye", "thanks"}
        and _dated_far_back(mods, raw, sentence.matches)
        and not mods["present"].search(raw)
        and not mods["comeback"].search(context)
    ):
        # "i wrote a goodbye note at 15", "back in 2019 i gave everything away": a goodbye
        # dated far back is a memory (a past attempt), not a goodbye now.
        sentence.notes.add("past")
        sentence.kinds -= {"farewell", "goodbye", "thanks", "plan"}
        sentence.kinds.add("distress")
    parting = sentence.kinds & {"farewell", "goodbye", "thanks"}
    if parting and _away_beside(mods, context, before, after):
        sentence.notes.add("away")  # a move or a trip told: the comment's leave-taking
    if parting and ("away" in sentence.notes or mods["comeback"].search(context)):
        sentence.kinds -= parting  # "bye everyone, back in two weeks"
        if not sentence.kinds & _HEAVY_KINDS:
            sentence.kinds -= {"plan", "time"}  # the goodbye and its day were one leave-taking
    if (
        sentence.kinds & _ERRAND_KINDS
        and not sentence.kinds & _HEAVY_KINDS
        and (_purpose(mods, context) or _purpose_next(lexicon, context, after))
        and not _purpose_denied(mods, after)  # "bought charcoal and a tent. not for camping."
    ):
        # A rope for camping, pills for a headache, the roof to watch the stars, "tonight's the
        # night: season finale": the thing and the time are there, and so is what they are for.
        sentence.notes.add("everyday")
        sentence.kinds -= _ERRAND_KINDS


def _past_phrases(mods: dict[str, re.Pattern], raw: str, context: str) -> list[tuple[int, int]]:
    """Where ``raw`` tells its risk as past, in phrases that hold in the whole sentence
    ``context`` too: "meine suizidgedanken sind weg, aber heute nacht sind sie wieder da" takes
    back, in its next clause, a going its first clause tells alone."""
    in_context = {m.group() for m in mods["past"].finditer(context)}
    return [m.span() for m in mods["past"].finditer(raw) if m.group() in in_context]


def _told_now(mods: dict[str, re.Pattern], raw: str, past: list[tuple[int, int]]) -> bool:
    """Whether a present marker ("now", "again", "depuis") is in ``raw`` outside its ``past``
    phrases: in "mes idees noires sont parties depuis le traitement" the "depuis" dates the
    going, not the thoughts."""
    return any(
        not any(start <= m.start() < end for start, end in past)
        for m in mods["present"].finditer(raw)
    )


# Words that turn a sentence: a denial before one does not reach the risk told after it.
_TURN = re.compile(
    r"\b(?:mais|sauf que|pourtant|cependant|but|however|pero|sin embargo|aber|jedoch|mas|porem)\b"
)
# A denial of acting ("I'd never act on it", "je le ferai jamais") is about the thoughts told
# around it, so it reaches past a turn; a denied state ("not suicidal", "pas mourir") does not.
_ACTING = re.compile(r"\b(?:act|acting|do|doing|faire|ferai|tun|machen|hacer|hare|fazer|faria)\b")


def _denied(lexicon: Lexicon, raw: str, sentence: Sentence) -> bool:
    """Whether a negation in the sentence denies its risk. One told before a turn ("mais",
    "but") stops there: in "je veux pas mourir mais je pense a me tuer tout le temps" the
    wish after "mais" is not denied; "I want to die but I'd never do it" and "I'd never act on
    it, but some nights I think they'd cope without me" still are."""
    risky = [
        phrase
        for phrase, name in zip(sentence.matches, sentence.categories, strict=False)
        if name == "cues" or lexicon.kinds.get(name) in _PAST_CAN_LOWER
    ]
    if sentence.categories == ["cues"]:
        risky = list(sentence.matches)
    for negation in lexicon.modifiers["negation"].finditer(raw):
        turn = _TURN.search(raw, negation.end())
        if (
            not turn
            or _ACTING.search(negation.group())
            or not any(phrase in raw[turn.end() :] for phrase in risky)
        ):
            return True
    return False


# "at 11" in a distant date is an hour, not an age ("ill be gone at 11"); "at 15" is an age.
_HOUR = re.compile(r"at (?:[1-9]|1[0-2])")


def _dated_far_back(mods, raw: str, matches: list[str]) -> bool:
    """Whether a clause holding one of the matched words is dated far back ("i wrote a goodbye
    note at 15"), not just the sentence ("this is my last post, when i was little i loved it")."""
    for clause in _CLAUSE_END.split(raw):
        if any(m in clause for m in matches) and any(
            not _HOUR.fullmatch(d.group()) for d in mods["distant"].finditer(clause)
        ):
            return True
    return False


def _said_by_writer(mods, raw: str, phrase: str) -> bool:
    """Whether the subject nearest before ``phrase`` is the writer's ("my mums been asleep for
    hours and ive got all her pills lined up": "ive" is nearer the pills than "my mum")."""
    at = raw.find(phrase)
    if at < 0:
        return False
    if not raw[:at].strip():
        # Round 31: a sentence that opens on the phrase has no subject of its own, and an
        # English comment drops only its writer's "I" ("wrote letters for my mum and my sister":
        # they are whom it is for). A phrase that names its own subject first is that subject's.
        return not mods["third"].match(phrase)
    writer = max((m.end() for m in mods["subject"].finditer(raw, 0, at)), default=-1)
    return writer > max((m.end() for m in mods["third"].finditer(raw, 0, at)), default=-1)


_DENIED_PURPOSE = re.compile(
    r"\s*(?:and |but |its |thats |and its )?(?:definitely |def |deffo |really )?not (?:for|to go)\b"
)
_DENIAL_BEFORE = re.compile(
    r"\b(?:not|never|isnt|wasnt|arent) (?:for|to go) (?:a |an |the |my |our |some )?$"
)


def _purpose_denied(mods, after: str) -> bool:
    """The next sentence denies an everyday purpose: "not for camping" (not "not for me")."""
    denied = _DENIED_PURPOSE.match(after)
    if not denied:
        return False
    told = re.split(r"[.!?\n]", after[denied.end() :], maxsplit=1)[0]
    purposes = list(mods["everyday"].finditer(told))
    # one purpose, denied; "not for camping, for the festival" tells the real one after it
    return len(purposes) == 1 and purposes[0].start() < 24


def _purpose(mods, context: str) -> bool:
    """Whether the sentence tells what its rope, pills or day are for. An everyday word right
    after "after", "before" or "until" ("after the wedding on saturday i'll do it", "before the
    dog walkers") dates the plan: it is when, not what for. A purpose denied ("a rope and a
    tent, not for camping") is none."""
    found = list(mods["everyday"].finditer(context))
    if any(_DENIAL_BEFORE.search(context, max(0, m.start() - 30), m.start()) for m in found):
        return False
    return any(not mods["until"].search(context, max(0, m.start() - 24), m.start()) for m in found)


# How far after a sentence and how far before it a move or a leaving do is read ("we fly out on
# the 14th. saying goodbye to everyone has been the hardest part"; before, a whole long sentence:
# "Today was my last day at the firm after twelve years, and I cried when they gave me the card
# everyone signed. ... said goodbye to everyone"), and how long a sentence told with its purpose
# in the next one may be ("doing it saturday!! first ever parkrun").
_NEAR = 90
_BEFORE = 240
_SHORT = 5


def _away_beside(mods, context: str, before: str, after: str) -> bool:
    """A move, a leaving do or an account closed, told with a goodbye or in the sentence just
    before or after it, makes it a leave-taking ("deleting instagram tonight. this is my last
    post"); not when the writer's absence is told there ("this is goodbye, i wont be here
    tomorrow", "the only one who will miss me")."""
    if mods["away"].pattern == "(?!)":
        return False
    last = ([""] + [p for p in _SENTENCE_END.split(before) if p.strip()])[-1]
    first = _SENTENCE_END.split(after.lstrip(), maxsplit=1)[0]
    near = (context, last, first)
    if any(mods["absent"].search(told) for told in near):
        return False
    return any(_away_told(mods, told) for told in near)


# "not moving overseas", "alle denken, ich ziehe um": a move denied, or told as a cover story
_COVER = re.compile(
    r"(?:everyone thinks|they (?:all )?think|told (?:him|her|them|everyone|my \w+) (?:that )?"
    r"(?:i was|im|i am)|alle denken|denken alle|(?:hab|habe) (?:ihm|ihr|allen) gesagt)"
    r",?(?: that)?(?: dass)? (?:ich |i )?(?:\w+ )?$"
)
_NOT_BEFORE = re.compile(
    r"\b(?:not|never|im not|i am not|isnt|wasnt|nicht|nie|pas|jamais|no|nao)\s+$"
)


def _away_told(mods, told: str) -> bool:
    """A move or leaving do in ``told`` that is not denied right before it."""
    return any(
        not _NOT_BEFORE.search(told, max(0, m.start() - 12), m.start())
        and not _COVER.search(told, max(0, m.start() - 40), m.start())
        for m in mods["away"].finditer(told)
    )


def _purpose_next(lexicon: Lexicon, context: str, after: str) -> bool:
    """A short sentence whose purpose opens the next one: "doing it saturday!! first ever
    parkrun", "sunday is the day. my first half marathon". Only a purpose near its start, and
    only in a sentence with no risk word of its own ("friday. the bridge by the marathon
    route" names a place, not what the day is for)."""
    if len(_WORD.findall(context)) > _SHORT:
        return False
    sentence = _SENTENCE_END.split(after.lstrip(), maxsplit=1)[0]
    if lexicon.cues is not None and lexicon.cues.risky_spans(sentence):
        return False
    return _purpose(lexicon.modifiers, sentence[:32])


def _keeps_other(mods, raw: str) -> bool:
    """Someone else's attempt told without a far date ("my friend tried to kill herself, she's
    home now") is a worry now; one dated years back, or a death last year, is not. Languages
    without ``distant`` dates keep the old reading (any past drops the worry)."""
    return mods["distant"].pattern != "(?!)" and not mods["distant"].search(raw)


def combine(sentences: list[Sentence]) -> tuple[str, bool]:
    """The comment's level for its writer, and whether it worries about someone else."""
    kinds = set().union(*(s.kinds for s in sentences)) if sentences else set()
    level = max_level(*(_OWN_LEVEL.get(kind) for kind in kinds))
    if "distress" in kinds:
        level = max_level(level, "distress")
    heavy = kinds & {"intent", "burden", "distress", "abuse", "attempt"}
    if kinds & {"plan", "goodbye"}:
        level = "imminent"
    farewells = sum(s.farewells for s in sentences if "farewell" in s.kinds)
    thanks = "thanks" in kinds  # "thanks all, love you": only with something heavier
    # A trip or a move told anywhere in the comment ("my last post for a few weeks, we're off
    # to Newfoundland") makes its other farewells and thanks part of the leave-taking.
    leaving = any("away" in s.notes for s in sentences)
    several = not leaving and (farewells > 1 or thanks)
    if farewells and (heavy or several or kinds & {"decision", "obtained"}):
        level = "imminent"
    # "final bow tmrw morning. letters on my desk for mum": a farewell act that is its whole
    # sentence, with a day in the sentence next to it; not in a comment that tells a move or a
    # leaving do, nor a day to come back on ("im out. see yall tomorrow").
    farewell_at = [s.number for s in sentences if "farewell" in s.kinds and s.rest <= _APOLOGY_REST]
    if not leaving and any(
        "time" in s.kinds
        and "comeback" not in s.notes
        and any(abs(s.number - m) == 1 for m in farewell_at)
        for s in sentences
    ):
        level = "imminent"
    if thanks and (heavy & {"intent", "burden"} or "decision" in kinds):
        level = "imminent"
    # A rope or a knife just got ("obtained") counts with distress, not with a day nearby:
    # "bought a new kitchen knife. tonight im making curry".
    if kinds & {"decision", "obtained"} and heavy:
        level = "imminent"
    # Nearness is counted in the comment's sentences (``number``), not in the list of readings.
    intent_at = [s.number for s in sentences if s.kinds & {"intent", "burden"}]
    decided_at = [s.number for s in sentences if "decision" in s.kinds]
    # (sentence, clause) of each decision: "ive got the rope in the loft, waiting for everyone
    # to be out" tells the tool got and the decision in two clauses of one sentence.
    decided_clauses = [(s.number, s.index) for s in sentences if "decision" in s.kinds]
    bare_at = [s.number for s in sentences if "bare" in s.notes]
    gathered_at = [(s.number, s.index) for s in sentences if "gathered" in s.kinds]
    for sentence in sentences:
        n = sentence.number
        if "time" in sentence.kinds and any(abs(n - m) <= 2 for m in intent_at):
            level = "imminent"
        # "I've decided. Sunday." and "A rope in the shed. I've decided.": parts of one plan
        # told in neighbouring sentences ("I've decided to quit on Friday" is one sentence).
        if sentence.kinds & {"time", "method"} and any(0 < abs(n - m) <= 2 for m in decided_at):
            level = "imminent"
        # "found the place, a car park nine floors up, all thats left is to go": the decision
        # and the place in two clauses of one sentence (a day there is still an errand).
        if "method" in sentence.kinds and any(
            m == n and at != sentence.index for m, at in decided_clauses
        ):
            level = "imminent"
        if "obtained" in sentence.kinds and any(
            m == n and at != sentence.index for m, at in decided_clauses
        ):
            level = "imminent"  # the decision in the clause next to the tool just got
        if "method" in sentence.kinds and any(abs(n - m) <= 1 for m in intent_at):
            level = "imminent"
        # "Found my dad's old pistol, it still works. This weekend.": a day told alone, right
        # after the means ("tonight I'm making curry" is a day with its own purpose).
        if sentence.kinds & {"method", "obtained"} and any(abs(n - m) == 1 for m in bare_at):
            level = "imminent"
        # "cant do this anymore. tonight.": a day told alone right after the writer's distress
        # is the day of it (a day with its own purpose, "quitting the gym tonight", is not bare).
        if sentence.kinds & {"distress", "intent", "burden"} and n + 1 in bare_at:
            level = "imminent"
        # "filling a bag with all the insulin. theres enough now", "the level crossing has no
        # barrier. ive stood there three times": the means in one sentence, gathered or
        # visited in the next (or in the next clause: "encomendei remedio, quando chegar eu tomo
        # todos"), is the plan a clause with both would be.
        if "method" in sentence.kinds and any(
            abs(n - m) == 1 or (m == n and at != sentence.index) for m, at in gathered_at
        ):
            level = "imminent"
        # "ive worked out how. ive worked out when.": two decisions, one after the other.
        if "decision" in sentence.kinds and any(abs(n - m) == 1 for m in decided_at):
            level = "imminent"
    # "done. sorry everyone", "took them all. bye x": an act told as just finished, in a
    # sentence of its own, next to a goodbye, an apology to all or thanks.
    parting_at = [
        s.number for s in sentences if 0 < s.words <= _PARTING_WORDS and s.rest == 0 and _parts(s)
    ]  # not thanks ("done! thanks all for the help"), nor an apology with more to say
    # "Tonight. Goodbye and thank you.": a day told alone, next to a bare parting.
    if any(abs(n - m) == 1 for n in bare_at for m in parting_at):
        level = "imminent"
    for sentence in sentences:
        # "done. bye x", and "cya. rope's in the ute": a tool just got next to a bare goodbye
        if sentence.kinds & {"completed", "obtained"} and any(
            abs(sentence.number - m) == 1 for m in parting_at
        ):
            level = "imminent"
        # "please dont go in the shed tomorrow mum. im sorry": a farewell act next to a sentence
        # that is nothing but an apology ("im sorry its messy" says more, and is not one), the
        # farewell itself giving no reason ("dont go in the bathroom, the floor is wet. sorry").
        if (
            "farewell" in sentence.kinds
            and sentence.rest <= _APOLOGY_REST
            and any(
                abs(sentence.number - s.number) == 1 and "apology" in s.notes for s in sentences
            )
        ):
            level = "imminent"
    by_number: dict[int, set[str]] = {}  # each sentence's kinds, from all its readings
    for s in sentences:
        by_number.setdefault(s.number, set()).update(s.kinds)
    if _dated_means_beside_goodbye(sentences, by_number) or _terse_means_beside_distress(
        sentences, by_number
    ):
        level = "imminent"
    about_other = "other" in kinds
    if about_other:
        level = max_level(level, "distress")
    return level, about_other


_GOODBYE_REACH = 2  # sentences between a goodbye and the dated means it takes leave for


def _dated_means_beside_goodbye(sentences: list[Sentence], by_number: dict[int, set[str]]) -> bool:
    """ "bye all. tonight at the bridge.", "sorted the life insurance. going up the quarry
    friday", "saturday im taking the sleeping pills. all of them. sorry": a means or a place
    with its day in one sentence, near the writer's goodbye or bare apology. Each
    alone is an outing or a tidy-up; together they are the plan and the leave-taking for it.
    Thanks count only with a parting word ("bye"), never a plain "thanks all"; a sentence about
    someone else ("my dad gave his tools away") is not the writer's leave-taking."""
    own = {n: kinds for n, kinds in by_number.items() if "other" not in kinds}
    # a sentence that is nothing but an apology ("sorry", "im so sorry mum") parts too
    goodbye_at = {
        s.number
        for s in sentences
        if "other" not in by_number[s.number] and (_parts(s) or "apology" in s.notes)
    }
    if not goodbye_at:
        return False
    # The means and its day in one sentence, or in two next to each other with the goodbye in a
    # third ("I have bought the poison already. Tonight when my wife is sleeping I will drink
    # it. Forgive me."); a goodbye that holds the day itself ("letters to my girls for their
    # 18th ... now") with a box in the next sentence is not that.
    for n, kinds in own.items():
        if not kinds & {"method", "obtained"}:
            continue
        near = {m for m in goodbye_at if abs(n - m) <= _GOODBYE_REACH}
        if "time" in kinds and near:
            return True
        for m in (n - 1, n + 1):
            if "time" in own.get(m, set()) and near - {n, m}:
                return True
    return False


_PARTING_WORDS = 6
_APOLOGY_REST = 2  # words a farewell next to a bare apology may hold beyond its own
_APOLOGY = re.compile(
    r"(?:(?:im|i am) )?(?:so |really |truly )?sorry(?: (?:mum|mom|mam|dad|ma|pa|mama|papa"
    r"|everyone|all|guys|for everything|for all of it|for this))*"
    r"|(?:es )?tut mir (?:so |wirklich )?leid|entschuldigt|verzeiht mir|verzeih mir"
    r"|(?:je suis )?desolee?|pardon|lo siento|perdon"
    r"|desculpa|desculpem"
)
_FILLER = re.compile(r"x+|(?:xo)+x?|so|im|i|am|really|just|all|everyone|guys|mum|mom|dad")
# a parting word in the five languages' thanks cues ("tschuss an alle", "adieu tout le monde")
_PARTING = re.compile(
    r"\b(?:sorry|bye|goodbye|farewell|cya|see ya|tschuss|ciao|tschau|servus|baba|adieu|adios"
    r"|chau|chao|tchau)\b"
)


_TERSE_WORDS = 4  # "ce soir les médocs.": a means and its day, told in a few words


def _terse_means_beside_distress(sentences: list[Sentence], by_number: dict[int, set[str]]) -> bool:
    """ "ce soir les médocs. j'en peux plus", "tonight the pills. cant do this": a means and its
    day told in a few words and nothing else, next to the writer's own distress. A longer
    sentence says what the day is for ("tonight the pills for my cold")."""
    terse = {
        s.number
        for s in sentences
        if 0 < s.words <= _TERSE_WORDS
        and s.rest <= 1
        and {"method", "time"} <= by_number[s.number]
        and "other" not in by_number[s.number]
    }
    low = [n for n, kinds in by_number.items() if kinds & {"distress", "intent", "burden"}]
    return any(abs(n - m) == 1 for n in terse for m in low)


def _parts(sentence: Sentence) -> bool:
    """A goodbye or farewell act, or thanks with a parting word ("bye all"): never a plain
    "thanks all", which friendly comments say every day."""
    return bool(sentence.kinds & {"farewell", "goodbye"}) or (
        "thanks" in sentence.kinds and any(_PARTING.search(m) for m in sentence.matches)
    )


def _only_time(lexicon: Lexicon, sentence: Sentence, sentences: list[Sentence], whole: str) -> bool:
    """Whether ``whole``, a sentence read only as a time, says nothing but times: each word is
    held by a time cue ("tonight when the house is asleep"), so it is a day told alone."""
    if lexicon.cues is None or any(
        s.kinds - {"time"} for s in sentences if s.number == sentence.number
    ):
        return False
    book = lexicon.cues
    tokens = cues.tokens_of(book, whole)
    held = set()
    for start, end, name in book.find(tokens):
        if name == "time":
            held.update(range(start, end))
    return bool(held) and all(i in held or _FILLER.fullmatch(t) for i, t in enumerate(tokens))


def read_cue_sentences(lexicon: Lexicon, text: str) -> list[Sentence]:
    """The signals the lexicon's word cues give, clause by clause (see ``cues.py``)."""
    sentences = []
    at = lexicon.cues.risky_spans(text)  # one pass over the words; most clauses hold no cue
    if not at:
        return sentences
    # A figure or quotation the exceptions blank may span a comma or a colon ("the chorus goes,
    # 'i just want to disappear'", 'im film sagt er: "ich komm nicht wieder"'): a cue starting
    # inside one is blanked, though its clause is read alone. (Exceptions are otherwise applied
    # clause by clause, below.)
    blanked = []
    if lexicon.clause_exceptions.search(text):  # most comments: none can span a clause end
        blanked = [
            m.span() for m in lexicon.exceptions.finditer(text) if _CLAUSE_MARK.search(m.group())
        ]
    if blanked:
        at = [o for o in at if not any(s <= o < e for s, e in blanked)]
        if not at:
            return sentences
    starts = [0] + [m.end() for m in _CLAUSE_END.finditer(text)]
    clauses = sorted({bisect.bisect_right(starts, offset) - 1 for offset in at})
    ends = [*starts[1:], len(text)]
    whole = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    laughs = {}  # per sentence: whether any of its clauses laughs it off
    for start, end in ((starts[n], ends[n]) for n in clauses):
        around = bisect.bisect_right(whole, start) - 1
        nxt = whole[min(around + 1, len(whole) - 1)]
        context = text[whole[around] : nxt]
        raw = text[start:end]
        named = cues.has_cue(lexicon.cues, text[whole[around] : start], "other")
        reading = cues.read(lexicon.cues, lexicon.blank(raw), named)
        if reading.denied and not reading.kinds & _PAST_CAN_LOWER:
            # Kept with no kinds, so merge() can lower a phrase the negation was missed for.
            sentences.append(Sentence(start, end, notes={"negation"}))
            continue
        if not reading.kinds:
            continue
        sentence = Sentence(start, end, kinds=reading.kinds, categories=["cues"])
        sentence.matches = reading.words
        sentence.farewells = reading.farewells
        if sentence.kinds & _CUE_RISK and not reading.joking and around not in laughs:
            laughs[around] = _laughs(lexicon, context)
        if sentence.kinds & _CUE_RISK and (reading.joking or laughs[around]):
            # "one more meeting and I'll throw myself out the window lol": laughed off. Only
            # the cue reading is lowered; a phrase the lexicon knows still counts.
            sentence.notes.add("joke")
            sentence.kinds = (sentence.kinds - _CUE_RISK) | {"distress"}
        _apply_modifiers(
            lexicon,
            raw,
            sentence,
            person=False,
            context=context,
            after=text[nxt : nxt + _NEAR],
            before=text[max(0, whole[around] - _BEFORE) : whole[around]],
        )
        if sentence.notes & {"past", "negation", "professional"}:
            sentence.kinds.discard("method")
        sentences.append(sentence)
    return sentences


def _laughs(lexicon: Lexicon, sentence: str) -> bool:
    """Whether a sentence is laughed off in any of its clauses: "encore une réunion, je me
    jette par la fenêtre, lol" laughs at the clause before the comma too."""
    return cues.has_cue(lexicon.cues, sentence, "joke")


def merge(phrased: list[Sentence], cued: list[Sentence]) -> list[Sentence]:
    """Both readings of the comment, in text order.

    A sentence the phrases found told as past, negated or in a professional's voice keeps that
    reading whatever its cues say. A phrase sentence whose risk its clauses read as past ("years
    ago I tried, today I'm fine": "today" is the recovery's), negated or only asked about ("je
    compte pas me faire du mal") is lowered the same way. A farewell
    both readings found in one sentence counts once.
    """
    settled = [(s.index, s.end) for s in phrased if s.notes & {"past", "negation", "professional"}]
    kept = [
        s
        for s in cued
        if not any(start <= s.index < end for start, end in settled)
        or s.kinds == {"other"}  # a professional's one pupil or patient at risk still counts
    ]
    for sentence in phrased:
        inside = [c for c in kept if sentence.index <= c.index < sentence.end]
        if not inside:
            continue
        told_past = any(c.notes & {"past", "negation"} for c in inside)
        live = any(c.kinds & _PAST_CAN_LOWER for c in inside)
        if told_past and not live and sentence.kinds & (_PAST_CAN_LOWER | {"attempt"}):
            sentence.notes |= set().union(*(c.notes & {"past", "negation"} for c in inside))
            sentence.kinds -= _PAST_CAN_LOWER | {"attempt"}
            sentence.kinds.add("distress")
        # A phrase farewell the cues read as mere thanks ("obrigada a todos", "amo voces") is
        # one farewell however many it holds; one they read as a farewell too counts once.
        if sentence.farewells:
            thanked = sum("thanks" in c.kinds and not c.farewells for c in inside)
            counted = sentence.farewells - thanked - sum(c.farewells for c in inside)
            sentence.farewells = max(1, counted)
            for clause in inside:
                clause.kinds.discard("thanks")
        for clause in inside:
            if clause.kinds <= sentence.kinds:  # nothing new: name the phrase, not its words
                clause.matches, clause.categories = [], []
    return sorted(phrased + kept, key=lambda s: s.index)


_TOLD_AFTER = re.compile(
    r"\s*(?:but |and |though )?(?:it|that|this|all (?:of )?that|that all) (?:was|were|happened)\b"
)
# The writer out of an abusive home for some time, told in the next sentence: "er hat mich
# jahrelang geschlagen. seit zwei jahren bin ich weg und sicher", "i left him three years ago".
_LEFT_SINCE = re.compile(
    r"\s*(?:but |and |aber |und )?(?:(?:seit (?:\w+ ){1,3}?bin ich|(?:ich )?bin (?:jetzt )?seit"
    r" (?:\w+ ){1,3}?) ?(?:\w+ )?(?:weg|raus|getrennt|geschieden|sicher|in sicherheit)"
    r"|i (?:left|got away from|got out from) (?:him|her|them)"
    r" (?:\w+ ){1,2}?(?:years?|months?) ago)\b"
)


def _past_told_after(lexicon: Lexicon, text: str, bounds: list[int], sentences) -> None:
    """The tense told in the next sentence: "I was raped at a party. It was a long time ago."

    A risk the sentence itself tells with nothing present counts as distress when the sentence
    right after it dates it ("it was years ago", "that was when I was 15") with nothing present.
    """
    mods = lexicon.modifiers
    for sentence in sentences:
        if not sentence.kinds & (_PAST_CAN_LOWER | {"attempt"}) or "past" in sentence.notes:
            continue
        n = sentence.number
        if n + 2 >= len(bounds):
            continue
        own = text[bounds[n] : bounds[n + 1]]
        after = text[bounds[n + 1] : bounds[n + 2]]
        dated = (
            _TOLD_AFTER.match(after)
            and mods["past"].search(after)
            and not mods["present"].search(after)
        )
        left = "abuse" in sentence.kinds and _LEFT_SINCE.match(after)
        if (dated or left) and not mods["present"].search(own):
            sentence.notes.add("past")
            sentence.kinds -= _PAST_CAN_LOWER | {"attempt", "method"}
            sentence.kinds.add("distress")


_STRONGER = {"intent", "plan", "goodbye", "abuse", "attempt", "time", "decision", "method"}


def _burden_denied_beside(lexicon: Lexicon, text: str, bounds: list[int], sentences) -> None:
    """A burden is a wish to die only by implication; a denial of that wish in the sentence just
    before or after it, with no risk of its own, takes the implication back: "feel like a
    burden when my partner has to help me. not thinking about dying, just frustrated" is
    distress. (Round 31.) Only a bare burden is lowered: told with a wish, a plan, a day or a
    goodbye in its sentence, or with a turn after the denial, it stands."""
    burdened = [s for s in sentences if "burden" in s.kinds]
    if not burdened:
        return
    risky_at = {s.number for s in sentences if s.kinds & (_STRONGER | {"burden"})}
    negation = lexicon.modifiers["negation"]
    denied_at = {
        s.number for s in sentences if "negation" in s.notes and s.number not in risky_at
    } | {
        n
        for n in range(len(bounds) - 1)
        if n not in risky_at
        and negation.search(text, bounds[n], bounds[n + 1])
        and not _TURN.search(text, bounds[n], bounds[n + 1])
    }
    if not denied_at:
        return
    for sentence in burdened:
        n = sentence.number
        if any(s.number == n and s.kinds & _STRONGER for s in sentences):
            continue
        if n - 1 in denied_at or n + 1 in denied_at:
            sentence.notes.add("negation")
            sentence.kinds.discard("burden")
            sentence.kinds.add("distress")


_WORD = re.compile(r"\w+")
_ANSWER_REACH = 2  # the answer may come up to two sentences after the question


def _with_whole(sentences: list[Sentence], bounds: list[int], n: int, **reading) -> list[Sentence]:
    """``sentences`` and one more, read from the whole of sentence ``n`` (``reading``: its kinds,
    notes, matches), in text order."""
    told = Sentence(bounds[n], bounds[n + 1], number=n, **reading)
    return sorted([*sentences, told], key=lambda s: s.index)


def _not_joking(lexicon: Lexicon, text: str, bounds: list[int], sentences) -> list[Sentence]:
    """Talk of the writer's own death ("everyone says i joke about dying", "i say i want to
    die"), then "im not joking" or "i mean it" in that sentence or the next: the laugh is taken
    back, and the wish is the writer's. Figures of speech are blanked first ("to die for")."""
    mods = lexicon.modifiers
    if not mods["unjoked"].search(text):
        return sentences
    for n in range(len(bounds) - 1):
        raw = text[bounds[n] : bounds[n + 1]]
        here = lexicon.blank(raw)
        # a figure stays a figure; a threat laughed off ("gonna kill myself lol") is taken back
        talk = mods["death_talk"].search(here) or (
            _laughs(lexicon, raw) and mods["death_talk"].search(raw)
        )
        if not talk:
            continue
        reach = lexicon.blank(text[bounds[n] : bounds[min(n + 2, len(bounds) - 1)]])
        unjoked = mods["unjoked"].search(reach, talk.end())
        if unjoked:
            told = [talk.group().strip(), unjoked.group().strip()]
            return _with_whole(
                sentences, bounds, n, kinds={"intent"}, notes={"unjoked"}, matches=told
            )
    return sentences


def _postponed(lexicon: Lexicon, text: str, bounds: list[int], sentences) -> list[Sentence]:
    """A denial that only moves the day is no denial: "im not going to kill myself tonight,
    itll be tomorrow", "nao vou me matar hoje, vai ser amanha". The ``postponed`` modifier
    holds the act, today denied and the later day (the denial's own exception would blank the
    act): the wish and its time are the writer's, in the sentence where it starts."""
    found = lexicon.modifiers["postponed"].search(text)
    if not found:
        return sentences
    n = bisect.bisect_right(bounds, found.start()) - 1
    return _with_whole(
        sentences,
        bounds,
        n,
        kinds={"intent", "time"},
        notes={"postponed"},
        matches=[found.group().strip()],
    )


def _answered_yes(lexicon: Lexicon, text: str, bounds: list[int], sentences) -> list[Sentence]:
    """A question about suicide someone put to the writer is nobody's statement, but the
    writer's own answer after it can be yes: "she asked if i was thinking of ending it. i said
    no. i lied", "you'd tell me if you were suicidal right? ... but i am". The answer (the
    ``answered`` modifier) in the question's sentence after it, or in the next two, makes it
    the writer's wish."""
    mods = lexicon.modifiers
    if not mods["answered"].search(text):
        return sentences
    for n in range(len(bounds) - 1):
        asked = mods["asked_risk"].search(text, bounds[n], bounds[n + 1])
        if not asked:
            continue
        reply = text[asked.end() : bounds[min(n + 1 + _ANSWER_REACH, len(bounds) - 1)]]
        answer = mods["answered"].search(reply)
        if answer:
            told = [asked.group().strip(), answer.group().strip()]
            return _with_whole(
                sentences, bounds, n, kinds={"intent"}, notes={"answered"}, matches=told
            )
    return sentences


def _answered_no(lexicon: Lexicon, text: str, bounds: list[int], sentences) -> None:
    """A screening question put to the writer and answered no is the asker's words, not the
    writer's risk: "the gp asked if i ever think id be better off dead, i said not at all", "ma
    psy m'a demandé si j'avais des idées noires. j'ai répondu non". The question's sentence and
    those up to the answer (at most two on) lose their risk; the writer's distress stays, and
    so does what is told after the answer ("she asked if i was ok and i said no, i want to
    die"). An answer taken back ("j'ai dit non. j'ai menti": the ``answered`` modifier) keeps
    it all."""
    mods = lexicon.modifiers
    if not mods["answered_no"].search(text):
        return
    for n in range(len(bounds) - 1):
        asked = mods["asked"].search(text, bounds[n], bounds[n + 1])
        if not asked:
            continue
        reach = bounds[min(n + 1 + _ANSWER_REACH, len(bounds) - 1)]
        answer = mods["answered_no"].search(text, asked.end(), reach)
        # the lie may come before the "no" it takes back: "i lied and said no"
        if not answer or mods["answered"].search(text, asked.end(), reach):
            continue
        last = bisect.bisect_right(bounds, answer.start()) - 1
        after = text[answer.end() : bounds[last + 1]]
        for sentence in sentences:
            if not n <= sentence.number <= last or not sentence.kinds & _RISK_KINDS:
                continue
            if sentence.number == last and any(phrase in after for phrase in sentence.matches):
                continue  # told after the answer: "... and i said no, i want to die"
            sentence.kinds -= _SET_ASIDE
            sentence.kinds.add("distress")
            sentence.notes.add("negation")


# What a sentence next to an unmarked one must hold for the writer to own both (see below).
_OWN_NEXT = {"decision", "intent", "burden", "goodbye"}


def _professional_talk(lexicon: Lexicon, text: str, bounds: list[int], sentences) -> None:
    """A comment that says its writer speaks in a role ("pharmacist here", "soy psicóloga",
    "sou enfermeira") talks about patients and pupils in general in its other sentences too:
    "fewer pills kept at home", "decir que quieren morirse". A sentence of it with no word of
    the writer's own ("i", "me", "mich", "tenho") loses its risk; one with them keeps it ("I'm
    a psychiatric nurse. ... then I go home and think about killing myself")."""
    risky = [s for s in sentences if s.kinds & _RISK_KINDS and "professional" not in s.notes]
    if not risky:
        return  # most comments: nothing to set aside, so no search for a role
    mods = lexicon.modifiers
    if not (mods["role"].search(text) or mods["professional"].search(text)):
        return
    # "ive decided. the bridge near campus, sunday night": the sentence next to the writer's own
    # decision or wish is theirs too, though it has no "i" of its own
    own_at = {
        s.number
        for s in risky
        if s.kinds & _OWN_NEXT
        and mods["first"].search(text[bounds[s.number] : bounds[s.number + 1]])
    }
    for sentence in risky:
        whole = text[bounds[sentence.number] : bounds[sentence.number + 1]]
        if mods["first"].search(whole) or any(abs(sentence.number - m) == 1 for m in own_at):
            continue
        sentence.kinds -= _SET_ASIDE
        sentence.notes.add("professional")


# What makes reported words the other person's risk: their wish, plan or goodbye. A burden is
# left out: "my mum keeps telling me im a burden" is said of the writer, to the writer.
_REPORTED_RISK = {"plan", "goodbye", "intent", "attempt", "farewell", "method"}


def _reported_as_theirs(lexicon: Lexicon, text: str, compose: bool) -> tuple[str, list[Sentence]]:
    """Someone else's words reported without quotes are theirs: "my friend said i want to
    die", "my dad told me im ending it" -> "... they want to die", "... theyre ending it".

    The lexicon's ``reported`` modifier finds another person and a reporting verb; when a
    first-person word follows within three words and the words up to the end of the sentence
    would be a wish, plan or goodbye in the writer's mouth, the writer's pronouns there are
    shifted to the third person (``reported`` ``pronouns``) and the comment is about someone
    else. The report stops where the writer speaks again ("... and i", "but honestly im":
    ``resume``) or where it turns to "he" or "she" (``turn``: "my husband told me im worthless
    and he will kill me": the second half is the writer's). Words said of the writer ("my sister
    told me i should kill myself": ``advice``) are not shifted: they are the writer's to carry.
    """
    shift = lexicon.reported_pronouns
    found: list[Sentence] = []
    if not shift or not lexicon.modifiers["reported"].search(text):
        return text, found
    pieces: list[str] = []
    at = 0
    for match in lexicon.modifiers["reported"].finditer(text):
        if match.start() < at:
            continue
        end = _SENTENCE_END.search(text, match.end())
        span = text[match.end() : end.start() if end else len(text)]
        quote = _QUOTED.match(text, match.end())
        if quote:
            # Their words in quotes are wholly theirs, whatever their pronouns ("she said 'this
            # is the last time youll hear from me'", "his last snap was 'its not your fault'").
            said = quote.group()
            cut = len(said)
        else:
            # Words, not quote marks: 'my sister told me "i want to die"' is reported too.
            if not any(word in shift for word in _WORD.findall(span)[:3]):
                continue
            words = list(_WORD.finditer(span))
            cut = len(span)
            for n, word in enumerate(words):
                if word.group() in lexicon.reported_turn or (
                    word.group() in lexicon.reported_resume
                    and any(w.group() in shift for w in words[n + 1 : n + 3])
                ):
                    cut = word.start()
                    break
            said = _harmless_report_ends(lexicon, span[:cut], shift, compose)
            cut = len(said)
            if not any(word in shift for word in _WORD.findall(said)):
                continue  # "he says he'll kill me": told of the writer, not in the writer's words
        advice = lexicon.reported_advice & set(_WORD.findall(said))
        if advice and quote and _speakers_own(lexicon, said, shift, compose):
            # In quotes "me" is the speaker: 'my brother said "youd all be better off without
            # me"' is his burden, not a judgement of the writer ('"you should kill yourself"').
            advice = set()
        if advice or not (
            _risky_words(lexicon, said, compose, quoted=bool(quote))
            or quote
            and _a_sign(lexicon, said, compose)
        ):
            continue
        pieces.append(text[at : match.end()])
        index = sum(map(len, pieces))
        found.append(Sentence(index, index + len(said), kinds={"other"}, notes={"reported"}))
        pieces.append(_WORD.sub(lambda m: shift.get(m.group(), m.group()), said))
        at = match.end() + cut
    return "".join(pieces) + text[at:], found


_QUOTED = re.compile(r'\s*,?\s*"[^"\n]{1,300}"')  # also after a comma: she said, "..."
_CLAUSE_BREAK = re.compile(r"[,;:]|\s[-\u2013\u2014]\s")


def _harmless_report_ends(lexicon: Lexicon, said: str, shift: dict, compose: bool) -> str:
    """A harmless report ends where a new clause starts with the writer's "i": in "my friend
    said im too quiet, i want to die" the wish is the writer's. A risky report goes on ("she
    texted me im doing it tonight, im sorry"): a miss costs more than a false alarm, so only a
    report with no risk of its own is cut short."""
    for brk in _CLAUSE_BREAK.finditer(said):
        following = _WORD.findall(said[brk.end() :])[:1]
        if following and following[0] in shift and brk.start() > 0:
            if not _risky_words(lexicon, said[: brk.start()], compose):
                return said[: brk.start()]
            return said
    return said


def _a_sign(lexicon: Lexicon, words: str, compose: bool) -> bool:
    """Whether quoted words are a warning sign in their speaker's mouth ("dont worry about me
    anymore", "forget about me"): a sign is never the writer's, so the quote names its speaker."""
    if not compose or lexicon.cues is None:
        return False
    return "other" in cues.read(lexicon.cues, words, True).kinds


def _speakers_own(lexicon: Lexicon, said: str, shift: dict, compose: bool) -> bool:
    """Whether quoted words hold a wish, plan, goodbye or burden in their speaker's own first
    person ("better off without me", "ill be gone"): the quote is about its speaker."""
    readings = read_sentences(lexicon, said)
    if compose and lexicon.cues is not None:
        readings += read_cue_sentences(lexicon, said)
    return any(
        r.kinds & (_REPORTED_RISK | {"burden"})
        and any(w in shift for m in r.matches for w in _WORD.findall(m))
        for r in readings
    )


def _risky_words(lexicon: Lexicon, words: str, compose: bool, quoted: bool = False) -> bool:
    """Whether ``words`` would be a wish, plan or goodbye in the writer's mouth. Quoted words are
    wholly their speaker's, so a burden in them is theirs too ('my mate keeps posting "soon
    you'll all be rid of me"'); unquoted, a burden said of the writer stays the writer's."""
    readings = read_sentences(lexicon, words)
    if compose and lexicon.cues is not None:
        readings += read_cue_sentences(lexicon, words)
    risk = _REPORTED_RISK | {"burden"} if quoted else _REPORTED_RISK
    return any(r.kinds & risk for r in readings)


def may_reach_crisis(lexicon: Lexicon, normalised: str) -> bool:
    """Whether a reading without word cues could reach crisis (see ``combine``): an anchor of a
    kind that can, a time beside distress ("cant do this anymore. tonight."), or a wish taken
    back from a joke, a denial or a postponement (``_TAKEN_BACK``). Blanking a figure only
    removes words, so a text this says no to says no once blanked too."""
    prepared = lexicon.prepare(normalised)
    kinds: set[str] = set()
    for match in lexicon.anchors.finditer(f" {prepared} "):
        kinds |= lexicon.anchor_kinds[match.group(1)]
        if kinds & _REACH_CRISIS or {"distress", "time"} <= kinds:
            return True
    return any(lexicon.modifiers[name].search(prepared) for name in _TAKEN_BACK)


def assess_with(
    lexicon: Lexicon, normalised: str, language: str, *, compose: bool = False
) -> Assessment:
    """Grade normalised text with one lexicon; ``compose`` adds its word cues (the comment's
    own language only: another language's cue words are ordinary words here, German "die")."""
    prepared, reported = _reported_as_theirs(lexicon, lexicon.prepare(normalised), compose)
    sentences = read_sentences(lexicon, prepared)
    if compose and lexicon.cues is not None:
        sentences = merge(sentences, read_cue_sentences(lexicon, prepared))
    if reported:
        sentences = sorted(sentences + reported, key=lambda s: s.index)
    if not sentences and not any(lexicon.modifiers[name].search(prepared) for name in _TAKEN_BACK):
        return Assessment("none", language=language)
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(prepared)]
    bounds = [*starts, len(prepared)]  # sentence n is prepared[bounds[n] : bounds[n + 1]]
    for sentence in sentences:
        sentence.number = bisect.bisect_right(starts, sentence.index) - 1
    _burden_denied_beside(lexicon, prepared, bounds, sentences)
    for sentence in sentences:
        n = sentence.number
        whole = prepared[bounds[n] : bounds[n + 1]]
        said = _WORD.findall(whole)
        sentence.words = len(said)
        held = {w for m in sentence.matches for w in m.split()}
        sentence.rest = sum(w not in held and not _FILLER.fullmatch(w) for w in said)
        if "time" in sentence.kinds and lexicon.modifiers["comeback"].search(whole):
            sentence.notes.add("comeback")  # "see yall tomorrow": a day to come back on
        if sentence.kinds == {"time"}:
            if (
                len(whole.split()) <= _BARE_WORDS
                and not _CLAUSE_END.search(whole.strip()[:-1])
                and "comeback" not in sentence.notes  # "cya tomorrow."
            ):
                sentence.notes.add("bare")  # "Sunday night." on its own
            elif not _CLAUSE_END.search(whole.strip()[:-1]) and _only_time(
                lexicon, sentence, sentences, whole
            ):
                sentence.notes.add("bare")  # "tonight when the house is asleep": only a time
    completed = lexicon.modifiers["completed"]
    for n in range(len(bounds) - 1):
        whole = prepared[bounds[n] : bounds[n + 1]].strip(" .!x\n")
        if whole and _APOLOGY.fullmatch(whole):
            sentences = _with_whole(sentences, bounds, n, notes={"apology"})
        if whole and len(whole.split()) <= _BARE_WORDS and completed.fullmatch(whole):
            sentences = _with_whole(sentences, bounds, n, kinds={"completed"})
    _past_told_after(lexicon, prepared, bounds, sentences)
    sentences = _answered_yes(lexicon, prepared, bounds, sentences)
    _answered_no(lexicon, prepared, bounds, sentences)
    _professional_talk(lexicon, prepared, bounds, sentences)
    sentences = _not_joking(lexicon, prepared, bounds, sentences)
    sentences = _postponed(lexicon, prepared, bounds, sentences)
    if not sentences:
        return Assessment("none", language=language)
    level, about_other = combine(sentences)
    order = {name: n for n, name in enumerate(lexicon.kinds)}
    categories = sorted(
        {c for s in sentences for c in s.categories}, key=lambda c: order.get(c, len(order))
    )
    matches = tuple(dict.fromkeys(m for s in sentences for m in s.matches))[:MAX_MATCHES]
    signals = sorted(set().union(*(s.kinds | s.notes for s in sentences)))
    return Assessment(
        level,
        categories=tuple(categories),
        matches=matches,
        signals=tuple(signals),
        about_other=about_other,
        language=language,
    )
