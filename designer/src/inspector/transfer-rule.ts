import type { AppDefinition, EntityDefinition, TransferRule } from '@tessera/metadata';

/**
 * A many-to-one field's `x-relation.onTransfer` as the relation inspector offers it: when the
 * parent record is transferred to another owner, the previous owner's records of this entity
 * stay (`none`, the default), all follow, the open ones follow (not in a final workflow
 * state), or the ones whose field is not one of some values, or whose date is still ahead.
 */
export type TransferChoice =
  | { kind: 'none' | 'all' | 'open' }
  | { kind: 'notIn'; field: string; values: string[] }
  | { kind: 'fromNow'; field: string };

export type TransferKind = TransferChoice['kind'];
export const TRANSFER_KINDS: readonly TransferKind[] = ['none', 'all', 'open', 'notIn', 'fromNow'];
export type TransferProblem = 'workflow' | 'field' | 'values';

export function transferChoice(rule: TransferRule | undefined): TransferChoice {
  if (rule === undefined || typeof rule === 'string') return { kind: rule ?? 'none' };
  if (rule.open.fromNow) return { kind: 'fromNow', field: rule.open.field };
  return { kind: 'notIn', field: rule.open.field, values: rule.open.notIn ?? [] };
}

/** The rule to write; the default (`none`) is left out unless the field already said so. */
export function choiceToRule(choice: TransferChoice, declared?: TransferRule): TransferRule | undefined {
  if (choice.kind === 'none') return declared === 'none' ? 'none' : undefined;
  if (choice.kind === 'notIn') return { open: { field: choice.field, notIn: choice.values } };
  if (choice.kind === 'fromNow') return { open: { field: choice.field, fromNow: true } };
  return choice.kind;
}

/** The fields an open-by-field rule can name: select fields (the workflow's state field first) and dates. */
export function transferFields(app: AppDefinition | undefined, entity: EntityDefinition): { select: string[]; date: string[] } {
  const of = (types: string[]) => Object.keys(entity.properties).filter((n) => types.includes(entity.properties[n]['x-type']));
  const state = app?.workflows?.find((w) => w.entity === entity['x-name'])?.stateField;
  const select = of(['select']);
  return { select: state && select.includes(state) ? [state, ...select.filter((n) => n !== state)] : select, date: of(['date', 'datetime']) };
}

export const hasWorkflow = (app: AppDefinition | undefined, entity: EntityDefinition): boolean => Boolean(app?.workflows?.some((w) => w.entity === entity['x-name']));

/** A choice of `kind` to start from: an open-by-field rule preset to the first field it can name. */
export function startChoice(kind: TransferKind, fields: { select: string[]; date: string[] }): TransferChoice {
  if (kind === 'notIn') return { kind, field: fields.select[0] ?? '', values: [] };
  if (kind === 'fromNow') return { kind, field: fields.date[0] ?? '' };
  return { kind };
}

/** What keeps the choice from publishing (the checks metadata validation makes), if anything. */
export function transferProblem(choice: TransferChoice, workflow: boolean, fields: { select: string[]; date: string[] }): TransferProblem | undefined {
  if (choice.kind === 'open' && !workflow) return 'workflow';
  if (choice.kind === 'notIn') return !fields.select.includes(choice.field) ? 'field' : choice.values.length ? undefined : 'values';
  if (choice.kind === 'fromNow' && !fields.date.includes(choice.field)) return 'field';
  return undefined;
}
