import { ruleHolds, scoreRecord, type ScoreRule } from './score-rules';

describe('scoreRecord', () => {
  const rules: ScoreRule[] = [
    { field: 'source', op: 'eq', value: 'referral', points: 30 },
    { field: 'budget', op: 'gt', value: 100000, points: 25 },
    { field: 'title', op: 'contains', value: 'director', points: 15 },
    { field: 'email', op: 'isNull', points: -10 },
    { field: 'industry', op: 'in', value: ['it', 'finance'], points: 5 },
  ];
  it('adds the points of the rules that hold', () => {
    expect(scoreRecord(rules, { source: 'referral', budget: '250000.00', title: 'IT Director', email: 'a@b.c', industry: 'it' })).toBe(75);
    expect(scoreRecord(rules, { source: 'web', budget: 5 })).toBe(-10);
    expect(scoreRecord([], { source: 'referral' })).toBe(0);
  });
  it('lets an empty value satisfy only isNull/notNull', () => {
    expect(ruleHolds({ field: 'budget', op: 'lt', value: 10, points: 1 }, { budget: null })).toBe(false);
    expect(ruleHolds({ field: 'x', op: 'ne', value: 'a', points: 1 }, {})).toBe(false);
    expect(ruleHolds({ field: 'x', op: 'notNull', points: 1 }, { x: 0 })).toBe(true);
    expect(ruleHolds({ field: 'x', op: 'isNull', points: 1 }, { x: '' })).toBe(true);
  });
  it('compares numbers stored as text numerically', () => {
    expect(ruleHolds({ field: 'n', op: 'gte', value: 9, points: 1 }, { n: '10' })).toBe(true);
    expect(ruleHolds({ field: 'n', op: 'lte', value: '9', points: 1 }, { n: 10 })).toBe(false);
  });
});
