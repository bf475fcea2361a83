import fs from 'node:fs';
import path from 'node:path';

/**
 * The running service's calling card: `npm start` with the embedded Neo4j writes
 * `<NEO4J_DATA_DIR>/claimgraph-service.json` once Neo4j is ready, and removes it when it stops.
 * The CLIs read it to reach that Neo4j instead of trying to start a second one on the same store
 * (which the store lock refuses), and a second `npm start` reads it to name the first.
 *
 * A file left by a process that was killed is recognised by its pid no longer being alive.
 */
export interface RunningService {
  /** The API process (node), whose exit ends the embedded Neo4j too. */
  pid: number;
  /** The embedded Neo4j's JVM (changes when the supervisor restarts it). */
  neo4jPid: number;
  boltUri: string;
  /** Where the GraphQL API listens, once it does. */
  httpUrl?: string;
  dataDir: string;
  startedAt: string;
}

export const RUNNING_FILE = 'claimgraph-service.json';

export function runningFile(dataDir: string): string {
  return path.join(dataDir, RUNNING_FILE);
}

/** Written whole to a temporary name and renamed, so a reader never sees half a file. */
export function writeRunning(info: RunningService): void {
  const file = runningFile(info.dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(info, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** Removes the file if it is this process's (a newer instance's file is left alone). */
export function removeRunning(dataDir: string, pid = process.pid): void {
  const current = readRunning(dataDir);
  if (current?.pid === pid) fs.rmSync(runningFile(dataDir), { force: true });
}

function readRunning(dataDir: string): RunningService | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(runningFile(dataDir), 'utf8')) as Partial<RunningService>;
    if (typeof parsed.pid !== 'number' || typeof parsed.boltUri !== 'string') return undefined;
    return parsed as RunningService;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else; still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The claimgraph server running on this data folder, if any (never this process itself). */
export function findRunning(dataDir: string): RunningService | undefined {
  const info = readRunning(dataDir);
  if (!info || info.pid === process.pid || !isAlive(info.pid)) return undefined;
  return info;
}

/** "pid 1234, API http://…/graphql, Neo4j bolt://…, since …": for messages. */
export function describeRunning(info: RunningService): string {
  const api = info.httpUrl ? `, API ${info.httpUrl}/graphql` : '';
  return `pid ${info.pid}${api}, Neo4j ${info.boltUri}, started ${info.startedAt}`;
}
