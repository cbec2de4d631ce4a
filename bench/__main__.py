"""``python -m bench`` (what ``make bench`` runs)."""

import sys

from .run import main

sys.exit(main())
