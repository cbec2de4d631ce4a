"""How Haven starts Debian's Chromium, for the browser tests and the screenshot script alike.

No browser download: /usr/bin/chromium from apt. The flags keep it off every network but
the site under test (this machine has no other, and a page must never load another host).
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
