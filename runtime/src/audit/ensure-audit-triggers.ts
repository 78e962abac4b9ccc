import type { Knex } from 'knex';
import type { AppState } from '../meta/compile-app-state';

/**
 * One statement-level trigger per event (PostgreSQL allows transition tables on one event per
 * trigger), each handing its statement's rows to `tessera.audit_record_changes` (audit-changes-ddl.ts).
 */
const AUDIT_TRIGGERS = [
  { name: 'tessera_audit_insert', event: 'insert', referencing: 'new table as new_rows' },
  { name: 'tessera_audit_update', event: 'update', referencing: 'old table as old_rows new table as new_rows' },
  { name: 'tessera_audit_delete', event: 'delete', referencing: 'old table as old_rows' },
] as const;

/** The row trigger of releases up to 0.2.0-11: left beside the new ones, every change would be audited twice. */
const LEGACY_TRIGGER = 'tessera_audit';

/**
 * Puts the audit triggers on every entity table of the published app. `create or replace`
 * makes it idempotent and refreshes the entity name the triggers record after a rename;
 * called at start and after each publish (new tables). A table still carrying the legacy row
 * trigger loses it in the same transaction as it gets the new ones, so no write in between
 * is audited twice or not at all.
 */
export async function ensureAuditTriggers(knex: Knex, state: AppState): Promise<void> {
  const entities = [...state.byPlural.values()];
  if (entities.length === 0) return;
  await knex.transaction(async (trx) => {
    // One query for every table: does it exist yet, and does it still have the row trigger?
    const { rows } = await trx.raw(
      `select t.ord, c.oid is not null as present,
              exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = ? and not g.tgisinternal) as legacy
         from jsonb_array_elements(?::jsonb) with ordinality as t(name, ord)
         left join pg_namespace s on s.nspname = t.name ->> 0
         left join pg_class c on c.relnamespace = s.oid and c.relname = t.name ->> 1 and c.relkind in ('r', 'p')`,
      [LEGACY_TRIGGER, JSON.stringify(entities.map((e) => [e.schema, e.table]))],
    );
    for (const row of rows as { ord: string | number; present: boolean; legacy: boolean }[]) {
      if (!row.present) continue;
      const entity = entities[Number(row.ord) - 1];
      if (row.legacy) await trx.raw('drop trigger ?? on ??.??', [LEGACY_TRIGGER, entity.schema, entity.table]);
      for (const t of AUDIT_TRIGGERS) {
        await trx.raw(
          `create or replace trigger ?? after ${t.event} on ??.?? referencing ${t.referencing} for each statement execute function tessera.audit_record_changes(${quoteLiteral(entity.entity['x-name'])})`,
          [t.name, entity.schema, entity.table],
        );
      }
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
