import { isRecord, stringOr, type EntityView, type Json } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { metadataError } from '../validation/metadata-error';
import type { MetadataError } from '../validation/validation-types';

const DATE_TYPES = ['date', 'datetime'];

/**
 * Timers counted from a date field (`after: { "<ms>": { "since": "<field>" } }`): the field is
 * a date or datetime of the workflow's entity, and no chain of such timers leads back to its
 * own state. A date timer fires whenever its moment has passed, so one that came back to its
 * state (directly, or through other date timers on the same past date) would fire at every
 * sweep, forever.
 */
export function checkDateTimers(states: Json, entity: EntityView | undefined, title: string, at: (...segments: (string | number)[]) => string): MetadataError[] {
  const errors: MetadataError[] = [];
  const edges: { from: string; target: string; delay: string }[] = [];
  const dateFields = entity?.fields.filter((f) => DATE_TYPES.includes(String(f.value['x-type']))).map((f) => f.name) ?? [];
  for (const [state, config] of Object.entries(states)) {
    const after = isRecord(config) && isRecord(config.after) ? config.after : {};
    for (const [delay, timer] of Object.entries(after)) {
      const since = isRecord(timer) ? stringOr(timer.since) : undefined;
      if (since === undefined) continue;
      const target = stringOr((timer as Json).target);
      if (target) edges.push({ from: state, target, delay });
      if (!entity) continue; // workflow-entity-missing says it
      const field = entity.fields.find((f) => f.name === since);
      if (!field || !DATE_TYPES.includes(String(field.value['x-type']))) {
        const guess = closestName(since, dateFields);
        const what = field ? `${field.title}, which is a "${String(field.value['x-type'])}" field` : `"${since}", which ${entity.title} does not have`;
        errors.push(metadataError('workflow-timer-date-invalid', at('machine', 'states', state, 'after', delay, 'since'), `${title}: the ${delay} ms timer of the state "${state}" counts from ${what}; it needs a date or datetime field.`, `${guess ? `Did you mean "${guess}"? ` : ''}Date fields of ${entity.title}: ${dateFields.join(', ') || '(none)'}.`));
      }
    }
  }
  for (const edge of edges) {
    if (!leadsBack(edge, edges)) continue;
    errors.push(metadataError('workflow-timer-date-invalid', at('machine', 'states', edge.from, 'after', edge.delay, 'target'), `${title}: the ${edge.delay} ms timer of the state "${edge.from}" counts from a date and comes back to "${edge.from}" through date timers only; once the date has passed it would fire again and again.`, 'Send it to another state, or use a timer counted from entering the state (no "since") for a repeating reminder.'));
  }
  return errors;
}

/** Whether date-timer edges lead from `edge`'s target back to its source. */
function leadsBack(edge: { from: string; target: string }, edges: readonly { from: string; target: string }[]): boolean {
  const seen = new Set<string>();
  const queue = [edge.target];
  while (queue.length > 0) {
    const state = queue.shift()!;
    if (state === edge.from) return true;
    if (seen.has(state)) continue;
    seen.add(state);
    for (const e of edges) if (e.from === state) queue.push(e.target);
  }
  return false;
}
