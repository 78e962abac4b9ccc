import { isRecord, stringOr, type Json } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { metadataError } from '../validation/metadata-error';
import type { MetadataError } from '../validation/validation-types';

const EVENT_KEYS = ['onApproved', 'onRejected', 'onReturned', 'onWithdrawn'] as const;

/** The plain rules of a rule not yet known to be well-formed: itself, or each rule of an `any` union. */
function ruleParts(rule: unknown): { rule: Json; path: (string | number)[]; index?: number }[] {
  if (!isRecord(rule)) return [];
  if (rule.kind !== 'any') return [{ rule, path: [] }];
  return (Array.isArray(rule.of) ? rule.of : []).flatMap((part, index) => (isRecord(part) ? [{ rule: part, path: ['of', index], index }] : []));
}

/**
 * What the meta-schema cannot say about one state's approval: its outcome events are events of
 * that state, step ids are unique, a ratio step has a ratio, and `field` rules (also inside an
 * `any` union, named by their place in it) and the summary name fields.
 * `at` builds pointers inside the state (`/workflows/0/machine/states/pending/approval/...`).
 */
export function checkApproval(state: Json, stateName: string, fieldNames: string[] | undefined, at: (...segments: (string | number)[]) => string): MetadataError[] {
  const approval = state.approval;
  if (!isRecord(approval)) return [];
  const errors: MetadataError[] = [];
  const events = Object.keys(isRecord(state.on) ? state.on : {});
  for (const key of EVENT_KEYS) {
    const event = stringOr(approval[key]);
    if (event && !events.includes(event)) {
      const guess = closestName(event, events);
      errors.push(metadataError('approval-event-missing', at('approval', key), `The approval of the state "${stateName}" fires "${event}" (${key}), which is not an event of that state.`, `${guess ? `Did you mean "${guess}"? ` : ''}Add "${event}" under the state's "on"; its events: ${events.join(', ') || '(none)'}.`));
    }
  }
  const summary = Array.isArray(approval.summary) ? approval.summary : [];
  summary.forEach((field, i) => {
    if (typeof field === 'string' && fieldNames && !fieldNames.includes(field)) {
      const guess = closestName(field, fieldNames);
      errors.push(metadataError('approval-summary-field-missing', at('approval', 'summary', i), `The approval in "${stateName}" shows approvers the field "${field}", which is not a field of the entity.`, `${guess ? `Did you mean "${guess}"? ` : ''}Name fields of the record the approvers need to decide.`));
    }
  });
  const steps = Array.isArray(approval.steps) ? approval.steps : [];
  const ids = new Set<string>();
  steps.forEach((step, i) => {
    if (!isRecord(step)) return;
    const id = stringOr(step.id);
    if (id && ids.has(id)) errors.push(metadataError('duplicate-approval-step', at('approval', 'steps', i, 'id'), `Two steps of the approval in "${stateName}" have the id "${id}".`, 'Step ids must be unique in an approval; rejections and history name steps by id.'));
    if (id) ids.add(id);
    if (step.mode === 'ratio' && typeof step.ratio !== 'number') errors.push(metadataError('approval-ratio-missing', at('approval', 'steps', i, 'ratio'), `The step "${id ?? i}" votes by ratio but has no "ratio".`, 'Give a fraction in (0, 1], e.g. 0.6 for 2 of 3.'));
    if (step.mode !== 'ratio' && step.ratio !== undefined) errors.push(metadataError('approval-ratio-unused', at('approval', 'steps', i, 'ratio'), `The step "${id ?? i}" has a "ratio" but its mode is "${String(step.mode)}".`, 'Set "mode": "ratio", or remove "ratio".'));
    const rules = [[step.approvers, ['approvers']], [isRecord(step.timeout) ? step.timeout.escalateTo : undefined, ['timeout', 'escalateTo']]] as const;
    for (const [rule, path] of rules) {
      for (const part of ruleParts(rule)) {
        const field = part.rule.kind === 'field' ? stringOr(part.rule.field) : undefined;
        if (field && fieldNames && !fieldNames.includes(field)) {
          const guess = closestName(field, fieldNames);
          const which = part.index === undefined ? '' : ` (rule ${part.index + 1} of its "any of" rules)`;
          errors.push(metadataError('approval-field-missing', at('approval', 'steps', i, ...path, ...part.path, 'field'), `The step "${id ?? i}" takes ${path[0] === 'timeout' ? 'escalation approvers' : 'approvers'} from "${field}"${which}, which is not a field of the entity.`, `${guess ? `Did you mean "${guess}"? ` : ''}Use a user field of the record.`));
        }
      }
    }
  });
  return errors;
}
