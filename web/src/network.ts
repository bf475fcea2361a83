import cytoscape from 'cytoscape';
import { h, link } from './dom';
import { actorHref, claimHref } from './routes';
import { KIND_COLOURS } from './ui';

export interface GraphData {
  nodes: { id: string; name: string; kind: string }[];
  edges: { kind: string; from: { id: string }; to: { id: string }; claim: { id: string; content: string } }[];
  truncated: boolean;
}

declare global {
  interface Window {
    /** The drawn network, for tests and for anyone poking at the page in devtools. */
    claimgraphNetwork?: cytoscape.Core;
  }
}

/**
 * The attribution network drawn with Cytoscape.js: actors as nodes, each claim an edge from its
 * claimant to a target, coloured by kind. A tap on a node opens that actor, on an edge its claim.
 * The same network is listed as links below it, for keyboards and screen readers.
 */
export function drawNetwork(container: HTMLElement, g: GraphData, focus: string): cytoscape.Core {
  window.claimgraphNetwork?.destroy();
  const cy = cytoscape({
    container,
    elements: [
      ...g.nodes.map((n) => ({
        data: { id: n.id, label: n.name, kind: n.kind },
        classes: n.id === focus ? 'focus' : '',
      })),
      ...g.edges.map((e, i) => ({
        data: {
          id: `e${i}`,
          source: e.from.id,
          target: e.to.id,
          claim: e.claim.id,
          colour: KIND_COLOURS[e.kind] ?? '#888',
        },
      })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'background-color': '#94a3b8',
          color: '#111827',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'wrap',
          'text-max-width': '120px',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': '2px',
          width: 22,
          height: 22,
        },
      },
      {
        selector: 'node.focus',
        style: { 'background-color': '#f59e0b', width: 32, height: 32, 'font-weight': 'bold' },
      },
      {
        selector: 'edge',
        style: {
          width: 2,
          'line-color': 'data(colour)',
          'target-arrow-color': 'data(colour)',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          opacity: 0.85,
        },
      },
    ],
    layout: {
      name: 'concentric',
      concentric: (n: cytoscape.NodeSingular) => (n.id() === focus ? 2 : 1),
      levelWidth: () => 1,
      minNodeSpacing: 60,
      animate: false,
    } as cytoscape.LayoutOptions,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
  });
  cy.on('tap', 'node', (e) => {
    location.hash = actorHref(e.target.id());
  });
  cy.on('tap', 'edge', (e) => {
    location.hash = claimHref(e.target.data('claim') as string);
  });
  window.claimgraphNetwork = cy;
  return cy;
}

export function networkList(g: GraphData): HTMLElement {
  const names = new Map(g.nodes.map((n) => [n.id, n.name]));
  return h(
    'details',
    { class: 'network-list' },
    h('summary', {}, `The network as a list (${g.nodes.length} actors, ${g.edges.length} claims)`),
    h(
      'ul',
      {},
      g.edges.map((e) =>
        h(
          'li',
          {},
          link(actorHref(e.from.id), names.get(e.from.id) ?? e.from.id),
          ` → ${e.kind.toLowerCase()} → `,
          link(actorHref(e.to.id), names.get(e.to.id) ?? e.to.id),
          ': ',
          link(claimHref(e.claim.id), e.claim.content),
        ),
      ),
    ),
  );
}

export function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Colours by claim kind' },
    Object.entries(KIND_COLOURS).map(([kind, colour]) =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${colour}` }), kind.toLowerCase()),
    ),
  );
}
