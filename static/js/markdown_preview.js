// Live preview of a post's Markdown in the admin (loaded by blog.forms.MarkdownTextarea only).
// Sends the text to the staff-only preview view with the CSRF token, a moment after typing
// stops, and shows the sanitised HTML it returns in the labelled, polite live region.
(function () {
  "use strict";

  var DELAY_MS = 400;

  function csrfToken(form) {
    var field = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function attach(source) {
    var region = document.getElementById(source.dataset.previewRegion);
    if (!region) return;
    var timer = null;
    var pending = null;
    var sent = null;

    function show(html) {
      if (html.trim()) {
        region.innerHTML = html; // sanitised by the server's post sanitiser
      } else {
        region.textContent = region.dataset.empty;
      }
    }

    function update() {
      var text = source.value;
      if (text === sent) return;
      sent = text;
      if (pending) pending.abort();
      pending = new AbortController();
      var body = new FormData();
      body.append("markdown", text);
      fetch(source.dataset.previewUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(source.form), Accept: "application/json" },
        signal: pending.signal,
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (data) {
          region.removeAttribute("data-state");
          show(data.html);
        })
        .catch(function (error) {
          if (error.name === "AbortError") return;
          sent = null;
          region.setAttribute("data-state", "failed");
          region.textContent = region.dataset.failed;
        });
    }

    source.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY_MS);
    });
    if (source.value.trim()) update();
  }

  function start() {
    document.querySelectorAll("textarea[data-preview-url]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
