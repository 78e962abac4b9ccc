import type { Knex } from 'knex';
import type { CheckResult, RunStep } from './migrate-types';

export interface RunOptions {
  /** Test-only: SQL run after the steps, before the caller commits (e.g. `select pg_sleep(5)`). */
  afterSteps?: string;
}

const rowsOf = (result: unknown): Record<string, unknown>[] => (result as { rows?: Record<string, unknown>[] }).rows ?? [];

/**
 * Runs the steps in order inside `trx` (the caller's transaction), each step's prechecks
 * right before it, as the engine requires. A failing precheck skips its step and the run
 * goes on, so one attempt reports every problem at once; each step runs in a savepoint so a
 * later statement that fails because of a skipped one does not hide the real reports. The
 * caller rolls back whenever a check failed: nothing is ever half-applied.
 */
export async function runMigrationSteps(trx: Knex.Transaction, steps: readonly RunStep[], opts: RunOptions = {}): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  let failed = false;
  for (const [index, step] of steps.entries()) {
    let stepFails = false;
    for (const check of step.checks ?? []) {
      const [row] = rowsOf(await trx.raw(check.sql));
      const count = Number(row?.count ?? 0);
      const samples = ((row?.samples as unknown[] | null) ?? []).map(String);
      results.push({ step: index, ...(step.fieldId ? { fieldId: step.fieldId } : {}), description: check.description, failure: check.failure, count, samples });
      if (count > 0) stepFails = true;
    }
    if (stepFails) {
      failed = true;
      continue;
    }
    if (!failed) {
      for (const sql of step.sql) await trx.raw(sql);
      continue;
    }
    // After a failure the run only looks for more problems; an error here is a consequence.
    try {
      await trx.transaction(async (sp) => {
        for (const sql of step.sql) await sp.raw(sql);
      });
    } catch {
      /* reported through the failed check that caused it */
    }
  }
  if (opts.afterSteps && !failed) await trx.raw(opts.afterSteps);
  return results;
}
