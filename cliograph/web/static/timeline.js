/* The timeline page: draws /timeline.json with vis-timeline. Dates arrive as ISO days with
   astronomical years, so BC dates work; axis labels are written as historians write them. */
"use strict";
(function () {
  const box = document.getElementById("timeline");
  if (!box || typeof vis === "undefined") return;
  const detail = document.getElementById("detail");
  const {el, yearLabel, parseDay, dateOfYear, evidenceBlock, entityLink, getJSON} = window.clio;

  function minorLabel(date, scale) {
    const year = date.year();
    switch (scale) {
      case "year": return yearLabel(year);
      case "month": return date.format("MMM");
      case "week": return date.format("w");
      case "day": case "weekday": return date.format("D");
      default: return date.format("HH:mm");
    }
  }

  function majorLabel(date, scale) {
    const year = date.year();
    switch (scale) {
      case "year": return "";
      case "month": return yearLabel(year);
      case "day": case "weekday": case "week": return date.format("MMMM") + " " + yearLabel(year);
      default: return date.format("D MMMM") + " " + yearLabel(year);
    }
  }

  function classes(item) {
    const out = ["tl-" + item.group, "tl-" + item.kind];
    if (item.kind === "event" && item.type === "range") out.push("imprecise");
    if (item.inferred) out.push("inferred");
    if (item.open_end) out.push("open-end");
    if (item.open_start) out.push("open-start");
    return out.join(" ");
  }

  function tooltip(item) {
    return el("div", {class: "tl-tip"},
      el("strong", {text: item.label}), el("br"),
      el("span", {text: item.when + (item.precision ? " · " + item.precision : "")}));
  }

  function showDetail(item) {
    if (!detail) return;
    detail.replaceChildren(
      el("h2", {text: item.label}),
      el("p", {class: "detail-meta"},
        entityLink(item.subject), item.object ? " · " : "", entityLink(item.object),
        el("span", {class: "when", text: " " + item.when}),
        item.inferred ? el("span", {class: "badge inferred", text: "date inferred"}) : ""),
      evidenceBlock(item.evidence));
    detail.hidden = false;
  }

  /* A corpus whose facts fall into clusters far apart (a BC coda to a modern story) opens
     on its largest cluster; zooming out shows everything. */
  function denseWindow(items) {
    if (items.length < 4) return null;
    const sorted = items.slice().sort((a, b) => a.lo - b.lo);
    let reach = sorted[0].hi;
    let cut = -1;
    let widest = 0;
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i].lo - reach;
      if (gap > widest) { widest = gap; cut = i; }
      reach = Math.max(reach, sorted[i].hi);
    }
    if (cut < 0) return null;
    const part = cut >= sorted.length - cut ? sorted.slice(0, cut) : sorted.slice(cut);
    const lo = Math.min(...part.map((i) => i.lo));
    const hi = Math.max(...part.map((i) => i.hi));
    const full = Math.max(...sorted.map((i) => i.hi)) - sorted[0].lo;
    if (!(hi > lo) || full <= 5 * (hi - lo)) return null;
    const pad = (hi - lo) * 0.08;
    return {start: dateOfYear(lo - pad), end: dateOfYear(hi + pad)};
  }

  getJSON(box.dataset.src).then((data) => {
    if (!data.items.length) return;
    box.replaceChildren();
    const byId = new Map(data.items.map((i) => [i.id, i]));
    const groups = new vis.DataSet(data.groups.map((g, n) => ({
      id: g.id, order: n, content: el("span", {class: "tl-group", text: g.label + " (" + g.count + ")"})})));
    const items = new vis.DataSet(data.items.map((i) => {
      const out = {id: i.id, group: i.group, type: i.type, start: parseDay(i.start),
                   content: el("span", {text: i.label}), className: classes(i), title: tooltip(i)};
      if (i.type === "range") out.end = parseDay(i.end);
      return out;
    }));
    const timeline = new vis.Timeline(box, items, groups, {
      orientation: "top",
      stack: true,
      groupOrder: "order",
      showCurrentTime: false,
      zoomMin: 1000 * 60 * 60 * 24 * 14,
      margin: {item: {horizontal: 4, vertical: 6}},
      maxHeight: "640px",
      tooltip: {followMouse: true, overflowMethod: "cap"},
      format: {minorLabels: minorLabel, majorLabels: majorLabel},
      ...(denseWindow(data.items) || {}),
    });
    timeline.on("select", (props) => {
      const item = byId.get(props.items[0]);
      if (item) showDetail(item);
    });
    box.dataset.drawn = String(data.items.length);
  }).catch((err) => {
    box.replaceChildren(el("p", {class: "error", text: "The timeline could not be drawn: " + err.message}));
  });
})();
