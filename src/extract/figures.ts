/**
 * Figures in a claim's words, kept as numbers: digits ("1,200") and number words ("five",
 * "two hundred", parsed by compromise), each with the unit and measure the text gives.
 */
import nlp from 'compromise';
import { COUNT_WORDS, PERSON_UNITS } from './lexicon';
import type { DraftFigure } from './types';

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const STOP = new Set([
  'and',
  'or',
  'in',
  'on',
  'at',
  'from',
  'since',
  'by',
  'during',
  'after',
  'across',
  'over',
  'near',
  'of',
  'with',
  'when',
  'as',
]);

const AUX = new Set([
  'had',
  'have',
  'has',
  'were',
  'was',
  'are',
  'is',
  'been',
  'be',
  'being',
  'reportedly',
  'also',
]);

interface NumberJson {
  text: string;
  number?: { num?: number; unit?: string };
  offset?: { start: number; length: number };
}

/** Numbers in `text` that count something (casualties, people, strikes), with what they count. */
const NUMBERISH =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens?|scores?)\b/i;
const memo = new Map<string, DraftFigure[]>();

export function parseFigures(text: string): DraftFigure[] {
  // compromise is the costly step: only texts that can hold a number reach it, once each.
  if (!NUMBERISH.test(text)) return [];
  const known = memo.get(text);
  if (known) return known;
  const result = parse(text);
  if (memo.size > 5000) memo.clear();
  memo.set(text, result);
  return result;
}

function parse(text: string): DraftFigure[] {
  const found = nlp(text).numbers().json({ offset: true }) as NumberJson[];
  const out: DraftFigure[] = [];
  for (const n of found) {
    const value = n.number?.num;
    if (value === undefined || !Number.isFinite(value) || !n.offset) continue;
    const after = text.slice(n.offset.start + n.offset.length);
    const before = text.slice(Math.max(0, n.offset.start - 12), n.offset.start);
    // Dates and years are not figures: "7 November", "November 7", "since 2021".
    if (
      MONTH.test(after.trim()) ||
      /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s*$/i.test(before)
    )
      continue;
    if (value >= 1900 && value <= 2100 && !/,/.test(n.text)) continue;
    const words: string[] = [];
    // "58 of its soldiers": what is counted follows "of its".
    const counted = after.replace(/^\s+of\s+(?:its|their|the|his|her|our)\s+/i, ' ');
    for (const w of counted.split(/\s+/).filter(Boolean)) {
      const clean = w.replace(/[^\p{L}\p{N}'-]/gu, '');
      if (!clean || STOP.has(clean.toLowerCase())) break;
      // "12 militants had been killed" measures "militants killed".
      if (AUX.has(clean.toLowerCase())) continue;
      words.push(clean);
      if (/[,.;:)”"]$/.test(w) || words.length >= 3) break;
    }
    const measure = words.join(' ');
    if (/^(?:percent|per cent)$/i.test(words[0] ?? '') || /^%/.test(after)) {
      out.push({ value, unit: 'percent', measure: words.slice(1).join(' ') || null });
      continue;
    }
    // What is counted may follow a qualifier ("200 Taliban and affiliated fighters").
    const window = counted.split(/[.;:]/)[0]!.split(/\s+/).slice(0, 7).join(' ').toLowerCase();
    if (!COUNT_WORDS.test(measure.toLowerCase()) && !COUNT_WORDS.test(window)) continue;
    out.push({
      value,
      unit: PERSON_UNITS.test(measure.toLowerCase()) ? 'person' : null,
      measure: measure || null,
    });
  }
  return out;
}
