// network.js - the actor network (cytoscape): nodes sized by how many
// events involve the actor, edges coloured by the mean intensity of the
// dyad (green cooperation, red conflict) and as wide as its event count.
import {api} from './util.js';

let cy = null;

function edgeColor(x) {
  if (x === null || x === undefined) return '#90a4ae';
  if (x > 0.5) return '#2e7d32';
  if (x < -0.5) return '#c62828';
  return '#90a4ae';
}

function nodeLabel(n) {
  // The canonical English name is easiest to read in a graph; the code
  // disambiguates.
  if (n.name && n.code && n.name !== n.code) return `${n.name} (${n.code})`;
  return n.name || n.code || n.country || n.id;
}

// onPick({actor}) for a node, onPick({dyad: [a, b]}) for an edge.
export async function renderNetwork(container, params, onPick) {
  const res = await api('/api/network', {...params, n: 30});
  const nodes = res.nodes || [];
  const edges = res.edges || [];
  const maxEv = Math.max(1, ...nodes.map((n) => n.events || 0));
  const maxEd = Math.max(1, ...edges.map((e) => e.events || 0));
  const elements = [
    ...nodes.map((n) => ({data: {
      id: n.id, label: nodeLabel(n), size: 18 + 42 * Math.sqrt((n.events || 0) / maxEv),
    }})),
    ...edges.map((e, i) => ({data: {
      id: `e${i}`, source: e.source, target: e.target,
      color: edgeColor(e.intensity_mean), width: 1.5 + 6 * ((e.events || 0) / maxEd),
    }})),
  ];
  if (cy) cy.destroy();
  cy = window.cytoscape({
    container,
    elements,
    style: [
      {selector: 'node', style: {
        'width': 'data(size)', 'height': 'data(size)', 'label': 'data(label)',
        'background-color': '#1f3a5f', 'color': '#1d2430', 'font-size': 10,
        'text-valign': 'bottom', 'text-margin-y': 3,
        'text-background-color': '#fff', 'text-background-opacity': 0.7,
      }},
      {selector: 'edge', style: {
        'width': 'data(width)', 'line-color': 'data(color)', 'curve-style': 'bezier', 'opacity': 0.8,
      }},
    ],
    layout: {name: nodes.length > 1 ? 'cose' : 'grid', animate: false, randomize: false, padding: 20},
    wheelSensitivity: 0.3,
  });
  window.rasdNetwork = cy; // for the browser tests
  cy.on('tap', 'node', (ev) => onPick({actor: ev.target.id()}));
  cy.on('tap', 'edge', (ev) => onPick({dyad: [ev.target.data('source'), ev.target.data('target')]}));
  return {nodes: nodes.length, edges: edges.length};
}
