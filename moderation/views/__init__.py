"""The moderation pages, one module per concern (all thin views over ``queue`` and
``comments.moderator_actions``):

- ``answers``: who may moderate, and the one answer every action gives (JSON or redirect);
- ``queue_page``: the queue list and its bulk actions;
- ``actions``: one action on one comment or report (approve, spam, held edits, not a crisis…);
- ``writing``: what a moderator writes (a reply, an edit, a content note);
- ``activity``: the audit log and the moderator's own profile;
- ``accounts``: log in, and log out of every session.

Every action confirms on GET and acts on POST with CSRF. Without JavaScript a POST redirects
back to the same tab with a message; with it (``Accept: application/json``) the answer is a small
JSON object and the page updates in place.
"""
