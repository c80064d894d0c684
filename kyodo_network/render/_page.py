"""The fixed parts of the HTML map: its stylesheet and its script (no data inside; the data come as JSON).

The script builds every piece of text with ``textContent`` or as a plain-string vis-network ``title`` (which
vis-network 9.1.2 sets with ``innerText``): nothing from a data file can become markup.

When the model has ``years`` the page shows a year slider: one stop a year and, at its right end, 「すべての年」
(the default, everything). A year hides what does not stand then (each node's and edge's ``shown``), rings what
began that year and haloes what ends there, and puts that year's subtitle and counts (computed in Python) in
place; nothing moves.
"""

CSS = r"""
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,system-ui,sans-serif;color:#222;background:#fff}
body{display:grid;grid-template-columns:270px minmax(0,1fr) 320px;grid-template-rows:auto minmax(0,1fr) auto;height:100vh}
body.fold-side{grid-template-columns:0 minmax(0,1fr) 320px}
body.fold-details{grid-template-columns:270px minmax(0,1fr) 0}
body.fold-side.fold-details{grid-template-columns:0 minmax(0,1fr) 0}
body.fold-side #side,body.fold-details #details{display:none}
header{grid-column:1/4;padding:8px 14px 6px;border-bottom:1px solid #ddd}
header h1{font-size:19px;margin:0 0 2px}
header p{margin:0;font-size:12.5px;color:#444}
#side{grid-row:2;grid-column:1;overflow:auto;padding:8px 12px;border-right:1px solid #eee;font-size:12.5px}
#stage{grid-row:2;grid-column:2;display:flex;flex-direction:column;min-width:0;min-height:0}
#toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;padding:4px 8px;border-bottom:1px solid #eee;font-size:12.5px}
#toolbar .grow{flex:1 1 0}
#map{position:relative;flex:1 1 auto;min-height:240px}
[hidden]{display:none!important}
#yearbar{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;padding:4px 8px;border-bottom:1px solid #eee;font-size:12.5px}
#year{width:min(22em,40vw)}
#year-value{min-width:6em;font-weight:bold}
#yearbar label{display:inline-flex;align-items:center;gap:3px;cursor:pointer}
#year-counts{color:#444}
#details{grid-row:2;grid-column:3;overflow:auto;padding:8px 12px;border-left:1px solid #eee;font-size:12.5px}
footer{grid-column:1/4;font-size:11px;color:#555;padding:3px 14px;border-top:1px solid #eee}
h2{font-size:13.5px;margin:10px 0 4px}
#search{width:13em;max-width:40vw;padding:4px 6px;font-size:13px}
#search-status{color:#666;min-width:3em}
.legend-row{display:flex;align-items:center;gap:6px;margin:2px 0;line-height:1.25}
.legend-row label{display:flex;align-items:center;gap:6px;cursor:pointer}
.swatch{display:inline-block;width:12px;height:12px;border-radius:50%;border:1px solid #555;flex:none}
.legend-row svg{flex:none}
.note{color:#666;margin:3px 0}
#details h3{font-size:15px;margin:4px 0 6px}
#details dl{margin:0}
#details dt{font-weight:bold;margin-top:7px;color:#333}
#details dd{margin:1px 0 0 0;white-space:pre-line;overflow-wrap:anywhere}
button{font-size:12.5px;padding:3px 8px;cursor:pointer}
button.fold[aria-expanded=false]{background:#eef3fb}
button.fold.news::after{content:" ●";color:#d95f02}
#label-size{display:inline-flex;align-items:center;gap:3px}
#label-size button{min-width:2.4em;font-weight:bold}
#label-size-value{min-width:3.2em;text-align:center;color:#444}
div.vis-tooltip{white-space:pre-line;max-width:420px;font-size:12.5px;font-family:inherit;overflow-wrap:anywhere}
@page{size:A4 landscape;margin:8mm}
@media print{
  html,body{height:auto;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body,body.fold-side,body.fold-details,body.fold-side.fold-details{display:grid;width:281mm;height:193mm;overflow:hidden;
    grid-template-columns:212mm 69mm;grid-template-rows:20mm 166mm 7mm}
  header{grid-column:1/3;grid-row:1;padding:0 0 2mm;overflow:hidden}
  header h1{font-size:15pt}
  header p{font-size:8.5pt}
  #stage{grid-column:1;grid-row:2;display:block}
  #toolbar,#yearbar,#details,#search,#search-status,button,.hint,#legend input{display:none!important}
  #map{width:212mm;height:166mm;min-height:0;border:0.3mm solid #ccc}
  #map canvas{object-fit:contain}
  #side,body.fold-side #side{display:block!important;grid-column:2;grid-row:2;overflow:hidden;border:0;padding:0 0 0 3mm;font-size:8pt}
  #side h2{font-size:9pt;margin:2mm 0 1mm}
  .legend-row{margin:0.4mm 0}
  footer{grid-column:1/3;grid-row:3;font-size:7pt;padding:1mm 0 0}
}
"""

