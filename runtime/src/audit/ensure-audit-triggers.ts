import type { Knex } from 'knex';
import type { AppState } from '../meta/compile-app-state';

/**
 * Puts the audit trigger on every entity table of the published app. `create or replace`
 * makes it idempotent and refreshes the entity name the trigger records after a rename;
 * called at start and after each publish (new tables).
 */
export async function ensureAuditTriggers(knex: Knex, state: AppState): Promise<void> {
  await knex.transaction(async (trx) => {
    for (const entity of state.byPlural.values()) {
      const exists = await trx.raw('select to_regclass(?) as t', [`${entity.schema}.${entity.table}`]);
      if (!exists.rows[0]?.t) continue;
      await trx.raw(
        `create or replace trigger tessera_audit after insert or update or delete on ??.?? for each row execute function tessera.audit_record_change(${quoteLiteral(entity.entity['x-name'])})`,
        [entity.schema, entity.table],
      );
    }
  });
}

/** Trigger arguments cannot be bound parameters; entity names are identifiers ([a-z0-9_]) anyway. */
function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const ready = new WeakMap<AppState, Promise<void>>();

/** `ensureAuditTriggers` once per published state: a publish may add tables, and their first write must already be audited. */
export function auditTriggersReady(knex: Knex, state: AppState): Promise<void> {
  let done = ready.get(state);
  if (!done) {
    done = ensureAuditTriggers(knex, state);
    ready.set(state, done);
    done.catch(() => ready.delete(state));
  }
  return done;
}
