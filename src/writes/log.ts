import type { AuditedWrite } from '../db/audit';
import type { Executor } from '../db/executor';

/** One committed write, as a response reports it in `extensions.committed`. */
export interface CommittedWrite extends AuditedWrite {
  /** The response key (alias or name) of the mutation field that made it. */
  field: string | null;
  /** False only when the database could not be asked whether it committed (see committed()). */
  confirmed?: false;
}

/**
 * A request's record of its writes, so that no committed write hides behind an error.
 *
 * Every write records an audit event in its own transaction (src/db/audit.ts), and the writer of
 * a request's caller (src/auth.ts writerOf) reports each to `sink` as it is recorded: any
 * mutation that writes through src/writes gets this without code of its own. The
 * committed-writes plugin (src/graphql/committed.ts) names the mutation field running, and adds
 * the list to the response. A transaction that rolled back (or was retried) also reported its
 * audit event, so committed() keeps only the events that exist in the database.
 */
export class WriteLog {
  private field: string | null = null;
  private readonly reported: CommittedWrite[] = [];

  /** `afterWrite` runs after each reported write (the context clears its loaders there). */
  constructor(private readonly afterWrite: () => void = () => undefined) {}

  readonly sink = (event: AuditedWrite): void => {
    this.reported.push({ field: this.field, ...event });
    this.afterWrite();
  };

  /** The mutation field whose resolver runs now (mutation fields run one after another). */
  enterField(responseKey: string): void {
    this.field = responseKey;
  }

  get isEmpty(): boolean {
    return this.reported.length === 0;
  }

  /** The reported writes that committed, in the order they were made. */
  async committed(executor: Executor): Promise<CommittedWrite[]> {
    if (this.reported.length === 0) return [];
    let ids: Set<string>;
    try {
      const rows = await executor.read('audit/committed', { ids: this.reported.map((w) => w.auditEvent) });
      ids = new Set(rows.map((r) => r.id as string));
    } catch {
      // The database cannot say now: report every write, marked unconfirmed, rather than none.
      return this.reported.map((w) => ({ ...w, confirmed: false as const }));
    }
    return this.reported.filter((w) => ids.has(w.auditEvent));
  }
}
