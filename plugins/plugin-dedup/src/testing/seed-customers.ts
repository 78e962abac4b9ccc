import type { TestRuntime } from '@tessera/runtime';
import { recordKeys } from '../dedup-keys';
import type { DedupStore } from '../dedup-store';
import { insertKeys, markReady } from '../key-table';
import { testStore } from './test-store';

/**
 * `rows` customers of the test app, owned by the admin, inserted with one generate_series
 * statement ("Company <n>" with three legal-form spellings, phone 138<n>, sales<n>@example.com),
 * and their keys written as the back-fill would (same recordKeys), in 10,000-row statements.
 */
export async function seedCustomers(rt: TestRuntime, rows: number): Promise<{ table: string; store: DedupStore & { count: number } }> {
  const db = rt.runtime.knex;
  const found = await db.raw(`select table_schema, table_name from information_schema.columns where column_name = 'phone' and table_name like '%customer%' and table_schema not in ('information_schema', 'pg_catalog')`);
  const table = `"${found.rows[0].table_schema}"."${found.rows[0].table_name}"`;
  const admin = (await db.raw(`select id from tessera.users where username = 'admin'`)).rows[0].id;
  await db.raw(
    `insert into ${table} (id, name, phone, email, owner, created_by)
     select gen_random_uuid(), 'Company ' || g || (array[' Co., Ltd.', ' Inc.', ''])[g % 3 + 1], '138' || lpad(g::text, 8, '0'), 'sales' || g || '@example.com', ?, ?
       from generate_series(1, ${Number(rows)}) g`,
    [admin, admin],
  );
  const store = await testStore(db);
  const fields = ['name', 'phone', 'email'];
  const stored = (await db.raw(`select id, name, phone, email from ${table}`)).rows as Record<string, unknown>[];
  for (let i = 0; i < stored.length; i += 10_000) {
    await insertKeys(store, 'customer', stored.slice(i, i + 10_000).map((r) => ({ recordId: String(r.id), keys: recordKeys(fields, r) })));
  }
  await markReady(store, 'customer', fields);
  await db.raw(`analyze ${table}; analyze "${store.schema}".dedup_keys`);
  store.count = 0;
  return { table, store };
}
