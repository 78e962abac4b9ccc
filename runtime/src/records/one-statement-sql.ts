import { ident } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import type { AuditContext } from '../audit/set-audit-context';
import type { CompiledEntity } from '../meta/compile-app-state';
import { isSoftDelete } from './record-scope';

/**
 * The SQL of a record's create and of the one-statement update (ADR 0020), written out instead
 * of compiled by knex's builder, whose insert compiler cost these requests more than any other
 * step of theirs. Identifiers come only from metadata (`row`'s keys are columns from `recordToRow`);
 * every value is a bound parameter, passed to the driver exactly as knex would pass it.
 */

function binder() {
  const bindings: unknown[] = [];
  return { bindings, bind: (value: unknown) => (bindings.push(value), `$${bindings.length}`) };
}

const auditCall = (bind: (v: unknown) => string, audit: AuditContext) =>
  `tessera.audit_context(${bind(audit.actorId ?? '')}, ${bind(audit.requestId ?? '')}, ${bind(audit.action ?? '')})`;

/**
 * `insert … returning *` of one new record owned by its creator. With `audit`, the statement
 * carries the audit context itself (no transaction of its own); without, the transaction has it.
 */
export function insertOneSql(entity: CompiledEntity, row: Record<string, unknown>, system: { id: string; userId: string; audit?: AuditContext }): Knex.SqlNative {
  const { bindings, bind } = binder();
  const columns: string[] = [];
  const values: string[] = [];
  for (const [column, value] of Object.entries(row)) {
    if (value === undefined) continue; // knex leaves an undefined value to the column default too
    columns.push(ident(column));
    values.push(bind(value));
  }
  columns.push('"id"', '"version"', '"created_at"', '"updated_at"', '"created_by"', '"owner"');
  values.push(bind(system.id), system.audit ? auditCall(bind, system.audit) : '1', 'CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP', bind(system.userId), bind(system.userId));
  return { sql: `insert into ${ident(entity.schema)}.${ident(entity.table)} (${columns.join(', ')}) values (${values.join(', ')}) returning *`, bindings: bindings as Knex.Value[] };
}

/** A column the stored row must have null (or not null) for the update to apply (currency guards, ADR 0013). */
export interface NullGuard { column: string; mustBeNull: boolean }

/**
 * `update … where id [and version] [and live] [and guards] returning *`: no row back means
 * missing, stale or guarded. With `audit`, the statement carries the audit context itself (the
 * one-statement path, ADR 0020); without, the transaction it runs in has it.
 */
export function updateOneSql(entity: CompiledEntity, id: string, row: Record<string, unknown>, expected: number | undefined, audit?: AuditContext, guards: readonly NullGuard[] = []): Knex.SqlNative {
  const { bindings, bind } = binder();
  const sets: string[] = [];
  for (const [column, value] of Object.entries(row)) if (value !== undefined) sets.push(`${ident(column)} = ${bind(value)}`);
  sets.push(`"version" = "version" + ${audit ? auditCall(bind, audit) : '1'}`, '"updated_at" = CURRENT_TIMESTAMP');
  const where = [`"id" = ${bind(id)}`];
  if (expected !== undefined) where.push(`"version" = ${bind(expected)}`);
  if (isSoftDelete(entity)) where.push('"deleted_at" is null');
  for (const guard of guards) where.push(`${ident(guard.column)} is ${guard.mustBeNull ? '' : 'not '}null`);
  return { sql: `update ${ident(entity.schema)}.${ident(entity.table)} set ${sets.join(', ')} where ${where.join(' and ')} returning *`, bindings: bindings as Knex.Value[] };
}
