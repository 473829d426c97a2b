// html.js - the behaviour of minigc's pass stepper (dot/html.c), embedded in
// every page it writes. It reads everything from the page itself (data-*
// attributes, the SVG text): no data of the program is ever in this script.
//
// Click a value or block: it and its uses light up in every column, with
// the source line of its definition. Click an escape-graph node: its source
// line and the values of that line light up. Click a diagnostic: its -m=2
// explanation opens and the graph nodes and lines it names light up.
// Left/right arrows move the current pass; p toggles presentation mode;
// c the current pass's CFG.
(function () {
  "use strict";
  var passes = Array.prototype.slice.call(document.querySelectorAll(".pass"));
  var current = 0;

  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function clearHighlights() {
    all(".hl").forEach(function (e) { e.classList.remove("hl"); });
  }
  function srcRow(line) { return document.getElementById("L" + line); }
  function lightLine(line) {
    var r = srcRow(line);
    if (r) r.classList.add("hl");
    return r;
  }

  function setCurrent(i, scroll) {
    if (!passes.length) return;
    current = Math.max(0, Math.min(passes.length - 1, i));
    passes.forEach(function (p, k) { p.classList.toggle("current", k === current); });
    document.body.setAttribute("data-current", String(current));
    var p = passes[current];
    var label = document.getElementById("current-pass");
    if (label) label.textContent = p.getAttribute("data-pass");
    if (scroll && p.scrollIntoView) p.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function selectValue(kind, id) {
    clearHighlights();
    var attr = kind === "v" ? "data-v" : "data-b";
    all("[" + attr + '="' + id + '"]').forEach(function (e) { e.classList.add("hl"); });
    var defs = kind === "v" ? all('.line[data-def="' + id + '"]') : all('.line[data-block-head="' + id + '"]');
    var first = null;
    defs.forEach(function (l) {
      l.classList.add("hl");
      var line = l.getAttribute("data-line");
      if (line && line !== "0") {
        var r = lightLine(line);
        if (r && !first) first = r;
      }
    });
    if (first && first.scrollIntoView) first.scrollIntoView({ block: "nearest" });
  }

  // Escape-graph nodes carry their position in their label ("x.go:12:5"),
  // and their line in a class ("line-12") where the picture gives one.
  var nodes = all("#bottom g.node");
  nodes.forEach(function (g) {
    var m = /\.go:(\d+):(\d+)/.exec(g.textContent || "");
    if (m) {
      g.setAttribute("data-line", m[1]);
      g.setAttribute("data-pos", m[1] + ":" + m[2]);
    }
    for (var i = 0; i < g.classList.length; i++) {
      var c = /^line-(\d+)$/.exec(g.classList[i]);
      if (c && !g.getAttribute("data-line")) g.setAttribute("data-line", c[1]);
    }
  });

  function selectNode(g) {
    clearHighlights();
    g.classList.add("hl");
    var line = g.getAttribute("data-line");
    if (!line) return;
    var r = lightLine(line);
    all('.line[data-line="' + line + '"]').forEach(function (l) { l.classList.add("hl"); });
    all('.diag[data-line="' + line + '"]').forEach(function (d) { d.classList.add("hl"); });
    if (r && r.scrollIntoView) r.scrollIntoView({ block: "nearest" });
  }

  function selectDiag(d) {
    var open = d.classList.contains("open");
    clearHighlights();
    all(".diag.open").forEach(function (x) { x.classList.remove("open"); });
    if (open) return;
    d.classList.add("open", "hl");
    // Every position the explanation names is on its path, and so is the
    // diagnostic's own.
    var text = ".go:" + d.getAttribute("data-line") + ":" + d.getAttribute("data-col") + " " + (d.textContent || "");
    var re = /\.go:(\d+):(\d+)/g, m, seen = {};
    while ((m = re.exec(text)) !== null) {
      var pos = m[1] + ":" + m[2];
      if (seen[pos]) continue;
      seen[pos] = true;
      lightLine(m[1]);
      nodes.forEach(function (g) { if (g.getAttribute("data-pos") === pos) g.classList.add("hl"); });
    }
    lightLine(d.getAttribute("data-line"));
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var v = t.closest(".v, .b");
    if (v) {
      var col = v.closest(".pass");
      if (col) setCurrent(passes.indexOf(col), false);
      selectValue(v.classList.contains("v") ? "v" : "b", v.getAttribute(v.classList.contains("v") ? "data-v" : "data-b"));
      return;
    }
    var btn = t.closest("button");
    if (btn && btn.classList.contains("cfgbtn")) {
      btn.closest(".pass").classList.toggle("show-cfg");
      return;
    }
    if (btn && btn.id === "present") { togglePresent(); return; }
    var g = t.closest("g.node");
    if (g) { selectNode(g); return; }
    var d = t.closest(".diag");
    if (d) { selectDiag(d); return; }
    var p = t.closest(".pass");
    if (p) {
      if (p.classList.contains("collapsed")) p.classList.remove("collapsed");
      setCurrent(passes.indexOf(p), false);
    }
  });

  function togglePresent() {
    document.body.classList.toggle("present");
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === "ArrowRight") { setCurrent(current + 1, true); ev.preventDefault(); }
    else if (ev.key === "ArrowLeft") { setCurrent(current - 1, true); ev.preventDefault(); }
    else if (ev.key === "p") togglePresent();
    else if (ev.key === "c" && passes.length) passes[current].classList.toggle("show-cfg");
    else if (ev.key === "Escape") {
      clearHighlights();
      all(".diag.open").forEach(function (x) { x.classList.remove("open"); });
    }
  });

  setCurrent(0, false);
})();
