// dissem: small enhancements. Everything works without this file.
(function () {
  "use strict";

  // Language chooser: suggest the reader's language without redirecting.
  var choices = document.querySelectorAll(".choose-lang a[data-lang]");
  if (choices.length && navigator.languages) {
    var wanted = navigator.languages.map(function (l) { return l.slice(0, 2).toLowerCase(); });
    for (var i = 0; i < wanted.length; i++) {
      var hit = document.querySelector('.choose-lang a[data-lang="' + wanted[i] + '"]');
      if (hit) { hit.classList.add("suggested"); break; }
    }
  }

  // The "not translated" notices (a home's, a document's in each language
  // it lacks): move focus to it so screen readers announce it.
  if (location.hash === "#untranslated" || location.hash.indexOf("#not-in-") === 0) {
    var notice = document.getElementById(location.hash.slice(1));
    if (notice && notice.classList.contains("notice")) { notice.focus(); }
  }

  // The root 404 page: a reader whose address starts with a language
  // (/hu/…) is sent to that language's 404 page, in its words.
  var lost = document.querySelector("[data-not-found-base]");
  if (lost) {
    var base = lost.getAttribute("data-not-found-base");
    var path = location.pathname;
    if (path.indexOf(base) === 0) {
      var code = path.slice(base.length).split("/")[0];
      var own = lost.querySelector('a[data-not-found][hreflang="' + code + '"]');
      if (own) { location.replace(own.getAttribute("data-not-found")); }
    }
  }
})();
