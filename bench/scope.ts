/**
 * bench/scope: a customer list (limit 50, newest first) with a department-subtree scope vs the
 * same list with scope `all`, over 100,000 customers, 50 departments (a tree) and 1,000 users,
 * on a fresh PostgreSQL database. Issue 5's budget: scoped ≤ 1.3× all. Prints, per round, the
 * scope scopeToSql emits (`closure`, ADR 0018) beside the recursive CTE it replaced and a bound
 * array, so before/after come from the same machine state; BENCH_PLAN=1 adds the EXPLAIN.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/scope.ts
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { resolvePermissions } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { listQueryToSql, scopeToSql } from '@tessera/engine/sql';
import { createFieldTypeRegistry, parseListQuery } from '@tessera/engine';
import { createRuntime, createSessionClient, type SessionClient } from '@tessera/runtime';
import { withDatabase } from '../runtime/src/testing/for-each-database';
import knexFactory, { type Knex } from 'knex';

const CUSTOMERS = 100_000;
const DEPARTMENTS = 50;
const USERS = 1_000;
const RUNS = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const app = {
  name: 'bench',
  label: { en: 'Bench' },
  entities: [{ type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, properties: { name: { 'x-id': 'fld_name', 'x-type': 'text', 'x-label': { en: 'Name' } } } }],
  layouts: [],
  permissions: { roles: { sales_manager: { label: { en: 'Manager' }, entities: { customer: { actions: ['read'], scope: 'department' } } }, viewer: { label: { en: 'Viewer' }, entities: { customer: { actions: ['read'], scope: 'all' } } } } },
} as unknown as AppDefinition;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `tessera_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: server, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [dbName]);
  const url = withDatabase(server, dbName);
  try {
    const rt = await createRuntime({ app, databaseUrl: url, adminPassword: 'bench-admin-password', logger: { error: () => undefined, info: () => undefined } });
    const knex = rt.knex;
    try {
      // A tree: department i's parent is (i-1)/3, so depth ≈ log3(50) ≈ 4.
      const deptIds = Array.from({ length: DEPARTMENTS }, () => randomUUID());
      for (let i = 0; i < DEPARTMENTS; i++) {
        await knex('tessera.departments').insert({ id: deptIds[i], name: `D${i}`, parent_id: i === 0 ? null : deptIds[Math.floor((i - 1) / 3)] });
      }
      const userIds = Array.from({ length: USERS }, () => randomUUID());
      for (let i = 0; i < USERS; i += 500) {
        await knex('tessera.users').insert(userIds.slice(i, i + 500).map((id, j) => ({ id, username: `u${i + j}`, display_name: `U${i + j}`, password_hash: 'x', roles: ['sales_rep'], department_id: deptIds[(i + j) % DEPARTMENTS] })));
      }
      for (let i = 0; i < CUSTOMERS; i += 5000) {
        await knex.raw(
          `insert into app_bench.customer (id, name, created_at, updated_at, created_by, owner, version)
           select gen_random_uuid(), 'c' || g, now() - g * interval '1 second', now(), o, o, 1
             from generate_series(?::int, ?::int) g, lateral (select (?::uuid[])[1 + (g * 7919) % ?] as o) x`,
          [i, i + 4999, userIds, USERS],
        );
      }
      await knex.raw('create index if not exists customer_created_at_idx on app_bench.customer (created_at)');
      await knex.raw('create index if not exists customer_owner_idx on app_bench.customer (owner)');
      await knex.raw('analyze');

      const registry = createFieldTypeRegistry();
      const parsed = parseListQuery({ sort: '-created_at', limit: '50', count: 'false' }, app.entities[0], registry, app.entities);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      // A manager of department 1 (a subtree of ~1/3 of the org below the root).
      const subject = { id: userIds[1], username: 'u1', departmentId: deptIds[1], managerId: null };
      const scoped = scopeToSql(resolvePermissions(app, { roles: ['sales_manager'] }).entity('customer'), subject, { qualifier: 't0', mode: 'read' })!;
      const all = scopeToSql(resolvePermissions(app, { roles: ['viewer'] }).entity('customer'), subject, { qualifier: 't0', mode: 'read' });
      if (all !== undefined) throw new Error('scope all should add no clause');
      const target = (restrict?: (qb: never) => void) => ({ schema: 'app_bench', table: 'customer', ...(restrict ? { restrict: (qb: unknown) => restrict(qb as never) } : {}) });
      const time = async (restrict?: (qb: never) => void) => {
        const t = process.hrtime.bigint();
        const rows = await listQueryToSql(knex, parsed.value, target(restrict) as never);
        if (rows.length === 0) throw new Error('empty page');
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      // Same run, same data: what scopeToSql emits (the `department_members` closure, ADR 0016)
      // beside the recursive CTE it replaced and that CTE's user ids bound as one array.
      const cte = `select u.id from tessera.users u where u.department_id in (with recursive sub(id) as (select ?::uuid union all select d.id from tessera.departments d join sub on d.parent_id = sub.id) select id from sub)`;
      const { rows: subtreeUsers } = await knex.raw(cte, [deptIds[1]]);
      const ids = subtreeUsers.map((r: { id: string }) => r.id);
      // Both OR the record shares in, as scopeToSql does (without the OR the planner may pick a nested-loop semi-join).
      const shares = `?? in (select s.record_id from tessera.record_shares s where s.entity = 'customer' and (s.user_id = ? or s.team_id in (select mine.team_id from tessera.team_members mine where mine.user_id = ?)))`;
      const withShares = (cond: string, bindings: unknown[]) => (qb: Knex.QueryBuilder) =>
        void qb.where((b) => b.whereRaw(cond, bindings as Knex.RawBinding[]).orWhereRaw(shares, ['t0.id', subject.id, subject.id]));
      const recursiveCte = withShares(`?? in (${cte})`, ['t0.owner', deptIds[1]]);
      // One array parameter (`any` of a bound array is planned element by element, so it is a subquery).
      const arrayParam = withShares('?? in (select unnest(?::uuid[]))', ['t0.owner', `{${ids.join(',')}}`]);
      const variants: Record<string, ((qb: never) => void) | undefined> = { all: undefined, closure: scoped as never, recursiveCte: recursiveCte as never, arrayParam: arrayParam as never };
      for (let i = 0; i < 20; i++) for (const v of Object.values(variants)) await time(v);
      const counts = await Promise.all(Object.entries(variants).slice(1).map(async ([k, v]) => [k, (await knex('app_bench.customer as t0').modify(v as never).count({ n: '*' }))[0].n]));
      console.log(`customers ${CUSTOMERS}, departments ${DEPARTMENTS}, users ${USERS}; subtree users ${ids.length}; in scope: ${JSON.stringify(Object.fromEntries(counts))}`);
      for (let round = 1; round <= ROUNDS; round++) {
        const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
        for (let i = 0; i < RUNS; i++) for (const [k, v] of Object.entries(variants)) times[k].push(await time(v));
        const a = median(times.all);
        const cols = Object.keys(variants).slice(1).map((k) => `${k} ${median(times[k]).toFixed(2)} ms (${(median(times[k]) / a).toFixed(2)}×)`);
        console.log(`round ${round}, median of ${RUNS}: all ${a.toFixed(2)} ms; ${cols.join('; ')}`);
      }
      // The same list through the API, as a user sees it: a department manager vs a viewer with
      // scope all, alternating request by request (HTTP, auth and JSON included).
      const { url: base } = await rt.listen(0, '127.0.0.1');
      const admin = await createSessionClient(base, 'admin', 'bench-admin-password');
      const make = async (username: string, roles: string[], departmentId: string) => {
        const res = await admin.call('POST', '/api/admin/users', { username, password: `${username}-bench-password`, roles, departmentId });
        if (res.status !== 201) throw new Error(`user ${username}: ${res.status} ${res.text}`);
        return createSessionClient(base, username, `${username}-bench-password`);
      };
      const clients: Record<'all' | 'subtree', SessionClient> = { subtree: await make('bench_manager', ['sales_manager'], deptIds[1]), all: await make('bench_viewer', ['viewer'], deptIds[1]) };
      const apiTime = async (client: SessionClient) => {
        const t = process.hrtime.bigint();
        const res = await client.call('GET', '/api/customers?limit=50&sort=-created_at&count=false');
        if (res.status !== 200 || res.body.data.length !== 50) throw new Error(`API list: ${res.status}`);
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      for (let i = 0; i < 20; i++) for (const c of Object.values(clients)) await apiTime(c);
      for (let round = 1; round <= ROUNDS; round++) {
        const times = { all: [] as number[], subtree: [] as number[] };
        for (let i = 0; i < RUNS; i++) for (const k of ['all', 'subtree'] as const) times[k].push(await apiTime(clients[k]));
        const a = median(times.all);
        const b = median(times.subtree);
        console.log(`API round ${round}, median of ${RUNS}: all ${a.toFixed(2)} ms; subtree ${b.toFixed(2)} ms (${(b / a).toFixed(2)}×)`);
      }
      const plan = await knex.raw(`explain (analyze, buffers) ${listQueryToSql(knex, parsed.value, target(scoped as never) as never).toString()}`);
      if (process.env.BENCH_PLAN) console.log(plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n'));
    } finally {
      await rt.close();
    }
  } finally {
    await admin.raw('drop database if exists ?? with (force)', [dbName]);
    await admin.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
