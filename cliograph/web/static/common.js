/* Helpers shared by the timeline and the network pages. Data from the JSON twins is only
   ever put into the page as text (textContent, attributes), never as HTML. */
"use strict";
window.clio = (function () {
  /** An element with attributes ({class, text, href, ...}) and child nodes or strings. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== "") node.append(child);
    }
    return node;
  }

  /** The colour of an entity kind, from the stylesheet's --k-KIND variables. */
  function kindColour(kind) {
    const value = getComputedStyle(document.documentElement).getPropertyValue("--k-" + kind);
    return (value || "").trim() || "#777777";
  }

  /** An astronomical year (1 BC is 0) as historians write it. */
  function yearLabel(year) {
    return year <= 0 ? (1 - year) + " BC" : String(year);
  }

  /** An astronomical year as an EDTF year for the JSON endpoints ('-0082' is 82 BC). */
  function edtfYear(year) {
    const h = year <= 0 ? year - 1 : year;
    return (h < 0 ? "-" : "") + String(Math.abs(h)).padStart(4, "0");
  }

  /** '1922-04-01', '-000081-01-01' or '+012000-01-01' -> a UTC Date (BC works). */
  function parseDay(text) {
    const m = /^([+-]?\d{4,6})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    const d = new Date(Date.UTC(2000, 0, 1));
    d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return d;
  }

  /** A fractional astronomical year (1922.25) -> a UTC Date. */
  function dateOfYear(f) {
    const year = Math.floor(f);
    const d = new Date(Date.UTC(2000, 0, 1));
    d.setUTCFullYear(year, 0, 1 + Math.round((f - year) * 365));
    return d;
  }

  function readerHref(ev) {
    return "/document/" + encodeURIComponent(ev.doc_id) + "?at=" + ev.start + "-" + ev.end + "#c" + ev.start;
  }

  function entityLink(ref) {
    if (!ref) return "";
    return el("a", {class: "ent k-" + ref.kind, href: "/entity/" + encodeURIComponent(ref.id), text: ref.name || ref.id});
  }

  /** An evidence quote with its source link. */
  function evidenceBlock(ev, when) {
    return el("div", {class: "ev-block"},
      el("blockquote", {class: "evidence", text: ev.text}),
      el("div", {class: "source-line"},
        when ? el("span", {class: "when", text: when}) : "",
        el("a", {class: "read", href: readerHref(ev), text: "read in " + (ev.doc_title || "source") + " →"}),
        el("span", {class: "rule", text: ev.extractor})));
  }

  async function getJSON(url) {
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    const data = await response.json();
    if (!response.ok || data.ok === false) throw new Error(data.error || ("HTTP " + response.status));
    return data;
  }

  return {el, kindColour, yearLabel, edtfYear, parseDay, dateOfYear, readerHref, entityLink, evidenceBlock, getJSON};
})();
