"""The room's page: HTML shell, stylesheet and script. No data inside; the script fetches it from ``/api/``.

The map is drawn as the offline map draws it (the same map model, vis-network 9.1.2 from the pyvis package, its
stylesheet, the same legend, search and sector filters); the page adds the editing controls, tonight's changes
and the analyses of the actor clicked. Every piece of text is set with ``textContent`` (or as a vis-network
``title``, which vis-network sets with ``innerText``): nothing from the data can become markup. The script keeps
nothing in browser storage.
"""

from __future__ import annotations

import html

from ..lang import text

__all__ = ["page_html", "asset", "WORDS", "CSP"]

#: The page may load only this server's own scripts and styles and talk only to this server.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
#: The same in the page's ``<meta>`` (a browser ignores ``frame-ancestors`` there, and says so).
META_CSP = CSP.replace("; frame-ancestors 'none'", "")

#: The page's own words (``serve.ui.<key>`` in the catalogue).
WORDS = (
    "add_heading",
    "name",
    "category",
    "add",
    "undo",
    "redo",
    "changes",
    "no_changes",
    "saved",
    "not_saved",
    "saving",
    "error",
    "redo_list",
    "year",
    "all_years",
    "print",
    "attended",
    "attended_list",
    "rename",
    "set_category",
    "remove",
    "confirm_remove",
    "tie_heading",
    "partner",
    "tie_type",
    "held_by",
    "nobody",
    "connect",
    "relations",
    "remove_tie",
    "details",
    "tonight_mark",
    "loading",
    "edit_heading",
    "choose",
    "no_attended",
    "shortcut",
)

CSS = r"""
body{grid-template-columns:290px minmax(0,1fr) 360px}
#side section{margin:0 0 10px}
#side form,#details form{display:flex;flex-wrap:wrap;gap:4px;align-items:center;margin:3px 0}
#side input[type=text],#details input[type=text],#details select{font-size:12.5px;padding:3px 5px;min-width:0;flex:1 1 9em}
#side label.field,#details label.field{display:block;width:100%;color:#444;margin-top:3px}
#status{font-size:12px;color:#2b6e2b;padding:2px 8px;border-bottom:1px solid #eee;min-height:1.6em;overflow-wrap:anywhere}
#status.error{color:#b00020;font-weight:bold}
#status.busy{color:#666}
#changes ol{margin:2px 0 0 1.4em;padding:0}
#changes li{margin:1px 0;overflow-wrap:anywhere}
#changes li.undone{color:#999;text-decoration:line-through}
#year-box{display:inline-flex;align-items:center;gap:4px}
#year-box input[type=range]{width:9em}
#details h4{font-size:13px;margin:10px 0 3px;border-left:3px solid #4a6fa5;padding-left:5px}
#details ul{margin:0 0 0 1.2em;padding:0}
#details li{margin:2px 0;overflow-wrap:anywhere}
#details .rel{display:flex;gap:6px;align-items:baseline;margin:2px 0}
#details .rel span{flex:1 1 auto;overflow-wrap:anywhere}
#details .badge{display:inline-block;font-size:11px;background:#fff3cd;border:1px solid #e0c36a;border-radius:3px;padding:0 4px;margin-left:6px}
#details details{margin:8px 0}
#details .danger{color:#b00020}
@media (max-width:1100px){body{grid-template-columns:230px minmax(0,1fr) 300px}}
@media print{#add,#status,#attended-list{display:none!important}}
body.readonly #add,body.readonly #undo,body.readonly #redo,body.readonly form,body.readonly #attended,
body.readonly label[for="attended"]{display:none!important}
"""

from ..render._page import DOM_HELPERS  # noqa: E402  (one copy of the page's DOM helpers)

