import { definePlugin } from '@tessera/engine';
import { scoreRecord, scoringSettingsSchema, type ScoringSettings } from './score-rules';

export { scoreRecord, ruleHolds, OPERATORS, type ScoreRule, type ScoringSettings } from './score-rules';

const settingsOf = (s: Record<string, unknown>) => s as unknown as ScoringSettings;

/**
 * Lead scoring (issue 9): the target field (`lead.score` by default) always holds the sum of
 * the points of the rules that hold. Computed on create and recomputed on every update from
 * the stored record with the change applied, so a score cannot be typed in or go stale. The
 * score is written as the user's input, so the field must be writable by whoever edits leads.
 */
export const leadScoringPlugin = definePlugin({
  name: '@tessera/plugin-lead-scoring',
  version: '0.1.0',
  tessera: '^0.1.0',
  settings: scoringSettingsSchema,
  hooks: {
    '*': {
      beforeCreate(ctx) {
        const { rules, target } = settingsOf(ctx.settings);
        if (ctx.entity !== target.entity) return;
        (ctx.data as Record<string, unknown>)[target.field] = scoreRecord(rules, ctx.data);
      },
      beforeUpdate(ctx) {
        const { rules, target } = settingsOf(ctx.settings);
        if (ctx.entity !== target.entity) return;
        const score = scoreRecord(rules, { ...ctx.previous, ...ctx.data });
        // Only a changed score is written: an unchanged one would count as the user writing the field.
        if (score !== Number(ctx.previous[target.field])) (ctx.data as Record<string, unknown>)[target.field] = score;
        else delete (ctx.data as Record<string, unknown>)[target.field];
      },
    },
  },
});

export default leadScoringPlugin;
