import type { Executor, Row } from '../db/executor';

/**
 * A claim as schema.org JSON-LD (https://schema.org/Claim): `author` is the claimant, `contributor`
 * the voice who said it, `mentions` its targets, `datePublished` the claim's day (statedOn, else
 * the earliest source's publication date: cypher/fragments/claim-day.cypher, the graph exports'
 * rule), and `appearance` each source it appears in, as a
 * CreativeWork with its url, publisher, language (`inLanguage`), the work it copies (`isBasedOn`)
 * and the exact passages (`hasPart` Quotations, a translation with `translationOfWork`).
 */
const ACTOR_TYPE: Record<string, string> = {
  PERSON: 'Person',
  STATE: 'Country',
  GOVERNMENT: 'GovernmentOrganization',
  MEDIA: 'NewsMediaOrganization',
};

function thing(actor: Row | null): Record<string, unknown> | undefined {
  if (!actor) return undefined;
  return {
    '@type': ACTOR_TYPE[actor.kind as string] ?? 'Organization',
    identifier: actor.id,
    name: actor.name,
  };
}

/**
 * An exact passage as a schema.org Quotation with its language; a translation names the words it
 * translates (`translationOfWork`, a Quotation in the original's language and source) and its
 * translator.
 */
function quotation(x: Row): Record<string, unknown> {
  const original = x.original as Row | null;
  return {
    '@type': 'Quotation',
    text: x.exact,
    inLanguage: x.language ?? undefined,
    translationOfWork: original
      ? {
          '@type': 'Quotation',
          text: original.exact,
          inLanguage: original.language ?? undefined,
          isPartOf: { '@type': 'CreativeWork', url: original.url },
        }
      : undefined,
    translator: x.translator ? { '@type': 'Organization', name: x.translator } : undefined,
    // An orphaned passage (issue 12) is no longer in the source's current text: marked, not dropped.
    creativeWorkStatus: x.state === 'ORPHANED' ? 'Orphaned' : undefined,
  };
}

export async function claimJsonLd(executor: Executor, id: string): Promise<Record<string, unknown> | null> {
  const [row] = await executor.read('export/claim-jsonld', { id });
  if (!row) return null;
  const sources = (row.sources as Row[]) ?? [];
  const doc: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Claim',
    identifier: row.id,
    genre: row.kind,
    text: row.content,
    author: thing(row.claimant as Row | null),
    contributor: thing(row.voice as Row | null),
    mentions: ((row.targets as Row[]) ?? []).map(thing),
    datePublished: row.day ?? undefined,
    appearance: sources.map((s) => ({
      '@type': 'CreativeWork',
      url: s.url,
      name: s.title ?? undefined,
      datePublished: s.publishedAt ?? undefined,
      publisher: s.publisher ? { '@type': 'Organization', name: s.publisher } : undefined,
      inLanguage: s.language ?? undefined,
      // Issue 12: a copy (markCopy) is based on the work it copies.
      isBasedOn: s.copyOf ? { '@type': 'CreativeWork', url: s.copyOf } : undefined,
      hasPart: (s.excerpts as Row[]).map(quotation),
    })),
  };
  if (row.quote) doc.abstract = row.quote;
  if (row.retractedAt) doc.creativeWorkStatus = 'Retracted';
  // Leave out what is unknown rather than writing nulls.
  return JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
}