JS = (
    r"""
(function () {
  "use strict";
  var TOKEN = document.querySelector('meta[name="kyodo-token"]').getAttribute("content");
  var W = JSON.parse(document.getElementById("kyodo-words").textContent);
  var FONT = '"Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif';
  var state = null, model = null, ui = null, selected = null, year = null, SCALE = 150;
  var hidden = {}, byId = {}, edgeById = {}, first = true, busy = false, added = false;

"""
    + DOM_HELPERS
    + r"""  function fill(template, fields) {
    return String(template).replace(/\{(\w+)\}/g, function (m, k) { return fields[k] !== undefined ? String(fields[k]) : m; });
  }
  function byName(id) { var n = byId[id]; return n ? n.name : id; }

  // ---- talking to the server: the session key in a header, never a cookie; nothing kept in the browser
  function api(method, path, body) {
    var opts = {method: method, headers: {"X-Kyodo-Token": TOKEN}, cache: "no-store", credentials: "omit"};
    if (body !== undefined) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(path, opts).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { var e = new Error(data.error || String(r.status)); e.data = data; throw e; }
        return data;
      });
    });
  }
  function yearQuery(sep) { return year === null ? "" : sep + "year=" + year; }
  // the map this page holds: the server then sends only what changed in it (model_delta)
  function haveQuery(sep) { return state && state.model_tag ? sep + "have=" + encodeURIComponent(state.model_tag) : ""; }
  var status = document.getElementById("status");
  function say(textValue, cls) { status.textContent = textValue; status.className = cls || ""; }
  function showSaved() {
    if (state.saved_at) { say(fill(W.saved, {time: state.saved_at, path: state.journal})); }
    else if (!state.edits.length) { say(fill(W.not_saved, {path: state.journal})); }
    else { say(fill(W.saved, {time: "", path: state.journal})); }
  }
  function send(path, body) {
    if (busy) { return Promise.resolve(); }
    busy = true;
    say(W.saving, "busy");
    window.kyodoBusy = true;
    return api("POST", path + haveQuery("?"), body).then(function (s) {
      busy = false; window.kyodoBusy = false;
      if (year !== null) { return load(); }
      apply(s);
    }).catch(function (err) {
      busy = false; window.kyodoBusy = false;
      say(fill(W.error, {message: err.message}), "error");
    });
  }
  function edit(payload) { return send("/api/edit", payload); }
  // when each version was drawn, counted and its panel shown (performance.now(), for benchmarks/serve_browser.py)
  window.kyodoTimes = {drawn: {}, counted: {}, panel: {}};
  function mark(what, version) { window.kyodoTimes[what][version] = performance.now(); }
  function load() { return api("GET", "/api/state?" + haveQuery("") + yearQuery("&")).then(apply).catch(function (err) { say(fill(W.error, {message: err.message}), "error"); }); }

  // ---- the map
  function nodeColour(n) {
    var border = n.articulation ? "#111111" : "#4a4a4a";
    return {background: n.colour, border: border, highlight: {background: n.colour, border: "#000000"},
            hover: {background: n.colour, border: "#000000"}};
  }
  // The highlight: lit[id] for the nodes kept bright (null: nothing highlighted), on[id] for the nodes whose ties
  // stay coloured. Every call into vis-network's data costs a pass over the whole map (about 70 ms at 2,000 actors
  // in a plain browser), so each new state and each click sends one update of nodes and one of ties, holding
  // only what looks different: a size that moved by less than SIZE_STEP pixels is left as drawn (the numbers
  // move a little everywhere when a tie is added; the drawn size never strays by SIZE_STEP or more), and a
  // tooltip is handed over when the pointer reaches its node or tie.
  var lit = null, on = {}, adj = {}, drawn = {}, drawnEdge = {}, edgeBright = {}, titled = {}, edgeTitled = {};
  var SIZE_STEP = 0.25;
  var DIM_NODE = {background: "#eeeeee", border: "#d0d0d0"};
  function bright(n) { return !lit || !!lit[n.id]; }
  function edgeLit(e) { return !lit || !!on[e.from] || !!on[e.to]; }
  function nodeLook(n) { return [n.label, n.shape, n.colour, !!n.articulation, !!n.tonight, !!n.attended, n.x, n.y].join("\u0001"); }
  function edgeLook(e) { return [e.from, e.to, e.width, e.colour, !!e.inferred, String(e.dashes || ""), e.arrows || ""].join("\u0001"); }
  function stale(n) { var d = drawn[n.id]; return !d || d.look !== nodeLook(n) || Math.abs(d.size - n.size) >= SIZE_STEP; }
  function visNode(n) {
    var b = bright(n);
    drawn[n.id] = {look: nodeLook(n), size: n.size, bright: b}; delete titled[n.id];
    return {id: n.id, label: n.label, title: undefined, x: n.x * SCALE, y: n.y * SCALE, shape: n.shape,
            size: n.shape === "square" ? n.size * 0.8 : n.size, color: b ? nodeColour(n) : DIM_NODE,
            borderWidth: n.articulation ? 5 : (n.tonight ? 2.5 : 1.2), borderWidthSelected: n.articulation ? 6 : 3,
            shapeProperties: {borderDashes: n.tonight ? [5, 3] : false},
            shadow: n.attended ? {enabled: true, color: "rgba(44,160,44,0.95)", size: 16, x: 0, y: 0} : {enabled: false},
            font: {color: b ? "#222222" : "#c8c8c8"}, hidden: !!(n.sector && hidden[n.sector])};
  }
  function edgeColour(e) { return {color: e.colour, highlight: e.colour, hover: e.colour, opacity: e.inferred ? 0.55 : 1, inherit: false}; }
  var DIM_EDGE = {color: "#eeeeee", highlight: "#eeeeee", hover: "#eeeeee", opacity: 1, inherit: false};
  // Dashes and arrowheads are drawn from DETAIL_SCALE up: below it a dash of the map's patterns is under a pixel
  // and an arrowhead a dot, and drawing them is most of a drawing's cost in a browser without graphics
  // acceleration (measured at 2,000 actors and 8,000 ties: 290 ms a drawing with them, 60 ms without).
  // The legend, the printouts and the offline map always show them.
  var DETAIL_SCALE = 0.3, detail = false;
  function edgeDetail(e) { return {dashes: detail ? (e.dashes || false) : false, arrows: detail ? (e.arrows || "") : ""}; }
  function visEdge(e) {
    drawnEdge[e.id] = edgeLook(e); edgeBright[e.id] = edgeLit(e); delete edgeTitled[e.id];
    var d = edgeDetail(e);
    return {id: e.id, from: e.from, to: e.to, title: undefined, width: e.width, dashes: d.dashes,
            color: edgeLit(e) ? edgeColour(e) : DIM_EDGE, arrows: d.arrows};
  }
  var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  var container = document.getElementById("map");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    physics: false, layout: {improvedLayout: false, randomSeed: 1},
    interaction: {hover: true, tooltipDelay: 150, multiselect: true},
    nodes: {font: {face: FONT, size: 14, strokeWidth: 4, strokeColor: "#ffffff", multi: false}},
    edges: {smooth: false, selectionWidth: 1.5, hoverWidth: 1, arrowStrikethrough: false,
            arrows: {to: {scaleFactor: 0.7}, from: {scaleFactor: 0.7}}}
  });
  window.network = network; window.nodes = nodes; window.edges = edges;
  network.on("zoom", checkDetail);
  network.on("hoverNode", function (p) {
    var n = byId[p.node];
    if (n && titled[n.id] !== n.title) { titled[n.id] = n.title; nodes.update({id: n.id, title: n.title}); }
  });
  network.on("hoverEdge", function (p) {
    var e = edgeById[p.edge];
    if (e && edgeTitled[e.id] !== e.title) { edgeTitled[e.id] = e.title; edges.update({id: e.id, title: e.title}); }
  });
  function fitAll() { network.fit({animation: false}); checkDetail(); }
  function checkDetail() {  // dashes and arrowheads once the map is near enough to show them (see DETAIL_SCALE)
    var want = network.getScale() >= DETAIL_SCALE;
    if (want === detail || !model) { return; }
    detail = want;
    edges.update(model.edges.map(function (e) { var d = edgeDetail(e); return {id: e.id, dashes: d.dashes, arrows: d.arrows}; }));
    window.kyodoDetail = detail;
  }
  function reveal(id) {  // bring a node into view without changing the zoom
    var p = network.getPositions([id])[id];
    if (!p) { return; }
    var d = network.canvasToDOM(p), W0 = container.clientWidth, H0 = container.clientHeight;
    if (d.x < 40 || d.y < 40 || d.x > W0 - 40 || d.y > H0 - 40) { fitAll(); }
  }
  document.getElementById("show-all").addEventListener("click", fitAll);

  function sync(list, data, make) {
    var keep = {};
    list.forEach(function (x) { keep[x.id] = true; });
    data.remove(data.getIds().filter(function (id) { return !keep[id]; }));
    data.update(list.map(make));
  }

  // ---- legend with sector filters (as the offline map)
  function legend() {
    var side = document.getElementById("legend");
    side.textContent = "";
    function row(pic, label) { var r = el("div", null, "legend-row"); r.appendChild(pic); r.appendChild(el("span", label)); side.appendChild(r); }
    if (model.legend.sectors.length) {
      side.appendChild(el("h2", ui.sectors));
      model.legend.sectors.forEach(function (s) {
        var r = el("div", null, "legend-row"), lab = el("label"), box = el("input"), sw = el("span", null, "swatch");
        box.type = "checkbox"; box.checked = !hidden[s.id]; box.setAttribute("data-sector", s.id);
        box.addEventListener("change", function () { hidden[s.id] = !box.checked; applyFilter(); });
        sw.style.background = s.colour;
        lab.appendChild(box); lab.appendChild(sw); lab.appendChild(el("span", s.label));
        r.appendChild(lab); side.appendChild(r);
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
        row(pic, e.label);
      });
    }
    if (model.legend.marks.length) {
      side.appendChild(el("h2", ui.marks));
      model.legend.marks.forEach(function (m) {
        var pic = svg("svg", {width: 18, height: 18});
        if (m.mark === "inferred") { pic.appendChild(svg("line", {x1: 1, y1: 9, x2: 17, y2: 9, stroke: "#878787", "stroke-width": 3, opacity: 0.55})); }
        else if (m.mark === "coordinator") { pic.appendChild(svg("polygon", {points: "9,1 11.3,6.6 17,6.9 12.6,10.6 14,16.5 9,13.3 4,16.5 5.4,10.6 1,6.9 6.7,6.6", fill: "#e7298a", stroke: "#555"})); }
        else { pic.appendChild(svg("circle", {cx: 9, cy: 9, r: 6.5, fill: "#ddd", stroke: "#111", "stroke-width": 3})); }
        row(pic, m.label);
      });
    }
  }
  function applyFilter() {
    nodes.update(model.nodes.map(function (n) { return {id: n.id, hidden: !!(n.sector && hidden[n.sector])}; }));
  }

  // ---- highlight and search
  function setLight(ids) {  // the highlight of ``ids`` and their partners (none: nothing highlighted)
    var keep = null, sel = {};
    if (ids.length) {
      keep = {};
      ids.forEach(function (id) { sel[id] = true; keep[id] = true; (adj[id] || []).forEach(function (m) { keep[m] = true; }); });
    }
    lit = keep; on = sel;
  }
  function draw(delta, ids, quick) {
    // Bring vis-network to the model held and the highlight of ``ids`` in one update of nodes and one of ties
    // (each update draws the map again: about 180 ms with the browser's own work at 2,000 actors). ``delta``:
    // the nodes and ties the server says changed (model_delta), else none. ``quick`` (an edit drawn before its
    // count): only the kind of data the edit changed is updated; the rest of the highlight follows with the
    // count, a moment later, so the edit costs one drawing, not two.
    setLight(ids);
    var nodeUp = {}, edgeUp = {};
    if (delta) {
      delta.nodes.forEach(function (n) { if (stale(n)) { nodeUp[n.id] = visNode(n); } });
      delta.edges.forEach(function (e) { if (drawnEdge[e.id] !== edgeLook(e)) { edgeUp[e.id] = visEdge(e); } });
    }
    var doNodes = !quick || Object.keys(nodeUp).length > 0 || (delta && delta.removed_nodes.length > 0);
    var doEdges = !quick || Object.keys(edgeUp).length > 0 || (delta && delta.removed_edges.length > 0);
    if (doNodes) {
      model.nodes.forEach(function (n) {
        var b = bright(n);
        if (!nodeUp[n.id] && b !== drawn[n.id].bright) {
          nodeUp[n.id] = {id: n.id, color: b ? nodeColour(n) : DIM_NODE, font: {color: b ? "#222222" : "#c8c8c8"}};
          drawn[n.id].bright = b;
        }
      });
    }
    if (doEdges) {
      model.edges.forEach(function (e) {
        var b = edgeLit(e);
        if (!edgeUp[e.id] && b !== edgeBright[e.id]) { edgeUp[e.id] = {id: e.id, color: b ? edgeColour(e) : DIM_EDGE}; edgeBright[e.id] = b; }
      });
    }
    if (delta && delta.removed_edges.length) { edges.remove(delta.removed_edges); }
    if (delta && delta.removed_nodes.length) { nodes.remove(delta.removed_nodes); }
    var nu = Object.keys(nodeUp).map(function (k) { return nodeUp[k]; });
    var eu = Object.keys(edgeUp).map(function (k) { return edgeUp[k]; });
    if (nu.length) { nodes.update(nu); }
    if (eu.length) { edges.update(eu); }
  }
  function highlight(ids) { draw(null, ids); }
  function clearHighlight() { if (lit) { draw(null, []); } }
  var search = document.getElementById("search"), found = document.getElementById("search-status");
  search.addEventListener("input", function () {
    var q = norm(search.value.trim());
    if (!q) { found.textContent = ""; clearHighlight(); return; }
    var ids = model.nodes.filter(function (n) { return norm(n.search).indexOf(q) >= 0 && !(n.sector && hidden[n.sector]); })
                         .map(function (n) { return n.id; });
    found.textContent = ids.length ? ui.matches.replace("{n}", String(ids.length)) : ui.no_match;
    if (!ids.length) { return; }
    network.selectNodes(ids); highlight(ids);
    if (ids.length === 1) { select(ids[0]); }
    network.fit({nodes: ids, animation: false, maxZoomLevel: 1.2});
  });

  // ---- the details panel: what the analyses say, and the edits of this actor
  var panel = document.getElementById("details");
  function hint() {
    panel.textContent = "";
    if (!ui) { return; }
    panel.appendChild(el("h2", ui.details));
    panel.appendChild(el("p", ui.hint, "note hint"));
  }
  function clearSelection() { selected = null; network.unselectAll(); clearHighlight(); hint(); window.kyodoActor = null; }
  document.getElementById("reset").addEventListener("click", clearSelection);
  function select(id) {
    selected = id;
    if (!byId[id]) { clearSelection(); return; }
    network.selectNodes([id]); highlight([id]);
    return ask(id);
  }
  function ask(id) {  // the findings of the actor shown, for this version
    var asked = state.version;
    return api("GET", "/api/actor?id=" + encodeURIComponent(id) + yearQuery("&")).then(function (a) {
      if (selected === id && state.version === asked) { showActor(a); mark("panel", asked); }
    }).catch(function (err) { say(fill(W.error, {message: err.message}), "error"); });
  }
  window.kyodoSelect = select;
  network.on("click", function (p) { if (p.nodes.length) { select(p.nodes[0]); } else { clearSelection(); } });

  function field(form, label, input) {
    var lab = el("label", label, "field");
    form.appendChild(lab); form.appendChild(input);
    return input;
  }
  function textInput(value, list, name) {
    var i = el("input"); i.type = "text"; i.value = value || ""; i.autocomplete = "off"; i.maxLength = 200;
    if (list) { i.setAttribute("list", list); }
    if (name) { i.name = name; }
    return i;
  }
  function button(label, cls) { var b = el("button", label, cls); b.type = "submit"; return b; }
  var choices = {list: null, all: null, persons: null};  // the options of the actor lists, built once per list
  function actorOptions(personsOnly) {
    if (choices.list !== state.actors) {
      choices = {list: state.actors, all: document.createDocumentFragment(), persons: document.createDocumentFragment()};
      state.actors.forEach(function (a) {
        var o = el("option", a.name); o.value = a.id; choices.all.appendChild(o);
        if (a.person) { choices.persons.appendChild(o.cloneNode(true)); }
      });
    }
    return (personsOnly ? choices.persons : choices.all).cloneNode(true);
  }
  function actorSelect(except, personsOnly, withNone) {
    var s = el("select");
    if (withNone) { var o = el("option", W.nobody); o.value = ""; s.appendChild(o); }
    else { var c = el("option", W.choose); c.value = ""; s.appendChild(c); }
    s.appendChild(actorOptions(personsOnly));
    if (except !== null) {
      for (var i = 0; i < s.options.length; i++) { if (s.options[i].value === except) { s.remove(i); break; } }
    }
    return s;
  }
  function showActor(a) {
    var same = window.kyodoActor && window.kyodoActor.id === a.id, top = panel.scrollTop;
    window.kyodoActor = a;
    panel.textContent = "";
    var h = el("h3", a.name);
    if (a.tonight) { h.appendChild(el("span", W.tonight_mark, "badge")); }
    panel.appendChild(h);
    panel.appendChild(el("p", [a.category, a.sector_label].filter(function (x, i, all) { return x && all.indexOf(x) === i; }).join(" / "), "note"));
    var att = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = !!a.attended; box.id = "attended";
    box.addEventListener("change", function () { edit({op: "attended", id: a.id, value: box.checked}); });
    att.appendChild(box); att.appendChild(el("span", " " + W.attended));
    panel.appendChild(att);
    a.sections.forEach(function (s) {
      var sec = el("section"); sec.setAttribute("data-finding", s.id);
      sec.appendChild(el("h4", s.heading));
      var ul = el("ul");
      s.lines.forEach(function (line) { ul.appendChild(el("li", line)); });
      sec.appendChild(ul); panel.appendChild(sec);
    });
    // draw a tie
    panel.appendChild(el("h4", W.tie_heading));
    var tf = el("form"); tf.id = "tie-form";
    var partner = field(tf, W.partner, actorSelect(a.id, false, false)); partner.name = "partner";
    var kind = field(tf, W.tie_type, textInput((state.types.filter(function (t) { return t.id === "cooperation"; })[0] || {label: ""}).label, "tie-types", "type"));
    var held = field(tf, W.held_by, actorSelect(null, true, true)); held.name = "held_by";
    tf.appendChild(button(W.connect));
    tf.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (!partner.value) { partner.focus(); return; }
      edit({op: "add-tie", from: a.id, to: partner.value, type: kind.value, held_by: held.value ? [held.value] : []});
    });
    panel.appendChild(tf);
    // relations, each removable
    if (a.relations.length) {
      panel.appendChild(el("h4", W.relations));
      a.relations.forEach(function (r) {
        var row = el("div", null, "rel"), b = el("button", "×");
        b.type = "button"; b.title = W.remove_tie; b.setAttribute("aria-label", W.remove_tie + ": " + r.text);
        b.addEventListener("click", function () { edit({op: "remove-tie", from: r.from, to: r.to, type: r.type}); });
        row.appendChild(el("span", r.text)); row.appendChild(b); panel.appendChild(row);
      });
    }
    // rename, category, remove
    panel.appendChild(el("h4", W.edit_heading));
    var rf = el("form"); rf.id = "rename-form";
    var nm = field(rf, W.name, textInput(a.name, null, "name"));
    rf.appendChild(button(W.rename));
    rf.addEventListener("submit", function (ev) { ev.preventDefault(); edit({op: "rename", id: a.id, name: nm.value}); });
    panel.appendChild(rf);
    var cf = el("form"); cf.id = "category-form";
    var cat = field(cf, W.category, textInput(a.category || a.sector_label, "categories", "category"));
    cf.appendChild(button(W.set_category));
    cf.addEventListener("submit", function (ev) { ev.preventDefault(); edit({op: "set-category", id: a.id, category: cat.value}); });
    panel.appendChild(cf);
    var del = el("button", W.remove, "danger"); del.type = "button"; del.id = "remove-actor";
    del.addEventListener("click", function () {
      if (window.confirm(fill(W.confirm_remove, {name: a.name}))) { edit({op: "remove-actor", id: a.id}); }
    });
    panel.appendChild(del);
    var more = el("details"), sum = el("summary", W.details), dl = el("dl");
    a.details.forEach(function (pair) { dl.appendChild(el("dt", pair[0])); dl.appendChild(el("dd", pair[1])); });
    more.appendChild(sum); more.appendChild(dl); panel.appendChild(more);
    panel.scrollTop = same ? top : 0;
  }

  // ---- the add form, tonight's changes, attendance
  var addForm = document.getElementById("add-form");
  addForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var n = document.getElementById("add-name"), c = document.getElementById("add-category");
    added = true;
    edit({op: "add-actor", name: n.value, category: c.value}).then(function () {
      if (status.className !== "error") { n.value = ""; c.value = ""; }
    });
  });
  function datalist(id, values) {
    var d = document.getElementById(id);
    d.textContent = "";
    values.forEach(function (v) { var o = el("option"); o.value = v; d.appendChild(o); });
  }
  function changes() {
    var box = document.getElementById("changes");
    box.textContent = "";
    box.appendChild(el("h2", W.changes + " (" + state.edits.length + ")"));
    if (!state.edits.length && !state.redo.length) { box.appendChild(el("p", W.no_changes, "note")); }
    var ol = el("ol");
    state.edits.forEach(function (e) { var li = el("li", (e.at ? e.at + " " : "") + e.text); ol.appendChild(li); });
    state.redo.slice().reverse().forEach(function (t) { ol.appendChild(el("li", t, "undone")); });
    box.appendChild(ol);
    var att = document.getElementById("attended-list");
    att.textContent = "";
    att.appendChild(el("h2", fill(W.attended_list, {n: state.attended.length})));
    att.appendChild(el("p", state.attended.length ? state.attended.map(function (a) { return a.name; }).join(W.sep) : W.no_attended, "note"));
    document.getElementById("undo").disabled = !state.edits.length;
    document.getElementById("redo").disabled = !state.redo.length;
  }
  document.getElementById("undo").addEventListener("click", function () { send("/api/undo", {}); });
  document.getElementById("redo").addEventListener("click", function () { send("/api/redo", {}); });
  document.addEventListener("keydown", function (ev) {
    var t = ev.target && ev.target.tagName;
    if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA" || !(ev.ctrlKey || ev.metaKey)) { return; }
    var k = ev.key.toLowerCase();
    if (k === "z" && !ev.shiftKey && state && state.edits.length) { ev.preventDefault(); send("/api/undo", {}); }
    else if ((k === "y" || (k === "z" && ev.shiftKey)) && state && state.redo.length) { ev.preventDefault(); send("/api/redo", {}); }
  });

  // ---- the year and printing
  var yearBox = document.getElementById("year-box"), slider = document.getElementById("year"),
      allYears = document.getElementById("all-years"), yearValue = document.getElementById("year-value");
  function years() {
    if (!state.years) { yearBox.hidden = true; return; }
    yearBox.hidden = false;
    slider.min = state.years[0]; slider.max = state.years[1];
    if (year === null) { slider.value = state.years[1]; }
    slider.disabled = year === null; allYears.checked = year === null;
    yearValue.textContent = year === null ? "" : String(year);
  }
  slider.addEventListener("input", function () { yearValue.textContent = slider.value; });
  slider.addEventListener("change", function () { year = parseInt(slider.value, 10); load(); });
  allYears.addEventListener("change", function () { year = allYears.checked ? null : parseInt(slider.value, 10); load(); });
  function printLink(fmt) {
    var shown = model.legend.sectors.filter(function (s) { return !hidden[s.id]; }).map(function (s) { return s.id; });
    var some = shown.length < model.legend.sectors.length;
    return "/print." + fmt + "?k=" + encodeURIComponent(TOKEN) + yearQuery("&") + (some ? "&sectors=" + encodeURIComponent(shown.join(",")) : "");
  }
  ["pdf", "svg"].forEach(function (fmt) {
    document.getElementById("print-" + fmt).addEventListener("click", function () {
      var a = el("a"); a.href = printLink(fmt); a.download = ""; document.body.appendChild(a); a.click(); a.remove();
    });
  });
  window.kyodoPrintLink = printLink;

  // ---- a new state from the server
  function merged(held, now, delta) {  // the model held, changed as model_delta says, with now's other parts
    function join(list, changed, removed) {
      var gone = {}, fresh = {}, out = [];
      removed.forEach(function (id) { gone[id] = true; });
      changed.forEach(function (x) { fresh[x.id] = x; });
      list.forEach(function (x) { if (!gone[x.id]) { out.push(fresh[x.id] || x); delete fresh[x.id]; } });
      changed.forEach(function (x) { if (fresh[x.id]) { out.push(x); } });
      return out;
    }
    now.nodes = join(held.nodes, delta.nodes, delta.removed_nodes);
    now.edges = join(held.edges, delta.edges, delta.removed_edges);
    return now;
  }
  function apply(s) {
    // the same version again: the numbers counted after an edit. The panel already shows this version (its
    // findings wait for the count), so it is not drawn again: a form being filled in it stays as it is.
    var recount = state !== null && state !== undefined && state.version === s.version;
    var delta = s.model_delta && model ? s.model_delta : null;
    if (s.same_lists && state) {  // the lists of this version, as the page already holds them
      ["years", "actors", "types", "categories"].forEach(function (k) { s[k] = state[k]; });
    }
    if (delta) { s.model = merged(model, s.model, delta); }
    state = s; model = s.model; ui = model.ui; SCALE = model.meta.px_per_unit || 150;
    byId = {}; edgeById = {}; adj = {};
    model.nodes.forEach(function (n) { byId[n.id] = n; });
    model.edges.forEach(function (e) {
      edgeById[e.id] = e;
      (adj[e.from] = adj[e.from] || []).push(e.to);
      (adj[e.to] = adj[e.to] || []).push(e.from);
    });
    document.title = model.meta.title;
    document.getElementById("title").textContent = model.meta.title;
    document.getElementById("subtitle").textContent = model.meta.subtitle;
    document.getElementById("source").textContent = model.meta.source ? ui.source + ": " + model.meta.source : "";
    legend();
    if (added && s.last && s.last.op === "add-actor" && byId[s.last.id]) { selected = s.last.id; }
    if (selected && !byId[selected]) { selected = null; }
    var ids = selected ? [selected] : [];
    if (delta) {  // only what changed goes to vis-network, with the highlight, in one update
      draw(delta, ids, s.counting);
    } else {
      setLight(ids);  // the whole map is drawn with the highlight
      sync(model.nodes, nodes, visNode);
      sync(model.edges, edges, visEdge);
    }
    datalist("categories", s.categories);
    datalist("tie-types", s.types.map(function (t) { return t.label; }));
    changes(); years(); showSaved();
    if (first) {
      first = false; fitAll();
      network.once("afterDrawing", function () { window.kyodoReady = performance.now(); document.documentElement.setAttribute("data-kyodo-ready", "1"); });
      network.redraw();
    }
    if (added && s.last && s.last.op === "add-actor" && byId[s.last.id]) { reveal(s.last.id); }
    added = false;
    if (selected) {
      var now = network.getSelectedNodes();
      if (now.length !== 1 || now[0] !== selected) { network.selectNodes([selected]); }  // a selection draws the map
      if (!recount) { ask(selected); }
    } else {
      if (network.getSelectedNodes().length) { network.unselectAll(); }
      if (window.kyodoActor) { hint(); window.kyodoActor = null; }
    }
    window.kyodoVersion = s.version;
    window.kyodoState = s;
    window.kyodoCounted = !s.counting;
    mark(recount ? "counted" : "drawn", s.version);
    if (!recount && !s.counting) { mark("counted", s.version); }
    if (s.counting) {  // the edit is saved and drawn; the bridges of the new network follow
      var asked = s.version;
      api("GET", "/api/state?counted=1" + haveQuery("&") + yearQuery("&")).then(function (c) {
        if (state.version === asked && c.version === asked) { apply(c); }
      }).catch(function (err) { say(fill(W.error, {message: err.message}), "error"); });
    }
  }

  // static words of the page
  document.getElementById("add-heading").textContent = W.add_heading;
  document.getElementById("add-name-label").textContent = W.name;
  document.getElementById("add-category-label").textContent = W.category;
  document.getElementById("add-submit").textContent = W.add;
  document.getElementById("undo").textContent = W.undo;
  document.getElementById("redo").textContent = W.redo;
  document.getElementById("undo").title = W.shortcut;
  document.getElementById("year-label").textContent = W.year;
  document.getElementById("all-years-label").textContent = W.all_years;
  document.getElementById("print-label").textContent = W.print;
  api("GET", "/api/state").then(function (s) {
    ui = s.model.ui;
    search.setAttribute("placeholder", ui.search);
    document.getElementById("search-label").textContent = ui.search;
    document.getElementById("reset").textContent = ui.reset;
    document.getElementById("show-all").textContent = ui.show_all;
    apply(s);
    hint();
  }).catch(function (err) { say(fill(W.error, {message: err.message}), "error"); });
})();
"""
)

