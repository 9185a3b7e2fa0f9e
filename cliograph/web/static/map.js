/* The map page: the world's countries (Natural Earth, vendored) drawn as vector shapes with
   no tile server, and a circle for each place of /map.json, sized by its facts. */
"use strict";
(function () {
  const box = document.getElementById("map");
  if (!box || typeof L === "undefined" || typeof topojson === "undefined") return;
  const {el, kindColour, getJSON} = window.clio;
  const map = L.map(box, {worldCopyJump: true, minZoom: 1, maxZoom: 9, attributionControl: true,
                         renderer: L.svg({padding: 1})});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth · GeoNames");
  map.setView([35, 20], 2);

  function popup(p) {
    return el("div", {},
      el("a", {href: "/entity/" + encodeURIComponent(p.id), text: p.name}),
      el("div", {class: "muted", text: p.facts + " facts · taken for " + p.located_as + " (" + p.country + ")"}),
      el("a", {href: "/facts?entity=" + encodeURIComponent(p.id), text: "its facts →"}));
  }

  Promise.all([getJSON("/static/vendor/countries-110m.json"), getJSON(box.dataset.src)])
    .then(([world, data]) => {
      const land = topojson.feature(world, world.objects.countries);
      L.geoJSON(land, {style: {color: "#b9b2a3", weight: 0.6, fillColor: "#efe9dc", fillOpacity: 1},
                       interactive: false}).addTo(map);
      const colour = kindColour("PLACE");
      const markers = data.points.map((p) => L.circleMarker([p.lat, p.lon], {
        radius: 5 + 3 * Math.log1p(p.facts), color: "#333", weight: 1, fillColor: colour,
        fillOpacity: 0.85}).bindPopup(popup(p)).bindTooltip(p.name).addTo(map));
      if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), {maxZoom: 6, animate: false});
      box.dataset.points = String(markers.length);  // the browser tests wait for it
    })
    .catch((err) => { box.replaceChildren(el("p", {class: "muted", text: "The map could not be drawn: " + err})); });
})();
