import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import fc from 'fast-check';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { planMigration } from './plan-migration';

/**
 * Invariants of the planner over random sequences of metadata edits. NUM_RUNS cases per
 * property; each case applies up to 12 edits to a two-entity app.
 */
const NUM_RUNS = 300;
const registry = createFieldTypeRegistry();
const label = (en: string) => ({ en });

type Edit =
  | { kind: 'add'; type: string }
  | { kind: 'rename'; pick: number; name: string }
  | { kind: 'drop'; pick: number }
  | { kind: 'label'; pick: number; text: string }
  | { kind: 'add-option'; pick: number; value: string }
  /** Toggles deal.customer between many-to-one and many-to-many (its links are copied). */
  | { kind: 'relation-kind' }
  /** Toggles a composite unique index over two picked fields. */
  | { kind: 'unique-pair'; pick: number; other: number };

const FIELD_TYPES = ['text', 'number', 'currency', 'boolean', 'date', 'select', 'multiselect', 'email', 'percent', 'json', 'user'];
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).filter((n) => !['id', 'created_at', 'updated_at', 'created_by', 'owner', 'version', 'deleted_at'].includes(n));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), type: fc.constantFrom(...FIELD_TYPES) }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name }),
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('label' as const), pick: fc.nat(), text: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('add-option' as const), pick: fc.nat(), value: name }),
  fc.record({ kind: fc.constant('relation-kind' as const) }),
  fc.record({ kind: fc.constant('unique-pair' as const), pick: fc.nat(), other: fc.nat() }),
);

/** Fields a composite index may cover: those with a column. */
const indexable = (field: FieldDefinition) => field['x-relation']?.kind !== 'many-to-many';

const base: AppDefinition = {
  name: 'crm',
  label: label('CRM'),
  layouts: [],
  entities: [
    { type: 'object', 'x-id': 'e_customer', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': label('Customer'), properties: { name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': label('Name') } } },
    {
      type: 'object', 'x-id': 'e_deal', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': label('Deal'),
      properties: {
        title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': label('Title') },
        stage: { 'x-id': 'f_stage', 'x-type': 'select', 'x-label': label('Stage'), 'x-options': [{ value: 'open', label: label('Open') }] },
        customer: { 'x-id': 'f_customer', 'x-type': 'relation', 'x-label': label('Customer'), 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
      },
    },
  ],
};

/** Applies edits to the deal entity; edits that do not apply (a clashing name) are skipped. */
function applyEdits(app: AppDefinition, edits: readonly Edit[]): AppDefinition {
  const next = structuredClone(app);
  const deal = next.entities[1] as EntityDefinition;
  let counter = 0;
  for (const e of edits) {
    const names = Object.keys(deal.properties);
    const picked = names.length ? names[('pick' in e ? e.pick : 0) % names.length] : undefined;
    if (e.kind === 'add') {
      const id = `f_new_${counter++}`;
      const field: FieldDefinition = { 'x-id': id, 'x-type': e.type, 'x-label': label(id) };
      if (e.type === 'select' || e.type === 'multiselect') field['x-options'] = [{ value: 'a', label: label('A') }];
      deal.properties[`n${counter}_${id.length}`] = field;
    } else if (!picked) {
      continue;
    } else if (e.kind === 'rename') {
      if (deal.properties[e.name]) continue;
      deal.properties = Object.fromEntries(Object.entries(deal.properties).map(([k, v]) => [k === picked ? e.name : k, v]));
      deal['x-indexes'] = deal['x-indexes']?.map((i) => (Array.isArray(i) ? i : { ...i, columns: i.columns.map((c) => (c === picked ? e.name : c)) }));
    } else if (e.kind === 'drop') {
      delete deal.properties[picked];
      deal['x-indexes'] = deal['x-indexes']?.filter((i) => Array.isArray(i) || !i.columns.includes(picked));
    } else if (e.kind === 'relation-kind') {
      const relation = deal.properties.customer?.['x-relation'];
      if (!relation || deal['x-indexes']?.some((i) => !Array.isArray(i) && i.columns.includes('customer'))) continue;
      relation.kind = relation.kind === 'many-to-one' ? 'many-to-many' : 'many-to-one';
    } else if (e.kind === 'unique-pair') {
      const other = names[e.other % names.length];
      if (deal['x-indexes']?.length) delete deal['x-indexes'];
      else if (other !== picked && indexable(deal.properties[picked]) && indexable(deal.properties[other])) deal['x-indexes'] = [{ columns: [picked, other], unique: true }];
    } else if (e.kind === 'label') {
      deal.properties[picked]['x-label'] = { en: e.text, zh: e.text };
    } else if (e.kind === 'add-option') {
      const options = deal.properties[picked]['x-options'];
      if (options && !options.some((o) => o.value === e.value)) options.push({ value: e.value, label: label(e.value) });
    }
  }
  return next;
}

