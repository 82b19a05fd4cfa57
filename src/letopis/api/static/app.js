// letopis: a little help on top of pages that work without it. Pointing at a quote in the list lights up
// its place in the text, and the other way round.
(function () {
  "use strict";
  function pair(id, on) {
    document.querySelectorAll('[data-quote="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.toggle("active", on);
    });
  }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-quote]");
    if (el) pair(el.getAttribute("data-quote"), true);
  });
  document.addEventListener("mouseout", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-quote]");
    if (el) pair(el.getAttribute("data-quote"), false);
  });
})();
