import { parseGetQuery, parseListQuery, type PluginRecordsApi } from '@tessera/engine';
import { listQueryToSql } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import { setAuditContext } from '../audit/set-audit-context';
import type { AuthUser } from '../auth/auth-types';
import { notFound } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { assertInScope } from '../permissions/assert-in-scope';
import { recordAccess } from '../permissions/record-access';
import { admitWrite } from '../records/write-door';
import { createRecord } from '../records/create-record';
import { deleteRecord } from '../records/delete-record';
import { invalidQuery } from '../records/invalid-query';
import { recordScope, scopedTarget } from '../records/record-scope';
import { rowToRecord } from '../records/row-to-record';
import { updateRecord } from '../records/update-record';

type Row = Record<string, unknown>;

export interface PluginRecordsDeps {
  knex: Knex;
  /** The write's transaction, inside a before-hook: the plugin's reads see its uncommitted state. */
  trx?: Knex.Transaction;
  state: AppState;
  user: AuthUser;
  requestId: string;
}

export function entityByName(state: AppState, name: string): CompiledEntity {
  for (const entity of state.byPlural.values()) if (entity.entity['x-name'] === name) return entity;
  throw notFound(`No entity "${name}" is published`);
}

/**
 * The records API a plugin gets: every call is the HTTP API's permission code for the acting
 * user (recordAccess, validateWritable, assertInScope, the scope in the SQL), so a plugin can
 * do no more than its user could with curl. Its writes do not run hooks again (no loops).
 */
export function createPluginRecords(deps: PluginRecordsDeps): (entity: string) => PluginRecordsApi<Row> {
  const { knex, trx, state, user, requestId } = deps;
  const inTransaction = <T>(run: (t: Knex.Transaction) => Promise<T>): Promise<T> =>
    trx ? run(trx) : knex.transaction(async (t) => (await setAuditContext(t, { actorId: user.id, requestId }), run(t)));
  return (name) => {
    const entity = entityByName(state, name);
    const db = trx ?? knex;
    return {
      async list(params = {}) {
        const ra = recordAccess(user, state, entity, 'read');
        const parsed = parseListQuery(params, ra.entity, state.registry, ra.entities);
        if (!parsed.ok) throw invalidQuery(parsed.errors);
        const query = parsed.value;
        if (ra.columns && !query.columns) query.columns = ra.columns;
        const rows = (await listQueryToSql(db, query, scopedTarget(entity, user, state, ra))) as Row[];
        return rows.slice(0, query.limit).map((row) => ra.strip(rowToRecord(row, entity)));
      },
      async get(id) {
        const ra = recordAccess(user, state, entity, 'read');
        const parsed = parseGetQuery({}, ra.entity, state.registry, ra.entities);
        if (!parsed.ok) throw invalidQuery(parsed.errors);
        const row = await db.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).modify((qb) => ra.restrict(qb, entity.table)).first(...(ra.columns ?? ['*']));
        return row ? ra.strip(rowToRecord(row, entity)) : undefined;
      },
      async create(data) {
        const { access: ra, data: valid } = await admitWrite(db, state, user, entity, 'create', data);
        const row = await inTransaction((t) => createRecord({ trx: t, entity, user }, valid));
        return ra.strip(rowToRecord(row, entity));
      },
      async update(id, data) {
        const { access: ra, data: valid } = await admitWrite(db, state, user, entity, 'update', data, undefined, id);
        const row = await inTransaction(async (t) => (await assertInScope(t, entity, ra, id), updateRecord({ trx: t, entity, user }, id, valid)));
        return ra.strip(rowToRecord(row, entity));
      },
      async delete(id) {
        const ra = recordAccess(user, state, entity, 'delete');
        await inTransaction(async (t) => (await assertInScope(t, entity, ra, id), deleteRecord({ trx: t, entity, user, state }, id)));
      },
    };
  };
}
