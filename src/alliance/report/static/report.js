/* alliance report: tooltips for the timeline, evidence highlighting, j/k through the transcript.
   Everything works without this script; it only adds comfort. No network, no storage. */
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function row(i) { return document.getElementById("u-" + i); }
  function text(el, sel) { var n = el && el.querySelector(sel); return n ? n.textContent : ""; }
  var current = null;
  function showTip(mark) {
    var r = row(mark.getAttribute("data-u"));
    if (!tip || !r) { return; }
    current = mark;
    tip.textContent = "";
    var who = document.createElement("div");
    who.className = "tip-who";
    who.textContent = [text(r, ".idx"), text(r, ".time"), text(r, ".who")].filter(Boolean).join("  ");
    var body = document.createElement("div");
    body.textContent = text(r, ".text");
    tip.appendChild(who);
    tip.appendChild(body);
    var label = mark.getAttribute("aria-label") || "";
    if (!mark.classList.contains("tl-utt") && label) {
      var what = document.createElement("div");
      what.textContent = label;
      tip.insertBefore(what, who);
    }
    tip.hidden = false;
    var b = mark.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var x = Math.min(Math.max(8, b.left + b.width / 2 - w / 2), window.innerWidth - w - 8);
    var y = b.top - h - 8 < 8 ? b.bottom + 8 : b.top - h - 8;
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { current = null; if (tip) { tip.hidden = true; } }
  var marks = document.querySelectorAll("svg.timeline a[data-u]");
  for (var k = 0; k < marks.length; k++) {
    var m = marks[k];
    // The custom tooltip replaces the native one; aria-label keeps the name for screen readers.
    var t = m.querySelector("title");
    if (t) { m.setAttribute("aria-label", t.textContent); m.removeChild(t); }
    m.addEventListener("mouseenter", function (e) { showTip(e.currentTarget); });
    m.addEventListener("focus", function (e) { showTip(e.currentTarget); });
    m.addEventListener("mouseleave", hideTip);
    m.addEventListener("blur", hideTip);
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hideTip(); return; }
    var cur = document.activeElement;
    if (!cur || !cur.classList || !cur.classList.contains("utt")) { return; }
    var next = null;
    if (e.key === "j" || e.key === "ArrowDown") { next = cur.nextElementSibling; }
    if (e.key === "k" || e.key === "ArrowUp") { next = cur.previousElementSibling; }
    if (next) { e.preventDefault(); next.focus(); }
  });
  // Focusing a mark may scroll the page: keep its tooltip beside it.
  window.addEventListener("scroll", function () { if (current) { showTip(current); } }, { passive: true });
  // After following a link to an utterance, move keyboard focus there too.
  function focusTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.classList.contains("utt")) { el.focus({ preventScroll: true }); }
  }
  window.addEventListener("hashchange", focusTarget);
  focusTarget();
  var buttons = document.querySelectorAll(".hl-btn");
  for (var j = 0; j < buttons.length; j++) {
    buttons[j].addEventListener("click", function (e) {
      var btn = e.currentTarget, on = btn.getAttribute("aria-pressed") !== "true";
      var lit = document.querySelectorAll(".utt.hl");
      for (var a = 0; a < lit.length; a++) { lit[a].classList.remove("hl"); }
      var all = document.querySelectorAll(".hl-btn");
      for (var c = 0; c < all.length; c++) { all[c].setAttribute("aria-pressed", "false"); }
      if (!on) { return; }
      btn.setAttribute("aria-pressed", "true");
      var ids = btn.getAttribute("data-evidence").split(" ");
      for (var i = 0; i < ids.length; i++) { var r = row(ids[i]); if (r) { r.classList.add("hl"); } }
    });
  }
}());