BODY = """<header><h1 id="title"></h1><p id="subtitle"></p><p id="source"></p></header>
<aside id="side">
<section id="add"><h2 id="add-heading"></h2>
<form id="add-form" autocomplete="off">
<label class="field" id="add-name-label" for="add-name"></label><input type="text" id="add-name" maxlength="200">
<label class="field" id="add-category-label" for="add-category"></label><input type="text" id="add-category" list="categories" maxlength="200">
<button type="submit" id="add-submit"></button>
</form></section>
<section id="changes"></section>
<section id="attended-list"></section>
<div id="legend"></div>
</aside>
<main id="stage"><div id="toolbar">
<button id="undo" type="button"></button><button id="redo" type="button"></button>
<label id="search-label" for="search" hidden></label><input id="search" type="search" autocomplete="off">
<span id="search-status" aria-live="polite"></span><button id="reset" type="button"></button>
<button id="show-all" type="button"></button>
<span id="year-box" hidden><span id="year-label"></span><input type="range" id="year" step="1"><span id="year-value"></span>
<label><input type="checkbox" id="all-years" checked><span id="all-years-label"></span></label></span>
<span class="grow"></span>
<span id="print-label"></span><button id="print-pdf" type="button">PDF</button><button id="print-svg" type="button">SVG</button>
</div><div id="status" role="status" aria-live="polite"></div><div id="map"></div></main>
<aside id="details"></aside>
<datalist id="categories"></datalist><datalist id="tie-types"></datalist>
"""


