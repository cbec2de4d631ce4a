// Site-wide behaviour: none needed yet beyond what HTML and CSS do. Kept so pages share one
// script entry point; every page works without JavaScript.
document.documentElement.classList.add("js");
