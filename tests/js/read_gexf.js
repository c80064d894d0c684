// Read a GEXF file with graphology's parser and print what it found as JSON (used by tests/test_export.py).
const fs = require("fs");
const Graph = require("graphology");
const gexf = require("graphology-gexf");

const graph = gexf.parse(Graph, fs.readFileSync(process.argv[2], "utf-8"));
const out = { type: graph.type, nodes: {}, edges: [] };
graph.forEachNode((key, attrs) => { out.nodes[key] = attrs; });
graph.forEachEdge((key, attrs, source, target) => { out.edges.push({ source, target, attrs }); });
process.stdout.write(JSON.stringify(out));
