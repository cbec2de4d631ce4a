"""Anchors: plain substrings one of which every match of a pattern must contain.

Only sentences holding an anchor are run through the patterns, which keeps a long comment fast.
A category may list anchors by hand; any pattern they do not cover gets anchors derived from its
parsed regex (the longest piece that can only be spelled a few ways). ``covered()`` proves, on
the parsed regex, that every way of matching spells out one of the anchors.
"""

from __future__ import annotations

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


def derive(pattern: str) -> set[str] | None:
    """Anchors for one expanded pattern, or None when no small set of literal pieces is required."""
    return _derive(list(sre_parse.parse(pattern)))


def _derive(items) -> set[str] | None:
    if len(items) == 1 and items[0][0] is sre_parse.BRANCH:
        found = [_derive(list(alternative)) for alternative in items[0][1][1]]
        return None if None in found else set().union(*found)
    if len(items) == 1 and items[0][0] is sre_parse.SUBPATTERN:
        return _derive(list(items[0][1][3]))
    best, best_score = None, (0, 0)
    for start in range(len(items)):
        for end in range(start + 1, min(len(items), start + 24) + 1):
            strings = _strings(items[start:end], cap=64)
            if strings is None:
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
