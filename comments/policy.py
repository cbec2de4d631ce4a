"""What happens to a submitted comment: the rules, in order, in one place.

1. honeypot or forged form -> spam, silently (the writer sees the usual page);
   a form sent quicker than COMMENTS_MIN_SECONDS after it was shown, or a stale one (open for
   days), is handed back with the text, to be sent again.
2. rate limit per hashed IP -> refused with 429, text kept.
   Both are decided before anything is stored: trapped forms count in their own bucket (a bot
   does not use up a person's allowance), and a trapped form over that limit is dropped
   silently, so a flood of bot posts writes nothing past the limit.
3. duplicate (same text, post and writer within a day) -> refused with a clear message.
4. staff -> approved with an author badge (they are the moderators).
5. disallowed terms (name, email, website or text) -> spam, unless the text reads as distress
   or crisis: then it is held and flagged like any crisis comment, never silently spammed;
6. crisis language -> pending, flagged, moderators alerted at once, writer shown support.
7. more than COMMENTS_MAX_LINKS links, or a hold term -> pending.
8. COMMENTS_MODERATION: all -> pending; first_time -> approved for a returning writer; none.

Rules 5 to 8 (judge_text) also judge a writer's edit of their own comment: an edit they would
hold waits for a moderator while readers keep seeing the approved text.

An imported comment (WordPress, Disqus) meets rules 4, 5, 6 and 7's terms (judge_imported): the
source's moderation decisions stand, but every comment is read by the crisis detector and
checked against this site's moderation terms. One that reads as crisis or imminent, published
or filed as spam in the source, is held for a person to read; so is a published one with a
disallowed or hold term (held rather than spammed: a person approved it in the source).
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from support import detection
from support.levels import CrisisLevel, rank

from . import ratelimit
from .models import Comment, ModerationTerm, Subscription

Status = Comment.Status
# The flag a held crisis comment carries ("crisis language: crisis"); the queue reads it back.
CRISIS_FLAG = "crisis language: "
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


class Refused(Exception):
    """The comment was not stored; the writer gets ``message`` and their text back."""

    def __init__(self, kind, message, status_code=400, silent=False):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status_code = status_code
        self.silent = silent  # a trapped form: answered like success, nothing stored


@dataclass
class Verdict:
    status: str
    flags: list = field(default_factory=list)
    assessment: detection.Assessment = None
    silent_spam: bool = False

    @property
    def alert_moderators(self):
        return self.status == Status.PENDING


@dataclass
class Submission:
    """What the rules look at: the cleaned form plus facts about the request."""

    post: object
    name: str
    email: str
    url: str
    body: str
    signature: str  # result of forms.check_signature
    honeypot: str
    ip_hash: str
    browser_hash: str
    is_staff: bool = False


def comments_open(post):
    """The one rule for whether a post takes comments (and shows Reply links)."""
    return post.comments_open


def ensure_open(post):
    """Raise Refused when ``post`` takes no comments; the writer keeps their text."""
    if not comments_open(post):
        raise Refused(
            "closed",
            _("Comments are closed on this post. Your text is below if you want to keep it."),
            status_code=403,
        )


@dataclass(frozen=True)
class Terms:
    """The site's moderation terms, read once (an import judges thousands of comments)."""

    disallow: tuple = ()
    hold: tuple = ()

    @classmethod
    def current(cls):
        rows = ModerationTerm.objects.values_list("action", "term")
        by_action = {ModerationTerm.Action.DISALLOW: [], ModerationTerm.Action.HOLD: []}
        for action, term in rows:
            if term.strip():
                by_action[action].append(term.strip())
        return cls(
            tuple(by_action[ModerationTerm.Action.DISALLOW]),
            tuple(by_action[ModerationTerm.Action.HOLD]),
        )

    def found(self, texts):
        """(disallowed, held): the terms that occur in ``texts``, case-insensitively."""
        haystack = "\n".join(texts).casefold()
        return (
            [t for t in self.disallow if t.casefold() in haystack],
            [t for t in self.hold if t.casefold() in haystack],
        )


def term_flags(disallowed, held):
    return [f"disallowed term: {t}" for t in disallowed] + [f"hold term: {t}" for t in held]


def confirmed_email(email):
    """Has someone proved they read ``email``, by confirming a double opt-in sent to it?"""
    return Subscription.objects.filter(email__iexact=email, confirmed_at__isnull=False)


def is_returning_writer(email, browser_hash):
    """Had this writer a comment approved before, on evidence only they hold?

    Anyone can type an address, so an email counts only once it was confirmed (double opt-in);
    the browser counts by the token in its signed session cookie, issued with that comment.
    """
    who = Q()
    if email and confirmed_email(email).exists():
        who |= Q(author_email__iexact=email)
    if browser_hash:
        who |= Q(browser_hash=browser_hash)
    return bool(who) and Comment.objects.approved().filter(who).exists()


