"""The post allowlist: what HTML an author's post body may keep.

Posts come from the admin and from WordPress imports, so the body is cleaned on every save:
scripts, event handlers, styles and ``javascript:`` URLs never reach a reader.
"""

import re

import bleach
from bleach.css_sanitizer import CSSSanitizer

POST_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "blockquote",
    "q",
    "cite",
    "code",
    "pre",
    "img",
    "figure",
    "figcaption",
    "sup",
    "sub",
    "abbr",
    "span",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
POST_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "img": ["src", "srcset", "sizes", "alt", "title", "width", "height", "loading"],
    "abbr": ["title"],
    "th": ["scope"],
    "td": ["colspan", "rowspan"],
}
POST_PROTOCOLS = {"http", "https", "mailto", "tel", "sms"}


def sanitize_post_html(html):
    """Return ``html`` with only the post allowlist left; images keep an (empty) alt text."""
    cleaned = bleach.clean(
        html or "",
        tags=POST_TAGS,
        attributes=POST_ATTRIBUTES,
        protocols=POST_PROTOCOLS,
        strip=True,
        strip_comments=True,
        css_sanitizer=CSSSanitizer(allowed_css_properties=[]),
    )
    return _local_images_only(cleaned)


def _local_images_only(html):
    """Every image gets alt text; an image on another host becomes a plain link to it.

    Readers' visits are nobody else's business: a post page never loads anything from another
    host (WordPress imports often point at the old site's uploads). Runs on bleach's own
    serialised output, where attribute values are quoted and escaped, so a tag-level pattern is
    reliable here.
    """

    def fix(match):
        attrs = match.group(1)
        src = attribute(attrs, "src")
        alt = attribute(attrs, "alt")
        if src is not None and _is_remote(src):
            label = alt or "image"
            return f'<a href="{src}" rel="noopener noreferrer">[{label}]</a>'
        srcset = attribute(attrs, "srcset")
        if srcset is not None and not _local_srcset(srcset):
            attrs = re.sub(r'\ssrcset="[^"]*"', "", attrs)
        return f"<img{attrs}>" if alt is not None else f'<img alt=""{attrs}>'

    return IMG_TAG.sub(fix, html)


def attribute(attrs, name):
    """The value of attribute ``name`` in a tag's serialised attributes (None if absent)."""
    found = re.search(rf'\s{name}="([^"]*)"', attrs)
    return found.group(1) if found else None


def _local_srcset(srcset):
    """True when every candidate of a ``srcset`` is a path on this site (no scheme, no host)."""
    for candidate in srcset.split(","):
        url = candidate.strip().split(" ")[0]
        if not url or _is_remote(url) or not _is_path_or_web(url):
            return False
    return True


def _is_path_or_web(url):
    from urllib.parse import urlsplit

    return urlsplit(url.replace("&amp;", "&")).scheme.lower() in ("", "http", "https")


def _is_remote(url):
    """True for a URL on another host than SITE_URL's (uploads live under /media/ here)."""
    from urllib.parse import urlsplit

    from django.conf import settings

    parts = urlsplit(url.replace("&amp;", "&"))
    if not parts.netloc:
        return False
    return parts.netloc.lower() != urlsplit(settings.SITE_URL).netloc.lower()


IMG_TAG = re.compile(r"<img\b([^>]*)>")
