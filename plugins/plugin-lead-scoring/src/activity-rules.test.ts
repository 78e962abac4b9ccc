import { validatePluginSettings } from '@tessera/engine';
import { activityPoints, activityQuery, countNeeded } from './activity-rules';
import { leadScoringPlugin } from './index';
import { scoreRecord } from './score-rules';
import type { ActivityRule, Rule } from './scoring-settings';

const followUps = { entity: 'follow_up', link: 'lead' };

describe('activity rules', () => {
  it('compares the count with op/value, or gives perItem points up to max', () => {
    const atLeastTwo: ActivityRule = { activity: followUps, op: 'gte', value: 2, points: 10 };
    expect([0, 1, 2, 3].map((n) => activityPoints(atLeastTwo, n))).toEqual([0, 0, 10, 10]);
    const none: ActivityRule = { activity: followUps, op: 'eq', value: 0, points: -5 };
    expect([0, 1].map((n) => activityPoints(none, n))).toEqual([-5, 0]);
    const each: ActivityRule = { activity: followUps, perItem: 5, max: 12 };
    expect([0, 1, 2, 3, 9].map((n) => activityPoints(each, n))).toEqual([0, 5, 10, 12, 12]);
  });

  it('counts only as far as the rule needs', () => {
    expect(countNeeded({ activity: followUps, op: 'gte', value: 2, points: 1 })).toBe(3);
    expect(countNeeded({ activity: followUps, op: 'lt', value: 2.5, points: 1 })).toBe(3);
    expect(countNeeded({ activity: followUps, perItem: 5, max: 12 })).toBe(3);
    expect(countNeeded({ activity: followUps, perItem: 5, max: 0 })).toBe(0);
  });

  it('adds field and activity points, each activity count under its own key', () => {
    const rules: Rule[] = [
      { field: 'source', op: 'eq', value: 'referral', points: 30 },
      { activity: followUps, op: 'gte', value: 2, points: 10 },
      { activity: followUps, where: { field: 'kind', op: 'eq', value: 'meeting' }, perItem: 4, max: 8 },
    ];
    const counts = new Map([
      ['["follow_up","lead",null]', 2],
      ['["follow_up","lead",{"field":"kind","op":"eq","value":"meeting"}]', 1],
    ]);
    expect(scoreRecord(rules, { source: 'referral' }, counts)).toBe(44);
    expect(scoreRecord(rules, { source: 'web' })).toBe(0);
  });

  it('selects the activities through the list API: link in the bracket form, where as JSON', () => {
    expect(activityQuery({ activity: followUps, where: { field: 'kind', op: 'notNull' }, perItem: 1, max: 3 }, 'L1')).toEqual({
      'filter[lead][eq]': 'L1',
      filter: '{"kind":{"isNull":false}}',
      fields: 'id',
      sort: 'id',
      count: 'false',
    });
    expect(activityQuery({ activity: followUps, op: 'gt', value: 0, points: 1 }, 'L1')).not.toHaveProperty('filter');
  });
});

describe('settings', () => {
  const check = (rules: unknown[]) => validatePluginSettings(leadScoringPlugin, { rules });
  const fields = (rules: unknown[]) => {
    const result = check(rules);
    return result.ok ? [] : result.errors.map((e) => e.field);
  };

  it('accepts field rules, threshold rules and capped perItem rules, filling in the target', () => {
    const result = check([
      { field: 'source', op: 'eq', value: 'referral', points: 30 },
      { activity: followUps, op: 'gte', value: 2, points: 10 },
      { activity: followUps, where: { field: 'kind', op: 'in', value: ['meeting', 'visit'] }, perItem: 5, max: 20 },
      { activity: followUps, where: { field: 'kind', op: 'isNull' }, op: 'eq', value: 0, points: -5 },
    ]);
    expect(result).toMatchObject({ ok: true, value: { target: { entity: 'lead', field: 'score' } } });
  });

  it('needs op/value/points or perItem/max, never both, naming the setting path', () => {
    expect(fields([{ activity: followUps, points: 10 }])).toEqual(expect.arrayContaining(['settings.rules.0.op', 'settings.rules.0.value']));
    expect(fields([{ field: 'x', op: 'eq', points: 1 }, { activity: followUps, perItem: 5 }])).toContain('settings.rules.1.max');
    expect(fields([{ activity: followUps, perItem: 5, max: 20, op: 'gte' }])).toContain('settings.rules.0.op');
    expect(fields([{ activity: followUps, op: 'gte', value: 2, points: 10, max: 20 }])).toContain('settings.rules.0.max');
  });

  it('checks the parts of an activity rule', () => {
    expect(fields([{ activity: { entity: 'follow_up' }, op: 'gte', value: 1, points: 1 }])).toContain('settings.rules.0.activity.link');
    expect(fields([{ activity: followUps, op: 'contains', value: 1, points: 1 }])).toContain('settings.rules.0.op');
    expect(fields([{ activity: followUps, op: 'gte', value: -1, points: 1 }])).toContain('settings.rules.0.value');
    expect(fields([{ activity: followUps, perItem: 0, max: 5 }])).toContain('settings.rules.0.perItem');
    expect(fields([{ activity: followUps, where: { field: 'kind', op: 'eq' }, perItem: 1, max: 5 }])).toContain('settings.rules.0.where.value');
    expect(fields([{ activity: followUps, where: { field: 'kind', op: 'in', value: 'meeting' }, perItem: 1, max: 5 }])).toContain('settings.rules.0.where.value');
    expect(check([{ activity: followUps, whre: {}, perItem: 1, max: 5 }])).toMatchObject({ ok: false, errors: expect.arrayContaining([{ field: 'settings.rules.0', rule: 'additionalProperties', message: expect.any(String) }]) });
  });
});