const relabel = (app: AppDefinition): AppDefinition => {
  const next = structuredClone(app);
  for (const entity of next.entities) {
    entity['x-label'] = { en: `${entity['x-label'].en}!`, zh: '标签' };
    for (const field of Object.values(entity.properties)) {
      field['x-label'] = { en: `${field['x-label'].en}?` };
      for (const option of field['x-options'] ?? []) option.label = { en: `${option.label.en}.` };
    }
  }
  return next;
};

describe('planMigration properties', () => {
  const edits = fc.array(edit, { maxLength: 12 });

  it('plans nothing from a version to itself', () => {
    fc.assert(fc.property(edits, (es) => {
      const v = applyEdits(base, es);
      expect(planMigration(v, v, registry)).toEqual({ steps: [], blockers: [] });
    }), { numRuns: NUM_RUNS });
  });

  it('plans nothing for label-only edits', () => {
    fc.assert(fc.property(edits, (es) => {
      const v = applyEdits(base, es);
      expect(planMigration(v, relabel(v), registry)).toEqual({ steps: [], blockers: [] });
    }), { numRuns: NUM_RUNS });
  });

  it('never turns a kept field into a drop and an add, and is deterministic', () => {
    fc.assert(fc.property(edits, (es) => {
      const to = applyEdits(base, es);
      const plan = planMigration(base, to, registry);
      expect(planMigration(base, to, registry)).toEqual(plan);
      const kindOf = (app: AppDefinition, id: string) => Object.values(app.entities[1].properties).find((f) => f['x-id'] === id)?.['x-relation']?.kind;
      const keptIds = new Set(Object.values(to.entities[1].properties).map((f) => f['x-id']).filter((id) => Object.values(base.entities[1].properties).some((f) => f['x-id'] === id)));
      // A relation that changed kind changes storage, and its links are copied across instead.
      const rekinded = [...keptIds].filter((id) => kindOf(base, id) !== kindOf(to, id));
      for (const id of rekinded) expect(plan.steps.filter((s) => s.kind === 'copy-links' && s.fieldId === id)).toHaveLength(1);
      for (const step of plan.steps) {
        if (step.kind === 'archive-column' || step.kind === 'add-column') expect(keptIds.has(step.fieldId!) && !rekinded.includes(step.fieldId!)).toBe(false);
        if (step.kind === 'archive-table' || step.kind === 'create-table') expect(rekinded).toContain(step.fieldId);
      }
    }), { numRuns: NUM_RUNS });
  });

  it('flags every step that loses data as destructive, and blocks it without confirmation', () => {
    fc.assert(fc.property(edits, edits, (first, second) => {
      const from = applyEdits(base, first);
      const to = applyEdits(from, second);
      const plan = planMigration(from, to, registry);
      for (const step of plan.steps) {
        if (step.kind === 'archive-column' || step.kind === 'archive-table' || (step.kind === 'remap-select-values' && step.sql.length > 0)) expect(step.destructive).toBe(true);
        if (step.sql.some((sql) => /\bdrop (column|table)\b/.test(sql))) expect(step.destructive).toBe(true);
        if (step.safe) expect(step.destructive || step.checks).toBeFalsy();
      }
      if (plan.steps.some((s) => s.destructive)) {
        expect(plan.blockers.some((b) => b.includes('need confirmation'))).toBe(true);
        expect(planMigration(from, to, registry, { confirmDestructive: true }).blockers.some((b) => b.includes('need confirmation'))).toBe(false);
      }
    }), { numRuns: NUM_RUNS });
  });
});
