"""Anchors: plain substrings one of which every match of a pattern must contain, and what else
the parsed regex tells before any text is read (the characters a match starts with, whether it
may hold a comma), so the engine can skip work it proves would find nothing.

Only sentences holding an anchor are run through the patterns, which keeps a long comment fast.
A category may list anchors by hand; any pattern they do not cover gets anchors derived from its
parsed regex (the longest piece that can only be spelled a few ways). ``covered()`` proves, on
the parsed regex, that every way of matching spells out one of the anchors.
"""

from __future__ import annotations

import re
import sys
from re import _parser as sre_parse

_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)


def _strings(items, cap=400):
    """The strings a parsed regex piece matches, when that is a short finite list, else None."""
    strings = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_parse.LITERAL:
            options = {chr(av)}
        elif op is sre_parse.IN and all(kind is sre_parse.LITERAL for kind, _ in av):
            options = {chr(code) for _, code in av}
        elif op is sre_parse.BRANCH:
            parts = [_strings(alternative) for alternative in av[1]]
            options = None if None in parts else set().union(*parts)
        elif op is sre_parse.SUBPATTERN:
            options = _strings(av[3])
        elif op in _REPEATS and av[1] <= 2:
            body, options = _strings(av[2]), set()
            for count in range(av[0], av[1] + 1):
                grown = {""}
                for _ in range(count):
                    grown = {a + b for a in grown for b in body or ()}
                options |= grown
            options = options if body is not None else None
        else:
            options = None
        if options is None:
            return None
        strings = {a + b for a in strings for b in options}
        if len(strings) > cap:
            return None
    return strings


def _always_holds_an_anchor(items, anchors):
    keep = max(map(len, anchors)) - 1
    pending = {""}
    for op, av in items:
        piece = _strings([(op, av)])
        if piece is None:
            if op is sre_parse.SUBPATTERN and _always_holds_an_anchor(av[3], anchors):
                return True
            alternatives = av[1] if op is sre_parse.BRANCH else ()
            if alternatives and all(_always_holds_an_anchor(a, anchors) for a in alternatives):
                return True
            if op in _REPEATS and av[0] >= 1 and _always_holds_an_anchor(av[2], anchors):
                return True
            pending = {""}
            continue
        grown = {run + part for run in pending for part in piece}
        pending = {run[-keep:] for run in grown if not any(a in run for a in anchors)}
        if not pending:
            return True
    return False


def covered(pattern: str, anchors) -> bool:
    """Whether every match of ``pattern`` (macros expanded) contains one of ``anchors``."""
    return bool(anchors) and _always_holds_an_anchor(sre_parse.parse(pattern), list(anchors))


def first_characters(pattern: str) -> str | None:
    """A lookahead for the characters every match of ``pattern`` can start with, or None when
    that is not a short known set. Put in front of a long alternation, it lets the regex engine
    skip most positions without trying every branch there."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & sre_parse.SRE_FLAG_IGNORECASE:
        return None  # a letter's other case would start a match too
    found, empty = _first(list(parsed))
    if found is None or empty or len(found) > 40:
        return None
    return "(?=[" + "".join(_CLASS_ESCAPE.get(c, c) for c in sorted(found)) + "])"


_CLASS_ESCAPE = {c: "\\" + c for c in "\\]^-["}


def _first(items) -> tuple[set[str] | None, bool]:
    """(the characters a match of ``items`` can start with or None if unknown, may it be empty)."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_parse.LITERAL:
            return found | {chr(av)}, False
        if op is sre_parse.IN:
            if not all(kind is sre_parse.LITERAL for kind, _ in av):
                return None, False
            return found | {chr(code) for _, code in av}, False
        if op is sre_parse.SUBPATTERN and av[1] & sre_parse.SRE_FLAG_IGNORECASE:
            return None, False
        if op in (sre_parse.BRANCH, sre_parse.SUBPATTERN) or op in _REPEATS:
            empty = op in _REPEATS and av[0] == 0
            for part in _parts(op, av):
                chars, part_empty = _first(part)
                if chars is None:
                    return None, False
                found |= chars
                empty = empty or part_empty
            if not empty:
                return found, False
            continue
        return None, False
    return found, True


_CLASSES_WITHOUT_PUNCTUATION = (
    sre_parse.CATEGORY_WORD,
    sre_parse.CATEGORY_DIGIT,
    sre_parse.CATEGORY_SPACE,
)


