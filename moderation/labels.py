"""Words the site stores in English, shown to moderators in the site's language.

Flags (why a comment was held, as comments.policy records them) and the audit log's automatic
notes and actor labels are data: written once, in English, and read later whatever the site's
language is then. Each is translated when shown; anything of another shape shows as stored, and
what follows a "... text:" line in a note is a person's words, never touched.
"""

import re

from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from comments.models import DEFAULT_CONTENT_NOTE
from support.levels import CrisisLevel

FLAG_LABELS = {
    "staff": gettext_lazy("staff"),
    "first comment": gettext_lazy("first comment"),
    "moderation: all comments": gettext_lazy("moderation: all comments"),
    "anti-spam: honeypot": gettext_lazy("anti-spam: honeypot"),
    "anti-spam: forged": gettext_lazy("anti-spam: forged form"),
    "anti-spam: too_fast": gettext_lazy("anti-spam: sent too fast"),
    # comments.policy.judge_imported
    "import: held, was approved in the source": gettext_lazy(
        "imported: held, it was published in the source"
    ),
    "import: held, was spam in the source": gettext_lazy(
        "imported: held, it was filed as spam in the source"
    ),
}
FLAG_PATTERNS = (
    (re.compile(r"disallowed term: (?P<term>.*)", re.S), gettext_lazy("disallowed term: %(term)s")),
    (re.compile(r"hold term: (?P<term>.*)", re.S), gettext_lazy("hold term: %(term)s")),
    (re.compile(r"crisis language: (?P<level>\w+)"), gettext_lazy("crisis language: %(level)s")),
    (re.compile(r"(?P<count>\d+) links"), gettext_lazy("%(count)s links")),
)

# What the crisis detector found (support.detection's category names), in moderators' words.
# A category added later without a label here shows with its underscores as spaces.
CATEGORY_LABELS = {
    "abuse": gettext_lazy("abuse"),
    "abuse_extra": gettext_lazy("abuse"),
    "abuse_past": gettext_lazy("past abuse"),
    "active_ideation": gettext_lazy("thoughts of suicide"),
    "attempt": gettext_lazy("attempt"),
    "attempt_again": gettext_lazy("a past attempt, wanted again"),
    "burden": gettext_lazy("feeling a burden"),
    "classifier": gettext_lazy("read as urgent by the classifier"),
    "cues": gettext_lazy("words read together"),
    "decision": gettext_lazy("a decision made"),
    "distress": gettext_lazy("distress"),
    "distress_extra": gettext_lazy("distress"),
    "emotional_pain": gettext_lazy("emotional pain"),
    "exhaustion": gettext_lazy("exhaustion"),
    "farewell": gettext_lazy("goodbye"),
    "goodbye": gettext_lazy("goodbye"),
    "grief_wish": gettext_lazy("wish to join someone who died"),
    "hopelessness": gettext_lazy("hopelessness"),
    "intent": gettext_lazy("intent"),
    "intent_extra": gettext_lazy("intent"),
    "isolation": gettext_lazy("isolation"),
    "means_now": gettext_lazy("means at hand"),
    "other": gettext_lazy("another person"),
    "other_at_risk": gettext_lazy("another person at risk"),
    "passive_ideation": gettext_lazy("wish to be dead"),
    "past_attempt": gettext_lazy("past attempt"),
    "plan": gettext_lazy("a plan"),
    "plan_or_means": gettext_lazy("a plan or means"),
    "self_harm": gettext_lazy("self-harm"),
    "sexual_abuse": gettext_lazy("sexual abuse"),
    "time": gettext_lazy("a time"),
}

# Who did it, when no account did (ModerationEvent.actor_label).
ACTOR_LABELS = {
    "writer": gettext_lazy("the writer"),
    "privacy request": gettext_lazy("privacy request"),
    "import": pgettext_lazy("who did it", "import"),
    "demo content": gettext_lazy("demo content"),
    "purge_comments": gettext_lazy("automatic clean-up"),
}

