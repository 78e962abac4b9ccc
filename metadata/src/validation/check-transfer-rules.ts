import { entityViews, isRecord, stringOr } from './app-views';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/**
 * What the meta-schema cannot say about `x-relation.onTransfer`: it sits on a many-to-one (the
 * child's link to its parent); `open` needs a workflow on the child (its final states are the
 * closed ones); an open-by-field rule names a field of the child.
 */
export function checkTransferRules(app: unknown): MetadataError[] {
  const workflows = isRecord(app) && Array.isArray(app.workflows) ? app.workflows.filter(isRecord) : [];
  const errors: MetadataError[] = [];
  for (const entity of entityViews(app)) {
    for (const field of entity.fields) {
      const relation = isRecord(field.value['x-relation']) ? field.value['x-relation'] : undefined;
      const rule = relation?.onTransfer;
      if (!relation || rule === undefined) continue;
      const at = field.pointer + pointerOf('x-relation', 'onTransfer');
      if (relation.kind !== 'many-to-one') {
        errors.push(metadataError('transfer-rule-invalid', at, `${field.title} says which records follow a transfer, but only a many-to-one relation (a child's link to its parent) can.`, 'Move onTransfer to the child entity\'s relation field.'));
      } else if (rule === 'open' && !workflows.some((w) => stringOr(w.entity) === entity.name)) {
        errors.push(metadataError('transfer-rule-invalid', at, `${field.title} moves "open" records on transfer, but ${entity.title} has no workflow to tell open from closed.`, 'Use { "open": { "field": …, "notIn": [...] } } or "all".'));
      } else if (isRecord(rule) && isRecord(rule.open) && typeof rule.open.field === 'string' && !entity.fields.some((f) => f.name === (rule.open as { field: string }).field)) {
        errors.push(metadataError('transfer-rule-invalid', at + pointerOf('open', 'field'), `${field.title} tells open records by "${rule.open.field}", which is not a field of ${entity.title}.`, `Name a field of ${entity.title}.`));
      }
    }
  }
  return errors;
}
