"""Turn what a reader typed into safe HTML, once, when the comment is saved.

Plain text becomes paragraphs and line breaks; a few inline tags are allowed; every other tag is
shown as the text the writer typed (escaped, never dropped); URLs become links that search
engines and the linked site learn nothing from.
"""

import re
import unicodedata
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter

COMMENT_TAGS = {"b", "strong", "i", "em", "a", "blockquote", "code", "q"}
COMMENT_ATTRIBUTES = {"a": ["href", "title"], "q": ["cite"]}
COMMENT_PROTOCOLS = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

# C0/C1 controls except tab and newline, plus the bidi embeddings, overrides and isolates that
# can make a comment display text in a misleading order (the "Trojan Source" characters).
_UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n+")


def normalise_text(text):
    """NFC, Unix newlines, no control or bidi-override characters. Emoji are untouched."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE_CHARS.sub("", text)


def _set_rel(attrs, new=False):
    href_key = (None, "href")
    href = attrs.get(href_key, "")
    if not href.startswith(("http://", "https://", "mailto:")):
        # A link bleach would not keep as a link (relative, fragment...) stays plain text.
        return None
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=COMMENT_TAGS,
    # A value holding '"' is dropped: bleach would re-escape it on every pass.
    attributes=lambda tag, name, value: (
        name in COMMENT_ATTRIBUTES.get(tag, ()) and '"' not in value
    ),
    protocols=COMMENT_PROTOCOLS,
    strip=False,
    strip_comments=False,
    filters=[partial(LinkifyFilter, callbacks=[_set_rel], parse_email=False, skip_tags={"code"})],
)


# Any "<" that does not open or close an allowed tag is text. Escaping it before bleach parses
# means "<!--", "<?", "<!DOCTYPE" or "</ x" can never start a comment that hides what follows.
_ALLOWED_NAMES = "|".join(sorted(COMMENT_TAGS))
_NOT_AN_ALLOWED_TAG = re.compile(rf"<(?!/?(?:{_ALLOWED_NAMES})(?:[\s/>]|$))", re.IGNORECASE)


def sanitise_fragment(text):
    """Allowlisted inline HTML; anything else escaped so it reads as typed."""
    return _cleaner.clean(_NOT_AN_ALLOWED_TAG.sub("&lt;", text))


def render_comment_body(text):
    """The HTML shown to readers for a comment body typed as ``text``.

    Each paragraph is cleaned on its own, so a tag left open in one cannot swallow the next.
    """
    blocks = []
    for paragraph in _BLANK_LINE.split(normalise_text(text)):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        html = sanitise_fragment(paragraph).replace("\n", "<br>\n")
        if html.startswith("<blockquote>") and html.endswith("</blockquote>"):
            blocks.append(html)
        else:
            blocks.append(f"<p>{html}</p>")
    return "\n".join(blocks)
