import { h } from './dom';
import { KIND_COLOURS } from './ui';

export interface Week {
  week: string;
  start: string;
  total: number;
  counts: { kind: string; count: number }[];
}

const SVG = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Claims per ISO week, stacked by kind: a small SVG chart with a table beside it for screen readers. */
export function timelineChart(weeks: Week[]): HTMLElement {
  const max = Math.max(1, ...weeks.map((w) => w.total));
  const barW = 36;
  const gap = 14;
  const height = 140;
  const top = 16;
  const bottom = 34;
  const width = Math.max(240, weeks.length * (barW + gap) + gap);
  const svg = s('svg', {
    width,
    height: height + top + bottom,
    viewBox: `0 0 ${width} ${height + top + bottom}`,
    role: 'img',
    'aria-label': `Claims per week: ${weeks.map((w) => `${w.week}, ${w.total}`).join('; ')}`,
  });
  weeks.forEach((w, i) => {
    const x = gap + i * (barW + gap);
    let y = top + height;
    for (const c of w.counts) {
      const hgt = (c.count / max) * height;
      y -= hgt;
      const rect = s('rect', { x, y, width: barW, height: hgt, fill: KIND_COLOURS[c.kind] ?? '#888' });
      const title = s('title', {});
      title.textContent = `${w.week}: ${c.count} ${c.kind.toLowerCase()}`;
      rect.append(title);
      svg.append(rect);
    }
    const total = s('text', { x: x + barW / 2, y: y - 4, 'text-anchor': 'middle', 'font-size': 11 });
    total.textContent = String(w.total);
    const label = s('text', {
      x: x + barW / 2,
      y: top + height + 16,
      'text-anchor': 'middle',
      'font-size': 10,
    });
    label.textContent = w.week;
    svg.append(total, label);
  });
  const kinds = Object.keys(KIND_COLOURS);
  return h(
    'div',
    { class: 'timeline' },
    h('div', { class: 'chart' }, svg),
    h(
      'details',
      {},
      h('summary', {}, 'The counts as a table'),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Week (starts)'),
            kinds.map((k) => h('th', { scope: 'col' }, k.toLowerCase())),
            h('th', { scope: 'col' }, 'total'),
          ),
        ),
        h(
          'tbody',
          {},
          weeks.map((w) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, `${w.week} (${w.start})`),
              kinds.map((k) => h('td', {}, String(w.counts.find((c) => c.kind === k)?.count ?? 0))),
              h('td', {}, String(w.total)),
            ),
          ),
        ),
      ),
    ),
  );
}
