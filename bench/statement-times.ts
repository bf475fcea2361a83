import type { Executor } from '../src/db/executor';

/**
 * Where a benchmark's writing went: the named statements the executor ran in transactions, with
 * their count, the seconds spent waiting on each and its share, largest first.
 */
export function statementTimesTable(executor: Executor, top = 12): string[] {
  const times = [...executor.statementTimes].sort((a, b) => b[1].ms - a[1].ms);
  const spent = times.reduce((sum, [, t]) => sum + t.ms, 0) || 1;
  return times
    .slice(0, top)
    .map(
      ([name, t]) =>
        `  ${name.padEnd(36)} ${String(t.count).padStart(5)}×  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${((100 * t.ms) / spent).toFixed(0).padStart(3)}%`,
    );
}
