import { definePlugin } from '@tessera/engine';
import { countActivities } from './count-activities';
import { rescoreLinked } from './rescore-linked';
import { scoreRecord } from './score-rules';
import { scoringSettingsSchema, type ScoringSettings } from './scoring-settings';
import { SettingsProblem } from './settings-problem';

export { scoreRecord, ruleHolds } from './score-rules';
export { activityPoints, countNeeded } from './activity-rules';
export { OPERATORS, COUNT_OPERATORS, scoringSettingsSchema, type ScoreRule, type ActivityRule, type Rule, type ScoringSettings } from './scoring-settings';

const settingsOf = (s: Record<string, unknown>) => s as unknown as ScoringSettings;

/** Settings the app cannot run stop the write with a message naming the setting (en and zh). */
async function orReject<T>(reject: (message: string, field?: string) => never, field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof SettingsProblem) reject(err.message, field);
    throw err;
  }
}

/**
 * Lead scoring (issue 9): the target field (`lead.score` by default) always holds the sum of
 * the points of the rules that hold — rules on its fields and on the count of its activities
 * (records of another entity linking to it). Computed on create, recomputed on every update
 * from the stored record with the change applied, and again after an activity linking to it
 * is created, re-linked or deleted. Everything is read and written as the acting user (see
 * docs/plugins.md for what that means for counts); the score field must be writable by them.
 */
export const leadScoringPlugin = definePlugin({
  name: '@tessera/plugin-lead-scoring',
  version: '0.1.0',
  tessera: '^0.1.0',
  settings: scoringSettingsSchema,
  // The scored entity and the activities its rules count; nothing else is written through the plugin.
  hookEntities: (settings) => {
    const { rules, target } = settingsOf(settings);
    return [...new Set([target.entity, ...rules.flatMap((r) => ('activity' in r ? [r.activity.entity] : []))])];
  },
  hooks: {
    '*': {
      async beforeCreate(ctx) {
        const { rules, target } = settingsOf(ctx.settings);
        if (ctx.entity !== target.entity) return;
        const counts = await orReject((m, f) => ctx.reject(m, f), target.field, () => countActivities(ctx.records, rules, undefined));
        (ctx.data as Record<string, unknown>)[target.field] = scoreRecord(rules, ctx.data, counts);
      },
      async beforeUpdate(ctx) {
        const { rules, target } = settingsOf(ctx.settings);
        if (ctx.entity !== target.entity) return;
        const counts = await orReject((m, f) => ctx.reject(m, f), target.field, () => countActivities(ctx.records, rules, ctx.id));
        const score = scoreRecord(rules, { ...ctx.previous, ...ctx.data }, counts);
        // Only a changed score is written: an unchanged one would count as the user writing the field.
        if (score !== Number(ctx.previous[target.field])) (ctx.data as Record<string, unknown>)[target.field] = score;
        else delete (ctx.data as Record<string, unknown>)[target.field];
      },
      // Activities: each hook returns at once unless the entity is one a rule counts.
      afterCreate: (ctx) => rescoreLinked(ctx, settingsOf(ctx.settings)),
      afterUpdate: (ctx) => rescoreLinked(ctx, settingsOf(ctx.settings)),
      afterDelete: (ctx) => rescoreLinked(ctx, settingsOf(ctx.settings)),
    },
  },
});

export default leadScoringPlugin;
