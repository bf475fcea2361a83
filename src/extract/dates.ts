/**
 * Relative dates in reported speech ("on Friday", "yesterday") resolved against the source's
 * publication date, keeping the source's own words beside the date, as the graph does everywhere.
 */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

export interface ResolvedDate {
  date: string;
  text: string;
}

const DATE_RE = new RegExp(
  String.raw`\b(?:(on|last|this) )?(${WEEKDAYS.join('|')})\b|\b(yesterday|today)\b|\bon (\d{1,2}) (${MONTHS.join('|')})\b|\bon (${MONTHS.join('|')}) (\d{1,2})\b`,
  'i',
);

/**
 * The first date expression in `text`, resolved against `published` (YYYY-MM-DD). A weekday is
 * the latest such day on or before publication ("on Friday" in a Saturday paper is the day
 * before); a day and month without a year takes the publication year, or the year before if that
 * would fall after publication.
 */
export function resolveDate(text: string, published: string | null): ResolvedDate | null {
  if (!published) return null;
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const pub = new Date(`${published}T00:00:00Z`);
  const day = new Date(pub);
  if (m[2]) {
    const back = (pub.getUTCDay() - WEEKDAYS.indexOf(m[2].toLowerCase()) + 7) % 7;
    day.setUTCDate(pub.getUTCDate() - back);
  } else if (m[3]) {
    if (m[3].toLowerCase() === 'yesterday') day.setUTCDate(pub.getUTCDate() - 1);
  } else {
    const month = MONTHS.indexOf((m[5] ?? m[6])!.toLowerCase());
    const dom = Number(m[4] ?? m[7]);
    let year = pub.getUTCFullYear();
    if (Date.UTC(year, month, dom) > pub.getTime()) year -= 1;
    const d = new Date(Date.UTC(year, month, dom));
    if (d.getUTCDate() !== dom) return null;
    return { date: iso(d), text: m[0] };
  }
  return { date: iso(day), text: m[0] };
}
