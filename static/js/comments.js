// Comment form: move it under the comment being answered, and keep a draft in this browser
// until the comment is accepted. Without JavaScript, ?replyto=<id>#respond does the same job.
// Words come translated from the form's data-text-* attributes (templates/comments/form.html).
(function () {
  "use strict";
  const form = document.querySelector("form.comment-form");
  if (!form) return;
  const wrap = document.getElementById("respond");
  const home = wrap.parentNode;
  const homeNext = wrap.nextSibling;
  const parentField = form.querySelector("input[name=parent]");
  const replying = form.querySelector("[data-replying-to]");
  const heading = document.getElementById("respond-heading");
  const status = form.querySelector("[data-draft-status]");
  const body = form.querySelector("textarea[name=body]");
  const key = "haven-draft-" + form.dataset.post;
  const text = form.dataset;
  function withName(template, name) {
    return template.split("{name}").join(name);
  }

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

  // Drafts: saved as you type; cleared once the server shows this browser its new comment.
  function saveDraft() {
    try {
      const data = { body: body.value, parent: parentField.value, at: Date.now() };
      if (body.value.trim()) localStorage.setItem(key, JSON.stringify(data));
      else localStorage.removeItem(key);
      if (status) status.textContent = body.value.trim() ? text.textDraftSaved : "";
    } catch (e) { /* storage full or disabled: the form still works */ }
  }
  function restoreDraft() {
    let draft = null;
    try { draft = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { draft = null; }
    if (!draft || !draft.body) return;
    if (body.value.trim()) return; // the server handed text back: it wins
    body.value = draft.body;
    if (status) status.textContent = text.textDraftRestored;
  }
  if (document.getElementById("comment-notice") && !form.closest("body").querySelector("#form-problem")) {
    try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
  } else {
    restoreDraft();
  }
  let timer = null;
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(saveDraft, 300);
  });
  form.addEventListener("submit", saveDraft);
})();
