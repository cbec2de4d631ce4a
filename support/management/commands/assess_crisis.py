"""Assess texts for crisis language: one text a line in, one JSON object a line out.

Useful to review the lexicon against a batch of sentences, e.g.
``python manage.py assess_crisis < sentences.txt``.
"""

import json
import sys

from django.core.management.base import BaseCommand

from support.detection import assess


class Command(BaseCommand):
    help = "Read one text per line on stdin; write one JSON assessment per line on stdout."
    # call_command("assess_crisis", stdin=io.StringIO(...)) passes a stream; the CLI reads stdin.
    stealth_options = ("stdin",)

    def handle(self, *args, **options):
        source = options.get("stdin") or sys.stdin
        for line in source:
            result = assess(line.rstrip("\r\n"))
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False))
