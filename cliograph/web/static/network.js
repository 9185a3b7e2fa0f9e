/* The network page: draws /network.json (the whole network, or one entity's neighbourhood)
   with cytoscape, lays it out once, then shows the nodes and edges of the chosen time window
   (asking /network.json?from=&to= each time). The layout is the same on every reload: a
   neighbourhood is drawn in rings around its entity, the whole network by a force layout
   whose random start comes from a fixed seed. */
"use strict";
(function () {
  const box = document.getElementById("cy");
  if (!box || typeof cytoscape === "undefined") return;
  const {el, kindColour, yearLabel, edtfYear, entityLink, evidenceBlock, getJSON} = window.clio;
  const width = document.getElementById("net-width");
  const slider = document.getElementById("net-year");
  const output = document.getElementById("net-window");
  const isolated = document.getElementById("net-isolated");
  const count = document.getElementById("net-count");
  const detail = document.getElementById("net-detail");
  const EDGE_COLOURS = {ALLY: "#2e7d32", OPPOSES: "#c62828", MEMBER_OF: "#6b6b6b", KIN: "#7b3fa0"};
  // the years where dated relations are: the slider steps over these, not evenly
  const controls = document.getElementById("net-controls");
  const dataYears = ((controls && controls.dataset.years) || "").split(",").filter(Boolean).map(Number);
  if (dataYears.length) {
    slider.min = "0";
    slider.max = String(dataYears.length - 1);
    slider.value = "0";
  }
  const yearAt = (v) => (dataYears.length ? dataYears[Math.min(Number(v), dataYears.length - 1)] : Number(v));
  let full = null;
  let cy = null;
  let request = 0;

  function elements(data) {
    const nodes = data.nodes.map((n) => ({group: "nodes", data: {
      id: "n:" + n.id, ref: n.id, label: n.name, kind: n.kind, mentions: n.mentions,
      steps: n.steps === undefined ? -1 : n.steps,
      colour: kindColour(n.kind), size: 14 + 7 * Math.log1p(n.mentions || 0)}}));
    const edges = data.edges.map((e) => ({group: "edges", data: {
      id: "e:" + e.id, fact: e.id, source: "n:" + e.source, target: "n:" + e.target, type: e.type,
      label: e.role || e.topic || "", colour: EDGE_COLOURS[e.type] || "#888"}}));
    return nodes.concat(edges);
  }

  function showNode(node) {
    const n = full.nodes.find((x) => x.id === node.data("ref"));
    const edges = full.edges.filter((e) => e.source === n.id || e.target === n.id);
    detail.replaceChildren(
      el("h2", {}, entityLink(n)),
      el("p", {class: "muted", text: n.kind.toLowerCase() + " · " + n.mentions + " mentions · " + edges.length + " relations"}),
      el("p", {}, el("a", {href: "/entity/" + encodeURIComponent(n.id), text: "open the dossier →"})),
      el("ul", {class: "plain"}, ...edges.slice(0, 12).map((e) => el("li", {text: e.label + (e.when ? " (" + e.when + ")" : "")}))));
  }

  function showEdge(edge) {
    const e = full.edges.find((x) => x.id === edge.data("fact"));
    detail.replaceChildren(
      el("h2", {text: e.label}),
      el("p", {class: "muted", text: e.type + (e.when ? " · " + e.when : " · undated")}),
      evidenceBlock(e.evidence));
  }

  function applyVisible(data, label) {
    const nodes = new Set(data.nodes.map((n) => "n:" + n.id));
    const edges = new Set(data.edges.map((e) => "e:" + e.id));
    cy.batch(() => {
      cy.edges().forEach((e) => { e.toggleClass("hidden", !edges.has(e.id())); });
      cy.nodes().forEach((n) => {
        let show = nodes.has(n.id());
        if (show && isolated.checked) show = n.connectedEdges().some((e) => edges.has(e.id()));
        n.toggleClass("hidden", !show);
      });
    });
    const visible = cy.elements().not(".hidden");
    if (visible.length) cy.fit(visible, 40);
    const shown = cy.nodes().filter((n) => !n.hasClass("hidden")).length;
    count.textContent = shown + " nodes, " + edges.size + " edges";
    box.dataset.visibleNodes = String(shown);
    box.dataset.visibleEdges = String(edges.size);
    box.dataset.window = label;  // which window is on screen (the browser tests wait for it)
  }

  function update() {
    if (!cy) return;
    const mine = ++request;
    if (width.value === "all") {
      slider.disabled = true;
      output.textContent = "all time";
      applyVisible(full, "all");
      return;
    }
    slider.disabled = false;
    const from = yearAt(slider.value);
    const last = yearAt(slider.max);
    const to = Math.min(from + Number(width.value) - 1, Number.isFinite(last) ? last : from);
    output.textContent = from === to ? yearLabel(from) : yearLabel(from) + " – " + yearLabel(to);
    const url = new URL(box.dataset.src, location.href);
    url.searchParams.set("from", edtfYear(from));
    url.searchParams.set("to", edtfYear(Math.max(to, from)));
    getJSON(url.pathname + url.search)
      .then((data) => { if (mine === request) applyVisible(data, output.textContent); })
      .catch((err) => { count.textContent = err.message; });
  }

  getJSON(box.dataset.src).then((data) => {
    full = data;
    cy = cytoscape({
      container: box,
      elements: elements(data),
      minZoom: 0.15,
      maxZoom: 2,
      style: [
        {selector: "node", style: {
          "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
          "label": "data(label)", "font-size": 12, "font-family": "system-ui, sans-serif",
          "text-wrap": "wrap", "text-max-width": "130px", "min-zoomed-font-size": 7,
          "color": "#1f2328", "text-valign": "bottom", "text-margin-y": 3,
          "text-outline-color": "#ffffff", "text-outline-width": 2, "border-width": 1,
          "border-color": "#ffffff"}},
        {selector: "edge", style: {
          "width": 2, "line-color": "data(colour)", "curve-style": "bezier",
          "target-arrow-color": "data(colour)", "label": "data(label)", "font-size": 8,
          "color": "#555", "text-rotation": "autorotate", "text-outline-color": "#ffffff",
          "text-outline-width": 2}},
        {selector: "edge[type = 'MEMBER_OF']", style: {"target-arrow-shape": "triangle"}},
        {selector: "edge[type = 'OPPOSES']", style: {"line-style": "dashed", "target-arrow-shape": "tee"}},
        {selector: "edge[type = 'KIN']", style: {"line-style": "dotted", "width": 2.5}},
        {selector: "node[steps = 0]", style: {"border-width": 3, "border-color": "#22272e", "font-weight": "bold", "font-size": 14}},
        {selector: ":selected", style: {"border-width": 3, "border-color": "#111", "line-color": "#111"}},
        {selector: ".hidden", style: {"display": "none"}},
      ],
      layout: {name: "preset"},
    });
    layout(data);
    cy.on("tap", "node", (evt) => showNode(evt.target));
    cy.on("dbltap", "node", (evt) => { location.href = "/entity/" + encodeURIComponent(evt.target.data("ref")); });
    cy.on("tap", "edge", (evt) => showEdge(evt.target));
    box.dataset.drawn = String(data.nodes.length);
    update();
  }).catch((err) => {
    box.replaceChildren(el("p", {class: "error", text: "The network could not be drawn: " + err.message}));
  });

  /** A small seeded generator (mulberry32): the force layout's random start, the same each time. */
  function seeded(seed) {
    return function () {
      seed = (seed + 0x6D2B79F5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function layout(data) {
    const options = data.focus
      ? {name: "concentric", animate: false, avoidOverlap: true, minNodeSpacing: 28,
         nodeDimensionsIncludeLabels: true, padding: 20, startAngle: Math.PI / 2,
         concentric: (n) => 10 - n.data("steps"), levelWidth: () => 1}
      : {name: "cose", animate: false, randomize: true, nodeRepulsion: () => 9000,
         idealEdgeLength: () => 80, componentSpacing: 60, padding: 20, nodeOverlap: 24,
         nodeDimensionsIncludeLabels: true};
    const random = Math.random;
    Math.random = seeded(1921);  // the same start, so the same picture, on every reload
    try { cy.layout(options).run(); } finally { Math.random = random; }
    // what the browser tests compare between reloads, and check for overlaps
    const boxes = cy.nodes().map((n) => n.boundingBox({includeLabels: false}));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
      }
    }
    box.dataset.overlaps = String(overlaps);
    box.dataset.layout = cy.nodes().map((n) => n.id() + "@" + Math.round(n.position("x")) + "," + Math.round(n.position("y"))).sort().join(";");
  }

  const depth = document.getElementById("net-depth");
  if (depth) depth.addEventListener("change", () => depth.form.submit());

  let timer = null;
  slider.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 120); });
  width.addEventListener("change", update);
  isolated.addEventListener("change", update);
})();
