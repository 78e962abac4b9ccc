import { PGlite } from '@electric-sql/pglite';
import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { planMigration } from './plan-migration';
import type { PlanMigrationOptions } from './migration-types';
import { typeChangeOffers } from './type-change-offers';

const registry = createFieldTypeRegistry();
const label = (en: string) => ({ en });
const OPTIONS = [{ value: 'low', label: label('Low') }, { value: 'high', label: label('High') }];

/** A field of `type` with whatever that type needs to be valid on its own. */
function fieldOf(type: string): FieldDefinition {
  const definition = registry.get(type);
  const field: FieldDefinition = { 'x-id': 'f_level', 'x-type': type, 'x-label': label('Level') };
  if (definition.requiresOptions) field['x-options'] = OPTIONS;
  if (type === 'file') field['x-file'] = { maxSize: 1000, accept: ['image/*'] };
  return field;
}
const appWith = (field: FieldDefinition): AppDefinition => ({
  name: 'crm', label: label('CRM'), layouts: [],
  entities: [{ type: 'object', 'x-id': 'e_t', 'x-name': 'ticket', 'x-plural': 'tickets', 'x-label': label('Ticket'), properties: { level: field } } as EntityDefinition],
});
const planChange = (from: string, to: string, opts: PlanMigrationOptions = {}) =>
  planMigration(appWith(fieldOf(from)), appWith({ ...fieldOf(to), 'x-options': registry.get(to).requiresOptions ? OPTIONS : undefined }), registry, { confirmDestructive: true, ...opts });
const candidates = registry.list().filter((t) => !t.requiresRelation && !t.computed && !t.unique && t.name !== 'formula').map((t) => t.name);

describe('typeChangeOffers', () => {
  it('offers exactly the type changes the migration planner can carry out, for every pair of types', () => {
    const pairs: string[] = [];
    for (const from of candidates) {
      const offered = typeChangeOffers(registry, fieldOf(from)).map((o) => o.type);
      expect(offered[0]).toBe(from);
      for (const to of candidates) {
        if (to === from) continue;
        const convertible = !planChange(from, to).blockers.some((b) => b.startsWith('Cannot change column'));
        expect({ from, to, offered: offered.includes(to) }).toEqual({ from, to, offered: convertible });
        if (convertible) pairs.push(`${from}→${to}`);
      }
    }
    // The pairs that matter to implementers are among them.
    expect(pairs).toEqual(expect.arrayContaining(['select→number', 'text→select', 'number→text', 'date→datetime']));
  });

  it('asks for a mapping from select to number and from text to select, not from select to text', () => {
    const from = (type: string) => Object.fromEntries(typeChangeOffers(registry, fieldOf(type)).map((o) => [o.type, o]));
    expect(from('select').number).toMatchObject({ mapping: 'options-to-values', checked: true });
    expect(from('select').text.mapping).toBeUndefined();
    expect(from('text').select).toMatchObject({ mapping: 'values-to-options' });
    expect(from('number').select).toMatchObject({ mapping: 'values-to-options' });
  });
});

describe('value mapping in a type change (on PGlite)', () => {
  let db: PGlite;
  beforeAll(async () => { db = new PGlite(); });
  afterAll(async () => { await db.close(); });

  /** Creates the table at `from`, inserts `values`, runs the plan's prechecks and steps; returns the counts and the values after. */
  async function run(from: string, to: string, values: (string | null)[], valueMappings?: Record<string, Record<string, string | null>>) {
    await db.exec('drop schema if exists app_crm cascade');
    for (const step of planMigration(null, appWith(fieldOf(from)), registry).steps) for (const sql of step.sql) await db.exec(sql);
    const ids: string[] = [];
    for (const v of values) ids.push((await db.query<{ id: string }>('insert into app_crm.ticket (level) values ($1) returning id', [v])).rows[0].id);
    const plan = planChange(from, to, valueMappings ? { valueMappings } : {});
    const counts: number[] = [];
    for (const step of plan.steps) for (const check of step.checks ?? []) counts.push(Number(((await db.query<{ count: number }>(check.sql)).rows[0]).count));
    if (plan.blockers.length || counts.some((c) => c > 0)) return { blockers: plan.blockers, counts, after: undefined };
    await db.transaction(async (tx) => { for (const step of plan.steps) for (const sql of step.sql) await tx.exec(sql); });
    const after: unknown[] = [];
    for (const id of ids) after.push((await db.query<{ level: unknown }>('select level::text as level from app_crm.ticket where id = $1', [id])).rows[0].level);
    return { blockers: plan.blockers, counts, after };
  }

  it('select → number keeps every record when each option is mapped to a number', async () => {
    const result = await run('select', 'number', ['low', 'high', null, 'low'], { f_level: { low: '1', high: '3' } });
    expect(result.counts).toEqual([0]);
    expect(result.after?.map((v) => (v === null ? null : Number(v)))).toEqual([1, 3, null, 1]);
  });

  it('select → number without a mapping counts the rows that would not convert and changes nothing', async () => {
    const result = await run('select', 'number', ['low', 'high', null]);
    expect(result.counts).toEqual([2]);
    expect(result.after).toBeUndefined();
  });

  it('an option mapped to empty empties its records; an unmapped one is counted', async () => {
    expect((await run('select', 'number', ['low', 'high'], { f_level: { low: null } })).counts).toEqual([1]);
    expect((await run('select', 'number', ['low', 'high'], { f_level: { low: null, high: '2' } })).after).toEqual([null, '2']);
  });

  it('text → select maps stored values to options and counts those left over', async () => {
    const left = await run('text', 'select', ['Low', 'high', 'urgent'], { f_level: { Low: 'low' } });
    expect(left.counts).toEqual([1]);
    const done = await run('text', 'select', ['Low', 'high', 'urgent', null], { f_level: { Low: 'low', urgent: 'high' } });
    expect(done.after).toEqual(['low', 'high', 'high', null]);
  });

  it('refuses a mapping to a value that is not an option of the new select', async () => {
    expect((await run('text', 'select', ['x'], { f_level: { x: 'nope' } })).blockers.join()).toContain('not one of its options');
  });
});
