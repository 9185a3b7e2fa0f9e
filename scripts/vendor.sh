#!/usr/bin/env bash
# Copy the built front-end libraries from npm into cliograph/web/static/vendor/.
# Run it after changing package.json; the copied files are committed, so users need no Node.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/cliograph/web/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$root/package.json" "$tmp/"
(cd "$tmp" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
mkdir -p "$dest"
nm="$tmp/node_modules"
cp "$nm/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" "$dest/"
cp "$nm/vis-timeline/styles/vis-timeline-graph2d.min.css" "$dest/"
cp "$nm/cytoscape/dist/cytoscape.min.js" "$dest/"
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$dest/"
cp "$nm/topojson-client/dist/topojson-client.min.js" "$dest/"
cp "$nm/world-atlas/countries-110m.json" "$dest/"   # Natural Earth 1:110m, public domain
for pkg in vis-timeline cytoscape leaflet topojson-client world-atlas; do
  version="$(node -p "require('$nm/$pkg/package.json').version")"
  license="$(node -p "require('$nm/$pkg/package.json').license")"
  echo "$pkg $version ($license)"
done > "$dest/VERSIONS.txt"
cat "$dest/VERSIONS.txt"
ls -l "$dest"
