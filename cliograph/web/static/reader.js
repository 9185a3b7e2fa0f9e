/* The source reader: open at the evidence (?at=START-END or #cSTART), and tie the
   underlined evidence in the text to the list of facts beside it. */
"use strict";
(function () {
  const text = document.getElementById("text");
  if (!text) return;
  const side = document.getElementById("side-facts");

  function clearTargets() {
    text.querySelectorAll(".tgt").forEach((n) => n.classList.remove("tgt"));
  }

  function spansOf(factId) {
    return Array.from(text.querySelectorAll(".ev")).filter(
      (n) => (n.dataset.facts || "").split(" ").includes(factId));
  }

  function markFacts(ids) {
    if (!side) return;
    side.querySelectorAll("li.active").forEach((li) => li.classList.remove("active"));
    let first = null;
    ids.forEach((id) => {
      const li = document.getElementById("sf-" + id);
      if (li) { li.classList.add("active"); first = first || li; }
    });
    if (first) first.scrollIntoView({block: "nearest"});
  }

  // Opened from a fact or a search hit: the server marked the span (?at=); else the anchor.
  let target = text.querySelector(".tgt");
  if (!target && location.hash.startsWith("#c")) {
    const anchor = document.getElementById(location.hash.slice(1));
    if (anchor) {
      for (let node = anchor.nextSibling; node && node.nodeType === 1; node = node.nextSibling) {
        if (node.classList.contains("ev")) node.classList.add("tgt");
        else if (!node.classList.contains("anchor")) break;
      }
      target = text.querySelector(".tgt");
    }
  }
  if (target) {
    target.scrollIntoView({block: "center"});
    const ev = target.closest(".ev") || target.querySelector(".ev");
    if (ev) markFacts((ev.dataset.facts || "").split(" "));
  }

  text.addEventListener("click", (event) => {
    if (event.target.closest("a")) return;
    const ev = event.target.closest(".ev");
    if (!ev) return;
    markFacts((ev.dataset.facts || "").split(" "));
  });

  if (side) {
    side.addEventListener("click", (event) => {
      const link = event.target.closest("a.goto");
      if (!link) return;
      event.preventDefault();
      const id = link.closest("li").dataset.fact;
      clearTargets();
      const spans = spansOf(id);
      spans.forEach((n) => n.classList.add("tgt"));
      if (spans.length) spans[0].scrollIntoView({block: "center", behavior: "smooth"});
      markFacts([id]);
      history.replaceState(null, "", link.getAttribute("href"));
    });
  }

  // Editing (serve --edit): a selection in the text is the evidence of a fact to add.
  // The text element holds the stored text exactly, so a character's offset is the
  // length of the text before it.
  const addForm = document.getElementById("add-fact");
  function offsetOf(node, offset) {
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let total = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n === node) return total + offset;
      total += n.nodeValue.length;
    }
    if (node.nodeType === 1) {  // an element boundary: count the text before its child
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(node, offset);
      return range.toString().length;
    }
    return null;
  }
  if (addForm) {
    document.addEventListener("selectionchange", () => {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0);
      if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
      const start = offsetOf(range.startContainer, range.startOffset);
      const end = offsetOf(range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return;
      document.getElementById("add-start").value = start;
      document.getElementById("add-end").value = end;
      document.getElementById("add-evidence").textContent = text.textContent.slice(start, end);
      addForm.hidden = false;
      const hint = document.getElementById("add-hint");
      if (hint) hint.hidden = true;
    });
  }
})();