def words(lang: str) -> dict[str, str]:
    out = {k: text(f"serve.ui.{k}", lang) for k in WORDS}
    out["sep"] = text("cli.list_sep", lang)
    return out


def page_html(token: str, *, lang: str = "ja", title: str = "", readonly: bool = False) -> str:
    """The page's HTML: the shell, the session key in a ``<meta>``, the words; scripts and styles by address.
    ``readonly``: a follower's page (``--share``): every control that changes the room is hidden (and the server
    refuses a change made with the view key anyway)."""
    from ..render.html import json_for_script

    return "".join(
        [
            "<!DOCTYPE html>\n",
            f'<html lang="{"en" if lang == "en" else "ja"}">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{html.escape(META_CSP)}">\n',
            '<link rel="icon" href="data:,">\n',
            f'<meta name="kyodo-token" content="{html.escape(token)}">\n',
            '<meta name="referrer" content="no-referrer">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{html.escape(title or 'kyodo serve')}</title>\n",
            '<link rel="stylesheet" href="/vis-network.css">\n<link rel="stylesheet" href="/app.css">\n',
            "</head>\n" + ('<body class="readonly">\n' if readonly else "<body>\n"),
            BODY,
            '<script type="application/json" id="kyodo-words">',
            json_for_script(words(lang)),
            "</script>\n",
            '<script src="/vis-network.min.js"></script>\n<script src="/app.js"></script>\n',
            "</body>\n</html>\n",
        ]
    )


def asset(path: str) -> tuple[str, str]:
    """The text and media type of one of the page's own files."""
    from ..render._page import CSS as MAP_CSS
    from ..render.html import _vis_assets

    vis_js, vis_css = _vis_assets()
    return {
        "/app.js": (JS, "text/javascript; charset=utf-8"),
        "/app.css": (MAP_CSS + CSS, "text/css; charset=utf-8"),
        "/vis-network.min.js": (vis_js, "text/javascript; charset=utf-8"),
        "/vis-network.css": (vis_css, "text/css; charset=utf-8"),
    }[path]
