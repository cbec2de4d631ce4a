// Site-wide behaviour: none needed yet beyond what HTML and CSS do. Kept so pages share one
// script entry point; every page works without JavaScript.
document.documentElement.classList.add("js");

// What the reader must see first on this page (a confirmation, a form handed back, support for
// what they wrote) carries data-focus-on-load: move focus, and so the view, to the first one.
// Without JavaScript the address's fragment or its place at the top of the content does this.
(function () {
  "use strict";
  const target = document.querySelector("[data-focus-on-load]");
  if (target) target.focus();
})();
