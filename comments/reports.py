"""Reader reports: one per reader per comment, a few an hour per reader, and the alert they raise.

A report is stored only if this reader (hashed address) has no open report on the comment and is
within ``COMMENTS_REPORT_RATE``; a flood of reports from one browser stores one and emails at most
once. "I'm worried about this person" sorts the comment as a crisis and alerts the moderators,
coalesced to one email per comment per hour (moderation.mail.alert_worried).
"""

from enum import StrEnum

from django.conf import settings
from django.db import transaction

from support.detection import WORRIED_REPORT_LEVEL
from support.levels import rank

from . import ratelimit
from .models import Comment, Report
from .signals import moderator_needed


class Filed(StrEnum):
    STORED = "stored"
    ALREADY_REPORTED = "already_reported"
    RATE_LIMITED = "rate_limited"


def already_reported(comment, ip_hash):
    return bool(ip_hash) and comment.reports.filter(ip_hash=ip_hash, resolved_at=None).exists()


def file_report(comment, *, reason, note, ip_hash):
    """Store one reader's report and raise its alert; returns what happened (Filed)."""
    if already_reported(comment, ip_hash):
        return Filed.ALREADY_REPORTED
    if not ratelimit.hit("report", ip_hash, settings.COMMENTS_REPORT_RATE):
        return Filed.RATE_LIMITED
    with transaction.atomic():
        # The row lock orders concurrent reports on one comment: one alert, the right count.
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if already_reported(locked, ip_hash):  # the same reader twice at the same moment
            return Filed.ALREADY_REPORTED
        Report.objects.create(comment=locked, reason=reason, note=note, ip_hash=ip_hash)
        updates = {"open_reports": locked.open_reports + 1}
        worried = reason == Report.Reason.WORRIED
        if worried and locked.crisis_rank < rank(WORRIED_REPORT_LEVEL):
            updates.update(
                crisis_level=WORRIED_REPORT_LEVEL, crisis_rank=rank(WORRIED_REPORT_LEVEL)
            )
        Comment.objects.filter(pk=locked.pk).update(**updates)
        if worried:  # moderation mails them, one email per comment per hour
            locked.refresh_from_db()
            moderator_needed.send(sender=Comment, comment=locked, worried=True)
    return Filed.STORED


def worried_readers(comment):
    """How many readers (by hashed address) have an open "worried" report on ``comment``."""
    open_worried = comment.reports.filter(reason=Report.Reason.WORRIED, resolved_at=None)
    return open_worried.values("ip_hash").distinct().count()
