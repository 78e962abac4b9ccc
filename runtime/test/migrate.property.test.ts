import fc from 'fast-check';
import { createFieldTypeRegistry, entityToTable } from '@tessera/engine';
import { serverBuiltinFieldTypes } from '@tessera/engine/server';
import type { AppDefinition, FieldDefinition } from '@tessera/metadata';
import { createDatabase, forEachDatabase } from '@tessera/runtime';
import type { Knex } from 'knex';
import { applyInternalMigrations } from '../src/db/internal-migrations';
import { hashApp } from '../src/meta/hash-app';
import { applyMigration } from '../src/migrate/apply-migration';

const registry = createFieldTypeRegistry(serverBuiltinFieldTypes);
const RUNS = 25;
const MAX_EDITS = 6;

type Edit =
  | { kind: 'add'; type: 'text' | 'number' }
  | { kind: 'rename'; pick: number }
  | { kind: 'drop'; pick: number }
  | { kind: 'to-text'; pick: number }
  | { kind: 'relabel'; pick: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), type: fc.constantFrom('text' as const, 'number' as const) }),
  ...(['rename', 'drop', 'to-text', 'relabel'] as const).map((kind) => fc.record({ kind: fc.constant(kind), pick: fc.nat(20) })),
);
const valueArb = (type: string) => (type === 'number' ? fc.option(fc.integer({ min: -100000, max: 100000 }), { nil: null }) : fc.option(fc.string({ maxLength: 12 }), { nil: null }));

/** The app's only entity's fields as [name, definition]. */
const fieldsOf = (app: AppDefinition) => Object.entries(app.entities[0].properties);
let fieldSeq = 0;

function applyEdit(app: AppDefinition, edit: Edit): AppDefinition {
  const next = JSON.parse(JSON.stringify(app)) as AppDefinition;
  const props = next.entities[0].properties;
  const names = Object.keys(props);
  const name = names.length ? names[('pick' in edit ? edit.pick : 0) % names.length] : undefined;
  switch (edit.kind) {
    case 'add': {
      const n = ++fieldSeq;
      props[`f${n}`] = { 'x-id': `id${n}`, 'x-type': edit.type, 'x-label': { en: `F${n}` } } as FieldDefinition;
      break;
    }
    case 'rename':
      if (name) {
        props[`${name}_r`] = props[name];
        delete props[name];
      }
      break;
    case 'drop':
      if (name) delete props[name];
      break;
    case 'to-text':
      if (name) props[name] = { ...props[name], 'x-type': 'text' };
      break;
    case 'relabel':
      if (name) props[name] = { ...props[name], 'x-label': { en: `${props[name]['x-label'].en}!` } };
      break;
  }
  return next;
}

/** What each record holds, by field id, as text (how a number reads after becoming text). */
async function valuesById(knex: Knex, app: AppDefinition): Promise<Map<string, Map<string, string | null>>> {
  const schema = `app_${app.name}`;
  const out = new Map<string, Map<string, string | null>>();
  const fields = fieldsOf(app);
  const cols = fields.map(([name, f]) => `, "${name}"::text as "${f['x-id']}"`).join('');
  for (const row of (await knex.raw(`select id::text as id${cols} from "${schema}"."item"`)).rows as Record<string, string | null>[]) {
    out.set(row.id!, new Map(fields.map(([, f]) => [f['x-id'], row[f['x-id']]])));
  }
  return out;
}

forEachDatabase('migrate: property — random edit sequences on tables with data', (getCtx) => {
  let knex: Knex;
  beforeAll(async () => {
    knex = createDatabase(getCtx().databaseUrl ? { url: getCtx().databaseUrl } : { dataDir: 'memory://' });
    await applyInternalMigrations(knex);
  });
  afterAll(() => knex?.destroy());

  it(`after every step the schema is what the metadata says and surviving values are unchanged (${RUNS} runs × ≤ ${MAX_EDITS} edits)`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: MAX_EDITS }), fc.array(fc.tuple(valueArb('text'), valueArb('number')), { minLength: 1, maxLength: 6 }), async (edits, seedRows) => {
        const name = `prop${run++}_${Date.now() % 100000}`;
        let app: AppDefinition = {
          name, label: { en: name }, layouts: [],
          entities: [{ type: 'object', 'x-id': 'e', 'x-name': 'item', 'x-plural': 'items', 'x-label': { en: 'Item' }, properties: {
            t0: { 'x-id': 'id_t0', 'x-type': 'text', 'x-label': { en: 'T0' } },
            n0: { 'x-id': 'id_n0', 'x-type': 'number', 'x-label': { en: 'N0' } },
          } }],
        };
        let version = (await applyMigration({ knex, registry, app, source: 'files', hash: hashApp(app), appliedBy: 'prop' })).version;
        await knex(`app_${name}.item`).insert(seedRows.map(([t, n]) => ({ t0: t, n0: n })));
        for (const edit of edits) {
          const before = await valuesById(knex, app);
          const next = applyEdit(app, edit);
          const outcome = await applyMigration({ knex, registry, app: next, source: 'designer', hash: hashApp(next), appliedBy: 'prop', baseVersion: version, choices: { confirmDestructive: true } });
          version = outcome.version;
          app = next;
          // The schema: exactly the columns entityToTable names, with its types.
          const spec = entityToTable(app.entities[0], registry, { schema: `app_${name}` });
          const live = (await knex('information_schema.columns').where({ table_schema: `app_${name}`, table_name: 'item' }).select('column_name', 'data_type')) as { column_name: string; data_type: string }[];
          expect(live.map((c) => c.column_name).sort()).toEqual(spec.columns.map((c) => c.name).sort());
          for (const column of spec.columns.filter((c) => c.fieldId)) {
            const want = column.type.kind === 'numeric' ? 'numeric' : column.type.kind;
            expect(live.find((c) => c.column_name === column.name)?.data_type).toBe(want);
          }
          // The data: every surviving field of every record holds what it held (numbers read as text either way).
          const after = await valuesById(knex, app);
          expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
          for (const [id, fields] of after) {
            for (const [fieldId, value] of fields) {
              if (before.get(id)!.has(fieldId)) expect(value).toBe(before.get(id)!.get(fieldId));
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
