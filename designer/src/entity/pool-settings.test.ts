import { createFieldTypeRegistry, validateAppWithRegistry } from '@tessera/engine';
import type { AppDefinition, EntityDefinition, PoolDefinition } from '@tessera/metadata';
import { activitySources, poolProblems, withActivity, withClaimPeriod } from './pool-settings';

const entity = (name: string, properties: Record<string, unknown>) => ({ type: 'object', 'x-id': `e_${name}`, 'x-name': name, 'x-plural': `${name}s`, 'x-label': { en: name }, properties }) as unknown as EntityDefinition;
const customer = entity('customer', { name: { 'x-id': 'c1', 'x-type': 'text', 'x-label': { en: 'Name' } } });
const followUp = entity('follow_up', {
  customer: { 'x-id': 'f1', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
  occurred_at: { 'x-id': 'f2', 'x-type': 'datetime', 'x-label': { en: 'When' } },
  next_at: { 'x-id': 'f3', 'x-type': 'date', 'x-label': { en: 'Next' } },
});
// A link without a date, and a date without a link to customers: neither can count as activity.
const note = entity('note', { customer: { 'x-id': 'n1', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } } });
const task = entity('task', { due: { 'x-id': 't1', 'x-type': 'date', 'x-label': { en: 'Due' } } });
const entities = [customer, followUp, note, task];
const base: PoolDefinition = { ownerField: 'owner', returnAfterDays: 30, maxClaimsPerUser: 50 };
const publish = (pool: PoolDefinition) => {
  const app = { name: 'crm', label: { en: 'CRM' }, layouts: [], entities: [{ ...customer, 'x-pool': pool }, followUp, note, task] } as unknown as AppDefinition;
  const result = validateAppWithRegistry(app, createFieldTypeRegistry());
  return result.ok ? [] : result.errors.map((e) => e.code);
};

describe('the public pool\'s activity and claim period', () => {
  it('offers the dated children linked to the pooled entity', () => {
    expect(activitySources(entities, 'customer')).toEqual([{ entity: 'follow_up', via: 'customer', dates: ['occurred_at', 'next_at'] }]);
    expect(activitySources(entities, 'follow_up')).toEqual([]);
  });

  it('sets and clears the activity and the claim period, and what it sets publishes', () => {
    const [source] = activitySources(entities, 'customer');
    const pool = withClaimPeriod(withActivity(base, source), 7);
    expect(pool).toEqual({ ...base, activity: { entity: 'follow_up', via: 'customer', date: 'occurred_at' }, claimPeriodDays: 7 });
    expect(withActivity(pool, source, 'next_at').activity?.date).toBe('next_at');
    expect(withActivity(withActivity(pool, source, 'next_at'), source).activity?.date).toBe('next_at');
    expect(poolProblems(pool, [source])).toEqual([]);
    expect(publish(pool)).toEqual([]);
    expect(withClaimPeriod(withActivity(pool, undefined), undefined)).toEqual(base);
  });

  it('refuses numbers outside the meta-schema and an activity that is not a dated link', () => {
    const sources = activitySources(entities, 'customer');
    expect(poolProblems({ ...base, claimPeriodDays: 0 }, sources)).toEqual(['pool']);
    expect(publish({ ...base, claimPeriodDays: 0 })).not.toEqual([]);
    expect(poolProblems({ ...base, maxClaimsPerUser: 100_001 }, sources)).toEqual(['pool']);
    const bad = { ...base, activity: { entity: 'note', via: 'customer', date: 'created_at' } };
    expect(poolProblems(bad, sources)).toEqual(['poolActivity']);
    expect(publish(bad)).toContain('pool-activity-invalid');
    expect(poolProblems(undefined, sources)).toEqual([]);
  });
});