def may_hold(pattern: str, char: str) -> bool:
    """Whether a match of ``pattern`` may hold ``char``, a punctuation mark: False only when no
    piece of it can."""
    return _may_hold(sre_parse.parse(pattern), ord(char))


def _may_hold(items, code: int) -> bool:
    for op, av in items:
        if op in (sre_parse.ANY, sre_parse.NOT_LITERAL) or op is sre_parse.LITERAL and av == code:
            return True
        if op is sre_parse.IN and any(
            kind is sre_parse.NEGATE
            or kind is sre_parse.CATEGORY
            and value not in _CLASSES_WITHOUT_PUNCTUATION
            or kind is sre_parse.LITERAL
            and value == code
            or kind is sre_parse.RANGE
            and value[0] <= code <= value[1]
            for kind, value in av
        ):
            return True
        if op in (sre_parse.BRANCH, sre_parse.SUBPATTERN) or op in _REPEATS:
            if any(_may_hold(part, code) for part in _parts(op, av)):
                return True
        elif op not in (sre_parse.LITERAL, sre_parse.IN, *_ZERO_WIDTH):
            return True  # anything else (a back-reference, say): assume it may
    return False


def _parts(op, av) -> list:
    """The parsed pieces inside a group, a repeat or each alternative of a branch."""
    if op is sre_parse.BRANCH:
        return av[1]
    return [av[3] if op is sre_parse.SUBPATTERN else av[2]]


_PIECE_CAP = 64  # a run of a pattern spelled more ways than this is no anchor


def derive(pattern: str) -> set[str] | None:
    """Anchors for one expanded pattern, or None when no small set of literal pieces is required."""
    return _derive(list(sre_parse.parse(pattern)))


def proven_anchors(pattern: str) -> set[str] | None:
    """``derive``'s anchors for ``pattern`` when ``covered`` proves them, else None (one parse)."""
    parsed = sre_parse.parse(pattern)
    found = _derive(list(parsed))
    return found if found and _always_holds_an_anchor(parsed, list(found)) else None


def _derive(items) -> set[str] | None:
    if len(items) == 1 and items[0][0] is sre_parse.BRANCH:
        found = [_derive(list(alternative)) for alternative in items[0][1][1]]
        return None if None in found else set().union(*found)
    if len(items) == 1 and items[0][0] is sre_parse.SUBPATTERN:
        return _derive(list(items[0][1][3]))
    best, best_score = None, (0, 0)
    pieces = [_strings([item], cap=_PIECE_CAP) for item in items]
    for start in range(len(items)):
        strings = {""}  # what items[start:end] can spell, grown one item at a time
        for piece in pieces[start : start + 24]:
            if piece is None:
                break
            strings = {a + b for a in strings for b in piece}
            if len(strings) > _PIECE_CAP:
                break
            if "" in strings:
                continue
            shortest = min(map(len, strings))
            score = (min(shortest, 8), -len(strings))
            if shortest >= 3 and score > best_score:
                best, best_score = strings, score
    if best is None:
        for op, av in items:  # a required group whose alternatives each have anchors
            if op is sre_parse.SUBPATTERN:
                found = _derive(list(av[3]))
                if found:
                    return found
            if op is sre_parse.BRANCH:
                found = [_derive(list(alternative)) for alternative in av[1]]
                if None not in found:
                    return set().union(*found)
        return None
    return set(best)


class Guarded:
    """A compiled regex behind a cheap search for the anchors every one of its matches holds:
    text (or the part of it searched) holding none is never given to the slow regex. Finds
    exactly what the regex alone finds; ``regex`` is the regex alone."""

    __slots__ = ("anchors", "regex")

    def __init__(self, regex: re.Pattern, anchors: re.Pattern):
        self.regex = regex
        self.anchors = anchors

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        return self.anchors.search(text, pos, endpos) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.regex.search(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.regex.match(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if not self._may_match(text, pos, endpos):
            return None
        return self.regex.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if not self._may_match(text, pos, endpos):
            return iter(())
        return self.regex.finditer(text, pos, endpos)

    def sub(self, replacement, text: str) -> str:
        return self.regex.sub(replacement, text) if self._may_match(text, 0, len(text)) else text
