import type { TransferRule } from '@tessera/metadata';
import { workflowDefinitionsOf } from '../workflows/entity-workflow-definitions';
import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';

/** How many records of one child entity followed the parent. */
export interface MovedChildren {
  entity: string;
  /** The child's many-to-one field that points at the parent. */
  via: string;
  moved: number;
}

interface FollowingRelation {
  child: CompiledEntity;
  field: string;
  column: string;
  rule: Exclude<TransferRule, 'none'>;
}

/** Every many-to-one into `parent` whose `onTransfer` moves children (all, open, open by a field). */
export function followingRelations(state: AppState, parent: CompiledEntity): FollowingRelation[] {
  const name = parent.entity['x-name'];
  const found: FollowingRelation[] = [];
  for (const child of state.byPlural.values()) {
    for (const [field, def] of Object.entries(child.entity.properties)) {
      const relation = def['x-relation'];
      if (relation?.kind !== 'many-to-one' || relation.entity !== name || !relation.onTransfer || relation.onTransfer === 'none') continue;
      found.push({ child, field, column: child.fieldsByName.get(field)?.column ?? field, rule: relation.onTransfer });
    }
  }
  return found;
}

/** The closed values of an open rule: the final states of the child's workflow, or the rule's own list. */
function openFilter(trx: Knex.Transaction, state: AppState, { child, rule }: FollowingRelation): ((qb: Knex.QueryBuilder) => void) | undefined {
  if (rule === 'all') return undefined;
  if (rule === 'open') {
    // Publish refuses `open` without a workflow (checkTransferRules); without one nothing is closed.
    // Each record type may run its own workflow (ADR 0060): closed is a final state of any of them.
    const finals = new Map<string, string[]>();
    for (const workflow of workflowDefinitionsOf(state.app, child.entity['x-name']).all) {
      const column = child.fieldsByName.get(workflow.stateField)?.column ?? workflow.stateField;
      finals.set(column, [...(finals.get(column) ?? []), ...Object.entries(workflow.machine.states).filter(([, s]) => s.type === 'final').map(([n]) => n)]);
    }
    if (finals.size === 0) return undefined;
    return (qb) => {
      for (const [column, closed] of finals) qb.where((w) => w.whereNull(column).orWhereNotIn(column, closed));
    };
  }
  const column = child.fieldsByName.get(rule.open.field)?.column ?? rule.open.field;
  if (rule.open.fromNow) return (qb) => void qb.where(column, '>=', trx.fn.now());
  return (qb) => void qb.where((w) => w.whereNull(column).orWhereNotIn(column, rule.open.notIn ?? []));
}

/**
 * Moves the parent's children that its relation metadata says follow a transfer, from the
 * previous owner to the new one: one UPDATE per following relation, in the caller's
 * transaction (which carries the `transfer` audit context, so the audit trigger writes a
 * history entry on each moved record). Only children the previous owner held move: a
 * colleague's contact on the same customer stays theirs. Soft-deleted children stay.
 */
export async function transferChildren(trx: Knex.Transaction, state: AppState, parent: CompiledEntity, parentId: string, from: string | null, to: string): Promise<MovedChildren[]> {
  const moved: MovedChildren[] = [];
  for (const relation of followingRelations(state, parent)) {
    const { child, column } = relation;
    const open = openFilter(trx, state, relation);
    const rows = await trx
      .withSchema(child.schema)
      .table(child.table)
      .where(column, parentId)
      .modify((qb) => void (from === null ? qb.whereNull('owner') : qb.where('owner', from)))
      .modify((qb) => void (child.entity['x-soft-delete'] ? qb.whereNull('deleted_at') : qb))
      .modify((qb) => void open?.(qb))
      .update({ owner: to, version: trx.raw('?? + 1', ['version']), updated_at: trx.fn.now() })
      .returning('id');
    moved.push({ entity: child.entity['x-name'], via: relation.field, moved: rows.length });
  }
  return moved;
}
