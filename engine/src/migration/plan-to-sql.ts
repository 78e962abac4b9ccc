import type { MigrationPlan } from './migration-types';

/**
 * The whole plan as one SQL script for preview: each step as a comment, its prechecks as
 * commented queries (the runtime runs them; a script reader sees what will be checked), then
 * its statements, all in one transaction.
 */
export function planToSql(plan: MigrationPlan): string {
  if (plan.steps.length === 0) return '-- nothing to do\n';
  const lines = ['begin;'];
  plan.steps.forEach((step, i) => {
    const flags = [step.destructive ? 'DESTRUCTIVE' : step.safe ? 'safe' : 'checked'].join(' ');
    lines.push('', `-- ${i + 1}. ${step.kind} [${flags}]: ${step.description.replace(/\n/g, ' ')}`);
    for (const check of step.checks ?? []) lines.push(`-- precheck: ${check.description}`, `--   ${check.sql};`);
    for (const statement of step.sql) lines.push(`${statement};`);
  });
  for (const blocker of plan.blockers) lines.push(`-- BLOCKED: ${blocker.replace(/\n/g, ' ')}`);
  lines.push('', 'commit;', '');
  return lines.join('\n');
}
