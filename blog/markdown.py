"""Post Markdown to post HTML: markdown-it-py (CommonMark), then the one post sanitiser.

Raw HTML in the Markdown is escaped, never passed through (``html: False``), and whatever the
parser makes still goes through ``sanitize_post_html``, so a Markdown post can hold no more than
an HTML one. The post's title is the page's only ``<h1>``: a Markdown ``#`` heading becomes an
``<h2>``. An image uploaded in the admin (``blog.Image``) gets its smaller sizes as ``srcset``.
"""

import re
from html import unescape

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

from .images import image_tag_for
from .sanitize import IMG_TAG, attribute, sanitize_post_html

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_PARSER.enable(["table", "strikethrough"])


def render_markdown(source):
    """Sanitised post HTML for the Markdown ``source`` (an empty string for none)."""
    if not (source or "").strip():
        return ""
    env = {}
    tokens = _PARSER.parse(source, env)
    for token in tokens:
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"
    html = _PARSER.renderer.render(tokens, _PARSER.options, env)
    return sanitize_post_html(_with_uploaded_sizes(html))


def _with_uploaded_sizes(html):
    """Give each uploaded image its ``srcset``, size and lazy loading (one query in all)."""
    # blog.models imports this module to render a post on save: the model is read here.
    from .models import Image

    def source(attrs):
        return unescape(attribute(attrs, "src") or "")

    uploaded = Image.objects.for_urls({source(match.group(1)) for match in IMG_TAG.finditer(html)})
    if not uploaded:
        return html

    def enrich(match):
        attrs = match.group(1)
        image = uploaded.get(source(attrs))
        if image is None:
            return match.group(0)
        return image_tag_for(image, alt=unescape(attribute(attrs, "alt") or "") or image.alt_text)

    def figure(match):
        """An uploaded image alone in its paragraph, with a caption, becomes a figure."""
        image = uploaded.get(source(match.group(1)))
        if image is None or not image.caption:
            return match.group(0)
        return format_html(
            "<figure>{}<figcaption>{}</figcaption></figure>",
            mark_safe(match.group(1)),
            image.caption,
        )

    return IMG_TAG.sub(enrich, _LONE_IMAGE.sub(figure, html))


_LONE_IMAGE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")