#: The page's small DOM helpers (an element with text, an SVG element, names compared loosely), shared with the
#: meeting app's page (:mod:`kyodo_network.serve._page`).
DOM_HELPERS = r"""  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function norm(s) { return String(s).normalize("NFKC").toLowerCase(); }
"""

JS = (
    r"""
(function () {
  "use strict";
  var FONT = '"Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif';
  var model = JSON.parse(document.getElementById("kyodo-data").textContent);
  var ui = model.ui;
  var SCALE = model.meta.px_per_unit || 150;
  var big = model.nodes.length > 300;
  var NEW = "#ff7f00", ENDS = "rgba(70,70,70,0.85)";

"""
    + DOM_HELPERS
    + r"""
  document.title = model.meta.title;
  document.getElementById("title").textContent = model.meta.title;
  document.getElementById("subtitle").textContent = model.meta.subtitle;
  document.getElementById("source").textContent = model.meta.source ? ui.source + ": " + model.meta.source : "";
  document.getElementById("search").setAttribute("placeholder", ui.search);
  document.getElementById("search-label").textContent = ui.search;
  document.getElementById("reset").textContent = ui.reset;
  document.getElementById("show-all").textContent = ui.show_all;
  document.getElementById("label-size-name").textContent = ui.label_size;
  var smaller = document.getElementById("label-smaller"), larger = document.getElementById("label-larger");
  smaller.setAttribute("title", ui.label_smaller); smaller.setAttribute("aria-label", ui.label_smaller);
  larger.setAttribute("title", ui.label_larger); larger.setAttribute("aria-label", ui.label_larger);

  // ---- folding panels: below about 1,100 px both start folded, so the network gets the width
  var FOLDS = {side: {cls: "fold-side", button: "fold-side", fold: ui.fold_legend, unfold: ui.unfold_legend, arrows: ["\u25c0 ", "\u25b6 "], after: false},
               details: {cls: "fold-details", button: "fold-details", fold: ui.fold_details, unfold: ui.unfold_details, arrows: [" \u25b6", " \u25c0"], after: true}};
  function setFold(which, folded) {
    var f = FOLDS[which], b = document.getElementById(f.button);
    document.body.classList.toggle(f.cls, folded);
    var arrow = f.arrows[folded ? 1 : 0], words = folded ? f.unfold : f.fold;
    b.textContent = f.after ? words + arrow : arrow + words;
    b.setAttribute("aria-expanded", folded ? "false" : "true");
    if (!folded) { b.classList.remove("news"); }
    if (window.network) { window.network.redraw(); }  // takes the new width now, refits if the view was whole
  }
  var narrow = window.innerWidth < 1100;
  setFold("side", narrow); setFold("details", narrow);
  Object.keys(FOLDS).forEach(function (which) {
    document.getElementById(FOLDS[which].button).addEventListener("click", function () {
      setFold(which, !document.body.classList.contains(FOLDS[which].cls));
    });
  });

  // ---- legend
  var side = document.getElementById("legend");
  var hidden = {};
  function legendRow(pic, label) {
    var row = el("div", null, "legend-row");
    row.appendChild(pic); row.appendChild(el("span", label)); side.appendChild(row);
  }
  if (model.legend.sectors.length) {
    side.appendChild(el("h2", ui.sectors));
    model.legend.sectors.forEach(function (s) {
      var row = el("div", null, "legend-row");
      var lab = el("label");
      var box = el("input");
      box.type = "checkbox"; box.checked = true; box.setAttribute("data-sector", s.id);
      box.addEventListener("change", function () { hidden[s.id] = !box.checked; applyFilter(); });
      var sw = el("span", null, "swatch");
      sw.style.background = s.colour;
      lab.appendChild(box); lab.appendChild(sw); lab.appendChild(el("span", s.label));
      row.appendChild(lab); side.appendChild(row);
    });
  }
  if (model.legend.kinds.length) {
    side.appendChild(el("h2", ui.kinds));
    model.legend.kinds.forEach(function (k) {
      var pic = svg("svg", {width: 16, height: 16});
      if (k.shape === "square") { pic.appendChild(svg("rect", {x: 2, y: 2, width: 12, height: 12, fill: k.colour, stroke: "#555"})); }
      else { pic.appendChild(svg("circle", {cx: 8, cy: 8, r: 6, fill: "#bbb", stroke: "#555"})); }
      legendRow(pic, k.label);
    });
  }
  side.appendChild(el("p", ui.size_note, "note"));
  if (model.legend.edges.length) {
    side.appendChild(el("h2", ui.ties));
    model.legend.edges.forEach(function (e) {
      var pic = svg("svg", {width: 44, height: 12});
      var line = svg("line", {x1: 2, y1: 6, x2: e.directed ? 34 : 42, y2: 6, stroke: e.colour, "stroke-width": Math.max(1.5, e.width)});
      if (e.dashes) { line.setAttribute("stroke-dasharray", e.dashes.join(" ")); }
      pic.appendChild(line);
      if (e.directed) { pic.appendChild(svg("polygon", {points: "34,1 43,6 34,11", fill: e.colour})); }
      legendRow(pic, e.label);
    });
    side.appendChild(el("p", ui.arrow_note, "note"));
  }
  if (model.legend.marks.length) {
    side.appendChild(el("h2", ui.marks));
    model.legend.marks.forEach(function (m) {
      var pic = svg("svg", {width: 18, height: 18});
      if (m.mark === "inferred") { pic.appendChild(svg("line", {x1: 1, y1: 9, x2: 17, y2: 9, stroke: "#878787", "stroke-width": 3, opacity: 0.55})); }
      else if (m.mark === "coordinator") { pic.appendChild(svg("polygon", {points: "9,1 11.3,6.6 17,6.9 12.6,10.6 14,16.5 9,13.3 4,16.5 5.4,10.6 1,6.9 6.7,6.6", fill: "#e7298a", stroke: "#555"})); }
      else { pic.appendChild(svg("circle", {cx: 9, cy: 9, r: 6.5, fill: "#ddd", stroke: "#111", "stroke-width": 3})); }
      legendRow(pic, m.label);
    });
  }
  if (model.years) {
    side.appendChild(el("h2", ui.year_marks));
    model.years.marks.forEach(function (m) {
      var pic = svg("svg", {width: 18, height: 18});
      var ring = svg("circle", {cx: 9, cy: 9, r: 6.5, fill: "#ddd", stroke: m.mark === "new" ? NEW : "#4a4a4a", "stroke-width": m.mark === "new" ? 3 : 2});
      if (m.mark === "ended") { ring.setAttribute("stroke-dasharray", "3 2"); }
      pic.appendChild(ring);
      legendRow(pic, m.label);
    });
  }

  // ---- network
  var byId = {};
  model.nodes.forEach(function (n) { byId[n.id] = n; });
  // ---- the year chosen on the slider (null: every year) and what it marks: null (not standing that year), or
  // {isNew: not there the year before, ends: not there the year after}
  var year = null, marks = {}, edgeMarks = {};
  function standsIn(spans, y) {
    for (var i = 0; i < spans.length; i++) {
      var a = spans[i][0], b = spans[i][1];
      if ((a === null || a <= y) && (b === null || b >= y)) { return true; }
    }
    return false;
  }
  function yearMark(x) {
    if (year === null || !x.shown) { return {isNew: false, ends: false}; }
    if (!standsIn(x.shown, year)) { return null; }
    return {isNew: !standsIn(x.shown, year - 1), ends: !standsIn(x.shown, year + 1)};
  }
  function markOf(id, of) { var m = (of || marks)[id]; return m === undefined ? {isNew: false, ends: false} : m; }
  function nodeColour(n) {
    var m = markOf(n.id), border = m && m.isNew ? NEW : n.articulation ? "#111111" : "#4a4a4a";
    return {background: n.colour, border: border, highlight: {background: n.colour, border: m && m.isNew ? NEW : "#000000"},
            hover: {background: n.colour, border: "#000000"}};
  }
  function nodeBorder(n) {
    var m = markOf(n.id) || {}, ring = m.isNew || n.articulation;
    return {borderWidth: ring ? 5 : m.ends ? 2.5 : 1.2, borderWidthSelected: ring ? 6 : 3,
            shapeProperties: {borderDashes: m.ends ? [5, 3] : false}};
  }
  function visNode(n) {
    var b = nodeBorder(n);
    return {id: n.id, label: n.label, title: n.title, x: n.x * SCALE, y: n.y * SCALE, shape: n.shape,
            size: n.shape === "square" ? n.size * 0.8 : n.size, color: nodeColour(n),
            borderWidth: b.borderWidth, borderWidthSelected: b.borderWidthSelected, shapeProperties: b.shapeProperties,
            font: {color: "#222222"}, hidden: false};
  }
  function edgeColour(e) {
    return {color: e.colour, highlight: e.colour, hover: e.colour, opacity: e.inferred ? 0.55 : 1, inherit: false};
  }
  var DIM_EDGE = {color: "#eeeeee", highlight: "#eeeeee", hover: "#eeeeee", opacity: 1, inherit: false};
  function edgeYear(e) {
    var m = markOf(e.id, edgeMarks) || {};
    return {width: m.isNew ? e.width * 2 + 2 : e.width,
            shadow: m.isNew || m.ends ? {enabled: true, color: m.isNew ? NEW : ENDS, size: 9, x: 0, y: 0} : {enabled: false}};
  }
  function visEdge(e) {
    var y = edgeYear(e);
    return {id: e.id, from: e.from, to: e.to, title: e.title, width: y.width, dashes: e.dashes || false,
            color: edgeColour(e), arrows: e.arrows || "", shadow: y.shadow, hidden: false};
  }
  var nodes = new vis.DataSet(model.nodes.map(visNode));
  var edges = new vis.DataSet(model.edges.map(visEdge));
  var options = {
    physics: false,
    layout: {improvedLayout: false, randomSeed: 1},
    interaction: {hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: true},
    nodes: {font: {face: FONT, size: 14, strokeWidth: 4, strokeColor: "#ffffff", multi: false}},
    edges: {smooth: false, selectionWidth: 1.5, hoverWidth: 1, arrowStrikethrough: false,
            arrows: {to: {scaleFactor: 0.7}, from: {scaleFactor: 0.7}}}
  };
  var container = document.getElementById("map");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  window.nodes = nodes; window.edges = edges; window.network = network;

  // ---- fitting the whole network, labels included
  // A label is drawn below its node: top at y + size + font/2 + 4 (vis-network 9.1.2, "hanging" baseline), one
  // line per font size, centred; the white outline adds half its width. Text widths are measured here.
  var LABEL_PX = 14, STEPS = [0.6, 0.8, 1, 1.25, 1.5, 2, 2.5, 3], step = 2, MARGIN = 10;
  var measure = document.createElement("canvas").getContext("2d");
  function labelBoxes() {
    var font = LABEL_PX * STEPS[step], pos = network.getPositions(), out = [];
    measure.font = font + "px " + FONT;
    model.nodes.forEach(function (n) {
      var vn = nodes.get(n.id);
      if (!vn || vn.hidden) { return; }
      var p = pos[n.id], r = vn.size + 3, lines = n.label ? n.label.split("\n") : [];
      var w = 0;
      lines.forEach(function (line) { w = Math.max(w, measure.measureText(line).width); });
      var half = Math.max(r, w / 2 + 2), bottom = p.y + r;
      if (lines.length) { bottom = p.y + vn.size + font / 2 + 4 + lines.length * font + 2; }
      out.push({id: n.id, left: p.x - half, right: p.x + half, top: p.y - r, bottom: bottom});
    });
    return out;
  }
  window.kyodoLabelBoxes = labelBoxes;
  var fitted = true;
  function fitAll() {
    var frame = container.firstElementChild || container;  // vis-network's own box (fixed while printing)
    var boxes = labelBoxes(), W = frame.clientWidth, H = frame.clientHeight;
    if (!boxes.length || !W || !H) { return; }
    var l = Infinity, r = -Infinity, t = Infinity, b = -Infinity;
    boxes.forEach(function (x) { l = Math.min(l, x.left); r = Math.max(r, x.right); t = Math.min(t, x.top); b = Math.max(b, x.bottom); });
    var scale = Math.min((W - 2 * MARGIN) / Math.max(r - l, 1), (H - 2 * MARGIN) / Math.max(b - t, 1), 1.5);
    network.moveTo({position: {x: (l + r) / 2, y: (t + b) / 2}, scale: scale, animation: false});
    fitted = true;
  }
  window.kyodoFitAll = fitAll;
  fitAll();
  // vis-network restores its old camera after emitting "resize": fit once that is done.
  network.on("resize", function () { if (fitted) { Promise.resolve().then(function () { if (fitted) { fitAll(); } }); } });
  network.on("zoom", function () { fitted = false; });
  network.on("dragEnd", function (params) { if (!params.nodes.length) { fitted = false; } });
  document.getElementById("show-all").addEventListener("click", fitAll);

  // ---- label size: vis-network scales labels with the zoom; these buttons scale them beyond it
  var sizeValue = document.getElementById("label-size-value");
  function setStep(k) {
    step = Math.max(0, Math.min(STEPS.length - 1, k));
    network.setOptions({nodes: {font: {size: LABEL_PX * STEPS[step]}}});
    sizeValue.textContent = Math.round(STEPS[step] * 100) + "%";
    smaller.disabled = step === 0; larger.disabled = step === STEPS.length - 1;
    window.kyodoLabelPx = LABEL_PX * STEPS[step];
    if (fitted) { fitAll(); }
  }
  smaller.addEventListener("click", function () { setStep(step - 1); });
  larger.addEventListener("click", function () { setStep(step + 1); });
  setStep(step);

  // ---- printing: the canvas is redrawn at the printed size (A4 landscape, the box #map gets in @media print)
  var MM = 96 / 25.4, PRINT_W = 212 * MM - 2, PRINT_H = 166 * MM - 2, beforePrint = null;
  window.addEventListener("beforeprint", function () {
    beforePrint = {fitted: fitted, view: network.getViewPosition(), scale: network.getScale()};
    network.setSize(Math.floor(PRINT_W) + "px", Math.floor(PRINT_H) + "px");
    fitAll();
    network.redraw();
    window.kyodoPrinted = {scale: network.getScale(), width: container.firstElementChild.clientWidth, height: container.firstElementChild.clientHeight};
  });
  window.addEventListener("afterprint", function () {
    network.setSize("100%", "100%");
    network.redraw();
    if (!beforePrint || beforePrint.fitted) { fitAll(); }
    else { network.moveTo({position: beforePrint.view, scale: beforePrint.scale, animation: false}); fitted = false; }
    network.redraw();
  });

  network.once("afterDrawing", function () {
    window.kyodoReady = performance.now();
    document.documentElement.setAttribute("data-kyodo-ready", "1");
  });

  // ---- details and neighbourhood highlight
  var panel = document.getElementById("details");
  function showHint() {
    panel.textContent = "";
    panel.appendChild(el("h2", ui.details));
    panel.appendChild(el("p", ui.hint, "note hint"));
  }
  function showDetails(id) {
    var n = byId[id];
    panel.textContent = "";
    if (!n) { showHint(); return; }
    if (document.body.classList.contains("fold-details")) { document.getElementById("fold-details").classList.add("news"); }
    panel.appendChild(el("h3", n.name));
    var dl = el("dl");
    n.details.forEach(function (pair) { dl.appendChild(el("dt", pair[0])); dl.appendChild(el("dd", pair[1])); });
    panel.appendChild(dl);
  }
  function highlight(ids) {
    var keep = {};
    ids.forEach(function (id) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (m) { if (markOf(m) !== null) { keep[m] = true; } });
    });
    nodes.update(model.nodes.map(function (n) {
      return keep[n.id] ? {id: n.id, color: nodeColour(n), font: {color: "#222222"}}
                        : {id: n.id, color: {background: "#eeeeee", border: "#d0d0d0"}, font: {color: "#c8c8c8"}};
    }));
    edges.update(model.edges.map(function (e) {
      var on = ids.indexOf(e.from) >= 0 || ids.indexOf(e.to) >= 0;
      return {id: e.id, color: on ? edgeColour(e) : DIM_EDGE, shadow: on ? edgeYear(e).shadow : {enabled: false}};
    }));
    window.kyodoHighlighted = Object.keys(keep).sort();
    lit = ids;
  }
  var lit = null;
  function clearHighlight() {
    lit = null;
    nodes.update(model.nodes.map(function (n) { return {id: n.id, color: nodeColour(n), font: {color: "#222222"}}; }));
    edges.update(model.edges.map(function (e) { return {id: e.id, color: edgeColour(e), shadow: edgeYear(e).shadow}; }));
    window.kyodoHighlighted = [];
    network.unselectAll();
    showHint();
  }
  function select(id) {
    network.selectNodes([id]);
    highlight([id]);
    showDetails(id);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0]); }
    else { clearHighlight(); }
  });
  document.getElementById("reset").addEventListener("click", clearHighlight);
  window.kyodoSelect = select;

  // ---- sector filter and year: a node shows when its sector is ticked and it stands in the year chosen
  function nodeHidden(n) { return !!(n.sector && hidden[n.sector]) || markOf(n.id) === null; }
  function applyFilter() {
    nodes.update(model.nodes.map(function (n) { return {id: n.id, hidden: nodeHidden(n)}; }));
  }

  // ---- the year slider (only when the data name two years or more); positions never move
  var subtitle = document.getElementById("subtitle");
  var yearBar = document.getElementById("yearbar"), slider = document.getElementById("year"),
      allYears = document.getElementById("all-years"), yearValue = document.getElementById("year-value"),
      yearCounts = document.getElementById("year-counts");
  function setYear(y) {
    year = y;
    var step = y === null ? null : model.years.steps[y - model.years.first];
    marks = {}; edgeMarks = {};
    model.nodes.forEach(function (n) { marks[n.id] = yearMark(n); });
    model.edges.forEach(function (e) { edgeMarks[e.id] = yearMark(e); });
    nodes.update(model.nodes.map(function (n) {
      var b = nodeBorder(n);
      return {id: n.id, hidden: nodeHidden(n), color: nodeColour(n), borderWidth: b.borderWidth,
              borderWidthSelected: b.borderWidthSelected, shapeProperties: b.shapeProperties};
    }));
    edges.update(model.edges.map(function (e) {
      var s = edgeYear(e);
      return {id: e.id, hidden: edgeMarks[e.id] === null, width: s.width, shadow: s.shadow};
    }));
    if (lit) {
      var still = lit.filter(function (id) { return markOf(id) !== null; });
      if (still.length) { highlight(still); } else { clearHighlight(); }
    }
    subtitle.textContent = step ? step.subtitle : model.meta.subtitle;
    yearValue.textContent = step ? step.label : ui.all_years;
    yearCounts.textContent = step ? [step.counts, step["new"], step.ended].filter(Boolean).join(" · ") : "";
    slider.value = String(y === null ? model.years.last + 1 : y);
    slider.setAttribute("aria-valuetext", yearValue.textContent);
    allYears.checked = y === null;
    window.kyodoYear = y;
  }
  if (model.years) {
    // one stop a year, first to last, and one more at the right end: every year (the default)
    yearBar.hidden = false;
    document.getElementById("year-label").textContent = ui.year;
    document.getElementById("all-years-label").textContent = ui.all_years;
    slider.min = String(model.years.first); slider.max = String(model.years.last + 1);
    slider.addEventListener("input", function () {
      var y = parseInt(slider.value, 10);
      setYear(y > model.years.last ? null : y);
    });
    allYears.addEventListener("change", function () { setYear(allYears.checked ? null : model.years.last); });
    setYear(null);
  }

  // ---- search
  var box = document.getElementById("search");
  var status = document.getElementById("search-status");
  box.addEventListener("input", function () {
    var q = norm(box.value.trim());
    if (!q) { status.textContent = ""; clearHighlight(); return; }
    var found = model.nodes.filter(function (n) {
      return norm(n.search).indexOf(q) >= 0 && !nodeHidden(n);
    }).map(function (n) { return n.id; });
    status.textContent = found.length ? ui.matches.replace("{n}", String(found.length)) : ui.no_match;
    window.kyodoFound = found;
    if (!found.length) { return; }
    network.selectNodes(found);
    highlight(found);
    if (found.length === 1) { showDetails(found[0]); }
    network.fit({nodes: found, animation: false, maxZoomLevel: 1.2});
    fitted = false;
  });
  showHint();
})();
"""
)

BODY = """<header><h1 id="title"></h1><p id="subtitle"></p><p id="source"></p></header>
<aside id="side"><div id="legend"></div></aside>
<main id="stage"><div id="toolbar">
<button id="fold-side" class="fold" type="button" aria-controls="side"></button>
<label id="search-label" for="search" hidden></label><input id="search" type="search" autocomplete="off">
<span id="search-status" aria-live="polite"></span><button id="reset" type="button"></button>
<button id="show-all" type="button"></button>
<span id="label-size"><span id="label-size-name"></span><button id="label-smaller" type="button">A−</button><span id="label-size-value"></span><button id="label-larger" type="button">A+</button></span>
<span class="grow"></span><button id="fold-details" class="fold" type="button" aria-controls="details"></button>
</div><div id="yearbar" hidden><label for="year" id="year-label"></label><input type="range" id="year" step="1">
<span id="year-value" aria-hidden="true"></span><label><input type="checkbox" id="all-years" checked><span id="all-years-label"></span></label>
<span id="year-counts" aria-live="polite"></span></div><div id="map"></div></main>
<aside id="details"></aside>
"""
