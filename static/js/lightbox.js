// dissem: the gallery's lightbox. Without this file each thumbnail is a
// link to its large picture; with it the pictures open in a modal dialog:
// focus moves into it and back to the thumbnail when it closes, Tab stays
// inside, Escape closes, the arrow keys and buttons go to the previous and
// next picture. Loaded only by pages with a gallery.
(function () {
  "use strict";

  var galleries = document.querySelectorAll("section.gallery");
  if (!galleries.length || !window.HTMLDialogElement) { return; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function button(cls, label, symbol) {
    var b = el("button", cls);
    b.type = "button";
    b.setAttribute("aria-label", label);
    var s = el("span", "", symbol);
    s.setAttribute("aria-hidden", "true");
    b.appendChild(s);
    return b;
  }

  function setUp(gallery) {
    var links = gallery.querySelectorAll("a.gallery-link");
    if (!links.length) { return; }
    var heading = gallery.querySelector("h2");
    var dialog = el("dialog", "lightbox");
    dialog.setAttribute("aria-modal", "true");
    // Focus goes to the dialog itself, not a button: the Enter that opened
    // it is still being typed, and its keypress would press that button.
    dialog.tabIndex = -1;
    var figure = el("figure", "lightbox-figure");
    var img = el("img", "lightbox-img");
    img.decoding = "async";
    var caption = el("figcaption", "lightbox-caption");
    var count = el("p", "lightbox-count");
    // Says which photo is shown when the reader moves to another.
    var status = el("p", "visually-hidden");
    status.setAttribute("role", "status");
    figure.appendChild(img);
    figure.appendChild(caption);
    var bar = el("div", "lightbox-bar");
    var prev = button("lightbox-prev", gallery.getAttribute("data-prev") || "Previous", "\u2039");
    var next = button("lightbox-next", gallery.getAttribute("data-next") || "Next", "\u203a");
    var close = button("lightbox-close", gallery.getAttribute("data-close") || "Close", "\u00d7");
    bar.appendChild(prev);
    bar.appendChild(count);
    bar.appendChild(next);
    bar.appendChild(close);
    dialog.appendChild(bar);
    dialog.appendChild(figure);
    dialog.appendChild(status);
    document.body.appendChild(dialog);

    var current = 0;
    var opener = null;

    function show(i, quiet) {
      current = (i + links.length) % links.length;
      var link = links[current];
      var thumb = link.querySelector("img");
      var fig = link.closest("figure");
      var cap = fig && fig.querySelector("figcaption");
      img.alt = thumb ? thumb.alt : "";
      // The thumbnail's size gives the picture its shape before it loads.
      if (thumb && thumb.getAttribute("width")) {
        img.width = +thumb.getAttribute("width");
        img.height = +thumb.getAttribute("height");
      }
      // The thumbnail's sizes let a phone load a screen's width, not the
      // largest picture.
      var srcset = thumb && thumb.getAttribute("srcset");
      if (srcset) {
        img.sizes = "100vw";
        img.srcset = srcset;
      } else {
        img.removeAttribute("srcset");
      }
      img.src = link.href;
      // The caption and its credit, as under the thumbnail.
      caption.textContent = "";
      if (cap) {
        var copy = cap.cloneNode(true);
        while (copy.firstChild) { caption.appendChild(copy.firstChild); }
      }
      caption.hidden = !cap;
      count.textContent = (current + 1) + " / " + links.length;
      dialog.setAttribute("aria-label", (heading ? heading.textContent + ": " : "") + count.textContent);
      prev.hidden = next.hidden = links.length < 2;
      status.textContent = quiet ? "" : count.textContent + ": " + img.alt;
    }

    function open(i) {
      opener = document.activeElement;
      show(i, true); // the dialog's name says it as it opens
      dialog.showModal();
      dialog.focus();
      document.documentElement.classList.add("lightbox-open");
    }

    function shut() {
      if (!dialog.open) { return; }
      dialog.close();
    }

    // However the dialog closes (Escape, the button, the browser), focus
    // goes back to the thumbnail that opened it.
    dialog.addEventListener("close", function () {
      document.documentElement.classList.remove("lightbox-open");
      if (opener && opener.focus) { opener.focus(); }
    });

    Array.prototype.forEach.call(links, function (link, i) {
      link.addEventListener("click", function (e) {
        // A reader who asks for a new tab or window gets the link.
        if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) { return; }
        e.preventDefault();
        open(i);
      });
    });
    prev.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    close.addEventListener("click", shut);
    // A click on the dark backdrop (the dialog itself, outside its parts) closes.
    dialog.addEventListener("click", function (e) { if (e.target === dialog) { shut(); } });

    // A swipe sideways on a touch screen goes to the next or previous photo.
    var touchX = null;
    dialog.addEventListener("touchstart", function (e) {
      touchX = e.touches.length === 1 ? e.touches[0].clientX : null;
    }, { passive: true });
    dialog.addEventListener("touchend", function (e) {
      if (touchX === null || !e.changedTouches.length) { return; }
      var dx = e.changedTouches[0].clientX - touchX;
      touchX = null;
      if (Math.abs(dx) > 50) { show(current + (dx < 0 ? 1 : -1)); }
    });

    dialog.addEventListener("keydown", function (e) {
      switch (e.key) {
      case "Escape":
        e.preventDefault();
        shut();
        break;
      case "ArrowLeft":
        e.preventDefault();
        show(current - 1);
        break;
      case "ArrowRight":
        e.preventDefault();
        show(current + 1);
        break;
      case "Tab":
        // Focus stays among the dialog's buttons.
        var stops = Array.prototype.filter.call(dialog.querySelectorAll("button"), function (b) { return !b.hidden; });
        var at = stops.indexOf(document.activeElement);
        e.preventDefault();
        stops[(at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length].focus();
        break;
      }
    });
  }

  Array.prototype.forEach.call(galleries, setUp);
})();
