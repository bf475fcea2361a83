#!/usr/bin/env node
/**
 * Finds the code-point offsets of exact words in a source file's text, for anchoring excerpts.
 *
 *   npm run anchor -- data/sources/<file>.yaml "<exact words>" [occurrence]
 *   node scripts/anchor.js data/sources/<file>.yaml "<exact words>" [occurrence]
 *
 * Prints `start` / `end` (Unicode code points, end exclusive: the W3C TextPositionSelector that
 * src/data/validate.ts checks) and an excerpt block ready to paste under a claim's `excerpts:`.
 * If the words occur more than once, every occurrence is listed; pass its number (1, 2, ...) as
 * the third argument to pick one. If they occur nowhere, it says where the same words occur with
 * different quotes, dashes, spaces or case (’ vs ', “ vs ") and what exactly is written there.
 *
 * Plain CommonJS, no build step. Exit codes: 0 found (or listed), 1 not found, 64 usage error.
 */
'use strict';

const fs = require('fs');
const YAML = require('yaml');

const CONTEXT = 32;

function usage(message) {
  if (message) console.error(`anchor: ${message}`);
  console.error('usage: npm run anchor -- <file.yaml> "<exact words>" [occurrence]');
  process.exit(64);
}

/** Folds typographic variants one code point for one (so offsets stay valid). Same as validate.ts. */
function loosen(cp) {
  if (/[\u2018\u2019\u201a\u201b\u2032\u02bc]/u.test(cp)) return "'";
  if (/[\u201c\u201d\u201e\u201f\u2033]/u.test(cp)) return '"';
  if (/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\n\r]/u.test(cp)) return ' ';
  if (/[\u2010-\u2015\u2212]/u.test(cp)) return '-';
  return cp.toLowerCase();
}

function findOccurrences(hay, needle) {
  const hits = [];
  if (needle.length === 0) return hits;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    hits.push([i, i + needle.length]);
  }
  return hits;
}

/** A YAML scalar for `exact`: single-quoted unless it spans lines. */
function yamlString(s) {
  return /[\n\r]/.test(s) ? JSON.stringify(s) : `'${s.replace(/'/g, "''")}'`;
}

function readText(file) {
  let yamlText;
  try {
    yamlText = fs.readFileSync(file, 'utf8');
  } catch (err) {
    usage(`cannot read ${file}: ${err.message}`);
  }
  // parseDocument keeps going past errors elsewhere in the file, so a file being edited still works.
  const doc = YAML.parseDocument(yamlText);
  const text = doc.getIn(['source', 'text']);
  if (typeof text !== 'string') {
    const why = doc.errors.length ? ` (YAML error: ${doc.errors[0].message.split('\n')[0]})` : '';
    usage(`${file} has no source.text${why}`);
  }
  return text;
}

function show(cps, start, end) {
  const before = cps.slice(Math.max(0, start - CONTEXT), start).join('');
  const after = cps.slice(end, end + CONTEXT).join('');
  return `…${before}[${cps.slice(start, end).join('')}]${after}…`.replace(/\n/g, '⏎');
}

function printExcerpt(exact, start, end) {
  console.log(`start: ${start}`);
  console.log(`end: ${end}`);
  console.log('');
  console.log('    excerpts:');
  console.log(`      - exact: ${yamlString(exact)}`);
  console.log(`        start: ${start}`);
  console.log(`        end: ${end}`);
}

function main(argv) {
  const [file, exact, occurrenceArg] = argv;
  if (!file || exact === undefined || argv.length > 3) usage();
  if (exact.length === 0) usage('the exact words must not be empty');
  const cps = Array.from(readText(file));
  const needle = Array.from(exact);
  const hits = findOccurrences(cps, needle);

  if (hits.length === 0) {
    console.error(`anchor: not found in source.text of ${file}: ${JSON.stringify(exact)}`);
    const loose = findOccurrences(cps.map(loosen), needle.map(loosen));
    if (loose.length) {
      console.error(
        'The same words occur with different quotes, dashes, spaces or case. Copy them as written:',
      );
      loose.forEach(([s, e], i) => {
        const written = cps.slice(s, e).join('');
        console.error(`  ${i + 1}. start ${s}, end ${e}: ${JSON.stringify(written)}`);
      });
    }
    process.exit(1);
  }

  if (occurrenceArg !== undefined) {
    const n = Number(occurrenceArg);
    if (!Number.isInteger(n) || n < 1 || n > hits.length) {
      usage(
        `occurrence must be a whole number from 1 to ${hits.length}, got ${JSON.stringify(occurrenceArg)}`,
      );
    }
    const [s, e] = hits[n - 1];
    console.log(`# occurrence ${n} of ${hits.length}: ${show(cps, s, e)}`);
    printExcerpt(exact, s, e);
    return;
  }

  if (hits.length === 1) {
    const [s, e] = hits[0];
    console.log(`# ${show(cps, s, e)}`);
    printExcerpt(exact, s, e);
    return;
  }

  console.log(`# ${hits.length} occurrences; pass the number of the one you mean as a third argument,`);
  console.log('# or add words so that the excerpt is unique:');
  hits.forEach(([s, e], i) => {
    console.log(`${i + 1}. start: ${s}, end: ${e}   ${show(cps, s, e)}`);
  });
}

main(process.argv.slice(2));
