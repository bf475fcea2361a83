import { createHash } from 'node:crypto';
import { recordAudit, type Writer } from '../db/audit';
import type { Executor } from '../db/executor';
import { ConflictError } from '../errors';
import { optionalText, requiredText } from './common';
import { normalizeLanguage, requireActor } from '../refs';
import { describeNewSource } from './provenance';

export interface AddSourceInput {
  url: string; // already a normalized http(s) href (URL scalar)
  title?: string | null;
  publisher?: string | null;
  publishedAt?: string | null; // YYYY-MM-DD (Date scalar)
  text: string;
  language?: string | null; // BCP 47, normalized by src/refs/languages.ts
}

export const contentHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * addSource: the same URL with the same text returns the existing source without writing; the
 * same URL with other text is a CONFLICT (a source's text is what excerpts are anchored in).
 */
export async function addSource(executor: Executor, writer: Writer, input: AddSourceInput): Promise<string> {
  // The text is kept exactly as sent: offsets are counted in it. Only a blank text is refused.
  requiredText(input.text, 'text');
  const hash = contentHash(input.text);
  const language = normalizeLanguage(input.language, 'language');
  return executor.write(async (tx) => {
    const [existing] = await tx.run('load/check-source', { url: input.url });
    if (existing?.exists) {
      if (existing.contentHash === hash) return input.url;
      throw new ConflictError(
        `url: a source with this URL already exists with different text (sha256 ${String(existing.contentHash).slice(0, 12)}…); excerpts are anchored in that text; send a new version with recheckSource, which re-anchors them`,
        'url',
      );
    }
    const publisher = input.publisher ? await requireActor(tx, input.publisher, 'publisher') : null;
    const at = new Date().toISOString();
    const source = {
      url: input.url,
      title: optionalText(input.title),
      publishedAt: input.publishedAt ?? null,
      text: input.text,
      contentHash: hash,
      publisher,
    };
    await tx.run('sources/create', { at, by: writer.by, source });
    // Issue 12: language, MinHash signature and near-duplicate candidates (never a copy by itself).
    const copyCandidates = await describeNewSource(tx, input.url, input.text, language);
    await recordAudit(tx, writer, at, {
      operation: 'addSource',
      summary: `added source ${input.url}`,
      changes: {
        url: input.url,
        title: source.title,
        publishedAt: source.publishedAt,
        publisher,
        contentHash: hash,
        language,
        copyCandidates,
      },
      sourceUrls: [input.url],
    });
    return input.url;
  });
}
