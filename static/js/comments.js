// Comment form: move it under the comment being answered, and keep a draft in this browser
// until the comment is accepted. Without JavaScript, ?replyto=<id>#respond does the same job.
//
// Words come translated from the form's data-text-* attributes (templates/comments/form.html).
//
// Drafts (localStorage "haven-draft-<post id>"):
// - a page shown after a comment was accepted names the draft to forget (data-clear-draft),
//   so a shared computer never shows the next person what was written;
// - "Discard draft" forgets it at once;
// - pages served to moderators say data-autosave="off": nothing is stored or restored there.
(function () {
  "use strict";
  const DRAFT_PREFIX = "haven-draft-";

  function forget(key) {
    try { localStorage.removeItem(key); } catch (e) { /* storage disabled: nothing kept */ }
  }

  document.querySelectorAll("[data-clear-draft]").forEach(function (el) {
    const key = el.dataset.clearDraft;
    if (key && key.indexOf(DRAFT_PREFIX) === 0) forget(key);
  });

  const form = document.querySelector("form.comment-form");
  if (!form) return;
  const wrap = document.getElementById("respond");
  const home = wrap.parentNode;
  const homeNext = wrap.nextSibling;
  const parentField = form.querySelector("input[name=parent]");
  const replying = form.querySelector("[data-replying-to]");
  const heading = document.getElementById("respond-heading");
  const status = form.querySelector("[data-draft-status]");
  const discard = form.querySelector("[data-discard-draft]");
  const body = form.querySelector("textarea[name=body]");
  const key = DRAFT_PREFIX + form.dataset.post;
  const autosave = form.dataset.autosave !== "off";
  const text = form.dataset; // data-text-*: words the template rendered in the site's language
  function withName(template, name) {
    return (template || "").split("{name}").join(name);
  }

  function say(message) { if (status) status.textContent = message; }
  function showDiscard(visible) { if (discard) discard.hidden = !visible; }

  function showReplying(name, id) {
    replying.hidden = false;
    replying.textContent = withName(text.textReplyingTo, name) + " ";
    const cancel = document.createElement("a");
    cancel.href = "#respond";
    cancel.className = "cancel-reply";
    cancel.textContent = text.textCancelReply;
    cancel.addEventListener("click", function (event) {
      event.preventDefault();
      parentField.value = "";
      replying.hidden = true;
      heading.textContent = text.textLeaveReply;
      home.insertBefore(wrap, homeNext);
      saveDraft();
      body.focus();
    });
    replying.appendChild(cancel);
    heading.textContent = withName(text.textReplyTo, name);
    parentField.value = id;
  }

  document.querySelectorAll("a.reply-link").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      const item = document.getElementById("comment-" + link.dataset.replyTo);
      item.querySelector("article").after(wrap);
      showReplying(link.dataset.replyName, link.dataset.replyTo);
      saveDraft();
      body.focus();
    });
  });

  function saveDraft() {
    if (!autosave) return;
    const kept = body.value.trim() !== "";
    try {
      const data = { body: body.value, parent: parentField.value, at: Date.now() };
      if (kept) localStorage.setItem(key, JSON.stringify(data));
      else localStorage.removeItem(key);
    } catch (e) { return; /* storage full or disabled: the form still works */ }
    say(kept ? text.textDraftSaved : "");
    showDiscard(kept);
  }
  function restoreDraft() {
    let draft = null;
    try { draft = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { draft = null; }
    if (!draft || !draft.body) return;
    showDiscard(true);
    if (body.value.trim()) return; // the server handed text back: it wins
    body.value = draft.body;
    say(text.textDraftRestored);
  }

  if (!autosave) {
    forget(key); // a moderator's page never keeps a draft, not even one left from before
  } else if (!document.querySelector("[data-clear-draft]")) {
    restoreDraft();
  }
  if (discard) {
    discard.addEventListener("click", function () {
      forget(key);
      body.value = "";
      showDiscard(false);
      say(text.textDraftDiscarded);
      body.focus();
    });
  }
  let timer = null;
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(saveDraft, 300);
  });
  form.addEventListener("submit", saveDraft);

  // A token only this browser holds: if the CSRF check fails, the server hands the text back
  // only to a POST carrying it (comments/drafts.py). SameSite=Strict, so no other site's
  // page can send or read it.
  const DRAFT_MAX_AGE = 2 * 24 * 3600;
  const tokenField = form.querySelector("[data-draft-token]");
  form.addEventListener("submit", function () {
    if (!tokenField || !window.crypto || !window.crypto.getRandomValues) return;
    const bytes = new Uint8Array(24);
    window.crypto.getRandomValues(bytes);
    const token = Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
    document.cookie = "haven_draft=" + token + "; Path=/comments/; Max-Age=" + DRAFT_MAX_AGE +
      "; SameSite=Strict" + (location.protocol === "https:" ? "; Secure" : "");
    tokenField.value = token;
  });

  // A page served to every reader carries no CSRF token and set no cookie, so caches may keep
  // it. Ask for this browser's token when the reader starts writing, or at the latest when
  // they send (the other submit handlers above still run first). Should the request fail, the
  // form is sent all the same: the server hands the text back with a token (drafts.py).
  const csrfField = form.querySelector("input[name=csrfmiddlewaretoken]");
  let asking = null;
  function askForToken() {
    if (!csrfField || csrfField.value || !form.dataset.csrfUrl || !window.fetch) {
      return Promise.resolve();
    }
    if (!asking) {
      asking = fetch(form.dataset.csrfUrl, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data && data.token) csrfField.value = data.token; })
        .catch(function () { /* offline: the server hands the text back */ })
        .finally(function () { asking = null; });
    }
    return asking;
  }
  form.addEventListener("focusin", askForToken);
  form.addEventListener("submit", function (event) {
    if (!csrfField || csrfField.value || !window.fetch) return;
    event.preventDefault();
    askForToken().then(function () { form.submit(); });
  });
})();
