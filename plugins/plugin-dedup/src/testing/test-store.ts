import type { PluginRecordsApi } from '@tessera/engine';
import type { SessionClient } from '@tessera/runtime';
import type { DedupStore } from '../dedup-store';
import { DEDUP_MIGRATIONS } from '../key-table';

type Row = Record<string, unknown>;
interface RawDb {
  raw(sql: string, bindings?: readonly unknown[]): PromiseLike<unknown>;
}

/**
 * What the proposed runtime API would hand the plugin (README.md), built by tests from the
 * runtime's own knex: the plugin's schema, created and migrated. `count` counts statements.
 */
export async function testStore(db: RawDb, schema = 'plugin_dedup'): Promise<DedupStore & { count: number }> {
  const store = {
    schema,
    count: 0,
    async raw(sql: string, bindings: readonly unknown[] = []) {
      store.count += 1;
      const result = (await db.raw(sql, bindings as unknown[])) as { rows?: Row[] };
      return { rows: result.rows ?? [] };
    },
  };
  await db.raw(`create schema if not exists "${schema}"`);
  for (const migration of DEDUP_MIGRATIONS) for (const sql of migration.up(store)) await db.raw(sql);
  store.count = 0;
  return store;
}

/** The records API over HTTP as `client`: the same list parameters, permissions and scope a hook's records API has. */
export function httpRecords(client: SessionClient, plural: string): PluginRecordsApi<Row> {
  const fail = (what: string, res: { status: number; body: unknown }) => new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    async list(query = {}) {
      const res = await client.call('GET', `/api/${plural}?${new URLSearchParams(query)}`);
      if (res.status !== 200) throw fail('list', res);
      return res.body.data;
    },
    async get(id) {
      const res = await client.call('GET', `/api/${plural}/${id}`);
      return res.status === 200 ? res.body.data : undefined;
    },
    async create(data) {
      const res = await client.call('POST', `/api/${plural}`, data);
      if (res.status !== 201) throw fail('create', res);
      return res.body.data;
    },
    async update(id, data) {
      const res = await client.call('PATCH', `/api/${plural}/${id}`, data);
      if (res.status !== 200) throw fail('update', res);
      return res.body.data;
    },
    async delete(id) {
      const res = await client.call('DELETE', `/api/${plural}/${id}`);
      if (res.status !== 204 && res.status !== 200) throw fail('delete', res);
    },
  };
}

/** A before-hook context as the runtime builds one, plus the proposed `store` (and `id` on create). */
export function hookContext(extra: Row & { records: (entity: string) => PluginRecordsApi<Row>; settings: Row; entity: string }) {
  return {
    plugin: '@tessera/plugin-dedup',
    user: { id: 'u', username: 'u', roles: [] },
    requestId: 'test',
    log: { info: () => undefined, error: () => undefined },
    reject(message: string, field?: string): never {
      throw Object.assign(new Error(message), { field });
    },
    ...extra,
  };
}
