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

  // Search: load the index only when the reader starts searching.
  var form = document.querySelector(".search-form");
  if (!form) { return; }
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var index = null, loading = null;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function load() {
    if (!loading) {
      status.textContent = form.getAttribute("data-loading") || "";
      loading = fetch(form.getAttribute("data-index"))
        .then(function (r) { return r.json(); })
        .then(function (data) {
          index = data.map(function (d) {
            d.f = fold([d.t, d.s, d.g, d.x].join(" "));
            return d;
          });
          return index;
        });
    }
    return loading;
  }
  function show(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = index.filter(function (d) {
      return words.every(function (w) { return d.f.indexOf(w) >= 0; });
    });
    hits.forEach(function (d) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.u;
      a.textContent = d.t;
      var meta = document.createElement("div");
      meta.className = "card-meta";
      meta.textContent = d.y;
      var p = document.createElement("p");
      p.textContent = d.s;
      li.appendChild(a); li.appendChild(meta); li.appendChild(p);
      list.appendChild(li);
    });
    status.textContent = hits.length
      ? form.getAttribute("data-found").replace("{n}", hits.length)
      : form.getAttribute("data-none");
  }
  function run() { load().then(function () { show(input.value); }); }

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
