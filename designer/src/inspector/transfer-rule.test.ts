import { createFieldTypeRegistry, validateAppWithRegistry } from '@tessera/engine';
import type { AppDefinition, TransferRule } from '@tessera/metadata';
import { choiceToRule, hasWorkflow, startChoice, transferChoice, transferFields, transferProblem, type TransferChoice } from './transfer-rule';

const options = (...values: string[]) => values.map((value) => ({ value, label: { en: value } }));
const app = (rule?: unknown, workflow = true): AppDefinition => ({
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [
    { type: 'object', 'x-id': 'e1', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, properties: { name: { 'x-id': 'f1', 'x-type': 'text', 'x-label': { en: 'Name' } } } },
    { type: 'object', 'x-id': 'e2', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, properties: {
      customer: { 'x-id': 'f2', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', ...(rule === undefined ? {} : { onTransfer: rule }) } },
      kind: { 'x-id': 'f3', 'x-type': 'select', 'x-label': { en: 'Kind' }, 'x-options': options('new', 'renewal') },
      stage: { 'x-id': 'f4', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': options('open', 'won', 'lost') },
      close_on: { 'x-id': 'f5', 'x-type': 'date', 'x-label': { en: 'Close on' } },
    } },
  ],
  ...(workflow ? { workflows: [{ name: 'pipe', entity: 'deal', stateField: 'stage', version: 1, machine: { id: 'pipe', initial: 'open', states: { open: { on: { WIN: { target: 'won' }, LOSE: { target: 'lost' } } }, won: { type: 'final' }, lost: { type: 'final' } } } }] } : {}),
} as unknown as AppDefinition);
const deal = (a: AppDefinition) => a.entities[1];
const problems = (a: AppDefinition) => { const r = validateAppWithRegistry(a, createFieldTypeRegistry()); return r.ok ? [] : r.errors.map((e) => e.code); };

describe('which records follow a transfer (x-relation.onTransfer)', () => {
  it('reads every rule the meta-schema allows and writes it back the same', () => {
    for (const rule of ['all', 'open', 'none', { open: { field: 'stage', notIn: ['won', 'lost'] } }, { open: { field: 'close_on', fromNow: true } }] as TransferRule[]) {
      expect(choiceToRule(transferChoice(rule), rule)).toEqual(rule);
    }
    expect(transferChoice(undefined)).toEqual({ kind: 'none' });
    expect(choiceToRule({ kind: 'none' })).toBeUndefined();
  });

  it('offers the workflow state field first, and dates for a date still ahead', () => {
    const fields = transferFields(app(), deal(app()));
    expect(fields).toEqual({ select: ['stage', 'kind'], date: ['close_on'] });
    expect(startChoice('notIn', fields)).toEqual({ kind: 'notIn', field: 'stage', values: [] });
    expect(startChoice('fromNow', fields)).toEqual({ kind: 'fromNow', field: 'close_on' });
  });

  it('refuses what would not publish, and what it accepts publishes', () => {
    const fields = transferFields(app(), deal(app()));
    expect(transferProblem({ kind: 'open' }, hasWorkflow(app(undefined, false), deal(app())), fields)).toBe('workflow');
    expect(problems(app('open', false))).toContain('transfer-rule-invalid');
    expect(transferProblem({ kind: 'notIn', field: 'stage', values: [] }, true, fields)).toBe('values');
    expect(transferProblem({ kind: 'fromNow', field: 'stage' }, true, fields)).toBe('field');
    const good: TransferChoice[] = [{ kind: 'all' }, { kind: 'open' }, { kind: 'notIn', field: 'stage', values: ['won', 'lost'] }, { kind: 'fromNow', field: 'close_on' }];
    for (const choice of good) {
      expect(transferProblem(choice, hasWorkflow(app(), deal(app())), fields)).toBeUndefined();
      expect(problems(app(choiceToRule(choice)))).toEqual([]);
    }
  });
});
