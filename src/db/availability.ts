/**
 * Whether Neo4j can be asked anything right now: the circuit the executor checks before every
 * transaction, so that a lost database is answered in milliseconds with NEO4J_UNAVAILABLE rather
 * than after the driver's connection and retry timeouts (15 to 34 s before this existed).
 *
 * Who moves it:
 * - the embedded supervisor (src/neo4j/provide.ts) the moment the JVM exits (`restarting`);
 * - the executor when a query fails to reach the server twice in a row (`down`);
 * - the executor's probe, which pings every PROBE_INTERVAL_MS while the state is not `up`, and
 *   sets `up` on the first answer (so recovery needs no API restart, embedded or external);
 * - shutdown (`stopping`), after which nothing moves it again.
 *
 * /healthz and /readyz report it (503 with the state in the body whenever it is not `up`).
 */
export type Neo4jState = 'starting' | 'up' | 'down' | 'restarting' | 'stopping';

export interface AvailabilitySnapshot {
  state: Neo4jState;
  /** When the state last changed (ISO 8601). */
  since: string;
  /** Why it is not up, for logs and /readyz (never driver internals beyond one line). */
  reason: string | undefined;
}

export class Availability {
  private current: AvailabilitySnapshot = {
    state: 'starting',
    since: new Date().toISOString(),
    reason: undefined,
  };
  private readonly listeners = new Set<(s: AvailabilitySnapshot) => void>();

  get state(): Neo4jState {
    return this.current.state;
  }

  get up(): boolean {
    return this.current.state === 'up';
  }

  snapshot(): AvailabilitySnapshot {
    return { ...this.current };
  }

  /** Moves to `state`; `stopping` is final. Listeners hear every real change, once. */
  set(state: Neo4jState, reason?: string): void {
    if (this.current.state === 'stopping') return;
    if (this.current.state === state) return;
    this.current = { state, since: new Date().toISOString(), reason: state === 'up' ? undefined : reason };
    for (const listener of this.listeners) listener(this.snapshot());
  }

  onChange(listener: (s: AvailabilitySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
