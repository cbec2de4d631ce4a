"""Parse rendered HTML and prove it inert: only allowlisted tags and attributes, safe URLs."""

import re
from html.parser import HTMLParser

_UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_inert(html, allowed_tags, allowed_attributes):
    """Fail if ``html`` has a tag, attribute or URL outside the allowlist."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    for tag, attrs in collector.tags:
        assert tag in allowed_tags, f"tag <{tag}> in {html!r}"
        for name, value in attrs:
            assert name in allowed_attributes.get(tag, []), f"{tag}[{name}] in {html!r}"
            if name in ("href", "src", "cite"):
                cleaned = re.sub(r"[\x00-\x20]", "", value or "")
                assert not _UNSAFE_URL.match(cleaned), f"unsafe URL {value!r} in {html!r}"
