import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { admitWrite } from '../records/write-door';
import { RetryWithSavepoints, type BatchRun, type KeyMatch } from './batch-run';
import { rememberKeys, withEarlierRows } from './match-rows';
import type { RowInput } from './rows-to-inputs';

export interface PlannedCreate {
  id: string;
  data: Record<string, unknown>;
  /** A batch hook's refusal: the row is rejected with it, unwritten. */
  refused?: Error;
}

/**
 * The rows of a batch the write loop will create (its same decisions, ahead of it), admitted
 * and given their ids, then shown to the plugins' batch hooks at once: one check for the
 * batch instead of one per row (ADR 0047). A row the loop ends up creating that is not planned
 * here (an earlier planned row was refused, so this one no longer matches it) runs every
 * per-row hook as before. A batch hook that throws sends the batch to the careful path.
 */
export async function planCreates(run: BatchRun, trx: Knex.Transaction, inputs: RowInput[], matches: KeyMatch[]): Promise<Map<number, PlannedCreate>> {
  const planned = new Map<number, PlannedCreate>();
  if (!run.hooks?.beforeCreateMany) return planned;
  const ahead: BatchRun = { ...run, seen: new Map(run.seen) };
  for (const [i, input] of inputs.entries()) {
    if (input.errors.length > 0) continue;
    const match = withEarlierRows(ahead, input, matches[i]);
    if (match.ids.length > 1 || (input.id && match.ids.length === 0) || (match.ids[0] && run.mode !== 'create')) continue;
    let data: Record<string, unknown>;
    try {
      ({ data } = await admitWrite(trx, run.state, run.user, run.entity, 'create', input.data, run.create));
    } catch {
      continue; // the loop admits it again and rejects it with its reasons
    }
    const id = randomUUID();
    planned.set(i, { id, data });
    rememberKeys(ahead, input, id);
  }
  if (planned.size === 0) return planned;
  const entries = [...planned.values()];
  let refusals: (Error | undefined)[];
  try {
    refusals = await run.hooks.beforeCreateMany({ trx, entity: run.entity }, entries);
  } catch {
    throw new RetryWithSavepoints();
  }
  for (const [k, entry] of entries.entries()) if (refusals[k]) entry.refused = refusals[k];
  return planned;
}
