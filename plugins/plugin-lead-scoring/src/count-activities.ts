import type { PluginRecordsApi } from '@tessera/engine';
import { activityKey, activityQuery, countNeeded } from './activity-rules';
import { isActivityRule, type ActivityRule, type Rule } from './scoring-settings';
import { detailsOf, SettingsProblem, statusOf } from './settings-problem';

type Records = (entity: string) => PluginRecordsApi<Record<string, unknown>>;

/** The list API's page limit (QUERY_LIMITS.maxLimit). */
const PAGE = 500;

/**
 * The activity counts the rules need, keyed by `activityKey`, read through `records` — as the
 * acting user, so only the activities they may see count (see docs/plugins.md, lead scoring).
 * A user who may not read the activity entity at all sees none: 0. Without `id` (a record
 * being created, which nothing can link to yet) every count is 0, but the entities are still
 * looked up, so a misspelt one is reported on the first write.
 */
export async function countActivities(records: Records, rules: readonly Rule[], id: string | undefined): Promise<Map<string, number>> {
  // Rules on the same activities share one count, taken as far as the most demanding of them needs.
  const groups = new Map<string, { rule: ActivityRule; at: string; needed: number }>();
  for (const [index, rule] of rules.entries()) {
    if (!isActivityRule(rule)) continue;
    const group = groups.get(activityKey(rule));
    if (group) group.needed = Math.max(group.needed, countNeeded(rule));
    else groups.set(activityKey(rule), { rule, at: `settings.rules.${index}`, needed: countNeeded(rule) });
  }
  const counts = new Map<string, number>();
  for (const [key, { rule, at, needed }] of groups) {
    const api = entityRecords(records, rule, at);
    counts.set(key, id === undefined ? 0 : await count(api, rule, id, needed, at));
  }
  return counts;
}

function entityRecords(records: Records, rule: ActivityRule, at: string) {
  try {
    return records(rule.activity.entity);
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
    throw new SettingsProblem(`${at}.activity.entity`, `"${rule.activity.entity}" is not a published entity`, `"${rule.activity.entity}" 不是已发布的实体`);
  }
}

/** Counts up to `needed` matching activities, a page at a time. */
async function count(api: PluginRecordsApi<Record<string, unknown>>, rule: ActivityRule, id: string, needed: number, at: string): Promise<number> {
  let seen = 0;
  while (seen < needed) {
    const limit = Math.min(PAGE, needed - seen);
    let page: unknown[];
    try {
      page = await api.list({ ...activityQuery(rule, id), limit: String(limit), offset: String(seen) });
    } catch (err) {
      if (statusOf(err) === 403) return 0;
      if (statusOf(err) === 400) throw queryProblem(err, rule, at);
      throw err;
    }
    seen += page.length;
    if (page.length < limit) break;
  }
  return seen;
}

/** The list API refused the link or `where`: say which setting, with the API's reason. */
function queryProblem(err: unknown, rule: ActivityRule, at: string): SettingsProblem {
  const details = detailsOf(err);
  const about = (parameter: string) => details.filter((d) => d.parameter === parameter).map((d) => d.message).join('; ');
  const link = about(`filter[${rule.activity.link}][eq]`);
  if (link) return new SettingsProblem(`${at}.activity.link`, `"${rule.activity.link}" cannot link ${rule.activity.entity} records to the scored record: ${link}`, `"${rule.activity.link}" 不能把 ${rule.activity.entity} 关联到被评分的记录：${link}`);
  const where = about('filter');
  if (where) return new SettingsProblem(`${at}.where`, `the ${rule.activity.entity} records cannot be filtered so: ${where}`, `无法按此条件筛选 ${rule.activity.entity}：${where}`);
  const message = err instanceof Error ? err.message : String(err);
  return new SettingsProblem(at, `the ${rule.activity.entity} records cannot be counted: ${message}`, `无法统计 ${rule.activity.entity}：${message}`);
}
