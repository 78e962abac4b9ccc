// bench/migrate: plan and apply an app of 200 entities × 40 fields from empty, then plan a
// one-field change on it. Targets (issue 3): one-field plan < 50 ms; full apply < 20 s on
// PostgreSQL. Run: npx tsx bench/migrate.ts (uses DATABASE_URL or TEST_DATABASE_URL's server).
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { createFieldTypeRegistry } from '@tessera/engine';
import { planMigration } from '@tessera/engine/sql';
import { serverBuiltinFieldTypes } from '@tessera/engine/server';
import type { AppDefinition, FieldDefinition } from '@tessera/metadata';
import knexFactory from 'knex';
import { createDatabase } from '../runtime/src/db/create-database';
import { applyInternalMigrations } from '../runtime/src/db/internal-migrations';
import { hashApp } from '../runtime/src/meta/hash-app';
import { applyMigration } from '../runtime/src/migrate/apply-migration';

const ENTITIES = 200;
const FIELDS = 40;
const TYPES = ['text', 'number', 'currency', 'date', 'datetime', 'boolean', 'email', 'select'] as const;
const registry = createFieldTypeRegistry(serverBuiltinFieldTypes);

function bigApp(): AppDefinition {
  return {
    name: 'bench', label: { en: 'Bench' }, layouts: [],
    entities: Array.from({ length: ENTITIES }, (_, e) => ({
      type: 'object' as const, 'x-id': `e${e}`, 'x-name': `entity_${e}`, 'x-plural': `entities_${e}`, 'x-label': { en: `Entity ${e}` },
      properties: Object.fromEntries(Array.from({ length: FIELDS }, (_, f) => {
        const type = TYPES[f % TYPES.length];
        const field: FieldDefinition = { 'x-id': `e${e}f${f}`, 'x-type': type, 'x-label': { en: `Field ${f}` } } as FieldDefinition;
        if (type === 'select') field['x-options'] = [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }];
        if (f === 1) field['x-unique'] = true;
        if (f === 2) field['x-indexed'] = true;
        return [`field_${f}`, field];
      })),
    })),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const app = bigApp();
  let t = performance.now();
  const plan = planMigration(null, app, registry);
  const planFromEmpty = performance.now() - t;
  console.log(`plan ${ENTITIES}×${FIELDS} from empty: ${planFromEmpty.toFixed(1)} ms (${plan.steps.length} steps)`);

  const changed = JSON.parse(JSON.stringify(app)) as AppDefinition;
  changed.entities[123].properties.field_5 = { ...changed.entities[123].properties.field_5, 'x-type': 'text' };
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    const one = planMigration(app, changed, registry);
    times.push(performance.now() - t);
    if (i === 0) console.log(`  one-field change plan: ${one.steps.map((s) => s.kind).join(', ')}`);
  }
  console.log(`plan one-field change: ${median(times).toFixed(1)} ms median of 20 (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}) — target < 50 ms`);

  const server = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) {
    console.log('apply: skipped (set DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server)');
    return;
  }
  const dbName = `tessera_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: server, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [dbName]);
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  const knex = createDatabase({ url: url.toString() });
  try {
    await applyInternalMigrations(knex);
    t = performance.now();
    const outcome = await applyMigration({ knex, registry, app, source: 'files', hash: hashApp(app), appliedBy: 'bench' });
    const applySeconds = (performance.now() - t) / 1000;
    console.log(`apply ${ENTITIES}×${FIELDS} from empty on PostgreSQL: ${applySeconds.toFixed(2)} s (${outcome.steps.length} steps, one transaction) — target < 20 s`);
    t = performance.now();
    await applyMigration({ knex, registry, app: changed, source: 'designer', hash: hashApp(changed), appliedBy: 'bench', baseVersion: 1 });
    console.log(`apply the one-field change: ${(performance.now() - t).toFixed(0)} ms`);
  } finally {
    await knex.destroy();
    await admin.raw('drop database if exists ?? with (force)', [dbName]);
    await admin.destroy();
  }
}
void main();
