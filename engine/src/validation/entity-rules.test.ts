import type { AppDefinition, EntityDefinition, EntityRule } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { checkEntityRules, entityRules } from './entity-rules';
import { validateAppWithRegistry } from './validate-app-with-registry';

const label = (en: string) => ({ en });
const dates: EntityRule = { id: 'dates', expr: 'end_date == null || start_date == null || end_date >= start_date', message: { en: 'The end date is before the start date', zh: '结束日期早于开始日期' }, fields: ['end_date'] };
const contract = (rules: EntityRule[]): EntityDefinition => ({
  type: 'object', 'x-name': 'contract', 'x-plural': 'contracts', 'x-label': label('Contract'), 'x-rules': rules,
  properties: {
    start_date: { 'x-id': 'f_start', 'x-type': 'date', 'x-label': label('Start') },
    end_date: { 'x-id': 'f_end', 'x-type': 'date', 'x-label': label('End') },
    amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': label('Amount') },
    signed_at: { 'x-id': 'f_signed', 'x-type': 'datetime', 'x-label': label('Signed') },
    double: { 'x-id': 'f_double', 'x-type': 'formula', 'x-label': label('Double'), 'x-formula': 'amount * 2', 'x-formula-type': 'number' },
  },
});

describe('entity rules (x-rules)', () => {
  it('passes a record that satisfies every rule, fails one per broken rule with its id, first field and English message', () => {
    const rules = entityRules(contract([dates, { id: 'positive', expr: 'amount == null || amount > 0', message: label('The amount must be positive') }]));
    expect(rules.any).toBe(true);
    expect(rules.check({ start_date: '2025-01-10', end_date: '2025-02-01', amount: 5 })).toEqual([]);
    // Missing fields read as null, so an empty record passes the null-guarded rules.
    expect(rules.check({})).toEqual([]);
    expect(rules.check({ start_date: '2025-03-01', end_date: '2025-02-01', amount: -1 })).toEqual([
      { field: 'end_date', rule: 'dates', message: 'The end date is before the start date' },
      { field: '', rule: 'positive', message: 'The amount must be positive' },
    ]);
  });

  it('compares datetimes as instants whatever their offset', () => {
    const rules = entityRules(contract([{ id: 'early', expr: 'signed_at == null || signed_at < "2025-01-01T00:00:00.000Z"', message: label('too late') }]));
    // 07:00 at +08:00 is 23:00 UTC the day before: in time.
    expect(rules.check({ signed_at: '2025-01-01T07:00:00+08:00' })).toEqual([]);
    expect(rules.check({ signed_at: '2025-01-01T09:00:00+08:00' })).toHaveLength(1);
  });

  it('is compiled once per entity object', () => {
    const entity = contract([dates]);
    expect(entityRules(entity)).toBe(entityRules(entity));
    expect(entityRules(contract([])).any).toBe(false);
  });

  it('refuses an unknown name with a did-you-mean, a virtual formula, a function and a parse error', () => {
    const problems = checkEntityRules(contract([
      { id: 'typo', expr: 'end_dat >= start_date', message: label('x') },
      { id: 'virtual', expr: 'double > 0', message: label('x') },
      { id: 'fn', expr: 'max(amount) > 0', message: label('x') },
      { id: 'broken', expr: 'amount >', message: label('x') },
    ]));
    expect(problems.map((p) => p.rule)).toEqual([0, 1, 2, 3]);
    expect(problems[0].message).toBe('The rule "typo" reads "end_dat", which is not a field of contract.');
    expect(problems[0].hint).toMatch(/^Did you mean "end_date"\?/);
    expect(problems[1].message).toMatch(/"double", which has no stored value/);
    expect(problems[2].message).toMatch(/uses "max"/);
    expect(problems[3].message).toMatch(/^The rule "broken" does not parse/);
    expect(checkEntityRules(contract([dates]))).toEqual([]);
  });

  it('publish: validateAppWithRegistry points at the expression, and at rule fields and ids the metadata check refuses', () => {
    const registry = createFieldTypeRegistry();
    const app = (rules: EntityRule[]): AppDefinition => ({ name: 'crm', label: label('CRM'), entities: [contract(rules)], layouts: [] });
    expect(validateAppWithRegistry(app([dates]), registry).ok).toBe(true);
    const bad = validateAppWithRegistry(app([{ ...dates, expr: 'end_date >= strat_date' }]), registry);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.pointer, e.hint])).toEqual([['rule-invalid', '/entities/0/x-rules/0/expr', expect.stringMatching(/^Did you mean "start_date"\?/)]]);
    const shape = validateAppWithRegistry(app([{ ...dates, fields: ['end_dte'] }, dates]), registry);
    expect(shape.ok ? [] : shape.errors.map((e) => [e.code, e.pointer])).toEqual([['rule-field-missing', '/entities/0/x-rules/0/fields/0'], ['duplicate-rule-id', '/entities/0/x-rules/1/id']]);
    const noMessage = validateAppWithRegistry(app([{ id: 'x', expr: 'true' } as unknown as EntityRule]), registry);
    expect(noMessage.ok).toBe(false);
  });
});
