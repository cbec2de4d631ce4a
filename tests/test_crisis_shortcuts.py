"""The detector's shortcuts skip work they prove would find nothing; they must never change a
reading. Each is checked against the full work it replaces, over every dev-split comment."""

from __future__ import annotations

import re

import pytest

from support.detection import ASSESSED_LANGUAGES, load_lexicon, normalise
from support.detection.anchors import Guarded, first_characters, may_hold
from support.detection.engine import assess_with, may_reach_crisis
from support.detection.lexicon import load_data
from support.detection.report import SPLITS, load

STRONG = ("crisis", "imminent")


@pytest.fixture(scope="module")
def dev_texts():
    return [normalise(item["text"]) for item in load(SPLITS["dev"])]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:kill|end) myself", "(?=[ek])"),
        ("(?<![aeiouq])ue(?!ll)", "(?=[u])"),  # a lookbehind takes no character
        ("(?:very )?sad", "(?=[sv])"),  # an optional word: what follows may start it too
        (r"\w+ tonight", None),  # any word: no short set
        ("(?:x)?", None),  # may match nothing: nothing can be skipped
        ("(?i:kill) myself", None),  # "Kill" starts a match too
    ],
)
def test_first_characters_are_those_a_match_can_start_with(pattern, expected):
    assert first_characters(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("live fast,? die young", True),
        (r"in my (?:novel|story)[^.!?\n]*", True),  # a negated class holds a comma
        (r"(?:\w+ ){0,3}times", False),  # words and spaces hold none
        ("i (?:would|will) never", False),
    ],
)
def test_may_hold_a_comma_only_when_a_piece_of_the_pattern_can(pattern, expected):
    assert may_hold(pattern, ",") is expected


@pytest.mark.parametrize("language", ASSESSED_LANGUAGES)
def test_a_lexicon_skipped_as_unable_to_reach_crisis_never_reads_crisis(language, dev_texts):
    lexicon = load_lexicon(language)
    skipped = [text for text in dev_texts if not may_reach_crisis(lexicon, text)]
    assert len(skipped) > len(dev_texts) // 4  # the shortcut is taken, so it is tested
    strong = [text for text in skipped if assess_with(lexicon, text, language).level in STRONG]
    assert strong == []


@pytest.mark.parametrize("language", ASSESSED_LANGUAGES)
def test_the_clause_check_finds_every_exception_that_spans_a_clause_end(language, dev_texts):
    lexicon = load_lexicon(language)
    missed = [
        text
        for text in dev_texts
        if not lexicon.clause_exceptions.search(text)
        and any(set(m.group()) & set(",:;") for m in lexicon.exceptions.finditer(text))
    ]
    assert missed == []


@pytest.mark.parametrize("language", ASSESSED_LANGUAGES)
def test_txt_speak_is_spelled_out_as_a_longest_first_alternation_would(language, dev_texts):
    lexicon = load_lexicon(language)
    tokens = load_data(language).get("tokens", {})
    alternation = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(tokens, key=len)[::-1])) + r")(?!\w)"
    )
    samples = [*dev_texts, " ".join(tokens)]  # every token at least once
    assert all(
        lexicon.token_pattern.sub(lambda m: tokens[m.group()], text)
        == alternation.sub(lambda m: tokens[m.group()], text)
        for text in samples
    )


@pytest.mark.parametrize("language", ASSESSED_LANGUAGES)
def test_a_skipping_lookahead_finds_what_the_pattern_alone_finds(language, dev_texts):
    lexicon = load_lexicon(language)
    compiled = [*lexicon.patterns.values(), *lexicon.modifiers.values(), lexicon.exceptions]
    prefixed = [p for p in compiled if "(?<!\\w)(?=[" in p.pattern]
    assert prefixed  # most categories start with a known set of letters
    for regex in prefixed:
        bare = re.compile(re.sub(r"^\(\?<!\\w\)\(\?=\[[^\]]*\]\)", r"(?<!\\w)", regex.pattern))
        assert bare.pattern != regex.pattern
        for text in dev_texts[::5]:
            assert [m.span() for m in regex.finditer(text)] == [
                m.span() for m in bare.finditer(text)
            ]


def _guarded(lexicon):
    regexes = {"exceptions": lexicon.exceptions, "clause_exceptions": lexicon.clause_exceptions}
    regexes |= {f"modifier {name}": regex for name, regex in lexicon.modifiers.items()}
    return {name: regex for name, regex in regexes.items() if isinstance(regex, Guarded)}


@pytest.mark.parametrize("language", ASSESSED_LANGUAGES)
def test_a_guarded_regex_finds_what_the_regex_alone_finds(language, dev_texts):
    lexicon = load_lexicon(language)
    guarded = _guarded(lexicon)
    assert "modifier everyday" in guarded or "modifier past" in guarded  # guards are in use
    prepared = [lexicon.prepare(text) for text in dev_texts]
    for name, regex in guarded.items():
        skipped = [text for text in prepared if not regex.anchors.search(text)]
        assert len(skipped) > len(prepared) // 4, name  # the shortcut is taken, so it is tested
        for text in prepared:
            middle = len(text) // 2
            assert [m.span() for m in regex.finditer(text)] == [
                m.span() for m in regex.regex.finditer(text)
            ], (name, text)
            found, alone = regex.search(text, middle), regex.regex.search(text, middle)
            assert (found and found.span()) == (alone and alone.span()), (name, text)
            assert regex.sub(" _ ", text) == regex.regex.sub(" _ ", text), (name, text)
            assert bool(regex.fullmatch(text)) == bool(regex.regex.fullmatch(text))


def test_guarded_text_with_an_anchor_is_searched_and_without_one_is_not():
    regex = Guarded(re.compile(r"dying to (?:read|see)"), re.compile("dying to "))
    assert regex.search("im dying to see it").group() == "dying to see"
    assert regex.search("im dying to see it", 0, 8) is None  # the anchor is cut off by endpos
    assert regex.sub(" _ ", "dying to read more") == " _  more"
    assert list(regex.finditer("nothing here")) == []


def test_an_exception_without_an_anchor_leaves_the_regex_unguarded():
    from support.detection.lexicon import _anchors_of

    assert _anchors_of(["(?:ha|rs){2,}", "cry(?:ing)? laughing"]) is None
    assert _anchors_of(["cry(?:ing)? laughing", "dying to (?:read|see)"]).search("im dying to see")
