/**
 * A small element builder. Everything from the API goes in as text (textContent / text nodes),
 * never as HTML: claims quote sources, and a source's words must not become markup.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A hash link to a view of the explorer. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href }, ...children);
}

/**
 * Text with the words the search matched (the API marks them «like this») turned into <mark>s.
 */
export function guillemetMarks(text: string): Child[] {
  const parts: Child[] = [];
  const re = /«([^»]*)»/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(h('mark', {}, m[1] ?? ''));
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * `text` with the spans (Unicode code point offsets, end exclusive, as Excerpt.start/end are)
 * wrapped by `wrap`. Overlapping spans are cut at every boundary; each piece goes to the shortest
 * span covering it (the most specific excerpt).
 */
export function markSpans<S extends Span>(
  text: string,
  spans: S[],
  wrap: (piece: string, span: S, covering: S[]) => Node,
): Child[] {
  const cps = Array.from(text);
  const cuts = new Set<number>([0, cps.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= cps.length && s.start < s.end) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Child[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const piece = cps.slice(from, to).join('');
    const covering = spans
      .filter((s) => s.start <= from && s.end >= to)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    const best = covering[0];
    out.push(best ? wrap(piece, best, covering) : piece);
  }
  return out;
}

/** "2025-11-08" → "8 Nov 2025" (dates are calendar dates: no time zone shifts). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return 'undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export function formatDateTime(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime())
    ? at
    : d
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
}

export function lower(kind: string): string {
  return kind.toLowerCase().replace(/_/g, ' ');
}
