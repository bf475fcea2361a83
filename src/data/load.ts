import { createHash } from 'node:crypto';
import path from 'node:path';
import { recordAudit, type Writer } from '../db/audit';
import type { Executor, Tx } from '../db/executor';
import { DataFileError } from '../errors';
import { refreshClaimKeys } from '../writes/keys';
import type { SourceBundle } from './types';
import { refreshClaimStatus } from '../writes/status';
import { fingerprint } from '../similarity/minhash';

export interface LoadResult {
  file: string;
  url: string;
  status: 'loaded' | 'unchanged';
  claims: number;
  /** Claims a previous version of the file loaded that it no longer has: still live, to review. */
  orphans: string[];
}

/** A fingerprint of everything a bundle would write: equal fingerprints mean nothing to do. */
export function bundleHash(bundle: SourceBundle): string {
  const { file: _file, ...content } = bundle;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Writes validated bundles (see validate.ts), one transaction per source file: a file lands whole
 * or not at all. A file already loaded with identical content is skipped, so loading the same
 * data twice changes nothing, not even the audit trail.
 */
export async function loadBundles(
  executor: Executor,
  bundles: SourceBundle[],
  writer: Writer,
  onProgress?: (done: number, total: number, result: LoadResult) => void,
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const [i, bundle] of bundles.entries()) {
    const result = await executor.write((tx) => loadOne(tx, bundle, writer));
    results.push(result);
    onProgress?.(i + 1, bundles.length, result);
  }
  return results;
}

async function loadOne(tx: Tx, bundle: SourceBundle, writer: Writer): Promise<LoadResult> {
  const { source, file } = bundle;
  const hash = bundleHash(bundle);
  const [existing] = await tx.run('load/check-source', { url: source.url });
  if (existing?.bundleHash === hash) {
    return { file, url: source.url, status: 'unchanged', claims: bundle.claims.length, orphans: [] };
  }

  // Placeholders get no Alias nodes: nothing is ever matched to them by name.
  const aliases = bundle.actors
    .filter((a) => !a.placeholder)
    .flatMap((a) => [a.name, ...a.aliases].map((text) => ({ key: text.toLowerCase(), text, actor: a.id })));
  const conflicts = await tx.run('load/check-conflicts', {
    aliases,
    claimIds: bundle.claims.map((c) => c.id),
    url: source.url,
  });
  const [conflict] = conflicts;
  if (conflict) {
    if (conflict.kind === 'alias') {
      const index = bundle.actors.findIndex((a) => a.id === conflict.wanted);
      throw new DataFileError(
        file,
        `actors[${index}] (id "${String(conflict.wanted)}")`,
        'aliases',
        `"${String(conflict.key)}" already names actor "${String(conflict.holder)}" in the graph; use that actor's id or another alias`,
      );
    }
    const index = bundle.claims.findIndex((c) => c.id === conflict.key);
    throw new DataFileError(
      file,
      `claims[${index}] (id "${String(conflict.key)}")`,
      'id',
      `a claim with this id already exists from source ${String(conflict.holder)}; claim ids are global, choose another`,
    );
  }

  if (existing?.exists && existing.contentHash !== source.contentHash) {
    const [foreign] = await tx.run('load/foreign-excerpts', {
      url: source.url,
      claimIds: bundle.claims.map((c) => c.id),
    });
    if (Number(foreign?.excerpts) > 0) {
      throw new DataFileError(
        file,
        'source',
        'text',
        `differs from the text already stored for ${source.url}, in which ${String(foreign?.excerpts)} excerpt(s) of other claims (${(foreign?.claims as string[]).join(', ')}) are anchored; a source's text cannot change under its excerpts: publish the new text as a new source`,
      );
    }
  }

  const at = new Date().toISOString();
  const common = { at, by: writer.by, url: source.url };
  await tx.run('load/upsert-actors', { ...common, actors: bundle.actors });
  await tx.run('load/upsert-roles', { roles: bundle.roles });
  await tx.run('load/upsert-source', { ...common, source, bundleHash: hash });
  // Issue 12: its MinHash signature, so later sources can find it as a copy candidate.
  await tx.run('provenance/fingerprint-sources', {
    sources: [{ url: source.url, ...fingerprint(source.text) }],
  });
  await tx.run('load/upsert-events', { ...common, events: bundle.events });
  await tx.run('load/upsert-claims', { ...common, claims: bundle.claims });
  await refreshClaimKeys(
    tx,
    bundle.claims.map((c) => c.id),
  );
  const denials = bundle.claims.flatMap((c) => c.denies.map((denied) => ({ denial: c.id, denied })));
  await tx.run('load/link-denials', { ...common, denials });
  await refreshClaimStatus(
    tx,
    bundle.claims.map((c) => c.id),
  );
  await recordAudit(tx, writer, at, {
    operation: existing?.exists ? 'reloadSource' : 'loadSource',
    summary: `${existing?.exists ? 'reloaded' : 'loaded'} ${path.basename(file)}: ${bundle.claims.length} claims, ${bundle.actors.length} actors, ${bundle.events.length} events`,
    // The file's name only: audit events are readable through the API, server paths are not.
    changes: { file: path.basename(file), contentHash: source.contentHash, bundleHash: hash },
    sourceUrls: [source.url],
    claimIds: bundle.claims.map((c) => c.id),
    actorIds: bundle.actors.map((a) => a.id),
  });
  const orphans = existing?.exists
    ? (
        await tx.run('load/orphaned-claims', { url: source.url, claimIds: bundle.claims.map((c) => c.id) })
      ).map((r) => r.id as string)
    : [];
  return { file, url: source.url, status: 'loaded', claims: bundle.claims.length, orphans };
}
