// Live reload for `dissem serve`. The preview server adds this script to
// every page it serves; it is never part of a built site. It listens for
// the server's events and reloads the page after each rebuild, or swaps
// the stylesheets when only they changed (the page keeps its state).
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  // The version of the site this page shows: the server answers at once
  // when it has a newer one, so no change made while the page loaded is
  // missed.
  var shown = me.getAttribute('data-version') || '';
  var events = null;

  function connect() {
    events = new EventSource('/_dissem/events?since=' + encodeURIComponent(shown));
    window.dissemEvents = events; // for tests and the curious
    events.addEventListener('reload', function () {
      events.close();
      location.reload();
    });
    events.addEventListener('css', function (ev) {
      shown = ev.lastEventId;
      swap(JSON.parse(ev.data), ev.lastEventId);
    });
  }

  // swap replaces each changed stylesheet; the new one is loaded beside
  // the old, which is removed once it has loaded: the page never shows
  // unstyled.
  function swap(swaps, version) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    swaps.forEach(function (s) {
      links.forEach(function (link) {
        // The new address keeps the old one's form (root-relative,
        // relative or absolute): only the file name changes.
        var path = (link.getAttribute('href') || '').split(/[?#]/)[0];
        if (path.slice(-s.from.length) !== s.from) return;
        var href = path.slice(0, path.length - s.from.length) + s.to;
        if (s.from === s.to) href += '?v=' + version;
        var next = link.cloneNode();
        next.setAttribute('href', href);
        next.addEventListener('load', function () { link.remove(); });
        next.addEventListener('error', function () { location.reload(); });
        link.after(next);
      });
    });
    window.dissemSwaps = (window.dissemSwaps || 0) + 1;
  }

  // A browser keeps about six connections to one server: a stream per
  // open tab would soon take them all. Tabs in the background let theirs
  // go, and catch up (reload if the site changed) when shown again.
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) {
      events.close();
    } else if (events.readyState === EventSource.CLOSED) {
      connect();
    }
  });
  window.addEventListener('pagehide', function () { events.close(); });
  window.addEventListener('pageshow', function (ev) {
    if (ev.persisted && events.readyState === EventSource.CLOSED) connect();
  });

  connect();
})();
