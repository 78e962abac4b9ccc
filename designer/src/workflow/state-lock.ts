import type { WorkflowStateLock } from '@tessera/metadata';

/**
 * A state's record lock as the state inspector edits it: on or off, the whole record or named
 * fields, and the roles that may still edit. Kept apart from the metadata so "only these
 * fields" with none ticked yet can be on screen while the workflow holds no lock (a lock of no
 * fields locks nothing, and the meta-schema wants at least one).
 */
export interface LockChoice {
  on: boolean;
  whole: boolean;
  fields: string[];
  except: string[];
}

export function lockChoice(lock: WorkflowStateLock | undefined): LockChoice {
  if (!lock) return { on: false, whole: true, fields: [], except: [] };
  return { on: true, whole: lock.fields === '*', fields: lock.fields === '*' ? [] : lock.fields, except: lock.except ?? [] };
}

/** A new lock locks the whole record, administrators excepted (they can still correct it). */
export const startLock = (roles: readonly string[]): LockChoice => ({ on: true, whole: true, fields: [], except: roles.includes('admin') ? ['admin'] : [] });

/** The `lock` to write, or undefined for none (off, or named fields with none ticked). */
export function choiceToLock(choice: LockChoice): WorkflowStateLock | undefined {
  if (!choice.on || (!choice.whole && !choice.fields.length)) return undefined;
  return { fields: choice.whole ? '*' : [...choice.fields], ...(choice.except.length ? { except: [...choice.except] } : {}) };
}

/** `list` with `item` ticked or unticked, in `order` (the entity's field order, the app's roles). */
export function toggle(list: readonly string[], item: string, on: boolean, order: readonly string[]): string[] {
  const next = new Set(list);
  if (on) next.add(item);
  else next.delete(item);
  return [...order.filter((x) => next.has(x)), ...[...next].filter((x) => !order.includes(x))];
}
