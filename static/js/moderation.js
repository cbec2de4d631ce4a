// Moderation queue: in-place actions, bulk select, keyboard shortcuts and the support-text
// button. Without JavaScript every form posts and redirects back to the same tab.
// Words come translated from the queue's data-text-* attributes (templates/moderation/queue.html).
(function () {
  "use strict";
  const queue = document.querySelector("[data-queue]");
  if (!queue) return;
  const live = document.getElementById("queue-live");
  const help = document.getElementById("shortcut-help");
  const errorBox = queue.querySelector("[data-queue-error]");
  const items = Array.from(queue.querySelectorAll("[data-item]"));
  let current = -1;

  function announce(text) {
    if (live) live.textContent = text;
  }

  function updateCounts(counts) {
    if (!counts) return;
    Object.keys(counts).forEach(function (tab) {
      const badge = queue.querySelector('[data-count="' + tab + '"]');
      if (badge) badge.textContent = counts[tab];
    });
  }

  function itemOf(element) {
    return element.closest("[data-item]");
  }

  function focusItem(index) {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item, i) { item.classList.toggle("is-current", i === current); });
    items[current].focus();
    items[current].scrollIntoView({ block: "nearest" });
  }

  function nextOpenIndex(from) {
    for (let i = from + 1; i < items.length; i += 1) {
      if (!items[i].classList.contains("is-done")) return i;
    }
    return from;
  }

  function markDone(item, state, message) {
    item.dataset.status = state.status;
    item.classList.add("is-done");
    const label = item.querySelector("[data-status-label]");
    if (label) label.textContent = state.status_label;
    const checkbox = item.querySelector('input[name="ids"]');
    if (checkbox) checkbox.checked = false;
    const result = item.querySelector("[data-result]");
    if (result) {
      result.textContent = message;
      result.classList.remove("is-error");
    }
  }

  // The note readers see first: shown on the item, and the box keeps what was saved.
  function showNote(item, note) {
    const current = item.querySelector("[data-note-current]");
    if (current) {
      current.hidden = !note;
      const text = current.querySelector("[data-note-text]");
      if (text) text.textContent = note;
    }
  }

  // A writer's held edit, decided: the proposal goes, and the text readers now see is shown.
  function showDecidedEdit(item, bodyHtml) {
    const proposed = item.querySelector("[data-proposed]");
    if (proposed) proposed.remove();
    const body = item.querySelector("[data-body]");
    if (body) body.innerHTML = bodyHtml;  // rendered and cleaned by the server, as on the page
  }

  function showReplyLink(item, url) {
    const result = item.querySelector("[data-result]");
    if (!result || !url) return;
    result.append(" ");
    const link = document.createElement("a");
    link.href = url;
    link.textContent = queue.dataset.textSeeReply;
    result.appendChild(link);
  }

  // Errors the moderator must see: a visible alert that takes focus (the live region alone is
  // invisible). Its texts come from the queue's data-text-* attributes, translated with the page.
  function showError(text) {
    if (!errorBox) { announce(text); return; }
    errorBox.textContent = text;
    errorBox.hidden = false;
    errorBox.focus();
  }

  function clearError() {
    if (errorBox) { errorBox.hidden = true; errorBox.textContent = ""; }
  }

  // The URL is read with getAttribute: form.action would return a control named "action"
  // if one were ever added, and the request would go to "/moderation/[object ...]".
  function targetOf(form, submitter) {
    const own = submitter && submitter.getAttribute("formaction");
    return own || form.getAttribute("action") || window.location.href;
  }

  async function send(form, submitter) {
    const data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    let response;
    try {
      response = await fetch(targetOf(form, submitter), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
    } catch (e) {
      throw new Error(queue.dataset.textOffline);
    }
    let payload = null;
    try { payload = await response.json(); } catch (e) { payload = null; }
    if (!payload) throw new Error(queue.dataset.textFailed + " (HTTP " + response.status + ")");
    return payload;
  }

  async function onSubmit(event) {
    const form = event.target.closest("form[data-inplace]");
    if (!form) return;
    event.preventDefault();
    const buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    const item = itemOf(form);
    clearError();
    try {
      const payload = await send(form, event.submitter);
      updateCounts(payload.counts);
      announce(payload.message);
      if (!payload.ok) {
        const result = item && item.querySelector("[data-result]");
        if (result) {
          result.textContent = payload.message;
          result.classList.add("is-error");
        } else {
          showError(payload.message);
        }
        return;
      }
      const moved = new Set();
      (payload.items || []).forEach(function (state) {
        const target = document.getElementById("item-" + state.id);
        if (target) { markDone(target, state, payload.message); moved.add(target); }
      });
      if (payload.report_id) {
        const report = queue.querySelector('[data-report="' + payload.report_id + '"]');
        if (report) report.remove();
      }
      if (item && typeof payload.content_note === "string") showNote(item, payload.content_note);
      if (item && typeof payload.body_html === "string") showDecidedEdit(item, payload.body_html);
      if (item && !moved.has(item)) {
        // The item stays open (a note saved, one report of several dismissed): say what happened.
        const result = item.querySelector("[data-result]");
        if (result) {
          result.textContent = payload.message;
          result.classList.remove("is-error");
        }
      }
      if (item && payload.reply_url) showReplyLink(item, payload.reply_url);
      if (item && moved.has(item)) {
        const index = items.indexOf(item);
        focusItem(nextOpenIndex(index));
      }
    } catch (error) {
      showError(error.message);
    } finally {
      buttons.forEach(function (b) { b.disabled = false; });
    }
  }
  queue.addEventListener("submit", onSubmit);

  // Bulk select: "select all on this page" only exists with JavaScript.
  const selectAllWrap = queue.querySelector(".queue-select-all");
  const selectAll = queue.querySelector("[data-select-all]");
  if (selectAllWrap && selectAll) {
    selectAllWrap.hidden = false;
    selectAll.addEventListener("change", function () {
      queue.querySelectorAll('input[name="ids"]').forEach(function (box) {
        if (!itemOf(box).classList.contains("is-done")) box.checked = selectAll.checked;
      });
    });
  }

  // "Insert support resources": fill the reply box with the writer's region's resources.
  queue.querySelectorAll("[data-support-text]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      const box = document.getElementById(button.dataset.supportTarget);
      const text = button.dataset.supportText;
      box.value = box.value.trim() ? box.value.replace(/\s+$/, "") + "\n\n" + text : text;
      box.focus();
    });
  });

  // Reply and Content note are links to their own pages without JavaScript; here they become
  // buttons that open their panel under the item's actions, one panel at a time.
  function togglePanel(item, button, open) {
    item.querySelectorAll("button[data-panel-toggle]").forEach(function (other) {
      const panel = document.getElementById(other.dataset.panelToggle);
      const show = other === button && open;
      if (panel) panel.hidden = !show;
      other.setAttribute("aria-expanded", String(show));
    });
    if (!open) return;
    const panel = document.getElementById(button.dataset.panelToggle);
    const field = panel && panel.querySelector("textarea, input:not([type=hidden])");
    if (field) field.focus();
  }

  items.forEach(function (item) {
    item.querySelectorAll("a[data-panel-toggle]").forEach(function (link) {
      const panel = document.getElementById(link.dataset.panelToggle);
      if (!panel) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = link.className;
      button.textContent = link.textContent;
      button.dataset.panelToggle = link.dataset.panelToggle;
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-controls", panel.id);
      link.replaceWith(button);
      button.addEventListener("click", function () {
        togglePanel(item, button, panel.hidden);
      });
    });
  });

  function openReply(item) {
    const button = item.querySelector('button[data-panel-toggle^="reply-panel-"]');
    if (button) togglePanel(item, button, true);
  }

  function press(item, action) {
    const button = item.querySelector('.queue-actions [data-action="' + action + '"]');
    if (button) button.click();
  }

  function toggleHelp() {
    if (!help) return;
    if (help.open) help.close();
    else help.showModal();
  }

  items.forEach(function (item, index) {
    item.addEventListener("focusin", function () {
      current = index;
      items.forEach(function (other, i) { other.classList.toggle("is-current", i === index); });
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.key === "?") { event.preventDefault(); toggleHelp(); return; }
    if (help && help.open) return;
    const item = current >= 0 ? items[current] : null;
    switch (event.key) {
      case "j": event.preventDefault(); focusItem(current + 1); break;
      case "k": event.preventDefault(); focusItem(current < 0 ? 0 : current - 1); break;
      case "a": if (item) { event.preventDefault(); press(item, "approve"); } break;
      case "s": if (item) { event.preventDefault(); press(item, "spam"); } break;
      case "d": if (item) { event.preventDefault(); press(item, "remove"); } break;
      case "r": if (item) { event.preventDefault(); openReply(item); } break;
      default: break;
    }
  });

  // Arriving from an email link (?focus=<id>): start on that item.
  const focusId = new URLSearchParams(window.location.search).get("focus");
  const focused = focusId && document.getElementById("item-" + focusId);
  if (focused) focusItem(items.indexOf(focused));
})();
