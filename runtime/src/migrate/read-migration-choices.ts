import type { MigrationChoices } from './migrate-types';

type Problem = { field: string; rule: string; message: string };
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `confirmDestructive`, `valueMappings` ({ fieldId: { removed option: new value | null } }),
 * `backfills` ({ fieldId: value }) and `stateMappings` ({ entity: { removed state: new state } })
 * from a request body; wrong shapes are added to `problems` (field names prefixed with `prefix`).
 */
export function readMigrationChoices(body: unknown, prefix: string, problems: Problem[]): MigrationChoices {
  if (!isObject(body)) {
    if (body !== undefined) problems.push({ field: prefix.replace(/\.$/, '') || 'body', rule: 'type', message: 'must be an object' });
    return {};
  }
  const choices: MigrationChoices = {};
  if (body.confirmDestructive !== undefined) {
    if (typeof body.confirmDestructive !== 'boolean') problems.push({ field: `${prefix}confirmDestructive`, rule: 'type', message: 'must be true or false' });
    else choices.confirmDestructive = body.confirmDestructive;
  }
  if (body.valueMappings !== undefined) {
    const ok = isObject(body.valueMappings) && Object.values(body.valueMappings).every((m) => isObject(m) && Object.values(m).every((v) => v === null || typeof v === 'string'));
    if (!ok) problems.push({ field: `${prefix}valueMappings`, rule: 'type', message: 'must map field ids to { removed option: new option or null }' });
    else choices.valueMappings = body.valueMappings as MigrationChoices['valueMappings'];
  }
  if (body.stateMappings !== undefined) {
    const ok = isObject(body.stateMappings) && Object.values(body.stateMappings).every((m) => isObject(m) && Object.values(m).every((v) => typeof v === 'string'));
    if (!ok) problems.push({ field: `${prefix}stateMappings`, rule: 'type', message: 'must map entity names to { removed state: new state }' });
    else choices.stateMappings = body.stateMappings as MigrationChoices['stateMappings'];
  }
  if (body.backfills !== undefined) {
    if (!isObject(body.backfills)) problems.push({ field: `${prefix}backfills`, rule: 'type', message: 'must map field ids to values' });
    else choices.backfills = body.backfills;
  }
  return choices;
}
