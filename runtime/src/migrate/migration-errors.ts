import type { AppDefinition } from '@tessera/metadata';
import { HttpError } from '../errors/http-error';
import type { CheckResult, RunStep } from './migrate-types';

/** `entity.field` of a stable field id, looked up in the given versions (newest first). */
export function fieldName(fieldId: string | undefined, apps: readonly (AppDefinition | null | undefined)[]): string | undefined {
  if (!fieldId) return undefined;
  for (const app of apps) {
    for (const entity of app?.entities ?? []) {
      for (const [name, field] of Object.entries(entity.properties)) if (field['x-id'] === fieldId) return `${entity['x-name']}.${name}`;
    }
  }
  return undefined;
}

/**
 * The field a blocker is about. The engine phrases blockers as prose naming a field id or a
 * `table.column`; both are searched for, the app name when neither occurs.
 */
function blockerField(blocker: string, apps: readonly (AppDefinition | null | undefined)[]): string {
  for (const app of apps) {
    for (const entity of app?.entities ?? []) {
      for (const [name, field] of Object.entries(entity.properties)) {
        const id = field['x-id'];
        if (new RegExp(`\\b${id}\\b`).test(blocker) || blocker.includes(`${entity['x-name']}.${name} `)) return `${entity['x-name']}.${name}`;
      }
    }
  }
  return apps.find(Boolean)?.name ?? '';
}

export const migrationBlocked = (blockers: readonly string[], apps: readonly (AppDefinition | null | undefined)[]) =>
  new HttpError(422, 'migration_blocked', `This change cannot be applied: ${blockers.join(' ')}`,
    blockers.map((message) => ({ field: blockerField(message, apps), rule: 'blocked', message })));

export function precheckFailed(results: readonly CheckResult[], steps: readonly RunStep[], apps: readonly (AppDefinition | null | undefined)[]): HttpError {
  const failed = results.filter((r) => r.count > 0);
  const details = failed.map((r) => ({
    field: fieldName(r.fieldId, apps) ?? steps[r.step]?.description ?? '',
    rule: steps[r.step]?.kind ?? 'precheck',
    message: `${r.failure} (${r.count} record(s); e.g. ${r.samples.join(', ')})`,
    count: r.count,
    samples: r.samples,
  }));
  return new HttpError(409, 'migration_precheck_failed', `The data does not allow this change yet: ${details.map((d) => d.message).join(' ')}`, details);
}

export const confirmationRequired = (steps: readonly RunStep[], apps: readonly (AppDefinition | null | undefined)[]) => {
  const destructive = steps.filter((s) => s.destructive);
  return new HttpError(409, 'confirmation_required',
    `${destructive.length} step(s) lose or rewrite data (recoverably, from the archive); send confirmDestructive: true to apply them: ${destructive.map((s) => s.description).join('; ')}`,
    destructive.map((s) => ({ field: fieldName(s.fieldId, apps) ?? s.description, rule: s.kind, message: s.description })));
};

export const versionConflict = (current: number, base: number) =>
  new HttpError(409, 'version_conflict', `The app is at version ${current}, but the change was based on version ${base}; reload and try again`);
