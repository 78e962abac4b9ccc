import type { AfterHookContext, PluginRecord } from '@tessera/engine';
import { countActivities } from './count-activities';
import { scoreRecord } from './score-rules';
import { isActivityRule, type ActivityRule, type ScoringSettings } from './scoring-settings';

type Row = Record<string, unknown>;
type Ctx = AfterHookContext<PluginRecord, Record<string, Row>>;

/** A many-to-one value: the id, or (expanded) an object carrying it. */
const linkId = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'object' && value !== null && typeof (value as Row).id === 'string' ? ((value as Row).id as string) : undefined;

/** An update that touched neither the link nor the `where` field cannot change the rule's count. */
const countMayChange = (rule: ActivityRule, before: Row | undefined, now: Row | undefined) =>
  !before || !now || [rule.activity.link, ...(rule.where ? [rule.where.field] : [])].some((f) => JSON.stringify(before[f]) !== JSON.stringify(now[f]));

/**
 * After an activity was created, updated (re-linked) or deleted: re-scores the records it
 * links to, before and after, through the records API as the user who wrote it. Runs after
 * the commit; every failure is logged and the activity write stands.
 */
export async function rescoreLinked(ctx: Ctx, settings: ScoringSettings): Promise<void> {
  const rules = settings.rules.filter(isActivityRule).filter((r) => r.activity.entity === ctx.entity && countMayChange(r, ctx.previous, ctx.record));
  const ids = new Set(rules.flatMap((r) => [linkId(ctx.record?.[r.activity.link]), linkId(ctx.previous?.[r.activity.link])]).filter((id): id is string => id !== undefined));
  for (const id of ids) {
    try {
      await rescoreOne(ctx, settings, id);
    } catch (err) {
      ctx.log.error(`could not re-score ${settings.target.entity} ${id} after ${ctx.entity} ${ctx.id} changed (as ${ctx.user.username}): ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

async function rescoreOne(ctx: Ctx, { rules, target }: ScoringSettings, id: string): Promise<void> {
  const records = ctx.records(target.entity);
  const record = await records.get(id);
  if (!record) {
    ctx.log.info(`${target.entity} ${id} is outside ${ctx.user.username}'s scope: not re-scored`);
    return;
  }
  // A field the user may not read is left out of what they get; scoring without it would
  // silently drop its points, so the score stays as it is until someone who sees it writes.
  const unseen = rules.flatMap((r, i) => (!isActivityRule(r) && !Object.hasOwn(record, r.field) ? [`settings.rules.${i}.field (${r.field})`] : []));
  if (unseen.length > 0) {
    ctx.log.error(`${target.entity} ${id} not re-scored: ${ctx.user.username} cannot read ${unseen.join(', ')}`);
    return;
  }
  const score = scoreRecord(rules, record, await countActivities(ctx.records, rules, id));
  if (score !== Number(record[target.field])) await records.update(id, { [target.field]: score });
}
