// Live reload for `dissem serve`. The preview server adds this script to
// every page it serves; it is never part of a built site. It listens for
// the server's events and reloads the page after each rebuild, or swaps
// the stylesheets when only they changed (the page keeps its state).
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var shown = me.getAttribute('data-version') || '';
  var events = new EventSource('/_dissem/events?since=' + encodeURIComponent(shown));
  window.dissemEvents = events; // for tests and the curious

  events.addEventListener('reload', function () {
    events.close();
    location.reload();
  });

  events.addEventListener('css', function (ev) {
    var swaps = JSON.parse(ev.data);
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    swaps.forEach(function (s) {
      links.forEach(function (link) {
        // The new address keeps the old one's form (root-relative,
        // relative or absolute): only the file name changes.
        var path = (link.getAttribute('href') || '').split(/[?#]/)[0];
        if (path.slice(-s.from.length) !== s.from) return;
        var href = path.slice(0, path.length - s.from.length) + s.to;
        if (s.from === s.to) href += '?v=' + ev.lastEventId;
        // The new sheet is loaded beside the old one, then the old one is
        // removed: the page never shows unstyled.
        var next = link.cloneNode();
        next.setAttribute('href', href);
        next.addEventListener('load', function () { link.remove(); });
        next.addEventListener('error', function () { location.reload(); });
        link.after(next);
      });
    });
    window.dissemSwaps = (window.dissemSwaps || 0) + 1;
  });
})();
