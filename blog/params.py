"""Query parameters read safely: what a visitor types in a URL never reaches the database raw.

Ids must fit a database integer (PostgreSQL and SQLite refuse 10**30 with an error, not an
empty result); text loses the NUL character, which PostgreSQL cannot hold or compare.
"""

MAX_ID = 2**63 - 1


def id_param(value):
    """A positive database id from a query value, or None ("²", "-1", "1e3", 10**30...)."""
    value = str(value or "")
    if not (value.isascii() and value.isdigit()) or len(value) > 19:
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def text_param(value, max_length=200):
    """Query text without NUL characters, cut to ``max_length``."""
    return str(value or "").replace("\x00", "")[:max_length]
