/**
 * Bulk import (`npm run import`): NDJSON files of actors, roles, sources, events and claims,
 * validated whole (validate.ts: nothing is written if a line is wrong), then written in large
 * batches (write.ts). The YAML source files stay the format for hand-edited sources; this is
 * for desk-scale data: exports of other systems, archives, synthetic benchmarks.
 */
import type { Writer } from '../db/audit';
import type { Executor } from '../db/executor';
import { importFiles } from './read';
import { planImport, type ImportPlan } from './validate';
import { writeImport, type ImportProgress, type ImportResult } from './write';

export { ImportInvalidError } from './validate';
export type { ImportProgress, ImportResult, ImportPlan };

export const DEFAULT_BATCH_SIZE = 5000;

export interface ImportOptions {
  batchSize?: number;
  /** Pass one's progress: lines read. */
  onValidate?: (lines: number) => void;
  /** Called once pass one has accepted the input, before anything is written. */
  onPlan?: (plan: ImportPlan) => void;
  onBatch?: (p: ImportProgress) => void;
}

export async function importPath(
  executor: Executor,
  target: string,
  writer: Writer,
  opts: ImportOptions = {},
): Promise<ImportResult & { plan: ImportPlan }> {
  const plan = await planImport(executor, importFiles(target), opts.onValidate);
  opts.onPlan?.(plan);
  const result = await writeImport(executor, plan, writer, {
    batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
    onBatch: opts.onBatch,
  });
  return { ...result, plan };
}