def evaluate(s: Submission) -> Verdict:
    """Apply the rules in order. Raises Refused when nothing must be stored."""
    if s.honeypot or s.signature == "forged":
        if not ratelimit.hit("comment-trap", s.ip_hash, settings.COMMENTS_RATE):
            raise Refused("trap_flood", "", silent=True)
        return Verdict(
            Status.SPAM,
            flags=[f"anti-spam: {'honeypot' if s.honeypot else s.signature}"],
            silent_spam=True,
        )
    if s.signature == "too_fast":
        # A person who types fast, or pastes: say so, and let them send it again.
        raise Refused(
            "too_fast",
            _(
                "That was quicker than we expected, so your comment has not been sent yet. "
                "Your text is kept below: please wait a few seconds, then press Post comment "
                "again."
            ),
        )
    if s.signature == "stale":
        raise Refused(
            "stale",
            _(
                "This page was open for a long time, so the form expired. Your "
                "comment is still here: please send it again."
            ),
        )
    if not s.is_staff and not ratelimit.hit("comment", s.ip_hash, settings.COMMENTS_RATE):
        raise Refused(
            "rate_limited",
            _(
                "You have sent several comments in a short time. Please "
                "wait a few minutes and send this one again; your text is kept below."
            ),
            status_code=429,
        )
    since = timezone.now() - timedelta(days=1)
    writer = Q(ip_hash=s.ip_hash)
    if s.browser_hash:
        writer |= Q(browser_hash=s.browser_hash)
    if s.email:
        writer |= Q(author_email__iexact=s.email)
    if Comment.objects.filter(writer, post=s.post, body=s.body, created_at__gte=since).exists():
        raise Refused(
            "duplicate",
            _(
                "It looks like you already sent this comment; it has been "
                "received. There is no need to send it again."
            ),
        )
    if s.is_staff:
        return Verdict(Status.APPROVED, flags=["staff"], assessment=detection.assess(""))
    return judge_text(s)


def judge_text(s: Submission) -> Verdict:
    """Rules 5 to 8, on what a reader wrote: the one home of them for new and edited text.

    A writer's edit of their own comment (posting.edit_own_comment) comes here too, so an
    edit can never publish what a new comment with the same words could not.
    """
    disallowed, held = Terms.current().found([s.name, s.email, s.url, s.body])
    assessment = detection.assess(s.body)
    if disallowed and not assessment.is_flagged:
        return Verdict(Status.SPAM, flags=term_flags(disallowed, []))

    # A writer in crisis is never filed away as spam: a person must see it, whatever words it has.
    flags = term_flags(disallowed, [])
    if assessment.is_flagged:
        flags.append(f"{CRISIS_FLAG}{assessment.level}")
    links = len(_LINK.findall(s.body)) + (1 if s.url else 0)
    if links > settings.COMMENTS_MAX_LINKS:
        flags.append(f"{links} links")
    flags += term_flags([], held)
    if flags:
        return Verdict(Status.PENDING, flags=flags, assessment=assessment)

    mode = settings.COMMENTS_MODERATION
    if mode == "none" or (mode == "first_time" and is_returning_writer(s.email, s.browser_hash)):
        return Verdict(Status.APPROVED, assessment=assessment)
    return Verdict(
        Status.PENDING,
        flags=["moderation: all comments"] if mode == "all" else ["first comment"],
        assessment=assessment,
    )


def judge_imported(body, status, *, is_staff=False, writer=(), terms=None):
    """(status, flags, assessment) for one imported comment; the source's status otherwise stands.

    The source's moderator saw distress and approved it, and distress is what this site is
    about, so it stays published with its level shown to moderators. Crisis and imminent are
    held: no reader should meet them before a person here has read them (rule 6), and, as for
    a new comment, a spam filter never files a writer in crisis away (rule 5). A published
    comment with one of this site's disallowed or hold terms (in ``writer``'s name, email or
    site, or the text) is held too, not spammed: a person approved it in the source, so a
    person here decides. Removed stays removed: a person decided that. Staff replies are not
    read, as for new ones (rule 4).
    """
    if is_staff:
        return status, [], detection.assess("")
    assessment = detection.assess(body)
    flags = term_flags(*(terms or Terms.current()).found([*writer, body]))
    held_from = (Status.APPROVED,) if flags else ()
    if rank(assessment.level) >= rank(CrisisLevel.CRISIS):
        flags.insert(0, f"{CRISIS_FLAG}{assessment.level}")
        held_from = (Status.APPROVED, Status.SPAM)
    if status in held_from:
        return Status.PENDING, [*flags, f"import: held, was {status} in the source"], assessment
    return status, flags, assessment
