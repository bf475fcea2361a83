import { randomUUID } from 'node:crypto';
import type { Tx } from './executor';

/** Who is writing: a token's owner through the API, or the loader / a CLI. */
export interface Writer {
  by: string;
  role: string;
}

export interface AuditEntry {
  operation: string;
  summary: string;
  changes?: Record<string, unknown>;
  claimIds?: string[];
  actorIds?: string[];
  sourceUrls?: string[];
}

/** Records the audit event of a write, inside that write's transaction (see cypher/queries/audit). */
export async function recordAudit(tx: Tx, writer: Writer, at: string, entry: AuditEntry): Promise<string> {
  const id = randomUUID();
  await tx.run('audit/record', {
    id,
    at,
    by: writer.by,
    role: writer.role,
    operation: entry.operation,
    summary: entry.summary,
    changes: JSON.stringify(entry.changes ?? {}),
    claimIds: entry.claimIds ?? [],
    actorIds: entry.actorIds ?? [],
    sourceUrls: entry.sourceUrls ?? [],
  });
  return id;
}
