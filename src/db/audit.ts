import { randomUUID } from 'node:crypto';
import type { Tx } from './executor';

/** Who is writing: a token's owner through the API, or the loader / a CLI. */
export interface Writer {
  by: string;
  role: string;
  /**
   * Told of every audit event this writer records, inside the write's transaction (so it may yet
   * roll back): how a request learns which writes it made (src/writes/log.ts).
   */
  onWrite?: (event: AuditedWrite) => void;
}

/** An audit event as the writer's onWrite hears of it. */
export interface AuditedWrite {
  auditEvent: string;
  operation: string;
  /** The id (or URL) of the main thing written: the first claim, actor or source of the entry. */
  id: string | null;
}

export interface AuditEntry {
  operation: string;
  /** The main thing written, when it is not the first claim, actor or source linked (see AuditedWrite.id). */
  id?: string;
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
  writer.onWrite?.({
    auditEvent: id,
    operation: entry.operation,
    id: entry.id ?? entry.claimIds?.[0] ?? entry.actorIds?.[0] ?? entry.sourceUrls?.[0] ?? null,
  });
  return id;
}
