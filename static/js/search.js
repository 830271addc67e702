// dissem search: results as the reader types, from the index shards that
// builder/search writes under /LANG/search/. The rules are those of
// builder/search/query.go (Engine): keep both the same.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form || !window.fetch || !window.Map) { return; }
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var filtersBox = document.getElementById("search-filters");
  var moreButton = document.getElementById("search-more");
  var base = form.getAttribute("data-index");
  var lang = document.documentElement.lang || "en";
  var VERSION = 1, PREFIX = 3, PAGE = 10;
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var FACETS = ["type", "topic", "city", "year"];

  // --- text: the same folding and words as builder/search/text.go ------
  // Letters, digits and marks, but not the variation selectors ("↩︎").
  var WORD = /(?:(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{L}\p{N}\p{M}])+/gu;
  // The longest word the index keeps, in UTF-8 bytes (maxWordBytes).
  var MAX_WORD_BYTES = 128;
  // Compatibility forms first, as the index's words (compat): ﬁ → fi, Ｍ → M.
  function fold(s) { return s.normalize("NFKC").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC"); }
  function runes(s) { return Array.from(s); }
  function prefix(s, n) { return runes(s).slice(0, n).join(""); }
  // As builder/search.ShardName: names Windows keeps for devices are hex too.
  function shardName(p) {
    if (/^[a-z0-9]*$/.test(p) && !/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(p)) { return p; }
    var bytes = new TextEncoder().encode(p), hex = "_";
    for (var i = 0; i < bytes.length; i++) { hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16); }
    return hex;
  }
  function unpack(s) {
    var out = [], prev = -1, v = 0, shift = 0;
    for (var i = 0; i < s.length; i++) {
      var d = B64.indexOf(s.charAt(i));
      if (d >= 32) { v += (d - 32) * Math.pow(2, shift); shift += 5; continue; }
      v += d * Math.pow(2, shift);
      prev += v + 1;
      out.push(prev);
      v = 0; shift = 0;
    }
    return out;
  }
  function oneEdit(a, b) {
    var x = runes(a), y = runes(b);
    if (x.length > y.length) { var t = x; x = y; y = t; }
    if (y.length - x.length > 1) { return false; }
    var i = 0;
    while (i < x.length && x[i] === y[i]) { i++; }
    if (i === x.length) { return y.length === x.length + 1; }
    if (x.length === y.length) {
      if (x.slice(i + 1).join("") === y.slice(i + 1).join("")) { return true; }
      return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2).join("") === y.slice(i + 2).join("");
    }
    return x.slice(i).join("") === y.slice(i + 1).join("");
  }

  // --- files: each fetched once ------------------------------------------
  var files = new Map();
  function get(name) {
    if (!files.has(name)) {
      files.set(name, fetch(base + name).then(function (r) {
        if (r.status === 404) { return null; }
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (data) {
        if (data && data.version !== undefined && data.version !== VERSION) { throw new Error("index version"); }
        return data;
      }));
    }
    return files.get(name);
  }
  var EMPTY = { t: {}, f: {}, p: {}, x: {} };
  function shard(name) { return get("s/" + name + ".json").then(function (s) { return s || EMPTY; }); }
  // The shards a folded word leads to: its three-letter shard and, while
  // that one is split, the longer ones.
  function chain(f) {
    var out = [];
    function step(level) {
      return shard(shardName(prefix(f, level))).then(function (sh) {
        out.push(sh);
        if (!sh.split || runes(f).length < sh.split) { return out; }
        return step(sh.split);
      });
    }
    return step(PREFIX);
  }
  function findTerm(key) {
    return chain(key).then(function (ch) {
      for (var i = ch.length - 1; i >= 0; i--) {
        if (own(ch[i].t, key)) { return { t: ch[i].t[key], sh: ch[i] }; }
      }
      return null;
    });
  }
  function keys(o) { return Object.keys(o || {}).sort(); }
  // A shard's tables are plain objects: a word such as "constructor" must
  // not find what every object inherits.
  function own(o, k) { return !!o && Object.prototype.hasOwnProperty.call(o, k); }

  // --- query: the rules of builder/search/query.go -----------------------
  function matches(f, last) {
    return chain(f).then(function (ch) {
      var out = [], seen = Object.create(null);
      function add(k, w) { if (!seen[k]) { seen[k] = true; out.push({ key: k, weight: w }); } }
      var deep = ch[ch.length - 1], n = runes(f).length;
      ch.forEach(function (sh) {
        if (own(sh.t, f)) { add(f, 1); }
        if (sh.f && Object.prototype.hasOwnProperty.call(sh.f, f)) { add(sh.f[f], 1); }
      });
      if (!out.length) {
        for (var l = n - 1; l >= Math.max(3, Math.floor((n * 6 + 9) / 10)); l--) {
          var p = prefix(f, l);
          ch.forEach(function (sh) { if (own(sh.t, p)) { add(p, 0.9); } });
          if (out.length) { break; }
        }
      }
      if (last && n >= PREFIX) {
        keys(deep.t).forEach(function (k) { if (k.indexOf(f) === 0) { add(k, 0.8); } });
        keys(deep.f).forEach(function (k) { if (k.indexOf(f) === 0) { add(deep.f[k], 0.8); } });
      }
      if (!out.length && n >= 5) {
        ch.forEach(function (sh) {
          keys(sh.t).forEach(function (k) { if (oneEdit(f, k)) { add(k, 0.6); } });
          keys(sh.f).forEach(function (k) { if (oneEdit(f, k)) { add(sh.f[k], 0.6); } });
        });
      }
      return out;
    });
  }

  function parse(q) {
    var words = [], utf8 = new TextEncoder();
    (q.match(WORD) || []).forEach(function (w) {
      if ((runes(w).length > 1 || /^[0-9]+$/.test(w)) && utf8.encode(w).length <= MAX_WORD_BYTES && words.length < 10) {
        words.push({ folded: fold(w), exact: w.normalize("NFKC").toLowerCase() });
      }
    });
    var typing = q !== "" && /(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{L}\p{N}\p{M}]$/u.test(q);
    return { words: words, typing: typing };
  }

  // search resolves to {hits: [{doc, score}], words, best: doc → {display, snippet}}
  function search(q) {
    var parsed = parse(q), words = parsed.words;
    var scores = new Map(), count = new Map(), active = 0, best = new Map();
    return Promise.all(words.map(function (w, i) {
      return matches(w.folded, parsed.typing && i === words.length - 1).then(function (found) {
        w.found = found;
        return Promise.all(found.map(function (m) { return findTerm(m.key); }));
      });
    })).then(function (terms) {
      words.forEach(function (w, i) {
        var top = new Map();
        w.found.forEach(function (m, j) {
          var hit = terms[i][j];
          if (!hit) { return; }
          var t = hit.t;
          if (!t.docs) { t.docs = unpack(t.d); }
          for (var k = 0; k < t.docs.length; k++) {
            var s = m.weight * B64.indexOf(t.i.charAt(k)) / 63 * t.m;
            if (t.v && t.v.length > 1 && w.exact.indexOf(t.v[B64.indexOf(t.w.charAt(k))]) === 0) { s *= 1.1; }
            var d = t.docs[k];
            if (!top.has(d) || top.get(d) < s) { top.set(d, s); }
          }
          (t.c || []).forEach(function (c) {
            if (!best.has(c[0]) && hit.sh.x[c[0]]) { best.set(c[0], { display: hit.sh.x[c[0]], snippet: c[1] }); }
          });
        });
        if (!top.size) { return; }
        active++;
        top.forEach(function (s, d) {
          scores.set(d, (scores.get(d) || 0) + s);
          count.set(d, (count.get(d) || 0) + 1);
        });
      });
      var pairs = [];
      for (var i = 0; i + 1 < words.length; i++) {
        if (words[i].found.length && words[i + 1].found.length) { pairs.push(i); }
      }
      return Promise.all(pairs.map(function (i) { return chain(words[i].found[0].key); })).then(function (chains) {
        pairs.forEach(function (i, n) {
          var a = words[i].found[0].key, bs = words[i + 1].found;
          for (var j = 0; j < bs.length; j++) {
            var packed = "";
            chains[n].forEach(function (sh) {
              if (sh.p && Object.prototype.hasOwnProperty.call(sh.p, a + " " + bs[j].key)) { packed = sh.p[a + " " + bs[j].key]; }
            });
            unpack(packed).forEach(function (d) { if (count.get(d) === active) { scores.set(d, scores.get(d) * 1.3); } });
            if (packed) { break; }
          }
        });
        var hits = [];
        scores.forEach(function (s, d) { if (count.get(d) === active) { hits.push({ doc: d, score: s }); } });
        hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var marks = [];
        words.forEach(function (w) {
          marks.push(w.folded);
          w.found.forEach(function (m) { if (m.weight >= 0.8) { marks.push(m.key); } });
        });
        return { hits: hits, best: best, marks: marks };
      });
    });
  }

  // --- filters -----------------------------------------------------------
  var meta = null;
  function loadMeta() {
    if (!meta) {
      meta = get("meta.json").then(function (m) {
        m.facets.forEach(function (f) { f.values.forEach(function (v) { v.docs = new Set(unpack(v[2])); }); });
        return m;
      });
    }
    return meta;
  }
  var chosen = {};
  FACETS.forEach(function (f) { chosen[f] = new Set(); });
  function passes(m, doc, except) {
    return m.facets.every(function (f) {
      var want = chosen[f.name];
      if (f.name === except || !want || !want.size) { return true; }
      return f.values.some(function (v) { return want.has(v[0]) && v.docs.has(doc); });
    });
  }
  // A value the index does not have (a link shared before a topic was
  // renamed, an address typed by hand) would hide every result with no box
  // to untick: it is dropped, from the address too.
  function prune(m) {
    var dropped = false;
    FACETS.forEach(function (name) {
      var f = m.facets.filter(function (x) { return x.name === name; })[0];
      chosen[name].forEach(function (v) {
        if (!f || !f.values.some(function (x) { return x[0] === v; })) { chosen[name].delete(v); dropped = true; }
      });
    });
    if (dropped) { toURL(); }
  }
  function drawFilters(m, hits) {
    filtersBox.textContent = "";
    var any = false;
    m.facets.forEach(function (f) {
      var counts = f.values.map(function (v) {
        var n = 0;
        hits.forEach(function (h) { if (v.docs.has(h.doc) && passes(m, h.doc, f.name)) { n++; } });
        return n;
      });
      var set = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = form.getAttribute("data-facet-" + f.name) || f.name;
      set.appendChild(legend);
      var shown = 0;
      f.values.forEach(function (v, i) {
        if (!counts[i] && !chosen[f.name].has(v[0])) { return; }
        shown++;
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = f.name;
        box.value = v[0];
        box.checked = chosen[f.name].has(v[0]);
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + v[1] + " (" + counts[i].toLocaleString(lang) + ")"));
        set.appendChild(label);
      });
      if (shown > 0) { filtersBox.appendChild(set); any = true; }
    });
    filtersBox.hidden = !any;
  }
  filtersBox.addEventListener("change", function (e) {
    var box = e.target;
    if (!box || box.type !== "checkbox") { return; }
    if (box.checked) { chosen[box.name].add(box.value); } else { chosen[box.name].delete(box.value); }
    update(true);
  });

  // --- showing -----------------------------------------------------------
  function plural(n) {
    var cat = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(n) : (n === 1 ? "one" : "other");
    var text = form.getAttribute("data-found-" + cat) || form.getAttribute("data-found-other") || "{n}";
    return text.replace("{n}", n.toLocaleString(lang));
  }
  function marked(text, marks) {
    var frag = document.createDocumentFragment(), last = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var f = fold(m[0]);
      var hit = marks.some(function (k) {
        if (runes(k).length < 3) { return f === k; }
        if (f.indexOf(k) === 0) { return true; }
        var n = 0, a = runes(f), b = runes(k);
        while (n < a.length && n < b.length && a[n] === b[n]) { n++; }
        return n >= Math.max(3, b.length - 1) && a.length >= b.length - 1;
      });
      if (!hit) { continue; }
      frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      frag.appendChild(mark);
      last = m.index + m[0].length;
    }
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }
  function chunk(m, doc) {
    return get("d/" + Math.floor(doc / m.chunk) + ".json").then(function (c) { return { display: c[doc % m.chunk], snippet: "" }; });
  }
  function item(r, info) {
    var d = info.display;
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = d[1];
    a.appendChild(marked(d[0], r.marks));
    h.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "card-meta";
    meta.textContent = d[3] ? d[2] + " · " + d[3] : d[2];
    var p = document.createElement("p");
    p.className = "search-snippet";
    p.appendChild(marked(info.snippet || d[4], r.marks));
    li.appendChild(h); li.appendChild(meta); li.appendChild(p);
    return li;
  }

  var seq = 0, shownCount = PAGE, current = null;
  function draw(r, m) {
    if (m) { prune(m); }
    var hits = m ? r.hits.filter(function (h) { return passes(m, h.doc, null); }) : r.hits;
    var page = hits.slice(0, shownCount);
    var need = page.map(function (h) {
      if (r.best.has(h.doc)) { return Promise.resolve(r.best.get(h.doc)); }
      return (m ? Promise.resolve(m) : loadMeta()).then(function (mm) { return chunk(mm, h.doc); });
    });
    var mine = seq;
    return Promise.all(need).then(function (infos) {
      if (mine !== seq) { return; }
      // A reader who has moved into the results keeps their place when
      // they are drawn again (the filters arrive after the first results).
      var focused = Array.prototype.indexOf.call(list.querySelectorAll("a"), document.activeElement);
      list.textContent = "";
      infos.forEach(function (info) { list.appendChild(item(r, info)); });
      if (focused >= 0) {
        var again = list.querySelectorAll("a");
        (again[Math.min(focused, again.length - 1)] || input).focus();
      }
      status.textContent = hits.length ? plural(hits.length) : form.getAttribute("data-none");
      moreButton.hidden = hits.length <= shownCount;
      if (m) { drawFilters(m, r.hits); }
    });
  }

  // --- the URL keeps the query and the filters (Back, shared links) -------
  function toURL() {
    var params = new URLSearchParams();
    if (input.value) { params.set("q", input.value); }
    FACETS.forEach(function (f) { chosen[f].forEach(function (v) { params.append(f, v); }); });
    var s = params.toString();
    var url = location.pathname + (s ? "?" + s : "");
    if (url !== location.pathname + location.search) { history.replaceState(null, "", url); }
  }
  function fromURL() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    FACETS.forEach(function (f) { chosen[f] = new Set(params.getAll(f)); });
  }

  function update(keepPage) {
    var q = input.value;
    var mine = ++seq;
    if (!keepPage) { shownCount = PAGE; }
    toURL();
    if (!parse(q).words.length) {
      list.textContent = "";
      status.textContent = "";
      filtersBox.hidden = true;
      moreButton.hidden = true;
      current = null;
      return Promise.resolve();
    }
    if (!files.size) { status.textContent = form.getAttribute("data-loading") || ""; }
    var metaP = loadMeta();
    return search(q).then(function (r) {
      if (mine !== seq) { return; }
      current = r;
      var anyFilter = FACETS.some(function (f) { return chosen[f].size; });
      // First results from the shards alone; filters once meta.json is in.
      var first = anyFilter ? Promise.resolve() : draw(r, null);
      return Promise.all([first, metaP]).then(function (res) {
        if (mine !== seq) { return; }
        return draw(r, res[1]);
      });
    }).catch(function () {
      if (mine === seq) { status.textContent = form.getAttribute("data-error") || ""; }
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(false); }, 60);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); update(false); });
  moreButton.addEventListener("click", function () {
    var first = shownCount;
    shownCount += PAGE;
    update(true).then(function () {
      var link = list.querySelectorAll("a")[first];
      if (link) { link.focus(); }
    });
  });
  // Arrow keys move between the search box and the results.
  form.parentNode.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (document.activeElement === input && e.key === "ArrowDown" && links.length) {
      links[0].focus(); e.preventDefault();
    } else if (at >= 0) {
      var next = e.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) { input.focus(); } else if (next < links.length) { links[next].focus(); }
      e.preventDefault();
    }
  });
  window.addEventListener("popstate", function () { fromURL(); update(false); });
  window.addEventListener("pageshow", function (e) { if (e.persisted && current === null) { fromURL(); update(false); } });
  fromURL();
  if (input.value) { update(false); }
  // For the browser tests: the ranking (compared with builder/search's
  // Engine) and a query run to the end of drawing.
  window.dissemSearch = {
    search: search,
    run: function (q) { input.value = q; return update(false); },
    fetched: function () { return Array.from(files.keys()); }
  };
})();
