"""The fixed parts of the HTML map: its stylesheet and its script (no data inside; the data come as JSON).

The script builds every piece of text with ``textContent`` or as a plain-string vis-network ``title`` (which
vis-network 9.1.2 sets with ``innerText``): nothing from a data file can become markup.
"""

CSS = r"""
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,system-ui,sans-serif;color:#222;background:#fff}
body{display:grid;grid-template-columns:270px 1fr 320px;grid-template-rows:auto 1fr auto;height:100vh}
header{grid-column:1/4;padding:8px 14px 6px;border-bottom:1px solid #ddd}
header h1{font-size:19px;margin:0 0 2px}
header p{margin:0;font-size:12.5px;color:#444}
#side{grid-row:2;overflow:auto;padding:8px 12px;border-right:1px solid #eee;font-size:12.5px}
#map{grid-row:2;position:relative;min-height:300px}
#details{grid-row:2;overflow:auto;padding:8px 12px;border-left:1px solid #eee;font-size:12.5px}
footer{grid-column:1/4;font-size:11px;color:#555;padding:3px 14px;border-top:1px solid #eee}
h2{font-size:13.5px;margin:10px 0 4px}
#search{width:100%;padding:5px 6px;font-size:13px}
#search-status{color:#666;min-height:1.2em;margin-top:2px}
.legend-row{display:flex;align-items:center;gap:6px;margin:2px 0;line-height:1.25}
.legend-row label{display:flex;align-items:center;gap:6px;cursor:pointer}
.swatch{display:inline-block;width:12px;height:12px;border-radius:50%;border:1px solid #555;flex:none}
.legend-row svg{flex:none}
.note{color:#666;margin:3px 0}
#details h3{font-size:15px;margin:4px 0 6px}
#details dl{margin:0}
#details dt{font-weight:bold;margin-top:7px;color:#333}
#details dd{margin:1px 0 0 0;white-space:pre-line;overflow-wrap:anywhere}
button{font-size:12px;margin-top:6px}
div.vis-tooltip{white-space:pre-line;max-width:420px;font-size:12.5px;font-family:inherit;overflow-wrap:anywhere}
@media print{#search,#search-status,button,.hint{display:none}body{height:auto}}
"""

JS = r"""
(function () {
  "use strict";
  var FONT = '"Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif';
  var model = JSON.parse(document.getElementById("kyodo-data").textContent);
  var ui = model.ui;
  var SCALE = model.meta.px_per_unit || 150;
  var big = model.nodes.length > 300;

  function el(tag, text, cls) {
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

  document.title = model.meta.title;
  document.getElementById("title").textContent = model.meta.title;
  document.getElementById("subtitle").textContent = model.meta.subtitle;
  document.getElementById("source").textContent = ui.source + ": " + model.meta.source;
  document.getElementById("search").setAttribute("placeholder", ui.search);
  document.getElementById("search-label").textContent = ui.search;
  document.getElementById("reset").textContent = ui.reset;

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
      if (m.mark === "coordinator") { pic.appendChild(svg("polygon", {points: "9,1 11.3,6.6 17,6.9 12.6,10.6 14,16.5 9,13.3 4,16.5 5.4,10.6 1,6.9 6.7,6.6", fill: "#e7298a", stroke: "#555"})); }
      else { pic.appendChild(svg("circle", {cx: 9, cy: 9, r: 6.5, fill: "#ddd", stroke: "#111", "stroke-width": 3})); }
      legendRow(pic, m.label);
    });
  }

  // ---- network
  var byId = {};
  model.nodes.forEach(function (n) { byId[n.id] = n; });
  function nodeColour(n) {
    var border = n.articulation ? "#111111" : "#4a4a4a";
    return {background: n.colour, border: border, highlight: {background: n.colour, border: "#000000"},
            hover: {background: n.colour, border: "#000000"}};
  }
  function visNode(n) {
    return {id: n.id, label: n.label, title: n.title, x: n.x * SCALE, y: n.y * SCALE, shape: n.shape,
            size: n.shape === "square" ? n.size * 0.8 : n.size, color: nodeColour(n),
            borderWidth: n.articulation ? 5 : 1.2, borderWidthSelected: n.articulation ? 6 : 3,
            font: {color: "#222222"}, hidden: false};
  }
  function edgeColour(e) {
    return {color: e.colour, highlight: e.colour, hover: e.colour, opacity: e.inferred ? 0.55 : 1, inherit: false};
  }
  var DIM_EDGE = {color: "#eeeeee", highlight: "#eeeeee", hover: "#eeeeee", opacity: 1, inherit: false};
  function visEdge(e) {
    return {id: e.id, from: e.from, to: e.to, title: e.title, width: e.width, dashes: e.dashes || false,
            color: edgeColour(e), arrows: e.arrows || ""};
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
  // vis fits node centres; leave room for the labels at the edges.
  network.fit({animation: false});
  network.moveTo({scale: network.getScale() * 0.9, animation: false});
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
    panel.appendChild(el("h3", n.name));
    var dl = el("dl");
    n.details.forEach(function (pair) { dl.appendChild(el("dt", pair[0])); dl.appendChild(el("dd", pair[1])); });
    panel.appendChild(dl);
  }
  function highlight(ids) {
    var keep = {};
    ids.forEach(function (id) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (m) { keep[m] = true; });
    });
    nodes.update(model.nodes.map(function (n) {
      return keep[n.id] ? {id: n.id, color: nodeColour(n), font: {color: "#222222"}}
                        : {id: n.id, color: {background: "#eeeeee", border: "#d0d0d0"}, font: {color: "#c8c8c8"}};
    }));
    edges.update(model.edges.map(function (e) {
      var on = ids.indexOf(e.from) >= 0 || ids.indexOf(e.to) >= 0;
      return {id: e.id, color: on ? edgeColour(e) : DIM_EDGE};
    }));
    window.kyodoHighlighted = Object.keys(keep).sort();
  }
  function clearHighlight() {
    nodes.update(model.nodes.map(function (n) { return {id: n.id, color: nodeColour(n), font: {color: "#222222"}}; }));
    edges.update(model.edges.map(function (e) { return {id: e.id, color: edgeColour(e)}; }));
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

  // ---- sector filter
  function applyFilter() {
    nodes.update(model.nodes.map(function (n) { return {id: n.id, hidden: !!(n.sector && hidden[n.sector])}; }));
  }

  // ---- search
  var box = document.getElementById("search");
  var status = document.getElementById("search-status");
  box.addEventListener("input", function () {
    var q = norm(box.value.trim());
    if (!q) { status.textContent = ""; clearHighlight(); return; }
    var found = model.nodes.filter(function (n) {
      return norm(n.search).indexOf(q) >= 0 && !(n.sector && hidden[n.sector]);
    }).map(function (n) { return n.id; });
    status.textContent = found.length ? ui.matches.replace("{n}", String(found.length)) : ui.no_match;
    window.kyodoFound = found;
    if (!found.length) { return; }
    network.selectNodes(found);
    highlight(found);
    if (found.length === 1) { showDetails(found[0]); }
    network.fit({nodes: found, animation: false, maxZoomLevel: 1.2});
  });
  showHint();
})();
"""

BODY = """<header><h1 id="title"></h1><p id="subtitle"></p><p id="source"></p></header>
<aside id="side"><label id="search-label" for="search" hidden></label><input id="search" type="search" autocomplete="off">
<div id="search-status" aria-live="polite"></div><button id="reset" type="button"></button><div id="legend"></div></aside>
<main id="map"></main>
<aside id="details"></aside>
"""
