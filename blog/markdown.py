"""Post Markdown to post HTML: markdown-it-py (CommonMark), then the one post sanitiser.

Raw HTML in the Markdown is escaped, never passed through (``html: False``), and whatever the
parser makes still goes through ``sanitize_post_html``, so a Markdown post can hold no more than
an HTML one. The post's title is the page's only ``<h1>``: a Markdown ``#`` heading becomes an
``<h2>``.
"""

from markdown_it import MarkdownIt

from .sanitize import sanitize_post_html

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
    return sanitize_post_html(html)
