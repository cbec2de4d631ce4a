// Moderation queue: in-place actions, bulk select, keyboard shortcuts and the support-text
// button. Without JavaScript every form posts and redirects back to the same tab.
// Words come translated from the queue's data-text-* attributes (templates/moderation/queue.html).
(function () {
  "use strict";
  const queue = document.querySelector("[data-queue]");
  if (!queue) return;
  const live = document.getElementById("queue-live");
  const help = document.getElementById("shortcut-help");
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
    if (result) result.textContent = message;
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

  async function send(form, submitter) {
    const data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    const response = await fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    let payload = null;
    try { payload = await response.json(); } catch (e) { payload = null; }
    if (!payload) throw new Error(queue.dataset.textNoAnswer);
    return payload;
  }

  async function onSubmit(event) {
    const form = event.target.closest("form[data-inplace]");
    if (!form) return;
    event.preventDefault();
    const buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    const item = itemOf(form);
    try {
      const payload = await send(form, event.submitter);
      updateCounts(payload.counts);
      announce(payload.message);
      if (!payload.ok) {
        const result = item && item.querySelector("[data-result]");
        if (result) result.textContent = payload.message;
        return;
      }
      const moved = new Set();
      (payload.items || []).forEach(function (state) {
        const target = document.getElementById("item-" + state.id);
        if (target) { markDone(target, state, payload.message); moved.add(target); }
      });
      if (item && payload.reply_url) showReplyLink(item, payload.reply_url);
      if (item && moved.has(item)) {
        const index = items.indexOf(item);
        focusItem(nextOpenIndex(index));
      }
    } catch (error) {
      announce(error.message);
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

  function openReply(item) {
    const details = item.querySelector("[data-reply]");
    if (!details) return;
    details.open = true;
    const box = details.querySelector("textarea");
    if (box) box.focus();
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
