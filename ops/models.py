from django.db import models


class ScheduledJob(models.Model):
    """When the scheduler last enqueued a recurring job: one row per job, claimed by UPDATE."""

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.name