# Whole lines of the notes the code writes (comments.transitions, comments.moderator_actions,
# moderation.queue, admin...).
NOTE_LINES = {
    "admin action": gettext_lazy("admin action"),
    "edited in the admin": gettext_lazy("edited in the admin"),
    "deleted by its writer": gettext_lazy("deleted by its writer"),
    "staff reply from the queue": gettext_lazy("staff reply from the queue"),
    "approved with a reply": gettext_lazy("approved with a reply"),
    "(text erased at the writer's request)": gettext_lazy("(text erased at the writer's request)"),
    "older than COMMENTS_IMPORT_ANSWERED_DAYS: marked as needing no reply": gettext_lazy(
        "imported as an old comment: marked as needing no reply"
    ),
}
# Headers after which the rest of a note is a comment's text.
TEXT_HEADERS = {
    "Original text:": gettext_lazy("Original text:"),
    "Proposed text:": gettext_lazy("Proposed text:"),
    "Text it replaced:": gettext_lazy("Text it replaced:"),
    "Rejected text:": gettext_lazy("Rejected text:"),
}
NONE = "(none)"
NOTE_PATTERNS = (
    (
        re.compile(r"Content note: (?P<before>.*) -> (?P<after>.*)"),
        gettext_lazy("Content note: %(before)s → %(after)s"),
    ),
    (
        re.compile(r"Report dismissed \((?P<details>.*)\)"),
        gettext_lazy("Report dismissed (%(details)s)"),
    ),
    (
        re.compile(r"False positive, was (?P<level>\w+): (?P<matches>.*)"),
        gettext_lazy("False positive, was %(level)s: %(matches)s"),
    ),
    (
        re.compile(r"Hidden for more than (?P<days>\d+) days: deleted\."),
        gettext_lazy("Hidden for more than %(days)s days: deleted."),
    ),
)


def _level(value):
    levels = dict(CrisisLevel.choices)
    return str(levels[value]).lower() if value in levels else value


def _fill(patterns, text):
    for pattern, label in patterns:
        match = pattern.fullmatch(text)
        if match:
            values = match.groupdict()
            if "level" in values:
                values["level"] = _level(values["level"])
            for key in ("before", "after"):
                if values.get(key) == NONE:
                    values[key] = gettext("(none)")
                elif values.get(key) == DEFAULT_CONTENT_NOTE:
                    values[key] = gettext(DEFAULT_CONTENT_NOTE)
            return str(label) % values
    return None


def category_labels(codes):
    """The detector's categories in words, each once, in the order found."""
    labels = [str(CATEGORY_LABELS.get(code, code.replace("_", " "))) for code in codes or ()]
    return list(dict.fromkeys(labels))


def flag_label(flag):
    """One stored flag in the site's language."""
    if flag in FLAG_LABELS:
        return str(FLAG_LABELS[flag])
    return _fill(FLAG_PATTERNS, flag) or flag


def actor_label(label):
    """A ModerationEvent's actor_label (no account) in the site's language."""
    return str(ACTOR_LABELS[label]) if label in ACTOR_LABELS else label


def _note_line(line):
    if line in NOTE_LINES:
        return str(NOTE_LINES[line])
    filled = _fill(NOTE_PATTERNS, line)
    if filled is not None:
        return filled
    flags = line.split("; ")
    if all(flag in FLAG_LABELS or _fill(FLAG_PATTERNS, flag) for flag in flags):
        return "; ".join(flag_label(flag) for flag in flags)
    return line  # a moderator's own words, or a line of another shape


def note_label(note):
    """An audit-log note in the site's language, line by line, up to the comment's own text."""
    lines = note.split("\n")
    for index, line in enumerate(lines):
        if line in TEXT_HEADERS:
            lines[index] = str(TEXT_HEADERS[line])
            break
        lines[index] = _note_line(line)
    return "\n".join(lines)
