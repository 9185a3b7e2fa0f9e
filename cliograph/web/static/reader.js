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
})();
